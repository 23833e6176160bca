"""Running ``renja-xl check`` over many inputs: collecting files, checking them, writing the report.

Files (given, found in folders, unpacked from zips: :mod:`.masukan`) are checked in worker
processes (:mod:`.kolam`) and handed to the report writer one at a time, in input order, so a batch
of thousands of files streams through. With ``--baseline`` each file is compared with the previous
round (:mod:`.putaran`) before it is written.

The CLI turns its arguments into a :class:`PermintaanCheck` and a configuration; nothing here sees
the command line.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..checker import Batas, Masukan
from ..core.config import Konfigurasi
from ..core.errors import GagalJalan
from .keluaran import pastikan_bukan_masukan, tujuan
from .kemajuan import Kemajuan
from .masukan import kumpulkan

__all__ = ["PermintaanCheck", "jalankan_check", "FORMAT"]

FORMAT = ("text", "json", "excel", "html")


@dataclass(frozen=True, slots=True)
class PermintaanCheck:
    """What ``renja-xl check`` was asked to do (the rule selection, language, nomenclature and
    limits are in the :class:`~renja_xl.core.config.Konfigurasi` that travels with it)."""

    paths: tuple[str, ...]
    format: str = "text"
    output: str | None = None  # None or "-": stdout
    jobs: int | None = None  # worker processes; None: one per core
    baseline: str | None = None  # the previous round's JSON report
    warna: bool | None = None  # colour in the text report: None = when the terminal supports it
    kemajuan: bool | None = None  # the progress bar: None = when stderr is a terminal

    @property
    def ke_layar(self) -> bool:
        return self.output is None or self.output == "-"


def _penulis(req: PermintaanCheck, out: IO[Any], cfg: Konfigurasi, putaran: bool, konf: dict[str, Any]) -> Any:
    if req.format == "json":
        from ..reports.json_report import TulisJson

        return TulisJson(out, putaran=putaran, lang=cfg.lang, konfigurasi=konf)
    if req.format == "excel":
        from ..reports.excel import TulisExcel

        return TulisExcel(out, cfg.lang, putaran=putaran, konfigurasi=konf)
    if req.format == "html":
        from ..reports.html import TulisHtml

        return TulisHtml(out, cfg.lang, putaran=putaran, judul=", ".join(req.paths), konfigurasi=konf)
    from ..reports.text import TulisTeks

    return TulisTeks(out, cfg.lang, warna=req.warna, putaran=putaran, konfigurasi=konf)


def info_konfigurasi(cfg: Konfigurasi, diabaikan: list[str]) -> dict[str, Any]:
    """What every report says about the configuration: the file used (None: the defaults) and its
    sha256, the configuration files found among the inputs (never loaded), and whether the
    submissions' own Pengecualian sheets were trusted."""
    from ..core.config import sidik_konfigurasi

    return {**sidik_konfigurasi(cfg), "diabaikan": list(diabaikan), "percayai_pengecualian": cfg.percayai_pengecualian}


def _path_anotasi(req: PermintaanCheck, m: Masukan) -> Path | None:
    """Where the annotated copy of the single input ``m`` goes (``rekap.xlsx`` →
    ``rekap_anotasi.xlsx``), or None: not an .xlsx/.xlsm (said on stderr), or the report is a device."""
    from ..reports.anotasi import DAPAT_DIANOTASI

    report = Path(str(req.output))
    ext = m.path.suffix.lower() if m.path is not None else ""
    if ext not in DAPAT_DIANOTASI:
        from ..reports.layar import layar

        print(f"renja-xl: salinan beranotasi hanya dibuat untuk .xlsx/.xlsm; {layar(m.tampil)} dilewati", file=sys.stderr)
        return None
    if report.exists() and not report.is_file():
        return None
    return report.with_name(f"{report.stem}_anotasi.xlsx")  # always .xlsx: no macros (reports/anotasi.py)


class _AnotasiGagal(Exception):
    pass


