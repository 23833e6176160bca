"""A003 realisasi-melebihi-anggaran: realisasi greater than anggaran."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from ..struktur import pasangan
from .common import rupiah


@aturan(
    "A003", "realisasi-melebihi-anggaran", "error",
    id=Dok(
        judul="Realisasi melebihi anggaran",
        apa="Pada baris realisasi, realisasi keuangan lebih besar daripada anggarannya.",
        mengapa="Belanja di atas pagu DPA tidak sah; biasanya angka tertukar, salah ketik, atau anggaran yang "
        "dipakai belum anggaran perubahan.",
        contoh="Anggaran Rp 10.000.000, realisasi Rp 12.500.000.",
        perbaikan="Periksa angka realisasi terhadap SP2D dan anggaran terhadap DPA/DPPA yang berlaku.",
    ),
    en=Dok(
        judul="Realisation above budget",
        apa="On a realisation row, the financial realisation is greater than the budget (anggaran).",
        mengapa="Spending above the DPA ceiling is not allowed; usually figures were swapped, mistyped, or the "
        "budget used is not the revised one.",
        contoh="Anggaran Rp 10.000.000, realisasi Rp 12.500.000.",
        perbaikan="Check the realisation against the SP2D and the budget against the current DPA/DPPA.",
    ),
    jenis=("realisasi", "e81"),
)
def periksa(ctx, t):
    for real, ang in pasangan(t, "realisasi_rp", "pagu"):
        for i in range(t.n):
            a, r = ang.nilai[i], real.nilai[i]
            if a is None or r is None or a <= 0 or t.total[i]:
                continue
            if rupiah(r) > rupiah(a):
                yield ctx.temuan(
                    t, i, t.sel(real, i),
                    f"Realisasi {rp(r)} melebihi anggaran {rp(a)}",
                    f"Realisation {rp(r)} exceeds the budget {rp(a)}",
                    expected=rupiah(a), actual=rupiah(r), terkait=[f"{t.sheet}!{t.sel(ang, i)}"],
                )
