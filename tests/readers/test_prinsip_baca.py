"""The reading principles on small generated tables: each one a layout real offices use, with what the
reader must make of it (issue 10). Tables are written as text (tests/rules/tiny.py)."""

from __future__ import annotations

from renja_xl.checker import periksa_lembar
from renja_xl.core.config import Konfigurasi
from renja_xl.readers import baca_lembar
from renja_xl.readers.workbook import lembar_dari_nilai
from tests.rules.tiny import grid


def _baca(text: str, nama: str = "T"):
    return baca_lembar([lembar_dari_nilai(nama, grid(text))], "kasus_2024.xlsx")


def _peran(t) -> dict[str, str]:
    return {p.huruf: p.peran for p in t.peta}


def test_header_words_over_three_rows_are_pooled():
    h = _baca("""
Kode | Uraian | Indikator | Satuan | Tahun 2024 | | Tahun 2025 |
 | | | | Kinerja | Keuangan | Kinerja | Keuangan
 | | | | Target | Pagu (Rp) | Target | Pagu (Rp)
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 1.000.000 | 2 | 2.000.000
""")
    (t,) = h.tables
    assert t.kind == "rencana" and t.header_rows == [1, 2, 3]
    assert _peran(t)["E"] == "target 2024" and _peran(t)["H"] == "pagu 2025"


def test_words_of_a_header_on_two_rows_without_merges():
    h = _baca("""
Kode | Uraian | Anggaran | Realisasi | %
 | Sub Kegiatan | (Rp) | (Rp) | Keuangan
1.06.01.2.01.0001 | Sub A | 1.000.000 | 500.000 | 50
""")
    (t,) = h.tables
    assert t.kind == "realisasi"
    assert (_peran(t)["C"], _peran(t)["D"], _peran(t)["E"]) == ("pagu", "realisasi_rp", "capaian_rp")


def test_unit_markers_under_the_number_row_are_header_not_data():
    h = _baca("""
No | Kode | Uraian | Indikator | Satuan | Target Renstra Akhir | | Target Renja 2024 | | Realisasi Triwulan I | | Triwulan II |
1 | 2 | 3 | 4 | 5 | 6 | | 7 | | 8 | | 9 |
 | | | | | K | Rp | K | Rp | K | Rp | K | Rp
1 | 1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 4 | 10.000.000 | 1 | 2.000.000 | 1 | 500.000 | 0 | 0
""")
    (t,) = h.tables
    assert t.kind == "e81" and t.first_row == 4 and 3 in t.header_rows
    m = _peran(t)
    assert (m["F"], m["G"], m["H"], m["I"], m["J"], m["K"]) == (
        "target renstra", "pagu renstra", "target n", "pagu n", "realisasi TW1", "realisasi_rp TW1")


def test_typos_in_header_words():
    h = _baca("""
Kode | Uraian | Indikator | Satuan | Tareget 2024 | Anggran 2024 | Relisasi 2024
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 1.000.000 | 900.000
""")
    (t,) = h.tables
    assert t.kind == "realisasi" and _peran(t)["F"] == "pagu" and _peran(t)["G"] == "realisasi_rp"


def test_snake_case_database_export():
    h = _baca("""
kode_subkegiatan | nama_subkegiatan | indikator_keluaran | target | satuan | anggaran
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | 1 | Dokumen | 1000000
1.06.01.2.01.0002 | Sub B | Jumlah Laporan | 2 | Laporan | 2000000
""")
    (t,) = h.tables
    assert t.kind == "rencana"
    m = _peran(t)
    assert (m["A"], m["D"], m["E"], m["F"]) == ("kode", "target 2024", "satuan", "pagu 2024")


def test_a_block_of_text_is_no_table():
    """A list of definitions (long text, header-like words, no numbers) is not a table: one E002."""
    text = """
Kode | Program | Kegiatan | Indikator | Satuan | Definisi Operasional
1.06.01 | PROGRAM PENUNJANG | Perencanaan | Persentase dokumen yang disusun tepat waktu | Persen | Cakupan: jumlah dokumen perencanaan yang disusun dibagi dengan jumlah dokumen yang wajib disusun, dikali seratus persen, setiap tahun anggaran
1.06.02 | PROGRAM PEMBERDAYAAN SOSIAL | Pemberdayaan | Jumlah keluarga yang diberdayakan | Keluarga | Target: keluarga miskin yang menerima pendampingan dan pelatihan usaha ekonomi produktif selama satu tahun anggaran
"""
    assert _baca(text).tables == []
    b = periksa_lembar([lembar_dari_nilai("T", grid(text))], nama="daftar.xlsx")
    assert [f.rule for f in b.findings] == ["E002"]


