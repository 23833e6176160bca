"""The part every table reader shares: walk the data rows of a block once and fill the columns.

A per-kind reader (:mod:`.rencana`, :mod:`.evaluasi`, …) decides what each column holds and hands
a :class:`Susunan` (layout) to :func:`bangun`, which reads every data row: its kode
(:mod:`..kode_kolom`), names, unit, and each numeric column, and keeps the row when it is data.
A row is not data when it is empty, a header repeated on a new page, the column-number row again,
or anything after the table's totals that is not another totals row or a coded row (signatures,
notes, a grand total typed under the table that is really a note). Trailing rows with neither a
kode nor a number are dropped (narrative after the table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from ...core.satuan import Kamus, kamus_bawaan
from ...core.tabel import KolomAngka, KolomTeks, Peran, PetaKolom, Relasi, Tabel
from ..kepala import Blok, teks_sel
from ..kode_kolom import TataKode
from ..kosakata import BULAN, tahun_dalam
from .. import cepat
from ..sel import _KOSONG as _SEL_KOSONG
from ..sel import baca_sel
from ..workbook import kolom_huruf

_INF = float("inf")

__all__ = ["Susunan", "KolomNilai", "bangun", "TOTAL", "periode_judul", "bulan_judul", "span"]

TOTAL = re.compile(r"^\s*(jumlah|total|jumlah total|grand total|sub ?total|jumlah keseluruhan|total keseluruhan)"
                   r"\b[\s:]*(seluruh(nya)?|keseluruhan|belanja|anggaran|pagu|program|kegiatan|urusan|bidang)?\s*$", re.I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4}
_PERIODE = re.compile(r"(?:triwulan|tw\.?)\s*(?:ke[- ]?)?(iv|iii|ii|i|[1-4]|satu|dua|tiga|empat)\b", re.I)
_NOMOR = re.compile(r"^\(?\d{1,2}\)?(?:\s*=.*)?$")
_KONSEP_KUAT = frozenset({"kode", "uraian", "indikator", "satuan", "target", "pagu", "realisasi", "capaian", "spm",
                          "review", "no", "fisik", "keuangan", "renstra"})
_LEVEL_LABEL = re.compile(r"^\s*(sub\s*kegiatan|subkegiatan|kegiatan|program)\b", re.I)


def periode_judul(judul: str) -> str | None:
    """TW1..TW4 from a title (``s/d Triwulan III``, ``Semester I``, ``s/d 31-01-2023``)."""
    m = _PERIODE.search(judul or "")
    if m:
        return f"TW{_ROMAN[m.group(1).lower()]}"
    low = (judul or "").lower()
    if re.search(r"semester\s*(ii|2)\b", low):
        return "TW4"
    if re.search(r"semester\s*(i|1)\b", low):
        return "TW2"
    bulan = bulan_judul(judul)
    return f"TW{(bulan - 1) // 3 + 1}" if bulan else None


def bulan_judul(judul: str) -> int | None:
    """The month a report runs to, when its title says it: ``s/d 31-01-2023``, ``kondisi s.d. tgl
    30/06/2024``, ``s.d. 31 Maret 2024``, ``sampai dengan bulan Juni``."""
    low = (judul or "").lower()
    if not re.search(r"s\s*[./]?\s*d\b|sampai dengan|kondisi|posisi|\bper\b", low):
        return None
    m = re.search(r"\b\d{1,2}\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*20\d\d\b", low, re.ASCII)
    bulan = int(m.group(1)) if m else None
    if bulan is None:
        m = re.search(r"(?:s\s*[./]?\s*d\.?|sampai dengan|posisi|\bper)\s*(?:tgl\.?\s*|tanggal\s*|bulan\s*)?"
                      r"(?:\d{1,2}\s+)?(" + "|".join(BULAN) + r")\b", low)
        bulan = BULAN.index(m.group(1)) + 1 if m else None
    return bulan if bulan and 1 <= bulan <= 12 else None



def span(cols: list[int]) -> str:
    if not cols:
        return ""
    if len(cols) == 1:
        return kolom_huruf(cols[0])
    if cols == list(range(cols[0], cols[-1] + 1)):
        return f"{kolom_huruf(cols[0])}:{kolom_huruf(cols[-1])}"
    return ",".join(kolom_huruf(c) for c in cols)


@dataclass(slots=True)
class KolomNilai:
    """A numeric column to read: where, what it holds, why we think so."""

    idx: int
    peran: Peran
    bukti: str
    yakin: bool = True
    unit_ok: bool = False  # a cell may carry the unit ("12 Jenis")
    nomor: int | None = None
    satuan: int | None = None  # a satuan cell beside the value


@dataclass(slots=True)
class Susunan:
    """The layout a per-kind reader found: the kind and each column's role."""

    kind: str
    tata: TataKode
    uraian: int | None = None
    indikator: int | None = None
    satuan: int | None = None
    lokasi: int | None = None
    angka: list[KolomNilai] = field(default_factory=list)
    teks: dict[str, int] = field(default_factory=dict)  # other text columns by name (catatan, no …)
    bukti: dict[int, tuple[str, str, bool]] = field(default_factory=dict)  # column → (role, evidence, sure)
    varian: str = ""
    years: list[int] = field(default_factory=list)
    ragu: list[tuple[str, str]] = field(default_factory=list)
    relasi: list[Relasi] = field(default_factory=list)
    no: int | None = None  # a running-number column (its rows are details)

    def catat(self, idx: int | None, peran: str, bukti: str, yakin: bool = True) -> None:
        if idx is not None and idx not in self.bukti:
            self.bukti[idx] = (peran, bukti, yakin)


