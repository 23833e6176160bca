"""Generated submissions of every table kind, for differential tests and benchmarks (issue 17).

:mod:`tests.synth` draws plan tables from scratch; the other kinds (evaluation T-C.29 and E.81, SPM,
review, realisation and RFK, monthly plans, Renstra, before/after) are hard to draw credibly, so
they are made here by varying a workbook that has them: the seed (six kinds) or a real sample
(read from ``../shared``, never copied into the repository). A variant keeps the source's tables
and changes what offices change: where the table starts (blank rows and columns before it), which
rows it has (a window of a long table, rows dropped, repeated or swapped), the header's merges,
typos in header words, and values (numbers changed, written as Indonesian text, blanked, a unit
typed into a number cell, a typo in a name or unit). Formulas are written as their cached values.
Deterministic for a seed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from renja_xl.core.angka import format_angka

__all__ = ["ragam", "ragam_semua", "SUMBER_NYATA"]

# real samples with table kinds the seed lacks (renstra, e81, perubahan, rencana_bulanan, a SIPD realisation)
SUMBER_NYATA = ("cirebon_bkpsdm_e81_2026.xlsx", "dpupr_renstra_template_sesendok.xlsx",
                "mamberamoraya_rkpd_perubahan_kedua_2023.xlsx", "banjarmasin_disdik_rfk_januari_2023.xlsx",
                "sumenep_dinkes_lra_2026.xlsx", "sipd_master_subkegiatan_export.xlsx")
_ILEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_KATA = re.compile(r"[A-Za-z]{6,}")


def _salah_ketik(rnd: random.Random, teks: str) -> str:
    """One letter of one long word dropped, doubled or swapped with its neighbour."""
    words = list(_KATA.finditer(teks))
    if not words:
        return teks
    m = rnd.choice(words)
    w = m.group(0)
    k = rnd.randrange(1, len(w) - 1)
    op = rnd.randrange(3)
    w2 = w[:k] + w[k + 1:] if op == 0 else (w[:k] + w[k] + w[k:] if op == 1 else w[:k - 1] + w[k] + w[k - 1] + w[k + 1:])
    return teks[:m.start()] + w2 + teks[m.end():]


def _ubah_angka(rnd: random.Random, v: int | float) -> Any:
    r = rnd.random()
    if r < 0.35:
        return v + rnd.choice([-1, 1]) * rnd.randint(1, 999)
    if r < 0.6 and float(v).is_integer() and abs(v) >= 1000:
        return f"Rp {format_angka(int(v))},-" if rnd.random() < 0.5 else format_angka(int(v))
    if r < 0.7:
        return None
    if r < 0.8:
        return v * 10
    if r < 0.87:
        return "-"
    if r < 0.94:
        return f"{int(v) if float(v).is_integer() else v} Dokumen"
    return str(v).replace(".", ",") + " %"


def _tabel_sumber(path: Path) -> tuple[list, dict[str, list[tuple[int, int, int]]]]:
    """The source's grids and, per sheet, its tables as (first header row, first data row, last data
    row), 0-based absolute."""
    from renja_xl.readers import baca_lembar
    from renja_xl.readers.workbook import buka_berkas

    lembar = buka_berkas(path)
    tabel: dict[str, list[tuple[int, int, int]]] = {}
    for t in baca_lembar(lembar, path.name).tables:
        tabel.setdefault(t.sheet, []).append((t.header_rows[0] - 1, t.first_row - 1, t.last_row - 1))
    return lembar, tabel


def _varian(rnd: random.Random, lembar: list, tabel: dict, baris_maks: int):
    """(sheet name, rows, merges) of one variant."""
    pakai = [sh for sh in lembar if sh.nama in tabel] or list(lembar)
    if len(pakai) > 1 and rnd.random() < 0.3:
        pakai = [sh for sh in pakai if rnd.random() < 0.6] or [rnd.choice(pakai)]
    if len(pakai) > 3:  # a workbook of many copies of one table (the LRA): a few of them
        pakai = rnd.sample(pakai, rnd.randint(1, 3))
    out = []
    for sh in pakai:
        # the full grid from A1
        rows: list[list[Any]] = [[] for _ in range(sh.baris0)] + [[None] * sh.kolom0 + list(r) for r in sh.sel]
        kepala: set[int] = set()
        data: set[int] = set()
        buang: set[int] = set()
        for h0, d0, d1 in tabel.get(sh.nama, []):
            kepala.update(range(h0, d0))
            data.update(range(d0, d1 + 1))
            n = d1 - d0 + 1
            if n > baris_maks:  # a window of a long table
                panjang = rnd.randint(baris_maks // 4, baris_maks)
                a = rnd.randint(d0, d1 + 1 - panjang)
                buang.update(r for r in range(d0, d1 + 1) if not a <= r < a + panjang)
        for r in rnd.sample(sorted(data - buang), min(len(data - buang), rnd.choice([0, 0, 1, 2, 3]))):
            buang.add(r)  # rows dropped
        urut: list[int] = []
        for r in range(len(rows)):
            if r in buang:
                continue
            urut.append(r)
            if r in data and rnd.random() < 0.004:
                urut.append(r)  # a row repeated
        for _ in range(rnd.choice([0, 0, 1])):  # two neighbouring data rows swapped
            cand = [k for k in range(len(urut) - 1) if urut[k] in data and urut[k + 1] in data]
            if cand:
                k = rnd.choice(cand)
                urut[k], urut[k + 1] = urut[k + 1], urut[k]
        baru: list[list[Any]] = []
        for r in urut:
            row = list(rows[r])
            for j, v in enumerate(row):
                if v is None or v == "":
                    continue
                if r in kepala and isinstance(v, str) and rnd.random() < 0.08:
                    row[j] = _salah_ketik(rnd, v) if rnd.random() < 0.7 else v.upper()
                elif r in data and v.__class__ in (int, float) and rnd.random() < 0.04:
                    row[j] = _ubah_angka(rnd, v)
                elif r in data and isinstance(v, str) and rnd.random() < 0.01:
                    row[j] = _salah_ketik(rnd, v) if rnd.random() < 0.8 else None
            baru.append(row)
        atas, kiri = rnd.choice([0, 0, 1, 2, 3]), rnd.choice([0, 0, 0, 1, 2])
        baru = [[] for _ in range(atas)] + [[None] * kiri + row for row in baru]
        # merges that lie wholly in kept rows, moved with them; none at all in some variants
        posisi = {r: k + atas for k, r in enumerate(urut)}
        gabung = []
        if rnd.random() < 0.75:
            for r0, c0, r1, c1 in sh.gabungan:
                rs = [posisi.get(r) for r in range(r0, r1 + 1)]
                if None in rs or rs != list(range(rs[0], rs[0] + len(rs))):
                    continue
                gabung.append((rs[0], c0 + kiri, rs[-1], c1 + kiri))
        out.append((sh.nama, baru, gabung))
    return out


def _tulis(path: Path, sheets) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for nama, rows, gabung in sheets:
        ws = wb.create_sheet(nama[:31])
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is None or v == "":
                    continue
                if isinstance(v, str):
                    v = _ILEGAL.sub("", v)
                cell = ws.cell(r, c, v)
                if isinstance(v, str) and v.startswith("="):
                    cell.data_type = "s"  # text that looks like a formula stays text
        for r0, c0, r1, c1 in gabung:
            if (r0, c0) != (r1, c1):
                ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def ragam(sumber: Path, folder: Path, n: int, seed: int = 17, baris_maks: int = 600) -> list[Path]:
    """``n`` variants of the workbook ``sumber`` written to ``folder`` (``<stem>_<i>.xlsx``)."""
    lembar, tabel = _tabel_sumber(sumber)
    out = []
    for i in range(n):
        rnd = random.Random(f"{seed}:{sumber.name}:{i}")
        p = folder / f"{sumber.stem}_{i:04d}.xlsx"
        _tulis(p, _varian(rnd, lembar, tabel, baris_maks))
        out.append(p)
    return out


def ragam_semua(folder: Path, n: int, seed: int = 17, nyata: Path | None = None, baris_maks: int = 600) -> list[Path]:
    """``n`` variants each of the seed and of every real sample found in ``nyata`` (one folder per source)."""
    root = Path(__file__).resolve().parents[1]
    sumber = [root / "workbooks" / "renja_dinsos_luwu_2024.xlsx"]
    if nyata is not None:
        sumber += [nyata / s for s in SUMBER_NYATA if (nyata / s).is_file()]
    out = []
    for s in sumber:
        out += ragam(s, folder / s.stem, n, seed, baris_maks)
    return out
