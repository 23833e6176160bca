"""The progress bar of a batch check."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

__all__ = ["Kemajuan"]


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
