"""The master workbook as a spreadsheet: its formulas recalculated by LibreOffice, its sheets, its
dropdowns and print setup, and what the checker sees in it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.checker import periksa_berkas
from renja_xl.core.capaian import capaian, tingkat_realisasi
from renja_xl.readers import baca_berkas, baca_lembar, lembar_dari_nilai
from renja_xl.rules.struktur import pagu_per_tahun, rincian_induk
from renja_xl.xl.rollup import rumus_rollup
from tests.conftest import ROOT, SEED_XLSX

from .conftest import TABEL


def _nilai(ws, a1):
    v = ws[a1].value
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _tabel_dari(path: Path):
    """The tables of a workbook read from its computed values (what Excel shows)."""
    wb = load_workbook(path, data_only=True)
    grids = [lembar_dari_nilai(ws.title, [[c.value for c in row] for row in ws.iter_rows()])
             for ws in wb.worksheets if ws.title in TABEL]
    return wb, baca_lembar(grids, "renja_dinsos_luwu_2024.xlsx").tables


def test_every_formula_has_the_value_libreoffice_computes(master, master_lo):
    formulas = load_workbook(master)
    cached = load_workbook(master, data_only=True)
    lo = load_workbook(master_lo, data_only=True)
    n = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                n += 1
                ours = cached[ws.title][cell.coordinate].value
                theirs = lo[ws.title][cell.coordinate].value
                if ours in (None, "") or theirs in (None, ""):
                    assert ours in (None, "") and theirs in (None, ""), (ws.title, cell.coordinate, ours, theirs)
                else:
                    assert theirs == pytest.approx(ours, rel=1e-12), (ws.title, cell.coordinate, cell.value)
    assert n > 200  # 76 rollup formulas and 138 capaian formulas


def test_parent_totals_equal_the_rollup_of_their_children(master, master_lo):
    wb, tables = _tabel_dari(master_lo)
    formulas = load_workbook(master)
    checked = 0
    for t in tables:
        if t.kind not in ("rencana", "realisasi"):
            continue
        for grup in rincian_induk(t):
            for year, cell in pagu_per_tahun(t, grup.induk).items():
                f = formulas[t.sheet][cell.cell].value
                if grup.tercemar:
                    assert not str(f).startswith("="), (t.sheet, cell.cell, "a parent with an unreadable child must stay as typed")
                    continue
                kids = [pagu_per_tahun(t, k).get(year) for k in grup.anak]
                expected = sum(_nilai(wb[t.sheet], k.cell) or 0 for k in kids if k is not None)
                assert str(f).startswith("=SUM("), (t.sheet, cell.cell, f)
                assert _nilai(wb[t.sheet], cell.cell) == pytest.approx(expected), (t.sheet, cell.cell, t.kode[grup.induk])
                checked += 1
    assert checked >= 60
    # the office total of Tabel 4.1 is the seed's stated total, now computed
    assert _nilai(wb["Tabel 4.1"], "K8") == 4_876_245_268


def test_capaian_columns_equal_the_core_formulas(master, master_lo):
    wb, tables = _tabel_dari(master_lo)
    formulas = load_workbook(master)
    n = 0
    for t in tables:
        ws = wb[t.sheet]
        c = t.columns
        for i in range(t.n):
            row_no = t.baris[i]
            if t.kind == "evaluasi" and not t.total[i]:
                pairs = [(c["kolom 8"], tingkat_realisasi(_nilai(ws, f"{c['kolom 7']}{row_no}"), _nilai(ws, f"{c['kolom 6']}{row_no}")), "RENJA_TINGKAT_REALISASI"),
                         (c["kolom 11"], capaian(_nilai(ws, f"{c['kolom 10']}{row_no}"), _nilai(ws, f"{c['kolom 4']}{row_no}")), "RENJA_CAPAIAN")]
            elif t.kind == "realisasi" and not t.total[i]:
                pairs = [(c["capaian_rp"], tingkat_realisasi(_nilai(ws, f"{c['realisasi_rp']}{row_no}"), _nilai(ws, f"{c['pagu']}{row_no}")), "RENJA_TINGKAT_REALISASI")]
            else:
                continue
            for col, want, fn in pairs:
                a1 = f"{col}{row_no}"
                assert formulas[t.sheet][a1].value.startswith(f"=IFERROR({fn}("), (t.sheet, a1)
                got = ws[a1].value
                if want is None:
                    assert got in (None, ""), (t.sheet, a1, got)
                else:
                    assert got == pytest.approx(want), (t.sheet, a1)
                n += 1
    assert n == 138
    # a row the seed states wrongly (T002): Penyediaan Jasa Surat Menyurat, 1667 of 1500 → 111,13 %, not 90
    assert wb["Tabel 2.1"]["P30"].value == pytest.approx(111.1333, abs=1e-4)


def test_rollup_formulas_are_the_shared_ones(master):
    """The build and the Hitung Ulang button write the same formulas (one implementation)."""
    hasil = baca_berkas(master)
    wb = load_workbook(master)
    want = {(r.sheet, r.cell): r.rumus for r in rumus_rollup(hasil.tables).rumus}
    assert len(want) == 76
    for (sheet, cell), rumus in want.items():
        assert wb[sheet][cell].value == rumus


def test_checker_on_the_master_sees_numbers_and_the_known_mistakes(master):
    berkas = periksa_berkas(master)
    rules = {(f.rule, f.sheet, f.cell) for f in berkas.findings}
    assert not any(f.rule == "E003" for f in berkas.findings), "formulas without cached values"
    assert ("A006", "Tabel 4.2", "L15") in rules  # 1.181925
    assert ("S001", "Tabel 4.1", "I35") in rules  # Lpaoran
    assert ("S001", "Tabel 4.1", "I36") in rules
    assert not any(f.rule == "A001" for f in berkas.findings), "parents are SUM formulas of their children"
    assert {t.sheet for t in berkas.tables} == set(TABEL)


def test_text_amounts_with_a_certain_meaning_became_numbers(master):
    seed = load_workbook(SEED_XLSX)
    wb = load_workbook(master)
    assert seed["Tabel 4.1"]["K29"].value == "14.400.000," and wb["Tabel 4.1"]["K29"].value == 14_400_000
    assert seed["Realisasi 2024"]["C10"].value == "Rp.1. 226.155,-" and wb["Realisasi 2024"]["C10"].value == 1_226_155
    assert wb["Tabel 4.2"]["L15"].value == "1.181925"  # ambiguous: kept as typed
    assert wb["Tabel 4.1"]["I35"].value == "Lpaoran"


def test_sheets_dropdowns_print_setup_and_conf(master):
    wb = load_workbook(master)
    assert wb.sheetnames == ["Beranda", *TABEL, "Pengecualian", "Satuan", "xlwings.conf"]
    conf = wb["xlwings.conf"]
    keys = {conf.cell(r, 1).value: conf.cell(r, 2).value for r in range(1, conf.max_row + 1) if conf.cell(r, 1).value}
    assert keys["UDF Modules"] == "renja_xl.udf"
    assert "Interpreter_Win" in keys
    units = [c.value for c in wb["Satuan"]["A"][1:] if c.value]
    assert {"Dokumen", "Laporan", "Orang/bulan", "%"} <= set(units)
    assert "Lpaoran" not in units
    for name in TABEL:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.print_title_rows, name
    dv = {str(r) for d in wb["Tabel 4.1"].data_validations.dataValidation for r in d.sqref.ranges
          if d.formula1 == f"=Satuan!$A$2:$A${len(units) + 1}"}
    assert any(r.startswith("I8:") for r in dv)
    dv21 = {str(r).split(":")[0][0] for d in wb["Tabel 2.1"].data_validations.dataValidation for r in d.sqref.ranges}
    assert dv21 == {"I", "K", "M", "O", "R", "T"}
    assert wb["Beranda"].page_setup.orientation == "landscape"


@pytest.mark.parametrize("part", ["xl/vbaProject.bin", None])
def test_rebuilding_gives_the_same_bytes(master, tmp_path, part):
    out = tmp_path / "renja_master.xlsm"
    res = subprocess.run([sys.executable, str(ROOT / "workbooks" / "build_master.py"), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    if part:
        with zipfile.ZipFile(out) as a, zipfile.ZipFile(master) as b:
            assert a.read(part) == b.read(part), "the VBA project changed although its sources did not"
    else:
        assert out.read_bytes() == master.read_bytes(), "rebuild differs: run python workbooks/build_master.py and commit"
