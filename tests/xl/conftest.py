"""Fixtures for the Excel side: the committed master workbook and LibreOffice recalculation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WORKBOOKS

MASTER = WORKBOOKS / "renja_master.xlsm"
TABEL = ["Tabel 4.1", "Tabel 4.2", "Tabel 2.1", "Tabel 2.2", "Realisasi 2024"]


@pytest.fixture(scope="session")
def master() -> Path:
    assert MASTER.is_file(), "workbooks/renja_master.xlsm is missing: run python workbooks/build_master.py"
    return MASTER


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
