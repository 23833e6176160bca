"""The annotated copy of a single checked workbook (``--format excel`` on one file).

Written to a stream the caller opens (the batch run puts it next to the report: ``rekap.xlsx`` →
``rekap_anotasi.xlsx``; ``.xlsm`` stays ``.xlsm`` with its macros kept as they are), never the
input: every cell with a finding is coloured by its worst severity and carries a note listing the
findings (rule, message, suggestion). A first sheet
``renja-xl`` lists all findings with a link to each cell, file-level ones included.
openpyxl can only rewrite ``.xlsx``/``.xlsm``: other formats get the recap without the copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from ..core.alamat import rujukan
from ..core.models import SEVERITY_ORDER, Berkas, Temuan

__all__ = ["tulis_anotasi", "SHEET_DAFTAR", "DAPAT_DIANOTASI"]

SHEET_DAFTAR = "renja-xl"
DAPAT_DIANOTASI = (".xlsx", ".xlsm")  # what openpyxl can rewrite


def _tingkat(t: Temuan, lang: str) -> str:
    from ..core.label import TINGKAT

    return TINGKAT[lang][t.severity]


def _teks(t: Temuan, lang: str) -> str:
    from .saran import saran_untuk

    sev = _tingkat(t, lang)
    saran = saran_untuk(t, lang)
    return f"[{t.rule} {sev}] {t.message}" + (f" → {saran}" if saran else "")


def tulis_anotasi(src: Path, berkas: Berkas, out: IO[bytes] | Any, lang: str = "id") -> None:
    """Write the annotated copy of ``src`` to the binary stream ``out`` (the caller chooses where:
    never over an input)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from .gaya import TAUTAN, WARNA

    wb = load_workbook(src, keep_vba=src.suffix.lower() == ".xlsm")
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
        note = Comment(old + text, "renja-xl")
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
    daftar.freeze_panes = "A2"
    for t in berkas.findings:
        daftar.append([t.sheet, t.cell, t.kode, t.rule, _tingkat(t, lang), t.message, saran_untuk(t, lang)])
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
