"""Running ``renja-xl check`` over many inputs: collecting files, checking them, writing the report.

Files (given, found in folders, unpacked from zips: :mod:`.masukan`) are checked in worker
processes (:mod:`.kolam`) and handed to the report writer one at a time, in input order, so a batch
of thousands of files streams through. With ``--baseline`` each file is compared with the previous
round (:mod:`.putaran`) before it is written.

The CLI turns its arguments into a :class:`PermintaanCheck` and a configuration; nothing here sees
the command line.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..checker import Batas, Masukan
from ..core.config import Konfigurasi
from ..core.errors import GagalJalan
from .keluaran import pastikan_bukan_masukan, tujuan
from .bentrok import Bentrok
from .kemajuan import Kemajuan
from .masukan import kumpulkan

__all__ = ["PermintaanCheck", "HasilJalan", "jalankan_check", "jalankan_ringkasan", "saring_tingkat", "FORMAT"]

FORMAT = ("text", "json", "excel", "html")


_URUT_TINGKAT = {"error": 0, "warning": 1, "info": 2}


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
    bentuk: str = "lengkap"  # text report: lengkap (every finding), ringkas (--quiet), statistik (--statistics)
    tingkat: str = "info"  # the lowest severity reported (--tingkat)
    per_kiriman: str | None = None  # a folder for each submission's feedback (--per-kiriman)
    cache: bool = True  # reuse the results of unchanged files (batch.cache); False: --tanpa-cache

    @property
    def ke_layar(self) -> bool:
        return self.output is None or self.output == "-"


@dataclass(slots=True)
class HasilJalan:
    """What a run did: its exit status, the totals of its report, and what it wrote where."""

    exit_code: int
    totals: Any
    laporan: str | None = None  # the report file (None: stdout)
    anotasi: str | None = None  # the annotated copy of a single input
    per_kiriman: str | None = None  # the feedback folder
    n_kiriman: int = 0  # submissions given a feedback folder
    n_anotasi: int = 0  # annotated copies written there
    dilewati: list[str] = field(default_factory=list)  # files found but left out (lock files, not spreadsheets)


def saring_tingkat(b: Any, tingkat: str) -> None:
    """Keep the findings at ``tingkat`` or more severe (``--tingkat galat``: errors only)."""
    batas = _URUT_TINGKAT[tingkat]
    if batas < 2:
        b.findings = [t for t in b.findings if _URUT_TINGKAT[t.severity] <= batas]
        b.selesai = [t for t in b.selesai if _URUT_TINGKAT[t.severity] <= batas]
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

    return TulisTeks(out, cfg.lang, warna=req.warna, putaran=putaran, bentuk=req.bentuk, konfigurasi=konf)


def info_konfigurasi(cfg: Konfigurasi, diabaikan: list[str], cache: bool | None = None) -> dict[str, Any]:
    """What every report says about the configuration: the file used (None: the defaults) and its
    sha256, the configuration files found among the inputs (never loaded), and whether the
    submissions' own Pengecualian sheets were trusted."""
    from ..core.config import sidik_konfigurasi

    out = {**sidik_konfigurasi(cfg), "diabaikan": list(diabaikan), "percayai_pengecualian": cfg.percayai_pengecualian}
    if cache is not None:
        out["cache"] = cache
    return out


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


def _batal_bila_gagal(writers: list[Any]) -> None:
    """Called as the run's files are closed: a writer that did not finish (Ctrl-C, an error) is
    told so while its temporary files are still open."""
    for w in writers:
        if w is not None and not getattr(w, "selesai_ditulis", False) and hasattr(w, "batal"):
            w.batal()


def _di_dalam(folder: Path, paths: tuple[str, ...]) -> str | None:
    """The input folder that ``folder`` is in (or is), if any."""
    target = folder.resolve()
    for p in paths:
        q = Path(p)
        if q.is_dir() and (target == q.resolve() or q.resolve() in target.parents):
            return p
    return None


