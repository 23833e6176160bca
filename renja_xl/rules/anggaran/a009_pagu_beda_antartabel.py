"""A009 pagu-beda-antartabel: one kode, different pagu for the same year in two tables."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from ..struktur import nama_kolom, nilai_antartabel
from .common import JENIS_RENCANA, rupiah


def _kunci(t, k) -> tuple[str, str] | None:
    """The year (and side) a money column is compared on; a realisation table's anggaran is its year."""
    p = k.peran
    if p.ukuran != "pagu" or p.bagian not in ("", "total"):
        return None
    if t.kind == "realisasi":
        return (str(t.years[0]) if t.years else "", "")
    return (p.periode, p.sisi)


@aturan(
    "A009", "pagu-beda-antartabel", "error",
    id=Dok(
        judul="Pagu berbeda antartabel",
        apa="Satu kode mempunyai pagu yang berbeda untuk tahun yang sama di dua tabel dalam workbook yang sama "
        "(mis. Tabel 4.1 dan Tabel 4.2, atau tabel realisasi dan rencana). Tabel rencana pertama menjadi "
        "acuan; temuan ditempatkan pada sel tabel yang lain.",
        mengapa="Satu dokumen tidak boleh menyebut dua angka untuk pagu yang sama; salah satunya pasti tidak "
        "diperbarui.",
        contoh="Penyusunan Dokumen Perencanaan: Tabel 4.1 Rp 14.085.701, anggaran di tabel realisasi Rp 13.882.901.",
        perbaikan="Samakan angka dengan DPA/DPPA yang berlaku di semua tabel.",
    ),
    en=Dok(
        judul="Pagu differs between tables",
        apa="One kode carries different pagu for the same year in two tables of the same workbook (e.g. Tabel "
        "4.1 vs Tabel 4.2, or the realisation table vs the plan). The first plan table is the reference; "
        "the finding is placed on the other table's cell.",
        mengapa="One document must not state two amounts for the same pagu; one of them was not updated.",
        contoh="Penyusunan Dokumen Perencanaan: Tabel 4.1 Rp 14.085.701, budget in the realisation table Rp 13.882.901.",
        perbaikan="Make all tables agree with the current DPA/DPPA.",
    ),
    jenis=(*JENIS_RENCANA, "realisasi"),
    lintas=True,
)
def periksa(ctx, tables):
    kolom = {id(t): [(key, k) for k in t.angka.values() if (key := _kunci(t, k)) is not None] for t in tables}

    def cells(t, i):
        out = {}
        for key, k in kolom[id(t)]:
            v = k.nilai[i]
            if v is not None and i not in k.galat:
                out.setdefault(key, (k, v))
        return out

    for ref_t, ref_i, t, i, _key, (ref_k, ref_v), (k, v) in nilai_antartabel(tables, cells):
        if ref_v == v or rupiah(ref_v) == rupiah(v):
            continue
        ref_cell = ref_t.sel(ref_k, ref_i)
        kol_id, kol_en = nama_kolom(k, "id"), nama_kolom(k, "en")
        yield ctx.temuan(
            t, i, t.sel(k, i),
            f"{kol_id.capitalize()} {rp(v)} berbeda dengan {ref_t.sheet} ({ref_cell}) {rp(ref_v)}",
            f"{kol_en.capitalize()} {rp(v)} differs from {ref_t.sheet} ({ref_cell}) {rp(ref_v)}",
            expected=rupiah(ref_v), actual=rupiah(v), terkait=[f"{ref_t.sheet}!{ref_cell}"],
        )
