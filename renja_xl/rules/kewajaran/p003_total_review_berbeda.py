"""P003 total-review-berbeda: the totals of the Rancangan Awal RKPD and of the Hasil Analisis differ."""

from __future__ import annotations

from ..anggaran.common import rupiah
from ..context import rp
from ..padanan import susunan_review
from ..registry import Dok, aturan
from .common import pasangan_sisi


@aturan(
    "P003", "total-review-berbeda", "warning",
    id=Dok(
        judul="Total Rancangan Awal RKPD dan Hasil Analisis berbeda",
        apa="Pada Tabel 2.3 (review terhadap Rancangan Awal RKPD, T-C.31): jumlah pagu semua program di sisi "
        "Rancangan Awal berbeda dengan jumlah kebutuhan dana di sisi Hasil Analisis Kebutuhan. Temuan menyebut "
        "kedua total, selisihnya, dan total pagu tabel rencana (Tabel 4.1) tahun yang sama; peringatan bila kolom "
        "catatan tidak menjelaskan satu perubahan pun, info bila ada catatan. Juga disebut bila total Hasil "
        "Analisis tidak sama dengan total tabel rencana.",
        mengapa="Selisih total adalah ringkasan seluruh review: berapa Renja meminta di atas (atau di bawah) pagu "
        "indikatif RKPD. Tanpa penjelasan, TAPD tidak tahu dari mana tambahan itu.",
        contoh="Total Rancangan Awal RKPD Rp 4.624.442.449, total Hasil Analisis Rp 4.876.245.268 (sama dengan total "
        "Tabel 4.1): selisih Rp 251.802.819 tanpa catatan.",
        perbaikan="Jelaskan selisih di Catatan Penting (per baris yang berubah), atau samakan kebutuhan dana dengan "
        "pagu indikatif.",
    ),
    en=Dok(
        judul="Totals of the Rancangan Awal RKPD and of the Hasil Analisis differ",
        apa="In Tabel 2.3 (the review of the Rancangan Awal RKPD, T-C.31): the sum of all programs' pagu on the "
        "Rancangan Awal side differs from the sum of the funding needs on the Hasil Analisis Kebutuhan side. The "
        "finding states both totals, their difference and the plan table's (Tabel 4.1) total of the same year; a "
        "warning when the notes column explains no change at all, info when it has notes. Also said when the "
        "Hasil Analisis total is not the plan table's total.",
        mengapa="The difference of the totals sums up the whole review: how much the Renja asks above (or below) "
        "the RKPD's indicative ceiling. Unexplained, the TAPD cannot tell where the extra comes from.",
        contoh="Rancangan Awal RKPD total Rp 4,624,442,449, Hasil Analisis total Rp 4,876,245,268 (the same as "
        "Tabel 4.1's): difference Rp 251,802,819, no notes.",
        perbaikan="Explain the difference in Catatan Penting (row by row), or bring the funding needs back to the "
        "indicative ceiling.",
    ),
    jenis=("review",),
)
def periksa(ctx, t):
    pairs = pasangan_sisi(t, "pagu", "awal", "hasil")
    if not pairs:
        return
    ka, kh = pairs[0]
    sus = susunan_review(t, ctx.tables)
    prog = [i for i in range(t.n) if sus.level[i] == "program" and not t.total[i]]
    if not prog or any(not ka.pasti(i) or not kh.pasti(i) for i in prog):
        return
    awal = sum(ka.nilai[i] or 0 for i in prog)
    hasil = sum(kh.nilai[i] or 0 for i in prog)
    plan_total, plan_cell = _total_rencana(t, sus.plan)
    beda = rupiah(hasil) != rupiah(awal)
    lain = plan_total is not None and rupiah(hasil) != rupiah(plan_total)
    if not beda and not lain:
        return
    cat = t.teks.get("catatan")
    ada_catatan = cat is not None and any(s.strip() for s in cat.teks)
    selisih = rupiah(hasil) - rupiah(awal)
    if plan_total is None:
        ren_id = ren_en = ""
    elif lain:
        ren_id = f"; total {sus.plan.sheet} {rp(plan_total)} berbeda dengan total Hasil Analisis"
        ren_en = f"; the {sus.plan.sheet} total {rp(plan_total)} differs from the Hasil Analisis total"
    else:
        ren_id, ren_en = f" (sama dengan total {sus.plan.sheet})", f" (the same as the {sus.plan.sheet} total)"
    tanpa_id = "" if ada_catatan else " tanpa catatan"
    tanpa_en = "" if ada_catatan else ", no notes"
    row = t.header_rows[-1] if t.header_rows else t.first_row
    yield ctx.temuan(
        t, None, f"{kh.huruf}{row}",
        f"Total Rancangan Awal RKPD {rp(awal)}, total Hasil Analisis Kebutuhan {rp(hasil)}{ren_id}: selisih "
        f"{'+' if selisih > 0 else ''}{rp(selisih)}{tanpa_id}",
        f"Rancangan Awal RKPD total {rp(awal)}, Hasil Analisis Kebutuhan total {rp(hasil)}{ren_en}: difference "
        f"{'+' if selisih > 0 else ''}{rp(selisih)}{tanpa_en}",
        severity="info" if ada_catatan and not lain else None,
        expected=rupiah(awal), actual=rupiah(hasil), baris=row,
        terkait=[f"{t.sheet}!{ka.huruf}{row}"] + ([f"{sus.plan.sheet}!{plan_cell}"] if plan_cell else []),
    )


def _total_rencana(t, plan):
    """The plan table's total pagu of the review's year: its bidang row, else the sum of its programs."""
    if plan is None:
        return None, None
    year = str(t.years[0]) if t.years else (str(plan.years[0]) if plan.years else "")
    k = next((k for k in plan.kolom("pagu", periode=year) if k.peran.sisi in ("", "setelah")
              and k.peran.bagian in ("", "total")), None)
    if k is None:
        return None, None
    for lvl in ("bidang", "program"):
        rows = [i for i in range(plan.n) if plan.level[i] == lvl and plan.terbaca(i) and not plan.total[i]]
        if rows and all(k.pasti(i) and k.nilai[i] is not None for i in rows):
            return sum(k.nilai[i] for i in rows), (plan.sel(k, rows[0]) if len(rows) == 1 else None)
    return None, None
