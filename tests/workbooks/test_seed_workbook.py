"""The seed Renja as a workbook: reproducible, laid out like a submission, with its real mistakes."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from python_calamine import CalamineWorkbook

import renja_xl

from tests.conftest import CSV_ALL_SHEETS, ROOT, SEED_XLSX, WORKBOOKS

EXPECTED_SHEETS = ["Sampul", "Tabel 2.1", "Realisasi 2024", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 3.1",
                   "Tabel 3.2", "Tabel 4.1", "Tabel 4.2"]


def _sheet(name):
    wb = CalamineWorkbook.from_path(str(SEED_XLSX))
    return wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def test_rebuild_gives_the_same_bytes(tmp_path):
    out = tmp_path / "seed.xlsx"
    subprocess.run([sys.executable, str(WORKBOOKS / "build_seed.py"), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == SEED_XLSX.read_bytes(), "rebuild differs: run python workbooks/build_seed.py and commit"


def test_sheets_present():
    assert CalamineWorkbook.from_path(str(SEED_XLSX)).sheet_names == EXPECTED_SHEETS


def test_tabel_4_1_layout_and_totals():
    rows = _sheet("Tabel 4.1")
    assert rows[3][0] == "Kode" and rows[3][6].startswith("PROGRAM/KEGIATAN")
    assert [rows[6][i] for i in (6, 7, 8, 9, 10, 11, 12)] == ["2", "3", "4", "6", "7", "8", "9"]  # column numbers
    office = rows[7]
    assert office[:2] == ["1", "06"] and office[6] == "DINAS SOSIAL"
    assert office[10] == 4876245268 and office[12] == 5770500000


def test_genuine_mistakes_are_kept():
    t41 = _sheet("Tabel 4.1")
    kode = [tuple(r[:6]) for r in t41]
    assert ("1", "06", "01", "06", "2", "01") in kode        # broken kegiatan kode
    assert ("1", "06", "01", "2", "09", "##") in kode        # '##' sub kegiatan
    kat = [r for r in t41 if r[6] == "Fasilitasi Pemberdayaan Sosial KAT"]
    assert kat and kat[0][:6] == [""] * 6                    # KAT row without kode
    assert {"Lpaoran", "Kelaurga", "Sertifkat", "Kmunitas"} <= {r[8] for r in t41}
    assert "14.400.000," in {r[10] for r in t41}             # text with a trailing comma
    permakanan = [r for r in t41 if r[6] == "Penyediaan Permakanan"][0]
    assert permakanan[9] == 50
    t42 = _sheet("Tabel 4.2")
    assert "1.181925" in {r[11] for r in t42}                # ambiguous pagu stays text
    assert [r for r in t42 if r[6] == "Penyediaan Permakanan"][0][10] == 20
    assert "l" in {r[0] for r in t42}                        # lower-case L for 1
    t21 = _sheet("Tabel 2.1")
    assert 2.1 in {r[3] for r in t21}                        # the kode part shown as 2,1 (typed 2.06/2.08)
    surat = [r for r in t21 if r[5] == "Penyediaan Jasa Surat Menyurat"][0]
    assert (surat[11], surat[13], surat[15]) == (1500, 1667, 90)  # inverted column 8
    real = _sheet("Realisasi 2024")
    by_name = {r[1]: r for r in real}
    assert by_name["Penyusunan Dokumen Perencanaan Perangkat Daerah"][5] == "100 %"
    assert by_name["Penyusunan Dokumen Perencanaan Perangkat Daerah"][3] == "Rp. 0,-"
    tanggapan = by_name["Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan"]
    assert tanggapan[2] == "Rp. 0,-" and tanggapan[3] == "Rp. 1.993.000,-"


def test_every_sheet_has_merged_headers_and_calls():
    import tomllib

    for toml_path in sorted((WORKBOOKS / "seed").glob("*.toml")):
        spec = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        assert spec["sheet"] in EXPECTED_SHEETS
        assert spec["merges"], toml_path.name
        assert spec["calls"], f"{toml_path.name}: the transcription calls must be written down"


def test_libreoffice_reads_the_office_totals(soffice, tmp_path):
    res = soffice(SEED_XLSX, CSV_ALL_SHEETS, tmp_path)
    assert res.returncode == 0, res.stderr
    out = tmp_path / f"{SEED_XLSX.stem}-Tabel 4.1.csv"
    rows = list(csv.reader(out.open(encoding="utf-8")))
    office = next(r for r in rows if len(r) > 6 and r[6] == "DINAS SOSIAL")
    assert office[10] == "4876245268" and office[12] == "5770500000"
    assert len(list(tmp_path.glob("*.csv"))) == len(EXPECTED_SHEETS)


@pytest.mark.slow
def test_package_installs_with_console_script(tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
        check=True, capture_output=True,
    )
    script = target / "bin" / "renja-xl"
    assert script.exists()
    res = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"renja-xl {renja_xl.__version__}"
    (dist,) = target.glob("renja_xl-*.dist-info")  # the package metadata has the same one version
    assert dist.name == f"renja_xl-{renja_xl.__version__}.dist-info"