def test_the_table_ends_at_its_totals_row_and_narrative_is_not_data():
    h = _baca("""
Kode | Uraian | Indikator | Satuan | Target 2024 | Pagu 2024
1.06.01.2.01 | Kegiatan | Persentase | % | 100 | 3.000.000
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 1.000.000
1.06.01.2.01.0002 | Sub B | Jumlah Laporan | Laporan | 2 | 2.000.000
 | JUMLAH | | | | 3.000.000
 | Faktor pendorong: dukungan pimpinan yang baik | | | |
 | Kepala Dinas, 2024 | | | | 1.234
 | NIP. 19700101 199001 1 001 | | | |
""")
    (t,) = h.tables
    assert t.last_row == 5 and t.total[-1]


def test_percentages_stored_as_fractions_are_read_as_percent():
    h = _baca("""
Kode | Uraian | Anggaran (Rp) | Realisasi (Rp) | % Realisasi
1.06.01.2.01.0001 | Sub A | 1000000 | 407600 | num(0.4076)
1.06.01.2.01.0002 | Sub B | 2000000 | 1000000 | num(0.5)
""")
    (t,) = h.tables
    assert t.angka["capaian_rp"].nilai == [40.76, 50.0]
    b = periksa_lembar([lembar_dari_nilai("T", grid("""
Kode | Uraian | Anggaran (Rp) | Realisasi (Rp) | % Realisasi
1.06.01.2.01.0001 | Sub A | 1000000 | 407600 | num(0.4076)
1.06.01.2.01.0002 | Sub B | 2000000 | 1000000 | num(0.5)
"""))], nama="x.xlsx")
    assert [f for f in b.findings if f.rule == "A007"] == []  # 0.4076 is 40.76 %, not 0.41 %


def test_generic_prefix_kode_is_the_offices_bidang():
    h = _baca("""
Kode | Uraian | Indikator | Satuan | Target 2024 | Pagu 2024
1.06 | DINAS SOSIAL | | | | 3.000.000
X.XX.01 | PROGRAM PENUNJANG | Persentase | % | 100 | 3.000.000
x.xx.01.2.01 | Perencanaan | Persentase | % | 100 | 3.000.000
X.XX.01.2.01.0001 | Penyusunan Dokumen | Jumlah Dokumen | Dokumen | 1 | 3.000.000
""")
    (t,) = h.tables
    assert t.kode == ["1.06", "1.06.01", "1.06.01.2.01", "1.06.01.2.01.0001"]
    assert all(i in t.kode_perbaikan for i in (1, 2, 3))
    b = periksa_lembar([lembar_dari_nilai("T", grid("""
Kode | Uraian | Indikator | Satuan | Target 2024 | Pagu 2024
1.06 | DINAS SOSIAL | | | | 3.000.000
X.XX.01 | PROGRAM PENUNJANG | Persentase | % | 100 | 3.000.000
x.xx.01.2.01 | Perencanaan | Persentase | % | 100 | 3.000.000
X.XX.01.2.01.0001 | Penyusunan Dokumen | Jumlah Dokumen | Dokumen | 1 | 3.000.000
"""))], nama="x.xlsx")
    assert [f for f in b.findings if f.severity == "error"] == []


def test_one_cause_on_many_rows_is_one_finding():
    rows = "\n".join(f"1.06.01.2.01.{n:04d} | Sub {n} | Jumlah Dokumen | Dokumen | {n} | 1.000.000 | | 2.000.000"
                     for n in range(1, 38))
    text = "Kode | Uraian | Indikator | Satuan | Target 2024 | Pagu 2024 | Target 2025 | Pagu 2025\n" + rows
    b = periksa_lembar([lembar_dari_nilai("T", grid(text))], Konfigurasi(select=["T004"]), nama="x.xlsx")
    (f,) = b.findings  # the 2025 target column is empty on all 37 sub kegiatan: one finding naming it
    assert f.rule == "T004" and "G" in f.message and "37 baris" in f.message and len(f.baris_lain) == 36


