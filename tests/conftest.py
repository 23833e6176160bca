"""Shared fixtures: paths to the bundled workbook and the shared reference data, LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "workbooks"
SEED_XLSX = WORKBOOKS / "renja_dinsos_luwu_2024.xlsx"
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "reference"
SAMPLES = REFERENCE / "samples"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden reports in tests/golden/ from the current code (then review the diff)")


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


LAMBAT = {"soffice", "chromium"}  # fixtures that start LibreOffice or Chromium
# suites whose tests start processes: the CLI and the worker pool as a user runs them, the guarded
# child under time and memory limits (hostile inputs), the Excel side's remote engine and builders
LAMBAT_FOLDER = ("cli", "batch", "keamanan", "xl")


def pytest_collection_modifyitems(config, items):
    """Every test that starts LibreOffice or Chromium (through a fixture, however indirectly), and
    every test of a suite that starts processes, is ``slow``: ``pytest -m "not slow"`` is the quick
    developer loop (the in-process core, readers, rules and reports); CI runs everything."""
    for item in items:
        folder = Path(str(item.fspath)).relative_to(ROOT / "tests").parts[0]
        if LAMBAT & set(getattr(item, "fixturenames", ())) or folder in LAMBAT_FOLDER:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_xlsx() -> Path:
    return SEED_XLSX


@pytest.fixture(scope="session")
def seed_hasil():
    from renja_xl.readers import baca_berkas

    return baca_berkas(SEED_XLSX)


def tabel(hasil, sheet):
    return next(t for t in hasil.tables if t.sheet == sheet)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"reference samples not found at {SAMPLES} (../shared/reference/samples is not part of the repository)")
    return SAMPLES


@pytest.fixture(scope="session")
def real(samples_dir) -> Path:
    """The folder of real submissions (../shared/reference/samples/real)."""
    d = samples_dir / "real"
    if not d.is_dir():
        pytest.skip(f"real samples not found at {d} (../shared/reference/samples/real is not part of the repository)")
    return d


@pytest.fixture(scope="session")
def cek_nyata(real):
    """``periksa_berkas`` of a real sample by file name, once per test session (the reports are read, never changed)."""
    from functools import lru_cache

    from renja_xl.checker import periksa_berkas

    return lru_cache(maxsize=None)(lambda name: periksa_berkas(real / name))


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def soffice(tmp_path_factory):
    """A LibreOffice runner with its own profile that recalculates formulas on load."""
    exe = soffice_path()
    if not exe:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui")
    profile = tmp_path_factory.mktemp("lo-profile")
    user = profile / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
        "<value>0</value></prop></item>\n"
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">'
        "<value>0</value></prop></item>\n"
        "</oor:items>\n",
        encoding="utf-8",
    )

    def run(src: Path, fmt: str, outdir: Path) -> subprocess.CompletedProcess:
        outdir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, HOME=str(profile))
        return subprocess.run(
            [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", fmt, "--outdir", str(outdir), str(src)],
            capture_output=True, text=True, timeout=180, env=env,
        )

    return run


CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """Headless Chromium with a fresh profile per call: ``run(url, *flags)`` → CompletedProcess."""
    exe = chromium_path()
    if not exe:
        pytest.skip("Chromium is not installed: apt-get install -y chromium")

    def run(url: str, *flags: str) -> subprocess.CompletedProcess:
        profile = tmp_path_factory.mktemp("chromium-profile")
        return subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             *flags, url],
            capture_output=True, text=True, timeout=180,
        )

    return run


@pytest.fixture(autouse=True)
def _cache_sendiri(tmp_path_factory, monkeypatch):
    """Each test its own cache folder (results, nomenclature): a check never reuses another test's
    result, and nothing is written to the user's ~/.cache. Tests of the cache use it on purpose."""
    monkeypatch.setenv("RENJA_XL_CACHE", str(tmp_path_factory.mktemp("cache")))
