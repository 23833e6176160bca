"""What the formula rules share: a table's formulas by column and row, and what each parent's sum
covers compared with its children by kode.

A table's cells are found in its worksheet grid (``ctx.lembar``): the formula of row ``i`` in a
column is ``lembar.rumus[(t.baris[i] - 1, column)]``. :func:`rumus_tabel` gives that view once per
table. :func:`analisis_jumlah` reads every parent amount (and every JUMLAH row) of the money columns
once per table, for F001, for F002 (which leaves those cells to F001), and for A001/A002, which say
"lihat F001" where the formula is why the amount is wrong.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ...core.alamat import rentang_baris
from ...core.alamat import huruf_kolom, indeks_kolom
from ...core.tabel import KolomAngka, Tabel, baris_teratas, dalam_hierarki
from ...readers.rumus import PetaRumus, gabung_sel, jumlah
from ..anggaran.common import rupiah
from ..context import rp
from ..struktur import kolom_uang, rincian_induk, salah_tempat

__all__ = ["RumusTabel", "rumus_tabel", "Analisis", "analisis_jumlah", "rentang", "aktif",
           "SUBTOTAL", "sebab_rumus", "pesan", "kolom_tabel", "nama_sel_kolom"]

SUBTOTAL = ("SUBTOTAL(", "AGGREGATE(")
class _Cache:
    """What the F rules (and A001/A002) share within one check: keyed by the check's list of tables,
    so a batch worker holds one workbook's analysis at a time, never a growing pile."""

    pemilik: Any = None
    isi: dict[Any, Any] = {}


def _ambil(ctx: Any, kunci: Any) -> Any:
    if _Cache.pemilik is not ctx.tables:
        _Cache.pemilik, _Cache.isi = ctx.tables, {}
    return _Cache.isi.get(kunci)


def _simpan(ctx: Any, kunci: Any, nilai: Any) -> None:
    if _Cache.pemilik is not ctx.tables:
        _Cache.pemilik, _Cache.isi = ctx.tables, {}
    _Cache.isi[kunci] = nilai


@dataclass(slots=True, eq=False)
class RumusTabel:
    """The formulas and cached errors of one table's cells."""

    t: Tabel
    rumus: PetaRumus
    galat: dict[tuple[int, int], str]
    tersembunyi: set[int]
    lembar: Any
    indeks: dict[int, int] = field(default_factory=dict)  # 0-based worksheet row → table row

    def rc(self, kol: KolomAngka | str, i: int) -> tuple[int, int]:
        huruf = kol if isinstance(kol, str) else kol.huruf
        return self.t.baris[i] - 1, indeks_kolom(huruf)

    def teks(self, kol: KolomAngka | str, i: int) -> str | None:
        """The formula of row ``i`` in a column, or None for a constant or empty cell."""
        return self.rumus.get(self.rc(kol, i))

    def bentuk(self, kol: KolomAngka | str, i: int) -> str | None:
        return self.rumus.bentuk(self.rc(kol, i))

    def nilai_sel(self, r: int, c: int) -> Any:
        return self.lembar.nilai(r, c)


def rumus_tabel(ctx: Any, t: Tabel) -> RumusTabel | None:
    """The formula view of a table, or None when its sheet has no formulas and no error values
    (a file type whose formulas are not read, a grid from values only)."""
    hit = _ambil(ctx, ("rumus", id(t)))
    if hit is not None:
        return hit or None
    sh = next((s for s in (ctx.lembar or []) if getattr(s, "nama", None) == t.sheet), None)
    rt = None
    if sh is not None and (sh.rumus or sh.galat):
        rt = RumusTabel(t, sh.rumus, sh.galat, sh.tersembunyi, sh, {r - 1: i for i, r in enumerate(t.baris)})
    _simpan(ctx, ("rumus", id(t)), rt or False)
    return rt


def kolom_tabel(t: Tabel, dipahami: bool = False) -> set[int]:
    """The columns of a table: every column its column map names (a kode split over cells counts).
    ``dipahami``: only the columns given a role (not those the reader set aside as ``diabaikan``)."""
    out: set[int] = set()
    for p in t.peta:
        if dipahami and p.peran == "diabaikan":
            continue
        for part in p.huruf.split(","):
            a, _, b = part.partition(":")
            try:
                lo, hi = indeks_kolom(a), indeks_kolom(b or a)
            except ValueError:
                continue
            out.update(range(lo, hi + 1))
    return out


