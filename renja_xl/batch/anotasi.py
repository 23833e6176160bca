"""Annotated copies, made in the same guarded child as any reading of a submission (openpyxl loads
the whole workbook: time and memory limits apply). Used for the single input of an Excel recap and
for every submission of ``--per-kiriman``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from ..checker import Batas, Masukan
from ..core.config import Konfigurasi
from .keluaran import tujuan

__all__ = ["tulis_anotasi_terjaga"]


class _AnotasiGagal(Exception):
    pass


def _anotasi_ke_fd(src: Path, berkas: Any, fd: int, lang: str) -> None:
    """In the guarded child: write the annotated copy to the parent's temporary file."""
    from ..reports.anotasi import tulis_anotasi

    with os.fdopen(os.dup(fd), "wb") as fh:
        tulis_anotasi(src, berkas, fh, lang)


def tulis_anotasi_terjaga(src: Path, berkas: Any, out: Path, cfg: Konfigurasi,
                          inputs: list[Masukan] | None = None) -> bool:
    """Write the annotated copy of ``src`` to ``out`` (never over one of ``inputs``). When it cannot
    be made, stderr says why and False is returned; the caller's report stands and the exit status
    stays the findings'."""
    from ..readers import BerkasTidakTerbaca
    from ..readers.jaga import panggil

    batas = Batas.dari(cfg)
    try:
        with tujuan(str(out), inputs if inputs is not None else [Masukan(str(src), src)], binary=True) as fh:
            fh.flush()
            try:
                panggil(_anotasi_ke_fd, src, berkas, fh.fileno(), cfg.lang, batas=batas)
            except BerkasTidakTerbaca as exc:
                raise _AnotasiGagal(exc.reason if cfg.lang == "en" else exc.alasan) from None
    except _AnotasiGagal as exc:
        from ..reports.layar import layar

        head = "annotated copy not written" if cfg.lang == "en" else "salinan beranotasi tidak dibuat"
        print(f"renja-xl: {head} ({layar(str(src))}): {layar(exc)}", file=sys.stderr)
        return False
    return True
