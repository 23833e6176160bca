"""Running ``renja-xl check`` over many inputs: collecting files, checking them, writing the report.

Files (given, found in folders, unpacked from zips: :mod:`.masukan`) are checked in worker
processes (:mod:`.kolam`) and handed to the report writer one at a time, in input order, so a batch
of thousands of files streams through. With ``--baseline`` each file is compared with the previous
round (:mod:`.putaran`) before it is written.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TextIO

from .core.config import Konfigurasi
from .masukan import Masukan, kumpulkan

__all__ = ["Masukan", "kumpulkan", "jalankan_check", "tujuan", "Kemajuan"]


@contextmanager
def tujuan(output: str | None, inputs: list[Masukan], binary: bool = False) -> Iterator[IO[Any]]:
    """Where the report goes: stdout, or a new file written atomically (never one of the inputs)."""
    if output is None or output == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    from .cli import GagalJalan

    out = Path(output)
    if out.exists() and not out.is_file() and not out.is_dir():
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): write to it as it is, never replace it
        with (out.open("wb") if binary else out.open("w", encoding="utf-8", newline="\n")) as fh:
            yield fh
        return
    try:
        pastikan_bukan_masukan(out, inputs)
        if out.is_dir():
            raise GagalJalan(f"keluaran adalah folder: {output}")
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.exists():
            raise GagalJalan(f"folder keluaran tidak ada: {parent}")
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
    except OSError as exc:
        raise GagalJalan(f"tidak dapat menulis {output}: {exc}") from exc
    ok = False
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as fh:
            yield fh
        ok = True
    finally:
        if ok:
            os.replace(tmp, out)
        else:
            Path(tmp).unlink(missing_ok=True)


def pastikan_bukan_masukan(out: Path, inputs: list[Masukan]) -> None:
    """Refuse to write a report (or an annotated copy) over one of the checked files."""
    from .cli import GagalJalan

    target = out.resolve()
    if any(m.path.exists() and m.path.resolve() == target for m in inputs):
        raise GagalJalan(f"laporan tidak boleh menimpa berkas masukan: {out}")


class Kemajuan:
    """A one-line progress bar on stderr: files done, errors so far, time left. Quiet unless
    stderr is a terminal (and not with --no-progress)."""

    def __init__(self, total: int, lang: str = "id", aktif: bool | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total = total
        self.lang = lang
        if aktif is None:
            aktif = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.aktif = aktif and total > 1
        self.done = 0
        self.galat = 0
        self.rusak = 0
        self.t0 = time.monotonic()
        self._last = 0.0
        self._shown = False

    def tambah(self, b: Any) -> None:
        self.done += 1
        self.galat += sum(1 for t in b.findings if t.severity == "error")
        self.rusak += b.status == "unreadable"
        if self.aktif and (time.monotonic() - self._last > 0.1 or self.done == self.total):
            self.gambar()

    def baris(self) -> str:
        n, total = self.done, self.total
        width = 24
        fill = int(width * n / total) if total else width
        bar = "█" * fill + "░" * (width - fill)
        elapsed = time.monotonic() - self.t0
        left = ""
        if 0 < n < total:
            s = int(elapsed / n * (total - n))
            left = f" · {'sisa' if self.lang == 'id' else 'ETA'} {s // 60:d}:{s % 60:02d}"
        if self.lang == "en":
            return f"{bar} {n}/{total} files · {self.galat} errors · {self.rusak} unreadable{left}"
        return f"{bar} {n}/{total} berkas · {self.galat} galat · {self.rusak} tak terbaca{left}"

    def gambar(self) -> None:
        if not self.aktif:
            return
        self._last = time.monotonic()
        self.stream.write("\r" + self.baris() + "\033[K")
        self.stream.flush()
        self._shown = True

    def hapus(self) -> None:
        if self.aktif and self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False


def _penulis(fmt: str, out: IO[Any], args: Any, cfg: Konfigurasi, putaran: bool) -> Any:
    if fmt == "json":
        from .reports.json_report import TulisJson

        return TulisJson(out, putaran=putaran, lang=cfg.lang)
    if fmt == "excel":
        from .reports.excel import TulisExcel

        return TulisExcel(out, cfg.lang, putaran=putaran)
    if fmt == "html":
        from .reports.html import TulisHtml

        return TulisHtml(out, cfg.lang, putaran=putaran, judul=", ".join(args.paths))
    from .reports.text import TulisTeks

    return TulisTeks(out, cfg.lang, warna=False if (args.no_color or args.output) else None, putaran=putaran)


def jalankan_check(args: Any, cfg: Konfigurasi) -> int:
    from .cli import GagalJalan
    from .kolam import jumlah_inti, periksa_semua

    fmt = args.format or "text"
    cfg = cfg.dengan(batas_waktu=args.batas_waktu, batas_ukuran=args.batas_ukuran,
                     batas_memori=getattr(args, "batas_memori", None))
    jobs = args.jobs if args.jobs is not None else jumlah_inti()
    if jobs < 1:
        raise GagalJalan("--jobs harus 1 atau lebih")
    if fmt == "excel" and (args.output is None or args.output == "-"):
        raise GagalJalan("--format excel perlu -o LAPORAN.xlsx")
    putaran = None
    if args.baseline:
        from .putaran import BaselineTidakValid, Putaran

        try:
            putaran = Putaran(args.baseline)
        except BaselineTidakValid as exc:
            raise GagalJalan(f"--baseline: {exc}") from exc
    from .cli import muat_nomenklatur_cfg
    from .kolam import pakai_nomenklatur

    pakai_nomenklatur(cfg, muat_nomenklatur_cfg(cfg))  # loaded once, before the workers start
    with kumpulkan(args.paths, cfg.batas_ukuran) as inputs:
        if not inputs:
            raise GagalJalan("tidak ada berkas spreadsheet yang ditemukan di " + ", ".join(args.paths))
        anotasi = None
        if fmt == "excel" and len(inputs) == 1:
            from .reports.anotasi import path_anotasi

            anotasi = path_anotasi(Path(args.output), inputs[0])
            if anotasi is not None:
                pastikan_bukan_masukan(anotasi, inputs)
        kemajuan = Kemajuan(len(inputs), cfg.lang, aktif=False if args.no_progress else None)
        tunggal = None
        with tujuan(args.output, inputs, binary=fmt == "excel") as out:
            w = _penulis(fmt, out, args, cfg, putaran is not None)
            layar = out is sys.stdout
            for b in periksa_semua(inputs, cfg, jobs, kemajuan.tambah):
                if putaran is not None:
                    putaran.tandai(b)
                if layar:
                    kemajuan.hapus()
                w.berkas(b)
                if layar:
                    out.flush()
                    kemajuan.gambar()
                if anotasi is not None:
                    tunggal = b
            kemajuan.hapus()
            w.selesai(putaran.tidak_dikirim_ulang() if putaran is not None else None)
        if anotasi is not None and tunggal is not None and tunggal.status == "checked":
            from .reports.anotasi import tulis_anotasi

            tulis_anotasi(inputs[0].path, tunggal, anotasi, cfg.lang)
    return w.ringkasan.exit_code
