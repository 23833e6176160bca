"""T001 target-beda-antartabel: one kode, different targets for the same year in two tables."""

from __future__ import annotations

import re

from ..context import angka
from ..registry import Dok, aturan
from ..struktur import nama_kolom, nilai_antartabel


@aturan(
    "T001", "target-beda-antartabel", "error",
    id=Dok(
        judul="Target berbeda antartabel",
        apa="Satu kode mempunyai target yang berbeda untuk tahun yang sama di dua tabel rencana dalam workbook "
        "yang sama, atau kolom 9 Tabel 2.1 (T-C.29, target tahun yang dievaluasi: tahun di header kolom itu, "
        "atau tahun 's/d' di judul tabel) berbeda dengan target tahun itu di tabel rencana. Tabel rencana pertama "
        "menjadi acuan; temuan ditempatkan pada sel tabel yang lain. Baris yang kodenya bergeser (K007) "
        "dibandingkan menurut namanya; kolom 9 dengan satuan berbeda tidak dibandingkan (S003).",
        mengapa="Target yang tidak konsisten membuat capaian tidak dapat dinilai: realisasi akan dibandingkan dengan "
        "target yang mana?",
        contoh="Penyediaan Permakanan 1.06.04.2.01.01: Tabel 4.1 target 50 orang, Tabel 4.2 target 20 orang.",
        perbaikan="Samakan target di semua tabel dengan Renstra/RKPD yang berlaku.",
    ),
    en=Dok(
        judul="Target differs between tables",
        apa="One kode carries different targets for the same year in two plan tables of the same workbook, or "
        "column 9 of Tabel 2.1 (T-C.29, the target of the evaluated year: the year its header names, or the "
        "'s/d' year of the table title) differs from that year's target in the plan table. The first plan table "
        "is the reference; the finding is placed on the other table's cell. A row whose kode is shifted (K007) "
        "is compared by its name; a column 9 in a different unit is not compared (S003).",
        mengapa="Inconsistent targets make achievement impossible to judge: which target is the realisation "
        "measured against?",
        contoh="Penyediaan Permakanan 1.06.04.2.01.01: Tabel 4.1 target 50 people, Tabel 4.2 target 20.",
        perbaikan="Make the targets agree in every table with the current Renstra/RKPD.",
    ),
    jenis=("rencana", "renstra", "perubahan", "evaluasi"),
    lintas=True,
    butuh=("target",),
)
def periksa(ctx, tables):
    tables = [t for t in tables if all(k.yakin for k in t.kolom("target"))]
    kolom9 = {id(t): _kolom9(t) for t in tables if t.kind == "evaluasi"}
    target = {id(t): [((k.peran.periode, k.peran.sisi), k) for k in t.kolom("target")] for t in tables}

    def cells(t, i):
        out = {}
        if t.kind == "evaluasi":  # T-C.29 column 9: the target of the year it names (the plan's year)
            k9, tahun = kolom9[id(t)]
            if k9 is not None and k9.nilai[i] is not None and k9.pasti(i):
                out[(tahun, "")] = (k9, k9.nilai[i])
            return out
        for key, k in target[id(t)]:
            v = k.nilai[i]
            if v is not None and i not in k.galat:
                out.setdefault(key, (k, v))
        return out

    kamus = ctx.kamus

    def satuan(t, k, i):
        text = (k.satuan.teks[i] if k.satuan is not None else "") or t.satuan[i]
        return kamus.baca(text).efektif if text else None

    for ref_t, ref_i, t, i, _key, (ref_k, ref_v), (k, v) in nilai_antartabel(tables, cells):
        if abs(ref_v - v) < 1e-9:
            continue
        if t.kind == "evaluasi":
            su, ref_su = satuan(t, k, i), satuan(ref_t, ref_k, ref_i)
            if su and ref_su and su != ref_su:
                continue  # column 9 counted in another unit: S003 says so, the numbers are not comparable
        ref_cell = ref_t.sel(ref_k, ref_i)
        if t.kind == "evaluasi":
            tahun = _key[0]
            kol_id, kol_en = f"Kolom 9 (target {tahun})", f"Column 9 (target {tahun})"
            di_id, di_en = f"target {tahun} di {ref_t.sheet}", f"the {tahun} target in {ref_t.sheet}"
        else:
            kol_id, kol_en = nama_kolom(k, "id").capitalize(), nama_kolom(k, "en").capitalize()
            di_id = di_en = ref_t.sheet
        yield ctx.temuan(
            t, i, t.sel(k, i),
            f"{kol_id} {angka(v)} berbeda dengan {di_id} ({ref_cell}) {angka(ref_v)}",
            f"{kol_en} {angka(v)} differs from {di_en} ({ref_cell}) {angka(ref_v)}",
            expected=ref_v, actual=v, terkait=[f"{ref_t.sheet}!{ref_cell}"],
        )


_SD = re.compile(r"\bs\s*/\s*d\.?\s*(?:tahun\s*)?(20\d\d)\b|\bsampai\s+dengan\s+(?:tahun\s*)?(20\d\d)\b", re.I)


def _kolom9(t):
    """T-C.29 column 9 and the year of its target: the year its header names, else the year the
    table evaluates up to ('… S/D TAHUN 2024'); (None, '') when neither says."""
    k9 = next((k for k in t.angka.values() if k.peran.ukuran == "kolom" and k.peran.bagian == "9" and k.yakin), None)
    if k9 is None:
        return None, ""
    bukti = next((p.bukti for p in t.peta if p.peran == "kolom 9"), "")
    years = set(re.findall(r"(?<!\d)(20\d\d)(?!\d)", bukti))
    if len(years) == 1:
        return k9, years.pop()
    m = _SD.search(t.title or "")
    if m:
        return k9, m.group(1) or m.group(2)
    return None, ""
