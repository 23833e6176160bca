"""What the CLI writes and where: the format from -o, the closing line, --quiet, --statistics,
--tingkat, a Windows-like console, argparse in the user's language, configuration errors, exit
statuses that mean the same for every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from tests.batch.kiriman import dotted, kegiatan, kiriman, sub_kegiatan
from tests.cli.test_check_cli import run
from tests.conftest import ROOT, SEED_XLSX

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def tiga(tmp_path_factory):
    """Three submissions of two pemda: planted errors, a clean one, a broken file."""
    root = tmp_path_factory.mktemp("tiga") / "kiriman"
    from tests import synth

    r = synth.buat_renja(seed=31, years=(2025, 2026))
    keg, subs = kegiatan(r)[0], sub_kegiatan(r)
    kiriman(root / "kab_luwu" / "dinsos.xlsx", seed=31,
            ubah={(dotted(keg), "pagu 2025"): keg.pagu[2025] + 7, (dotted(subs[1]), "satuan"): "Lpaoran"})
    kiriman(root / "kota_palopo" / "dinkes.xlsx", pemda="KOTA PALOPO", opd="DINAS KESEHATAN", bidang=("1", "02"),
            seed=32)
    (root / "kota_palopo" / "rusak.xlsx").write_bytes(SEED_XLSX.read_bytes()[:3000])
    return root


# --- -o decides the format ----------------------------------------------------------------------

@pytest.mark.parametrize("name, check", [
    ("hasil.json", lambda p: json.loads(p.read_text(encoding="utf-8"))["schema"].startswith("renja-xl/check@")),
    ("rekap.xlsx", lambda p: load_workbook(p).sheetnames[0] == "Ringkasan"),
    ("rekap.html", lambda p: p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")),
    ("hasil.txt", lambda p: "Ringkasan: 1 berkas" in p.read_text(encoding="utf-8")),
])
def test_the_extension_of_o_decides_the_format(tmp_path, name, check):
    out = tmp_path / name
    code, stdout, err = run("check", str(SEED_XLSX), "-o", str(out))
    assert code == 1, err
    assert stdout == "" and check(out)


@pytest.mark.parametrize("fmt, name", [("excel", "rekap.html"), ("json", "rekap.xlsx"), ("html", "hasil.json"),
                                       ("excel", "rekap.xls"), ("text", "rekap.xlsx")])
def test_a_format_that_contradicts_the_extension_is_exit_2(tmp_path, fmt, name):
    out = tmp_path / name
    code, _, err = run("check", str(SEED_XLSX), "--format", fmt, "-o", str(out))
    assert code == 2 and name in err and not out.exists()
    assert "Traceback" not in err


def test_diff_takes_its_format_from_o_too(tmp_path):
    out = tmp_path / "beda.xlsx"
    code, _, err = run("diff", str(SEED_XLSX), str(SEED_XLSX), "-o", str(out))
    assert code == 0, err
    assert load_workbook(out).sheetnames[0] == "Total"
    assert f"Perbandingan ditulis ke {out}" in err
    code, _, err = run("diff", str(SEED_XLSX), str(SEED_XLSX), "--format", "json", "-o", str(tmp_path / "b.html"))
    assert code == 2 and "b.html" in err


# --- the closing line ---------------------------------------------------------------------------

def test_a_run_that_writes_a_file_ends_with_one_line_saying_what_and_where(tmp_path, tiga):
    out = tmp_path / "rekap.xlsx"
    code, stdout, err = run("check", str(tiga), "-o", str(out))
    assert code == 1 and stdout == ""
    doc = json.loads(run("check", str(tiga), "--format", "json")[1])
    s = doc["summary"]
    lines = err.strip().splitlines()
    assert lines[-1] == (f"Rekap ditulis ke {out} — 3 berkas, {s['error']} galat, {s['warning']} peringatan, "
                         f"1 tidak terbaca")
    code, _, err = run("check", str(SEED_XLSX), "-o", str(tmp_path / "satu.xlsx"), "--lang", "en")
    assert err.strip().splitlines()[-1].startswith(f"Recap written to {tmp_path / 'satu.xlsx'} — 1 file, ")
    assert err.strip().endswith(f"annotated copy: {tmp_path / 'satu_anotasi.xlsx'}")
    code, _, err = run("check", str(SEED_XLSX), "-o", str(tmp_path / "q.json"), "--quiet")
    assert err == ""


# --- --quiet, --statistics, --tingkat -----------------------------------------------------------

def test_quiet_is_one_line_per_file_and_the_totals(tiga):
    code, out, err = run("check", str(tiga), "--quiet")
    assert code == 1 and err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 3 + 4  # a line per file, a blank line, per rule, the totals, the configuration used
    assert lines[0].startswith(str(tiga / "kab_luwu" / "dinsos.xlsx")) and "galat" in lines[0]
    assert "tidak ada temuan" in lines[1]
    assert "tidak terbaca" in lines[2]
    assert lines[-2].startswith("Ringkasan: 3 berkas (1 tidak terbaca)") and lines[-1] == "Konfigurasi: bawaan"


def test_statistics_counts_findings_and_files_per_rule(tiga):
    doc = json.loads(run("check", str(tiga), "--format", "json")[1])
    per_rule: dict[str, list] = {}
    for f in doc["files"]:
        for t in f["findings"]:
            per_rule.setdefault(t["rule"], [0, set()])
            per_rule[t["rule"]][0] += 1
            per_rule[t["rule"]][1].add(f["path"])
    code, out, _ = run("check", str(tiga), "--statistics")
    assert code == 1
    rows = [ln.split() for ln in out.splitlines()[1:]
            if ln.strip() and not ln.startswith(("Per", "Ringkasan", "Konfigurasi", "Cache"))]
    got = {r[2]: (int(r[0]), int(r[1])) for r in rows}
    assert got == {k: (n, len(files)) for k, (n, files) in per_rule.items()}
    counts = [int(r[0]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert run("check", str(tiga), "--statistics", "--format", "json")[0] == 2


def test_tingkat_galat_keeps_errors_only_in_every_format(tiga, tmp_path):
    full = json.loads(run("check", str(tiga), "--format", "json")[1])
    code, out, _ = run("check", str(tiga), "--format", "json", "--tingkat", "galat")
    only = json.loads(out)
    assert code == 1
    severities = {t["severity"] for f in only["files"] for t in f["findings"]}
    assert severities == {"error"}
    assert only["summary"]["error"] == full["summary"]["error"] and only["summary"]["warning"] == 0
    assert full["summary"]["warning"] > 0
    assert run("check", str(tiga), "--tingkat", "gala")[0] == 2


# --- consoles -----------------------------------------------------------------------------------

def test_a_windows_like_console_gets_the_whole_report_in_utf8(tmp_path):
    """Windows redirects stdout in the ANSI code page (cp1252): '→', '≠', '−' used to stop the report
    with a traceback and exit 1. Now the whole report is written, in UTF-8, the same bytes as on any
    other system, and the exit status is the findings'."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONPATH=str(ROOT))
    for lang in ("id", "en"):
        res = subprocess.run([sys.executable, "-m", "renja_xl", "check", str(SEED_XLSX.relative_to(ROOT)),
                              "--lang", lang], capture_output=True, cwd=ROOT, env=env)
        assert res.returncode == 1, res.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in res.stderr
        assert res.stdout == (GOLDEN / f"seed_{lang}.txt").read_bytes()
        assert "→".encode() in res.stdout  # the characters cp1252 cannot hold are there, as UTF-8


