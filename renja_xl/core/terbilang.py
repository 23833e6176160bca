"""An amount of rupiah in words, as official documents print it.

``terbilang(4876245268)`` → ``"empat miliar delapan ratus tujuh puluh enam juta dua ratus empat
puluh lima ribu dua ratus enam puluh delapan"`` and :func:`terbilang_rupiah` adds ``"rupiah"``.
Indonesian counts with ``se-`` for one of a unit (``seratus``, ``seribu``, ``sepuluh``,
``sebelas``) except above a thousand (``satu juta``, ``satu miliar``); teens are ``dua belas`` …
``sembilan belas``. Rupiah are whole numbers: a fraction is rounded half-up, as
:func:`renja_xl.core.angka.format_rupiah` does.
"""

from __future__ import annotations

import math

__all__ = ["terbilang", "terbilang_rupiah", "BATAS"]

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# 10^3k names, from the smallest group up.
_SKALA = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun")
BATAS = 10 ** (3 * len(_SKALA))  # the first amount that has no name here (10^18)


def _ratusan(n: int) -> list[str]:
    """Words of 1 ≤ n ≤ 999."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus > 1:
        kata += [_SATUAN[ratus], "ratus"]
    if sisa == 0:
        return kata
    if sisa < 10:
        kata.append(_SATUAN[sisa])
    elif sisa == 10:
        kata.append("sepuluh")
    elif sisa == 11:
        kata.append("sebelas")
    elif sisa < 20:
        kata += [_SATUAN[sisa - 10], "belas"]
    else:
        puluh, satu = divmod(sisa, 10)
        kata += [_SATUAN[puluh], "puluh"]
        if satu:
            kata.append(_SATUAN[satu])
    return kata


def _bulat(nilai: int | float) -> int:
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        raise TypeError(f"terbilang membutuhkan angka, bukan {type(nilai).__name__}")
    if isinstance(nilai, float):
        if math.isnan(nilai) or math.isinf(nilai):
            raise ValueError(f"'{nilai}' bukan angka")
        return int(math.floor(abs(nilai) + 0.5)) * (1 if nilai >= 0 else -1)
    return nilai


def terbilang(nilai: int | float) -> str:
    """A whole number (a fraction is rounded half-up) in Indonesian words, lower case.

    Raises ``ValueError`` from 10^18 (``kuadriliun`` is the largest name here) and for NaN.
    """
    n = _bulat(nilai)
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    if n >= BATAS:
        raise ValueError(f"{n} terlalu besar untuk ditulis dengan kata (batas {BATAS:.0e})")
    kata: list[str] = []
    kelompok: list[int] = []
    while n:
        n, k = divmod(n, 1000)
        kelompok.append(k)
    for i in range(len(kelompok) - 1, -1, -1):
        k = kelompok[i]
        if k == 0:
            continue
        if i == 1 and k == 1:
            kata.append("seribu")
            continue
        kata += _ratusan(k)
        if _SKALA[i]:
            kata.append(_SKALA[i])
    return " ".join(kata)


def terbilang_rupiah(nilai: int | float) -> str:
    """``1185270`` → ``"satu juta seratus delapan puluh lima ribu dua ratus tujuh puluh rupiah"``."""
    return terbilang(nilai) + " rupiah"
