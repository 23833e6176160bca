"""argparse in the user's language, with suggestions for a misspelt option, command or value.

argparse builds its messages with gettext; :func:`pasang_bahasa` swaps in Indonesian (the default)
or English before the parser is built (the language is read from ``--lang`` in the raw arguments).
:class:`Parser` exits 2 with ``renja-xl: galat: …`` and, when a word is close to a known one,
``maksud Anda --format?``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

__all__ = ["Parser", "pasang_bahasa", "bahasa_argumen", "saran"]

_ID = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi lalu keluar",
    "the following arguments are required: %s": "argumen ini wajib: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak dikenal: %(value)r (pilih %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak valid: %(value)r",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s bisa berarti %(matches)s",
    "one of the arguments %s is required": "salah satu argumen ini wajib: %s",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}
_ID_N = {"expected %s argument": "perlu %s nilai", "expected %s arguments": "perlu %s nilai"}
_bahasa = "id"


def bahasa_argumen(argv: Sequence[str]) -> str:
    """``--lang en`` (or ``--lang=en``) among the raw arguments; Indonesian otherwise."""
    args = list(argv)
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "id"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "id"
    return "id"


def _gettext(text: str) -> str:
    return _ID.get(text, text) if _bahasa == "id" else text


def _ngettext(single: str, plural: str, n: int) -> str:
    text = single if n == 1 else plural
    return _ID_N.get(text, text) if _bahasa == "id" else text


def pasang_bahasa(lang: str) -> None:
    """argparse speaks ``lang`` from now on (in this process)."""
    global _bahasa
    _bahasa = "en" if lang == "en" else "id"
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def saran(kata: str, pilihan: Sequence[str]) -> str | None:
    """The known word closest to ``kata`` when it is close enough to be a typo."""
    import difflib

    hits = difflib.get_close_matches(kata, list(pilihan), n=1, cutoff=0.6)
    return hits[0] if hits else None


class Parser(argparse.ArgumentParser):
    """Exits 2 with a short message in the user's language and a suggestion for a typo."""

    def error(self, message: str) -> NoReturn:
        prefix = _gettext("unrecognized arguments: %s").split("%s")[0]
        words = message[len(prefix):].split() if message.startswith(prefix) else []
        hint = None
        opsi = _semua_opsi(self)
        for w in words:
            if w.startswith("-"):
                hint = saran(w.split("=", 1)[0], opsi)
                if hint:
                    break
        self.print_usage(sys.stderr)
        tail = ""
        if hint:
            tail = f"; did you mean {hint}?" if _bahasa == "en" else f"; maksud Anda {hint}?"
        self.exit(2, f"renja-xl: {'error' if _bahasa == 'en' else 'galat'}: {message}{tail}\n")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            msg = _gettext("invalid choice: %(value)r (choose from %(choices)s)") % {"value": value, "choices": choices}
            hint = saran(str(value), [str(c) for c in action.choices])
            if hint:
                msg += f"; did you mean {hint}?" if _bahasa == "en" else f"; maksud Anda {hint}?"
            raise argparse.ArgumentError(action, msg)


def _semua_opsi(parser: argparse.ArgumentParser) -> list[str]:
    """Every option string of ``parser`` and of its subcommands (an unknown option is reported by
    the top parser, whichever subcommand it was meant for)."""
    out: list[str] = []
    for a in parser._actions:
        out += [s for s in a.option_strings if s.startswith("--")]
        if isinstance(a, argparse._SubParsersAction):
            for sp in a.choices.values():
                out += _semua_opsi(sp)
    return sorted(set(out))
