"""A002 jumlah-tidak-sesuai: a JUMLAH/TOTAL row differs from the sum of the top-level rows."""

from __future__ import annotations

from ..context import rp
from ..registry import Dok, aturan
from ..rumus.common import sebab_rumus
from ..struktur import baris_teratas, dalam_hierarki, kolom_uang, nama_kolom
from .common import JENIS_UANG, rupiah


def _jumlah_per_tingkat(t, k) -> dict[str, int]:
    """The sum of a money column at each level of the kode hierarchy (and over every row)."""
    sums: dict[str, int] = {}
    semua = 0
    seen: set[str] = set()
    for i in range(t.n):
        v = k.nilai[i]
        if v is None or t.total[i]:
            continue
        semua += v
        if dalam_hierarki(t, i) and t.kunci[i] not in seen:
            seen.add(t.kunci[i])
            sums[t.level[i]] = sums.get(t.level[i], 0) + v
    for i, _owner in t.milik.items():  # E.81 indicator lines carry parts of their program
        if k.nilai[i] is not None:
            sums["program+indikator"] = sums.get("program+indikator", sums.get("program", 0)) + k.nilai[i]
    sums["semua"] = semua
    return {lvl: rupiah(v) for lvl, v in sums.items()}


def _jumlah_tersaring(t, k) -> set[int]:
    """Sums of a money column over the rows of one level that share one value of a text column: what
    Excel's SUBTOTAL shows when an autofilter on that column is on."""
    out: set[int] = set()
    for kt in t.teks.values():
        values = {v for v in kt.teks if v}
        if not values or len(values) > 60:
            continue
        sums: dict[tuple[str, str | None], float] = {}
        for i in range(t.n):
            v = k.nilai[i]
            if v is None or t.total[i] or not kt.teks[i]:
                continue
            key = (kt.teks[i], t.level[i])
            sums[key] = sums.get(key, 0) + v
        out |= {rupiah(x) for x in sums.values()}
    return out


@aturan(
    "A002", "jumlah-tidak-sesuai", "error",
    id=Dok(
        judul="Baris JUMLAH tidak sesuai",
        apa="Baris JUMLAH/TOTAL (tanpa kode) yang angkanya berbeda dari jumlah baris tingkat teratas tabelnya "
        "(mis. jumlah semua program, atau baris bidang).",
        mengapa="Baris jumlah adalah angka yang dibaca pimpinan dan DPRD; bila berbeda dari rinciannya, dokumen "
        "memuat dua angka untuk hal yang sama.",
        contoh="JUMLAH Rp 4.876.245.000 sedangkan jumlah program Rp 4.876.245.268.",
        perbaikan="Ganti angka JUMLAH dengan rumus `=SUM` atas baris program, atau perbaiki baris yang salah.",
    ),
    en=Dok(
        judul="JUMLAH row does not add up",
        apa="A JUMLAH/TOTAL row (no kode) whose amount differs from the sum of the top-level rows of its table.",
        mengapa="The total is the figure leaders and the council read; if it differs from the breakdown the "
        "document states two figures for one thing.",
        contoh="JUMLAH Rp 4.876.245.000 while the programs add up to Rp 4.876.245.268.",
        perbaikan="Replace the JUMLAH figure with a `=SUM` over the program rows, or correct the wrong row.",
    ),
    jenis=JENIS_UANG,
)
def periksa(ctx, t):
    tops = baris_teratas(t)
    if not tops or not any(t.total):
        return
    for k in kolom_uang(t):
        parts = [k.nilai[i] for i in tops]
        if any(not k.pasti(i) for i in tops) or all(v is None for v in parts):
            continue  # unknown parts, or a column its top rows leave empty: nothing to compare with
        total = rupiah(sum(v for v in parts if v is not None))
        per_tingkat = None
        for i in range(t.n):
            if not t.total[i] or k.nilai[i] is None or not k.pasti(i):
                continue
            stated = rupiah(k.nilai[i])
            if stated == total:
                continue
            per_tingkat = per_tingkat or _jumlah_per_tingkat(t, k)
            levels = {lvl: v for lvl, v in per_tingkat.items() if lvl != "semua"}
            if stated in levels.values():
                continue  # it adds up one level of the table (the top rows are wrong: A001 says where)
            if any(rupiah(k.nilai[j] or 0) == stated for j in range(t.n) if dalam_hierarki(t, j)):
                continue  # a subtotal of one branch (a filtered SUBTOTAL): not the table's total
            if stated in _jumlah_tersaring(t, k):
                continue  # the SUBTOTAL of the rows a filter shows (rows sharing one value of a column)
            label = t.uraian[i] or ("baris jumlah" if ctx.lang != "en" else "totals row")
            kol_id, kol_en = nama_kolom(k, "id"), nama_kolom(k, "en")
            note_id = note_en = ""
            if stated == per_tingkat.get("semua") and total:
                kali = stated / total if total else 0
                note_id = f"; angka ini menjumlahkan semua tingkat (induk dan rinciannya dihitung berulang, {kali:.1f}×)"
                note_en = f"; it adds up every level (parents and their details counted again, {kali:.1f}×)"
            sebab = sebab_rumus(ctx, t, k, i)  # the formula is why: F001 says how
            if sebab is not None:
                note_id, note_en = sebab
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"{label}: {kol_id} {rp(stated)} ≠ jumlah baris teratas {rp(total)} "
                f"(selisih {rp(abs(stated - total))}){note_id}",
                f"{label}: {kol_en} {rp(stated)} ≠ sum of the top-level rows {rp(total)} "
                f"(difference {rp(abs(stated - total))}){note_en}",
                expected=total, actual=stated,
            )
