"""Golden text reports of the seed (Indonesian and English): any change in what a user reads shows
up here as a diff. After a deliberate change, refresh them with ``pytest tests/test_golden.py
--update-golden`` and review ``git diff tests/golden``."""

from __future__ import annotations

import difflib

import pytest

from tests.cli.test_check_cli import run
from tests.conftest import ROOT, SEED_XLSX

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_report_of_the_seed(lang, monkeypatch, update_golden):
    monkeypatch.chdir(ROOT)  # the report shows the path as given: relative, the same on every machine
    code, out, err = run("check", str(SEED_XLSX.relative_to(ROOT)), "--lang", lang, "--no-color")
    assert code == 1, err
    path = GOLDEN / f"seed_{lang}.txt"
    if update_golden:
        path.write_text(out, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    if out != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), out.splitlines(True), str(path), "now", n=1))
        pytest.fail(f"the text report changed (refresh with --update-golden if meant):\n{diff[:4000]}")
