"""The marks Validasi puts on offending cells (a fill by severity and a note), and their ledger.

Every mark is written down first in the hidden sheet ``_renja_tanda``: the cell, the fill and the
note it had before, and the fill and note the add-in set. That makes the three operations exact:

* marking again a cell that is already marked keeps the ledger's "before" (no double marks, and the
  original is never replaced by the add-in's own colour);
* a cell whose finding is gone gets its "before" back at the next Validasi;
* Bersihkan Tanda restores every "before" and empties the ledger.

A mark the user changed afterwards (another fill, an edited note) is left as the user made it, where
the engine can read it (desktop Excel). Where it cannot (xlwings' remote engine), a previous fill
that could not be read is restored as "no fill", and a note whose text could not be read is never
touched: the finding is then only in Hasil Validasi. Cell values are never written here.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from typing import Any

from ..core.label import TINGKAT as TINGKAT_LABEL
from ..reports.gaya import ISI
from ..core.models import SEVERITY_ORDER, Temuan
from .nama import SHEET_TANDA
from .buku import (
    TIDAK_TERBACA,
    baca_catatan,
    baca_warna,
    buku_pemanggil,
    cari_sheet,
    rgb_warna,
    sheet_baru,
    teks_aman,
)

__all__ = ["WARNA", "Tanda", "baca_buku_tanda", "tulis_buku_tanda", "tandai", "pulihkan", "clear_marks",
           "teks_catatan", "catatan_kami", "PENANDA"]

# Fill by severity: Excel's own "Bad", "Neutral" and a light blue.
WARNA = {k: f"#{v.lower()}" for k, v in ISI.items()}  # the recap's fills (reports.gaya: one source)
PENANDA = "[renja-xl]"  # first word of every note text the add-in writes
_TINGKAT = TINGKAT_LABEL["id"]
_KEPALA = ["Sheet", "Sel", "Warna sebelumnya", "Catatan sebelumnya", "Teks catatan sebelumnya",
           "Warna renja-xl", "Catatan renja-xl", "Aturan"]


@dataclass(slots=True)
class Tanda:
    """One marked cell. ``warna_lama``: ``#rrggbb``, ``""`` (no fill) or ``?`` (not readable);
    ``catatan_lama``: ``"ada"`` (a note, text in ``teks_lama``), ``"tidak"`` or ``"?"`` (a note whose
    text could not be read: left alone); ``catatan_kami``: the full note text the add-in set, or
    ``""`` when it set none."""

    sheet: str
    sel: str
    warna_lama: str
    catatan_lama: str
    teks_lama: str
    warna_kami: str
    catatan_kami: str
    aturan: str

    @property
    def kunci(self) -> tuple[str, str]:
        return (self.sheet, self.sel)


def teks_catatan(findings: list[Temuan]) -> str:
    """The note of a cell: one paragraph per finding on it."""
    parts = []
    for t in findings:
        line = f"{PENANDA} {t.rule} {_TINGKAT[t.severity]}: {t.message}"
        if t.saran:
            line += f"\nSaran: {t.saran}"
        parts.append(line)
    return "\n\n".join(parts)


def baca_buku_tanda(book: Any) -> dict[tuple[str, str], Tanda]:
    sh = cari_sheet(book, SHEET_TANDA)
    if sh is None:
        return {}
    values = sh.used_range.options(ndim=2).value
    out: dict[tuple[str, str], Tanda] = {}
    for row in values[1:] if values and values[0] and values[0][0] == _KEPALA[0] else values:
        cells = ["" if v is None else str(v) for v in list(row) + [None] * len(_KEPALA)][: len(_KEPALA)]
        if not cells[0] or not cells[1]:
            continue
        t = Tanda(*cells)
        out[t.kunci] = t
    return out


def tulis_buku_tanda(book: Any, tanda: dict[tuple[str, str], Tanda]) -> None:
    """Rewrite the ledger (hidden); an empty ledger keeps only its header."""
    sh = cari_sheet(book, SHEET_TANDA)
    if sh is None:
        if not tanda:
            return
        sh = sheet_baru(book, SHEET_TANDA)
        sh.visible = False
    used = sh.used_range
    last_row = used.row + used.shape[0] - 1
    sh.range((1, 1), (max(last_row, 1), len(_KEPALA))).clear_contents()
    rows = [_KEPALA] + [[teks_aman(v) for v in astuple(t)] for t in sorted(tanda.values(), key=lambda t: t.kunci)]
    block = sh.range((1, 1), (len(rows), len(_KEPALA)))
    block.number_format = "@"
    block.value = rows


def _normal(teks: str) -> str:
    return teks.replace("\r\n", "\n").replace("\r", "\n").strip()


def catatan_kami(sekarang: str, kami: str) -> bool:
    """Whether a note's current text is the one the add-in wrote: equal once line ends are
    normalised, or cut short by Excel (an old limit truncates long strings passed from code)."""
    a, b = _normal(sekarang), _normal(kami)
    return a == b or (bool(a) and PENANDA in a and b.startswith(a))


def _pasang_catatan(rng: Any, teks: str) -> None:
    note = rng.note
    if note is None:
        rng.add_note(teks)
    else:
        note.text = teks


def tandai(book: Any, findings: list[Temuan], lama: dict[tuple[str, str], Tanda]) -> dict[tuple[str, str], Tanda]:
    """Mark the cells of ``findings`` and unmark cells of ``lama`` that have no finding any more.
    Returns the new ledger."""
    per_sel: dict[tuple[str, str], list[Temuan]] = {}
    sheets = {sh.name: sh for sh in book.sheets}
    for t in findings:
        if t.sheet in sheets and t.cell:
            per_sel.setdefault((t.sheet, t.cell), []).append(t)
    for key, t in lama.items():
        if key not in per_sel and t.sheet in sheets:
            pulihkan(sheets[t.sheet].range(t.sel), t)
    baru: dict[tuple[str, str], Tanda] = {}
    for (sheet, cell), fs in per_sel.items():
        fs = sorted(fs, key=lambda t: (SEVERITY_ORDER[t.severity], t.rule))
        rng = sheets[sheet].range(cell)
        warna = WARNA[fs[0].severity]
        catatan = teks_catatan(fs)
        t = lama.get((sheet, cell))
        if t is None:
            ada, teks = baca_catatan(rng)
            t = Tanda(sheet, cell, baca_warna(rng), "tidak" if not ada else ("?" if teks == TIDAK_TERBACA else "ada"),
                      "" if teks == TIDAK_TERBACA else teks, "", "", "")
        else:
            _ikuti_perubahan_pengguna(rng, t)
        rng.color = rgb_warna(warna)
        if t.catatan_lama != "?":
            full = f"{t.teks_lama}\n\n{catatan}" if t.catatan_lama == "ada" and t.teks_lama else catatan
            if full != t.catatan_kami or rng.note is None:
                _pasang_catatan(rng, full)
            t.catatan_kami = full
        t.warna_kami = warna
        t.aturan = " ".join(dict.fromkeys(f.rule for f in fs))
        baru[(sheet, cell)] = t
    return baru


def _ikuti_perubahan_pengguna(rng: Any, t: Tanda) -> None:
    """A marked cell the user recoloured or whose note they edited: what they made becomes the
    "before" (where the engine can read it), so clearing never undoes the user's work."""
    now = baca_warna(rng)
    if now != TIDAK_TERBACA and now != t.warna_kami:
        t.warna_lama = now
    if t.catatan_kami:
        ada, teks = baca_catatan(rng)
        if teks != TIDAK_TERBACA and (not ada or not catatan_kami(teks, t.catatan_kami)):
            t.catatan_lama, t.teks_lama = ("ada", teks) if ada else ("tidak", "")
            t.catatan_kami = ""


