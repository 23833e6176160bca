"""A009 pagu-beda-antartabel: one kode, different pagu for the same year in two tables."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from ..tables import nilai_antartabel
from .common import pagu_per_tahun, rupiah


@aturan(
    "A009", "pagu-beda-antartabel", "error",
    id=Dok(
        "Pagu berbeda antartabel",
        "Satu kode mempunyai pagu yang berbeda untuk tahun yang sama di dua tabel dalam workbook yang sama "
        "(mis. Tabel 4.1 dan Tabel 4.2, atau tabel realisasi dan rencana). Tabel rencana pertama menjadi "
        "acuan; temuan ditempatkan pada sel tabel yang lain.",
        "Satu dokumen tidak boleh menyebut dua angka untuk pagu yang sama; salah satunya pasti tidak "
        "diperbarui.",
        "Penyusunan Dokumen Perencanaan: Tabel 4.1 Rp 14.085.701, anggaran di tabel realisasi Rp 13.882.901.",
        "Samakan angka dengan DPA/DPPA yang berlaku di semua tabel.",
    ),
    en=Dok(
        "Pagu differs between tables",
        "One kode carries different pagu for the same year in two tables of the same workbook (e.g. Tabel "
        "4.1 vs Tabel 4.2, or the realisation table vs the plan). The first plan table is the reference; "
        "the finding is placed on the other table's cell.",
        "One document must not state two amounts for the same pagu; one of them was not updated.",
        "Penyusunan Dokumen Perencanaan: Tabel 4.1 Rp 14.085.701, budget in the realisation table Rp 13.882.901.",
        "Make all tables agree with the current DPA/DPPA.",
    ),
)
def periksa(ctx):
    tables = list(ctx.tabel("rencana")) + list(ctx.tabel("realisasi"))

    def cells(tabel, row):
        return {y: c for y, c in pagu_per_tahun(tabel, row).items() if c.value is not None and not c.error}

    for ref_t, _ref_row, tabel, row, year, ref_cell, cell in nilai_antartabel(tables, cells):
        if rupiah(ref_cell.value) == rupiah(cell.value):
            continue
        ytxt = f" {year}" if year else ""
        yield ctx.temuan(
            tabel, row, cell.cell,
            f"Pagu{ytxt} {rp(cell.value)} berbeda dengan {ref_t.sheet} ({ref_cell.cell}) {rp(ref_cell.value)}",
            f"Pagu{ytxt} {rp(cell.value)} differs from {ref_t.sheet} ({ref_cell.cell}) {rp(ref_cell.value)}",
            expected=rupiah(ref_cell.value), actual=rupiah(cell.value),
        )
