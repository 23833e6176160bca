"""A Renja Perubahan read with both sides: an error only in the after-change amounts is caught, the
difference column is checked row by row, and a real RKPD Perubahan raises no false error."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from renja_xl.checker import periksa_berkas
from tests.conftest import SHARED

MAMBERAMO = SHARED / "reference" / "samples" / "real" / "mamberamoraya_rkpd_perubahan_kedua_2023.xlsx"

# kode, uraian, indikator, satuan, (target, pagu) before, (target, pagu) after, reason
ROWS = [
    ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "Persentase", "%", (100, 1_300_000), (100, 1_500_000), ""),
    ("1.06.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "Persentase", "%", (100, 300_000), (100, 350_000), ""),
    ("1.06.01.2.01.0001", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen", "Dokumen", (2, 100_000), (2, 100_000), ""),
    ("1.06.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Jumlah Dokumen", "Dokumen", (4, 200_000), (5, 250_000), "tambahan dokumen"),
    ("1.06.01.2.02", "Administrasi Keuangan Perangkat Daerah", "Persentase", "%", (100, 1_000_000), (100, 1_150_000), ""),
    ("1.06.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang", "Orang", (34, 1_000_000), (34, 1_150_000), "kenaikan gaji"),
]


def _renja_perubahan(path, rows=ROWS):
    """Tabel 4.1 of a Renja Perubahan as offices lay it out: Sebelum/Setelah Perubahan pairs over
    merged headers, Bertambah/(Berkurang), Catatan Penting."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    ws["A1"] = "TABEL 4.1 RENCANA PROGRAM DAN KEGIATAN RENJA PERUBAHAN TAHUN 2024"
    ws.append([])
    ws.append(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Satuan", "Sebelum Perubahan 2024", None,
               "Setelah Perubahan 2024", None, "Bertambah/(Berkurang) (Rp)", "Catatan Penting"])
    ws.append([None, None, None, None, "Target", "Pagu (Rp)", "Target", "Pagu (Rp)", None, None])
    for rng in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:H3", "I3:I4", "J3:J4"):
        ws.merge_cells(rng)
    for kode, uraian, ind, sat, (t0, p0), (t1, p1), why in rows:
        ws.append([kode, uraian, ind, sat, t0, p0, t1, p1, p1 - p0, why or None])
    wb.save(path)
    return path


def test_an_error_only_in_the_after_side_is_caught(tmp_path):
    # both sides add up in ROWS; break only the after amount of kegiatan 2.02
    rows = [list(r) for r in ROWS]
    rows[4][5] = (100, 1_120_000)  # Administrasi Keuangan after: 1.120.000 ≠ 1.150.000 of its sub kegiatan
    rows[0][5] = (100, 1_470_000)  # and the program follows its kegiatan as written (no second finding)
    b = periksa_berkas(_renja_perubahan(tmp_path / "renja_p.xlsx", [tuple(r) for r in rows]))
    (t,) = b.tables
    assert t.kind == "perubahan"
    assert {k.peran.kunci for k in t.kolom("pagu")} == {"pagu 2024 sebelum", "pagu 2024 setelah"}
    a001 = [f for f in b.findings if f.rule == "A001"]
    assert [(f.cell, f.expected, f.actual) for f in a001] == [("H9", 1_150_000, 1_120_000)]
    assert "setelah perubahan" in a001[0].message
    errors = {f.rule for f in b.findings if f.severity == "error"}
    assert errors == {"A001"}


def test_the_difference_column_and_the_reasons(tmp_path):
    rows = [list(r) for r in ROWS]
    b0 = periksa_berkas(_renja_perubahan(tmp_path / "benar.xlsx"))
    assert [f for f in b0.findings if f.rule in ("A001", "A010", "P001")] == []
    # a difference retyped wrong, and a change with no reason
    path = _renja_perubahan(tmp_path / "salah.xlsx", [tuple(r) for r in rows])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    ws["I8"] = 40_000  # RKA-SKPD: 250.000 − 200.000 is 50.000
    ws["J10"] = None  # Gaji: raised without a reason
    wb.save(path)
    b = periksa_berkas(path)
    assert [(f.rule, f.cell, f.expected, f.actual) for f in b.findings if f.rule == "A010"] == [("A010", "I8", 50_000, 40_000)]
    assert [f.cell for f in b.findings if f.rule == "P001"] == ["J10"]


def test_the_real_rkpd_perubahan_raises_no_false_error():
    if not MAMBERAMO.is_file():
        pytest.skip(f"real sample not found at {MAMBERAMO}")
    b = periksa_berkas(MAMBERAMO)
    assert [f for f in b.findings if f.severity == "error"] == []
    # its README's problems are warnings (T004 after the change: pagu 0 with a target kept)
    t004 = {f.row for f in b.findings if f.rule == "T004" and f.cell.startswith("U")}
    assert {22, 23, 24, 25, 27, 28, 869} <= t004
    # P002: a pagu changed by half or more while its sub keluaran keeps the same target, never when cut to 0
    p002 = [f for f in b.findings if f.rule == "P002"]
    assert p002 and not {f.row for f in p002} & t004
