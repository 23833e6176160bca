"""docs/konfigurasi.md: its complete example is a valid configuration that names every key renja-xl
knows with its default value, so the page cannot fall behind the code."""

from __future__ import annotations

import dataclasses
import re
import tomllib

from renja_xl.core.config import (Ambang, Konfigurasi, Pengecualian, PengaturanCapaian, PetaTabel, SifatKode,
                                  muat_konfigurasi)
from tests.conftest import ROOT

DOC = ROOT / "docs" / "konfigurasi.md"


def _contoh() -> str:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- contoh-lengkap -->\s*```toml\n(.*?)```\s*<!-- /contoh-lengkap -->", text, re.S)
    assert m, "the complete example is missing from docs/konfigurasi.md"
    return m.group(1)


def _nama(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - {"sumber"}


def test_the_complete_example_is_a_valid_configuration(tmp_path):
    p = tmp_path / "renja-xl.toml"
    p.write_text(_contoh(), encoding="utf-8")
    cfg = muat_konfigurasi(p)
    assert cfg.periode == "TW3" and len(cfg.pengecualian) == 2 and cfg.peta and cfg.satuan_tambahan


def test_it_names_every_key_with_its_default():
    data = tomllib.loads(_contoh())
    assert set(data) == _nama(Konfigurasi)
    bawaan = Konfigurasi.bawaan()
    for key in ("select", "ignore", "lang", "batas_waktu", "batas_ukuran", "batas_memori", "percayai_pengecualian"):
        assert data[key] == getattr(bawaan, key), key
    assert data["ambang"] == dataclasses.asdict(Ambang())
    cap = PengaturanCapaian()
    # the scale's keys are written in [capaian] itself; pembulatan is shown commented (default: none)
    assert set(data["capaian"]) == (_nama(PengaturanCapaian) - {"skala"}) | {"skala", "terbawah"}
    assert "# pembulatan = " in _contoh() and cap.skala.pembulatan is None
    assert data["capaian"]["rumus_negatif"] == cap.rumus_negatif
    assert [tuple(x) for x in data["capaian"]["skala"]] == [tuple(x) for x in cap.skala.batas]
    assert data["capaian"]["terbawah"] == cap.skala.terbawah
    assert set().union(*(set(x) for x in data["pengecualian"])) == _nama(Pengecualian)
    assert set().union(*(set(x) for x in data["peta"])) == _nama(PetaTabel)
    assert set().union(*(set(x) for x in data["indikator"])) == _nama(SifatKode)
