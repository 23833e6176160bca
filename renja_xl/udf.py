"""Worksheet functions of the master workbook (xlwings custom functions, category "Renja").

Type ``=RENJA_CAPAIAN(S9;H9)`` instead of a hand-written percentage formula. Every function takes a
cell or a range: for a range it returns an array that spills (Excel 365) — arguments of different
shapes broadcast like Excel's own arrays (one row or one column repeats). Text in Indonesian
notation is read as a number (``"79,71"``, ``"Rp 1.185.270,-"``); text whose meaning is not certain
(``"1.181925"``) gives an empty result, never a guess (the Validasi button says why: rule A006). A
zero or empty target gives an empty result, not ``#DIV/0!``.

The formulas are the core's (:mod:`renja_xl.core.capaian`, :mod:`~renja_xl.core.angka`,
:mod:`~renja_xl.core.satuan`, :mod:`~renja_xl.core.terbilang`): this module only adapts cells to
them, so the workbook and ``renja-xl check`` can never disagree.

Classic xlwings has no namespaces, hence the ``RENJA_`` prefix. The master workbook's VBA wrappers
(module ``xlwings_udfs``) are generated from the ``@xw.func`` functions of this module by
``workbooks/build_master.py``: add a function here, rebuild, and it exists in the workbook.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import xlwings as xw

from .core.angka import parse_angka
from .core.capaian import RUMUS_NEGATIF, SKALA_BAWAAN, SKALA_BERHASIL, SkalaPredikat, capaian, tingkat_realisasi
from .core.satuan import baca_satuan
from .core.terbilang import terbilang_rupiah

__all__ = [
    "KATEGORI",
    "RENJA_CAPAIAN",
    "RENJA_TINGKAT_REALISASI",
    "RENJA_PREDIKAT",
    "RENJA_ANGKA",
    "RENJA_SATUAN",
    "RENJA_TERBILANG",
    "RENJA_NOMENKLATUR",
    "RENJA_SATUAN_BAKU",
]

KATEGORI = "Renja"

Sel = Any  # one cell value as xlwings delivers it: None, float, str, bool, datetime


# --- adapting cells and ranges -------------------------------------------------------------------

def _grid(x: Any) -> list[list[Sel]]:
    """An argument as a 2-D list (xlwings gives ``ndim=2`` lists; direct calls may pass scalars)."""
    if isinstance(x, (list, tuple)):
        if not x:
            return [[None]]
        if all(isinstance(r, (list, tuple)) for r in x):
            return [list(r) if r else [None] for r in x]
        return [list(x)]  # a flat list is one row
    return [[x]]


def _peta(fn: Callable[..., Sel], *args: Any) -> Sel:
    """Apply ``fn`` cell by cell; a 1×1 result is a scalar, anything larger a 2-D list (spills).

    Shapes broadcast as in Excel: an argument with one row (column) is repeated over the rows
    (columns) of the others; any other mismatch is an error naming the shapes."""
    grids = [_grid(a) for a in args]
    shapes = [(len(g), max(len(r) for r in g)) for g in grids]
    rows = max(s[0] for s in shapes)
    cols = max(s[1] for s in shapes)
    for (r, c) in shapes:
        if r not in (1, rows) or c not in (1, cols):
            dims = ", ".join(f"{a}×{b}" for a, b in shapes)
            raise ValueError(f"ukuran rentang tidak cocok ({dims}): pakai rentang yang sama besar atau satu sel")

    def at(g: list[list[Sel]], i: int, j: int) -> Sel:
        row = g[0 if len(g) == 1 else i]
        if len(row) == 1:
            return row[0]
        return row[j] if j < len(row) else None

    out = [[fn(*(at(g, i, j) for g in grids)) for j in range(cols)] for i in range(rows)]
    return out[0][0] if rows == 1 and cols == 1 else out


def _angka(x: Sel) -> int | float | None:
    """A cell as a number: numbers as they are, Indonesian-notation text read by the core."""
    if x is None or isinstance(x, (bool, dt.date, dt.datetime, dt.time)):
        return None
    if isinstance(x, (int, float)):
        return None if isinstance(x, float) and (math.isnan(x) or math.isinf(x)) else x
    return parse_angka(str(x)).nilai  # None for empty text and for text that is not certain


def _polaritas(x: Sel, rumus: str = "2t-r") -> tuple[str, str]:
    """(polaritas, rumus_negatif) from the optional third argument of RENJA_CAPAIAN; ``rumus`` is the
    configured negative formula ([capaian] rumus_negatif), used when the cell names none."""
    if x is None or (isinstance(x, str) and not x.strip()):
        return "positif", rumus
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        if x == 1:
            return "positif", rumus
        if x == -1:
            return "negatif", rumus
    teks = str(x).strip().lower()
    if teks in RUMUS_NEGATIF:  # "2t-r", "t/r", "(t-r)/t": a negative indicator with that formula
        return "negatif", teks
    if teks in ("positif", "+", "positive", "naik"):
        return "positif", rumus
    if teks in ("negatif", "-", "negative", "turun"):
        return "negatif", rumus
    raise ValueError(
        f"polaritas '{x}' tidak dikenal: tulis \"positif\", \"negatif\" atau rumus negatif "
        f"({', '.join(RUMUS_NEGATIF)})"
    )


def _skala(x: Any, bawaan: SkalaPredikat = SKALA_BAWAAN) -> SkalaPredikat:
    """The predikat scale: empty (``bawaan``: the [capaian] scale of the configuration), a name
    ("bawaan"/"permendagri": Permendagri 86/2017, "berhasil") or a two-column range of (lower bound,
    label) rows; a row with an empty bound names what lies below all bounds."""
    g = _grid(x)
    if len(g) == 1 and len(g[0]) == 1:
        v = g[0][0]
        if v is None or (isinstance(v, str) and not v.strip()):
            return bawaan
        if isinstance(v, str) and v.strip().lower() in ("bawaan", "permendagri", "default"):
            return SKALA_BAWAAN
        if isinstance(v, str) and v.strip().lower() in ("berhasil", "sangat berhasil"):
            return SKALA_BERHASIL
        raise ValueError(f"skala '{v}' tidak dikenal: kosongkan, tulis \"berhasil\", atau tunjuk tabel dua kolom (batas, predikat)")
    batas: list[tuple[float, str]] = []
    terbawah = ""
    for row in g:
        if len(row) < 2 or row[1] is None or not str(row[1]).strip():
            continue
        label = str(row[1]).strip()
        b = _angka(row[0])
        if b is None:
            if row[0] is not None and str(row[0]).strip():
                raise ValueError(f"batas skala '{row[0]}' bukan angka")
            terbawah = label
        else:
            batas.append((float(b), label))
    if not batas:
        raise ValueError("tabel skala tidak berisi batas: dua kolom (batas bawah, predikat)")
    return SkalaPredikat(batas=tuple(sorted(batas, reverse=True)), terbawah=terbawah)


def _kosong(x: Any) -> Any:
    """The core's "no value" as an empty cell."""
    return None if x is None or x == "" else x


