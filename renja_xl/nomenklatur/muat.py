"""Load the nomenclature from the file a user names, with a cache keyed by the file's hash.

Two shapes are read:

- the lampiran as offices have it: an ``.xlsx`` (or ``.xls``/``.ods``) whose code parts are in
  separate columns (URUSAN, BIDANG, PROGRAM, KEGIATAN, SUB KEGIATAN — numbers that lost their zeros,
  ``X``/``XX`` for the generic programme) and whose texts carry PDF whitespace;
- a flat ``.csv`` with a ``kode`` column (``U.BB.PP.K.KK.SSSS``) and ``nomenklatur``, ``indikator``,
  ``satuan`` … columns.

Parsing the xlsx takes a noticeable part of a second; the parsed form is cached (pickle of plain
tuples) under ``$RENJA_XL_CACHE`` or ``~/.cache/renja-xl`` so a repeated run loads it in a few ms.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import tempfile
from pathlib import Path
from typing import Any

from ..core.kode import LEVELS
from .data import Entri, Nomenklatur, hitung_pasangan

__all__ = ["muat_nomenklatur", "muat_dari_konfigurasi", "path_dari_konfigurasi", "NomenklaturTidakTerbaca",
           "folder_cache", "ENV_NOMENKLATUR"]

ENV_NOMENKLATUR = "RENJA_XL_NOMENKLATUR"  # the nomenclature file when no configuration names one

_FORMAT = 3  # bump when the cached shape changes
_WS = re.compile(r"\s+")


class NomenklaturTidakTerbaca(Exception):
    """The nomenclature file cannot be read (missing, not a table we know)."""


def folder_cache() -> Path:
    env = os.environ.get("RENJA_XL_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "renja-xl"


def _bersih(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return _WS.sub(" ", str(v)).strip()


def _sidik(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _segmen(parts: list[object]) -> str | None:
    """The dotted kode from the decree's code columns (U, BB, PP, K.KK, SSSS)."""
    u, bb, pp, kkk, ss = (_bersih(p) for p in parts)
    if not u:
        return None
    segs = [u.upper()]
    if bb:
        segs.append(bb.upper() if bb.upper() == "XX" else bb.zfill(2))
        if pp:
            segs.append(pp.zfill(2))
            if kkk:
                k = kkk.split(".")
                if len(k) != 2:
                    return None
                segs += [k[0], k[1].zfill(2)]
                if ss:
                    segs.append(ss.zfill(4))
    return ".".join(segs)


def _dari_tabel(rows: list[list[object]]) -> dict[str, Entri]:
    """Entries of the lampiran sheet (header row with URUSAN … SATUAN)."""
    header_i = None
    for i, row in enumerate(rows[:20]):
        low = [_bersih(c).lower() for c in row]
        if any(c.startswith("urusan") for c in low) and any("satuan" == c for c in low):
            header_i = i
            break
    if header_i is None:
        raise NomenklaturTidakTerbaca("header URUSAN … SATUAN tidak ditemukan")
    low = [_bersih(c).lower() for c in rows[header_i]]

    def col(*names: str) -> int | None:
        for j, c in enumerate(low):
            if any(c.startswith(n) for n in names):
                return j
        return None

    cu, cb, cp, ck, cs = col("urusan"), col("bidang"), col("program"), col("kegiatan"), col("sub kegiatan", "sub")
    cn, cki, ci, csat = col("nomenklatur"), col("kinerja"), col("indikator"), col("satuan")
    if None in (cu, cb, cp, ck, cs, cn):
        raise NomenklaturTidakTerbaca("kolom kode atau NOMENKLATUR tidak lengkap")
    out: dict[str, Entri] = {}
    for row in rows[header_i + 1:]:
        get = lambda j, row=row: row[j] if j is not None and j < len(row) else ""  # noqa: E731
        kode = _segmen([get(cu), get(cb), get(cp), get(ck), get(cs)])
        if not kode:
            continue
        level = LEVELS.get(len(kode.split(".")))
        if level is None:
            continue
        out[kode] = Entri(kode, level, _bersih(get(cn)), _bersih(get(cki)), _bersih(get(ci)), _bersih(get(csat)))
    return out


