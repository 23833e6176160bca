"""The master workbook's VBA project, read back by tools we did not write: olevba (oletools) and
LibreOffice, which imports the modules and binds the form buttons to their macros."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import xlwings
from openpyxl import load_workbook

from renja_xl import udf
from tests.conftest import ROOT

MACROS = ROOT / "macros"


def _olevba_bin() -> str:
    exe = shutil.which("olevba") or str(Path(sys.executable).parent / "olevba")
    if not Path(exe).exists():
        pytest.skip("olevba (oletools) is not installed: pip install -e '.[test]'")
    return exe


@pytest.fixture(scope="module")
def modules(master) -> dict[str, str]:
    """Module name → code, as olevba extracts it from the .xlsm."""
    res = subprocess.run([_olevba_bin(), "--code", str(master)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    out: dict[str, str] = {}
    parts = re.split(r"^VBA MACRO (\S+)\s*\n(?:in file: [^\n]*\n)- - -[^\n]*\n", res.stdout, flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body.split("\n-------------------------------------------------------------------------------")[0]
        out[name.rsplit(".", 1)[0]] = body
    return out


def _kode(text: str) -> list[str]:
    """Code lines for comparison: CRLF, the Attribute header and trailing blanks removed."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n") if not ln.startswith("Attribute VB_")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def test_olevba_shows_the_modules_from_macros(modules):
    sources = sorted(MACROS.glob("*.bas"))
    assert sources, "macros/ has no .bas source"
    for bas in sources:
        assert bas.stem in modules, f"{bas.name} is not in the VBA project"
        assert _kode(modules[bas.stem]) == _kode(bas.read_text(encoding="ascii")), bas.name


def test_the_xlwings_module_is_the_installed_package_version(modules):
    src = Path(xlwings.__file__).parent / "xlwings.bas"
    assert _kode(modules["xlwings"]) == _kode(src.read_text(encoding="ascii"))
    m = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', modules["xlwings"])
    assert m and m.group(1) == xlwings.__version__, "workbook VBA and Python package are different xlwings versions"


def test_a_wrapper_for_every_worksheet_function(modules):
    wrappers = modules["xlwings_udfs"]
    for f in udf.fungsi():
        assert re.search(rf"^Function {f.__name__}\(", wrappers, flags=re.M), f.__name__
        assert f'XLPy.CallUDF("renja_xl.udf", "{f.__name__}"' in wrappers
        assert f'"\'!{f.__name__}"' in modules["ThisWorkbook"], f"{f.__name__} is not given the category Renja"
    assert 'Category:="Renja"' in modules["ThisWorkbook"]


def test_one_document_module_per_sheet_and_thisworkbook(master, modules):
    wb = load_workbook(master, keep_vba=True)
    codenames = [ws.sheet_properties.codeName for ws in wb.worksheets]
    assert len(set(codenames)) == len(wb.worksheets) and None not in codenames
    assert wb.code_name == "ThisWorkbook"
    for name in ["ThisWorkbook", *codenames]:
        assert name in modules, name


