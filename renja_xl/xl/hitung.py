"""Hitung Ulang Rollup: every parent pagu as a ``SUM`` over its child rows, found by kode.

After rows were inserted, deleted or moved, Excel's own formulas point at the wrong rows (or at
``#REF!``). This rewrites each parent amount from the kode structure (:mod:`renja_xl.xl.rollup`, the
same code the master workbook was built with) and records in ``Hasil Validasi`` every cell it
changed — what was there before and the new formula — so nothing is lost. A parent is left alone
(and listed) when a row without a readable kode belongs to it, and where the engine can read
formulas, a parent whose formula already covers exactly its children another way (F001: ``=K11+K12``,
a ``SUBTOTAL``) keeps it; a rewritten one is listed with what F001 said of the old formula.

Desktop Excel can read the old formula, so only cells whose formula really changes are written and
listed. xlwings' remote engine cannot read formulas: there every parent formula is written again (the
same formula is harmless) and a cell is listed when its value changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.angka import format_rupiah
from .buku import TIDAK_TERBACA, baca_rumus, buku_pemanggil, lembar_buku
from .rollup import normalkan_rumus, rumus_rollup

__all__ = ["recompute_rollups", "Perubahan"]


@dataclass(slots=True)
class Perubahan:
    sheet: str
    cell: str
    kode: str | None
    sebelum: str  # the old formula, or the old value when there was no formula (or it is unreadable)
    sesudah: str  # the new formula
    keterangan: str


def _tampil(v: Any) -> str:
    if v is None or v == "":
        return "(kosong)"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format_rupiah(v)
    return str(v)


def _sama(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 0.5
    return a == b


def recompute_rollups(book: Any = None) -> list[Perubahan]:
    """Rewrite the parent pagu formulas of ``book`` (default: the calling workbook); returns the
    changed cells, also listed in Hasil Validasi."""
    from ..readers import baca_lembar
    from .hasil import catat_status, tambah_riwayat

    book = buku_pemanggil(book)
    lembar = lembar_buku(book)
    grids = {sh.nama: sh for sh in lembar}
    tables = baca_lembar(lembar, book.name, percayai_kiriman=True).tables  # the user's own workbook and its Peta Kolom
    hasil = rumus_rollup(tables)
    f001 = _f001(tables, lembar)
    sheets = {sh.name: sh for sh in book.sheets}
    changes: list[Perubahan] = []
    for r in hasil.rumus:
        rng = sheets[r.sheet].range(r.cell)
        old_formula = baca_rumus(rng)
        row, col = _rc(r.cell)
        old_value = grids[r.sheet].nilai(row, col)
        if old_formula not in (None, TIDAK_TERBACA) and normalkan_rumus(old_formula) == normalkan_rumus(r.rumus):
            continue
        sebab = f001.get((r.sheet, r.cell))
        if sebab == "" and old_formula not in (None, TIDAK_TERBACA):
            continue  # it covers exactly the children by another route (=K11+K12, a SUBTOTAL): F001 says right
        rng.formula = r.rumus
        catatan = [f"{r.label}; nilai {_tampil(old_value)} -> {_tampil(r.nilai)}"]
        if sebab:
            catatan.append(f"F001: rumus lama {sebab}")
        if r.anak_teks:
            catatan.append("tidak ikut dijumlah Excel karena berisi teks: "
                           + ", ".join(f"{c} '{t}'" for c, t in r.anak_teks))
        if old_formula == TIDAK_TERBACA:
            if _sama(old_value, r.nilai) and not r.anak_teks:
                continue  # same value: nothing a reader of the sheet could lose
            before = _tampil(old_value)
        else:
            before = old_formula if old_formula else _tampil(old_value)
        changes.append(Perubahan(r.sheet, r.cell, r.kode, before, r.rumus, "; ".join(catatan)))
    rows = [[c.sheet, c.cell, c.kode, c.sebelum, c.sesudah, c.keterangan] for c in changes]
    rows += [[d.sheet, d.cell, d.kode, "(tidak diubah)", "", d.alasan] for d in hasil.dilewati]
    judul = (f"Hitung Ulang Rollup: {len(changes)} sel ditulis ulang, {len(hasil.dilewati)} tidak diubah, "
             f"{len(hasil.rumus) - len(changes)} sudah benar")
    tambah_riwayat(book, rows, judul)
    catat_status(book, judul + " (lihat kolom L).")
    return changes


def _f001(tables: list, lembar: list) -> dict[tuple[str, str], str]:
    """(sheet, cell) → what F001 says of the parent formula there ("" when it is right), for the
    cells whose formula this engine could read."""
    from ..rules.context import Konteks
    from ..rules.rumus.common import analisis_jumlah, pesan

    ctx = Konteks(tables, lembar=lembar)
    out: dict[tuple[str, str], str] = {}
    for t in tables:
        for (huruf, i), a in analisis_jumlah(ctx, t).items():
            out[(t.sheet, f"{huruf}{t.baris[i]}")] = "" if a.benar else pesan(t, a)[0]
    return out


def _rc(a1: str) -> tuple[int, int]:
    """``"L15"`` → 0-based (14, 11)."""
    from .rollup import sel_a1

    col, row = sel_a1(a1)
    c = 0
    for ch in col:
        c = c * 26 + ord(ch) - 64
    return row - 1, c - 1
