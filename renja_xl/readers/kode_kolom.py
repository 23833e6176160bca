"""Which columns of a table hold the kode, what each holds, and the kode of every row.

A kode is written in many ways, and the header above it is not always there (a long note, a merged
"Kode Rekening" cell, or nothing). The kode columns are the columns labelled kode, else the run of
columns left of the names whose cells look like kode segments. Each kode column is one of:

- ``segmen``: a part of a kode split over cells (``1 | 06 | 01 | 2.01 | 01``);
- ``penuh``: a whole dotted kode per cell, of any level (``1.02.01.2.01.0001``), possibly next to
  other full columns of other levels (SIPD: urusan/bidang | organisasi | program … | akun);
- ``organisasi``: the SIPD organisation code (``1.02.2.14.0.00.01.0000``): an organisation, not a
  program;
- ``akun``: an account (``5.1.02.01.001``): the row is a detail of its sub kegiatan, not a parent;
- ``rincian``: a finer level below the sub kegiatan (a sub keluaran ``1.01.01.2.01.01.1``).

Damage is repaired where the meaning is certain and reported as such (K001 info): the generic
prefix of the support program (``X.XX.01``, ``x.xx``) is the table's own bidang; a bidang or program
that lost its leading zero (``1.3.02`` for ``1.03.02``; a number ``1.3`` for ``1.03``) is padded when
exactly one reading is a real bidang of Permendagri 90/2019.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from functools import lru_cache
from typing import Any, NamedTuple

from ..core.kode import _KODE_SAH, INDUK_SEGMEN, LEVELS, infer_segment_widths, kode_sel_bersih, kunci_segmen, parse_kode, parse_kode_cells
from . import cepat
from .kepala import Blok
from .peta import Ciri

__all__ = ["KodeBaris", "TataKode", "tata_kode", "bidang_sah"]

_ORG = re.compile(r"^\d\.\d\d\.\d\.\d\d\.\d\.\d\d\.\d\d\.\d{4}$", re.ASCII)
_AKUN = re.compile(r"^[4-9]\.\d(?:\.\d\d(?:\.\d\d(?:\.\d{3}(?:\.\d{3,5})?)?)?)?$", re.ASCII)
_RINCIAN = re.compile(r"^\d\.\d\d\.\d\d\.\d\.\d\d\.\d{2,4}\.\d{1,3}$", re.ASCII)
_UMUM = re.compile(r"^[xX]\s*\.\s*[xX]{2}(?=\.|$)")
_BIDANG_TEKS = re.compile(r"^\s*(\d)\s*\.\s*(\d{1,2})(?=\.|\s*$)", re.ASCII)
# words in a kode cell: a sentence (narrative under the table), never a damaged kode
_KALIMAT = re.compile(r"[A-Za-z]{4,}.*\s.*[A-Za-z]{3,}|[A-Za-z]{6,}")

# The bidang numbers of each urusan in Permendagri 90/2019 (kab/kota and provinsi alike).
_BIDANG = {1: range(1, 7), 2: range(7, 25), 3: range(25, 33), 4: range(1, 3), 5: range(1, 8), 6: range(1, 2),
           7: range(1, 2), 8: range(1, 2), 9: range(1, 2)}


def bidang_sah(urusan: int, bidang: int) -> bool:
    """Whether ``urusan.bidang`` is a bidang of the Permendagri 90/2019 code system."""
    return bidang in _BIDANG.get(urusan, ())


class KodeBaris(NamedTuple):
    """What a row's kode cells give."""

    kode: str | None = None
    kunci: str | None = None
    induk: str | None = None
    level: str | None = None
    asli: str = ""
    sel: int | None = None  # absolute column of the cell to point at
    galat: tuple[str, str, str | None, str | None] | None = None  # (id, en, readable leading segments, reason code)
    perbaikan: tuple[str, ...] = ()
    rincian: str | None = None  # an akun or sub keluaran below the kode
    organisasi: str | None = None  # the organisation code written on the row


_KOSONG = KodeBaris()