# --- the functions -------------------------------------------------------------------------------

@xw.func(category=KATEGORI)
@xw.arg("realisasi", ndim=2, doc="Realisasi: sel atau rentang (angka atau teks angka)")
@xw.arg("target", ndim=2, doc="Target: sel atau rentang; 0 atau kosong memberi hasil kosong")
@xw.arg("polaritas", ndim=2, doc='"positif" (bawaan), "negatif" (rumus [capaian] renja-xl.toml), atau rumus "2t-r", "t/r", "(t-r)/t"')
def RENJA_CAPAIAN(realisasi, target, polaritas=None, caller=None):
    """Capaian kinerja (%): realisasi/target x 100; indikator negatif menurut [capaian] rumus_negatif (bawaan (2 x target - realisasi)/target x 100)."""
    atur = _pengaturan_capaian(caller)

    def satu(r: Sel, t: Sel, p: Sel) -> float | None:
        pol, rumus = _polaritas(p, atur.rumus_negatif)
        if rumus == atur.rumus_negatif:
            return atur.hitung(_angka(r), _angka(t), pol)
        return capaian(_angka(r), _angka(t), pol, rumus)

    return _peta(satu, realisasi, target, polaritas)


@xw.func(category=KATEGORI)
@xw.arg("realisasi", ndim=2, doc="Realisasi: sel atau rentang")
@xw.arg("target", ndim=2, doc="Target atau anggaran: sel atau rentang; 0 atau kosong memberi hasil kosong")
def RENJA_TINGKAT_REALISASI(realisasi, target):
    """Tingkat realisasi (%): realisasi/target x 100 (kolom 8 dan 11 Tabel T-C.29, % realisasi keuangan)."""
    return _peta(lambda r, t: tingkat_realisasi(_angka(r), _angka(t)), realisasi, target)


