"""Totals of a table as its own rows state them (``renja-xl ringkasan``, ``renja-xl diff``)."""

from __future__ import annotations

from .models import RealisasiBaris, RencanaBaris, Tabel

__all__ = ["total_rencana", "total_realisasi"]


def total_rencana(tabel: Tabel) -> dict[int, int | float]:
    """Per plan year, the pagu of the top-level rows (the office row, or the sum of the programs)."""
    coded = [r for r in tabel.rows if isinstance(r, RencanaBaris) and r.kode]
    if not coded:
        return {}
    top = min(len(r.kode.split(".")) for r in coded)
    out: dict[int, int | float] = {}
    for r in coded:
        if len(r.kode.split(".")) != top:
            continue
        for y, n in r.pagu.items():
            if n.value is not None:
                out[y] = out.get(y, 0) + n.value
    return out


def total_realisasi(tabel: Tabel) -> tuple[int | float, int | float]:
    """The sums of the anggaran and realisasi columns of a realisation table."""
    ang = sum(r.anggaran.value for r in tabel.rows
              if isinstance(r, RealisasiBaris) and r.anggaran and r.anggaran.value is not None)
    rea = sum(r.realisasi.value for r in tabel.rows
              if isinstance(r, RealisasiBaris) and r.realisasi and r.realisasi.value is not None)
    return ang, rea
