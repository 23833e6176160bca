"""--baseline files are validated with limits: a hostile one is exit 2 with a readable message."""

from __future__ import annotations

import json

import pytest

from renja_xl.reports.json_report import dumps
from tests.keamanan.bantu import jalankan, renja, sidik, tanpa_jejak


@pytest.mark.parametrize(("isi", "kata"), [
    ('{"schema": "renja-xl/check@1", "files": ' + "[" * 100_000 + "]" * 100_000 + "}", "bersarang terlalu dalam"),
    ('{"schema": "renja-xl/check@1", "files": [{"path": "a.xlsx", "findings": [{"rule": "A001", "slug": "x", '
     '"severity": "error", "sheet": null, "row": null, "cell": null, "kode": null, "message": "m", "expected": NaN}]}]}',
     "NaN"),
    ('{"schema": "renja-xl/check@1", "files": [{"x": Infinity}]}', "Infinity"),
    ("\xff\xfe bukan json", "bukan JSON"),
    ('[1, 2, 3]', "bukan laporan JSON renja-xl"),
], ids=["bersarang", "nan", "infinity", "bukan-utf8", "bukan-laporan"])
def test_hostile_baseline_is_exit_2(tmp_path, isi, kata):
    src = renja(tmp_path / "in" / "renja.xlsx")
    base = tmp_path / "base.json"
    base.write_bytes(isi.encode("utf-8", "surrogateescape") if not isi.startswith("\xff") else b"\xff\xfe bukan json")
    before = sidik(tmp_path / "in", base)
    h = jalankan("check", str(src), "--baseline", str(base), "--format", "json", "--jobs", "1")
    tanpa_jejak(h)
    assert h.code == 2 and "--baseline" in h.err and kata in h.err, h.err
    assert len(h.err) < 2000
    assert sidik(tmp_path / "in", base) == before


def test_json_report_is_always_strict_json():
    text = dumps({"path": "kab\udcffluwu.xlsx", "expected": float("nan"), "actual": [float("inf"), 1.5]})
    doc = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    assert doc == {"path": "kab\\xffluwu.xlsx", "expected": None, "actual": [None, 1.5]}
    text.encode("utf-8")
