"""The Excel side of renja-xl: what the buttons of the master workbook run (through xlwings).

    validate(book=None)           # Validasi: findings into 'Hasil Validasi', marks on the cells
    recompute_rollups(book=None)  # Hitung Ulang Rollup: parent pagu as SUM formulas over children
    clear_marks(book=None)        # Bersihkan Tanda: remove exactly the marks validate added

``book`` is an ``xlwings.Book``; by default ``xlwings.Book.caller()`` (the workbook whose button was
pressed). Everything is written against xlwings' Book/Sheet/Range API only, so the same code runs
in desktop Excel (RunPython) and through xlwings' remote engine (xlwings Server/Lite, and the tests).
The checks are the checker's (:func:`renja_xl.checker.periksa_lembar`); nothing here decides what
is wrong.

RunPython starts a new Python process for every click, so importing this package is kept light:
xlwings and the checker are imported inside the functions.
"""

from __future__ import annotations

__all__ = [
    "SHEET_HASIL",
    "SHEET_ATURAN",
    "SHEET_TANDA",
    "SHEET_BERANDA",
    "SHEET_SATUAN",
    "SHEET_PENGECUALIAN",
    "SHEET_CONF",
]

SHEET_HASIL = "Hasil Validasi"
SHEET_ATURAN = "Aturan"
SHEET_TANDA = "_renja_tanda"  # hidden: what validate changed on each cell (to restore it exactly)
SHEET_BERANDA = "Beranda"
SHEET_SATUAN = "Satuan"
SHEET_PENGECUALIAN = "Pengecualian"
SHEET_CONF = "xlwings.conf"
