"""K002 kode-ganda: the same full kode on two data rows of one table."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..struktur import dalam_hierarki
from .common import JENIS_BERKODE


@aturan(
    "K002", "kode-ganda", "error",
    id=Dok(
        judul="Kode ganda dalam satu tabel",
        apa="Kode lengkap yang sama muncul pada dua baris data dalam satu tabel (sub kegiatan `.01` dan "
        "`.0001` dianggap sama).",
        mengapa="Setiap program, kegiatan dan sub kegiatan hanya boleh satu kali dalam satu tabel. Baris ganda "
        "menggandakan pagu induknya dan membuat perbandingan antartabel tidak pasti.",
        contoh="`1.06.01.2.01.0002` pada baris 12 dan lagi pada baris 19.",
        perbaikan="Hapus baris yang ganda, atau perbaiki kode salah satunya sesuai nomenklatur.",
    ),
    en=Dok(
        judul="Duplicate kode in a table",
        apa="The same full kode on two data rows of one table (sub kegiatan `.01` and `.0001` count as the same).",
        mengapa="Each program, kegiatan and sub kegiatan appears once per table. A duplicate row doubles its "
        "parent's pagu and makes comparisons between tables uncertain.",
        contoh="`1.06.01.2.01.0002` on row 12 and again on row 19.",
        perbaikan="Delete the duplicate row, or correct one of the codes to the nomenclature.",
    ),
    jenis=JENIS_BERKODE,
)
def periksa(ctx, t):
    first: dict[tuple[str | None, str, str | None], int] = {}
    for i in range(t.n):
        if not dalam_hierarki(t, i):
            continue
        key = (t.organisasi[i], t.kunci[i], t.rincian[i])
        if key in first:
            where = t.baris[first[key]]
            kode = t.kode[i] + (f" ({t.rincian[i]})" if t.rincian[i] else "")
            yield ctx.temuan(
                t, i, t.kode_sel[i],
                f"Kode {kode} sudah ada di baris {where}",
                f"Kode {kode} already appears on row {where}",
                expected=None, actual=t.kode[i], terkait=[f"{t.sheet}!{t.kode_sel[first[key]]}"],
            )
        else:
            first[key] = i
