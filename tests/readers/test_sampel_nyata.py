"""Real workbooks that real offices published (../shared/reference/samples/real, read from there, never
copied): each main table recognised with the right kind and column roles (asserted by column
letter), every real problem its README lists in the reader's and the existing rules' scope found on
its row, and no error-level finding anywhere else.

The expected rows and cells below are the README's (a careful reviewer's hand check of each file),
not output of this code. Formula problems (issue 11) and Perubahan rules (issue 15) are tested with
their rules.
"""

from __future__ import annotations

import pytest

from renja_xl.readers import baca_berkas

pytestmark = pytest.mark.filterwarnings("ignore")


def _peran(t) -> dict[str, str]:
    """column letter(s) → role, from the table's column map."""
    return {p.huruf: p.peran for p in t.peta}


def _galat(b):
    return [f for f in b.findings if f.severity == "error"]


# --- Renstra matrix (DPUPR Pasangkayu) ----------------------------------------------------------

def test_renstra_matrix_is_read_by_its_words(real):
    (t,) = baca_berkas(real / "dpupr_renstra_template_sesendok.xlsx").tables
    assert t.kind == "renstra" and t.header_rows == [1] and (t.first_row, t.last_row) == (2, 96)
    m = _peran(t)
    assert m["B"] == "kode" and m["C"] == "uraian" and m["D"] == "satuan" and m["E"] == "indikator"
    assert [m[c] for c in "GHIJKLMNOP"] == [f"{u} tahun {y}" for y in range(1, 6) for u in ("target", "pagu")]
    # the generic prefix of the support program is the office's bidang; 1.3 is 1.03
    assert t.kode[t.baris.index(4)] == "1.03.01" and t.kode[t.baris.index(3)] == "1.03"


def test_renstra_real_problems_found_and_nothing_else(cek_nyata):
    b = cek_nyata("dpupr_renstra_template_sesendok.xlsx")
    cells = {(f.rule, f.cell) for f in b.findings}
    # kegiatan 1.3.02.2.02 leaves out its rows 45–46, in all five years
    assert {("A001", c) for c in ("H44", "J44", "L44", "N44", "P44")} <= cells
    # kegiatan 1.3.12.2.01 year 1 leaves out rows 87–89
    assert ("A001", "H85") in cells
    # sub kegiatan 1.3.08.2.01.0021 placed under 1.3.09.2.01: its own kegiatan does not add up
    assert ("A001", "H61") in cells and ("K006", "B65") in cells
    assert ("K004", "B56") in cells  # pagu every year, no kode
    t004 = {f.row for f in b.findings if f.rule == "T004"}
    assert {27, 28, 52, 53, 65, 72} <= t004 and {32, 35, 36, 37, 38, 88, 93, 96} <= t004
    listed = {39, 44, 56, 61, 64, 65, 85}
    assert {f.row for f in _galat(b)} <= listed


# --- Formulir E.81 (BKPSDM Kota Cirebon) --------------------------------------------------------

def test_e81_columns_read_by_their_words(real):
    (t,) = baca_berkas(real / "cirebon_bkpsdm_e81_2026.xlsx").tables
    assert t.kind == "e81" and (t.first_row, t.last_row) == (3, 84)
    m = _peran(t)
    assert m["A:E"] == "kode" and m["F"] == "uraian" and m["G"] == "indikator" and m["H"] == "satuan"
    assert (m["I"], m["J"]) == ("target renstra", "pagu renstra")
    assert (m["K"], m["L"]) == ("realisasi s/d lalu", "realisasi_rp s/d lalu")
    assert (m["M"], m["N"]) == ("target n", "pagu n")
    assert [m[c] for c in "OPQRSTUV"] == [f"{u} TW{q}" for q in range(1, 5) for u in ("realisasi", "realisasi_rp")]
    assert (m["W"], m["X"], m["Y"], m["Z"]) == ("realisasi n", "realisasi_rp n", "capaian n", "capaian_rp n")
    assert (m["AA"], m["AB"], m["AC"], m["AD"]) == ("realisasi s/d", "realisasi_rp s/d", "capaian s/d", "capaian_rp s/d")
    # program indicator rows without a kode belong to their program
    for row in (57, 62, 68):
        i = t.baris.index(row)
        assert t.level[i] == "indikator" and t.kode[t.milik[i]] == "5.03.02"
    assert t.total[t.baris.index(84)]  # the unlabelled totals row; the narrative below is not data


