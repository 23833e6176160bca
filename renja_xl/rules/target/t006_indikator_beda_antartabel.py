"""T006 indikator-beda-antartabel: one kode, differently worded indicators in two plan tables."""

from __future__ import annotations

from ...core.nama import sama_nama
from ..kewajaran.common import pendek
from ..kewajaran.p008_indikator_tidak_wajar import kode_dalam
from ..registry import Dok, aturan
from ..struktur import nilai_antartabel


@aturan(
    "T006", "indikator-beda-antartabel", "warning",
    id=Dok(
        judul="Indikator berbeda antartabel",
        apa="Satu kode (atau, bila kodenya bergeser, satu nama: K007) mempunyai rumusan indikator yang berbeda di "
        "dua tabel rencana dalam workbook yang sama (mis. Tabel 4.1 dan Tabel 4.2). Perbedaan huruf besar/kecil, "
        "spasi, tanda baca, singkatan dan salah ketik satu-dua huruf tidak dihitung; sel indikator yang kosong atau "
        "berisi kode dilaporkan oleh P008. Tabel rencana pertama menjadi acuan.",
        mengapa="Target hanya dapat dibandingkan antartabel bila mengukur hal yang sama; indikator yang berbeda "
        "berarti salah satu tabel memakai rumusan lama atau indikator baris lain.",
        contoh="1.06.07.2.01.02 Pemeliharaan Taman Makam Pahlawan: Tabel 4.1 'Jumlah Hari yang terlaksana', Tabel 4.2 "
        "'Luas TMP yang dipelihara'.",
        perbaikan="Pakai satu rumusan indikator (sesuai Renstra/nomenklatur) di semua tabel.",
    ),
    en=Dok(
        judul="Indicator differs between tables",
        apa="One kode (or, when its kode is shifted, one name: K007) carries differently worded indicators in two "
        "plan tables of the same workbook (e.g. Tabel 4.1 and Tabel 4.2). Case, spaces, punctuation, abbreviations "
        "and a typo of one or two letters do not count; an empty indicator cell or one holding a kode is P008's. "
        "The first plan table is the reference.",
        mengapa="Targets can be compared across tables only when they measure the same thing; a different indicator "
        "means one table uses an old wording or another row's indicator.",
        contoh="1.06.07.2.01.02 Pemeliharaan Taman Makam Pahlawan: Tabel 4.1 'Jumlah Hari yang terlaksana', Tabel 4.2 "
        "'Luas TMP yang dipelihara'.",
        perbaikan="Use one indicator wording (from the Renstra/nomenclature) in every table.",
    ),
    jenis=("rencana", "renstra", "perubahan"),
    lintas=True,
)
def periksa(ctx, tables):
    def cells(t, i):
        text = t.indikator[i].strip()
        if not text or t.indikator_huruf is None or kode_dalam(text) is not None:
            return {}
        return {"indikator": text}

    for ref_t, ref_i, t, i, _k, ref_text, text in nilai_antartabel(tables, cells):
        if sama_nama(ref_text, text) is not False:
            continue
        ref_cell, cell = ref_t.sel(ref_t.indikator_huruf, ref_i), t.sel(t.indikator_huruf, i)
        yield ctx.temuan(
            t, i, cell,
            f"Indikator '{pendek(text, 70)}' berbeda dengan {ref_t.sheet} ({ref_cell}) '{pendek(ref_text, 70)}'",
            f"Indicator '{pendek(text, 70)}' differs from {ref_t.sheet} ({ref_cell}) '{pendek(ref_text, 70)}'",
            expected=ref_text, actual=text, terkait=[f"{ref_t.sheet}!{ref_cell}"],
        )
