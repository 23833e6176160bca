"""A002 jumlah-tidak-sesuai: a JUMLAH/TOTAL row differs from the sum of the top-level rows."""

from __future__ import annotations

from ...core.models import RealisasiBaris
from ..context import rp
from ..registry import Dok, aturan
from .common import pagu_per_tahun, rupiah


@aturan(
    "A002", "jumlah-tidak-sesuai", "error",
    id=Dok(
        "Baris JUMLAH tidak sesuai",
        "Baris JUMLAH/TOTAL (tanpa kode) yang angkanya berbeda dari jumlah baris tingkat teratas tabelnya "
        "(mis. jumlah semua program, atau baris bidang).",
        "Baris jumlah adalah angka yang dibaca pimpinan dan DPRD; bila berbeda dari rinciannya, dokumen "
        "memuat dua angka untuk hal yang sama.",
        "JUMLAH Rp 4.876.245.000 sedangkan jumlah program Rp 4.876.245.268.",
        "Ganti angka JUMLAH dengan rumus `=SUM` atas baris program, atau perbaiki baris yang salah.",
    ),
    en=Dok(
        "JUMLAH row does not add up",
        "A JUMLAH/TOTAL row (no kode) whose amount differs from the sum of the top-level rows of its table.",
        "The total is the figure leaders and the council read; if it differs from the breakdown the "
        "document states two figures for one thing.",
        "JUMLAH Rp 4.876.245.000 while the programs add up to Rp 4.876.245.268.",
        "Replace the JUMLAH figure with a `=SUM` over the program rows, or correct the wrong row.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana", "realisasi"):
        coded = [r for r in tabel.rows if r.kode and not r.kode_galat]
        if not coded:
            continue
        top = min(len(r.kode.split(".")) for r in coded)
        tops = [r for r in coded if len(r.kode.split(".")) == top]
        for row in tabel.rows:
            if not row.total:
                continue
            checks = list(pagu_per_tahun(tabel, row).items())
            if isinstance(row, RealisasiBaris) and row.realisasi is not None:
                checks.append(("realisasi", row.realisasi))
            for key, cell in checks:
                if cell.value is None:
                    continue
                if key == "realisasi":
                    parts = [t.realisasi for t in tops]
                else:
                    parts = [pagu_per_tahun(tabel, t).get(key) for t in tops]
                if cell.tidak_pasti or any(p is not None and p.tidak_pasti for p in parts):
                    continue
                total = sum(p.value for p in parts if p is not None and p.value is not None)
                if rupiah(total) == rupiah(cell.value):
                    continue
                what = "realisasi" if key == "realisasi" else f"pagu{' ' + str(key) if key else ''}"
                yield ctx.temuan(
                    tabel, row, cell.cell,
                    f"{row.uraian}: {what} {rp(cell.value)} ≠ jumlah baris teratas {rp(total)} "
                    f"(selisih {rp(abs(rupiah(cell.value) - rupiah(total)))})",
                    f"{row.uraian}: {what} {rp(cell.value)} ≠ sum of the top-level rows {rp(total)} "
                    f"(difference {rp(abs(rupiah(cell.value) - rupiah(total)))})",
                    expected=rupiah(total), actual=rupiah(cell.value),
                )
