"""Reading and writing a workbook through xlwings' Book/Sheet/Range API, on any engine.

Desktop Excel (the RunPython path) can read everything. xlwings' remote engine (xlwings Server and
Lite, and the tests) carries only cell values and which cells have a note: a cell's fill, a note's
text and a formula cannot be read there (``NotImplementedError``). The readers below return
:data:`TIDAK_TERBACA` instead, and the callers say what that means (e.g. a previous fill that could
not be read is restored as "no fill", and the Hasil Validasi sheet says so).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..readers.workbook import Lembar, lembar_dari_nilai
from .nama import SHEET_ATURAN, SHEET_BERANDA, SHEET_CONF, SHEET_HASIL, SHEET_PEMASANGAN, SHEET_SATUAN, SHEET_TANDA

__all__ = [
    "TIDAK_TERBACA",
    "buku_pemanggil",
    "lembar_buku",
    "SHEET_KAMI",
    "baca_warna",
    "baca_catatan",
    "baca_rumus",
    "hex_warna",
    "rgb_warna",
    "cari_sheet",
    "sheet_baru",
    "alamat_tautan",
    "teks_aman",
    "jalur_buku",
    "baca_conf",
]

TIDAK_TERBACA = "?"  # a property this engine cannot read

# Sheets the add-in writes or the master uses for itself: never read as Renja tables.
SHEET_KAMI = frozenset({SHEET_HASIL, SHEET_ATURAN, SHEET_TANDA, SHEET_CONF, SHEET_BERANDA, SHEET_SATUAN,
                        SHEET_PEMASANGAN})


def buku_pemanggil(book: Any = None) -> Any:
    """The book to work on: the given one, or the workbook whose button called Python."""
    if book is not None:
        return book
    import xlwings as xw

    return xw.Book.caller()


def cari_sheet(book: Any, nama: str) -> Any | None:
    for sh in book.sheets:
        if sh.name == nama:
            return sh
    return None


def sheet_baru(book: Any, nama: str) -> Any:
    """The sheet ``nama``, added after the last sheet when it does not exist yet."""
    sh = cari_sheet(book, nama)
    if sh is not None:
        return sh
    last = book.sheets[len(book.sheets) - 1]
    return book.sheets.add(nama, after=last)


def lembar_buku(book: Any) -> list[Lembar]:
    """Every worksheet's used range as a grid for the reader (our own sheets left out)."""
    out: list[Lembar] = []
    for sh in book.sheets:
        if sh.name in SHEET_KAMI:
            continue
        rng = sh.used_range
        values = rng.options(ndim=2).value
        out.append(lembar_dari_nilai(sh.name, values, rng.row - 1, rng.column - 1, rumus=rumus_rentang(rng)))
    return out


def rumus_rentang(rng: Any) -> dict[tuple[int, int], str]:
    """The formulas of a range by absolute 0-based (row, column), where the engine can read them
    (desktop Excel: the formula rules F001-F007 then see them); none where it cannot (the remote
    engine)."""
    try:
        f = rng.formula
    except Exception:  # noqa: BLE001 - NotImplementedError on the remote engine; never fatal to a button
        return {}
    if isinstance(f, str):
        f = ((f,),)
    out: dict[tuple[int, int], str] = {}
    r0, c0 = rng.row - 1, rng.column - 1
    for i, row in enumerate(f or ()):
        for j, x in enumerate((row,) if isinstance(row, str) else row):
            if isinstance(x, str) and len(x) > 1 and x.startswith("="):
                out[(r0 + i, c0 + j)] = x
    return out


def hex_warna(color: Any) -> str:
    """An xlwings colour (RGB tuple, int or hex) as ``#rrggbb``; ``""`` for no fill."""
    if color is None or color == "":
        return ""
    if isinstance(color, str):
        return color.lower() if color.startswith("#") else "#" + color.lower()
    if isinstance(color, int):  # Excel's BGR integer
        r, g, b = color & 0xFF, (color >> 8) & 0xFF, (color >> 16) & 0xFF
        return f"#{r:02x}{g:02x}{b:02x}"
    r, g, b = color
    return f"#{int(r):02x}{int(g):02x}{int(b):02x}"


def rgb_warna(hexa: str) -> tuple[int, int, int] | None:
    if not hexa or hexa == TIDAK_TERBACA:
        return None
    h = hexa.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def baca_warna(rng: Any) -> str:
    """The fill of a cell as ``#rrggbb`` (``""``: none), or :data:`TIDAK_TERBACA`."""
    try:
        return hex_warna(rng.color)
    except NotImplementedError:
        return TIDAK_TERBACA