def _anotasi_ke_fd(src: Path, berkas: Any, fd: int, lang: str) -> None:
    """In the guarded child: write the annotated copy to the parent's temporary file."""
    from ..reports.anotasi import tulis_anotasi

    with os.fdopen(os.dup(fd), "wb") as fh:
        tulis_anotasi(src, berkas, fh, lang)


def _tulis_anotasi(src: Path, berkas: Any, out: Path, cfg: Konfigurasi) -> None:
    """The annotated copy, made in the same guarded child as any reading of a submission (openpyxl
    loads the whole workbook: time and memory limits apply). When it cannot be made, the recap stands
    and stderr says why; the exit status stays the findings'."""
    from ..readers import BerkasTidakTerbaca
    from ..readers.jaga import panggil

    batas = Batas.dari(cfg)
    try:
        with tujuan(str(out), [Masukan(str(src), src)], binary=True) as fh:
            fh.flush()
            try:
                panggil(_anotasi_ke_fd, src, berkas, fh.fileno(), cfg.lang, batas=batas)
            except BerkasTidakTerbaca as exc:
                raise _AnotasiGagal(exc.reason if cfg.lang == "en" else exc.alasan) from None
    except _AnotasiGagal as exc:
        from ..reports.layar import layar

        head = "annotated copy not written" if cfg.lang == "en" else "salinan beranotasi tidak dibuat"
        print(f"renja-xl: {head}: {layar(exc)}", file=sys.stderr)


def jalankan_check(req: PermintaanCheck, cfg: Konfigurasi, konfigurasi_diabaikan: list[str] | tuple[str, ...] = ()) -> int:
    """Check every input of ``req`` and write the report; returns the exit status.
    ``konfigurasi_diabaikan``: configuration files the CLI found but did not load (inside a checked
    folder); those found inside the inputs (folders, zips) are added here. Every report names them."""
    from .kolam import jumlah_inti, periksa_semua

    jobs = req.jobs if req.jobs is not None else jumlah_inti()
    if jobs < 1:
        raise GagalJalan("--jobs harus 1 atau lebih")
    if req.format == "excel" and req.ke_layar:
        raise GagalJalan("--format excel perlu -o LAPORAN.xlsx")
    putaran = None
    if req.baseline:
        from .putaran import BaselineTidakValid, Putaran

        try:
            putaran = Putaran(req.baseline)
        except BaselineTidakValid as exc:
            raise GagalJalan(f"--baseline: {exc}") from exc
    from ..nomenklatur import NomenklaturTidakTerbaca, muat_dari_konfigurasi

    try:
        nomenklatur = muat_dari_konfigurasi(cfg)  # loaded once, before the workers start
    except NomenklaturTidakTerbaca as exc:
        raise GagalJalan(f"nomenklatur tidak dapat dibaca: {exc}") from exc
    batas = Batas.dari(cfg)
    with kumpulkan(list(req.paths), batas.ukuran) as inputs:
        if not inputs:
            raise GagalJalan("tidak ada berkas spreadsheet yang ditemukan di " + ", ".join(req.paths))
        anotasi = None
        if req.format == "excel" and len(inputs) == 1:
            anotasi = _path_anotasi(req, inputs[0])
            if anotasi is not None:
                pastikan_bukan_masukan(anotasi, inputs)
        kemajuan = Kemajuan(len(inputs), cfg.lang, aktif=req.kemajuan)
        tunggal = None
        with tujuan(req.output, inputs, binary=req.format == "excel") as out:
            konf = info_konfigurasi(cfg, [*konfigurasi_diabaikan, *getattr(inputs, "konfigurasi", [])])
            w = _penulis(req, out, cfg, putaran is not None, konf)
            layar = out is sys.stdout
            for b in periksa_semua(inputs, cfg, jobs, nomenklatur, batas, kemajuan.tambah):
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
            w.akhiri(putaran.tidak_dikirim_ulang() if putaran is not None else None)
        if anotasi is not None and tunggal is not None and tunggal.status == "checked":
            _tulis_anotasi(inputs[0].path, tunggal, anotasi, cfg)
    return w.totals.exit_code
