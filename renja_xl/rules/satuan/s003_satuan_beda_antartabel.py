"""S003 satuan-beda-antartabel: one kode, different units in two tables."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..struktur import nilai_antartabel


@aturan(
    "S003", "satuan-beda-antartabel", "warning",
    id=Dok(
        judul="Satuan berbeda antartabel",
        apa="Satu kode mempunyai satuan (setelah dinormalkan: huruf besar/kecil, singkatan, salah ketik) yang "
        "berbeda di dua tabel dalam workbook yang sama. Tabel rencana pertama menjadi acuan.",
        mengapa="Target yang sama dengan satuan berbeda tidak dapat dibandingkan, dan salah satu tabel pasti "
        "keliru.",
        contoh="1.06.01.2.01.01: Tabel 4.1 Jenis, Tabel 2.1 Dok.",
        perbaikan="Samakan satuan di semua tabel dengan nomenklatur.",
    ),
    en=Dok(
        judul="Unit differs between tables",
        apa="One kode carries different units (after normalising case, abbreviations and typos) in two tables "
        "of the same workbook. The first plan table is the reference.",
        mengapa="The same target in different units cannot be compared, and one of the tables is wrong.",
        contoh="1.06.01.2.01.01: Tabel 4.1 Jenis, Tabel 2.1 Dok.",
        perbaikan="Use the nomenclature's unit in every table.",
    ),
    jenis=("rencana", "renstra", "perubahan", "evaluasi"),
    lintas=True,
)
def periksa(ctx, tables):
    kamus = ctx.kamus

    def cells(t, i):
        text = t.satuan[i]
        cell = t.satuan_sel[i]
        if not text and t.kind == "evaluasi":
            k4 = next((k for k in t.angka.values() if k.satuan is not None and k.satuan.teks[i]), None)
            if k4 is not None:
                text, cell = k4.satuan.teks[i], t.sel(k4.satuan, i)
        if not text:
            return {}
        sat = kamus.baca(text).efektif
        if sat is None or sat == "%" and t.kind == "evaluasi":
            return {}
        return {"satuan": (text, cell, sat)}

    for ref_t, _ri, t, i, _k, (_rt, ref_cell, ref_sat), (text, cell, sat) in nilai_antartabel(tables, cells):
        if ref_sat == sat:
            continue
        yield ctx.temuan(
            t, i, cell,
            f"Satuan {sat} berbeda dengan {ref_t.sheet} ({ref_cell}) {ref_sat}",
            f"Unit {sat} differs from {ref_t.sheet} ({ref_cell}) {ref_sat}",
            expected=ref_sat, actual=text, terkait=[f"{ref_t.sheet}!{ref_cell}"],
        )
