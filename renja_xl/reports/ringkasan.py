"""``renja-xl ringkasan``: the tables found in a workbook and their totals, for a quick look."""

from __future__ import annotations

from typing import TextIO

from ..core.angka import format_rupiah
from ..core.tabel import Tabel
from ..core.total import per_tingkat, total_realisasi, total_rencana
from .layar import layar

__all__ = ["baris_ringkasan", "tulis_ringkasan", "tulis_tak_terbaca"]

_T = {
    "id": {"rows": "baris", "total": "total pagu", "none": "tidak ada tabel Renja yang dikenali",
           "anggaran": "anggaran", "realisasi": "realisasi", "unread": "tidak terbaca", "levels": "baris per tingkat"},
    "en": {"rows": "rows", "total": "total pagu", "none": "no Renja table recognised",
           "anggaran": "budget", "realisasi": "realised", "unread": "unreadable", "levels": "rows per level"},
}


def baris_ringkasan(tabel: Tabel, lang: str = "id") -> str:
    t = _T[lang]
    head = f"  {layar(tabel.sheet)} [{tabel.kind}{'/' + tabel.varian if tabel.varian else ''}] {t['rows']} " \
           f"{tabel.first_row}–{tabel.last_row} ({tabel.n})"
    if tabel.kind in ("rencana", "renstra", "perubahan"):
        tot = total_rencana(tabel)
        parts = [f"{y}: {format_rupiah(v)}" for y, v in sorted(tot.items())]
        head += (f" — {t['total']} " + ", ".join(parts) if parts else "")
    elif tabel.kind == "realisasi":
        ang, rea = total_realisasi(tabel)
        head += f" — {t['anggaran']} {format_rupiah(ang)}, {t['realisasi']} {format_rupiah(rea)}"
    lines = [head]
    levels = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in per_tingkat(tabel).items())
    lines.append(f"    {t['levels']}: {levels}")
    for p in tabel.peta:
        mark = "" if p.yakin else " ?"
        lines.append(f"    {p.huruf:<7} {p.peran:<30}{mark} ← {layar(p.bukti[:80])}")
    for r in tabel.ragu:
        lines.append(f"    ! {layar(r[1] if lang == 'en' else r[0])}")
    return "\n".join(lines)


def tulis_ringkasan(path: str, tables: list[Tabel], sheets: list[str], out: TextIO, lang: str = "id") -> None:
    """One workbook: its name, then a line per recognised table (or the sheets it has). Text from
    the workbook is shown with its control characters escaped (:mod:`.layar`)."""
    out.write(layar(path) + "\n")
    if not tables:
        out.write(f"  {_T[lang]['none']} ({', '.join(map(layar, sheets))})\n")
    for tabel in tables:
        out.write(baris_ringkasan(tabel, lang) + "\n")


def tulis_tak_terbaca(path: str, alasan: str, out: TextIO, lang: str = "id") -> None:
    out.write(f"{layar(path)}\n  {_T[lang]['unread']}: {layar(alasan)}\n")
