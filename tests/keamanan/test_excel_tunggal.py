"""--format excel on one file: whatever odd thing the workbook holds, the recap is written, the
annotated copy is written or its absence is said in one line, and the exit status is the findings'."""

from __future__ import annotations

import re
import zipfile

import pytest

from tests.keamanan.bantu import jalankan, renja, rumus_dalam, sidik, tanpa_jejak


def _ubah_xml(path, fn):
    data = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            data[info.filename] = fn(info.filename, z.read(info.filename))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, b in data.items():
            z.writestr(name, b)
    return path


def _sel(xml: bytes, ref: str, baru: bytes) -> bytes:
    """Replace the cell ``ref`` of a sheet's XML."""
    pat = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)', re.S)
    assert pat.search(xml), ref
    return pat.sub(baru, xml, count=1)


VARIAN = {
    "u0002": lambda n, b: b.replace(b"Dokumen", b"Dok_x0002_umen", 1) if n == "xl/sharedStrings.xml" else b,
    "dde": lambda n, b: _sel(b, "Z1", b'<c r="Z1"><f>cmd|\'/c calc\'!A0</f><v>0</v></c>') if n.endswith("sheet1.xml") else b,
    "nama-sheet-garis-miring": lambda n, b: b.replace(b'name="Tabel 4.1"', b'name="Tabel/4.1"') if n == "xl/workbook.xml" else b,
    "nan-inf": lambda n, b: _sel(_sel(b, "Z1", b'<c r="Z1"><v>NaN</v></c>'), "Z2", b'<c r="Z2"><v>inf</v></c>')
    if n.endswith("sheet1.xml") else b,
    "tanggal-bukan-iso": lambda n, b: _sel(b, "Z1", b'<c r="Z1" t="d"><v>31/12/2024</v></c>') if n.endswith("sheet1.xml") else b,
    "doctype-core": lambda n, b: b.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1) if n == "docProps/core.xml" else b,
}


@pytest.mark.parametrize("varian", sorted(VARIAN))
def test_single_file_excel_report_survives(tmp_path, varian):
    from openpyxl import load_workbook

    base = renja(tmp_path / "in" / "renja.xlsx")
    wb = load_workbook(base)
    wb.worksheets[0]["Z1"] = 1
    wb.worksheets[0]["Z2"] = 2
    wb.save(base)
    _ubah_xml(base, VARIAN[varian])
    before = sidik(base)
    out = tmp_path / "rekap.xlsx"
    h = jalankan("check", str(base), "--format", "excel", "-o", str(out), "--jobs", "1")
    tanpa_jejak(h)
    assert h.code in (0, 1), h.err
    assert out.exists() and rumus_dalam(out) == []
    copy = tmp_path / "rekap_anotasi.xlsx"
    assert copy.exists() or "salinan beranotasi tidak dibuat" in h.err, h.err
    if copy.exists():
        assert not [f for f in rumus_dalam(copy) if "|" in f]
    assert sidik(base) == before