def test_e81_real_problems_found_and_nothing_else(cek_nyata):
    b = cek_nyata("cirebon_bkpsdm_e81_2026.xlsx")
    rows = {}
    for f in b.findings:
        rows.setdefault(f.row, set()).add(f.rule)
    for row in (49, 57, 77):  # TW sums and cumulative Rp that do not add up; capaian 0.004 %
        assert "T002" in rows[row], row
    for row in (52, 54, 55):  # financial realisation % stated 0 %
        assert "A007" in rows[row], row
    assert "A001" in rows[19]  # kegiatan cumulative Rp left empty
    assert "K002" in rows[47] and "K002" in rows[48] and "A001" in rows[48]  # urusan/bidang twice; 5.03 total short
    for row in (50, 58, 62, 63, 78):  # cumulative or TW sum left blank
        assert "T002" in rows[row], row
    assert "T004" in rows[79]  # budget but target 0
    for row in (16, 21, 33, 35, 71):  # satuan does not match the indicator's noun
        assert "S002" in rows[row], row
    for row in (7, 15, 67):  # extreme capaian
        assert "T003" in rows[row], row
    listed = {3, 4, 7, 15, 16, 19, 21, 33, 35, 47, 48, 49, 50, 52, 54, 55, 57, 58, 62, 63, 67, 71, 77, 78, 79}
    assert {f.row for f in _galat(b)} <= listed


# --- RKPD Perubahan, flat export (Mamberamo Raya) ------------------------------------------------

def test_flat_perubahan_export_sides_and_details(real):
    (t,) = baca_berkas(real / "mamberamoraya_rkpd_perubahan_kedua_2023.xlsx").tables
    assert t.kind == "perubahan" and (t.first_row, t.last_row) == (2, 1176)
    m = _peran(t)
    assert m["A"] == "kode organisasi" and m["B"] == "kode" and m["D"] == "kode rincian"
    assert m["F"] == "target 2023 sebelum" and m["I"] == "pagu 2023 sebelum"
    assert m["R"] == "target 2023 setelah" and m["U"] == "pagu 2023 setelah" and m["S"] == "satuan"
    assert m["K"] == "pagu 2024 sebelum" and m["W"] == "pagu 2024 setelah"  # anggaran_maju: the next year
    assert m["C"] == m["L"] == m["Q"] == m["X"] == "diabaikan"  # target_indikator / target_kinerja
    # one sub kegiatan on several sub keluaran rows, and several organisations: no duplicates
    assert t.rincian[0] == "1" and t.organisasi[0] == "1.01.0.00.0.00.01.0000"


def test_flat_perubahan_real_problems(cek_nyata):
    b = cek_nyata("mamberamoraya_rkpd_perubahan_kedua_2023.xlsx")
    assert _galat(b) == []
    cut = {f.row for f in b.findings if f.rule == "T004" and f.cell.startswith("U")}
    assert {22, 23, 24, 25, 27, 28, 36, 38, 62, 91, 127, 129, 130} <= cut  # pagu cut, target kept
    no_target = {f.row for f in b.findings if f.rule == "T004" and f.cell.startswith("R")}
    assert {97, 134, 135, 136, 160, 399, 402} <= no_target  # pagu after the change, no target
    assert {144, 757} <= {f.row for f in b.findings if f.rule == "S004"}  # target without satuan


# --- SIPD realisation (Dinkes Sumenep) -----------------------------------------------------------

