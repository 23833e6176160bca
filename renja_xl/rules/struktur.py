"""Facts about which rows add up, shared by the rules (and the Excel side's Hitung Ulang Rollup).

- :func:`rincian_induk`: each parent row (bidang, program, kegiatan) and its child rows by kode;
- :func:`pemilik`: the coded row each row without a readable kode belongs to;
- :func:`salah_tempat`: rows placed under another parent than their kode's (K006, the formula rules);
- :func:`baris_teratas`: the top-level rows a JUMLAH row should add up;
- :func:`kolom_uang`: the money columns that add up over the kode hierarchy;
- :func:`nilai_antartabel`: one kode in several tables of a workbook.

Rows that are not in the kode hierarchy stay out: an account (akun) is a detail of its sub kegiatan,
an organisation row repeats its bidang, an indicator row without a kode is a part of its program.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..core.tabel import LEVEL_INDUK, KolomAngka, Tabel, baris_teratas, dalam_hierarki, judul_saja, wakil
from .ingatan import per_tabel

__all__ = ["Rincian", "rincian_induk", "pemilik", "salah_tempat", "baris_teratas", "kolom_uang", "nilai_antartabel", "judul_saja",
           "dalam_hierarki", "nama_kolom", "pasangan", "daun", "pagu_per_tahun", "SelUang"]

_BUKAN_HIERARKI = ("akun", "organisasi", "indikator")


def kolom_uang(t: Tabel) -> list[KolomAngka]:
    return [k for k in t.angka.values() if k.peran.uang]


@dataclass(slots=True)
class Rincian:
    """A parent row and its child rows (indices into the table) found by kode.

    ``tercemar``: a row without a readable kode belongs to this parent (rules.md, A001), so its sum is
    not known for certain. ``bagian``: indicator rows without a kode that carry parts of this
    parent's amounts (E.81 programs with several indicators)."""

    induk: int
    anak: list[int]
    tercemar: bool
    bagian: list[int] = field(default_factory=list)


def rincian_induk(t: Tabel) -> Iterator[Rincian]:
    """Every parent of a table that has child rows, with those children (the next level down, by kode,
    in table order). A kode on several rows counts once: at its row with values (K002 says the rest)."""
    per_kunci: dict[tuple[str | None, str], list[int]] = {}
    for i in range(t.n):
        if dalam_hierarki(t, i):
            per_kunci.setdefault((t.organisasi[i], t.kunci[i]), []).append(i)
    wakil_dari = {k: wakil(t, rows) for k, rows in per_kunci.items()}
    children: dict[tuple[str | None, str], list[int]] = {}
    for (org, _k), i in wakil_dari.items():
        p = t.induk[i]
        if p is not None:
            children.setdefault((org, p), []).append(i)
            if org is not None:  # a row above every organisation (a bidang of SIPD) has them all as children
                children.setdefault((None, p), []).append(i)
    tainted = set(pemilik(t).values())
    bagian: dict[int, list[int]] = {}
    for i, owner in t.milik.items():
        bagian.setdefault(owner, []).append(i)
    for k, i in sorted(wakil_dari.items(), key=lambda kv: kv[1]):
        if t.level[i] not in LEVEL_INDUK:
            continue
        kids = children.get(k)
        if kids:
            yield Rincian(i, sorted(kids), k[1] in tainted, sorted(bagian.get(i, [])))


@per_tabel
def pemilik(t: Tabel) -> dict[int, str]:
    """For each row without a readable kode (that is not a total, an account, an organisation or an
    indicator line), the key of the coded row it belongs to: the coded row just above it, or that
    row's parent when it is a sub kegiatan (rules.md, A001). Found once per table: read it, do not change it."""
    out: dict[int, str] = {}
    owner: str | None = None
    for i in range(t.n):
        if t.kunci[i] is not None and i not in t.kode_galat:
            if t.level[i] in _BUKAN_HIERARKI:
                continue
            owner = t.induk[i] if t.level[i] == "sub_kegiatan" else t.kunci[i]
            continue
        if t.total[i] or owner is None or t.level[i] in _BUKAN_HIERARKI:
            continue
        out[i] = owner
    return out


_INDUK = {"sub_kegiatan": "kegiatan", "kegiatan": "program", "program": "bidang"}


