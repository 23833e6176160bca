"""Tiny tables written as text, for the rule cases in ``cases/*.toml`` (sqlfluff-style fixtures).

A table is a block of lines; cells are separated by ``|``; ``num(2.1)`` stores a number the way Excel
does when it turns a typed kode into one. A blank first line is allowed.
"""

from __future__ import annotations

import re

from renja_xl.readers.workbook import Lembar, lembar_dari_nilai

_NUM = re.compile(r"^num\((-?\d+(?:\.\d+)?)\)$")


def grid(text: str) -> list[list[object]]:
    rows = []
    for line in text.strip("\n").splitlines():
        if not line.strip():
            rows.append([])
            continue
        cells: list[object] = []
        for c in line.split("|"):
            c = c.strip()
            m = _NUM.match(c)
            cells.append(float(m.group(1)) if m else c)
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def lembar(sheets: dict[str, str]) -> list[Lembar]:
    return [lembar_dari_nilai(name, grid(text)) for name, text in sheets.items()]
