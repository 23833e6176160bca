"""P010 spm-di-bawah-standar: an SPM achievement below the service standard stated in its row."""

from __future__ import annotations

from ..context import angka
from ..registry import Dok, aturan
from .common import pendek


@aturan(
    "P010", "spm-di-bawah-standar", "warning",
    id=Dok(
        judul="Capaian SPM di bawah standar",
        apa="Pada Tabel 2.2 (kinerja pelayanan, T-C.30): realisasi capaian satu tahun yang lebih rendah dari nilai "
        "di kolom SPM/standar nasional baris yang sama (untuk indikator negatif, yang makin kecil makin baik: "
        "lebih tinggi dari standarnya).",
        mengapa="Standar pelayanan minimal adalah kewajiban; capaian di bawahnya harus dianalisis di kolom catatan "
        "dan ditangani dalam program tahun rencana.",
        contoh="Persentase korban bencana yang dievakuasi dengan sarana tanggap darurat: realisasi 2021 3,23 % "
        "terhadap standar 80 %.",
        perbaikan="Periksa angkanya; bila benar, tulis analisis dan rencana tindak lanjutnya di Catatan Analisis.",
    ),
    en=Dok(
        judul="SPM achievement below its standard",
        apa="In Tabel 2.2 (service performance, T-C.30): a year's realised achievement lower than the value in the "
        "SPM/national standard column of the same row (for a negative indicator, where lower is better: higher "
        "than its standard).",
        mengapa="A minimum service standard is an obligation; an achievement below it must be analysed in the notes "
        "and addressed in the plan year's programs.",
        contoh="Share of disaster victims evacuated with emergency means: 2021 realisation 3.23 % against a standard "
        "of 80 %.",
        perbaikan="Check the figure; if right, write the analysis and the follow-up in Catatan Analisis.",
    ),
    jenis=("spm",),
)
def periksa(ctx, t):
    std = next((k for k in t.angka.values() if k.peran.ukuran == "nilai" and k.peran.bagian == "standar"), None)
    if std is None:
        return
    reals = sorted(t.kolom("realisasi"), key=lambda k: k.peran.periode)
    for i in range(t.n):
        s = std.nilai[i] if std.pasti(i) else None
        if s is None or s <= 0:
            continue
        negatif = ctx.sifat.polaritas(t.kunci[i], t.indikator[i]) == "negatif"
        for k in reals:
            v = k.nilai[i] if k.pasti(i) else None
            if v is None or (v >= s if not negatif else v <= s):
                continue
            nama = pendek(t.indikator[i], 60)
            arah_id, arah_en = ("di atas", "above") if negatif else ("di bawah", "below")
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"Realisasi {k.peran.periode} '{nama}' {angka(v)} {arah_id} standar SPM {angka(s)}",
                f"The {k.peran.periode} realisation of '{nama}' {angka(v)} is {arah_en} the SPM standard {angka(s)}",
                expected=s, actual=v, terkait=[f"{t.sheet}!{t.sel(std, i)}"],
            )
