"""S001 satuan-tidak-dikenal: a unit that is neither a known unit nor an accepted abbreviation."""

from __future__ import annotations

from ..registry import Dok, aturan
from .common import JENIS_SATUAN, sel_satuan
from .s005_satuan_beda_nomenklatur import satuan_baku


@aturan(
    "S001", "satuan-tidak-dikenal", "warning",
    id=Dok(
        judul="Satuan tidak dikenal",
        apa="Satuan yang bukan satuan baku maupun singkatan yang lazim. Bila mirip satuan yang dikenal "
        "(salah ketik), disarankan satuan terdekat. Satuan daerah sendiri dapat ditambahkan di konfigurasi "
        "(`[satuan_tambahan]`).",
        mengapa="Satuan yang salah ketik tidak dapat dibandingkan antartabel maupun dengan nomenklatur, dan "
        "tercetak apa adanya di dokumen resmi.",
        contoh="Tabel 4.1: `Lpaoran` (maksudnya Laporan), `Kelaurga` (Keluarga), `Sertifkat` (Sertifikat).",
        perbaikan="Ganti dengan satuan yang disarankan, atau pilih dari daftar satuan (dropdown) di workbook master.",
    ),
    en=Dok(
        judul="Unknown unit",
        apa="A unit that is neither a standard unit nor a common abbreviation. When it looks like a known unit "
        "(a typo), the closest one is suggested. Regional units can be added in the config "
        "(`[satuan_tambahan]`).",
        mengapa="A mistyped unit cannot be compared between tables or with the nomenclature, and is printed as is "
        "in an official document.",
        contoh="Tabel 4.1: `Lpaoran` (meaning Laporan), `Kelaurga` (Keluarga), `Sertifkat` (Sertifikat).",
        perbaikan="Replace it with the suggested unit, or pick it from the unit list (dropdown) of the master workbook.",
    ),
    jenis=JENIS_SATUAN,
)
def periksa(ctx, t):
    kamus = ctx.kamus
    nomen = ctx.nomenklatur
    for i in range(t.n):
        baku = None
        if nomen is not None and t.level[i] == "sub_kegiatan" and t.kode[i]:
            e = nomen.cari_kode(t.kode[i])
            baku = satuan_baku(kamus, e.satuan, tebak=False) if e is not None and e.satuan else None
        for text, cell in sel_satuan(t, i):
            b = kamus.baca(text)
            if b.status not in ("salah_ketik", "tidak_dikenal"):
                continue
            if nomen is not None and nomen.satuan_dikenal(text):
                continue  # a unit the decree itself uses
            if baku is not None:
                typo_id = f"mungkin maksudnya {b.saran}; " if b.saran and b.saran != baku else ""
                typo_en = f"probably {b.saran}; " if b.saran and b.saran != baku else ""
                yield ctx.temuan(
                    t, i, cell,
                    f"Satuan '{text}' tidak dikenal; {typo_id}satuan nomenklatur: {baku}",
                    f"Unknown unit '{text}'; {typo_en}the nomenclature's unit: {baku}",
                    actual=text, expected=baku, saran=baku,
                )
            elif b.saran:
                yield ctx.temuan(
                    t, i, cell,
                    f"Satuan '{text}' tidak dikenal; mungkin maksudnya {b.saran}",
                    f"Unknown unit '{text}'; probably {b.saran}",
                    actual=text, expected=b.saran, saran=b.saran,
                )
            else:
                yield ctx.temuan(
                    t, i, cell,
                    f"Satuan '{text}' tidak dikenal",
                    f"Unknown unit '{text}'",
                    actual=text,
                )