@xw.func(category=KATEGORI)
@xw.arg("capaian", ndim=2, doc="Capaian (%): sel atau rentang")
@xw.arg("skala", ndim=2, doc='Kosong ([capaian] renja-xl.toml, bawaan Permendagri 86/2017), "bawaan", "berhasil", atau tabel dua kolom (batas bawah, predikat)')
def RENJA_PREDIKAT(capaian, skala=None, caller=None):
    """Predikat capaian: >=91 Sangat Tinggi, >=76 Tinggi, >=66 Sedang, >=51 Rendah, <51 Sangat Rendah (skala dapat diatur)."""
    s = _skala(skala, _pengaturan_capaian(caller).skala)
    return _peta(lambda c: _kosong(s.nilai(_angka(c))), capaian)


@xw.func(category=KATEGORI)
@xw.arg("teks", ndim=2, doc='Teks angka notasi Indonesia, mis. "Rp 1.185.270,-" atau "79,71"')
def RENJA_ANGKA(teks):
    """Angka dari teks notasi Indonesia (titik ribuan, koma desimal); teks yang ambigu memberi hasil kosong."""
    return _peta(_angka, teks)


@xw.func(category=KATEGORI)
@xw.arg("teks", ndim=2, doc='Satuan seperti tertulis, mis. "Dok", "Lpaoran", "OB"')
def RENJA_SATUAN(teks):
    """Satuan baku: "Dok" -> Dokumen, "Lpaoran" -> Laporan, "OB" -> Orang/bulan; tidak dikenal -> kosong."""

    def satu(t: Sel) -> str | None:
        if not isinstance(t, str):
            return None
        return baca_satuan(t).efektif

    return _peta(satu, teks)


@xw.func(category=KATEGORI)
@xw.arg("angka", ndim=2, doc="Jumlah rupiah: angka atau teks angka")
def RENJA_TERBILANG(angka):
    """Rupiah dengan huruf seperti di dokumen resmi: 1185270 -> "satu juta ... dua ratus tujuh puluh rupiah"."""

    def satu(a: Sel) -> str | None:
        n = _angka(a)
        return None if n is None else terbilang_rupiah(n)

    return _peta(satu, angka)


# --- the nomenclature (the user's own decree file; never shipped) --------------------------------

# Excel's Python process lives on: each nomenclature file is loaded once per version of it. The key
# is the file's path, size and modification time, so a file replaced or edited while Excel is open
# is read again (the loader's own cache is keyed by the content's sha256).
_NOMEN_CACHE: dict[tuple[str, int, int], Any] = {}


