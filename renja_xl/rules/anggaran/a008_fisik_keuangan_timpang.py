"""A008 fisik-keuangan-timpang: physical and financial progress far apart."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "A008", "fisik-keuangan-timpang", "warning",
    id=Dok(
        judul="Fisik dan keuangan timpang",
        apa="Kemajuan fisik (% penyelesaian pekerjaan) dan realisasi keuangan (%) berselisih lebih dari 50 poin "
        "(ambang dapat diatur: `ambang.fisik_keuangan`). Persen keuangan diambil dari yang tertulis, atau "
        "dihitung dari realisasi/anggaran bila tidak tertulis.",
        mengapa="Pekerjaan selesai tanpa pembayaran, atau pembayaran tanpa pekerjaan, perlu dijelaskan sebelum "
        "diperiksa auditor.",
        contoh="Penyusunan Dokumen Perencanaan Perangkat Daerah: pekerjaan 100 %, realisasi keuangan Rp 0 (0 %).",
        perbaikan="Perbarui angka yang tertinggal, atau jelaskan di kolom keterangan (mis. tagihan belum dibayar).",
    ),
    en=Dok(
        judul="Physical and financial progress apart",
        apa="Physical progress (% of work done) and financial realisation (%) differ by more than 50 points "
        "(threshold `ambang.fisik_keuangan`). The financial % is the stated one, or realisasi/anggaran when "
        "none is stated.",
        mengapa="Work done without payment, or payment without work, needs an explanation before an audit.",
        contoh="Penyusunan Dokumen Perencanaan Perangkat Daerah: work 100 %, financial realisation Rp 0 (0 %).",
        perbaikan="Update the figure that lags behind, or explain it in the remarks (e.g. invoice not yet paid).",
    ),
    jenis=("realisasi",),
    ambang=("fisik_keuangan",),
)
def periksa(ctx, t):
    gap = ctx.config.ambang.fisik_keuangan
    fisik = next(iter(t.kolom("fisik")), None)
    if fisik is None:
        return
    persen = next((k for k in t.kolom("capaian_rp") if k.peran.bagian in ("", "total")), None)
    real = next((k for k in t.kolom("realisasi_rp") if k.peran.bagian in ("", "total")), None)
    ang = next((k for k in t.kolom("pagu") if k.peran.bagian in ("", "total")), None)
    for i in range(t.n):
        f = fisik.nilai[i]
        if f is None or t.total[i]:
            continue
        if persen is not None and persen.nilai[i] is not None:
            keu = persen.nilai[i]
        else:
            keu = tingkat_realisasi(real.nilai[i] if real else None, ang.nilai[i] if ang else None)
        if keu is None or abs(f - keu) <= gap:
            continue
        yield ctx.temuan(
            t, i, t.sel(fisik, i),
            f"Pekerjaan {angka(f)} % tetapi realisasi keuangan {angka(keu, 2)} % (selisih {angka(abs(f - keu), 2)} poin)",
            f"Work {angka(f)} % but financial realisation {angka(keu, 2)} % (gap {angka(abs(f - keu), 2)} points)",
            expected=round(keu, 2), actual=f,
        )
