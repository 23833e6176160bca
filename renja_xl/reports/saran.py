"""The suggestion shown beside a finding, the same in every report: the finding's own (a kode, a
unit, a value the rule worked out) when it has one, else its rule's "how to fix", in plain text."""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.models import Temuan
from .markdown import teks_polos

__all__ = ["saran_untuk", "saran_aturan", "saran_sendiri"]

MAKS = 220  # characters of a rule's fix shown beside a finding (the rule's page has it all)


@lru_cache(maxsize=256)
def saran_aturan(rule: str, lang: str = "id") -> str:
    """The rule's "how to fix", plain, cut at a sentence end within :data:`MAKS` characters."""
    from ..rules import REGISTRY, muat_semua

    muat_semua()
    a = REGISTRY.get(rule)
    if a is None:
        return ""
    text = " ".join(teks_polos(a.dok.get(lang, a.dok["id"]).perbaikan).split())
    if len(text) <= MAKS:
        return text
    cut = [m.end() for m in re.finditer(r"[.;](\s|$)", text) if m.end() <= MAKS]
    return text[: cut[-1]].strip() if cut else text[: MAKS - 1].rstrip() + "…"


def saran_sendiri(t: Temuan) -> str:
    """The finding's own suggestion, unless its message already says it."""
    return t.saran if t.saran and t.saran not in t.message else ""


def saran_untuk(t: Temuan, lang: str = "id") -> str:
    """What to do about ``t``: its own suggestion, else its rule's fix."""
    return saran_sendiri(t) or saran_aturan(t.rule, lang)
