"""Configuration: rule selection, thresholds, capaian formula, predikat scale, accepted deviations.

Read from ``renja-xl.toml`` or from ``[tool.renja-xl]`` in a ``pyproject.toml`` (the nearest one
found from the checked path upwards, or the file given with ``--config``). Keys are Indonesian
with ``-`` or ``_`` both accepted::

    select = ["K", "A", "T001"]
    ignore = ["S001"]
    periode = "TW3"
    nomenklatur = "nomenklatur_900.1.15.5-1317_2023.xlsx"

    [ambang]                  # thresholds
    persen_realisasi = 0.5    # A007, percentage points
    fisik_keuangan = 50       # A008
    capaian_persen = 1        # T002
    capaian_ekstrem = 150     # T003
    rasio_spm = 0.5           # T005

    [capaian]
    rumus_negatif = "2t-r"    # "2t-r", "t/r" or "(t-r)/t"
    skala = [[91, "Sangat Tinggi"], [76, "Tinggi"], [66, "Sedang"], [51, "Rendah"]]
    terbawah = "Sangat Rendah"

    [[pengecualian]]          # accepted deviations: silence exactly these findings
    rule = "A005"
    kode = "1.06.01.2.02.01"
    alasan = "Gaji dibayar lewat SP2D gabungan; realisasi dicatat di BKAD"

    [satuan_tambahan]         # regional units: canonical = [aliases]
    PSKS = ["potensi sumber kesejahteraan sosial"]
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .capaian import RUMUS_NEGATIF, SkalaPredikat

__all__ = ["Ambang", "Pengecualian", "Konfigurasi", "muat_konfigurasi", "cari_konfigurasi", "KonfigurasiTidakValid"]


class KonfigurasiTidakValid(ValueError):
    """The config file cannot be read or holds values we do not understand."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Ambang(_Model):
    """Tolerances and thresholds of the rules (defaults of the rule catalogue)."""

    persen_realisasi: float = Field(0.5, ge=0, description="A007: selisih % realisasi yang ditoleransi (poin)")
    fisik_keuangan: float = Field(50, ge=0, description="A008: selisih % fisik dan % keuangan (poin)")
    capaian_persen: float = Field(1, ge=0, description="T002: selisih persentase yang ditoleransi (poin)")
    capaian_ekstrem: float = Field(150, ge=0, description="T003: batas capaian/tingkat realisasi (%)")
    rasio_spm: float = Field(0.5, ge=0, description="T005: selisih rasio SPM yang ditoleransi (poin)")


class PengaturanCapaian(_Model):
    rumus_negatif: str = "2t-r"
    skala: SkalaPredikat = Field(default_factory=SkalaPredikat)

    @field_validator("rumus_negatif")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in RUMUS_NEGATIF:
            raise ValueError(f"rumus_negatif '{v}' tidak dikenal; pilih salah satu: {', '.join(RUMUS_NEGATIF)}")
        return v


class Pengecualian(_Model):
    """An accepted deviation: silences the findings of ``rule`` on ``kode`` (all kode when empty)."""

    rule: str
    kode: str | None = None
    alasan: str
    sheet: str | None = None

    def cocok(self, rule: str, kode: str | None, sheet: str | None, kunci: str | None = None) -> bool:
        if not (rule == self.rule or (len(self.rule) < 4 and rule.startswith(self.rule))):
            return False
        if self.sheet and sheet != self.sheet:
            return False
        if self.kode:
            return kode is not None and (self.kode == kode or (kunci is not None and _kunci(self.kode) == kunci))
        return True


def _kunci(kode: str) -> str:
    from .kode import parse_kode

    hasil = parse_kode(kode)
    return hasil.kode.kunci if hasil.kode else kode


class Konfigurasi(_Model):
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    periode: str | None = None
    lang: str = "id"
    nomenklatur: str | None = None
    ambang: Ambang = Field(default_factory=Ambang)
    capaian: PengaturanCapaian = Field(default_factory=PengaturanCapaian)
    pengecualian: list[Pengecualian] = Field(default_factory=list)
    satuan_tambahan: dict[str, list[str]] = Field(default_factory=dict)
    sumber: str | None = Field(None, description="the file this configuration came from")

    @field_validator("periode")
    @classmethod
    def _periode(cls, v: str | None) -> str | None:
        if v is None:
            return v
        up = v.strip().upper().replace(" ", "")
        if up not in ("TW1", "TW2", "TW3", "TW4"):
            raise ValueError(f"periode '{v}' tidak dikenal; pilih TW1, TW2, TW3 atau TW4")
        return up

    @field_validator("lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        if v not in ("id", "en"):
            raise ValueError(f"bahasa '{v}' tidak dikenal; pilih id atau en")
        return v

    def dengan(self, **ubah: Any) -> Konfigurasi:
        """A copy with command-line overrides applied (None values are ignored)."""
        data = {k: v for k, v in ubah.items() if v is not None}
        return self.model_copy(update=data)


def _normalise_keys(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k).replace("-", "_"): _normalise_keys(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_normalise_keys(v) for v in obj]
    return obj


def _from_mapping(data: dict[str, Any], sumber: str) -> Konfigurasi:
    data = _normalise_keys(data)
    # keep unit names (satuan_tambahan keys) as written: only their nesting was normalised
    cap = data.get("capaian")
    if isinstance(cap, dict) and "skala" in cap and not isinstance(cap["skala"], dict):
        cap["skala"] = {"batas": cap["skala"], **({"terbawah": cap.pop("terbawah")} if "terbawah" in cap else {})}
    elif isinstance(cap, dict) and "terbawah" in cap:
        cap["skala"] = {"terbawah": cap.pop("terbawah")}
    try:
        return Konfigurasi.model_validate({**data, "sumber": sumber})
    except Exception as exc:  # pydantic.ValidationError: say where
        raise KonfigurasiTidakValid(f"{sumber}: {exc}") from exc


def muat_konfigurasi(path: str | Path) -> Konfigurasi:
    """Load ``renja-xl.toml`` or the ``[tool.renja-xl]`` table of a ``pyproject.toml``."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KonfigurasiTidakValid(f"{p}: {exc}") from exc
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("renja-xl", {})
    return _from_mapping(data, str(p))


def cari_konfigurasi(mulai: str | Path) -> Path | None:
    """The nearest ``renja-xl.toml`` (or ``pyproject.toml`` with ``[tool.renja-xl]``) upwards."""
    p = Path(mulai).resolve()
    if p.is_file():
        p = p.parent
    for d in (p, *p.parents):
        cand = d / "renja-xl.toml"
        if cand.is_file():
            return cand
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "renja-xl" in tomllib.loads(py.read_text(encoding="utf-8")).get("tool", {}):
                    return py
            except (OSError, tomllib.TOMLDecodeError):
                pass
    return None
