"""A007 persen-realisasi-salah: a stated financial % that differs from realisasi / anggaran."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


def _penyebut(t, k):
    """The numerator and denominator of a financial-realisation % column."""
    p = k.peran
    if p.bagian == "thd rencana":
        real = next((x for x in t.kolom("realisasi_rp") if x.peran.bagian in ("", "total")), None)
        return real, next(iter(t.kolom("rencana_rp")), None)
    if t.kind == "e81":
        real = next(iter(t.kolom("realisasi_rp", periode=p.periode)), None)
        den = next(iter(t.kolom("pagu", periode="renstra" if p.periode == "s/d" else "n")), None)
        return real, den
    real = next(iter(t.kolom("realisasi_rp", bagian=p.bagian)), None)
    return real, next(iter(t.kolom("pagu", bagian=p.bagian)), None)


@aturan(
    "A007", "persen-realisasi-salah", "error",
    id=Dok(
        judul="Persentase realisasi salah hitung",
        apa="Persentase realisasi keuangan yang tertulis berbeda dari realisasi / anggaran × 100 lebih dari "
        "0,5 poin (ambang dapat diatur: `ambang.persen_realisasi`).",
        mengapa="Persentase serapan dipakai untuk menilai kinerja dan menentukan tindak lanjut; angka yang tidak "
        "cocok dengan rupiahnya menyesatkan.",
        contoh="Anggaran Rp 10.000.000, realisasi Rp 7.500.000, tertulis 57 % (seharusnya 75 %).",
        perbaikan="Ganti angka persen dengan rumus `=realisasi/anggaran*100` atau fungsi `RENJA_TINGKAT_REALISASI`.",
    ),
    en=Dok(
        judul="Wrong realisation percentage",
        apa="A stated financial-realisation % that differs from realisasi / anggaran × 100 by more than 0.5 "
        "points (threshold `ambang.persen_realisasi`).",
        mengapa="The spending percentage is used to judge performance; a figure that disagrees with the rupiah "
        "amounts misleads.",
        contoh="Budget Rp 10.000.000, realisation Rp 7.500.000, stated 57 % (should be 75 %).",
        perbaikan="Replace the percentage with `=realisasi/anggaran*100` or the `RENJA_TINGKAT_REALISASI` function.",
    ),
    jenis=("realisasi", "e81"),
    ambang=("persen_realisasi",),
)
def periksa(ctx, t):
    tol = ctx.config.ambang.persen_realisasi
    for k in t.kolom("capaian_rp"):
        real, ang = _penyebut(t, k)
        if real is None or ang is None:
            continue
        for i in range(t.n):
            p = k.nilai[i]
            if p is None or real.nilai[i] is None or t.total[i]:
                continue
            expected = tingkat_realisasi(real.nilai[i], ang.nilai[i])
            if expected is None or abs(expected - p) <= tol:
                continue
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"% realisasi tertulis {angka(p)} %, hasil hitung {angka(expected, 2)} % "
                f"({real.huruf}/{ang.huruf} × 100)",
                f"Stated realisation {angka(p)} %, computed {angka(expected, 2)} % ({real.huruf}/{ang.huruf} × 100)",
                expected=round(expected, 2), actual=p,
            )
