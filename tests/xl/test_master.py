"""The master workbook as a spreadsheet: its formulas recalculated by LibreOffice, its sheets, its
dropdowns and print setup, and what the checker sees in it."""

from __future__ import annotations

import re
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


def test_sheets_dropdowns_print_setup(master):
    wb = load_workbook(master)
    assert wb.sheetnames == ["Beranda", *TABEL, "Pengecualian", "Satuan", "Pemasangan", "xlwings.conf"]
    units = [c.value for c in wb["Satuan"]["A"][1:] if c.value]
    assert {"Dokumen", "Laporan", "Orang/bulan", "%"} <= set(units)
    assert "Lpaoran" not in units
    for name in TABEL:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.print_title_rows, name
    dv = {str(r) for d in wb["Tabel 4.1"].data_validations.dataValidation for r in d.sqref.ranges
          if d.formula1 == f"Satuan!$A$2:$A${len(units) + 1}"}
    assert any(r.startswith("I8:") for r in dv)
    dv21 = {str(r).split(":")[0][0] for d in wb["Tabel 2.1"].data_validations.dataValidation for r in d.sqref.ranges}
    assert dv21 == {"I", "K", "M", "O", "R", "T"}
    assert wb["Beranda"].page_setup.orientation == "landscape"


@pytest.fixture(params=["renja_master.xlsm", "renja_template.xlsm"])
def buku_xlsm(request, master, template) -> Path:
    return master if request.param == "renja_master.xlsm" else template


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def test_xlwings_conf_has_only_keys_with_values_and_is_hidden(buku_xlsm):
    """xlwings reads keys from A1 down and stops at a key the sheet has even when its value is empty;
    an empty Interpreter_Win there would hide %USERPROFILE%\\.xlwings\\xlwings.conf."""
    conf = load_workbook(buku_xlsm)["xlwings.conf"]
    keys = {}
    r = 1
    while conf.cell(r, 1).value not in (None, ""):
        keys[conf.cell(r, 1).value] = conf.cell(r, 2).value
        r += 1
    assert keys["UDF Modules"] == "renja_xl.udf"
    assert all(v not in (None, "") for v in keys.values()), keys
    assert not any(k.upper().startswith("INTERPRETER") for k in keys), "no interpreter is decided for the user"
    assert keys["ADD_WORKBOOK_TO_PYTHONPATH"] == "false"
    assert conf.sheet_state == "hidden"
    # nothing below the block in columns A/B that a later edit could join to it
    assert all(conf.cell(rr, c).value in (None, "") for rr in range(r, conf.max_row + 1) for c in (1, 2))


def test_validation_lists_are_written_without_equals(buku_xlsm):
    n = 0
    with zipfile.ZipFile(buku_xlsm) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                for f in re.findall(r"<formula1>(.*?)</formula1>", z.read(name).decode("utf-8")):
                    assert not f.startswith("="), (name, f)
                    assert f.startswith("Satuan!$A$2:$A$"), (name, f)
                    n += 1
    assert n == 3  # one list per sheet with satuan columns: Tabel 4.1, 4.2, 2.1


def test_opening_does_not_recalculate(buku_xlsm):
    """No fullCalcOnLoad, and a calcId no lower than Excel 2019/365's engine: Excel recalculates
    every formula (starting Python for each RENJA_ cell) when the file's calcId is lower than its own."""
    wbxml = _xml(buku_xlsm, "xl/workbook.xml")
    calc = re.search(r"<calcPr([^>]*)/>", wbxml).group(1)
    assert not re.search(r'fullCalcOnLoad="(1|true)"', calc), calc
    assert int(re.search(r'calcId="(\d+)"', calc).group(1)) >= 191029
    # every formula has its value in the file, so nothing needs calculating to be shown
    with zipfile.ZipFile(buku_xlsm) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode("utf-8")
                assert not re.search(r"</f>\s*(?:<v\s*/>)?\s*</c>", xml), f"{name}: a formula without a cached value"


def _px_kolom(width: float) -> int:
    """ECMA-376 Part 1, 18.3.1.13: stored column width to pixels (maximum digit width 7 px, Calibri 11)."""
    return int(((256 * width + int(128 / 7)) / 256) * 7)


