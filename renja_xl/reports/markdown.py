"""The rule pages are written in light Markdown; a spreadsheet cell or a text page wants them plain."""

from __future__ import annotations

import re

__all__ = ["teks_polos"]

_TAUTAN = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_TEBAL = re.compile(r"(\*\*|__)(.+?)\1")
_MIRING = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_KODE = re.compile(r"`([^`]*)`")


def teks_polos(text: str) -> str:
    """``**Pagu**`` → ``Pagu``, `` `A001` `` → ``A001``, ``[teks](url)`` → ``teks``; lines and list
    bullets are kept, runs of spaces inside a line are not."""
    out = []
    for line in text.strip().splitlines():
        line = _TAUTAN.sub(r"\1", line)
        line = _KODE.sub(r"\1", line)
        line = _TEBAL.sub(r"\2", line)
        line = _MIRING.sub(r"\1", line)
        out.append(re.sub(r"[ \t]+", " ", line).rstrip())
    return "\n".join(out)
