"""What an indicator's wording and unit say about how its realisation adds up.

A *flow* indicator (jumlah orang dilayani, jumlah dokumen disusun) adds up over quarters and years:
its cumulative realisation is the sum. A *stock* or *rate* indicator (a percentage, an index, a
score, "12 bulan layanan", one yearly document of a kind that is renewed) does not: its cumulative
realisation is the latest value. :func:`kumulatif` decides from the wording and the unit and says
when it cannot tell; rules then check only what holds either way.

The decision (domain notes in ``docs/indikator.md``):

- not cumulative: the unit is a percentage, an index, a score or a point (``%``, ``persen``,
  ``indeks``, ``poin``, ``nilai``, ``skor``, ``predikat``, ``level``, ``opini``), a length of time
  (``bulan``, ``tahun``, ``hari``), or the indicator starts with ``persentase``, ``indeks``,
  ``rasio``, ``tingkat``, ``nilai``, ``angka``, ``cakupan``, ``rata-rata``, ``predikat``,
  ``opini``, ``skor``, ``level``, ``proporsi``, ``prevalensi``;
- cumulative: the indicator counts something (``jumlah …``, ``banyaknya …``) in a unit of things
  (orang, dokumen, laporan, paket, unit, kegiatan …);
- otherwise: unknown.

An indicator is *negative* (lower is better: angka kematian, jumlah kasus/kejadian, persentase
penduduk miskin) when :func:`polaritas` finds a harm in its wording and no handling of it
(``jumlah kejadian bencana`` is negative, ``persentase kejadian bencana yang tertangani`` is not).
Both decisions can be overridden per kode (:class:`SifatIndikator`: ``[[indikator]]`` in the
configuration, or a ``Sifat Indikator`` sheet the reviewer chooses to trust).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["kumulatif", "polaritas", "SifatIndikator", "baca_kumulatif", "baca_polaritas", "LEMBAR_SIFAT"]

# Sheets of a workbook that set indicators' nature per kode (kode, kumulatif, polaritas, alasan)
LEMBAR_SIFAT = ("sifat indikator", "indikator kumulatif", "polaritas indikator")

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


# A harm the indicator counts or rates: lower is better.
_HARM = re.compile(
    r"\b(kematian|kesakitan|morbiditas|mortalitas|kasus|kejadian|kecelakaan|pengangguran|penganggur|kemiskinan|"
    r"(?:penduduk|rumah\s+tangga|keluarga|masyarakat)\s+miskin|stunting|gizi\s+buruk|gizi\s+kurang|wasting|"
    r"kriminalitas|tindak\s+pidana|kejahatan|pelanggaran|putus\s+sekolah|buta\s+aksara|kebakaran|kerusakan|"
    r"pencemaran|tunggakan|sengketa|konflik|kumuh|tidak\s+layak\s+huni|lahan\s+kritis|inflasi|ketimpangan|"
    r"gini|penyalahgunaan|genangan|banjir|kemacetan|prevalensi|korban\s+jiwa|kekerasan|penyakit)\b", re.I)
# Handling, serving or reducing it: the indicator counts what was done about the harm (higher is
# better). Stems are searched inside words, with the nasal forms Indonesian prefixes make
# (tangan → penanganan, temu → penemuan, turun → penurunan).
_TANGANI = re.compile(
    r"(tangan|nangan|layan|tanggulang|nanggulang|selesai|nyelesai|evakuasi|rehabilitasi|berdaya|pulang|"
    r"pembina|dibina|terbina|fasilitasi|pendata|didata|terdata|salur|verifikasi|tindaklanjut|tindak\s+lanjut|"
    r"ditindak|penindak|pengobat|diobati|deteksi|periksa|meriksa|kendali|tuntas|ditemu|penemu|menemu|lindung|"
    r"selamat|pengentasan|dientaskan|terentaskan|cegah|pemenuh|terpenuhi|dipenuhi|bantu|bantuan|damping|rawat|tampung|sembuh|tegak|ungsi|"
    r"mendapat|didapat|memperoleh|diperoleh|menerima|diterima|penerima|pengurangan|berkurang|dikurangi|"
    r"mengurangi|penurunan|menurun|turunnya|diturunkan|bebas|keluar\s+dari|lulus|siaga|tanggap)", re.I)
_NEGATIF = {"negatif", "-", "negative", "turun", "-1"}
_POSITIF = {"positif", "+", "positive", "naik", "1"}


@lru_cache(maxsize=8192)
def polaritas(indikator: str | None) -> str:
    """'negatif' when the wording counts or rates a harm and nothing done about it (angka kematian,
    jumlah kejadian bencana, persentase penduduk miskin, prevalensi stunting); else 'positif'."""
    text = indikator or ""
    if not _HARM.search(text):
        return "positif"
    if _TANGANI.search(text):
        return "positif"
    return "negatif"


def baca_kumulatif(x: Any) -> bool | None:
    """A written yes/no for 'cumulative' (``ya``, ``kumulatif``, ``tidak``, ``non-kumulatif`` …)."""
    if isinstance(x, bool):
        return x
    t = re.sub(r"[\s_-]+", " ", str(x or "").strip().lower())
    if t in ("ya", "y", "yes", "true", "benar", "kumulatif", "dijumlahkan", "cumulative", "1"):
        return True
    if t in ("tidak", "t", "no", "false", "salah", "tidak kumulatif", "non kumulatif", "nonkumulatif",
             "bukan kumulatif", "tidak dijumlahkan", "not cumulative", "0"):
        return False
    return None


def baca_polaritas(x: Any) -> str | None:
    t = str(x or "").strip().lower()
    if t in _NEGATIF:
        return "negatif"
    if t in _POSITIF:
        return "positif"
    return None


@dataclass(frozen=True, slots=True)
class _Sifat:
    kumulatif: bool | None
    polaritas: str | None
    alasan: str
    sumber: str  # "konfigurasi" or the sheet's name


class SifatIndikator:
    """How each indicator adds up and which way is better: the wording (:func:`kumulatif`,
    :func:`polaritas`), overridden per kode by the entries given (``kode``, ``kumulatif``,
    ``polaritas``, ``alasan``; the reviewer's configuration first, a sheet of the submission only
    when the reviewer trusts it). A sub kegiatan kode matches in its 2- and 4-digit forms."""

    def __init__(self, entri: Iterable[Any] = (), sumber: str = "konfigurasi"):
        self._per: dict[str, _Sifat] = {}
        self.tambah(entri, sumber)

    def tambah(self, entri: Iterable[Any], sumber: str) -> None:
        from .kode import parse_kode

        for e in entri:
            k = parse_kode(str(e.kode)).kode
            key = k.kunci if k is not None else str(e.kode).strip()
            if key in self._per:
                continue  # the first source wins: the configuration before a sheet
            pol = baca_polaritas(e.polaritas) if e.polaritas is not None else None
            self._per[key] = _Sifat(e.kumulatif, pol, e.alasan or "", sumber)

    def __bool__(self) -> bool:
        return bool(self._per)

    def __len__(self) -> int:
        return len(self._per)

    def untuk(self, kunci: str | None) -> _Sifat | None:
        return self._per.get(kunci) if kunci else None

    def kumulatif(self, kunci: str | None, indikator: str | None, satuan: str | None) -> bool | None:
        s = self.untuk(kunci)
        if s is not None and s.kumulatif is not None:
            return s.kumulatif
        return kumulatif(indikator, satuan)

    def ditetapkan_kumulatif(self, kunci: str | None) -> bool:
        """Whether the cumulative nature of this kode was set by an override (not guessed)."""
        s = self.untuk(kunci)
        return s is not None and s.kumulatif is not None

    def polaritas(self, kunci: str | None, indikator: str | None) -> str:
        s = self.untuk(kunci)
        if s is not None and s.polaritas is not None:
            return s.polaritas
        return polaritas(indikator)
