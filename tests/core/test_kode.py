"""Kode parsing on the codes of the seed Renja, dotted and split over cells."""

import pytest

from renja_xl.core.kode import ALASAN_KODE, Kode, infer_segment_widths, parse_kode, parse_kode_cells


@pytest.mark.parametrize(
    ("teks", "kode", "level"),
    [
        ("1.06.01.2.01.0001", "1.06.01.2.01.0001", "sub_kegiatan"),
        ("1.06.01.2.01.01", "1.06.01.2.01.01", "sub_kegiatan"),   # 2-digit sub kegiatan stays as written
        ("1.06.01.2.01", "1.06.01.2.01", "kegiatan"),
        ("1.06.01", "1.06.01", "program"),
        ("1.06", "1.06", "bidang"),
        ("1.06. 01.2.01", "1.06.01.2.01", "kegiatan"),            # stray space
        ("1 06 01 2 01 01", "1.06.01.2.01.01", "sub_kegiatan"),   # spaces as separators
    ],
)
def test_dotted(teks, kode, level):
    hasil = parse_kode(teks)
    assert hasil.galat is None
    assert hasil.kode.teks == kode
    assert hasil.kode.level == level


def test_lookalikes_are_fixed_and_reported():
    hasil = parse_kode("l.06.O1.2.01.0001")
    assert hasil.kode.teks == "1.06.01.2.01.0001"
    assert "'l'→'1'" in hasil.perbaikan and "'O'→'0'" in hasil.perbaikan
    cyr = parse_kode("1.\u041e6.01")  # Cyrillic О
    assert cyr.kode.teks == "1.06.01" and cyr.perbaikan


def test_non_ascii_digits_are_repaired_and_said_never_kept():
    """A full-width or Arabic-Indic digit is a digit to a regex's \\d but not to the nomenclature."""
    for teks in ("\uff11.06.01", "\u0661.\u0660\u0666.\u0660\u0661"):
        hasil = parse_kode(teks)
        assert hasil.kode.teks == "1.06.01" and hasil.kode.segmen[0].isascii() and hasil.perbaikan
    split = parse_kode_cells(["\uff11", "06", "01"])
    assert split.kode.teks == "1.06.01" and split.perbaikan
    sup = parse_kode("1.0\u00b2")  # a superscript two is not a digit of a kode
    assert sup.kode is None and sup.galat


@pytest.mark.parametrize(
    ("teks", "alasan", "kata"),
    [
        ("##", "pagar", "#"),                  # Tabel 4.1: column too narrow when printed
        ("2,1", "koma", "koma"),              # Tabel 2.1: Excel turned 2.10 into 2,1
        (2.1, "angka_desimal", "desimal"),    # the same stored as a number
        ("1 06 01 06 2 01", "lebar_segmen", "kegiatan (K) '06'"),  # Tabel 4.1 kegiatan row
        ("1.06.01.2", "tidak_lengkap", "tidak lengkap"),
        ("1.6.01.2.01", "lebar_segmen", "bidang '6'"),   # inside dotted text a short segment is not guessed
        ("1.06.01.2.01.001", "lebar_segmen", "sub kegiatan"),
        ("1.06.01.2.01.0001.1", "segmen_berlebih", "6"),
        ("X.XX.01", "bukan_angka", "bukan angka"),
        ("1..06", "segmen_kosong", "kosong"),
        ("1.0 6.01", "spasi", "spasi"),
    ],
)
def test_rejects_with_reason(teks, alasan, kata):
    hasil = parse_kode(teks)
    assert hasil.kode is None
    assert hasil.alasan == alasan and alasan in ALASAN_KODE
    assert kata in hasil.galat


@pytest.mark.parametrize(
    ("cells", "alasan"),
    [
        (["1", "", "01"], "sel_kosong"),
        (["1", 6.1, "01"], "angka_desimal"),
        (["1", "0#", "01"], "pagar"),
        (["1", "06", "0,1"], "koma"),
    ],
)
def test_split_cells_reject_with_reason(cells, alasan):
    hasil = parse_kode_cells(cells)
    assert hasil.kode is None and hasil.alasan == alasan and hasil.sel is not None


