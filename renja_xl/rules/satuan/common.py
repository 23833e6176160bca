"""Helpers shared by the unit rules: the unit cells of a row."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.tabel import Tabel

__all__ = ["sel_satuan", "JENIS_SATUAN"]

JENIS_SATUAN = ("rencana", "renstra", "perubahan", "evaluasi", "e81", "review")


def sel_satuan(t: Tabel, i: int) -> Iterator[tuple[str, str]]:
    """The unit cells of row ``i`` as (text, A1 cell): the satuan column, then the unit cell beside
    each value (T-C.29) or written in a value cell (``12 Jenis``), each distinct text once."""
    seen: set[str] = set()
    s = t.satuan[i]
    if s and s.strip():
        seen.add(s.strip().casefold())
        yield s, t.satuan_sel[i]
    for k in t.angka.values():
        if k.satuan is None or i >= len(k.satuan.teks):
            continue
        s = k.satuan.teks[i]
        if not s or not s.strip():
            continue
        key = s.strip().casefold()
        if key in seen:
            continue
        seen.add(key)
        yield s, t.sel(k.satuan, i)
