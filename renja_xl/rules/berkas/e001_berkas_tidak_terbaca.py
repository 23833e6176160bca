"""E001 berkas-tidak-terbaca: the file cannot be read. Raised by the checker, documented here."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "E001", "berkas-tidak-terbaca", "error",
    id=Dok(
        judul="Berkas tidak terbaca",
        apa="Berkas tidak dapat dibaca: rusak atau terpotong, bukan spreadsheet, dilindungi kata sandi, atau "
        "formatnya tidak didukung (didukung: .xlsx, .xlsm, .xlsb, .xls, .ods). Temuan tingkat berkas; "
        "pemeriksaan berkas lain tetap berjalan.",
        mengapa="Kiriman yang tidak dapat dibuka tidak dapat diperiksa dan harus diminta ulang.",
        contoh="`renja_dinkes.xlsx`: berkas dilindungi kata sandi.",
        perbaikan="Minta berkas tanpa kata sandi (atau buka proteksinya), simpan ulang dari Excel sebagai .xlsx.",
    ),
    en=Dok(
        judul="Unreadable file",
        apa="The file cannot be read: corrupt or truncated, not a spreadsheet, password-protected, or an "
        "unsupported format (supported: .xlsx, .xlsm, .xlsb, .xls, .ods). A file-level finding; the other "
        "files are still checked.",
        mengapa="A submission that cannot be opened cannot be checked and has to be requested again.",
        contoh="`renja_dinkes.xlsx`: the file is password-protected.",
        perbaikan="Ask for the file without a password (or remove the protection), save it again from Excel as .xlsx.",
    ),
    berkas=True,
)
def periksa(ctx):
    return ()  # the checker reports E001 when the reader fails: there are no tables to look at
