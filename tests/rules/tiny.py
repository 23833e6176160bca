"""Tiny tables written as text, for the rule cases in ``cases/*.toml`` (sqlfluff-style fixtures).

A table is a block of lines; cells are separated by ``|``; ``num(2.1)`` stores a number the way Excel
does when it turns a typed kode into one. A blank first line is allowed.

A cell may hold a formula with the value Excel cached for it: ``=SUM(F3:F4)->30`` (a number),
``=A1&"x"->teks`` (text), ``=H40+#REF!->#REF!`` (an error value, read as empty as python-calamine
reads it); ``=SUM(F3:F4)`` alone has no cached value (E003). Rows and columns count from A1.
"""

from __future__ import annotations

import re

from renja_xl.readers.workbook import Lembar, lembar_dari_nilai

_NUM = re.compile(r"^num\((-?\d+(?:\.\d+)?)\)$")
_RUMUS = re.compile(r"^(=.+?)(?:\s*->\s*(.*))?$")
_ANGKA = re.compile(r"^-?\d+(?:\.\d+)?$")


def _nilai(teks: str) -> object:
    m = _NUM.match(teks)
    if m:
        return float(m.group(1))
    return teks


def sel_sel(text: str) -> tuple[list[list[object]], dict, dict, set]:
    """(values, formulas, cached errors, formulas without a cached value) of a tiny table."""
    rows: list[list[object]] = []
    rumus: dict[tuple[int, int], str] = {}
    galat: dict[tuple[int, int], str] = {}
    kosong: set[tuple[int, int]] = set()
    for r, line in enumerate(text.strip("\n").splitlines()):
        if not line.strip():
            rows.append([])
            continue
        cells: list[object] = []
        for c, raw in enumerate(line.split("|")):
            raw = raw.strip()
            m = _RUMUS.match(raw)
            if not m:
                cells.append(_nilai(raw))
                continue
            rumus[(r, c)] = m.group(1).strip()
            cached = m.group(2)
            if cached is None:
                kosong.add((r, c))
                cells.append("")
            elif cached.startswith("#"):
                galat[(r, c)] = cached.strip()
                cells.append("")
            elif _ANGKA.match(cached.strip()):
                x = float(cached)
                cells.append(int(x) if x.is_integer() and "." not in cached else x)
            else:
                cells.append(cached)
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows], rumus, galat, kosong


def grid(text: str) -> list[list[object]]:
    return sel_sel(text)[0]


def lembar(sheets: dict[str, str]) -> list[Lembar]:
    out = []
    for name, text in sheets.items():
        values, rumus, galat, kosong = sel_sel(text)
        out.append(lembar_dari_nilai(name, values, rumus=rumus, galat=galat, rumus_kosong=kosong))
    return out
