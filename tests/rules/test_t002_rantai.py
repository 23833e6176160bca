"""T002's chain (issue 13): a dependent column is judged from the recomputed columns it depends on, so
fixing what a finding says never moves another finding's target."""

from __future__ import annotations

from renja_xl.checker import periksa_lembar
from renja_xl.core.config import Konfigurasi

from .tiny import lembar

KEPALA = ("Kode | | | | | Uraian Program/Kegiatan | Indikator | Target Renstra | | Realisasi s/d 2022 | | "
          "Target Renja 2023 | | Realisasi 2023 | | Tingkat Realisasi (%) | Target 2024 | | Realisasi Kumulatif | | "
          "Tingkat Capaian (%)\n"
          "1 | | | | | 2 | 3 | 4 | | 5 | | 6 | | 7 | | 8 = (7/6) | 9 | | 10 = (5+7+9) | | 11 = (10/4)\n")


def _t002(kolom10: str, kolom11: str, kolom8: str = "111,13") -> dict[str, tuple]:
    baris = (f"1 | 06 | 01 | 2.08 | 01 | Penyediaan Jasa Surat Menyurat | Jumlah surat | 2500 | Surat | 2.918 | Surat | "
             f"1500 | Surat | 1667 | Surat | {kolom8} | 1400 | Surat | {kolom10} | Surat | {kolom11}")
    b = periksa_lembar(lembar({"Tabel 2.1": KEPALA + baris}), Konfigurasi(select=["T002"]), "x.xlsx")
    return {t.cell: (t.expected, t.actual) for t in b.findings}


def test_fixing_column_10_as_told_leaves_column_11_s_finding_unchanged():
    pertama = _t002("1400", "56")
    assert pertama["S3"] == (5985, 1400)  # column 10 = 5 + 7 + 9
    kolom11 = pertama["U3"]
    assert kolom11[0] == 239.4  # from column 10 as it should be, not as written (1400 / 2500 → 56)
    kedua = _t002("5985", "56")  # the office fixed column 10 exactly as the finding said
    assert "S3" not in kedua and kedua["U3"] == kolom11
    ketiga = _t002("5985", "239,4")  # and then column 11: nothing left
    assert ketiga == {}
