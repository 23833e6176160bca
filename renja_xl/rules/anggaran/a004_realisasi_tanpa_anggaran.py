"""A004 realisasi-tanpa-anggaran: realisasi > 0 with an empty or zero anggaran."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from ..struktur import pasangan


@aturan(
    "A004", "realisasi-tanpa-anggaran", "error",
    id=Dok(
        judul="Realisasi tanpa anggaran",
        apa="Anggaran kosong atau 0 sementara realisasinya lebih dari 0.",
        mengapa="Tidak boleh ada belanja tanpa anggaran; ini tanda anggaran belum dipindahkan dari DPA perubahan "
        "atau realisasi dicatat pada sub kegiatan yang salah.",
        contoh="Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan: anggaran Rp 0, realisasi Rp 1.993.000.",
        perbaikan="Isi anggaran sesuai DPA/DPPA, atau pindahkan realisasi ke sub kegiatan yang benar.",
    ),
    en=Dok(
        judul="Realisation without budget",
        apa="The budget is empty or 0 while the realisation is above 0.",
        mengapa="There is no spending without a budget; it means the budget was not carried over from the revised "
        "DPA or the spending was booked on the wrong sub kegiatan.",
        contoh="Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan: anggaran Rp 0, realisasi Rp 1.993.000.",
        perbaikan="Fill in the budget from the DPA/DPPA, or move the realisation to the right sub kegiatan.",
    ),
    jenis=("realisasi", "e81"),
)
def periksa(ctx, t):
    for real, ang in pasangan(t, "realisasi_rp", "pagu"):
        for i in range(t.n):
            r = real.nilai[i]
            if r is None or r <= 0 or t.total[i]:
                continue
            a = ang.nilai[i]
            if not ang.pasti(i) or (a or 0) > 0:
                continue
            yield ctx.temuan(
                t, i, t.sel(ang, i),
                f"Realisasi {rp(r)} tanpa anggaran (anggaran {rp(a) if a is not None else 'kosong'})",
                f"Realisation {rp(r)} without a budget (budget {rp(a) if a is not None else 'empty'})",
                expected=None, actual=r, terkait=[f"{t.sheet}!{t.sel(real, i)}"],
            )
