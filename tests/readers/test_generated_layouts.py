"""The reader and checker beyond the seed: workbooks generated in other layouts, with planted errors
whose cells we know in advance."""

from __future__ import annotations


import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.readers import baca_berkas
from tests import synth


def _rules(berkas, rule):
    return [t for t in berkas.findings if t.rule == rule]


@pytest.mark.parametrize("kode", ["split6", "split5", "dotted"])
@pytest.mark.parametrize("teks", [False, True])
def test_clean_workbook_has_no_error(tmp_path, kode, teks):
    renja = synth.buat_renja(seed=3)
    p = tmp_path / "bersih.xlsx"
    synth.simpan(p, [("Renja", renja, synth.Tata(kode=kode, teks=teks), None)])
    b = periksa_berkas(p)
    assert [t for t in b.findings if t.severity == "error"] == []
    (t,) = b.tables
    assert t.kind == "rencana" and t.years == [2024, 2025]
    assert t.n == len(renja.rows)


def test_header_at_row_10_not_in_column_a_amounts_as_text(tmp_path):
    renja = synth.buat_renja(seed=5)
    keg = renja.rows[2]  # first kegiatan
    assert len(keg.kode) == 5
    wrong = keg.pagu[2024] + 16
    tata = synth.Tata(kode="dotted", teks=True, baris_header=10, kolom_awal=3,
                      judul=["RENJA PERANGKAT DAERAH", "DINAS SOSIAL", "TAHUN 2024"])
    p = tmp_path / "geser.xlsx"
    where = synth.simpan(p, [("Lembar1", renja, tata, {(".".join(keg.kode), "pagu 2024"): f"Rp {wrong:,}".replace(",", ".") + ",-"})])
    b = periksa_berkas(p)
    (t,) = b.tables
    assert t.header_rows == [10, 11] and t.first_row == 13  # number row at 12
    assert t.columns["kode"] == "C"
    # the kegiatan is off; its program still adds up the kegiatan as they should be: one cause, one finding
    (kegiatan,) = _rules(b, "A001")
    assert kegiatan.cell == where[("Lembar1", ".".join(keg.kode), "pagu 2024")]
    assert kegiatan.actual - kegiatan.expected == 16


def test_header_without_merges_and_one_header_row(tmp_path):
    renja = synth.buat_renja(seed=7)
    p = tmp_path / "datar.xlsx"
    synth.simpan(p, [("S", renja, synth.Tata(gabung=False), None), ("T", renja, synth.Tata(dua_tingkat=False, kode="split5"), None)])
    h = baca_berkas(p)
    assert [(t.sheet, t.years) for t in h.tables] == [("S", [2024, 2025]), ("T", [2024, 2025])]
    top = h.tables[0]
    assert top.angka["pagu 2025"].nilai[0] == renja.rows[0].pagu[2025]


def test_two_tables_on_two_sheets_disagreeing(tmp_path):
    renja = synth.buat_renja(seed=11)
    sub = next(r for r in renja.rows if len(r.kode) == 6)
    dotted = ".".join(sub.kode)
    other_target = sub.target[2024] + 5
    p = tmp_path / "dua.xlsx"
    where = synth.simpan(p, [
        ("Tabel 4.1", renja, synth.Tata(kode="split6"), None),
        ("Tabel 4.2", renja, synth.Tata(kode="dotted", teks=True, baris_header=6, lokasi=True),
         {(dotted, "target 2024"): other_target, (dotted, "pagu 2025"): sub.pagu[2025] + 1000, (dotted, "satuan"): "Sertifikat"}),
    ])
    b = periksa_berkas(p)
    (t001,) = _rules(b, "T001")
    assert (t001.sheet, t001.cell, t001.kode) == ("Tabel 4.2", where[("Tabel 4.2", dotted, "target 2024")], dotted)
    assert (t001.expected, t001.actual) == (sub.target[2024], other_target)
    a009 = [t for t in _rules(b, "A009") if t.kode == dotted]
    assert [(t.sheet, t.cell, t.actual - t.expected) for t in a009] == [("Tabel 4.2", where[("Tabel 4.2", dotted, "pagu 2025")], 1000)]
    (s003,) = _rules(b, "S003")
    assert s003.cell == where[("Tabel 4.2", dotted, "satuan")] and s003.expected == sub.satuan
    # the changed sub kegiatan also breaks its kegiatan's 2025 sum in Tabel 4.2 only
    assert {(t.sheet, t.kode) for t in _rules(b, "A001")} == {("Tabel 4.2", ".".join(sub.kode[:5]))}


