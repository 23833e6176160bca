"""A004 realisasi-tanpa-anggaran: realisasi > 0 with an empty or zero anggaran."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan


@aturan(
    "A004", "realisasi-tanpa-anggaran", "error",
    id=Dok(
        "Realisasi tanpa anggaran",
        "Anggaran kosong atau 0 sementara realisasinya lebih dari 0.",
        "Tidak boleh ada belanja tanpa anggaran; ini tanda anggaran belum dipindahkan dari DPA perubahan "
        "atau realisasi dicatat pada sub kegiatan yang salah.",
        "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan: anggaran Rp 0, realisasi Rp 1.993.000.",
        "Isi anggaran sesuai DPA/DPPA, atau pindahkan realisasi ke sub kegiatan yang benar.",
    ),
    en=Dok(
        "Realisation without budget",
        "The budget is empty or 0 while the realisation is above 0.",
        "There is no spending without a budget; it means the budget was not carried over from the revised "
        "DPA or the spending was booked on the wrong sub kegiatan.",
        "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan: anggaran Rp 0, realisasi Rp 1.993.000.",
        "Fill in the budget from the DPA/DPPA, or move the realisation to the right sub kegiatan.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("realisasi"):
        for row in tabel.rows:
            a, r = row.anggaran, row.realisasi
            if r is None or r.value is None or r.value <= 0:
                continue
            if a is not None and (a.tidak_pasti or (a.value or 0) > 0):
                continue
            cell = a.cell if a is not None else r.cell
            yield ctx.temuan(
                tabel, row, cell,
                f"Realisasi {rp(r.value)} tanpa anggaran (anggaran {rp(a.value if a else None) if a and a.value is not None else 'kosong'})",
                f"Realisation {rp(r.value)} without a budget (budget {rp(a.value) if a and a.value is not None else 'empty'})",
                expected=None, actual=r.value,
            )
