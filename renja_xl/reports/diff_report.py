"""How ``renja-xl diff`` is written: text (per table: totals, changed kode, added, removed), JSON
(``renja-xl/diff@2``) and Excel (sheets Total, Perubahan, Ditambah, Dihapus; openpyxl imported only there)."""

from __future__ import annotations

import json
from typing import IO, Any, TextIO

from ..core.angka import format_angka, format_rupiah
from ..core.label import LEVEL
from ..diff import DiffTabel, HasilDiff, selisih
from .layar import layar

__all__ = ["tulis_teks", "tulis_json", "tulis_excel"]

_T = {
    "id": {
        "judul": "Perbandingan", "tabel": "tabel", "total": "Total pagu", "sub": "Jumlah pagu sub kegiatan",
        "berubah": "Berubah", "ditambah": "Ditambah", "dihapus": "Dihapus", "kode": "kode", "tidak_ada": "tidak ada perubahan",
        "isian": {"pagu": "pagu", "target": "target", "satuan": "satuan", "uraian": "uraian"},
        "ringkas": "Ringkasan: {b} perubahan nilai, {t} baris ditambah, {h} baris dihapus",
        "level": LEVEL["id"],
        "kosong": "(kosong)",
    },
    "en": {
        "judul": "Comparison", "tabel": "table", "total": "Total pagu", "sub": "Sum of sub kegiatan pagu",
        "berubah": "Changed", "ditambah": "Added", "dihapus": "Removed", "kode": "kode", "tidak_ada": "no change",
        "isian": {"pagu": "pagu", "target": "target", "satuan": "unit", "uraian": "name"},
        "ringkas": "Summary: {b} changed values, {t} rows added, {h} rows removed",
        "level": LEVEL["en"],
        "kosong": "(empty)",
    },
}


def _angka(x: int | float, field: str) -> str:
    """A number as the reports write it; one past what a float can hold (a hostile 1e308 pagu, or
    the difference of two) is written in full, NaN/inf as such, never an overflow."""
    try:
        return format_rupiah(x) if field == "pagu" else format_angka(x, 0 if float(x).is_integer() else 2)
    except (OverflowError, ValueError):
        if isinstance(x, int):
            body = f"{x:,}".replace(",", ".")
            return f"Rp {body}" if field == "pagu" else body
        return str(x)


def _v(x: Any, field: str, lang: str) -> str:
    if x is None:
        return _T[lang]["kosong"]
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return _angka(x, field)
    return layar(x)


def _d(a: Any, b: Any, field: str, lang: str = "id") -> str:
    d = selisih(a, b)
    if d is None:
        return ""
    if d == 0:
        return " (unchanged)" if lang == "en" else " (tetap)"
    sign = "+" if d >= 0 else "−"
    body = _angka(abs(d), field)
    return f" ({sign}{body})"


def _tabel_teks(t: DiffTabel, lang: str, w: Any) -> None:
    L = _T[lang]
    head = layar(t.sheet_baru) if t.sheet_lama == t.sheet_baru else f"{layar(t.sheet_lama)} → {layar(t.sheet_baru)}"
    years = f" ({', '.join(map(str, t.years))})" if t.years else ""
    w(f"\n{head}{years}\n")
    for label, totals in ((L["total"], t.total), (L["sub"], t.jumlah_sub)):
        for y, (a, b) in totals.items():
            w(f"  {label} {y}: {_v(a, 'pagu', lang)} → {_v(b, 'pagu', lang)}{_d(a, b, 'pagu', lang)}\n")
    for c in t.catatan:
        w(f"  ! {layar(c[1] if lang == 'en' else c[0])}\n")
    if not (t.berubah or t.ditambah or t.dihapus):
        w(f"  {L['tidak_ada']}\n")
        return
    if t.berubah:
        kode_n = len({p.kode for p in t.berubah})
        w(f"  {L['berubah']} ({kode_n} {L['kode']}):\n")
        current = None
        for p in t.berubah:
            if p.kode != current:
                current = p.kode
                w(f"    {layar(p.kode)}  {layar(p.uraian)}\n")
            label = L["isian"][p.isian] + (f" {p.tahun}" if p.tahun else "")
            where = f"  [{layar(p.sel_lama or '—')} → {layar(p.sel_baru or '—')}]" if (p.sel_lama or p.sel_baru) else ""
            w(f"      {label}: {_v(p.lama, p.isian, lang)} → {_v(p.baru, p.isian, lang)}{_d(p.lama, p.baru, p.isian, lang)}{where}\n")
    for key, rows in (("ditambah", t.ditambah), ("dihapus", t.dihapus)):
        if not rows:
            continue
        w(f"  {L[key]} ({len(rows)}):\n")
        for r in rows:
            pagu = ", ".join(f"{y} {_v(v, 'pagu', lang)}" for y, v in r.pagu.items() if v is not None)
            lvl = L["level"].get(r.level or "", r.level or "")
            w(f"    {layar(r.kode)}  {layar(r.uraian)} [{lvl}]" + (f" — pagu {pagu}" if pagu else "") + "\n")


