"""One guarded way to open something a sender made: size, time and memory limits in a child process.

Everything that opens a submission outside the batch workers (``ringkasan``, ``diff``, the annotated
copy, loading the nomenclature) goes through :func:`panggil`: the work runs in a forked child whose
address space is limited (``RLIMIT_AS``), which is killed after the time limit, and whose death —
a native abort of the reader when an allocation fails (one cell at XFD1048576), a signal, a Python
``MemoryError`` — comes back as :class:`~renja_xl.readers.BerkasTidakTerbaca` with a reason that names
the limit. Nothing of the child's stderr reaches the user. :func:`periksa_masukan` refuses, before
anything is opened, a file that is not a regular file (a FIFO named ``.xlsx`` would block a reader
forever) or is larger than the size limit.

Where ``fork`` does not exist (Windows) the work runs in the calling process with the size check
only; the batch workers (:mod:`renja_xl.batch.kolam`) keep their own time limit there.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Batas", "panggil", "periksa_masukan", "batasi_memori", "alasan_memori"]

_SINYAL = {6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 7: "SIGBUS", 15: "SIGTERM"}


@dataclass(frozen=True, slots=True)
class Batas:
    """Per-file limits (0 = none): seconds, MB on disk, MB of memory."""

    waktu: float = 120.0
    ukuran: float = 200.0
    memori: float = 2048.0

    @classmethod
    def dari(cls, cfg: Any) -> Batas:
        """The limits a :class:`~renja_xl.core.config.Konfigurasi` sets."""
        return cls(float(cfg.batas_waktu), float(cfg.batas_ukuran), float(cfg.batas_memori))


def _galat(alasan: str, reason: str, jenis: str = "rusak") -> Exception:
    from .workbook import BerkasTidakTerbaca

    return BerkasTidakTerbaca(alasan, reason, jenis)


def periksa_masukan(path: str | Path, batas: Batas) -> None:
    """Refuse what must not be opened: a missing file, a FIFO or device, a file over the size limit."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise _galat("berkas tidak ditemukan", "file not found", "tidak-ada") from None
    except OSError as exc:  # a symlink loop, no permission …
        raise _galat(f"berkas tidak dapat dibuka ({exc.strerror or exc})", f"cannot open the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        kind = "folder" if stat.S_ISDIR(st.st_mode) else "FIFO" if stat.S_ISFIFO(st.st_mode) else "perangkat/soket"
        kind_en = "folder" if stat.S_ISDIR(st.st_mode) else "FIFO" if stat.S_ISFIFO(st.st_mode) else "device/socket"
        raise _galat(f"bukan berkas biasa ({kind}); tidak dibuka", f"not a regular file ({kind_en}); not opened",
                     "bukan-spreadsheet")
    if batas.ukuran > 0 and st.st_size > batas.ukuran * 1024 * 1024:
        mb = st.st_size / 1024 / 1024
        raise _galat(f"berkas terlalu besar ({mb:.1f} MB; batas {batas.ukuran:g} MB, --batas-ukuran)",
                     f"file too large ({mb:.1f} MB; limit {batas.ukuran:g} MB, --batas-ukuran)")


def batasi_memori(mb: float) -> None:
    """Limit this process's address space to what it uses now plus ``mb`` MB (Linux)."""
    if mb <= 0 or not sys.platform.startswith("linux"):
        return
    try:
        import resource
    except ImportError:
        return
    now = 0
    try:
        with open("/proc/self/statm") as fh:
            now = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        pass
    limit = now + int(mb * 1024 * 1024)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def alasan_memori(batas_mb: float, said: str = "") -> tuple[str, str]:
    """The E001 reason of a file that took more memory than allowed."""
    m = re.search(r"memory allocation of (\d+) bytes failed", said)
    need = need_en = ""
    if m:
        mb = int(m.group(1)) // (1024 * 1024)
        if mb:
            need, need_en = f"; {mb:,} MB diminta".replace(",", "."), f"; {mb:,} MB requested"
    return (f"berkas menghabiskan memori (batas {batas_mb:g} MB, --batas-memori{need}); minta pengirim menghapus "
            "baris/kolom kosong yang terpakai lalu mengirim ulang",
            f"the file exhausts memory (limit {batas_mb:g} MB, --batas-memori{need_en}); ask the sender to delete the "
            "unused empty rows/columns and send it again")


def _alasan_mati(code: int | None, said: str, batas: Batas) -> tuple[str, str]:
    if re.search(r"memory allocation of \d+ bytes failed|MemoryError|out of memory|Cannot allocate memory",
                 said, re.I):
        return alasan_memori(batas.memori, said)
    sig = _SINYAL.get(-code, f"sinyal {-code}") if code is not None and code < 0 else f"status {code}"
    return (f"proses pembaca berhenti tiba-tiba ({sig})", f"the reader process died ({sig})")


def _baca_semua(fd: int, deadline: float | None) -> bytes | None:
    """Everything the child writes before closing its end; None when the deadline passes first."""
    import select

    parts: list[bytes] = []
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


def panggil(fn: Callable[..., Any], *args: Any, batas: Batas,
            lolos: tuple[type[BaseException], ...] = ()) -> Any:
    """``fn(*args)`` in a guarded child. Returns its result; raises :class:`BerkasTidakTerbaca` when
    it could not read (naming the limit it hit, or the exception that broke the reader), or the
    exception itself when it is one of ``lolos``. ``fn``, its arguments and result must pickle."""
    if not hasattr(os, "fork"):
        return fn(*args)
    import pickle
    import signal
    import tempfile

    r, w = os.pipe()
    err_fd, err_path = tempfile.mkstemp(prefix="renja-xl-jaga-")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        code = 0
        try:
            os.close(r)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            os.dup2(err_fd, 2)
            batasi_memori(batas.memori)
            from .workbook import BerkasTidakTerbaca

            try:
                out: tuple[str, Any] = ("ok", fn(*args))
            except MemoryError:
                out = ("memori", None)
            except BerkasTidakTerbaca as exc:  # its constructor takes three texts: send them
                out = ("tak-terbaca", (exc.alasan, exc.reason, exc.jenis))
            except lolos as exc:
                out = ("lolos", exc)
            except BaseException as exc:  # noqa: BLE001 - said to the parent as one line
                out = ("galat", f"{type(exc).__name__}: {exc}"[:300])
            try:
                data = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
                data = pickle.dumps(("galat", RuntimeError(f"{type(exc).__name__}: {exc}")))
            view = memoryview(data)
            while view:
                view = view[os.write(w, view):]
        except BaseException:  # noqa: BLE001 - the parent reads the exit status
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    os.close(err_fd)
    deadline = time.monotonic() + batas.waktu if batas.waktu > 0 else None
    try:
        try:
            data = _baca_semua(r, deadline)
        finally:
            os.close(r)
        if data is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise _galat(f"pembacaan dihentikan setelah {batas.waktu:g} detik (batas --batas-waktu)",
                         f"reading stopped after {batas.waktu:g} seconds (limit --batas-waktu)")
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if data:
            kind, value = pickle.loads(data)
            if kind == "ok":
                return value
            if kind == "memori":
                raise _galat(*alasan_memori(batas.memori))
            if kind == "tak-terbaca":
                raise _galat(*value)
            if kind == "lolos":
                raise value
            raise _galat(f"pembaca gagal membaca berkas ini ({value}); minta pengirim menyimpan ulang dari Excel "
                         "sebagai .xlsx", f"the reader failed on this file ({value}); ask the sender to save it again "
                         "from Excel as .xlsx")
        try:
            said = Path(err_path).read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            said = ""
        raise _galat(*_alasan_mati(code, said, batas))
    except KeyboardInterrupt:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        raise
    finally:
        Path(err_path).unlink(missing_ok=True)


def _baca_ringan(path: str, peta: Any) -> Any:
    """Read a workbook in the guarded child; the grids stay behind (only tables and sheet names
    travel back through the pipe)."""
    from . import baca_berkas

    hasil = baca_berkas(path, peta)
    hasil.lembar = []
    return hasil


def baca_terjaga(path: str | Path, batas: Batas, peta: Any = None) -> Any:
    """:func:`renja_xl.readers.baca_berkas` through the guard: a FIFO or a file over the size limit is
    not opened, the reading runs with the time and memory limits; raises :class:`BerkasTidakTerbaca`
    with the reason (what ``ringkasan`` and ``diff`` say about a file they cannot read)."""
    periksa_masukan(path, batas)
    return panggil(_baca_ringan, str(path), peta, batas=batas)
