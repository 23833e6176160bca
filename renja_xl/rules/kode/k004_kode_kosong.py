"""K004 kode-kosong: a data row with an uraian and a number but no kode."""

from __future__ import annotations

from ..registry import Dok, aturan
from .common import JENIS_BERKODE
from .saran import saran_kode


@aturan(
    "K004", "kode-kosong", "error",
    id=Dok(
        judul="Kode kosong",
        apa="Pada tabel yang mempunyai kolom kode (rencana, evaluasi, realisasi), baris data yang mempunyai "
        "uraian dan angka (target atau pagu) tetapi tanpa kode. Baris JUMLAH/TOTAL tidak termasuk. Tabel "
        "tanpa kolom kode (mis. Tabel 2.2) tidak diperiksa.",
        mengapa="Tanpa kode, baris tidak dapat dijumlahkan ke induknya, dicocokkan dengan nomenklatur, maupun "
        "dibandingkan dengan tabel lain; di SIPD baris seperti ini tidak dapat diinput.",
        contoh="Tabel 4.1: sub kegiatan \"Fasilitasi Pemberdayaan Sosial KAT\" dengan target 1 dan pagu "
        "Rp 2.998.301 tetapi sel kodenya kosong.",
        perbaikan="Isi kode sesuai nomenklatur (untuk contoh di atas: 1.06.02.2.01.0001).",
    ),
    en=Dok(
        judul="Missing kode",
        apa="In a table with a kode column (plan, evaluation, realisation), a data row with an uraian and a "
        "number (target or pagu) but no kode. JUMLAH/TOTAL rows are totals, not K004. Tables without a "
        "kode column (e.g. Tabel 2.2) are not checked.",
        mengapa="Without a kode the row cannot be added to its parent, matched to the nomenclature or compared "
        "with other tables; SIPD does not accept such a row.",
        contoh="Tabel 4.1: sub kegiatan \"Fasilitasi Pemberdayaan Sosial KAT\" with target 1 and pagu "
        "Rp 2.998.301 but empty kode cells.",
        perbaikan="Fill in the kode from the nomenclature (for the example above: 1.06.02.2.01.0001).",
    ),
    jenis=JENIS_BERKODE,
)
def periksa(ctx, t):
    if not t.has_kode:
        return
    cols = list(t.angka.values())
    for i in range(t.n):
        if t.kode[i] or i in t.kode_galat or t.kode_asli[i] or t.total[i] or t.level[i] in (
                "indikator", "organisasi", "akun"):
            continue
        if not t.uraian[i] or not any(k.nilai[i] is not None or i in k.galat for k in cols):
            continue
        saran = saran_kode(ctx, t, i)
        sid = f"; kemungkinan {saran.kode} ({saran.catatan_id})" if saran else ""
        sen = f"; probably {saran.kode} ({saran.catatan_en})" if saran else ""
        f = ctx.temuan(
            t, i, _kolom_kode(t, i),
            f"Baris '{t.uraian[i]}' mempunyai angka tetapi tidak mempunyai kode{sid}",
            f"Row '{t.uraian[i]}' has numbers but no kode{sen}",
            saran=saran.kode if saran else None,
        )
        if saran:
            f.keyakinan, f.sumber_saran = saran.keyakinan, saran.sumber
        yield f


def _kolom_kode(t, i):
    """The kode column's cell on row ``i`` (from the column map)."""
    huruf = next((p.huruf for p in t.peta if p.peran.startswith("kode")), None)
    if not huruf:
        return None
    return f"{huruf.split(':')[0].split(',')[0]}{t.baris[i]}"
