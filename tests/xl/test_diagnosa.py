"""Periksa Pemasangan (renja_xl.xl.diagnose) through xlwings' remote engine.

Each case starts as the button does: a copy of the master workbook (renamed, in its own folder)
with the facts the macro writes into the Pemasangan sheet (columns F–G, as macros/Renja.bas writes
them; test_vba.py runs that macro in LibreOffice). The payload Excel would send is built from that
file, diagnose runs on ``xw.Book(json=…)``, and its actions are replayed onto the copy, which is
then read back: what a user would see in the sheet.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import xlwings
from openpyxl import load_workbook

import renja_xl.xl as rx
from renja_xl.xl import SHEET_PEMASANGAN
from renja_xl.xl.diagnosa import INFO, KOLOM_FAKTA, MASALAH, MENUNGGU, OK

from .remote import buku, payload, putar_ulang

MINI_DEKRIT = (
    "kode,level,nomenklatur,indikator,satuan\n"
    "1.06.02.2.01.0001,sub_kegiatan,Fasilitasi Pemberdayaan Sosial KAT,Jumlah Keluarga,Keluarga\n"
)


def fakta(**ubah: str) -> dict[str, str]:
    """What PeriksaPemasangan writes on a machine where everything is in place (this Python)."""
    base = {
        "xlwings_vba": xlwings.__version__,
        "excel_versi": "16.0",
        "excel_bit": "64",
        "python_tombol": sys.executable,
        "python_fungsi": sys.executable,
        "conda_path": "",
        "conda_env": "",
        "workbook": "",
    }
    base.update(ubah)
    return base


@pytest.fixture(autouse=True)
def _lingkungan(tmp_path, monkeypatch):
    """No user-level xlwings.conf, no nomenclature from the environment, a private cache."""
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "home" / ".xlwings" / "xlwings.conf"))
    monkeypatch.delenv("RENJA_XL_NOMENKLATUR", raising=False)
    monkeypatch.setenv("RENJA_XL_CACHE", str(tmp_path / "cache"))


def siapkan(master: Path, folder: Path, f: dict[str, str], nama: str = "Renja Kantor 2025.xlsm",
            conf_tambahan: list[tuple[str, str | None]] | None = None) -> Path:
    """The renamed copy, with the macro's facts in a Pemasangan sheet."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / nama
    shutil.copyfile(master, copy)
    wb = load_workbook(copy, keep_vba=True)
    sh = wb[SHEET_PEMASANGAN]  # laid out by the build; the macro replaces its contents
    sh["A1"] = "Periksa Pemasangan renja-xl"
    sh["A2"] = MENUNGGU
    sh.cell(3, KOLOM_FAKTA, "Dari Excel (VBA)")
    for i, (k, v) in enumerate(f.items(), start=4):
        sh.cell(i, KOLOM_FAKTA, k)
        sh.cell(i, KOLOM_FAKTA + 1, v or None)
    if conf_tambahan:
        conf = wb["xlwings.conf"]
        r = 1
        while conf.cell(r, 1).value:
            r += 1
        for k, v in conf_tambahan:
            conf.cell(r, 1, k)
            conf.cell(r, 2, v)
            r += 1
    wb.save(copy)
    return copy


def jalankan(copy: Path, nama_buku: str | None = None):
    """diagnose on the payload of ``copy`` (book name = its full path, as desktop Excel gives it);
    returns (checks, sheet rows as the user sees them after the replay)."""
    book = buku(payload(copy, name=nama_buku or str(copy)))
    hasil = rx.diagnose(book)
    seen = copy.with_name("dilihat " + copy.name)
    putar_ulang(copy, book.json()["actions"], seen)
    ws = load_workbook(seen)[SHEET_PEMASANGAN]
    return hasil, ws


def baris(ws) -> dict[str, tuple[str, str, str]]:
    out = {}
    r = 5
    while ws.cell(r, 1).value:
        out[ws.cell(r, 1).value] = (ws.cell(r, 2).value or "", ws.cell(r, 3).value, ws.cell(r, 4).value or "")
        r += 1
    return out


def test_everything_fine(master, tmp_path):
    folder = tmp_path / "Renja OPD"
    copy = siapkan(master, folder, fakta())
    (folder / "lampiran.csv").write_text(MINI_DEKRIT, encoding="utf-8")
    (folder / "renja-xl.toml").write_text('nomenklatur = "lampiran.csv"\n', encoding="utf-8")
    hasil, ws = jalankan(copy)
    rows = baris(ws)
    assert not [c for c in hasil if c.status == MASALAH], [(c.nama, c.hasil, c.saran) for c in hasil if c.status == MASALAH]
    assert ws["A2"].value.endswith("semua baik."), ws["A2"].value
    assert ws["A4"].value == "Pemeriksaan" and ws["D4"].value == "Yang perlu dilakukan"
    assert rows["Versi xlwings (workbook dan Python)"][1] == OK
    assert rows["renja-xl di Python ini"][1] == OK
    assert rows["Python untuk fungsi RENJA_"][1] == OK  # this Python, with renja-xl and the same xlwings
    assert sys.executable in rows["Python yang dijalankan tombol"][0]
    assert rows["Sheet xlwings.conf"] == ("UDF Modules = renja_xl.udf, ADD_WORKBOOK_TO_PYTHONPATH = false", OK, "")
    assert rows["Lokasi workbook"][:2] == (str(copy), OK)  # renamed, in a folder with a space: found
    assert rows["Pengaturan renja-xl (renja-xl.toml)"][:2] == (str(folder / "renja-xl.toml"), OK)
    nomen = rows["Nomenklatur Kepmendagri"]
    assert nomen[1] == OK and str(folder / "lampiran.csv") in nomen[0] and "1 kode" in nomen[0]
    # the macro's facts are kept beside the result
    assert ws.cell(4, KOLOM_FAKTA).value == "xlwings_vba" and ws.cell(4, KOLOM_FAKTA + 1).value == xlwings.__version__
    assert rows["xlwings.conf pengguna"][1] == INFO and "xlwings config create" in rows["xlwings.conf pengguna"][2]


