"""Helpers shared by the P rules."""

from __future__ import annotations

from ...core.tabel import KolomAngka, Tabel

__all__ = ["pasangan_sisi", "pendek", "persen_ubah"]


def pasangan_sisi(t: Tabel, ukuran: str, a: str = "sebelum", b: str = "setelah") -> list[tuple[KolomAngka, KolomAngka]]:
    """Columns of one measure paired across the two sides of a change (sebelum/setelah of a
    Perubahan, awal/hasil of a review) for the same period and part."""
    out = []
    for ka in t.kolom(ukuran, sisi=a):
        kb = next((k for k in t.kolom(ukuran, sisi=b) if k.peran.periode == ka.peran.periode
                   and k.peran.bagian == ka.peran.bagian), None)
        if kb is not None:
            out.append((ka, kb))
    return out


def pendek(text: str | None, n: int = 50) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def persen_ubah(a: float | int | None, b: float | int | None) -> float | None:
    """(b − a) / a × 100; None without a base."""
    if a is None or b is None or a == 0:
        return None
    return (b - a) / abs(a) * 100
