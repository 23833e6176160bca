"""T005 rasio-spm-salah: a "Persentase …" row that is not numerator / denominator × 100."""

from __future__ import annotations

import re

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


_PERSEN = re.compile(r"^\s*(persentase|presentase|prosentase|persentasi|%)\b", re.I)
_JUMLAH = re.compile(r"^\s*jumlah\b", re.I)


@aturan(
    "T005", "rasio-spm-salah", "error",
    id=Dok(
        judul="Rasio SPM salah hitung",
        apa="Pada tabel kinerja layanan (Tabel 2.2 / T-C.30): baris \"Persentase …\" tepat setelah dua baris "
        "\"Jumlah …\" (pembilang, lalu penyebut) yang nilainya di kolom tahun mana pun berbeda dari "
        "pembilang / penyebut × 100 lebih dari 0,5 poin (ambang `ambang.rasio_spm`).",
        mengapa="Persentase SPM dilaporkan ke Kemendagri dan menjadi dasar penilaian layanan dasar; harus sama "
        "dengan data jumlahnya.",
        contoh="Jumlah PMKS yang tertangani 40.200, Jumlah PMKS yang ada 50.431, Persentase tertulis 79,71: benar. "
        "Bila tertulis 80,71 maka temuan.",
        perbaikan="Ganti angka persentase dengan rumus `=pembilang/penyebut*100`.",
    ),
    en=Dok(
        judul="Wrong SPM ratio",
        apa="In a service-performance table (Tabel 2.2 / T-C.30): a \"Persentase …\" row directly after two "
        "\"Jumlah …\" rows (numerator, then denominator) whose value in any year column differs from "
        "numerator / denominator × 100 by more than 0.5 points (threshold `ambang.rasio_spm`).",
        mengapa="SPM percentages are reported to the Ministry and judge basic services; they must agree with "
        "their counts.",
        contoh="Jumlah PMKS yang tertangani 40,200, Jumlah PMKS yang ada 50,431, stated Persentase 79.71: right. "
        "A stated 80.71 would be a finding.",
        perbaikan="Replace the percentage with `=numerator/denominator*100`.",
    ),
    jenis=("spm",),
    ambang=("rasio_spm",),
)
def periksa(ctx, t):
    tol = ctx.config.ambang.rasio_spm
    teks = [t.indikator[i] or t.uraian[i] for i in range(t.n)]
    for i in range(2, t.n):
        if not (_PERSEN.match(teks[i]) and _JUMLAH.match(teks[i - 2]) and _JUMLAH.match(teks[i - 1])):
            continue
        for k in t.angka.values():
            v, a, b = k.nilai[i], k.nilai[i - 2], k.nilai[i - 1]
            if v is None or a is None or b is None:
                continue
            exp = tingkat_realisasi(a, b)
            if exp is None or abs(exp - v) <= tol:
                continue
            jenis, year = k.peran.ukuran, k.peran.periode
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"{jenis.capitalize()} {year}: tertulis {angka(v)}, seharusnya {angka(a)} / {angka(b)} × 100 = {angka(exp, 2)}",
                f"{jenis.capitalize()} {year}: states {angka(v)}, expected {angka(a)} / {angka(b)} × 100 = {angka(exp, 2)}",
                expected=round(exp, 2), actual=v,
            )
