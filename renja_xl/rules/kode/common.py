"""Helpers shared by the kode rules: which coded row a row without a readable kode belongs to."""

from __future__ import annotations

from ...core.kode import Kode, parse_kode
from ...core.models import Tabel


def kode_obj(teks: str | None) -> Kode | None:
    if not teks:
        return None
    return parse_kode(teks).kode


def kode_mungkin(tabel: Tabel, i: int) -> Kode | None:
    """The kode an unreadable row probably had: the parent shared by the coded rows just below it,
    when that parent has no row of its own in the table."""
    # only the first row of a run of rows without a readable kode takes the parent's place
    if i > 0 and not tabel.rows[i - 1].kode and not tabel.rows[i - 1].total:
        return None
    known = {r.kode_kunci for r in tabel.rows if r.kode_kunci}
    for row in tabel.rows[i + 1:]:
        if row.kode_galat or not row.kode:
            continue
        k = kode_obj(row.kode)
        if k is None or k.induk is None:
            return None
        if k.induk.kunci in known:
            return None
        return k.induk
    return None


def pemilik(tabel: Tabel) -> dict[int, str]:
    """For each row index without a readable kode, the kunci of the coded row it belongs to: the coded
    row just above it, or that row's parent when it is a sub kegiatan (rules.md, A001)."""
    out: dict[int, str] = {}
    owner: str | None = None
    for i, row in enumerate(tabel.rows):
        if row.kode and not row.kode_galat:
            owner = row.induk_kunci if row.level == "sub_kegiatan" else row.kode_kunci
            continue
        if row.total or owner is None:
            continue
        out[i] = owner
    return out