@per_tabel
def salah_tempat(t: Tabel) -> list[tuple[int, int, int]]:
    """Rows placed under another parent than their kode's, in a table laid out parent over children
    (nearly every row directly under its parent): (row, the parent row it stands under, its parent by
    kode). Empty when the table is not laid out that way: placement then says nothing. K006 reports
    these rows; the formula rules do not blame a parent's formula that follows the layout."""
    pos: dict[str, int] = {}
    for i in range(t.n):
        if dalam_hierarki(t, i):
            pos.setdefault(t.kunci[i], i)
    # the nearest row above each row at the parent's level, and how often it is the parent by kode
    cocok = 0
    found: list[tuple[int, int, int]] = []
    nearest: dict[str, int] = {}
    for i in range(t.n):
        if not dalam_hierarki(t, i):
            continue
        lvl = t.level[i]
        up = _INDUK.get(lvl)
        if up is not None and up in nearest and t.induk[i] is not None:
            j = nearest[up]
            if t.kunci[j] == t.induk[i]:
                cocok += 1
            elif t.induk[i] in pos:
                found.append((i, j, pos[t.induk[i]]))
        nearest[lvl] = i
        for deeper in ("program", "kegiatan", "sub_kegiatan"):  # a new parent closes the deeper levels
            if _INDUK.get(deeper) == lvl:
                nearest.pop(deeper, None)
    return found if found and cocok >= 9 * len(found) else []


def nilai_antartabel(
    tables: list[Tabel], cells: Callable[[Tabel, int], dict[Any, Any]]
) -> Iterator[tuple[Tabel, int, Tabel, int, Any, Any, Any]]:
    """For each kode and key (year …) present in several tables, yield the reference (the first table
    that has it) and every later occurrence: (ref_table, ref_i, table, i, key, ref_value, value).
    ``cells(table, i)`` gives a row's comparable values by key. A row whose kode names another row
    in the first table is compared with the row of its name instead (:mod:`.padanan`, rule K007)."""
    from .padanan import padanan

    pad = padanan(tables)
    bersama, calon = _bersama(tables)
    if not bersama and not pad.arah:
        return
    arah = pad.arah
    ref: dict[tuple[Any, Any], tuple[Tabel, int, Any]] = {}
    for n, t in enumerate(tables):
        seen_here: set[tuple[Any, Any]] = set()
        tid = id(t)
        rows = calon[n]
        if arah:  # the rows compared by name are visited in their place among the others
            pindah = {i: p for (x, i), p in arah.items() if x == tid}
            if pindah:
                rows = sorted({*rows, *pindah})
        else:
            pindah = {}
        org, kunci = t.organisasi, t.kunci
        for i in rows:
            if i in pindah:  # the kode is shifted: compare with the row of its name (or not at all)
                partner = pindah[i]
                if partner is not None:
                    pt, pi = partner
                    pc = cells(pt, pi)
                    for key, val in cells(t, i).items():
                        if key in pc:
                            yield pt, pi, t, i, key, pc[key], val
                continue
            k0 = (org[i], kunci[i])
            for key, val in cells(t, i).items():
                k = (k0, key)
                if k in seen_here:
                    continue  # a duplicate inside one table is K002's business
                seen_here.add(k)
                if k not in ref:
                    ref[k] = (t, i, val)
                    continue
                r_t, r_i, r_val = ref[k]
                if r_t is t:
                    continue
                yield r_t, r_i, t, i, key, r_val, val


@per_tabel
def _bersama(tables: list[Tabel]) -> tuple[set[tuple[str | None, str]], list[list[int]]]:
    """The kode (with their organisation) that more than one of ``tables`` names — only those can
    differ between tables — and, per table, the rows that carry one of them and can be compared (a
    readable kode, not an account or sub keluaran). The cross-table rules ask for the same tables one
    after the other: the answer is found once (:func:`.ingatan.per_tabel`)."""
    tabel_dari: dict[tuple[str | None, str], int] = {}
    bersama: set[tuple[str | None, str]] = set()
    for n, t in enumerate(tables):
        for i in range(t.n):
            k = (t.organisasi[i], t.kunci[i])
            if k[1] is not None and i not in t.kode_galat and t.rincian[i] is None and t.level[i] not in _BUKAN_HIERARKI:
                first = tabel_dari.setdefault(k, n)
                if first != n:
                    bersama.add(k)
    calon: list[list[int]] = []
    for t in tables:
        galat, rincian, org, kunci = t.kode_galat, t.rincian, t.organisasi, t.kunci
        calon.append([i for i in range(t.n) if (org[i], kunci[i]) in bersama and i not in galat
                      and rincian[i] is None] if bersama else [])
    return bersama, calon


