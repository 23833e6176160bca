"""Validasi: check the workbook with the checker's rules and show every finding on its cell."""

from __future__ import annotations

from typing import Any

from ..core.models import Berkas
from .buku import TIDAK_TERBACA, buku_pemanggil, jalur_buku, lembar_buku

__all__ = ["validate", "konfigurasi_buku", "nomenklatur_buku"]


def konfigurasi_buku(book: Any) -> tuple[Any, str | None]:
    """The configuration next to the workbook (``renja-xl.toml`` …) when the workbook is a file on
    this computer, else the defaults; plus a message when that file is invalid, or when the
    workbook's folder is not known (OneDrive/SharePoint) so a configuration there cannot be read."""
    from ..core.config import Konfigurasi

    full, why = jalur_buku(book)
    if full is None:
        return Konfigurasi.bawaan(), (why + " Dipakai pengaturan bawaan.") if why else None
    from ..core.config import KonfigurasiTidakValid, cari_konfigurasi, muat_konfigurasi

    found = cari_konfigurasi(full)
    if found is None:
        return Konfigurasi.bawaan(), None
    try:
        return muat_konfigurasi(found), None
    except KonfigurasiTidakValid as exc:
        return Konfigurasi.bawaan(), f"Konfigurasi {found} tidak dipakai (tidak valid: {exc}); dipakai pengaturan bawaan."


def nomenklatur_buku(config: Any) -> tuple[Any, str | None]:
    """The nomenclature the configuration names (``nomenklatur = "…"``, relative to the
    configuration file; else ``RENJA_XL_NOMENKLATUR``), loaded as ``renja-xl check`` loads it;
    ``None`` and a message when it cannot be read."""
    from ..nomenklatur import NomenklaturTidakTerbaca, muat_dari_konfigurasi, path_dari_konfigurasi

    try:
        return muat_dari_konfigurasi(config), None
    except NomenklaturTidakTerbaca as exc:
        return None, f"Nomenklatur {path_dari_konfigurasi(config)} tidak dapat dibaca ({exc}); K005 dan S005 tidak diperiksa."


def validate(book: Any = None) -> Berkas:
    """Check every sheet of ``book`` (default: the workbook whose button was pressed) and write
    ``Hasil Validasi``; mark each offending cell by severity with a note. Idempotent; never changes
    a cell's value. Returns the checker's result."""
    from ..checker import Masukan, periksa_berkas
    from .hasil import tulis_aturan, tulis_hasil
    from .tanda import baca_buku_tanda, tandai, tulis_buku_tanda

    book = buku_pemanggil(book)
    config, config_error = konfigurasi_buku(book)
    nomenklatur, nomen_error = nomenklatur_buku(config)
    # the author checking their own workbook: its Pengecualian sheet is theirs, not a sender's claim
    config = config.dengan(percayai_pengecualian=True)
    berkas = periksa_berkas(Masukan(book.name, lembar=lembar_buku(book)), config, nomenklatur)
    baris_aturan = tulis_aturan(book)
    ledger = tandai(book, berkas.findings, baca_buku_tanda(book))
    tulis_buku_tanda(book, ledger)
    catatan = [m for m in (config_error, nomen_error) if m]
    if nomenklatur is not None:
        catatan.append(f"Nomenklatur: {getattr(nomenklatur, 'sumber', config.nomenklatur)}.")
    if any(t.warna_lama == TIDAK_TERBACA for t in ledger.values()):
        catatan.append("Mesin xlwings ini tidak dapat membaca warna sel sebelum ditandai; Bersihkan Tanda "
                       "mengosongkan warna sel itu.")
    if any(t.catatan_lama == "?" for t in ledger.values()):
        catatan.append("Sel yang sudah punya catatan yang tidak terbaca oleh mesin ini tidak diberi catatan; "
                       "pesannya ada di tabel ini.")
    sh = tulis_hasil(book, berkas, baris_aturan, catatan)
    sh.activate()
    return berkas
