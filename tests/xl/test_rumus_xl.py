"""The formula rules on the Excel side.

On an engine that reads formulas (desktop Excel; its in-memory stand-in desktop.py here) Validasi
marks F findings like any other and Hitung Ulang Rollup rewrites a broken parent formula, keeping
the old one in Hasil Validasi with what F001 said of it, and leaves a formula that covers exactly
the children another way. Through xlwings' remote engine (no formulas readable), the repaired master
is opened by LibreOffice, whose recalculated totals must equal the sum of the children.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import renja_xl.xl as rx
from renja_xl.readers import baca_lembar, lembar_dari_nilai
from renja_xl.rules.struktur import pagu_per_tahun, rincian_induk
from renja_xl.xl import SHEET_HASIL
from renja_xl.xl.tanda import PENANDA, WARNA, baca_buku_tanda

from .conftest import TABEL
from .desktop import Book
from .remote import buku, payload, putar_ulang


def _rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


@pytest.fixture
def desktop(master):
    return Book.dari_berkas(master)


def test_the_master_read_with_its_formulas_gives_no_formula_finding(desktop):
    berkas = rx.validate(desktop)
    assert not [f for f in berkas.findings if f.rule.startswith("F")]


def test_validasi_marks_a_broken_range_like_any_finding(desktop):
    t41 = desktop.sheets["Tabel 4.1"]
    t41["K24"].formula = "=SUM(K25:K31)"  # the kegiatan's SUM lost its last sub kegiatan (row 32)
    berkas = rx.validate(desktop)
    f001 = [f for f in berkas.findings if f.rule == "F001"]
    assert [(f.sheet, f.cell) for f in f001] == [("Tabel 4.1", "K24")]
    assert "baris 32" in f001[0].message and f001[0].saran == "=SUM(K25:K32)"
    assert t41["K24"].color == _rgb(WARNA["error"])
    note = t41["K24"].note.text
    assert note.startswith(PENANDA) and "F001" in note and "=SUM(K25:K32)" in note
    assert ("Tabel 4.1", "K24") in baca_buku_tanda(desktop)
    a001 = next(f for f in berkas.findings if f.rule == "A001" and f.cell == "K24")
    assert "lihat F001" in a001.message


def test_recompute_repairs_a_broken_range_and_keeps_a_right_one(desktop):
    t41 = desktop.sheets["Tabel 4.1"]
    t41["K24"].formula = "=SUM(K25:K31)"
    t41["K17"].formula = "=K18+K19+K20+K21"  # exactly its children, written another way
    changes = {(c.sheet, c.cell): c for c in rx.recompute_rollups(desktop)}
    assert set(changes) == {("Tabel 4.1", "K24")}
    c = changes[("Tabel 4.1", "K24")]
    assert c.sebelum == "=SUM(K25:K31)" and c.sesudah == "=SUM(K25:K32)"
    assert "F001" in c.keterangan and "baris 32" in c.keterangan
    assert t41["K24"].formula == "=SUM(K25:K32)" and t41["K17"].formula == "=K18+K19+K20+K21"
    hasil = desktop.sheets[SHEET_HASIL]
    rows = [[hasil.cells.get((r, col)) for col in range(12, 19)] for r in range(1, 60)]  # as written (text)
    row = next(r for r in rows if r[4] == "=SUM(K25:K31)")  # the old formula stays recoverable
    assert row[5] == "=SUM(K25:K32)" and "F001" in str(row[6])


def _totals(lo: Path):
    wb = load_workbook(lo, data_only=True)
    grids = [lembar_dari_nilai(ws.title, [[c.value for c in row] for row in ws.iter_rows()])
             for ws in wb.worksheets if ws.title in TABEL]
    return wb, baca_lembar(grids, "renja_master.xlsm").tables


def test_libreoffice_totals_equal_the_children_after_a_broken_range_is_repaired(master, hitung_lo, tmp_path):
    rusak = tmp_path / "rusak.xlsm"
    wb = load_workbook(master, keep_vba=True)
    ws = wb["Tabel 4.1"]
    assert ws["K24"].value == "=SUM(K25:K32)" and ws["M17"].value == "=SUM(M18:M21)"
    ws["K24"] = "=SUM(K25:K31)"  # leaves out row 32
    ws["M17"] = "=SUM(M18:M19)"  # leaves out rows 20-21
    wb.save(rusak)
    before_lo = hitung_lo(rusak)
    bwb, _ = _totals(before_lo)
    b41 = bwb["Tabel 4.1"]
    kids = [b41[f"K{r}"].value for r in range(25, 33)]
    assert b41["K32"].value and b41["K24"].value == pytest.approx(sum(v or 0 for v in kids[:-1]))  # row 32 missing
    book = buku(payload(before_lo, rusak))
    rx.recompute_rollups(book)
    putar_ulang(rusak, book.json()["actions"], tmp_path / "hitung.xlsm")
    after_lo = hitung_lo(tmp_path / "hitung.xlsm")
    wb2, tables = _totals(after_lo)
    formulas = load_workbook(after_lo)
    assert formulas["Tabel 4.1"]["K24"].value == "=SUM(K25:K32)"
    assert formulas["Tabel 4.1"]["M17"].value == "=SUM(M18:M21)"
    checked = 0
    for t in tables:
        if t.kind not in ("rencana", "realisasi"):
            continue
        for grup in rincian_induk(t):
            if grup.tercemar:
                continue
            for year, cell in pagu_per_tahun(t, grup.induk).items():
                kids = [pagu_per_tahun(t, k).get(year) for k in grup.anak]
                want = sum(v for k in kids if k is not None
                           for v in [wb2[t.sheet][k.cell].value] if isinstance(v, (int, float)))
                assert wb2[t.sheet][cell.cell].value == pytest.approx(want), (t.sheet, cell.cell)
                checked += 1
    assert checked >= 60
    hasil = wb2[SHEET_HASIL]
    listed = {hasil.cell(r, 14).value for r in range(9, hasil.max_row + 1)}
    assert {"K24", "M17"} <= listed
