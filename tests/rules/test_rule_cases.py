"""Each rule's should-pass and should-fail cases, kept as small data files in ``cases/`` (one per rule).

A case gives one table (``table``) or several sheets (``sheets``), and for a failing case the findings
expected (each a partial match on cell, kode, severity, expected, actual, saran, message fragment).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from renja_xl.checker import periksa_lembar
from renja_xl.core.config import Konfigurasi
from renja_xl.rules import REGISTRY, muat_semua

from .tiny import lembar

CASES = Path(__file__).parent / "cases"


def _load():
    for f in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        rule = data["rule"]
        for kind in ("fail", "pass"):
            for i, case in enumerate(data.get(kind, [])):
                yield pytest.param(rule, kind, case, id=f"{rule}-{kind}-{i}-{case['name'][:40]}")


def _run(rule: str, case: dict, tmp_path: Path):
    sheets = case.get("sheets") or {case.get("sheet", "Tabel"): case["table"]}
    cfg = Konfigurasi(select=[rule], **case.get("config", {}))
    nomen = None
    if "nomenklatur" in case:  # a tiny decree as CSV text (never the real one: that is not ours to ship)
        from renja_xl.nomenklatur import muat_nomenklatur

        f = tmp_path / "nomenklatur.csv"
        f.write_text(case["nomenklatur"].strip() + "\n", encoding="utf-8")
        nomen = muat_nomenklatur(f, cache=False)
    b = periksa_lembar(lembar(sheets), cfg, "kasus.xlsx", nomen)
    return b, [t for t in b.findings if t.rule == rule]


def _bukan_hampa(rule: str, case: dict, b) -> None:
    """A should-pass case proves nothing if its table was never read as one the rule runs on."""
    if case.get("tanpa_tabel"):  # the case is about a sheet that is not a table (said in the case)
        return
    jenis = REGISTRY[rule].jenis
    kinds = [t.kind for t in b.tables]
    assert kinds, "no table recognised: the case passes only because nothing was checked"
    if jenis and not REGISTRY[rule].berkas:
        assert set(kinds) & set(jenis), f"tables read as {kinds}, but {rule} runs on {list(jenis)}"


@pytest.mark.parametrize(("rule", "kind", "case"), list(_load()))
def test_rule_case(rule, kind, case, tmp_path):
    muat_semua()
    b, found = _run(rule, case, tmp_path)
    if kind == "pass":
        assert found == [], [f"{t.cell} {t.message}" for t in found]
        _bukan_hampa(rule, case, b)
        return
    expected = case["findings"]
    assert len(found) == len(expected), [f"{t.sheet}!{t.cell} {t.message}" for t in found]
    for want, got in zip(expected, found, strict=True):
        for key, value in want.items():
            if key == "message":
                assert value in got.message, (value, got.message)
            else:
                actual = getattr(got, key)
                if isinstance(value, float):
                    assert actual == pytest.approx(value, abs=0.01), (key, got)
                else:
                    assert actual == value, (key, got)


def test_every_rule_has_cases_or_its_own_test():
    muat_semua()
    have = {p.stem for p in CASES.glob("*.toml")}
    # E001 (unreadable file) and E003 (formula cells in a real .xlsx) are tested on real files
    assert set(REGISTRY) - have - {"E001", "E003"} == set()
