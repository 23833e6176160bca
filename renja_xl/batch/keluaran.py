"""Where a report goes: stdout, or a new file written atomically (never one of the inputs)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..checker import Masukan
from ..core.errors import GagalJalan

__all__ = ["tujuan", "pastikan_bukan_masukan"]


@contextmanager
def tujuan(output: str | None, inputs: list[Masukan], binary: bool = False) -> Iterator[IO[Any]]:
    """Where the report goes: stdout, or a new file written atomically (never one of the inputs)."""
    if output is None or output == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    out = Path(output)
    _bukan_tautan_berulang(out, output)
    if out.exists() and not out.is_file() and not out.is_dir():
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): write to it as it is, never replace it
        with (out.open("wb") if binary else out.open("w", encoding="utf-8", newline="\n")) as fh:
            yield fh
        return
    try:
        pastikan_bukan_masukan(out, inputs)
        if out.is_dir():
            raise GagalJalan(f"keluaran adalah folder: {output}")
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.exists():
            raise GagalJalan(f"folder keluaran tidak ada: {parent}")
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
    except OSError as exc:
        raise GagalJalan(f"tidak dapat menulis {output}: {exc}") from exc
    ok = False
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as fh:
            yield fh
        ok = True
    finally:
        if ok:
            os.replace(tmp, out)
        else:
            Path(tmp).unlink(missing_ok=True)


def _bukan_tautan_berulang(out: Path, output: str) -> None:
    """A symbolic link that loops (``-o x`` where x → x) is refused with exit 2, not a traceback."""
    import errno

    try:
        out.resolve()
    except RuntimeError:  # Python < 3.13: "Symlink loop"
        raise GagalJalan(f"keluaran adalah tautan simbolik yang berulang: {output}") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise GagalJalan(f"keluaran adalah tautan simbolik yang berulang: {output}") from None
        raise GagalJalan(f"tidak dapat menulis {output}: {exc}") from None


def pastikan_bukan_masukan(out: Path, inputs: list[Masukan]) -> None:
    """Refuse to write a report (or an annotated copy) over one of the checked files."""
    _bukan_tautan_berulang(out, str(out))
    target = out.resolve()
    if any(m.path is not None and m.path.exists() and m.path.resolve() == target for m in inputs):
        raise GagalJalan(f"laporan tidak boleh menimpa berkas masukan: {out}")
