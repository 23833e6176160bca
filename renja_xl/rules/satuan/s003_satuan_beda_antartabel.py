"""S003 satuan-beda-antartabel: one kode, different units in two tables."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..tables import nilai_antartabel


@aturan(
    "S003", "satuan-beda-antartabel", "warning",
    id=Dok(
        "Satuan berbeda antartabel",
        "Satu kode mempunyai satuan (setelah dinormalkan: huruf besar/kecil, singkatan, salah ketik) yang "
        "berbeda di dua tabel dalam workbook yang sama. Tabel rencana pertama menjadi acuan.",
        "Target yang sama dengan satuan berbeda tidak dapat dibandingkan, dan salah satu tabel pasti "
        "keliru.",
        "1.06.01.2.01.01: Tabel 4.1 Jenis, Tabel 2.1 Dok.",
        "Samakan satuan di semua tabel dengan nomenklatur.",
    ),
    en=Dok(
        "Unit differs between tables",
        "One kode carries different units (after normalising case, abbreviations and typos) in two tables "
        "of the same workbook. The first plan table is the reference.",
        "The same target in different units cannot be compared, and one of the tables is wrong.",
        "1.06.01.2.01.01: Tabel 4.1 Jenis, Tabel 2.1 Dok.",
        "Use the nomenclature's unit in every table.",
    ),
)
def periksa(ctx):
    kamus = ctx.kamus
    tables = list(ctx.tabel("rencana")) + list(ctx.tabel("evaluasi"))

    def cells(tabel, row):
        if row.satuan is None:
            return {}
        sat = kamus.baca(row.satuan.text).efektif
        if sat is None or sat == "%" and tabel.kind == "evaluasi":
            return {}
        return {"satuan": (row.satuan, sat)}

    for ref_t, _rr, tabel, row, _k, (ref_cell, ref_sat), (cell, sat) in nilai_antartabel(tables, cells):
        if ref_sat == sat:
            continue
        yield ctx.temuan(
            tabel, row, cell.cell,
            f"Satuan {sat} berbeda dengan {ref_t.sheet} ({ref_cell.cell}) {ref_sat}",
            f"Unit {sat} differs from {ref_t.sheet} ({ref_cell.cell}) {ref_sat}",
            expected=ref_sat, actual=cell.text,
        )
