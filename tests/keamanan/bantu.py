"""What every hostile-input test asserts, and small generated submissions to carry the payloads.

:func:`jalankan` runs ``renja-xl`` in a child process (so a native abort, a hang or a traceback is
seen as the user would see it) and returns its exit code, output, error output and the peak memory
of the run (the child and the workers it waited for). :func:`tanpa_jejak` checks that stderr holds no
traceback or Rust panic, :func:`rumus_dalam` lists the ``<f>`` elements of a written workbook.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

PAYLOAD = "=cmd|'/c calc'!A0"
PAYLOADS = [PAYLOAD, "+HYPERLINK(\"http://x\")", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"]


@dataclass
class Hasil:
    code: int
    out: str
    err: str
    mb: float  # peak resident memory of the run (largest of the process and its workers)


def jalankan(*args: str, cwd: Path | None = None, timeout: float = 180, env: dict | None = None,
             stdin: bytes | None = None) -> Hasil:
    """``renja-xl ARGS`` in a child process; never raises on a non-zero exit."""
    e = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", NO_COLOR="1")
    e.pop("FORCE_COLOR", None)
    if env:
        e.update(env)
    import tempfile

    fd, rss = tempfile.mkstemp(prefix="renja-xl-rss-")
    os.close(fd)
    p = subprocess.Popen([sys.executable, "-c", _BUNGKUS, rss, *args], cwd=cwd or ROOT, env=e, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                         start_new_session=True)
    try:
        out, err = p.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        import signal

        os.killpg(p.pid, signal.SIGKILL)  # the run and every worker it started
        p.communicate()
        raise AssertionError(f"renja-xl {' '.join(args)} still running after {timeout} s") from None
    try:
        mb = float(Path(rss).read_text() or 0)
    finally:
        os.unlink(rss)
    return Hasil(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), mb)


# A small parent that runs the command and writes the peak memory of it and its workers (the
# largest resident set among the processes it waited for, as getrusage(RUSAGE_CHILDREN) counts it).
_BUNGKUS = """
import resource, subprocess, sys
code = "import sys; from renja_xl.cli import main; sys.exit(main(sys.argv[1:]))"
p = subprocess.run([sys.executable, "-c", code, *sys.argv[2:]])
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
sys.exit(p.returncode)
"""


_JEJAK = re.compile(r"Traceback \(most recent call last\)|panicked at|RUST_BACKTRACE|Segmentation fault|core dumped")


def tanpa_jejak(h: Hasil) -> None:
    """No traceback, Rust panic or crash report reaches the user."""
    assert not _JEJAK.search(h.err), h.err[-3000:]
    assert not _JEJAK.search(h.out), h.out[-3000:]


def rumus_dalam(path: Path) -> list[str]:
    """The formulas (``<f>`` elements) in a written .xlsx, as ``part: text``."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                out += [f"{name}: {m}" for m in re.findall(r"<f(?:\s[^>]*)?>(.*?)</f>", xml, re.S)]
                out += [f"{name}: <f/>" for _ in re.findall(r"<f(?:\s[^>]*)?/>", xml)]
    return out


def sidik(*paths: Path) -> dict[str, str]:
    """sha256 of every file under ``paths`` (to assert inputs are byte-identical afterwards)."""
    out = {}
    for p in paths:
        files = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file())
        for f in files:
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def renja(path: Path, sheet: str = "Tabel 4.1", pemda: str = "KABUPATEN LUWU", opd: str = "DINAS SOSIAL",
          ubah: dict | None = None, judul: list[str] | None = None, seed: int = 1) -> Path:
    """A small plan table (synth) with whatever payload the test plants."""
    from tests import synth
    from tests.batch.kiriman import JUDUL

    path.parent.mkdir(parents=True, exist_ok=True)
    r = synth.buat_renja(seed=seed, nama_opd=opd, pemda=pemda, years=(2025, 2026))
    synth.simpan(path, [(sheet, r, synth.Tata(judul=judul or JUDUL), ubah)])
    tanam = {v for v in (ubah or {}).values() if isinstance(v, str)}
    if tanam:  # a planted payload is text in the cell (as a sender types '=… into a text cell), not a formula
        from openpyxl import load_workbook

        wb = load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value in tanam:
                        c.data_type = "s"
        wb.save(path)
    return path


def xfd(path: Path) -> Path:
    """A small workbook with one stray cell at XFD1048576: a dense reader needs ~17 billion cells."""
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    ws["A1"] = "RENCANA PROGRAM DAN KEGIATAN"
    ws["XFD1048576"] = "x"
    wb.save(path)
    return path


def bom_baris(path: Path, rows: int = 1_000_000, col: str = "ZZ") -> Path:
    """A row bomb: a few MB on disk, one cell per row far to the right, ~a billion cells unpacked."""
    import zipfile

    path.parent.mkdir(parents=True, exist_ok=True)
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
          'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wbx = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
           '<sheet name="Tabel 4.1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
             '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    body = "".join(f'<row r="{i}"><c r="{col}{i}"><v>1</v></c></row>' for i in range(1, rows + 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
             f"{body[body.index('</row>') + 6:]}</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wbx)
        z.writestr("xl/_rels/workbook.xml.rels", wrels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path
