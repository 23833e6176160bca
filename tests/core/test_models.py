"""The models are validated by pydantic where data comes from outside (config, reports read back)."""

import pytest
from pydantic import ValidationError

from renja_xl.core.config import Konfigurasi
from renja_xl.core.models import Temuan, validasi


def test_finding_from_outside_data_is_validated():
    t = validasi(Temuan, {"rule": "A001", "slug": "pagu-tidak-sesuai-rincian", "severity": "error",
                          "sheet": "Tabel 4.1", "row": 12, "cell": "K12", "kode": "1.06.01.2.01",
                          "message": "x", "expected": 28263400, "actual": 28263416})
    assert isinstance(t, Temuan) and t.expected == 28263400
    with pytest.raises(ValidationError):
        validasi(Temuan, {"rule": "A001", "slug": "x", "severity": "fatal", "message": "x"})


def test_config_checks_its_values():
    with pytest.raises(ValueError):
        Konfigurasi(periode="TW5")
    assert Konfigurasi(periode="tw 3").periode == "TW3"
    with pytest.raises(ValidationError):
        validasi(Konfigurasi, {"ambang": {"fisik_keuangan": "banyak"}})
