"""How an indicator adds up and which way is better: from its wording, overridden per kode by the
reviewer's configuration, never silently by the submission itself."""

from __future__ import annotations

import dataclasses

import pytest

from renja_xl.checker import periksa_lembar
from renja_xl.core.config import Konfigurasi, SifatKode
from renja_xl.core.indikator import SifatIndikator, kumulatif, polaritas
from tests.rules.tiny import lembar

# a count that the office treats as a level: column 10 states the latest value (9), not 5 + 7 + 9
TC29 = """
Kode | Uraian Program/Kegiatan | Indikator | Target Renstra | | Realisasi s/d 2022 | | Target Renja 2023 | | Realisasi 2023 | | Tingkat Realisasi (%) | Target 2024 | | Realisasi Kumulatif | | Tingkat Capaian (%)
| 2 | 3 | 4 | | 5 | | 6 | | 7 | | 8 | 9 | | 10 | | 11
1.06.01.2.02.0001 | Penyediaan Gaji | Jumlah ASN yang disediakan gaji | 400 | Orang | 264 | Orang | 396 | Orang | 396 | Orang | 100 | 396 | Orang | 396 | Orang | 99
"""
SHEET = """
Kode | Kumulatif | Polaritas | Alasan
1.06.01.2.02.0001 | tidak | | jumlah pegawai adalah keadaan, bukan jumlah bertambah
"""


def _t002(cfg, sheets):
    b = periksa_lembar(lembar(sheets), cfg, "kasus.xlsx")
    return [f for f in b.findings if f.rule == "T002"], [f for f in b.findings if f.rule == "E005"]


def test_wording_decides_without_an_override():
    assert kumulatif("Jumlah ASN yang disediakan gaji", "Orang") is True
    assert kumulatif("Persentase PMKS yang tertangani", "%") is False
    assert polaritas("Jumlah kejadian bencana (kali)") == "negatif"
    assert polaritas("Persentase Kejadian Bencana yang tertangani") == "positif"
    assert polaritas("Persentase penurunan angka kemiskinan") == "positif"


def test_the_reviewers_configuration_overrides_per_kode():
    t002, _ = _t002(Konfigurasi(), {"Tabel 2.1": TC29})
    assert [f.cell for f in t002] == ["O3", "Q3"]  # 264 + 396 + 396 expected by the wording (and column 11 from it)
    cfg = Konfigurasi(indikator=[SifatKode(kode="1.06.01.2.02.01", kumulatif=False, alasan="keadaan")])
    t002, _ = _t002(cfg, {"Tabel 2.1": TC29})
    assert t002 == []  # the 2-digit form of the kode matches too
    s = SifatIndikator(cfg.indikator)
    assert s.kumulatif("1.06.01.2.02.0001", "Jumlah ASN", "Orang") is False and s.ditetapkan_kumulatif("1.06.01.2.02.0001")
    assert s.polaritas("1.06.01.2.02.0001", "Jumlah kejadian bencana") == "negatif"  # not set: the wording


def test_a_sheet_in_the_submission_is_a_claim_not_a_setting():
    t002, e005 = _t002(Konfigurasi(), {"Tabel 2.1": TC29, "Sifat Indikator": SHEET})
    assert [f.cell for f in t002] == ["O3", "Q3"]  # not honoured
    (info,) = e005
    assert info.severity == "info" and info.sheet == "Sifat Indikator" and "tidak dipakai" in info.message
    if "percayai_pengecualian" not in {f.name for f in dataclasses.fields(Konfigurasi)}:
        pytest.skip("percayai_pengecualian (issue 16) is not in this configuration yet")
    t002, e005 = _t002(Konfigurasi(percayai_pengecualian=True), {"Tabel 2.1": TC29, "Sifat Indikator": SHEET})
    assert t002 == [] and "dipakai" in e005[0].message


E81 = """
Kode | Uraian | Indikator | Satuan | Target Renstra Akhir | | Target Renja 2024 | | Realisasi Triwulan I | | Triwulan II | | Realisasi Renja 2024 |
 | | | | K | Rp | K | Rp | K | Rp | K | Rp | K | Rp
1.06.01.2.02.0001 | Sub A | Jumlah ASN yang disediakan gaji | Orang | 400 | 4.000 | 396 | 400 | 396 | 100 | 396 | 100 | 396 | 200
1.06.01.2.02.0002 | Sub B | Jumlah dokumen yang diverifikasi | Dokumen | 20 | 4.000 | 4 | 400 | 1 | 100 | 1 | 100 | 2 | 200
"""


def test_the_e81_quarter_sums_follow_the_override():
    # by the wording a count, but stated as its latest quarter: a guess accepts both readings
    t002, _ = _t002(Konfigurasi(), {"E.81": E81})
    assert t002 == []
    # the reviewer says this kode adds up: 396 + 396 is expected
    cfg = Konfigurasi(indikator=[SifatKode(kode="1.06.01.2.02.0001", kumulatif=True, alasan="jumlah layanan")])
    t002, _ = _t002(cfg, {"E.81": E81})
    assert [(f.cell, f.expected, f.actual) for f in t002] == [("M3", 792, 396)]
