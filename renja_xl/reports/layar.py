"""Text from a submission made safe for a terminal.

A cell, a sheet name or a zip member name can hold control characters and escape sequences
(``ESC [2K`` erases a line, ``ESC ]0;…`` retitles the window, a lone ``CR`` overwrites what was
printed, U+202E reverses what follows). Terminal output never passes them on: :func:`layar` writes
each such character as a visible escape (``\\x1b[2K``), so nothing acts and nothing is hidden.
The reports' own colours are added around the cleaned text, never inside it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["layar"]

# C0 controls except tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), bidi overrides and
# isolates, line/paragraph separators, and halves of surrogate pairs (undecodable bytes)
_KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _lolos(m: re.Match[str]) -> str:
    o = ord(m.group(0))
    if 0xDC80 <= o <= 0xDCFF:
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def layar(teks: Any) -> str:
    """``teks`` as a string with every control or escape character shown, not acted on."""
    s = "" if teks is None else str(teks)
    return _KENDALI.sub(_lolos, s)
