"""``--per-kiriman DIR``: every submission's feedback in a folder per pemda and office; the inputs
are never touched; Ctrl-C while writing leaves no half-written recap and no traceback."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from openpyxl import load_workbook

from tests.batch.kiriman import dotted, kegiatan, kiriman, sub_kegiatan
from tests.cli.test_check_cli import run
from tests.conftest import ROOT, SEED_XLSX


def _sidik(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def kiriman_kab(tmp_path_factory):
    root = tmp_path_factory.mktemp("per") / "masuk"
    from tests import synth

    r = synth.buat_renja(seed=41, years=(2025, 2026))
    keg, subs = kegiatan(r)[0], sub_kegiatan(r)
    kiriman(root / "kab_luwu" / "dinsos.xlsx", seed=41,
            ubah={(dotted(keg), "pagu 2025"): keg.pagu[2025] + 7, (dotted(subs[1]), "satuan"): "Lpaoran"})
    kiriman(root / "kab_luwu" / "dinkes.xlsx", opd="DINAS KESEHATAN", bidang=("1", "02"), seed=42)
    kiriman(root / "kota_palopo" / "dinsos.xlsx", pemda="KOTA PALOPO", seed=43)
    (root / "kota_palopo" / "rusak.xlsx").write_bytes(SEED_XLSX.read_bytes()[:3000])
    return root


def test_per_kiriman_folder_for_a_batch(tmp_path, kiriman_kab):
    before = _sidik(kiriman_kab)
    out = tmp_path / "umpan"
    code, stdout, err = run("check", str(kiriman_kab), "--per-kiriman", str(out), "--format", "json")
    assert code == 1, err
    doc = json.loads(stdout)
    assert _sidik(kiriman_kab) == before  # the inputs are untouched
    got = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert got == [
        "Kabupaten Luwu/Dinas Kesehatan/dinkes_anotasi.xlsx",
        "Kabupaten Luwu/Dinas Kesehatan/dinkes_ringkasan.txt",
        "Kabupaten Luwu/Dinas Sosial/dinsos_anotasi.xlsx",
        "Kabupaten Luwu/Dinas Sosial/dinsos_ringkasan.txt",
        "Kota Palopo/(perangkat daerah tidak dikenali)/rusak_ringkasan.txt",
        "Kota Palopo/Dinas Sosial/dinsos_anotasi.xlsx",
        "Kota Palopo/Dinas Sosial/dinsos_ringkasan.txt",
        "rekap.xlsx",
    ]
    by_path = {f["path"]: f for f in doc["files"]}
    luwu = by_path[str(kiriman_kab / "kab_luwu" / "dinsos.xlsx")]
    summary = (out / "Kabupaten Luwu" / "Dinas Sosial" / "dinsos_ringkasan.txt").read_text(encoding="utf-8-sig")
    errors = sum(1 for t in luwu["findings"] if t["severity"] == "error")
    assert f"Jumlah temuan: {errors} galat" in summary
    assert "Pemda            : Kabupaten Luwu" in summary and "dinsos_anotasi.xlsx" in summary
    for t in luwu["findings"]:
        assert t["rule"] in summary
    assert len(summary.splitlines()) < 66  # one printed page
    copy = load_workbook(out / "Kabupaten Luwu" / "Dinas Sosial" / "dinsos_anotasi.xlsx")
    listed = [r for r in copy["renja-xl"].iter_rows(min_row=2, values_only=True) if r[3]]
    assert [r[3] for r in listed] == [t["rule"] for t in luwu["findings"]]
    rusak = (out / "Kota Palopo" / "(perangkat daerah tidak dikenali)" / "rusak_ringkasan.txt").read_text(
        encoding="utf-8-sig")
    assert "tidak dapat dibaca" in rusak and "E001" in rusak
    rekap = load_workbook(out / "rekap.xlsx")
    assert [r[0] for r in rekap["Ringkasan"].iter_rows(min_row=2, max_row=5, values_only=True)] == list(by_path)
    assert f"Umpan balik per kiriman di {out}: 4 ringkasan, 3 salinan beranotasi" in err


def test_per_kiriman_inside_an_input_folder_is_refused(kiriman_kab):
    code, _, err = run("check", str(kiriman_kab), "--per-kiriman", str(kiriman_kab / "umpan"))
    assert code == 2 and "di dalam folder masukan" in err
    assert not (kiriman_kab / "umpan").exists()


def test_names_from_a_submission_are_made_safe_for_folders():
    from renja_xl.batch.per_kiriman import nama_aman

    assert nama_aman("Dinas A/B: <Uji>?") == "Dinas A_B_ _Uji_"
    assert nama_aman("..") == "_"
    assert nama_aman("CON") == "_CON"
    assert nama_aman("x" * 200) == "x" * 80
    assert nama_aman("Badan\x00 Perencanaan ") == "Badan_ Perencanaan"


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals and a pseudo-terminal")
def test_ctrl_c_during_the_excel_recap_stops_cleanly(tmp_path, kiriman_kab):
    """Ctrl-C while a batch writes its Excel recap: exit 130, one line on stderr and no traceback
    (openpyxl's half-written sheets used to complain at exit), no recap left behind. stderr is a
    pseudo-terminal, so the progress bar tells when files are being written to the recap."""
    import pty
    import re
    import select

    many = tmp_path / "banyak"  # sixty copies of one file: --tanpa-cache, or 59 of them are cache hits and done at once
    for i in range(60):
        d = many / f"kab_{i:02d}"
        d.mkdir(parents=True)
        (d / "dinsos.xlsx").write_bytes((kiriman_kab / "kab_luwu" / "dinsos.xlsx").read_bytes())
    out = tmp_path / "rekap.xlsx"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "renja_xl", "check", str(many), "-o", str(out), "--jobs", "1", "--tanpa-cache"],
                            stdout=subprocess.DEVNULL, stderr=slave, cwd=tmp_path, env=env, start_new_session=True)
    os.close(slave)
    seen, done = b"", 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and done < 5:  # with one worker, files are written as they finish
            if select.select([master], [], [], 0.5)[0]:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break
                counts = re.findall(rb"(\d+)/60 berkas", seen)
                done = int(counts[-1]) if counts else 0
        assert 5 <= done < 60, seen[-300:]
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group, workers included
        proc.wait(60)
        while select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 130, text[-2000:]
    assert "Traceback" not in text and "Exception ignored" not in text, text[-2000:]
    assert "renja-xl: dihentikan" in text
    assert not out.exists() and not list(tmp_path.glob(".rekap.xlsx.*"))
