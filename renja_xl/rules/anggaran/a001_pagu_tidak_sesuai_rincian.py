"""A001 pagu-tidak-sesuai-rincian: a parent's pagu differs from the sum of its children's."""

from __future__ import annotations

from ...core.kode import level_name
from ..context import rp
from ..registry import Dok, aturan
from .common import pagu_per_tahun, rincian_induk, rupiah


@aturan(
    "A001", "pagu-tidak-sesuai-rincian", "error",
    id=Dok(
        "Pagu tidak sesuai rinciannya",
        "Baris bidang, program atau kegiatan yang pagunya berbeda dari jumlah pagu baris anaknya (menurut "
        "kode, bukan urutan baris) di tabel yang sama, tepat dalam rupiah, per tahun. Tidak diperiksa untuk "
        "induk tanpa anak, atau bila pagu anak tidak terbaca (A006), atau bila ada baris tanpa kode terbaca "
        "(K001, K004) yang termasuk padanya (baris itu milik baris berkode tepat di atasnya, atau induk dari "
        "sub kegiatan itu). Induk di atasnya tetap diperiksa terhadap anak-anaknya sendiri.",
        "Pagu induk adalah penjumlahan rinciannya; selisih berarti ada sub kegiatan yang terlewat, angka "
        "yang diketik ulang tidak sama, atau rumus SUM yang tidak mencakup semua baris.",
        "Kegiatan 1.06.01.2.01 tertulis Rp 28.263.416 sedangkan jumlah sub kegiatannya Rp 28.263.400 "
        "(selisih Rp 16).",
        "Jalankan **Hitung Ulang Rollup** di workbook master, atau perbaiki pagu induk atau anak yang salah.",
    ),
    en=Dok(
        "Pagu does not match its breakdown",
        "A bidang, program or kegiatan row whose pagu differs from the sum of its child rows' pagu (by "
        "kode, not row order) in the same table, exact in whole rupiah, per year. Not checked for a parent "
        "without children, nor when a child amount is unreadable (A006), nor when a row without a readable "
        "kode (K001, K004) belongs to it (such a row belongs to the coded row just above it, or to that sub "
        "kegiatan's parent). Parents further up are still checked against their own children.",
        "A parent's pagu is the sum of its breakdown; a difference means a missing sub kegiatan, a retyped "
        "number that differs, or a SUM formula that misses rows.",
        "Kegiatan 1.06.01.2.01 states Rp 28.263.416 while its sub kegiatan add up to Rp 28.263.400 "
        "(difference Rp 16).",
        "Run **Hitung Ulang Rollup** in the master workbook, or correct the wrong parent or child amount.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel("rencana", "realisasi"):
        for grup in rincian_induk(tabel):
            if grup.tercemar:
                continue
            parent, kids = grup.induk, grup.anak
            for year, cell in pagu_per_tahun(tabel, parent).items():
                if cell.tidak_pasti:
                    continue
                kid_cells = [pagu_per_tahun(tabel, k).get(year) for k in kids]
                if any(c is not None and c.tidak_pasti for c in kid_cells):
                    continue
                total = sum(c.value for c in kid_cells if c is not None and c.value is not None)
                stated = cell.value
                if stated is None and total == 0:
                    continue
                if stated is not None and rupiah(stated) == rupiah(total):
                    continue
                anak = "sub kegiatan" if parent.level == "kegiatan" else ("kegiatan" if parent.level == "program" else "program")
                lvl = level_name(parent.level)
                ytxt = f" {year}" if year else ""
                if stated is None:
                    yield ctx.temuan(
                        tabel, parent, cell.cell,
                        f"Pagu{ytxt} {lvl} kosong, padahal jumlah {anak} {rp(total)}",
                        f"Pagu{ytxt} of the {lvl} is empty while its {anak} add up to {rp(total)}",
                        expected=rupiah(total), actual=None,
                    )
                    continue
                selisih = rupiah(stated) - rupiah(total)
                yield ctx.temuan(
                    tabel, parent, cell.cell,
                    f"Pagu{ytxt} {lvl} {rp(stated)} ≠ jumlah {anak} {rp(total)} (selisih {rp(abs(selisih))})",
                    f"Pagu{ytxt} of the {lvl} {rp(stated)} ≠ sum of its {anak} {rp(total)} (difference {rp(abs(selisih))})",
                    expected=rupiah(total), actual=rupiah(stated),
                )