def _peta(blok: Blok, s: Susunan) -> list:
    out = []
    kode = s.tata.kolom
    if kode:
        jenis = dict(s.tata.cols)
        seg = s.tata.segmen
        if seg:
            out.append(PetaKolom(span(seg), "kode", "kode terpecah per segmen" if len(seg) > 1 else _bukti_kol(blok, seg[0])))
        for c in s.tata.penuh:
            out.append(PetaKolom(kolom_huruf(c), "kode", _bukti_kol(blok, c)))
        for c, j in jenis.items():
            if j in ("organisasi", "akun", "rincian"):
                out.append(PetaKolom(kolom_huruf(c), f"kode {j}", _bukti_kol(blok, c)))
    for role, c in (("uraian", s.uraian), ("indikator", s.indikator), ("satuan", s.satuan), ("lokasi", s.lokasi)):
        if c is not None:
            p = s.bukti.get(c)
            out.append(PetaKolom(kolom_huruf(c), role, p[1] if p else _bukti_kol(blok, c), p[2] if p else True))
    for k in s.angka:
        out.append(PetaKolom(kolom_huruf(k.idx), k.peran.kunci, k.bukti, k.yakin))
        if k.satuan is not None:
            out.append(PetaKolom(kolom_huruf(k.satuan), f"satuan {k.peran.kunci}", _bukti_kol(blok, k.satuan)))
    for name, c in s.teks.items():
        out.append(PetaKolom(kolom_huruf(c), name, _bukti_kol(blok, c)))
    dipakai = {c for c in kode} | {c for c in (s.uraian, s.indikator, s.satuan, s.lokasi) if c is not None} | {
        k.idx for k in s.angka} | {k.satuan for k in s.angka if k.satuan is not None} | set(s.teks.values())
    for k in blok.kolom:
        if k.idx not in dipakai and k.levels:
            out.append(PetaKolom(kolom_huruf(k.idx), "diabaikan", k.teks, True))
    out.sort(key=lambda p: _urut_huruf(p.huruf))
    return out


def _urut_huruf(h: str) -> tuple[int, str]:
    first = re.split(r"[:,]", h)[0]
    n = 0
    for ch in first:
        n = n * 26 + ord(ch) - 64
    return n, h


def _bukti_kol(blok: Blok, c: int) -> str:
    k = blok.kolom_di(c)
    return k.teks if k is not None and k.teks else "(isi kolom)"


def _teks(v: Any) -> str:
    if v.__class__ is str:
        return " ".join(v.split())
    return teks_sel(v)


