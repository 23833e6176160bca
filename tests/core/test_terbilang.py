"""Rupiah in words, checked against amounts of the seed Renja and the language's irregular forms."""

import pytest

from renja_xl.core.terbilang import BATAS, terbilang, terbilang_rupiah


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (101000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (10_000_000, "sepuluh juta"),
        (1_000_000_000, "satu miliar"),
        (1_000_000_000_000, "satu triliun"),
        (1_000_000_000_000_000, "satu kuadriliun"),
        (2_000_000_001, "dua miliar satu"),
    ],
)
def test_words(n, kata):
    assert terbilang(n) == kata


def test_seed_amounts():
    # Tabel 4.1, DINAS SOSIAL pagu 2024 and the sub kegiatan Koordinasi dan Penyusunan Dokumen RKA-SKPD
    assert terbilang_rupiah(4_876_245_268) == (
        "empat miliar delapan ratus tujuh puluh enam juta dua ratus empat puluh lima ribu "
        "dua ratus enam puluh delapan rupiah"
    )
    assert terbilang_rupiah(1_185_270) == "satu juta seratus delapan puluh lima ribu dua ratus tujuh puluh rupiah"
    assert terbilang_rupiah(5_770_500_000) == "lima miliar tujuh ratus tujuh puluh juta lima ratus ribu rupiah"


def test_fractions_round_half_up_like_format_rupiah():
    assert terbilang(1234.5) == "seribu dua ratus tiga puluh lima"
    assert terbilang(1234.49) == "seribu dua ratus tiga puluh empat"
    assert terbilang(0.4) == "nol"
    assert terbilang(1000.0) == "seribu"


def test_negative_and_limits():
    assert terbilang(-1500) == "minus seribu lima ratus"
    assert terbilang(BATAS - 1).startswith("sembilan ratus sembilan puluh sembilan kuadriliun")
    with pytest.raises(ValueError):
        terbilang(BATAS)
    with pytest.raises(ValueError):
        terbilang(float("nan"))
    with pytest.raises(TypeError):
        terbilang("1000")
    with pytest.raises(TypeError):
        terbilang(True)
