"""The capaian and predikat of every evaluation row, as every report shows them.

For each row of an evaluation table — Tabel 2.1 (T-C.29) and Formulir E.81 — that has a target and a
realisation: the capaian of the evaluated year (T-C.29 column 7 / column 6; E.81 realisasi / target
Renja of the year) and of the Renstra (T-C.29 column 10 / column 4; E.81 realisasi s.d. tahun
berjalan / target akhir Renstra), each with its predikat on the configured scale. A negative
indicator (lower is better, :func:`~renja_xl.core.indikator.polaritas` or a per-kode override) uses
the configured negative formula. The computation is :class:`~renja_xl.core.config.PengaturanCapaian`,
the same one the rules and the workbook's functions use.
"""

from __future__ import annotations

from typing import Any

from .config import PengaturanCapaian
from .indikator import SifatIndikator
from .tabel import Tabel

__all__ = ["nilai_evaluasi"]


def _v(k, i):
    return k.nilai[i] if k is not None and k.pasti(i) else None


def _kolom_tc29(t: Tabel) -> dict[int, Any]:
    return {int(k.peran.bagian): k for k in t.angka.values() if k.peran.ukuran == "kolom" and k.yakin}


def _satu(t: Tabel, ukuran: str, periode: str):
    return next((k for k in t.kolom(ukuran, periode=periode) if k.yakin), None)


def nilai_evaluasi(tables: list[Tabel], atur: PengaturanCapaian, sifat: SifatIndikator | None = None) -> dict[str, Any]:
    """{"skala", "rumus_negatif", "baris": [row, …]} for the evaluation tables ({} when there are none)."""
    sifat = sifat or SifatIndikator()
    baris: list[dict[str, Any]] = []
    for t in tables:
        if t.kind == "evaluasi":
            kol = _kolom_tc29(t)
            pairs = ((kol.get(7), kol.get(6), kol.get(8)), (kol.get(10), kol.get(4), kol.get(11)))
        elif t.kind == "e81":
            pairs = ((_satu(t, "realisasi", "n"), _satu(t, "target", "n"), _satu(t, "capaian", "n")),
                     (_satu(t, "realisasi", "s/d"), _satu(t, "target", "renstra"), _satu(t, "capaian", "s/d")))
        else:
            continue
        (rn, tn, cn), (rr, tr, cr) = pairs
        if rn is None or tn is None:
            continue
        for i in range(t.n):
            if t.total[i]:
                continue
            pol = sifat.polaritas(t.kunci[i], t.indikator[i])
            c = atur.hitung(_v(rn, i), _v(tn, i), pol)
            if c is None:
                continue
            cr_ = atur.hitung(_v(rr, i), _v(tr, i), pol) if rr is not None and tr is not None else None
            cell = t.sel(cn if cn is not None else rn, i)
            baris.append({
                "sheet": t.sheet, "row": t.baris[i], "cell": cell, "kode": t.kode[i],
                "uraian": " ".join(t.uraian[i].split()), "indikator": " ".join(t.indikator[i].split()),
                "polaritas": pol, "capaian": round(c, 2), "predikat": atur.predikat(c),
                "capaian_renstra": round(cr_, 2) if cr_ is not None else None,
                "predikat_renstra": atur.predikat(cr_) if cr_ is not None else None,
            })
    if not baris:
        return {}
    return {"skala": atur.skala.uraian("id"), "scale": atur.skala.uraian("en"), "rumus_negatif": atur.rumus_negatif,
            "label": [lbl for _, lbl in atur.skala.batas] + [atur.skala.terbawah], "baris": baris}
