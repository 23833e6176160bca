"""A1 cell addresses: one place that turns them into numbers and back, and quotes sheet names.

Indices are 0-based (row 0 = worksheet row 1, column 0 = A) unless a name says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["huruf_kolom", "indeks_kolom", "alamat", "pisah_a1", "rc", "kunci_urut", "kutip_sheet", "rujukan",
           "rentang_baris", "runtun"]

_A1 = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)$")
_AWAL_A1 = re.compile(r"([A-Z]+)(\d+)")  # the first address of "J52", "J52:K53", "J52, J60"


@lru_cache(maxsize=4096)
def _huruf(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


_HURUF = [_huruf(i) for i in range(702)]  # A … ZZ: the letters of every column a Renja uses


def huruf_kolom(c: int) -> str:
    """0-based column index → letters (0 → A, 26 → AA)."""
    if c < 0:
        raise ValueError(f"kolom negatif: {c}")
    return _HURUF[c] if c < 702 else _huruf(c)


def indeks_kolom(huruf: str | bytes) -> int:
    """Column letters → 0-based index (A → 0, AA → 26); lower case is accepted."""
    n = 0
    for ch in huruf.upper() if isinstance(huruf, str) else huruf.upper():
        v = (ord(ch) if isinstance(ch, str) else ch) - 64
        if not 1 <= v <= 26:
            raise ValueError(f"huruf kolom tidak dikenal: {huruf!r}")
        n = n * 26 + v
    if n == 0:
        raise ValueError("huruf kolom kosong")
    return n - 1


def alamat(r: int, c: int) -> str:
    """0-based (row, column) → A1 address."""
    return f"{huruf_kolom(c)}{r + 1}"


def pisah_a1(a1: str) -> tuple[str, int]:
    """``"L15"`` (or ``"$L$15"``) → ``("L", 15)``; ValueError for anything else."""
    m = _A1.match(a1.strip())
    if not m or int(m.group(2)) < 1:
        raise ValueError(f"alamat sel tidak dikenal: {a1}")
    return m.group(1).upper(), int(m.group(2))


def rc(a1: str) -> tuple[int, int]:
    """``"L15"`` → 0-based ``(14, 11)``."""
    col, row = pisah_a1(a1)
    return row - 1, indeks_kolom(col)


def kunci_urut(a1: str | None) -> tuple[int, int]:
    """1-based (row, column) of the first address in ``a1`` (``"J52:K53"`` → ``(52, 10)``), to sort
    by; ``(0, 0)`` for no address or one that cannot be read."""
    m = _AWAL_A1.match(a1) if a1 else None
    if not m:
        return (0, 0)
    return int(m.group(2)), indeks_kolom(m.group(1)) + 1


def kutip_sheet(nama: str) -> str:
    """A sheet name as a formula or link refers to it: always quoted, quotes doubled
    (``Renja '24`` → ``'Renja ''24'``)."""
    return "'" + nama.replace("'", "''") + "'"


def rujukan(sheet: str, a1: str) -> str:
    """``'Sheet name'!A1`` — a cell on another sheet, for a hyperlink's location or a formula."""
    return f"{kutip_sheet(sheet)}!{a1}"


def runtun(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Row numbers as runs of consecutive rows, in order: 45, 47, 46, 52 → [(45, 47), (52, 52)]."""
    out: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def rentang_baris(rows: list[int]) -> str:
    """Worksheet rows 45, 46, 47, 52 → '45–47, 52'."""
    return ", ".join(f"{a}–{b}" if b != a else str(a) for a, b in runtun(rows))