def test_split_cells_of_tabel_4_1():
    assert parse_kode_cells(["1", "06", "01", "2", "01", "01"]).kode.teks == "1.06.01.2.01.01"
    assert parse_kode_cells(["1", "06", "01", "", "", ""]).kode.level == "program"
    bad = parse_kode_cells(["1", "06", "01", "06", "2", "01"])
    assert bad.kode is None and "'06' harus 1 digit" in bad.galat
    hash_ = parse_kode_cells(["1", "06", "01", "2", "09", "##"])
    assert hash_.kode is None and "#" in hash_.galat
    assert parse_kode_cells(["", "", "", "", "", ""]).kosong


def test_split_cells_of_tabel_4_2_lowercase_l():
    hasil = parse_kode_cells(["l", "06", "01", "2", "01", "04"])
    assert hasil.kode.teks == "1.06.01.2.01.04"
    assert hasil.perbaikan == ("'l'→'1'",)


def test_split_cells_lost_leading_zeros():
    hasil = parse_kode_cells([1, 6, 4, 2, 9])  # numbers: Excel dropped the zeros
    assert hasil.kode.teks == "1.06.04.2.09"
    assert "'6'→'06'" in hasil.perbaikan


def test_tabel_2_1_layout_needs_segment_widths():
    widths = [1, 1, 1, 2, 1]  # U | BB | PP | K.KK | SS
    assert parse_kode_cells(["1", "06", "01", "2.01", "01"], widths).kode.teks == "1.06.01.2.01.01"
    # "1 | 06 | 01 | 2 | 01": the K.KK cell holds only "2" — not the kegiatan 1.06.01.2.01
    gaji = parse_kode_cells(["1", "06", "01", "2", "01"], widths)
    assert gaji.kode is None and "harus berisi 2 segmen" in gaji.galat
    # "1 | 06 | 01 | 2,1 | 02": a number 2.1 in the K.KK cell
    comma = parse_kode_cells(["1", "06", "01", 2.1, "02"], widths)
    assert comma.kode is None and "2,1" in comma.galat and "angka desimal" in comma.galat
    six = parse_kode_cells(["1", "6", "05", "2", "03"], widths)
    assert six.kode is None


def test_infer_segment_widths():
    cols = [["1", "1", "1"], ["06", "06", "06"], ["01", "01", "01"], ["2.01", "2.06", 2.1], ["01", "", "02"]]
    assert infer_segment_widths(cols) == [1, 1, 1, 2, 1]
    six = [["1"], ["06"], ["01"], ["2"], ["01"], ["01"]]
    assert infer_segment_widths(six) == [1, 1, 1, 1, 1, 1]
    assert infer_segment_widths([["1.06.01.2.01.0001"]]) == [6]


def test_parent_and_key():
    k = parse_kode("1.06.01.2.01.01").kode
    assert k.induk.teks == "1.06.01.2.01"
    assert k.induk.induk.teks == "1.06.01"
    assert k.induk.induk.induk.teks == "1.06"
    assert [a.teks for a in k.leluhur()] == ["1.06.01.2.01", "1.06.01", "1.06", "1"]
    assert k.kunci == "1.06.01.2.01.0001" == parse_kode("1.06.01.2.01.0001").kode.kunci
    assert k.adalah_turunan(Kode(("1", "06", "01")))


