"""E002 tabel-tidak-dikenali: no known Renja table in the workbook."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "E002", "tabel-tidak-dikenali", "warning",
    id=Dok(
        judul="Tabel tidak dikenali",
        apa="Workbook yang tidak memuat satu pun tabel Renja yang dikenali (rencana, evaluasi, SPM, review, "
        "realisasi). Disebutkan sheet yang diperiksa. Tabel dikenali dari kata-kata header-nya (Kode, "
        "Program/Kegiatan, Indikator, Satuan, Target, Pagu, Realisasi …), bukan dari nama sheet.",
        mengapa="Berkas yang salah (mis. RKA rincian belanja) atau tabel tanpa header tidak dapat diperiksa; "
        "lebih baik dikatakan daripada ditebak.",
        contoh="`rka_rincian_belanja.xlsx`: sheet 'renja dpa' berisi kode akun dan komponen belanja.",
        perbaikan="Kirim berkas Renja yang benar, atau beri tabel header yang lengkap.",
    ),
    en=Dok(
        judul="No table recognised",
        apa="A workbook in which no known Renja table (plan, evaluation, SPM, review, realisation) was "
        "recognised; the sheets looked at are listed. Tables are recognised by their header words (Kode, "
        "Program/Kegiatan, Indikator, Satuan, Target, Pagu, Realisasi …), not by sheet names.",
        mengapa="A wrong file (e.g. an RKA expenditure detail) or a table without a header cannot be checked; "
        "better said than guessed.",
        contoh="`rka_rincian_belanja.xlsx`: sheet 'renja dpa' holds account codes and expense items.",
        perbaikan="Send the right Renja file, or give the table a complete header.",
    ),
    berkas=True,
)
def periksa(ctx):
    if ctx.tables:
        return
    names = ", ".join(f"'{s}'" for s in ctx.sheets) or "—"
    yield ctx.temuan(
        None, None, None,
        f"Tidak ada tabel Renja yang dikenali (sheet yang diperiksa: {names})",
        f"No Renja table recognised (sheets looked at: {names})",
    )
