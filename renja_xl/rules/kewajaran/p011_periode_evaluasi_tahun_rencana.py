"""P011 periode-evaluasi-tahun-rencana: the realisation reported is of the plan year itself, all zero."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..struktur import pasangan

NOL_MIN = 0.9  # this share of the budgeted rows (or more) without realisation: the year has not been run


@aturan(
    "P011", "periode-evaluasi-tahun-rencana", "warning",
    id=Dok(
        judul="Periode yang dievaluasi sama dengan tahun rencana",
        apa="Workbook yang memuat tabel rencana tahun n dan tabel realisasi yang melaporkan tahun n itu juga, "
        "dengan realisasi 0 atau kosong pada hampir semua baris beranggaran (sedikitnya 9 dari 10). Dilaporkan "
        "sekali untuk tabel realisasinya, bukan per baris.",
        mengapa="Renja tahun n disusun sebelum atau pada awal tahun n dan mengevaluasi pelaksanaan tahun "
        "sebelumnya (n-1, n-2): realisasi tahun n belum ada. Tabel yang melaporkan tahun rencana dengan "
        "realisasi 0 di mana-mana hampir pasti salah periode (judul atau tahun yang tertukar), dan realisasi nol "
        "per baris (A005) lalu tidak berarti apa-apa.",
        contoh="Renja Perubahan 2024: tabel Realisasi 2024 dengan realisasi Rp 0 pada 33 dari 34 sub kegiatan.",
        perbaikan="Ganti dengan realisasi tahun yang dievaluasi (n-1), atau betulkan tahun di judul tabelnya.",
    ),
    en=Dok(
        judul="Evaluated period equals the plan year",
        apa="A workbook with a plan table of year n and a realisation table reporting that same year n, with zero "
        "or empty realisation on nearly every budgeted row (at least 9 in 10). Reported once for the realisation "
        "table, not per row.",
        mengapa="A Renja for year n is written before or early in year n and evaluates the years before (n-1, n-2): "
        "year n has no realisation yet. A table that reports the plan year with 0 everywhere is almost surely the "
        "wrong period (a title or year swapped), and the per-row zero realisations (A005) then mean nothing.",
        contoh="Renja Perubahan 2024: a Realisasi 2024 table with Rp 0 realised on 33 of 34 sub kegiatan.",
        perbaikan="Put in the realisation of the evaluated year (n-1), or correct the year in the table's title.",
    ),
    jenis=("rencana", "realisasi"),
    lintas=True,
)
def periksa(ctx, tables):
    plan = next((t for t in tables if t.kind == "rencana" and t.years), None)
    if plan is None:
        return
    tahun = plan.years[0]
    for real in tables:
        if real.kind != "realisasi" or real.years != [tahun]:
            continue
        for kr, ka in pasangan(real, "realisasi_rp", "pagu")[:1]:
            rows = [i for i in range(real.n) if not real.total[i] and ka.nilai[i] and ka.nilai[i] > 0
                    and kr.pasti(i) and ka.pasti(i)]
            nol = [i for i in rows if not kr.nilai[i]]
            if len(rows) < 3 or len(nol) < NOL_MIN * len(rows):
                continue
            row = real.header_rows[-1] if real.header_rows else real.first_row  # the leaf header: never a merged cell
            yield ctx.temuan(
                real, None, f"{kr.huruf}{row}",
                f"Tabel {real.sheet} melaporkan realisasi tahun {tahun}, tahun rencana Renja ini ({plan.sheet}); "
                f"realisasi 0 pada {len(nol)} dari {len(rows)} baris beranggaran: periode yang dievaluasi "
                f"kemungkinan salah (seharusnya {tahun - 1} atau sebelumnya)",
                f"The {real.sheet} table reports the realisation of {tahun}, the plan year of this Renja "
                f"({plan.sheet}); zero on {len(nol)} of {len(rows)} budgeted rows: the evaluated period is probably "
                f"wrong (expected {tahun - 1} or earlier)",
                expected=tahun - 1, actual=tahun, baris=row,
            )
