"""A005 realisasi-nol: anggaran > 0 and realisasi 0 or empty; severity follows the period."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan


def tingkat(periode: str | None) -> str:
    """info at TW1–TW2 (spending usually starts late), warning at TW3, TW4 or when unknown."""
    return "info" if periode in ("TW1", "TW2") else "warning"


@aturan(
    "A005", "realisasi-nol", "warning",
    id=Dok(
        "Realisasi nol",
        "Anggaran lebih dari 0 tetapi realisasinya 0 atau kosong. Tingkatnya mengikuti periode laporan "
        "(`--periode TW1..TW4`, atau dibaca dari judul \"s/d Triwulan …\"): info pada TW1–TW2; peringatan "
        "pada TW3, TW4 dan bila periode tidak diketahui.",
        "Sub kegiatan yang belum menyerap anggaran menjelang akhir tahun berisiko tidak terlaksana; "
        "atau realisasinya belum dicatat.",
        "Koordinasi dan Penyusunan Dokumen RKA-SKPD: anggaran Rp 1.185.270, realisasi Rp 0.",
        "Isi realisasi dari SP2D, atau jelaskan di kolom keterangan; bila memang diterima, catat di sheet "
        "Pengecualian.",
    ),
    en=Dok(
        "Zero realisation",
        "The budget is above 0 but the realisation is 0 or empty. The severity follows the reporting "
        "period (`--periode TW1..TW4`, else read from a title \"s/d Triwulan …\"): info at TW1–TW2; warning "
        "at TW3, TW4 and when no period is known.",
        "A sub kegiatan that has not spent its budget late in the year may not be carried out; or its "
        "spending was not recorded.",
        "Koordinasi dan Penyusunan Dokumen RKA-SKPD: anggaran Rp 1.185.270, realisasi Rp 0.",
        "Fill in the realisation from the SP2D, or explain it in the remarks; if accepted, list it in the "
        "Pengecualian sheet.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("realisasi"):
        periode = ctx.config.periode or tabel.periode
        sev = tingkat(periode)
        for row in tabel.rows:
            a, r = row.anggaran, row.realisasi
            if a is None or a.value is None or a.value <= 0 or (r is not None and r.tidak_pasti):
                continue
            if r is not None and (r.tidak_pasti or (r.value or 0) != 0):
                continue
            cell = r.cell if r is not None else a.cell
            p = f" ({periode})" if periode else ""
            yield ctx.temuan(
                tabel, row, cell,
                f"Realisasi 0 dari anggaran {rp(a.value)}{p}",
                f"Realisation 0 of a budget of {rp(a.value)}{p}",
                severity=sev, expected=None, actual=r.value if r is not None else None,
            )
