"""The formula rules (F) on real workbooks (../shared/reference/samples/real, read from there) and on
the workbooks this project builds.

The expected cells are the README's (a reviewer's hand check of each file's formulas), not output
of this code: every formula problem it lists is found by an F rule on its cell with the rows
named, and no F warning or error appears anywhere else; the seed workbook and the master (whose
rollup formulas are written by the same code that knows the children) give no F finding at all.
"""

from __future__ import annotations

import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.core.config import Konfigurasi
from tests.conftest import WORKBOOKS

pytestmark = pytest.mark.filterwarnings("ignore")


def _f(b, severities=("error", "warning")):
    return [f for f in b.findings if f.rule.startswith("F") and f.severity in severities]


def test_renstra_sum_ranges_that_stop_early(cek_nyata):
    b = cek_nyata("dpupr_renstra_template_sesendok.xlsx")
    by_cell = {f.cell: f for f in b.findings if f.rule == "F001"}
    # kegiatan 1.3.02.2.02: SUM(H47:H49) leaves out its sub kegiatan rows 45-46, in all five years
    for col in "HJLNP":
        f = by_cell[f"{col}44"]
        assert f.severity == "error" and f.kode == "1.03.02.2.02"
        assert f.baris_tertinggal == [45, 46] and "baris 45–46" in f.message
        assert f.expected == f"=SUM({col}45:{col}49)" and f.actual == f'=IFERROR(SUM({col}47:{col}49),"")'
        assert f.selisih == -11_457_800_000
    # kegiatan 1.3.12.2.01: year 1 SUM(H86) where years 2-5 use SUM(J86:J89)
    f = by_cell["H85"]
    assert f.severity == "error" and f.baris_tertinggal == [87, 88, 89] and f.expected == "=SUM(H86:H89)"
    assert not any(c in by_cell for c in ("J85", "L85", "N85", "P85"))  # the other years are right
    # A001 on the same cells says the formula is why, instead of an unrelated second error
    a001 = {f.cell: f for f in b.findings if f.rule == "A001"}
    assert "lihat F001" in a001["H44"].message and "lihat F001" in a001["H85"].message


def test_renstra_ref_error_in_the_program_row(real, cek_nyata):
    b = cek_nyata("dpupr_renstra_template_sesendok.xlsx")
    f003 = {f.cell: f for f in b.findings if f.rule == "F003"}
    assert {"G39", "H39", "J39", "L39", "N39", "P39"} <= set(f003)
    h = f003["H39"]
    assert h.severity == "error" and h.kode == "1.03.02" and "#REF!" in h.message
    assert "(baris 40, 44)" in h.message and h.saran == "=SUM(H40,H44)"
    # the same cells are not also reported as formulas without a cached value (one cause, one finding) …
    assert not any(f.rule == "E003" and f.row == 39 for f in b.findings)
    # … unless F003 is not run
    e003 = periksa_berkas(real / "dpupr_renstra_template_sesendok.xlsx", Konfigurasi(select=["E003"])).findings
    assert [(f.rule, f.cell) for f in e003] == [("E003", "G39")]


def test_renstra_targets_computed_from_the_pagu(cek_nyata):
    b = cek_nyata("dpupr_renstra_template_sesendok.xlsx")
    f007 = {f.cell: f for f in b.findings if f.rule == "F007"}
    assert {"G41", "G42", "G43"} <= set(f007)
    assert f007["G41"].actual == "=H41/2500000" and "pecahan" in f007["G41"].message
    assert "46.512,87" in f007["G43"].message


def test_renstra_no_other_formula_error(cek_nyata):
    b = cek_nyata("dpupr_renstra_template_sesendok.xlsx")
    errors = {f.row for f in _f(b, ("error",))}
    assert errors == {39, 44, 85}


def test_lra_subtotal_that_adds_every_level(cek_nyata):
    b = cek_nyata("sumenep_dinkes_lra_2026.xlsx")
    f001 = {(f.sheet, f.cell): f for f in b.findings if f.rule == "F001"}
    for col in "FJK":
        f = f001[("DINKES INDUK", f"{col}1056")]
        assert f.severity == "error" and "baris rincian belanja (akun)" in f.message
    # the sheets filtered per bidang show the SUBTOTAL of their visible rows: right
    assert {s for s, _ in f001} == {"DINKES INDUK"}
    assert {f.row for f in _f(b)} == {1056}
    a002 = [f for f in b.findings if f.rule == "A002" and f.sheet == "DINKES INDUK"]
    assert a002 and all("lihat F001" in f.message for f in a002)


@pytest.mark.parametrize("name", ["banjarmasin_disdik_rfk_januari_2023.xlsx", "cirebon_bkpsdm_e81_2026.xlsx",
                                  "mamberamoraya_rkpd_perubahan_kedua_2023.xlsx",
                                  "sipd_master_subkegiatan_export.xlsx"])
def test_other_real_samples_give_no_formula_warning(name, cek_nyata):
    b = cek_nyata(name)
    assert _f(b) == [], [(f.rule, f.cell, f.message) for f in _f(b)]


@pytest.mark.parametrize("name", ["renja_dinsos_luwu_2024.xlsx", "renja_master.xlsm"])
def test_seed_and_master_give_no_formula_finding(name):
    b = periksa_berkas(WORKBOOKS / name, Konfigurasi(select=["F", "E003"]))
    assert b.findings == [], [(f.rule, f.cell, f.message) for f in b.findings]


def test_master_rollup_formulas_are_read_and_judged_right():
    """The master holds rollup formulas on every parent the kode allows: each is read and F001 judges
    it right (so the absence of findings above is not the absence of formulas)."""
    from renja_xl.readers import baca_berkas
    from renja_xl.rules.context import Konteks
    from renja_xl.rules.rumus.common import analisis_jumlah

    h = baca_berkas(WORKBOOKS / "renja_master.xlsm")
    ctx = Konteks(h.tables, lembar=h.lembar)
    judged = [a for t in h.tables for a in analisis_jumlah(ctx, t).values()]
    assert len(judged) >= 70 and all(a.benar for a in judged)