def _teks(v: Any) -> str:
    if v is None:
        return ""
    if v.__class__ is str:
        return v.strip()
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _hitung(rx: re.Pattern[str], teks: list[str]) -> int:
    """How many of ``teks`` the pattern matches at their start."""
    return len(list(filter(None, map(rx.match, teks))))


def _jenis_kolom(ciri: Ciri, sampel: list[Any]) -> str:
    lab = ciri.label
    teks = [v.strip() if v.__class__ is str else _teks(v) for v in sampel]
    teks = [t for t in teks if t]
    titik = [t for t in teks if "." in t]  # every pattern below needs a dot (most segment columns have none)
    if lab.punya("organisasi") or (teks and _hitung(_ORG, titik) >= 0.5 * len(teks)):
        return "organisasi"
    if lab.punya("akun"):
        return "akun"
    if "keluaran" in lab.teks or (teks and _hitung(_RINCIAN, titik) >= 0.5 * len(teks)):
        return "rincian"
    if not teks:
        return "segmen"
    dotted = len(titik)
    akun = sum(1 for t in titik if _AKUN.match(t) and len(t.split(".")) >= 3)
    if akun and akun >= 0.5 * (dotted or 1):
        return "akun"
    raw_dotted = sum(1 for v in sampel if v.__class__ is str and v.count(".") >= 2) if titik else 0
    if raw_dotted >= 0.3 * len(teks):
        return "penuh"
    return "segmen"


_SAMPEL_MAKS = 400  # the largest sample any caller asks for


def _sampel(blok: Blok, c: int, n: int = 400) -> list[Any]:
    """The first ``n`` non-empty cells of column ``c`` under the header. The kode layout looks at the
    same columns several times (their kind, the segment widths, the table's bidang): each column is
    scanned once per block and the shorter samples are its prefixes."""
    if not cepat.AKTIF or n > _SAMPEL_MAKS:
        return _sampel_lambat(blok, c, n)
    key = (c, blok.data_start, blok.data_end)
    got = blok.sampel.get(key)
    if got is None:
        got = blok.sampel[key] = _sampel_lambat(blok, c, _SAMPEL_MAKS)
    return got[:n]


def _sampel_lambat(blok: Blok, c: int, n: int) -> list[Any]:
    sheet = blok.lembar
    sel = sheet.sel
    b0, k0 = sheet.baris0, sheet.kolom0
    j = c - k0
    out: list[Any] = []
    for i in range(max(blok.data_start - b0, 0), min(blok.data_end - b0, len(sel))):
        row = sel[i]
        if 0 <= j < len(row):
            v = row[j]
            if v is not None and v != "":
                out.append(v)
                if len(out) >= n:
                    break
    return out


