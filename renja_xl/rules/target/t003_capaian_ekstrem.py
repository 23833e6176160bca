"""T003 capaian-ekstrem: a recomputed tingkat realisasi or capaian above 150 %."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "T003", "capaian-ekstrem", "warning",
    id=Dok(
        "Capaian ekstrem",
        "Tingkat realisasi (7/6) atau tingkat capaian (10/4) hasil hitung di atas 150 % (ambang "
        "`ambang.capaian_ekstrem`), pada tabel evaluasi.",
        "Capaian jauh di atas target biasanya berarti target salah, satuan berbeda antara target dan "
        "realisasi, atau realisasi kumulatif yang dijumlahkan dua kali.",
        "Pemberian Layanan Data dan Pengaduan: target Renstra 133 orang, realisasi kumulatif 1.025 (771 %).",
        "Periksa target dan satuannya; bila benar, jelaskan di catatan.",
    ),
    en=Dok(
        "Extreme capaian",
        "A recomputed tingkat realisasi (7/6) or tingkat capaian (10/4) above 150 % (threshold "
        "`ambang.capaian_ekstrem`) in an evaluation table.",
        "Achievement far above target usually means a wrong target, different units for target and "
        "realisation, or a cumulative figure counted twice.",
        "Pemberian Layanan Data dan Pengaduan: Renstra target 133 people, cumulative realisation 1,025 (771 %).",
        "Check the target and its unit; if right, explain it in the notes.",
    ),
)
def periksa(ctx):
    batas = ctx.config.ambang.capaian_ekstrem
    for tabel in ctx.tabel("evaluasi"):
        for row in tabel.rows:
            v = {n: (c.value if c is not None and not c.error else None) for n, c in row.kolom.items()}
            for col, num, den, name_id, name_en in (
                (8, 7, 6, "Tingkat realisasi (7/6)", "Tingkat realisasi (7/6)"),
                (11, 10, 4, "Tingkat capaian (10/4)", "Tingkat capaian (10/4)"),
            ):
                c = tingkat_realisasi(v.get(num), v.get(den))
                if c is None or c <= batas:
                    continue
                cell = row.kolom.get(col) or row.kolom.get(num)
                yield ctx.temuan(
                    tabel, row, cell.cell if cell else None,
                    f"{name_id} = {angka(c, 2)} % (di atas {angka(batas)} %): periksa target dan satuannya",
                    f"{name_en} = {angka(c, 2)} % (above {angka(batas)} %): check the target and its unit",
                    actual=round(c, 2),
                )