def test_a_console_that_cannot_show_a_character_gets_ascii(monkeypatch):
    import io

    from renja_xl.reports.konsol import AliranAscii

    raw = io.BytesIO()
    tty = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    s = AliranAscii(tty)
    s.write("Target 20 → 50 ≠ 5 − 1 · ok ✓ 字\n")
    s.flush()
    assert raw.getvalue() == b"Target 20 -> 50 != 5 - 1 | ok v ?\n"


# --- argparse and configuration in the user's language ------------------------------------------

def test_argparse_speaks_indonesian_and_english_with_suggestions():
    code, _, err = run("check", str(SEED_XLSX), "--fromat", "json")
    assert code == 2
    assert "argumen tidak dikenal: --fromat" in err and "maksud Anda --format?" in err
    assert "pemakaian:" in err and "unrecognized" not in err
    code, _, err = run("check", str(SEED_XLSX), "--fromat", "json", "--lang", "en")
    assert code == 2 and "unrecognized arguments: --fromat" in err and "did you mean --format?" in err
    code, _, err = run("chek", str(SEED_XLSX))
    assert code == 2 and "pilihan tidak dikenal: 'chek'" in err and "maksud Anda check?" in err
    code, _, err = run("check", str(SEED_XLSX), "--format", "jsn")
    assert code == 2 and "maksud Anda json?" in err
    code, _, err = run("check")
    assert code == 2 and "argumen ini wajib: PATH" in err
    code, _, err = run("rule", "S0001")
    assert code == 2 and "maksud Anda S001?" in err


