"""F001 rentang-jumlah-salah: a parent's (or JUMLAH row's) sum formula covers other rows than its
children by kode."""

from __future__ import annotations

from ...core.kode import level_name
from ..anggaran.common import JENIS_UANG, rupiah
from ..context import rp
from ..registry import Dok, aturan
from ..struktur import nama_kolom
from .common import analisis_jumlah, pesan


@aturan(
    "F001", "rentang-jumlah-salah", "error",
    id=Dok(
        judul="Rumus jumlah tidak mencakup tepat rinciannya",
        apa="Rumus penjumlah di sel pagu (atau realisasi) sebuah bidang, program atau kegiatan, atau di baris "
        "JUMLAH, yang mencakup baris lain daripada anak-anaknya menurut kode: ada anak yang tertinggal (rentang "
        "`SUM` berhenti terlalu cepat), ada baris yang bukan anaknya ikut dijumlah (induk lain, bidang lain, baris "
        "akun, baris JUMLAH), atau ada baris yang dihitung dua kali (induk bersama rinciannya sendiri). Disebutkan "
        "baris yang tertinggal atau berlebih, uang yang dipertaruhkan, dan rumus yang benar. Rumus yang mencakup "
        "tepat anak-anaknya lewat jalan lain (`=H45+H46+H47`, `SUM` atas subtotal yang tepat, `SUBTOTAL` yang "
        "melewati baris tersaring atau baris `SUBTOTAL` lain) benar. Hanya rumus penjumlahan biasa (`+`, `SUM`, "
        "`SUBTOTAL(9,…)`, dibungkus `IFERROR(…;\"\")` atau `ROUND`) atas kolom yang sama yang dinilai; induk yang "
        "memiliki baris tanpa kode terbaca (K001/K004) dan baris yang salah tempat (K006) tidak dinilai di sini. "
        "Tingkat **galat** bila nilainya meleset; **peringatan** bila baris yang tertinggal masih kosong (nilainya "
        "sama sekarang, tetapi tidak akan mengikuti saat baris itu diisi).",
        mengapa="Angka induk yang salah karena rentang rumus tidak akan tertangkap dengan melihat angkanya saja: "
        "rumusnya terlihat benar, totalnya rapi, dan selisihnya berpindah ke setiap tahun yang rumusnya disalin. "
        "Rumus menunjukkan *mengapa* angkanya salah dan bagaimana memperbaikinya.",
        contoh="Kegiatan 1.03.02.2.02 (baris 44) berisi `=IFERROR(SUM(H47:H49),\"\")`, padahal sub kegiatannya "
        "di baris 45–49: baris 45–46 (Rp 11.457.800.000) tidak terhitung, di kelima kolom tahun.",
        perbaikan="Ganti rumusnya dengan rumus yang disarankan (`=SUM(H45:H49)`), atau jalankan **Hitung Ulang "
        "Rollup** di workbook master (rumus lama dicatat di Hasil Validasi).",
    ),
    en=Dok(
        judul="Sum formula does not cover exactly its breakdown",
        apa="The summing formula in the pagu (or realisation) cell of a bidang, program or kegiatan, or of a "
        "JUMLAH row, that covers other rows than its children by kode: a child left out (a `SUM` range that stops "
        "early), a row that is not its child added (another parent, another bidang, account lines, a JUMLAH row), "
        "or a row counted twice (a parent together with its own breakdown). It names the rows left out or added, "
        "the money at stake and the right formula. A formula that covers exactly the children by another route "
        "(`=H45+H46+H47`, a `SUM` of subtotals that are right, a `SUBTOTAL` skipping filtered rows or nested "
        "`SUBTOTAL`s) is right. Only plain sums (`+`, `SUM`, `SUBTOTAL(9,…)`, wrapped in `IFERROR(…,\"\")` or "
        "`ROUND`) down the same column are judged; parents a row without a readable kode belongs to (K001/K004) and "
        "misplaced rows (K006) are left to those rules. Severity **error** when the amount is off; **warning** when "
        "the rows left out are still empty (the amount is the same now but will not follow when they are filled).",
        mengapa="A parent amount that is wrong because of its formula's range is not caught by looking at numbers: "
        "the formula looks fine, the total is tidy, and the gap is copied into every year the formula was copied "
        "to. The formula says *why* the amount is wrong and how to fix it.",
        contoh="Kegiatan 1.03.02.2.02 (row 44) holds `=IFERROR(SUM(H47:H49),\"\")` while its sub kegiatan are on "
        "rows 45–49: rows 45–46 (Rp 11.457.800.000) are not counted, in all five year columns.",
        perbaikan="Replace the formula with the suggested one (`=SUM(H45:H49)`), or run **Hitung Ulang Rollup** in "
        "the master workbook (the old formula is kept in Hasil Validasi).",
    ),
    jenis=JENIS_UANG,
)
def periksa(ctx, t):
    for (_, p), a in sorted(analisis_jumlah(ctx, t).items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if a.benar:
            continue
        k = a.kolom
        id_apa, en_apa = pesan(t, a)
        if a.total:
            siapa_id, siapa_en = f"pada {t.uraian[p] or 'baris jumlah'}", t.uraian[p] or "totals row"
        else:
            lvl = level_name(t.level[p] or "")
            siapa_id, siapa_en = f"{lvl} {t.kode[p] or ''}".strip(), f"{lvl} {t.kode[p] or ''}".strip()
        kol_id, kol_en = nama_kolom(k, "id"), nama_kolom(k, "en")
        selisih = rupiah(a.selisih)
        shown = a.nilai if a.nilai is not None else a.nilai_rumus
        if selisih:
            akibat_id = (f"{kol_id} {siapa_id} menjadi {rp(shown)}, seharusnya {rp(a.harus)} "
                         f"(selisih {rp(abs(selisih))})")
            akibat_en = (f"{kol_en} of the {siapa_en} comes to {rp(shown)} instead of {rp(a.harus)} "
                         f"(difference {rp(abs(selisih))})")
        else:
            akibat_id = (f"{kol_id} {siapa_id} masih sama ({rp(shown)}) karena baris itu kosong, tetapi tidak akan "
                         "mengikuti bila diisi")
            akibat_en = (f"{kol_en} of the {siapa_en} is still right ({rp(shown)}) because those rows are empty, but "
                         "it will not follow when they are filled")
        f = ctx.temuan(
            t, p, t.sel(k, p),
            f"Rumus {a.rumus} {id_apa}: {akibat_id}; rumus yang benar {a.rumus_benar}",
            f"Formula {a.rumus} {en_apa}: {akibat_en}; the right formula is {a.rumus_benar}",
            severity=None if selisih else "warning",
            expected=a.rumus_benar, actual=a.rumus, saran=a.rumus_benar,
            kode=None if a.total else t.kode[p],
        )
        f.rumus, f.rumus_benar, f.selisih = a.rumus, a.rumus_benar, selisih
        f.baris_tertinggal = [t.baris[i] for i in a.hilang] or None
        f.baris_berlebih = [t.baris[i] for i in a.bukan_anak + a.ganda] or None
        yield f
