"""P009 realisasi-tidak-ada: a sub kegiatan of the plan with pagu and no row in the realisation table."""

from __future__ import annotations

from ...core.nama import kunci_nama, sama_nama
from ..context import rp
from ..registry import Dok, aturan
from ..padanan import daun_rencana
from .common import pendek


@aturan(
    "P009", "realisasi-tidak-ada", "warning",
    id=Dok(
        judul="Sub kegiatan rencana tanpa realisasi",
        apa="Workbook yang memuat tabel rencana dan tabel realisasi untuk tahun yang sama: sub kegiatan rencana "
        "dengan pagu tahun itu yang tidak mempunyai baris di tabel realisasi — dicari menurut kode, dan menurut "
        "nama untuk baris rencana yang kodenya tidak terbaca atau tidak ada.",
        mengapa="Tabel realisasi harus mencakup semua sub kegiatan yang dianggarkan; sub kegiatan yang hilang "
        "tidak pernah dievaluasi, dan total realisasi terhadap pagu menjadi salah.",
        contoh="Tabel 4.1 Penyediaan Peralatan dan Perlengkapan Kantor (Rp 20.073.000) tidak ada di tabel "
        "Realisasi 2024.",
        perbaikan="Tambahkan baris realisasinya (dengan realisasi 0 bila memang tidak terlaksana), atau keluarkan "
        "sub kegiatan itu dari rencana bila dibatalkan.",
    ),
    en=Dok(
        judul="Plan sub kegiatan without realisation",
        apa="A workbook with a plan table and a realisation table for the same year: a plan sub kegiatan with that "
        "year's pagu that has no row in the realisation table — looked for by kode, and by name for plan rows whose "
        "kode is unreadable or missing.",
        mengapa="The realisation table must cover every budgeted sub kegiatan; a missing one is never evaluated, "
        "and total realisation against the pagu comes out wrong.",
        contoh="Tabel 4.1 Penyediaan Peralatan dan Perlengkapan Kantor (Rp 20,073,000) is not in the Realisasi 2024 "
        "table.",
        perbaikan="Add its realisation row (with 0 if it did not happen), or take the sub kegiatan out of the plan "
        "if it was cancelled.",
    ),
    jenis=("rencana", "realisasi"),
    lintas=True,
)
def periksa(ctx, tables):
    plan = next((t for t in tables if t.kind == "rencana"), None)
    reals = [t for t in tables if t.kind == "realisasi" and t.years and len(t.years) == 1]
    if plan is None or not reals:
        return
    for real in reals:
        year = str(real.years[0])
        k = next((k for k in plan.kolom("pagu", periode=year) if k.peran.sisi in ("", "setelah")
                  and k.peran.bagian in ("", "total") and k.yakin), None)
        if k is None or not real.n:
            continue
        kode = {real.kunci[j] for j in range(real.n) if real.terbaca(j)}
        nama = {kunci_nama(real.uraian[j]) for j in range(real.n)}
        if not kode:
            continue
        for i in daun_rencana(plan):
            v = k.nilai[i]
            if not v or v <= 0 or not k.pasti(i):
                continue
            if plan.terbaca(i) and plan.kunci[i] in kode:
                continue
            if kunci_nama(plan.uraian[i]) in nama or any(sama_nama(plan.uraian[i], real.uraian[j])
                                                         for j in range(real.n)):
                continue
            sebut = plan.kode[i] or f"'{pendek(plan.uraian[i])}'"
            yield ctx.temuan(
                plan, i, plan.sel(k, i),
                f"Sub kegiatan {sebut} (pagu {year} {rp(v)}) tidak ada di tabel {real.sheet}",
                f"Sub kegiatan {sebut} (pagu {year} {rp(v)}) is not in the {real.sheet} table",
                actual=v,
            )
