"""``renja-xl check`` on many files: folders, zips, worker processes, limits, order, progress."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from renja_xl.batch import Kemajuan
from tests.batch.kiriman import kiriman
from tests.cli.test_check_cli import run
from tests.conftest import ROOT, SEED_XLSX


def _json(*args: str) -> tuple[int, dict]:
    code, out, err = run("check", *args, "--format", "json")
    assert code in (0, 1), err
    return code, json.loads(out)


def _zip_dirs() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("renja-xl-zip-*")}


@pytest.fixture(autouse=True)
def _tmp_sendiri(tmp_path, monkeypatch):
    """This test's own temporary folder, so another process unpacking zips at the same time is not counted."""
    d = tmp_path / "tmp"
    d.mkdir()
    monkeypatch.setenv("TMPDIR", str(d))
    monkeypatch.setattr(tempfile, "tempdir", str(d))


@pytest.fixture
def dua(tmp_path):
    """Two submissions of two kabupaten."""
    a = tmp_path / "src" / "kab_luwu" / "dinsos.xlsx"
    b = tmp_path / "src" / "kota_palopo" / "dinkes.xlsx"
    kiriman(a)
    kiriman(b, pemda="KOTA PALOPO", opd="DINAS KESEHATAN", bidang=("1", "02"), seed=2)
    return a, b