class TataKode:
    """The kode layout of one table: its columns by kind, and the reading of each row's kode."""

    def __init__(self, blok: Blok, cols: list[tuple[int, str]]):
        self.blok = blok
        self.cols = cols  # (absolute column, kind), left to right
        self.segmen = [c for c, j in cols if j == "segmen"]
        self.penuh = [c for c, j in cols if j == "penuh"]
        self.org = next((c for c, j in cols if j == "organisasi"), None)
        self.akun = next((c for c, j in cols if j == "akun"), None)
        self.rincian = next((c for c, j in cols if j == "rincian"), None)
        self.widths: tuple[int, ...] | None = None
        if len(self.segmen) > 1:
            columns = [_sampel(blok, c, 400) for c in self.segmen]
            w = infer_segment_widths(columns)
            self.widths = tuple(w) if w is not None else None
        self.bidang = self._bidang()
        k0 = blok.lembar.kolom0
        self._j_segmen = [c - k0 for c in self.segmen]
        self._j_penuh = [c - k0 for c in self.penuh]
        # the fast paths of baca: a split kode over cells all inside the grid, or one column of whole kodes
        self._segmen_t = tuple(self.segmen)
        self._ambil = itemgetter(*self._j_segmen) if len(self._j_segmen) > 1 and min(self._j_segmen) >= 0 else None
        self._j_max = max(self._j_segmen) if self._j_segmen else -1
        self._satu = cols[0][0] - k0 if len(cols) == 1 and cols[0][1] == "penuh" and cols[0][0] >= k0 else None

    def tambah(self, c: int) -> None:
        """A column the user says holds (part of) the kode."""
        if c in self.kolom:
            return
        sampel = [t for t in (_teks(v) for v in _sampel(self.blok, c, 200)) if t]
        jenis = "penuh" if sampel and sum(1 for t in sampel if t.count(".") >= 2) >= 0.3 * len(sampel) else "segmen"
        self.__init__(self.blok, sorted([*self.cols, (c, jenis)]))

    def lepas(self, c: int) -> None:
        """A column the user says is not the kode."""
        if c in self.kolom:
            self.__init__(self.blok, [(x, j) for x, j in self.cols if x != c])

    @property
    def ada(self) -> bool:
        return bool(self.segmen or self.penuh)

    @property
    def kolom(self) -> list[int]:
        return [c for c, _ in self.cols]

    def _bidang(self) -> str | None:
        """The table's own bidang (``1.03``), for the generic prefix X.XX: the most common bidang
        its kodes name."""
        cnt: Counter[str] = Counter()
        for c in (*self.penuh, *self.segmen[:1]):
            sampel = _sampel(self.blok, c, 200)
            for v, t in zip(sampel, [v.strip() if v.__class__ is str else _teks(v) for v in sampel], strict=True):
                if "." not in t and not isinstance(v, float):
                    continue  # no bidang written here
                m = _BIDANG_TEKS.match(t)
                if m:
                    u, b = int(m.group(1)), m.group(2)
                    b_int = int(b)
                    if len(b) == 1 and not bidang_sah(u, b_int) and bidang_sah(u, b_int * 10):
                        b_int *= 10
                    if bidang_sah(u, b_int):
                        cnt[f"{u}.{b_int:02d}"] += 1
        if not cnt and len(self.segmen) > 1:
            s0, s1 = _sampel(self.blok, self.segmen[0], 200), _sampel(self.blok, self.segmen[1], 200)
            for t0, t1 in zip([v.strip() if v.__class__ is str else _teks(v) for v in s0],
                              [v.strip() if v.__class__ is str else _teks(v) for v in s1], strict=False):
                if t0.isascii() and t0.isdigit() and t1.isascii() and t1.isdigit() and bidang_sah(int(t0), int(t1)):
                    cnt[f"{int(t0)}.{int(t1):02d}"] += 1
        return cnt.most_common(1)[0][0] if cnt else None

    def baca(self, vals: Sequence[Any]) -> KodeBaris:
        """The kode of one row, from its values (a grid row). The rightmost filled kode column says
        what the row is: an account (akun) of the sub kegiatan on its left, an organisation, or the
        kode in that column; a split kode is read over its segment cells."""
        if cepat.AKTIF:
            # the common layouts read through a memo keyed on the cells and their types (TRUE, 1 and
            # 1.0 are equal in Python but not the same kode cell); the same as _baca_lambat
            if self._ambil is not None and len(vals) > self._j_max:
                cells = self._ambil(vals)
                key = (cells, tuple(map(type, cells)), self.widths, self.bidang, self._segmen_t)
                out = _MEMO.get(key)
                if out is None:
                    bersih = kode_sel_bersih(cells, self.widths)
                    if bersih is not None:  # digits and dots, each cell its width: nothing to repair
                        out = _kode_bersih(bersih[0], bersih[1], self._segmen_t[0])
                    else:
                        out = _baca_segmen.__wrapped__(_kunci_tipe(cells), self.widths, self.bidang, self._segmen_t)
                    _ingat(key, out)
                if self.org is None and self.rincian is None:
                    return out
                return self._pelengkap(vals, out)
            if self._satu is not None:
                v = vals[self._satu] if self._satu < len(vals) else None
                if v is None or v == "" or (v.__class__ is str and v.isspace()):
                    return _KOSONG
                key = (v, v.__class__, self.bidang, self.cols[0][0])
                out = _MEMO.get(key)
                if out is None:
                    if v.__class__ is str and _KODE_SAH.fullmatch(v):  # a clean dotted kode: nothing to repair
                        out = _kode_bersih(v, v, self.cols[0][0])
                    else:
                        out = _baca_penuh.__wrapped__(_kunci_tipe((v,))[0], self.bidang, self.cols[0][0])
                    _ingat(key, out)
                return out
        return self._baca_lambat(vals)

    def baca_semua(self, rows: list[list[Any]], lebar: int) -> list[KodeBaris | None]:
        """:meth:`baca` of every row (None for an empty row); ``lebar`` is the shortest row's length.
        A split kode whose cells are all text (or empty) is looked up by its cells alone: text never
        equals a number or TRUE, so the cells' types need not be part of the key."""
        if not cepat.AKTIF or self._ambil is None or self._j_max >= lebar or self.org is not None \
                or self.rincian is not None:
            return [self.baca(vals) if vals else None for vals in rows]
        ambil = self._ambil
        cells = [ambil(vals) for vals in rows]
        if not set(map(type, itertools.chain.from_iterable(cells))) <= _JENIS_TEKS:
            return [self.baca(vals) if vals else None for vals in rows]
        konteks = (self.widths, self.bidang, self._segmen_t)
        memo = _MEMO_TEKS.get(konteks)
        if memo is None or len(memo) >= 16384:
            if len(_MEMO_TEKS) >= 64:
                _MEMO_TEKS.clear()
            memo = _MEMO_TEKS[konteks] = {}
        out = list(map(memo.get, cells))
        for k, kb in enumerate(out):
            if kb is None:
                c = cells[k]
                bersih = kode_sel_bersih(c, self.widths)
                if bersih is not None:
                    kb = _kode_bersih(bersih[0], bersih[1], self._segmen_t[0])
                else:
                    kb = _baca_segmen.__wrapped__(c, self.widths, self.bidang, self._segmen_t)
                out[k] = memo[c] = kb
        return out

    def _baca_lambat(self, vals: Sequence[Any]) -> KodeBaris:
        n = len(vals)
        out = _KOSONG
        if self._j_segmen:
            cells = tuple(vals[j] if 0 <= j < n else None for j in self._j_segmen)
            out = _baca_segmen(_kunci_tipe(cells), self.widths, self.bidang, tuple(self.segmen))
        else:
            k0 = self.blok.lembar.kolom0
            isi = [(c, j) for c, j in self.cols if j != "rincian" and _ada(vals, c - k0)]
            if isi:
                c, jenis = isi[-1]
                if jenis == "akun":
                    penuh = [x for x, jj in isi if jj == "penuh"]
                    if penuh:
                        out = _baca_penuh(_kunci_tipe((vals[penuh[-1] - k0],))[0], self.bidang, penuh[-1])
                    t = _teks(vals[c - k0])
                    out = out._replace(level="akun", rincian=t, sel=c, asli=f"{out.asli} | {t}".strip(" |"))
                elif jenis == "organisasi":
                    out = KodeBaris(asli=_teks(vals[c - k0]), level="organisasi", sel=c)
                else:
                    out = _baca_penuh(_kunci_tipe((vals[c - k0],))[0], self.bidang, c)
        return self._pelengkap(vals, out)

    def _pelengkap(self, vals: Sequence[Any], out: KodeBaris) -> KodeBaris:
        """The organisation and the sub keluaran written on the row, beside its kode."""
        n = len(vals)
        if self.org is not None:
            t = _teks(vals[self.org - self.blok.lembar.kolom0]) if 0 <= self.org - self.blok.lembar.kolom0 < n else ""
            if t:
                out = out._replace(organisasi=t)
        if self.rincian is not None and out.kode is not None:
            j = self.rincian - self.blok.lembar.kolom0
            t = _teks(vals[j] if 0 <= j < n else None)
            if t:
                out = out._replace(rincian=t[len(out.kode) + 1:] if t.startswith(out.kode + ".") else t)
        return out


