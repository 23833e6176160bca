"""K004 kode-kosong: a data row with an uraian and a number but no kode."""

from __future__ import annotations

from ...core.models import EvaluasiBaris, RealisasiBaris, RencanaBaris
from ..registry import Dok, aturan
from .saran import saran_kode


def _ada_angka(row) -> bool:
    if isinstance(row, RencanaBaris):
        vals = [*row.target.values(), *row.pagu.values()]
    elif isinstance(row, EvaluasiBaris):
        vals = list(row.kolom.values())
    elif isinstance(row, RealisasiBaris):
        vals = [row.anggaran, row.realisasi]
    else:
        return False
    return any(v is not None and not v.kosong for v in vals)


@aturan(
    "K004", "kode-kosong", "error",
    id=Dok(
        "Kode kosong",
        "Pada tabel yang mempunyai kolom kode (rencana, evaluasi, realisasi), baris data yang mempunyai "
        "uraian dan angka (target atau pagu) tetapi tanpa kode. Baris JUMLAH/TOTAL tidak termasuk. Tabel "
        "tanpa kolom kode (mis. Tabel 2.2) tidak diperiksa.",
        "Tanpa kode, baris tidak dapat dijumlahkan ke induknya, dicocokkan dengan nomenklatur, maupun "
        "dibandingkan dengan tabel lain; di SIPD baris seperti ini tidak dapat diinput.",
        "Tabel 4.1: sub kegiatan \"Fasilitasi Pemberdayaan Sosial KAT\" dengan target 1 dan pagu "
        "Rp 2.998.301 tetapi sel kodenya kosong.",
        "Isi kode sesuai nomenklatur (untuk contoh di atas: 1.06.02.2.01.0001).",
    ),
    en=Dok(
        "Missing kode",
        "In a table with a kode column (plan, evaluation, realisation), a data row with an uraian and a "
        "number (target or pagu) but no kode. JUMLAH/TOTAL rows are totals, not K004. Tables without a "
        "kode column (e.g. Tabel 2.2) are not checked.",
        "Without a kode the row cannot be added to its parent, matched to the nomenclature or compared "
        "with other tables; SIPD does not accept such a row.",
        "Tabel 4.1: sub kegiatan \"Fasilitasi Pemberdayaan Sosial KAT\" with target 1 and pagu "
        "Rp 2.998.301 but empty kode cells.",
        "Fill in the kode from the nomenclature (for the example above: 1.06.02.2.01.0001).",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana", "evaluasi", "realisasi"):
        if not tabel.has_kode:
            continue
        for i, row in enumerate(tabel.rows):
            if row.kode or row.kode_galat or row.kode_asli or row.total:
                continue
            if not row.uraian or not _ada_angka(row):
                continue
            saran = saran_kode(ctx, tabel, i)
            sid = f"; kemungkinan {saran.kode} ({saran.catatan_id})" if saran else ""
            sen = f"; probably {saran.kode} ({saran.catatan_en})" if saran else ""
            t = ctx.temuan(
                tabel, row, row.kode_cell,
                f"Baris '{row.uraian}' mempunyai angka tetapi tidak mempunyai kode{sid}",
                f"Row '{row.uraian}' has numbers but no kode{sen}",
                saran=saran.kode if saran else None,
            )
            if saran:
                t.ekstra.update({"keyakinan": saran.keyakinan, "sumber_saran": saran.sumber})
            yield t
