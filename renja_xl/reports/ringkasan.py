"""``renja-xl ringkasan``: the tables found in a workbook and their totals, for a quick look.

Below each table's line come its rows per level, its column map with the evidence of each column,
what the reader did not understand, and every other table-level field of
:class:`~renja_xl.core.tabel.Tabel` (those declared before its per-row columns), rendered as they
are: a field the table model gains shows up here without a change to this module. Fields still at
their default are left out.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TextIO

from ..core.angka import format_rupiah
from ..core.tabel import Tabel
from ..core.total import per_tingkat, total_realisasi, total_rencana
from .layar import layar

__all__ = ["baris_ringkasan", "rincian_tabel", "tulis_ringkasan", "tulis_tak_terbaca"]

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


_SUDAH = {"sheet", "kind", "varian", "first_row", "last_row", "peta", "ragu"}  # shown by baris_ringkasan
_KOLOM_PERTAMA = "baris"  # the first per-row column of Tabel: the fields before it describe the table


def _teks(v: Any) -> str:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return "(" + ", ".join(f"{f.name}={_teks(getattr(v, f.name))}" for f in dataclasses.fields(v)
                               if getattr(v, f.name) not in (None, "", [], {}, ())) + ")"
    if isinstance(v, dict):
        return ", ".join(f"{k}={_teks(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple, set)):
        return ", ".join(_teks(x) for x in v)
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    return " ".join(str(v).split())


def rincian_tabel(tabel: Tabel) -> list[tuple[str, str]]:
    """(field, value) for every table-level field not shown in the table's lines and not at its
    default."""
    out = []
    for f in dataclasses.fields(tabel):
        if f.name == _KOLOM_PERTAMA:
            break
        if f.name in _SUDAH:
            continue
        v = getattr(tabel, f.name)
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = dataclasses.MISSING
        if v == default or v in (None, ""):
            continue
        out.append((f.name, _teks(v)))
    return out


def tulis_ringkasan(path: str, tables: list[Tabel], sheets: list[str], out: TextIO, lang: str = "id") -> None:
    """One workbook: its name, then per recognised table its line and its other fields (or the
    sheets it has, when none was recognised). Text from the workbook is shown with its control
    characters escaped (:mod:`.layar`)."""
    out.write(layar(path) + "\n")
    if not tables:
        out.write(f"  {_T[lang]['none']} ({', '.join(map(layar, sheets))})\n")
    for tabel in tables:
        out.write(baris_ringkasan(tabel, lang) + "\n")
        for name, value in rincian_tabel(tabel):
            out.write(f"    {name}: {value}\n")


def tulis_tak_terbaca(path: str, alasan: str, out: TextIO, lang: str = "id") -> None:
    out.write(f"{layar(path)}\n  {_T[lang]['unread']}: {layar(alasan)}\n")
