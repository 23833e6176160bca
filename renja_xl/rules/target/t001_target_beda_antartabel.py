"""T001 target-beda-antartabel: one kode, different targets for the same year in two tables."""

from __future__ import annotations

from ..context import angka
from ..registry import Dok, aturan
from ..struktur import nama_kolom, nilai_antartabel


@aturan(
    "T001", "target-beda-antartabel", "error",
    id=Dok(
        judul="Target berbeda antartabel",
        apa="Satu kode mempunyai target yang berbeda untuk tahun yang sama di dua tabel rencana dalam workbook "
        "yang sama. Tabel rencana pertama menjadi acuan; temuan ditempatkan pada sel tabel yang lain.",
        mengapa="Target yang tidak konsisten membuat capaian tidak dapat dinilai: realisasi akan dibandingkan dengan "
        "target yang mana?",
        contoh="Penyediaan Permakanan 1.06.04.2.01.01: Tabel 4.1 target 50 orang, Tabel 4.2 target 20 orang.",
        perbaikan="Samakan target di semua tabel dengan Renstra/RKPD yang berlaku.",
    ),
    en=Dok(
        judul="Target differs between tables",
        apa="One kode carries different targets for the same year in two plan tables of the same workbook. The "
        "first plan table is the reference; the finding is placed on the other table's cell.",
        mengapa="Inconsistent targets make achievement impossible to judge: which target is the realisation "
        "measured against?",
        contoh="Penyediaan Permakanan 1.06.04.2.01.01: Tabel 4.1 target 50 people, Tabel 4.2 target 20.",
        perbaikan="Make the targets agree in every table with the current Renstra/RKPD.",
    ),
    jenis=("rencana", "renstra", "perubahan"),
    lintas=True,
    butuh=("target",),
)
def periksa(ctx, tables):
    tables = [t for t in tables if all(k.yakin for k in t.kolom("target"))]

    def cells(t, i):
        out = {}
        for k in t.kolom("target"):
            if k.nilai[i] is not None and i not in k.galat:
                out.setdefault((k.peran.periode, k.peran.sisi), (k, k.nilai[i]))
        return out

    for ref_t, ref_i, t, i, _key, (ref_k, ref_v), (k, v) in nilai_antartabel(tables, cells):
        if abs(ref_v - v) < 1e-9:
            continue
        ref_cell = ref_t.sel(ref_k, ref_i)
        yield ctx.temuan(
            t, i, t.sel(k, i),
            f"{nama_kolom(k, 'id').capitalize()} {angka(v)} berbeda dengan {ref_t.sheet} ({ref_cell}) {angka(ref_v)}",
            f"{nama_kolom(k, 'en').capitalize()} {angka(v)} differs from {ref_t.sheet} ({ref_cell}) {angka(ref_v)}",
            expected=ref_v, actual=v, terkait=[f"{ref_t.sheet}!{ref_cell}"],
        )
