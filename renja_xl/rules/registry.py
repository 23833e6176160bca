"""The rule registry: every rule is registered once, with its code, slug, severity and documentation.

A rule is a function decorated with :func:`aturan`; it receives a :class:`~.context.Konteks` bound to
it and yields findings. Codes are a contract (``../shared/spec/rules.md``): a code never changes
meaning and a retired code is never reused, so registering a code or slug twice is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..core.models import Severity, Temuan

__all__ = ["Aturan", "Dok", "aturan", "REGISTRY", "pilih"]

_CODE = re.compile(r"^[KATSE]\d{3}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
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
    butuh_nomenklatur: bool = False

    @property
    def kategori(self) -> str:
        return {"K": "kode", "A": "anggaran", "T": "target & capaian", "S": "satuan", "E": "berkas"}[self.kode[0]]

    def judul(self, lang: str = "id") -> str:
        return self.dok.get(lang, self.dok["id"]).judul

    def halaman(self, lang: str = "id") -> str:
        """The documentation page as Markdown (what ``renja-xl rule CODE`` prints)."""
        d = self.dok.get(lang, self.dok["id"])
        heads = ("Apa yang diperiksa", "Mengapa penting", "Contoh", "Cara memperbaiki") if lang == "id" else (
            "What it checks", "Why it matters", "Example", "How to fix")
        sev = {"id": {"error": "galat", "warning": "peringatan", "info": "info"}}.get(lang, {}).get(self.severity, self.severity)
        lines = [f"# {self.kode} {self.slug}: {d.judul}", "",
                 f"{'Tingkat bawaan' if lang == 'id' else 'Default severity'}: **{sev}**"
                 + (f" · {'perlu nomenklatur' if lang == 'id' else 'needs the nomenclature'}" if self.butuh_nomenklatur else ""),
                 ""]
        for h, body in zip(heads, (d.apa, d.mengapa, d.contoh, d.perbaikan), strict=False):
            lines += [f"## {h}", "", body.strip(), ""]
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
    butuh_nomenklatur: bool = False,
) -> Callable[[Callable[..., Iterable[Temuan]]], Callable[..., Iterable[Temuan]]]:
    """Register a rule function under ``kode``/``slug`` with its documentation in Indonesian and English."""
    if not _CODE.match(kode):
        raise ValueError(f"kode aturan '{kode}' harus huruf K/A/T/S/E diikuti tiga angka")
    if not _SLUG.match(slug):
        raise ValueError(f"slug '{slug}' harus kebab-case")
    if severity not in ("error", "warning", "info"):
        raise ValueError(f"severity '{severity}' tidak dikenal")

    def deco(fn: Callable[..., Iterable[Temuan]]) -> Callable[..., Iterable[Temuan]]:
        if kode in REGISTRY or slug in _SLUGS:
            raise ValueError(f"aturan {kode} ({slug}) sudah terdaftar")
        REGISTRY[kode] = Aturan(kode, slug, severity, {"id": id, "en": en}, fn, butuh_nomenklatur)
        _SLUGS.add(slug)
        return fn

    return deco


def _matches(code: str, sel: str) -> bool:
    sel = sel.strip().upper()
    return bool(sel) and code.startswith(sel)


def pilih(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Aturan]:
    """The rules chosen by code or prefix (``A``, ``T002``); ignore wins over select."""
    from . import muat_semua

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
    from . import muat_semua

    muat_semua()
    return [c for c in codes if c.strip() and not any(_matches(code, c) for code in REGISTRY)]
