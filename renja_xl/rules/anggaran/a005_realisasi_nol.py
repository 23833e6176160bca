"""A005 realisasi-nol: anggaran > 0 and realisasi 0 or empty; severity follows the period."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from ..struktur import daun


def tingkat(periode: str | None) -> str:
    return "info" if periode in ("TW1", "TW2") else "warning"


@aturan(
    "A005", "realisasi-nol", "warning",
    id=Dok(
        judul="Realisasi nol",
        apa="Anggaran lebih dari 0 tetapi realisasinya 0 atau kosong. Tingkatnya mengikuti periode laporan "
        "(`--periode TW1..TW4`, atau dibaca dari judul \"s/d Triwulan …\"): info pada TW1–TW2; peringatan "
        "pada TW3, TW4 dan bila periode tidak diketahui.",
        mengapa="Sub kegiatan yang belum menyerap anggaran menjelang akhir tahun berisiko tidak terlaksana; "
        "atau realisasinya belum dicatat.",
        contoh="Koordinasi dan Penyusunan Dokumen RKA-SKPD: anggaran Rp 1.185.270, realisasi Rp 0.",
        perbaikan="Isi realisasi dari SP2D, atau jelaskan di kolom keterangan; bila memang diterima, catat di sheet "
        "Pengecualian.",
    ),
    en=Dok(
        judul="Zero realisation",
        apa="The budget is above 0 but the realisation is 0 or empty. The severity follows the reporting "
        "period (`--periode TW1..TW4`, else read from a title \"s/d Triwulan …\"): info at TW1–TW2; warning "
        "at TW3, TW4 and when no period is known.",
        mengapa="A sub kegiatan that has not spent its budget late in the year may not be carried out; or its "
        "spending was not recorded.",
        contoh="Koordinasi dan Penyusunan Dokumen RKA-SKPD: anggaran Rp 1.185.270, realisasi Rp 0.",
        perbaikan="Fill in the realisation from the SP2D, or explain it in the remarks; if accepted, list it in the "
        "Pengecualian sheet.",
    ),
    jenis=("realisasi",),
)
def periksa(ctx, t):
    periode = ctx.config.periode or t.periode
    sev = tingkat(periode)
    ang = next((k for k in t.kolom("pagu") if k.peran.bagian in ("", "total")), None)
    real = next((k for k in t.kolom("realisasi_rp") if k.peran.bagian in ("", "total")), None)
    if ang is None or real is None:
        return
    # early in the year (TW1) nothing realised is normal unless money was planned by then: with a plan
    # column (rencana keuangan, anggaran kas) only rows whose plan is above 0 are reported
    rencana = next(iter(t.kolom("rencana_rp")), None) if periode == "TW1" else None
    for i in range(t.n):
        a = ang.nilai[i]
        if a is None or a <= 0 or t.total[i] or not daun(t, i) or not real.pasti(i):
            continue
        r = real.nilai[i]
        if r is not None and r != 0:
            continue
        p = f" ({periode})" if periode else ""
        if rencana is not None:
            rc = rencana.nilai[i]
            if not rc or rc <= 0:
                continue
            yield ctx.temuan(
                t, i, t.sel(real, i),
                f"Realisasi 0 padahal rencana s.d. periode ini {rp(rc)} (anggaran {rp(a)}){p}",
                f"Realisation 0 while {rp(rc)} was planned by this period (budget {rp(a)}){p}",
                severity="warning", expected=None, actual=r,
            )
            continue
        yield ctx.temuan(
            t, i, t.sel(real, i),
            f"Realisasi 0 dari anggaran {rp(a)}{p}",
            f"Realisation 0 of a budget of {rp(a)}{p}",
            severity=sev, expected=None, actual=r,
        )
