"""Load the nomenclature from the file a user names, with a cache keyed by the file's hash.

Two shapes are read:

- the lampiran as offices have it: an ``.xlsx`` (or ``.xls``/``.ods``) whose code parts are in
  separate columns (URUSAN, BIDANG, PROGRAM, KEGIATAN, SUB KEGIATAN — numbers that lost their zeros,
  ``X``/``XX`` for the generic programme) and whose texts carry PDF whitespace;
- a flat ``.csv`` with a ``kode`` column (``U.BB.PP.K.KK.SSSS``) and ``nomenklatur``, ``indikator``,
  ``satuan`` … columns.

The file is opened through the same guard as a submission (:mod:`renja_xl.readers.jaga`: size, time and
memory limits in a child process), since a nomenclature file may come from anyone: one cell at
XFD1048576 is an error message, not an abort. A CSV may be UTF-8 (with or without BOM), UTF-16 (Excel's
"Unicode text") or Windows-1252/Latin-1 (Excel's "CSV" on an Indonesian Windows); a field longer
than :data:`BATAS_KOLOM` characters or a file past the limits is refused with a readable message.

Parsing the xlsx takes a noticeable part of a second; the parsed form is cached as JSON (plain
lists of strings, checked on load: loading it can never run code, and an entry that is damaged or
not ours is ignored) under ``$RENJA_XL_CACHE`` or ``~/.cache/renja-xl``, so a repeated run loads
it in a few ms.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path
from typing import Any

from ..core.kode import LEVELS
from .data import Entri, Nomenklatur, hitung_pasangan

__all__ = ["muat_nomenklatur", "muat_dari_konfigurasi", "path_dari_konfigurasi", "NomenklaturTidakTerbaca",
           "folder_cache", "ENV_NOMENKLATUR"]

ENV_NOMENKLATUR = "RENJA_XL_NOMENKLATUR"  # the nomenclature file when no configuration names one

_FORMAT = 4  # bump when the cached shape changes (4: JSON instead of pickle)
BATAS_KOLOM = 100_000  # characters in one CSV field (the longest real one is a few hundred)
BATAS_CACHE = 64 * 1024 * 1024  # bytes of a cache file we are willing to read
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


def _teks_csv(path: Path) -> tuple[str, str]:
    """The CSV's text and the encoding it was read with."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _dari_csv(path: Path) -> dict[str, Entri]:
    out: dict[str, Entri] = {}
    try:
        text, _enc = _teks_csv(path)
    except UnicodeDecodeError as exc:
        raise NomenklaturTidakTerbaca(f"CSV tidak dapat dibaca sebagai teks ({exc.reason})") from exc
    if "\0" in text:
        raise NomenklaturTidakTerbaca("berkas bukan CSV teks (berisi byte nol)")
    old = csv.field_size_limit(BATAS_KOLOM)
    try:
        return _baris_csv(io.StringIO(text, newline=""), out)
    except csv.Error as exc:
        if "field larger" in str(exc):
            n = f"{BATAS_KOLOM:,}".replace(",", ".")
            raise NomenklaturTidakTerbaca(f"ada kolom CSV lebih dari {n} karakter; periksa tanda kutip yang tidak "
                                          "ditutup") from exc
        raise NomenklaturTidakTerbaca(f"CSV rusak: {exc}") from exc
    finally:
        csv.field_size_limit(old)


def _baris_csv(fh: Any, out: dict[str, Entri]) -> dict[str, Entri]:
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


def _parse_terjaga(path: Path, batas: Any = None) -> dict[str, Entri]:
    """:func:`_parse` in the guarded child (size, time, memory limits)."""
    from ..readers.jaga import Batas, panggil, periksa_masukan
    from ..readers import BerkasTidakTerbaca

    batas = batas or Batas()
    try:
        periksa_masukan(path, batas)
        return panggil(_parse, path, batas=batas, lolos=(NomenklaturTidakTerbaca,))
    except BerkasTidakTerbaca as exc:
        raise NomenklaturTidakTerbaca(exc.alasan) from None


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


def _dari_cache(cfile: Path, sidik: str, versi: str) -> tuple[dict[str, Entri], set[tuple[str, str]]] | None:
    """The cached entries, or None when the file is missing, damaged, too large or not ours."""
    try:
        if not cfile.is_file() or cfile.stat().st_size > BATAS_CACHE:
            return None
        data = json.loads(cfile.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("sidik") != sidik \
            or data.get("kamus") != versi:
        return None
    rows, pairs = data.get("entri"), data.get("pasangan")
    if not isinstance(rows, list) or not isinstance(pairs, list):
        return None
    entri: dict[str, Entri] = {}
    for r in rows:
        if not (isinstance(r, list) and len(r) == 6 and all(isinstance(x, str) for x in r)) or r[1] not in LEVELS.values():
            return None
        entri[r[0]] = Entri(*r)
    pasangan: set[tuple[str, str]] = set()
    for q in pairs:
        if not (isinstance(q, list) and len(q) == 2 and all(isinstance(x, str) for x in q)):
            return None
        pasangan.add((q[0], q[1]))
    return entri, pasangan


def muat_nomenklatur(path: str | Path, cache: bool = True, batas: Any = None) -> Nomenklatur:
    """Load a nomenclature file (cached by content hash); ``batas`` (:class:`renja_xl.readers.jaga.Batas`)
    limits the reading as for a submission."""
    p = Path(path)
    if not p.is_file():
        if p.exists():
            raise NomenklaturTidakTerbaca(f"bukan berkas biasa: {path}")
        raise NomenklaturTidakTerbaca(f"berkas nomenklatur tidak ditemukan: {path}")
    try:
        sidik = _sidik(p)
    except OSError as exc:
        raise NomenklaturTidakTerbaca(f"berkas nomenklatur tidak dapat dibaca: {exc}") from exc
    versi = _versi_kamus()
    cfile = folder_cache() / f"nomenklatur-{sidik[:24]}-v{_FORMAT}-{versi}.json"
    if cache:
        got = _dari_cache(cfile, sidik, versi)
        if got is not None:
            n = Nomenklatur(str(p), sidik, got[0])
            n._pasangan = got[1]
            return n
    entri = _parse_terjaga(p, batas)
    n = Nomenklatur(str(p), sidik, entri)
    n._pasangan = hitung_pasangan(entri.values())
    if cache:
        _simpan(cfile, {"format": _FORMAT, "sidik": sidik, "kamus": versi,
                        "entri": [[e.kode, e.level, e.nama, e.kinerja, e.indikator, e.satuan] for e in entri.values()],
                        "pasangan": [list(q) for q in sorted(n._pasangan)]})
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
        import tempfile  # only when the parsed lampiran is written to the cache (7 ms of every start otherwise)

        fd, tmp = tempfile.mkstemp(prefix=".nomenklatur-", dir=cfile.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, cfile)  # the cache file is always a regular file of ours
    except OSError:
        pass  # no writable cache folder: every run parses the file