def nama_sel_kolom(t: Tabel, c: int, lang: str = "id") -> str:
    """A column's name for a message: its role ('pagu 2024') or its header words."""
    from ..struktur import nama_kolom

    h = huruf_kolom(c)
    k = next((k for k in t.angka.values() if k.huruf == h), None)
    if k is not None:
        return nama_kolom(k, lang)
    p = next((p for p in t.peta if p.huruf == h), None)
    if p is not None and p.bukti and p.bukti != "(isi kolom)":
        return f"{'column' if lang == 'en' else 'kolom'} {h} ({p.bukti})"
    return f"{'column' if lang == 'en' else 'kolom'} {h}"


rentang = rentang_baris  # one implementation (core.alamat)


def aktif(ctx: Any, kode: str) -> bool:
    """Whether a rule is selected in this check (A001 points at F001 only when F001 reports)."""
    from ..registry import pilih

    kunci = (tuple(ctx.config.select), tuple(ctx.config.ignore))
    hit = _AKTIF.get(kunci)
    if hit is None:
        hit = _AKTIF[kunci] = frozenset(a.kode for a in pilih(ctx.config.select, ctx.config.ignore))
    return kode in hit


_AKTIF: dict[tuple, frozenset[str]] = {}

@dataclass(slots=True, eq=False)
class Analisis:
    """What one parent (or JUMLAH) amount's formula adds up, against what it should.

    Rows are table indices. ``hilang``: children (or their rows further down) the formula leaves
    out; ``bukan_anak``: rows it adds that are not this parent's (another parent's, another bidang's,
    an account line, a JUMLAH row); ``ganda``: rows it adds together with rows that are already in
    them (a kegiatan and its own sub kegiatan); ``luar``: worksheet rows (0-based) outside the table
    that hold a number in the range. ``benar``: it covers exactly the children, by whatever route."""

    kolom: KolomAngka
    i: int
    rumus: str
    anak: list[int]
    hilang: list[int]
    bukan_anak: list[int]
    ganda: list[int]
    luar: list[int]
    nilai: float | int | None  # the cell's value (its cached result)
    harus: float | int  # the children's sum as written
    nilai_rumus: float | int  # what the formula adds from the values read
    rumus_benar: str
    total: bool = False

    @property
    def benar(self) -> bool:
        return not (self.hilang or self.bukan_anak or self.ganda or self.luar)

    @property
    def selisih(self) -> float | int:
        """The amount at stake: what the cell shows (or the formula adds) minus the children's sum."""
        v = self.nilai if self.nilai is not None else self.nilai_rumus
        return v - self.harus


def _angka(v: Any) -> float | int | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return v


def analisis_jumlah(ctx: Any, t: Tabel) -> dict[tuple[str, int], Analisis]:
    """(column letter, row index) → :class:`Analisis` for every parent amount and JUMLAH amount of
    the money columns whose formula is a plain sum of cells of its own column (other formulas,
    typed amounts and parents a row without a readable kode belongs to are not judged here)."""
    hit = _ambil(ctx, ("jumlah", id(t)))
    if hit is not None:
        return hit
    out: dict[tuple[str, int], Analisis] = {}
    rt = rumus_tabel(ctx, t)
    cols = kolom_uang(t) if rt is not None and rt.rumus else []
    if cols:
        _analisis(rt, t, cols, out)
    _simpan(ctx, ("jumlah", id(t)), out)
    return out


def _analisis(rt: RumusTabel, t: Tabel, cols: list[KolomAngka], out: dict[tuple[str, int], Analisis]) -> None:
    grups = list(rincian_induk(t))
    anak_dari = {g.induk: g.anak for g in grups}
    bagian = {b for g in grups for b in g.bagian}
    pindah = {i for i, _, _ in salah_tempat(t)}  # K006 reports them: a formula that follows the layout is not the fault
    # a kode on several rows (K002) counts at one of them: the others stand for it
    wakil: dict[int, int] = {}
    pertama: dict[tuple[str | None, str | None], int] = {}
    for g in grups:
        for x in (g.induk, *g.anak):
            pertama.setdefault((t.organisasi[x], t.kunci[x]), x)
    for i in range(t.n):
        if dalam_hierarki(t, i):
            w = pertama.get((t.organisasi[i], t.kunci[i]))
            if w is not None and w != i:
                wakil[i] = w
    memo: dict[int, tuple[int, ...]] = {}

    def daun(i: int) -> tuple[int, ...]:
        """The rows at the bottom of the kode hierarchy under row i (itself when it has no children)."""
        got = memo.get(i)
        if got is None:
            kids = anak_dari.get(i)
            got = memo[i] = tuple(x for c in kids for x in daun(c)) if kids else (i,)
        return got

    tugas: list[tuple[int, list[int], bool]] = [(g.induk, g.anak, False) for g in grups if not g.tercemar]
    if any(t.total):
        tops = baris_teratas(t)
        if tops:
            tugas += [(i, tops, True) for i in range(t.n) if t.total[i]]
    for k in cols:
        c = indeks_kolom(k.huruf)
        for p, kids, is_total in tugas:
            rc = (t.baris[p] - 1, c)
            f = rt.rumus.get(rc)
            if f is None:
                continue
            a = _satu(rt, t, k, c, p, f, kids, is_total, daun, bagian, pindah, wakil)
            if a is not None:
                out[(k.huruf, p)] = a


