"""Writing text into a spreadsheet cell so that it stays text, whatever is in it.

Everything renja-xl writes into a workbook may come from a submission: a sheet name (Excel allows
``=`` in one), an office title, a file name, a kode, a message quoting a cell. A string that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is what Excel and LibreOffice would read
as a formula (and a formula can run a program through DDE: ``=cmd|'/c calc'!A0``). So:

- :func:`isi_sel` / :func:`sel` (openpyxl, normal and write-only mode): every string is stored as a
  string cell (``t="s"``/``inlineStr``, never ``<f>``); a risky one also gets Excel's "quote prefix"
  style, so editing the cell (F2, Enter) keeps it text;
- :func:`teks_excel` (xlwings, where a value is typed in as a user would): a risky string gets the
  apostrophe prefix, Excel's own way to say "this is text";
- :func:`teks` cleans any string for a workbook: characters XML cannot carry (U+0000–U+001F except
  tab, LF, CR; U+FFFE/U+FFFF) and halves of surrogate pairs (an undecodable file name) are written
  as visible escapes (``\\x02``, ``\\xff``) instead of breaking the file; at most 32,767 characters
  (Excel's limit);
- a number that is not finite (NaN, infinity: a workbook cannot hold one) is written as its text.

Every report writer (recap, annotated copy, diff) and the add-in's result sheet go through here.
"""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["RAWAN", "rawan", "teks", "nilai", "isi_sel", "sel", "teks_excel", "escape_nama"]

RAWAN = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read text as a formula
BATAS = 32767  # characters in one cell
_TIDAK_SAH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _lolos(m: re.Match[str]) -> str:
    ch = m.group(0)
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{o - 0xDC00:02x}"
    if o < 0x100:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}"


def escape_nama(s: str) -> str:
    """A name that may hold undecodable bytes or control characters, made visible and encodable."""
    return _TIDAK_SAH.sub(_lolos, s)


def teks(s: str) -> str:
    """A string a workbook can hold: illegal characters escaped visibly, cut to Excel's limit."""
    s = _TIDAK_SAH.sub(_lolos, s)
    return s if len(s) <= BATAS else s[: BATAS - 1] + "…"


def rawan(s: Any) -> bool:
    """True for text a spreadsheet would take for a formula."""
    return isinstance(s, str) and s.startswith(RAWAN)


def nilai(v: Any) -> Any:
    """Any value made safe to store: strings cleaned, non-finite numbers as text."""
    if isinstance(v, str):
        return teks(v)
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10**308:  # no spreadsheet number holds it
        return str(v)
    return v


def isi_sel(cell: Any, v: Any) -> Any:
    """Put ``v`` into an openpyxl cell; a string is stored as text, never as a formula."""
    v = nilai(v)
    cell.value = v
    if isinstance(v, str):
        cell.data_type = "s"
        if v.startswith(RAWAN):
            cell.quotePrefix = True
    return cell


def sel(ws: Any, v: Any) -> Any:
    """A write-only cell (openpyxl ``write_only=True``) holding ``v`` as :func:`isi_sel` would."""
    from openpyxl.cell import WriteOnlyCell

    return isi_sel(WriteOnlyCell(ws), v)


def teks_excel(v: Any) -> Any:
    """A value to hand to Excel as a user would type it (xlwings): risky text gets the apostrophe."""
    v = nilai(v)
    if isinstance(v, str) and (v.startswith(RAWAN) or v.startswith("'")):
        return "'" + v
    return v