_MEMO: dict[tuple, KodeBaris] = {}
_MEMO_TEKS: dict[tuple, dict[tuple, KodeBaris]] = {}  # (widths, bidang, columns) → text cells → reading
_JENIS_TEKS = frozenset({str, type(None)})


def _kode_bersih(teks: str, asli: str, sel: int) -> KodeBaris:
    """The reading of a clean kode (digits and dots, every segment its width): what :func:`_hasil`
    gives for it, without the detour through :class:`~renja_xl.core.kode.BacaanKode`."""
    seg = tuple(teks.split("."))
    n = len(seg)
    induk = kunci_segmen(seg[:INDUK_SEGMEN[n]]) if n in INDUK_SEGMEN else None
    return KodeBaris(teks, kunci_segmen(seg), induk, LEVELS[n], asli, sel, None, ())


def _ingat(key: tuple, out: KodeBaris) -> None:
    if len(_MEMO) >= 32768:
        _MEMO.clear()
    _MEMO[key] = out


def _ada(vals: Sequence[Any], j: int) -> bool:
    if not 0 <= j < len(vals):
        return False
    v = vals[j]
    return not (v is None or v == "" or (v.__class__ is str and v.isspace()))


def _kedalaman(vals: Sequence[Any], j: int) -> int:
    """How deep the kode in cell ``j`` goes (segments), for picking the most specific full column."""
    v = vals[j] if 0 <= j < len(vals) else None
    t = _teks(v)
    return t.count(".") + 1 if t else -1


