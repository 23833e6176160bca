"""The reader's shortcut for clean kode cells must give exactly the fields the full reading gives."""

import pytest

from renja_xl.core.kode import parse_kode_cells
from renja_xl.readers import tables


def _lengkap(cells, widths):
    """The row fields from the full reading (parse_kode_cells), as the reader stores them."""
    b = parse_kode_cells(cells, widths)
    out = {"kode_asli": b.asli}
    if b.kode is not None:
        induk = b.kode.induk
        out.update(kode=b.kode.teks, kode_kunci=b.kode.kunci, level=b.kode.level, kode_perbaikan=b.perbaikan,
                   induk_kunci=induk.kunci if induk is not None else None)
    return out


@pytest.mark.parametrize("cells, widths", [
    (("1.06.01.2.01.0001",), None),
    (("1.06.01.2.01.01",), None),
    (("1.06.01.2.01",), None),
    (("1.06.01",), None),
    (("1.06",), None),
    (("1", "06", "01", "2", "01", "0001"), (1, 1, 1, 1, 1, 1)),
    (("1", "06", "01", "2.01", "0001"), (1, 1, 1, 2, 1)),
    (("1", "06", "01", "", ""), (1, 1, 1, 2, 1)),
    (("1", "06", "01", None, None, None), (1, 1, 1, 1, 1, 1)),
    (("1", "06", "01", "2", "01", "04"), None),
    (("1.06.01.2.01.0001", "", None), (1, 1, 1)),
])
def test_clean_kode_shortcut_matches_full_reading(cells, widths):
    cepat = tables._kode_bersih(cells, widths)
    assert cepat is not None, "a clean kode takes the shortcut"
    assert cepat == _lengkap(cells, widths)


@pytest.mark.parametrize("cells, widths", [
    (("l.06.01.2.01.0001",), None),      # a look-alike letter: repaired and reported
    ((1, 6, 1, 2, 1, 1), None),          # numbers that lost their zeros
    (("1", "6", "01", "2", "01", "0001"), (1, 1, 1, 1, 1, 1)),
    (("1", "06", "01", "2.01", "0001"), (1, 1, 1, 1, 1, 1)),  # a cell with the wrong number of parts
    (("1 .06.01",), None),
    (("1.06.01.2.09.##",), None),
    (("1", "", "01"), None),
    (("", "", ""), None),
    (("1",), None),
])
def test_anything_unusual_goes_to_the_full_reading(cells, widths):
    assert tables._kode_bersih(cells, widths) is None
    sel, fields = tables._kode_info(cells, widths)
    expected = _lengkap(cells, widths)
    b = parse_kode_cells(cells, widths)
    if b.galat:
        assert fields["kode_galat"] == b.galat and fields["kode_awalan"] == b.awalan
    else:
        assert fields == expected
    assert sel == (b.sel or 0)


def test_row_fields_agree_with_the_full_reading_on_random_cells():
    """Random kode cells (clean, damaged, numbers, blanks) in every layout: wherever the shortcut
    answers, its fields are those of the full reading."""
    import random

    pool = ["1", "06", "6", "01", "1.06", "2", "2.01", "2.1", "0001", "001", "12", "##", "l", "O1", " 01", "",
            None, 6, 2.1, "2,1", "1.06.01", "1.06.01.2.01.01", "1.06.01.2.01.0001", "1..2", ".01", "01.", "１"]
    widths_options = [None, (1, 1, 1, 1, 1, 1), (1, 1, 1, 2, 1), (2, 1, 2, 1), (1, 1, 1, 1, 1)]
    rnd = random.Random(11)
    answered = 0
    for _ in range(20000):
        cells = tuple(rnd.choice(pool) for _ in range(rnd.randint(1, 6)))
        widths = rnd.choice(widths_options)
        cepat = tables._kode_bersih(cells, widths)
        if cepat is not None:
            answered += 1
            assert cepat == _lengkap(cells, widths), (cells, widths)
    assert answered > 300  # the shortcut is really taken


def test_a_true_cell_is_not_read_as_the_number_1_after_a_workbook_that_had_1():
    """TRUE equals 1 as a memo key; a kode cell holding TRUE must still be refused (K001) even when
    an earlier workbook in the same process had the number 1 in the same place (a batch worker)."""
    from renja_xl.checker import periksa_lembar
    from renja_xl.core.kode import parse_kode_cells
    from renja_xl.readers.workbook import lembar_dari_nilai
    from tests.rules.tiny import grid

    def buku(urusan):
        g = grid("""
Kode | | | | | | Program/Kegiatan/Sub Kegiatan | Indikator | Satuan | Target 2024 | Pagu 2024
1 | 06 | 01 | 2 | 01 | 0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 10
""")
        g[1][0] = urusan
        return [lembar_dari_nilai("Tabel 4.1", g)]

    pertama = periksa_lembar(buku(1.0), nama="satu.xlsx")
    assert pertama.tables[0].rows[0].kode == "1.06.01.2.01.0001"
    assert not [t for t in pertama.findings if t.rule == "K001"]
    kedua = periksa_lembar(buku(True), nama="dua.xlsx")
    row = kedua.tables[0].rows[0]
    assert row.kode is None and "True" in row.kode_galat
    assert [t.cell for t in kedua.findings if t.rule == "K001"] == ["A2"]
    # the core's memoised reading of split cells makes the same distinction
    assert parse_kode_cells((1, "06", "01", "2", "01", "0001")).kode is not None
    assert parse_kode_cells((True, "06", "01", "2", "01", "0001")).galat
