"""F006 tautan-luar: table cells whose formula reads another workbook."""

from __future__ import annotations

import re

from ...core.alamat import alamat
from ...readers.rumus import luar
from ..registry import Dok, aturan
from .common import rumus_tabel

_NOMOR = re.compile(r"^\[(\d+)\]$")


def _nama(buku: str, peta: dict[int, str]) -> str:
    """``[1]`` → the linked file's name where the workbook says it; a path or ``[name]`` as written."""
    m = _NOMOR.match(buku)
    if m and int(m.group(1)) in peta:
        return f"{buku} = {peta[int(m.group(1))]}"
    return buku


@aturan(
    "F006", "tautan-luar", "warning",
    id=Dok(
        judul="Rumus membaca workbook lain",
        apa="Sel dalam tabel yang rumusnya mengambil nilai dari workbook lain (`=[1]Sheet1!K12`, "
        "`='D:\\\\Renja\\\\[Renja 2023.xlsx]Tabel 4.1'!K12`). Disebutkan berkas yang dirujuk bila workbook "
        "menyimpannya.",
        mengapa="Nilai dari workbook lain hanya sebaik salinan terakhir yang tersimpan: berkas itu tidak ikut "
        "dikirim, tidak dapat diperiksa, dan nilainya usang begitu berkas sumbernya berubah (atau berubah diam-diam "
        "saat tautannya diperbarui di komputer lain).",
        contoh="K12 berisi `=[1]Tabel4.1!K12` dengan [1] = Renja 2023.xlsx.",
        perbaikan="Salin nilainya (Tempel Khusus → Nilai) atau pindahkan tabel sumbernya ke workbook ini, lalu "
        "putuskan tautannya (Data → Edit Links → Break Link).",
    ),
    en=Dok(
        judul="Formula reads another workbook",
        apa="A table cell whose formula takes its value from another workbook (`=[1]Sheet1!K12`, "
        "`='D:\\\\Renja\\\\[Renja 2023.xlsx]Tabel 4.1'!K12`). The linked file is named when the workbook records it.",
        mengapa="A value from another workbook is only as good as its last saved copy: that file is not sent along, "
        "cannot be checked, and the value goes stale as soon as its source changes (or changes silently when the "
        "link is refreshed on another computer).",
        contoh="K12 holds `=[1]Tabel4.1!K12` with [1] = Renja 2023.xlsx.",
        perbaikan="Paste the values (Paste Special → Values) or move the source table into this workbook, then break "
        "the link (Data → Edit Links → Break Link).",
    ),
)
def periksa(ctx, t):
    rt = rumus_tabel(ctx, t)
    if rt is None:
        return
    rows = rt.indeks
    found = []
    for rc, f in rt.rumus.teks.items():
        if rc[0] in rows and "[" in f:
            found.append(rc)
    for rc, induk in rt.rumus.bersama.items():
        if rc[0] in rows and "[" in rt.rumus.teks[induk]:
            found.append(rc)
    for rc in sorted(found):
        f = rt.rumus[rc]
        books = luar(f)
        if not books:
            continue
        nama = ", ".join(_nama(b, rt.rumus.luar) for b in books)
        i = rows[rc[0]]
        temuan = ctx.temuan(
            t, i, alamat(*rc),
            f"Rumus {f} membaca workbook lain ({nama}): nilainya tidak dapat diperiksa dan usang bila sumbernya berubah",
            f"Formula {f} reads another workbook ({nama}): its value cannot be checked and goes stale when the source "
            "changes",
            actual=f, sebab=(f"rumus membaca workbook lain ({nama})", f"formulas read another workbook ({nama})"),
        )
        temuan.rumus = f
        yield temuan
