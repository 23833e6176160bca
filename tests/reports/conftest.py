"""A small batch of submissions shared by the recap tests, and its JSON report to compare with."""

from __future__ import annotations

import json

import pytest

from tests.batch.kiriman import dotted, kegiatan, kiriman, sub_kegiatan
from tests.cli.test_check_cli import run
from tests.conftest import SEED_XLSX


@pytest.fixture(scope="session")
def kumpulan(tmp_path_factory):
    """Two kabupaten/kota, four files: planted errors, a clean office, a broken file."""
    root = tmp_path_factory.mktemp("kumpulan") / "kiriman"
    from tests import synth

    r = synth.buat_renja(seed=21, years=(2025, 2026))
    keg, subs = kegiatan(r)[0], sub_kegiatan(r)
    kiriman(root / "kab_luwu" / "dinsos.xlsx", seed=21,
            ubah={(dotted(keg), "pagu 2025"): keg.pagu[2025] + 7, (dotted(subs[1]), "satuan"): "Lpaoran"})
    (root / "kab_luwu" / "rusak.xlsx").write_bytes(SEED_XLSX.read_bytes()[:4000])
    kiriman(root / "kota_palopo" / "dinkes.xlsx", pemda="KOTA PALOPO", opd="DINAS KESEHATAN", bidang=("1", "02"), seed=22)
    r3 = synth.buat_renja(seed=23, bidang=("1", "03"), years=(2025, 2026))
    kiriman(root / "kota_palopo" / "dinas_pu.xlsx", pemda="KOTA PALOPO", opd="DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
            bidang=("1", "03"), seed=23, ubah={(dotted(sub_kegiatan(r3)[0]), "satuan"): "Kelaurga"})
    code, out, err = run("check", str(root), "--format", "json")
    assert code == 1, err
    return root, json.loads(out)
