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
from ...core.tabel import Tabel
from ...nomenklatur.data import normal_nama
from ..ingatan import per_tabel
from ..struktur import pemilik
from .common import kode_mungkin

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


@per_tabel
def bidang_tabel(t: Tabel) -> str | None:
    """The office's bidang (``1.06``): the most common first two segments of the table's codes."""
    counts: dict[str, int] = {}
    for k in t.kode:
        if k:
            b = ".".join(k.split(".")[:2])
            counts[b] = counts.get(b, 0) + 1
    return max(counts, key=counts.get) if counts else None


@per_tabel
def _berkode_per_nama(tables: list[Tabel]) -> dict[str, list[tuple[Tabel, int]]]:
    """The rows with a readable kode of every table, by their name as compared, in table order."""
    out: dict[str, list[tuple[Tabel, int]]] = {}
    for other in tables:
        for j in range(other.n):
            if other.kode[j] and j not in other.kode_galat:
                out.setdefault(normal_nama(other.uraian[j]), []).append((other, j))
    return out


def _dari_tabel(ctx, t: Tabel, i: int) -> tuple[str, str] | None:
    name = normal_nama(t.uraian[i])
    if not name:
        return None
    awalan = (t.kode_galat.get(i) or (None, None, None, None))[2]
    found: dict[str, str] = {}
    for other, j in _berkode_per_nama(ctx.tables).get(name, ()):
        if other is not t or j != i:
            k = _kunci(other.kode[j])
            if awalan and not (k == awalan or k.startswith(awalan + ".")):
                continue
            found.setdefault(k, f"{other.sheet} ({other.kode_sel[j]})")
    if len(found) == 1:
        return next(iter(found.items()))
    return None


def saran_kode(ctx, t: Tabel, i: int) -> Saran | None:
    nomen = ctx.nomenklatur
    bidang = bidang_tabel(t)
    hit_nomen = None
    uraian = t.uraian[i]
    if nomen is not None and uraian:
        awalan = (t.kode_galat.get(i) or (None, None, None, None))[2]
        if not awalan and not t.kode_asli[i]:
            awalan = pemilik(t).get(i)  # the coded row this one belongs to (K004)
        hit_nomen = nomen.pasti(uraian, awalan=awalan, bidang=bidang) or (
            nomen.pasti(uraian, bidang=bidang) if awalan else None)

    def note(k: str) -> tuple[str, str]:
        if hit_nomen is not None and _kunci(hit_nomen.kode) != _kunci(k):
            return (f"; nama baris ini mirip nomenklatur {hit_nomen.kode} \"{hit_nomen.entri.nama}\"",
                    f"; its name resembles the nomenclature's {hit_nomen.kode} \"{hit_nomen.entri.nama}\"")
        return "", ""

    ev = _dari_tabel(ctx, t, i)
    if ev is not None:
        k, where = ev
        n_id, n_en = note(k)
        return Saran(k, 0.95 if not n_id else 0.8, "tabel",
                     f"baris yang sama di {where} berkode {k}{n_id}",
                     f"the same row in {where} has kode {k}{n_en}")
    parent = kode_mungkin(t, i)
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