def test_the_fast_reading_of_clean_split_cells_gives_what_the_full_reading_gives():
    """parse_kode_cells reads the common case (clean digit cells) on a fast path; whenever it answers,
    it must answer exactly as the full reading does, repairs and errors included."""
    import itertools
    import random

    from renja_xl.core.kode import _kode_bersih, _kode_cells_lengkap

    pool = ["1", "06", "6", "01", "1.06", "2", "2.01", "2.1", "01", "0001", "001", "1", "12", "123", "##", "l",
            "O1", " 01", "01 ", "", None, 6, 2.1, 1.0, "2,1", "1.06.01", "1..2", ".01", "01.", "0l", "１"]
    widths_options = [None, [1, 1, 1, 1, 1, 1], [1, 1, 1, 2, 1], [2, 1, 2, 1], [1, 1, 1, 1, 1]]
    rnd = random.Random(7)
    answered = 0
    cases = [list(c) for c in itertools.product(["1", "1.06"], ["06", "01"], ["01", "6"], ["2", "2.01"])]
    cases += [[rnd.choice(pool) for _ in range(rnd.randint(1, 6))] for _ in range(20000)]
    for cells in cases:
        for widths in widths_options:
            fast = _kode_bersih(cells, widths)
            if fast is not None:
                answered += 1
                assert fast == _kode_cells_lengkap(cells, widths), (cells, widths)
    assert answered > 300  # the fast path is really taken


def test_the_fast_path_on_the_seed_rows(seed_hasil):
    from dataclasses import replace

    from renja_xl.core.kode import _kode_cells_lengkap, parse_kode_cells
    from renja_xl.readers.kepala import cari_blok
    from renja_xl.readers.kode_kolom import tata_kode
    from renja_xl.readers.peta import ciri_blok

    checked = 0
    for sh in seed_hasil.lembar:
        for blok in cari_blok(sh):
            cols = tata_kode(blok, ciri_blok(blok), None).segmen
            if len(cols) < 2:
                continue
            for r in range(blok.data_start, blok.data_end):
                cells = [sh.nilai(r, c) for c in cols]
                # the public reading adds the readable leading segments of an unreadable kode
                assert replace(parse_kode_cells(cells), awalan=None) == _kode_cells_lengkap(cells)
                checked += 1
    assert checked > 150


def test_the_fast_reading_of_a_clean_dotted_kode_gives_what_the_full_reading_gives():
    import random
    from dataclasses import replace

    from renja_xl.core.kode import _parse_kode, _parse_kode_lengkap

    rnd = random.Random(11)
    parts = ["1", "06", "6", "01", "2", "0001", "01", "001", "12345", ""]
    answered = 0
    for _ in range(20000):
        text = ".".join(rnd.choice(parts) for _ in range(rnd.randint(1, 7)))
        text = rnd.choice(["", " ", "l", "."]) + text if rnd.random() < 0.1 else text
        # the full reading's result, plus the readable leading segments of an unreadable kode
        assert replace(_parse_kode(text), awalan=None) == _parse_kode_lengkap(text), text
        answered += _parse_kode_lengkap(text).kode is not None
    assert answered > 1000


def test_segment_widths_take_each_columns_most_common_part_count():
    """infer_segment_widths against a plain statement of its rule, on random columns with padding,
    stray dots, blanks, numbers and decimals: each column's most common number of dotted parts (the
    first seen wins a tie; decimals and blanks say nothing), accepted when the columns make 5 or 6."""
    import random

    def aturan(columns):
        widths = []
        for col in columns:
            parts = []
            for v in col:
                if isinstance(v, str):
                    t = v.strip().strip(".")
                    if t:
                        parts.append(t.count(".") + 1)
                elif v is not None and not (isinstance(v, float) and not v.is_integer()):
                    parts.append(1)
            widths.append(max(parts, key=parts.count) if parts else 1)
        return widths if sum(widths) in (5, 6) else None

    pool = ["1", "06", ".01", "01.", "2.01", " 2.01", "2.01 ", "\t2.01", "2.01\xa0", ". ", ".", "  ", "1.2.3", "",
            None, 6, 2.1, 1.0, " .2.01. ", "..", "2..01"]
    rnd = random.Random(3)
    for _ in range(5000):
        cols = [[rnd.choice(pool) for _ in range(rnd.randint(0, 8))] for _ in range(rnd.randint(1, 6))]
        assert infer_segment_widths(cols) == aturan(cols), cols
