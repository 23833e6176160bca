"""P006 satuan-berubah-antartahun: one row's target is counted in another unit the next year."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..struktur import nama_kolom
from .p005_lonjakan_target import urut_periode


@aturan(
    "P006", "satuan-berubah-antartahun", "warning",
    id=Dok(
        judul="Satuan target berubah antartahun",
        apa="Dalam satu tabel, target satu baris yang satuannya (setelah dinormalkan: Dok = Dokumen, Lpaoran = "
        "Laporan) berbeda dari tahun ke tahun berikutnya: kolom 6 (target tahun lalu) dan kolom 9 (target tahun "
        "berjalan) Tabel 2.1 / T-C.29, atau kolom target per tahun yang masing-masing bersatuan di tabel rencana.",
        mengapa="Capaian dan kenaikan target hanya bermakna bila diukur dengan satuan yang sama; satuan yang "
        "berganti biasanya salah ketik atau indikator yang tertukar.",
        contoh="Tabel 2.1: target 2023 12 Dokumen, target 2024 5 Paket untuk sub kegiatan yang sama.",
        perbaikan="Pakai satu satuan untuk indikator itu di semua tahun (satuan nomenklatur), dan sesuaikan angkanya.",
    ),
    en=Dok(
        judul="Target unit changes between years",
        apa="In one table, a row's target whose unit (normalised: Dok = Dokumen, Lpaoran = Laporan) differs from one "
        "year to the next: column 6 (last year's target) and column 9 (this year's target) of Tabel 2.1 / T-C.29, "
        "or year target columns that each carry a unit in a plan table.",
        mengapa="Achievement and a target's growth mean something only in one unit; a unit that changes is usually "
        "a typo or a swapped indicator.",
        contoh="Tabel 2.1: 2023 target 12 Dokumen, 2024 target 5 Paket for the same sub kegiatan.",
        perbaikan="Use one unit for the indicator in every year (the nomenclature's), and adjust the numbers.",
    ),
    jenis=("evaluasi", "rencana", "renstra"),
)
def periksa(ctx, t):
    if t.kind == "evaluasi":
        kol = {k.peran.bagian: k for k in t.angka.values() if k.peran.ukuran == "kolom"}
        cols = [kol[n] for n in ("6", "9") if n in kol]
    else:
        cols = sorted((k for k in t.kolom("target") if k.satuan is not None and urut_periode(k.peran.periode)[0] < 9),
                      key=lambda k: (k.peran.sisi, urut_periode(k.peran.periode)))
    kamus = ctx.kamus
    for ka, kb in zip(cols, cols[1:], strict=False):
        if ka.satuan is None or kb.satuan is None or ka.peran.sisi != kb.peran.sisi:
            continue
        for i in range(t.n):
            if t.total[i] or ka.nilai[i] is None or kb.nilai[i] is None:
                continue
            sa, sb = ka.satuan.teks[i], kb.satuan.teks[i]
            if not sa or not sb:
                continue
            na, nb = kamus.baca(sa).efektif, kamus.baca(sb).efektif
            if na is None or nb is None or na == nb:
                continue
            yield ctx.temuan(
                t, i, t.sel(kb.satuan, i),
                f"Satuan {nama_kolom(kb, 'id')} {nb} berbeda dengan satuan {nama_kolom(ka, 'id')} {na}",
                f"The unit of {nama_kolom(kb, 'en')}, {nb}, differs from the unit of {nama_kolom(ka, 'en')}, {na}",
                expected=na, actual=sb, terkait=[f"{t.sheet}!{t.sel(ka.satuan, i)}"],
            )
