"""S002 satuan-tidak-cocok-indikator: the indicator's wording and the unit disagree."""

from __future__ import annotations

import re
from functools import lru_cache

from ..registry import Dok, aturan
from .common import JENIS_SATUAN


_PERSEN = re.compile(r"^\s*(persentase|presentase|prosentase|persentasi|cakupan|rasio|tingkat)\b|\(\s*%\s*\)", re.I)
_JUMLAH = re.compile(r"^\s*jumlah\s+(?P<rest>.+)$", re.I)


def _satuan_baris(t, i):
    """The row's unit cell: the satuan column, else the unit beside (or in) the first value."""
    if t.satuan[i]:
        return t.satuan[i], t.satuan_sel[i]
    for k in t.angka.values():
        if k.satuan is not None and i < len(k.satuan.teks) and k.satuan.teks[i]:
            return k.satuan.teks[i], t.sel(k.satuan, i)
    return None, None


@aturan(
    "S002", "satuan-tidak-cocok-indikator", "warning",
    id=Dok(
        judul="Satuan tidak cocok dengan indikator",
        apa="Bunyi indikator dan satuannya bertentangan: indikator \"Persentase/Presentase/Cakupan/Rasio/"
        "Tingkat … (%)\" yang satuannya bukan `%`; atau indikator \"Jumlah <kata> …\" yang kata bendanya "
        "sendiri sebuah satuan (Dokumen, Laporan, Orang, Keluarga, Unit, Paket, Desa/Kelurahan, Kecamatan, "
        "Bulan, Hari, Kali, Sertifikat, …) sementara satuannya satuan lain. Satuan dan bentuk per-waktunya "
        "dianggap cocok (\"Jumlah Orang …\" dalam `Orang/bulan`), begitu pula pasangan yang dipakai "
        "nomenklatur sendiri bila dimuat.",
        mengapa="Target \"20\" berarti lain bila satuannya salah: 20 sertifikat bukan 20 keluarga. Capaian dan "
        "perbandingan antartahun menjadi tidak bermakna.",
        contoh="1.06.02.2.03.04 \"Jumlah Keluarga yang mendapatkan layanan LK3\" dengan satuan Sertifikat; "
        "1.06.07.2.01.02 \"Jumlah Hari yang terlaksana\" dengan satuan Makam.",
        perbaikan="Samakan satuan dengan indikatornya (atau ubah indikatornya), mengikuti nomenklatur.",
    ),
    en=Dok(
        judul="Unit does not match the indicator",
        apa="The indicator's wording and its unit disagree: a \"Persentase/Presentase/Cakupan/Rasio/Tingkat … "
        "(%)\" indicator whose unit is not `%`; or a \"Jumlah <noun> …\" indicator whose noun is itself a "
        "unit (Dokumen, Laporan, Orang, Keluarga, Unit, Paket, Desa/Kelurahan, Kecamatan, Bulan, Hari, Kali, "
        "Sertifikat, …) while the unit is a different one. A unit and its per-time form agree (\"Jumlah "
        "Orang …\" in `Orang/bulan`), and so does any pairing the loaded nomenclature itself uses.",
        mengapa="A target of \"20\" means something else under the wrong unit: 20 certificates are not 20 families. "
        "Achievement and year-on-year comparisons lose their meaning.",
        contoh="1.06.02.2.03.04 \"Jumlah Keluarga yang mendapatkan layanan LK3\" in Sertifikat; 1.06.07.2.01.02 "
        "\"Jumlah Hari yang terlaksana\" in Makam.",
        perbaikan="Make the unit match the indicator (or reword the indicator), following the nomenclature.",
    ),
    jenis=JENIS_SATUAN,
)
def periksa(ctx, t):
    kamus = ctx.kamus
    nomen = ctx.nomenklatur
    for i in range(t.n):
        indikator = t.indikator[i]
        text, cell = _satuan_baris(t, i)
        if not indikator or text is None:
            continue
        if t.kind in ("evaluasi", "e81") and not any(k.nilai[i] is not None for k in t.angka.values()):
            continue  # a row of "%" placeholders: no value, so its unit cells say nothing
        salah = _tidak_cocok(kamus, indikator, text)
        if salah is None:
            continue
        jenis, sat, noun = salah
        if jenis == "jumlah" and nomen is not None and nomen.pasangan_dipakai(noun, sat):
            continue  # the decree itself pairs them
        if jenis == "persen":
            yield ctx.temuan(
                t, i, cell,
                f"Indikator persentase \"{_short(indikator)}\" bersatuan {sat}, seharusnya %",
                f"Percentage indicator \"{_short(indikator)}\" has unit {sat}, expected %",
                expected="%", actual=text, saran="%",
            )
        else:
            yield ctx.temuan(
                t, i, cell,
                f"Indikator \"{_short(indikator)}\" menghitung {noun}, tetapi satuannya {sat}",
                f"Indicator \"{_short(indikator)}\" counts {noun}, but its unit is {sat}",
                expected=noun, actual=text, saran=noun,
            )


@lru_cache(maxsize=8192)
def _tidak_cocok(kamus, indikator: str, satuan: str) -> tuple[str, str, str | None] | None:
    """Why an indicator's wording and its unit disagree: ("persen", unit, None) or
    ("jumlah", unit, the counted noun), else None. The same pair comes back in every table and
    submission, so it is memoised (bounded), keyed by the dictionary, which is immutable (a config
    with more units is another dictionary, so a verdict never goes stale)."""
    sat = kamus.baca(satuan).efektif
    if sat is None:
        return None  # unknown units are S001's business
    if _PERSEN.search(indikator):
        return ("persen", sat, None) if sat != "%" else None
    m = _JUMLAH.match(indikator)
    if not m:
        return None
    noun = kamus.awal_frasa(m.group("rest").replace(",", " ").split())
    if noun is None or kamus.sejenis(noun, sat):
        return None
    return "jumlah", sat, noun


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
