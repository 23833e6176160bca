"""P008 indikator-tidak-wajar: an indicator cell holding a kode, or empty on a row that plans something."""

from __future__ import annotations

import re

from ...core.kode import level_name, parse_kode
from ..registry import Dok, aturan

_LEVEL = ("program", "kegiatan", "sub_kegiatan")
_KODE_SAJA = re.compile(r"^[\s\dlO|.,]+$")


def kode_dalam(text: str) -> str | None:
    """The kode an indicator cell holds instead of words ('1.06.03.2.01.0001'), or None."""
    t = text.strip()
    if not t or not _KODE_SAJA.match(t) or "." not in t:
        return None
    k = parse_kode(t).kode
    return k.teks if k is not None and len(k.segmen) >= 3 else None


@aturan(
    "P008", "indikator-tidak-wajar", "warning",
    id=Dok(
        judul="Indikator berisi kode atau kosong",
        apa="Pada tabel rencana, Renstra, Perubahan dan evaluasi: sel indikator yang berisi kode (mis. "
        "'1.06.03.2.01.0001') alih-alih rumusan indikator; atau sel indikator yang kosong pada baris program, "
        "kegiatan atau sub kegiatan yang mempunyai target atau pagu, di tabel yang baris setingkatnya hampir "
        "semuanya (sedikitnya empat dari lima) berindikator.",
        mengapa="Setiap program, kegiatan dan sub kegiatan diukur dengan indikatornya; tanpa indikator targetnya "
        "tidak bermakna, dan kode di sel indikator biasanya tanda isian yang bergeser satu kolom.",
        contoh="Tabel 4.2: kegiatan 1.06.03.2.01 berindikator '1.06.03.2.01.0001'; program 1.06.03 tanpa indikator.",
        perbaikan="Isi indikator kinerja sesuai Renstra (program: outcome; kegiatan dan sub kegiatan: output).",
    ),
    en=Dok(
        judul="Indicator holds a kode or is empty",
        apa="In plan, Renstra, Perubahan and evaluation tables: an indicator cell holding a kode (e.g. "
        "'1.06.03.2.01.0001') instead of an indicator's wording; or an empty indicator cell on a program, kegiatan "
        "or sub kegiatan row with a target or pagu, in a table where nearly all rows of that level (at least four "
        "in five) have an indicator.",
        mengapa="Every program, kegiatan and sub kegiatan is measured by its indicator; without one its target means "
        "nothing, and a kode in an indicator cell is usually an entry slipped by one column.",
        contoh="Tabel 4.2: kegiatan 1.06.03.2.01 has the indicator '1.06.03.2.01.0001'; program 1.06.03 has none.",
        perbaikan="Fill in the performance indicator from the Renstra (program: outcome; kegiatan and sub kegiatan: "
        "output).",
    ),
    jenis=("rencana", "renstra", "perubahan", "evaluasi"),
)
def periksa(ctx, t):
    if t.indikator_huruf is None:
        return  # no indicator column: nothing to expect
    berisi: dict[str, list[int]] = {}
    for i in range(t.n):
        if t.terbaca(i) and t.level[i] in _LEVEL and not t.total[i]:
            c = berisi.setdefault(t.level[i], [0, 0])
            c[0] += 1
            c[1] += bool(t.indikator[i].strip())
    for i in range(t.n):
        if t.total[i] or not t.terbaca(i) or t.level[i] not in _LEVEL:
            continue
        teks = t.indikator[i]
        kode = kode_dalam(teks)
        if kode is not None:
            yield ctx.temuan(
                t, i, t.sel(t.indikator_huruf, i),
                f"Sel indikator berisi kode '{teks.strip()}', bukan rumusan indikator",
                f"The indicator cell holds the kode '{teks.strip()}', not an indicator's wording",
                actual=teks.strip(),
            )
            continue
        if teks.strip():
            continue
        n, isi = berisi.get(t.level[i], (0, 0))
        if n < 3 or isi * 5 < n * 4:
            continue  # this level usually goes without an indicator in this table
        if not any(k.nilai[i] is not None for k in t.angka.values() if k.peran.ukuran in ("target", "pagu", "kolom")):
            continue
        lvl = level_name(t.level[i])
        yield ctx.temuan(
            t, i, t.sel(t.indikator_huruf, i),
            f"Indikator {lvl} kosong ({isi} dari {n} baris {lvl} di tabel ini berindikator)",
            f"The {lvl}'s indicator is empty ({isi} of {n} {lvl} rows in this table have one)",
        )
