"""The blank template: the master's sheets, headers, formulas, buttons, dropdowns and VBA project,
with no data of the sample — and ready to fill: rows typed into it are read, checked and rolled up."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest
from openpyxl import load_workbook

import renja_xl.xl as rx
from renja_xl.checker import periksa_berkas
from renja_xl.readers import baca_berkas

from .conftest import TABEL
from .ovba import proyek
from .remote import buku, payload, putar_ulang

CONTOH = re.compile(r"luwu|dinas sosial|sulawesi|belopa|transkripsi", re.I)


def _vba(path):
    with zipfile.ZipFile(path) as z:
        return proyek(z.read("xl/vbaProject.bin"))


def _tabel(path):
    return {x.sheet: x for x in baca_berkas(path).tables}


def test_same_sheets_headers_and_vba_as_the_master(master, template):
    m, t = load_workbook(master), load_workbook(template)
    assert t.sheetnames == m.sheetnames
    tm = _tabel(master)
    for sheet in TABEL:
        # header rows: the same words (titles aside, which name the sample's office)
        for r in tm[sheet].header_rows:
            assert [c.value for c in t[sheet][r]] == [c.value for c in m[sheet][r]], (sheet, r)
        # the header's merged cells kept (the master's data rows have none the template needs)
        merged = {str(x) for x in t[sheet].merged_cells.ranges}
        assert merged and merged <= {str(x) for x in m[sheet].merged_cells.ranges}, sheet
    # the same VBA (the same modules with the same code)
    vm, vt = _vba(master), _vba(template)
    assert vm.sources == vt.sources
    with zipfile.ZipFile(master) as a, zipfile.ZipFile(template) as b:
        assert a.read("xl/drawings/vmlDrawing1.vml") == b.read("xl/drawings/vmlDrawing1.vml")
    assert t["xlwings.conf"].sheet_state == "hidden"


def test_no_data_and_no_name_of_the_sample(master, template):
    wb = load_workbook(template)
    hits = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and CONTOH.search(c.value)]
    assert not hits, hits[:5]
    tm = _tabel(master)
    for sheet in TABEL:
        ws = wb[sheet]
        for row in ws.iter_rows(min_row=tm[sheet].first_row):
            for c in row:
                assert c.value is None or c.data_type == "f", (sheet, c.coordinate, c.value)
    assert "[Nama Perangkat Daerah]" in wb["Tabel 4.1"]["A2"].value


def test_empty_rows_carry_formats_formulas_and_dropdowns(template):
    wb = load_workbook(template)
    t21, real, t41 = wb["Tabel 2.1"], wb["Realisasi 2024"], wb["Tabel 4.1"]
    for r in range(9, 69):
        assert t21[f"P{r}"].value.startswith(f"=IFERROR(RENJA_TINGKAT_REALISASI(N{r},L{r})+0,"), r
        assert t21[f"U{r}"].value.startswith(f"=IFERROR(RENJA_CAPAIAN(S{r},H{r})+0,"), r
    assert all(real[f"E{r}"].value.startswith("=IFERROR(RENJA_TINGKAT_REALISASI(") for r in range(8, 58))
    # kode columns keep what is typed (06 stays 06), rows have the table's borders
    assert {t41.cell(8, c).number_format for c in range(1, 7)} == {"@"}
    assert t41["K8"].border.left.style == "thin"
    dv = {str(r) for d in t41.data_validations.dataValidation for r in d.sqref.ranges}
    assert "I8:I187" in dv  # 80 empty rows and room below


@pytest.fixture(scope="module")
def terisi(template, tmp_path_factory):
    """The template with one program, one kegiatan and two sub kegiatan typed into Tabel 4.1, one
    with a mistyped unit."""
    d = tmp_path_factory.mktemp("isi")
    path = d / "renja_dinkes.xlsm"
    shutil.copyfile(template, path)
    wb = load_workbook(path, keep_vba=True)
    ws = wb["Tabel 4.1"]
    rows = [
        (["1", "02", "02"], "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN", "%", 100, None),
        (["1", "02", "02", "2", "01"], "Penyediaan Fasilitas Pelayanan Kesehatan", "Unit", 2, None),
        (["1", "02", "02", "2", "01", "0001"], "Pembangunan Rumah Sakit", "Unit", 1, 1_500_000_000),
        (["1", "02", "02", "2", "01", "0002"], "Rehabilitasi Puskesmas", "Lpaoran", 1, 250_000_000),
    ]
    for i, (kode, uraian, satuan, target, pagu) in enumerate(rows, start=8):
        for j, k in enumerate(kode, start=1):
            ws.cell(i, j, k)
        ws.cell(i, 7, uraian)
        ws.cell(i, 8, "Indikator " + uraian.lower())
        ws.cell(i, 9, satuan)
        ws.cell(i, 10, target)
        ws.cell(i, 11, pagu)
    wb.save(path)
    return path


def test_rows_typed_into_the_template_are_read_and_checked(master, terisi):
    berkas = periksa_berkas(terisi)
    t41 = next(t for t in berkas.tables if t.sheet == "Tabel 4.1")
    m41 = _tabel(master)["Tabel 4.1"]
    assert (t41.kind, t41.first_row, t41.header_rows, t41.columns) == (m41.kind, m41.first_row, m41.header_rows, m41.columns)
    assert t41.kode == ["1.02.02", "1.02.02.2.01", "1.02.02.2.01.0001", "1.02.02.2.01.0002"]
    assert ("S001", "Tabel 4.1", "I11") in {(f.rule, f.sheet, f.cell) for f in berkas.findings}


def test_hitung_ulang_rollup_gives_the_filled_template_its_parent_formulas(terisi, tmp_path, hitung_lo):
    book = buku(payload(terisi, name=terisi.name))
    rx.recompute_rollups(book)
    out = tmp_path / terisi.name
    putar_ulang(terisi, book.json()["actions"], out)
    f = load_workbook(out)["Tabel 4.1"]
    assert f["K9"].value == "=SUM(K10:K11)" and f["K8"].value == "=SUM(K9)"
    lo = load_workbook(hitung_lo(out), data_only=True)["Tabel 4.1"]
    assert lo["K8"].value == lo["K9"].value == 1_750_000_000
