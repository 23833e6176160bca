"""Find the header blocks of a worksheet and label every column under them.

A table is found by its header, not by the sheet name or a fixed position. A header starts where a
block of cells starts (the first rows of a sheet, or after an empty or title row: never in the
middle of a run of data rows, so a long list of text is not re-read as headers row after row), and
spans up to four stacked rows whose categories are pooled (header words often sit on two or three
rows, merged or not), an optional row of column numbers (``1 2 3``, ``(1) (2)``, ``8 = (6/7)``,
``13 = 9 + 10 + 11 + 12``, ``Triwulan I``), and an optional row of unit markers (``K``, ``Rp``,
``%``) below the number row. Each column gets the header texts above it (merged cells and group
headers filled in; a unit-marker column takes the group text of its left neighbour), its number,
and the relation the number row states for it.

The block's kind and the role of each column are decided elsewhere (:mod:`.peta`); here only the
shape is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.angka import parse_angka
from .kosakata import PANJANG_KEPALA, Label, baca_label
from .workbook import Lembar

__all__ = ["KolomKepala", "Blok", "cari_blok", "blok_di", "teks_sel", "baris_teks"]

# a number-row cell: "8", "(8)", "8 = (6/7)", "13 = 9 + 10 + 11 + 12", "8=6/7x100"
_NOMOR = re.compile(r"^\(?(\d{1,2})\)?(?:\s*=\s*(.*))?$")
_KODE_LIKE = re.compile(r"^[\dlIO]{1,2}(?:\.[\dlIO]{1,4}){1,7}$")
_PENANDA = re.compile(r"^(k|rp\.?|%|\(rp\.?\)|\(%\)|\(k\)|satuan|sat|target|realisasi|fisik|keuangan|"
                      r"kinerja|anggaran|vol|volume|fisik \(%\)|keu \(%\)|rp \(\d+\)|k \(\d+\))$", re.I)
_KATA_KEPALA = re.compile(
    r"kode|program|kegiatan|uraian|urusan|indikator|tolo?k ukur|satuan|target|pagu|dana|anggaran|"
    r"realisasi|relisasi|capaian|lokasi|renstra|renja|triwulan|keterangan|catatan|standar|spm|rancangan|"
    r"kebutuhan|fisik|keuangan|nomenklatur|\bno\b|nomor|rp|sumber|jumlah|rencana|sasaran|kinerja|"
    r"bidang|tahun|belanja", re.I)


def teks_sel(v: Any) -> str:
    """A cell as tidy text ('' for empty)."""
    if v is None:
        return ""
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return repr(v)
    if isinstance(v, str):
        return " ".join(v.split())
    return str(v).strip()


def baris_teks(sheet: Lembar, i: int) -> list[tuple[int, str, Any]]:
    """The non-empty cells of grid row ``i`` as (absolute column, tidy text, value)."""
    out = []
    k0 = sheet.kolom0
    for j, v in enumerate(sheet.sel[i]):
        cls = v.__class__
        if cls is str:
            if not v or v.isspace():
                continue
            t = " ".join(v.split())
        elif v is None:
            continue
        elif cls is float:
            t = str(int(v)) if v.is_integer() else repr(v)
        else:
            t = teks_sel(v)
        if t:
            out.append((k0 + j, t, v))
    return out


@dataclass(slots=True)
class KolomKepala:
    """One column under a header: absolute index, header texts top to bottom, number-row number and
    the relation the number row states (``9 + 10 + 11 + 12`` for ``13 = 9 + 10 + 11 + 12``)."""

    idx: int
    levels: list[str]
    nomor: int | None = None
    rumus: str | None = None

    @property
    def teks(self) -> str:
        return " | ".join(self.levels)

    @property
    def leaf(self) -> str:
        return self.levels[-1] if self.levels else ""

    @property
    def label(self) -> Label:
        return baca_label(" ".join(self.levels))

    @property
    def daun(self) -> Label:
        return baca_label(self.leaf)

    @property
    def induk(self) -> Label:
        """The label of the header texts above the leaf (the group)."""
        return baca_label(" ".join(self.levels[:-1]))


@dataclass(slots=True)
class Blok:
    """A header block found in a sheet and the rows under it (absolute 0-based rows)."""

    lembar: Lembar
    header_rows: list[int]
    number_row: int | None
    data_start: int
    data_end: int  # exclusive
    kolom: list[KolomKepala]
    judul: str = ""
    konsep: frozenset[str] = field(default_factory=frozenset)
    sampel: dict[tuple[int, int, int], list[Any]] = field(default_factory=dict)  # kode_kolom's column samples

    def kolom_di(self, idx: int) -> KolomKepala | None:
        for k in self.kolom:
            if k.idx == idx:
                return k
        return None


def _is_year(x: float) -> bool:
    return 1900 <= x <= 2100 and float(x).is_integer()


def _data_signal(cells: list[tuple[int, str, Any]]) -> bool:
    """A row holds data: a number (other than a year) or a dotted kode, typed or as text."""
    for _, t, v in cells:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if not _is_year(v):
                return True
            continue
        if _KODE_LIKE.match(t):
            return True
        if t[:1].isdigit() or t[:2].lower() == "rp":
            hasil = parse_angka(t)
            if hasil.nilai is not None and not _is_year(hasil.nilai):
                return True
    return False


def _nomor_sel(t: str) -> re.Match[str] | None:
    return _NOMOR.match(t)


def _is_number_row(cells: list[tuple[int, str, Any]]) -> bool:
    """A row of column numbers: at least three, mostly numbers, increasing; a few labels among them
    (``Triwulan I``) do not stop it being one."""
    if len(cells) < 3:
        return False
    nums: list[int] = []
    other = 0
    for _, t, v in cells:
        m = _nomor_sel(t)
        if m:
            nums.append(int(m.group(1)))
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            return False  # an amount
        else:
            other += 1
    if len(nums) < 3 or other > len(nums) / 2:
        return False
    return all(b > a for a, b in zip(nums, nums[1:], strict=False)) and nums[0] <= 3


def _pendek(cells: list[tuple[int, str, Any]]) -> list[tuple[int, str, Any]]:
    return [c for c in cells if isinstance(c[2], str) and len(c[1]) <= PANJANG_KEPALA]


def _is_penanda(cells: list[tuple[int, str, Any]]) -> bool:
    """A row of unit markers (``K | Rp | K | Rp``) under the number row."""
    return len(cells) >= 2 and all(isinstance(v, str) and _PENANDA.match(t) for _, t, v in cells)


class _Teks:
    """``baris_teks`` of each row, made when first asked for."""

    def __init__(self, sheet: Lembar):
        self.sheet = sheet
        self.rows: dict[int, list[tuple[int, str, Any]]] = {}

    def __getitem__(self, i: int) -> list[tuple[int, str, Any]]:
        row = self.rows.get(i)
        if row is None:
            row = self.rows[i] = baris_teks(self.sheet, i)
        return row


def _kosong(row: list[Any]) -> bool:
    for v in row:
        if v is not None and v != "" and not (v.__class__ is str and v.isspace()):
            return False
    return True


def _isi(row: list[Any]) -> tuple[int, bool]:
    """How many non-empty cells a raw row has, and whether one is a typed number other than a year."""
    n = 0
    angka = False
    for v in row:
        cls = v.__class__
        if cls is str:
            if v and not v.isspace():
                n += 1
        elif v is None:
            continue
        else:
            n += 1
            if (cls is int or cls is float) and not _is_year(v):
                angka = True
    return n, angka


def cari_blok(sheet: Lembar) -> list[Blok]:
    """All header blocks of a sheet, top to bottom (kind not yet decided)."""
    blocks: list[Blok] = []
    n = sheet.tinggi
    texts = _Teks(sheet)
    sel = sheet.sel
    i = 0
    boleh = True  # a header may start here: the sheet's first rows, or after an empty or title row
    prev_end = 0
    while i < n:
        row = sel[i]
        jumlah, angka = _isi(row)
        if jumlah == 0:
            boleh = True
            i += 1
            continue
        if not boleh or angka or jumlah < 2:
            boleh = not angka and jumlah <= 2  # a title row lets the next row start a header
            i += 1
            continue
        blok = _coba_blok(sheet, texts, i, prev_end)
        if blok is None:
            boleh = jumlah <= 2 or _tanpa_data_pendek(texts[i])
            i += 1
            continue
        blocks.append(blok)
        prev_end = blok.data_start
        i = blok.data_start
        boleh = False
    # each block's data ends where the next block's title (or header) starts
    for a, b in zip(blocks, blocks[1:], strict=False):
        start = b.header_rows[0] - sheet.baris0
        k = start - 1
        while k >= a.data_start - sheet.baris0 and start - k <= 8:
            row = texts[k]
            if row and (len(row) > 3 or _data_signal(row)):
                break
            k -= 1
        a.data_end = sheet.baris0 + k + 1
    return blocks


def blok_di(sheet: Lembar, header_rows: list[int]) -> Blok | None:
    """The block whose header is at the given 1-based rows (a user's ``[[peta]]``), whatever its words:
    the rows below (after a number row and unit markers, when there are) are its data."""
    texts = _Teks(sheet)
    rel = sorted(r - 1 - sheet.baris0 for r in header_rows)
    rel = [r for r in rel if 0 <= r < sheet.tinggi]
    if not rel:
        return None
    n = sheet.tinggi
    after = rel[-1] + 1
    number_row = after if after < n and texts[after] and _is_number_row(texts[after]) else None
    if number_row is not None:
        after += 1
    while after < n and texts[after] and _is_penanda(texts[after]):
        rel.append(after)
        after += 1
    kolom = _labels(sheet, texts, rel, number_row)
    if not kolom:
        return None
    konsep: set[str] = set()
    for r in rel:
        for _, t, v in texts[r]:
            if isinstance(v, str) and len(t) <= PANJANG_KEPALA:
                konsep |= baca_label(t).konsep
    return Blok(sheet, [sheet.baris0 + r for r in rel], sheet.baris0 + number_row if number_row is not None else None,
                sheet.baris0 + after, sheet.baris0 + n, kolom, _title(texts, 0, rel[0]), frozenset(konsep))


def _tanpa_data_pendek(cells: list[tuple[int, str, Any]]) -> bool:
    """A row of short header-like text (a header candidate that did not make a table, e.g. the upper
    rows of a header whose lower rows start the real block)."""
    return bool(cells) and not _data_signal(cells) and all(len(t) <= PANJANG_KEPALA for _, t, _ in cells)


def _coba_blok(sheet: Lembar, texts: _Teks, i: int, prev_end: int) -> Blok | None:
    """The header block starting at grid row ``i``, or None when the rows there are not a header."""
    n = sheet.tinggi
    first = _pendek(texts[i])
    if len(first) < 2 or _data_signal(texts[i]) or _is_number_row(texts[i]):
        return None
    if sum(1 for _, t, _ in first if _KATA_KEPALA.search(t)) < 1:
        return None
    end = i
    abs_row = sheet.baris0 + i
    for r0, _c0, r1, _c1 in sheet.gabungan:
        if r0 == abs_row and r1 > abs_row:
            end = max(end, min(r1 - sheet.baris0, i + 3))
    number_row: int | None = None
    k = i + 1
    while k < n and k <= i + 4:
        row = texts[k]
        if row and _is_number_row(row):
            number_row = k
            break
        if row and (_data_signal(row) or not any(isinstance(v, str) for _, _, v in row)):
            break
        if row:
            if k > i + 3:  # at most four header rows
                break
            if any(len(t) > PANJANG_KEPALA for _, t, _ in row):
                break
            end = max(end, k)
        k += 1
    header_rel = list(range(i, end + 1))
    after = (number_row if number_row is not None else end) + 1
    # unit markers under the number row (K | Rp | K | Rp) are header, not data
    while after < n and after <= end + 3 and texts[after] and _is_penanda(texts[after]):
        header_rel.append(after)
        after += 1
    konsep: set[str] = set()
    for r in header_rel:
        for _, t, v in texts[r]:
            if isinstance(v, str) and len(t) <= PANJANG_KEPALA:
                konsep |= baca_label(t).konsep
    if len(konsep & _KONSEP_TABEL) < 3:
        return None
    kolom = _labels(sheet, texts, header_rel, number_row)
    if len(kolom) < 3:
        return None
    # columns right of the header that hold data (a unit or a note written beside the table): kept
    # without a label, so the readers can see them
    kanan = kolom[-1].idx
    sel = sheet.sel
    for r in range(after, min(n, after + 60)):
        row = sel[r]
        for j in range(len(row) - 1, kanan - sheet.kolom0, -1):
            v = row[j]
            if v is not None and v != "" and not (v.__class__ is str and v.isspace()):
                kanan = max(kanan, sheet.kolom0 + j)
                break
    for c in range(kolom[-1].idx + 1, min(kanan, kolom[-1].idx + 8) + 1):
        kolom.append(KolomKepala(c, []))
    judul = _title(texts, prev_end, i)
    panjang = [t for r in header_rel for _, t, v in texts[r] if isinstance(v, str) and len(t) > PANJANG_KEPALA]
    if panjang:  # a title or a note written into the header row ("Formulir E.81 Evaluasi …")
        judul = " ".join([judul, *(t[:300] for t in panjang)]).strip()
    return Blok(
        sheet,
        [sheet.baris0 + r for r in header_rel],
        sheet.baris0 + number_row if number_row is not None else None,
        sheet.baris0 + after,
        sheet.baris0 + n,
        kolom,
        judul,
        frozenset(konsep),
    )


# concepts that make a header a table's header (three of them at least)
_KONSEP_TABEL = frozenset({"kode", "uraian", "indikator", "satuan", "target", "pagu", "realisasi", "capaian",
                           "fisik", "lokasi", "spm", "review", "no", "sumber", "catatan", "renstra", "keuangan"})


def _title(texts: _Teks, lo: int, header_start: int) -> str:
    parts: list[str] = []
    for r in range(max(lo, header_start - 8), header_start):
        row = texts[r]
        if 0 < len(row) <= 3:
            parts.extend(t for _, t, _v in row)
    return " ".join(parts)


def _labels(sheet: Lembar, texts: _Teks, header_rel: list[int], number_row: int | None) -> list[KolomKepala]:
    """Column labels from the header rows, filling merged (or visually merged) cells."""
    c_lo = None
    c_hi = None
    grid: dict[tuple[int, int], str] = {}
    for r in header_rel:
        for c, t, _v in texts[r]:
            c_lo = c if c_lo is None else min(c_lo, c)  # a long note is a header cell too, just not words
            c_hi = c if c_hi is None else max(c_hi, c)
            if len(t) <= PANJANG_KEPALA:
                grid[(r, c)] = t
    if number_row is not None:
        for c, _t, _v in texts[number_row]:
            c_lo = c if c_lo is None else min(c_lo, c)
            c_hi = c if c_hi is None else max(c_hi, c)
    if c_lo is None:
        return []
    top, bottom = header_rel[0], header_rel[-1]
    merged_cells: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sheet.gabungan:
        rr0, rr1 = r0 - sheet.baris0, r1 - sheet.baris0
        if rr1 < top or rr0 > bottom:
            continue
        text = grid.get((rr0, c0), "")
        for r in range(max(rr0, top), min(rr1, bottom) + 1):
            if r not in header_rel:
                continue
            for c in range(c0, c1 + 1):
                merged_cells.add((r, c))
                if text:
                    grid[(r, c)] = text
        c_hi = max(c_hi, c1)
    # no merge information: a group header spans the sub-headers to its right that have none of their own
    for r in header_rel[:-1]:
        c = c_lo
        current = None
        while c <= c_hi:
            if (r, c) in grid:
                current = grid[(r, c)]
            elif current is not None and (r, c) not in merged_cells and any((rb, c) in grid for rb in header_rel if rb > r):
                grid[(r, c)] = current
            else:
                current = None
            c += 1
    numbers: dict[int, tuple[int, str | None]] = {}
    if number_row is not None:
        last = None
        for c in range(c_lo, c_hi + 1):
            t = teks_sel(sheet.nilai(sheet.baris0 + number_row, c))
            m = _nomor_sel(t) if t else None
            if m:
                last = int(m.group(1))
                numbers[c] = (last, (m.group(2) or "").strip() or None)
            elif last is not None and not t:
                numbers[c] = (last, None)  # a merged number spans the value and satuan cells
            elif t:
                last = None
    kolom: list[KolomKepala] = []
    for c in range(c_lo, c_hi + 1):
        levels: list[str] = []
        for r in header_rel:
            t = grid.get((r, c))
            if t and (not levels or levels[-1] != t):
                levels.append(t)
        nomor, rumus = numbers.get(c, (None, None))
        kolom.append(KolomKepala(c, levels, nomor, rumus))
    # a column without any header text continues the one on its left (a satuan cell beside its value,
    # the parts of a kode split over cells); a column whose only text is a unit marker (K, Rp, %)
    # takes the group text of its left neighbour ("Target Renstra … K" | "Rp")
    for a, b in zip(kolom, kolom[1:], strict=False):
        if not b.levels and a.levels:
            b.levels = list(a.levels)
        elif len(b.levels) == 1 and baca_label(b.levels[0]).penanda_saja and a.levels:
            grup = a.levels[:-1] if len(a.levels) > 1 else [_tanpa_penanda(a.levels[0])]
            if grup and grup[0]:
                b.levels = [*grup, b.levels[0]]
    return kolom


_PENANDA_AKHIR = re.compile(r"\s+(k|rp\.?|%)$", re.I)


def _tanpa_penanda(teks: str) -> str:
    """``Target Renstra … K`` → ``Target Renstra …`` (the group text of a K/Rp pair written in one row)."""
    return _PENANDA_AKHIR.sub("", teks)
