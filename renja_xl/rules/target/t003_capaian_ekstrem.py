"""T003 capaian-ekstrem: a recomputed tingkat realisasi or capaian above 150 %."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka
from ..registry import Dok, aturan


@aturan(
    "T003", "capaian-ekstrem", "warning",
    id=Dok(
        judul="Capaian ekstrem",
        apa="Tingkat realisasi (7/6) atau tingkat capaian (10/4) hasil hitung di atas 150 % (ambang "
        "`ambang.capaian_ekstrem`), pada tabel evaluasi. Indikator negatif (makin kecil makin baik: angka "
        "kematian, jumlah kejadian) dihitung dengan rumus negatif `[capaian] rumus_negatif`.",
        mengapa="Capaian jauh di atas target biasanya berarti target salah, satuan berbeda antara target dan "
        "realisasi, atau realisasi kumulatif yang dijumlahkan dua kali.",
        contoh="Pemberian Layanan Data dan Pengaduan: target Renstra 133 orang, realisasi kumulatif 1.025 (771 %).",
        perbaikan="Periksa target dan satuannya; bila benar, jelaskan di catatan.",
    ),
    en=Dok(
        judul="Extreme capaian",
        apa="A recomputed tingkat realisasi (7/6) or tingkat capaian (10/4) above 150 % (threshold "
        "`ambang.capaian_ekstrem`) in an evaluation table. A negative indicator (lower is better: death rates, "
        "numbers of incidents) is computed with the negative formula `[capaian] rumus_negatif`.",
        mengapa="Achievement far above target usually means a wrong target, different units for target and "
        "realisation, or a cumulative figure counted twice.",
        contoh="Pemberian Layanan Data dan Pengaduan: Renstra target 133 people, cumulative realisation 1,025 (771 %).",
        perbaikan="Check the target and its unit; if right, explain it in the notes.",
    ),
    jenis=("evaluasi", "e81"),
    ambang=("capaian_ekstrem",),
)
def periksa(ctx, t):
    batas = ctx.config.ambang.capaian_ekstrem
    atur = ctx.config.capaian  # a negative indicator (lower is better) by the configured formula
    if t.kind == "evaluasi":
        kol = {int(k.peran.bagian): k for k in t.angka.values() if k.peran.ukuran == "kolom"}
        for i in range(t.n):
            v = {n: (k.nilai[i] if k.pasti(i) else None) for n, k in kol.items()}
            pol = ctx.sifat.polaritas(t.kunci[i], t.indikator[i])
            for col, num, den, name in ((8, 7, 6, "Tingkat realisasi (7/6)"), (11, 10, 4, "Tingkat capaian (10/4)")):
                c = atur.hitung(v.get(num), v.get(den), pol)
                if c is None or c <= batas:
                    continue
                k = kol.get(col) or kol.get(num)
                yield ctx.temuan(
                    t, i, t.sel(k, i),
                    f"{name} = {angka(c, 2)} % (di atas {angka(batas)} %): periksa target dan satuannya",
                    f"{name} = {angka(c, 2)} % (above {angka(batas)} %): check the target and its unit",
                    actual=round(c, 2),
                )
        return
    # E.81: the capaian of the year and of the Renstra, kinerja and money, as stated (else computed)
    for ukuran, num_u, den_u in (("capaian", "realisasi", "target"), ("capaian_rp", "realisasi_rp", "pagu")):
        for per, den_per in (("n", "n"), ("s/d", "renstra")):
            cap = next(iter(t.kolom(ukuran, periode=per)), None)
            num = next(iter(t.kolom(num_u, periode=per)), None)
            den = next(iter(t.kolom(den_u, periode=den_per)), None)
            for i in range(t.n):
                if t.total[i]:
                    continue
                c = cap.nilai[i] if cap is not None and cap.pasti(i) else None
                if c is None and num is not None and den is not None:
                    if ukuran == "capaian":
                        c = atur.hitung(num.nilai[i], den.nilai[i], ctx.sifat.polaritas(t.kunci[i], t.indikator[i]))
                    else:
                        c = tingkat_realisasi(num.nilai[i], den.nilai[i])
                if c is None or c <= batas:
                    continue
                k = cap if cap is not None else num
                what_id = ("capaian kinerja" if ukuran == "capaian" else "realisasi anggaran") + (
                    " tahun berjalan" if per == "n" else " Renstra")
                what_en = ("performance capaian" if ukuran == "capaian" else "budget realisation") + (
                    " of the year" if per == "n" else " of the Renstra")
                yield ctx.temuan(
                    t, i, t.sel(k, i),
                    f"Tingkat {what_id} = {angka(c, 2)} % (di atas {angka(batas)} %): periksa target, satuan dan "
                    "penjumlahannya",
                    f"{what_en.capitalize()} = {angka(c, 2)} % (above {angka(batas)} %): check the target, the unit "
                    "and how it was summed",
                    actual=round(c, 2),
                )