def _gaya(style: str) -> dict[str, float]:
    out = {}
    for part in style.split(";"):
        k, _, v = part.partition(":")
        if v.endswith("pt"):
            out[k.strip()] = float(v[:-2])
    return out


def _tombol_vml(path: Path) -> list[tuple[dict[str, float], list[int], str]]:
    vml = _xml(path, "xl/drawings/vmlDrawing1.vml")
    shapes = re.findall(r"<v:shape [^>]*style='([^']*)'.*?<x:Anchor>([^<]*)</x:Anchor>.*?<x:FmlaMacro>([^<]*)</x:FmlaMacro>",
                        vml, flags=re.S)
    return [(_gaya(st), [int(x) for x in a.split(",")], m) for st, a, m in shapes]


def test_button_shapes_and_cell_anchors_agree(buku_xlsm):
    """The VML style (points) and the cell anchor (column/row + pixel offsets) describe the same
    rectangle, computed from Beranda's column widths and row heights as Excel does."""
    sheet = _xml(buku_xlsm, "xl/worksheets/sheet1.xml")
    widths = {}
    for mn, mx, w in re.findall(r'<col\b(?=[^>]*\smin="(\d+)")(?=[^>]*\smax="(\d+)")(?=[^>]*\swidth="([\d.]+)")[^>]*/>',
                                sheet):
        for c in range(int(mn), int(mx) + 1):
            widths[c - 1] = _px_kolom(float(w))
    heights = {}
    for r, ht in re.findall(r'<row\b(?=[^>]*\sr="(\d+)")(?=[^>]*\sht="([\d.]+)")(?=[^>]*\scustomHeight="1")[^>]*>', sheet):
        heights[int(r) - 1] = float(ht) * 96 / 72
    shapes = _tombol_vml(buku_xlsm)
    assert [m for _, _, m in shapes] == ["[0]!Validasi", "[0]!HitungUlangRollup", "[0]!BersihkanTanda",
                                         "[0]!PeriksaPemasangan"]
    for style, (c0, dx0, r0, dy0, c1, dx1, r1, dy1), macro in shapes:
        assert all(r in heights for r in range(r1 + 1)), f"{macro}: a row above the button has no fixed height"
        left = sum(widths[c] for c in range(c0)) + dx0
        right = sum(widths[c] for c in range(c1)) + dx1
        top = sum(heights[r] for r in range(r0)) + dy0
        bottom = sum(heights[r] for r in range(r1)) + dy1
        assert dx1 <= widths[c1] and dy1 <= heights[r1], f"{macro}: an offset beyond its cell"
        px = {"margin-left": left, "margin-top": top, "width": right - left, "height": bottom - top}
        assert {k: style[k] for k in px} == {k: v * 0.75 for k, v in px.items()}, macro


def test_libreoffice_places_the_buttons_where_the_vml_says(master, soffice, tmp_path):
    res = soffice(master, "ods", tmp_path)
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(tmp_path / "renja_master.ods") as z:
        content = z.read("content.xml").decode("utf-8")
    controls = re.findall(r'<draw:control [^>]*svg:width="([\d.]+)in" svg:height="([\d.]+)in" '
                          r'svg:x="([\d.]+)in" svg:y="([\d.]+)in"', content)
    shapes = _tombol_vml(master)
    assert len(controls) == len(shapes) == 4
    for (w, h, x, y), (style, _a, macro) in zip(controls, shapes, strict=True):
        got = {"width": float(w) * 72, "height": float(h) * 72, "margin-left": float(x) * 72, "margin-top": float(y) * 72}
        for k, v in got.items():
            assert v == pytest.approx(style[k], abs=0.75), (macro, k, v, style[k])  # within a pixel


def test_rebuilding_gives_the_same_bytes(master, template, tmp_path):
    res = subprocess.run([sys.executable, str(ROOT / "workbooks" / "build_master.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    for path in (master, template):
        fresh = tmp_path / path.name
        with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(path) as b:
            assert a.read("xl/vbaProject.bin") == b.read("xl/vbaProject.bin"), \
                f"{path.name}: the VBA project changed although its sources did not"
        assert fresh.read_bytes() == path.read_bytes(), \
            f"{path.name}: rebuild differs: run python workbooks/build_master.py and commit"
