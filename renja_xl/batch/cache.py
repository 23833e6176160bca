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

SCHEMA = "renja-xl/cache-hasil@1"
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


def _tabel_ke_dict(t: Tabel) -> dict[str, Any]:
    return {"sheet": t.sheet, "kind": t.kind, "varian": t.varian, "title": t.title, "header_rows": t.header_rows,
            "first_row": t.first_row, "last_row": t.last_row, "years": t.years, "periode": t.periode,
            "has_kode": t.has_kode, "peta": [dataclasses.asdict(p) for p in t.peta], "ragu": [list(r) for r in t.ragu],
            "peta_sumber": t.peta_sumber}


def _tabel_dari_dict(d: dict[str, Any]) -> Tabel:
    return Tabel(sheet=str(d["sheet"]), kind=str(d["kind"]), varian=str(d["varian"]), title=str(d["title"]),
                 header_rows=[int(x) for x in d["header_rows"]], first_row=int(d["first_row"]),
                 last_row=int(d["last_row"]), years=[int(x) for x in d["years"]],
                 periode=d["periode"] if d["periode"] is None else str(d["periode"]), has_kode=bool(d["has_kode"]),
                 peta=[PetaKolom(**p) for p in d["peta"]], ragu=[(str(a), str(b)) for a, b in d["ragu"]],
                 peta_sumber=str(d["peta_sumber"]))


def berkas_ke_dict(b: Berkas) -> dict[str, Any]:
    return {"path": b.path, "status": b.status, "tables": [_tabel_ke_dict(t) for t in b.tables],
            "findings": [dataclasses.asdict(t) for t in b.findings], "sheets_seen": b.sheets_seen,
            "silenced": b.silenced, "identitas": b.identitas, "capaian": b.capaian}


def berkas_dari_dict(d: dict[str, Any], tampil: str) -> Berkas:
    from ..core.models import validasi

    findings = []
    for f in d["findings"]:
        if not isinstance(f, dict) or set(f) - _TEMUAN_FIELDS:
            raise ValueError("temuan asing")
        findings.append(validasi(Temuan, f))
    if d["status"] not in ("checked", "unreadable"):
        raise ValueError("status asing")
    capaian = d.get("capaian") or {}
    if not isinstance(capaian, dict) or not isinstance(capaian.get("baris", []), list):
        raise ValueError("capaian asing")
    return Berkas(path=tampil, status=d["status"], tables=[_tabel_dari_dict(t) for t in d["tables"]],
                  findings=findings, sheets_seen=[str(s) for s in d["sheets_seen"]],
                  silenced=list(d["silenced"]), identitas=dict(d["identitas"]), capaian=dict(capaian))


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
