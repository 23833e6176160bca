"""The README's promises that a test can hold: the quick start is two commands, in both languages."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_quick_start_is_exactly_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for head in ("## Mulai cepat", "### Quick start"):
        start = text.index(head)
        end = text.index("\n#", start + len(head))
        blocks = re.findall(r"```sh\n(.*?)```", text[start:end], re.S)
        commands = [ln for b in blocks for ln in b.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        assert len(commands) == 2, (head, commands)
