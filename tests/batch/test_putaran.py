"""Rounds: ``--baseline PREVIOUS.json`` marks findings baru / masih ada / selesai, matching submissions by
identity (pemda + office + year) even when every file was renamed and moved."""

from __future__ import annotations

import json

import pytest

from renja_xl.core.angka import format_angka
from tests.batch.kiriman import dotted, kegiatan, kiriman, sub_kegiatan
from tests.cli.test_check_cli import run


def _plant(path, fix_pagu: bool, new_unit: bool, seed: int = 11, **kw):
    """Luwu's Dinas Sosial: a wrong kegiatan pagu (A001 on it: its program still adds up the kegiatan as
    they should be, so one cause is one finding) and a typo in a unit
    (S001, and S002: the indicator counts another unit); the next round fixes the pagu, keeps the typo
    and adds a new typo."""
    from tests import synth

    renja = synth.buat_renja(seed=seed, years=(2025, 2026))
    keg, subs = kegiatan(renja)[0], sub_kegiatan(renja)
    ubah = {(dotted(subs[0]), "satuan"): "Lpaoran"}
    if not fix_pagu:
        ubah[(dotted(keg), "pagu 2025")] = keg.pagu[2025] + 500
    if new_unit:
        ubah[(dotted(subs[-1]), "satuan")] = "Kelaurga"
    kiriman(path, seed=seed, ubah=ubah, **kw)
    return keg, subs


@pytest.fixture
def rounds(tmp_path):
    r1, r2 = tmp_path / "putaran1", tmp_path / "putaran2"
    keg, subs = _plant(r1 / "kab_luwu" / "dinsos_2025.xlsx", fix_pagu=False, new_unit=False)
    kiriman(r1 / "kota_palopo" / "dinkes.xlsx", pemda="KOTA PALOPO", opd="DINAS KESEHATAN", bidang=("1", "02"), seed=3)
    kiriman(r1 / "kab_bone" / "dispar.xlsx", pemda="KABUPATEN BONE", opd="DINAS PARIWISATA", bidang=("3", "26"), seed=4,
            ubah={("3.26", "pagu 2025"): 1})
    # round 2: every file renamed and moved; Bone did not send again; Palopo's file is now first
    _plant(r2 / "A - revisi" / "Renja 2025 final (revisi 2).xlsx", fix_pagu=True, new_unit=True)
    kiriman(r2 / "0_palopo_baru" / "renja.xlsx", pemda="KOTA PALOPO", opd="DINAS KESEHATAN", bidang=("1", "02"), seed=3)
    base = tmp_path / "putaran1.json"
    code, _, err = run("check", str(r1), "--format", "json", "-o", str(base))
    assert code == 1, err
    return r1, r2, base, keg, subs


def test_findings_are_new_still_open_or_resolved_across_renamed_files(rounds):
    r1, r2, base, keg, subs = rounds
    code, out, err = run("check", str(r2), "--format", "json", "--baseline", str(base))
    assert code == 0, err  # the errors were fixed: only warnings left
    doc = json.loads(out)
    palopo, luwu = doc["files"]
    assert luwu["path"].endswith("Renja 2025 final (revisi 2).xlsx")
    status = {(t["rule"], t["kode"]): t["status"] for t in luwu["findings"]}
    assert status == {("S001", dotted(subs[0])): "masih ada", ("S002", dotted(subs[0])): "masih ada",
                      ("S001", dotted(subs[-1])): "baru", ("S002", dotted(subs[-1])): "baru"}
    resolved = {(t["rule"], t["kode"]) for t in luwu["selesai"]}
    assert resolved == {("A001", dotted(keg))}
    assert all(t["status"] == "selesai" and t["sebelumnya"].endswith("dinsos_2025.xlsx") for t in luwu["selesai"])
    assert palopo["findings"] == [] and "selesai" not in palopo
    s = doc["summary"]
    assert (s["baru"], s["masih_ada"], s["selesai"]) == (2, 2, 1)
    assert [p.rsplit("/", 2)[-2] for p in doc["tidak_dikirim_ulang"]] == ["kab_bone"]


