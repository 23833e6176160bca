"""A010 selisih-perubahan-salah: a stated Bertambah/(Berkurang) that is not setelah − sebelum."""

from __future__ import annotations

from ..context import rp
from ..kewajaran.common import pasangan_sisi
from ..registry import Dok, aturan
from .common import rupiah


@aturan(
    "A010", "selisih-perubahan-salah", "error",
    id=Dok(
        judul="Selisih perubahan salah hitung",
        apa="Pada tabel Perubahan (pasangan kolom sebelum/setelah perubahan): kolom Bertambah/(Berkurang) yang "
        "berbeda dari pagu setelah perubahan dikurangi pagu sebelum perubahan pada baris yang sama, tepat dalam "
        "rupiah. Selisih yang ditulis tanpa tanda minus (kolom 'Berkurang') diterima; baris yang kolom selisihnya "
        "kosong tidak diperiksa. Jumlah kolom selisih tidak diperiksa tersendiri (A001): bila setiap baris benar "
        "dan pagu sebelum dan setelah setiap induk benar, jumlahnya pasti benar.",
        mengapa="Selisih adalah yang dibaca pimpinan dan DPRD dalam Renja/RKPD Perubahan; selisih yang tidak sama "
        "dengan kedua angka di sampingnya berarti salah satunya diketik ulang atau rumusnya salah.",
        contoh="Pagu sebelum Rp 200.000.000, setelah Rp 250.000.000, Bertambah/(Berkurang) tertulis Rp 40.000.000; "
        "seharusnya Rp 50.000.000.",
        perbaikan="Tulis selisih sebagai rumus (`=H12-F12`), atau betulkan pagu yang salah.",
    ),
    en=Dok(
        judul="Perubahan difference computed wrongly",
        apa="In a Perubahan table (before/after column pairs): a Bertambah/(Berkurang) column that differs from the "
        "after pagu minus the before pagu of the same row, exact in rupiah. A difference written without a minus "
        "sign (a 'Berkurang' column) is accepted; rows whose difference cell is empty are not checked. The "
        "difference column's sums are not checked on their own (A001): when every row is right and every parent's "
        "before and after pagu are right, its sums are right.",
        mengapa="The difference is what the leadership and the DPRD read in a Renja/RKPD Perubahan; a difference "
        "that does not match the two amounts beside it means one was retyped or its formula is wrong.",
        contoh="Pagu before Rp 200,000,000, after Rp 250,000,000, Bertambah/(Berkurang) states Rp 40,000,000; "
        "expected Rp 50,000,000.",
        perbaikan="Write the difference as a formula (`=H12-F12`), or correct the wrong pagu.",
    ),
    jenis=("perubahan",),
)
def periksa(ctx, t):
    pairs = pasangan_sisi(t, "pagu")
    if not pairs:
        return
    for k in t.kolom("selisih_rp"):
        pair = next((p for p in pairs if p[0].peran.periode == k.peran.periode), None)
        if pair is None and not k.peran.periode:
            pair = pairs[0]  # one difference column: the first year that has both sides
        if pair is None:
            continue
        sebelum, setelah = pair
        for i in range(t.n):
            d = k.nilai[i]
            if d is None or not (k.pasti(i) and sebelum.pasti(i) and setelah.pasti(i)):
                continue
            a, b = sebelum.nilai[i], setelah.nilai[i]
            if a is None and b is None:
                continue
            exp = (b or 0) - (a or 0)
            if rupiah(d) == rupiah(exp) or rupiah(abs(d)) == rupiah(abs(exp)):
                continue
            if a and abs(abs((b or 0) - a) / abs(a) * 100 - abs(d)) <= 0.5 and abs(d) <= 1000:
                continue  # a percentage change written in the difference column
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"Bertambah/(Berkurang) tertulis {rp(d)}, seharusnya pagu setelah {rp(b)} − sebelum {rp(a)} = {rp(exp)}",
                f"Bertambah/(Berkurang) states {rp(d)}, expected the after pagu {rp(b)} − before {rp(a)} = {rp(exp)}",
                expected=rupiah(exp), actual=rupiah(d),
                terkait=[f"{t.sheet}!{t.sel(sebelum, i)}", f"{t.sheet}!{t.sel(setelah, i)}"],
            )
