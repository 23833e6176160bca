"""P004 review-beda-rencana: a Hasil Analisis target or pagu differs from the plan for the same row."""

from __future__ import annotations

from ..anggaran.common import rupiah
from ..context import angka, rp
from ..padanan import nama_review, susunan_review
from ..registry import Dok, aturan
from .common import pendek


@aturan(
    "P004", "review-beda-rencana", "warning",
    id=Dok(
        judul="Hasil Analisis Kebutuhan berbeda dengan tabel rencana",
        apa="Pada Tabel 2.3 (review terhadap Rancangan Awal RKPD, T-C.31): target atau kebutuhan dana di sisi Hasil "
        "Analisis Kebutuhan yang berbeda dengan target atau pagu tahun yang sama untuk program, kegiatan atau sub "
        "kegiatan yang sama di tabel rencana pertama (Tabel 4.1). Tabel 2.3 tidak berkode: barisnya dicocokkan "
        "dengan Tabel 4.1 menurut nama (kata demi kata, urutan baris dijaga; nama sisi Rancangan Awal dipakai bila "
        "sisi Hasil kosong), dan hanya dengan baris Tabel 4.1 yang kodenya terbaca. Satuan kedua sisi disebut.",
        mengapa="Hasil Analisis Kebutuhan adalah yang kemudian menjadi rencana Renja: target atau dana yang berbeda "
        "berarti salah satu tabel tidak diperbarui.",
        contoh="Penyediaan Permakanan: Hasil Analisis 20 Orang, Tabel 4.1 50 Orang.",
        perbaikan="Samakan Tabel 2.3 dengan Tabel 4.1 (atau sebaliknya), atau jelaskan di Catatan Penting.",
    ),
    en=Dok(
        judul="Hasil Analisis Kebutuhan differs from the plan table",
        apa="In Tabel 2.3 (the review of the Rancangan Awal RKPD, T-C.31): a target or funding need on the Hasil "
        "Analisis Kebutuhan side that differs from the same year's target or pagu of the same program, kegiatan or "
        "sub kegiatan in the first plan table (Tabel 4.1). Tabel 2.3 has no kode: its rows are matched to Tabel 4.1 "
        "by name (word by word, keeping the row order; the Rancangan Awal name when the Hasil name is empty), and "
        "only with Tabel 4.1 rows whose kode is readable. Both sides' units are stated.",
        mengapa="The Hasil Analisis Kebutuhan is what becomes the Renja's plan: a different target or amount means "
        "one of the tables was not updated.",
        contoh="Penyediaan Permakanan: Hasil Analisis 20 Orang, Tabel 4.1 50 Orang.",
        perbaikan="Make Tabel 2.3 agree with Tabel 4.1 (or the reverse), or explain it in Catatan Penting.",
    ),
    jenis=("review",),
    lintas=True,
)
def periksa(ctx, tables):
    for t in tables:
        sus = susunan_review(t, ctx.tables)
        plan = sus.plan
        if plan is None or not sus.padan:
            continue
        year = str(t.years[0]) if t.years else (str(plan.years[0]) if plan.years else "")
        kol = {}
        for u in ("target", "pagu"):
            mine = next((k for k in t.kolom(u, sisi="hasil") if k.yakin), None)
            theirs = next((k for k in plan.kolom(u, periode=year) if k.peran.sisi in ("", "setelah") and k.yakin
                           and k.peran.bagian in ("", "total")), None)
            if mine is not None and theirs is not None:
                kol[u] = (mine, theirs)
        for i, j in sorted(sus.padan.items()):
            if not plan.terbaca(j) or t.total[i]:
                continue
            nama = pendek(nama_review(t, i))
            for u, (mine, theirs) in kol.items():
                if not (mine.pasti(i) and theirs.pasti(j)):
                    continue
                v, w = mine.nilai[i], theirs.nilai[j]
                if v is None or w is None:
                    continue
                ref = f"{plan.sheet}!{plan.sel(theirs, j)}"
                if u == "pagu":
                    if rupiah(v) == rupiah(w):
                        continue
                    yield ctx.temuan(
                        t, i, t.sel(mine, i),
                        f"Kebutuhan dana Hasil Analisis '{nama}' {rp(v)} berbeda dengan pagu {year} di {plan.sheet} "
                        f"({plan.kode[j]}, {plan.sel(theirs, j)}) {rp(w)}",
                        f"Hasil Analisis funding need of '{nama}' {rp(v)} differs from the {year} pagu in {plan.sheet} "
                        f"({plan.kode[j]}, {plan.sel(theirs, j)}) {rp(w)}",
                        expected=rupiah(w), actual=rupiah(v), kode=plan.kode[j], terkait=[ref],
                    )
                    continue
                if abs(v - w) < 1e-9:
                    continue
                su = (mine.satuan.teks[i] if mine.satuan is not None else "") or t.satuan[i] or ""
                sw = plan.satuan[j] or ""
                yield ctx.temuan(
                    t, i, t.sel(mine, i),
                    f"Target Hasil Analisis '{nama}' {angka(v)} {su}".rstrip() + f" berbeda dengan target {year} di "
                    f"{plan.sheet} ({plan.kode[j]}, {plan.sel(theirs, j)}) {angka(w)} {sw}".rstrip(),
                    f"Hasil Analisis target of '{nama}' {angka(v)} {su}".rstrip() + f" differs from the {year} target "
                    f"in {plan.sheet} ({plan.kode[j]}, {plan.sel(theirs, j)}) {angka(w)} {sw}".rstrip(),
                    expected=w, actual=v, kode=plan.kode[j], terkait=[ref],
                )
