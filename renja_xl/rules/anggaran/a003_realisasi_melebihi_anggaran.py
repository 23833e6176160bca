"""A003 realisasi-melebihi-anggaran: realisasi greater than anggaran."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from .common import rupiah


@aturan(
    "A003", "realisasi-melebihi-anggaran", "error",
    id=Dok(
        "Realisasi melebihi anggaran",
        "Pada baris realisasi, realisasi keuangan lebih besar daripada anggarannya.",
        "Belanja di atas pagu DPA tidak sah; biasanya angka tertukar, salah ketik, atau anggaran yang "
        "dipakai belum anggaran perubahan.",
        "Anggaran Rp 10.000.000, realisasi Rp 12.500.000.",
        "Periksa angka realisasi terhadap SP2D dan anggaran terhadap DPA/DPPA yang berlaku.",
    ),
    en=Dok(
        "Realisation above budget",
        "On a realisation row, the financial realisation is greater than the budget (anggaran).",
        "Spending above the DPA ceiling is not allowed; usually figures were swapped, mistyped, or the "
        "budget used is not the revised one.",
        "Anggaran Rp 10.000.000, realisasi Rp 12.500.000.",
        "Check the realisation against the SP2D and the budget against the current DPA/DPPA.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("realisasi"):
        for row in tabel.rows:
            a, r = row.anggaran, row.realisasi
            if a is None or r is None or a.value is None or r.value is None or a.value <= 0:
                continue
            if rupiah(r.value) > rupiah(a.value):
                yield ctx.temuan(
                    tabel, row, r.cell,
                    f"Realisasi {rp(r.value)} melebihi anggaran {rp(a.value)}",
                    f"Realisation {rp(r.value)} exceeds the budget {rp(a.value)}",
                    expected=rupiah(a.value), actual=rupiah(r.value),
                )
