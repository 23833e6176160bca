"""Plan tables: target and pagu per year — Renja (Tabel 4.1/4.2, T-C.33), Renstra matrices (tahun 1–5)
and Perubahan tables (sebelum/setelah pairs, flat database exports with ``menjadi_…`` columns).

Kinds:

- ``rencana``: ``Target 2024 | Rp. 2024 | Target 2025 | Rp. 2025`` (years from the header, else from
  the title or the file name, pagu columns in order);
- ``renstra``: ``TARGET TAHUN 1 | DANA TAHUN 1 …`` or three or more years; ``kondisi awal/akhir``
  columns are read but not summed;
- ``perubahan``: the same pairs on two sides (``Sebelum``/``Setelah Perubahan``, ``Murni``/``Perubahan``,
  ``x``/``menjadi_x``) and an optional ``Bertambah/(Berkurang)`` column. Both sides are read; the
  after-side columns are never taken for the next year's pagu.

Where a table names several targets for one year (``target_indikator``, ``target``,
``target_kinerja``), the plain one is the target and the others are listed as ignored; when there is
no plain one, the table says it is unsure (E004) instead of picking.
"""

from __future__ import annotations

import re

from ...core.tabel import Peran
from ..kepala import Blok
from ..kode_kolom import tata_kode
from ..kosakata import tahun_dalam
from ..peta import Ciri, periode_kolom, sisi_kolom, ukuran_kolom
from .dasar import KolomNilai, Susunan
from .umum import pilih_indikator, pilih_lokasi, pilih_satuan, pilih_uraian, teks_lain

__all__ = ["susun_rencana"]

_KATA_TARGET_LAIN = ("indikator", "kinerja", "capaian", "hasil", "outcome")


def _polos_target(c: Ciri) -> bool:
    """A target column whose header names nothing but the target (and its year/side)."""
    words = set(c.label.teks.split()) - {"target", "menjadi", "sebelum", "setelah", "perubahan", "tahun", "th",
                                          "murni", "semula", "k", "sesudah", "keluaran", "output", "rencana"}
    words = {w for w in words if not w.isdigit()}
    return not (words & set(_KATA_TARGET_LAIN))


def _persis_target(c: Ciri) -> bool:
    """A header that is just "target" (with its side or year): ``target``, ``menjadi_target``."""
    words = [w for w in c.label.teks.split() if not w.isdigit() and w not in ("menjadi", "sebelum", "setelah", "sesudah",
                                                                             "perubahan", "murni", "semula", "tahun")]
    return words == ["target"]


def _tahun_urut(cols: list[tuple[Ciri, str, str]], judul: str, tahun_berkas: int | None) -> dict[int, str]:
    """Period of columns whose header names none, side by side (a Perubahan's two sides share their
    years): a forward estimate (``anggaran_maju``, ``prakiraan maju``) is the year after; the other
    pagu columns take the title's (or file's) years in order; a target takes the year of the nearest
    pagu column to its right on its side (a target stands before its pagu)."""
    seq = sorted(set(tahun_dalam(judul))) or ([tahun_berkas, tahun_berkas + 1] if tahun_berkas else [])
    out: dict[int, str] = {}
    for side in {sd for _, _, sd in cols}:
        missing = [(c, u) for c, u, sd in cols if sd == side and not periode_kolom(c)]
        maju = [c for c, u in missing if u == "pagu" and c.punya("proyeksi")]
        pagus = [c for c, u in missing if u == "pagu" and c not in maju]
        if len(pagus) <= 1 and not seq:
            for c, _ in missing:
                out[c.idx] = "n+1" if c in maju else ""
            continue
        for i, c in enumerate(pagus):
            out[c.idx] = str(seq[i]) if i < len(seq) else (str(seq[-1] + i - len(seq) + 1) if seq else "")
        for c in maju:
            base = out[pagus[-1].idx] if pagus and out.get(pagus[-1].idx, "").isascii() and out.get(pagus[-1].idx, "").isdigit() else ""
            out[c.idx] = str(int(base) + 1) if base else "n+1"
        for c, _u in missing:
            if c.idx in out:
                continue
            right = [p for p in pagus if p.idx > c.idx]
            near = right[0] if right else (pagus[-1] if pagus else None)
            out[c.idx] = out[near.idx] if near is not None else (str(seq[0]) if seq else "")
    return out


