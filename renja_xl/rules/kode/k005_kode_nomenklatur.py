"""K005 kode-nomenklatur: a kode not in the decree, or a name that differs from the official one."""

from __future__ import annotations

from ...nomenklatur.data import normal_nama
from ..registry import Dok, aturan
from ..struktur import dalam_hierarki
from .common import JENIS_BERKODE
from .saran import bidang_tabel


@aturan(
    "K005", "kode-nomenklatur", "warning",
    butuh_nomenklatur=True,
    id=Dok(
        judul="Kode atau nama tidak sesuai nomenklatur",
        apa="Dengan nomenklatur dimuat (`--nomenklatur BERKAS`): program, kegiatan atau sub kegiatan yang "
        "kodenya tidak ada di nomenklatur, atau uraiannya berbeda dari nama resmi (setelah huruf besar/kecil, "
        "spasi dan tanda baca disamakan; kata \"Program\"/\"Kegiatan\" di depan diabaikan). Nama resmi "
        "disebutkan, dan bila uraian itu adalah nama resmi kode lain, kode itu juga disebutkan. Program "
        "penunjang generik `X.XX.01…` berlaku untuk bidang setiap perangkat daerah.",
        mengapa="Setiap sub kegiatan dalam Renja harus salah satu dari nomenklatur Kepmendagri dengan namanya; "
        "SIPD menolak kode yang tidak ada, dan nama yang berbeda menandakan kode yang tertukar.",
        contoh="1.06.02.2.03.04 bernama \"Peningkatan Kemampuan Sumber Daya Manusia dan Penguatan Lembaga Konsultasi "
        "Kesejahteraan Keluarga (LK3)\", padahal nomenklatur 1.06.02.2.03.0004 adalah \"Peningkatan Kemampuan "
        "Potensi Sumber Kesejahteraan Sosial Kelembagaan Masyarakat Kewenangan Kabupaten/Kota\" (nama itu "
        "milik 1.06.02.2.03.0005).",
        perbaikan="Pakai kode dan nama persis seperti nomenklatur yang berlaku (`renja-xl nomenklatur cari TEKS`).",
    ),
    en=Dok(
        judul="Kode or name not in the nomenclature",
        apa="With a nomenclature loaded (`--nomenklatur FILE`): a program, kegiatan or sub kegiatan whose kode is "
        "not in it, or whose uraian differs from the official name (after normalising case, spaces and "
        "punctuation; a leading \"Program\"/\"Kegiatan\" is ignored). The official name is reported, and when "
        "the uraian is the official name of another kode, that kode too. The generic support programme "
        "`X.XX.01…` applies to every office's bidang.",
        mengapa="Every sub kegiatan in a Renja must be one of the decree's, with its name; SIPD rejects unknown "
        "codes, and a different name means codes were swapped.",
        contoh="1.06.02.2.03.04 is named \"Peningkatan Kemampuan Sumber Daya Manusia dan Penguatan Lembaga Konsultasi "
        "Kesejahteraan Keluarga (LK3)\", but the decree's 1.06.02.2.03.0004 is \"Peningkatan Kemampuan Potensi "
        "Sumber Kesejahteraan Sosial Kelembagaan Masyarakat Kewenangan Kabupaten/Kota\" (that name belongs to "
        "1.06.02.2.03.0005).",
        perbaikan="Use the kode and name exactly as the current nomenclature has them (`renja-xl nomenklatur cari TEXT`).",
    ),
    jenis=JENIS_BERKODE,
)
def periksa(ctx, t):
    nomen = ctx.nomenklatur
    bidang = bidang_tabel(t)
    for i in range(t.n):
        level = t.level[i]
        if level not in ("program", "kegiatan", "sub_kegiatan") or not dalam_hierarki(t, i):
            continue
        if t.rincian[i] is not None and i > 0 and t.kunci[i - 1] == t.kunci[i]:
            continue  # a second detail line of the same sub kegiatan: said once
        kode, uraian = t.kode[i], t.uraian[i]
        e = nomen.cari_kode(kode)
        if e is None:
            hit = nomen.pasti(uraian, bidang=bidang, level=level) if uraian else None
            sid = f"; nama ini cocok dengan {hit.kode} \"{hit.entri.nama}\"" if hit else ""
            sen = f"; the name matches {hit.kode} \"{hit.entri.nama}\"" if hit else ""
            yield ctx.temuan(
                t, i, t.kode_sel[i],
                f"Kode {kode} tidak ada di nomenklatur{sid}",
                f"Kode {kode} is not in the nomenclature{sen}",
                saran=hit.kode if hit else None,
            )
            continue
        if not uraian or normal_nama(uraian) == normal_nama(e.nama) or t.rincian[i] is not None:
            continue
        lain = [k for k in nomen.nama_sama(uraian, bidang) if k != e.untuk_bidang(bidang)]
        sid = f" (uraian ini adalah nama resmi {', '.join(lain)})" if lain else ""
        sen = f" (this uraian is the official name of {', '.join(lain)})" if lain else ""
        yield ctx.temuan(
            t, i, t.sel(t.uraian_huruf, i),
            f"Uraian berbeda dari nomenklatur {e.untuk_bidang(bidang)}: \"{e.nama}\"{sid}",
            f"The uraian differs from the nomenclature's {e.untuk_bidang(bidang)}: \"{e.nama}\"{sen}",
            expected=e.nama, actual=uraian, saran=e.nama,
        )
