"""Configuration: rule selection, thresholds, capaian formula, predikat scale, accepted deviations.

Read from ``renja-xl.toml`` or from ``[tool.renja-xl]`` in a ``pyproject.toml`` (the nearest one
found from the checked path upwards, or the file given with ``--config``). Keys are Indonesian
with ``-`` or ``_`` both accepted::

    select = ["K", "A", "T001"]
    ignore = ["S001"]
    periode = "TW3"
    nomenklatur = "nomenklatur_900.1.15.5-1317_2023.xlsx"
    batas_waktu = 120         # seconds one file may take (else E001; --batas-waktu)
    batas_ukuran = 200        # MB: a larger file is not opened (E001; --batas-ukuran)
    batas_memori = 2048       # MB of memory one file may take in a batch worker (E001; --batas-memori)

    [ambang]                  # thresholds
    persen_realisasi = 0.5    # A007, percentage points
    fisik_keuangan = 50       # A008
    capaian_persen = 1        # T002
    capaian_ekstrem = 150     # T003
    rasio_spm = 0.5           # T005
    lonjakan_target = 5       # P005: a target this many times the year before (or 1/5 of it)
    perubahan_pagu = 50       # P002: a pagu changed by this many percent with its target unchanged

    [capaian]
    rumus_negatif = "2t-r"    # "2t-r", "t/r" or "(t-r)/t"
    skala = [[91, "Sangat Tinggi"], [76, "Tinggi"], [66, "Sedang"], [51, "Rendah"]]
    terbawah = "Sangat Rendah"
    pembulatan = 2            # round the capaian to this many decimals before the scale (omit: exact)

    [[indikator]]             # how an indicator adds up and which way is better, per kode
    kode = "1.06.06.2.01.0001"
    kumulatif = false         # its realisation is the latest value, not a sum (T002, E.81)
    polaritas = "negatif"     # lower is better (capaian, T003, predikat)
    alasan = "Jumlah kejadian: makin sedikit makin baik"

    [[pengecualian]]          # accepted deviations: silence exactly these findings
    rule = "A005"
    kode = "1.06.01.2.02.01"
    alasan = "Gaji dibayar lewat SP2D gabungan; realisasi dicatat di BKAD"

    [satuan_tambahan]         # regional units: canonical = [aliases]
    PSKS = ["potensi sumber kesejahteraan sosial"]
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .capaian import RUMUS_NEGATIF, SkalaPredikat, capaian

__all__ = ["Ambang", "Pengecualian", "SifatKode", "PengaturanCapaian", "Konfigurasi", "muat_konfigurasi", "cari_konfigurasi", "KonfigurasiTidakValid"]


class KonfigurasiTidakValid(ValueError):
    """The config file cannot be read or holds values we do not understand: what, where (key and
    line), in Indonesian and English (:meth:`pesan`)."""

    def __init__(self, alasan: str, reason: str | None = None):
        super().__init__(alasan)
        self.alasan = alasan
        self.reason = reason or alasan

    def pesan(self, lang: str = "id") -> str:
        return self.reason if lang == "en" else self.alasan


def _ge0(name: str, value: float) -> None:
    if value < 0:
        from .config_pesan import NilaiSalah

        raise NilaiSalah(f"tidak boleh negatif ({value:g})", f"must not be negative ({value:g})", name)


@dataclass(frozen=True, slots=True)
class Ambang:
    """Tolerances and thresholds of the rules (defaults of the rule catalogue)."""
    __pydantic_config__ = {"extra": "forbid"}  # a misspelt key in a config file is an error


    persen_realisasi: float = 0.5  # A007: tolerated difference of the stated % realisasi (points)
    fisik_keuangan: float = 50  # A008: tolerated gap between % fisik and % keuangan (points)
    capaian_persen: float = 1  # T002: tolerated difference of a stated percentage (points)
    capaian_ekstrem: float = 150  # T003: capaian above this is extreme (%)
    rasio_spm: float = 0.5  # T005: tolerated difference of an SPM ratio (points)
    lonjakan_target: float = 5  # P005: a target at least this many times the year before, or at most its inverse
    perubahan_pagu: float = 50  # P002: a pagu changed by at least this many percent while its target stays

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            _ge0(f.name, getattr(self, f.name))


@dataclass(frozen=True, slots=True)
class PengaturanCapaian:
    """How capaian and predikat are computed: one implementation for the checker (T003, the
    capaian of evaluation rows in every report) and the workbook's functions (``RENJA_CAPAIAN``,
    ``RENJA_PREDIKAT`` read the ``[capaian]`` of the ``renja-xl.toml`` beside the workbook)."""

    __pydantic_config__ = {"extra": "forbid"}  # a misspelt key in a config file is an error

    rumus_negatif: str = "2t-r"
    skala: SkalaPredikat = field(default_factory=SkalaPredikat)

    def __post_init__(self) -> None:
        if self.rumus_negatif not in RUMUS_NEGATIF:
            from .config_pesan import NilaiSalah

            raise NilaiSalah(f"'{self.rumus_negatif}' tidak dikenal; pilih salah satu: {', '.join(RUMUS_NEGATIF)}",
                             f"unknown '{self.rumus_negatif}'; choose one of: {', '.join(RUMUS_NEGATIF)}", "rumus_negatif")

    def hitung(self, realisasi: float | int | None, target: float | int | None, polaritas: str = "positif") -> float | None:
        """The capaian (%) of one indicator: realisasi / target × 100, or the negative formula."""
        return capaian(realisasi, target, polaritas, self.rumus_negatif)

    def predikat(self, c: float | int | None) -> str | None:
        return self.skala.nilai(c)


@dataclass(frozen=True, slots=True)
class SifatKode:
    """An indicator's nature set by the reviewer for one kode: cumulative or not, negative or not."""

    __pydantic_config__ = {"extra": "forbid"}  # a misspelt key in a config file is an error

    kode: str
    kumulatif: bool | None = None
    polaritas: str | None = None
    alasan: str = ""

    def __post_init__(self) -> None:
        if self.polaritas is not None and self.polaritas.strip().lower() not in ("positif", "negatif"):
            raise ValueError(f"polaritas '{self.polaritas}' tidak dikenal; pilih positif atau negatif")
        if self.kumulatif is None and self.polaritas is None:
            raise ValueError(f"[[indikator]] kode {self.kode}: tulis kumulatif dan/atau polaritas")


