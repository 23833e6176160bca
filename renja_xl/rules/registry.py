"""The rule registry: every rule is registered once, with its code, slug, severity, the table kinds it
runs on, the columns it needs, its thresholds and its documentation in Indonesian and English.

A rule is a function decorated with :func:`aturan`. The framework (:mod:`.jalan`) calls it:

- once per table of the kinds it declares (``jenis``), as ``fungsi(ctx, tabel)``, and only when the
  table's reader is sure of the columns the rule needs (``butuh``: a measure such as ``"target"``);
- once with every table of those kinds when the rule compares tables (``lintas=True``):
  ``fungsi(ctx, tables)``;
- once per file when it looks at the file itself (``berkas=True``): ``fungsi(ctx)``.

Codes are a contract (``../shared/spec/rules.md``): a code never changes meaning and a retired code
is never reused, so registering a code or slug twice, or a retired one, is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..core.models import Severity, Temuan

__all__ = ["Aturan", "Dok", "aturan", "REGISTRY", "pilih", "muat_semua", "DIPENSIUNKAN", "KATEGORI"]

_CODE = re.compile(r"^[KATSEFP]\d{3}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# P: what changed in a Perubahan or between the Rancangan Awal RKPD and the Hasil Analisis (and why),
# and plausibility (a target that jumps, a lokasi that names an office, a period that cannot be).
KATEGORI = {"K": "kode", "A": "anggaran", "T": "target & capaian", "S": "satuan", "E": "berkas", "F": "rumus",
            "P": "perubahan & kewajaran"}

# Codes that were used once and are retired: never registered again (rules.md: a code never changes meaning).
DIPENSIUNKAN: dict[str, str] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class Dok:
    """One language of a rule's documentation page."""

    judul: str
    apa: str  # what it checks
    mengapa: str  # why it matters
    contoh: str  # an example
    perbaikan: str  # how to fix


@dataclass(frozen=True, slots=True)
class Aturan:
    kode: str
    slug: str
    severity: Severity
    dok: dict[str, Dok]  # "id" and "en"
    fungsi: Callable[..., Iterable[Temuan]]
    jenis: tuple[str, ...] = ()  # table kinds it runs on (empty: every kind)
    butuh: tuple[str, ...] = ()  # measures the reader must be sure of
    ambang: tuple[str, ...] = ()  # names of the thresholds (core.config.Ambang) it reads
    lintas: bool = False  # compares tables
    berkas: bool = False  # looks at the file, not at tables
    butuh_nomenklatur: bool = False

    @property
    def kategori(self) -> str:
        return KATEGORI[self.kode[0]]

    def judul(self, lang: str = "id") -> str:
        return self.dok.get(lang, self.dok["id"]).judul

    def halaman(self, lang: str = "id") -> str:
        """The documentation page as Markdown (what ``renja-xl rule CODE`` prints)."""
        d = self.dok.get(lang, self.dok["id"])
        en = lang == "en"
        heads = ("What it checks", "Why it matters", "Example", "How to fix") if en else (
            "Apa yang diperiksa", "Mengapa penting", "Contoh", "Cara memperbaiki")
        from ..core.label import label_tingkat

        sev = label_tingkat(self.severity, "en" if en else "id")
        lines = [f"# {self.kode} {self.slug}: {d.judul}", "",
                 f"{'Default severity' if en else 'Tingkat bawaan'}: **{sev}**"
                 + (f" · {'needs the nomenclature' if en else 'perlu nomenklatur'}" if self.butuh_nomenklatur else ""),
                 ""]
        if self.jenis:
            lines += [f"{'Runs on tables of kind' if en else 'Berjalan pada tabel jenis'}: "
                      + ", ".join(f"`{j}`" for j in self.jenis), ""]
        for h, body in zip(heads, (d.apa, d.mengapa, d.contoh, d.perbaikan), strict=True):
            lines += [f"## {h}", "", body.strip(), ""]
        if self.ambang:
            from ..core.config import Ambang

            bawaan = Ambang()
            lines += [f"## {'Thresholds' if en else 'Ambang'}", ""]
            for name in self.ambang:
                lines.append(f"- `ambang.{name}` = {getattr(bawaan, name):g}"
                             + (" (default)" if en else " (bawaan)"))
            lines.append("")
        return "\n".join(lines)