def jalankan_check(req: PermintaanCheck, cfg: Konfigurasi,
                   konfigurasi_diabaikan: list[str] | tuple[str, ...] = ()) -> HasilJalan:
    """Check every input of ``req`` and write the report(s). ``konfigurasi_diabaikan``:
    configuration files the CLI found but did not load (inside a checked folder); those found
    inside the inputs (folders, zips) are added here. Every report names them."""
    from .kolam import jumlah_inti, periksa_semua

    jobs = req.jobs if req.jobs is not None else jumlah_inti()
    if jobs < 1:
        raise GagalJalan("--jobs harus 1 atau lebih")
    if req.format == "excel" and req.ke_layar:
        raise GagalJalan("--format excel perlu -o LAPORAN.xlsx")
    for p in req.paths:
        if not Path(p).exists():
            raise GagalJalan(f"tidak ditemukan: {p}")
    per_kiriman = None
    if req.per_kiriman:
        per_kiriman = Path(req.per_kiriman)
        inside = _di_dalam(per_kiriman, req.paths)
        if inside is not None:  # the next check of that folder would take our copies for submissions
            raise GagalJalan(f"--per-kiriman {req.per_kiriman} ada di dalam folder masukan {inside}; pilih folder lain")
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
    hasil = HasilJalan(0, None, None if req.ke_layar else req.output)
    with kumpulkan(list(req.paths), batas.ukuran) as inputs:
        if not inputs:
            lain = f" ({len(inputs.dilewati)} berkas lain dilewati)" if getattr(inputs, "dilewati", None) else ""
            raise GagalJalan("tidak ada berkas spreadsheet yang ditemukan di " + ", ".join(req.paths) + lain,
                             "no spreadsheet file found in " + ", ".join(req.paths)
                             + (f" ({len(inputs.dilewati)} other files left out)" if lain else ""))
        hasil.dilewati = list(getattr(inputs, "dilewati", []))
        anotasi = None
        if req.format == "excel" and len(inputs) == 1 and not per_kiriman:
            anotasi = _path_anotasi(req, inputs[0])
            if anotasi is not None:
                pastikan_bukan_masukan(anotasi, inputs)
        kemajuan = Kemajuan(len(inputs), cfg.lang, aktif=req.kemajuan)
        tunggal = None
        by_tampil = {m.tampil: m for m in inputs}
        konf = info_konfigurasi(cfg, [*konfigurasi_diabaikan, *getattr(inputs, "konfigurasi", [])], req.cache)
        with ExitStack() as stack:
            umpan = None
            if per_kiriman is not None:
                from .per_kiriman import PerKiriman

                umpan = PerKiriman(per_kiriman, inputs, stack, cfg, putaran is not None, konf)
            out = stack.enter_context(tujuan(req.output, inputs, binary=req.format == "excel"))
            w = _penulis(req, out, cfg, putaran is not None, konf)
            stack.callback(_batal_bila_gagal, [w, umpan.rekap if umpan is not None else None])
            layar = out is sys.stdout
            bentrok = Bentrok(cfg) if len(inputs) > 1 else None  # one input conflicts with nothing
            cache = None
            if req.cache:
                from .cache import CacheHasil

                cache = CacheHasil(cfg, nomenklatur)
            for b in periksa_semua(inputs, cfg, jobs, nomenklatur, batas, kemajuan.tambah, cache=cache):
                if bentrok is not None:
                    bentrok.periksa(b, by_tampil.get(b.path))
                if putaran is not None:
                    putaran.tandai(b, bentrok.lapor if bentrok is not None else Bentrok(cfg).lapor)
                saring_tingkat(b, req.tingkat)
                if layar:
                    kemajuan.hapus()
                w.berkas(b)
                if umpan is not None:
                    umpan.berkas(b, by_tampil.get(b.path))
                if layar:
                    out.flush()
                    kemajuan.gambar()
                if anotasi is not None:
                    tunggal = b
            kemajuan.hapus()
            lama = putaran.tidak_dikirim_ulang() if putaran is not None else None
            w.akhiri(lama)
            if umpan is not None:
                umpan.akhiri(lama)
        if anotasi is not None and tunggal is not None and tunggal.status == "checked":
            from .anotasi import tulis_anotasi_terjaga

            if tulis_anotasi_terjaga(inputs[0].path, tunggal, anotasi, cfg):
                hasil.anotasi = str(anotasi)
    hasil.exit_code = w.totals.exit_code
    hasil.totals = w.totals
    if umpan is not None:
        hasil.per_kiriman = str(per_kiriman)
        hasil.n_kiriman, hasil.n_anotasi = umpan.n_kiriman, umpan.n_anotasi
    return hasil


def jalankan_ringkasan(paths: tuple[str, ...], cfg: Konfigurasi, jobs: int | None = None,
                       kemajuan: bool | None = None, out: Any = None) -> int:
    """``renja-xl ringkasan``: the tables of every input (files, folders, zips), read through the
    same workers and limits as a check. Exit 1 when an input cannot be read, as check does."""
    from ..core.errors import EXIT_FINDINGS, EXIT_OK
    from ..reports.ringkasan import tulis_ringkasan, tulis_tak_terbaca
    from .kolam import jumlah_inti, periksa_semua

    out = out if out is not None else sys.stdout
    jobs = jobs if jobs is not None else jumlah_inti()
    if jobs < 1:
        raise GagalJalan("--jobs harus 1 atau lebih", "--jobs must be 1 or more")
    for p in paths:
        if not Path(p).exists():
            raise GagalJalan(f"tidak ditemukan: {p}", f"not found: {p}")
    cfg = cfg.dengan(select=["E"])  # the tables are what is shown; of the rules, only "is it readable"
    batas = Batas.dari(cfg)
    status = EXIT_OK
    with kumpulkan(list(paths), batas.ukuran) as inputs:
        if not inputs:
            raise GagalJalan("tidak ada berkas spreadsheet yang ditemukan di " + ", ".join(paths),
                             "no spreadsheet file found in " + ", ".join(paths))
        bar = Kemajuan(len(inputs), cfg.lang, aktif=kemajuan)
        for b in periksa_semua(inputs, cfg, jobs, None, batas, bar.tambah, simpan_baris=True):
            bar.hapus()
            if b.status == "unreadable":
                why = b.findings[0].message if b.findings else ""
                tulis_tak_terbaca(b.path, why, out, cfg.lang)
                status = EXIT_FINDINGS
            else:
                tulis_ringkasan(b.path, b.tables, b.sheets_seen, out, cfg.lang)
            out.flush()
            bar.gambar()
        bar.hapus()
    return status
