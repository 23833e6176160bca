"""``renja-xl check`` as a user runs it: formats, exit codes, selection, language, config, deviations."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest
from openpyxl import load_workbook

import renja_xl
from renja_xl.cli import main
from tests import synth
from tests.conftest import ROOT, SEED_XLSX


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse
            code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def bersih(tmp_path):
    p = tmp_path / "renja_bersih_2024.xlsx"
    synth.simpan(p, [("Tabel 4.1", synth.buat_renja(seed=1), synth.Tata(), None)])
    return p


def test_json_contract_on_the_seed():
    code, out, _ = run("check", str(SEED_XLSX), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["schema"] == "renja-xl/check@1"
    assert doc["tool"] == {"name": "renja-xl", "version": renja_xl.__version__}
    (f,) = doc["files"]
    assert f["status"] == "checked" and f["path"] == str(SEED_XLSX)
    assert {"sheet": "Tabel 4.1", "kind": "rencana", "header_rows": [4, 5, 6], "first_row": 8, "last_row": 69} in f["tables"]
    for t in f["findings"]:
        assert set(t) >= {"rule", "slug", "severity", "sheet", "row", "cell", "kode", "message"}
    a001 = [t for t in f["findings"] if t["rule"] == "A001"][0]
    assert isinstance(a001["expected"], int) and (a001["actual"] is None or isinstance(a001["actual"], int))
    s = doc["summary"]
    assert s["files"] == 1 and s["unreadable"] == 0
    assert s["error"] == sum(t["severity"] == "error" for t in f["findings"])
    assert s["warning"] == sum(t["severity"] == "warning" for t in f["findings"])


def test_exit_0_on_a_clean_workbook_and_text_summary(bersih):
    code, out, _ = run("check", str(bersih))
    assert code == 0
    assert "tidak ada temuan" in out and "Ringkasan: 1 berkas (0 tidak terbaca), 0 galat" in out


def test_select_ignore_and_prefixes():
    code, out, _ = run("check", str(SEED_XLSX), "--format", "json", "--select", "A,T001", "--ignore", "A005,A009")
    rules = {t["rule"] for t in json.loads(out)["files"][0]["findings"]}
    assert rules == {"A001", "A004", "A006", "A008", "T001"}
    code, out, _ = run("check", str(SEED_XLSX), "--format", "json", "--select", "S", "--lang", "en")
    assert code == 0  # only warnings left
    msgs = [t["message"] for t in json.loads(out)["files"][0]["findings"]]
    assert any("Unknown unit 'Lpaoran'; probably Laporan" == m for m in msgs)


def test_unknown_rule_code_is_exit_2():
    code, _, err = run("check", str(SEED_XLSX), "--select", "Z9")
    assert code == 2 and "Z9" in err


def test_bad_arguments_exit_2():
    code, _, err = run("check", str(SEED_XLSX), "--format", "pdf")
    assert code == 2


def test_unreadable_file_is_one_e001_and_the_batch_goes_on(tmp_path, bersih):
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(SEED_XLSX.read_bytes()[:3000])
    teks = tmp_path / "catatan.xlsx"
    teks.write_text("bukan spreadsheet", encoding="utf-8")
    code, out, _ = run("check", str(rusak), str(bersih), str(teks), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert [f["status"] for f in doc["files"]] == ["unreadable", "checked", "unreadable"]
    e = doc["files"][0]["findings"][0]
    assert e["rule"] == "E001" and e["severity"] == "error" and "terpotong" in e["message"]
    assert e["sheet"] is None and e["cell"] is None
    assert doc["summary"]["unreadable"] == 2


def test_folder_is_searched_recursively(tmp_path, bersih):
    sub = tmp_path / "kab" / "dinas"
    sub.mkdir(parents=True)
    shutil.copy(bersih, sub / "a.xlsx")
    shutil.copy(SEED_XLSX, sub / "b.xlsx")
    (sub / "~$a.xlsx").write_bytes(b"lock")
    code, out, _ = run("check", str(tmp_path / "kab"), "--format", "json")
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a.xlsx", "b.xlsx"]


def test_output_file_and_never_overwriting_an_input(tmp_path, bersih):
    report = tmp_path / "laporan.json"
    code, out, _ = run("check", str(bersih), "--format", "json", "-o", str(report))
    assert code == 0 and out == "" and json.loads(report.read_text())["summary"]["files"] == 1
    before = bersih.read_bytes()
    code, _, err = run("check", str(bersih), "-o", str(bersih))
    assert code == 2 and "menimpa" in err and bersih.read_bytes() == before
    code, _, err = run("check", str(bersih), "-o", str(tmp_path / "tidak" / "ada" / "x.json"))
    assert code == 2


def test_config_file_sets_selection_thresholds_and_deviations(tmp_path, monkeypatch):
    d = tmp_path / "kiriman"
    d.mkdir()
    shutil.copy(SEED_XLSX, d / "renja.xlsx")
    (d / "renja-xl.toml").write_text(
        'select = ["A"]\nperiode = "TW2"\n[ambang]\nfisik_keuangan = 100\n'
        '[[pengecualian]]\nrule = "A004"\nkode = "1.06.01.2.02.06"\nalasan = "Dibayar dari sisa tahun lalu"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(d)  # the reviewer's working folder: configuration comes from there, never from the inputs
    code, out, _ = run("check", str(d / "renja.xlsx"), "--format", "json")
    f = json.loads(out)["files"][0]
    rules = {t["rule"] for t in f["findings"]}
    assert "A008" not in rules and "A004" not in rules and not (rules - {"A001", "A005", "A006", "A009"})
    assert {t["severity"] for t in f["findings"] if t["rule"] == "A005"} == {"info"}  # TW2
    assert f["silenced"] == [{"rule": "A004", "kode": "1.06.01.2.02.06", "sheet": "Realisasi 2024", "cell": "C16",
                              "alasan": "Dibayar dari sisa tahun lalu"}]
    # command line wins over the file
    code, out, _ = run("check", str(d / "renja.xlsx"), "--format", "json", "--periode", "TW4")
    assert {t["severity"] for t in json.loads(out)["files"][0]["findings"] if t["rule"] == "A005"} == {"warning"}


def test_pyproject_tool_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the reviewer's working folder
    shutil.copy(SEED_XLSX, tmp_path / "renja.xlsx")
    (tmp_path / "pyproject.toml").write_text('[tool.renja-xl]\nignore = ["T", "S", "A", "P"]\n', encoding="utf-8")
    code, out, _ = run("check", str(tmp_path / "renja.xlsx"), "--format", "json")
    assert {t["rule"][0] for t in json.loads(out)["files"][0]["findings"]} == {"K"}


def test_invalid_config_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the reviewer's working folder
    shutil.copy(SEED_XLSX, tmp_path / "renja.xlsx")
    (tmp_path / "renja-xl.toml").write_text('[capaian]\nrumus_negatif = "r/t"\n', encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "renja.xlsx"))
    assert code == 2 and "rumus_negatif" in err


def test_pengecualian_sheet_in_the_workbook(tmp_path):
    """A Pengecualian sheet is the sender's claim: listed with its reason and count, its findings kept
    and marked, honoured only with --percayai-pengecualian (and a whole-rule claim said loudly)."""
    p = tmp_path / "dengan_pengecualian.xlsx"
    wb = load_workbook(SEED_XLSX)
    ws = wb.create_sheet("Pengecualian")
    ws.append(["Aturan", "Kode", "Alasan"])
    ws.append(["T001", "1.06.04.2.01.01", "Target Tabel 4.2 adalah hasil rapat TAPD"])
    ws.append(["S001", "", "Satuan diperbaiki di SIPD"])
    wb.save(p)
    code, out, _ = run("check", str(p), "--format", "json")
    doc = json.loads(out)
    f = doc["files"][0]
    claimed = [t for t in f["findings"] if t.get("dikecualikan_kiriman")]
    assert {t["rule"] for t in claimed} == {"T001", "S001"} and len(claimed) == 1 + 9
    assert "silenced" not in f and doc["summary"]["dikecualikan_kiriman"] == 10
    assert [(k["rule"], k["temuan"], k["seluruh_aturan"], k["dihormati"]) for k in f["klaim_pengecualian"]] == [
        ("T001", 1, False, False), ("S001", 9, True, False)]
    code, out, _ = run("check", str(p), "--format", "json", "--percayai-pengecualian")
    f = json.loads(out)["files"][0]
    rules = {t["rule"] for t in f["findings"]}
    assert "S001" not in rules and not [t for t in f["findings"] if t["rule"] == "T001" and t["kode"] == "1.06.04.2.01.01"]
    assert len(f["silenced"]) == 1 + 9 and {s["sumber"] for s in f["silenced"]} == {"kiriman"}
    code, out, _ = run("check", str(p), "--percayai-pengecualian")
    assert "10 temuan dikecualikan" in out and "Target Tabel 4.2 adalah hasil rapat TAPD" in out
    assert "pengecualian SELURUH ATURAN" in out and "dihormati (--percayai-pengecualian)" in out


def test_rules_and_rule_docs():
    code, out, _ = run("rules")
    assert code == 0
    lines = [l for l in out.splitlines() if l[:1] in "KATSE" and l[1:4].isdigit()]
    assert len(lines) >= 21 and lines[0].startswith("A001  pagu-tidak-sesuai-rincian")
    code, out, _ = run("rule", "K001")
    assert code == 0 and out.startswith("# K001 kode-tidak-valid") and "## Cara memperbaiki" in out
    code, out, _ = run("rule", "satuan-tidak-dikenal", "--lang", "en")
    assert "## How to fix" in out and "S001" in out
    assert run("rule", "X999")[0] == 2


def test_console_script_in_a_fresh_process():
    res = subprocess.run([sys.executable, "-m", "renja_xl", "check", str(SEED_XLSX), "--select", "T001"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 1
    assert "T001" in res.stdout and "Target 2024 20 berbeda dengan Tabel 4.1 (J52) 50" in res.stdout


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs os.mkfifo (POSIX)")
def test_output_to_a_pipe_is_written_not_replaced(bersih, tmp_path):
    """-o naming a FIFO (or a device such as /dev/null) writes into it and leaves it what it was.
    A FIFO in the test's own folder: a regression can only replace that, never the system's /dev/null."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipa.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = run("check", str(bersih), "--format", "json", "-o", str(fifo))
    reader.join(30)
    assert code == 0 and out == ""
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0])["summary"]["files"] == 1


