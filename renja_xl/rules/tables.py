"""Cross-table helpers: the same kode in several tables of one workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..core.models import Tabel


def nilai_antartabel(
    tables: list[Tabel], cells: Callable[[Tabel, Any], dict[Any, Any]]
) -> Iterator[tuple[Tabel, Any, Tabel, Any, Any, Any, Any]]:
    """For each kode and key (year …) present in several tables, yield the reference (the first table
    that has it) and every later occurrence: (ref_table, ref_row, table, row, key, ref_cell, cell)."""
    # only a kode that more than one table names can differ between tables: find those first (one
    # cheap pass) so the value cells of every other row are never looked at
    tabel_dari: dict[str, int] = {}
    bersama: set[str] = set()
    for i, tabel in enumerate(tables):
        for row in tabel.rows:
            k = row.kode_kunci
            if k and not row.kode_galat:
                first = tabel_dari.setdefault(k, i)
                if first != i:
                    bersama.add(k)
    if not bersama:
        return
    ref: dict[tuple[str, Any], tuple[Tabel, Any, Any]] = {}
    for tabel in tables:
        seen_here: set[tuple[str, Any]] = set()
        for row in tabel.rows:
            if row.kode_kunci not in bersama or row.kode_galat:
                continue
            for key, cell in cells(tabel, row).items():
                k = (row.kode_kunci, key)
                if k in seen_here:
                    continue  # a duplicate inside one table is K002's business
                seen_here.add(k)
                if k not in ref:
                    ref[k] = (tabel, row, cell)
                    continue
                r_t, r_row, r_cell = ref[k]
                if r_t is tabel:
                    continue
                yield r_t, r_row, tabel, row, key, r_cell, cell
