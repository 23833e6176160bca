"""Column choices several table readers make the same way: the names, the indicator, the unit."""

from __future__ import annotations

from ..peta import Ciri

__all__ = ["pilih_uraian", "pilih_indikator", "pilih_satuan", "pilih_lokasi", "teks_lain", "is_uraian"]

_BUKAN_URAIAN = ("indikator", "target", "pagu", "realisasi", "kode", "satuan", "lokasi", "fisik", "capaian",
                 "sumber", "catatan", "unit", "sasaran", "definisi", "no", "kinerja")


def is_uraian(c: Ciri) -> bool:
    d = c.daun
    if not d.punya("uraian") or d.punya(*[k for k in _BUKAN_URAIAN if k != "kinerja"]):
        return False
    return "%" not in d.teks and c.teks >= 0.3


def pilih_uraian(ciri: list[Ciri], kecuali: set[int]) -> tuple[int | None, str]:
    for c in ciri:
        if c.idx not in kecuali and is_uraian(c):
            return c.idx, c.bukti
    # a column of names under a header that names no level ("Uraian" missing): the first wide text column
    for c in ciri:
        if c.idx not in kecuali and c.teks >= 0.6 and c.panjang >= 20 and not c.punya(*_BUKAN_URAIAN):
            return c.idx, f"{c.bukti} (kolom teks nama)"
    return None, ""


def pilih_indikator(ciri: list[Ciri], kecuali: set[int]) -> int | None:
    cand = [c for c in ciri if c.idx not in kecuali and c.daun_punya("indikator") and not c.daun_punya(
        "target", "realisasi", "satuan") and c.teks >= 0.2]
    if not cand:
        cand = [c for c in ciri if c.idx not in kecuali and c.punya("indikator") and not c.punya(
            "target", "realisasi", "satuan", "capaian", "pagu") and c.teks >= 0.2]
    if not cand:
        return None
    keluaran = [c for c in cand if "keluaran" in c.label.teks]
    return (keluaran or cand)[0].idx


def pilih_satuan(ciri: list[Ciri], kecuali: set[int], sisi: str | None = None) -> int | None:
    from ..peta import sisi_kolom

    cand = [c for c in ciri if c.idx not in kecuali and c.daun_punya("satuan") and "komponen" not in c.label.teks
            and not c.daun_punya("target", "pagu", "realisasi")]
    if sisi is not None:
        cand = [c for c in cand if (sisi_kolom(c) or "sebelum") == sisi]
    plain = [c for c in cand if "kinerja" not in c.label.teks]
    pick = plain or cand
    return pick[0].idx if pick else None


def pilih_lokasi(ciri: list[Ciri], kecuali: set[int]) -> int | None:
    for c in ciri:
        if c.idx not in kecuali and c.daun_punya("lokasi"):
            return c.idx
    return None


def teks_lain(ciri: list[Ciri], kecuali: set[int]) -> dict[str, int]:
    """Other text columns worth keeping by name: catatan, sumber dana, unit, no."""
    out: dict[str, int] = {}
    for c in ciri:
        if c.idx in kecuali:
            continue
        for name, konsep in (("catatan", "catatan"), ("sumber dana", "sumber"), ("unit", "unit"), ("no", "no")):
            if c.daun_punya(konsep) and name not in out and not c.daun_punya("target", "pagu", "realisasi"):
                out[name] = c.idx
                break
        else:
            if not c.kol.levels and c.isi and c.teks >= 0.8 and c.panjang <= 40:
                out[f"kolom {c.huruf}"] = c.idx  # short text beside the table without a header (a unit, a tag)
    return out
