"""``--format excel``: the recap workbook (sheets, frozen headers, autofilter, colours, links to the
rule docs) and, for one input file, its annotated copy — opened again with openpyxl and LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from openpyxl import load_workbook

from renja_xl.reports.excel import WARNA
from tests.cli.test_check_cli import run
from tests.conftest import CSV_ALL_SHEETS, ROOT, SEED_XLSX


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def rekap(kumpulan, tmp_path_factory):
    root, doc = kumpulan
    out = tmp_path_factory.mktemp("excel") / "rekap.xlsx"
    code, stdout, err = run("check", str(root), "--format", "excel", "-o", str(out))
    assert code == 1 and stdout == "", err
    return out, doc


def test_sheets_frozen_headers_and_autofilter(rekap):
    out, doc = rekap
    wb = load_workbook(out)
    # no evaluation table: no Capaian sheet; Konfigurasi (the trust boundary) always last
    assert wb.sheetnames == ["Ringkasan", "Per Aturan", "Temuan", "Aturan", "Konfigurasi"]
    n_findings = sum(len(f["findings"]) for f in doc["files"])
    expect_rows = {"Ringkasan": len(doc["files"]) + 1, "Temuan": n_findings + 1}
    extra = {"Ringkasan": 1}  # the totals row, below the filtered range
    for ws in wb:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        if ws.title in expect_rows:
            assert ws.auto_filter.ref.endswith(str(expect_rows[ws.title])), ws.title
            assert ws.max_row == expect_rows[ws.title] + extra.get(ws.title, 0)


def test_every_sheet_prints_one_page_wide_with_its_header_on_every_page(rekap):
    out, _ = rekap
    for ws in load_workbook(out):
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, ws.title
        assert ws.page_setup.fitToHeight == 0, ws.title  # as many pages down as needed
        assert ws.print_title_rows in ("1:1", "$1:$1"), ws.title


def test_ringkasan_one_row_per_file(rekap):
    out, doc = rekap
    ws = load_workbook(out)["Ringkasan"]
    head, *rows, total = _rows(ws)
    assert head[:10] == ["Berkas", "Pemda", "Perangkat Daerah", "Tahun", "Dokumen", "Tabel", "Galat", "Peringatan",
                         "Info", "Status"]
    assert [r[0] for r in rows] == [f["path"] for f in doc["files"]]
    for r, f in zip(rows, doc["files"], strict=True):
        sev = Counter(t["severity"] for t in f["findings"])
        ident = f.get("identitas", {})
        assert r[1] == ident.get("pemda", "(pemda tidak dikenali)") and r[2] == ident.get("opd")
        assert r[3] == ident.get("tahun") and r[5] == len(f["tables"])
        assert (r[6], r[7], r[8]) == (sev["error"], sev["warning"], sev["info"])
        # the status says what the counts say
        want = ("tidak terbaca" if f["status"] == "unreadable" else "ada galat" if sev["error"]
                else "ada peringatan" if sev["warning"] else "bersih")
        assert r[9] == want
    assert {r[9] for r in rows} >= {"tidak terbaca", "ada galat", "bersih"}
    luwu = rows[0]
    assert luwu[1:5] == ["Kabupaten Luwu", "Dinas Sosial", 2025, "Renja"]
    broken = rows[1]
    assert broken[9] == "tidak terbaca" and "terpotong" in broken[10]
    # the totals row: every count summed
    s = doc["summary"]
    assert total[0] == f"Jumlah: {s['files']} berkas"
    assert (total[5], total[6], total[7], total[8]) == (sum(len(f["tables"]) for f in doc["files"]), s["error"],
                                                       s["warning"], s["info"])
    assert total[9] == f"{s['unreadable']} tidak terbaca"
    # colours: errors red, warnings yellow; a status is green only when the file is clean
    green = "C6EFCE"
    for row in list(ws.iter_rows(min_row=2))[: len(rows)]:
        g, p, status = row[6], row[7], row[9]
        assert (g.fill.fgColor.rgb[-6:] == WARNA["error"][0]) == bool(g.value)
        assert (p.fill.fgColor.rgb[-6:] == WARNA["warning"][0]) == bool(p.value)
        colour = status.fill.fgColor.rgb[-6:]
        assert colour == {"tidak terbaca": WARNA["error"][0], "ada galat": WARNA["error"][0],
                          "ada peringatan": WARNA["warning"][0], "bersih": green}[status.value]


def test_temuan_every_finding_with_severity_colour_and_a_link_to_its_rule(rekap):
    out, doc = rekap
    wb = load_workbook(out)
    ws, aturan = wb["Temuan"], wb["Aturan"]
    expected = [(f["path"], t["sheet"], t["cell"], t["kode"], t["rule"], t["message"])
                for f in doc["files"] for t in f["findings"]]
    got = [(r[0].value, r[3].value, r[4].value, r[5].value, r[6].value, r[8].value) for r in ws.iter_rows(min_row=2)]
    assert got == expected
    sev_names = {"galat": "error", "peringatan": "warning", "info": "info"}
    for r in ws.iter_rows(min_row=2):
        link = r[6].hyperlink
        assert link is not None and link.location.startswith("'Aturan'!A")
        target = aturan[link.location.split("!")[1]]
        assert target.value == r[6].value  # the link lands on the rule's own row
        assert r[7].fill.fgColor.rgb[-6:] == WARNA[sev_names[r[7].value]][0]
    from renja_xl.reports.saran import saran_aturan

    saran = [r[9] for r in ws.iter_rows(min_row=2, values_only=True)]
    want = [t["saran"] if t.get("saran") and t["saran"] not in t["message"] else saran_aturan(t["rule"])
            for f in doc["files"] for t in f["findings"]]
    assert saran == want and all(saran)  # the same text as the other reports, in every row
    head = [c.value for c in aturan[1]]
    assert head[:5] == ["Kode", "Slug", "Tingkat", "Kategori", "Judul"]
    a001 = next(r for r in aturan.iter_rows(min_row=2, values_only=True) if r[0] == "A001")
    assert a001[1] == "pagu-tidak-sesuai-rincian" and a001[5] and a001[8]  # what it checks, how to fix
    for r in aturan.iter_rows(min_row=2):
        for c in r[4:]:
            assert "`" not in str(c.value) and "**" not in str(c.value), c.value  # no Markdown
            assert c.alignment.wrap_text
        lines = max(len(str(c.value)) for c in r[4:]) / 70
        assert aturan.row_dimensions[r[0].row].height >= 15 * lines  # tall enough: nothing overlaps


def test_per_aturan_counts_rule_by_pemda(rekap):
    out, doc = rekap
    ws = load_workbook(out)["Per Aturan"]
    head, *rows = _rows(ws)
    assert head[:3] == ["Aturan", "Judul", "Tingkat"] and head[-1] == "Jumlah"
    pemdas = head[3:-1]
    assert pemdas == ["Kabupaten Luwu", "Kota Palopo"]
    want = Counter((t["rule"], f["identitas"]["pemda"]) for f in doc["files"] for t in f["findings"])
    *body, total = rows
    for r in body:
        for p, v in zip(pemdas, r[3:-1], strict=True):
            assert (v or 0) == want[(r[0], p)]
        assert r[-1] == sum(want[(r[0], p)] for p in pemdas)
    assert {r[0] for r in body} == {k[0] for k in want}
    assert total[0] == "Jumlah" and total[-1] == sum(want.values())


def test_libreoffice_opens_the_recap(rekap, soffice, tmp_path):
    out, doc = rekap
    res = soffice(out, CSV_ALL_SHEETS, tmp_path)
    assert res.returncode == 0, res.stderr
    ring = tmp_path / "rekap-Ringkasan.csv"
    tem = tmp_path / "rekap-Temuan.csv"
    assert ring.exists() and tem.exists(), sorted(p.name for p in tmp_path.iterdir())
    rows = list(csv.reader(ring.open(encoding="utf-8")))
    assert [r[0] for r in rows[1:-1]] == [f["path"] for f in doc["files"]]
    assert rows[-1][0] == f"Jumlah: {len(doc['files'])} berkas"
    assert len(list(csv.reader(tem.open(encoding="utf-8")))) == 1 + sum(len(f["findings"]) for f in doc["files"])


def test_libreoffice_prints_the_summary_one_page_wide(rekap, soffice, tmp_path):
    """The Ringkasan sheet as LibreOffice prints it: its first page holds the first and the last
    column (one page wide) and the totals row; without the print setup the right-hand columns went
    to other pages."""
    import shutil as sh

    if not sh.which("pdftotext"):
        pytest.skip("poppler (pdftotext) is not installed: apt-get install -y poppler-utils")
    out, doc = rekap
    from openpyxl import load_workbook as lw

    wb = lw(out)
    for name in wb.sheetnames[1:]:  # only the summary, as the officer prints it
        del wb[name]
    only = tmp_path / "ringkasan.xlsx"
    wb.save(only)
    res = soffice(only, "pdf", tmp_path)
    assert res.returncode == 0, res.stderr
    pdf = tmp_path / "ringkasan.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) == 1, [p[:200] for p in pages]
    first = pages[0]
    assert "Berkas" in first and "Keterangan" in first and "Status" in first
    assert f"Jumlah: {len(doc['files'])} berkas" in first


@pytest.fixture(scope="module")
def anotasi(tmp_path_factory):
    d = tmp_path_factory.mktemp("anotasi")
    src = d / "renja_dinsos.xlsx"
    shutil.copy(SEED_XLSX, src)
    before = src.read_bytes()
    code, _, err = run("check", str(src), "--format", "excel", "-o", str(d / "rekap.xlsx"))
    assert code == 1, err
    assert src.read_bytes() == before  # the input is never touched
    return d, src


def test_single_file_gets_an_annotated_copy(anotasi):
    d, src = anotasi
    copy = d / "rekap_anotasi.xlsx"
    assert copy.exists()
    _, out, _ = run("check", str(src), "--format", "json")
    import json

    findings = json.loads(out)["files"][0]["findings"]
    wb = load_workbook(copy)
    assert wb.sheetnames[0] == "renja-xl" and wb.sheetnames[1:] == load_workbook(src).sheetnames
    a001 = next(t for t in findings if t["rule"] == "A001")
    cell = wb[a001["sheet"]][a001["cell"]]
    assert cell.fill.fgColor.rgb[-6:] == WARNA["error"][0]
    assert "[A001 galat]" in cell.comment.text and a001["message"] in cell.comment.text
    from renja_xl.reports.saran import saran_aturan

    assert saran_aturan("A001") in cell.comment.text  # what to do, the same text as in the recaps
    lpaoran = next(t for t in findings if t["rule"] == "S001" and "Lpaoran" in t["message"])
    note = wb[lpaoran["sheet"]][lpaoran["cell"]].comment.text
    assert "S001" in note
    daftar = wb["renja-xl"]
    assert daftar.max_row == len(findings) + 1
    assert [c.value for c in daftar[1]][6] == "Saran" and all(r[6] for r in daftar.iter_rows(min_row=2, values_only=True))
    linked = [r[1].hyperlink.location for r in daftar.iter_rows(min_row=2) if r[1].hyperlink]
    assert f"'{a001['sheet']}'!{a001['cell']}" in linked
    # values are kept: the copy still reads as the same Renja
    assert wb["Tabel 4.1"]["K8"].value == load_workbook(src)["Tabel 4.1"]["K8"].value


def test_libreoffice_opens_the_annotated_copy(anotasi, soffice, tmp_path):
    d, _ = anotasi
    res = soffice(d / "rekap_anotasi.xlsx", "ods", tmp_path)
    assert res.returncode == 0 and (tmp_path / "rekap_anotasi.ods").stat().st_size > 10000, res.stderr


def test_excel_needs_an_output_file_and_never_overwrites_the_input(tmp_path):
    code, _, err = run("check", str(SEED_XLSX), "--format", "excel")
    assert code == 2 and "-o" in err
    src = tmp_path / "laporan_anotasi.xlsx"
    shutil.copy(SEED_XLSX, src)
    before = src.read_bytes()
    code, _, err = run("check", str(src), "--format", "excel", "-o", str(tmp_path / "laporan.xlsx"))
    assert code == 2 and "menimpa" in err and src.read_bytes() == before
    assert not (tmp_path / "laporan.xlsx").exists()


def test_openpyxl_and_pandas_stay_off_the_other_paths(tmp_path):
    code = ("import sys; from renja_xl.cli import main; main(['check', sys.argv[1], '--format', 'json', '-o', sys.argv[2]]); "
            "main(['check', sys.argv[1], '--format', 'html', '-o', sys.argv[3]]); "
            "print(sorted(m for m in ('openpyxl', 'pandas') if m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code, str(SEED_XLSX), str(tmp_path / "r.json"), str(tmp_path / "r.html")],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.stdout.strip() == "[]", res.stderr


def test_links_of_the_annotated_copy_survive_a_quote_in_the_sheet_name(tmp_path):
    """A sheet named ``Renja '24`` is referred to as ``'Renja ''24'!J52`` (quotes doubled), or the
    link points nowhere."""
    import re

    src = tmp_path / "renja_kutip_2024.xlsx"
    wb = load_workbook(SEED_XLSX)
    wb["Tabel 4.1"].title = "Renja '24"
    wb.save(src)
    code, _, err = run("check", str(src), "--format", "excel", "-o", str(tmp_path / "rekap.xlsx"))
    assert code == 1, err
    copy = load_workbook(tmp_path / "rekap_anotasi.xlsx")
    links = [c.hyperlink.location for row in copy["renja-xl"].iter_rows(min_row=2) for c in row if c.hyperlink]
    quoted = [loc for loc in links if loc.startswith("'Renja ")]
    assert quoted, links[:5]
    for loc in quoted:
        m = re.fullmatch(r"'((?:[^']|'')*)'!([A-Z]+[0-9]+)", loc)
        assert m, loc
        assert m.group(1).replace("''", "'") == "Renja '24"
