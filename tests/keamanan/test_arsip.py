"""Archives and names: a nested zip is held to the limits of its parent, an undecodable name is
shown escaped in every report format and never breaks the batch."""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
from openpyxl import load_workbook

from tests.keamanan.bantu import jalankan, renja, rumus_dalam, sidik, tanpa_jejak


def _utf8_palsu(dst, members: dict[bytes, bytes]):
    """A zip whose members claim UTF-8 names (flag bit 11) though some are not UTF-8."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:  # deflated: no stray signature in the data
        for i, data in enumerate(members.values()):
            z.writestr(f"N{i:07d}.xlsx", data)
    raw = bytearray(buf.getvalue())
    for i, name in enumerate(members):
        old = f"N{i:07d}.xlsx".encode()
        assert len(name) == len(old)
        raw = bytearray(bytes(raw).replace(old, name))
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        k = 0
        while (k := raw.find(sig, k)) >= 0:
            flag = int.from_bytes(raw[k + off:k + off + 2], "little") | 0x800
            raw[k + off:k + off + 2] = flag.to_bytes(2, "little")
            k += 4
    dst.write_bytes(bytes(raw))
    return dst


def test_one_invalid_utf8_member_name_does_not_sink_the_zip(tmp_path):
    good = renja(tmp_path / "a.xlsx").read_bytes()
    (tmp_path / "in").mkdir()
    z = _utf8_palsu(tmp_path / "in" / "kiriman.zip", {b"dinsos_b.xlsx": good, b"dinkes\xff\xfe.xlsx": good})
    before = sidik(z)
    h = jalankan("check", str(z), "--format", "json", "--jobs", "1")
    tanpa_jejak(h)
    doc = json.loads(h.out)
    paths = [f["path"] for f in doc["files"]]
    assert paths == [f"{z}!dinkes\\xff\\xfe.xlsx", f"{z}!dinsos_b.xlsx"], paths
    assert all(f["status"] == "checked" for f in doc["files"]), doc["files"]
    assert sidik(z) == before


@pytest.mark.parametrize("fmt", ["text", "json", "html", "excel"])
def test_non_utf8_file_name_in_a_folder_is_escaped_in_every_format(tmp_path, fmt):
    folder = tmp_path / "kiriman"
    renja(folder / "dinsos.xlsx")
    bad = os.fsencode(folder) + b"/dinkes_\xff\xfe.xlsx"
    with open(bad, "wb") as fh:
        fh.write((folder / "dinsos.xlsx").read_bytes())
    before = sidik(folder)
    out = tmp_path / f"rekap.{ {'text': 'txt', 'excel': 'xlsx'}.get(fmt, fmt) }"
    h = jalankan("check", str(folder), "--format", fmt, "-o", str(out), "--jobs", "1")
    tanpa_jejak(h)
    assert h.code in (0, 1) and out.exists(), h.err
    assert sidik(folder) == before
    if fmt == "excel":
        assert rumus_dalam(out) == []
        text = " ".join(str(c.value) for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row)
    elif fmt == "json":
        text = " ".join(f["path"] for f in json.loads(out.read_text(encoding="utf-8"))["files"])
    elif fmt == "html":  # the page carries its files and findings as compressed data
        from renja_xl.reports.html import teks_halaman

        text = teks_halaman(out.read_text(encoding="utf-8"))
    else:
        text = out.read_text(encoding="utf-8")
    assert "dinkes_\\xff\\xfe.xlsx" in text


def test_a_zip_inside_a_zip_is_held_to_the_per_file_limit(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as z:  # 12 MB stored: large inside, tiny outside
        for i in range(3):
            z.writestr(f"kab/besar{i}.xlsx", b"\0" * (4 << 20))
    outer = tmp_path / "in" / "kiriman.zip"
    outer.parent.mkdir()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("dalam.zip", inner.getvalue())
        z.writestr("dinsos.xlsx", renja(tmp_path / "a.xlsx").read_bytes())
    assert outer.stat().st_size < 200_000
    h = jalankan("check", str(outer), "--format", "json", "--jobs", "1", "--batas-ukuran", "5")
    tanpa_jejak(h)
    doc = json.loads(h.out)
    byp = {f["path"]: f for f in doc["files"]}
    nested = byp[f"{outer}!dalam.zip"]
    assert nested["status"] == "unreadable" and "terlalu besar" in nested["findings"][0]["message"]
    assert not [p for p in byp if "besar0" in p]  # never unpacked
    assert byp[f"{outer}!dinsos.xlsx"]["status"] == "checked"
