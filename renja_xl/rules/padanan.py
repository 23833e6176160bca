"""Which row of the reference table a row of another table means: by kode, checked by name.

Cross-table rules (A009, T001, S003) compare one kode across the tables of a workbook, the first
plan table being the reference. A table whose kode are shifted (Tabel 2.1 of the seed writes
'Koordinasi dan Penyusunan Dok RKA-SKPD' under 1.06.01.2.01.01, the kode of 'Penyusunan Dokumen
Perencanaan' in Tabel 4.1) would be compared with the wrong rows. :func:`padanan` looks at the
names: when a row's kode names a clearly different row in the reference table
(:func:`~renja_xl.core.nama.sama_nama` is False), or is not there at all, and exactly one row of the
reference carries this row's name under another kode, the kode is shifted (rule K007) and the row
is compared with the row of its name instead — or with nothing, when that row's own kode is
unreadable. Where the names agree, or cannot be told apart, the kode decides as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.nama import awalan_level, cocokkan, kunci_nama, sama_nama
from ..core.tabel import Tabel, dalam_hierarki
from .ingatan import per_tabel

__all__ = ["Geser", "Padanan", "padanan", "cari_nama", "SusunanReview", "susunan_review", "nama_review",
           "daun_rencana"]


@dataclass(slots=True)
class Geser:
    """A row whose kode is not the kode its name has in the reference table."""

    t: Tabel
    i: int
    ref_t: Tabel
    q: int  # the reference row that carries this row's name
    r: int | None  # the reference row that carries this row's kode (None: the kode is not there)


@dataclass(slots=True)
class Padanan:
    arah: dict[tuple[int, int], tuple[Tabel, int] | None] = field(default_factory=dict)  # (id(t), i) → partner
    geser: list[Geser] = field(default_factory=list)

    def partner(self, t: Tabel, i: int) -> tuple[bool, tuple[Tabel, int] | None]:
        """(redirected, partner): whether row ``i`` of ``t`` is compared by name, and with what."""
        key = (id(t), i)
        if key in self.arah:
            return True, self.arah[key]
        return False, None


def _indeks(ref: Tabel) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for q in range(ref.n):
        if ref.total[q] or ref.rincian[q] is not None or ref.level[q] in ("akun", "organisasi", "indikator"):
            continue
        k = kunci_nama(ref.uraian[q])
        if k:
            out.setdefault(k, []).append(q)
    return out


def cari_nama(nama: str, ref: Tabel, indeks: dict[str, list[int]] | None = None) -> int | None:
    """The one row of ``ref`` whose name is ``nama`` (a level word in front of it, 'Kegiatan …',
    narrows the choice); None when no row or several rows carry it."""
    indeks = indeks if indeks is not None else _indeks(ref)
    want = awalan_level(nama)
    kunci = kunci_nama(nama)
    cands = list(indeks.get(kunci, ()))
    if not cands and len(kunci) >= 8:  # typed differently: the close keys first (fast), then word by word
        from rapidfuzz import fuzz, process

        dekat = process.extract(kunci, list(indeks), scorer=fuzz.ratio, score_cutoff=75, limit=8)
        cands = sorted(q for k, _, _ in dekat for q in indeks[k] if sama_nama(nama, ref.uraian[q]))
    if want is not None and len(cands) > 1:
        cands = [q for q in cands if ref.level[q] == want] or cands
    return cands[0] if len(cands) == 1 else None


@per_tabel
def padanan(tables: list[Tabel]) -> Padanan:
    """The rows of the later tables whose comparison partner in the first table is chosen by name."""
    out = Padanan()
    if len(tables) >= 2:
        ref = tables[0]
        per_kode: dict[tuple[str | None, str], int] = {}
        for q in range(ref.n):
            if dalam_hierarki(ref, q) and ref.rincian[q] is None:
                per_kode.setdefault((ref.organisasi[q], ref.kunci[q]), q)
        indeks = _indeks(ref)
        for t in tables[1:]:
            for i in range(t.n):
                if not dalam_hierarki(t, i) or t.rincian[i] is not None or not t.uraian[i]:
                    continue
                r = per_kode.get((t.organisasi[i], t.kunci[i]))
                if r is not None:
                    s = sama_nama(t.uraian[i], ref.uraian[r])
                    if s is not False:
                        continue  # the same name, or one that cannot be told apart: the kode decides
                q = cari_nama(t.uraian[i], ref, indeks)
                if q is None or q == r or (ref.terbaca(q) and ref.kunci[q] == t.kunci[i]):
                    continue
                if r is None and not dalam_hierarki(ref, q):
                    continue  # the reference's own kode for this name is unreadable: its K001 says so
                out.geser.append(Geser(t, i, ref, q, r))
                out.arah[(id(t), i)] = (ref, q) if dalam_hierarki(ref, q) else None
    return out


# --- the review of the Rancangan Awal RKPD (Tabel 2.3): no kode, rows known by their names ---------

_LEVEL = ("program", "kegiatan", "sub_kegiatan")


@dataclass(slots=True)
class SusunanReview:
    """How the rows of a review table are read: the plan row each one names (``padan``: review row →
    plan row), each row's level (from that plan row, else the word in front of its name, else its
    place under a kegiatan) and the parent–children groups that follow from the order of the rows."""

    plan: Tabel | None
    padan: dict[int, int]
    level: list[str | None]
    anak: dict[int, list[int]]  # parent row → its child rows
    pasti: list[bool]  # the level is certain: from the plan, the name's leading word, or a sub kegiatan's lokasi


def nama_review(t: Tabel, i: int) -> str:
    """A review row's name: the Hasil Analisis side, else the Rancangan Awal side."""
    awal = t.teks.get("uraian awal")
    return t.uraian[i] or (awal.teks[i] if awal is not None else "")


