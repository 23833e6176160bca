"""Helpers shared by the money rules."""

from __future__ import annotations

import math

__all__ = ["rupiah", "JENIS_UANG", "JENIS_RENCANA"]

JENIS_RENCANA = ("rencana", "renstra", "perubahan")
JENIS_UANG = (*JENIS_RENCANA, "realisasi", "e81")


def rupiah(x: int | float) -> int:
    """Whole rupiah, half up (sums are compared in whole rupiah)."""
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)
