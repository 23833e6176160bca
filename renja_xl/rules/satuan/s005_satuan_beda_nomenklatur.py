"""S005 satuan-beda-nomenklatur: a sub kegiatan's unit differs from the decree's."""

from __future__ import annotations

from ...core.satuan import kunci_satuan
from ..registry import Dok, aturan


def satuan_baku(kamus, teks: str, tebak: bool = True) -> str:
    b = kamus.baca(teks, tebak)
    return b.efektif or teks.strip()


@aturan(
    "S005", "satuan-beda-nomenklatur", "warning",
    butuh_nomenklatur=True,
    id=Dok(
        judul="Satuan berbeda dari nomenklatur",
        apa="Dengan nomenklatur dimuat: satuan sub kegiatan berbeda dari satuan yang ditetapkan nomenklatur untuk "
        "kode itu. Huruf besar/kecil, singkatan yang dikenal (Dok, OB …) dan salah ketik yang pasti (Lpaoran) "
        "disamakan dulu: `laporan` atau `ОВ` (Orang/bulan) bukan temuan.",
        mengapa="Nomenklatur menetapkan indikator dan satuan setiap sub kegiatan; satuan lain membuat target tidak "
        "dapat dibandingkan antardaerah dan ditolak saat input SIPD.",
        contoh="1.06.01.2.01.01 Penyusunan Dokumen Perencanaan: Renja memakai Jenis, nomenklatur Dokumen.",
        perbaikan="Ganti satuan dengan satuan nomenklatur (dan sesuaikan targetnya).",
    ),
    en=Dok(
        judul="Unit differs from the nomenclature",
        apa="With a nomenclature loaded: the sub kegiatan's unit differs from the unit the decree sets for that "
        "kode. Case, known abbreviations (Dok, OB …) and certain typos (Lpaoran) are normalised first: "
        "`laporan` or `ОВ` (Orang/bulan) are not findings.",
        mengapa="The decree sets each sub kegiatan's indicator and unit; another unit makes targets incomparable "
        "between regions and is rejected by SIPD.",
        contoh="1.06.01.2.01.01 Penyusunan Dokumen Perencanaan: the Renja uses Jenis, the decree Dokumen.",
        perbaikan="Use the decree's unit (and adjust the target).",
    ),
    jenis=("rencana", "renstra", "perubahan", "evaluasi", "e81"),
)
def periksa(ctx, t):
    nomen = ctx.nomenklatur
    kamus = ctx.kamus
    for i in range(t.n):
        text = t.satuan[i]
        if t.level[i] != "sub_kegiatan" or not text or not text.strip() or not t.kode[i]:
            continue
        e = nomen.cari_kode(t.kode[i])
        if e is None or not e.satuan:
            continue
        mine, theirs = satuan_baku(kamus, text), satuan_baku(kamus, e.satuan, tebak=False)
        if kunci_satuan(mine) == kunci_satuan(theirs):
            continue
        yield ctx.temuan(
            t, i, t.satuan_sel[i],
            f"Satuan {text} berbeda dari nomenklatur ({theirs})",
            f"Unit {text} differs from the nomenclature ({theirs})",
            expected=theirs, actual=text, saran=theirs,
        )