def test_wrong_xlwings_version(master, tmp_path):
    copy = siapkan(master, tmp_path / "opd", fakta(xlwings_vba="0.30.0"))
    hasil, ws = jalankan(copy)
    rows = baris(ws)
    versi = rows["Versi xlwings (workbook dan Python)"]
    assert versi[1] == MASALAH
    assert "0.30.0" in versi[0] and xlwings.__version__ in versi[0]
    assert 'pip install "xlwings==0.30.0"' in versi[2] and sys.executable in versi[2]
    # the functions' Python has the package's version, not the workbook's: their DLL would not load
    fungsi = rows["Python untuk fungsi RENJA_"]
    assert fungsi[1] == MASALAH and "0.30.0" in fungsi[2]
    assert "2 masalah" in ws["A2"].value
    # a status cell of each problem is marked
    assert {c.nama for c in hasil if c.status == MASALAH} == {"Versi xlwings (workbook dan Python)",
                                                             "Python untuk fungsi RENJA_"}


def test_no_config(master, tmp_path):
    folder = tmp_path / "tanpa-konfigurasi"
    copy = siapkan(master, folder, fakta())
    hasil, ws = jalankan(copy)
    rows = baris(ws)
    cfg = rows["Pengaturan renja-xl (renja-xl.toml)"]
    assert cfg[1] == INFO and "tidak ada renja-xl.toml" in cfg[0] and str(folder) in cfg[0]
    assert "bawaan" in cfg[2]
    nomen = rows["Nomenklatur Kepmendagri"]
    assert nomen[:2] == ("belum diatur", INFO) and "nomenklatur =" in nomen[2]
    assert not [c for c in hasil if c.status == MASALAH]


def test_nomenclature_path_missing(master, tmp_path):
    folder = tmp_path / "opd"
    copy = siapkan(master, folder, fakta())
    (folder / "renja-xl.toml").write_text('nomenklatur = "lampiran/kepmendagri-900.xlsx"\n', encoding="utf-8")
    hasil, ws = jalankan(copy)
    rows = baris(ws)
    nomen = rows["Nomenklatur Kepmendagri"]
    assert nomen[1] == MASALAH
    assert str(folder / "lampiran" / "kepmendagri-900.xlsx") in nomen[0] and "tidak ada" in nomen[0]
    assert "K005" in nomen[2] and "relatif" in nomen[2]
    assert rows["Pengaturan renja-xl (renja-xl.toml)"][1] == OK
    assert "1 masalah" in ws["A2"].value


def test_empty_conf_key_and_a_missing_interpreter_are_problems(master, tmp_path):
    copy = siapkan(master, tmp_path / "opd", fakta(python_fungsi=str(tmp_path / "Python311" / "pythonw.exe")),
                   conf_tambahan=[("Interpreter_Win", None)])
    hasil, ws = jalankan(copy)
    rows = baris(ws)
    conf = rows["Sheet xlwings.conf"]
    assert conf[1] == MASALAH and "Interpreter_Win (kosong)" in conf[0] and "Hapus baris Interpreter_Win" in conf[2]
    fungsi = rows["Python untuk fungsi RENJA_"]
    assert fungsi[1] == MASALAH and "tidak ada" in fungsi[0] and "Interpreter_Win" in fungsi[2]


def test_onedrive_address_is_named_not_silently_ignored(master, tmp_path):
    copy = siapkan(master, tmp_path / "opd", fakta())
    (tmp_path / "opd" / "renja-xl.toml").write_text('nomenklatur = "x.csv"\n', encoding="utf-8")
    url = "https://contoso.sharepoint.com/sites/Bappeda/Shared Documents/Renja Kantor 2025.xlsm"
    hasil, ws = jalankan(copy, nama_buku=url)
    rows = baris(ws)
    lokasi = rows["Lokasi workbook"]
    assert lokasi[1] == MASALAH and "OneDrive/SharePoint" in lokasi[2] and "SHAREPOINT_WIN" in lokasi[2]
    # and Validasi says the same instead of quietly using the defaults
    book = buku(payload(copy, name=url))
    from renja_xl.xl.validasi import konfigurasi_buku

    _config, pesan = konfigurasi_buku(book)
    assert pesan and "OneDrive/SharePoint" in pesan and "bawaan" in pesan


def test_without_the_macro_facts_it_still_answers(master, tmp_path):
    """diagnose() called on its own (no facts from the macro): the checks Python can do alone."""
    folder = tmp_path / "opd"
    folder.mkdir()
    copy = folder / "renja_master.xlsm"
    shutil.copyfile(master, copy)
    book = buku(payload(copy, name=str(copy)))
    hasil = rx.diagnose(book)
    by = {c.nama: c for c in hasil}
    assert by["Versi xlwings (workbook dan Python)"].status == INFO
    assert by["renja-xl di Python ini"].status == OK
    assert SHEET_PEMASANGAN in [s.name for s in book.sheets]
