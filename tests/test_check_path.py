"""Every caller reaches the one check path, ``checker.periksa_berkas``: the seed checked through the
CLI, a batch worker and the Excel button gives the same findings."""

from __future__ import annotations

import json

import pytest

from renja_xl.checker import Masukan, periksa_berkas
from renja_xl.cli import main
from renja_xl.core.config import Konfigurasi
from tests.conftest import SEED_XLSX


def _kunci(findings):
    return [(t["rule"], t["sheet"], t["cell"], t["kode"], t["message"]) if isinstance(t, dict)
            else (t.rule, t.sheet, t.cell, t.kode, t.message) for t in findings]


def test_cli_worker_and_excel_give_the_same_findings(tmp_path, monkeypatch):
    out = tmp_path / "hasil.json"
    assert main(["check", str(SEED_XLSX), "--format", "json", "-o", str(out)]) == 1
    cli = json.loads(out.read_text(encoding="utf-8"))["files"][0]

    from renja_xl.batch import kolam

    (worker,) = kolam.periksa_semua([Masukan(str(SEED_XLSX), SEED_XLSX)], Konfigurasi.bawaan(), 1)

    pytest.importorskip("xlwings")
    import renja_xl.xl as rx
    from tests.xl.remote import buku, payload

    monkeypatch.chdir(tmp_path)  # no renja-xl.toml on the way up
    book = buku(payload(SEED_XLSX, name=SEED_XLSX.name))
    excel = rx.validate(book)

    assert cli["findings"], "the seed has findings"
    assert _kunci(worker.findings) == _kunci(cli["findings"])
    assert _kunci(excel.findings) == _kunci(cli["findings"])
    assert worker.identitas == cli["identitas"] == excel.identitas


def test_a_path_a_worker_and_grids_are_one_call(monkeypatch):
    """The CLI's workers, the Excel button and ``periksa_lembar`` all go through periksa_berkas."""
    import renja_xl.checker as checker
    from renja_xl.readers.workbook import buka_berkas

    calls = []
    real = checker.periksa_berkas

    def spy(masukan, *a, **kw):
        calls.append(type(masukan).__name__)
        return real(masukan, *a, **kw)

    monkeypatch.setattr(checker, "periksa_berkas", spy)
    from renja_xl.batch.kolam import periksa_satu

    periksa_satu(Masukan(str(SEED_XLSX), SEED_XLSX), Konfigurasi.bawaan())
    checker.periksa_lembar(buka_berkas(SEED_XLSX), nama=SEED_XLSX.name)
    assert calls == ["Masukan", "Masukan"]


def test_a_file_that_breaks_the_reader_is_one_e001_on_every_path(monkeypatch):
    import renja_xl.checker as checker

    def boom(*a, **kw):
        raise RuntimeError("pembaca rusak")

    monkeypatch.setattr(checker, "baca_lembar", boom)
    monkeypatch.setattr(checker, "baca_berkas", boom)
    from renja_xl.readers.workbook import buka_berkas

    for m in (Masukan(str(SEED_XLSX), SEED_XLSX), Masukan(SEED_XLSX.name, lembar=buka_berkas(SEED_XLSX))):
        b = periksa_berkas(m)
        assert b.status == "unreadable"
        assert [t.rule for t in b.findings] == ["E001"]
        assert "RuntimeError: pembaca rusak" in b.findings[0].message
