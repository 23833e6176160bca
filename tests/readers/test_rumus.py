"""Reading formulas: A1 references and their relative shape, plain sums, shared formulas expanded
per cell, cached error values, hidden rows and links to other workbooks, from the sheet XML of an
.xlsx as Excel writes it (shared formulas are Excel's, not openpyxl's: the XML is written here)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from renja_xl.readers.rumus import (
    PetaRumus,
    Ref,
    bentuk,
    gabung_sel,
    galat_dalam,
    geser,
    jumlah,
    kerangka,
    kolom_sebaris,
    luar,
    rujukan,
)
from renja_xl.readers.workbook import _pindai_lembar, buka_berkas


@pytest.mark.parametrize(("f", "r", "c", "want"), [
    ('=IFERROR(SUM(H47:H49),"")', 43, 7, '=IFERROR(SUM(R[3]C:R[5]C),"")'),
    ('=_xlfn.IFERROR(SUM(J47:J49),"")', 43, 9, '=IFERROR(SUM(R[3]C:R[5]C),"")'),  # same shape one column on
    ("=ROUNDDOWN(H6*1.15,-3)", 5, 9, "=ROUNDDOWN(RC[-2]*#,-#)"),
    ("=D12/$D$119*100", 11, 4, "=RC[-1]/R119C4*#"),
    ("='Tabel 4.1'!K12 + sum(a1:a2)", 0, 1, "='TABEL 4.1'!R[11]C[9]+SUM(RC[-1]:R[1]C[-1])"),
    ("=LOG10(A1)", 0, 1, "=LOG10(RC[-1])"),  # a function name that looks like a cell is a name
    ('=A1&"B2"', 0, 1, '=RC[-1]&"B2"'),  # text is not a reference
])
def test_relative_shape(f, r, c, want):
    assert bentuk(f, r, c) == want


def test_skeleton_and_numbers():
    assert kerangka("=M64+AF64") == kerangka("=M64+AC64") == "=¤+¤"
    assert bentuk("=H6*1.15", 5, 9) == bentuk("=H6*1.2", 5, 9)
    assert bentuk("=H6*1.15", 5, 9, angka=True) != bentuk("=H6*1.2", 5, 9, angka=True)


def test_moving_a_formula_as_excel_fills_it():
    assert geser("=F10+H10", 1, 0) == "=F11+H11"
    assert geser("=D10/$D$119*100", 2, 1) == "=E12/$D$119*100"
    assert geser("=SUM(A1:A3)", -1, 0) == "=SUM(#REF!)"
    assert geser("='Tabel 4.1'!K12", 0, 1) == "='Tabel 4.1'!L12"


def test_references():
    assert rujukan("=SUM(H47:H49)+'Tabel 4.2'!$K$3") == [Ref(None, 46, 7, 48, 7), Ref("Tabel 4.2", 2, 10, 2, 10)]
    assert rujukan("=SUM(A:A)")[0][1:3] == (0, 0) and rujukan("=SUM(A:A)")[0].r1 == 1_048_575
    assert kolom_sebaris("=IFERROR(N9/L9*100,\"\")", 8) == ({13, 11}, False)
    assert kolom_sebaris("=SUM(H47:H49)", 43) == (set(), True)


@pytest.mark.parametrize(("f", "rows", "subtotal"), [
    ('=IFERROR(SUM(H47:H49),"")', [(46, 48)], False),
    ("=H45+H46+H47", [(44, 44), (45, 45), (46, 46)], False),
    ("=+H45+SUM(H46,H47)", [(44, 44), (45, 45), (46, 46)], False),
    ("=ROUND(SUM(H45:H47),0)", [(44, 46)], False),
    ("=SUBTOTAL(9,F15:F1053)", [(14, 1052)], True),
    ("=SUBTOTAL(109,F15:F20)", [(14, 19)], True),
    ("=AGGREGATE(9,5,F15:F20)", [(14, 19)], True),
])
def test_plain_sums(f, rows, subtotal):
    j = jumlah(f)
    assert j is not None and j.subtotal is subtotal
    assert [(ref.r0, ref.r1) for _, ref in j.bagian] == rows and all(sg == 1 for sg, _ in j.bagian)


@pytest.mark.parametrize("f", ["=ROUNDDOWN(H6*1.15,-3)", "=H41/2500000", '=IFERROR(SUM(G47:G48),"")/1331',
                               '=IFERROR(G40+G44+#REF!,"")', "=SUBTOTAL(1,F2:F9)", "=IFERROR(SUM(H1:H3),H9)",
                               "=H1+5", "=VLOOKUP(A1,B:C,2,0)"])
def test_not_plain_sums(f):
    assert jumlah(f) is None


def test_subtraction_is_kept_with_its_sign():
    j = jumlah("=+D12-I12")
    assert [sg for sg, _ in j.bagian] == [1, -1]


def test_errors_and_links():
    assert galat_dalam('=IFERROR(G40+G44+#REF!,"")') == ["#REF!"]
    assert galat_dalam('=IF(A1="#REF!",1,2)') == []  # text, not an error
    assert luar("=[1]Sheet1!A1+'C:\\x\\[Renja 2023.xlsx]Tabel'!B2") == ["[1]", "C:\\x\\[Renja 2023.xlsx]"]
    assert luar("='Tabel 4.2'!A1") == []


def test_sum_arguments_as_short_as_possible():
    assert gabung_sel(7, [44, 45, 46, 47, 48, 51]) == "H45:H49,H52"


def test_shared_formulas_are_expanded_per_cell_and_share_their_shape():
    xml = (b'<sheetData><row r="10"><c r="J10"><f t="shared" ref="J10:J12" si="0">F10+H10</f><v>3</v></c>'
           b'<c r="K10" t="e"><f>J10/0</f><v>#DIV/0!</v></c></row>'
           b'<row r="11" hidden="1"><c r="J11"><f t="shared" si="0"/><v>5</v></c></row>'
           b'<row r="12"><c r="J12"><f t="shared" si="0"/></c><c r="L12" t="e"><v>#N/A</v></c>'
           b'<c r="M12" t="str"><f>IF(1,"","")</f><v></v></c><c r="N12" t="str"><f>IF(1,"","")</f><v/></c>'
           b'<c r="O12"><f>SUM(A1)</f><v/></c></row></sheetData>')
    p = _pindai_lembar(xml)
    peta = PetaRumus(p.teks, p.bersama)
    assert peta[(10, 9)] == "=F11+H11" and peta[(11, 9)] == "=F12+H12"
    assert peta.bentuk((11, 9)) == peta.bentuk((9, 9)) == "=RC[-4]+RC[-2]"
    assert p.kosong == {(11, 9), (11, 14)}  # J12 and O12 have no cached value; M12's and N12's empty text is one
    assert p.galat == {(9, 10): "#DIV/0!", (11, 11): "#N/A"}
    assert p.tersembunyi == {10}
    assert len(peta) == 7 and (11, 12) in peta and (11, 11) not in peta


def test_a_workbook_s_formulas_errors_and_links_are_read(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    ws["A1"], ws["A2"], ws["A3"] = 1, 2, "=SUM(A1:A2)"
    ws["B1"] = "=[1]Sheet1!A1"
    src = tmp_path / "a.xlsx"
    wb.save(src)
    dst = tmp_path / "b.xlsx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "xl/workbook.xml":
                data = data.replace(b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rId9"/>'
                                    b"</externalReferences>")
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId9" Type="x" '
                                    b'Target="externalLinks/externalLink1.xml"/></Relationships>')
            out.writestr(name, data)
        out.writestr("xl/externalLinks/externalLink1.xml", b"<externalLink/>")
        out.writestr("xl/externalLinks/_rels/externalLink1.xml.rels",
                     b'<Relationships><Relationship Id="rId1" Type="y" Target="file:///D:/Renja/Renja%202023.xlsx" '
                     b'TargetMode="External"/></Relationships>')
    (sh,) = buka_berkas(dst)
    assert dict(sh.rumus) == {(2, 0): "=SUM(A1:A2)", (0, 1): "=[1]Sheet1!A1"}
    assert sh.rumus_kosong == {(2, 0), (0, 1)}  # openpyxl writes no cached values
    assert sh.rumus.luar == {1: "Renja 2023.xlsx"}