def _dari_csv(path: Path) -> dict[str, Entri]:
    out: dict[str, Entri] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = {f.lower(): f for f in (reader.fieldnames or [])}
        if "kode" not in fields or not ({"nomenklatur", "nama", "uraian"} & set(fields)):
            raise NomenklaturTidakTerbaca("CSV harus mempunyai kolom kode dan nomenklatur")
        fn = fields.get("nomenklatur") or fields.get("nama") or fields["uraian"]
        for r in reader:
            kode = _bersih(r[fields["kode"]])
            if not kode:
                continue
            segs = kode.split(".")
            level = LEVELS.get(len(segs))
            if level is None:
                continue
            if level == "sub_kegiatan":
                segs[5] = segs[5].zfill(4)
                kode = ".".join(segs)
            out[kode] = Entri(kode, level, _bersih(r.get(fn)), _bersih(r.get(fields.get("kinerja", ""), "")),
                              _bersih(r.get(fields.get("indikator", ""), "")), _bersih(r.get(fields.get("satuan", ""), "")))
    return out


def _parse(path: Path) -> dict[str, Entri]:
    ext = path.suffix.lower()
    if ext == ".csv":
        return _dari_csv(path)
    if ext in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            wb = CalamineWorkbook.from_path(str(path))
            best: dict[str, Entri] = {}
            for name in wb.sheet_names:
                try:
                    found = _dari_tabel(wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
                except NomenklaturTidakTerbaca:
                    continue
                if len(found) > len(best):
                    best = found
        except CalamineError as exc:
            raise NomenklaturTidakTerbaca(f"berkas tidak dapat dibaca: {exc}") from exc
        if not best:
            raise NomenklaturTidakTerbaca("tidak ada sheet lampiran nomenklatur (kolom URUSAN … SATUAN)")
        return best
    raise NomenklaturTidakTerbaca(f"format '{ext}' tidak didukung (.xlsx atau .csv)")


def muat_nomenklatur(path: str | Path, cache: bool = True) -> Nomenklatur:
    """Load a nomenclature file (cached by content hash)."""
    p = Path(path)
    if not p.is_file():
        raise NomenklaturTidakTerbaca(f"berkas nomenklatur tidak ditemukan: {path}")
    sidik = _sidik(p)
    cfile = folder_cache() / f"nomenklatur-{sidik[:24]}-v{_FORMAT}-{_versi_kamus()}.pickle"
    if cache and cfile.is_file():
        try:
            with cfile.open("rb") as fh:
                data = pickle.load(fh)
            n = Nomenklatur(str(p), sidik, {r[0]: Entri(*r) for r in data["entri"]})
            n._pasangan = set(data["pasangan"])
            return n
        except Exception:  # a damaged cache is only a slower run
            pass
    entri = _parse(p)
    n = Nomenklatur(str(p), sidik, entri)
    n._pasangan = hitung_pasangan(entri.values())
    if cache:
        _simpan(cfile, {"entri": [(e.kode, e.level, e.nama, e.kinerja, e.indikator, e.satuan) for e in entri.values()],
                        "pasangan": sorted(n._pasangan)})
    return n


def path_dari_konfigurasi(cfg: Any) -> Path | None:
    """Which nomenclature file: ``nomenklatur = "…"`` of the configuration (relative to its file;
    ``--nomenklatur`` has already been put there), else the ``RENJA_XL_NOMENKLATUR`` environment
    variable, else None."""
    if cfg.nomenklatur:
        return cfg.path_nomenklatur()
    env = os.environ.get(ENV_NOMENKLATUR, "").strip()
    return Path(env) if env else None


def muat_dari_konfigurasi(cfg: Any) -> Nomenklatur | None:
    """The nomenclature a configuration names (:func:`path_dari_konfigurasi`), or None when none is
    named. Every caller — the CLI, a batch worker, the Excel button, the worksheet functions —
    loads it here. Raises :class:`NomenklaturTidakTerbaca` when the file cannot be read."""
    path = path_dari_konfigurasi(cfg)
    if path is None:
        return None
    try:
        return muat_nomenklatur(path)
    except OSError as exc:
        raise NomenklaturTidakTerbaca(f"{path}: {exc}") from exc


def _versi_kamus() -> str:
    """The unit dictionary takes part in the cached (noun, unit) pairs: a change of it is a new cache."""
    from ..core.satuan import SATUAN

    return hashlib.sha256(repr(sorted(SATUAN.items())).encode()).hexdigest()[:8]


def _simpan(cfile: Path, rows: object) -> None:
    try:
        cfile.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".nomenklatur-", dir=cfile.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cfile)  # the cache file is always a regular file of ours
    except OSError:
        pass  # no writable cache folder: every run parses the file