REGISTRY: dict[str, Aturan] = {}
_SLUGS: set[str] = set()


def aturan(
    kode: str,
    slug: str,
    severity: Severity,
    *,
    id: Dok,  # noqa: A002 - the language code reads best here
    en: Dok,
    jenis: Iterable[str] = (),
    butuh: Iterable[str] = (),
    ambang: Iterable[str] = (),
    lintas: bool = False,
    berkas: bool = False,
    butuh_nomenklatur: bool = False,
) -> Callable[[Callable[..., Iterable[Temuan]]], Callable[..., Iterable[Temuan]]]:
    """Register a rule function under ``kode``/``slug`` with its documentation in Indonesian and English."""
    if not _CODE.match(kode):
        raise ValueError(f"kode aturan '{kode}' harus huruf {'/'.join(KATEGORI)} diikuti tiga angka")
    if kode in DIPENSIUNKAN:
        raise ValueError(f"kode aturan {kode} sudah dipensiunkan ({DIPENSIUNKAN[kode]}) dan tidak boleh dipakai lagi")
    if not _SLUG.match(slug):
        raise ValueError(f"slug '{slug}' harus kebab-case")
    if severity not in ("error", "warning", "info"):
        raise ValueError(f"severity '{severity}' tidak dikenal")

    def deco(fn: Callable[..., Iterable[Temuan]]) -> Callable[..., Iterable[Temuan]]:
        if kode in REGISTRY or slug in _SLUGS:
            raise ValueError(f"aturan {kode} ({slug}) sudah terdaftar")
        REGISTRY[kode] = Aturan(kode, slug, severity, {"id": id, "en": en}, fn, tuple(jenis), tuple(butuh),
                                tuple(ambang), lintas, berkas, butuh_nomenklatur)
        _SLUGS.add(slug)
        return fn

    return deco


def _matches(code: str, sel: str) -> bool:
    sel = sel.strip().upper()
    return bool(sel) and code.startswith(sel)


_dimuat = False


def muat_semua() -> None:
    """Import every rule module once (registration happens on import): each group is a sub-package
    of :mod:`renja_xl.rules` (kode, anggaran, target, satuan, berkas, rumus …), each rule a module
    named by its code (``a001_pagu_tidak_sesuai_rincian``)."""
    global _dimuat
    if _dimuat:
        return
    _dimuat = True
    import importlib
    import pkgutil
    from pathlib import Path

    paket = __name__.rsplit(".", 1)[0]
    for grup in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if not grup.ispkg:
            continue
        pkg = importlib.import_module(f"{paket}.{grup.name}")
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
            if info.name[0].upper() in KATEGORI and info.name[1:4].isdigit():
                importlib.import_module(f"{pkg.__name__}.{info.name}")


def pilih(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Aturan]:
    """The rules chosen by code or prefix (``A``, ``T002``); ignore wins over select."""
    muat_semua()
    sel = [s for s in select if s.strip()]
    ign = [s for s in ignore if s.strip()]
    out = []
    for code in sorted(REGISTRY):
        if sel and not any(_matches(code, s) for s in sel):
            continue
        if any(_matches(code, s) for s in ign):
            continue
        out.append(REGISTRY[code])
    return out


def kode_tidak_dikenal(codes: Iterable[str]) -> list[str]:
    """Selectors that match no registered rule (a typo in --select/--ignore)."""
    muat_semua()
    return [c for c in codes if c.strip() and not any(_matches(code, c) for code in REGISTRY)]
