"""A006 angka-tidak-valid: a number cell whose text cannot be read unambiguously."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "A006", "angka-tidak-valid", "error",
    id=Dok(
        judul="Angka tidak valid",
        apa="Sel angka yang teksnya tidak dapat dibaca pasti sebagai angka dalam notasi Indonesia (titik ribuan, "
        "koma desimal): `1.181925`, `2.1500.000`, `Rp 1,2,3`, dua angka dalam satu sel. Angka seperti ini "
        "tidak ditebak: dilaporkan dan tidak ikut dijumlahkan.",
        mengapa="Angka yang ambigu bisa dibaca berbeda oleh Excel, SIPD dan pembaca; `1.181925` bisa berarti "
        "1.181.925 atau 1,181925.",
        contoh="Tabel 4.2, Koordinasi dan Penyusunan DPA-SKPD: pagu `1.181925` (Tabel 4.1: 1.181.925).",
        perbaikan="Ketik ulang sebagai angka (tanpa titik ribuan; biarkan format sel yang menampilkan titik).",
    ),
    en=Dok(
        judul="Invalid number",
        apa="A number cell whose text cannot be read unambiguously in Indonesian notation (dot for thousands, "
        "comma for decimals): `1.181925`, `2.1500.000`, `Rp 1,2,3`, two numbers in one cell. Such a number "
        "is never guessed: it is reported and left out of sums.",
        mengapa="An ambiguous number is read differently by Excel, SIPD and people; `1.181925` may mean 1,181,925 or "
        "1.181925.",
        contoh="Tabel 4.2, Koordinasi dan Penyusunan DPA-SKPD: pagu `1.181925` (Tabel 4.1: 1.181.925).",
        perbaikan="Retype it as a number (without thousands dots; let the cell format show them).",
    ),
)
def periksa(ctx, t):
    for k in t.angka.values():
        for i, (alasan, reason) in sorted(k.galat.items()):
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"Angka tidak dapat dibaca: {alasan}",
                f"Number cannot be read: {reason}",
                actual=str(k.mentah.get(i)),
            )
