"""T004 target-atau-pagu-kosong: a sub kegiatan with pagu but no target, or target but no pagu."""

from __future__ import annotations

from ..context import angka, rp
from ..registry import Dok, aturan


@aturan(
    "T004", "target-atau-pagu-kosong", "warning",
    id=Dok(
        "Target atau pagu kosong",
        "Pada tabel rencana, sub kegiatan dengan pagu > 0 tetapi tanpa target, atau target > 0 dengan pagu 0 "
        "atau kosong, untuk tahun yang sama.",
        "Anggaran tanpa target keluaran tidak dapat dievaluasi; target tanpa anggaran tidak dapat dicapai.",
        "Tabel 4.1: target 2025 kosong untuk setiap sub kegiatan yang pagu 2025-nya terisi.",
        "Isi target keluaran (dan satuannya) atau pagunya, sesuai rencana.",
    ),
    en=Dok(
        "Missing target or pagu",
        "In a plan table, a sub kegiatan with pagu > 0 but no target, or a target > 0 with pagu 0 or empty, "
        "for the same year.",
        "A budget without an output target cannot be evaluated; a target without a budget cannot be met.",
        "Tabel 4.1: the 2025 target is empty for every sub kegiatan whose 2025 pagu is filled in.",
        "Fill in the output target (and its unit) or the pagu, as planned.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana"):
        for row in tabel.rows:
            if row.level != "sub_kegiatan":
                continue
            for year in sorted(row.pagu.keys() | row.target.keys()):
                p, t = row.pagu.get(year), row.target.get(year)
                if (p is not None and p.tidak_pasti) or (t is not None and t.tidak_pasti):
                    continue
                pv = p.value if p is not None else None
                tv = t.value if t is not None else None
                if pv and tv:
                    continue  # both stated: the common case, nothing to say
                ytxt = f" {year}" if year else ""
                if pv and pv > 0 and tv is None and t is not None:
                    yield ctx.temuan(
                        tabel, row, t.cell,
                        f"Pagu{ytxt} {rp(pv)} tanpa target{ytxt}",
                        f"Pagu{ytxt} {rp(pv)} without a target{ytxt}",
                        actual=None,
                    )
                elif tv and tv > 0 and not pv and p is not None:
                    yield ctx.temuan(
                        tabel, row, p.cell,
                        f"Target{ytxt} {angka(tv)} tanpa pagu{ytxt}",
                        f"Target{ytxt} {angka(tv)} without a pagu{ytxt}",
                        actual=pv,
                    )
