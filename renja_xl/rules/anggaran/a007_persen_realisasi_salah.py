"""A007 persen-realisasi-salah: a stated financial % that differs from realisasi / anggaran."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "A007", "persen-realisasi-salah", "error",
    id=Dok(
        "Persentase realisasi salah hitung",
        "Persentase realisasi keuangan yang tertulis berbeda dari realisasi / anggaran × 100 lebih dari "
        "0,5 poin (ambang dapat diatur: `ambang.persen_realisasi`).",
        "Persentase serapan dipakai untuk menilai kinerja dan menentukan tindak lanjut; angka yang tidak "
        "cocok dengan rupiahnya menyesatkan.",
        "Anggaran Rp 10.000.000, realisasi Rp 7.500.000, tertulis 57 % (seharusnya 75 %).",
        "Ganti angka persen dengan rumus `=realisasi/anggaran*100` atau fungsi `RENJA_TINGKAT_REALISASI`.",
    ),
    en=Dok(
        "Wrong realisation percentage",
        "A stated financial-realisation % that differs from realisasi / anggaran × 100 by more than 0.5 "
        "points (threshold `ambang.persen_realisasi`).",
        "The spending percentage is used to judge performance; a figure that disagrees with the rupiah "
        "amounts misleads.",
        "Budget Rp 10.000.000, realisation Rp 7.500.000, stated 57 % (should be 75 %).",
        "Replace the percentage with `=realisasi/anggaran*100` or the `RENJA_TINGKAT_REALISASI` function.",
    ),
)
def periksa(ctx):
    tol = ctx.config.ambang.persen_realisasi
    for tabel in ctx.tabel("realisasi"):
        for row in tabel.rows:
            a, r, p = row.anggaran, row.realisasi, row.persen_keuangan
            if p is None or p.value is None or a is None or r is None or r.value is None:
                continue
            expected = tingkat_realisasi(r.value, a.value)
            if expected is None or abs(expected - p.value) <= tol:
                continue
            yield ctx.temuan(
                tabel, row, p.cell,
                f"% realisasi tertulis {angka(p.value)} %, hasil hitung {angka(expected, 2)} %",
                f"Stated realisation {angka(p.value)} %, computed {angka(expected, 2)} %",
                expected=round(expected, 2), actual=p.value,
            )
