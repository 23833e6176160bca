"""Formulas as text: A1 references, their relative (R1C1) shape, the cells a sum adds up.

A worksheet's formulas are kept as Excel writes them (``=SUM(H47:H49)``) in a :class:`PetaRumus`,
a mapping of absolute 0-based (row, column) to formula text. Shared formulas (one formula written
once for a block of cells, ``<f t="shared">``) are expanded to each cell on demand, with their
relative references moved as Excel moves them; a cell of a shared block has its block's relative
shape by construction, so comparing shapes never needs the expansion.

What the formula rules ask of a formula:

- :func:`bentuk`: its relative shape (``=SUM(R[3]C:R[5]C)``) — two cells hold "the same formula"
  when their shapes are equal (ExceLint, CUSTODES);
- :func:`kerangka`: its skeleton without references or numbers (``=SUM(¤)``);
- :func:`jumlah`: the cells it adds up, when it is a plain sum (``+``, ``SUM``, ``SUBTOTAL(9, …)``,
  wrapped in ``IFERROR(…, "")`` or ``ROUND``), else ``None``;
- :func:`galat_dalam`: the error literals it holds (``#REF!``);
- :func:`luar`: the other workbooks it reads (``[1]Sheet1!A1``).

Nothing here reads a file or knows about tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

from ..core.alamat import huruf_kolom, indeks_kolom, runtun

__all__ = ["Ref", "PetaRumus", "bentuk", "kerangka", "geser", "rujukan", "jumlah", "Jumlah", "galat_dalam", "luar",
           "gabung_sel", "GALAT", "normal", "kolom_sebaris"]

MAKS_BARIS = 1_048_575  # 0-based last row of a worksheet
MAKS_KOLOM = 16_383

GALAT = ("#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA")

_TOKEN = re.compile(r"""
 (?P<str>"(?:[^"]|"")*")
