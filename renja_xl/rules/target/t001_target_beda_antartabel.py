"""T001 target-beda-antartabel: one kode, different targets for the same year in two tables."""

from __future__ import annotations

from ..context import angka
from ..registry import Dok, aturan
from ..tables import nilai_antartabel


@aturan(
    "T001", "target-beda-antartabel", "error",
    id=Dok(
        "Target berbeda antartabel",
        "Satu kode mempunyai target yang berbeda untuk tahun yang sama di dua tabel rencana dalam workbook "
        "yang sama. Tabel rencana pertama menjadi acuan; temuan ditempatkan pada sel tabel yang lain.",
        "Target yang tidak konsisten membuat capaian tidak dapat dinilai: realisasi akan dibandingkan dengan "
        "target yang mana?",
        "Penyediaan Permakanan 1.06.04.2.01.01: Tabel 4.1 target 50 orang, Tabel 4.2 target 20 orang.",
        "Samakan target di semua tabel dengan Renstra/RKPD yang berlaku.",
    ),
    en=Dok(
        "Target differs between tables",
        "One kode carries different targets for the same year in two plan tables of the same workbook. The "
        "first plan table is the reference; the finding is placed on the other table's cell.",
        "Inconsistent targets make achievement impossible to judge: which target is the realisation "
        "measured against?",
        "Penyediaan Permakanan 1.06.04.2.01.01: Tabel 4.1 target 50 people, Tabel 4.2 target 20.",
        "Make the targets agree in every table with the current Renstra/RKPD.",
    ),
)
def periksa(ctx):
    def cells(tabel, row):
        return {y: c for y, c in row.target.items() if c.value is not None and not c.error}

    for ref_t, _ref_row, tabel, row, year, ref_cell, cell in nilai_antartabel(list(ctx.tabel("rencana")), cells):
        if abs(ref_cell.value - cell.value) < 1e-9:
            continue
        ytxt = f" {year}" if year else ""
        yield ctx.temuan(
            tabel, row, cell.cell,
            f"Target{ytxt} {angka(cell.value)} berbeda dengan {ref_t.sheet} ({ref_cell.cell}) {angka(ref_cell.value)}",
            f"Target{ytxt} {angka(cell.value)} differs from {ref_t.sheet} ({ref_cell.cell}) {angka(ref_cell.value)}",
            expected=ref_cell.value, actual=cell.value,
        )
