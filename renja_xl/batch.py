"""Running ``renja-xl check`` over many inputs: collecting files, checking them, writing the report."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .core.config import Konfigurasi
from .readers.workbook import EKSTENSI

__all__ = ["Masukan", "kumpulkan", "jalankan_check"]


@dataclass(frozen=True, slots=True)
class Masukan:
    """One input file: the path shown in reports and where to read it."""

    tampil: str
    path: Path


def kumpulkan(paths: list[str]) -> list[Masukan]:
    """Files to check: given files as they are, folders searched recursively (sorted, so the order
    is the same on every run). Temporary Office lock files (``~$x.xlsx``) are skipped."""
    out: list[Masukan] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*"), key=lambda x: str(x.relative_to(path)).lower()):
                if f.is_file() and f.suffix.lower() in EKSTENSI and not f.name.startswith("~$"):
                    out.append(Masukan(str(f), f))
        else:
            out.append(Masukan(p, path))
    return out


@contextmanager
def tujuan(output: str | None, inputs: list[Masukan], binary: bool = False) -> Iterator[TextIO]:
    """Where the report goes: stdout, or a new file written atomically (never one of the inputs)."""
    if output is None or output == "-":
        yield sys.stdout
        return
    from .cli import GagalJalan

    out = Path(output)
    if out.exists() and not out.is_file() and not out.is_dir():
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): write to it as it is, never replace it
        with out.open("w", encoding="utf-8", newline="\n") as fh:
            yield fh
        return
    try:
        target = out.resolve()
        if any(m.path.exists() and m.path.resolve() == target for m in inputs):
            raise GagalJalan(f"laporan tidak boleh menimpa berkas masukan: {output}")
        if out.is_dir():
            raise GagalJalan(f"keluaran adalah folder: {output}")
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.exists():
            raise GagalJalan(f"folder keluaran tidak ada: {parent}")
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
    except OSError as exc:
        raise GagalJalan(f"tidak dapat menulis {output}: {exc}") from exc
    ok = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        ok = True
    finally:
        if ok:
            os.replace(tmp, out)
        else:
            Path(tmp).unlink(missing_ok=True)


def jalankan_check(args, cfg: Konfigurasi) -> int:
    from .checker import periksa_berkas
    from .cli import GagalJalan, muat_nomenklatur_cfg

    fmt = args.format or "text"
    if fmt in ("excel", "html"):
        raise GagalJalan(f"format {fmt} belum tersedia pada versi ini")
    nomen = muat_nomenklatur_cfg(cfg)
    inputs = kumpulkan(args.paths)
    if not inputs:
        raise GagalJalan("tidak ada berkas spreadsheet yang ditemukan di " + ", ".join(args.paths))
    with tujuan(args.output, inputs) as out:
        if fmt == "json":
            from .reports.json_report import TulisJson

            w = TulisJson(out)
        else:
            from .reports.text import TulisTeks

            w = TulisTeks(out, cfg.lang, warna=False if (args.no_color or args.output) else None)
        for m in inputs:
            w.berkas(periksa_berkas(m.path, cfg, nomen, tampil=m.tampil))
        w.selesai()
    return w.ringkasan.exit_code
