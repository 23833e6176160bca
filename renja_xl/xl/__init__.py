"""The Excel side of renja-xl: what the buttons of the master workbook run (through xlwings).

    validate(book=None)           # Validasi: findings into 'Hasil Validasi', marks on the cells
    recompute_rollups(book=None)  # Hitung Ulang Rollup: parent pagu as SUM formulas over children
    clear_marks(book=None)        # Bersihkan Tanda: remove exactly the marks validate added
    diagnose(book=None)           # Periksa Pemasangan: which Python, versions, config, nomenclature

``book`` is an ``xlwings.Book``; by default ``xlwings.Book.caller()`` (the workbook whose button was
pressed). Everything is written against xlwings' Book/Sheet/Range API only, so the same code runs
in desktop Excel (RunPython) and through xlwings' remote engine (xlwings Server/Lite, and the tests).
The checks are the checker's (:func:`renja_xl.checker.periksa_lembar`); nothing here decides what
is wrong.

RunPython starts a new Python process for every click, so importing this package is kept light:
xlwings and the checker are imported inside the functions.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "validate",
    "recompute_rollups",
    "clear_marks",
    "diagnose",
    "SHEET_HASIL",
    "SHEET_ATURAN",
    "SHEET_TANDA",
    "SHEET_BERANDA",
    "SHEET_SATUAN",
    "SHEET_PENGECUALIAN",
    "SHEET_CONF",
    "SHEET_PEMASANGAN",
]

from .nama import (
    SHEET_ATURAN,
    SHEET_BERANDA,
    SHEET_CONF,
    SHEET_HASIL,
    SHEET_PEMASANGAN,
    SHEET_PENGECUALIAN,
    SHEET_SATUAN,
    SHEET_TANDA,
)


def validate(book: Any = None) -> Any:
    """Check the workbook and show the findings: see :func:`renja_xl.xl.validasi.validate`."""
    from .validasi import validate as _run

    return _run(book)


def recompute_rollups(book: Any = None) -> Any:
    """Rewrite every parent pagu as a formula over its children: see :mod:`renja_xl.xl.hitung`."""
    from .hitung import recompute_rollups as _run

    return _run(book)


def clear_marks(book: Any = None) -> Any:
    """Remove the colours and notes validate added: see :func:`renja_xl.xl.tanda.clear_marks`."""
    from .tanda import clear_marks as _run

    return _run(book)


def diagnose(book: Any = None) -> Any:
    """Check the installation Excel runs and say what to fix: see :mod:`renja_xl.xl.diagnosa`."""
    from .diagnosa import diagnose as _run

    return _run(book)
