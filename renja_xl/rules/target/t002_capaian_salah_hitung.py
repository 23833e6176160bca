"""T002 capaian-salah-hitung: stated columns 8, 10, 11 of an evaluation table vs recomputation."""

from __future__ import annotations

from ...core.capaian import tingkat_realisasi
from ..context import angka, rp
from ..registry import Dok, aturan
from ..struktur import nama_kolom


@aturan(
    "T002", "capaian-salah-hitung", "error",
    id=Dok(
        judul="Capaian salah hitung",
        apa="Pada tabel evaluasi (Tabel 2.1 / T-C.29): kolom 8 (tingkat realisasi = 7/6 × 100), kolom 10 "
        "(realisasi kumulatif = 5 + 7 + 9) atau kolom 11 (tingkat capaian = 10/4 × 100) yang tertulis berbeda "
        "dari hasil hitung (persentase: lebih dari 1 poin, ambang `ambang.capaian_persen`; jumlah: tepat). "
        "Disebutkan kolom mana dan nilai yang seharusnya.",
        mengapa="Tabel evaluasi adalah dasar penilaian kinerja tahun berjalan; persentase yang terbalik atau "
        "jumlah kumulatif yang tidak dijumlahkan memberi predikat yang salah.",
        contoh="Penyediaan Jasa Surat Menyurat: target 1.500, realisasi 1.667, kolom 8 tertulis 90 (6/7 terbalik); "
        "seharusnya 111,13.",
        perbaikan="Ganti angka dengan rumus (`=N12/L12*100`, `=J12+N12+Q12`) atau fungsi `RENJA_CAPAIAN`.",
    ),
    en=Dok(
        judul="Capaian computed wrongly",
        apa="In an evaluation table (Tabel 2.1 / T-C.29): a stated column 8 (tingkat realisasi = 7/6 × 100), 10 "
        "(cumulative realisation = 5 + 7 + 9) or 11 (tingkat capaian = 10/4 × 100) that differs from the "
        "recomputation (percentages: more than 1 point, threshold `ambang.capaian_persen`; sums: exact). "
        "The column and the expected value are reported.",
        mengapa="The evaluation table is the basis of the year's performance judgement; an inverted ratio or a "
        "cumulative figure that was never summed gives the wrong predikat.",
        contoh="Penyediaan Jasa Surat Menyurat: target 1,500, realised 1,667, column 8 states 90 (6/7 inverted); "
        "should be 111.13.",
        perbaikan="Replace the figures with formulas (`=N12/L12*100`, `=J12+N12+Q12`) or the `RENJA_CAPAIAN` function.",
    ),
    jenis=("evaluasi", "e81"),
    ambang=("capaian_persen",),
)
def periksa(ctx, t):
    if t.kind == "evaluasi":
        yield from _tc29(ctx, t)
    else:
        yield from _e81(ctx, t)
        yield from _relasi_nomor(ctx, t)


_E81_BAKU = {("realisasi", "n"), ("realisasi", "s/d"), ("realisasi_rp", "n"), ("realisasi_rp", "s/d"),
             ("capaian", "n"), ("capaian", "s/d"), ("capaian_rp", "n"), ("capaian_rp", "s/d")}


