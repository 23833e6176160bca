"""The worksheet functions: called directly, and through xlwings' own converters as Excel calls them.

Every expected number comes from the core (renja_xl.core), so a function that stopped calling the
core, or read a cell differently, fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from renja_xl import udf
from renja_xl.core.angka import parse_angka
from renja_xl.core.capaian import SKALA_BAWAAN, capaian, tingkat_realisasi
from renja_xl.core.terbilang import terbilang_rupiah
from renja_xl.udf import (
    RENJA_ANGKA,
    RENJA_CAPAIAN,
    RENJA_PREDIKAT,
    RENJA_SATUAN,
    RENJA_TERBILANG,
    RENJA_TINGKAT_REALISASI,
)

HERE = Path(__file__).resolve().parent
BATAS = [50, 51, 65, 66, 75, 76, 90, 90.5, 91, 100, 150]
PREDIKAT_BATAS = ["Sangat Rendah", "Rendah", "Rendah", "Sedang", "Sedang", "Tinggi", "Tinggi", "Tinggi",
                  "Sangat Tinggi", "Sangat Tinggi", "Sangat Tinggi"]


# --- direct calls --------------------------------------------------------------------------------

def test_capaian_single_cells_follow_the_core():
    assert RENJA_CAPAIAN(1667, 1500) == pytest.approx(capaian(1667, 1500))
    assert RENJA_CAPAIAN(40200.0, 50431.0) == pytest.approx(79.713, abs=1e-3)
    # text numbers in Indonesian notation, as pasted from a PDF
    assert RENJA_CAPAIAN("1.667", "1.500") == pytest.approx(capaian(1667, 1500))
    assert RENJA_CAPAIAN("79,71", "100") == pytest.approx(79.71)
    assert RENJA_CAPAIAN("Rp. 1.185.270,-", "Rp 2.370.540") == pytest.approx(50.0)


@pytest.mark.parametrize("target", [0, 0.0, None, "", "0", "-"])
def test_zero_or_empty_target_gives_an_empty_cell(target):
    assert RENJA_CAPAIAN(5, target) is None
    assert RENJA_CAPAIAN(5, target, "negatif") is None
    assert RENJA_TINGKAT_REALISASI(5, target) is None


def test_empty_or_unreadable_realisasi_gives_an_empty_cell():
    assert RENJA_CAPAIAN(None, 10) is None
    assert RENJA_CAPAIAN("", 10) is None
    assert RENJA_CAPAIAN("1.181925", 10) is None  # ambiguous text is never guessed (A006)
    assert RENJA_TINGKAT_REALISASI(True, 10) is None


def test_negative_polarity():
    # angka kejadian: target 20, realisasi 15 — lower is better
    assert RENJA_CAPAIAN(15, 20, "negatif") == pytest.approx(capaian(15, 20, "negatif"))
    assert RENJA_CAPAIAN(15, 20, "negatif") == pytest.approx(125.0)
    assert RENJA_CAPAIAN(15, 20, "Negatif ") == pytest.approx(125.0)
    assert RENJA_CAPAIAN(15, 20, -1) == pytest.approx(125.0)
    assert RENJA_CAPAIAN(15, 20, "t/r") == pytest.approx(capaian(15, 20, "negatif", "t/r"))
    assert RENJA_CAPAIAN(15, 20, "(t-r)/t") == pytest.approx(25.0)
    assert RENJA_CAPAIAN(15, 20, "positif") == pytest.approx(75.0)
    assert RENJA_CAPAIAN(15, 20, 1) == pytest.approx(75.0)
    assert RENJA_CAPAIAN(0, 20, "t/r") is None
    with pytest.raises(ValueError, match="polaritas"):
        RENJA_CAPAIAN(15, 20, "sideways")


def test_ranges_spill_and_broadcast():
    real = [[1667.0], [None], ["79,71"], [30.0]]
    target = [[1500.0], [100.0], [100.0], [0.0]]
    got = RENJA_CAPAIAN(real, target)
    assert got == [[pytest.approx(capaian(1667, 1500))], [None], [pytest.approx(79.71)], [None]]
    # one target for the whole column, and a polarity per row
    got = RENJA_CAPAIAN([[10.0], [15.0]], 20.0, [["positif"], ["negatif"]])
    assert got == [[pytest.approx(50.0)], [pytest.approx(125.0)]]
    # a row of values against a single cell
    assert RENJA_TINGKAT_REALISASI([[1.0, 2.0, 3.0]], [[4.0]]) == [[25.0, 50.0, 75.0]]
    # a 1-D list (a single row as some callers pass it)
    assert RENJA_TINGKAT_REALISASI([1.0, 2.0], [2.0, 4.0]) == [[50.0, 50.0]]
    with pytest.raises(ValueError, match="ukuran rentang"):
        RENJA_CAPAIAN([[1.0], [2.0], [3.0]], [[1.0], [2.0]])


def test_tingkat_realisasi_is_the_core_formula():
    for r, t in [(1667, 1500), (0, 5), (3, 7), (1, 3)]:
        assert RENJA_TINGKAT_REALISASI(r, t) == tingkat_realisasi(r, t)


def test_predikat_at_every_boundary():
    assert [RENJA_PREDIKAT(c) for c in BATAS] == PREDIKAT_BATAS
    assert [SKALA_BAWAAN.nilai(c) for c in BATAS] == PREDIKAT_BATAS
    assert RENJA_PREDIKAT([BATAS]) == [PREDIKAT_BATAS]
    assert RENJA_PREDIKAT("90,5") == "Tinggi"
    assert RENJA_PREDIKAT(None) is None
    assert RENJA_PREDIKAT("") is None


def test_predikat_other_scales():
    assert RENJA_PREDIKAT(99, "berhasil") == "Berhasil"
    assert RENJA_PREDIKAT(100, "berhasil") == "Sangat Berhasil"
    assert RENJA_PREDIKAT(54.9, "Berhasil") == "Kurang Berhasil"
    tabel = [[100.0, "Sangat Berhasil"], [75.0, "Berhasil"], [55.0, "Cukup"], [None, "Kurang"]]
    assert RENJA_PREDIKAT([[120.0], [80.0], [55.0], [10.0]], tabel) == [
        ["Sangat Berhasil"], ["Berhasil"], ["Cukup"], ["Kurang"]]
    # a table without a row for "below every bound" leaves such values empty, never a wrong label
    assert RENJA_PREDIKAT(10.0, [[100.0, "A"], [50.0, "B"]]) is None
    with pytest.raises(ValueError, match="skala"):
        RENJA_PREDIKAT(80, "sedang-sedang saja")
    with pytest.raises(ValueError, match="batas"):
        RENJA_PREDIKAT(80, [["seratus", "A"], [50.0, "B"]])


def test_angka_reads_indonesian_notation_and_refuses_ambiguity():
    cells = ["Rp. 1.185.270,-", "14.400.000,", "79,71", "100.00 %", "1.181925", "16.576 24.481", None, 5.0]
    got = RENJA_ANGKA([cells])[0]
    assert got == [parse_angka(c).nilai if isinstance(c, str) else c for c in cells]
    assert got[:4] == [1185270, 14400000, 79.71, 100]
    assert got[4:7] == [None, None, None]


def test_satuan_canonical_units():
    assert RENJA_SATUAN("Dok") == "Dokumen"
    assert RENJA_SATUAN("Lpaoran") == "Laporan"  # the seed's typo (Tabel 4.1)
    assert RENJA_SATUAN("ОВ") == "Orang/bulan"  # Cyrillic letters from the PDF
    assert RENJA_SATUAN(" kk ") == "Keluarga"
    assert RENJA_SATUAN("KPM Org") is None
    assert RENJA_SATUAN(12.0) is None
    assert RENJA_SATUAN([["Dok"], [None]]) == [["Dokumen"], [None]]


def test_terbilang():
    assert RENJA_TERBILANG(4876245268.0) == terbilang_rupiah(4876245268)
    assert RENJA_TERBILANG(4876245268.0).startswith("empat miliar delapan ratus tujuh puluh enam juta")
    assert RENJA_TERBILANG("Rp. 1.185.270,-") == "satu juta seratus delapan puluh lima ribu dua ratus tujuh puluh rupiah"
    assert RENJA_TERBILANG(None) is None
    assert RENJA_TERBILANG("1.181925") is None


def test_every_function_is_a_renja_function_with_a_description():
    names = [f.__name__ for f in udf.fungsi()]
    assert names[:6] == ["RENJA_CAPAIAN", "RENJA_TINGKAT_REALISASI", "RENJA_PREDIKAT", "RENJA_ANGKA",
                         "RENJA_SATUAN", "RENJA_TERBILANG"]
    for f in udf.fungsi():
        assert f.__name__.startswith("RENJA_")
        assert f.__doc__ and len(f.__doc__.splitlines()[0]) <= 255  # Excel's description limit


# --- through xlwings' converters -----------------------------------------------------------------

def _as_excel(x):
    """What Excel shows for a direct result: a 2-D array, empty cells as ''."""
    g = x if isinstance(x, list) else [[x]]
    return [["" if v is None else v for v in row] for row in g]


CASES = [
    ("RENJA_CAPAIAN", [[[1667.0]], [[1500.0]]], (1667.0, 1500.0)),
    ("RENJA_CAPAIAN", [[[1667.0], [""], ["79,71"], [30.0]], [[1500.0], [100.0], ["100"], [0.0]]],
     ([[1667.0], [None], ["79,71"], [30.0]], [[1500.0], [100.0], ["100"], [0.0]])),
    ("RENJA_CAPAIAN", [[[15.0]], [[20.0]], [["negatif"]]], (15.0, 20.0, "negatif")),
    ("RENJA_CAPAIAN", [[[15.0]], [[20.0]], [["t/r"]]], (15.0, 20.0, "t/r")),
    ("RENJA_CAPAIAN", [[[5.0]], [[""]]], (5.0, None)),
    ("RENJA_CAPAIAN", [[[5.0]], [[0.0]]], (5.0, 0.0)),
    ("RENJA_CAPAIAN", [[[""]], [[10.0]]], (None, 10.0)),
    ("RENJA_TINGKAT_REALISASI", [[[1.0, 2.0, 3.0]], [[4.0]]], ([[1.0, 2.0, 3.0]], [[4.0]])),
    ("RENJA_PREDIKAT", [[BATAS]], ([BATAS],)),
    ("RENJA_PREDIKAT", [[[80.0]], [["berhasil"]]], (80.0, "berhasil")),
    ("RENJA_PREDIKAT", [[[80.0], [10.0]], [[100.0, "A"], [75.0, "B"], ["", "C"]]],
     ([[80.0], [10.0]], [[100.0, "A"], [75.0, "B"], [None, "C"]])),
    ("RENJA_ANGKA", [[["Rp. 1.185.270,-", "1.181925", "", "79,71"]]],
     ([["Rp. 1.185.270,-", "1.181925", None, "79,71"]],)),
    ("RENJA_SATUAN", [[["Dok"], ["Lpaoran"], [""]]], ([["Dok"], ["Lpaoran"], [None]],)),
    ("RENJA_TERBILANG", [[["4.876.245.268"]]], ("4.876.245.268",)),
    ("RENJA_TERBILANG", [[[""]]], (None,)),
]


@pytest.fixture(scope="module")
def lewat_server():
    env = dict(os.environ, XLWINGS_ON_SERVER="true", XLWINGS_LICENSE_KEY="noncommercial")
    res = subprocess.run(
        [sys.executable, str(HERE / "_udf_server.py")],
        input=json.dumps([[name, args] for name, args, _ in CASES]),
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_server_converters_give_what_direct_calls_give(lewat_server):
    results = lewat_server["results"]
    assert len(results) == len(CASES)
    for (name, _args, direct_args), got in zip(CASES, results, strict=True):
        want = _as_excel(getattr(udf, name)(*direct_args))
        assert not (isinstance(got, dict) and "error" in got), (name, got)
        assert got == [[pytest.approx(v) if isinstance(v, float) else v for v in row] for row in want], name


def test_server_sees_every_argument_as_a_range(lewat_server):
    meta = lewat_server["meta"]
    assert set(meta) >= {"RENJA_CAPAIAN", "RENJA_TINGKAT_REALISASI", "RENJA_PREDIKAT", "RENJA_ANGKA",
                         "RENJA_SATUAN", "RENJA_TERBILANG"}
    assert meta["RENJA_CAPAIAN"]["args"] == ["realisasi", "target", "polaritas", "caller"]
    for info in meta.values():
        # 'caller' is xlwings' reserved argument (the calling range), not a worksheet argument
        assert all(o.get("ndim") == 2 for a, o in zip(info["args"], info["options"], strict=True) if a != "caller"), info


# --- nomenclature functions (issue 6): a tiny decree written here, never the real one -------------

MINI_DEKRIT = (
    "kode,level,nomenklatur,indikator,satuan\n"
    "X.XX.01.2.01.0001,sub_kegiatan,Penyusunan Dokumen Perencanaan Perangkat Daerah,Jumlah Dokumen,Dokumen\n"
    "1.06.02.2.01.0001,sub_kegiatan,Fasilitasi Pemberdayaan Sosial KAT,Jumlah Keluarga,Keluarga\n"
)


@pytest.fixture
def dekrit(tmp_path, monkeypatch):
    monkeypatch.setenv("RENJA_XL_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("RENJA_XL_NOMENKLATUR", raising=False)
    udf._NOMEN_CACHE.clear()
    p = tmp_path / "lampiran.csv"
    p.write_text(MINI_DEKRIT, encoding="utf-8")
    return p


def test_nomenklatur_and_satuan_baku_from_an_explicit_file(dekrit):
    assert udf.RENJA_NOMENKLATUR("1.06.01.2.01.01", str(dekrit)) == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert udf.RENJA_SATUAN_BAKU([["1.06.02.2.01.0001"], ["1.06.99.2.01.0001"], [None]], str(dekrit)) == [
        ["Keluarga"], [None], [None]]


def test_nomenklatur_from_the_config_next_to_the_calling_workbook(dekrit, tmp_path, monkeypatch):
    folder = tmp_path / "opd"
    folder.mkdir()
    (folder / "renja-xl.toml").write_text('nomenklatur = "../lampiran.csv"\n', encoding="utf-8")
    book = folder / "renja_master.xlsm"
    book.write_bytes(b"")

    class Caller:  # what xlwings passes for the reserved 'caller' argument in desktop Excel
        class sheet:
            class book:
                fullname = str(book)

    monkeypatch.chdir(tmp_path)  # not the workbook's folder: the caller decides
    assert udf.RENJA_SATUAN_BAKU("1.06.01.2.01.0001", caller=Caller) == "Dokumen"


def test_nomenklatur_not_configured_says_so(dekrit, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "nomenklatur belum diatur" in udf.RENJA_NOMENKLATUR("1.06.01.2.01.0001")
    assert "tidak ditemukan" in udf.RENJA_NOMENKLATUR("1.06.01.2.01.0001", str(tmp_path / "tidak-ada.csv"))


def test_a_changed_nomenclature_file_is_read_again(dekrit):
    """Excel's Python process lives on: an edited or replaced file must not be served from memory."""
    import os

    assert udf.RENJA_NOMENKLATUR("1.06.02.2.01.0001", str(dekrit)) == "Fasilitasi Pemberdayaan Sosial KAT"
    st = os.stat(dekrit)
    dekrit.write_text(MINI_DEKRIT.replace("Sosial KAT", "Sosial Komunitas Adat Terpencil"), encoding="utf-8")
    os.utime(dekrit, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert udf.RENJA_NOMENKLATUR("1.06.02.2.01.0001", str(dekrit)) == \
        "Fasilitasi Pemberdayaan Sosial Komunitas Adat Terpencil"
    assert len([k for k in udf._NOMEN_CACHE if k[0] == os.path.abspath(dekrit)]) == 1  # the old version is gone
    # unchanged: served from memory (the same object)
    first = udf._nomenklatur(str(dekrit), None)[0]
    assert udf._nomenklatur(str(dekrit), None)[0] is first


def test_every_function_is_on_beranda_and_in_the_windows_guide(master):
    from openpyxl import load_workbook

    from tests.conftest import ROOT

    beranda = " ".join(str(c.value) for row in load_workbook(master)["Beranda"].iter_rows() for c in row if c.value)
    guide = (ROOT / "docs" / "excel-windows.md").read_text(encoding="utf-8")
    rows = [ln for ln in guide.splitlines() if ln.startswith("| `RENJA_")]
    for f in udf.fungsi():
        assert f"{f.__name__}(" in beranda, f.__name__
        assert any(ln.startswith(f"| `{f.__name__}(") for ln in rows), f"{f.__name__} has no row in docs/excel-windows.md"
