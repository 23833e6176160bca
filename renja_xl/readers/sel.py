"""One cell read as a number: typed numbers as they are, text in Indonesian notation, with the reason
when it cannot be read (rule A006), and a unit written beside the number (``12 Jenis``).

Every number cell of every table passes here, so the two common cases (a typed number, a whole
amount written as text: ``1.185.270``, ``Rp 1.185.270,-``) are read inline; the rest goes through
:func:`renja_xl.core.angka.parse_angka`, which gives the same result for those two
(``tests/core/test_angka.py``)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..core.angka import _BULAT_CEPAT, parse_angka
from ..core.satuan import Kamus

__all__ = ["BacaanSel", "baca_sel"]

_INF = float("inf")
_VALUE_UNIT = re.compile(r"^\s*(?P<num>[-\d.,]+(?:\s*%)?)\s+(?P<unit>[^\d].*?)\s*$")


class BacaanSel(NamedTuple):
    nilai: int | float | None = None
    galat: tuple[str, str] | None = None
    persen: bool = False
    satuan: str | None = None  # a unit written in the value cell ("12 Jenis")
    teks: bool = False  # the cell held text


_KOSONG = BacaanSel()


def baca_sel(raw: Any, kamus: Kamus, unit_ok: bool = False) -> BacaanSel:
    """A number cell. ``unit_ok``: text such as ``12 Jenis`` splits into 12 and the unit."""
    cls = raw.__class__
    if cls is float or cls is int:
        if raw == raw and raw != _INF and raw != -_INF:
            return BacaanSel(int(raw) if cls is float and raw.is_integer() else raw)
        return BacaanSel(galat=(f"'{raw}' bukan angka", f"'{raw}' is not a number"))
    if raw is None or raw == "":
        return _KOSONG
    if cls is str:
        m = _BULAT_CEPAT.fullmatch(raw)
        if m is not None:
            return BacaanSel(int(m.group(1).replace(".", "")), teks=True)
        if raw.isspace():
            return _KOSONG
    if cls is bool:
        return BacaanSel(galat=(f"'{raw}' bukan angka", f"'{raw}' is not a number"), teks=True)
    if hasattr(raw, "year"):  # a date in a number column
        return BacaanSel(galat=(f"'{raw}' adalah tanggal, bukan angka", f"'{raw}' is a date, not a number"), teks=True)
    hasil = parse_angka(raw)
    if hasil.galat is None:
        return BacaanSel(hasil.nilai, None, hasil.persen, "%" if hasil.persen else None, True)
    text = " ".join(str(raw).split())
    # A unit alone in a value cell ("Dok", "%", "ОВ") is a placeholder: no value stated.
    if not any(ch.isdigit() for ch in text) and kamus.baca(text).efektif:
        return BacaanSel(teks=True)
    if unit_ok:
        m = _VALUE_UNIT.match(text)
        if m:
            num = parse_angka(m.group("num"))
            sat = kamus.baca(m.group("unit"))
            if num.galat is None and num.nilai is not None and sat.status != "tidak_dikenal":
                return BacaanSel(num.nilai, None, False, m.group("unit"), True)
    return BacaanSel(galat=(hasil.galat.pesan, hasil.galat.pesan_en), teks=True)
