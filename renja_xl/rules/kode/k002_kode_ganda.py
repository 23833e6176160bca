"""K002 kode-ganda: the same full kode on two data rows of one table."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "K002", "kode-ganda", "error",
    id=Dok(
        "Kode ganda dalam satu tabel",
        "Kode lengkap yang sama muncul pada dua baris data dalam satu tabel (sub kegiatan `.01` dan "
        "`.0001` dianggap sama).",
        "Setiap program, kegiatan dan sub kegiatan hanya boleh satu kali dalam satu tabel. Baris ganda "
        "menggandakan pagu induknya dan membuat perbandingan antartabel tidak pasti.",
        "`1.06.01.2.01.0002` pada baris 12 dan lagi pada baris 19.",
        "Hapus baris yang ganda, atau perbaiki kode salah satunya sesuai nomenklatur.",
    ),
    en=Dok(
        "Duplicate kode in a table",
        "The same full kode on two data rows of one table (sub kegiatan `.01` and `.0001` count as the same).",
        "Each program, kegiatan and sub kegiatan appears once per table. A duplicate row doubles its "
        "parent's pagu and makes comparisons between tables uncertain.",
        "`1.06.01.2.01.0002` on row 12 and again on row 19.",
        "Delete the duplicate row, or correct one of the codes to the nomenclature.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana", "evaluasi", "realisasi"):
        first: dict[str, int] = {}
        for row in tabel.rows:
            if not row.kode_kunci:
                continue
            if row.kode_kunci in first:
                yield ctx.temuan(
                    tabel, row, row.kode_cell,
                    f"Kode {row.kode} sudah ada di baris {first[row.kode_kunci]}",
                    f"Kode {row.kode} already appears on row {first[row.kode_kunci]}",
                    expected=None, actual=row.kode,
                )
            else:
                first[row.kode_kunci] = row.row
