"""The registry against the catalogue contract (../shared/spec/rules.md): codes, slugs, severities."""

from __future__ import annotations

import re

import pytest

from renja_xl.rules import REGISTRY, muat_semua, pilih
from renja_xl.rules.registry import Dok, aturan
from tests.conftest import SHARED

SPEC = SHARED / "spec" / "rules.md"
LATER: set[str] = set()


def _catalogue():
    if not SPEC.is_file():
        pytest.skip(f"rule catalogue not found at {SPEC}")
    rows = re.findall(r"^\| ([KATSEF]\d{3}) \| ([a-z-]+) \| (error|warning|info) \|", SPEC.read_text(encoding="utf-8"), re.M)
    assert len(rows) >= 20
    return {code: (slug, sev) for code, slug, sev in rows}


def test_codes_slugs_and_severities_match_the_catalogue():
    muat_semua()
    cat = _catalogue()
    mine = {code: (a.slug, a.severity) for code, a in REGISTRY.items()}
    for code, want in cat.items():
        if code in LATER and code not in mine:
            continue
        assert mine.get(code) == want, code
    # codes the project adds (E004, K006, the F group …) keep the catalogue's style: a known letter
    # group, documented in both languages (the next test), listed in docs/aturan/README.md
    from renja_xl.rules.registry import KATEGORI
    from tests.conftest import ROOT

    extra = set(mine) - set(cat)
    index = (ROOT / "docs" / "aturan" / "README.md").read_text(encoding="utf-8")
    assert all(code[0] in KATEGORI and f"{code}" in index for code in extra), extra


def test_every_rule_is_documented_in_both_languages():
    muat_semua()
    for a in REGISTRY.values():
        for lang in ("id", "en"):
            d = a.dok[lang]
            assert all(len(x.strip()) > 10 for x in (d.judul, d.apa, d.mengapa, d.contoh, d.perbaikan)), (a.kode, lang)
            page = a.halaman(lang)
            assert page.startswith(f"# {a.kode} {a.slug}")


def test_a_code_or_slug_registers_once():
    muat_semua()
    doc = Dok(judul="x" * 12, apa="x" * 12, mengapa="x" * 12, contoh="x" * 12, perbaikan="x" * 12)
    with pytest.raises(ValueError):
        aturan("K001", "lain-lagi", "error", id=doc, en=doc)(lambda ctx: ())
    with pytest.raises(ValueError):
        aturan("K999", "kode-tidak-valid", "error", id=doc, en=doc)(lambda ctx: ())
    with pytest.raises(ValueError):
        aturan("Q001", "apa", "error", id=doc, en=doc)
    from renja_xl.rules.registry import DIPENSIUNKAN

    DIPENSIUNKAN["T999"] = "contoh kode yang sudah pensiun"
    try:
        with pytest.raises(ValueError, match="pensiun"):
            aturan("T999", "kode-pensiun", "error", id=doc, en=doc)
    finally:
        del DIPENSIUNKAN["T999"]


def test_selection_by_prefix():
    assert {a.kode for a in pilih(["T00"], ["T003", "T006"])} == {"T001", "T002", "T004", "T005"}
    assert all(a.kode[0] == "K" for a in pilih(["k"]))


def test_rule_pages_in_docs_are_current():
    import subprocess
    import sys

    from tests.conftest import ROOT

    res = subprocess.run([sys.executable, str(ROOT / "docs" / "tulis_aturan.py"), "--check"], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