def _relasi_nomor(ctx, t):
    """A column the number row defines (``16 = 15 / 8 x 100`` in a local variant of the form), checked
    on every row once most rows follow it: a relation no row follows is a typo in the header, said by
    no finding. Columns the form's own relations cover are not checked twice."""
    tol = ctx.config.ambang.capaian_persen
    for rel in t.relasi:
        k = t.angka.get(rel.kolom)
        dari = [t.angka.get(x) for x in rel.dari]
        if k is None or None in dari or (k.peran.ukuran, k.peran.periode) in _E81_BAKU:
            continue
        uang = k.peran.uang
        hasil: list[tuple[int, float, float]] = []
        for i in range(t.n):
            v = _v(k, i)
            xs = [_v(d, i) for d in dari]
            if v is None or any(x is None for x in xs) or t.total[i]:
                continue
            if rel.operasi == "jumlah":
                exp = sum(xs)
            elif rel.operasi == "selisih":
                exp = xs[0] - xs[1]
            else:
                exp = tingkat_realisasi(xs[0], xs[1]) if rel.persen else (xs[0] / xs[1] if xs[1] else None)
            if exp is not None:
                hasil.append((i, v, exp))
        batas = tol if rel.operasi == "rasio" else (0.5 if uang else 1e-9)
        ikut = sum(1 for _, v, e in hasil if abs(v - e) <= batas)
        if ikut < 3 or ikut * 2 < len(hasil):
            continue  # the rows do not follow what the header states: not a relation of this table
        fmt = rp if uang else angka
        for i, v, e in hasil:
            if abs(v - e) <= batas:
                continue
            yield ctx.temuan(
                t, i, t.sel(k, i),
                f"{nama_kolom(k, 'id').capitalize()} tertulis {fmt(v)}, seharusnya {fmt(e)} menurut baris nomor kolom "
                f"({rel.teks})",
                f"{nama_kolom(k, 'en').capitalize()} states {fmt(v)}, expected {fmt(e)} by the column-number row "
                f"({rel.teks})",
                expected=round(e, 2), actual=v,
            )


def _v(k, i):
    return k.nilai[i] if k is not None and k.pasti(i) else None


def _tc29(ctx, t):
    """Tabel 2.1 (T-C.29): column 8 = 7/6 × 100, 10 = 5 + 7 + 9 (or 9 alone for an indicator that does
    not add up), 11 = 10/4 × 100 — computed from column 10 as it should be, not as written."""
    tol = ctx.config.ambang.capaian_persen
    kol = {int(k.peran.bagian): k for k in t.angka.values() if k.peran.ukuran == "kolom"}
    for i in range(t.n):
        v = {n: _v(k, i) for n, k in kol.items()}
        c8, c10, c11 = kol.get(8), kol.get(10), kol.get(11)
        exp8 = tingkat_realisasi(v.get(7), v.get(6))
        if c8 is not None and v.get(8) is not None and exp8 is not None and abs(exp8 - v[8]) > tol:
            inverted = v.get(7) and abs(v[6] / v[7] * 100 - v[8]) <= tol
            note_id = " (tertulis 6/7: terbalik)" if inverted else ""
            note_en = " (stated as 6/7: inverted)" if inverted else ""
            yield ctx.temuan(
                t, i, t.sel(c8, i),
                f"Kolom 8 (tingkat realisasi = 7/6 × 100) tertulis {angka(v[8])}, seharusnya {angka(exp8, 2)}{note_id}",
                f"Column 8 (tingkat realisasi = 7/6 × 100) states {angka(v[8])}, expected {angka(exp8, 2)}{note_en}",
                expected=round(exp8, 2), actual=v[8],
            )
        # column 10: the cumulative realisation
        benar10 = v.get(10)
        sumber_id = sumber_en = "kolom 10 sebagaimana tertulis"
        if c10 is not None and all(v.get(n) is not None for n in (5, 7, 9)):
            sat = (kol[4].satuan.teks[i] if kol.get(4) is not None and kol[4].satuan is not None else "") or t.satuan[i]
            jenis = ctx.sifat.kumulatif(t.kunci[i], t.indikator[i], sat)
            if jenis is not False and not ctx.sifat.ditetapkan_kumulatif(t.kunci[i]) and v.get(4) is not None and (
                    v[4] <= max(v.get(6) or 0, v[9])):
                jenis = False  # the Renstra's end target is no more than one year's: a level, not a running count
            exp10 = v[5] + v[7] + v[9]
            ditetapkan = ctx.sifat.ditetapkan_kumulatif(t.kunci[i])
            if jenis is False:
                exp10_alt = v[9]  # a rate or a level: the latest value, not a sum
                ok = v.get(10) is None or abs(exp10_alt - v[10]) <= 1e-9 or (
                    not ditetapkan and abs(exp10 - v[10]) <= 1e-9)  # a guess accepts the sum too
                benar10 = v.get(10) if ok else exp10_alt
            else:
                ok = v.get(10) is None or abs(exp10 - v[10]) <= 1e-9
                benar10 = v.get(10) if ok else exp10
            if not ok:
                sumber_id = f"kolom 10 yang seharusnya ({angka(benar10)})"
                sumber_en = f"column 10 as it should be ({angka(benar10)})"
                if jenis is False:
                    yield ctx.temuan(
                        t, i, t.sel(c10, i),
                        f"Kolom 10 (realisasi kumulatif) tertulis {angka(v[10])}; indikator ini tidak dijumlahkan "
                        f"({'ditetapkan untuk kode ini' if ditetapkan else 'persentase/tingkat'}), seharusnya nilai "
                        f"terakhir kolom 9 = {angka(v[9])}",
                        f"Column 10 (cumulative realisation) states {angka(v[10])}; this indicator does not add up "
                        f"({'set for this kode' if ditetapkan else 'a rate or level'}), expected the latest value, "
                        f"column 9 = {angka(v[9])}",
                        expected=v[9], actual=v[10],
                    )
                else:
                    yield ctx.temuan(
                        t, i, t.sel(c10, i),
                        f"Kolom 10 (realisasi kumulatif = 5 + 7 + 9) tertulis {angka(v[10])}, seharusnya "
                        f"{angka(v[5])} + {angka(v[7])} + {angka(v[9])} = {angka(exp10)}",
                        f"Column 10 (cumulative realisation = 5 + 7 + 9) states {angka(v[10])}, expected "
                        f"{angka(v[5])} + {angka(v[7])} + {angka(v[9])} = {angka(exp10)}",
                        expected=exp10, actual=v[10],
                    )
        exp11 = tingkat_realisasi(benar10, v.get(4))
        if c11 is not None and v.get(11) is not None and exp11 is not None and abs(exp11 - v[11]) > tol:
            yield ctx.temuan(
                t, i, t.sel(c11, i),
                f"Kolom 11 (tingkat capaian = 10/4 × 100) tertulis {angka(v[11])}, seharusnya {angka(exp11, 2)} "
                f"(dari {sumber_id})",
                f"Column 11 (tingkat capaian = 10/4 × 100) states {angka(v[11])}, expected {angka(exp11, 2)} "
                f"(from {sumber_en})",
                expected=round(exp11, 2), actual=v[11],
            )


