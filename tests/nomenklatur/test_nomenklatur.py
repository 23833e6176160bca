"""The nomenclature loaded from the reference lampiran (xlsx with split code columns, and the flat CSV),
its cache, and the checks that need it on the seed Renja."""

from __future__ import annotations

import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout

import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.cli import main
from renja_xl.nomenklatur import NomenklaturTidakTerbaca, muat_nomenklatur
from renja_xl.nomenklatur import muat as muat_mod
from tests.conftest import REFERENCE, SEED_XLSX

XLSX = REFERENCE / "nomenklatur_kabkota_900.1.15.5-1317_2023.xlsx"
CSV = REFERENCE / "nomenklatur_kabkota_900.1.15.5-1317_2023.csv"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("RENJA_XL_CACHE", str(d))
    return d


@pytest.fixture(scope="module")
def ref():
    if not XLSX.is_file() or not CSV.is_file():
        pytest.skip(f"nomenclature reference not found in {REFERENCE} (../shared/reference is not part of the repository)")
    return XLSX


def test_xlsx_and_csv_read_the_same(ref):
    a = muat_nomenklatur(XLSX, cache=False)
    b = muat_nomenklatur(CSV, cache=False)
    assert a.hitung_level() == {"urusan": 10, "bidang": 45, "program": 188, "kegiatan": 729, "sub_kegiatan": 3395}
    assert a.entri == b.entri  # PDF whitespace collapsed, code parts rebuilt (6 → 06, 1 → 0001)


def test_generic_programme_and_two_digit_sub_kegiatan(ref):
    n = muat_nomenklatur(CSV, cache=False)
    e = n.cari_kode("1.06.01.2.01.01")
    assert e.kode == "X.XX.01.2.01.0001" and e.satuan == "Dokumen"
    assert e.untuk_bidang("1.06") == "1.06.01.2.01.0001"
    assert n.cari_kode("1.06.02.2.01.0001").nama == "Fasilitasi Pemberdayaan Sosial KAT"
    assert n.cari_kode("1.06.02.2.01.1").satuan == "Keluarga"
    assert n.cari_kode("1.06.99.2.01.0001") is None


def test_cache_is_keyed_by_the_file_hash(ref, cache_dir, monkeypatch, tmp_path):
    first = muat_nomenklatur(XLSX)
    assert list(cache_dir.glob("nomenklatur-*.json")) and not list(cache_dir.glob("*.pickle"))

    def boom(_p):
        raise AssertionError("parsed again although cached")

    monkeypatch.setattr(muat_mod, "_parse", boom)
    again = muat_nomenklatur(XLSX)
    assert again.entri == first.entri and again.sidik == first.sidik
    changed = tmp_path / "ubah.csv"
    changed.write_bytes(CSV.read_bytes() + b"9.99,bidang,9,99,,,,BIDANG COBA,,,,\n")
    # another content → another key → parsed (in the guarded child, which reports what broke it)
    with pytest.raises((AssertionError, NomenklaturTidakTerbaca), match="parsed again"):
        muat_nomenklatur(changed)


def test_bad_files(tmp_path):
    with pytest.raises(NomenklaturTidakTerbaca):
        muat_nomenklatur(tmp_path / "tidak-ada.xlsx")
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(NomenklaturTidakTerbaca):
        muat_nomenklatur(p)


@pytest.fixture(scope="module")
def temuan(ref):
    return periksa_berkas(SEED_XLSX, nomenklatur=muat_nomenklatur(XLSX, cache=False)).findings


def _by(temuan, rule, **kw):
    return [t for t in temuan if t.rule == rule and all(getattr(t, k) == v for k, v in kw.items())]


def test_k001_suggestions(temuan):
    (hash_,) = _by(temuan, "K001", sheet="Tabel 4.1", cell="F40")
    assert hash_.saran == "1.06.01.2.09.0010"
    (keg,) = _by(temuan, "K001", sheet="Tabel 4.1", cell="D10")
    assert keg.saran == "1.06.01.2.01"


def test_k004_kat_suggestion(temuan):
    (kat,) = _by(temuan, "K004", sheet="Tabel 4.1")
    assert kat.saran == "1.06.02.2.01.0001" and kat.keyakinan >= 0.85
    assert [t.saran for t in _by(temuan, "K004", sheet="Tabel 4.2")] == ["1.06.02.2.01", "1.06.02.2.01.0001"]


@pytest.mark.parametrize(("kode", "expected", "actual"), [("1.06.01.2.01.01", "Dokumen", "Jenis"),
                                                          ("1.06.02.2.03.04", "Lembaga", "Sertifkat")])
def test_s005_must_find(temuan, kode, expected, actual):
    (hit,) = _by(temuan, "S005", sheet="Tabel 4.1", kode=kode)
    assert (hit.expected, hit.actual, hit.saran) == (expected, actual, expected)


def test_k005_name_not_the_decrees(temuan):
    (hit,) = _by(temuan, "K005", sheet="Tabel 4.1", kode="1.06.02.2.03.04")
    assert hit.expected.startswith("Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan")
    assert "1.06.02.2.03.0005" in hit.message  # the uraian is that kode's official name


def test_s005_must_not_find(temuan):
    s005 = {(t.sheet, t.kode) for t in temuan if t.rule == "S005"}
    for kode in ("1.06.01.2.01.07",   # 'laporan'
                 "1.06.03.2.01.01",   # 'orang'
                 "1.06.01.2.02.01",   # 'ОВ' = Orang/bulan
                 "1.06.01.2.08.02"):  # 'Lpaoran' is S001, corrected to Laporan
        assert ("Tabel 4.1", kode) not in s005
    (lp,) = _by(temuan, "S001", sheet="Tabel 4.1", kode="1.06.01.2.08.02")
    assert lp.saran == "Laporan"


def _cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_cli_cari_and_kode(ref):
    code, out, _ = _cli("nomenklatur", "cari", "Fasilitasi", "Pemberdayaan", "Sosial", "KAT", "--nomenklatur", str(CSV), "--bidang", "1.06")
    assert code == 0 and out.splitlines()[0].split()[1] == "1.06.02.2.01.0001"
    code, out, _ = _cli("nomenklatur", "kode", "1.06.01.2.02.01", "--nomenklatur", str(XLSX))
    assert code == 0
    assert "Penyediaan Gaji dan Tunjangan ASN" in out and "Orang/bulan" in out and "X.XX.01.2.02.0001" in out
    code, _, err = _cli("nomenklatur", "kode", "1.06.01", "--nomenklatur", "/tidak/ada.xlsx")
    assert code == 2 and "tidak ditemukan" in err


def test_check_with_the_nomenclature_named_in_the_config(ref, tmp_path, monkeypatch):
    d = tmp_path / "kiriman"
    d.mkdir()
    shutil.copy(SEED_XLSX, d / "renja.xlsx")
    shutil.copy(CSV, tmp_path / "lampiran.csv")
    (d / "renja-xl.toml").write_text('nomenklatur = "../lampiran.csv"\nselect = ["K005", "S005"]\n', encoding="utf-8")
    monkeypatch.chdir(d)  # the reviewer's working folder: where configuration comes from
    code, out, _ = _cli("check", str(d / "renja.xlsx"), "--format", "json")
    rules = {t["rule"] for t in json.loads(out)["files"][0]["findings"]}
    assert rules == {"K005", "S005"}


def test_rules_need_the_nomenclature_to_run():
    b = periksa_berkas(SEED_XLSX)
    assert not [t for t in b.findings if t.rule in ("K005", "S005")]
