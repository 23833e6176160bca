"""The fast paths of the readers and rules against their slow twins (issue 17).

``renja_xl.readers.cepat.AKTIF`` switches the column-at-a-time reading and the kode memo off; the
plain row-by-row versions read like the spec. Both must give the same findings, the same tables and
the same identity on generated variants of every table kind: the seed's six and, when
``../shared`` is present, the real samples' (E.81, Renstra, Perubahan, RFK, LRA, SIPD lists).
"""

from __future__ import annotations

from dataclasses import asdict

import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.readers import cepat
from renja_xl.reports.json_report import temuan_json
from tests.conftest import SAMPLES
from tests.synth_jenis import SUMBER_NYATA, ragam, ragam_semua

N_VARIAN = 4


def _laporan(path) -> tuple:
    b = periksa_berkas(path)
    tabel = [asdict(t) for t in b.tables]  # every column of every table, not only the findings
    return b.status, b.identitas, tabel, [temuan_json(t) for t in b.findings]


def _kedua_jalan(monkeypatch, paths) -> None:
    assert paths
    berisi = 0
    for p in paths:
        monkeypatch.setattr(cepat, "AKTIF", True)
        cepat_ = _laporan(p)
        monkeypatch.setattr(cepat, "AKTIF", False)
        lambat = _laporan(p)
        assert cepat_ == lambat, p.name
        berisi += bool(cepat_[2]) or bool(cepat_[3])
    assert berisi, "no variant had a table or a finding: the comparison says nothing"


def test_fast_and_slow_reading_agree_on_seed_variants(tmp_path, monkeypatch):
    _kedua_jalan(monkeypatch, ragam_semua(tmp_path, N_VARIAN))


@pytest.mark.parametrize("sumber", SUMBER_NYATA)
def test_fast_and_slow_reading_agree_on_real_sample_variants(tmp_path, monkeypatch, sumber):
    path = SAMPLES / "real" / sumber
    if not path.is_file():
        pytest.skip(f"real sample {sumber} not found under {SAMPLES / 'real'} (../shared is not part of the repository)")
    _kedua_jalan(monkeypatch, ragam(path, tmp_path, N_VARIAN))
