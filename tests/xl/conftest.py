"""Fixtures for the Excel side: the committed master workbook and LibreOffice recalculation."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import WORKBOOKS

MASTER = WORKBOOKS / "renja_master.xlsm"
TEMPLATE = WORKBOOKS / "renja_template.xlsm"
TABEL = ["Tabel 4.1", "Tabel 4.2", "Tabel 2.1", "Tabel 2.2", "Realisasi 2024"]


@pytest.fixture(scope="session")
def master() -> Path:
    assert MASTER.is_file(), "workbooks/renja_master.xlsm is missing: run python workbooks/build_master.py"
    return MASTER


@pytest.fixture(scope="session")
def template() -> Path:
    assert TEMPLATE.is_file(), "workbooks/renja_template.xlsm is missing: run python workbooks/build_master.py"
    return TEMPLATE


@pytest.fixture(scope="session")
def hitung_lo(soffice, tmp_path_factory):
    """Recalculate a workbook in LibreOffice (every formula, whatever its cached value) and return
    the .xlsx LibreOffice wrote."""

    def run(src: Path) -> Path:
        outdir = tmp_path_factory.mktemp("lo")
        res = soffice(src, "xlsx", outdir)
        out = outdir / (src.stem + ".xlsx")
        assert res.returncode == 0 and out.is_file(), f"LibreOffice could not convert {src.name}: {res.stderr}"
        return out

    return run


@pytest.fixture(scope="session")
def master_lo(master, hitung_lo) -> Path:
    return hitung_lo(master)


# --- LibreOffice with macros enabled (tests/xl/_lo_uno.py) ---------------------------------------

def _python_uno() -> str | None:
    """A Python that has LibreOffice's bridge (``uno``): Debian's python3-uno lives in /usr/bin/python3."""
    cands = [shutil.which("python3"), "/usr/bin/python3", "/usr/lib/libreoffice/program/python"]
    for c in dict.fromkeys(x for x in cands if x):
        if Path(c).exists() and subprocess.run([c, "-c", "import uno"], capture_output=True).returncode == 0:
            return c
    return None


@pytest.fixture(scope="session")
def lo_makro(soffice, tmp_path_factory):
    """``run(jobs)``: open workbooks in LibreOffice with their macros enabled, call Basic functions,
    recalculate and save as .xlsx (see _lo_uno.py); returns one result per job."""
    py = _python_uno()
    if py is None:
        pytest.skip("LibreOffice's Python bridge (module uno, Debian package python3-uno) is not installed")

    def run(jobs: list[dict]) -> list[dict]:
        profile = tmp_path_factory.mktemp("lo-makro")
        res = subprocess.run([py, str(Path(__file__).with_name("_lo_uno.py"))],
                             input=json.dumps({"profile": str(profile), "jobs": jobs}),
                             capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stderr[-3000:]
        return json.loads(res.stdout)

    return run


def vba_builder():
    """workbooks/vba_project.py and build_master.py (not a package: imported from their folder)."""
    folder = str(WORKBOOKS)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import build_master
    import vba_project

    return vba_project, build_master


def ganti_proyek_vba(src: Path, dst: Path, vba_bin: bytes) -> Path:
    """A copy of a macro workbook with another VBA project (``xl/vbaProject.bin``)."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(info, vba_bin if info.filename == "xl/vbaProject.bin" else z.read(info.filename))
    return dst
