"""The check of one workbook: read it, run the selected rules, apply accepted deviations, identify it.

This is the one place where reader, rules and configuration meet. Every caller — the CLI and the
batch workers (:mod:`renja_xl.batch.kolam`), the Excel button (:mod:`renja_xl.xl.validasi`), the
tests — goes through :func:`periksa_berkas`: the size limit, an unreadable or reader-breaking file
as one E001 finding (never an exception), the rules, the accepted deviations and the identity of
the submission. :func:`periksa_lembar` is the same call for grids already in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .core.alamat import kunci_urut
from .core.config import Konfigurasi
from .core.indikator import SifatIndikator
from .core.penilaian import nilai_evaluasi
from .core.identitas import baris_judul, bentrok_pemda, kenali_berkas
from .core.models import SEVERITY_ORDER, Berkas, Temuan
from .readers import BerkasTidakTerbaca, HasilBaca, Lembar, baca_berkas, baca_lembar
from .readers.jaga import Batas  # the one set of per-file limits (the guard and the worker pool apply it)
from .readers.klaim import SHEET_PENGECUALIAN, SHEET_SIFAT, pengecualian_lembar, sifat_lembar  # noqa: F401 - re-exported
from .rules import REGISTRY, muat_semua, pilih
from .rules.context import Konteks
from .rules.jalan import jalankan

__all__ = ["Masukan", "Batas", "periksa_berkas", "periksa_lembar", "periksa_hasil", "temuan_berkas_rusak",
           "berkas_tidak_terbaca", "tambah_temuan_berkas", "pengecualian_lembar", "sifat_lembar"]



@dataclass(frozen=True, slots=True)
class Masukan:
    """One input to check: the name shown in reports and where to read it — a file (``path``) or
    worksheet grids already in memory (``lembar``: the workbook open in Excel). ``galat`` holds the
    reason (Indonesian, English) when it is known to be unreadable before it is opened (a damaged zip)."""

    tampil: str
    path: Path | None = None
    galat: tuple[str, str] | None = None
    lembar: list[Lembar] | None = None


def urutkan(findings: list[Temuan], sheets: list[str]) -> list[Temuan]:
    """Deterministic order: file-level first, then by sheet order, row, column, rule."""
    order = {s: i for i, s in enumerate(sheets)}

    def key(t: Temuan) -> tuple:
        r, c = kunci_urut(t.cell)
        return (
            -1 if t.sheet is None else order.get(t.sheet, len(order)),
            t.row if t.row is not None else r,
            c,
            t.rule,
            SEVERITY_ORDER[t.severity],
            t.message,
        )

    return sorted(findings, key=key)


def periksa_hasil(hasil: HasilBaca, config: Konfigurasi | None = None, path: str = "",
                  nomenklatur: Any = None) -> Berkas:
    """Run the selected rules on what was read from one workbook."""
    config = config or Konfigurasi.bawaan()
    sifat = SifatIndikator(config.indikator)
    klaim = sifat_lembar(hasil.lembar)
    if klaim and getattr(config, "percayai_pengecualian", False):
        sifat.tambah(klaim, "kiriman")  # the reviewer trusts what the submission says of itself
    ctx = Konteks(hasil.tables, config, hasil.sheets, hasil.rumus_kosong, nomenklatur, lembar=hasil.lembar,
                  sifat=sifat, sifat_klaim=klaim)
    findings: list[Temuan] = jalankan(ctx, pilih(config.select, config.ignore))
    # the reviewer's deviations always apply; a Pengecualian sheet in the workbook is the sender's
    # claim, honoured only when trusted (core/pengecualian.py)
    from .core.pengecualian import terapkan

    findings, silenced, klaim_p = terapkan(findings, list(config.pengecualian), pengecualian_lembar(hasil.lembar),
                                           config.percayai_pengecualian)
    return Berkas(
        path=path,
        status="checked",
        tables=hasil.tables,
        findings=urutkan(findings, hasil.sheets),
        sheets_seen=hasil.sheets,
        silenced=silenced,
        klaim=klaim_p,
        capaian=nilai_evaluasi(hasil.tables, config.capaian, sifat),
    )


def temuan_berkas_rusak(exc: BerkasTidakTerbaca, config: Konfigurasi) -> Temuan:
    muat_semua()
    a = REGISTRY["E001"]
    ctx = Konteks([], config).untuk(a)
    alasan = exc.alasan[:1].upper() + exc.alasan[1:]
    reason = exc.reason[:1].upper() + exc.reason[1:]
    return ctx.temuan(None, None, None, alasan, reason)


def tambah_temuan_berkas(b: Berkas, kode: str, config: Konfigurasi, alasan: str, reason: str,
                         kiriman: list[Any] | None = None) -> Temuan | None:
    """Add a file-level finding of rule ``kode`` (one reported outside the rule functions, such as
    E007) to ``b`` when that rule is selected; accepted deviations apply to it like to any other
    (``kiriman``: the submission's own, honoured only when trusted). Returns the finding, or None
    when it was not selected or was silenced."""
    if kode not in {a.kode for a in pilih(config.select, config.ignore)}:
        return None
    from .core.pengecualian import terapkan

    muat_semua()
    t = Konteks([], config).untuk(REGISTRY[kode]).temuan(None, None, None, alasan, reason)
    kept, silenced, _ = terapkan([t], list(config.pengecualian), list(kiriman or []), config.percayai_pengecualian)
    b.silenced.extend(silenced)
    if not kept:
        return None
    b.findings = urutkan([*b.findings, *kept], b.sheets_seen)
    return kept[0]


def berkas_tidak_terbaca(m: Masukan, config: Konfigurasi, alasan: str, reason: str) -> Berkas:
    """An unreadable input: status 'unreadable', one E001 finding (when E001 is selected) saying why
    (Indonesian, English), and the identity its name gives."""
    exc = BerkasTidakTerbaca(alasan, reason)
    selected = {a.kode for a in pilih(config.select, config.ignore)}
    findings = [temuan_berkas_rusak(exc, config)] if "E001" in selected else []
    b = Berkas(path=m.tampil, status="unreadable", findings=findings)
    b.identitas = kenali_berkas(b)
    return b


def periksa_berkas(masukan: Masukan | str | Path, config: Konfigurasi | None = None, nomenklatur: Any = None,
                   batas: Batas | None = None) -> Berkas:
    """Check one input and identify it: the size limit, the reader, the rules, the accepted
    deviations. A file that is too large, unreadable or breaks the reader (any exception) is one
    E001 finding, never an exception (except ``MemoryError``, which the worker pool reports).
    ``batas`` defaults to the configuration's limits. A path is shown as given."""
    config = config or Konfigurasi.bawaan()
    m = masukan if isinstance(masukan, Masukan) else Masukan(str(masukan), Path(masukan))
    batas = batas if batas is not None else Batas.dari(config)
    if m.galat is not None:
        return berkas_tidak_terbaca(m, config, *m.galat)
    if m.lembar is None and m.path is not None:
        # not opened at all: a FIFO or device (a reader would wait forever), a file over the size limit
        from .readers.jaga import periksa_masukan

        try:
            periksa_masukan(m.path, Batas(0, batas.ukuran, 0))
        except BerkasTidakTerbaca as exc:
            return berkas_tidak_terbaca(m, config, exc.alasan, exc.reason)
    import gc

    gc_aktif = gc.isenabled()
    gc.disable()  # a file's rows and cells are freed by reference counting; cyclic passes would only rescan them
    try:
        try:
            percaya = bool(config.percayai_pengecualian)  # a 'Peta Kolom' sheet is the sender's claim too
            hasil = baca_lembar(m.lembar, m.tampil, config.peta, percaya) if m.lembar is not None else baca_berkas(
                m.path or m.tampil, config.peta, percaya)
        except BerkasTidakTerbaca as exc:
            return berkas_tidak_terbaca(m, config, exc.alasan, exc.reason)
        b = periksa_hasil(hasil, config, m.tampil, nomenklatur)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a file that breaks the reader is a finding, not the end
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return berkas_tidak_terbaca(m, config, f"pembaca gagal membaca berkas ini ({detail})",
                            f"the reader failed on this file ({detail})")
    finally:
        if gc_aktif:
            gc.enable()
    judul = baris_judul(hasil.lembar, b.tables)
    b.identitas = kenali_berkas(b, judul)
    bentrok = bentrok_pemda([t.title for t in b.tables] + judul, m.tampil)
    if bentrok is not None:
        tambah_temuan_berkas(
            b, "E007", config,
            f"Judul tabel menyebut {bentrok[0]}, tetapi folder atau nama berkasnya menyebut {bentrok[1]}; "
            f"identitas diambil dari judul",
            f"The table title names {bentrok[0]} but its folder or file name says {bentrok[1]}; the identity is "
            f"taken from the title", pengecualian_lembar(hasil.lembar))
    return b


def periksa_lembar(lembar: list[Lembar], config: Konfigurasi | None = None, nama: str = "",
                   nomenklatur: Any = None) -> Berkas:
    """:func:`periksa_berkas` on worksheet grids already in memory (the Excel button, tests)."""
    return periksa_berkas(Masukan(nama, None, lembar=lembar), config, nomenklatur)