def tulis_teks(h: HasilDiff, out: TextIO, lang: str = "id") -> None:
    L = _T[lang]
    w = out.write
    w(f"{L['judul']}: {layar(h.lama)} → {layar(h.baru)}\n")
    for c in h.catatan:
        w(f"! {layar(c[1] if lang == 'en' else c[0])}\n")
    for t in h.tables:
        _tabel_teks(t, lang, w)
    s = h.json(lang)["summary"]
    w("\n" + L["ringkas"].format(b=s["berubah"], t=s["ditambah"], h=s["dihapus"]) + "\n")
    out.flush()


def tulis_json(h: HasilDiff, out: TextIO, lang: str = "id") -> None:
    from .json_report import _aman

    json.dump(_aman(h.json(lang)), out, ensure_ascii=False, indent=1, allow_nan=False)
    out.write("\n")
    out.flush()


def tulis_excel(h: HasilDiff, out: IO[bytes], lang: str = "id") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .sel_aman import isi_sel, nilai

    L = _T[lang]
    en = lang == "en"
    wb = Workbook()
    wb.remove(wb.active)
    from .gaya import HIJAU, HURUF_KEPALA, ISI, KEPALA

    head_fill, head_font = PatternFill("solid", fgColor=KEPALA), Font(bold=True, color=HURUF_KEPALA)
    up, down = PatternFill("solid", fgColor=HIJAU[0]), PatternFill("solid", fgColor=ISI["error"])

    def sheet(name: str, head: list[str], widths: list[int]) -> Any:
        ws = wb.create_sheet(name)
        ws.append(head)
        for i, c in enumerate(ws[1], start=1):
            c.fill, c.font = head_fill, head_font
            ws.column_dimensions[get_column_letter(i)].width = widths[i - 1] if i <= len(widths) else 14
        ws.freeze_panes = "A2"
        return ws

    def finish(ws: Any) -> None:
        ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"

    tot = sheet("Total", ["Tabel" if not en else "Table", "Tahun" if not en else "Year", "Jenis" if not en else "Kind",
                          "Lama" if not en else "Old", "Baru" if not en else "New", "Selisih" if not en else "Change"],
                [18, 8, 30, 18, 18, 16])
    ubah = sheet("Perubahan" if not en else "Changes",
                 ["Tabel" if not en else "Table", "Kode", "Uraian", "Level",
                  "Isian" if not en else "Field", "Tahun" if not en else "Year", "Lama" if not en else "Old",
                  "Baru" if not en else "New", "Selisih" if not en else "Change", "Sel lama" if not en else "Old cell",
                  "Sel baru" if not en else "New cell"],
                 [14, 22, 50, 13, 9, 7, 18, 18, 16, 9, 9])
    tambah = sheet("Ditambah" if not en else "Added", ["Tabel" if not en else "Table", "Kode", "Uraian",
                                                      "Level", "Satuan"]
                   + [f"Pagu {y}" for y in _years(h)], [14, 22, 50, 13, 12] + [18] * len(_years(h)))
    hapus = sheet("Dihapus" if not en else "Removed", ["Tabel" if not en else "Table", "Kode", "Uraian",
                                                      "Level", "Satuan"]
                  + [f"Pagu {y}" for y in _years(h)], [14, 22, 50, 13, 12] + [18] * len(_years(h)))
    ys = _years(h)
    for t in h.tables:
        for label, totals in ((L["total"], t.total), (L["sub"], t.jumlah_sub)):
            for y, (a, b) in totals.items():
                tot.append([nilai(v) for v in (t.sheet_baru, y, label, a, b, selisih(a, b))])
        for p in t.berubah:
            d = selisih(p.lama, p.baru)
            ubah.append([nilai(v) for v in (t.sheet_baru, p.kode, p.uraian, L["level"].get(p.level or "", p.level),
                                            L["isian"][p.isian], p.tahun, p.lama, p.baru, d, p.sel_lama, p.sel_baru)])
            if d:
                ubah.cell(row=ubah.max_row, column=9).fill = up if d > 0 else down
        for ws, rows in ((tambah, t.ditambah), (hapus, t.dihapus)):
            for r in rows:
                ws.append([nilai(v) for v in [t.sheet_baru, r.kode, r.uraian, L["level"].get(r.level or "", r.level),
                                              r.satuan] + [r.pagu.get(y) for y in ys]])
    money = {tot.title: "DEF", ubah.title: "GHI", tambah.title: "FGHIJKL", hapus.title: "FGHIJKL"}
    for ws in (tot, ubah, tambah, hapus):
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, str):
                    isi_sel(c, c.value)  # text that starts with '=' stays text
                if isinstance(c.value, (int, float)) and c.column_letter in money[ws.title]:
                    c.number_format = "#,##0.##" if not float(c.value).is_integer() else "#,##0"
        finish(ws)
    wb.save(out)


def _years(h: HasilDiff) -> list[int]:
    return sorted({y for t in h.tables for y in t.years})
