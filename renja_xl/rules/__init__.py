"""The rule catalogue (``../shared/spec/rules.md``): one module per rule, grouped by letter.

``kode/`` K rules, ``anggaran/`` A rules, ``target/`` T rules, ``satuan/`` S rules, ``berkas/`` E rules,
``kewajaran/`` P rules (a Perubahan and the review of the RKPD, plausibility).
Each module registers its rule once with :func:`.registry.aturan`; :mod:`.jalan` runs them over a
workbook's tables; :mod:`.struktur` holds the shared facts of which rows add up.
"""

from __future__ import annotations

from .registry import KATEGORI, REGISTRY, Aturan, Dok, aturan, muat_semua, pilih

__all__ = ["REGISTRY", "KATEGORI", "Aturan", "Dok", "aturan", "pilih", "muat_semua"]
