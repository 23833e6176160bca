"""Sheets in which a workbook states something about itself: accepted deviations ('Pengecualian'),
indicator natures ('Sifat Indikator'), column maps ('Peta Kolom').

In a submission these are its sender's claims (``core/pengecualian.py`` and ``docs/keamanan.md``
say when they are used); here they are only read. Each is a sheet with a header row naming its
columns somewhere near the top, then one row per entry; rows that cannot be read are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..core.config import Pengecualian, SifatKode
from ..core.indikator import LEMBAR_SIFAT
from .kepala import teks_sel
from .workbook import Lembar

__all__ = ["SHEET_PENGECUALIAN", "SHEET_SIFAT", "baris_lembar", "pengecualian_lembar", "sifat_lembar"]

SHEET_PENGECUALIAN = "pengecualian"
SHEET_SIFAT = LEMBAR_SIFAT


def baris_lembar(lembar: list[Lembar], nama: Iterable[str], kolom: Callable[[str], str | None],
                 cukup: Callable[[set[str]], bool]) -> Iterator[dict[str, str]]:
    """Each entry row of the sheets named ``nama`` (compared lower case), as column name → text.
    ``kolom`` names a header cell's column (or None); the first row whose named columns are
    ``cukup`` is the header."""
    nama = {n.lower() for n in nama}
    for sh in lembar:
        if sh.nama.strip().lower() not in nama:
            continue
        header: dict[str, int] | None = None
        for row in sh.sel:
            cells = [teks_sel(v) for v in row]
            if header is None:
                cols: dict[str, int] = {}
                for j, t in enumerate(cells):
                    k = kolom(t.lower())
                    if k is not None:
                        cols.setdefault(k, j)
                if cukup(set(cols)):
                    header = cols
                continue
            yield {name: cells[j].strip() if j < len(cells) else "" for name, j in header.items()}


def _kolom_pengecualian(t: str) -> str | None:
    if t in ("aturan", "rule", "kode aturan"):
        return "rule"
    if t in ("kode", "kode program/kegiatan", "kode sub kegiatan"):
        return "kode"
    if t in ("alasan", "keterangan", "reason"):
        return "alasan"
    if t in ("sheet", "lembar", "tabel"):
        return "sheet"
    return None


def pengecualian_lembar(lembar: list[Lembar]) -> list[Pengecualian]:
    """Accepted deviations listed in a sheet named 'Pengecualian' (columns: aturan/rule, kode, alasan)."""
    out: list[Pengecualian] = []
    for isi in baris_lembar(lembar, (SHEET_PENGECUALIAN,), _kolom_pengecualian, lambda c: {"rule", "alasan"} <= c):
        rule, alasan = isi["rule"], isi["alasan"]
        if rule and alasan:
            out.append(Pengecualian(rule=rule.upper(), kode=isi.get("kode") or None, alasan=alasan,
                                    sheet=isi.get("sheet") or None))
    return out


def _kolom_sifat(t: str) -> str | None:
    if t.startswith("kode"):
        return "kode"
    if t.startswith("kumulatif") or t in ("sifat", "dijumlahkan"):
        return "kumulatif"
    if t.startswith("polaritas") or t == "arah":
        return "polaritas"
    if t in ("alasan", "keterangan", "reason"):
        return "alasan"
    return None


def sifat_lembar(lembar: list[Lembar]) -> list[SifatKode]:
    """Indicator natures listed in a sheet named 'Sifat Indikator' (columns: kode, kumulatif,
    polaritas, alasan)."""
    from ..core.indikator import baca_kumulatif, baca_polaritas

    out: list[SifatKode] = []
    for isi in baris_lembar(lembar, SHEET_SIFAT, _kolom_sifat,
                            lambda c: "kode" in c and ("kumulatif" in c or "polaritas" in c)):
        kode = isi.get("kode", "")
        kum = baca_kumulatif(isi["kumulatif"]) if isi.get("kumulatif") else None
        pol = baca_polaritas(isi["polaritas"]) if isi.get("polaritas") else None
        if kode and (kum is not None or pol is not None):
            out.append(SifatKode(kode=kode, kumulatif=kum, polaritas=pol, alasan=isi.get("alasan", "")))
    return out
