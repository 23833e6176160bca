"""Command line: ``renja-xl check``, ``rules``, ``rule``, ``ringkasan`` (see ``renja-xl --help``).

Imports stay lazy: a check must not pay for libraries it does not use (pandas, openpyxl).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a short message, as the contract says
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"renja-xl: galat: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="renja-xl",
        description="Pemeriksa Renja (Rencana Kerja Perangkat Daerah): rollup pagu, konsistensi target, capaian, satuan, kode.",
    )
    p.add_argument("--version", action="version", version=f"renja-xl {__version__}")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)

    r = sub.add_parser("ringkasan", help="tabel yang dikenali dalam workbook dan total pagunya")
    r.add_argument("paths", nargs="+", metavar="PATH")
    r.add_argument("--lang", choices=("id", "en"), default="id")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.perintah is None:
        _parser().print_help()
        return EXIT_USAGE
    if args.perintah == "ringkasan":
        from .reports.ringkasan import cetak_ringkasan

        return cetak_ringkasan(args.paths, args.lang)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
