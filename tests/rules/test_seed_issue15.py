"""Issue 15 on the seed: every consistency the Renja itself promises, found by the intended rule at
the intended cell — and the false findings it named gone."""

from __future__ import annotations

import pytest

from renja_xl.checker import periksa_berkas
from tests.conftest import SEED_XLSX


@pytest.fixture(scope="module")
def temuan():
    return periksa_berkas(SEED_XLSX).findings


def _di(temuan, rule, sheet=None):
    return {t.cell: t for t in temuan if t.rule == rule and (sheet is None or t.sheet == sheet)}


def test_shifted_kode_of_tabel_2_1_said_once_per_row(temuan):
    k007 = _di(temuan, "K007", "Tabel 2.1")
    # 1.06 … 1.06.01.2.01.04 each name the row one place further on in Tabel 4.1; LK3 is .04 there
    assert set(k007) == {"A9", "A10", "A11", "A12", "A13", "A14", "A15", "A38"}
    assert k007["A12"].actual == "1.06.01.2.01.01" and k007["A12"].saran == "1.06.01.2.01.02"
    assert k007["A38"].saran == "1.06.02.2.03.04"


def test_the_two_shifted_kode_s003_are_gone(temuan):
    s003 = _di(temuan, "S003", "Tabel 2.1")
    # I10 (a kegiatan compared with program 1.06.01) and I12 (RKA-SKPD compared with Penyusunan Dokumen)
    assert "I10" not in s003 and "I12" not in s003
    # compared by name instead: Penyusunan Dokumen Perencanaan is Jenis in Tabel 4.1, Dok in Tabel 2.1
    assert s003["I11"].expected == "Jenis" and s003["I11"].terkait == ["Tabel 4.1!I11"]


def test_column_9_against_the_plan_target_of_2024(temuan):
    t001 = _di(temuan, "T001", "Tabel 2.1")
    assert {c: (t.actual, t.expected) for c, t in t001.items()} == {"Q12": (1, 4), "Q41": (7, 1), "Q44": (6, 5)}
    assert t001["Q12"].terkait == ["Tabel 4.1!J12"]  # RKA-SKPD by its name, not by its shifted kode


def test_review_rkpd_sums_on_both_sides(temuan):
    a001 = _di(temuan, "A001", "Tabel 2.3")
    # three Rancangan Awal sums are wrong; every Hasil Analisis sum holds
    assert set(a001) == {"F8", "F36", "F50"}
    assert a001["F36"].actual == 72329500 and a001["F36"].expected == 74064500  # 1.735.000,- left out


def test_review_changes_without_catatan_said_once(temuan):
    (p001,) = [t for t in temuan if t.rule == "P001"]
    assert p001.sheet == "Tabel 2.3" and p001.cell.startswith("L") and "Catatan Penting" in p001.message
    assert len(p001.baris_lain) >= 57  # every changed row is listed under the one finding


def test_review_hasil_against_tabel_4_1(temuan):
    p004 = _di(temuan, "P004", "Tabel 2.3")
    assert {c: (t.actual, t.expected) for c, t in p004.items()} == {
        "J10": (4, 12), "J11": (1, 4), "J15": (4, 42), "J21": (1, 100), "J51": (20, 50)}


def test_review_totals_with_their_difference(temuan):
    (p003,) = [t for t in temuan if t.rule == "P003"]
    assert (p003.expected, p003.actual) == (4624442449, 4876245268)
    assert "251.802.819" in p003.message and "Tabel 4.1" in p003.message


def test_target_jumps_between_years(temuan):
    p005 = _di(temuan, "P005", "Tabel 4.2")
    assert len(p005) == 15
    assert (p005["M61"].expected, p005["M61"].actual) == (60000, 22)
    assert (p005["M19"].expected, p005["M19"].actual) == (34, 384)


def test_lokasi_dinas_sosial(temuan):
    assert set(_di(temuan, "P007", "Tabel 4.2")) == {"J64", "J69"}


def test_kode_or_nothing_in_an_indicator_cell(temuan):
    assert set(_di(temuan, "P008", "Tabel 4.2")) == {"H48", "H49"}


def test_plan_sub_kegiatan_without_realisation(temuan):
    p009 = _di(temuan, "P009", "Tabel 4.1")
    assert set(p009) == {"K26", "K30", "K40", "K43", "K49"}
    assert sum(t.actual for t in p009.values()) == 64734166  # Rp 64,7 juta


def test_spm_below_standard(temuan):
    p010 = _di(temuan, "P010", "Tabel 2.2")
    assert p010["I31"].actual == 3.23 and p010["I31"].expected == 80


def test_evaluated_period_equal_to_plan_year_is_one_finding(temuan):
    (p011,) = [t for t in temuan if t.rule == "P011"]
    assert p011.sheet == "Realisasi 2024" and (p011.expected, p011.actual) == (2023, 2024)


def test_indicator_wording_differs_between_4_1_and_4_2(temuan):
    t006 = _di(temuan, "T006", "Tabel 4.2")
    # the sixth kode, 1.06.03.2.01, holds a kode in its indicator cell: P008 says so (H49)
    assert set(t006) == {"H50", "H54", "H55", "H56", "H70"}
    assert t006["H70"].expected == "Jumlah Hari yang terlaksana"
