"""S001 satuan-tidak-dikenal: a unit that is neither a known unit nor an accepted abbreviation."""

from __future__ import annotations

from ..registry import Dok, aturan
from .common import sel_satuan
from .s005_satuan_beda_nomenklatur import satuan_baku


@aturan(
    "S001", "satuan-tidak-dikenal", "warning",
    id=Dok(
        "Satuan tidak dikenal",
        "Satuan yang bukan satuan baku maupun singkatan yang lazim. Bila mirip satuan yang dikenal "
        "(salah ketik), disarankan satuan terdekat. Satuan daerah sendiri dapat ditambahkan di konfigurasi "
        "(`[satuan_tambahan]`).",
        "Satuan yang salah ketik tidak dapat dibandingkan antartabel maupun dengan nomenklatur, dan "
        "tercetak apa adanya di dokumen resmi.",
        "Tabel 4.1: `Lpaoran` (maksudnya Laporan), `Kelaurga` (Keluarga), `Sertifkat` (Sertifikat).",
        "Ganti dengan satuan yang disarankan, atau pilih dari daftar satuan (dropdown) di workbook master.",
    ),
    en=Dok(
        "Unknown unit",
        "A unit that is neither a standard unit nor a common abbreviation. When it looks like a known unit "
        "(a typo), the closest one is suggested. Regional units can be added in the config "
        "(`[satuan_tambahan]`).",
        "A mistyped unit cannot be compared between tables or with the nomenclature, and is printed as is "
        "in an official document.",
        "Tabel 4.1: `Lpaoran` (meaning Laporan), `Kelaurga` (Keluarga), `Sertifkat` (Sertifikat).",
        "Replace it with the suggested unit, or pick it from the unit list (dropdown) of the master workbook.",
    ),
)
def periksa(ctx):
    kamus = ctx.kamus
    nomen = ctx.nomenklatur
    for tabel in ctx.tabel("rencana", "evaluasi", "review"):
        for row in tabel.rows:
            baku = None
            if nomen is not None and row.level == "sub_kegiatan":
                e = nomen.cari_kode(row.kode)
                baku = satuan_baku(kamus, e.satuan, tebak=False) if e is not None and e.satuan else None
            for t in sel_satuan(row):
                b = kamus.baca(t.text)
                if b.status not in ("salah_ketik", "tidak_dikenal"):
                    continue
                if baku is not None:
                    typo_id = f"mungkin maksudnya {b.saran}; " if b.saran and b.saran != baku else ""
                    typo_en = f"probably {b.saran}; " if b.saran and b.saran != baku else ""
                    yield ctx.temuan(
                        tabel, row, t.cell,
                        f"Satuan '{t.text}' tidak dikenal; {typo_id}satuan nomenklatur: {baku}",
                        f"Unknown unit '{t.text}'; {typo_en}the nomenclature's unit: {baku}",
                        actual=t.text, expected=baku, saran=baku,
                    )
                elif b.saran:
                    yield ctx.temuan(
                        tabel, row, t.cell,
                        f"Satuan '{t.text}' tidak dikenal; mungkin maksudnya {b.saran}",
                        f"Unknown unit '{t.text}'; probably {b.saran}",
                        actual=t.text, expected=b.saran, saran=b.saran,
                    )
                else:
                    yield ctx.temuan(
                        tabel, row, t.cell,
                        f"Satuan '{t.text}' tidak dikenal",
                        f"Unknown unit '{t.text}'",
                        actual=t.text,
                    )