def test_zip_of_submissions_members_nested_zip_and_unsafe_names(tmp_path, dua):
    a, b = dua
    inner = tmp_path / "lama.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.write(a, "dinsos_putaran1.xlsx")
    kir = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(kir, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(b, "kota_palopo/dinkes.xlsx")
        z.write(a, "kab_luwu/dinsos.xlsx")
        z.write(a, "../../luar.xlsx")
        z.write(a, "__MACOSX/kab_luwu/._dinsos.xlsx")
        z.writestr("kab_luwu/catatan.txt", "bukan spreadsheet")
        z.write(inner, "arsip/lama.zip")
    before = _zip_dirs()
    code, doc = _json(str(kir))
    files = {f["path"]: f for f in doc["files"]}
    assert list(files) == [
        f"{kir}!../../luar.xlsx",
        f"{kir}!arsip/lama.zip!dinsos_putaran1.xlsx",
        f"{kir}!kab_luwu/dinsos.xlsx",
        f"{kir}!kota_palopo/dinkes.xlsx",
    ]
    unsafe = files[f"{kir}!../../luar.xlsx"]
    assert unsafe["status"] == "unreadable" and "tidak aman" in unsafe["findings"][0]["message"]
    assert not (tmp_path.parent / "luar.xlsx").exists() and not (tmp_path / "luar.xlsx").exists()
    luwu = files[f"{kir}!kab_luwu/dinsos.xlsx"]
    assert luwu["status"] == "checked" and luwu["identitas"]["pemda"] == "Kabupaten Luwu"
    assert files[f"{kir}!kota_palopo/dinkes.xlsx"]["identitas"]["opd"] == "Dinas Kesehatan"
    assert files[f"{kir}!arsip/lama.zip!dinsos_putaran1.xlsx"]["status"] == "checked"
    assert doc["summary"]["files"] == 4 and doc["summary"]["unreadable"] == 1
    assert _zip_dirs() == before  # the unpacked members are gone


def test_zip_inside_a_folder_and_a_damaged_zip(tmp_path, dua):
    a, _ = dua
    folder = tmp_path / "masuk"
    folder.mkdir()
    with zipfile.ZipFile(folder / "b_kab_luwu.zip", "w") as z:
        z.write(a, "dinsos.xlsx")
    shutil.copy(a, folder / "a_lepas.xlsx")
    (folder / "c_rusak.zip").write_bytes(b"PK\x03\x04 bukan zip utuh")
    code, doc = _json(str(folder))
    assert [(Path(f["path"].split("!")[0]).name, f["status"]) for f in doc["files"]] == [
        ("a_lepas.xlsx", "checked"), ("b_kab_luwu.zip", "checked"), ("c_rusak.zip", "unreadable")]
    assert doc["files"][1]["path"].endswith("b_kab_luwu.zip!dinsos.xlsx")
    assert "zip rusak" in doc["files"][2]["findings"][0]["message"]
    assert code == 1


def test_zip_member_over_the_size_limit_is_not_unpacked(tmp_path, dua):
    a, _ = dua
    kir = tmp_path / "besar.zip"
    with zipfile.ZipFile(kir, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(a, "dinsos.xlsx")
        z.writestr("kecil.xlsx", b"x" * 100)
    code, doc = _json(str(kir), "--batas-ukuran", "0.001")
    big, small = doc["files"]
    assert big["status"] == "unreadable" and "terlalu besar" in big["findings"][0]["message"]
    assert "--batas-ukuran" in big["findings"][0]["message"]
    assert small["status"] == "unreadable" and "terlalu besar" not in small["findings"][0]["message"]


def test_a_broken_file_in_the_middle_of_a_batch(tmp_path, dua):
    a, b = dua
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(a, folder / "1_dinsos.xlsx")
    (folder / "2_rusak.xlsx").write_bytes(SEED_XLSX.read_bytes()[:5000])
    shutil.copy(SEED_XLSX, folder / "3_seed.xlsx")
    shutil.copy(b, folder / "4_dinkes.xlsx")
    code, doc = _json(str(folder), "--jobs", "2")
    assert [f["status"] for f in doc["files"]] == ["checked", "unreadable", "checked", "checked"]
    assert doc["files"][1]["findings"][0]["rule"] == "E001"
    # the files after the broken one are checked in full: the seed keeps all its findings
    _, alone = _json(str(SEED_XLSX))
    assert doc["files"][2]["findings"] == alone["files"][0]["findings"]


def _far_cell(path: Path) -> None:
    """A 5 kB workbook whose one stray cell at XFD1048576 makes a dense reader allocate 512 GB."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "Kode"
    ws.cell(row=1048576, column=16384, value="x")
    wb.save(path)


def test_a_file_that_exhausts_memory_is_e001_and_the_batch_goes_on(tmp_path, dua):
    a, _ = dua
    far = tmp_path / "sel_jauh.xlsx"
    _far_cell(far)
    res = subprocess.run([sys.executable, "-m", "renja_xl", "check", str(far), str(a), "--format", "json",
                          "--batas-memori", "1024"], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 1
    doc = json.loads(res.stdout)
    first, second = doc["files"]
    assert first["status"] == "unreadable" and first["findings"][0]["rule"] == "E001"
    assert "memori" in first["findings"][0]["message"] and "--batas-memori" in first["findings"][0]["message"]
    assert second["status"] == "checked"
    assert "backtrace" not in res.stderr and "memory allocation" not in res.stderr  # the worker's noise is kept away


def _macet(monkeypatch):
    """Reading a file named macet.xlsx blocks forever, like a dead network share (forked workers
    inherit the patch). A FIFO is no longer a way to hang a reader: it is refused before opening."""
    import time

    from renja_xl import checker

    asli = checker.baca_berkas

    def baca(path, *a, **k):
        if str(path).endswith("macet.xlsx"):
            time.sleep(3600)
        return asli(path, *a, **k)

    monkeypatch.setattr(checker, "baca_berkas", baca)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the patched reader reaches the workers only when they are forked")
def test_a_file_that_hangs_is_stopped_at_the_time_limit(tmp_path, dua, monkeypatch):
    a, b = dua
    hang = tmp_path / "macet.xlsx"
    shutil.copy(a, hang)
    _macet(monkeypatch)
    code, doc = _json(str(a), str(hang), str(b), "--batas-waktu", "1", "--jobs", "2")
    assert [f["status"] for f in doc["files"]] == ["checked", "unreadable", "checked"]
    msg = doc["files"][1]["findings"][0]["message"]
    assert "dihentikan setelah 1 detik" in msg and "--batas-waktu" in msg
    code, out, _ = run("check", str(hang), "--batas-waktu", "0.5", "--lang", "en")
    assert code == 1 and "Check stopped after 0.5 seconds (limit --batas-waktu)" in out


def test_a_file_over_the_size_limit_is_not_opened(tmp_path, monkeypatch):
    code, doc = _json(str(SEED_XLSX), "--batas-ukuran", "0.01")
    (f,) = doc["files"]
    assert f["status"] == "unreadable"
    assert "terlalu besar" in f["findings"][0]["message"] and "batas 0.01 MB" in f["findings"][0]["message"]
    (tmp_path / "renja-xl.toml").write_text("batas_ukuran = 0.01\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the reviewer's working folder: where configuration comes from
    shutil.copy(SEED_XLSX, tmp_path / "seed.xlsx")
    code, doc = _json(str(tmp_path / "seed.xlsx"))
    assert doc["files"][0]["status"] == "unreadable"  # the limit from the config file
    code, doc = _json(str(tmp_path / "seed.xlsx"), "--batas-ukuran", "0")  # 0: no limit
    assert doc["files"][0]["status"] == "checked"


def test_order_is_the_same_whatever_the_number_of_jobs(tmp_path):
    folder = tmp_path / "banyak"
    for i in range(7):
        # different sizes so that workers finish out of order
        kiriman(folder / f"kab_{i}" / f"opd_{i}.xlsx", pemda=f"KABUPATEN UJI {i}", seed=i, n_program=1 + (7 - i) % 4)
    (folder / "kab_3" / "rusak.xlsx").write_bytes(b"PK\x03\x04rusak")
    outs = []
    for jobs in ("1", "2", "3"):
        # every run checks every file (the order of the workers' results is what is tested, not the cache)
        code, out, _ = run("check", str(folder), "--format", "json", "--jobs", jobs, "--tanpa-cache")
        outs.append(out)
    assert outs[0] == outs[1] == outs[2]
    paths = [f["path"] for f in json.loads(outs[0])["files"]]
    assert paths == sorted(paths, key=str.lower) and len(paths) == 8


def test_jobs_must_be_positive():
    code, _, err = run("check", str(SEED_XLSX), "--jobs", "0")
    assert code == 2 and "--jobs" in err


def test_progress_bar_on_a_terminal_only(tmp_path, dua):
    a, b = dua

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    k = Kemajuan(3, "id", stream=tty)

    class B:
        def __init__(self, status, sev):
            self.status = status
            self.findings = [type("T", (), {"severity": s})() for s in sev]

    k.tambah(B("checked", ["error", "warning"]))
    k.tambah(B("unreadable", ["error"]))
    k.tambah(B("checked", []))
    text = tty.getvalue()
    assert "3/3 berkas · 2 galat · 1 tak terbaca" in text and "2/3" not in text.split("\r")[-1]
    assert Kemajuan(3, stream=io.StringIO()).aktif is False  # not a terminal
    assert Kemajuan(3, stream=tty, aktif=False).aktif is False  # --no-progress
    res = subprocess.run([sys.executable, "-m", "renja_xl", "check", str(a), str(b), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.stderr == ""  # stderr is a pipe here: no progress bar


def test_identity_is_in_every_report(tmp_path, dua):
    a, b = dua
    code, out, _ = run("check", str(a), str(b))
    assert "(Kabupaten Luwu · Dinas Sosial · 2025 · Renja)" in out
    assert "(Kota Palopo · Dinas Kesehatan · 2025 · Renja)" in out
    _, doc = _json(str(a))
    assert doc["files"][0]["identitas"] == {"pemda": "Kabupaten Luwu", "opd": "Dinas Sosial", "tahun": 2025,
                                             "dokumen": "Renja", "bidang": "1.06"}


def test_spawned_workers_where_fork_is_missing(tmp_path, dua, monkeypatch):
    """Platforms without fork start workers with multiprocessing's spawn: same results, same limits."""
    from renja_xl.batch import kolam
    from renja_xl.core.config import Konfigurasi
    from renja_xl.checker import Masukan

    a, b = dua
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 rusak")
    inputs = [Masukan(str(p), p) for p in (a, broken, b)]
    cfg = Konfigurasi.bawaan()
    forked = list(kolam.periksa_semua(inputs, cfg, 2))
    monkeypatch.setattr(kolam, "_PekerjaFork", kolam._PekerjaSpawn)
    spawned = list(kolam.periksa_semua(inputs, cfg, 2))
    assert [x.status for x in spawned] == ["checked", "unreadable", "checked"]
    assert [(x.path, x.findings, x.identitas) for x in spawned] == [(x.path, x.findings, x.identitas) for x in forked]
    monkeypatch.undo()
    if hasattr(os, "fork"):
        hang = tmp_path / "macet.xlsx"
        shutil.copy(a, hang)
        _macet(monkeypatch)
        (got,) = kolam.periksa_semua([Masukan(str(hang), hang)], cfg.dengan(batas_waktu=1), 1)
        assert got.status == "unreadable" and "dihentikan setelah 1 detik" in got.findings[0].message
