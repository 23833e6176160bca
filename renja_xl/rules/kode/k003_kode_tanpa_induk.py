"""K003 kode-tanpa-induk: a kegiatan or sub kegiatan whose parent has no row in the table."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..struktur import dalam_hierarki
from .common import JENIS_BERKODE, kode_obj


@aturan(
    "K003", "kode-tanpa-induk", "error",
    id=Dok(
        judul="Kode tanpa induk",
        apa="Baris kegiatan atau sub kegiatan yang kode induknya (satu tingkat di atas) tidak punya baris di "
        "tabel yang sama. Hanya diperiksa pada tabel yang memuat baris induk. Tidak dilaporkan bila tempat "
        "induk, tepat di atas anak-anaknya, diisi baris yang kodenya tidak terbaca: K001 sudah "
        "melaporkannya.",
        mengapa="Pagu kegiatan dan program adalah jumlah anak-anaknya; anak tanpa induk berarti induk terlewat "
        "atau kode anak salah ketik, dan total tabel tidak dapat diperiksa.",
        contoh="Sub kegiatan `1.06.04.2.03.0001` padahal tidak ada baris kegiatan `1.06.04.2.03`.",
        perbaikan="Tambahkan baris induk dengan pagu dan indikatornya, atau perbaiki kode anak.",
    ),
    en=Dok(
        judul="Kode without parent",
        apa="A kegiatan or sub kegiatan row whose parent kode (one level up) has no row in the same table. "
        "Only checked in tables that carry parent rows. Not reported when the parent's place, just above "
        "its children, is taken by a row whose kode is unreadable: K001 already says so.",
        mengapa="Kegiatan and program pagu are the sums of their children; a child without a parent means a "
        "missing parent row or a mistyped child kode, and the table's totals cannot be checked.",
        contoh="Sub kegiatan `1.06.04.2.03.0001` while there is no kegiatan row `1.06.04.2.03`.",
        perbaikan="Add the parent row with its pagu and indicator, or correct the child's kode.",
    ),
    jenis=JENIS_BERKODE,
)
def periksa(ctx, t):
    levels = {t.level[i] for i in range(t.n) if dalam_hierarki(t, i)}
    if not levels & {"bidang", "program", "kegiatan"}:
        return  # a list of sub kegiatan only (SIPD export, realisation list)
    known = {t.kunci[i] for i in range(t.n) if t.kunci[i] and i not in t.kode_galat}
    reported: set[str] = set()
    for i in range(t.n):
        if t.level[i] not in ("kegiatan", "sub_kegiatan") or not dalam_hierarki(t, i):
            continue
        induk = t.induk[i]
        if induk is None or induk in known or induk in reported:
            continue
        if _place_taken_by_unreadable(t, i, induk):
            continue
        reported.add(induk)
        parent = kode_obj(t.kode[i]).induk  # the parent as this row writes it (2-digit sub kept)
        yield ctx.temuan(
            t, i, t.kode_sel[i],
            f"Induk {parent.teks} dari kode {t.kode[i]} tidak ada di tabel ini",
            f"The parent {parent.teks} of kode {t.kode[i]} has no row in this table",
            expected=parent.teks,
        )


def _place_taken_by_unreadable(t, i: int, parent_kunci: str) -> bool:
    """Walk up over the siblings; the first other row decides."""
    for j in range(i - 1, -1, -1):
        if t.kode[j] and t.induk[j] == parent_kunci:
            continue  # a sibling
        return j in t.kode_galat
    return False
