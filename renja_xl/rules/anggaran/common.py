"""Helpers shared by the money rules."""

from __future__ import annotations

import math

from ...core.models import Nilai, RealisasiBaris, RencanaBaris, Tabel


def rupiah(x: int | float) -> int:
    """Whole rupiah, half up (sums are compared in whole rupiah)."""
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


def pagu_per_tahun(tabel: Tabel, row) -> dict[int, Nilai]:
    """The money cells of a row by year: plan pagu, or a realisation table's anggaran."""
    if isinstance(row, RencanaBaris):
        return row.pagu
    if isinstance(row, RealisasiBaris) and row.anggaran is not None:
        return {tabel.years[0] if tabel.years else 0: row.anggaran}
    return {}


def tahun_label(y: int, lang: str) -> str:
    return f" {y}" if y else ""
