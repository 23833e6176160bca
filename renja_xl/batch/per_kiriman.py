"""``renja-xl check kiriman/ --per-kiriman DIR``: each submission's feedback in its own folder.

``DIR/<pemda>/<perangkat daerah>/`` gets, for every submission, its annotated copy (``<name>_anotasi
.xlsx``, made in the guarded child like any reading of a submission; never the input, which is not
touched) and a one-page summary (``<name>_ringkasan.txt``),
ready to send back to that office; ``DIR/rekap.xlsx`` is the recap over all of them. Folder and file
names come from the submission's identity, made safe for every file system.
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path, PurePosixPath
from typing import Any

from ..checker import Masukan
from ..core.config import Konfigurasi
from ..core.errors import GagalJalan
from .keluaran import tujuan

__all__ = ["PerKiriman", "nama_aman"]

_TIDAK_AMAN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_CADANGAN = {"id": ("(pemda tidak dikenali)", "(perangkat daerah tidak dikenali)"),
             "en": ("(pemda not identified)", "(office not identified)")}
_WINDOWS = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def nama_aman(text: str, cadangan: str = "_", maks: int = 80) -> str:
    """A folder or file name that every file system takes: no separators, control characters or
    characters Windows refuses, no trailing dot or space, not a reserved device name."""
    s = _TIDAK_AMAN.sub("_", text).strip(" .")
    s = re.sub(r"\s+", " ", s)[:maks].strip(" .")
    if not s or s.upper().split(".")[0] in _WINDOWS:
        s = cadangan + s if s else cadangan
    return s


class PerKiriman:
    """Writes the feedback of each checked file as it arrives, and the recap at the end."""

    def __init__(self, folder: Path, inputs: list[Masukan], stack: ExitStack, cfg: Konfigurasi,
                 putaran: bool = False, konfigurasi: dict[str, Any] | None = None):
        """``stack``: the caller's ExitStack, which closes the recap file (removed when the run fails);
        ``konfigurasi``: what the recap says about the configuration used."""
        from ..reports.excel import TulisExcel

        self.folder = folder
        self.inputs = inputs
        self.cfg = cfg
        self.lang = lang = cfg.lang
        self.n_kiriman = 0
        self.n_anotasi = 0
        self._dipakai: set[Path] = set()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GagalJalan(f"tidak dapat membuat folder {folder}: {exc}") from exc
        out = stack.enter_context(tujuan(str(folder / "rekap.xlsx"), inputs, binary=True))
        self.rekap = TulisExcel(out, lang, putaran=putaran, konfigurasi=konfigurasi)

    def _tempat(self, b: Any, m: Masukan | None) -> tuple[Path, str]:
        pemda_c, opd_c = _CADANGAN.get(self.lang, _CADANGAN["id"])
        ident = b.identitas or {}
        d = self.folder / nama_aman(str(ident.get("pemda") or pemda_c)) / nama_aman(str(ident.get("opd") or opd_c))
        base = PurePosixPath(re.split(r"[!/\\]", b.path)[-1]).stem or "berkas"
        stem = nama_aman(base, "berkas")
        n = 1
        while (d / stem) in self._dipakai:  # two submissions of one office with one file name
            n += 1
            stem = f"{nama_aman(base, 'berkas')}-{n}"
        self._dipakai.add(d / stem)
        return d, stem

    def berkas(self, b: Any, m: Masukan | None) -> None:
        from ..reports.anotasi import DAPAT_DIANOTASI
        from ..reports.umpan_balik import tulis_umpan_balik
        from .anotasi import tulis_anotasi_terjaga

        self.rekap.berkas(b)
        d, stem = self._tempat(b, m)
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GagalJalan(f"tidak dapat membuat folder {d}: {exc}") from exc
        nama_anotasi = None
        src = m.path if m is not None else None
        if b.status == "checked" and src is not None and src.suffix.lower() in DAPAT_DIANOTASI:
            target = d / f"{stem}_anotasi.xlsx"  # always .xlsx: macros are not kept (reports/anotasi.py)
            if tulis_anotasi_terjaga(src, b, target, self.cfg, self.inputs):
                nama_anotasi = target.name
                self.n_anotasi += 1
        with tujuan(str(d / f"{stem}_ringkasan.txt"), self.inputs) as fh:
            fh.write("\ufeff")  # Notepad on older Windows reads UTF-8 only with its mark
            tulis_umpan_balik(b, fh, self.lang, nama_anotasi)
        self.n_kiriman += 1

    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        self.rekap.akhiri(tidak_dikirim_ulang)