def pulihkan(rng: Any, t: Tanda) -> None:
    """Give a cell back the fill and note it had before it was marked (unless the user changed the mark)."""
    now = baca_warna(rng)
    if now == TIDAK_TERBACA or now == t.warna_kami:
        rng.color = rgb_warna(t.warna_lama)  # "?" (unreadable before) → no fill
    if not t.catatan_kami:
        return
    ada, teks = baca_catatan(rng)
    if teks != TIDAK_TERBACA and ada and not catatan_kami(teks, t.catatan_kami):
        return  # the user edited the note: keep it
    if t.catatan_lama == "ada":
        if ada:
            rng.note.text = t.teks_lama
        else:
            rng.add_note(t.teks_lama)
    elif ada:
        rng.note.delete()


def clear_marks(book: Any = None) -> int:
    """Bersihkan Tanda: restore every marked cell as it was before Validasi; returns how many."""
    book = buku_pemanggil(book)
    lama = baca_buku_tanda(book)
    sheets = {sh.name: sh for sh in book.sheets}
    for t in lama.values():
        if t.sheet in sheets:
            pulihkan(sheets[t.sheet].range(t.sel), t)
    tulis_buku_tanda(book, {})
    from .hasil import catat_status

    catat_status(book, f"Bersihkan Tanda: {len(lama)} sel dikembalikan seperti sebelum Validasi.")
    return len(lama)

