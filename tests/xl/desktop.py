"""A stand-in for desktop Excel's side of xlwings' Book/Sheet/Range API, in memory.

The remote engine used by test_remote.py cannot read a cell's fill, a note's text or a formula, so
the add-in's branches for an engine that can (desktop Excel through RunPython) need another
counterpart on Linux. This implements exactly the members renja_xl.xl uses, with desktop Excel's
semantics as xlwings documents them: ``color`` is an RGB tuple or None, ``note`` is None or an object
with ``text``/``delete()``, ``formula`` returns ``"=..."`` or the constant as text, ``add_note`` on a
cell that has a note raises. It is a model, not Excel: what really happens in Excel is checked by a
first run on Windows (docs/excel-windows.md).
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter


def _rc(a1: str) -> tuple[int, int]:
    m = re.match(r"^\$?([A-Z]+)\$?(\d+)$", a1)
    return int(m.group(2)), column_index_from_string(m.group(1))


class Note:
    def __init__(self, sheet: Sheet, key: tuple[int, int]):
        self._sheet, self._key = sheet, key

    @property
    def text(self) -> str:
        return self._sheet.notes[self._key]

    @text.setter
    def text(self, value: str) -> None:
        self._sheet.notes[self._key] = self._sheet.book.simpan_catatan(value)

    def delete(self) -> None:
        del self._sheet.notes[self._key]


class _Font:
    def __init__(self, rng: Range):
        self._rng = rng

    @property
    def bold(self):
        return None

    @bold.setter
    def bold(self, value) -> None:
        pass


class Range:
    def __init__(self, sheet: Sheet, r0: int, c0: int, r1: int | None = None, c1: int | None = None):
        self.sheet = sheet
        self.r0, self.c0 = r0, c0
        self.r1, self.c1 = (r1 or r0), (c1 or c0)

    # geometry
    @property
    def row(self) -> int:
        return self.r0

    @property
    def column(self) -> int:
        return self.c0

    @property
    def shape(self) -> tuple[int, int]:
        return (self.r1 - self.r0 + 1, self.c1 - self.c0 + 1)

    def _keys(self):
        for r in range(self.r0, self.r1 + 1):
            for c in range(self.c0, self.c1 + 1):
                yield (r, c)

    def options(self, ndim: int = 2) -> Range:
        return self

    # values and formulas
    @property
    def value(self) -> list[list[Any]]:
        return [[self.sheet.shown(r, c) for c in range(self.c0, self.c1 + 1)] for r in range(self.r0, self.r1 + 1)]

    @value.setter
    def value(self, v: Any) -> None:
        rows = v if isinstance(v, list) else [[v] * self.shape[1]] * self.shape[0]
        for i, row in enumerate(rows):
            for j, x in enumerate(row if isinstance(row, list) else [row]):
                self.sheet.put(self.r0 + i, self.c0 + j, x)

    @property
    def formula(self):
        """A cell's formula (or its constant as text); a range's as a tuple of row tuples (COM)."""
        def one(r: int, c: int) -> str:
            raw = self.sheet.cells.get((r, c))
            return "" if raw is None else str(raw)

        if self.shape == (1, 1):
            return one(self.r0, self.c0)
        return tuple(tuple(one(r, c) for c in range(self.c0, self.c1 + 1)) for r in range(self.r0, self.r1 + 1))

    @formula.setter
    def formula(self, v: Any) -> None:
        self.value = v

    def clear(self) -> None:
        for k in self._keys():
            self.sheet.cells.pop(k, None)
            self.sheet.fills.pop(k, None)

    def clear_contents(self) -> None:
        for k in self._keys():
            self.sheet.cells.pop(k, None)

    # formats
    @property
    def color(self):
        return self.sheet.fills.get((self.r0, self.c0))

    @color.setter
    def color(self, rgb) -> None:
        for k in self._keys():
            if rgb is None:
                self.sheet.fills.pop(k, None)
            else:
                self.sheet.fills[k] = tuple(rgb)

    @property
    def number_format(self):
        return "General"

    @number_format.setter
    def number_format(self, value) -> None:
        pass

    @property
    def font(self) -> _Font:
        return _Font(self)

    @property
    def wrap_text(self):
        return False

    @wrap_text.setter
    def wrap_text(self, value) -> None:
        pass

    # notes
    @property
    def note(self) -> Note | None:
        key = (self.r0, self.c0)
        return Note(self.sheet, key) if key in self.sheet.notes else None

    def add_note(self, text: str) -> Note:
        key = (self.r0, self.c0)
        if key in self.sheet.notes:
            raise ValueError("This cell already has a note")
        self.sheet.notes[key] = self.sheet.book.simpan_catatan(text)
        return Note(self.sheet, key)

    @property
    def address(self) -> str:
        return f"${get_column_letter(self.c0)}${self.r0}"


class Sheet:
    def __init__(self, book: Book, name: str):
        self.book, self.name = book, name
        self.cells: dict[tuple[int, int], Any] = {}
        self.fills: dict[tuple[int, int], tuple[int, int, int]] = {}
        self.notes: dict[tuple[int, int], str] = {}
        self.visible = True

    def put(self, r: int, c: int, x: Any) -> None:
        if x is None or x == "":
            self.cells.pop((r, c), None)
        else:
            self.cells[(r, c)] = x[1:] if isinstance(x, str) and x.startswith("'") else x

    def shown(self, r: int, c: int) -> Any:
        """A cell's value as Excel shows it: SUM formulas computed, other formulas as their text."""
        raw = self.cells.get((r, c))
        m = re.match(r"^=SUM\((.*)\)$", raw) if isinstance(raw, str) else None
        if m:
            total = 0
            for part in m.group(1).split(","):
                a, _, b = part.partition(":")
                (ra, ca), (rb, cb) = _rc(a), _rc(b or a)
                for rr in range(ra, rb + 1):
                    for cc in range(ca, cb + 1):
                        v = self.shown(rr, cc)
                        total += v if isinstance(v, (int, float)) and not isinstance(v, bool) else 0
            return total
        return raw

    def range(self, a, b=None) -> Range:
        if isinstance(a, str):
            if ":" in a:
                x, y = a.split(":")
                (r0, c0), (r1, c1) = _rc(x), _rc(y)
                return Range(self, r0, c0, r1, c1)
            r, c = _rc(a)
            return Range(self, r, c)
        if b is None:
            return Range(self, a[0], a[1])
        return Range(self, a[0], a[1], b[0], b[1])

    def __getitem__(self, a1: str) -> Range:
        return self.range(a1)

    @property
    def used_range(self) -> Range:
        keys = list(self.cells)
        if not keys:
            return Range(self, 1, 1)
        return Range(self, min(r for r, _ in keys), min(c for _, c in keys),
                     max(r for r, _ in keys), max(c for _, c in keys))

    def activate(self) -> None:
        self.book.active = self.name


