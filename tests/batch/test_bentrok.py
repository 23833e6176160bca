"""Identity conflicts in a batch (E007): the same submission twice, byte-identical files, a title
that names another pemda than its folder, and --baseline pairing that had to choose."""

from __future__ import annotations

import json
import shutil

from tests import synth
from tests.batch.kiriman import dotted, kiriman, sub_kegiatan
from tests.cli.test_check_cli import run


def _e005(doc):
    return {f["path"]: [t["message"] for t in f["findings"] if t["rule"] == "E007"] for f in doc["files"]}


def test_identity_conflicts_are_findings_on_the_later_submission(tmp_path):
    root = tmp_path / "kiriman"
    kiriman(root / "kab_luwu" / "dinsos.xlsx", seed=51)
    shutil.copy(root / "kab_luwu" / "dinsos.xlsx", root / "kab_luwu" / "dinsos (1).xlsx")  # sent twice
    kiriman(root / "kab_luwu" / "dinsos_revisi.xlsx", seed=52)  # another file, the same office and year
    kiriman(root / "kab_luwu" / "renja_perubahan_dinsos.xlsx", seed=53,  # the Renja Perubahan: not a conflict
            judul=["TABEL 4.1", "RENJA PERUBAHAN DINAS SOSIAL KABUPATEN LUWU TAHUN 2025"])
    kiriman(root / "kab_toraja_utara" / "dinsos.xlsx", seed=54)  # the title says Kabupaten Luwu
    code, out, err = run("check", str(root), "--format", "json")
    assert code == 0, err  # E007 is a warning
    got = _e005(json.loads(out))
    first = str(root / "kab_luwu" / "dinsos (1).xlsx")  # sorted: "dinsos (1)" comes before "dinsos.xlsx"
    assert got[first] == []
    assert got[str(root / "kab_luwu" / "dinsos.xlsx")] == [f"Isi berkas ini sama persis dengan {first} "
                                                           "(terkirim dua kali, atau disalin?)"]
    assert len(got[str(root / "kab_luwu" / "dinsos_revisi.xlsx")]) == 1
    assert got[str(root / "kab_luwu" / "dinsos_revisi.xlsx")][0].startswith(
        f"Identitas sama dengan kiriman lain dalam pemeriksaan ini: {first} (Kabupaten Luwu · Dinas Sosial · 2025")
    assert got[str(root / "kab_luwu" / "renja_perubahan_dinsos.xlsx")] == []
    toraja = got[str(root / "kab_toraja_utara" / "dinsos.xlsx")]
    assert any("folder atau nama berkasnya menyebut Kabupaten Toraja Utara" in m for m in toraja)
    # the Toraja Utara folder's file is also Luwu's Dinas Sosial 2025 by its title: a second E007
    assert any(m.startswith("Identitas sama") for m in toraja)
    code, out, _ = run("check", str(root), "--format", "json", "--ignore", "E007")
    assert all(v == [] for v in _e005(json.loads(out)).values())


def test_baseline_pairs_by_identity_and_says_when_it_had_to_choose(tmp_path):
    r1 = tmp_path / "putaran1"
    salah = {(dotted(sub_kegiatan(synth.buat_renja(seed=62, years=(2025, 2026)))[0]), "satuan"): "Lpaoran"}
    kiriman(r1 / "kab_luwu" / "dinsos_final.xlsx", seed=61)
    kiriman(r1 / "kab_luwu" / "dinsos_revisi.xlsx", seed=62, ubah=salah)  # two of one office in that round
    base = tmp_path / "p1.json"
    assert run("check", str(r1), "--format", "json", "-o", str(base))[0] in (0, 1)
    r2 = tmp_path / "putaran2"
    kiriman(r2 / "kab_luwu" / "dinsos_revisi.xlsx", seed=62, ubah=salah)
    code, out, err = run("check", str(r2), "--format", "json", "--baseline", str(base))
    doc = json.loads(out)
    (f,) = doc["files"]
    msgs = _e005(doc)[f["path"]]
    assert msgs == [f"Putaran sebelumnya mempunyai 2 kiriman dengan identitas ini; dibandingkan dengan "
                    f"{r1 / 'kab_luwu' / 'dinsos_revisi.xlsx'} (nama berkas paling mirip), bukan "
                    f"{r1 / 'kab_luwu' / 'dinsos_final.xlsx'}"]
    # the same file as before: every finding still open, none new but the note itself
    statuses = [t["status"] for t in f["findings"] if t["rule"] != "E007"]
    assert statuses and set(statuses) == {"masih ada"}
    assert doc["tidak_dikirim_ulang"] == [str(r1 / "kab_luwu" / "dinsos_final.xlsx")]
