"""The rule catalogue (``../shared/spec/rules.md``): one module per rule, grouped by letter.

``kode/`` K rules, ``anggaran/`` A rules, ``target/`` T rules, ``satuan/`` S rules, ``berkas/`` E rules.
Each module registers its rule once with :func:`.registry.aturan`; :mod:`.jalan` runs them over a
workbook's tables; :mod:`.struktur` holds the shared facts of which rows add up.
"""

from __future__ import annotations

import importlib
import pkgutil

from .registry import KATEGORI, REGISTRY, Aturan, Dok, aturan, pilih

__all__ = ["REGISTRY", "Aturan", "Dok", "aturan", "pilih", "muat_semua"]

_GROUPS = ("kode", "anggaran", "target", "satuan", "berkas")
_loaded = False


def muat_semua() -> None:
    """Import every rule module once (registration happens on import)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for group in _GROUPS:
        pkg = importlib.import_module(f"{__name__}.{group}")
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
            if info.name[0].upper() in KATEGORI and info.name[1:4].isdigit():
                importlib.import_module(f"{pkg.__name__}.{info.name}")
