"""S004 satuan-kosong: a row with a target but no unit."""

from __future__ import annotations

from ...core.models import EvaluasiBaris, RencanaBaris
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "S004", "satuan-kosong", "warning",
    id=Dok(
        "Satuan kosong",
        "Pada tabel yang mempunyai kolom satuan, baris dengan target tetapi tanpa satuan.",
        "Target tanpa satuan tidak bermakna: 100 apa? Persen, orang, dokumen?",
        "Tabel 4.1, Administrasi Keuangan Perangkat Daerah: target 100, satuan kosong.",
        "Isi satuan sesuai indikatornya (untuk indikator persentase: %).",
    ),
    en=Dok(
        "Missing unit",
        "In a table with a unit column, a row with a target but no unit.",
        "A target without a unit means nothing: 100 of what? Percent, people, documents?",
        "Tabel 4.1, Administrasi Keuangan Perangkat Daerah: target 100, empty unit.",
        "Fill in the unit that matches the indicator (for a percentage indicator: %).",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana", "evaluasi"):
        sat_col = tabel.columns.get("satuan")
        if tabel.kind == "rencana":
            if not sat_col:
                continue
            for row in tabel.rows:
                if not isinstance(row, RencanaBaris) or row.satuan is not None or row.total:
                    continue
                t = next((n for n in row.target.values() if n.value is not None), None)
                if t is None:
                    continue
                cell = f"{sat_col}{row.row}"
                yield ctx.temuan(
                    tabel, row, cell,
                    f"Target {angka(t.value)} tanpa satuan",
                    f"Target {angka(t.value)} without a unit",
                )
        else:
            for row in tabel.rows:
                if not isinstance(row, EvaluasiBaris):
                    continue
                for n in (4, 9):
                    t = row.kolom.get(n)
                    if t is None or t.value is None or n in row.satuan_kolom:
                        continue
                    yield ctx.temuan(
                        tabel, row, t.cell,
                        f"Kolom {n}: target {angka(t.value)} tanpa satuan",
                        f"Column {n}: target {angka(t.value)} without a unit",
                    )
                    break
