"""Every command that opens a submission has the same limits: XFD cell, row bomb and FIFO through
check, ringkasan and diff end with the contract's exit code, a reason that names the limit, no
traceback or native abort, and bounded memory."""

from __future__ import annotations

import os

import pytest

from tests.keamanan.bantu import bom_baris, jalankan, renja, sidik, tanpa_jejak, xfd


@pytest.fixture(scope="module")
def berkas(tmp_path_factory):
    d = tmp_path_factory.mktemp("batas")
    baik = renja(d / "baik.xlsx")
    fifo = d / "pipa.xlsx"
    os.mkfifo(fifo)
    return {"baik": baik, "xfd": xfd(d / "xfd.xlsx"), "bom": bom_baris(d / "bom.xlsx", col="Z"), "fifo": fifo, "dir": d}


def _perintah(nama, target, baik):
    return {"check": ["check", str(target), "--jobs", "1"],
            "ringkasan": ["ringkasan", str(target)],
            "diff": ["diff", str(baik), str(target)]}[nama]


KODE = {"check": 1, "ringkasan": 1, "diff": 2}  # unreadable: a finding (check, ringkasan), a failure (diff)


@pytest.mark.parametrize("perintah", ["check", "ringkasan", "diff"])
@pytest.mark.parametrize(("jenis", "kata"), [("xfd", "memori"), ("bom", "memori"), ("fifo", "bukan berkas biasa")])
def test_hostile_file_through_every_command(berkas, perintah, jenis, kata):
    target = berkas[jenis]
    before = sidik(berkas["baik"], *(p for p in (target,) if p.is_file()))
    h = jalankan(*_perintah(perintah, target, berkas["baik"]), "--batas-memori", "768", timeout=120)
    tanpa_jejak(h)
    assert h.code == KODE[perintah], (h.code, h.out[-2000:], h.err[-2000:])
    said = (h.out + h.err).lower()
    assert kata in said and "status None" not in said, said[-2000:]
    if kata == "memori":
        assert "768 mb" in said and "--batas-memori" in said
    assert h.mb < 1600, h.mb
    assert sidik(berkas["baik"], *(p for p in (target,) if p.is_file())) == before


def test_python_memory_error_in_a_worker_names_the_limit(tmp_path, monkeypatch):
    """A MemoryError raised in Python inside a worker (it prints nothing) was 'status None'."""
    from renja_xl.batch import kolam
    from renja_xl.checker import Masukan
    from renja_xl.core.config import Konfigurasi

    def habis(*_a, **_k):
        raise MemoryError

    monkeypatch.setattr(kolam, "periksa_satu", habis)  # the forked worker inherits it
    src = renja(tmp_path / "a.xlsx")
    cfg = Konfigurasi.bawaan().dengan(batas_memori=321.0)
    (b,) = list(kolam.periksa_semua([Masukan(str(src), src)], cfg, 1))
    (e001,) = b.findings
    assert b.status == "unreadable" and "memori" in e001.message and "batas 321 MB" in e001.message, e001.message
    assert "status" not in e001.message


def test_a_row_bomb_under_a_small_memory_limit_is_e001_memory(tmp_path):
    bom = bom_baris(tmp_path / "bomj.xlsx", col="J")
    h = jalankan("check", str(bom), "--jobs", "1", "--batas-memori", "350")
    tanpa_jejak(h)
    assert h.code == 1 and "batas 350 MB" in h.out and "status" not in h.out, h.out
    assert h.mb < 1000
