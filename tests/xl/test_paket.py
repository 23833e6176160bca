"""The audit of issue 12 as a test: the package parts, content types, relationships and VBA streams of
the master workbook and the template, next to the macro workbooks the installed xlwings package
ships — ``quickstart.xlsm`` (saved by Excel) and ``quickstart_standalone.xlsm`` (built by xlwings'
own tool, what ``xlwings quickstart --standalone`` copies). They are read from site-packages here and
never copied into the repository.

What may differ, and why, is stated where it is allowed: a package written by openpyxl has more
sheets, a VML drawing and no shared strings; a VBA project written without Excel carries no
compiled code (its _VBA_PROJECT version 0xFFFF tells Excel to compile from source, as in the
standalone file) and no PROJECTCOMPATVERSION record (the standalone file has none either).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlwings

from .ovba import paket, proyek

PKG = Path(xlwings.__file__).parent
REFERENSI = ["quickstart.xlsm", "quickstart_standalone.xlsm"]
MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_CT = "application/vnd.ms-office.vbaProject"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PROJECTCOMPATVERSION = 0x4A


@pytest.fixture(scope="module", params=REFERENSI)
def referensi(request) -> Path:
    p = PKG / request.param
    if not p.is_file():
        pytest.skip(f"{p} is not in the installed xlwings package")
    return p


@pytest.fixture(scope="module", params=["renja_master.xlsm", "renja_template.xlsm"])
def buatan(request, master, template) -> Path:
    return master if request.param == "renja_master.xlsm" else template


def _bin(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/vbaProject.bin")


def _tipe_per_jenis(p) -> dict[str, str]:
    """Content type per kind of part (xl/worksheets/sheet*.xml as one kind)."""
    from .ovba import jenis_part

    return {jenis_part(n): t for n, t in p.content_types.items()}


def test_content_types_match(buatan, referensi):
    ours, ref = paket(buatan), paket(referensi)
    assert ours.content_types["xl/workbook.xml"] == ref.content_types["xl/workbook.xml"] == MACRO_MAIN
    assert ours.content_types["xl/vbaProject.bin"] == ref.content_types["xl/vbaProject.bin"] == VBA_CT
    missing = [n for n, t in ours.content_types.items() if not t]
    assert not missing, f"parts without a content type: {missing}"
    a, b = _tipe_per_jenis(ours), _tipe_per_jenis(ref)
    shared = set(a) & set(b)
    assert {"xl/workbook.xml", "xl/worksheets/sheetN.xml", "xl/styles.xml", "xl/theme/themeN.xml",
            "docProps/core.xml", "docProps/app.xml", "xl/vbaProject.bin"} <= shared
    assert {k: a[k] for k in shared} == {k: b[k] for k in shared}
    # what only we have: the VML drawing of the form buttons, by its standard content type
    assert set(a) - set(b) <= {"xl/drawings/vmlDrawingN.vml", "xl/worksheets/_rels/sheetN.xml.rels"}
    assert a.get("xl/drawings/vmlDrawingN.vml") == "application/vnd.openxmlformats-officedocument.vmlDrawing"


def test_relationships_match(buatan, referensi):
    ours, ref = paket(buatan), paket(referensi)
    for p in (ours, ref):
        assert (OFFICE_DOC, "xl/workbook.xml") in p.rels["_rels/.rels"]
        assert (VBA_REL, "xl/vbaProject.bin") in p.rels["xl/_rels/workbook.xml.rels"]
    assert {t for t, _ in ours.rels["_rels/.rels"]} == {t for t, _ in ref.rels["_rels/.rels"]}
    ref_types = {t for t, _ in ref.rels["xl/_rels/workbook.xml.rels"]}
    our_types = {t for t, _ in ours.rels["xl/_rels/workbook.xml.rels"]}
    # quickstart.xlsm also has sharedStrings (openpyxl writes strings inline): everything else the same
    assert our_types == ref_types - {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"}
    # every relationship points at a part that exists, and every part is reachable from one
    targets = {tgt for rels in ours.rels.values() for _, tgt in rels}
    assert targets <= set(ours.parts), targets - set(ours.parts)
    orphans = [n for n in ours.parts if n not in targets and not n.endswith(".rels") and n != "[Content_Types].xml"]
    assert not orphans, orphans


def test_workbook_and_sheets_name_their_vba_modules(buatan, referensi):
    for path in (buatan, referensi):
        p = paket(path)
        assert 'codeName="ThisWorkbook"' in p.workbook_xml, path.name
    docs = {m.nama for m in proyek(_bin(buatan)).modules if m.jenis == "dokumen"}
    with zipfile.ZipFile(buatan) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        import re

        codenames = {re.search(r'codeName="([^"]+)"', z.read(n).decode("utf-8")).group(1) for n in sheets}
    assert docs == codenames | {"ThisWorkbook"}


def test_vba_streams_match(buatan, referensi):
    ours, ref = proyek(_bin(buatan)), proyek(_bin(referensi))
    for p in (ours, ref):
        assert {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT"} <= set(p.streams)
        assert set(p.streams) == {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT"} | {f"VBA/{m.stream}" for m in p.modules}
    # the PROJECT stream: the same lines in the same order (one Document/Module line per module)
    def form(p):
        out = []
        for k in p.project_keys:
            k = "MODUL" if k in ("Document", "Module", "Class") else k
            k = "JENDELA" if k in p.workspace else k
            if not out or out[-1] != k or k not in ("MODUL", "JENDELA"):
                out.append(k)
        while out and out[-1] == "":
            out.pop()
        return out

    assert form(ours) == form(ref)
    assert ours.project["VersionCompatible32"] == ref.project["VersionCompatible32"] == '"393222000"'
    # the dir stream: project information records the same, but for PROJECTCOMPATVERSION (optional;
    # the standalone file has none); code page 1252, 64-bit Windows project
    assert ours.info_records == [r for r in ref.info_records if r != PROJECTCOMPATVERSION]
    for rid in (0x01, 0x03):  # SYSKIND, CODEPAGE
        assert ours.info[rid] == ref.info[rid], hex(rid)
    # each module described by the same records
    pola = {m.jenis: m.records for m in ref.modules}
    for m in ours.modules:
        assert m.records == pola[m.jenis], m.nama
    # _VBA_PROJECT: Excel's signature; version 0xFFFF (no compiled cache: Excel compiles from source)
    assert ours.vba_project_header[0] == ref.vba_project_header[0] == 0x61CC
    assert ours.vba_project_header[1] == 0xFFFF
    for p in (ours, ref):
        for m in p.modules:
            assert p.sources[m.nama].startswith(f'Attribute VB_Name = "{m.nama}"'), m.nama
