"""The reader's kode of a row (readers.kode_kolom) must be the core's full reading of its cells, and its
memo must never mix up cells that compare equal (TRUE and 1, 1.0 and 1)."""

import random

import pytest

from renja_xl.core.kode import parse_kode_cells
from renja_xl.readers import kode_kolom


def _penuh(cells, widths):
    """What the reader should give for split cells: the core's full reading."""
    b = parse_kode_cells(cells, widths)
    return b


@pytest.mark.parametrize("cells, widths", [
    (("1", "06", "01", "2", "01", "0001"), (1, 1, 1, 1, 1, 1)),
    (("1", "06", "01", "2.01", "0001"), (1, 1, 1, 2, 1)),
    (("1", "06", "01", "", ""), (1, 1, 1, 2, 1)),
    (("1", "06", "01", None, None, None), (1, 1, 1, 1, 1, 1)),
    (("1", "06", "01", "2", "01", "04"), None),
    ((1, 6, 1, 2, 1, 1), None),          # numbers that lost their zeros
    (("1", "6", "01", "2", "01", "0001"), (1, 1, 1, 1, 1, 1)),
    (("1", "06", "01", "2.01", "0001"), (1, 1, 1, 1, 1, 1)),  # a cell with the wrong number of parts
    (("1", "", "01"), None),
    (("l", "06", "01"), None),
])
def test_split_cells_read_as_the_core_reads_them(cells, widths):
    got = kode_kolom._baca_segmen(kode_kolom._kunci_tipe(cells), widths, None, tuple(range(len(cells))))
    b = _penuh(cells, widths)
    if b.kode is not None:
        assert (got.kode, got.kunci, got.level) == (b.kode.teks, b.kode.kunci, b.kode.level)
        assert got.perbaikan == tuple(b.perbaikan)
        assert got.galat is None
    elif b.galat:
        assert got.kode is None and got.galat[0] == b.galat and got.galat[2] == b.awalan
    else:
        assert got.kode is None and got.galat is None


def test_random_split_cells_agree_with_the_core():
    pool = ["1", "06", "6", "01", "1.06", "2", "2.01", "2.1", "0001", "001", "12", "##", "l", "O1", " 01", "",
            None, 6, 2.1, "2,1", "1.06.01", "1..2", ".01", "01.", "１", True, 1, 1.0]
    widths_options = [None, (1, 1, 1, 1, 1, 1), (1, 1, 1, 2, 1), (2, 1, 2, 1), (1, 1, 1, 1, 1)]
    rnd = random.Random(11)
    for _ in range(5000):
        cells = tuple(rnd.choice(pool) for _ in range(rnd.randint(2, 6)))
        widths = rnd.choice(widths_options)
        got = kode_kolom._baca_segmen(kode_kolom._kunci_tipe(cells), widths, None, tuple(range(len(cells))))
        b = parse_kode_cells(cells, widths)
        if b.kode is not None:
            assert got.kode == b.kode.teks, (cells, widths)
        else:
            assert got.kode is None, (cells, widths)


@pytest.mark.parametrize("teks, bidang, kode, perbaikan", [
    ("x.xx.01.2.01.0001", "1.03", "1.03.01.2.01.0001", "kode umum"),   # the generic support program
    ("X.XX.01", "1.06", "1.06.01", "kode umum"),
    ("1.3.02", None, "1.03.02", "bidang '3'→'03'"),                   # a bidang that lost its zero
    (1.3, None, "1.03", "angka 1.3"),                                   # the same, typed as a number
    (2.1, None, "2.10", "angka 2.1"),                                   # urusan 2 has bidang 10, not 01
])
def test_certain_repairs_of_whole_kode_cells(teks, bidang, kode, perbaikan):
    got = kode_kolom._baca_penuh(kode_kolom._kunci_tipe((teks,))[0], bidang, 0)
    assert got.kode == kode and got.galat is None
    assert any(perbaikan in p for p in got.perbaikan), got.perbaikan


def test_an_unknown_bidang_is_not_repaired():
    got = kode_kolom._baca_penuh("9.7.01", None, 0)  # neither 9.07 nor 9.70 is a bidang
    assert got.kode is None and got.galat


def test_a_sentence_in_a_kode_cell_is_not_a_kode_error():
    got = kode_kolom._baca_penuh("6. Disiplin dan motivasi ASN yang masih fluktuatif", None, 0)
    assert got.kode is None and got.galat is None


def test_a_true_cell_is_not_read_as_the_number_1_after_a_workbook_that_had_1():
    """TRUE equals 1 as a memo key; a kode cell holding TRUE must still be refused (K001) even when
    an earlier workbook in the same process had the number 1 in the same place (a batch worker)."""
    from renja_xl.checker import periksa_lembar
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
    assert pertama.tables[0].kode[0] == "1.06.01.2.01.0001"
    assert not [t for t in pertama.findings if t.rule == "K001"]
    kedua = periksa_lembar(buku(True), nama="dua.xlsx")
    t = kedua.tables[0]
    assert t.kode[0] is None and "True" in t.kode_galat[0][0]
    assert [f.cell for f in kedua.findings if f.rule == "K001"] == ["A2"]
    # the core's memoised reading of split cells makes the same distinction
    assert parse_kode_cells((1, "06", "01", "2", "01", "0001")).kode is not None
    assert parse_kode_cells((True, "06", "01", "2", "01", "0001")).galat