|(?P<err>\#(?:REF!|DIV/0!|VALUE!|N/A|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA))
|(?P<ref>
   (?P<sheet>(?:'(?:[^']|'')+'|\[\d+\](?:(?:[A-Za-z_]|[^\x00-\xbf])(?:[\w.]|[^\x00-\xbf])*)?|(?:[A-Za-z_]|[^\x00-\xbf])(?:[\w.]|[^\x00-\xbf])*)!)?
   (?:
     (?P<c1>\$?[A-Za-z]{1,3})(?P<r1>\$?\d+)(?::(?P<c2>\$?[A-Za-z]{1,3})(?P<r2>\$?\d+))?
    |(?P<cc1>\$?[A-Za-z]{1,3}):(?P<cc2>\$?[A-Za-z]{1,3})
    |(?P<rr1>\$?\d+):(?P<rr2>\$?\d+)
   )
   (?![\w(!.])
 )
|(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
|(?P<name>(?:[A-Za-z_]|[^\x00-\xbf])(?:[\w.]|[^\x00-\xbf])*)
|(?P<op><=|>=|<>|[-+*/^&=<>%])
|(?P<lp>\()
|(?P<rp>\))
|(?P<sep>[,;])
|(?P<sp>\s+)
|(?P<other>.)
""", re.X | re.S)


class Ref(NamedTuple):
    """A reference: 0-based rows and columns (a cell has r0 == r1 and c0 == c1). ``sheet`` is the
    sheet named in it (None: the formula's own sheet); ``buku`` the other workbook it names
    (``[1]`` or a path), else None. ``abs_*`` say which parts are anchored with ``$``."""

    sheet: str | None
    r0: int
    c0: int
    r1: int
    c1: int
    buku: str | None = None

    @property
    def sel(self) -> bool:
        return self.r0 == self.r1 and self.c0 == self.c1

    def baris(self) -> range:
        return range(self.r0, self.r1 + 1)


@lru_cache(maxsize=4096)
def _indeks(letters: str) -> int:
    return indeks_kolom(letters)


def normal(f: str) -> str:
    """A formula as written by any tool, in one form: leading ``=``, no ``_xlfn.`` prefixes."""
    f = f.strip()
    if not f.startswith("="):
        f = "=" + f
    if "_xl" in f:
        f = f.replace("_xlfn._xlws.", "").replace("_xlfn.", "").replace("_xlws.", "")
    return f


def _sheet_name(raw: str | None) -> tuple[str | None, str | None]:
    """The sheet part of a reference (``'Tabel 4.1'!``, ``[1]Sheet1!``) → (sheet, other workbook)."""
    if not raw:
        return None, None
    s = raw[:-1]
    if s.startswith("'"):
        s = s[1:-1].replace("''", "'")
    buku = None
    if "[" in s and "]" in s:
        b = s.index("]")
        buku = s[: b + 1]
        s = s[b + 1:]
    return (s or None), buku


def _bagian(m: re.Match[str]) -> Ref:
    sheet, buku = _sheet_name(m.group("sheet"))
    if m.group("c1") is not None:
        c0 = _indeks(m.group("c1").lstrip("$"))
        r0 = int(m.group("r1").lstrip("$")) - 1
        if m.group("c2") is not None:
            c1 = _indeks(m.group("c2").lstrip("$"))
            r1 = int(m.group("r2").lstrip("$")) - 1
        else:
            c1, r1 = c0, r0
    elif m.group("cc1") is not None:
        c0, c1 = _indeks(m.group("cc1").lstrip("$")), _indeks(m.group("cc2").lstrip("$"))
        r0, r1 = 0, MAKS_BARIS
    else:
        r0, r1 = int(m.group("rr1").lstrip("$")) - 1, int(m.group("rr2").lstrip("$")) - 1
        c0, c1 = 0, MAKS_KOLOM
    return Ref(sheet, min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1), buku)


def _rc(part_c: str | None, part_r: str | None, r: int, c: int) -> str:
    out = ""
    if part_r is not None:
        if part_r.startswith("$"):
            out += f"R{part_r[1:]}"
        else:
            d = int(part_r) - 1 - r
            out += f"R[{d}]" if d else "R"
    if part_c is not None:
        if part_c.startswith("$"):
            out += f"C{_indeks(part_c[1:]) + 1}"
        else:
            d = _indeks(part_c) - c
            out += f"C[{d}]" if d else "C"
    return out


def _ref_r1c1(m: re.Match[str], r: int, c: int) -> str:
    sheet = (m.group("sheet") or "").upper()
    if m.group("c1") is not None:
        s = _rc(m.group("c1"), m.group("r1"), r, c)
        if m.group("c2") is not None:
            s += ":" + _rc(m.group("c2"), m.group("r2"), r, c)
    elif m.group("cc1") is not None:
        s = _rc(m.group("cc1"), None, r, c) + ":" + _rc(m.group("cc2"), None, r, c)
    else:
        s = _rc(None, m.group("rr1"), r, c) + ":" + _rc(None, m.group("rr2"), r, c)
    return sheet + s


@lru_cache(maxsize=65536)
def bentuk(f: str, r: int, c: int, angka: bool = False) -> str:
    """The relative (R1C1) shape of the formula in cell (r, c), 0-based: ``=SUM(H47:H49)`` in H44
    → ``=SUM(R[3]C:R[5]C)``. Numbers become ``#`` unless ``angka`` (a growth rate of 1.15 or 1.2 is
    a value, not another formula). Spaces and case outside strings do not count."""

    def cb(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "ref":
            return _ref_r1c1(m, r, c)
        if kind == "str":
            return m.group()
        if kind == "num":
            return m.group() if angka else "#"
        if kind == "sp":
            return ""
        return m.group().upper()

    return _TOKEN.sub(cb, normal(f))


@lru_cache(maxsize=65536)
def kerangka(f: str) -> str:
    """The formula without its references and numbers: ``=M64+AC64`` → ``=¤+¤``."""

    def cb(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "ref":
            return "¤"
        if kind == "num":
            return "#"
        if kind == "str":
            return m.group()
        if kind == "sp":
            return ""
        return m.group().upper()

    return _TOKEN.sub(cb, normal(f))


def _geser_bagian(col: str | None, row: str | None, dr: int, dc: int) -> str | None:
    out = ""
    if col is not None:
        if col.startswith("$"):
            out += col.upper()
        else:
            j = _indeks(col) + dc
            if not 0 <= j <= MAKS_KOLOM:
                return None
            out += huruf_kolom(j)
    if row is not None:
        if row.startswith("$"):
            out += row
        else:
            i = int(row) - 1 + dr
            if not 0 <= i <= MAKS_BARIS:
                return None
            out += str(i + 1)
    return out


def geser(f: str, dr: int, dc: int) -> str:
    """The formula moved by (dr, dc) cells, as Excel fills a shared formula or a copy: relative
    references move, ``$`` parts stay; a reference moved off the sheet becomes ``#REF!``."""
    if not dr and not dc:
        return f

    def cb(m: re.Match[str]) -> str:
        if m.lastgroup != "ref":
            return m.group()
        sheet = m.group("sheet") or ""
        if m.group("c1") is not None:
            a = _geser_bagian(m.group("c1"), m.group("r1"), dr, dc)
            b = _geser_bagian(m.group("c2"), m.group("r2"), dr, dc) if m.group("c2") is not None else ""
        elif m.group("cc1") is not None:
            a = _geser_bagian(m.group("cc1"), None, dr, dc)
            b = _geser_bagian(m.group("cc2"), None, dr, dc)
        else:
            a = _geser_bagian(None, m.group("rr1"), dr, dc)
            b = _geser_bagian(None, m.group("rr2"), dr, dc)
        if a is None or b is None:
            return "#REF!"
        return sheet + a + (":" + b if b else "")

    return _TOKEN.sub(cb, f)


def rujukan(f: str) -> list[Ref]:
    """Every reference of a formula, in order."""
    return [_bagian(m) for m in _TOKEN.finditer(f) if m.lastgroup == "ref"]


def galat_dalam(f: str) -> list[str]:
    """The error literals written in a formula (``#REF!`` where a referenced row was deleted)."""
    if "#" not in f:
        return []
    return [m.group().upper() for m in _TOKEN.finditer(f) if m.lastgroup == "err"]


def luar(f: str) -> list[str]:
    """The other workbooks a formula reads (``[1]``, ``[Renja 2023.xlsx]``, a path)."""
    if "[" not in f:
        return []
    out = []
    for m in _TOKEN.finditer(f):
        if m.lastgroup == "ref":
            _, buku = _sheet_name(m.group("sheet"))
            if buku and buku not in out:
                out.append(buku)
    return out


def kolom_sebaris(f: str, r: int, sheet: str | None = None) -> tuple[set[int], bool]:
    """The columns a formula in row ``r`` reads on its own row (single cells), and whether it reads
    anything else (another row, a range, another sheet or workbook)."""
    cols: set[int] = set()
    lain = False
    for ref in rujukan(f):
        if ref.buku or (ref.sheet is not None and ref.sheet != sheet) or not ref.sel or ref.r0 != r:
            lain = True
            continue
        cols.add(ref.c0)
    return cols, lain


class Jumlah(NamedTuple):
    """What a plain sum adds up: its references (each with its sign) and whether it is a SUBTOTAL
    or AGGREGATE (those skip hidden rows and nested SUBTOTALs)."""

    bagian: list[tuple[int, Ref]]
    subtotal: bool


class _Gagal(Exception):
    pass


_PEMBUNGKUS = {"ROUND", "ROUNDDOWN", "ROUNDUP"}


class _Urai:
    """A recursive-descent reading of ``+``/``-``, ``SUM``, ``SUBTOTAL(9|109, …)``,
    ``AGGREGATE(9, opt, …)``, ``IFERROR(x, ""|0)``, ``ROUND*(x, n)``, ``N(x)`` and parentheses."""

    def __init__(self, f: str):
        self.tok = [(m.lastgroup, m.group(), m) for m in _TOKEN.finditer(normal(f)[1:]) if m.lastgroup != "sp"]
        self.i = 0
        self.subtotal = False

    def lihat(self) -> tuple[str | None, str]:
        return (self.tok[self.i][0], self.tok[self.i][1]) if self.i < len(self.tok) else (None, "")

    def ambil(self) -> tuple[str | None, str, re.Match[str] | None]:
        if self.i >= len(self.tok):
            raise _Gagal
        t = self.tok[self.i]
        self.i += 1
        return t

    def harap(self, kind: str, text: str | None = None) -> None:
        k, s, _ = self.ambil()
        if k != kind or (text is not None and s != text):
            raise _Gagal

    def expr(self) -> list[tuple[int, Ref]]:
        out = self.suku()
        while True:
            k, s = self.lihat()
            if k == "op" and s in "+-":
                self.i += 1
                part = self.suku()
                out += [(-sg, r) for sg, r in part] if s == "-" else part
            elif k == "op":
                raise _Gagal  # * / ^ & comparisons: not a plain sum
            else:
                return out

    def suku(self) -> list[tuple[int, Ref]]:
        k, s, m = self.ambil()
        if k == "op" and s in "+-":
            part = self.suku()
            return [(-sg, r) for sg, r in part] if s == "-" else part
        if k == "ref":
            return [(1, _bagian(m))]
        if k == "lp":
            out = self.expr()
            self.harap("rp")
            return out
        if k == "num":
            if float(s) == 0:
                return []
            raise _Gagal
        if k == "name" and self.lihat()[0] == "lp":
            return self.fungsi(s.upper())
        raise _Gagal

    def args(self) -> list[list[tuple[int, Ref]] | tuple[str, str]]:
        """The arguments up to the closing parenthesis: each a sum, or a literal (kind, text)."""
        self.harap("lp")
        out: list = []
        if self.lihat()[0] == "rp":
            self.i += 1
            return out
        while True:
            k, s = self.lihat()
            nxt = self.tok[self.i + 1][0] if self.i + 1 < len(self.tok) else None
            if k in ("str", "num") and nxt in ("sep", "rp"):
                self.i += 1
                out.append((k, s))
            else:
                out.append(self.expr())
            k, _ = self.lihat()
            self.i += 1
            if k == "rp":
                return out
            if k != "sep":
                raise _Gagal

    def fungsi(self, nama: str) -> list[tuple[int, Ref]]:
        args = self.args()
        if nama == "SUM":
            return [x for a in args for x in self._sum(a)]
        if nama in ("SUBTOTAL", "AGGREGATE"):
            skip = 1 if nama == "SUBTOTAL" else 2
            if len(args) <= skip or not isinstance(args[0], tuple) or args[0][1] not in ("9", "109"):
                raise _Gagal
            self.subtotal = True
            return [x for a in args[skip:] for x in self._sum(a)]
        if nama == "IFERROR" and len(args) == 2:
            alt = args[1]
            if isinstance(alt, tuple) and alt[1] in ('""', "0") or alt == []:
                return self._sum(args[0])
            raise _Gagal
        if nama in _PEMBUNGKUS and len(args) in (1, 2):
            return self._sum(args[0])
        if nama == "N" and len(args) == 1:
            return self._sum(args[0])
        raise _Gagal

    @staticmethod
    def _sum(a) -> list[tuple[int, Ref]]:
        if isinstance(a, tuple):
            if a[0] == "num" and float(a[1]) == 0:
                return []
            raise _Gagal
        return a


@lru_cache(maxsize=16384)
def jumlah(f: str) -> Jumlah | None:
    """The references a formula adds up when it is a plain sum, each with its sign:
    ``=IFERROR(SUM(H47:H49),"")`` → [(+1, H47:H49)]; ``=H45+H46-H47`` → three cells; ``=H6*1.15``,
    ``=A1/B1`` or any other function → None. A formula holding an error literal is not a sum."""
    if "#" in f and galat_dalam(f):
        return None
    u = _Urai(f)
    try:
        out = u.expr()
    except (_Gagal, ValueError):
        return None
    if u.i != len(u.tok) or not out:
        return None
    return Jumlah(out, u.subtotal)


def gabung_sel(col: int, rows: list[int]) -> str:
    """Rows of one column (0-based) as the shortest ``SUM`` argument list: ``H45:H49,H52``."""
    h = huruf_kolom(col)
    return ",".join(f"{h}{a + 1}" if a == b else f"{h}{a + 1}:{h}{b + 1}" for a, b in runtun(rows))


class PetaRumus(Mapping):
    """A worksheet's formulas: absolute 0-based (row, column) → formula text (``=SUM(H47:H49)``).

    ``teks`` holds the formulas written in full; ``bersama`` maps each other cell of a shared
    formula block to the cell its formula is written in (expanded on first read). ``luar`` names the
    other workbooks the file links to (``{1: "Renja 2023.xlsx"}``)."""

    __slots__ = ("teks", "bersama", "luar", "_cache")

    def __init__(self, teks: dict[tuple[int, int], str] | None = None,
                 bersama: dict[tuple[int, int], tuple[int, int]] | None = None,
                 luar: dict[int, str] | None = None):
        self.teks = {rc: normal(f) for rc, f in (teks or {}).items()}
        self.bersama = dict(bersama or {})
        self.luar = dict(luar or {})
        self._cache: dict[tuple[int, int], str] = {}

    def __getitem__(self, rc: tuple[int, int]) -> str:
        f = self.teks.get(rc)
        if f is not None:
            return f
        f = self._cache.get(rc)
        if f is not None:
            return f
        induk = self.bersama[rc]
        f = geser(self.teks[induk], rc[0] - induk[0], rc[1] - induk[1])
        self._cache[rc] = f
        return f

    def get(self, rc, default=None):  # noqa: ANN001 - Mapping's signature
        if rc in self.teks or rc in self.bersama:
            return self[rc]
        return default

    def __contains__(self, rc: object) -> bool:
        return rc in self.teks or rc in self.bersama

    def __iter__(self) -> Iterator[tuple[int, int]]:
        yield from self.teks
        yield from self.bersama

    def __len__(self) -> int:
        return len(self.teks) + len(self.bersama)

    def __bool__(self) -> bool:
        return bool(self.teks) or bool(self.bersama)

    def asli(self, rc: tuple[int, int]) -> str | None:
        """The formula as written for the cell or, for a cell of a shared block, for its block
        (not moved: enough to ask which functions it uses)."""
        return self.teks.get(self.bersama.get(rc, rc))

    def kerangka(self, rc: tuple[int, int]) -> str | None:
        """The skeleton of the cell's formula (a shared block's cells share their block's)."""
        f = self.teks.get(self.bersama.get(rc, rc))
        return kerangka(f) if f is not None else None

    def bentuk(self, rc: tuple[int, int]) -> str | None:
        """The relative shape of the cell's formula (a shared block's cells share their block's)."""
        induk = self.bersama.get(rc)
        if induk is not None:
            return bentuk(self.teks[induk], induk[0], induk[1])
        f = self.teks.get(rc)
        return bentuk(f, rc[0], rc[1]) if f is not None else None
