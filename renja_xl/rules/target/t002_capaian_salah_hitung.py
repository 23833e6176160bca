"""T002 capaian-salah-hitung: stated columns 8, 10, 11 of an evaluation table vs recomputation."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "T002", "capaian-salah-hitung", "error",
    id=Dok(
        "Capaian salah hitung",
        "Pada tabel evaluasi (Tabel 2.1 / T-C.29): kolom 8 (tingkat realisasi = 7/6 × 100), kolom 10 "
        "(realisasi kumulatif = 5 + 7 + 9) atau kolom 11 (tingkat capaian = 10/4 × 100) yang tertulis berbeda "
        "dari hasil hitung (persentase: lebih dari 1 poin, ambang `ambang.capaian_persen`; jumlah: tepat). "
        "Disebutkan kolom mana dan nilai yang seharusnya.",
        "Tabel evaluasi adalah dasar penilaian kinerja tahun berjalan; persentase yang terbalik atau "
        "jumlah kumulatif yang tidak dijumlahkan memberi predikat yang salah.",
        "Penyediaan Jasa Surat Menyurat: target 1.500, realisasi 1.667, kolom 8 tertulis 90 (6/7 terbalik); "
        "seharusnya 111,13.",
        "Ganti angka dengan rumus (`=N12/L12*100`, `=J12+N12+Q12`) atau fungsi `RENJA_CAPAIAN`.",
    ),
    en=Dok(
        "Capaian computed wrongly",
        "In an evaluation table (Tabel 2.1 / T-C.29): a stated column 8 (tingkat realisasi = 7/6 × 100), 10 "
        "(cumulative realisation = 5 + 7 + 9) or 11 (tingkat capaian = 10/4 × 100) that differs from the "
        "recomputation (percentages: more than 1 point, threshold `ambang.capaian_persen`; sums: exact). "
        "The column and the expected value are reported.",
        "The evaluation table is the basis of the year's performance judgement; an inverted ratio or a "
        "cumulative figure that was never summed gives the wrong predikat.",
        "Penyediaan Jasa Surat Menyurat: target 1,500, realised 1,667, column 8 states 90 (6/7 inverted); "
        "should be 111.13.",
        "Replace the figures with formulas (`=N12/L12*100`, `=J12+N12+Q12`) or the `RENJA_CAPAIAN` function.",
    ),
)
def periksa(ctx):
    tol = ctx.config.ambang.capaian_persen
    for tabel in ctx.tabel("evaluasi"):
        for row in tabel.rows:
            k = row.kolom
            v = {n: (c.value if c is not None and not c.error else None) for n, c in k.items()}
            # column 8 = 7 / 6 × 100
            c8 = k.get(8)
            exp8 = tingkat_realisasi(v.get(7), v.get(6))
            if c8 is not None and v.get(8) is not None and exp8 is not None and abs(exp8 - v[8]) > tol:
                inverted = v.get(7) and abs(v[6] / v[7] * 100 - v[8]) <= tol
                note_id = " (tertulis 6/7: terbalik)" if inverted else ""
                note_en = " (stated as 6/7: inverted)" if inverted else ""
                yield ctx.temuan(
                    tabel, row, c8.cell,
                    f"Kolom 8 (tingkat realisasi = 7/6 × 100) tertulis {angka(v[8])}, seharusnya {angka(exp8, 2)}{note_id}",
                    f"Column 8 (tingkat realisasi = 7/6 × 100) states {angka(v[8])}, expected {angka(exp8, 2)}{note_en}",
                    expected=round(exp8, 2), actual=v[8],
                )
            # column 10 = 5 + 7 + 9
            c10 = k.get(10)
            if c10 is not None and v.get(10) is not None and all(v.get(n) is not None for n in (5, 7, 9)):
                exp10 = v[5] + v[7] + v[9]
                if abs(exp10 - v[10]) > 1e-9:
                    yield ctx.temuan(
                        tabel, row, c10.cell,
                        f"Kolom 10 (realisasi kumulatif = 5 + 7 + 9) tertulis {angka(v[10])}, seharusnya "
                        f"{angka(v[5])} + {angka(v[7])} + {angka(v[9])} = {angka(exp10)}",
                        f"Column 10 (cumulative realisation = 5 + 7 + 9) states {angka(v[10])}, expected "
                        f"{angka(v[5])} + {angka(v[7])} + {angka(v[9])} = {angka(exp10)}",
                        expected=exp10, actual=v[10],
                    )
            # column 11 = 10 / 4 × 100
            c11 = k.get(11)
            exp11 = tingkat_realisasi(v.get(10), v.get(4))
            if c11 is not None and v.get(11) is not None and exp11 is not None and abs(exp11 - v[11]) > tol:
                yield ctx.temuan(
                    tabel, row, c11.cell,
                    f"Kolom 11 (tingkat capaian = 10/4 × 100) tertulis {angka(v[11])}, seharusnya {angka(exp11, 2)}",
                    f"Column 11 (tingkat capaian = 10/4 × 100) states {angka(v[11])}, expected {angka(exp11, 2)}",
                    expected=round(exp11, 2), actual=v[11],
                )
