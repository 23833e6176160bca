"""A008 fisik-keuangan-timpang: physical and financial progress far apart."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "A008", "fisik-keuangan-timpang", "warning",
    id=Dok(
        "Fisik dan keuangan timpang",
        "Kemajuan fisik (% penyelesaian pekerjaan) dan realisasi keuangan (%) berselisih lebih dari 50 poin "
        "(ambang dapat diatur: `ambang.fisik_keuangan`). Persen keuangan diambil dari yang tertulis, atau "
        "dihitung dari realisasi/anggaran bila tidak tertulis.",
        "Pekerjaan selesai tanpa pembayaran, atau pembayaran tanpa pekerjaan, perlu dijelaskan sebelum "
        "diperiksa auditor.",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah: pekerjaan 100 %, realisasi keuangan Rp 0 (0 %).",
        "Perbarui angka yang tertinggal, atau jelaskan di kolom keterangan (mis. tagihan belum dibayar).",
    ),
    en=Dok(
        "Physical and financial progress apart",
        "Physical progress (% of work done) and financial realisation (%) differ by more than 50 points "
        "(threshold `ambang.fisik_keuangan`). The financial % is the stated one, or realisasi/anggaran when "
        "none is stated.",
        "Work done without payment, or payment without work, needs an explanation before an audit.",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah: work 100 %, financial realisation Rp 0 (0 %).",
        "Update the figure that lags behind, or explain it in the remarks (e.g. invoice not yet paid).",
    ),
)
def periksa(ctx):
    gap = ctx.config.ambang.fisik_keuangan
    for tabel in ctx.tabel("realisasi"):
        for row in tabel.rows:
            f = row.persen_fisik
            if f is None or f.value is None:
                continue
            if row.persen_keuangan is not None and row.persen_keuangan.value is not None:
                keu = row.persen_keuangan.value
            else:
                keu = tingkat_realisasi(row.realisasi.value if row.realisasi else None,
                                        row.anggaran.value if row.anggaran else None)
            if keu is None or abs(f.value - keu) <= gap:
                continue
            yield ctx.temuan(
                tabel, row, f.cell,
                f"Pekerjaan {angka(f.value)} % tetapi realisasi keuangan {angka(keu, 2)} % "
                f"(selisih {angka(abs(f.value - keu), 2)} poin)",
                f"Work {angka(f.value)} % but financial realisation {angka(keu, 2)} % "
                f"(gap {angka(abs(f.value - keu), 2)} points)",
                expected=round(keu, 2), actual=f.value,
            )
