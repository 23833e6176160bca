"""Control characters and escape sequences from a submission never reach the terminal raw;
numbers that are not finite or near the float limit do not break a report."""

from __future__ import annotations

import json

import pytest

from renja_xl.reports.layar import layar
from tests import synth
from tests.keamanan.bantu import jalankan, renja, rumus_dalam, sidik, tanpa_jejak

ESC = "\x1b[2K\x1b[1A\x1b]0;diretas\x07\r\u202eLAPORAN\x9b31m"


def _ooxml(teks: str) -> bytes:
    """Text as a sheet's XML carries it: control characters as Excel's _xHHHH_ escapes."""
    out = "".join(f"_x{ord(c):04X}_" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else c for c in teks)
    return out.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8")


def _tanam(path, ganti: dict[str, str]):
    """Replace placeholder texts inside the workbook's XML (openpyxl refuses control characters)."""
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            b = z.read(info.filename)
            for k, v in ganti.items():
                b = b.replace(k.encode(), _ooxml(v))
            data[info.filename] = b
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, b in data.items():
            z.writestr(name, b)
    return path


def _sub():
    r = synth.buat_renja(seed=5, years=(2025, 2026))
    return [".".join(b.kode) for b in r.rows if len(b.kode) == 6]


def test_layar_shows_every_control_character():
    s = layar(ESC + "\udcff\tok\n")
    assert not any(ch in s for ch in "\x1b\x07\r\u202e\x9b\udcff")
    assert "\\x1b[2K" in s and "\\u202e" in s and "\\xff" in s and s.endswith("\tok\n")


@pytest.mark.parametrize("perintah", ["check", "ringkasan", "diff"])
def test_escape_sequences_from_cells_and_names_never_reach_the_terminal(tmp_path, perintah):
    subs = _sub()
    folder = tmp_path / "in"
    a = renja(folder / "a.xlsx", seed=5)
    b = renja(folder / "b\x1b[2Kx\x1bc.xlsx", seed=5,
              ubah={(subs[0], "satuan"): "TANAMSATU", (subs[1], "satuan"): "LpaoranTANAMDUA"})
    _tanam(b, {"TANAMSATU": ESC, "TANAMDUA": ESC})
    before = sidik(folder)
    args = {"check": ["check", str(b), "--jobs", "1"], "ringkasan": ["ringkasan", str(b)],
            "diff": ["diff", str(a), str(b)]}[perintah]
    h = jalankan(*args, env={"FORCE_COLOR": "1"})
    tanpa_jejak(h)
    assert h.code in (0, 1), h.err
    for stream in (h.out, h.err):
        assert not any(ch in stream for ch in "\x07\r\u202e\x9b"), repr(stream[:2000])
        assert "\x1b[2K" not in stream and "\x1b]0" not in stream and "\x1b[1A" not in stream and "\x1bc" not in stream
    assert "\\x1b" in h.out  # shown, not dropped
    assert sidik(folder) == before


def test_pagu_near_the_float_limit_and_nan_in_diff(tmp_path):
    subs = _sub()
    a = renja(tmp_path / "a.xlsx", seed=5, ubah={(subs[0], "pagu 2025"): -1.7e308, (subs[1], "pagu 2025"): 1.0})
    b = renja(tmp_path / "b.xlsx", seed=5, ubah={(subs[0], "pagu 2025"): 1.7e308, (subs[1], "pagu 2025"): float("nan")})
    for fmt in ("text", "json", "excel"):
        out = tmp_path / f"d.{fmt}"
        h = jalankan("diff", str(a), str(b), "--format", fmt, "-o", str(out))
        tanpa_jejak(h)
        assert h.code == 1, h.err
        if fmt == "json":
            json.loads(out.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(f"invalid JSON {c}"))
        if fmt == "excel":
            assert rumus_dalam(out) == []


@pytest.mark.parametrize("perintah", ["check", "diff", "anotasi"])
def test_output_that_is_a_symlink_loop_is_exit_2(tmp_path, perintah):
    a = renja(tmp_path / "in" / "a.xlsx", seed=5)
    loop = tmp_path / ("rekap_anotasi.xlsx" if perintah == "anotasi" else "loop.out")
    loop.symlink_to(loop)
    args = {"check": ["check", str(a), "--format", "json", "-o", str(loop)],
            "diff": ["diff", str(a), str(a), "-o", str(loop)],
            "anotasi": ["check", str(a), "--format", "excel", "-o", str(tmp_path / "rekap.xlsx")]}[perintah]
    h = jalankan(*args, "--jobs", "1") if perintah != "diff" else jalankan(*args)
    tanpa_jejak(h)
    assert h.code == 2 and "tautan simbolik yang berulang" in h.err, h.err
    assert loop.is_symlink()
