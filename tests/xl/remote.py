"""Drive renja_xl.xl through xlwings' remote engine, as xlwings Server/Lite would, without Excel.

* :func:`payload` builds the request an Excel client sends (every sheet's values from A1, the used
  range, which cells have a note) from a workbook file;
* :func:`buku` opens it as ``xw.Book(json=payload)`` (the license key is set here, for tests only);
* :func:`putar_ulang` replays the returned ``actions`` onto a copy of the file with openpyxl, doing
  what Excel does for each action, and fails on any action it does not know — so a new kind of
  write by the add-in cannot slip through untested.

LibreOffice then opens the replayed copy (see test_remote.py): an engine we did not write checks
what ended up in the file.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter


def _nilai_payload(v: Any) -> Any:
    """A cell value as Office.js sends it: empty as ''."""
    if v is None:
        return ""
    return v


def payload(values_from: Path, notes_from: Path | None = None, name: str = "renja_master.xlsm") -> dict:
    """The request payload of a workbook: values as Excel shows them (``values_from`` must hold
    computed values: the master's cached values, or a LibreOffice-recalculated copy) and the notes
    of ``notes_from`` (default: the same file)."""
    import xlwings as xw

    vals = load_workbook(values_from, data_only=True)
    notes_wb = load_workbook(notes_from or values_from)
    sheets = []
    for ws in vals.worksheets:
        nrows, ncols = ws.max_row, ws.max_column
        rows = [[_nilai_payload(ws.cell(r, c).value) for c in range(1, ncols + 1)] for r in range(1, nrows + 1)]
        dim = ws.calculate_dimension()
        used = None if dim in ("A1:A1", "A1") and not any(x != "" for row in rows for x in row) else dim
        nws = notes_wb[ws.title] if ws.title in notes_wb.sheetnames else None
        notes = [{"address": f"${re.match('[A-Z]+', c.coordinate).group(0)}${c.row}"}
                 for row in (nws.iter_rows() if nws is not None else []) for c in row if c.comment is not None]
        sheets.append({"name": ws.title, "values": rows, "used_range_address": used, "pictures": [], "tables": [],
                       "notes": notes})
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


def buku(data: dict):
    """``xw.Book(json=data)`` on xlwings' remote engine. Its license check runs when xlwings.pro is
    imported, so when xlwings was imported earlier without the key the engine is added now."""
    os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # PolyForm Noncommercial; tests only
    import xlwings as xw

    if "remote" not in [e.name for e in xw.engines]:
        from xlwings.pro import _xlremote

        xw.engines.add(xw.Engine(impl=_xlremote.engine))
    return xw.Book(json=data)


def _cells(ws, a: dict):
    r0, c0 = a["start_row"] + 1, a["start_column"] + 1
    for i in range(a["row_count"]):
        for j in range(a["column_count"]):
            yield ws.cell(r0 + i, c0 + j)


def _angka(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def _tulis(cell, v: Any) -> None:
    """Do what Excel does with a typed-in value: an apostrophe or a text number format keeps text;
    otherwise ``=…`` is a formula, and so are ``+…``, ``-…`` and ``@…`` that are not numbers (Excel
    takes them as formulas as a user types them) — so a test sees every string that would go live."""
    if isinstance(v, str) and v.startswith("'"):
        cell.value = v[1:]
        cell.data_type = "s"
        cell.quotePrefix = True
    elif isinstance(v, str) and cell.number_format == "@":
        cell.value = v
        cell.data_type = "s"
    elif isinstance(v, str) and v.startswith("=") and len(v) > 1:
        cell.value = v  # openpyxl stores it as a formula
    elif isinstance(v, str) and v[:1] in ("+", "-", "@") and len(v) > 1 and not _angka(v):
        cell.value = "=" + (v[1:] if v[0] in "+@" else v)
    elif v == "" or v is None:
        cell.value = None
    elif cell.number_format == "@" and not isinstance(v, str):
        cell.value = str(v)
    else:
        cell.value = v
        if isinstance(v, str):
            cell.data_type = "s"


def putar_ulang(src: Path, actions: list[dict], dst: Path) -> list[str]:
    """Apply ``actions`` to a copy of ``src`` saved as ``dst``; returns the action names applied."""
    shutil.copyfile(src, dst)
    keep_vba = dst.suffix.lower() == ".xlsm"
    wb = load_workbook(dst, keep_vba=keep_vba)
    for ws in wb.worksheets:
        # a comments drawing from an earlier openpyxl save: let openpyxl write it afresh (it would
        # otherwise number a new one the same and write two parts with one name)
        if ws.legacy_drawing and "commentsDrawing" in ws.legacy_drawing:
            ws.legacy_drawing = None
    done: list[str] = []
    for a in actions:
        f = a["func"]
        ws = wb.worksheets[a["sheet_position"]] if a.get("sheet_position") is not None else None
        if f == "addSheet":
            wb.create_sheet(a["args"][1], a["args"][0])
        elif f == "setSheetVisibility":
            ws.sheet_state = {"Hidden": "hidden", "VeryHidden": "veryHidden", "Visible": "visible"}[a["args"][0]]
        elif f == "activateSheet":
            wb.active = a["args"][0]
        elif f in ("setValues", "setFormula"):
            vals = a["values"]
            for i, row in enumerate(vals):
                for j, v in enumerate(row):
                    _tulis(ws.cell(a["start_row"] + 1 + i, a["start_column"] + 1 + j), v)
        elif f == "setRangeColor":
            color = a["args"][0]
            fill = PatternFill(fill_type=None) if color is None else PatternFill("solid", fgColor=color.lstrip("#").upper())
            for c in _cells(ws, a):
                c.fill = fill
        elif f == "setNumberFormat":
            for c in _cells(ws, a):
                c.number_format = a["args"][0]
        elif f == "setFontProperty":
            prop, value = a["args"]
            key = {"bold": "b", "italic": "i"}.get(prop, prop)
            for c in _cells(ws, a):
                kw = {"name": c.font.name, "sz": c.font.sz, "b": c.font.b, "i": c.font.i, "color": c.font.color}
                kw[key] = value
                c.font = Font(**kw)
        elif f == "setWrapText":
            for c in _cells(ws, a):
                c.alignment = Alignment(wrap_text=bool(a["args"][0]), vertical=c.alignment.vertical)
        elif f == "addNote":
            address, text = a["args"]
            cell = ws[address.replace("$", "")]
            assert cell.comment is None, f"addNote on {ws.title}!{address}, which already has a note (Excel refuses)"
            cell.comment = Comment(text, "renja-xl", height=160, width=320)
        elif f == "setNoteText":
            address, text = a["args"]
            cell = ws[address.replace("$", "")]
            assert cell.comment is not None, f"setNoteText on {ws.title}!{address} without a note"
            cell.comment = Comment(text, cell.comment.author or "renja-xl", height=160, width=320)
        elif f == "deleteNote":
            cell = ws[a["args"][0].replace("$", "")]
            assert cell.comment is not None, f"deleteNote on {ws.title}!{a['args'][0]} without a note"
            cell.comment = None
        elif f == "rangeClear":
            for c in _cells(ws, a):
                c.value = None
                c.fill = PatternFill(fill_type=None)
                c.font = Font()
                c.number_format = "General"
                c.alignment = Alignment()
        elif f == "rangeClearContents":
            for c in _cells(ws, a):
                c.value = None
        else:
            raise AssertionError(f"aksi xlwings yang belum diputar ulang: {f} {a}")
        done.append(f)
    wb.save(dst)
    return done


def kolom(c: int) -> str:
    return get_column_letter(c)