def susun_rencana(blok: Blok, ciri: list[Ciri], kind: str, tahun_berkas: int | None) -> Susunan:
    uraian_c, uraian_bukti = pilih_uraian(ciri, set())
    tata = tata_kode(blok, ciri, uraian_c)
    kode_cols = set(tata.kolom)
    if uraian_c in kode_cols:
        uraian_c, uraian_bukti = pilih_uraian(ciri, kode_cols)
    used = set(kode_cols) | ({uraian_c} if uraian_c is not None else set())
    s = Susunan(kind=kind, tata=tata, uraian=uraian_c)
    s.catat(uraian_c, "uraian", uraian_bukti)
    s.indikator = pilih_indikator(ciri, used)
    used |= {s.indikator} if s.indikator is not None else set()
    numeric: list[tuple[Ciri, str]] = []
    for c in ciri:
        if c.idx in used or c.punya("satuan") and not c.punya("target", "pagu"):
            continue
        u = ukuran_kolom(c)
        if u in ("target", "pagu", "selisih_rp") and c.berangka:
            if c.punya("awal", "akhir") and not c.punya("target", "pagu"):
                continue
            numeric.append((c, u))
        elif c.punya("awal", "akhir") and c.berangka and c.isi:
            s.teks[f"kondisi {'awal' if c.punya('awal') else 'akhir'}"] = c.idx
            used.add(c.idx)
    # the sides of a Perubahan: explicit words, or a column that has a "menjadi_" twin
    sisi: dict[int, str] = {c.idx: sisi_kolom(c) for c, _ in numeric}
    if kind == "perubahan":
        dasar = {c.label.teks.replace("menjadi ", "").strip() for c, _ in numeric if sisi[c.idx] == "setelah"}
        for c, _ in numeric:
            if not sisi[c.idx] and c.label.teks.strip() in dasar:
                sisi[c.idx] = "sebelum"
    periode_urut = _tahun_urut([(c, u, sisi[c.idx] if kind == "perubahan" else "") for c, u in numeric
                                if u != "selisih_rp"], blok.judul, tahun_berkas)
    targets: dict[tuple[str, str], list[Ciri]] = {}
    cols: list[KolomNilai] = []
    for c, u in numeric:
        side = sisi[c.idx] if kind == "perubahan" else ""
        if side == "selisih":
            u, side = "selisih_rp", ""
        per = periode_kolom(c) or periode_urut.get(c.idx, "")
        if c.punya("proyeksi") and not per:
            per = "n+1"
        if u == "target":
            targets.setdefault((per, side), []).append(c)
            continue
        cols.append(KolomNilai(c.idx, Peran(u, per, side), c.bukti))
    for (per, side), cands in targets.items():
        persis = [c for c in cands if _persis_target(c)]
        keluaran = [c for c in cands if re.search(r"\bkeluaran\b|\boutput\b", c.label.teks)]
        plain = persis or (keluaran if len(keluaran) == 1 else []) or [c for c in cands if _polos_target(c)]
        if len(cands) == 1 or len(plain) == 1:
            pick = cands[0] if len(cands) == 1 else plain[0]
            cols.append(KolomNilai(pick.idx, Peran("target", per, side), pick.bukti, unit_ok=True))
            for c in cands:
                if c is not pick:
                    s.catat(c.idx, "diabaikan", f"{c.bukti} (target lain; target dibaca dari {pick.huruf})")
        else:
            for c in cands:
                cols.append(KolomNilai(c.idx, Peran("target", per, side), c.bukti, yakin=False, unit_ok=True))
            what = ", ".join(f"{c.huruf} ({c.bukti})" for c in cands)
            s.ragu.append((f"beberapa kolom dapat berarti target {per} {side}".strip() + f": {what}; aturan target "
                           "tidak dijalankan pada tabel ini (tetapkan dengan [[peta]])",
                           f"several columns may be the target {per} {side}".strip() + f": {what}; target rules do not "
                           "run on this table (set it with [[peta]])"))
    cols.sort(key=lambda k: k.idx)
    # several pagu columns for one year and side: the first one is the pagu; say so
    s.angka = cols
    used |= {k.idx for k in cols}
    if kind == "perubahan":
        s.satuan = pilih_satuan(ciri, used, "setelah") or pilih_satuan(ciri, used)
        sebelum = pilih_satuan(ciri, used | ({s.satuan} if s.satuan is not None else set()), "sebelum")
        if sebelum is not None and sebelum != s.satuan:
            for k in cols:
                if k.peran.ukuran == "target" and k.peran.sisi == "sebelum":
                    k.satuan = sebelum
            used.add(sebelum)
    else:
        s.satuan = pilih_satuan(ciri, used)
    used |= {s.satuan} if s.satuan is not None else set()
    s.lokasi = pilih_lokasi(ciri, used)
    used |= {s.lokasi} if s.lokasi is not None else set()
    s.teks.update(teks_lain(ciri, used))
    s.no = s.teks.get("no")
    s.years = sorted({int(k.peran.periode) for k in cols if k.peran.periode.isascii() and k.peran.periode.isdigit()})
    if not any(k.peran.ukuran == "pagu" for k in cols):
        s.ragu.append(("tidak ada kolom pagu yang dikenali", "no pagu column was recognised"))
    return s
