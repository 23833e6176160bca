"""The annotated copy carries nothing active: no macros, no DDE, no links to other workbooks."""

from __future__ import annotations

import shutil
import zipfile

from openpyxl import load_workbook

from tests.keamanan.bantu import jalankan, renja, rumus_dalam, sidik, tanpa_jejak


def _aktif(path, tmp_path):
    """A submission with a DDE formula, a formula on a UNC path, a file hyperlink and a macro part."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws["Z1"] = "=cmd|'/c calc'!A0"
    ws["Z2"] = "='\\\\server\\share\\[x.xlsx]Sheet1'!A1"
    ws["Z3"] = "=SUM(1,2)"
    ws["Z4"] = "klik"
    ws["Z4"].hyperlink = "file://\\\\server\\share\\x.exe"
    ws["Z5"] = "situs"
    ws["Z5"].hyperlink = "https://example.org/"
    tmp = tmp_path / "tmp.xlsx"
    wb.save(tmp)
    out = tmp_path / "in" / "kiriman.xlsm"
    out.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    return out


def test_annotated_copy_is_xlsx_without_active_content(tmp_path):
    base = renja(tmp_path / "base.xlsx")
    src = _aktif(base, tmp_path)
    before = sidik(tmp_path / "in")
    h = jalankan("check", str(src), "--format", "excel", "-o", str(tmp_path / "rekap.xlsx"), "--jobs", "1")
    tanpa_jejak(h)
    assert h.code in (0, 1), h.err
    assert sidik(tmp_path / "in") == before
    copy = tmp_path / "rekap_anotasi.xlsx"
    assert copy.exists() and not (tmp_path / "rekap_anotasi.xlsm").exists()
    with zipfile.ZipFile(copy) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vbaProject" in n or "externalLink" in n], names
    assert "macroEnabled" not in types
    formulas = rumus_dalam(copy)
    assert not [f for f in formulas if "|" in f or "\\\\" in f or "[" in f], formulas
    assert any("SUM(1,2)" in f for f in formulas)  # the sender's own formulas are kept
    wb = load_workbook(copy)
    ws = wb.worksheets[1]
    assert ws["Z4"].hyperlink is None and ws["Z5"].hyperlink.target == "https://example.org/"
    note = " ".join(str(c.value) for row in wb["renja-xl"].iter_rows(max_row=1) for c in row if c.value)
    assert "tanpa makro" in note and ".xlsx" in note and "2 rumus" in note


def test_libreoffice_opens_the_disarmed_copy(tmp_path, soffice):
    src = _aktif(renja(tmp_path / "base.xlsx"), tmp_path)
    h = jalankan("check", str(src), "--format", "excel", "-o", str(tmp_path / "rekap.xlsx"), "--jobs", "1")
    assert h.code in (0, 1), h.err
    shutil.copy(tmp_path / "rekap_anotasi.xlsx", tmp_path / "c.xlsx")
    res = soffice(tmp_path / "c.xlsx", "ods", tmp_path / "lo")
    assert res.returncode == 0 and (tmp_path / "lo" / "c.ods").exists(), res.stderr


def test_annotated_copy_runs_under_the_same_limits(tmp_path):
    """The copy is made by openpyxl, which holds the whole workbook: it runs in the guarded child.
    Over the memory limit it is not made, stderr says why, the recap stands, the exit is the findings'."""
    from openpyxl import Workbook

    src = tmp_path / "in" / "besar.xlsx"
    src.parent.mkdir()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    for i in range(60_000):
        ws.append([f"baris {i}"] + [i * j for j in range(12)])
    wb.save(src)
    before = sidik(src)
    h = jalankan("check", str(src), "--format", "excel", "-o", str(tmp_path / "rekap.xlsx"), "--jobs", "1",
                 "--batas-memori", "150")
    tanpa_jejak(h)
    assert h.code == 0 and (tmp_path / "rekap.xlsx").exists(), h.err
    assert not (tmp_path / "rekap_anotasi.xlsx").exists()
    assert "salinan beranotasi tidak dibuat" in h.err and "batas 150 MB" in h.err, h.err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rekap_anotasi")]  # no temporary left
    assert sidik(src) == before
