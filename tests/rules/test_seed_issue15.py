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
