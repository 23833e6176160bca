"""``renja-xl ringkasan``: the tables found in a workbook and their totals, for a quick look."""

from __future__ import annotations

import sys

from ..core.angka import format_rupiah
from ..core.tabel import Tabel
from ..readers import BerkasTidakTerbaca, baca_berkas

_T = {
    "id": {"rows": "baris", "total": "total pagu", "none": "tidak ada tabel Renja yang dikenali",
           "anggaran": "anggaran", "realisasi": "realisasi", "unread": "tidak terbaca", "levels": "baris per tingkat"},
    "en": {"rows": "rows", "total": "total pagu", "none": "no Renja table recognised",
           "anggaran": "budget", "realisasi": "realised", "unread": "unreadable", "levels": "rows per level"},
}


def total_rencana(tabel: Tabel) -> dict[int, int | float]:
    """Per plan year, the pagu of the top-level rows (the office row, or the sum of the programs)."""
    from ..rules.struktur import baris_teratas

    tops = baris_teratas(tabel)
    out: dict[int, int | float] = {}
    for k in tabel.kolom("pagu"):
        if not k.peran.periode.isdigit() or k.peran.sisi not in ("", "setelah"):
            continue
        y = int(k.peran.periode)
        vals = [k.nilai[i] for i in tops if k.nilai[i] is not None]
        if vals:
            out[y] = out.get(y, 0) + sum(vals)
    return out


def _per_tingkat(tabel: Tabel) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(tabel.n):
        lvl = "jumlah" if tabel.total[i] else (tabel.level[i] or "lain")
        out[lvl] = out.get(lvl, 0) + 1
    return out


def baris_ringkasan(tabel: Tabel, lang: str = "id") -> str:
    t = _T[lang]
    head = f"  {tabel.sheet} [{tabel.kind}{'/' + tabel.varian if tabel.varian else ''}] {t['rows']} " \
           f"{tabel.first_row}–{tabel.last_row} ({tabel.n})"
    if tabel.kind in ("rencana", "renstra", "perubahan"):
        tot = total_rencana(tabel)
        parts = [f"{y}: {format_rupiah(v)}" for y, v in sorted(tot.items())]
        head += (f" — {t['total']} " + ", ".join(parts) if parts else "")
    elif tabel.kind == "realisasi":
        from ..rules.struktur import baris_teratas

        tops = baris_teratas(tabel) or [i for i in range(tabel.n) if not tabel.total[i]]
        ang = next((k for k in tabel.kolom("pagu") if k.peran.bagian in ("", "total")), None)
        rea = next((k for k in tabel.kolom("realisasi_rp") if k.peran.bagian in ("", "total")), None)
        a = sum(ang.nilai[i] or 0 for i in tops) if ang else 0
        r = sum(rea.nilai[i] or 0 for i in tops) if rea else 0
        head += f" — {t['anggaran']} {format_rupiah(a)}, {t['realisasi']} {format_rupiah(r)}"
    lines = [head]
    levels = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in _per_tingkat(tabel).items())
    lines.append(f"    {t['levels']}: {levels}")
    for p in tabel.peta:
        mark = "" if p.yakin else " ?"
        lines.append(f"    {p.huruf:<7} {p.peran:<30}{mark} ← {p.bukti[:80]}")
    for r in tabel.ragu:
        lines.append(f"    ! {r[1] if lang == 'en' else r[0]}")
    return "\n".join(lines)


def cetak_ringkasan(paths: list[str], lang: str = "id") -> int:
    t = _T[lang]
    status = 0
    for path in paths:
        print(path)
        try:
            hasil = baca_berkas(path)
        except BerkasTidakTerbaca as exc:
            print(f"  {t['unread']}: {exc.alasan if lang == 'id' else exc.reason}")
            status = 1
            continue
        if not hasil.tables:
            print(f"  {t['none']} ({', '.join(hasil.sheets)})")
        for tabel in hasil.tables:
            print(baris_ringkasan(tabel, lang))
    sys.stdout.flush()
    return status