def test_a_user_column_map_reads_a_layout_no_heuristic_catches():
    from renja_xl.core.config import PetaTabel

    text = """
Nomor Kode | Nama | Ukuran | Besaran | Nilai
1.06.01.2.01.0001 | Sub A | Dokumen | 1 | 1.000.000
"""
    assert _baca(text).tables == []  # no header word says target or pagu
    peta = PetaTabel(sheet="T", jenis="rencana", kolom={"A": "kode", "B": "uraian", "C": "satuan", "D": "target 2024",
                                                         "E": "pagu 2024"}, sumber="renja-xl.toml")
    (t,) = baca_lembar([lembar_dari_nilai("T", grid(text))], "x.xlsx", [peta]).tables
    assert t.kind == "rencana" and t.angka["pagu 2024"].nilai == [1000000] and t.peta_sumber == "renja-xl.toml"
    assert "[[peta]]" in next(p.bukti for p in t.peta if p.huruf == "E")


def test_a_peta_kolom_sheet_in_the_workbook():
    data = lembar_dari_nilai("T", grid("""
Nomor Kode | Nama | Ukuran | Besaran | Nilai
1.06.01.2.01.0001 | Sub A | Dokumen | 1 | 1.000.000
"""))
    peta = lembar_dari_nilai("Peta Kolom", grid("""
Sheet | Jenis | Kolom | Peran
T | rencana | A | kode
T | rencana | D | target 2024
T | rencana | E | pagu 2024
"""))
    # trusted (the add-in on the user's own workbook, or a reviewer who trusts the submission): used
    (t,) = baca_lembar([data, peta], "x.xlsx", percayai_kiriman=True).tables
    assert t.peta_sumber == "sheet Peta Kolom" and t.angka["target 2024"].nilai == [1]
    # a submission's own map is its sender's claim: not used unless trusted, and E006 says it is there
    assert all(t.peta_sumber == "" for t in baca_lembar([data, peta], "x.xlsx").tables)
    from renja_xl.checker import periksa_lembar
    from renja_xl.core.config import Konfigurasi

    b = periksa_lembar([data, peta], Konfigurasi(select=["E006"]), "x.xlsx")
    (e006,) = b.findings
    assert e006.sheet == "Peta Kolom" and "tidak dipakai" in e006.message and "T: 3" in e006.message
    dipercaya = periksa_lembar([data, peta], Konfigurasi(select=["E006"], percayai_pengecualian=True), "x.xlsx")
    assert "dipakai (pemeriksa" in dipercaya.findings[0].message
    assert dipercaya.tables[0].peta_sumber == "sheet Peta Kolom"


def test_a_peta_kolom_sheet_cannot_hide_a_wrong_sum_unless_trusted():
    """A sender's map that sets the pagu column aside would silence A001: untrusted, it changes nothing."""
    from renja_xl.checker import periksa_lembar
    from renja_xl.core.config import Konfigurasi

    data = lembar_dari_nilai("Tabel 4.1", grid("""
Kode | Program/Kegiatan/Sub Kegiatan | Indikator | Satuan | Target 2024 | Pagu 2024
1.06.01.2.01 | Kegiatan | Jumlah Dokumen | Dokumen | 2 | 999
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 100
1.06.01.2.01.0002 | Sub B | Jumlah Dokumen | Dokumen | 1 | 200
"""))
    peta = lembar_dari_nilai("Peta Kolom", grid("""
Sheet | Jenis | Kolom | Peran
Tabel 4.1 | rencana | F | diabaikan
"""))
    biasa = periksa_lembar([data, peta], Konfigurasi(select=["A001", "E006"]), "x.xlsx")
    assert sorted(f.rule for f in biasa.findings) == ["A001", "E006"]
    percaya = periksa_lembar([data, peta], Konfigurasi(select=["A001", "E006"], percayai_pengecualian=True), "x.xlsx")
    assert [f.rule for f in percaya.findings] == ["E006"]


def test_relations_stated_in_the_number_row_are_kept_by_column_role():
    h = _baca("""
Kode | Uraian | Indikator | Satuan | Target Renja 2024 | | Realisasi Triwulan I | | Triwulan II | | Realisasi Renja 2024 |
1 | 2 | 3 | 4 | 8 | | 9 | | 10 | | 13 = 9 + 10 |
 | | | | K | Rp | K | Rp | K | Rp | K | Rp
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 4 | 400 | 1 | 100 | 1 | 100 | 2 | 200
""")
    (t,) = h.tables
    assert {(r.kolom, r.dari) for r in t.relasi} == {
        ("realisasi n", ("realisasi TW1", "realisasi TW2")), ("realisasi_rp n", ("realisasi_rp TW1", "realisasi_rp TW2"))}
    assert all(r.operasi == "jumlah" and r.teks == "13 = 9 + 10" for r in t.relasi)
