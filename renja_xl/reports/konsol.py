"""What the CLI writes to the console: the same bytes whatever the console, colour only where it works.

- Redirected output (a file, a pipe: ``renja-xl check X > hasil.txt``) is UTF-8 with ``\\n`` line
  ends on every system. Windows gives a redirected stream the ANSI code page (cp1252), which cannot
  hold ``→``, ``≠`` or ``−``: the report used to stop there with a traceback and exit 1.
- A console that cannot show a character (a legacy code page, ``LANG=C``) gets a faithful ASCII
  stand-in (``→`` as ``->``, ``≠`` as ``!=``), never an error.
- Colour and cursor control go through `rich <https://rich.readthedocs.io>`_, which knows which
  terminals support them (``NO_COLOR``, ``FORCE_COLOR``, ``TERM=dumb``, the legacy Windows console).
  rich is imported only when the output is a terminal.
"""

from __future__ import annotations

import codecs
import io
import sys
from typing import Any, TextIO

__all__ = ["siapkan_aliran", "ASCII", "ke_ascii", "konsol", "AliranAscii"]

ASCII = str.maketrans({
    "→": "->", "←": "<-", "≠": "!=", "≤": "<=", "≥": ">=", "−": "-", "–": "-", "—": "-", "…": "...",
    "·": "|", "×": "x", "█": "#", "░": ".", "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ",
    "✓": "v", "✗": "x",
})


def ke_ascii(text: str) -> str:
    """The ASCII stand-ins for the typographic characters the reports use."""
    return text.translate(ASCII)


def _utf(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name in ("utf-8", "utf-16", "utf-32")
    except LookupError:
        return False


class AliranAscii(io.TextIOBase):
    """A console stream that cannot hold every character: typographic ones become ASCII, the rest
    a ``?`` (never an exception)."""

    def __init__(self, dasar: TextIO):
        self.dasar = dasar

    def write(self, s: str) -> int:
        text = s.translate(ASCII)
        enc = getattr(self.dasar, "encoding", None) or "ascii"
        self.dasar.write(text.encode(enc, errors="replace").decode(enc, errors="replace"))
        return len(s)

    def flush(self) -> None:
        self.dasar.flush()

    def isatty(self) -> bool:
        return self.dasar.isatty()

    def fileno(self) -> int:
        return self.dasar.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.dasar, "encoding", None) or "ascii"

    @property
    def buffer(self) -> Any:
        return self.dasar.buffer


def siapkan_aliran() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` safe before anything is written (see the module)."""
    for name in ("stdout", "stderr"):
        s = getattr(sys, name)
        if not isinstance(s, io.TextIOWrapper):  # already replaced (tests, an embedding program)
            continue
        try:
            tty = s.isatty()
        except (ValueError, OSError):
            continue
        if not tty:
            if not _utf(s.encoding) or s.errors == "strict":
                s.reconfigure(encoding="utf-8", errors="backslashreplace", newline="\n")
        elif not _utf(s.encoding):
            setattr(sys, name, AliranAscii(s))


def konsol(stream: TextIO, warna: bool | None = None) -> Any:
    """A rich Console on ``stream`` that writes text as given: no wrapping, markup or highlighting.
    ``warna=False`` turns colour off; ``None`` lets rich decide for this terminal."""
    from rich.console import Console

    return Console(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=True,
                   no_color=True if warna is False else None, force_terminal=None,
                   legacy_windows=None, color_system="auto")