def test_sipd_realisation_kode_levels_parts_and_fractions(real):
    tables = baca_berkas(real / "sumenep_dinkes_lra_2026.xlsx").tables
    assert len(tables) == 7 and all(t.kind == "realisasi" for t in tables)
    t = tables[0]
    assert t.header_rows == [6, 7, 8] and (t.first_row, t.last_row) == (10, 1056)
    m = _peran(t)
    assert (m["A"], m["B"], m["C"], m["D"]) == ("kode", "kode organisasi", "kode", "kode akun")
    assert (m["F"], m["G"], m["J"], m["K"], m["L"]) == (
        "pagu operasi", "realisasi_rp operasi", "pagu total", "realisasi_rp total", "capaian_rp total")
    level = {t.baris[i]: t.level[i] for i in range(t.n)}
    assert (level[10], level[11], level[12], level[13], level[15], level[16]) == (
        "urusan", "bidang", "organisasi", "program", "sub_kegiatan", "akun")
    # % stored as a fraction in a %-formatted cell: 0.4076 is 40.76 %
    assert t.angka["capaian_rp total"].nilai[0] == pytest.approx(40.76, abs=0.01)
    assert [t.baris[i] for i in range(t.n) if t.total[i]] == [1054, 1056]


def test_sipd_realisation_real_problems_and_filtered_subtotals(cek_nyata):
    b = cek_nyata("sumenep_dinkes_lra_2026.xlsx")
    galat = _galat(b)
    # the whole-office sheet's SUBTOTAL adds every level; the other sheets' filtered subtotals are right
    assert {(f.sheet, f.row) for f in galat} == {("DINKES INDUK", 1056)}
    assert {f.cell for f in galat} >= {"F1056", "J1056", "K1056"}
    zero = {f.row for f in b.findings if f.rule == "A005" and f.sheet == "DINKES INDUK"}
    assert zero == {26, 48, 126, 132, 279, 301, 582, 631, 673, 718, 743, 754, 795, 816, 837, 932, 959}


# --- RFK (Disdik Banjarmasin) ---------------------------------------------------------------------

def test_rfk_read_and_zero_realisation_only_where_money_was_planned(cek_nyata):
    b = cek_nyata("banjarmasin_disdik_rfk_januari_2023.xlsx")
    t, keu, fis = b.tables
    assert t.sheet == "RFK" and t.kind == "realisasi" and t.header_rows == [6, 7, 8] and t.last_row == 119
    m = _peran(t)
    assert (m["D"], m["F"], m["I"], m["J"], m["N"], m["P"]) == (
        "pagu", "rencana_rp", "realisasi_rp", "capaian_rp", "fisik_rencana", "fisik")
    assert m["E"] == m["H"] == m["K"] == "diabaikan"  # share of the DPA, weighted percentages
    assert t.periode == "TW1"  # "KONDISI S/D TGL. : 31-01-2023"
    assert _galat(b) == []
    assert {f.row for f in b.findings if f.rule == "A005"} == {36, 60, 61, 63, 81}
    # "SKPD : Dinas Pendidikan Kota Banjarmasin KONDISI S/D TGL.": the name stops before the date
    assert b.identitas["pemda"] == "Kota Banjarmasin" and b.identitas["opd"] == "Dinas Pendidikan"
    # the office's own monthly plans: money per month, and the physical plan in % per month
    assert (keu.sheet, keu.kind, keu.varian, keu.first_row, keu.last_row) == (
        "RENCANA_KEUANGAN", "rencana_bulanan", "keuangan", 8, 97)
    assert (fis.sheet, fis.kind, fis.varian, fis.first_row, fis.last_row) == (
        "RENCANA_FISIK", "rencana_bulanan", "fisik", 11, 100)
    mk, mf = _peran(keu), _peran(fis)
    assert (mk["B"], mk["C"], mk["D"], mk["O"]) == ("uraian", "pagu", "rencana_rp januari", "rencana_rp desember")
    assert (mf["C"], mf["D"]) == ("pagu", "fisik_rencana januari")
    assert keu.total[keu.baris.index(97)] and 98 not in keu.baris  # 'Akumulatif' below the total is not a row
    # the RFK's January plan against the monthly plan, paired by name and DPA (no kode in either)
    a011 = {f.cell: (f.expected, f.actual) for f in b.findings if f.rule == "A011"}
    assert a011 == {"F60": (1176141500, 1169990000), "F63": (25026920, 24967520), "F119": (1420526480, 1414315580)}


# --- not a Renja table ----------------------------------------------------------------------------

def test_sipd_master_list_is_one_e002_and_nothing_else(cek_nyata):
    b = cek_nyata("sipd_master_subkegiatan_export.xlsx")
    assert b.tables == [] and [f.rule for f in b.findings] == ["E002"]