def _kunci_tipe(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    """A memo key that tells TRUE from 1 and 1.0 from 1 (their tuples compare equal)."""
    return tuple((c.__class__.__name__, c) if c.__class__ in (bool, float) else c for c in cells)


def _nilai(c: Any) -> Any:
    return c[1] if c.__class__ is tuple else c


def _hasil(bacaan, asli: str, sel: int | None, perbaikan: tuple[str, ...] = ()) -> KodeBaris:
    if bacaan.kode is not None:
        k = bacaan.kode
        seg = k.segmen
        induk = kunci_segmen(seg[:INDUK_SEGMEN[len(seg)]]) if len(seg) in INDUK_SEGMEN else None
        return KodeBaris(k.teks, k.kunci, induk, LEVELS[len(seg)], asli, sel, None, perbaikan + tuple(bacaan.perbaikan))
    if bacaan.galat:
        return KodeBaris(asli=asli, sel=sel, galat=(bacaan.galat, bacaan.galat_en or bacaan.galat, bacaan.awalan,
                                                        bacaan.alasan))
    return KodeBaris(asli=asli)


@lru_cache(maxsize=16384)
def _baca_penuh(kunci: Any, bidang: str | None, col: int) -> KodeBaris:
    v = _nilai(kunci)
    if v.__class__ is str and _KALIMAT.search(v):
        return _KOSONG
    teks, perbaikan = _rapikan(v, bidang)
    asli = _teks(v) if not isinstance(v, float) else repr(v)
    return _hasil(parse_kode(teks), asli, col, perbaikan)


def _rapikan(v: Any, bidang: str | None) -> tuple[Any, tuple[str, ...]]:
    """Repairs whose meaning is certain, before the kode is read: the generic prefix X.XX, and a
    bidang or program that lost its leading zero (``1.3.02``; the number ``1.3``)."""
    if isinstance(v, float) and not v.is_integer():
        t = repr(v)
        m = re.fullmatch(r"(\d)\.(\d{1,2})", t, re.ASCII)
        if m:
            u, b = int(m.group(1)), m.group(2)
            options = {int(b)} if len(b) == 2 else {int(b), int(b) * 10}
            sah = [x for x in options if bidang_sah(u, x)]
            if len(sah) == 1:
                baru = f"{u}.{sah[0]:02d}"
                return baru, (f"angka {t}→'{baru}'",)
        return v, ()
    if v.__class__ is not str:
        return v, ()
    t = v.strip()
    perbaikan: list[str] = []
    if _UMUM.match(t):
        if bidang:
            t2 = _UMUM.sub(bidang, t)
            perbaikan.append(f"kode umum '{t[:4]}'→'{bidang}'")
            t = t2
        else:
            return t, ()
    parts = t.split(".")
    if len(parts) >= 2 and all(p.isascii() and p.isdigit() for p in parts):
        u = int(parts[0]) if len(parts[0]) == 1 else None
        if u is not None and len(parts[1]) == 1:
            b = int(parts[1])
            sah = [x for x in {b, b * 10} if bidang_sah(u, x)]
            if len(sah) == 1 and (len(parts) > 2 or sah[0] == b):
                parts[1] = f"{sah[0]:02d}"
                perbaikan.append(f"bidang '{b}'→'{parts[1]}'")
        if len(parts) >= 3 and len(parts[2]) == 1:
            perbaikan.append(f"program '{parts[2]}'→'0{parts[2]}'")
            parts[2] = "0" + parts[2]
        t = ".".join(parts)
    return t, tuple(perbaikan)


@lru_cache(maxsize=16384)
def _baca_segmen(kunci: tuple[Any, ...], widths: tuple[int, ...] | None, bidang: str | None,
                 cols: tuple[int, ...]) -> KodeBaris:
    cells = tuple(_nilai(c) for c in kunci)
    if all(c is None or c == "" or (c.__class__ is str and c.isspace()) for c in cells):
        return _KOSONG
    if any(c.__class__ is str and _KALIMAT.search(c) for c in cells):
        return _KOSONG  # a sentence in the kode cells (a note under the table), not a kode at all
    perbaikan: tuple[str, ...] = ()
    first = cells[0]
    if first.__class__ is str and _UMUM.match(first.strip()) and bidang:  # "X.XX" | "01" | …
        cells = (bidang, *cells[1:])
        perbaikan = (f"kode umum '{first.strip()}'→'{bidang}'",)
    bacaan = parse_kode_cells(cells, widths)
    sel = cols[min(bacaan.sel or 0, len(cols) - 1)] if bacaan.sel is not None else cols[0]
    if bacaan.kode is not None and bacaan.sel is None:
        sel = cols[0]
    return _hasil(bacaan, bacaan.asli, sel, perbaikan)


def tata_kode(blok: Blok, ciri: list[Ciri], uraian_c: int | None) -> TataKode:
    """The kode columns of a block: the ones labelled kode (and what each holds), else the run of
    kode-looking columns left of the names."""
    labelled = [c for c in ciri if c.punya("kode") and not c.punya("sumber") and not (c.teks >= 0.8 and c.panjang > 25)]
    if not labelled:
        # no header says kode (a long note above it, or none): the run of kode-like columns before the names
        left = [c for c in ciri if (uraian_c is None or c.idx < uraian_c)]
        run: list[Ciri] = []
        for c in reversed(left):
            if c.isi and c.kodeish >= 0.6 and c.teks <= 0.2 and not c.daun_punya("no"):
                run.insert(0, c)
            elif run:
                break
        labelled = run
    cols: list[tuple[int, str]] = []
    for c in labelled:
        jenis = _jenis_kolom(c, _sampel(blok, c.idx, 300))
        cols.append((c.idx, jenis))
    # a split kode is one contiguous run of segment columns
    seg = [c for c, j in cols if j == "segmen"]
    if seg:
        run_seg = [seg[0]]
        for c in seg[1:]:
            if c == run_seg[-1] + 1:
                run_seg.append(c)
            else:
                break
        cols = [(c, j) for c, j in cols if j != "segmen" or c in run_seg]
        if len(run_seg) == 1:  # one column of whole kodes (or urusan numbers), not a split kode
            cols = [(c, "penuh" if j == "segmen" else j) for c, j in cols]
    return TataKode(blok, cols)