@dataclass(frozen=True, slots=True)
class Pengecualian:
    """An accepted deviation: silences the findings of ``rule`` on ``kode`` (all kode when empty)."""
    __pydantic_config__ = {"extra": "forbid"}  # a misspelt key in a config file is an error


    rule: str
    alasan: str
    kode: str | None = None
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


@dataclass(frozen=True, slots=True)
class PetaTabel:
    """A user's reading of one table (``[[peta]]`` in renja-xl.toml, or a row group of a 'Peta Kolom'
    sheet): which sheet, optionally which kind and header rows, and the role of columns by letter
    (``I = "target 2024"``, ``J = "pagu 2024"``, ``A = "kode"``, ``Q = "diabaikan"``). The reader
    uses it where its own reading is not what the user means."""
    __pydantic_config__ = {"extra": "forbid"}

    sheet: str = "*"
    jenis: str | None = None
    baris_kepala: list[int] = field(default_factory=list)  # 1-based header rows
    kolom: dict[str, str] = field(default_factory=dict)  # column letter → role
    sumber: str = ""  # where it came from (filled by the loader)

    def __post_init__(self) -> None:
        from .tabel import JENIS_TABEL as jenis
        from .tabel import PERAN_TEKS, Peran

        if self.jenis is not None and self.jenis not in jenis:
            raise ValueError(f"jenis tabel '{self.jenis}' tidak dikenal; pilih salah satu: {', '.join(jenis)}")
        for huruf, peran in self.kolom.items():
            if not huruf.isalpha() or not huruf.isupper() or len(huruf) > 3:
                raise ValueError(f"kolom '{huruf}' harus huruf kolom Excel (A, B, …, AA)")
            if peran.split()[0] not in PERAN_TEKS:
                Peran.dari_teks(peran)  # raises with the list of measures


