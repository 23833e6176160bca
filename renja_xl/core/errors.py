"""The tool's own failures and the exit statuses of every command.

One table for all commands (the README shows it):

==========  ===============================================================================
status      meaning
==========  ===============================================================================
0           no error-severity finding (``diff``: the two files are the same)
1           at least one error-severity finding, an unreadable file included (``diff``: they differ)
2           the tool could not run: bad arguments, bad configuration, output not writable
130         stopped with Ctrl-C
141         the reader of the output went away (``renja-xl check X | head``): 128 + SIGPIPE, as a
            shell reports a process a broken pipe ended
==========  ===============================================================================
"""

from __future__ import annotations

__all__ = ["GagalJalan", "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_INTERRUPTED", "EXIT_PIPE"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_PIPE = 141


class GagalJalan(Exception):
    """The tool cannot run (bad arguments, output not writable, bad config): exit 2."""
