"""The formula rules on generated workbooks: a Renstra matrix written with openpyxl, once with every
formula right and once with one fault of each kind, each in its own place; LibreOffice (with
recalculation on load) computes the cached values Excel would have saved. Each fault is found by
the rule made for it, on its cell, and the right workbook gives no F finding at all.

The faults are the issue's list: a skipped child, an extra row, a double-counted subtotal (a parent's
and a JUMLAH row's), a year column whose range differs from the others, a shifted reference, a
#REF! hidden by IFERROR, a typed total among formulas, a formula contradicting the column-number row,
and an external link (written into the LibreOffice output, as LibreOffice keeps no link to a file
it cannot open).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.core.config import Konfigurasi

TAHUN = range(1, 6)
DANA = ["F", "H", "J", "L", "N"]  # Dana Tahun 1..5
TARGET = ["E", "G", "I", "K", "M"]
KEGIATAN = {4: [5, 6, 7], 8: [9, 10], 11: [12, 13], 15: [16, 17]}  # kegiatan row → its sub kegiatan rows
PROGRAM = {3: [4, 8, 11], 14: [15]}
JUMLAH = 18

# fault → (rule, cell)
SALAH = {
    "anak terlewat": ("F001", "F4"),
    "baris bukan anak": ("F001", "H8"),
    "subtotal dihitung dua kali": ("F001", "J3"),
    "jumlah menghitung semua tingkat": ("F001", "L18"),
    "tahun pertama berbeda rentang": ("F001", "F15"),
    "rujukan bergeser": ("F002", "H12"),
    "tahun bergeser": ("F002", "N9"),
    "ref": ("F003", "J15"),
    "total diketik": ("F004", "L11"),
    "nomor kolom": ("F005", "O16"),
    "tautan luar": ("F006", "F17"),
}


def _sum(col: str, rows: list[int]) -> str:
    return "=SUM(" + ",".join(f"{col}{r}" for r in rows) + ")"


def buat(path: Path, salah: bool) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Renstra"
    head = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan"]
    for y in TAHUN:
        head += [f"Target Tahun {y}", f"Dana Tahun {y}"]
    ws.append([*head, "Total Dana (sudah rumus, jangan dirubah)"])
    ws.append([f"({n})" for n in range(1, 15)] + ["(15) = (6)+(8)+(10)+(12)+(14)"])
    kode = {3: "1.06.01", 4: "1.06.01.2.01", 8: "1.06.01.2.02", 11: "1.06.01.2.03", 14: "1.06.02", 15: "1.06.02.2.01"}
    subs = {r: (k, n) for k, rows in KEGIATAN.items() for n, r in enumerate(rows, start=1)}
    for r in range(3, JUMLAH + 1):
        if r in kode:
            ws.cell(r, 1, kode[r])
            ws.cell(r, 2, f"{'Program' if r in PROGRAM else 'Kegiatan'} {r}")
            ws.cell(r, 3, "Persentase capaian")
            ws.cell(r, 4, "%")
            kids = PROGRAM.get(r) or KEGIATAN[r]
            for t, d in zip(TARGET, DANA, strict=True):
                ws[f"{t}{r}"] = 100
                ws[f"{d}{r}"] = f"=SUM({d}{kids[0]}:{d}{kids[-1]})" if r in KEGIATAN else _sum(d, kids)
        elif r in subs:
            k, n = subs[r]
            ws.cell(r, 1, f"{kode[k]}.{n:04d}")
            ws.cell(r, 2, f"Sub kegiatan {r}")
            ws.cell(r, 3, "Jumlah Dokumen")
            ws.cell(r, 4, "Dokumen")
            for t in TARGET:
                ws[f"{t}{r}"] = 2
            ws[f"F{r}"] = 1_000_000 * r
            for a, b in zip(DANA, DANA[1:], strict=False):
                ws[f"{b}{r}"] = f"={a}{r}*1.1"
        else:
            ws.cell(r, 2, "JUMLAH")
            for d in DANA:
                ws[f"{d}{r}"] = _sum(d, list(PROGRAM))
        ws[f"O{r}"] = "=" + "+".join(f"{d}{r}" for d in DANA)
    if salah:
        ws["F4"] = "=SUM(F6:F7)"  # leaves out row 5
        ws["H8"] = "=SUM(H9:H11)"  # runs into kegiatan row 11
        ws["J3"] = "=SUM(J4:J13)"  # the program adds its kegiatan and their sub kegiatan
        ws["L18"] = "=SUM(L3:L17)"  # the JUMLAH adds every level
        ws["F15"] = "=SUM(F16)"  # year 1 stops at the first child; years 2-5 cover both
        ws["H12"] = "=E12*1.1"  # the target column instead of Dana Tahun 1
        ws["N9"] = "=J9*1.1"  # Dana Tahun 5 from year 3 instead of year 4
        ws["J15"] = '=IFERROR(J16+J17+#REF!,"")'
        ws["L11"] = 12_345  # typed over the kegiatan's formula
        ws["O16"] = "=F16+H16+J16+L16"  # the number row says 6+8+10+12+14
    wb.save(path)
    return path


def _tautan_luar(src: Path, dst: Path, cell: str) -> Path:
    """Make ``cell`` read ``[1]Sheet1!<cell>`` (keeping its cached value) and add the external-link
    parts Excel writes for it."""
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = files[sheet].decode()
    xml, n = re.subn(rf'(<c r="{cell}"[^>]*>)(<v>)', rf"\1<f>[1]Sheet1!{cell}</f>\2", xml)
    assert n == 1, f"{cell} not found as a value cell"
    files[sheet] = xml.encode()
    wbxml = files["xl/workbook.xml"].decode()
    wbxml = wbxml.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rIdX1"/>'
                          "</externalReferences>", 1)
    files["xl/workbook.xml"] = wbxml.encode()
    rels = files["xl/_rels/workbook.xml.rels"].decode().replace(
        "</Relationships>",
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>')
    files["xl/_rels/workbook.xml.rels"] = rels.encode()
    files["xl/externalLinks/externalLink1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook>'
        "</externalLink>").encode()
    files["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
        'Target="file:///D:/Renja/Renja%202023.xlsx" TargetMode="External"/></Relationships>').encode()
    ct = files["[Content_Types].xml"].decode().replace(
        "</Types>", '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
    files["[Content_Types].xml"] = ct.encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return dst


@pytest.fixture(scope="module")
def dihitung(soffice, tmp_path_factory):
    """(right workbook, faulty workbook), both recalculated by LibreOffice."""
    d = tmp_path_factory.mktemp("rumus")
    out = {}
    for salah in (False, True):
        src = buat(d / f"renstra_{'salah' if salah else 'benar'}.xlsx", salah)
        lo = d / "lo"
        res = soffice(src, "xlsx", lo)
        got = lo / src.name
        assert res.returncode == 0 and got.is_file(), res.stderr
        if salah:
            got = _tautan_luar(got, d / "renstra_salah_tautan.xlsx", "F17")
        else:
            shutil.copyfile(got, d / "renstra_benar_lo.xlsx")
            got = d / "renstra_benar_lo.xlsx"
        out[salah] = got
    return out


def _f(path: Path):
    b = periksa_berkas(path, Konfigurasi(select=["F"]))
    assert [t.kind for t in b.tables] == ["renstra"]
    return b.findings


def test_right_formulas_give_no_formula_finding(dihitung):
    found = _f(dihitung[False])
    assert found == [], [(f.rule, f.cell, f.message) for f in found]


def test_each_fault_is_found_by_its_rule_on_its_cell(dihitung):
    found = _f(dihitung[True])
    got = {(f.rule, f.cell) for f in found}
    assert got == set(SALAH.values()), sorted(got ^ set(SALAH.values()))
    by = {(f.rule, f.cell): f for f in found}
    f = by[SALAH["anak terlewat"]]
    assert f.severity == "error" and f.baris_tertinggal == [5] and f.expected == "=SUM(F5:F7)"
    assert by[SALAH["baris bukan anak"]].baris_berlebih == [11]
    assert "dua kali" in by[SALAH["subtotal dihitung dua kali"]].message
    assert by[SALAH["subtotal dihitung dua kali"]].expected == "=SUM(J4,J8,J11)"
    assert "dua kali" in by[SALAH["jumlah menghitung semua tingkat"]].message
    assert by[SALAH["tahun pertama berbeda rentang"]].baris_tertinggal == [17]
    assert by[SALAH["rujukan bergeser"]].expected == "=F12*1.1"
    assert by[SALAH["tahun bergeser"]].expected == "=L9*1.1"
    assert by[SALAH["ref"]].galat == "#REF!" and by[SALAH["ref"]].severity == "error"
    assert "12.345" in by[SALAH["total diketik"]].message
    assert "N (14)" in by[SALAH["nomor kolom"]].message
    assert "Renja 2023.xlsx" in by[SALAH["tautan luar"]].message


def test_a001_points_at_the_formula(dihitung):
    b = periksa_berkas(dihitung[True])
    a001 = {f.cell: f for f in b.findings if f.rule == "A001"}
    assert "lihat F001" in a001["F4"].message and "baris 5" in a001["F4"].message
    assert "lihat F001" not in a001["L11"].message  # typed, not a formula: F004's
