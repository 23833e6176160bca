"""Numbers in Indonesian notation: ``1.185.270`` = 1185270, ``79,71`` = 79.71.

Thousands are grouped with ``.``, the decimal separator is ``,``. Real documents add noise that we
accept because its meaning is certain (``Rp.`` prefixes, ``,-`` suffixes, a trailing comma, a space
after a separator, a ``%`` sign, SIPD's ``100.00``), and text whose meaning is *not* certain
(``1.181925``, ``2.1500.000``, ``1,500``, two numbers in one cell) is refused with the reason, never
guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "AngkaTidakValid",
    "BacaanAngka",
    "baca_angka",
    "format_angka",
    "format_rupiah",
    "format_persen",
    "parse_angka",
]

Number = int | float


class AngkaTidakValid(ValueError):
    """Text that cannot be read unambiguously as a number. ``alasan`` is a short reason code."""

    def __init__(self, teks: str, alasan: str, pesan: str):
        super().__init__(pesan)
        self.teks = teks
        self.alasan = alasan
        self.pesan = pesan

    @property
    def pesan_en(self) -> str:
        """The reason in English."""
        return _EN[self.alasan].format(t=self.teks)


_EN = {
    "bukan-angka": "'{t}' is not a number",
    "dua-angka": "'{t}' holds more than one number, or a space inside a number",
    "pemisah-salah": "'{t}': the separators do not follow Indonesian notation (dot for thousands, comma for decimals)",
    "titik-ambigu": "'{t}' is ambiguous: a thousands dot must be followed by exactly three digits",
    "kelompok-ribuan": "'{t}': the thousands groups are not three digits",
    "koma-ambigu": "'{t}' is ambiguous: a comma followed by exactly three digits may be a decimal or a thousands separator",
}


@dataclass(frozen=True, slots=True)
class BacaanAngka:
    """The result of reading one cell: a number, nothing (empty), or an error with its reason."""

    nilai: Number | None = None
    persen: bool = False
    galat: AngkaTidakValid | None = None

    @property
    def kosong(self) -> bool:
        return self.nilai is None and self.galat is None


# Placeholders that mean "no value" in these tables.
_KOSONG = frozenset({"", "-", "--", "–", "—", "%", "n/a", "na", "#n/a", "tidak ada", "nihil"})

_RP = re.compile(r"^\s*rp\s*\.?\s*", re.IGNORECASE)
_TAIL_DASH = re.compile(r",\s*[-–—]+\s*$")  # "1.185.270,-"
_SPACE_AFTER_SEP = re.compile(r"(?<=[.,])\s+(?=\d)|(?<=\d)\s+(?=[.,]\d)")
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")          # 1.185.270
_GROUPED_DEC = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")  # 1.185.270,50
_PLAIN = re.compile(r"^\d+$")
_PLAIN_DEC = re.compile(r"^\d+,\d+$")                    # 79,71
_DOT_DEC = re.compile(r"^\d+\.\d{1,2}$")                 # 100.00 (SIPD), 2.5
# A whole number as text, plain or grouped with dots, optionally as rupiah ("Rp 1.185.270,-"): group 1
# is the number. What the full reading gives for it, without the detour (tests/core/test_angka.py).
_BULAT_CEPAT = re.compile(r"(?:[Rr][Pp]\.? ?)?(\d+|\d{1,3}(?:\.\d{3})+)(?:,-)?")


def _fail(teks: str, alasan: str, pesan: str) -> AngkaTidakValid:
    return AngkaTidakValid(teks, alasan, pesan)


def parse_angka(teks: str | int | float | None) -> BacaanAngka:
    """Read one cell value. Numbers pass through; text is read in Indonesian notation."""
    if teks is None:
        return BacaanAngka()
    if teks.__class__ is str:
        m = _BULAT_CEPAT.fullmatch(teks)  # "1.185.270", "250", "Rp 1.185.270,-": read at once
        if m is not None:
            return BacaanAngka(int(m.group(1).replace(".", "")))
    if isinstance(teks, bool):  # a TRUE/FALSE cell is not an amount
        return BacaanAngka(galat=_fail(str(teks), "bukan-angka", f"'{teks}' bukan angka"))
    if isinstance(teks, (int, float)):
        if isinstance(teks, float):
            if math.isnan(teks) or math.isinf(teks):
                return BacaanAngka(galat=_fail(str(teks), "bukan-angka", f"'{teks}' bukan angka"))
            if teks.is_integer():
                return BacaanAngka(int(teks))
        return BacaanAngka(teks)
    return _parse_teks(str(teks))


@lru_cache(maxsize=4096)
def _parse_teks(asli: str) -> BacaanAngka:
    """Text read in Indonesian notation (memoised: amounts as text repeat across rows and files;
    the result is frozen)."""
    s = asli.strip().replace("\u00a0", " ")
    if s.casefold() in _KOSONG:
        return BacaanAngka()
    persen = False
    if s.endswith("%"):
        persen = True
        s = s[:-1].strip()
        if s.casefold().endswith("persen"):
            s = s[: -len("persen")].strip()
    elif s.casefold().endswith("persen"):
        persen = True
        s = s[: -len("persen")].strip()
    s = _RP.sub("", s)
    s = _TAIL_DASH.sub("", s)
    if s.endswith(",") or s.endswith("."):
        s = s[:-1]  # "14.400.000," — a trailing separator adds nothing
    s = _SPACE_AFTER_SEP.sub("", s)
    negatif = False
    if s.startswith(("-", "−")):
        negatif = True
        s = s[1:].strip()
    elif s.startswith("(") and s.endswith(")"):  # accounting negative
        negatif = True
        s = s[1:-1].strip()
    if not s:
        return BacaanAngka(galat=_fail(asli, "bukan-angka", f"'{asli}' bukan angka"))
    nilai = _read_core(asli, s)
    if isinstance(nilai, AngkaTidakValid):
        return BacaanAngka(galat=nilai)
    if negatif:
        nilai = -nilai
    return BacaanAngka(nilai, persen)


def _read_core(asli: str, s: str) -> Number | AngkaTidakValid:
    if _PLAIN.match(s):
        return int(s)
    if _GROUPED.match(s):
        return int(s.replace(".", ""))
    if _GROUPED_DEC.match(s):
        return _num(s.replace(".", "").replace(",", "."))
    if _PLAIN_DEC.match(s):
        whole, frac = s.split(",")
        if len(frac) == 3 and whole != "0" and len(whole) <= 3:
            return _fail(
                asli,
                "koma-ambigu",
                f"'{asli}' ambigu: koma diikuti tepat tiga angka bisa desimal ({whole},{frac}) "
                f"atau pemisah ribuan ({whole}{frac})",
            )
        return _num(f"{whole}.{frac}")
    if _DOT_DEC.match(s):
        return _num(s)
    if re.fullmatch(r"[\d.,]+(?:\s+[\d.,]+)+", s):
        return _fail(asli, "dua-angka", f"'{asli}' berisi lebih dari satu angka atau spasi di tengah angka")
    if re.fullmatch(r"[\d.,]+", s):
        if s.count(",") > 1:
            return _fail(asli, "pemisah-salah", f"'{asli}' memakai koma sebagai pemisah ribuan; notasi Indonesia memakai titik")
        if "," in s and "." in s:
            return _fail(asli, "pemisah-salah", f"'{asli}': letak titik dan koma tidak sesuai notasi Indonesia")
        if s.count(".") == 1:
            return _fail(
                asli,
                "titik-ambigu",
                f"'{asli}' ambigu: titik ribuan harus diikuti tepat tiga angka",
            )
        return _fail(asli, "kelompok-ribuan", f"'{asli}': kelompok ribuan tidak tiga angka")
    return _fail(asli, "bukan-angka", f"'{asli}' bukan angka")


def _num(s: str) -> Number:
    f = float(s)
    return int(f) if f.is_integer() else f


def baca_angka(teks: str | int | float | None) -> Number | None:
    """Like :func:`parse_angka`, but raise :class:`AngkaTidakValid` on unreadable text."""
    hasil = parse_angka(teks)
    if hasil.galat is not None:
        raise hasil.galat
    return hasil.nilai


def format_angka(nilai: Number | None, desimal: int | None = None) -> str:
    """Format the Indonesian way: ``1185270`` → ``1.185.270``, ``79.713`` (2) → ``79,71``."""
    if nilai is None:
        return ""
    if desimal is None:
        desimal = 0 if float(nilai).is_integer() else 2
    teks = f"{abs(nilai):,.{desimal}f}"  # 1,185,270.00
    teks = teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if round(nilai, desimal) < 0 else "") + teks


def format_rupiah(nilai: Number | None) -> str:
    """``1185270`` → ``Rp 1.185.270``; rupiah are whole numbers (a fraction is rounded half-up)."""
    if nilai is None:
        return ""
    bulat = int(math.floor(abs(nilai) + 0.5)) * (1 if nilai >= 0 else -1)
    return ("-Rp " if bulat < 0 else "Rp ") + format_angka(abs(bulat), 0)


def format_persen(nilai: Number | None, desimal: int = 2) -> str:
    """``79.713`` → ``79,71%``; whole numbers keep no decimals (``100%``)."""
    if nilai is None:
        return ""
    if float(nilai).is_integer():
        return format_angka(nilai, 0) + "%"
    return format_angka(round(nilai, desimal), desimal) + "%"
