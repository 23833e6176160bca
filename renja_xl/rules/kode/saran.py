"""The kode a row without a readable kode (K001, K004) most probably has, and how sure we are.

Evidence, strongest first:

1. the workbook itself: another table names the same row (same uraian) with a readable kode that fits
   what is readable of this one (its leading segments);
2. the table's structure: the row takes the place of the parent of the coded rows just below it;
3. the nomenclature, when loaded: the one official name that clearly matches the uraian.

A suggestion is offered only when its source is unambiguous; disagreement between sources is said.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.kode import parse_kode
from ...core.models import Tabel
from ...nomenklatur.data import normal_nama
from .common import kode_mungkin, pemilik

__all__ = ["Saran", "saran_kode", "bidang_tabel"]


@dataclass(frozen=True, slots=True)
class Saran:
    kode: str
    keyakinan: float  # 0–1
    sumber: str  # tabel, struktur, nomenklatur
    catatan_id: str
    catatan_en: str


def _kunci(kode: str) -> str:
    k = parse_kode(kode).kode
    return k.kunci if k else kode


def bidang_tabel(tabel: Tabel) -> str | None:
    """The office's bidang (``1.06``): the most common first two segments of the table's codes."""
    counts: dict[str, int] = {}
    for r in tabel.rows:
        if r.kode:
            b = ".".join(r.kode.split(".")[:2])
            counts[b] = counts.get(b, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _dari_tabel(ctx, tabel: Tabel, row) -> tuple[str, str] | None:
    name = normal_nama(row.uraian)
    if not name:
        return None
    found: dict[str, str] = {}
    for other in ctx.tables:
        for r in other.rows:
            if r is row or not r.kode or r.kode_galat:
                continue
            if normal_nama(r.uraian) != name:
                continue
            k = _kunci(r.kode)
            if row.kode_awalan and not (k == row.kode_awalan or k.startswith(row.kode_awalan + ".")):
                continue
            found.setdefault(k, f"{other.sheet} ({r.kode_cell})")
    if len(found) == 1:
        return next(iter(found.items()))
    return None


def saran_kode(ctx, tabel: Tabel, i: int) -> Saran | None:
    row = tabel.rows[i]
    nomen = ctx.nomenklatur
    bidang = bidang_tabel(tabel)
    hit_nomen = None
    if nomen is not None and row.uraian:
        awalan = row.kode_awalan
        if not awalan and not row.kode_asli:
            owner = pemilik(tabel).get(i)  # the coded row this one belongs to (K004)
            awalan = owner
        hit_nomen = nomen.pasti(row.uraian, awalan=awalan, bidang=bidang) or (
            nomen.pasti(row.uraian, bidang=bidang) if awalan else None)

    def note(k: str) -> tuple[str, str]:
        if hit_nomen is not None and _kunci(hit_nomen.kode) != _kunci(k):
            return (f"; nama baris ini mirip nomenklatur {hit_nomen.kode} \"{hit_nomen.entri.nama}\"",
                    f"; its name resembles the nomenclature's {hit_nomen.kode} \"{hit_nomen.entri.nama}\"")
        return "", ""

    ev = _dari_tabel(ctx, tabel, row)
    if ev is not None:
        k, where = ev
        n_id, n_en = note(k)
        return Saran(k, 0.95 if not n_id else 0.8, "tabel",
                     f"baris yang sama di {where} berkode {k}{n_id}",
                     f"the same row in {where} has kode {k}{n_en}")
    parent = kode_mungkin(tabel, i)
    if parent is not None:
        k = parent.teks
        n_id, n_en = note(k)
        level = {"sub_kegiatan": "sub kegiatan"}.get(parent.level, parent.level)
        return Saran(k, 0.9 if not n_id else 0.75, "struktur",
                     f"{level} induk baris di bawahnya{n_id}", f"the {level} that parents the rows below it{n_en}")
    if hit_nomen is not None:
        return Saran(_kunci(hit_nomen.kode), round(hit_nomen.skor, 2), "nomenklatur",
                     f"nama paling cocok di nomenklatur: \"{hit_nomen.entri.nama}\"",
                     f"closest official name: \"{hit_nomen.entri.nama}\"")
    return None