def test_two_tables_stacked_on_one_sheet(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Gabungan"
    renja = synth.buat_renja(seed=2, n_program=1)
    synth.tulis_rencana(ws, renja, synth.Tata(judul=["TABEL A"]))
    offset = ws.max_row + 4
    ws2 = wb.create_sheet("tmp")
    synth.tulis_rencana(ws2, renja, synth.Tata(kode="dotted", judul=["TABEL B"]))
    for row in ws2.iter_rows():
        for c in row:
            if c.value is not None:
                ws.cell(row=c.row + offset, column=c.column, value=c.value)
    wb.remove(ws2)
    p = tmp_path / "tumpuk.xlsx"
    wb.save(p)
    h = baca_berkas(p)
    assert len(h.tables) == 2
    a, b = h.tables
    assert a.last_row < b.header_rows[0]
    assert a.n == b.n == len(renja.rows)


def test_jumlah_row(tmp_path):
    renja = synth.buat_renja(seed=4)
    p = tmp_path / "jumlah.xlsx"
    total = renja.rows[0].pagu[2024]
    where = synth.simpan(p, [("S", renja, synth.Tata(jumlah=True), {("JUMLAH", "pagu 2024"): total - 1})])
    b = periksa_berkas(p)
    (a002,) = _rules(b, "A002")
    assert a002.cell == where[("S", "JUMLAH", "pagu 2024")] and a002.expected == total
    assert _rules(b, "K004") == []


def test_formulas_without_cached_values_are_e003(tmp_path):
    from openpyxl import Workbook

    renja = synth.buat_renja(seed=9, n_program=1, n_kegiatan=1)
    wb = Workbook()
    ws = wb.active
    where = synth.tulis_rencana(ws, renja, synth.Tata())
    keg = ".".join(renja.rows[2].kode)
    cell = where[(keg, "pagu 2024")]
    col = "".join(ch for ch in cell if ch.isalpha())
    row = int(cell[len(col):])
    ws[cell] = f"=SUM({col}{row + 1}:{col}{row + 3})"  # openpyxl writes no cached value
    p = tmp_path / "rumus.xlsx"
    wb.save(p)
    b = periksa_berkas(p)
    (e003,) = _rules(b, "E003")
    assert e003.cell == cell and e003.actual == 1
    assert _rules(b, "A001") == []  # an unknown value is not called wrong


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_old_excel_and_ods_via_libreoffice(tmp_path, soffice, fmt):
    renja = synth.buat_renja(seed=6)
    sub = next(r for r in renja.rows if len(r.kode) == 6)
    src = tmp_path / "asal.xlsx"
    synth.simpan(src, [("Renja", renja, synth.Tata(kode="split6"), {(".".join(sub.kode), "satuan"): "Lpaoran"})])
    res = soffice(src, fmt, tmp_path / "out")
    assert res.returncode == 0, res.stderr
    conv = tmp_path / "out" / f"asal.{fmt}"
    b = periksa_berkas(conv)
    assert [t.kind for t in b.tables] == ["rencana"]
    (s001,) = _rules(b, "S001")
    assert s001.kode == ".".join(sub.kode) and s001.saran == "Laporan"
    assert [t for t in b.findings if t.severity == "error"] == []


def test_password_protected_xlsx_is_e001(tmp_path, seed_xlsx):
    msoffcrypto = pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool (test extra) is needed to encrypt a workbook")
    from msoffcrypto.format.ooxml import OOXMLFile

    out = tmp_path / "sandi.xlsx"
    with seed_xlsx.open("rb") as src, out.open("wb") as dst:
        OOXMLFile(src).encrypt("rahasia", dst)
    b = periksa_berkas(out)
    assert b.status == "unreadable"
    (e001,) = b.findings
    assert e001.rule == "E001" and "dilindungi kata sandi" in e001.message
    del msoffcrypto
