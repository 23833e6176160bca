"""The user's reading of a table, where the reader's own is not what the user means.

A layout no heuristic catches (a local form, a column whose header says nothing) is read as the user
says: ``[[peta]]`` in ``renja-xl.toml`` (from the reviewer's side), or a sheet named **Peta Kolom**
in the workbook itself (columns ``Sheet``, ``Jenis``, ``Baris Kepala``, ``Kolom``, ``Peran``, one row
per column). Both give the same fields (:class:`~renja_xl.core.config.PetaTabel`): the sheet, the
table kind, its header rows, and the role of columns by letter. A 'Peta Kolom' sheet inside a
submission is the sender's description of its own layout, a claim like its Pengecualian sheet: it is
used only when the reviewer trusts the submission (``percayai_pengecualian``; the add-in trusts the
user's own workbook), and then every report says so (the table's column map names it as the
evidence, and ``peta_sumber`` is set). Untrusted, it is not used and E006 says it is there.
"""

from __future__ import annotations

from ..core.config import PetaTabel
from ..core.tabel import PERAN_TEKS, Peran
from .kepala import Blok
from .tabel.dasar import KolomNilai, Susunan
from .workbook import Lembar, kolom_huruf

__all__ = ["SHEET_PETA", "peta_lembar", "terapkan_peta", "untuk_lembar"]

SHEET_PETA = "peta kolom"


def _indeks(huruf: str) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _kolom_peta(t: str) -> str | None:
    return t if t in ("sheet", "jenis", "baris kepala", "kolom", "peran") else None


def peta_lembar(lembar: list[Lembar]) -> list[PetaTabel]:
    """The column maps a 'Peta Kolom' sheet states (rows that cannot be read are skipped: the table
    is then read as the reader reads it)."""
    from .klaim import baris_lembar

    out: dict[tuple[str, str | None, tuple[int, ...]], dict[str, str]] = {}
    for isi in baris_lembar(lembar, (SHEET_PETA,), _kolom_peta, lambda c: {"kolom", "peran"} <= c):
        huruf, peran = isi["kolom"].upper(), isi["peran"].lower()
        if not huruf or not peran:
            continue
        rows = tuple(int(x) for x in isi.get("baris kepala", "").replace(";", ",").split(",")
                     if x.strip().isascii() and x.strip().isdigit())
        key = (isi.get("sheet") or "*", isi.get("jenis", "").lower() or None, rows)
        out.setdefault(key, {})[huruf] = peran
    result = []
    for (sheet, jenis, rows), kolom in out.items():
        try:
            result.append(PetaTabel(sheet=sheet, jenis=jenis, baris_kepala=list(rows), kolom=kolom,
                                    sumber="sheet Peta Kolom"))
        except ValueError:
            continue  # an unknown kind or role: read the table as the reader reads it
    return result


def untuk_lembar(peta: list[PetaTabel], sheet: str) -> list[PetaTabel]:
    return [p for p in peta if p.sheet in (sheet, "*")]


def terapkan_peta(blok: Blok, s: Susunan, p: PetaTabel) -> Susunan:
    """The layout with the user's roles put in place of the reader's for the columns named."""
    bukti = f"[[peta]] {p.sumber}".strip()
    if p.jenis:
        s.kind = p.jenis
    for huruf, teks in p.kolom.items():
        c = _indeks(huruf)
        _lepas(s, c)
        first = teks.split()[0]
        if first in PERAN_TEKS:
            if first == "kode":
                s.tata.tambah(c)
            elif first in ("uraian", "indikator", "satuan", "lokasi"):
                setattr(s, first, c)
                s.catat(c, first, bukti)
                s.bukti[c] = (first, bukti, True)
            elif first in ("catatan", "no"):
                s.teks[first] = c
                if first == "no":
                    s.no = c
            continue
        peran = Peran.dari_teks(teks)
        s.angka.append(KolomNilai(c, peran, f"{bukti}: {kolom_huruf(c)} = {teks}", yakin=True,
                                  unit_ok=peran.ukuran == "target"))
    s.angka.sort(key=lambda k: k.idx)
    s.ragu = [r for r in s.ragu if not p.kolom]  # the user settled what was unsure
    return s


def _lepas(s: Susunan, c: int) -> None:
    """Remove whatever role the reader gave column ``c``."""
    s.angka = [k for k in s.angka if k.idx != c]
    for name in ("uraian", "indikator", "satuan", "lokasi", "no"):
        if getattr(s, name) == c:
            setattr(s, name, None)
    s.teks = {k: v for k, v in s.teks.items() if v != c}
    s.tata.lepas(c)
    s.bukti.pop(c, None)