def _konfigurasi(caller: Any) -> tuple[Any, str, str]:
    """The ``renja-xl.toml`` next to the calling workbook (found as ``renja-xl check`` finds it), else
    the defaults. Returns (configuration or None when it is invalid, why not, where the book lives)."""
    from pathlib import Path

    start = None
    awan = ""
    if caller is not None:
        try:
            book = caller.sheet.book  # the reserved 'caller' argument (desktop Excel)
        except Exception:  # noqa: BLE001 - a caller without a book: look from here
            book = None
        if book is not None:
            from .xl.buku import jalur_buku

            start, awan = jalur_buku(book)
    if start is None:
        start = Path.cwd()
    from .core.config import Konfigurasi, KonfigurasiTidakValid, cari_konfigurasi, muat_konfigurasi

    found = cari_konfigurasi(start if start.exists() else Path.cwd())
    if found is None:
        return Konfigurasi.bawaan(), "", awan
    try:
        st = found.stat()
        key = (str(found), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _KONFIG_CACHE:
        return _KONFIG_CACHE[key], "", awan
    try:
        cfg = muat_konfigurasi(found)
    except KonfigurasiTidakValid as exc:
        return None, f"konfigurasi tidak valid: {exc}", awan
    if key is not None:
        _KONFIG_CACHE.clear()  # one workbook's configuration at a time (Excel's process lives on)
        _KONFIG_CACHE[key] = cfg
    return cfg, "", awan


_KONFIG_CACHE: dict[tuple[str, int, int], Any] = {}


def _berkas_nomenklatur(berkas: Sel, caller: Any) -> tuple[str | None, str]:
    """Which nomenclature file: the ``berkas`` argument, else ``nomenklatur = "…"`` of the
    ``renja-xl.toml`` next to the calling workbook (found as ``renja-xl check`` finds it), else the
    ``RENJA_XL_NOMENKLATUR`` environment variable (:func:`renja_xl.nomenklatur.path_dari_konfigurasi`).
    Returns (path, why not)."""
    berkas = _grid(berkas)[0][0]  # one cell (a range's first cell)
    if isinstance(berkas, str) and berkas.strip():
        return berkas.strip(), ""
    cfg, why, awan = _konfigurasi(caller)
    if cfg is None:
        return None, f"({why})"
    from .nomenklatur import path_dari_konfigurasi

    path = path_dari_konfigurasi(cfg)  # the configuration's, else RENJA_XL_NOMENKLATUR
    if path is not None:
        return str(path), ""
    if awan:
        return None, f"({awan})"
    return None, "(nomenklatur belum diatur: tulis nomenklatur = \"…\" di renja-xl.toml)"


def _pengaturan_capaian(caller: Any) -> Any:
    """The ``[capaian]`` settings of the workbook's configuration (negative formula, predikat scale):
    the same :class:`~renja_xl.core.config.PengaturanCapaian` ``renja-xl check`` uses."""
    cfg, why, _ = _konfigurasi(caller)
    if cfg is None:
        raise ValueError(why)
    return cfg.capaian


def _nomenklatur(berkas: Sel, caller: Any) -> tuple[Any, str]:
    import os

    path, why = _berkas_nomenklatur(berkas, caller)
    if path is None:
        return None, why
    from .nomenklatur import NomenklaturTidakTerbaca, muat_nomenklatur

    try:
        st = os.stat(path)
    except OSError:
        st = None
    key = (os.path.abspath(path), st.st_size, st.st_mtime_ns) if st is not None else None
    if key is not None and key in _NOMEN_CACHE:
        return _NOMEN_CACHE[key], ""
    try:
        nomen = muat_nomenklatur(path)
    except NomenklaturTidakTerbaca as exc:
        return None, f"({exc})"
    if key is not None:
        for old in [k for k in _NOMEN_CACHE if k[0] == key[0]]:
            del _NOMEN_CACHE[old]  # an earlier version of the same file
        _NOMEN_CACHE[key] = nomen
    return nomen, ""


def _per_kode(kode: Any, berkas: Sel, caller: Any, ambil: Callable[[Any], str | None]) -> Sel:
    """``ambil(entry)`` for each kode cell (empty for a kode the decree does not have); the reason in
    the cell when no nomenclature is configured."""
    nomen, why = _nomenklatur(berkas, caller)
    if nomen is None:
        return why

    def satu(k: Sel) -> str | None:
        if k is None or isinstance(k, bool) or (isinstance(k, str) and not k.strip()):
            return None
        from .core.kode import parse_kode

        bacaan = parse_kode(k if isinstance(k, str) else str(k))
        e = nomen.cari_kode(bacaan.kode.teks) if bacaan.kode is not None else None
        return (ambil(e) or None) if e is not None else None

    return _peta(satu, kode)


@xw.func(category=KATEGORI)
@xw.arg("kode", ndim=2, doc="Kode program/kegiatan/sub kegiatan, mis. 1.06.01.2.01.0001 (sel atau rentang)")
@xw.arg("berkas", ndim=2, doc="(opsional) berkas nomenklatur; bawaan: nomenklatur di renja-xl.toml di samping workbook")
def RENJA_NOMENKLATUR(kode, berkas=None, caller=None):
    """Nama resmi menurut nomenklatur Kepmendagri untuk kode; kode yang tidak ada memberi hasil kosong."""
    return _per_kode(kode, berkas, caller, lambda e: e.nama)


@xw.func(category=KATEGORI)
@xw.arg("kode", ndim=2, doc="Kode sub kegiatan, mis. 1.06.01.2.01.0001 (sel atau rentang)")
@xw.arg("berkas", ndim=2, doc="(opsional) berkas nomenklatur; bawaan: nomenklatur di renja-xl.toml di samping workbook")
def RENJA_SATUAN_BAKU(kode, berkas=None, caller=None):
    """Satuan yang ditetapkan nomenklatur untuk sub kegiatan; kode yang tidak ada memberi hasil kosong."""
    return _per_kode(kode, berkas, caller, lambda e: e.satuan)


def fungsi(modul: Any = None) -> list[Callable[..., Any]]:
    """The worksheet functions of this module, in source order (what the build wraps in VBA)."""
    import inspect
    import sys

    m = modul or sys.modules[__name__]
    out = [f for name, f in vars(m).items() if name.startswith("RENJA_") and callable(f)]
    return sorted(out, key=lambda f: inspect.getsourcelines(f)[1])