def _tombol(master: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(master) as z:
        vml = [n for n in z.namelist() if n.endswith(".vml")]
        assert vml, "no form buttons (legacy VML drawing)"
        text = "".join(z.read(n).decode("utf-8") for n in vml)
    captions = re.findall(r"<b>([^<]+)</b>", text)
    macros = re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", text)
    return list(zip(captions, macros, strict=True))


def test_each_button_runs_a_macro_of_the_project(master, modules):
    buttons = _tombol(master)
    assert [c for c, _ in buttons] == ["Validasi", "Hitung Ulang Rollup", "Bersihkan Tanda", "Periksa Pemasangan"]
    code = "\n".join(modules.values())
    for caption, macro in buttons:
        sub = re.search(rf"^Sub {macro}\(\)\n(.*?)^End Sub", code, flags=re.M | re.S)
        assert sub, f"button {caption}: macro {macro} is not in the VBA project"
        m = re.search(r'RunPython "import renja_xl\.xl as rx; rx\.(\w+)\(\)"', sub.group(1))
        assert m, caption
        import renja_xl.xl as rx

        assert callable(getattr(rx, m.group(1), None)), f"{caption}: rx.{m.group(1)} does not exist"
    with zipfile.ZipFile(master) as z:
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<legacyDrawing" in sheet1, "the buttons are not attached to Beranda"


def test_libreoffice_imports_the_modules_and_binds_the_buttons(master, soffice, tmp_path):
    res = soffice(master, "ods", tmp_path)
    ods = tmp_path / "renja_master.ods"
    assert res.returncode == 0 and ods.is_file(), res.stderr
    with zipfile.ZipFile(ods) as z:
        names = set(z.namelist())
        content = z.read("content.xml").decode("utf-8")
        basic = {n.split("/")[-1][:-4]: z.read(n).decode("utf-8") for n in names
                 if n.startswith("Basic/VBAProject/") and n.endswith(".xml") and not n.endswith("script-lb.xml")}
    for name in ["Renja", "xlwings", "xlwings_udfs", "ThisWorkbook"]:
        assert name in basic, f"LibreOffice did not import module {name}"
    # LibreOffice imports every module's text exactly as the project holds it (it adds only its own
    # "Rem Attribute VBA_ModuleType" and "Option VBASupport 1" lines): long string pieces included
    from xml.etree import ElementTree as ET

    from .ovba import proyek

    with zipfile.ZipFile(master) as z:
        ours = proyek(z.read("xl/vbaProject.bin")).sources
    for name, xml in basic.items():
        text = ET.fromstring(xml.encode("utf-8")).text or ""
        lines = [ln for ln in text.split("\n") if not ln.startswith(("Rem Attribute VBA_ModuleType", "Option VBASupport"))]
        assert _kode("\n".join(lines)) == _kode(ours[name]), name
    assert "Sub Validasi()" in basic["Renja"] and "RunPython" in basic["Renja"]
    assert "Public Function RunPython" in basic["xlwings"]
    bound = re.findall(r"vnd\.sun\.star\.script:VBAProject\.(\w+)\.(\w+)\?language=Basic", content)
    assert sorted(bound) == sorted(("Renja", m) for _, m in _tombol(master))
    assert {"Beranda", "Tabel 4.1", "Satuan"} <= set(re.findall(r'table:name="([^"]+)"', content))


# --- the project's streams, read back as MS-OVBA describes them ----------------------------------

@pytest.fixture(params=["renja_master.xlsm", "renja_template.xlsm"])
def vba(request, master, template):
    from .ovba import proyek

    path = master if request.param == "renja_master.xlsm" else template
    with zipfile.ZipFile(path) as z:
        return proyek(z.read("xl/vbaProject.bin"))


def test_projectwm_names_every_module_as_the_dir_stream_does(vba):
    assert vba.projectwm is not None, "no PROJECTwm stream"
    names = [m.nama for m in vba.modules]
    assert [mbcs for mbcs, _ in vba.projectwm] == names
    assert [uni for _, uni in vba.projectwm] == names
    assert [m.nama_unicode for m in vba.modules] == names


def test_project_stream_has_versioncompatible32_in_its_place(vba):
    keys = [k for k in vba.project_keys if k]
    i = keys.index("VersionCompatible32")
    assert keys[i - 1] == "HelpContextID" and keys[i + 1] == "CMG"
    assert vba.project["VersionCompatible32"] == '"393222000"'


def test_workspace_has_one_window_per_module_consistent_with_dir(vba):
    names = [m.nama for m in vba.modules]
    assert list(vba.workspace) == names
    for name, value in vba.workspace.items():
        parts = value.split(", ")
        assert len(parts) == 5 and all(p.lstrip("-").isdigit() for p in parts[:4]) and parts[4] in ("C", "Z", "I"), (name, value)
    # the PROJECT stream's module lines: the same modules, each of the type the dir stream gives it
    jenis = {m.nama: m.jenis for m in vba.modules}
    assert sorted(n for _, n in vba.project_modules) == sorted(names)
    for kind, name in vba.project_modules:
        assert (kind == "Document") == (jenis[name] == "dokumen"), (kind, name)
    # and every module's stream exists
    assert {f"VBA/{m.stream}" for m in vba.modules} <= set(vba.streams)
    assert {"ThisWorkbook", "Renja", "xlwings", "xlwings_udfs"} <= set(names)
