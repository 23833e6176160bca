"""F004 angka-ketik-di-kolom-rumus: a typed number where the cell's peers are formulas."""

from __future__ import annotations

import re

from ...core.alamat import indeks_kolom
from ...core.kode import level_name
from ..anggaran.common import JENIS_UANG, rupiah
from ..context import angka, rp
from ..registry import Dok, aturan
from ..struktur import kolom_uang, nama_kolom, rincian_induk
from .common import rumus_tabel

PORSI = 2 / 3  # this share of the peers' values are formulas …
MIN_RUMUS = 3  # … and at least this many
_KATA_RUMUS = re.compile(r"\brumus\b|\bformula\b|jangan\s+di\s*(ubah|rubah)", re.I)


def _dihitung(t, k) -> str | None:
    """Why a column is computed by its meaning (its number-row relation, its header), else None."""
    for rel in t.relasi:
        if rel.kolom == k.kunci:
            return rel.teks
    for p in t.peta:
        if p.huruf == k.huruf and _KATA_RUMUS.search(p.bukti):
            return p.bukti
    return None


@aturan(
    "F004", "angka-ketik-di-kolom-rumus", "warning",
    id=Dok(
        judul="Angka diketik di tempat rumus",
        apa="Sel yang berisi angka ketikan sementara sejawatnya berisi rumus: pagu (atau realisasi) induk — bidang, "
        "program, kegiatan, baris JUMLAH — yang diketik padahal paling sedikit dua pertiga induk di kolom itu "
        "(dan paling sedikit tiga) memakai rumus; atau angka ketikan di kolom yang dinyatakan dihitung (baris nomor "
        "kolom `11 = (10/4)`, atau header 'sudah rumus, jangan dirubah') sementara sel lain kolom itu berisi rumus. "
        "Disebutkan bila angkanya kini sudah berbeda dari rinciannya.",
        mengapa="Angka yang diketik di atas rumus tidak lagi mengikuti bagian-bagiannya: begitu satu sub kegiatan "
        "berubah, totalnya salah tanpa tanda apa pun.",
        contoh="Kegiatan 1.06.01.2.02 (K24) berisi angka 200.173.528, sementara kegiatan lain di kolom K berisi "
        "`=SUM(…)`.",
        perbaikan="Ganti angkanya dengan rumus sejawatnya (atau jalankan **Hitung Ulang Rollup** untuk pagu induk).",
    ),
    en=Dok(
        judul="Number typed where a formula belongs",
        apa="A cell holding a typed number while its peers hold formulas: a parent's pagu (or realisation) — bidang, "
        "program, kegiatan, JUMLAH row — typed although at least two thirds of the parents in that column (and at "
        "least three) use a formula; or a typed number in a column stated to be computed (the number row "
        "`11 = (10/4)`, or a header 'sudah rumus, jangan dirubah') while other cells of the column hold formulas. "
        "It says when the number already differs from its breakdown.",
        mengapa="A number typed over a formula no longer follows its parts: as soon as one sub kegiatan changes, "
        "the total is wrong without any sign of it.",
        contoh="Kegiatan 1.06.01.2.02 (K24) holds the number 200,173,528 while the other kegiatan of column K hold "
        "`=SUM(…)`.",
        perbaikan="Replace the number with its peers' formula (or run **Hitung Ulang Rollup** for parent amounts).",
    ),
    jenis=(*JENIS_UANG, "evaluasi", "spm", "review"),
)
def periksa(ctx, t):
    rt = rumus_tabel(ctx, t)
    if rt is None or not rt.rumus:
        return
    seen: set[str | None] = set()
    for temuan in (*_induk(ctx, t, rt), *_kolom_dihitung(ctx, t, rt)):
        if temuan.cell not in seen:
            seen.add(temuan.cell)
            yield temuan


def _induk(ctx, t, rt):
    grups = {g.induk: g for g in rincian_induk(t)}
    rows = sorted(set(grups) | {i for i in range(t.n) if t.total[i]})
    if not rows:
        return
    for k in kolom_uang(t):
        filled = [i for i in rows if k.nilai[i] is not None and k.pasti(i)]
        typed = [i for i in filled if rt.rc(k, i) not in rt.rumus]
        n_rumus = len(filled) - len(typed)
        if not typed or n_rumus < MIN_RUMUS or n_rumus < PORSI * len(filled):
            continue
        for i in typed:
            g = grups.get(i)
            if g is not None and g.tercemar:
                continue  # a row without a readable kode belongs to it: its sum is not known (K001/K004)
            siapa_id = level_name(t.level[i] or "") + (f" {t.kode[i]}" if t.kode[i] else "") if g else (
                t.uraian[i] or "baris jumlah")
            siapa_en = level_name(t.level[i] or "") + (f" {t.kode[i]}" if t.kode[i] else "") if g else (
                t.uraian[i] or "totals row")
            beda_id = beda_en = ""
            if g is not None and not g.tercemar:
                total = rupiah(sum(k.nilai[c] or 0 for c in g.anak))
                if rupiah(k.nilai[i]) != total:
                    beda_id = f"; angka itu sudah berbeda dari jumlah rinciannya {rp(total)} (A001)"
                    beda_en = f"; it already differs from its breakdown's sum {rp(total)} (A001)"
            kol_id, kol_en = nama_kolom(k, "id"), nama_kolom(k, "en")
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"{kol_id.capitalize()} {siapa_id} diketik ({rp(k.nilai[i])}), padahal {n_rumus} dari {len(filled)} "
                f"induk di kolom ini memakai rumus: angka ini tidak mengikuti rinciannya{beda_id}",
                f"{kol_en.capitalize()} of the {siapa_en} is typed ({rp(k.nilai[i])}) while {n_rumus} of "
                f"{len(filled)} parents in this column use a formula: it does not follow its breakdown{beda_en}",
                actual=k.nilai[i],
                sebab=(f"{kol_id} induk diketik, bukan rumus", f"{kol_en} of parents typed, not a formula"),
            )


def _kolom_dihitung(ctx, t, rt):
    for k in t.angka.values():
        alasan = _dihitung(t, k)
        if alasan is None:
            continue
        c = indeks_kolom(k.huruf)
        filled = [i for i in range(t.n) if k.nilai[i] is not None and k.pasti(i)]
        typed = [i for i in filled if (t.baris[i] - 1, c) not in rt.rumus]
        n_rumus = len(filled) - len(typed)
        if not typed or n_rumus < 1:
            continue  # a column typed throughout is T002's business (it recomputes the values)
        kol_id, kol_en = nama_kolom(k, "id"), nama_kolom(k, "en")
        for i in typed:
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"{kol_id.capitalize()} diketik ({angka(k.nilai[i])}) di kolom yang dihitung ('{alasan}') sementara "
                f"{n_rumus} sel lain kolom ini berisi rumus",
                f"{kol_en.capitalize()} typed ({angka(k.nilai[i])}) in a computed column ('{alasan}') while {n_rumus} "
                "other cells of the column hold formulas",
                actual=k.nilai[i],
                sebab=(f"angka diketik di kolom yang dihitung ('{alasan}')",
                       f"numbers typed in a computed column ('{alasan}')"),
            )
