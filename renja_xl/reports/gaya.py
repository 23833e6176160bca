"""Colours of every report, in one place: severities, the "fine" green, headers, links.

Spreadsheets use Excel's own "bad / neutral / note / good" cell styles (fill, font); the HTML page
uses stronger colours for text on white. The Excel add-in's cell marks use the same fills.
"""

from __future__ import annotations

__all__ = ["ISI", "HURUF", "WEB", "HIJAU", "KEPALA", "HURUF_KEPALA", "TAUTAN", "WARNA"]

ISI = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}  # cell fill per severity
HURUF = {"error": "9C0006", "warning": "9C5700", "info": "1F4E78"}  # font colour on that fill
WEB = {"error": "#c62828", "warning": "#e0a100", "info": "#1f6fb2"}  # HTML: bars, severity text
HIJAU = ("C6EFCE", "006100")  # fill, font: checked and fine / resolved / an increase
KEPALA = "305496"  # header row fill (white bold text)
HURUF_KEPALA = "FFFFFF"
TAUTAN = "0563C1"  # a hyperlink, as Excel shows one

WARNA = {k: (ISI[k], HURUF[k]) for k in ISI}  # (fill, font) per severity
