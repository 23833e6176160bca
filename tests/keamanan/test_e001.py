"""Clear E001 reasons: what a file really is, whatever its name, and what the sender should do."""

from __future__ import annotations

import json
from html import escape

import pytest
from openpyxl import load_workbook

from renja_xl.readers import baca_berkas
from renja_xl.readers.jenis import kenali
from tests.keamanan.bantu import jalankan, renja, sidik, tanpa_jejak


def _json(*args):
    h = jalankan("check", *args, "--format", "json", "--jobs", "1")
    tanpa_jejak(h)
    return h, json.loads(h.out)


def _sebagai_html(src, dst, x_num=True):
    """The sheet as the HTML table a government system exports under a .xls name."""
    ws = load_workbook(src).worksheets[0]
    merged = {str(r): r for r in ws.merged_cells.ranges}
    rows = []
    skip = set()
    for rng in merged.values():
        for row in rng.cells:
            if row != (rng.min_row, rng.min_col):
                skip.add(row)
    for r in range(1, ws.max_row + 1):
        cells = []
        for c in range(1, ws.max_column + 1):
            if (r, c) in skip:
                continue
            v = ws.cell(r, c).value
            span = next((m for m in merged.values() if (m.min_row, m.min_col) == (r, c)), None)
            attrs = ""
            if span is not None:
                attrs += f' colspan="{span.max_col - span.min_col + 1}" rowspan="{span.max_row - span.min_row + 1}"'
            if isinstance(v, (int, float)) and x_num:
                attrs += f' x:num="{v}"'
                text = f"{v:,.0f}".replace(",", ".")
            else:
                text = escape("" if v is None else str(v))
            cells.append(f"<td{attrs}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    dst.write_text('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head>'
                   "<body><table border=1>\n" + "\n".join(rows) + "\n</table></body></html>", encoding="utf-8")
    return dst


def test_html_table_named_xls_is_read_as_a_table(tmp_path):
    src = renja(tmp_path / "renja.xlsx")
    html = _sebagai_html(src, tmp_path / "renja_sipd.xls")
    assert kenali(html, html.read_bytes()[:4096]) == "html"
    a, b = baca_berkas(src), baca_berkas(html)
    assert [t.kind for t in b.tables] == ["rencana"]
    assert b.tables[0].n == a.tables[0].n
    _, doc = _json(str(src))
    _, doc2 = _json(str(html))
    assert doc2["files"][0]["status"] == "checked"
    rules = lambda d: sorted((t["rule"], t["kode"]) for t in d["files"][0]["findings"])  # noqa: E731
    assert rules(doc2) == rules(doc)


def test_xlsx_named_xls_is_read(tmp_path):
    src = renja(tmp_path / "renja.xlsx")
    xls = tmp_path / "renja.xls"
    xls.write_bytes(src.read_bytes())
    _, doc = _json(str(xls))
    assert doc["files"][0]["status"] == "checked" and doc["files"][0]["tables"]


def test_encrypted_workbook_named_xls_says_password(tmp_path):
    pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool (test extra) is needed to encrypt a workbook")
    from msoffcrypto.format.ooxml import OOXMLFile

    src = renja(tmp_path / "renja.xlsx")
    out = tmp_path / "in" / "sandi.xls"
    out.parent.mkdir()
    with src.open("rb") as f, out.open("wb") as g:
        OOXMLFile(f).encrypt("rahasia", g)
    before = sidik(out)
    h, doc = _json(str(out))
    assert h.code == 1 and sidik(out) == before
    (e001,) = doc["files"][0]["findings"]
    assert "dilindungi kata sandi" in e001["message"] and "Cfb" not in e001["message"]
    assert "minta pengirim" in e001["message"]  # what the sender should do


@pytest.mark.parametrize(("isi", "kata"), [
    (b"%PDF-1.7\n...", "PDF"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>', "XML Spreadsheet 2003"),
    (b"kode;nama\n1.06;Sosial\n", "CSV"),
    (b"<html><body><p>Maaf, sesi habis</p></body></html>", "tanpa tabel"),
])
def test_other_kinds_get_a_reason_that_names_them(tmp_path, isi, kata):
    p = tmp_path / "kiriman.xls"
    p.write_bytes(isi)
    h, doc = _json(str(p))
    assert h.code == 1
    (e001,) = doc["files"][0]["findings"]
    assert kata in e001["message"] and ("minta" in e001["message"] or "simpan" in e001["message"]), e001["message"]