@dataclass(frozen=True, slots=True)
class Konfigurasi:
    __pydantic_config__ = {"extra": "forbid"}  # a misspelt key in a config file is an error

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    periode: str | None = None
    lang: str = "id"
    nomenklatur: str | None = None
    ambang: Ambang = field(default_factory=Ambang)
    capaian: PengaturanCapaian = field(default_factory=PengaturanCapaian)
    pengecualian: list[Pengecualian] = field(default_factory=list)
    indikator: list[SifatKode] = field(default_factory=list)  # per-kode nature of indicators ([[indikator]])
    satuan_tambahan: dict[str, list[str]] = field(default_factory=dict)
    peta: list[PetaTabel] = field(default_factory=list)  # the user's reading of tables the reader cannot tell
    batas_waktu: float = 120.0  # seconds a file may take in a batch before it is stopped (E001)
    batas_ukuran: float = 200.0  # MB; a larger file is not opened (E001)
    batas_memori: float = 2048.0  # MB of memory a batch worker may take for one file before it is stopped (E001)
    percayai_pengecualian: bool = False  # honour the Pengecualian sheets inside submissions (--percayai-pengecualian)
    sumber: str | None = None  # the file this configuration came from

    def __post_init__(self) -> None:
        if self.periode is not None:
            up = self.periode.strip().upper().replace(" ", "")
            if up not in ("TW1", "TW2", "TW3", "TW4"):
                from .config_pesan import NilaiSalah

                raise NilaiSalah(f"'{self.periode}' tidak dikenal; pilih TW1, TW2, TW3 atau TW4",
                                 f"unknown '{self.periode}'; choose TW1, TW2, TW3 or TW4", "periode")
            object.__setattr__(self, "periode", up)
        if self.lang not in ("id", "en"):
            from .config_pesan import NilaiSalah

            raise NilaiSalah(f"bahasa '{self.lang}' tidak dikenal; pilih id atau en",
                             f"unknown language '{self.lang}'; choose id or en", "lang")
        _ge0("batas_waktu", self.batas_waktu)
        _ge0("batas_ukuran", self.batas_ukuran)
        _ge0("batas_memori", self.batas_memori)

    @classmethod
    def bawaan(cls) -> Konfigurasi:
        """The defaults."""
        return cls()

    def path_nomenklatur(self) -> Path | None:
        """The nomenclature file: a relative path in a config file is relative to that file."""
        if not self.nomenklatur:
            return None
        p = Path(self.nomenklatur)
        if self.sumber and not p.is_absolute():
            p = Path(self.sumber).parent / p
        return p.resolve()

    def dengan(self, **ubah: Any) -> Konfigurasi:
        """A copy with command-line overrides applied (None values are ignored)."""
        data = {k: v for k, v in ubah.items() if v is not None}
        return dataclasses.replace(self, **data)


def _normalise_keys(obj: Any, sumber: str, teks: str | None = None, awalan: str = "",
                    tempat: tuple[Any, ...] = ()) -> Any:
    """Keys with ``_`` for ``-``; a key written both ways in one table is an error (one of the two
    would be dropped silently)."""
    if isinstance(obj, dict):
        out: dict[str, Any] = {}
        asal: dict[str, str] = {}
        for k, v in obj.items():
            nk = str(k).replace("-", "_")
            if nk in out:
                from .config_pesan import baris_kunci

                line = baris_kunci(teks, (*tempat, nk), awalan) if teks is not None else None
                where = f"{sumber} baris {line}" if line else sumber
                where_en = f"{sumber} line {line}" if line else sumber
                nama = ".".join(str(x) for x in tempat if not isinstance(x, int))
                nama = nama + "." if nama else ""
                raise KonfigurasiTidakValid(
                    f"{where}: kunci {nama}'{asal[nk]}' dan '{k}' sama (- dan _ setara); tulis salah satu saja",
                    f"{where_en}: keys {nama}'{asal[nk]}' and '{k}' are the same (- and _ are equal); write one only")
            asal[nk] = str(k)
            # the units under [satuan_tambahan] are names, kept exactly as written
            out[nk] = v if nk == "satuan_tambahan" and not tempat else _normalise_keys(
                v, sumber, teks, awalan, (*tempat, nk))
        return out
    if isinstance(obj, list):
        return [_normalise_keys(v, sumber, teks, awalan, (*tempat, i)) for i, v in enumerate(obj)]
    return obj