def test_misspelt_config_key_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the reviewer's working folder
    shutil.copy(SEED_XLSX, tmp_path / "renja.xlsx")
    (tmp_path / "renja-xl.toml").write_text('selct = ["A"]\n', encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "renja.xlsx"))
    assert code == 2 and "selct" in err


@pytest.mark.parametrize("toml, keys", [
    ('[satuan_tambahan]\nPSKS = ["potensi"]\n[satuan-tambahan]\nKAT = ["komunitas adat"]\n',
     ("satuan_tambahan", "satuan-tambahan")),
    ('batas_waktu = 60\nbatas-waktu = 5\n', ("batas_waktu", "batas-waktu")),
    ('[ambang]\npersen_realisasi = 1\npersen-realisasi = 2\n', ("persen_realisasi", "persen-realisasi")),
])
def test_a_key_written_twice_with_dash_and_underscore_is_exit_2(tmp_path, toml, keys, monkeypatch):
    """``a_b`` and ``a-b`` are the same key: written both ways, one of them used to be dropped silently."""
    monkeypatch.chdir(tmp_path)  # the reviewer's working folder holds the configuration
    shutil.copy(SEED_XLSX, tmp_path / "renja.xlsx")
    (tmp_path / "renja-xl.toml").write_text(toml, encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "renja.xlsx"))
    assert code == 2, err
    assert all(k in err for k in keys), err


