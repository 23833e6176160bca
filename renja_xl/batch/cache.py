"""Results of unchanged submissions, kept between rounds so a second round costs almost nothing.

A result is found by a key that changes whenever anything that could change it changes: the file's
bytes (sha256), renja-xl's version and the hash of its own source (a development checkout whose code
changed is a different checker), the effective configuration (every setting, as JSON), and the
nomenclature's fingerprint. Entries are JSON (never pickle: loading one cannot run code), written to
a temporary file and moved into place (safe with several workers writing at once), and read back
with every field checked: a corrupt, truncated or foreign entry is removed and counted as a miss,
never trusted. The folder is bounded (oldest entries go first).

The folder: ``$RENJA_XL_CACHE/hasil``, else ``$XDG_CACHE_HOME/renja-xl/hasil``, else
``~/.cache/renja-xl/hasil``. ``--tanpa-cache`` bypasses it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.config import Konfigurasi
from ..core.models import Berkas, Temuan
from ..core.tabel import PetaKolom, Tabel

__all__ = ["CacheHasil", "folder_cache", "sidik_kode"]

SCHEMA = "renja-xl/cache-hasil@2"
MAKS_ENTRI = 20_000  # about 60 MB of JSON for a province's rounds
_TEMUAN_FIELDS = {f.name for f in dataclasses.fields(Temuan)}


def folder_cache() -> Path:
    root = os.environ.get("RENJA_XL_CACHE")
    if root:
        return Path(root) / "hasil"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "renja-xl" / "hasil"


@lru_cache(maxsize=1)
def sidik_kode() -> str:
    """renja-xl's version and a hash of its source files: results of other code are other results."""
    from .. import __version__

    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parents[1]
    for p in sorted(root.rglob("*.py")):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _sidik_konfigurasi(cfg: Konfigurasi) -> str:
    data = dataclasses.asdict(cfg)
    data.pop("sumber", None)  # where it came from does not change a result; what it says does
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _sidik_berkas(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# What of a table a report reads once its rows are dropped (a batch never keeps rows): these fields.
_TABEL_META = ("sheet", "kind", "varian", "title", "header_rows", "first_row", "last_row", "years", "periode", "bulan",
               "has_kode", "ragu", "peta_sumber", "uraian_huruf", "indikator_huruf")


def _tabel_ke_dict(t: Tabel) -> dict[str, Any]:
    d = {k: getattr(t, k) for k in _TABEL_META}
    d["peta"] = [dataclasses.asdict(p) for p in t.peta]
    return d


# An entry is read back with every value checked against what the checker writes (a foreign or
# corrupt entry raises and is dropped). Hand-written rather than pydantic: a cache hit must cost far
# less than the check it saves, and importing pydantic alone costs about as much as checking a file.
class _Asing(ValueError):
    """A cache entry that is not what this version of renja-xl writes."""


def _jenis(nilai: Any, *tipe: Any) -> Any:
    for t in tipe:
        if t is None:
            if nilai is None:
                return nilai
        elif t is int:
            if type(nilai) is int:
                return nilai
        elif t is float:
            if type(nilai) in (int, float):
                return nilai
        elif isinstance(nilai, t):
            return nilai
    raise _Asing(f"{type(nilai).__name__} bukan {tipe}")


def _daftar(nilai: Any, *tipe: Any) -> list:
    return [_jenis(v, *tipe) for v in _jenis(nilai, list)]


def _json_biasa(nilai: Any, dalam: int = 0) -> Any:
    """Plain JSON data (identity, claims, capaian): scalars, lists, dicts with text keys; bounded depth."""
    if dalam > 6:
        raise _Asing("terlalu dalam")
    if nilai is None or type(nilai) in (str, int, float, bool):
        return nilai
    if type(nilai) is list:
        return [_json_biasa(v, dalam + 1) for v in nilai]
    if type(nilai) is dict and all(type(k) is str for k in nilai):
        return {k: _json_biasa(v, dalam + 1) for k, v in nilai.items()}
    raise _Asing("bukan data JSON")


_OPSIONAL_TEKS = ("sheet", "cell", "kode", "saran", "kind", "message_id", "message_en", "alasan", "sumber_saran", "rumus",
                  "rumus_benar", "galat", "bentuk", "bentuk_sejawat", "dikecualikan_kiriman", "status", "sebelumnya")


def _temuan_dari_dict(f: Any) -> Temuan:
    f = _jenis(f, dict)
    if set(f) - _TEMUAN_FIELDS:
        raise _Asing("kunci temuan asing")
    if f.get("severity") not in ("error", "warning", "info"):
        raise _Asing("tingkat asing")
    for k in _OPSIONAL_TEKS:
        _jenis(f.get(k), str, None)
    for k in ("rule", "slug", "message"):
        _jenis(f.get(k), str)
    _jenis(f.get("row"), int, None)
    for k in ("expected", "actual"):
        _jenis(f.get(k), int, float, str, None)
    _jenis(f.get("keyakinan"), float, None)
    _jenis(f.get("selisih"), float, None)
    _daftar(f.get("terkait", []), str)
    _daftar(f.get("baris_lain", []), int)
    for k in ("baris_tertinggal", "baris_berlebih"):
        if f.get(k) is not None:
            _daftar(f[k], int)
    if f.get("sebab") is not None:
        raise _Asing("sebab tidak pernah disimpan")
    return Temuan(**f)


def _tabel_dari_dict(d: Any) -> Tabel:
    d = _jenis(d, dict)
    if set(d) - {*_TABEL_META, "peta"}:
        raise _Asing("kunci tabel asing")
    for k in ("sheet", "kind", "varian", "title", "peta_sumber"):
        _jenis(d[k], str)
    for k in ("periode", "uraian_huruf", "indikator_huruf"):
        _jenis(d[k], str, None)
    _jenis(d["bulan"], int, None)
    _jenis(d["has_kode"], bool)
    peta = [PetaKolom(**{k: _jenis(v, str, bool) for k, v in _jenis(p, dict).items()}) for p in _daftar(d["peta"], dict)]
    return Tabel(sheet=d["sheet"], kind=d["kind"], varian=d["varian"], title=d["title"],
                 header_rows=_daftar(d["header_rows"], int), first_row=_jenis(d["first_row"], int),
                 last_row=_jenis(d["last_row"], int), years=_daftar(d["years"], int), periode=d["periode"],
                 bulan=d["bulan"], has_kode=d["has_kode"], peta=peta,
                 ragu=[tuple(_daftar(r, str)) for r in _daftar(d["ragu"], list)], peta_sumber=d["peta_sumber"],
                 uraian_huruf=d["uraian_huruf"], indikator_huruf=d["indikator_huruf"])


def _temuan_ke_dict(t: Temuan) -> dict[str, Any]:
    return {k: getattr(t, k) for k in _TEMUAN_FIELDS if k != "sebab"}


def berkas_ke_dict(b: Berkas) -> dict[str, Any]:
    return {"status": b.status, "tables": [_tabel_ke_dict(t) for t in b.tables],
            "findings": [_temuan_ke_dict(t) for t in b.findings], "sheets_seen": b.sheets_seen,
            "silenced": b.silenced, "klaim": b.klaim, "identitas": b.identitas, "capaian": b.capaian}


def berkas_dari_dict(d: Any, tampil: str) -> Berkas:
    """A stored result, every value checked (raises ValueError for anything this version does not write)."""
    d = _jenis(d, dict)
    if d.get("status") not in ("checked", "unreadable"):
        raise _Asing("status asing")
    capaian = _json_biasa(d.get("capaian") or {})
    if capaian and not all(type(r) is dict and {"sheet", "row", "cell", "capaian", "predikat"} <= set(r)
                           for r in _daftar(capaian.get("baris"), dict)):
        raise _Asing("capaian asing")
    return Berkas(path=tampil, status=d["status"], tables=[_tabel_dari_dict(t) for t in _daftar(d["tables"], dict)],
                  findings=[_temuan_dari_dict(f) for f in _daftar(d["findings"], dict)],
                  sheets_seen=_daftar(d["sheets_seen"], str), silenced=_daftar(_json_biasa(d["silenced"]), dict),
                  klaim=_daftar(_json_biasa(d.get("klaim", [])), dict), identitas=_jenis(_json_biasa(d["identitas"]), dict),
                  capaian=capaian)


class CacheHasil:
    """One batch's view of the result cache: look up, store, and count what came from it."""

    def __init__(self, cfg: Konfigurasi, nomenklatur: Any = None, folder: Path | None = None, kode: str | None = None):
        self.folder = folder or folder_cache()
        sidik_nomen = getattr(nomenklatur, "sidik", "") if nomenklatur is not None else ""
        kode = kode if kode is not None else sidik_kode()
        self._dasar = hashlib.sha256(f"{SCHEMA}|{kode}|{_sidik_konfigurasi(cfg)}|{sidik_nomen}".encode())
        self.kena = 0  # results read from the cache
        self.simpan_n = 0

    def kunci(self, path: Path) -> str | None:
        try:
            if not path.is_file():
                return None  # a FIFO, a device, a folder: never hashed, never cached
            h = self._dasar.copy()
            h.update(_sidik_berkas(path).encode())
            return h.hexdigest()
        except OSError:
            return None

    def _tempat(self, kunci: str) -> Path:
        return self.folder / kunci[:2] / f"{kunci}.json"

    def ambil(self, kunci: str | None, tampil: str) -> Berkas | None:
        if kunci is None:
            return None
        p = self._tempat(kunci)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            if data.get("schema") != SCHEMA or data.get("kunci") != kunci:
                raise ValueError("entri asing")
            b = berkas_dari_dict(data["berkas"], tampil)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a corrupt or foreign entry is a miss, and is removed
            try:
                p.unlink()
            except OSError:
                pass
            return None
        self.kena += 1
        return b

    def simpan(self, kunci: str | None, b: Berkas) -> None:
        if kunci is None:
            return
        p = self._tempat(kunci)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"schema": SCHEMA, "kunci": kunci, "berkas": berkas_ke_dict(b)},
                                      ensure_ascii=False, default=str), encoding="utf-8")
            os.replace(tmp, p)
            self.simpan_n += 1
            if self.simpan_n % 500 == 0:
                self.pangkas()
        except OSError:
            pass  # a read-only or full disk: the check goes on without its cache

    def pangkas(self, maks: int = MAKS_ENTRI) -> int:
        """Remove the oldest entries beyond ``maks``; returns how many went."""
        try:
            files = [(p.stat().st_mtime, p) for p in self.folder.glob("*/*.json")]
        except OSError:
            return 0
        if len(files) <= maks:
            return 0
        files.sort()
        gone = 0
        for _, p in files[: len(files) - maks]:
            try:
                p.unlink()
                gone += 1
            except OSError:
                pass
        return gone
