"""The rollup formulas: every parent pagu as a live ``SUM`` over its child rows, found by kode.

One place decides which cells a parent adds up — the children A001 compares it with
(:func:`renja_xl.rules.struktur.rincian_induk`) — and writes the formula: the master
workbook's build (``workbooks/build_master.py``) and the **Hitung Ulang Rollup** button
(:func:`renja_xl.xl.recompute_rollups`) both call :func:`rumus_rollup`. Nothing here touches
Excel or a file: it works on the tables the reader produced.

A parent is left as it is (and says why) when a row without a readable kode belongs to it: that
row may be a child or the parent itself, and guessing would put a wrong total in the document.
``SUM`` skips text, so a child amount typed as text is listed (``anak_teks``): Excel's total
leaves it out, and the Validasi button reports the difference (A001).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.alamat import runtun
from ..core.kode import level_name
from ..core.tabel import Tabel
from ..rules.struktur import SelUang, baris_teratas, pagu_per_tahun, rincian_induk

__all__ = ["RumusInduk", "Dilewati", "HasilRollup", "rumus_rollup", "gabung_sel", "normalkan_rumus", "sel_a1"]

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def sel_a1(a1: str) -> tuple[str, int]:
    """``"L15"`` → ``("L", 15)``."""
    m = _A1.match(a1.upper())
    if not m:
        raise ValueError(f"alamat sel tidak dikenal: {a1}")
    return m.group(1), int(m.group(2))


def gabung_sel(cells: Iterable[str]) -> str:
    """Cell addresses as the shortest ``SUM`` argument list: ``L11,L12,L13,L15`` → ``L11:L13,L15``."""
    by_col: dict[str, list[int]] = defaultdict(list)
    order: list[str] = []
    for a1 in cells:
        col, row = sel_a1(a1)
        if col not in by_col:
            order.append(col)
        by_col[col].append(row)
    return ",".join(f"{col}{a}" if a == b else f"{col}{a}:{col}{b}" for col in order for a, b in runtun(by_col[col]))


def normalkan_rumus(rumus: str | None) -> str:
    """A formula for comparison: no ``$``, no spaces, upper case, ``;`` as ``,``."""
    if not rumus:
        return ""
    s = str(rumus).strip()
    return s.replace("$", "").replace(" ", "").replace(";", ",").upper()


@dataclass(slots=True)
class RumusInduk:
    """The formula one parent amount cell should hold."""

    sheet: str
    cell: str
    rumus: str  # "=SUM(L11:L16,L18)"
    anak: list[str]  # the child amount cells, in table order
    kode: str | None
    label: str  # "kegiatan 1.06.01.2.01, pagu 2024"
    nilai: float | int  # what Excel computes from the children's current values (SUM skips text)
    anak_teks: list[tuple[str, str]] = field(default_factory=list)  # (cell, text) that SUM leaves out


@dataclass(slots=True)
class Dilewati:
    """A parent amount left as it is, and why."""

    sheet: str
    cell: str
    kode: str | None
    alasan: str


@dataclass(slots=True)
class HasilRollup:
    rumus: list[RumusInduk]
    dilewati: list[Dilewati]


def _angka_excel(n: SelUang | None) -> int | float | None:
    """What ``SUM`` takes from a cell: a number, never text."""
    if n is None or isinstance(n.raw, bool):
        return None
    if isinstance(n.raw, (int, float)):
        return n.raw
    return None


def _kunci_urut(r: RumusInduk) -> tuple[int, str]:
    return (-(len(r.kode.split(".")) if r.kode else 0), r.cell)


def rumus_rollup(tables: Iterable[Tabel]) -> HasilRollup:
    """The parent formulas of every plan and realisation table (and of JUMLAH/TOTAL rows)."""
    out: list[RumusInduk] = []
    own: dict[tuple[str, str], dict[str, int | float]] = {}  # each formula's children's own values
    skipped: list[Dilewati] = []

    def tambah(sheet: str, cell: SelUang, kids: list[SelUang], kode: str | None, label: str) -> None:
        out.append(RumusInduk(
            sheet=sheet, cell=cell.cell, rumus=f"=SUM({gabung_sel(k.cell for k in kids)})",
            anak=[k.cell for k in kids], kode=kode, label=label, nilai=0,
            anak_teks=[(k.cell, str(k.raw)) for k in kids if isinstance(k.raw, str) and k.raw.strip()],
        ))
        own[(sheet, cell.cell)] = {k.cell: (_angka_excel(k) or 0) for k in kids}

    for tabel in tables:
        if tabel.kind not in ("rencana", "renstra", "perubahan", "realisasi"):
            continue
        for grup in rincian_induk(tabel):
            parent = grup.induk
            kode = tabel.kode[parent]
            for year, cell in pagu_per_tahun(tabel, parent).items():
                what = f"{level_name(tabel.level[parent] or '')} {kode}, pagu{' ' + str(year) if year else ''}"
                if grup.tercemar:
                    skipped.append(Dilewati(
                        tabel.sheet, cell.cell, kode,
                        f"{what}: ada baris tanpa kode terbaca di bawahnya (K001/K004); perbaiki kodenya "
                        "lalu jalankan Hitung Ulang Rollup lagi",
                    ))
                    continue
                kids = [k for k in (pagu_per_tahun(tabel, c).get(year) for c in grup.anak) if k is not None]
                if kids:
                    tambah(tabel.sheet, cell, kids, kode, what)
        for i, key, cell, kids in _jumlah(tabel):
            what = "realisasi" if key == "realisasi" else f"pagu{' ' + str(key) if key else ''}"
            tambah(tabel.sheet, cell, kids, None, f"{tabel.uraian[i] or 'JUMLAH'}: {what}")
    # values bottom-up: a kegiatan's new value feeds its program's, and so on
    by_cell = {(r.sheet, r.cell): r for r in out}
    for r in sorted(out, key=_kunci_urut):
        total: int | float = 0
        for a1 in r.anak:
            sub = by_cell.get((r.sheet, a1))
            total += sub.nilai if sub is not None and sub is not r else own[(r.sheet, r.cell)][a1]
        r.nilai = total
    return HasilRollup(out, skipped)


def _jumlah(tabel: Tabel) -> list[tuple[int, object, SelUang, list[SelUang]]]:
    """JUMLAH/TOTAL rows (no kode) and the top-level rows they add up, as A002 compares them."""
    tops = baris_teratas(tabel)
    totals = [i for i in range(tabel.n) if tabel.total[i]]
    if not tops or not totals:
        return []
    out: list[tuple[int, object, SelUang, list[SelUang]]] = []
    real = next((k for k in tabel.kolom("realisasi_rp") if k.peran.bagian in ("", "total")), None)
    for i in totals:
        cells: list[tuple[object, SelUang, list[SelUang | None]]] = [
            (key, cell, [pagu_per_tahun(tabel, j).get(key) for j in tops])
            for key, cell in pagu_per_tahun(tabel, i).items()
        ]
        if tabel.kind == "realisasi" and real is not None:
            sel = lambda j: SelUang(tabel.sel(real, j), real.nilai[j], real.mentah.get(j, real.nilai[j]))  # noqa: E731
            cells.append(("realisasi", sel(i), [sel(j) for j in tops]))
        for key, cell, parts in cells:
            kids = [p for p in parts if p is not None]
            if kids:
                out.append((i, key, cell, kids))
    return out