def test_ringkasan_lists_tables_and_totals(samples_dir):
    code, out, _ = run("ringkasan", str(SEED_XLSX), str(samples_dir / "rka_rincian_belanja_contoh.xlsx"))
    assert code == 0
    assert "Tabel 4.1 [rencana] baris 8–69 (62) — total pagu 2024: Rp 4.876.245.268, 2025: Rp 5.770.500.000" in out
    assert "tidak ada tabel Renja yang dikenali (renja dpa)" in out


def test_no_command_prints_help_and_exit_2():
    code, out, _ = run()
    assert code == 2 and "check" in out


def test_a_reader_that_goes_away_is_not_a_finding():
    """``renja-xl check X | head``: when the reader of the output goes away the tool stops quietly
    with 141 (128 + SIGPIPE, what a shell reports for a process killed by a broken pipe), not 1,
    which means "error findings" (for diff: "the files differ")."""
    for args in (["check", str(SEED_XLSX)], ["diff", str(SEED_XLSX), str(SEED_XLSX)], ["rules"]):
        proc = subprocess.Popen([sys.executable, "-m", "renja_xl", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=ROOT)
        proc.stdout.close()  # the reader is gone before the first line is written
        err = proc.stderr.read().decode()
        assert proc.wait(60) == 141, (args, err)
        assert "Traceback" not in err and "Exception ignored" not in err, err
