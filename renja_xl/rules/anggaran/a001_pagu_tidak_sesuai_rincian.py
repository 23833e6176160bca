"""A001 pagu-tidak-sesuai-rincian: a parent's pagu differs from the sum of its children's."""

from __future__ import annotations

from ...core.kode import level_name
from ..context import rp
from ..registry import Dok, aturan
from ..padanan import nama_review, susunan_review
from ..rumus.common import sebab_rumus
from ..struktur import Rincian, kolom_uang, judul_saja, nama_kolom, rincian_induk
from .common import JENIS_UANG, rupiah


_ANAK = {"kegiatan": "sub kegiatan", "program": "kegiatan", "bidang": "program", "urusan": "bidang"}
_ANAK_EN = {"kegiatan": "sub kegiatan", "program": "kegiatan", "bidang": "program", "urusan": "bidang"}


def _biasa_terisi(levels, k, grups) -> dict[str, bool]:
    """Per parent level, whether the parents of that level usually carry this column (a column filled
    only on sub kegiatan rows, such as a SIPD anggaran kas, is not expected on its parents)."""
    isi: dict[str, list[int]] = {}
    for g in grups:
        c = isi.setdefault(levels[g.induk], [0, 0])
        c[0] += 1
        if k.nilai[g.induk] is not None:
            c[1] += 1
    return {lvl: n < 3 or filled * 2 >= n for lvl, (n, filled) in isi.items()}


