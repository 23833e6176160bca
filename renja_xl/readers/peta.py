"""What each column of a header block holds, with the evidence, and what kind of table it is.

Every column gets a :class:`Ciri` (features): what its header words name (from :mod:`.kosakata`),
the period and side they name, and what its cells hold (numbers, fractions, short text, kode-like
text). From the features of all its columns a block gets its kind (:func:`jenis_blok`); the per-kind
readers in :mod:`.tabel` then give each column its role (:class:`~renja_xl.core.tabel.Peran`) and
record the evidence in the table's column map.

Nothing here guesses silently: a column whose words and content disagree (a "pagu" column of text)
is marked unsure, and the rules that need it do not run on that table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core.angka import parse_angka
from .kepala import Blok, KolomKepala
from .kosakata import BULAN, Label, baca_label
from .workbook import kolom_huruf

__all__ = ["Ciri", "ciri_blok", "jenis_blok", "ukuran_kolom", "periode_kolom", "sisi_kolom"]

_KODE_SEL = re.compile(r"^[\dxX]{1,4}(?:\.[\dxX]{1,5}){0,8}$")
_RIBUAN = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 13.413.285: an amount, not a kode
_SAMPEL = 300
_ROMAWI_SAJA = re.compile(r"^(?:tw\s*)?(iv|iii|ii|i)(?:\s+(k|rp|%))?$")
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}  # data rows looked at for a column's content


@dataclass(slots=True)
class Ciri:
    """The features of one column: its header (label, leaf), period, side and content."""

    kol: KolomKepala
    label: Label
    daun: Label
    angka: float  # share of non-empty cells that are numbers (typed or Indonesian text)
    pecahan: float  # share of numeric cells between 0 and 1 that are not whole (a % stored as fraction)
    teks: float  # share of non-empty cells that are text that is not a number
    kodeish: float  # share of non-empty cells that look like a kode or a kode segment
    isi: int  # non-empty cells seen
    digit: float  # share of non-empty cells with a digit in them (numbers, also unreadable ones)
    panjang: float  # mean length of its text cells

    @property
    def berangka(self) -> bool:
        """Its cells hold numbers (typed, as text, or text with digits that may not read): fit for a
        numeric role its header names."""
        return self.isi == 0 or self.angka >= 0.5 or self.digit >= 0.5

    @property
    def idx(self) -> int:
        return self.kol.idx

    @property
    def huruf(self) -> str:
        return kolom_huruf(self.kol.idx)

    @property
    def bukti(self) -> str:
        return self.kol.teks or "(tanpa judul)"

    def punya(self, *konsep: str) -> bool:
        return self.label.punya(*konsep)

    def daun_punya(self, *konsep: str) -> bool:
        return self.daun.punya(*konsep)


_DIGIT = re.compile(r"\d")
_SEL_KOSONG = (0, 0, 0, 0, 0, 0)
_KLAS_TEKS: dict[str, tuple[int, int, int, int, int, int]] = {}


def _klas_teks(v: str) -> tuple[int, int, int, int, int, int]:
    """What one text cell counts for in a column's features: (non-empty, number, text, kode-like,
    has a digit, length as text). A pure function of the string, memoised (text repeats down a
    column and across files: kode segments, units, dashes)."""
    f = _KLAS_TEKS.get(v)
    if f is not None:
        return f
    if not v or v.isspace():
        f = _SEL_KOSONG
    else:
        t = v.strip()
        head = t[:24]
        # \d finds ASCII and other decimal digits at C speed; str.isdigit also takes superscripts and
        # the like, which only non-ASCII text can hold
        digit = 1 if _DIGIT.search(head) or (not head.isascii() and any(ch.isdigit() for ch in head)) else 0
        if _KODE_SEL.match(t) and not _RIBUAN.match(t):
            f = (1, 0 if "." in t else 1, 0, 1, digit, 0)  # "01", "2": also a number
        else:
            b = parse_angka(t)
            if b.nilai is not None or (b.galat is None and t in ("-", "–", "—")):
                f = (1, 1, 0, 0, digit, 0)
            else:
                f = (1, 0, 1, 0, digit, len(t))
    if len(_KLAS_TEKS) >= 65536:
        _KLAS_TEKS.clear()
    _KLAS_TEKS[v] = f
    return f


def _isi_kolom(blok: Blok, c: int) -> tuple[float, float, float, float, int, float, float]:
    """The content features of column ``c``: over its first :data:`_SAMPEL` non-empty cells in the
    first ``3 × _SAMPEL`` data rows."""
    sheet = blok.lembar
    sel = sheet.sel
    b0, k0 = sheet.baris0, sheet.kolom0
    j = c - k0
    if j < 0:
        return 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0.0
    lo = max(blok.data_start - b0, 0)
    hi = min(blok.data_end - b0, blok.data_start - b0 + _SAMPEL * 3, len(sel))
    isi = [v for v in [row[j] for row in sel[lo:hi] if len(row) > j] if v is not None and v != ""]
    nums: list = []
    strs: list = []
    n = other = 0
    memo = _KLAS_TEKS
    for v in isi:
        cls = v.__class__
        if cls is str:
            f = memo.get(v)
            if f is None:
                f = _klas_teks(v)
            if not f[0]:
                continue
            strs.append(f)
        elif cls is float or cls is int:
            nums.append(v)
        else:
            other += 1
        n += 1
        if n >= _SAMPEL:
            break
    if not n:
        return 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0.0
    num = digit = len(nums)
    frac = sum(1 for v in nums if 0 < abs(v) < 1)
    kode = sum(1 for v in nums if (v < 100 if v.__class__ is int else v.is_integer() and 0 <= v < 100))
    text = other
    panjang = 0
    if strs:
        _n, s_num, s_text, s_kode, s_digit, s_len = (sum(x) for x in zip(*strs, strict=True))
        num += s_num
        text += s_text
        kode += s_kode
        digit += s_digit
        panjang = s_len
    return num / n, frac / max(num, 1), text / n, kode / n, n, panjang / max(text, 1), digit / n


def ciri_blok(blok: Blok) -> list[Ciri]:
    out = []
    for k in blok.kolom:
        a, f, t, kd, n, p, d = _isi_kolom(blok, k.idx)
        out.append(Ciri(k, k.label, k.daun, a, f, t, kd, n, p, d))
    return out


def _ada(ciri: list[Ciri], *konsep: str) -> bool:
    return any(c.punya(*konsep) for c in ciri)


def jenis_blok(blok: Blok, ciri: list[Ciri]) -> str | None:
    """The kind of a header block, from what its columns name, or None (not a Renja table)."""
    teks = " ".join(c.label.teks for c in ciri)
    judul = baca_label(blok.judul[:120]).teks if blok.judul else ""
    kode = _ada(ciri, "kode")
    uraian = _ada(ciri, "uraian")
    angka = [c for c in ciri if c.isi and (c.angka >= 0.5 or c.digit >= 0.5)]
    if not angka and any(c.isi for c in ciri):
        return None  # a list without numbers (a nomenclature or SIPD master list): not a table we check
    if _ada(ciri, "review") and re.search(r"rancangan awal", teks) and re.search(r"hasil analisis", teks):
        return "review"
    tw = {c.label.tw for c in ciri if c.label.tw}
    if tw:  # "Triwulan I | II | III | IV": the later quarters often name only their number
        tw |= {_ROMAWI[m.group(1)] for c in ciri if (m := _ROMAWI_SAJA.match(c.label.teks.strip()))}
    if len(tw) >= 2 and _ada(ciri, "realisasi") and _ada(ciri, "target"):
        return "e81"
    if re.search(r"\be ?81\b|evaluasi terhadap hasil renja", judul + " " + teks):
        return "e81"
    if not kode and _ada(ciri, "spm") and _ada(ciri, "indikator"):
        return "spm"
    if _bulanan(ciri) and (kode or uraian) and not _ada(ciri, "realisasi", "target"):
        return "rencana_bulanan"  # a plan per month (anggaran kas, rencana penyerapan / pelaksanaan)
    if (kode or uraian) and _ada(ciri, "realisasi") and _ada(ciri, "target") and (
            _ada(ciri, "renstra") or _ada(ciri, "capaian")):
        return "evaluasi"
    if _ada(ciri, "realisasi") and (_ada(ciri, "pagu") or _ada(ciri, "keuangan")) and (kode or uraian):
        return "realisasi"
    if _ada(ciri, "target") and _ada(ciri, "pagu") and (kode or uraian):
        if any(sisi_kolom(c) for c in ciri if c.punya("target", "pagu")):
            return "perubahan"
        if len({c.label.tahun_ke for c in ciri if c.label.tahun_ke}) >= 2:
            return "renstra"
        years = {c.label.tahun for c in ciri if c.label.tahun and c.punya("target", "pagu")}
        if len(years) >= 3 or (_ada(ciri, "renstra") and len(years) >= 2):
            return "renstra"
        return "rencana"
    return None


def _bulanan(ciri: list[Ciri]) -> bool:
    """At least six different months among the columns that hold numbers (January to December)."""
    return len({c.label.bulan for c in ciri if c.label.bulan and c.berangka}) >= 6


def sisi_kolom(c: Ciri) -> str:
    """The side of a Perubahan a column is on: ``sebelum``, ``setelah`` or ``""``."""
    if c.punya("selisih"):
        return "selisih"
    if c.punya("sebelum") and not re.search(r"\b(setelah|sesudah|menjadi)\b", c.label.teks):
        return "sebelum"  # "Sebelum Perubahan 2024": the year after 'perubahan' does not make it the after side
    if c.punya("setelah"):
        return "setelah"
    if c.punya("sebelum"):
        return "sebelum"
    return ""


def periode_kolom(c: Ciri) -> str:
    """The period a column's header names: a quarter, a month, a plan year of a Renstra, a year."""
    lab = c.label
    if lab.tw:
        return f"TW{lab.tw}"
    if lab.bulan:
        return BULAN[lab.bulan - 1]
    if lab.tahun_ke:
        return f"tahun {lab.tahun_ke}"
    if lab.tahun:
        return str(lab.tahun)
    return ""


