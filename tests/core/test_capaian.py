"""Capaian formulas and predikat, with the seed's own numbers."""

import pytest

from renja_xl.core.capaian import SKALA_BERHASIL, SkalaPredikat, capaian, predikat, tingkat_realisasi


def test_tingkat_realisasi_seed_rows():
    # Tabel 2.1, Penyediaan Jasa Surat Menyurat: target 1500, realisasi 1667 (the table states 90)
    assert tingkat_realisasi(1667, 1500) == pytest.approx(111.133, abs=1e-3)
    # Tabel 2.2 row 8: 40.200 / 50.431
    assert round(tingkat_realisasi(40200, 50431), 2) == 79.71


@pytest.mark.parametrize("target", [0, 0.0, None])
def test_zero_or_empty_target_is_no_value(target):
    assert tingkat_realisasi(5, target) is None
    assert capaian(5, target) is None
    assert capaian(5, target, "negatif") is None


def test_empty_realisasi_is_no_value():
    assert capaian(None, 10) is None


def test_negative_polarity_formulas():
    # angka kejadian: target 20, realisasi 15 (lower is better)
    assert capaian(15, 20, "negatif") == pytest.approx(125.0)
    assert capaian(15, 20, "negatif", "t/r") == pytest.approx(133.333, abs=1e-3)
    assert capaian(15, 20, "negatif", "(t-r)/t") == pytest.approx(25.0)
    assert capaian(0, 20, "negatif", "t/r") is None
    with pytest.raises(ValueError):
        capaian(1, 2, "negatif", "r/t")
    with pytest.raises(ValueError):
        capaian(1, 2, "sideways")


@pytest.mark.parametrize(
    ("c", "label"),
    [(50, "Sangat Rendah"), (51, "Rendah"), (65, "Rendah"), (66, "Sedang"), (75, "Sedang"), (76, "Tinggi"),
     (90, "Tinggi"), (90.5, "Tinggi"), (91, "Sangat Tinggi"), (100, "Sangat Tinggi"), (150, "Sangat Tinggi"),
     (None, None)],
)
def test_predikat_boundaries(c, label):
    assert predikat(c) == label


def test_other_scales():
    assert predikat(100, SKALA_BERHASIL) == "Sangat Berhasil"
    assert predikat(74.9, SKALA_BERHASIL) == "Cukup Berhasil"
    assert predikat(54, SKALA_BERHASIL) == "Kurang Berhasil"
    assert predikat(80, [(80, "Baik"), (60, "Cukup")]) == "Baik"
    assert SkalaPredikat(batas={"A": 90, "B": 70}).nilai(75) == "B"
    with pytest.raises(ValueError):
        SkalaPredikat(batas=((50, "x"), (60, "y")))