@aturan(
    "A001", "pagu-tidak-sesuai-rincian", "error",
    id=Dok(
        judul="Pagu tidak sesuai rinciannya",
        apa="Baris bidang, program atau kegiatan yang pagunya berbeda dari jumlah pagu baris anaknya (menurut "
        "kode, bukan urutan baris) di tabel yang sama, tepat dalam rupiah, per tahun. Tidak diperiksa untuk "
        "induk tanpa anak, atau bila pagu anak tidak terbaca (A006), atau bila ada baris tanpa kode terbaca "
        "(K001, K004) yang termasuk padanya (baris itu milik baris berkode tepat di atasnya, atau induk dari "
        "sub kegiatan itu). Induk di atasnya tetap diperiksa terhadap anak-anaknya sendiri.",
        mengapa="Pagu induk adalah penjumlahan rinciannya; selisih berarti ada sub kegiatan yang terlewat, angka "
        "yang diketik ulang tidak sama, atau rumus SUM yang tidak mencakup semua baris.",
        contoh="Kegiatan 1.06.01.2.01 tertulis Rp 28.263.416 sedangkan jumlah sub kegiatannya Rp 28.263.400 "
        "(selisih Rp 16).",
        perbaikan="Jalankan **Hitung Ulang Rollup** di workbook master, atau perbaiki pagu induk atau anak yang salah.",
    ),
    en=Dok(
        judul="Pagu does not match its breakdown",
        apa="A bidang, program or kegiatan row whose pagu differs from the sum of its child rows' pagu (by "
        "kode, not row order) in the same table, exact in whole rupiah, per year. Not checked for a parent "
        "without children, nor when a child amount is unreadable (A006), nor when a row without a readable "
        "kode (K001, K004) belongs to it (such a row belongs to the coded row just above it, or to that sub "
        "kegiatan's parent). Parents further up are still checked against their own children.",
        mengapa="A parent's pagu is the sum of its breakdown; a difference means a missing sub kegiatan, a retyped "
        "number that differs, or a SUM formula that misses rows.",
        contoh="Kegiatan 1.06.01.2.01 states Rp 28.263.416 while its sub kegiatan add up to Rp 28.263.400 "
        "(difference Rp 16).",
        perbaikan="Run **Hitung Ulang Rollup** in the master workbook, or correct the wrong parent or child amount.",
    ),
    jenis=(*JENIS_UANG, "review"),
)
def periksa(ctx, t):
    cols = kolom_uang(t)
    if any(k.peran.sisi == "setelah" for k in cols):  # a Perubahan: A010 checks each row's difference
        cols = [k for k in cols if k.peran.ukuran != "selisih_rp"]
    if not cols:
        return
    levels = t.level
    if t.kind == "review":  # no kode: the rows by their names and order (Tabel 4.1 says which is which)
        sus = susunan_review(t, ctx.tables)
        levels = sus.level
        grups = [Rincian(p, kids, not sus.pasti[p] or not all(sus.pasti[c] for c in kids))
                 for p, kids in sus.anak.items()]  # a row placed by guess: its parent is not checked
        grups.sort(key=lambda g: -("program", "kegiatan").index(levels[g.induk]))
    else:
        grups = list(rincian_induk(t))
        # deepest parents first, so a parent is checked against what its children should hold: a child
        # reported wrong here counts with its own children's sum (one cause, one finding)
        grups.sort(key=lambda g: -(t.kunci[g.induk] or "").count("."))
    for k in cols:
        biasa = _biasa_terisi(levels, k, grups)
        benar: dict[int, int | float] = {}
        nilai = k.nilai
        semua_pasti = not k.galat and not k.tanpa_nilai  # every value known: pasti() is True throughout
        for grup in grups:
            if grup.tercemar:
                continue
            p, kids = grup.induk, grup.anak
            if not semua_pasti and (not k.pasti(p) or any(not k.pasti(c) for c in kids)
                                    or any(not k.pasti(b) for b in grup.bagian)):
                continue
            tertulis = sum(v for v in [nilai[c] for c in kids] if v is not None)
            if benar and any(c in benar for c in kids):
                total = sum(v for v in (benar.get(c, nilai[c]) for c in kids) if v is not None)
            else:
                total = tertulis  # no child corrected: what they should hold is what they hold
            stated = nilai[p]
            if stated is None and (total == 0 or judul_saja(t, p) or not biasa.get(levels[p])):
                continue  # nothing on either side, a heading line, or a column its parents leave empty
            if stated is not None and rupiah(stated) in (rupiah(total), rupiah(tertulis)):
                continue  # it adds up its children as they are written, or as they should be
            if grup.bagian:  # an E.81 program whose amounts are split over its indicator lines
                bersama = (stated or 0) + sum(k.nilai[b] or 0 for b in grup.bagian)
                if rupiah(bersama) == rupiah(total):
                    continue
            benar[p] = total
            lvl = level_name(levels[p])
            if t.kode[p] is None and t.kind == "review":  # no kode to show: the row's name says which
                nama = " ".join(nama_review(t, p).split())
                lvl += f" '{nama if len(nama) <= 50 else nama[:49] + '…'}'"
            anak = _ANAK.get(levels[p], "baris anak")
            anak_en = _ANAK_EN.get(levels[p], "child rows")
            kol_id, kol_en = nama_kolom(k, "id"), nama_kolom(k, "en")
            cell = t.sel(k, p)
            if stated is None:
                yield ctx.temuan(
                    t, p, cell,
                    f"{kol_id.capitalize()} {lvl} kosong, padahal jumlah {anak} {rp(total)}",
                    f"{kol_en.capitalize()} of the {lvl} is empty while its {anak_en} add up to {rp(total)}",
                    expected=rupiah(total), actual=None,
                )
                continue
            selisih = rupiah(stated) - rupiah(total)
            sebab = sebab_rumus(ctx, t, k, p) or ("", "")  # the formula is why: F001 says how
            yield ctx.temuan(
                t, p, cell,
                f"{kol_id.capitalize()} {lvl} {rp(stated)} ≠ jumlah {anak} {rp(total)} (selisih {rp(abs(selisih))})"
                f"{sebab[0]}",
                f"{kol_en.capitalize()} of the {lvl} {rp(stated)} ≠ sum of its {anak_en} {rp(total)} "
                f"(difference {rp(abs(selisih))}){sebab[1]}",
                expected=rupiah(total), actual=rupiah(stated),
            )
