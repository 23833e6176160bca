"""The names of the sheets the Excel side writes or reads (one place; the package re-exports them)."""

from __future__ import annotations

__all__ = ["SHEET_HASIL", "SHEET_ATURAN", "SHEET_TANDA", "SHEET_BERANDA", "SHEET_SATUAN", "SHEET_PENGECUALIAN",
           "SHEET_CONF", "SHEET_PEMASANGAN"]

SHEET_HASIL = "Hasil Validasi"
SHEET_ATURAN = "Aturan"
SHEET_TANDA = "_renja_tanda"  # hidden: what validate changed on each cell (to restore it exactly)
SHEET_BERANDA = "Beranda"
SHEET_SATUAN = "Satuan"
SHEET_PENGECUALIAN = "Pengecualian"
SHEET_CONF = "xlwings.conf"
SHEET_PEMASANGAN = "Pemasangan"  # what Periksa Pemasangan found (written by macros/Renja.bas and diagnose)
