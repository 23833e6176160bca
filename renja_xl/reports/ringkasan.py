"""``renja-xl ringkasan``: the tables found in a workbook and their totals, for a quick look."""

from __future__ import annotations

import sys

from ..core.angka import format_rupiah
from ..core.models import RealisasiBaris, RencanaBaris, Tabel
from ..readers import BerkasTidakTerbaca, baca_berkas
from .layar import layar

_T = {
    "id": {"rows": "baris", "total": "total pagu", "none": "tidak ada tabel Renja yang dikenali",
           "anggaran": "anggaran", "realisasi": "realisasi", "unread": "tidak terbaca"},
    "en": {"rows": "rows", "total": "total pagu", "none": "no Renja table recognised",
           "anggaran": "budget", "realisasi": "realised", "unread": "unreadable"},
}


def total_rencana(tabel: Tabel) -> dict[int, int | float]:
    """Per plan year, the pagu of the top-level rows (the office row, or the sum of the programs)."""
    coded = [r for r in tabel.rows if isinstance(r, RencanaBaris) and r.kode]
    if not coded:
        return {}
    top = min(len(r.kode.split(".")) for r in coded)
    out: dict[int, int | float] = {}
    for r in coded:
        if len(r.kode.split(".")) != top:
            continue
        for y, n in r.pagu.items():
            if n.value is not None:
                out[y] = out.get(y, 0) + n.value
    return out


def baris_ringkasan(tabel: Tabel, lang: str = "id") -> str:
    t = _T[lang]
    head = f"  {layar(tabel.sheet)} [{tabel.kind}] {t['rows']} {tabel.first_row}–{tabel.last_row} ({len(tabel.rows)})"
    if tabel.kind == "rencana":
        tot = total_rencana(tabel)
        parts = [f"{y}: {format_rupiah(v)}" for y, v in sorted(tot.items())]
        return head + (f" — {t['total']} " + ", ".join(parts) if parts else "")
    if tabel.kind == "realisasi":
        ang = sum(r.anggaran.value for r in tabel.rows
                  if isinstance(r, RealisasiBaris) and r.anggaran and r.anggaran.value is not None)
        rea = sum(r.realisasi.value for r in tabel.rows
                  if isinstance(r, RealisasiBaris) and r.realisasi and r.realisasi.value is not None)
        return head + f" — {t['anggaran']} {format_rupiah(ang)}, {t['realisasi']} {format_rupiah(rea)}"
    return head


def cetak_ringkasan(paths: list[str], lang: str = "id") -> int:
    t = _T[lang]
    status = 0
    for path in paths:
        print(layar(path))
        try:
            hasil = baca_berkas(path)
        except BerkasTidakTerbaca as exc:
            print(f"  {t['unread']}: {layar(exc.alasan if lang == 'id' else exc.reason)}")
            status = 1
            continue
        if not hasil.tables:
            print(f"  {t['none']} ({', '.join(map(layar, hasil.sheets))})")
        for tabel in hasil.tables:
            print(baris_ringkasan(tabel, lang))
    sys.stdout.flush()
    return status