_UKURAN = {
    "id": {"target": "target", "pagu": "pagu", "realisasi": "realisasi", "realisasi_rp": "realisasi (Rp)",
           "rencana_rp": "rencana (Rp)", "capaian": "capaian (%)", "capaian_rp": "realisasi keuangan (%)",
           "fisik": "fisik (%)", "fisik_rencana": "rencana fisik (%)", "selisih_rp": "selisih (Rp)", "nilai": "nilai"},
    "en": {"target": "target", "pagu": "pagu", "realisasi": "realisation", "realisasi_rp": "realisation (Rp)",
           "rencana_rp": "plan (Rp)", "capaian": "achievement (%)", "capaian_rp": "financial realisation (%)",
           "fisik": "physical (%)", "fisik_rencana": "planned physical (%)", "selisih_rp": "difference (Rp)",
           "nilai": "value"},
}
_PERIODE = {
    "id": {"renstra": "akhir Renstra", "s/d lalu": "s.d. tahun lalu", "s/d": "s.d. tahun berjalan", "n": "tahun berjalan",
           "n+1": "tahun berikutnya"},
    "en": {"renstra": "end of the Renstra", "s/d lalu": "up to last year", "s/d": "up to this year", "n": "this year",
           "n+1": "next year"},
}
_SISI = {"id": {"sebelum": "sebelum perubahan", "setelah": "setelah perubahan", "awal": "rancangan awal",
                "hasil": "hasil analisis"},
         "en": {"sebelum": "before the change", "setelah": "after the change", "awal": "initial draft",
                "hasil": "analysis result"}}


def nama_kolom(k: KolomAngka, lang: str = "id") -> str:
    """A column's role in words: 'pagu 2024', 'pagu tahun 1 (setelah perubahan)', 'realisasi (Rp) TW1'."""
    p = k.peran
    if p.ukuran == "kolom":
        return f"{'column' if lang == 'en' else 'kolom'} {p.bagian}"
    parts = [_UKURAN[lang].get(p.ukuran, p.ukuran)]
    if p.periode:
        per = _PERIODE[lang].get(p.periode, p.periode)
        if lang == "en" and per.startswith("tahun "):
            per = "year " + per[6:]
        parts.append(per)
    if p.bagian and p.bagian != "thd rencana":
        parts.append(p.bagian)
    if p.bagian == "thd rencana":
        parts.append("of the plan" if lang == "en" else "terhadap rencana")
    text = " ".join(parts)
    if p.sisi:
        text += f" ({_SISI[lang].get(p.sisi, p.sisi)})"
    return text


def pasangan(t: Tabel, a: str, b: str) -> list[tuple[KolomAngka, KolomAngka]]:
    """Columns of measure ``a`` paired with the column of measure ``b`` of the same period, side and
    part (target 2024 with pagu 2024; realisasi (Rp) with pagu)."""
    out = []
    for ka in t.angka.values():
        if ka.peran.ukuran != a:
            continue
        kb = next((k for k in t.angka.values() if k.peran.ukuran == b and k.peran.periode == ka.peran.periode
                   and k.peran.sisi == ka.peran.sisi and k.peran.bagian == ka.peran.bagian), None)
        if kb is not None:
            out.append((ka, kb))
    return out


def daun(t: Tabel, i: int) -> bool:
    """A row at the bottom of the plan: a sub kegiatan (or a row below it: a sub keluaran), or, in a
    table without kode, a detail row (numbered, or not a heading)."""
    if t.level[i] == "sub_kegiatan":
        return True
    if not t.has_kode and t.level[i] is None and not t.total[i]:
        return True
    return False


@dataclass(slots=True, frozen=True)
class SelUang:
    """One money cell of a row: address, value, what the cell held."""

    cell: str
    value: int | float | None
    raw: Any


def pagu_per_tahun(t: Tabel, i: int) -> dict[Any, SelUang]:
    """The pagu cells of row ``i`` by plan period (a year, ``tahun 1``; the after side of a
    Perubahan), or a realisation table's anggaran under its year: what a parent's rollup formula
    adds up (the Excel side's Hitung Ulang Rollup)."""
    out: dict[Any, SelUang] = {}
    for k in t.kolom("pagu"):
        p = k.peran
        if p.sisi not in ("", "setelah") or p.bagian not in ("", "total"):
            continue
        if t.kind == "realisasi":
            key: Any = t.years[0] if t.years else 0
        else:
            key = int(p.periode) if p.periode.isdigit() else p.periode
        if key in out:
            continue
        raw = k.mentah.get(i, k.nilai[i])
        out[key] = SelUang(t.sel(k, i), k.nilai[i], raw)
    return out