def bangun(blok: Blok, s: Susunan, kamus: Kamus | None = None) -> Tabel | None:
    """Read every data row of a block into a :class:`Tabel` laid out as ``s`` says."""
    kamus = kamus or kamus_bawaan()
    sheet = blok.lembar
    t = Tabel(sheet=sheet.nama, kind=s.kind, varian=s.varian, title=blok.judul,
              header_rows=[r + 1 for r in blok.header_rows], first_row=blok.data_start + 1,
              last_row=blok.data_start + 1, years=[y for y in s.years if y], periode=periode_judul(blok.judul),
              bulan=bulan_judul(blok.judul), has_kode=s.tata.ada, ragu=list(s.ragu))
    t.peta = _peta(blok, s)
    kol_angka: list[tuple[KolomAngka, int, bool]] = []
    k0 = sheet.kolom0
    for k in s.angka:
        if k.nomor is None:
            kk = blok.kolom_di(k.idx)
            k.nomor = kk.nomor if kk is not None else None
        ka = KolomAngka(k.peran, kolom_huruf(k.idx), [], nomor=k.nomor, yakin=k.yakin)
        if k.satuan is not None:
            ka.satuan = KolomTeks(f"satuan {k.peran.kunci}", kolom_huruf(k.satuan), [])
        elif k.unit_ok:  # units written in the value cells ("12 Jenis"), kept per column
            ka.satuan = KolomTeks(f"satuan {k.peran.kunci}", kolom_huruf(k.idx), [])
        if ka.kunci in t.angka:  # two columns for one role: keep the first, say so
            t.ragu.append((f"dua kolom dibaca sebagai '{ka.kunci}': {t.angka[ka.kunci].huruf} dan {ka.huruf}; "
                           f"hanya {t.angka[ka.kunci].huruf} yang dipakai",
                           f"two columns read as '{ka.kunci}': {t.angka[ka.kunci].huruf} and {ka.huruf}; "
                           f"only {t.angka[ka.kunci].huruf} is used"))
            continue
        t.angka[ka.kunci] = ka
        kol_angka.append((ka, k.idx - k0, k.unit_ok))
    teks_cols = [(KolomTeks(name, kolom_huruf(c), []), c - k0) for name, c in s.teks.items()]
    for kt, _ in teks_cols:
        t.teks[kt.nama] = kt
    t.uraian_huruf = kolom_huruf(s.uraian) if s.uraian is not None else None
    t.indikator_huruf = kolom_huruf(s.indikator) if s.indikator is not None else None
    if cepat.AKTIF:
        _isi_per_kolom(blok, s, kamus, t, kol_angka, teks_cols)
    else:
        _isi_baris(blok, s, kamus, t, kol_angka, teks_cols)
    return _selesai(blok, t)


