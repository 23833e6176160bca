"""Find Renja tables in a worksheet grid, whatever their position and formatting.

A table is found by its header, not by the sheet name or a fixed position: a row whose cells name
at least three of the things a Renja header names (kode, program/kegiatan, indikator, satuan,
target, pagu, realisasi …), extended downwards over 1–3 header rows (merged or not) and an optional
row of column numbers (``1 2 3``, ``(1) (2)``, ``8 = (7/6)``). Each column gets a label made of the
header texts above it; the set of labels says what kind of table it is
(:data:`renja_xl.core.models.JenisTabel`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.angka import parse_angka
from .workbook import Lembar

__all__ = ["Kolom", "BlokTabel", "cari_blok", "teks_sel", "tahun_dalam"]

_WS = re.compile(r"\s+")


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


# What header cells name. Matched on lower-case text.
_CAT: dict[str, re.Pattern[str]] = {
    "kode": re.compile(r"\bkode\b|\bkd\b"),
    "uraian": re.compile(r"program|kegiatan|uraian|urusan|nomenklatur"),
    "indikator": re.compile(r"indikator|tolak ukur|tolok ukur"),
    "satuan": re.compile(r"\bsatuan\b"),
    "target": re.compile(r"\bta\w{0,2}get\b"),
    "pagu": re.compile(r"\bpagu\b|kebutuhan dana|^rp\.?$|\(rp\.?\)|\brp\.|anggaran|pendanaan"),
    "realisasi": re.compile(r"realisasi"),
    "lokasi": re.compile(r"\blokasi\b"),
    "no": re.compile(r"^no\.?$|^nomor$"),
    "spm": re.compile(r"\bspm\b|\bikk\b|standar"),
    "review": re.compile(r"rancangan awal|hasil analisis"),
    "capaian": re.compile(r"capaian|tingkat"),
    "fisik": re.compile(r"fisik|penyelesaian pekerjaan"),
    "catatan": re.compile(r"catatan|keterangan"),
}
_YEAR = re.compile(r"\b(20\d\d)\b")
_NUMBER_CELL = re.compile(r"^\(?(\d{1,2})\)?(?:\s*=.*)?$")
_KODE_LIKE = re.compile(r"^[\dlIO]{1,2}(?:\.[\dlIO]{1,4}){1,5}$")


def tahun_dalam(teks: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(teks)]


_CAT_ANY = re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in _CAT.items()))


def _cats(text: str) -> set[str]:
    """The header categories a cell names (one scan of the text for all categories)."""
    low = text[:160].lower()  # header cells are short; a long text is not a header word
    out: set[str] = set()
    pos = 0
    while True:
        m = _CAT_ANY.search(low, pos)
        if m is None:
            return out
        out.add(m.lastgroup)
        pos = m.start() + 1


@dataclass(slots=True)
class Kolom:
    """One column of a table: absolute index, header texts top to bottom, number-row number."""

    idx: int
    levels: list[str]
    nomor: int | None = None

    @property
    def label(self) -> str:
        return " | ".join(self.levels)

    @property
    def leaf(self) -> str:
        return self.levels[-1] if self.levels else ""

    @property
    def low(self) -> str:
        return self.label.lower()

    @property
    def leaf_low(self) -> str:
        return self.leaf.lower()

    def punya(self, cat: str, leaf: bool = False) -> bool:
        return bool(_CAT[cat].search(self.leaf_low if leaf else self.low))

    @property
    def tahun(self) -> int | None:
        for lvl in reversed(self.levels):
            ys = tahun_dalam(lvl)
            if ys:
                return ys[0]
        return None


@dataclass(slots=True)
class BlokTabel:
    """A table found in a sheet: its header block and data range (absolute 0-based rows)."""

    lembar: Lembar
    header_rows: list[int]
    number_row: int | None
    data_start: int
    data_end: int  # exclusive
    kolom: list[Kolom]
    judul: str = ""
    kind: str | None = None
    kode_cols: list[int] = field(default_factory=list)

    def kolom_di(self, idx: int) -> Kolom | None:
        for k in self.kolom:
            if k.idx == idx:
                return k
        return None


def _row_texts(sheet: Lembar, i: int) -> list[tuple[int, str, Any]]:
    """The non-empty cells of a grid row as (absolute column, tidy text, value). Every row of every
    sheet passes here, so :func:`teks_sel` is inlined for the common types."""
    out = []
    k0 = sheet.kolom0
    for j, v in enumerate(sheet.sel[i]):
        cls = v.__class__
        if cls is str:
            if not v:
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


def _is_number_row(cells: list[tuple[int, str, Any]]) -> bool:
    if len(cells) < 3:
        return False
    nums = []
    for _, t, _v in cells:
        m = _NUMBER_CELL.match(t)
        if not m:
            return False
        nums.append(int(m.group(1)))
    return all(b > a for a, b in zip(nums, nums[1:], strict=False))


def _is_year(x: float) -> bool:
    return 1900 <= x <= 2100 and float(x).is_integer()


def _has_data_signal(cells: list[tuple[int, str, Any]]) -> bool:
    """A row holds data when a cell is a number (other than a year) or a dotted kode, typed or as text."""
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


def _header_score(cells: list[tuple[int, str, Any]]) -> int:
    if len(cells) < 3:
        return 0
    cats: set[str] = set()
    texty = 0
    for _, t, v in cells:
        if isinstance(v, str) and not _NUMBER_CELL.match(t):
            texty += 1
            cats |= _cats(t)
    if texty < 3:
        return 0
    return len(cats)


class _TeksBaris:
    """``_row_texts`` of each row, made when first asked for: most rows are data rows that
    :func:`_bukan_kepala` sets aside from their raw values alone."""

    def __init__(self, sheet: Lembar):
        self.sheet = sheet
        self.rows: dict[int, list[tuple[int, str, Any]]] = {}

    def __getitem__(self, i: int) -> list[tuple[int, str, Any]]:
        row = self.rows.get(i)
        if row is None:
            row = self.rows[i] = _row_texts(self.sheet, i)
        return row


def _bukan_kepala(row: list[Any]) -> bool:
    """Certainly not a header row, from the raw values: a typed number other than a year is a data
    signal (:func:`_has_data_signal`)."""
    for v in row:
        cls = v.__class__
        if (cls is int or cls is float) and not _is_year(v):
            return True
    return False


def cari_blok(sheet: Lembar) -> list[BlokTabel]:
    """All table blocks of a sheet, top to bottom (kind not yet decided)."""
    blocks: list[BlokTabel] = []
    n = sheet.tinggi
    texts = _TeksBaris(sheet)
    i = 0
    prev_end = 0
    while i < n:
        if _bukan_kepala(sheet.sel[i]):
            i += 1
            continue
        cells = texts[i]
        if len(cells) < 3 or _has_data_signal(cells) or _header_score(cells) < 3:
            i += 1
            continue
        start = i
        end = i  # last header row (relative index)
        number_row: int | None = None
        # merged cells starting in the first header row say how deep the header is
        abs_row = sheet.baris0 + i
        for r0, _c0, r1, _c1 in sheet.gabungan:
            if r0 == abs_row and r1 > abs_row:
                end = max(end, min(r1 - sheet.baris0, i + 3))
        k = i + 1
        while k < n and k <= i + 4:
            row = texts[k]
            if row and _is_number_row(row):
                number_row = k
                break
            if row and (_has_data_signal(row) or not any(isinstance(v, str) for _, _, v in row)):
                break
            if row:
                if k > i + 2:  # at most three header rows
                    break
                end = max(end, k)
            k += 1
        header_rel = list(range(start, end + 1))
        data_start = (number_row if number_row is not None else end) + 1
        kolom = _labels(sheet, header_rel, number_row)
        if len(kolom) < 3:
            i += 1
            continue
        judul = _title(texts, prev_end, start)
        blocks.append(
            BlokTabel(
                sheet,
                [sheet.baris0 + r for r in header_rel],
                sheet.baris0 + number_row if number_row is not None else None,
                sheet.baris0 + data_start,
                sheet.baris0 + n,
                kolom,
                judul,
            )
        )
        prev_end = data_start
        i = data_start
    # each block's data ends where the next block's title (or header) starts
    for a, b in zip(blocks, blocks[1:], strict=False):
        start = b.header_rows[0] - sheet.baris0
        k = start - 1
        while k >= a.data_start - sheet.baris0 and start - k <= 8:
            row = texts[k]
            if row and (len(row) > 3 or _has_data_signal(row)):
                break
            k -= 1
        a.data_end = sheet.baris0 + k + 1
    return blocks


def _title(texts: list[list[tuple[int, str, Any]]], lo: int, header_start: int) -> str:
    parts: list[str] = []
    for r in range(max(lo, header_start - 8), header_start):
        row = texts[r]
        if 0 < len(row) <= 3:
            parts.extend(t for _, t, _v in row)
    return " ".join(parts)


def _labels(sheet: Lembar, header_rel: list[int], number_row: int | None) -> list[Kolom]:
    """Column labels from the header rows, filling merged (or visually merged) cells."""
    c_lo = None
    c_hi = None
    grid: dict[tuple[int, int], str] = {}
    for r in header_rel:
        for c, t, _v in _row_texts(sheet, r):
            grid[(r, c)] = t
            c_lo = c if c_lo is None else min(c_lo, c)
            c_hi = c if c_hi is None else max(c_hi, c)
    if c_lo is None:
        return []
    top, bottom = header_rel[0], header_rel[-1]
    # 1) real merges
    merged_cells: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sheet.gabungan:
        rr0, rr1 = r0 - sheet.baris0, r1 - sheet.baris0
        if rr1 < top or rr0 > bottom:
            continue
        text = grid.get((rr0, c0), "")
        for r in range(max(rr0, top), min(rr1, bottom) + 1):
            for c in range(c0, c1 + 1):
                merged_cells.add((r, c))
                if text:
                    grid[(r, c)] = text
        c_hi = max(c_hi, c1)
    # 2) no merge information: fill a group header right over its sub-headers
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
    # number row
    numbers: dict[int, int] = {}
    if number_row is not None:
        last = None
        for c in range(c_lo, c_hi + 1):
            t = teks_sel(sheet.nilai(sheet.baris0 + number_row, c))
            m = _NUMBER_CELL.match(t) if t else None
            if m:
                last = int(m.group(1))
                numbers[c] = last
            elif last is not None:
                numbers[c] = last  # a merged number spans the value and satuan cells
    kolom: list[Kolom] = []
    for c in range(c_lo, c_hi + 1):
        levels: list[str] = []
        for r in header_rel:
            t = grid.get((r, c))
            if t and (not levels or levels[-1] != t):
                levels.append(t)
        kolom.append(Kolom(c, levels, numbers.get(c)))
    # 3) a column without any header text continues the one on its left (e.g. a satuan cell
    #    beside its value, or the parts of a kode split over cells)
    for a, b in zip(kolom, kolom[1:], strict=False):
        if not b.levels and a.levels:
            b.levels = list(a.levels)
    return kolom