def test_text_report_shows_the_round(rounds):
    r1, r2, base, keg, subs = rounds
    code, out, _ = run("check", str(r2), "--baseline", str(base))
    print(out)
    assert "S001 " + dotted(subs[-1]) + " [baru]" in out and "S001 " + dotted(subs[0]) + " [masih ada]" in out
    assert "1 temuan putaran sebelumnya sudah selesai:" in out
    assert f"K9 A001 {dotted(keg)}  Pagu 2025 kegiatan Rp {format_angka(keg.pagu[2025] + 500)}" in out
    assert "Dibanding putaran sebelumnya: 2 baru, 2 masih ada, 1 selesai" in out
    assert "tidak ada di putaran ini (1)" in out and "kab_bone" in out
    code, out, _ = run("check", str(r2), "--baseline", str(base), "--lang", "en")
    assert "[still open]" in out and "Since the previous round: 2 new, 2 still open, 1 resolved" in out


def test_the_same_files_again_resolve_nothing(rounds):
    r1, r2, base, *_ = rounds
    code, out, _ = run("check", str(r1), "--format", "json", "--baseline", str(base))
    doc = json.loads(out)
    assert doc["summary"]["baru"] == 0 and doc["summary"]["selesai"] == 0
    assert doc["summary"]["masih_ada"] == doc["summary"]["error"] + doc["summary"]["warning"] + doc["summary"]["info"]
    assert doc["tidak_dikirim_ulang"] == []


def test_an_unreadable_file_resolves_nothing(rounds, tmp_path):
    r1, r2, base, *_ = rounds
    broken = tmp_path / "r3" / "kab_luwu" / "dinsos_2025.xlsx"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"PK\x03\x04 rusak")
    code, out, _ = run("check", str(broken), "--format", "json", "--baseline", str(base))
    (f,) = json.loads(out)["files"]
    assert f["status"] == "unreadable" and "selesai" not in f and f["findings"][0]["status"] == "baru"
    assert json.loads(out)["summary"]["selesai"] == 0


@pytest.mark.parametrize("content, says", [
    ("{bukan json", "bukan JSON"),
    ('{"schema": "lain/1", "files": []}', "bukan laporan JSON renja-xl"),
    ('{"schema": "renja-xl/check@1", "files": [{"path": 3, "findings": [{"rule": "A001"}]}]}', "files.0"),
])
def test_a_bad_baseline_is_exit_2(tmp_path, rounds, content, says):
    r1, *_ = rounds
    bad = tmp_path / "lama.json"
    bad.write_text(content, encoding="utf-8")
    code, _, err = run("check", str(r1), "--baseline", str(bad))
    assert code == 2 and "--baseline" in err and says in err
    code, _, err = run("check", str(r1), "--baseline", str(tmp_path / "tidak_ada.json"))
    assert code == 2 and "tidak dapat membaca" in err


def test_excel_recap_shows_the_round(rounds, tmp_path):
    from openpyxl import load_workbook

    r1, r2, base, keg, subs = rounds
    out = tmp_path / "rekap.xlsx"
    code, _, err = run("check", str(r2), "--format", "excel", "-o", str(out), "--baseline", str(base))
    assert code == 0, err
    wb = load_workbook(out)
    head, palopo, luwu = [list(r) for r in wb["Ringkasan"].iter_rows(min_row=1, max_row=3, values_only=True)]
    assert head[-3:] == ["Baru", "Masih ada", "Selesai"] and luwu[-3:] == [2, 2, 1] and palopo[-3:] == [0, 0, 0]
    ws = wb["Temuan"]
    assert ws.cell(row=1, column=ws.max_column).value == "Putaran"
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    resolved = [(r[5], r[6]) for r in rows if r[-1] == "selesai"]
    assert sorted(resolved) == [(dotted(keg), "A001")]
    assert sorted(r[-1] for r in rows) == ["baru", "baru", "masih ada", "masih ada", "selesai"]
    note = [r for r in wb["Ringkasan"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert note[0][0].startswith("Tidak dikirim ulang") and note[1][0].endswith("kab_bone/dispar.xlsx")