def _isi_baris(blok: Blok, s: Susunan, kamus: Kamus, t: Tabel, kol_angka: list[tuple[KolomAngka, int, bool]],
               teks_cols: list[tuple[KolomTeks, int]]) -> None:
    """The data rows, row by row (the slow twin of :func:`_isi_per_kolom`, which reads the same)."""
    sheet = blok.lembar
    sel = sheet.sel
    b0, k0 = sheet.baris0, sheet.kolom0
    satuan_huruf = kolom_huruf(s.satuan) if s.satuan is not None else None
    j_uraian = s.uraian - k0 if s.uraian is not None else None
    j_ind = s.indikator - k0 if s.indikator is not None else None
    j_sat = s.satuan - k0 if s.satuan is not None else None
    j_lok = s.lokasi - k0 if s.lokasi is not None else None
    j_no = s.no - k0 if s.no is not None else None
    header_texts = {teks_sel(x) for k in blok.kolom for x in k.levels}
    tata = s.tata
    rumus_kosong = sheet.rumus_kosong
    setelah_total = False
    n_total = 0
    organisasi: str | None = None  # rows below an organisation row belong to it
    kode_sel_huruf: dict[int, str] = {}

    for r in range(blok.data_start, blok.data_end):
        i_grid = r - b0
        if not 0 <= i_grid < len(sel):
            break
        vals = sel[i_grid]
        if not vals:
            continue
        n_vals = len(vals)
        kb = tata.baca(vals)
        uraian = _teks(vals[j_uraian]) if j_uraian is not None and 0 <= j_uraian < n_vals else ""
        indikator = _teks(vals[j_ind]) if j_ind is not None and 0 <= j_ind < n_vals else ""
        if indikator in ("0", "-"):
            indikator = ""
        reads = []
        ada_angka = False
        n_nilai = 0
        for ka, j, unit_ok in kol_angka:
            raw = vals[j] if 0 <= j < n_vals else None
            b = baca_sel(raw, kamus, unit_ok)
            reads.append((ka, j, raw, b))
            if b.nilai is not None:
                n_nilai += 1
                ada_angka = True
            elif b.galat is not None:
                ada_angka = True
        kode_ada = kb.kode is not None or kb.galat is not None or kb.level is not None
        if not kode_ada and not uraian and not indikator and not ada_angka:
            continue  # an empty row (or one with only notes beside the table)
        if not kode_ada and uraian and uraian in header_texts and not ada_angka:
            continue  # a header repeated on a new page
        if not kode_ada and _baris_nomor(vals):
            continue  # the column-number row again
        total = False
        if not kode_ada:
            label = uraian or _teks_pertama(vals, k0, s)
            if TOTAL.match(label):
                total = True
            elif setelah_total and not uraian and not indikator and n_nilai >= max(2, n_total // 2):
                total = True  # an unlabelled sum under the totals row (a grand total, a SUBTOTAL)
        if setelah_total and not total and not kode_ada:
            continue  # notes, signatures, a second title after the table
        if total and not setelah_total:
            setelah_total = True
            n_total = n_nilai
        i = len(t.baris)
        t.baris.append(r + 1)
        t.kode.append(kb.kode)
        t.kunci.append(kb.kunci)
        t.induk.append(kb.induk)
        level = kb.level
        if level is None and not total and kb.galat is None:
            level = _level_label(uraian)
        t.level.append(level)
        t.kode_asli.append(kb.asli)
        if kb.sel is not None:
            h = kode_sel_huruf.get(kb.sel)
            if h is None:
                h = kode_sel_huruf[kb.sel] = kolom_huruf(kb.sel)
            t.kode_sel.append(f"{h}{r + 1}")
        else:
            t.kode_sel.append(None)
        if kb.galat is not None:
            t.kode_galat[i] = kb.galat
        if kb.perbaikan:
            t.kode_perbaikan[i] = kb.perbaikan
        t.rincian.append(kb.rincian)
        if kb.organisasi:
            organisasi = kb.organisasi
        t.organisasi.append(organisasi)
        t.uraian.append(uraian)
        t.indikator.append(indikator)
        sat = _teks(vals[j_sat]) if j_sat is not None and 0 <= j_sat < n_vals else ""
        if sat in ("0", "-"):
            sat = ""  # a placeholder on parent rows
        t.satuan.append(sat or None)
        t.satuan_sel.append(f"{satuan_huruf}{r + 1}" if sat else None)
        t.lokasi.append((_teks(vals[j_lok]) if j_lok is not None and 0 <= j_lok < n_vals else "") or None)
        t.total.append(total)
        t.nomor.append(_teks(vals[j_no]) if j_no is not None and 0 <= j_no < n_vals else "")
        for ka, j, raw, b in reads:
            ka.nilai.append(b.nilai)
            if b.galat is not None:
                ka.galat[i] = b.galat
                ka.mentah[i] = raw
            elif b.teks:
                ka.mentah[i] = raw
            if b.persen:
                ka.persen.add(i)
            if b.nilai is None and b.galat is None and (r, j + k0) in rumus_kosong:
                ka.tanpa_nilai.add(i)
            if b.satuan and b.satuan != "%" and t.satuan[i] is None:
                t.satuan[i] = b.satuan
                t.satuan_sel[i] = f"{ka.huruf}{r + 1}"
            if ka.satuan is not None:
                if ka.satuan.huruf == ka.huruf:  # no satuan column: the unit written in the value cell
                    st = b.satuan if b.satuan and b.satuan != "%" else ""
                else:
                    js = kolom_index(ka.satuan.huruf) - k0
                    st = _teks(vals[js]) if 0 <= js < n_vals else ""
                    if not st and b.satuan and b.satuan != "%":
                        st = b.satuan
                        ka.satuan.sel[i] = f"{ka.huruf}{r + 1}"
                ka.satuan.teks.append(st)
        for kt, j in teks_cols:
            kt.teks.append(_teks(vals[j]) if 0 <= j < n_vals else "")


def _kolom(rows: list[list[Any]], j: int | None, lebar: int = 0) -> list[Any]:
    """Column ``j`` (grid index) of ``rows``: None where a row is shorter or there is no such column.
    ``lebar``: the length of the shortest row, when known (a grid is usually rectangular)."""
    if j is None or j < 0:
        return [None] * len(rows)
    if j < lebar:
        return list(map(itemgetter(j), rows))
    return [row[j] if len(row) > j else None for row in rows]


def _teks_kolom(col: list[Any]) -> list[str]:
    """:func:`_teks` of every cell of a column."""
    return [" ".join(v.split()) if v.__class__ is str else ("" if v is None else teks_sel(v)) for v in col]


_SEL_MEMO: dict[tuple[str, bool], Any] = {}
_JENIS_ANGKA = frozenset({int, float, type(None)})
_SEL_MEMO_KAMUS: list[Kamus | None] = [None]


def _baca_angka(col: list[Any], kamus: Kamus, unit_ok: bool) -> tuple[list[Any], dict[int, Any]]:
    """The values of a numeric column and, for the cells that are not a typed number or empty, their
    :class:`~renja_xl.readers.sel.BacaanSel` by row (what :func:`baca_sel` gives for every cell).
    Text cells are memoised per dictionary (a pure function of the text)."""
    if _SEL_MEMO_KAMUS[0] is not kamus:
        _SEL_MEMO.clear()
        _SEL_MEMO_KAMUS[0] = kamus
    memo = _SEL_MEMO
    jenis = set(map(type, col))
    if jenis <= _JENIS_ANGKA:  # typed numbers and empty cells only (most amount columns)
        nilai = [v if v is None or v.__class__ is int else (int(v) if v.is_integer() else v) for v in col]
        if float not in jenis or all(v == v and v != _INF and v != -_INF for v in nilai if v.__class__ is float):
            return nilai, {}
    nilai = []
    lain: dict[int, Any] = {}
    for k, v in enumerate(col):
        cls = v.__class__
        if cls is float:
            if v.is_integer():  # finite and whole
                nilai.append(int(v))
                continue
            if v == v and v != _INF and v != -_INF:
                nilai.append(v)
                continue
        elif cls is int:
            nilai.append(v)
            continue
        elif v is None:
            nilai.append(None)
            continue
        if cls is str:
            b = memo.get((v, unit_ok))
            if b is None:
                b = baca_sel(v, kamus, unit_ok)
                if len(memo) >= 32768:
                    memo.clear()
                memo[(v, unit_ok)] = b
        else:
            b = baca_sel(v, kamus, unit_ok)
        nilai.append(b.nilai)
        if b is not _SEL_KOSONG:
            lain[k] = b
    return nilai, lain


def _isi_per_kolom(blok: Blok, s: Susunan, kamus: Kamus, t: Tabel, kol_angka: list[tuple[KolomAngka, int, bool]],
                   teks_cols: list[tuple[KolomTeks, int]]) -> None:
    """The data rows, read a column at a time: each column's cells are read in one pass, the rows that
    are data are chosen from those columns, and the table's lists are gathered from them. Gives
    exactly what :func:`_isi_baris` gives."""
    sheet = blok.lembar
    sel = sheet.sel
    b0, k0 = sheet.baris0, sheet.kolom0
    lo = blok.data_start - b0
    rows = sel[lo:max(lo, min(blok.data_end - b0, len(sel)))] if lo >= 0 else []
    n_rows = len(rows)
    if not n_rows:
        return
    lebar = min(map(len, rows))
    kbs = s.tata.baca_semua(rows, lebar)
    j_of = lambda c: c - k0 if c is not None else None  # noqa: E731
    uraian = _teks_kolom(_kolom(rows, j_of(s.uraian), lebar))
    indikator = ["" if x in ("0", "-") else x for x in _teks_kolom(_kolom(rows, j_of(s.indikator), lebar))]
    angka = []  # (ka, j, raw column, values, other readings)
    for ka, j, unit_ok in kol_angka:
        col = _kolom(rows, j, lebar)
        nilai, lain = _baca_angka(col, kamus, unit_ok)
        angka.append((ka, j, col, nilai, lain))
    if angka:
        n_nilai = [len(x) - x.count(None) for x in zip(*(a[3] for a in angka), strict=True)]
        galat_baris = {k for a in angka for k, b in a[4].items() if b.galat is not None}
    else:
        n_nilai = [0] * n_rows
        galat_baris = set()
    header_texts = {teks_sel(x) for k in blok.kolom for x in k.levels}
    keep: list[int] = []
    totals: list[bool] = []
    setelah_total = False
    n_total = 0
    for k in range(n_rows):
        kb = kbs[k]
        if kb is None:
            continue  # an empty row
        total = False
        if kb.kode is None and kb.galat is None and kb.level is None:
            u = uraian[k]
            ind = indikator[k]
            ada_angka = n_nilai[k] > 0 or k in galat_baris
            if not u and not ind and not ada_angka:
                continue  # an empty row (or one with only notes beside the table)
            if u and not ada_angka and u in header_texts:
                continue  # a header repeated on a new page
            vals = rows[k]
            if _baris_nomor(vals):
                continue  # the column-number row again
            label = u or _teks_pertama(vals, k0, s)
            if TOTAL.match(label):
                total = True
            elif setelah_total and not u and not ind and n_nilai[k] >= max(2, n_total // 2):
                total = True  # an unlabelled sum under the totals row (a grand total, a SUBTOTAL)
            if setelah_total and not total:
                continue  # notes, signatures, a second title after the table
        if total and not setelah_total:
            setelah_total = True
            n_total = n_nilai[k]
        keep.append(k)
        totals.append(total)
    if not keep:
        return
    r1 = blok.data_start + 1  # the 1-based worksheet row of rows[0]
    t.baris = [r1 + k for k in keep]
    kb_keep = [kbs[k] for k in keep]
    t.kode = [kb.kode for kb in kb_keep]
    t.kunci = [kb.kunci for kb in kb_keep]
    t.induk = [kb.induk for kb in kb_keep]
    t.kode_asli = [kb.asli for kb in kb_keep]
    t.rincian = [kb.rincian for kb in kb_keep]
    t.uraian = [uraian[k] for k in keep]
    t.indikator = [indikator[k] for k in keep]
    t.total = totals
    level: list[str | None] = []
    kode_sel: list[str | None] = []
    org: list[str | None] = []
    organisasi: str | None = None  # rows below an organisation row belong to it
    kode_sel_huruf: dict[int, str] = {}
    for i, kb in enumerate(kb_keep):
        lv = kb.level
        if lv is None and not totals[i] and kb.galat is None:
            lv = _level_label(t.uraian[i])
        level.append(lv)
        if kb.sel is not None:
            h = kode_sel_huruf.get(kb.sel)
            if h is None:
                h = kode_sel_huruf[kb.sel] = kolom_huruf(kb.sel)
            kode_sel.append(f"{h}{t.baris[i]}")
        else:
            kode_sel.append(None)
        if kb.galat is not None:
            t.kode_galat[i] = kb.galat
        if kb.perbaikan:
            t.kode_perbaikan[i] = kb.perbaikan
        if kb.organisasi:
            organisasi = kb.organisasi
        org.append(organisasi)
    t.level, t.kode_sel, t.organisasi = level, kode_sel, org
    if s.satuan is not None:
        sat = _teks_kolom([rows[k][s.satuan - k0] if 0 <= s.satuan - k0 < len(rows[k]) else None for k in keep])
        sat = ["" if x in ("0", "-") else x for x in sat]  # a placeholder on parent rows
        huruf = kolom_huruf(s.satuan)
        t.satuan = [x or None for x in sat]
        t.satuan_sel = [f"{huruf}{r}" if x else None for x, r in zip(sat, t.baris, strict=True)]
    else:
        t.satuan = [None] * len(keep)
        t.satuan_sel = [None] * len(keep)
    t.lokasi = [x or None for x in _teks_kolom(_kolom([rows[k] for k in keep], j_of(s.lokasi)))]
    t.nomor = _teks_kolom(_kolom([rows[k] for k in keep], j_of(s.no)))
    pos = {k: i for i, k in enumerate(keep)}
    rumus_kosong = sheet.rumus_kosong
    for ka, j, col, nilai, lain in angka:
        ka.nilai = [nilai[k] for k in keep]
        st_list: list[str] | None = None
        js = None
        if ka.satuan is not None:
            if ka.satuan.huruf == ka.huruf:  # no satuan column: the unit written in the value cell
                st_list = [""] * len(keep)
            else:
                js = kolom_index(ka.satuan.huruf) - k0
                st_list = _teks_kolom(_kolom([rows[k] for k in keep], js))
        for k, b in lain.items():
            i = pos.get(k)
            if i is None:
                continue
            if b.galat is not None:
                ka.galat[i] = b.galat
                ka.mentah[i] = col[k]
            elif b.teks:
                ka.mentah[i] = col[k]
            if b.persen:
                ka.persen.add(i)
            unit = b.satuan if b.satuan and b.satuan != "%" else None
            if unit is not None:
                if t.satuan[i] is None:
                    t.satuan[i] = unit
                    t.satuan_sel[i] = f"{ka.huruf}{t.baris[i]}"
                if st_list is not None:
                    if js is None:
                        st_list[i] = unit
                    elif not st_list[i]:
                        st_list[i] = unit
                        ka.satuan.sel[i] = f"{ka.huruf}{t.baris[i]}"
        if rumus_kosong:
            c = j + k0
            for r, c2 in rumus_kosong:
                if c2 != c:
                    continue
                i = pos.get(r + 1 - r1)
                if i is not None and ka.nilai[i] is None and i not in ka.galat:
                    ka.tanpa_nilai.add(i)
        if st_list is not None:
            ka.satuan.teks = st_list
    for kt, j in teks_cols:
        kt.teks = _teks_kolom(_kolom([rows[k] for k in keep], j))


def _selesai(blok: Blok, t: Tabel) -> Tabel | None:
    """What needs the whole table: trailing rows, unlabelled totals, the number row's relations, and
    whether it is a table at all."""
    _buang_ekor(t)
    _total_tanpa_label(t)
    t.relasi = relasi_nomor(blok, t)
    if not t.baris:
        # a blank form (the master's template): kept when its header is a full Renja header, so the
        # office sees its table recognised before it types a row; anything less is not a table
        kuat = len(blok.konsep & _KONSEP_KUAT) >= 4 and blok.konsep & {"target", "pagu", "realisasi"}
        return t if kuat else None
    if not any(k.nilai and any(v is not None for v in k.nilai) for k in t.angka.values()) and not any(
            x is not None for x in t.kode):
        return None  # a header with nothing under it: not a table (no phantom tables)
    t.first_row, t.last_row = t.baris[0], t.baris[-1]
    if t.periode is None and t.kind != "rencana_bulanan":  # "Pagu AKAS | s.d. Juni": the period a plan-to-date column names
        bulan = next((k.peran.periode for k in t.angka.values() if k.peran.periode in BULAN), None)
        if bulan:
            t.periode = f"TW{BULAN.index(bulan) // 3 + 1}"
            t.bulan = t.bulan or BULAN.index(bulan) + 1
    if not t.years:
        t.years = sorted({int(k.peran.periode) for k in t.angka.values() if k.peran.periode.isascii() and k.peran.periode.isdigit()}) or sorted(
            set(tahun_dalam(blok.judul)))
    return t


_TOKEN = re.compile(r"\s*(\d{1,3}|[-+/x*×:()])", re.I)  # 1-3 digits: a column number, or the 100 of "x 100"


def _urai(rumus: str) -> tuple[str, list[int], bool] | None:
    """``9 + 10 + 11 + 12`` → ("jumlah", [9, 10, 11, 12], False); ``(14/6) x 100`` → ("rasio", [14, 6], True);
    ``7 - 5`` → ("selisih", [7, 5], False); anything else None (never guessed)."""
    teks = rumus.strip().lower().replace(",", ".")
    toks: list[str] = []
    pos = 0
    while pos < len(teks):
        m = _TOKEN.match(teks, pos)
        if not m:
            return None
        toks.append(m.group(1))
        pos = m.end()
    toks = [t for t in toks if t not in "()"]
    persen = False
    if len(toks) >= 2 and toks[-2] in ("x", "*", "×") and toks[-1] == "100":
        persen = True
        toks = toks[:-2]
    nums = toks[0::2]
    ops = set(toks[1::2])
    if not nums or not all(n.isascii() and n.isdigit() for n in nums) or len(toks) % 2 == 0:
        return None
    cols = [int(n) for n in nums]
    if len(cols) >= 2 and ops == {"+"}:
        return "jumlah", cols, False
    if len(cols) == 2 and ops == {"-"}:
        return "selisih", cols, False
    if len(cols) == 2 and ops <= {"/", ":"}:
        return "rasio", cols, persen
    return None


def relasi_nomor(blok: Blok, t: Tabel) -> list[Relasi]:
    """The relations the number row states, between the table's numeric columns. A number that spans
    a K and an Rp column relates the first with the first and the second with the second."""
    by_nomor: dict[int, list[str]] = {}
    for k in sorted(t.angka.values(), key=lambda k: kolom_index(k.huruf)):
        if k.nomor is not None:
            by_nomor.setdefault(k.nomor, []).append(k.kunci)
    out: list[Relasi] = []
    for kk in blok.kolom:
        if not kk.rumus or kk.nomor is None or kk.nomor not in by_nomor:
            continue
        urai = _urai(kk.rumus)
        if urai is None:
            continue
        op, cols, persen = urai
        if not all(c in by_nomor for c in cols):
            continue
        targets = by_nomor[kk.nomor]
        for j, target in enumerate(targets):
            dari = tuple(by_nomor[c][j] if j < len(by_nomor[c]) else None for c in cols)
            if None in dari or any(x == target for x in dari):
                continue
            r = Relasi(target, op, dari, f"{kk.nomor} = {kk.rumus}", persen)
            if r not in out:
                out.append(r)
    return out


def kolom_index(huruf: str) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _teks_pertama(vals: list[Any], k0: int, s: Susunan) -> str:
    """The first text cell of a row (a 'Jumlah' label in the No column, left of the names)."""
    for v in vals:
        if v.__class__ is str and v.strip():
            return " ".join(v.split())
    return ""


def _level_label(uraian: str) -> str | None:
    """The level a row's name states when it has no kode ('Program …', 'Kegiatan …', 'Sub Kegiatan …')."""
    m = _LEVEL_LABEL.match(uraian)
    if not m:
        return None
    w = m.group(1).lower().replace(" ", "")
    return "sub_kegiatan" if w.startswith("sub") else w


def _baris_nomor(vals: list[Any]) -> bool:
    nums = []
    for v in vals:
        if v is None or v == "":
            continue
        t = teks_sel(v)
        if not _NOMOR.match(t):
            return False
        nums.append(int(re.match(r"\(?(\d+)", t).group(1)))
    return len(nums) >= 3 and all(b > a for a, b in zip(nums, nums[1:], strict=False)) and nums[0] <= 2


def _penting(t: Tabel, i: int) -> bool:
    """A row worth keeping at the end of a table: it has a kode (readable or not) or a stated value."""
    if t.kode[i] is not None or i in t.kode_galat:
        return True
    return any(k.nilai[i] is not None or i in k.galat for k in t.angka.values())


def _total_tanpa_label(t: Tabel) -> None:
    """The last rows of a table that carry numbers but no kode, name or indicator are its totals (a
    sum typed or computed under the table without a 'Jumlah' label)."""
    i = t.n - 1
    while i >= 0 and not t.total[i] and t.kode[i] is None and i not in t.kode_galat and not t.uraian[i] \
            and not t.indikator[i] and t.level[i] is None:
        if any(k.nilai[i] is not None for k in t.angka.values()):
            t.total[i] = True
        i -= 1


def _buang_ekor(t: Tabel) -> None:
    """Drop trailing rows without a kode or a value (narrative, signatures after the table)."""
    n = len(t.baris)
    while n and not _penting(t, n - 1):
        n -= 1
    if n == len(t.baris):
        return
    for name in ("baris", "kode", "kunci", "induk", "level", "kode_asli", "kode_sel", "uraian", "indikator",
                 "satuan", "satuan_sel", "lokasi", "total", "rincian", "nomor", "organisasi"):
        setattr(t, name, getattr(t, name)[:n])
    for ka in t.angka.values():
        del ka.nilai[n:]
        ka.galat = {i: v for i, v in ka.galat.items() if i < n}
        ka.mentah = {i: v for i, v in ka.mentah.items() if i < n}
        ka.tanpa_nilai = {i for i in ka.tanpa_nilai if i < n}
        ka.persen = {i for i in ka.persen if i < n}
        if ka.satuan is not None:
            del ka.satuan.teks[n:]
    for kt in t.teks.values():
        del kt.teks[n:]
    t.kode_galat = {i: v for i, v in t.kode_galat.items() if i < n}
    t.kode_perbaikan = {i: v for i, v in t.kode_perbaikan.items() if i < n}
