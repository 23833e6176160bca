"""A006 angka-tidak-valid: a number cell whose text cannot be read unambiguously."""

from __future__ import annotations

from ...core.models import EvaluasiBaris, RealisasiBaris, RencanaBaris, ReviewBaris, SpmBaris
from ..registry import Dok, aturan


def _cells(row):
    if isinstance(row, RencanaBaris):
        yield from row.target.values()
        yield from row.pagu.values()
    elif isinstance(row, EvaluasiBaris):
        yield from row.kolom.values()
    elif isinstance(row, SpmBaris):
        yield from row.nilai.values()
    elif isinstance(row, ReviewBaris):
        for side in (row.awal, row.hasil):
            yield side.target
            yield side.pagu
    elif isinstance(row, RealisasiBaris):
        yield from (row.anggaran, row.realisasi, row.persen_keuangan, row.persen_fisik)


@aturan(
    "A006", "angka-tidak-valid", "error",
    id=Dok(
        "Angka tidak valid",
        "Sel angka yang teksnya tidak dapat dibaca pasti sebagai angka dalam notasi Indonesia (titik ribuan, "
        "koma desimal): `1.181925`, `2.1500.000`, `Rp 1,2,3`, dua angka dalam satu sel. Angka seperti ini "
        "tidak ditebak: dilaporkan dan tidak ikut dijumlahkan.",
        "Angka yang ambigu bisa dibaca berbeda oleh Excel, SIPD dan pembaca; `1.181925` bisa berarti "
        "1.181.925 atau 1,181925.",
        "Tabel 4.2, Koordinasi dan Penyusunan DPA-SKPD: pagu `1.181925` (Tabel 4.1: 1.181.925).",
        "Ketik ulang sebagai angka (tanpa titik ribuan; biarkan format sel yang menampilkan titik).",
    ),
    en=Dok(
        "Invalid number",
        "A number cell whose text cannot be read unambiguously in Indonesian notation (dot for thousands, "
        "comma for decimals): `1.181925`, `2.1500.000`, `Rp 1,2,3`, two numbers in one cell. Such a number "
        "is never guessed: it is reported and left out of sums.",
        "An ambiguous number is read differently by Excel, SIPD and people; `1.181925` may mean 1,181,925 or "
        "1.181925.",
        "Tabel 4.2, Koordinasi dan Penyusunan DPA-SKPD: pagu `1.181925` (Tabel 4.1: 1.181.925).",
        "Retype it as a number (without thousands dots; let the cell format show them).",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel():
        for row in tabel.rows:
            if row.__class__ is RencanaBaris and not any(
                    n is not None and n.error for n in (*row.target.values(), *row.pagu.values())):
                continue  # the common case, decided without a generator per row
            for n in _cells(row):
                if n is not None and n.error:
                    yield ctx.temuan(
                        tabel, row, n.cell,
                        f"Angka tidak dapat dibaca: {n.error}",
                        f"Number cannot be read: {n.error_en or n.error}",
                        actual=str(n.raw),
                    )