@pytest.mark.parametrize("toml, lang, says", [
    ('selct = ["A"]\n', "id", ["renja-xl.toml baris 1", "kunci 'selct' tidak dikenal", "maksud Anda 'select'?"]),
    ('selct = ["A"]\n', "en", ["renja-xl.toml line 1", "unknown key 'selct'", "did you mean 'select'?"]),
    ('# ambang\n[ambang]\npersen_realisasi = "setengah"\n', "id",
     ["baris 3", "ambang.persen_realisasi harus angka", "'setengah'"]),
    ('[ambang]\npersen_realisasi = "setengah"\n', "en", ["line 2", "ambang.persen_realisasi must be a number"]),
    ('select = ["A"\n', "id", ["penulisan TOML salah"]),
    ('ignore = ["A"]\nselect = ["A",\n  "T" "S"]\n', "en", ["line 3, column", "invalid TOML"]),
    ('[[pengecualian]]\nrule = "A005"\n', "id", ["baris 1", "pengecualian[1].alasan wajib diisi"]),
    ('periode = "TW5"\n', "en", ["line 1", "periode", "choose TW1, TW2, TW3 or TW4"]),
])
def test_configuration_errors_name_the_key_and_the_line_in_the_users_language(tmp_path, toml, lang, says,
                                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)  # the reviewer's working folder holds the configuration
    (tmp_path / "renja-xl.toml").write_text(toml, encoding="utf-8")
    src = tmp_path / "renja.xlsx"
    src.write_bytes(SEED_XLSX.read_bytes())
    code, _, err = run("check", str(src), "--lang", lang)
    assert code == 2
    for s in says:
        assert s in err, err
    assert "pydantic" not in err and "errors.pydantic.dev" not in err and "Traceback" not in err


# --- exit statuses ------------------------------------------------------------------------------

def test_one_meaning_per_exit_status_across_commands(tmp_path, tiga):
    empty = tmp_path / "kosong"
    empty.mkdir()
    missing = tmp_path / "tidak_ada.xlsx"
    for args in (["check", str(empty)], ["check", str(missing)], ["ringkasan", str(empty)],
                 ["ringkasan", str(missing)], ["diff", str(missing), str(SEED_XLSX)]):
        code, _, err = run(*args)
        assert code == 2, (args, err)  # the tool cannot do what was asked
    assert run("ringkasan", str(tiga))[0] == 1  # an unreadable submission, as check says
    assert run("check", str(tiga))[0] == 1
    assert run("ringkasan", str(tiga / "kab_luwu"))[0] == 0
    assert run("diff", str(SEED_XLSX), str(SEED_XLSX))[0] == 0


def test_ringkasan_takes_folders_and_zips_through_the_checks_limits(tmp_path, tiga):
    import zipfile

    z = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in sorted(tiga.rglob("*.xlsx")):
            zf.write(f, f.relative_to(tiga).as_posix())
    code, out, err = run("ringkasan", str(z))
    assert code == 1, err
    assert f"{z}!kab_luwu/dinsos.xlsx\n  Tabel 4.1 [rencana]" in out
    assert f"{z}!kota_palopo/rusak.xlsx\n  tidak terbaca:" in out
    code, out, _ = run("ringkasan", str(tiga), "--batas-ukuran", "0.001")
    assert code == 1 and out.count("Berkas terlalu besar") == 3


def test_files_left_out_of_a_batch_are_named(tmp_path):
    """A PDF or an Office lock file beside the submissions used to be skipped without a word."""
    import zipfile

    root = tmp_path / "kiriman"
    kiriman(root / "kab_luwu" / "dinsos.xlsx", seed=35)
    (root / "kab_luwu" / "surat_pengantar.pdf").write_bytes(b"%PDF-1.4")
    (root / "kab_luwu" / "~$dinsos.xlsx").write_bytes(b"lock")
    (root / "kab_luwu" / "._dinsos.xlsx").write_bytes(b"mac")  # macOS metadata: never a submission, not said
    with zipfile.ZipFile(root / "kota_palopo.zip", "w") as zf:
        zf.writestr("kota_palopo/catatan.docx", b"x")
    code, out, err = run("check", str(root), "--format", "json")
    assert code == 0 and len(json.loads(out)["files"]) == 1
    assert err.strip() == ("3 berkas lain dilewati (bukan spreadsheet, atau berkas kunci Office): "
                           f"{root / 'kab_luwu' / 'surat_pengantar.pdf'}, {root / 'kab_luwu' / '~$dinsos.xlsx'}, "
                           f"{root / 'kota_palopo.zip'}!kota_palopo/catatan.docx")
    code, _, err = run("check", str(root), "-o", str(tmp_path / "r.json"))
    assert err.strip().endswith(f"{root / 'kota_palopo.zip'}!kota_palopo/catatan.docx")
    assert "Laporan ditulis ke" in err
