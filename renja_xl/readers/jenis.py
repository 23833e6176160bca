"""What a file really is, whatever its name says, and the HTML tables some exports call ``.xls``.

Government systems often export an HTML table (or an ``.xlsx``) under a ``.xls`` name; an encrypted
workbook is an OLE container whatever its extension; a PDF or a Word file sometimes arrives in place
of the workbook. :func:`kenali` looks at the first bytes (and, for a zip or an OLE container, at the
names of its parts) and says what the file is; :func:`alasan` gives the E001 reason for a kind that
cannot be checked, always with what the sender should do.

:func:`baca_html` reads the tables of an HTML export with the standard library's HTML parser (which
never fetches anything and expands no entity beyond the HTML ones): every ``<table>`` becomes one
grid, ``colspan``/``rowspan`` become merged ranges, and a cell's ``x:num`` (Excel's own HTML export)
gives its number.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

__all__ = ["kenali", "alasan", "baca_html", "HtmlTidakTerbaca", "JENIS_DIBACA"]

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
JENIS_DIBACA = {"xlsx", "xlsm", "xlsb", "ods", "xls", "html"}  # kinds the reader can open

_HTML = re.compile(rb"<(!doctype\s+html|html|table|head|body|meta)\b", re.I)
_SSML = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet", re.I)


def _ole_nama(path: Path) -> str:
    """Tell the OLE containers apart by the stream names in their directory (UTF-16 in the file)."""
    with path.open("rb") as fh:
        data = fh.read(4 << 20)
    has = lambda name: name.encode("utf-16-le") in data  # noqa: E731
    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "sandi"
    if has("WordDocument"):
        return "doc"
    if has("PowerPoint Document"):
        return "ppt"
    return "xls"


def _zip_nama(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mime = z.read("mimetype")[:100]
                if b"spreadsheet" in mime:
                    return "ods"
                return "odf-lain"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        return "zip-rusak"
    if "xl/workbook.xml" in names:
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    if "[Content_Types].xml" in names:
        return "ooxml-lain"
    return "zip"


def kenali(path: Path, head: bytes) -> str:
    """The kind of file: xlsx, xlsm, xlsb, ods, xls, html, sandi (encrypted), spreadsheetml,
    pdf, docx, doc, pptx, ppt, zip, zip-rusak, teks, kosong or lain."""
    if not head:
        return "kosong"
    if head.startswith(OLE):
        return _ole_nama(path)
    if head.startswith(ZIP):
        return _zip_nama(path)
    if head.startswith(b"%PDF"):
        return "pdf"
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff \t\r\n\0")
    if _SSML.search(head) and b"<Workbook" in head:
        return "spreadsheetml"
    if _HTML.search(text[:4096]) or (text.startswith(b"<?xml") and b"<html" in head.lower()):
        return "html"
    if b"\0" not in head[:4096]:
        return "teks"
    return "lain"


_ALASAN: dict[str, tuple[str, str]] = {
    "sandi": ("berkas dilindungi kata sandi; minta pengirim membuka proteksinya (File > Info > Protect Workbook) "
              "lalu mengirim ulang",
              "the file is password-protected; ask the sender to remove the password (File > Info > Protect "
              "Workbook) and send it again"),
    "spreadsheetml": ("berkas XML Spreadsheet 2003, bukan workbook Excel; buka di Excel lalu simpan sebagai .xlsx",
                      "an XML Spreadsheet 2003 file, not an Excel workbook; open it in Excel and save it as .xlsx"),
    "pdf": ("berkas PDF, bukan spreadsheet; minta berkas Excel-nya (.xlsx)",
            "a PDF file, not a spreadsheet; ask for the Excel file (.xlsx)"),
    "docx": ("dokumen Word, bukan spreadsheet; minta berkas Excel-nya (.xlsx)",
             "a Word document, not a spreadsheet; ask for the Excel file (.xlsx)"),
    "doc": ("dokumen Word, bukan spreadsheet; minta berkas Excel-nya (.xlsx)",
            "a Word document, not a spreadsheet; ask for the Excel file (.xlsx)"),
    "pptx": ("presentasi PowerPoint, bukan spreadsheet; minta berkas Excel-nya (.xlsx)",
             "a PowerPoint file, not a spreadsheet; ask for the Excel file (.xlsx)"),
    "ppt": ("presentasi PowerPoint, bukan spreadsheet; minta berkas Excel-nya (.xlsx)",
            "a PowerPoint file, not a spreadsheet; ask for the Excel file (.xlsx)"),
    "odf-lain": ("dokumen OpenDocument yang bukan spreadsheet; minta berkas Excel-nya (.xlsx)",
                 "an OpenDocument file that is not a spreadsheet; ask for the Excel file (.xlsx)"),
    "ooxml-lain": ("dokumen Office yang bukan workbook Excel; minta berkas Excel-nya (.xlsx)",
                   "an Office document that is not an Excel workbook; ask for the Excel file (.xlsx)"),
    "zip": ("arsip zip biasa, bukan workbook; bongkar arsipnya atau kirim sebagai .zip",
            "a plain zip archive, not a workbook; unpack it or send it named .zip"),
    "zip-rusak": ("berkas rusak atau terpotong (arsip Office tidak lengkap); minta pengirim mengirim ulang",
                  "the file is corrupt or truncated (incomplete Office archive); ask the sender to send it again"),
    "teks": ("bukan berkas spreadsheet (berkas teks atau CSV?); buka di Excel lalu simpan sebagai .xlsx",
             "a text file (CSV?), not a workbook; open it in Excel and save it as .xlsx"),
    "kosong": ("berkas kosong (0 byte); minta pengirim mengirim ulang", "empty file (0 bytes); ask the sender to send it again"),
    "lain": ("bukan berkas spreadsheet; minta berkas Excel-nya (.xlsx)", "not a spreadsheet; ask for the Excel file (.xlsx)"),
}


def alasan(jenis: str) -> tuple[str, str]:
    """(Indonesian, English) E001 reason for a kind the reader cannot open."""
    return _ALASAN.get(jenis, _ALASAN["lain"])


# --- HTML tables ----------------------------------------------------------------------------------

BATAS_SEL_HTML = 5_000_000  # cells over all tables of one HTML file
_NUM = re.compile(r"^-?\d+(\.\d+)?(E[+-]?\d+)?$", re.I)


class _Tabel:
    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.span: dict[tuple[int, int], bool] = {}  # cells covered by an earlier rowspan/colspan
        self.col = 0
        self.cell: list[str] | None = None
        self.num: str | None = None
        self.cspan = self.rspan = 1


class _Pengurai(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Tabel] = []
        self.done: list[_Tabel] = []
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.stack.append(_Tabel())
            return
        if not self.stack:
            return
        t = self.stack[-1]
        if tag == "tr":
            self._tutup_sel(t)
            t.rows.append([])
            t.col = 0
        elif tag in ("td", "th"):
            self._tutup_sel(t)
            if not t.rows:
                t.rows.append([])
            a = {k.lower(): (v or "") for k, v in attrs}
            t.cell = []
            t.num = a.get("x:num") or None
            t.cspan = _bulat(a.get("colspan"))
            t.rspan = _bulat(a.get("rowspan"))
        elif tag == "br" and t.cell is not None:
            t.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            return
        t = self.stack[-1]
        if tag in ("td", "th", "tr"):
            self._tutup_sel(t)
        elif tag == "table":
            self._tutup_sel(t)
            self.done.append(self.stack.pop())

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1].cell is not None:
            self.stack[-1].cell.append(data)

    def _tutup_sel(self, t: _Tabel) -> None:
        if t.cell is None:
            return
        r = len(t.rows) - 1
        row = t.rows[r]
        while t.span.get((r, t.col)):
            t.col += 1
        text = " ".join("".join(t.cell).split())
        value: Any = text
        if t.num is not None and _NUM.match(t.num.strip()):
            f = float(t.num)
            value = int(f) if f.is_integer() and abs(f) < 1e15 else f
        while len(row) < t.col:
            row.append("")
        row.append(value)
        self.cells += t.cspan * t.rspan
        if self.cells > BATAS_SEL_HTML:
            raise _TerlaluBesar
        if t.cspan > 1 or t.rspan > 1:
            t.merges.append((r, t.col, r + t.rspan - 1, t.col + t.cspan - 1))
            for i in range(r, r + t.rspan):
                for j in range(t.col, t.col + t.cspan):
                    if (i, j) != (r, t.col):
                        t.span[(i, j)] = True
            row.extend([""] * (t.cspan - 1))
        t.col += t.cspan
        t.cell = None


class _TerlaluBesar(Exception):
    pass


def _bulat(v: str | None) -> int:
    try:
        n = int(str(v).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(n, 1), 1000)  # a span of a million columns is not a table


def _dekode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", data[:4096])
    enc = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(enc)
    except (LookupError, UnicodeDecodeError):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace")


class HtmlTidakTerbaca(ValueError):
    """The HTML file holds no table we can read; ``alasan``/``reason`` say why (id, en)."""

    def __init__(self, alasan: str, reason: str, jenis: str):
        super().__init__(alasan)
        self.alasan, self.reason, self.jenis = alasan, reason, jenis


def baca_html(path: Path) -> list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]]:
    """Every ``<table>`` of an HTML file as (name, rows, merged ranges), in document order."""
    p = _Pengurai()
    try:
        p.feed(_dekode(path.read_bytes()))
        p.close()
    except _TerlaluBesar:
        raise HtmlTidakTerbaca(
            f"tabel HTML terlalu besar (lebih dari {BATAS_SEL_HTML:,} sel); simpan sebagai .xlsx lalu kirim ulang",
            f"HTML table too large (more than {BATAS_SEL_HTML:,} cells); save it as .xlsx and send it again", "rusak") from None
    while p.stack:  # tables never closed
        t = p.stack.pop()
        p._tutup_sel(t)
        p.done.append(t)
    tables = [t for t in p.done if any(any(v not in ("", None) for v in r) for r in t.rows)]
    if not tables:
        raise HtmlTidakTerbaca("halaman HTML tanpa tabel; minta berkas Excel-nya (.xlsx)",
                                 "an HTML page without a table; ask for the Excel file (.xlsx)", "bukan-spreadsheet")
    return [(f"Tabel HTML {i}" if len(tables) > 1 else "Tabel HTML", t.rows, t.merges)
            for i, t in enumerate(tables, start=1)]
