"""F003 nilai-galat: cells of a table whose value or formula is an Excel error (#REF!, #DIV/0! …)."""

from __future__ import annotations

from ...core.alamat import alamat, huruf_kolom
from ...core.kode import level_name
from ...readers.rumus import gabung_sel, galat_dalam, rujukan
from ..anggaran.common import rupiah
from ..context import rp
from ..registry import Dok, aturan
from ..struktur import nama_kolom, rincian_induk
from .common import kolom_tabel, rentang, rumus_tabel

_ARTI = {
    "#REF!": ("merujuk sel yang sudah dihapus", "refers to a cell that was deleted"),
    "#DIV/0!": ("membagi dengan nol atau sel kosong", "divides by zero or by an empty cell"),
    "#VALUE!": ("menghitung dengan sel berisi teks (angka yang diketik sebagai teks?)",
                "computes with a cell holding text (a number typed as text?)"),
    "#N/A": ("tidak menemukan yang dicarinya (VLOOKUP/MATCH)", "did not find what it looks up (VLOOKUP/MATCH)"),
    "#NAME?": ("memakai nama atau fungsi yang tidak dikenal Excel (fungsi add-in yang tidak terpasang?)",
               "uses a name or function Excel does not know (an add-in function not installed?)"),
    "#NUM!": ("menghasilkan angka yang tidak sah", "gives an invalid number"),
    "#NULL!": ("memakai dua rentang yang tidak bersinggungan", "intersects two ranges that do not meet"),
}


def _kolom(t, c: int):
    huruf = huruf_kolom(c)
    return next((k for k in t.angka.values() if k.huruf == huruf), None)