class Sheets:
    def __init__(self, book: Book):
        self.book = book
        self._list: list[Sheet] = []

    def __iter__(self):
        return iter(list(self._list))

    def __len__(self) -> int:
        return len(self._list)

    def __getitem__(self, i):
        if isinstance(i, str):
            return next(s for s in self._list if s.name == i)
        return self._list[i]

    def add(self, name: str, after: Sheet | None = None) -> Sheet:
        sh = Sheet(self.book, name)
        self._list.insert(self._list.index(after) + 1 if after else len(self._list), sh)
        return sh


class Book:
    """An in-memory book; ``Book.dari_berkas(path)`` loads a file's values and formulas."""

    def __init__(self, name: str, potong_catatan: int | None = None):
        self.name = name
        self.fullname = name  # not a file on disk: no configuration lookup
        self.sheets = Sheets(self)
        self.active = None
        self.potong_catatan = potong_catatan  # model an Excel that cuts long note text and uses CRLF

    def simpan_catatan(self, text: str) -> str:
        if self.potong_catatan is None:
            return text
        return text.replace("\n", "\r\n")[: self.potong_catatan]

    @classmethod
    def dari_berkas(cls, path, **kw) -> Book:
        from openpyxl import load_workbook

        wb = load_workbook(path)
        book = cls(path.name, **kw)
        for ws in wb.worksheets:
            sh = book.sheets.add(ws.title)
            for row in ws.iter_rows():
                for c in row:
                    if c.value is not None:
                        sh.cells[(c.row, c.column)] = c.value
        return book