_UANG_KATA = ("pagu", "keuangan")


def ukuran_kolom(c: Ciri) -> str | None:
    """What a numeric column measures, from its leaf first (``Target`` / ``Rp`` / ``K`` / ``%`` under a
    group header) and then its whole label. None: its header names no measure."""
    daun, lab = c.daun, c.label
    penanda = daun.satuan_kolom
    if c.punya("selisih"):
        return "selisih_rp"
    persen = penanda == "%" or lab.punya("capaian") and (
        "tingkat" in lab.teks or "%" in lab.teks or "persen" in lab.teks) or daun.punya("capaian") and not daun.punya(
        "target", "realisasi")
    uang = penanda == "rp" or penanda is None and (daun.punya("pagu") or lab.punya(*_UANG_KATA) and not daun.punya(
        "target", "realisasi", "satuan") and not (daun.punya("capaian") and not daun.punya("pagu")))
    if lab.punya("fisik") and not (penanda == "rp"):
        return "fisik_rencana" if baca_label(" ".join(c.kol.levels[1:])).punya("rencana") else "fisik"
    if persen and penanda != "rp" and penanda != "k":
        return "capaian_rp" if (uang or lab.punya("keuangan") or "anggaran" in lab.teks) else "capaian"
    if persen and penanda == "rp":
        return "capaian_rp"
    if persen and penanda == "k":
        return "capaian"
    if lab.punya("realisasi") and not (daun.punya("target") and not daun.punya("realisasi")):
        return "realisasi_rp" if uang else "realisasi"
    if uang and not lab.punya("target") and (baca_label(" ".join(c.kol.levels[1:])).punya("rencana") or "akas" in lab.teks
                                              or "anggaran kas" in lab.teks):
        return "rencana_rp"  # "Keuangan | Rencana | Rp", "Pagu AKAS": money planned up to the period
    if daun.punya("target") or (lab.punya("target") and not uang):
        return "target"
    if uang:
        return "pagu"
    if penanda == "k" and lab.punya("target"):
        return "target"
    return None


def nilai_sampel(blok: Blok, c: int, n: int = 50) -> list[Any]:
    """The first ``n`` non-empty cells of a column under the header (for tests of what it holds)."""
    sheet = blok.lembar
    out = []
    for r in range(blok.data_start, blok.data_end):
        v = sheet.nilai(r, c)
        if v is None or v == "":
            continue
        out.append(v)
        if len(out) >= n:
            break
    return out
