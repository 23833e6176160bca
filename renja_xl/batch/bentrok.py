"""Identity conflicts between the submissions of one batch (rule E007), said on the later one.

Files reach the reports one at a time, in input order, so a conflict is reported on the
submission that comes second: "the same content as X" for byte-identical files (a file sent twice,
or copied for another office), else "the same identity as X" (pemda, office, year, document).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from ..checker import Masukan, tambah_temuan_berkas
from ..core.config import Konfigurasi
from ..core.identitas import kunci_kiriman

__all__ = ["Bentrok", "sidik_berkas"]


def sidik_berkas(path: Path | None) -> str | None:
    """The sha256 of a regular file's bytes, or None (not a regular file, cannot be read). Opened
    without blocking: a FIFO named .xlsx must not hang the parent (its worker is the one that waits,
    under the time limit)."""
    if path is None:
        return None
    import hashlib

    h = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return h.hexdigest()


class Bentrok:
    """Remembers what came before in this batch; :meth:`periksa` adds E007 to a file that repeats it."""

    def __init__(self, cfg: Konfigurasi):
        self.cfg = cfg
        self._isi: dict[str, str] = {}  # sha256 → the first path with that content
        self._identitas: dict[tuple[str, ...], str] = {}  # identity → the first path with it

    def lapor(self, b: Any, alasan: str, reason: str) -> None:
        """Add one E007 finding to ``b`` (when E007 is selected and not silenced). The submission's own
        Pengecualian claims (``b.klaim``) apply to it as to its other findings: marked, or honoured
        when the reviewer trusts the submission."""
        from ..core.config import Pengecualian

        klaim = [Pengecualian(rule=k["rule"], alasan=k["alasan"], kode=k.get("kode"), sheet=k.get("sheet"))
                 for k in getattr(b, "klaim", None) or []]
        tambah_temuan_berkas(b, "E007", self.cfg, alasan, reason, klaim)

    def periksa(self, b: Any, m: Masukan | None) -> None:
        sidik = sidik_berkas(m.path) if m is not None and m.lembar is None else None
        if sidik is not None:
            first = self._isi.setdefault(sidik, b.path)
            if first != b.path:
                self.lapor(b, f"Isi berkas ini sama persis dengan {first} (terkirim dua kali, atau disalin?)",
                           f"This file's content is identical to {first} (sent twice, or copied?)")
                return
        key = kunci_kiriman(b.identitas)
        if key is None:
            return
        first = self._identitas.setdefault(key, b.path)
        if first != b.path:
            ident = b.identitas
            who = " · ".join(str(ident[k]) for k in ("pemda", "opd", "tahun", "dokumen") if ident.get(k))
            self.lapor(b, f"Identitas sama dengan kiriman lain dalam pemeriksaan ini: {first} ({who})",
                       f"Same identity as another submission of this check: {first} ({who})")
