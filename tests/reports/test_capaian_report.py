"""Predikat in every report for the evaluation rows (text, JSON, Excel, HTML), with the scale used."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.cli.test_check_cli import run
from tests.conftest import SEED_XLSX

SKALA = "≥ 91 Sangat Tinggi · ≥ 76 Tinggi · ≥ 66 Sedang · ≥ 51 Rendah · < 51 Sangat Rendah"


def test_json_lists_every_evaluation_row_with_its_predikat():
    code, out, _ = run("check", str(SEED_XLSX), "--format", "json")
    cap = json.loads(out)["files"][0]["capaian"]
    assert cap["skala"] == SKALA and cap["rumus_negatif"] == "2t-r"
    rows = {r["cell"]: r for r in cap["baris"]}
    # Tabel 2.1 row 34 (kendaraan dinas): realisasi 19 of target 28 = 67,86 %, Sedang
    assert rows["P34"]["capaian"] == 67.86 and rows["P34"]["predikat"] == "Sedang"
    assert rows["P12"]["predikat"] == "Sangat Tinggi" and rows["P12"]["polaritas"] == "positif"
    assert all(r["sheet"] == "Tabel 2.1" for r in cap["baris"])


def test_text_report_shows_the_scale_the_counts_and_the_rows_below_the_top():
    code, out, _ = run("check", str(SEED_XLSX), "--no-color")
    assert f"skala {SKALA}" in out
    assert "Sangat Tinggi 30 · Sedang 1" in out
    assert "Tabel 2.1!P34 1.06.01.2.09.02" in out and "67,86 %  Sedang" in out
    code, out, _ = run("check", str(SEED_XLSX), "--no-color", "--lang", "en")
    assert "Achievement and predikat: 31 evaluation rows" in out


def test_excel_and_html_reports_have_the_capaian_table(tmp_path):
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    run("check", str(SEED_XLSX), "--format", "excel", "-o", str(xlsx))
    ws = load_workbook(xlsx)["Capaian"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][-4:] == ["Capaian (%)", "Predikat", "Capaian Renstra (%)", "Predikat Renstra"]
    assert SKALA in rows[1][0]
    p34 = next(r for r in rows if r[3] == "P34")
    assert p34[-4:-2] == [67.86, "Sedang"]
    run("check", str(SEED_XLSX), "--format", "html", "-o", str(html))
    page = html.read_text(encoding="utf-8")
    assert 'id="tabel-capaian"' in page and "Capaian dan predikat (31)" in page and "&lt; 51 Sangat Rendah" in page
