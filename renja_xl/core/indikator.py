"""What an indicator's wording and unit say about how its realisation adds up.

A *flow* indicator (jumlah orang dilayani, jumlah dokumen disusun) adds up over quarters and years:
its cumulative realisation is the sum. A *stock* or *rate* indicator (a percentage, an index, a
score, "12 bulan layanan", one yearly document of a kind that is renewed) does not: its cumulative
realisation is the latest value. :func:`kumulatif` decides from the wording and the unit and says
when it cannot tell; rules then check only what holds either way.

The decision (domain notes in ``docs/format-didukung.md``):

- not cumulative: the unit is a percentage, an index, a score or a point (``%``, ``persen``,
  ``indeks``, ``poin``, ``nilai``, ``skor``, ``predikat``, ``level``, ``opini``), a length of time
  (``bulan``, ``tahun``, ``hari``), or the indicator starts with ``persentase``, ``indeks``,
  ``rasio``, ``tingkat``, ``nilai``, ``angka``, ``cakupan``, ``rata-rata``, ``predikat``,
  ``opini``, ``skor``, ``level``, ``proporsi``, ``prevalensi``;
- cumulative: the indicator counts something (``jumlah …``, ``banyaknya …``) in a unit of things
  (orang, dokumen, laporan, paket, unit, kegiatan …);
- otherwise: unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["kumulatif"]

_RATE_WORD = re.compile(
    r"^\s*(persentase|presentase|prosentase|persentasi|indeks|index|rasio|tingkat|nilai|angka|cakupan|"
    r"rata[\s-]*rata|predikat|opini|skor|level|proporsi|prevalensi|capaian|kualitas|derajat|laju|"
    r"terpenuhinya|terlaksananya|tersedianya|meningkatnya|menurunnya)\b", re.I)
_COUNT_WORD = re.compile(r"^\s*(jumlah|banyaknya|banyak)\b", re.I)
_RATE_UNIT = {"%", "persen", "prosen", "percent", "indeks", "index", "poin", "point", "nilai", "skor", "predikat",
              "level", "opini", "bulan", "tahun", "hari", "minggu", "rasio", "ratio", "kategori", "status"}


@lru_cache(maxsize=8192)
def kumulatif(indikator: str | None, satuan: str | None) -> bool | None:
    """True: realisations add up (a count of things); False: they do not (a rate, a level, a length
    of time); None: the wording and unit do not say."""
    sat = (satuan or "").strip().lower().strip(".")
    first = sat.split("/")[0].split()[0] if sat.split() else ""
    if sat in _RATE_UNIT or first in _RATE_UNIT or "%" in sat:
        return False
    text = indikator or ""
    if _RATE_WORD.match(text) or "(%)" in text or "( % )" in text:
        return False
    if _COUNT_WORD.match(text) and sat:
        return True
    return None
