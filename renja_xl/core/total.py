"""Totals of a table as its own rows state them (``renja-xl ringkasan``, ``renja-xl diff``)."""

from __future__ import annotations

from .tabel import Tabel, baris_teratas

__all__ = ["total_rencana", "total_realisasi", "per_tingkat"]


def total_rencana(tabel: Tabel) -> dict[int, int | float]:
    """Per plan year, the pagu of the top-level rows (the office row, or the sum of the programs); the
    after side of a Perubahan."""
    tops = baris_teratas(tabel)
    out: dict[int, int | float] = {}
    for k in tabel.kolom("pagu"):
        if not k.peran.periode.isdigit() or k.peran.sisi not in ("", "setelah"):
            continue
        y = int(k.peran.periode)
        vals = [k.nilai[i] for i in tops if k.nilai[i] is not None]
        if vals:
            out[y] = out.get(y, 0) + sum(vals)
    return out


def total_realisasi(tabel: Tabel) -> tuple[int | float, int | float]:
    """The anggaran and realisasi of a realisation table's top rows (its detail rows when it has no kode)."""
    tops = baris_teratas(tabel) or [i for i in range(tabel.n) if not tabel.total[i]]
    ang = next((k for k in tabel.kolom("pagu") if k.peran.bagian in ("", "total")), None)
    rea = next((k for k in tabel.kolom("realisasi_rp") if k.peran.bagian in ("", "total")), None)
    a = sum(ang.nilai[i] or 0 for i in tops) if ang else 0
    r = sum(rea.nilai[i] or 0 for i in tops) if rea else 0
    return a, r


def per_tingkat(tabel: Tabel) -> dict[str, int]:
    """How many rows of each level (totals rows as ``jumlah``, rows without a level as ``lain``)."""
    out: dict[str, int] = {}
    for i in range(tabel.n):
        lvl = "jumlah" if tabel.total[i] else (tabel.level[i] or "lain")
        out[lvl] = out.get(lvl, 0) + 1
    return out
