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
        "Rasio SPM salah hitung",
        "Pada tabel kinerja layanan (Tabel 2.2 / T-C.30): baris \"Persentase …\" tepat setelah dua baris "
        "\"Jumlah …\" (pembilang, lalu penyebut) yang nilainya di kolom tahun mana pun berbeda dari "
        "pembilang / penyebut × 100 lebih dari 0,5 poin (ambang `ambang.rasio_spm`).",
        "Persentase SPM dilaporkan ke Kemendagri dan menjadi dasar penilaian layanan dasar; harus sama "
        "dengan data jumlahnya.",
        "Jumlah PMKS yang tertangani 40.200, Jumlah PMKS yang ada 50.431, Persentase tertulis 79,71: benar. "
        "Bila tertulis 80,71 maka temuan.",
        "Ganti angka persentase dengan rumus `=pembilang/penyebut*100`.",
    ),
    en=Dok(
        "Wrong SPM ratio",
        "In a service-performance table (Tabel 2.2 / T-C.30): a \"Persentase …\" row directly after two "
        "\"Jumlah …\" rows (numerator, then denominator) whose value in any year column differs from "
        "numerator / denominator × 100 by more than 0.5 points (threshold `ambang.rasio_spm`).",
        "SPM percentages are reported to the Ministry and judge basic services; they must agree with "
        "their counts.",
        "Jumlah PMKS yang tertangani 40,200, Jumlah PMKS yang ada 50,431, stated Persentase 79.71: right. "
        "A stated 80.71 would be a finding.",
        "Replace the percentage with `=numerator/denominator*100`.",
    ),
)
def periksa(ctx):
    tol = ctx.config.ambang.rasio_spm
    for tabel in ctx.tabel("spm"):
        rows = tabel.rows
        for i in range(2, len(rows)):
            row, num, den = rows[i], rows[i - 2], rows[i - 1]
            if not (_PERSEN.match(row.indikator or row.uraian) and _JUMLAH.match(num.indikator or num.uraian)
                    and _JUMLAH.match(den.indikator or den.uraian)):
                continue
            for key, cell in row.nilai.items():
                a, b = num.nilai.get(key), den.nilai.get(key)
                if cell.value is None or a is None or b is None:
                    continue
                exp = tingkat_realisasi(a.value, b.value)
                if exp is None or abs(exp - cell.value) <= tol:
                    continue
                jenis, year = key
                yield ctx.temuan(
                    tabel, row, cell.cell,
                    f"{jenis.capitalize()} {year}: tertulis {angka(cell.value)}, seharusnya "
                    f"{angka(a.value)} / {angka(b.value)} × 100 = {angka(exp, 2)}",
                    f"{jenis.capitalize()} {year}: states {angka(cell.value)}, expected "
                    f"{angka(a.value)} / {angka(b.value)} × 100 = {angka(exp, 2)}",
                    expected=round(exp, 2), actual=cell.value,
                )
