"""The JSON report writes what a finding knows beyond its message as typed keys, never internals."""

from __future__ import annotations

import json

from renja_xl.checker import periksa_lembar
from renja_xl.core.config import Konfigurasi
from renja_xl.core.models import DATA_TEMUAN, Temuan
from renja_xl.reports.json_report import temuan_json

from ..rules.tiny import lembar


def test_cross_table_and_reason_data_reach_the_json():
    b = periksa_lembar(lembar({
        "Tabel 4.1": """
Kode | | | | | | Program/Kegiatan/Sub Kegiatan | Indikator | Satuan | Target 2024 | Pagu 2024
1 | 06 | 01 | 2 | 01 | 0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 100
1 | 06 | 01 | 2 | 01 | ## | Sub B | Jumlah Dokumen | Dokumen | 1 | 50
""",
        "Tabel 4.2": """
Kode | Program/Kegiatan/Sub Kegiatan | Indikator | Satuan | Target 2024 | Pagu 2024
1.06.01.2.01.0001 | Sub A | Jumlah Dokumen | Dokumen | 1 | 150
""",
    }), Konfigurasi(select=["A009", "K001"]), "x.xlsx")
    by = {t.rule: temuan_json(t) for t in b.findings}
    assert by["A009"]["terkait"] == ["Tabel 4.1!K2"]  # the other side of the comparison
    assert by["K001"]["alasan"] == "pagar"
    for d in by.values():
        assert "sebab" not in d and "ekstra" not in d
        json.dumps(d)


def test_every_typed_extra_is_a_field_and_unset_ones_are_not_written():
    fields = set(Temuan.__dataclass_fields__)
    assert set(DATA_TEMUAN) <= fields
    t = Temuan(rule="K001", slug="kode-tidak-valid", severity="error", message="m", sebab=("a", "b"))
    d = temuan_json(t)
    assert not set(DATA_TEMUAN) & set(d) and "sebab" not in d and "terkait" not in d