def _satu(rt: RumusTabel, t: Tabel, k: KolomAngka, c: int, p: int, f: str, kids: list[int], is_total: bool,
          daun, bagian: set[int], pindah: set[int], wakil: dict[int, int]) -> Analisis | None:
    j = jumlah(f)
    if j is None or any(sg < 0 for sg, _ in j.bagian):
        return None
    rows: list[int] = []
    for _, ref in j.bagian:
        if ref.buku or (ref.sheet is not None and ref.sheet != t.sheet) or ref.c0 != c or ref.c1 != c:
            return None  # another column, sheet or workbook: not a sum down this column
        rows.extend(range(ref.r0, min(ref.r1, t.baris[-1] + 1) + 1))
    indeks = rt.indeks
    dicakup: list[int] = []
    seen: set[int] = set()
    luar: list[int] = []
    p_row = t.baris[p] - 1
    for r in rows:
        if r == p_row:
            return None  # a circular reference: Excel says so itself
        if j.subtotal:
            if r in rt.tersembunyi:
                continue
            g = rt.rumus.asli((r, c))
            if g is not None and any(s in g.upper() for s in SUBTOTAL):
                continue  # SUBTOTAL skips the SUBTOTALs in its range
        i = indeks.get(r)
        if i is None:
            v = _angka(rt.nilai_sel(r, c))
            if v:
                luar.append(r)
            continue
        i = wakil.get(i, i)
        if i not in seen:  # a duplicate kode covered with its other row: K002's, not a double count
            seen.add(i)
            dicakup.append(i)
    harus_daun = Counter(x for kid in kids for x in daun(kid))
    ada = Counter()
    bukan: list[int] = []
    for i in dicakup:
        v = k.nilai[i]
        if i in bagian:
            continue
        if t.total[i] or not dalam_hierarki(t, i):
            if v:
                bukan.append(i)  # an account line, an indicator line, a JUMLAH row: not a child
            continue
        leaves = daun(i)
        if not any(x in harus_daun for x in leaves):
            if i not in pindah and v:
                bukan.append(i)  # another parent's row, another bidang's
            continue
        ada.update(leaves)
    hilang: list[int] = []
    tersaring = rt.tersembunyi if j.subtotal else ()  # a filter hides them: SUBTOTAL leaves them out on purpose
    for kid in kids:
        leaves = [x for x in daun(kid) if ada[x] < harus_daun[x] and x not in pindah
                  and t.baris[x] - 1 not in tersaring]
        if not leaves:
            continue
        if len(leaves) == len(daun(kid)) and kid not in pindah:
            hilang.append(kid)
        else:
            hilang.extend(leaves)
    lebih = {x for x, n in ada.items() if n > harus_daun[x]}
    # what is counted twice: the parents added together with their own rows (else those rows)
    ganda = sorted({i for i in dicakup if daun(i) != (i,) and lebih.intersection(daun(i))} or lebih)
    nilai = _angka(k.nilai[p]) if k.pasti(p) else None

    def harap(i: int) -> float | int:
        """A row's amount, or its rows' when it leaves the column empty (a column filled on sub
        kegiatan rows only)."""
        v = k.nilai[i]
        if v is not None:
            return v
        leaves = daun(i)
        return 0 if leaves == (i,) else sum(k.nilai[x] or 0 for x in leaves)

    harus = sum(harap(kid) for kid in kids)
    nilai_rumus = sum(v for i in dicakup for v in [k.nilai[i]] if v is not None) + sum(
        _angka(rt.nilai_sel(r, c)) or 0 for r in luar)
    benar = "=SUM(" + gabung_sel(c, [t.baris[kid] - 1 for kid in kids]) + ")"
    akun = [i for i in bukan if t.level[i] == "akun" or t.rincian[i] is not None]
    if akun and len(akun) == len(bukan) and not ganda and not luar and round(nilai_rumus) == round(harus):
        # the children reached through their account lines (a SUM over the accounts of each sub
        # kegiatan): another route that adds up to exactly the children
        hilang, bukan = [], []
    return Analisis(k, p, f, list(kids), hilang, sorted(set(bukan)), ganda, luar, nilai, harus, nilai_rumus, benar,
                    is_total)


