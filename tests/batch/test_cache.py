"""The result cache (issue 17): a hit gives the same result as a fresh check; anything that could change
the result misses; a corrupt or foreign entry is never trusted."""

from __future__ import annotations

import json
import shutil

from renja_xl.batch.cache import CacheHasil, berkas_dari_dict, berkas_ke_dict
from renja_xl.checker import periksa_berkas
from renja_xl.core.config import Konfigurasi


def _dua_kali(tmp_path, seed_xlsx, cfg=None, nomen=None):
    cfg = cfg or Konfigurasi.bawaan()
    f = tmp_path / "renja.xlsx"
    if not f.exists():
        shutil.copy(seed_xlsx, f)
    c = CacheHasil(cfg, nomen, folder=tmp_path / "cache")
    return c, f, c.kunci(f)


def test_a_hit_gives_back_exactly_what_was_stored(tmp_path, seed_xlsx):
    c, f, k = _dua_kali(tmp_path, seed_xlsx)
    b = periksa_berkas(f)
    for t in b.tables:
        t.buang_baris()
    c.simpan(k, b)
    again = c.ambil(k, str(f))
    assert again is not None and c.kena == 1
    assert berkas_ke_dict(again) == berkas_ke_dict(b)
    assert len(again.findings) == len(b.findings) > 100


def test_a_changed_file_config_or_nomenclature_misses(tmp_path, seed_xlsx):
    c, f, k = _dua_kali(tmp_path, seed_xlsx)
    c.simpan(k, periksa_berkas(f))
    # the same bytes under another name hit; one changed byte misses
    g = tmp_path / "lain.xlsx"
    shutil.copy(f, g)
    assert c.kunci(g) == k
    data = bytearray(f.read_bytes())
    data[-30] ^= 1
    g.write_bytes(bytes(data))
    assert c.kunci(g) != k
    # another configuration, another nomenclature
    c2 = CacheHasil(Konfigurasi(ignore=["A005"]), folder=tmp_path / "cache")
    assert c2.kunci(f) != k

    class Nomen:
        sidik = "abc"

    assert CacheHasil(Konfigurasi.bawaan(), Nomen(), folder=tmp_path / "cache").kunci(f) != k
    # renja-xl's own code (version and source) is part of the key
    assert CacheHasil(Konfigurasi.bawaan(), folder=tmp_path / "cache", kode="kode-lain").kunci(f) != k


def test_corrupt_or_foreign_entries_are_ignored_and_removed(tmp_path, seed_xlsx):
    c, f, k = _dua_kali(tmp_path, seed_xlsx)
    c.simpan(k, periksa_berkas(f))
    entry = next((tmp_path / "cache").glob("*/*.json"))
    for bad in (b"{not json", json.dumps({"schema": "lain", "kunci": k, "berkas": {}}).encode(),
                json.dumps({"schema": "renja-xl/cache-hasil@1", "kunci": "0" * 64, "berkas": {}}).encode()):
        entry.write_bytes(bad)
        assert c.ambil(k, str(f)) is None and not entry.exists()
        c.simpan(k, periksa_berkas(f))
    # a finding with a field the checker never writes is foreign
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["berkas"]["findings"][0]["__class__"] = "os.system"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert c.ambil(k, str(f)) is None and c.kena == 0


def test_fifos_and_missing_files_are_never_cached(tmp_path):
    import os

    c = CacheHasil(Konfigurasi.bawaan(), folder=tmp_path / "cache")
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    assert c.kunci(fifo) is None and c.kunci(tmp_path / "tidak-ada.xlsx") is None


def test_the_folder_is_bounded(tmp_path, seed_xlsx):
    c, f, _ = _dua_kali(tmp_path, seed_xlsx)
    b = periksa_berkas(f)
    for n in range(12):
        c.simpan(f"{n:064x}", b)
    assert c.pangkas(maks=5) == 7
    assert len(list((tmp_path / "cache").glob("*/*.json"))) == 5


def test_round_trip_of_an_unreadable_file(tmp_path):
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(b"PK\x03\x04 rusak")
    b = periksa_berkas(p)
    back = berkas_dari_dict(json.loads(json.dumps(berkas_ke_dict(b))), str(p))
    assert back.status == "unreadable" and [t.rule for t in back.findings] == ["E001"]


def test_a_second_run_reuses_unchanged_results_and_says_so(tmp_path, seed_xlsx):
    """Through the CLI with two workers: the same files checked again give the same per-file report,
    the totals say how many came from the cache (every file, not only those at the head of the queue
    when a worker was free), a changed file is checked again, and --tanpa-cache checks everything."""
    import os
    import subprocess
    import sys

    from .kiriman import kiriman

    folder = tmp_path / "kiriman"
    folder.mkdir()
    shutil.copy(seed_xlsx, folder / "a_dinsos.xlsx")
    for i in range(5):
        kiriman(folder / f"kab_{i}" / f"opd_{i}.xlsx", pemda=f"KABUPATEN UJI {i}", seed=i, n_program=1 + i % 3)
    env = {**os.environ, "RENJA_XL_CACHE": str(tmp_path / "c")}

    def run(*args):
        p = subprocess.run([sys.executable, "-m", "renja_xl", "check", str(folder), "--format", "json", "--jobs", "2",
                            *args], capture_output=True, text=True, env=env)
        assert p.returncode in (0, 1), p.stderr
        return json.loads(p.stdout)

    dingin = run()
    assert dingin["summary"]["dari_cache"] == 0
    hangat = run()
    assert hangat["summary"]["dari_cache"] == 6 and hangat["files"] == dingin["files"]
    tanpa = run("--tanpa-cache")
    assert tanpa["summary"]["dari_cache"] == 0 and tanpa["konfigurasi"]["cache"] is False
    assert tanpa["files"] == dingin["files"]
    kiriman(folder / "kab_2" / "opd_2.xlsx", pemda="KABUPATEN UJI 2", seed=99, n_program=2)  # sent again, changed
    berubah = run()
    assert berubah["summary"]["dari_cache"] == 5
    lama = {f["path"]: f for f in dingin["files"]}
    beda = [f["path"] for f in berubah["files"] if f != lama[f["path"]]]
    assert beda == [str(folder / "kab_2" / "opd_2.xlsx")]
