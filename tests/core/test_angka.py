"""Indonesian number notation, on strings taken from the seed Renja (Dinas Sosial Kab. Luwu 2024)."""

import pytest

from renja_xl.core.angka import AngkaTidakValid, baca_angka, format_angka, format_persen, format_rupiah, parse_angka


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("Rp. 1.185.270,-", 1185270),          # §2.1 narrative
        ("Rp.1. 226.155,-", 1226155),          # space inside a grouped number
        ("Rp 13.882.907,-", 13882907),
        ("Rp. 0,-", 0),
        ("Rp. 00,-", 0),
        ("14.400.000,", 14400000),             # Tabel 4.1 trailing comma
        ("4.876.245.268", 4876245268),         # Tabel 4.1 office total
        ("79,71", 79.71),                      # Tabel 2.2 ratio
        ("3,23", 3.23),
        ("100.00 %", 100),                     # Tabel 2.3, SIPD style
        ("100 %", 100),
        ("0%", 0),
        ("60.000", 60000),
        ("1500", 1500),
        ("14.085.701,-", 14085701),            # Tabel 2.3 kebutuhan dana
        ("1.000,50", 1000.5),
        ("0,125", 0.125),
        (1185270.0, 1185270),
        (79.71, 79.71),
    ],
)
def test_reads_seed_notation(teks, nilai):
    got = baca_angka(teks)
    assert got == nilai
    assert type(got) is type(nilai)


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("1.181925", "titik-ambigu"),     # Tabel 4.2, DPA-SKPD pagu
        ("2.1500.000", "kelompok-ribuan"),
        ("16.576 24.481", "dua-angka"),   # Tabel 2.1, two indicators in one cell
        ("16,526", "koma-ambigu"),        # §2.2 narrative: comma as thousands, or a decimal?
        ("Rp 1,2,3", "pemisah-salah"),
        ("1,234.56", "pemisah-salah"),
        ("Dok", "bukan-angka"),
        ("12 Jenis", "bukan-angka"),      # value and unit in one cell: not a bare number
    ],
)
def test_refuses_ambiguous_text_with_reason(teks, alasan):
    hasil = parse_angka(teks)
    assert hasil.nilai is None
    assert hasil.galat is not None and hasil.galat.alasan == alasan
    assert teks in hasil.galat.pesan
    with pytest.raises(AngkaTidakValid):
        baca_angka(teks)


@pytest.mark.parametrize("teks", [None, "", "  ", "-", "%", "–"])
def test_placeholders_are_empty_not_errors(teks):
    hasil = parse_angka(teks)
    assert hasil.kosong


def test_percent_flag():
    assert parse_angka("100.00 %").persen
    assert not parse_angka("100").persen


def test_format_back_the_indonesian_way():
    assert format_angka(1185270) == "1.185.270"
    assert format_angka(79.713, 2) == "79,71"
    assert format_angka(-2500) == "-2.500"
    assert format_angka(0.004, 2) == "0,00"
    assert format_rupiah(28263416) == "Rp 28.263.416"
    assert format_rupiah(-16) == "-Rp 16"
    assert format_persen(100) == "100%"
    assert format_persen(79.7133) == "79,71%"


@pytest.mark.parametrize("n", [0, 7, 999, 1000, 1185270, 4876245268, 12.5, 79.71, 1000.5])
def test_round_trip(n):
    desimal = 0 if float(n).is_integer() else 2
    assert baca_angka(format_angka(n, desimal)) == n


@pytest.mark.parametrize("teks", [
    "1.185.270", "250", "007", "0", "1.000.000.000", "١٢٣", "1.2345", "12.34", "1.000\n", " 1.000",
    "1000.000", "1.00.000", "99.999", "-1.000", "Rp 1.185.270,-", "Rp1.185.270", "RP. 1.000", "rp 250,-",
    "Rp 1.185.270,00", "Rp 1,185,270", "Rp 1.18527,-", "Rp  1.000", "1.000,-",
])
def test_whole_number_shortcut_reads_what_the_full_reading_reads(teks):
    """parse_angka reads a plain or dot-grouped whole number directly; the full reading of the same
    text (memoised _parse_teks, which the shortcut skips) must give the same result."""
    from renja_xl.core.angka import _parse_teks

    assert parse_angka(teks) == _parse_teks(teks)
