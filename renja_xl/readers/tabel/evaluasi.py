"""Evaluation tables: Tabel 2.1 (T-C.29) and Formulir E.81 (Permendagri 86/2017) with its variants.

**T-C.29** (``evaluasi``): columns 4–11 by their T-C.29 number (4 target Renstra akhir, 5 realisasi
s.d. n-2, 6 target n-1, 7 realisasi n-1, 8 tingkat realisasi = 7/6 × 100, 9 target n, 10 realisasi
kumulatif = 5 + 7 + 9, 11 tingkat capaian = 10/4 × 100), each a value cell often followed by a satuan
cell. The numbers come from the column-number row; without one, the value columns after the
indicator are 4, 5, … in order and a text column of units after a value column is its satuan.

**E.81** (``e81``): target Renstra akhir periode (K, Rp), realisasi Renstra s.d. tahun lalu (K, Rp),
target Renja tahun berjalan (K, Rp), realisasi triwulan I–IV (K, Rp each), realisasi Renja yang
dievaluasi (K, Rp), tingkat capaian Renja (%), realisasi Renstra s.d. tahun berjalan (K, Rp),
tingkat capaian Renstra (%). Numbering and extra columns vary by pemda, so columns are read by their
words, not their numbers: a quarter from ``Triwulan II`` / ``TW 2`` / a bare ``II`` after a quarter
column, K or Rp from the unit marker (``K``, ``Rp``) above or below, or the words. A form without
Rp columns (target and realisation only) is read the same way. Program indicator rows without a kode
belong to the program above them.
"""

from __future__ import annotations

import re

from ...core.tabel import Peran
from ..kepala import Blok
from ..kode_kolom import tata_kode
from ..peta import Ciri, ukuran_kolom
from .dasar import KolomNilai, Susunan
from .umum import pilih_indikator, pilih_satuan, pilih_uraian, teks_lain

__all__ = ["susun_evaluasi", "susun_e81"]

_ROMAWI_SAJA = re.compile(r"^(?:tw\s*)?(iv|iii|ii|i)(?:\s+(k|rp|%))?$")
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _units_mostly(c: Ciri) -> bool:
    return c.isi > 0 and c.teks >= 0.6 and c.panjang <= 20


def susun_evaluasi(blok: Blok, ciri: list[Ciri]) -> Susunan:
    """T-C.29: the value columns by their number (or by order), each with its satuan cell."""
    uraian_c, bukti = pilih_uraian(ciri, set())
    nomor = {c.idx: c.kol.nomor for c in ciri}
    if any(n == 2 for n in nomor.values()):
        uraian_c = next((c.idx for c in ciri if c.kol.nomor == 2), uraian_c)
    tata = tata_kode(blok, ciri, uraian_c)
    kode_cols = set(tata.kolom)
    s = Susunan(kind="evaluasi", tata=tata, uraian=uraian_c)
    s.catat(uraian_c, "uraian", bukti)
    ind = next((c.idx for c in ciri if c.kol.nomor == 3 and c.idx not in kode_cols), None)
    s.indikator = ind if ind is not None else pilih_indikator(ciri, kode_cols | {uraian_c})
    kol = [c for c in ciri if c.idx not in kode_cols and c.idx not in (uraian_c, s.indikator)]
    value: dict[int, Ciri] = {}
    satuan: dict[int, int] = {}
    if any(c.kol.nomor is not None and c.kol.nomor >= 4 for c in kol):
        for c in kol:
            n = c.kol.nomor
            if n is None or n < 4 or n > 11:
                continue
            if n not in value:
                value[n] = c
            elif n not in satuan:
                satuan[n] = c.idx
    else:
        after = [c for c in kol if s.indikator is not None and c.idx > s.indikator]
        n = 4
        for c in after:
            if _units_mostly(c) and n > 4 and (n - 1) not in satuan:
                satuan[n - 1] = c.idx
            elif n <= 11:
                value[n] = c
                n += 1
    for n, c in sorted(value.items()):
        s.angka.append(KolomNilai(c.idx, Peran("kolom", bagian=str(n)), f"kolom {n}: {c.bukti}", unit_ok=True,
                                  nomor=n, satuan=satuan.get(n)))
    if not value:
        s.ragu.append(("kolom 4–11 T-C.29 tidak dikenali", "columns 4–11 of T-C.29 were not recognised"))
    used = kode_cols | {c for c in (uraian_c, s.indikator) if c is not None} | {c.idx for c in value.values()} | set(
        satuan.values())
    s.teks.update(teks_lain(ciri, used))
    return s


