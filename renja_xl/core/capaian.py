"""Realisation and achievement percentages, and the predikat of an achievement.

Every function returns ``None`` ("no value") instead of raising when the target is zero or empty,
or when an input is missing: a plan with no target has no achievement, and a spreadsheet must show
an empty cell there, not ``#DIV/0!``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

__all__ = [
    "RUMUS_NEGATIF",
    "SkalaPredikat",
    "SKALA_BAWAAN",
    "capaian",
    "predikat",
    "tingkat_realisasi",
]

Number = int | float
Polaritas = Literal["positif", "negatif"]

# Formulas for an indicator where lower is better (angka kematian, jumlah kejadian …).
RUMUS_NEGATIF: dict[str, str] = {
    "2t-r": "(2 × target − realisasi) / target × 100 (praktik PermenPANRB; bawaan)",
    "t/r": "target / realisasi × 100",
    "(t-r)/t": "(target − realisasi) / target × 100",
}


def _num(x: object) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    return None


def tingkat_realisasi(realisasi: Number | None, target: Number | None) -> float | None:
    """realisasi / target × 100; ``None`` for a zero or empty target or an empty realisasi."""
    r, t = _num(realisasi), _num(target)
    if r is None or t is None or t == 0:
        return None
    return r / t * 100.0


def capaian(
    realisasi: Number | None,
    target: Number | None,
    polaritas: Polaritas | str = "positif",
    rumus_negatif: str = "2t-r",
) -> float | None:
    """Achievement % of an indicator.

    Positive indicator (higher is better): realisasi / target × 100. Negative indicator: by
    ``rumus_negatif`` — ``"2t-r"`` (default), ``"t/r"`` or ``"(t-r)/t"`` (see :data:`RUMUS_NEGATIF`).
    """
    r, t = _num(realisasi), _num(target)
    if r is None or t is None or t == 0:
        return None
    pol = str(polaritas).strip().lower()
    if pol in ("positif", "+", "positive", "naik", "1"):
        return r / t * 100.0
    if pol not in ("negatif", "-", "negative", "turun", "-1"):
        raise ValueError(f"polaritas '{polaritas}' tidak dikenal (positif/negatif)")
    if rumus_negatif == "2t-r":
        return (2 * t - r) / t * 100.0
    if rumus_negatif == "t/r":
        return None if r == 0 else t / r * 100.0
    if rumus_negatif == "(t-r)/t":
        return (t - r) / t * 100.0
    raise ValueError(f"rumus polaritas negatif '{rumus_negatif}' tidak dikenal: {', '.join(RUMUS_NEGATIF)}")


@dataclass(frozen=True, slots=True)
class SkalaPredikat:
    """A predikat scale: ``batas`` lists (lower bound, label) from the top; below all is ``terbawah``.

    The default (Permendagri 54/2010 and 86/2017 evaluation practice): c ≥ 91 Sangat Tinggi,
    76 ≤ c < 91 Tinggi, 66 ≤ c < 76 Sedang, 51 ≤ c < 66 Rendah, c < 51 Sangat Rendah.
    """

    batas: tuple[tuple[float, str], ...] = ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"))
    terbawah: str = "Sangat Rendah"
    pembulatan: int | None = None  # decimals the capaian is rounded to (half up) before the bands; None: exact

    def __post_init__(self) -> None:
        batas = self.batas
        if isinstance(batas, dict):  # config files may write {"Sangat Tinggi" = 91, …}
            batas = tuple((float(b), str(lbl)) for lbl, b in batas.items())
        batas = tuple((float(b), str(lbl)) for b, lbl in batas)
        object.__setattr__(self, "batas", batas)
        bounds = [b for b, _ in batas]
        if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
            raise ValueError("batas skala predikat harus menurun dan tidak berulang")
        if self.pembulatan is not None and not 0 <= self.pembulatan <= 6:
            raise ValueError("pembulatan skala predikat harus 0 sampai 6 angka desimal")

    def nilai(self, c: Number | None) -> str | None:
        """The predikat of ``c``. Each band includes its lower bound and the capaian is compared as it
        is (90,99 is below 91), unless ``pembulatan`` rounds it first (half up: with 0, 90,5 is 91)."""
        x = _num(c)
        if x is None:
            return None
        if self.pembulatan is not None:
            q = Decimal(1).scaleb(-self.pembulatan)
            x = float(Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP))
        for lower, label in self.batas:
            if x >= lower:
                return label
        return self.terbawah

    def uraian(self, lang: str = "id") -> str:
        """The scale in words: '≥ 91 Sangat Tinggi · ≥ 76 Tinggi · … · < 51 Sangat Rendah'."""
        parts = [f"≥ {_g(b)} {lbl}" for b, lbl in self.batas]
        if self.batas:
            parts.append(f"< {_g(self.batas[-1][0])} {self.terbawah}")
        text = " · ".join(parts)
        if self.pembulatan is not None:
            text += (f" (capaian rounded to {self.pembulatan} decimals first)" if lang == "en"
                     else f" (capaian dibulatkan {self.pembulatan} desimal lebih dahulu)")
        return text


def _g(x: float) -> str:
    return f"{x:g}".replace(".", ",")


SKALA_BAWAAN = SkalaPredikat()

# Another scale seen in regional evaluation manuals (≥100 / 75 / 55 / below).
SKALA_BERHASIL = SkalaPredikat(
    batas=((100, "Sangat Berhasil"), (75, "Berhasil"), (55, "Cukup Berhasil")), terbawah="Kurang Berhasil"
)


def predikat(c: Number | None, skala: SkalaPredikat | Sequence[tuple[float, str]] | None = None) -> str | None:
    """The predikat of an achievement ``c`` (in %) on ``skala`` (default :data:`SKALA_BAWAAN`)."""
    if skala is None:
        s = SKALA_BAWAAN
    elif isinstance(skala, SkalaPredikat):
        s = skala
    else:
        s = SkalaPredikat(batas=tuple(skala))
    return s.nilai(c)
