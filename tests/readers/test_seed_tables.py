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


def _baris(t, kode):
    return next(i for i in range(t.n) if t.kode[i] == kode)


def test_tabel_4_1_structure(seed_hasil):
    t = tabel(seed_hasil, "Tabel 4.1")
    assert t.header_rows == [4, 5, 6] and t.first_row == 8
    assert t.years == [2024, 2025]
    assert t.columns["kode"] == "A:F" and t.columns["pagu 2024"] == "K" and t.columns["target 2025"] == "L"
    assert t.kode[0] == "1.06" and t.level[0] == "bidang"
    pagu24, pagu25 = t.angka["pagu 2024"], t.angka["pagu 2025"]
    assert pagu24.nilai[0] == 4876245268 and pagu25.nilai[0] == 5770500000
    bahan = _baris(t, "1.06.01.2.06.06")
    assert pagu24.nilai[bahan] == 14400000 and pagu24.mentah[bahan] == "14.400.000,"
    assert t.angka["target 2024"].nilai[_baris(t, "1.06.04.2.01.01")] == 50


def test_unreadable_codes_keep_their_cell(seed_hasil):
    t = tabel(seed_hasil, "Tabel 4.1")
    bad = {t.kode_asli[i]: i for i in t.kode_galat}
    assert set(bad) == {"1 | 06 | 01 | 06 | 2 | 01", "1 | 06 | 01 | 2 | 09 | ##"}
    assert t.kode_sel[bad["1 | 06 | 01 | 2 | 09 | ##"]] == "F40"  # line 40 of 41_tabel_4_1.csv
    assert t.kode_sel[bad["1 | 06 | 01 | 06 | 2 | 01"]] == "D10"


def test_tabel_4_2_ambiguous_pagu(seed_hasil):
    t = tabel(seed_hasil, "Tabel 4.2")
    dpa = _baris(t, "1.06.01.2.01.04")
    pagu = t.angka["pagu 2024"]
    assert pagu.nilai[dpa] is None and "1.181925" in pagu.galat[dpa][0]
    assert t.kode_perbaikan[dpa] == ("'l'→'1'",)


def test_tabel_2_1_columns_from_the_number_row(seed_hasil):
    t = tabel(seed_hasil, "Tabel 2.1")
    assert t.columns["kolom 4"] == "H" and t.columns["kolom 8"] == "P" and t.columns["kolom 11"] == "U"
    surat = next(i for i in range(t.n) if t.uraian[i] == "Penyediaan Jasa Surat Menyurat")
    assert t.kode[surat] is None and "2,1" in t.kode_galat[surat][0]
    k = {n: t.angka[f"kolom {n}"] for n in (6, 7, 8, 4)}
    assert (k[6].nilai[surat], k[7].nilai[surat], k[8].nilai[surat]) == (1500, 1667, 90)
    assert k[4].satuan.teks[surat] == "Surat"


def test_realisasi_amounts_as_text(seed_hasil):
    t = tabel(seed_hasil, "Realisasi 2024")
    rkap = _baris(t, "1.06.01.2.01.03")
    assert t.angka["pagu"].nilai[rkap] == 1226155 and t.angka["pagu"].mentah[rkap] == "Rp.1. 226.155,-"
    assert t.years == [2024]


def test_sipd_sample_is_a_plan_table(samples_dir):
    hasil = baca_berkas(samples_dir / "sipd_subkegiatan_pasangkayu_2024.xlsx")
    (t,) = hasil.tables
    assert t.kind == "rencana" and t.n == 44
    assert t.years == [2024]
    evaluasi = _baris(t, "1.03.01.2.01.0007")
    target, pagu = t.angka["target 2024"], t.angka["pagu 2024"]
    assert target.nilai[evaluasi] == 1 and t.satuan[evaluasi] == "Laporan"
    assert sum(1 for i in range(t.n) if target.nilai[i] is None and pagu.nilai[i] is not None) == 36


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
