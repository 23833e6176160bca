"""F007 target-dari-pagu: a target cell computed from the pagu of its own row and year."""

from __future__ import annotations

from ...core.alamat import indeks_kolom
from ...readers.rumus import kolom_sebaris
from ..context import angka
from ..registry import Dok, aturan
from ..struktur import nama_kolom, pasangan
from .common import rumus_tabel


@aturan(
    "F007", "target-dari-pagu", "warning",
    id=Dok(
        judul="Target dihitung dari pagu",
        apa="Sel target yang rumusnya hanya membaca pagu baris dan tahun yang sama (`=H41/2500000`: pagu dibagi "
        "biaya satuan). Disebutkan hasilnya, terutama bila pecahan. Pagu yang dihitung dari target "
        "(`=25000000*G45`, volume × harga satuan) adalah penganggaran biasa dan tidak dilaporkan.",
        mengapa="Target kinerja ditetapkan dari sasaran dan kebutuhan, lalu dianggarkan; target yang diturunkan dari "
        "anggaran berubah setiap kali pagu digeser, menghasilkan angka pecahan yang tidak masuk akal (46.512,87 km "
        "normalisasi sungai setahun), dan tidak lagi dapat dipakai untuk menilai kinerja.",
        contoh="G41 (target tahun 1) berisi `=H41/2500000`: 982.642.913 / 2.500.000 = 393,06 meter.",
        perbaikan="Ketik target yang ditetapkan dalam Renstra/Renja (bilangan dalam satuannya), lalu hitung pagu dari "
        "target bila perlu (`=target × harga satuan`), bukan sebaliknya.",
    ),
    en=Dok(
        judul="Target computed from the pagu",
        apa="A target cell whose formula reads only the pagu of its own row and year (`=H41/2500000`: the pagu "
        "divided by a unit cost). Its result is named, especially when it is a fraction. A pagu computed from the "
        "target (`=25000000*G45`, volume × unit price) is ordinary budgeting and is not reported.",
        mengapa="A performance target is set from the goal and the need, then budgeted; a target derived from the "
        "budget changes whenever the pagu moves, gives implausible fractions (46,512.87 km of river normalised in a "
        "year), and can no longer be used to judge performance.",
        contoh="G41 (target year 1) holds `=H41/2500000`: 982,642,913 / 2,500,000 = 393.06 metres.",
        perbaikan="Type the target set in the Renstra/Renja (a number in its unit), and compute the pagu from the "
        "target if needed (`=target × unit price`), not the other way round.",
    ),
    jenis=("rencana", "renstra", "perubahan"),
)
def periksa(ctx, t):
    rt = rumus_tabel(ctx, t)
    if rt is None or not rt.rumus:
        return
    pairs = [(target, pagu, indeks_kolom(pagu.huruf)) for target, pagu in pasangan(t, "target", "pagu")]
    for i in range(t.n):
        found = []
        for target, pagu, c_pagu in pairs:
            rc = rt.rc(target, i)
            f = rt.rumus.get(rc)
            if f is None:
                continue
            cols, lain = kolom_sebaris(f, rc[0], t.sheet)
            if not lain and cols == {c_pagu}:
                found.append((target, pagu, f))
        if not found:
            continue  # one finding per row: the first year's cell, the other years named
        target, pagu, f = found[0]
        v = target.nilai[i]
        pecahan = v is not None and not float(v).is_integer()
        hasil = angka(v, 2 if pecahan else None)
        sat = f" {t.satuan[i]}" if t.satuan[i] else ""
        kol_id, kol_en = nama_kolom(target, "id"), nama_kolom(target, "en")
        p_id, p_en = nama_kolom(pagu, "id"), nama_kolom(pagu, "en")
        lain_sel = [t.sel(x, i) for x, _, _ in found[1:]]
        juga_id = f"; begitu juga {', '.join(lain_sel)}" if lain_sel else ""
        juga_en = f"; so are {', '.join(lain_sel)}" if lain_sel else ""
        temuan = ctx.temuan(
            t, i, t.sel(target, i),
            f"{kol_id.capitalize()} dihitung dari {p_id} ({f}): hasilnya {hasil}{sat}{' (pecahan)' if pecahan else ''}"
            f"{juga_id}; target ditetapkan dari sasaran, bukan dari anggaran dibagi biaya satuan",
            f"{kol_en.capitalize()} is computed from the {p_en} ({f}): it comes to {hasil}{sat}"
            f"{' (a fraction)' if pecahan else ''}{juga_en}; a target is set from the goal, not from the budget "
            "divided by a unit cost",
            actual=f, terkait=[f"{t.sheet}!{c}" for c in lain_sel],
        )
        temuan.rumus = f
        yield temuan
