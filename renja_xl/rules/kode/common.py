"""Helpers shared by the kode rules."""

from __future__ import annotations

from ...core.kode import Kode, parse_kode
from ...core.tabel import Tabel
from ..ingatan import per_tabel

__all__ = ["kode_obj", "kode_mungkin", "JENIS_BERKODE"]

JENIS_BERKODE = ("rencana", "renstra", "perubahan", "evaluasi", "e81", "realisasi")


def kode_obj(teks: str | None) -> Kode | None:
    if not teks:
        return None
    return parse_kode(teks).kode


@per_tabel
def _kunci_ada(t: Tabel) -> frozenset[str]:
    return frozenset(k for k in t.kunci if k)


def kode_mungkin(t: Tabel, i: int) -> Kode | None:
    """The kode an unreadable row probably had: the parent shared by the coded rows just below it,
    when that parent has no row of its own in the table."""
    # only the first row of a run of rows without a readable kode takes the parent's place
    if i > 0 and t.kode[i - 1] is None and not t.total[i - 1]:
        return None
    known = _kunci_ada(t)
    for j in range(i + 1, t.n):
        if j in t.kode_galat or t.kode[j] is None:
            continue
        k = kode_obj(t.kode[j])
        if k is None or k.induk is None:
            return None
        if k.induk.kunci in known:
            return None
        return k.induk
    return None
