"""The reader on the seed workbook and the reference samples: kinds, header rows, columns, values."""

from __future__ import annotations

import pytest

from renja_xl.readers import BerkasTidakTerbaca, baca_berkas
from tests.conftest import tabel


def test_every_seed_table_is_recognised(seed_hasil):
    kinds = {(t.sheet, t.kind) for t in seed_hasil.tables}
    assert kinds == {
        ("Tabel 2.1", "evaluasi"), ("Realisasi 2024", "realisasi"), ("Tabel 2.2", "spm"),
        ("Tabel 2.3", "review"), ("Tabel 4.1", "rencana"), ("Tabel 4.2", "rencana"),
    }
    # Tabel 3.2 (tujuan/sasaran) is not a checked kind
    assert "Tabel 3.2" in seed_hasil.sheets


def test_tabel_4_1_structure(seed_hasil):
    t = tabel(seed_hasil, "Tabel 4.1")
    assert t.header_rows == [4, 5, 6] and t.first_row == 8
    assert t.years == [2024, 2025]
    assert t.columns["kode"] == "A:F" and t.columns["pagu 2024"] == "K" and t.columns["target 2025"] == "L"
    office = t.rows[0]
    assert office.kode == "1.06" and office.level == "bidang"
    assert office.pagu[2024].value == 4876245268 and office.pagu[2025].value == 5770500000
    by_kode = {r.kode: r for r in t.rows if r.kode}
    bahan = by_kode["1.06.01.2.06.06"]
    assert bahan.pagu[2024].value == 14400000 and bahan.pagu[2024].raw == "14.400.000,"
    assert by_kode["1.06.04.2.01.01"].target[2024].value == 50


def test_unreadable_codes_keep_their_cell(seed_hasil):
    t = tabel(seed_hasil, "Tabel 4.1")
    bad = {r.kode_asli: r for r in t.rows if r.kode_galat}
    assert set(bad) == {"1 | 06 | 01 | 06 | 2 | 01", "1 | 06 | 01 | 2 | 09 | ##"}
    assert bad["1 | 06 | 01 | 2 | 09 | ##"].kode_cell == "F40"  # line 40 of 41_tabel_4_1.csv
    assert bad["1 | 06 | 01 | 06 | 2 | 01"].kode_cell == "D10"


def test_tabel_4_2_ambiguous_pagu(seed_hasil):
    t = tabel(seed_hasil, "Tabel 4.2")
    dpa = next(r for r in t.rows if r.kode == "1.06.01.2.01.04")
    assert dpa.pagu[2024].value is None and "1.181925" in dpa.pagu[2024].error
    assert dpa.kode_perbaikan == ["'l'→'1'"]


def test_tabel_2_1_columns_from_the_number_row(seed_hasil):
    t = tabel(seed_hasil, "Tabel 2.1")
    assert t.columns["kolom 4"] == "H" and t.columns["kolom 8"] == "P" and t.columns["kolom 11"] == "U"
    surat = next(r for r in t.rows if r.uraian == "Penyediaan Jasa Surat Menyurat")
    assert surat.kode is None and "2,1" in surat.kode_galat
    assert (surat.kolom[6].value, surat.kolom[7].value, surat.kolom[8].value) == (1500, 1667, 90)
    assert surat.satuan_kolom[4].text == "Surat"


def test_realisasi_amounts_as_text(seed_hasil):
    t = tabel(seed_hasil, "Realisasi 2024")
    rkap = next(r for r in t.rows if r.kode == "1.06.01.2.01.03")
    assert rkap.anggaran.value == 1226155 and rkap.anggaran.raw == "Rp.1. 226.155,-"
    assert t.years == [2024]


def test_sipd_sample_is_a_plan_table(samples_dir):
    hasil = baca_berkas(samples_dir / "sipd_subkegiatan_pasangkayu_2024.xlsx")
    (t,) = hasil.tables
    assert t.kind == "rencana" and len(t.rows) == 44
    assert t.years == [2024]
    evaluasi = next(r for r in t.rows if r.kode == "1.03.01.2.01.0007")
    assert evaluasi.target[2024].value == 1 and evaluasi.satuan.text == "Laporan"
    assert sum(1 for r in t.rows if r.target[2024].kosong and r.pagu[2024].value is not None) == 36


def test_rka_sample_has_no_renja_table(samples_dir):
    assert baca_berkas(samples_dir / "rka_rincian_belanja_contoh.xlsx").tables == []


@pytest.mark.parametrize(
    ("content", "jenis"),
    [(b"", "rusak"), (b"hello, this is text", "bukan-spreadsheet"), (b"PK\x03\x04broken zip", "rusak")],
)
def test_broken_files_raise_with_reason(tmp_path, content, jenis):
    p = tmp_path / "x.xlsx"
    p.write_bytes(content)
    with pytest.raises(BerkasTidakTerbaca) as exc:
        baca_berkas(p)
    assert exc.value.jenis == jenis


def test_truncated_seed(tmp_path, seed_xlsx):
    p = tmp_path / "potong.xlsx"
    p.write_bytes(seed_xlsx.read_bytes()[:6000])
    with pytest.raises(BerkasTidakTerbaca) as exc:
        baca_berkas(p)
    assert "terpotong" in exc.value.alasan
