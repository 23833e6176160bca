"""The capaian and predikat of evaluation rows (``Berkas.capaian``, :mod:`renja_xl.core.penilaian`)
in words, shared by the report formats."""

from __future__ import annotations

from typing import Any

from ..core.angka import format_angka

__all__ = ["KOLOM", "judul", "baris_tabel", "teks"]

KOLOM = {
    "id": ["Sheet", "Sel", "Kode", "Uraian", "Indikator", "Polaritas", "Capaian (%)", "Predikat",
           "Capaian Renstra (%)", "Predikat Renstra"],
    "en": ["Sheet", "Cell", "Kode", "Description", "Indicator", "Polarity", "Achievement (%)", "Predikat",
           "Renstra achievement (%)", "Renstra predikat"],
}
_POL = {"id": {"positif": "positif", "negatif": "negatif"}, "en": {"positif": "positive", "negatif": "negative"}}


def _pct(x: float | None) -> str:
    return "—" if x is None else format_angka(round(x, 2), 2)


def judul(cap: dict[str, Any], lang: str = "id") -> str:
    """'Capaian dan predikat: 31 baris evaluasi; skala … ; indikator negatif: rumus 2t-r'."""
    n = len(cap.get("baris", []))
    skala = cap.get("scale" if lang == "en" else "skala", "")
    rumus = cap.get("rumus_negatif", "")
    if lang == "en":
        return f"Achievement and predikat: {n} evaluation rows; scale {skala}; negative indicators: formula {rumus}"
    return f"Capaian dan predikat: {n} baris evaluasi; skala {skala}; indikator negatif: rumus {rumus}"


def baris_tabel(r: dict[str, Any], lang: str = "id") -> list[Any]:
    """One evaluation row as the cells of the report tables (Excel, HTML)."""
    return [r["sheet"], r["cell"], r["kode"], r["uraian"], r["indikator"], _POL[lang].get(r["polaritas"], r["polaritas"]),
            r["capaian"], r["predikat"], r["capaian_renstra"], r["predikat_renstra"]]


def teks(cap: dict[str, Any], lang: str = "id", maks: int = 20) -> list[str]:
    """The text report's lines: the scale, the count per predikat, and the rows below the top band."""
    rows = cap.get("baris", [])
    if not rows:
        return []
    labels = cap.get("label") or sorted({r["predikat"] for r in rows})
    hitung = [(lbl, sum(1 for r in rows if r["predikat"] == lbl)) for lbl in labels]
    out = [judul(cap, lang), "  " + " · ".join(f"{lbl} {n}" for lbl, n in hitung if n)]
    kurang = [r for r in rows if r["predikat"] != labels[0]]
    if kurang:
        out.append("  " + (f"below {labels[0]}:" if lang == "en" else f"di bawah {labels[0]}:"))
        for r in kurang[:maks]:
            nama = r["uraian"] if len(r["uraian"]) <= 50 else r["uraian"][:49] + "…"
            neg = (" (negative)" if lang == "en" else " (negatif)") if r["polaritas"] == "negatif" else ""
            kode = f" {r['kode']}" if r["kode"] else ""
            out.append(f"    {r['sheet']}!{r['cell']}{kode} {nama}  {_pct(r['capaian'])} %  {r['predikat']}{neg}")
        if len(kurang) > maks:
            out.append(f"    … {len(kurang) - maks} " + ("more" if lang == "en" else "lagi"))
    return out
