"""S005 satuan-beda-nomenklatur: a sub kegiatan's unit differs from the decree's."""

from __future__ import annotations

from ...core.satuan import kunci_satuan
from ..registry import Dok, aturan


def satuan_baku(kamus, teks: str, tebak: bool = True) -> str:
    """A unit in the form units are compared: canonical (aliases and typos resolved) or as written."""
    b = kamus.baca(teks, tebak)
    return b.efektif or teks.strip()


@aturan(
    "S005", "satuan-beda-nomenklatur", "warning",
    butuh_nomenklatur=True,
    id=Dok(
        "Satuan berbeda dari nomenklatur",
        "Dengan nomenklatur dimuat: satuan sub kegiatan berbeda dari satuan yang ditetapkan nomenklatur untuk "
        "kode itu. Huruf besar/kecil, singkatan yang dikenal (Dok, OB …) dan salah ketik yang pasti (Lpaoran) "
        "disamakan dulu: `laporan` atau `ОВ` (Orang/bulan) bukan temuan.",
        "Nomenklatur menetapkan indikator dan satuan setiap sub kegiatan; satuan lain membuat target tidak "
        "dapat dibandingkan antardaerah dan ditolak saat input SIPD.",
        "1.06.01.2.01.01 Penyusunan Dokumen Perencanaan: Renja memakai Jenis, nomenklatur Dokumen.",
        "Ganti satuan dengan satuan nomenklatur (dan sesuaikan targetnya).",
    ),
    en=Dok(
        "Unit differs from the nomenclature",
        "With a nomenclature loaded: the sub kegiatan's unit differs from the unit the decree sets for that "
        "kode. Case, known abbreviations (Dok, OB …) and certain typos (Lpaoran) are normalised first: "
        "`laporan` or `ОВ` (Orang/bulan) are not findings.",
        "The decree sets each sub kegiatan's indicator and unit; another unit makes targets incomparable "
        "between regions and is rejected by SIPD.",
        "1.06.01.2.01.01 Penyusunan Dokumen Perencanaan: the Renja uses Jenis, the decree Dokumen.",
        "Use the decree's unit (and adjust the target).",
    ),
)
def periksa(ctx):
    nomen = ctx.nomenklatur
    kamus = ctx.kamus
    for tabel in ctx.tabel("rencana", "evaluasi"):
        for row in tabel.rows:
            if row.level != "sub_kegiatan" or row.satuan is None or not row.satuan.text.strip():
                continue
            e = nomen.cari_kode(row.kode)
            if e is None or not e.satuan:
                continue
            mine, theirs = satuan_baku(kamus, row.satuan.text), satuan_baku(kamus, e.satuan, tebak=False)
            if kunci_satuan(mine) == kunci_satuan(theirs):
                continue
            yield ctx.temuan(
                tabel, row, row.satuan.cell,
                f"Satuan {row.satuan.text} berbeda dari nomenklatur ({theirs})",
                f"Unit {row.satuan.text} differs from the nomenclature ({theirs})",
                expected=theirs, actual=row.satuan.text, saran=theirs,
            )
