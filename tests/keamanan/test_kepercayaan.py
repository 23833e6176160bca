"""The trust boundary: a submission's own exemptions are claims, its configuration files are never
loaded, and every report says which configuration was used."""

from __future__ import annotations

import hashlib
import json
import zipfile

from openpyxl import load_workbook

from tests import synth
from tests.keamanan.bantu import jalankan, renja, rumus_dalam, sidik, tanpa_jejak

MENGECUALIKAN_SEMUA = 'ignore = ["K", "A", "T", "S", "E"]\nbatas_waktu = 0\nbatas_ukuran = 0\nbatas_memori = 0\n'


def _bersalah(path, hidden=True):
    """A submission with planted errors and a (veryHidden) Pengecualian sheet exempting every rule."""
    r = synth.buat_renja(seed=7, years=(2025, 2026))
    sub = [".".join(b.kode) for b in r.rows if len(b.kode) == 6]
    keg = [b for b in r.rows if len(b.kode) == 5][0]
    renja(path, seed=7, ubah={(".".join(keg.kode), "pagu 2025"): keg.pagu[2025] + 7, (sub[0], "satuan"): "Lpaoran"})
    wb = load_workbook(path)
    ws = wb.create_sheet("Pengecualian")
    ws.append(["Aturan", "Kode", "Alasan"])
    for huruf in "KATSE":
        ws.append([huruf, None, "sudah dibahas"])
    if hidden:
        ws.sheet_state = "veryHidden"
    wb.save(path)
    return path


def _json(*args, cwd=None):
    h = jalankan("check", *args, "--format", "json", "--jobs", "1", cwd=cwd)
    tanpa_jejak(h)
    return h, json.loads(h.out)


def test_a_hidden_self_exempting_sheet_is_a_claim_not_an_exemption(tmp_path):
    folder = tmp_path / "kiriman"
    _bersalah(folder / "dinsos.xlsx")
    renja(folder / "dinkes.xlsx", seed=8)
    before = sidik(folder)
    h, doc = _json(str(folder))
    assert h.code == 1  # the errors count
    f = next(x for x in doc["files"] if x["path"].endswith("dinsos.xlsx"))
    errors = [t for t in f["findings"] if t["severity"] == "error"]
    assert errors and all(t.get("dikecualikan_kiriman") == "sudah dibahas" for t in f["findings"])
    assert doc["summary"]["error"] >= len(errors) and "silenced" not in f
    assert [(k["rule"], k["seluruh_aturan"], k["dihormati"]) for k in f["klaim_pengecualian"]] == [
        (x, True, False) for x in "KATSE"]
    # every format says so
    for fmt, ext in (("text", "txt"), ("html", "html"), ("excel", "xlsx")):
        out = tmp_path / f"rekap.{ext}"
        h2 = jalankan("check", str(folder), "--format", fmt, "-o", str(out), "--jobs", "1")
        tanpa_jejak(h2)
        assert h2.code == 1, h2.err
        if fmt == "excel":
            assert rumus_dalam(out) == []
            text = " ".join(str(c.value) for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row)
        elif fmt == "html":  # the page carries its findings as compressed data
            from renja_xl.reports.html import teks_halaman

            text = teks_halaman(out.read_text(encoding="utf-8"))
        else:
            text = out.read_text(encoding="utf-8")
        assert "dikecualikan oleh kiriman" in text and "SELURUH ATURAN" in text and "sudah dibahas" in text, fmt
    assert sidik(folder) == before


def test_trusting_the_sheet_is_the_reviewers_choice_and_still_listed(tmp_path):
    src = _bersalah(tmp_path / "dinsos.xlsx")
    h, doc = _json(str(src), "--percayai-pengecualian")
    f = doc["files"][0]
    assert h.code == 0 and not f["findings"] and f["silenced"]
    assert all(k["dihormati"] and k["seluruh_aturan"] for k in f["klaim_pengecualian"])
    assert doc["konfigurasi"]["percayai_pengecualian"] is True


def test_a_config_inside_a_zip_is_reported_and_never_loaded(tmp_path):
    src = _bersalah(tmp_path / "a.xlsx", hidden=False)
    z = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(src, "kab_luwu/dinsos.xlsx")
        zf.writestr("kab_luwu/renja-xl.toml", MENGECUALIKAN_SEMUA + "percayai_pengecualian = true\n")
        zf.writestr("pyproject.toml", '[tool.renja-xl]\nignore = ["K", "A", "T", "S", "E"]\n')
    h, doc = _json(str(z), cwd=tmp_path)
    assert h.code == 1
    konf = doc["konfigurasi"]
    assert konf["path"] is None and konf["sha256"] is None and konf["percayai_pengecualian"] is False
    assert sorted(konf["diabaikan"]) == sorted([f"{z}!kab_luwu/renja-xl.toml", f"{z}!pyproject.toml"])
    assert doc["files"][0]["findings"]
    h = jalankan("check", str(z), "--jobs", "1", cwd=tmp_path)
    assert "Konfigurasi: bawaan" in h.out and "diabaikan" in h.out


def test_each_folders_config_is_ignored_not_the_first_ones_applied_to_all(tmp_path):
    a, b = tmp_path / "kab_a", tmp_path / "kab_b"
    _bersalah(a / "dinsos.xlsx", hidden=False)
    _bersalah(b / "dinsos.xlsx", hidden=False)
    (a / "renja-xl.toml").write_text(MENGECUALIKAN_SEMUA, encoding="utf-8")
    (b / "renja-xl.toml").write_text('select = ["K"]\n', encoding="utf-8")
    h, doc = _json(str(a), str(b), cwd=tmp_path)
    assert sorted(doc["konfigurasi"]["diabaikan"]) == sorted([str(a / "renja-xl.toml"), str(b / "renja-xl.toml")])
    assert all(any(t["rule"][0] == "A" for t in f["findings"]) for f in doc["files"])  # nothing was switched off


def test_the_reviewers_config_is_named_with_its_sha256(tmp_path):
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    cfg = kerja / "renja-xl.toml"
    cfg.write_text('select = ["A"]\n', encoding="utf-8")
    src = _bersalah(tmp_path / "kiriman" / "dinsos.xlsx", hidden=False)
    h, doc = _json(str(src), cwd=kerja)
    assert doc["konfigurasi"]["path"] == str(cfg)
    assert doc["konfigurasi"]["sha256"] == hashlib.sha256(cfg.read_bytes()).hexdigest()
    assert {t["rule"][0] for t in doc["files"][0]["findings"]} == {"A"}
    # run from inside the folder being checked: its config is the submission's, not the reviewer's
    (src.parent / "renja-xl.toml").write_text(MENGECUALIKAN_SEMUA, encoding="utf-8")
    h, doc = _json(".", cwd=src.parent)
    assert doc["konfigurasi"]["path"] is None and doc["konfigurasi"]["diabaikan"]
    assert doc["files"][0]["findings"]
    h, doc = _json(".", "--config", str(cfg), cwd=src.parent)  # said explicitly: the reviewer's choice
    assert doc["konfigurasi"]["path"] == str(cfg)