def _periode_e81(c: Ciri, u: str) -> str | None:
    """The E.81 period of a realisation, target or capaian column, from its words."""
    lab = c.label
    if lab.tw:
        return f"TW{lab.tw}"
    renstra = lab.punya("renstra")
    if u in ("target", "pagu"):
        return "renstra" if renstra else "n"
    if u in ("realisasi", "realisasi_rp"):
        if renstra and lab.punya("lalu"):
            return "s/d lalu"
        if renstra or lab.punya("sd") and not lab.punya("renja"):
            return "s/d"
        if lab.punya("lalu") and not lab.punya("renja"):
            return "s/d lalu"
        return "n"
    if u in ("capaian", "capaian_rp"):
        return "s/d" if renstra else "n"
    return None


def susun_e81(blok: Blok, ciri: list[Ciri]) -> Susunan:
    uraian_c, bukti = pilih_uraian(ciri, set())
    tata = tata_kode(blok, ciri, uraian_c)
    kode_cols = set(tata.kolom)
    s = Susunan(kind="e81", tata=tata, uraian=uraian_c)
    s.catat(uraian_c, "uraian", bukti)
    used = set(kode_cols) | ({uraian_c} if uraian_c is not None else set())
    s.indikator = pilih_indikator(ciri, used)
    used |= {s.indikator} if s.indikator is not None else set()
    s.satuan = pilih_satuan(ciri, used)
    used |= {s.satuan} if s.satuan is not None else set()
    prev_tw: tuple[str, int] | None = None  # (measure, quarter) of the last quarter column
    cols: list[KolomNilai] = []
    for c in ciri:
        if c.idx in used:
            continue
        u = ukuran_kolom(c)
        m = _ROMAWI_SAJA.match(c.label.teks.strip())
        if m and prev_tw is not None:
            q = _ROMAWI[m.group(1)]
            rp = (m.group(2) == "rp") or (m.group(2) is None and c.label.satuan_kolom == "rp")
            ukur = "realisasi_rp" if rp else "realisasi"
            cols.append(KolomNilai(c.idx, Peran(ukur, f"TW{q}"), f"{c.bukti} (triwulan {m.group(1).upper()})"))
            prev_tw = (ukur, q)
            continue
        if c.label.tw and (u is None and prev_tw is not None or u in ("target", "pagu")) and c.berangka:
            # a quarter column is realisation ("Triwulan II | Rp" after "Realisasi Triwulan I")
            u = "realisasi_rp" if (c.label.satuan_kolom == "rp" or u == "pagu") else "realisasi"
        if u is None or not c.berangka:
            continue
        per = _periode_e81(c, u)
        if per is None:
            continue
        if c.label.tw:
            prev_tw = (u, c.label.tw)
        cols.append(KolomNilai(c.idx, Peran(u, per), c.bukti, unit_ok=u == "target"))
    s.angka = cols
    used |= {k.idx for k in cols}
    s.teks.update(teks_lain(ciri, used))
    s.no = s.teks.get("no")
    have = {k.peran.kunci for k in cols}
    if "realisasi n" not in have and not any(k.peran.periode.startswith("TW") for k in cols):
        s.ragu.append(("kolom realisasi tahun berjalan tidak dikenali", "no realisation column of the evaluated year"))
    if "target n" not in have:
        s.ragu.append(("kolom target Renja tahun berjalan tidak dikenali", "no target column of the evaluated year"))
    s.varian = "" if any(k.peran.uang for k in cols) else "tanpa-rp"
    return s
