"""Readers: from a workbook (file, xlwings book, or plain values) to typed Renja tables.

- :mod:`.workbook` opens a file read-only into worksheet grids (python-calamine, plus one scan of the
  sheet XML for formulas, cached error values and hidden rows); :mod:`.rumus` reads formulas (A1
  references, R1C1 shapes, plain sums),
- :mod:`.kepala` finds header blocks and labels their columns, with the words of :mod:`.kosakata`,
- :mod:`.peta` reads what each column holds and what kind of table a block is,
- :mod:`.kode_kolom` finds the kode columns and reads each row's kode,
- :mod:`.tabel` has one reader per table kind, building the columnar :class:`~renja_xl.core.tabel.Tabel`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.config import PetaTabel
from ..core.tabel import Tabel
from .kepala import blok_di, cari_blok
from .tabel import bangun_tabel
from .workbook import EKSTENSI, BerkasTidakTerbaca, Lembar, buka_berkas, lembar_dari_nilai

__all__ = ["HasilBaca", "baca_berkas", "baca_lembar", "BerkasTidakTerbaca", "Lembar", "EKSTENSI", "lembar_dari_nilai"]


@dataclass(slots=True)
class HasilBaca:
    """What was read from one workbook."""

    tables: list[Tabel]
    sheets: list[str]
    rumus_kosong: dict[str, list[str]] = field(default_factory=dict)  # sheet → A1 cells
    lembar: list[Lembar] = field(default_factory=list)


def _tahun_dari_nama(path: str | Path | None) -> int | None:
    if path is None:
        return None
    m = re.findall(r"(?<!\d)(20\d\d)(?!\d)", str(path))
    return int(m[-1]) if m else None


def baca_lembar(lembar: list[Lembar], nama_berkas: str | Path | None = None,
                peta: list[PetaTabel] | None = None, percayai_kiriman: bool = False) -> HasilBaca:
    """Find and read every Renja table of the given worksheet grids. ``peta``: the reviewer's reading
    of tables (``[[peta]]``). A 'Peta Kolom' sheet in the workbook is what the workbook says of itself:
    it adds its maps only when ``percayai_kiriman`` (the reviewer trusts the submission, or the
    workbook is the user's own in the add-in); otherwise rule E006 reports it, unused."""
    from .peta_pengguna import peta_lembar, untuk_lembar
    from .workbook import alamat

    tahun = _tahun_dari_nama(nama_berkas)
    semua_peta = [*(peta or ()), *(peta_lembar(lembar) if percayai_kiriman else ())]
    tables: list[Tabel] = []
    for sh in lembar:
        aturan = untuk_lembar(semua_peta, sh.nama) if semua_peta else []
        blocks = cari_blok(sh)
        if not blocks and any(p.sheet == sh.nama for p in aturan):  # a table the reader did not find: its header is the first row
            awal = next((i for i, row in enumerate(sh.sel) if sum(1 for v in row if v not in (None, "")) >= 2), None)
            forced = blok_di(sh, [sh.baris0 + awal + 1]) if awal is not None and not any(p.baris_kepala for p in aturan) else None
            if forced is not None:
                blocks = [forced]
        for p in aturan:
            if p.baris_kepala and not any(set(p.baris_kepala) <= {r + 1 for r in b.header_rows} for b in blocks):
                forced = blok_di(sh, p.baris_kepala)
                if forced is not None:
                    blocks = [b for b in blocks if b.header_rows[0] >= forced.data_end or b.data_end <= forced.header_rows[0]]
                    blocks.append(forced)
                    blocks.sort(key=lambda b: b.header_rows[0])
        for blok in blocks:
            cocok = next((p for p in aturan if not p.baris_kepala
                          or set(p.baris_kepala) <= {r + 1 for r in blok.header_rows}), None)
            t = bangun_tabel(blok, tahun, peta=cocok)
            if t is not None:
                tables.append(t)
    rumus = {sh.nama: sorted((alamat(r, c) for r, c in sh.rumus_kosong), key=_a1_key)
             for sh in lembar if sh.rumus_kosong}
    return HasilBaca(tables, [sh.nama for sh in lembar], rumus, lembar)


def _a1_key(a1: str) -> tuple[int, int]:
    m = re.match(r"([A-Z]+)(\d+)", a1)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def baca_berkas(path: str | Path, peta: list[PetaTabel] | None = None, percayai_kiriman: bool = False) -> HasilBaca:
    """Read a spreadsheet file; raises :class:`BerkasTidakTerbaca` when it cannot be read."""
    return baca_lembar(buka_berkas(path), Path(path).name, peta, percayai_kiriman)
