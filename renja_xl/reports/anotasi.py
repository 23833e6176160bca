"""The annotated copy of a single checked workbook (``--format excel`` on one file).

Written to a stream the caller opens (the batch run puts it next to the report: ``rekap.xlsx`` →
``rekap_anotasi.xlsx``), never the input, and always an ``.xlsx``: every cell with a finding is
coloured by its worst severity and carries a note listing the findings (rule, message,
suggestion). A first sheet ``renja-xl`` lists all findings with a link to each cell, file-level
ones included, and says what the copy is.

The copy carries nothing that acts on its own: macros are not kept (the copy is ``.xlsx`` even for
an ``.xlsm``), links to other workbooks are dropped, and a formula that reaches outside the
workbook (another file, a UNC path, a URL, DDE such as ``=cmd|'/c calc'!A0``, ``WEBSERVICE``, ``RTD``,
``CALL``) is replaced by the value the sender's file had cached for it. Hyperlinks to files and
network paths are removed. Everything renja-xl adds is written as text (:mod:`.sel_aman`).
openpyxl can only rewrite ``.xlsx``/``.xlsm``: other formats get the recap without the copy.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any

from ..core.alamat import rujukan
from ..core.models import SEVERITY_ORDER, Berkas, Temuan
from .sel_aman import escape_nama, isi_sel, teks

__all__ = ["tulis_anotasi", "SHEET_DAFTAR", "DAPAT_DIANOTASI"]

SHEET_DAFTAR = "renja-xl"
DAPAT_DIANOTASI = (".xlsx", ".xlsm")  # what openpyxl can rewrite (the copy is always .xlsx)


def _catatan(src: Path, diganti: int, lang: str) -> str:
    name = escape_nama(src.name)
    if lang == "en":
        extra = f"; {diganti} formulas that reached outside the workbook were replaced by their values" if diganti else ""
        return (f"Annotated copy of {name} made by renja-xl, not the original: saved as .xlsx without macros, "
                f"links to other workbooks or DDE links{extra}.")
    extra = f"; {diganti} rumus yang menjangkau ke luar workbook diganti nilainya" if diganti else ""
    return (f"Salinan beranotasi {name} buatan renja-xl, bukan berkas asli: disimpan sebagai .xlsx tanpa makro, "
            f"tautan ke workbook lain dan tautan DDE{extra}.")


def _tingkat(t: Temuan, lang: str) -> str:
    from ..core.label import TINGKAT

    return TINGKAT[lang][t.severity]


def _teks(t: Temuan, lang: str) -> str:
    from .saran import saran_untuk

    sev = _tingkat(t, lang)
    saran = saran_untuk(t, lang)
    return f"[{t.rule} {sev}] {t.message}" + (f" → {saran}" if saran else "")


_STR = re.compile(r'"[^"]*"')
_DDE = re.compile(r"[A-Za-z0-9_.\-]+\|")  # app|topic!item
_LUAR = re.compile(r"\[[^\]]*\]|\\\\|[a-z]+://|\b(WEBSERVICE|RTD|CALL|REGISTER|REGISTER\.ID|EXEC|FILTERXML|IMAGE)\s*\(",
                   re.I)
_TAUTAN_AMAN = ("http://", "https://", "mailto:")


def rumus_aktif(formula: str) -> bool:
    """A formula that reaches outside the workbook (another file, a network path, a URL, DDE)."""
    body = _STR.sub('""', formula)
    return bool(_DDE.search(body) or _LUAR.search(body))


def _jinakkan(wb: Any, src: Path) -> int:
    """Remove what could act on its own; returns how many cells had an outside formula replaced."""
    ganti: dict[str, list[Any]] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                f = getattr(c.value, "text", c.value)  # an array formula keeps its text in .text
                if c.data_type == "f" and isinstance(f, str) and rumus_aktif(f):
                    ganti.setdefault(ws.title, []).append(c)
                link = c.hyperlink
                if link is not None and link.target and not link.target.lower().startswith(_TAUTAN_AMAN):
                    c.hyperlink = None
    for name in list(wb.defined_names):
        v = wb.defined_names[name].value or ""
        if rumus_aktif(v):
            del wb.defined_names[name]
    for ws in wb.worksheets:
        for name in list(ws.defined_names):
            if rumus_aktif(ws.defined_names[name].value or ""):
                del ws.defined_names[name]
    if not ganti:
        return 0
    from openpyxl import load_workbook

    cached = load_workbook(src, read_only=True, data_only=True, keep_links=False)
    n = 0
    try:
        for title, cells in ganti.items():
            want = {(c.row, c.column): c for c in cells}
            top = max(r for r, _ in want)
            for row in cached[title].iter_rows(max_row=top):
                for got in row:
                    c = want.pop((getattr(got, "row", None), getattr(got, "column", None)), None)
                    if c is not None:
                        isi_sel(c, got.value)
                        n += 1
            for c in want.values():  # no cached value at all
                c.value = None
                n += 1
    finally:
        cached.close()
    return n


def tulis_anotasi(src: Path, berkas: Berkas, out: IO[bytes] | Any, lang: str = "id") -> None:
    """Write the annotated copy of ``src`` to the binary stream ``out`` (the caller chooses where:
    never over an input)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from .gaya import TAUTAN, WARNA

    wb = load_workbook(src, keep_vba=False, keep_links=False)
    diganti = _jinakkan(wb, src)
    by_cell: dict[tuple[str, str], list[Temuan]] = {}
    for t in berkas.findings:
        if t.sheet and t.cell and t.sheet in wb.sheetnames:
            by_cell.setdefault((t.sheet, t.cell), []).append(t)
    where: dict[tuple[str, str], str] = {}
    for (sheet, a1), found in by_cell.items():
        ws = wb[sheet]
        target = a1
        for rng in ws.merged_cells.ranges:  # a note goes on the merged block's first cell
            if a1 in rng:
                target = rng.start_cell.coordinate
                break
        worst = min(found, key=lambda t: SEVERITY_ORDER[t.severity]).severity
        cell = ws[target]
        fill, font = WARNA[worst]
        cell.fill = PatternFill("solid", fgColor=fill)
        f = cell.font
        cell.font = Font(name=f.name, size=f.size, bold=f.bold, italic=f.italic, underline=f.underline, color=font)
        text = "\n".join(_teks(t, lang) for t in found)
        old = cell.comment.text + "\n" if cell.comment else ""
        note = Comment(teks(old + text), "renja-xl")
        note.width, note.height = 360, min(60 + 40 * len(found), 400)
        cell.comment = note
        where[(sheet, a1)] = target
    daftar = wb.create_sheet(SHEET_DAFTAR, 0)
    from .saran import saran_untuk

    head = (["Sheet", "Sel", "Kode", "Aturan", "Tingkat", "Pesan", "Saran"] if lang == "id"
            else ["Sheet", "Cell", "Kode", "Rule", "Severity", "Message", "Suggestion"])
    daftar.append(head)
    for c in daftar[1]:
        c.font = Font(bold=True)
    isi_sel(daftar["H1"], _catatan(src, diganti, lang))
    daftar["H1"].font = Font(italic=True)
    daftar.freeze_panes = "A2"
    for t in berkas.findings:
        r = daftar.max_row + 1
        for j, v in enumerate((t.sheet, t.cell, t.kode, t.rule, _tingkat(t, lang), t.message, saran_untuk(t, lang)),
                              start=1):
            isi_sel(daftar.cell(row=r, column=j), v)
        target = where.get((t.sheet or "", t.cell or ""))
        if target:
            c = daftar.cell(row=daftar.max_row, column=2)
            c.hyperlink = Hyperlink(ref=c.coordinate, location=rujukan(t.sheet or "", target))
            c.font = Font(color=TAUTAN, underline="single")
    for col, w in zip("ABCDEFG", (16, 8, 20, 8, 11, 80, 60), strict=True):
        daftar.column_dimensions[col].width = w
    daftar.auto_filter.ref = f"A1:G{daftar.max_row}"
    from .excel import _cetak

    _cetak(daftar)  # the list prints one page wide, its header on every page
    for ws in wb.worksheets:  # one selected tab, or Excel opens the sheets grouped
        ws.sheet_view.tabSelected = False
    daftar.sheet_view.tabSelected = True
    wb.active = 0
    wb.save(out)
