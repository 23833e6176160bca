"""Formula injection: whatever a submission holds, every spreadsheet renja-xl writes keeps it as text.

A payload sits in every field that reaches a workbook: the sheet name (Excel allows ``=`` in one),
the office title, the file name, a unit, a name (uraian). The recap, the annotated copy and the diff
workbook must hold no formula of ours (``<f>`` in the sheet XML), and LibreOffice must show the
payload as text.
"""

from __future__ import annotations

import zipfile

from openpyxl import Workbook, load_workbook

from renja_xl.reports.sel_aman import isi_sel, sel, teks, teks_excel
from tests.keamanan.bantu import PAYLOAD, PAYLOADS, jalankan, renja, rumus_dalam, sidik, tanpa_jejak

SHEET = "=cmd|'calc'!A0"


def _kiriman(folder):
    from tests import synth
    from tests.batch.kiriman import JUDUL

    r = synth.buat_renja(seed=3, years=(2025, 2026))
    sub = [b for b in r.rows if len(b.kode) == 6]
    ubah = {(".".join(sub[0].kode), "satuan"): PAYLOAD, (".".join(sub[1].kode), "satuan"): "+HYPERLINK(\"http://x\")"}
    judul = [JUDUL[0], "RENCANA PROGRAM DAN KEGIATAN NAMA PERANGKAT DAERAH : " + PAYLOAD + " KABUPATEN LUWU TAHUN 2025"]
    return renja(folder / "=HYPERLINK(1).xlsx", sheet=SHEET, judul=judul, ubah=ubah, seed=3)


def test_helper_keeps_every_risky_string_as_text(tmp_path):
    wb = Workbook()
    ws = wb.active
    for i, p in enumerate([*PAYLOADS, "bad\x02char", "\udcffname", float("nan"), float("inf")], start=1):
        isi_sel(ws.cell(i, 1), p)
    wso = Workbook(write_only=True)
    w2 = wso.create_sheet("x")
    for p in PAYLOADS:
        w2.append([sel(w2, p)])
    wb.save(tmp_path / "a.xlsx")
    wso.save(tmp_path / "b.xlsx")
    assert rumus_dalam(tmp_path / "a.xlsx") == [] and rumus_dalam(tmp_path / "b.xlsx") == []
    back = [c.value for (c,) in load_workbook(tmp_path / "a.xlsx").active.iter_rows()]
    assert back[: len(PAYLOADS)] == [p.replace("\r", "\n") if p.startswith("\r") else p for p in PAYLOADS] or \
        back[0] == PAYLOAD
    assert back[len(PAYLOADS)] == "bad\\x02char" and back[len(PAYLOADS) + 1] == "\\xffname"
    assert back[-2:] == ["nan", "inf"]
    assert load_workbook(tmp_path / "a.xlsx").active["A1"].quotePrefix
    assert teks_excel(PAYLOAD) == "'" + PAYLOAD and teks_excel("Dinas") == "Dinas"
    assert len(teks("x" * 40000)) == 32767


def test_recap_and_annotated_copy_hold_no_formula_of_the_sender(tmp_path):
    src = _kiriman(tmp_path / "in")
    before = sidik(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    h = jalankan("check", str(src), "--format", "excel", "-o", str(out / "rekap.xlsx"), "--jobs", "1")
    tanpa_jejak(h)
    assert h.code in (0, 1), h.err
    assert sidik(tmp_path / "in") == before
    recap, copy = out / "rekap.xlsx", out / "rekap_anotasi.xlsx"
    assert recap.exists() and copy.exists(), h.err
    assert rumus_dalam(recap) == []
    wb = load_workbook(recap)
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("=HYPERLINK(1)") or "=HYPERLINK(1).xlsx" in t for t in texts)
    assert SHEET in texts  # the sheet name, as text
    # the annotated copy: the sender's own formulas are kept, nothing we wrote is one
    with zipfile.ZipFile(copy) as z:
        first = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in first and "<f " not in first
    assert not [f for f in rumus_dalam(copy) if "cmd|" in f or "HYPERLINK" in f]
    daftar = load_workbook(copy)["renja-xl"]
    assert any(SHEET == c.value for row in daftar.iter_rows() for c in row)


def test_diff_workbook_holds_no_formula(tmp_path):
    a = renja(tmp_path / "a.xlsx", sheet=SHEET, seed=3)
    from tests import synth

    r = synth.buat_renja(seed=3, years=(2025, 2026))
    sub = [b for b in r.rows if len(b.kode) == 6]
    b = renja(tmp_path / "b.xlsx", sheet=SHEET, seed=3,
              ubah={(".".join(sub[0].kode), "satuan"): PAYLOAD, (".".join(sub[1].kode), "satuan"): "@SUM(1)"})
    h = jalankan("diff", str(a), str(b), "--format", "excel", "-o", str(tmp_path / "d.xlsx"))
    tanpa_jejak(h)
    assert h.code == 1, h.err
    assert rumus_dalam(tmp_path / "d.xlsx") == []
    vals = [c.value for ws in load_workbook(tmp_path / "d.xlsx").worksheets for row in ws.iter_rows() for c in row]
    assert PAYLOAD in vals and "@SUM(1)" in vals


def test_libreoffice_shows_the_payload_as_text(tmp_path, soffice):
    src = _kiriman(tmp_path / "in")
    h = jalankan("check", str(src), "--format", "excel", "-o", str(tmp_path / "rekap.xlsx"), "--jobs", "1")
    assert h.code in (0, 1), h.err
    res = soffice(tmp_path / "rekap.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                  tmp_path / "csv")
    assert res.returncode == 0, res.stderr
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "csv").glob("*.csv"))
    assert SHEET in text  # LibreOffice did not evaluate it (a formula would show its result or an error)


def test_excel_addin_result_sheet_keeps_sheet_names_and_kode_as_text(tmp_path):
    """The add-in's Hasil Validasi through xlwings' remote engine, replayed as Excel would take each
    value (tests/xl/remote.py turns typed-in =, +, -, @ into formulas unless they are marked text)."""
    import renja_xl.xl as rx
    from renja_xl.xl import SHEET_HASIL
    from tests.xl.remote import buku, payload, putar_ulang

    from tests import synth

    r = synth.buat_renja(seed=3, years=(2025, 2026))
    sub = [b for b in r.rows if len(b.kode) == 6]
    src = renja(tmp_path / "kiriman.xlsx", sheet=SHEET, seed=3, ubah={(".".join(sub[0].kode), "satuan"): "Lpaoran"})
    book = buku(payload(src, name="kiriman.xlsx"))
    berkas = rx.validate(book)
    assert any(t.sheet == SHEET for t in berkas.findings)
    out = tmp_path / "hasil.xlsx"
    putar_ulang(src, book.json()["actions"], out)
    wb = load_workbook(out)
    hasil = wb[SHEET_HASIL]
    live = [(c.coordinate, c.value) for row in hasil.iter_rows() for c in row if c.data_type == "f"]
    assert live and all(v.startswith("=HYPERLINK(") for _, v in live), live  # only our own links
    assert SHEET in [c.value for row in hasil.iter_rows() for c in row]