@aturan(
    "F003", "nilai-galat", "error",
    id=Dok(
        judul="Sel berisi galat Excel",
        apa="Sel dalam tabel yang nilainya galat Excel (`#REF!`, `#DIV/0!`, `#VALUE!`, `#N/A`, `#NAME?`, `#NUM!`, "
        "`#NULL!`) atau yang rumusnya memuat galat (`=IFERROR(G40+G44+#REF!;\"\")`: `IFERROR` menyembunyikan "
        "galatnya sehingga sel tampak kosong). Disebutkan jenis galat, artinya, dan apa yang rusak karenanya "
        "(pagu induk yang kosong, dengan jumlah rinciannya). Sel yang galatnya hanya terbawa dari sel lain tidak "
        "dilaporkan sendiri: sel asalnya yang dilaporkan. `#DIV/0!` di kolom persentase (pembaginya kosong atau "
        "nol) adalah **info**, di kolom lain **peringatan**; galat lain **galat**. E003 tetap untuk rumus tanpa "
        "nilai tersimpan yang tidak memuat galat.",
        mengapa="Sel bergalat tidak mempunyai angka: total di atasnya ikut galat atau, bila dibungkus `IFERROR`, "
        "diam-diam menjadi kosong sehingga pagu program hilang dari dokumen tanpa ada yang melihat.",
        contoh="Program 1.03.02 (baris 39) berisi `=IFERROR(H40+H44+#REF!;\"\")`: baris yang dirujuknya sudah "
        "dihapus, programnya tampak tanpa pagu di semua tahun, padahal kegiatannya (baris 40 dan 44) berjumlah "
        "Rp 14.329.667.913.",
        perbaikan="Hapus rujukan `#REF!` dan rujuk baris yang benar (rumus yang disarankan), atau isi sel yang "
        "dibagi; jangan bungkus galat dengan `IFERROR` sebelum sebabnya diperbaiki.",
    ),
    en=Dok(
        judul="Cell holds an Excel error",
        apa="A table cell whose value is an Excel error (`#REF!`, `#DIV/0!`, `#VALUE!`, `#N/A`, `#NAME?`, `#NUM!`, "
        "`#NULL!`) or whose formula holds one (`=IFERROR(G40+G44+#REF!,\"\")`: `IFERROR` hides the error so the "
        "cell looks empty). It names the error, what it means and what it breaks (a parent amount gone, with its "
        "breakdown's sum). A cell whose error only comes from another cell is not reported on its own: the cell it "
        "comes from is. `#DIV/0!` in a percentage column (empty or zero divisor) is **info**, elsewhere a "
        "**warning**; other errors are **errors**. E003 stays for formulas without a cached value that hold no "
        "error.",
        mengapa="An error cell has no number: the totals above it turn into errors too or, wrapped in `IFERROR`, "
        "quietly become empty, so a program's pagu disappears from the document without anyone noticing.",
        contoh="Program 1.03.02 (row 39) holds `=IFERROR(H40+H44+#REF!,\"\")`: the row it referred to was deleted, "
        "the program shows no pagu in any year, while its kegiatan (rows 40 and 44) add up to Rp 14.329.667.913.",
        perbaikan="Remove the `#REF!` reference and refer to the right rows (the suggested formula), or fill the "
        "divisor; do not wrap an error in `IFERROR` before its cause is fixed.",
    ),
)
def periksa(ctx, t):
    rt = rumus_tabel(ctx, t)
    if rt is None:
        return
    rows = set(rt.indeks)
    cols = kolom_tabel(t)
    cells: dict[tuple[int, int], tuple[str, str | None]] = {}  # (r, c) → (error, formula)
    for rc, e in rt.galat.items():
        if rc[0] in rows and rc[1] in cols:
            cells[rc] = (e.upper(), rt.rumus.get(rc))
    for rc in list(rt.rumus.teks):
        if rc[0] not in rows or rc[1] not in cols:
            continue
        f = rt.rumus.teks[rc]
        if "#" in f:
            errs = galat_dalam(f)
            if errs:
                cells.setdefault(rc, (errs[0], f))
    for rc, induk in rt.rumus.bersama.items():  # a shared formula moved off the sheet
        if rc[0] in rows and rc[1] in cols and "#" in rt.rumus.teks[induk]:
            f = rt.rumus[rc]
            errs = galat_dalam(f)
            if errs:
                cells.setdefault(rc, (errs[0], f))
    if not cells:
        return
    asal = _asal(rt, cells)
    parents = {g.induk: g for g in rincian_induk(t)}
    for rc in sorted(asal):
        e, f = cells[rc]
        i = rt.indeks[rc[0]]
        k = _kolom(t, rc[1])
        cell = alamat(*rc)
        arti_id, arti_en = _ARTI.get(e, ("galat", "an error"))
        literal = f is not None and e in galat_dalam(f)
        tersembunyi = literal and rc not in rt.galat
        if f is not None:
            head_id, head_en = f"Rumus {f} {arti_id} ({e})", f"Formula {f} {arti_en} ({e})"
        else:
            head_id, head_en = f"Sel berisi galat {e}", f"The cell holds the error {e}"
        what_id = nama_kolom(k, "id") if k is not None else f"kolom {huruf_kolom(rc[1])}"
        what_en = nama_kolom(k, "en") if k is not None else f"column {huruf_kolom(rc[1])}"
        lvl = level_name(t.level[i] or "") if t.level[i] else ""
        siapa = f" {lvl} {t.kode[i]}" if t.kode[i] else ""
        if tersembunyi:
            tail_id = f"; IFERROR menyembunyikannya sehingga {what_id}{siapa} tampak kosong"
            tail_en = f"; IFERROR hides it, so {what_en} of the{siapa or ' row'} looks empty"
        else:
            tail_id = f"; {what_id}{siapa} tidak mempunyai nilai"
            tail_en = f"; {what_en} of the{siapa or ' row'} has no value"
        saran = None
        g = parents.get(i)
        if g is not None and k is not None and k.peran.uang and not g.tercemar:
            total = rupiah(sum(k.nilai[c] or 0 for c in g.anak))
            saran = "=SUM(" + gabung_sel(rc[1], [t.baris[c] - 1 for c in g.anak]) + ")"
            kids = rentang([t.baris[c] for c in g.anak])
            tail_id += f", padahal rinciannya (baris {kids}) berjumlah {rp(total)}; rumus yang benar {saran}"
            tail_en += f", while its breakdown (rows {kids}) adds up to {rp(total)}; the right formula is {saran}"
        rusak = [alamat(*x) for x in sorted(asal[rc])]
        if rusak:
            lagi = " …" if len(rusak) > 8 else ""
            tail_id += f"; galatnya terbawa ke {', '.join(rusak[:8])}{lagi}"
            tail_en += f"; the error carries into {', '.join(rusak[:8])}{lagi}"
        if e == "#DIV/0!":
            severity = "info" if k is not None and k.peran.persen else "warning"
        else:
            severity = None
        temuan = ctx.temuan(
            t, i, cell, head_id + tail_id, head_en + tail_en, severity=severity, actual=f or e, expected=saran,
            saran=saran, sebab=(f"{e}: rumus {arti_id}", f"{e}: the formula {arti_en}") if e == "#DIV/0!" else None,
        )
        temuan.galat, temuan.rumus = e, f
        yield temuan


def _asal(rt, cells: dict[tuple[int, int], tuple[str, str | None]]) -> dict[tuple[int, int], list]:
    """The error cells whose error is their own (not carried from a referenced error cell), each with
    the cells that carry it on."""
    dari: dict[tuple[int, int], tuple[int, int]] = {}
    if len(cells) > 300:  # a sheet full of errors: each is reported (grouped per column by its cause)
        return {rc: [] for rc in cells}
    for rc, (e, f) in cells.items():
        if f is None or e in galat_dalam(f):
            continue  # an error value without a formula, or a formula that holds the error itself
        for ref in rujukan(f):
            if ref.buku or ref.sheet is not None:
                continue
            src = next(((r, c) for (r, c) in cells if (r, c) != rc
                        and ref.r0 <= r <= ref.r1 and ref.c0 <= c <= ref.c1), None)
            if src is not None:
                dari[rc] = src
                break
    out: dict[tuple[int, int], list] = {rc: [] for rc in cells if rc not in dari}
    for rc, src in dari.items():
        seen = set()
        while src in dari and src not in seen:
            seen.add(src)
            src = dari[src]
        if src in out:
            out[src].append(rc)
        else:
            out[rc] = []
    return out