def _kumulatif_e81(ctx, t, i) -> bool | None:
    jenis = ctx.sifat.kumulatif(t.kunci[i], t.indikator[i], t.satuan[i])
    if ctx.sifat.ditetapkan_kumulatif(t.kunci[i]):
        return jenis  # set by the reviewer for this kode
    akhir, tahunan = _satu(t, "target", "renstra"), _satu(t, "target", "n")
    if jenis is not False and akhir is not None and tahunan is not None:
        a, b = akhir.nilai[i], tahunan.nilai[i]
        if a is not None and b is not None and a <= b:
            return False  # the Renstra's end target is no more than this year's: a level, not a running count
    return jenis


def _satu(t, ukuran, periode):
    return next(iter(t.kolom(ukuran, periode=periode)), None)


def _e81(ctx, t):
    """E.81: realisasi Renja = TW I + … + IV; realisasi Renstra s.d. tahun berjalan = s.d. tahun lalu +
    realisasi Renja; tingkat capaian = realisasi / target × 100 (K). Money always adds up; kinerja only
    when the indicator counts something (a rate or a level does not add up). A sum left empty while
    its parts hold values is said too: the capaian beside it then shows 0 %."""
    tol = ctx.config.ambang.capaian_persen
    for rp_, real_n_u in ((False, "realisasi"), (True, "realisasi_rp")):
        tws = [k for k in t.kolom(real_n_u) if k.peran.periode.startswith("TW")]
        real_n = _satu(t, real_n_u, "n")
        lalu = _satu(t, real_n_u, "s/d lalu")
        sd = _satu(t, real_n_u, "s/d")
        for i in range(t.n):
            if t.total[i]:
                continue
            jenis = True if rp_ else _kumulatif_e81(ctx, t, i)
            fmt = rp if rp_ else angka
            what_id = "realisasi (Rp)" if rp_ else "realisasi (K)"
            what_en = "realisation (Rp)" if rp_ else "realisation (K)"
            # realisasi n = sum of the quarters
            if real_n is not None and tws and real_n.pasti(i) and all(k.pasti(i) for k in tws):
                parts = [(k, k.nilai[i]) for k in tws if k.nilai[i] is not None]
                stated = real_n.nilai[i]
                if parts:
                    total = sum(v for _, v in parts)
                    rumus = " + ".join(f"{k.huruf}" for k, _ in parts)
                    if stated is None and any(v for _, v in parts):
                        yield ctx.temuan(
                            t, i, t.sel(real_n, i),
                            f"{what_id.capitalize()} tahun berjalan kosong padahal ada realisasi triwulan ({rumus})",
                            f"{what_en.capitalize()} of the year is empty while the quarters hold values ({rumus})",
                            expected=total if jenis else None, actual=None,
                        )
                    elif stated is not None and jenis and abs(total - stated) > (0.5 if rp_ else 1e-9) and (
                            rp_ or ctx.sifat.ditetapkan_kumulatif(t.kunci[i]) or abs(parts[-1][1] - stated) > 1e-9):
                        # K: a level reads its latest quarter (unless the reviewer set this kode cumulative)
                        yield ctx.temuan(
                            t, i, t.sel(real_n, i),
                            f"{what_id.capitalize()} tahun berjalan tertulis {fmt(stated)}, seharusnya jumlah triwulan "
                            f"{rumus} = {fmt(total)}",
                            f"{what_en.capitalize()} of the year states {fmt(stated)}, expected the sum of the quarters "
                            f"{rumus} = {fmt(total)}",
                            expected=total, actual=stated,
                        )
            # realisasi s.d. tahun berjalan = s.d. tahun lalu + tahun berjalan
            if sd is not None and real_n is not None and sd.pasti(i) and real_n.pasti(i) and (
                    lalu is None or lalu.pasti(i)):
                a = lalu.nilai[i] if lalu is not None else None
                b = real_n.nilai[i]
                stated = sd.nilai[i]
                if b is not None or a is not None:
                    total = (a or 0) + (b or 0)
                    rumus = f"{lalu.huruf} + {real_n.huruf}" if lalu is not None else real_n.huruf
                    if stated is None and (a or b):
                        yield ctx.temuan(
                            t, i, t.sel(sd, i),
                            f"{what_id.capitalize()} Renstra s.d. tahun berjalan kosong padahal ada realisasi "
                            f"({rumus}: {fmt(a)} + {fmt(b)}); capaian Renstra menjadi 0 %",
                            f"{what_en.capitalize()} of the Renstra up to this year is empty while there is "
                            f"realisation ({rumus}: {fmt(a)} + {fmt(b)}); the Renstra capaian shows 0 %",
                            expected=total if jenis else None, actual=None,
                        )
                    elif stated is not None and jenis and abs(total - stated) > (0.5 if rp_ else 1e-9):
                        yield ctx.temuan(
                            t, i, t.sel(sd, i),
                            f"{what_id.capitalize()} Renstra s.d. tahun berjalan tertulis {fmt(stated)}, seharusnya "
                            f"{rumus} = {fmt(total)}",
                            f"{what_en.capitalize()} of the Renstra up to this year states {fmt(stated)}, expected "
                            f"{rumus} = {fmt(total)}",
                            expected=total, actual=stated,
                        )
    # capaian (K) = realisasi / target × 100
    for per, target_per in (("n", "n"), ("s/d", "renstra")):
        cap = _satu(t, "capaian", per)
        real = _satu(t, "realisasi", per)
        target = _satu(t, "target", target_per)
        if cap is None or real is None or target is None:
            continue
        for i in range(t.n):
            c, r, g = _v(cap, i), _v(real, i), _v(target, i)
            if c is None or r is None or t.total[i]:
                continue
            exp = tingkat_realisasi(r, g)
            if exp is None or abs(exp - c) <= tol:
                continue
            yield ctx.temuan(
                t, i, t.sel(cap, i),
                f"{nama_kolom(cap, 'id').capitalize()} tertulis {angka(c)} %, seharusnya {real.huruf}/{target.huruf} "
                f"× 100 = {angka(exp, 2)} %",
                f"{nama_kolom(cap, 'en').capitalize()} states {angka(c)} %, expected {real.huruf}/{target.huruf} "
                f"× 100 = {angka(exp, 2)} %",
                expected=round(exp, 2), actual=c,
            )