def baca_catatan(rng: Any) -> tuple[bool, str]:
    """(has a note, its text); the text is :data:`TIDAK_TERBACA` when the engine cannot read it."""
    note = rng.note
    if note is None:
        return False, ""
    try:
        return True, note.text or ""
    except NotImplementedError:
        return True, TIDAK_TERBACA


def baca_rumus(rng: Any) -> str | None:
    """The cell's formula (``"=SUM(L11:L16)"``), ``None`` for a constant or empty cell, or
    :data:`TIDAK_TERBACA`."""
    try:
        f = rng.formula
    except NotImplementedError:
        return TIDAK_TERBACA
    if isinstance(f, (list, tuple)):  # a single cell may still come back as [[...]]
        while isinstance(f, (list, tuple)) and f:
            f = f[0]
    if isinstance(f, str) and f.startswith("="):
        return f
    return None


def alamat_tautan(sheet: str, cell: str) -> str:
    """The in-workbook link target of a cell for HYPERLINK: ``#'Tabel 4.2'!L15``."""
    return "#'" + sheet.replace("'", "''") + "'!" + cell


_RISKY = re.compile(r"^[=+\-@']")


def teks_aman(s: Any) -> Any:
    """Text Excel would read as a formula or a number sign kept as text (an apostrophe prefix is
    Excel's own way to say "this is text"); other values unchanged."""
    if isinstance(s, str) and _RISKY.match(s):
        return "'" + s
    return s


def baca_conf(book: Any) -> dict[str, Any]:
    """The ``xlwings.conf`` sheet as xlwings reads it: keys in column A from A1 down to the first
    empty key, values in column B (``None`` for an empty value); ``{}`` without the sheet."""
    sh = cari_sheet(book, SHEET_CONF)
    if sh is None:
        return {}
    rng = sh.used_range
    values = rng.options(ndim=2).value
    out: dict[str, Any] = {}
    r0, c0 = rng.row, rng.column
    for r in range(1, r0 + len(values)):
        def sel(c: int, r: int = r) -> Any:
            i, j = r - r0, c - c0
            return values[i][j] if 0 <= i < len(values) and 0 <= j < len(values[i]) else None

        key = sel(1)
        if key in (None, ""):
            break
        value = sel(2)
        out[str(key)] = None if value in (None, "") else value
    return out


_PESAN_AWAN = ("Workbook dibuka dari OneDrive/SharePoint ({alamat}) dan folder lokalnya tidak diketahui, jadi "
               "renja-xl.toml di sampingnya tidak dibaca. Buka salinan yang tersinkron di folder lokal (File Explorer), "
               "atau isi ONEDRIVE_COMMERCIAL_WIN (OneDrive kantor), ONEDRIVE_CONSUMER_WIN (OneDrive pribadi) atau "
               "SHAREPOINT_WIN dengan folder lokalnya di xlwings.conf (docs/excel-windows.md bagian 4).")


def jalur_buku(book: Any) -> tuple[Path | None, str | None]:
    """The workbook's file on this computer, or ``None`` and a message saying why not when the
    reason matters to the user (a OneDrive/SharePoint address with no known local folder). An
    unsaved workbook, or an engine without files, gives ``(None, None)``."""
    try:
        full = str(book.fullname)
    except Exception as exc:  # noqa: BLE001 - desktop xlwings raises for an address it cannot map
        return None, _PESAN_AWAN.format(alamat=str(exc)[:200])
    if "://" in full:
        local = None
        try:
            from xlwings.utils import fullname_url_to_local_path

            conf = {k.upper(): v for k, v in baca_conf(book).items()}
            local = fullname_url_to_local_path(
                full,
                sheet_onedrive_consumer_config=conf.get("ONEDRIVE_CONSUMER_WIN"),
                sheet_onedrive_commercial_config=conf.get("ONEDRIVE_COMMERCIAL_WIN"),
                sheet_sharepoint_config=conf.get("SHAREPOINT_WIN"),
            )
        except Exception:  # noqa: BLE001 - xlwings cannot map this address
            local = None
        if local and Path(local).is_file():
            return Path(local), None
        return None, _PESAN_AWAN.format(alamat=full)
    p = Path(full)
    if not p.is_absolute() or not p.is_file():
        return None, None
    return p, None
