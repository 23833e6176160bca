"""Helpers shared by the unit rules."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.models import EvaluasiBaris, RencanaBaris, ReviewBaris, Teks


def sel_satuan(row) -> Iterator[Teks]:
    """Every satuan cell of a row, each distinct text once (first cell wins)."""
    if row.__class__ is RencanaBaris:  # one satuan cell: nothing to de-duplicate
        t = row.satuan
        if t is not None and t.text.strip():
            yield t
        return
    seen: set[str] = set()
    cells: list[Teks | None] = []
    if isinstance(row, RencanaBaris):
        cells = [row.satuan]
    elif isinstance(row, EvaluasiBaris):
        cells = [row.satuan_kolom[n] for n in sorted(row.satuan_kolom)]
    elif isinstance(row, ReviewBaris):
        cells = [row.awal.satuan, row.hasil.satuan]
    for t in cells:
        if t is None or not t.text.strip():
            continue
        key = t.text.strip().casefold()
        if key in seen:
            continue
        seen.add(key)
        yield t


def indikator_dan_satuan(row) -> tuple[str, Teks | None]:
    """The indicator text and the satuan cell that belongs to it."""
    if isinstance(row, ReviewBaris):
        return (row.hasil.indikator or row.awal.indikator,
                row.hasil.satuan if row.hasil.indikator else row.awal.satuan)
    return row.indikator, row.satuan
