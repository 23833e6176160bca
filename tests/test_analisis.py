"""renja_xl.analisis: a JSON report as DataFrames; pandas is imported only when asked for."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli.test_check_cli import run
from tests.conftest import ROOT, SEED_XLSX


def test_findings_and_files_as_dataframes(tmp_path):
    pytest.importorskip("pandas")
    from renja_xl.analisis import berkas, temuan

    out = tmp_path / "hasil.json"
    assert run("check", str(SEED_XLSX), "-o", str(out))[0] == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    df = temuan(out)
    assert len(df) == len(doc["files"][0]["findings"])
    assert list(df.columns[:11]) == ["path", "pemda", "opd", "tahun", "dokumen", "bidang", "rule", "slug", "severity",
                                     "sheet", "row"]
    assert df.groupby("severity").size().to_dict() == {k: v for k, v in doc["summary"].items()
                                                       if k in ("error", "warning", "info") and v}
    assert set(df["pemda"]) == {"Kabupaten Luwu"}
    f = berkas(doc)
    assert f.loc[0, "error"] == doc["summary"]["error"] and f.loc[0, "status"] == "checked"


def test_pandas_is_imported_only_when_used():
    code = "import renja_xl.analisis, sys; print('pandas' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.stdout.strip() == "False", res.stderr