def _from_mapping(data: dict[str, Any], sumber: str, teks: str | None = None, awalan: str = "") -> Konfigurasi:
    data = _normalise_keys(data, sumber, teks, awalan)
    cap = data.get("capaian")
    if isinstance(cap, dict) and ("skala" in cap or "terbawah" in cap or "pembulatan" in cap):
        skala = {}
        if "skala" in cap:
            skala["batas"] = cap.pop("skala")
        if "terbawah" in cap:
            skala["terbawah"] = cap.pop("terbawah")
        if "pembulatan" in cap:
            skala["pembulatan"] = cap.pop("pembulatan")
        if isinstance(skala.get("batas"), dict):
            skala["batas"] = [[b, lbl] for lbl, b in skala["batas"].items()]
        cap["skala"] = skala
    if isinstance(data.get("peta"), list):  # each table map says where it came from
        data["peta"] = [{**p, "sumber": sumber} if isinstance(p, dict) else p for p in data["peta"]]
    try:
        from .models import validasi

        return validasi(Konfigurasi, {**data, "sumber": sumber})
    except Exception as exc:  # pydantic.ValidationError (or a ValueError from a check): say where
        from .config_pesan import pesan_validasi

        raise KonfigurasiTidakValid(*pesan_validasi(exc, sumber, teks, Konfigurasi, awalan)) from exc


def muat_konfigurasi(path: str | Path) -> Konfigurasi:
    """Load ``renja-xl.toml`` or the ``[tool.renja-xl]`` table of a ``pyproject.toml``; the file is
    validated with pydantic (types, unknown keys, thresholds, formula names, scale order)."""
    p = Path(path)
    try:
        teks = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise KonfigurasiTidakValid(f"{p}: tidak dapat dibaca ({exc.strerror or exc})",
                                    f"{p}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise KonfigurasiTidakValid(f"{p}: bukan teks UTF-8 (simpan ulang sebagai UTF-8)",
                                    f"{p}: not UTF-8 text (save it again as UTF-8)") from exc
    import tomllib  # only where a configuration file is read (6 ms of every start otherwise)

    try:
        data = tomllib.loads(teks)
    except tomllib.TOMLDecodeError as exc:
        from .config_pesan import pesan_toml

        raise KonfigurasiTidakValid(*pesan_toml(exc, str(p))) from exc
    awalan = ""
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("renja-xl", {})
        awalan = "tool.renja-xl"
    return _from_mapping(dict(data), str(p), teks, awalan)


def sidik_konfigurasi(cfg: Konfigurasi) -> dict[str, Any]:
    """What every report says about the configuration: its file (None = the defaults, "bawaan") and
    the sha256 of that file's bytes."""
    import hashlib

    if not cfg.sumber:
        return {"path": None, "sha256": None}
    try:
        digest = hashlib.sha256(Path(cfg.sumber).read_bytes()).hexdigest()
    except OSError:
        digest = None
    return {"path": cfg.sumber, "sha256": digest}


def di_dalam(path: Path, folders: list[Path]) -> bool:
    """True when ``path`` is one of ``folders`` or inside one of them."""
    try:
        p = path.resolve()
    except (OSError, RuntimeError):
        return False
    for f in folders:
        try:
            r = f.resolve()
        except (OSError, RuntimeError):
            continue
        if p == r or r in p.parents:
            return True
    return False


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
            import tomllib

            try:
                if "renja-xl" in tomllib.loads(py.read_text(encoding="utf-8")).get("tool", {}):
                    return py
            except (OSError, tomllib.TOMLDecodeError):
                pass
    return None
