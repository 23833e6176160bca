"""P002 target-pagu-tidak-seiring: in a Perubahan, a target changed while the pagu did not, or the reverse."""

from __future__ import annotations

from ..context import angka, rp
from ..registry import Dok, aturan
from ..struktur import daun
from .common import pasangan_sisi, persen_ubah


@aturan(
    "P002", "target-pagu-tidak-seiring", "warning",
    id=Dok(
        judul="Target dan pagu tidak berubah seiring",
        apa="Pada tabel Perubahan, sub kegiatan yang targetnya berubah sedangkan pagunya tetap sama persis, atau "
        "yang pagunya berubah sedikitnya 50 % (ambang `ambang.perubahan_pagu`) sedangkan targetnya tetap, untuk "
        "tahun yang sama. Tidak diperiksa bila pagu setelah perubahan 0 atau kosong (T004 menyebutnya), bila "
        "target setelah perubahan kosong, atau bila satuan target berubah.",
        mengapa="Target keluaran dibiayai oleh pagunya: target yang naik tanpa tambahan dana, atau dana yang "
        "dipotong separuh dengan target yang sama, biasanya berarti salah satunya lupa disesuaikan.",
        contoh="Penyediaan Gaji dan Tunjangan ASN: pagu Rp 27.311.277.596 menjadi Rp 13.432.052.200 (−51 %), target "
        "tetap 1 tahun.",
        perbaikan="Sesuaikan target dengan pagu yang baru (atau sebaliknya), atau jelaskan di kolom catatan mengapa "
        "keduanya tidak berubah seiring.",
    ),
    en=Dok(
        judul="Target and pagu do not change together",
        apa="In a Perubahan table, a sub kegiatan whose target changed while its pagu stayed exactly the same, or "
        "whose pagu changed by at least 50 % (threshold `ambang.perubahan_pagu`) while its target stayed, for the "
        "same year. Not checked when the after pagu is 0 or empty (T004 says so), when the after target is empty, "
        "or when the target's unit changed.",
        mengapa="An output target is paid for by its pagu: a target raised with no more money, or money cut by half "
        "with the same target, usually means one of them was not adjusted.",
        contoh="Penyediaan Gaji dan Tunjangan ASN: pagu Rp 27,311,277,596 to Rp 13,432,052,200 (−51 %), target "
        "still 1 year.",
        perbaikan="Adjust the target to the new pagu (or the reverse), or explain in the notes why they do not "
        "change together.",
    ),
    jenis=("perubahan",),
    butuh=("target", "pagu"),
    ambang=("perubahan_pagu",),
)
def periksa(ctx, t):
    batas = ctx.config.ambang.perubahan_pagu
    kamus = ctx.kamus
    pagus = {p[0].peran.periode: p for p in pasangan_sisi(t, "pagu")}
    for ta, tb in pasangan_sisi(t, "target"):
        pair = pagus.get(ta.peran.periode)
        if pair is None:
            continue
        pa, pb = pair
        for i in range(t.n):
            if t.total[i] or not daun(t, i) or not all(k.pasti(i) for k in (ta, tb, pa, pb)):
                continue
            x, y, a, b = ta.nilai[i], tb.nilai[i], pa.nilai[i], pb.nilai[i]
            if None in (x, y, a, b) or not b:
                continue
            sa = ta.satuan.teks[i] if ta.satuan is not None else t.satuan[i]
            sb = tb.satuan.teks[i] if tb.satuan is not None else t.satuan[i]
            if sa and sb and kamus.baca(sa).efektif != kamus.baca(sb).efektif:
                continue  # the unit changed too: the numbers are not the same measure
            if abs(x - y) > 1e-9 and abs(a - b) < 0.5:
                yield ctx.temuan(
                    t, i, t.sel(tb, i),
                    f"Target berubah dari {angka(x)} menjadi {angka(y)} sedangkan pagu tetap {rp(b)}",
                    f"The target changed from {angka(x)} to {angka(y)} while the pagu stayed {rp(b)}",
                    expected=x, actual=y, terkait=[f"{t.sheet}!{t.sel(pb, i)}"],
                )
                continue
            p = persen_ubah(a, b)
            if abs(x - y) < 1e-9 and p is not None and abs(p) >= batas:
                yield ctx.temuan(
                    t, i, t.sel(pb, i),
                    f"Pagu berubah dari {rp(a)} menjadi {rp(b)} ({'+' if p > 0 else ''}{angka(p, 0)} %) "
                    f"sedangkan target tetap {angka(y)}",
                    f"The pagu changed from {rp(a)} to {rp(b)} ({'+' if p > 0 else ''}{angka(p, 0)} %) while the "
                    f"target stayed {angka(y)}",
                    expected=a, actual=b, terkait=[f"{t.sheet}!{t.sel(tb, i)}"],
                )
