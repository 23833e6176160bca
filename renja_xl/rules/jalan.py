"""Running the selected rules over one workbook's tables.

The framework does the looping the rules declare (:mod:`.registry`): per table of the rule's kinds,
once over all of them, or once per file. A rule does not run on a table whose reader is unsure of a
measure the rule needs (the table's E004 finding says so instead). Findings that share one cause on
many rows of one column (a whole target column left empty) are reported once, naming the column
and the rows ("one cause, one finding").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.alamat import rentang_baris
from ..core.models import Temuan
from ..core.tabel import Tabel
from .context import Konteks
from .registry import Aturan

__all__ = ["jalankan", "yakin_untuk"]

MIN_SEBAB = 3
_URUTAN = {"rencana": 0, "renstra": 1, "perubahan": 2, "evaluasi": 3, "e81": 4, "review": 5, "realisasi": 6}  # this many findings of one cause on one column are reported as one


def yakin_untuk(t: Tabel, butuh: tuple[str, ...]) -> bool:
    """Whether the reader is sure of every column the rule needs (a measure it does not have at all
    gives the rule nothing to check, which is fine)."""
    for ukuran in butuh:
        for k in t.angka.values():
            if k.peran.ukuran == ukuran and not k.yakin:
                return False
    return True


def jalankan(ctx: Konteks, aturan: Iterable[Aturan]) -> list[Temuan]:
    out: list[Temuan] = []
    for a in aturan:
        if a.butuh_nomenklatur and ctx.nomenklatur is None:
            continue
        c = ctx.untuk(a)
        if a.berkas:
            out.extend(a.fungsi(c))
            continue
        tables = [t for t in ctx.tables if not a.jenis or t.kind in a.jenis]
        if a.lintas:  # the plan tables are the reference other tables are compared with
            tables.sort(key=lambda t: _URUTAN.get(t.kind, 9))
            out.extend(_satukan(list(a.fungsi(c, tables)), ctx.lang))
            continue
        for t in tables:
            if a.butuh and not yakin_untuk(t, a.butuh):
                continue
            out.extend(_satukan(list(a.fungsi(c, t)), ctx.lang))
    return out


def _kolom(cell: str | None) -> str:
    return "".join(ch for ch in (cell or "") if ch.isalpha())


def _satukan(found: list[Temuan], lang: str = "id") -> list[Temuan]:
    """One finding for one cause on one column: findings that carry the same ``sebab`` on the same
    sheet and column, when there are at least :data:`MIN_SEBAB` of them."""
    if not any(t.sebab is not None for t in found):
        return found
    groups: dict[tuple, list[Temuan]] = {}
    for t in found:
        sebab = t.sebab
        if sebab is not None:
            groups.setdefault((t.sheet, _kolom(t.cell), sebab), []).append(t)
    out: list[Temuan] = []
    done: set[int] = set()
    for t in found:
        sebab = t.sebab
        if sebab is None:
            out.append(t)
            continue
        g = groups[(t.sheet, _kolom(t.cell), sebab)]
        if len(g) < MIN_SEBAB:
            t.sebab = None
            out.append(t)
            continue
        if id(g[0]) in done:
            continue
        done.add(id(g[0]))
        first = g[0]
        rows = [x.row for x in g if x.row is not None]
        daftar = _rentang(rows)
        first.message_id = f"{sebab[0]}: {len(g)} baris ({daftar})"
        first.message_en = f"{sebab[1]}: {len(g)} rows ({daftar})"
        first.message = first.message_en if lang == "en" else first.message_id
        first.baris_lain = rows[1:]
        first.kode = None
        first.expected = first.actual = None
        first.sebab = None
        out.append(first)
    return out


_rentang = rentang_baris  # one implementation (core.alamat)
