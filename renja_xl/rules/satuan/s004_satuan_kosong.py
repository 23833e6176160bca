"""S004 satuan-kosong: a row with a target but no unit."""

from __future__ import annotations

from ..context import angka
from ..registry import Dok, aturan
from ..struktur import nama_kolom


@aturan(
    "S004", "satuan-kosong", "warning",
    id=Dok(
        judul="Satuan kosong",
        apa="Pada tabel yang mempunyai kolom satuan, baris dengan target tetapi tanpa satuan.",
        mengapa="Target tanpa satuan tidak bermakna: 100 apa? Persen, orang, dokumen?",
        contoh="Tabel 4.1, Administrasi Keuangan Perangkat Daerah: target 100, satuan kosong.",
        perbaikan="Isi satuan sesuai indikatornya (untuk indikator persentase: %).",
    ),
    en=Dok(
        judul="Missing unit",
        apa="In a table with a unit column, a row with a target but no unit.",
        mengapa="A target without a unit means nothing: 100 of what? Percent, people, documents?",
        contoh="Tabel 4.1, Administrasi Keuangan Perangkat Daerah: target 100, empty unit.",
        perbaikan="Fill in the unit that matches the indicator (for a percentage indicator: %).",
    ),
    jenis=("rencana", "renstra", "perubahan", "evaluasi", "e81"),
)
def periksa(ctx, t):
    if t.kind == "evaluasi":
        kol = {int(k.peran.bagian): k for k in t.angka.values() if k.peran.ukuran == "kolom"}
        for i in range(t.n):
            for n in (4, 9):
                k = kol.get(n)
                if k is None or k.nilai[i] is None or (k.satuan is not None and k.satuan.teks[i]):
                    continue
                yield ctx.temuan(
                    t, i, t.sel(k, i),
                    f"Kolom {n}: target {angka(k.nilai[i])} tanpa satuan",
                    f"Column {n}: target {angka(k.nilai[i])} without a unit",
                )
                break
        return
    sat_huruf = next((p.huruf for p in t.peta if p.peran == "satuan"), None)
    targets = t.kolom("target")
    if not targets or (sat_huruf is None and not any(k.satuan is not None for k in targets)):
        return  # a table without any satuan column: nothing to say per row
    # a level whose rows usually leave the satuan empty (program and kegiatan rows of many Renstra
    # matrices) is the layout's convention, not a missing unit on one row
    isi: dict[str | None, list[int]] = {}
    for i in range(t.n):
        if t.total[i] or not any(k.nilai[i] is not None for k in targets):
            continue
        c = isi.setdefault(t.level[i], [0, 0])
        c[0] += 1
        if t.satuan[i] or any(k.satuan is not None and k.satuan.teks[i] for k in targets):
            c[1] += 1
    biasa = {lvl: n < 3 or filled * 2 >= n for lvl, (n, filled) in isi.items()}
    for i in range(t.n):
        if t.total[i] or not biasa.get(t.level[i], True):
            continue
        disebut: set[str] = set()  # one finding per empty satuan cell, however many targets it serves
        for k in targets:
            v = k.nilai[i]
            if v is None:
                continue
            if k.satuan is not None and k.satuan.huruf != k.huruf:  # its own satuan column (before a change)
                if k.satuan.teks[i]:
                    continue
                cell = t.sel(k.satuan, i)
            else:
                if t.satuan[i] or (k.satuan is not None and k.satuan.teks[i]):
                    continue
                if sat_huruf is None:
                    continue
                cell = f"{sat_huruf}{t.baris[i]}"
            if cell in disebut:
                continue
            disebut.add(cell)
            yield ctx.temuan(
                t, i, cell,
                f"{nama_kolom(k, 'id').capitalize()} {angka(v)} tanpa satuan",
                f"{nama_kolom(k, 'en').capitalize()} {angka(v)} without a unit",
            )