def sebab_rumus(ctx: Any, t: Tabel, k: KolomAngka, i: int) -> tuple[str, str] | None:
    """When F001 reports the formula of this amount as the reason it is wrong: the words A001 and
    A002 add to their finding (Indonesian, English) instead of a second, unrelated error."""
    if not aktif(ctx, "F001"):
        return None
    a = analisis_jumlah(ctx, t).get((k.huruf, i))
    if a is None or a.benar or not round(a.selisih):
        return None
    id_, en = pesan(t, a)
    return (f" — sebabnya rumus {a.rumus}: {id_} (lihat F001)", f" — caused by its formula {a.rumus}: {en} (see F001)")


_ANAK = {"kegiatan": "sub kegiatan", "program": "kegiatan", "bidang": "program", "urusan": "bidang"}
_MAKS = 8  # row ranges named in a message before "…"


def _baris(t, rows: list[int]) -> str:
    parts = rentang([t.baris[i] for i in rows]).split(", ")
    return ", ".join(parts[:_MAKS]) + (" …" if len(parts) > _MAKS else "")


def _jumlah_baris(k, rows) -> int:
    return rupiah(sum(k.nilai[i] or 0 for i in rows))


def pesan(t, a) -> tuple[str, str]:
    """The F001 message of one analysis (Indonesian, English); A001 and A002 cite its first part."""
    k = a.kolom
    id_parts: list[str] = []
    en_parts: list[str] = []
    anak = "baris teratas" if a.total else _ANAK.get(t.level[a.i], "rincian")
    anak_en = "top-level rows" if a.total else _ANAK.get(t.level[a.i], "child rows")
    if a.hilang:
        id_parts.append(f"tidak mencakup {anak} baris {_baris(t, a.hilang)} ({rp(_jumlah_baris(k, a.hilang))})")
        en_parts.append(f"leaves out {anak_en} rows {_baris(t, a.hilang)} ({rp(_jumlah_baris(k, a.hilang))})")
    akun = [i for i in a.bukan_anak if t.level[i] == "akun" or t.rincian[i] is not None]
    jumlah = [i for i in a.bukan_anak if t.total[i]]
    lain = [i for i in a.bukan_anak if i not in akun and i not in jumlah]
    if lain:
        id_parts.append(f"ikut menjumlahkan baris {_baris(t, lain)} yang bukan rinciannya ({rp(_jumlah_baris(k, lain))})")
        en_parts.append(f"also adds rows {_baris(t, lain)} that are not its breakdown ({rp(_jumlah_baris(k, lain))})")
    if akun:
        id_parts.append(f"ikut menjumlahkan {len(akun)} baris rincian belanja (akun) yang sudah termasuk dalam sub "
                        f"kegiatannya, baris {_baris(t, akun)} ({rp(_jumlah_baris(k, akun))})")
        en_parts.append(f"also adds {len(akun)} spending-detail (account) rows already inside their sub kegiatan, rows "
                        f"{_baris(t, akun)} ({rp(_jumlah_baris(k, akun))})")
    if jumlah:
        id_parts.append(f"ikut menjumlahkan baris jumlah {_baris(t, jumlah)}")
        en_parts.append(f"also adds the totals row {_baris(t, jumlah)}")
    if a.ganda:
        id_parts.append(f"menghitung dua kali baris {_baris(t, a.ganda)} (induk bersama rinciannya sendiri)")
        en_parts.append(f"counts rows {_baris(t, a.ganda)} twice (a parent together with its own breakdown)")
    if a.luar:
        luar = rentang([r + 1 for r in a.luar])
        id_parts.append(f"ikut menjumlahkan baris {luar} di luar tabel")
        en_parts.append(f"also adds rows {luar} outside the table")
    return "; ".join(id_parts), "; ".join(en_parts)