def susunan_review(t: Tabel, tables: list[Tabel]) -> SusunanReview:
    """The rows of review table ``t`` matched by name, in order, to the first plan table of
    ``tables`` (a program only with a program, a kegiatan only with a kegiatan when either side says
    so), their levels and their parent–children groups."""
    return _susunan_review(t, next((p for p in tables if p.kind == "rencana"), None))


@per_tabel
def _susunan_review(t: Tabel, plan: Tabel | None) -> SusunanReview:
    names = [nama_review(t, i) for i in range(t.n)]
    awal = t.teks.get("uraian awal")
    own = [awalan_level(n) or (awalan_level(awal.teks[i]) if awal is not None else None) for i, n in enumerate(names)]
    padan: dict[int, int] = {}
    if plan is not None:
        def boleh(i: int, j: int) -> bool:
            lv = plan.level[j] if plan.terbaca(j) else None
            return own[i] is None or lv is None or own[i] == lv

        plan_names = [plan.uraian[j] if not plan.total[j] else "" for j in range(plan.n)]
        padan = cocokkan(names, plan_names, boleh)
        if awal is not None:  # rows whose Hasil name found nothing: their Rancangan Awal name
            rest = [i for i in range(t.n) if i not in padan]
            more = cocokkan([awal.teks[i] if i in rest else "" for i in range(t.n)], plan_names,
                            lambda i, j: boleh(i, j) and j not in padan.values())
            for i, j in more.items():
                lo = max((padan[x] for x in padan if x < i), default=-1)
                hi = min((padan[x] for x in padan if x > i), default=plan.n)
                if lo < j < hi:
                    padan[i] = j
    level: list[str | None] = []
    pasti: list[bool] = []
    lokasi = [t.teks[k].teks for k in ("lokasi hasil", "lokasi awal") if k in t.teks]
    daun = set(daun_rencana(plan)) if plan is not None else set()
    for i in range(t.n):
        lv = None
        j = padan.get(i)
        if j is not None and plan is not None and plan.terbaca(j) and plan.level[j] in _LEVEL:
            lv = plan.level[j]
        lv = lv or own[i] or (t.level[i] if t.level[i] in _LEVEL else None)
        yakin = lv is not None
        if lv is None and level and any(level):
            prev = next((x for x in reversed(level) if x is not None), None)
            if prev in ("kegiatan", "sub_kegiatan"):
                lv = "sub_kegiatan"  # T-C.31 lists the sub kegiatan right under their kegiatan
                # sure when the row names a place (kegiatan rows carry none) or a bottom row of the plan
                yakin = any(col[i].strip() for col in lokasi) or (j is not None and j in daun)
        level.append(lv)
        pasti.append(yakin)
    anak: dict[int, list[int]] = {}
    prog = keg = None
    for i in range(t.n):
        lv = level[i]
        if t.total[i]:
            continue
        if lv == "program":
            prog, keg = i, None
        elif lv == "kegiatan":
            keg = i
            if prog is not None:
                anak.setdefault(prog, []).append(i)
        elif lv == "sub_kegiatan" and keg is not None:
            anak.setdefault(keg, []).append(i)
    return SusunanReview(plan, padan, level, anak, pasti)


def daun_rencana(t) -> list[int]:
    """The plan's bottom rows: sub kegiatan, and rows whose kode cannot be read that sit where a sub
    kegiatan sits (after a sub kegiatan, or after a kegiatan that is not the missing parent of the rows
    that follow)."""
    out: list[int] = []
    prev: int | None = None  # the last row in the hierarchy
    for i in range(t.n):
        if t.total[i] or t.rincian[i] is not None:
            continue
        if dalam_hierarki(t, i):
            if t.level[i] == "sub_kegiatan":
                out.append(i)
            prev = i
            continue
        if t.kunci[i] is not None and i not in t.kode_galat:
            continue  # an account or organisation line
        if prev is None or t.level[prev] not in ("kegiatan", "sub_kegiatan"):
            continue
        nxt = next((j for j in range(i + 1, t.n) if dalam_hierarki(t, j)), None)
        induk_prev = t.kunci[prev] if t.level[prev] == "kegiatan" else t.induk[prev]
        if nxt is not None and t.level[nxt] == "sub_kegiatan" and t.induk[nxt] != induk_prev:
            continue  # the kegiatan its next rows need: this row is that kegiatan
        out.append(i)
    return out
