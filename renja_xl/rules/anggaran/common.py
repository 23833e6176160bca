"""Helpers shared by the money rules."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ...core.models import Baris, Nilai, RealisasiBaris, RencanaBaris, Tabel
from ..kode.common import pemilik


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


@dataclass(slots=True)
class Rincian:
    """A parent row (bidang, program or kegiatan) and its child rows found by kode in one table.

    ``tercemar``: a row without a readable kode belongs to this parent (rules.md, A001), so its sum
    is not known for certain: A001 does not check it and Hitung Ulang Rollup does not rewrite it."""

    induk: Baris
    anak: list[Baris]
    tercemar: bool


def rincian_induk(tabel: Tabel) -> Iterator[Rincian]:
    """Every parent of a table that has child rows, with those children (the next level down, by
    kode, in table order). A kode that appears twice counts once, at its first row (K002)."""
    rows = [r for r in tabel.rows if r.kode_kunci and not r.kode_galat]
    children: dict[str, list[Baris]] = {}
    for r in rows:
        if r.induk_kunci is not None:
            children.setdefault(r.induk_kunci, []).append(r)
    tainted = set(pemilik(tabel).values())
    seen: set[str] = set()
    for parent in rows:
        if parent.level not in ("bidang", "program", "kegiatan") or parent.kode_kunci in seen:
            continue
        seen.add(parent.kode_kunci)
        kids = children.get(parent.kode_kunci)
        if kids:
            yield Rincian(parent, kids, parent.kode_kunci in tainted)
