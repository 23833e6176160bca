"""K006 kode-salah-tempat: a row placed under a parent that its kode does not belong to."""

from __future__ import annotations

from ...core.kode import level_name
from ..registry import Dok, aturan
from ..struktur import salah_tempat
from .common import JENIS_BERKODE

@aturan(
    "K006", "kode-salah-tempat", "warning",
    jenis=JENIS_BERKODE,
    id=Dok(
        judul="Baris berada di bawah induk yang salah",
        apa="Sebuah sub kegiatan (atau kegiatan) diletakkan di bawah kegiatan (atau program) lain daripada "
        "induknya menurut kode, padahal induknya menurut kode ada di tabel yang sama. Hanya diperiksa pada tabel "
        "yang barisnya tersusun induk-anak (hampir setiap baris berada tepat di bawah induknya).",
        mengapa="Rumus jumlah induk biasanya mencakup baris-baris tepat di bawahnya: baris yang salah tempat "
        "dijumlahkan ke induk yang salah, dan induk yang benar kekurangan satu rinciannya. Nilai di kedua induk "
        "menjadi salah walaupun tidak ada angka yang salah ketik.",
        contoh="Sub kegiatan 1.03.08.2.01.0021 berada di baris 65, di bawah kegiatan 1.03.09.2.01 (baris 64); "
        "induknya menurut kode adalah 1.03.08.2.01 (baris 61), yang jumlahnya kini tidak cocok.",
        perbaikan="Pindahkan baris ke bawah induknya, atau betulkan kodenya bila barisnya yang benar; lalu "
        "jalankan **Hitung Ulang Rollup**.",
    ),
    en=Dok(
        judul="Row placed under the wrong parent",
        apa="A sub kegiatan (or kegiatan) placed under another kegiatan (or program) than its parent by kode, while "
        "its parent by kode is in the same table. Only checked in tables laid out parent over children (nearly "
        "every row directly under its parent).",
        mengapa="A parent's sum formula usually covers the rows right below it: a misplaced row is added to the "
        "wrong parent, and the right parent misses one of its parts. Both parents' amounts are then wrong without "
        "any mistyped number.",
        contoh="Sub kegiatan 1.03.08.2.01.0021 is on row 65, under kegiatan 1.03.09.2.01 (row 64); its parent by "
        "kode is 1.03.08.2.01 (row 61), whose sum now does not match.",
        perbaikan="Move the row under its parent, or correct its kode if the row is right; then run "
        "**Hitung Ulang Rollup**.",
    ),
)
def periksa(ctx, t):
    for i, j, p in salah_tempat(t):
        lvl, up = level_name(t.level[i]), level_name(t.level[j])
        yield ctx.temuan(
            t, i, t.kode_sel[i],
            f"{lvl.capitalize()} {t.kode[i]} berada di bawah {up} {t.kode[j]} (baris {t.baris[j]}), tetapi induknya "
            f"menurut kode adalah {t.kode[p]} (baris {t.baris[p]})",
            f"{lvl.capitalize()} {t.kode[i]} stands under {up} {t.kode[j]} (row {t.baris[j]}), but its parent by kode "
            f"is {t.kode[p]} (row {t.baris[p]})",
            expected=t.kode[p], actual=t.kode[j],
            terkait=[f"{t.sheet}!{t.kode_sel[j]}", f"{t.sheet}!{t.kode_sel[p]}"],
        )
