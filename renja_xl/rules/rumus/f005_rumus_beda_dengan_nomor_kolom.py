"""F005 rumus-beda-dengan-nomor-kolom: a column's formulas contradict the relation its number row
states (``11 = (10/4)``, ``15 = 14 / 6 x 100``)."""

from __future__ import annotations

from ...core.alamat import huruf_kolom, indeks_kolom
from ...readers.rumus import jumlah, kolom_sebaris
from ..registry import Dok, aturan
from .common import rumus_tabel

@aturan(
    "F005", "rumus-beda-dengan-nomor-kolom", "error",
    id=Dok(
        judul="Rumus berbeda dengan hubungan di baris nomor kolom",
        apa="Baris nomor kolom menyatakan cara kolom dihitung (`10 = (5+7+9)`, `11 = (10/4)`, "
        "`15 = 14 / 6 x 100`); sel rumus di kolom itu yang membaca kolom lain daripada yang disebutkan, atau "
        "menjumlah di mana dinyatakan membagi (dan sebaliknya). Pembagian yang ditulis terbalik di baris nomor "
        "(`8 = (6/7)` sementara tingkat realisasi adalah 7/6) tidak dilaporkan di sini: T002 memeriksa nilainya "
        "menurut arti kolom. Angka yang diketik di kolom itu dilaporkan F004.",
        mengapa="Baris nomor kolom adalah janji dokumen tentang cara angka dihitung; rumus yang mengambil kolom lain "
        "memberi persentase atau jumlah yang tampak sah tetapi mengukur hal lain.",
        contoh="Kolom 11 dinyatakan `(10/4)`, tetapi U12 berisi `=S12/J12*100` (kolom 10 dibagi kolom 5).",
        perbaikan="Perbaiki rumusnya agar membaca kolom yang disebut baris nomor (`=S12/H12*100`), atau perbaiki "
        "baris nomornya bila hubungan itu yang salah tulis.",
    ),
    en=Dok(
        judul="Formula contradicts the column-number row",
        apa="The column-number row states how a column is computed (`10 = (5+7+9)`, `11 = (10/4)`, "
        "`15 = 14 / 6 x 100`); a formula cell of that column that reads other columns than stated, or adds where "
        "it says divide (and the other way round). A division written the other way round in the number row "
        "(`8 = (6/7)` while the realisation rate is 7/6) is not reported here: T002 checks the values by the "
        "columns' meaning. Numbers typed in such a column are F004's.",
        mengapa="The number row is the document's promise of how a figure is computed; a formula reading another "
        "column gives a percentage or a sum that looks valid but measures something else.",
        contoh="Column 11 is stated as `(10/4)`, but U12 holds `=S12/J12*100` (column 10 divided by column 5).",
        perbaikan="Correct the formula to read the columns the number row names (`=S12/H12*100`), or correct the "
        "number row if the relation is what was mistyped.",
    ),
)
def periksa(ctx, t):
    if not t.relasi:
        return
    rt = rumus_tabel(ctx, t)
    if rt is None or not rt.rumus:
        return
    for rel in t.relasi:
        k = t.angka.get(rel.kolom)
        dari = [t.angka.get(x) for x in rel.dari]
        if k is None or None in dari:
            continue
        harap = {indeks_kolom(d.huruf) for d in dari}
        nomor_dari = {indeks_kolom(x.huruf): x.nomor for x in t.angka.values() if x.nomor is not None}
        nomor = k.nomor
        c = indeks_kolom(k.huruf)
        for i in range(t.n):
            rc = (t.baris[i] - 1, c)
            if rc not in rt.rumus:
                continue
            f = rt.rumus[rc]
            cols, lain = kolom_sebaris(f, rc[0], t.sheet)
            if lain or not cols:
                continue  # reads other rows or sheets: not a computation within the row
            j = jumlah(f)
            menjumlah = j is not None and all(sg > 0 for sg, _ in j.bagian)
            salah_kolom = cols != harap
            salah_op = (rel.operasi == "jumlah") != menjumlah
            if not salah_kolom and not salah_op:
                continue
            dibaca = ", ".join(huruf_kolom(x) + (f" ({nomor_dari[x]})" if x in nomor_dari else "") for x in sorted(cols))
            disebut = ", ".join(f"{d.huruf} ({d.nomor})" for d in dari)
            if salah_kolom:
                apa_id = f"membaca kolom {dibaca}, padahal baris nomor menyebut kolom {disebut}"
                apa_en = f"reads columns {dibaca} while the number row names columns {disebut}"
            else:
                apa_id = "tidak " + ("menjumlah" if rel.operasi == "jumlah" else "menghitung") + " seperti yang dinyatakan"
                apa_en = "does not " + ("add" if rel.operasi == "jumlah" else "compute") + " as stated"
            temuan = ctx.temuan(
                t, i, f"{k.huruf}{t.baris[i]}",
                f"Kolom {nomor} dinyatakan '{rel.teks}', tetapi rumus {f} {apa_id}",
                f"Column {nomor} is stated as '{rel.teks}', but the formula {f} {apa_en}",
                actual=f, expected=rel.teks,
                sebab=(f"rumus kolom {nomor} berbeda dengan '{rel.teks}'",
                       f"formulas of column {nomor} contradict '{rel.teks}'"),
            )
            temuan.rumus = f
            yield temuan
