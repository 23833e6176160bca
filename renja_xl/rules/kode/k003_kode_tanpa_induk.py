"""K003 kode-tanpa-induk: a kegiatan or sub kegiatan whose parent has no row in the table."""

from __future__ import annotations

from ..registry import Dok, aturan
from .common import kode_obj


@aturan(
    "K003", "kode-tanpa-induk", "error",
    id=Dok(
        "Kode tanpa induk",
        "Baris kegiatan atau sub kegiatan yang kode induknya (satu tingkat di atas) tidak punya baris di "
        "tabel yang sama. Hanya diperiksa pada tabel yang memuat baris induk. Tidak dilaporkan bila tempat "
        "induk, tepat di atas anak-anaknya, diisi baris yang kodenya tidak terbaca: K001 sudah "
        "melaporkannya.",
        "Pagu kegiatan dan program adalah jumlah anak-anaknya; anak tanpa induk berarti induk terlewat "
        "atau kode anak salah ketik, dan total tabel tidak dapat diperiksa.",
        "Sub kegiatan `1.06.04.2.03.0001` padahal tidak ada baris kegiatan `1.06.04.2.03`.",
        "Tambahkan baris induk dengan pagu dan indikatornya, atau perbaiki kode anak.",
    ),
    en=Dok(
        "Kode without parent",
        "A kegiatan or sub kegiatan row whose parent kode (one level up) has no row in the same table. "
        "Only checked in tables that carry parent rows. Not reported when the parent's place, just above "
        "its children, is taken by a row whose kode is unreadable: K001 already says so.",
        "Kegiatan and program pagu are the sums of their children; a child without a parent means a "
        "missing parent row or a mistyped child kode, and the table's totals cannot be checked.",
        "Sub kegiatan `1.06.04.2.03.0001` while there is no kegiatan row `1.06.04.2.03`.",
        "Add the parent row with its pagu and indicator, or correct the child's kode.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana", "evaluasi", "realisasi"):
        levels = {r.level for r in tabel.rows if r.level}
        if not levels & {"bidang", "program", "kegiatan"}:
            continue  # a list of sub kegiatan only (SIPD export, realisation list)
        known = {r.kode_kunci for r in tabel.rows if r.kode_kunci}
        for i, row in enumerate(tabel.rows):
            if row.level not in ("kegiatan", "sub_kegiatan"):
                continue
            if row.induk_kunci is None or row.induk_kunci in known:
                continue
            if _place_taken_by_unreadable(tabel, i, row.induk_kunci):
                continue
            parent = kode_obj(row.kode).induk  # the parent as this row writes it (2-digit sub kept)
            yield ctx.temuan(
                tabel, row, row.kode_cell,
                f"Induk {parent.teks} dari kode {row.kode} tidak ada di tabel ini",
                f"The parent {parent.teks} of kode {row.kode} has no row in this table",
                expected=parent.teks,
            )


def _place_taken_by_unreadable(tabel, i: int, parent_kunci: str) -> bool:
    """Walk up over the siblings; the first other row decides."""
    for row in reversed(tabel.rows[:i]):
        if row.kode and row.induk_kunci == parent_kunci:
            continue  # a sibling
        return bool(row.kode_galat)
    return False
