"""One implementation of capaian and predikat: changing ``[capaian]`` in ``renja-xl.toml`` changes the
checker's results (T003, the predikat of every evaluation row in the reports) and the master
workbook's functions (``RENJA_CAPAIAN``, ``RENJA_PREDIKAT``) the same way."""

from __future__ import annotations

import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.core.config import muat_konfigurasi
from renja_xl.udf import RENJA_CAPAIAN, RENJA_PREDIKAT
from tests.rules.tiny import grid

TC29 = """
EVALUASI HASIL PELAKSANAAN RENJA S/D TAHUN 2024
Kode | Uraian Program/Kegiatan | Indikator | Target Renstra | | Realisasi s/d 2022 | | Target Renja 2023 | | Realisasi 2023 | | Tingkat Realisasi (%) | Target 2024 | | Realisasi Kumulatif | | Tingkat Capaian (%)
| 2 | 3 | 4 | | 5 | | 6 | | 7 | | 8 | 9 | | 10 | | 11
1.06.06.2.01.0001 | Sub A | Jumlah kejadian bencana (kali) | 40 | Kali | 30 | Kali | 10 | Kali | 2 | Kali | | 9 | Kali | 41 | Kali |
1.06.06.2.01.0002 | Sub B | Jumlah korban bencana yang dievakuasi | 100 | Orang | 20 | Orang | 40 | Orang | 38 | Orang | | 40 | Orang | 98 | Orang |
"""

KONFIG = {
    "bawaan": "",
    "t/r + berhasil": '[capaian]\nrumus_negatif = "t/r"\nskala = [[100, "Sangat Berhasil"], [75, "Berhasil"], '
                      '[55, "Cukup Berhasil"]]\nterbawah = "Kurang Berhasil"\n',
    "(t-r)/t": '[capaian]\nrumus_negatif = "(t-r)/t"\n',
}


def _buku(folder):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 2.1"
    for row in grid(TC29):
        ws.append([(float(c) if c.isdigit() else c) or None for c in row])
    path = folder / "renja.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("nama", list(KONFIG))
def test_checker_and_functions_agree_under_every_setting(nama, tmp_path, monkeypatch):
    path = _buku(tmp_path)
    (tmp_path / "renja-xl.toml").write_text(KONFIG[nama], encoding="utf-8")
    cfg = muat_konfigurasi(tmp_path / "renja-xl.toml")
    b = periksa_berkas(path, cfg)
    rows = {r["kode"]: r for r in b.capaian["baris"]}
    neg, pos = rows["1.06.06.2.01.0001"], rows["1.06.06.2.01.0002"]
    assert (neg["polaritas"], pos["polaritas"]) == ("negatif", "positif")
    monkeypatch.chdir(tmp_path)  # the functions find the renja-xl.toml beside the workbook, as Excel would
    # the same numbers from the workbook's functions: column 7 of column 6, negative by wording
    assert RENJA_CAPAIAN(2.0, 10.0, "negatif") == pytest.approx(neg["capaian"], abs=0.005)
    assert RENJA_CAPAIAN(38.0, 40.0) == pytest.approx(pos["capaian"], abs=0.005)
    assert RENJA_PREDIKAT(neg["capaian"]) == neg["predikat"]
    assert RENJA_PREDIKAT(pos["capaian"]) == pos["predikat"]
    t003 = [f for f in b.findings if f.rule == "T003" and f.kode == "1.06.06.2.01.0001" and "(7/6)" in f.message]
    expected = {"bawaan": (180.0, "Sangat Tinggi", True), "t/r + berhasil": (500.0, "Sangat Berhasil", True),
                "(t-r)/t": (80.0, "Tinggi", False)}[nama]
    assert (neg["capaian"], neg["predikat"], bool(t003)) == expected
    assert pos["predikat"] == {"bawaan": "Sangat Tinggi", "t/r + berhasil": "Berhasil", "(t-r)/t": "Sangat Tinggi"}[nama]
    assert b.capaian["rumus_negatif"] == cfg.capaian.rumus_negatif
