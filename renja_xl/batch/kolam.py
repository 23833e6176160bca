"""Checking many files in worker processes, with a time, size and memory limit per file.

The parent hands one file at a time to each of ``jobs`` long-lived workers and yields the checked
files in input order (a small reorder window bounds what waits in memory, whatever the number of
files). A worker sends back the :class:`~renja_xl.core.models.Berkas` without the table rows (the
reports need the findings, not the rows), so nothing grows with the batch.

A file never ends the batch:

- larger than ``batas_ukuran`` MB: not opened, E001;
- still being read after ``batas_waktu`` seconds (a hung network share, a FIFO, a pathological
  file): its worker is killed and replaced, E001;
- taking more than ``batas_memori`` MB (the worker's address space is limited with
  ``RLIMIT_AS``; python-calamine aborts the process when an allocation fails, e.g. for a sheet
  with one stray cell at XFD1048576): the worker is replaced, E001 with what it said on stderr;
- breaking the reader (any exception): E001 with the exception.

Workers are forked where the platform allows (they start with the parent's imports, in a few
milliseconds, and talk through two plain pipes) and spawned with multiprocessing elsewhere. Their
stderr goes to a file the parent reads when one dies.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..checker import Batas, Masukan
from ..core.config import Konfigurasi
from ..core.models import Berkas

__all__ = ["periksa_satu", "periksa_semua", "jumlah_inti"]

_SINYAL = {6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 7: "SIGBUS", 15: "SIGTERM"}


def jumlah_inti() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _tak_terbaca(m: Masukan, cfg: Konfigurasi, alasan: str, reason: str) -> Berkas:
    from ..checker import berkas_tidak_terbaca

    return berkas_tidak_terbaca(m, cfg, alasan, reason)


def periksa_satu(m: Masukan, cfg: Konfigurasi, nomenklatur: Any = None, batas: Batas | None = None,
                 simpan_baris: bool = False) -> Berkas:
    """:func:`renja_xl.checker.periksa_berkas` in a worker. The tables' rows are dropped once the
    checks and the identification are done (unless ``simpan_baris``: ``renja-xl ringkasan`` sums
    them): the reports need the findings, and the rows would travel back through the pipe."""
    from ..checker import periksa_berkas

    b = periksa_berkas(m, cfg, nomenklatur, batas)
    if not simpan_baris:
        for t in b.tables:
            t.buang_baris()
    return b


# --- the worker side ----------------------------------------------------------------------------

def _batasi_memori(mb: float) -> None:
    from ..readers.jaga import batasi_memori

    batasi_memori(mb)


def _atur_gc() -> None:
    """Fewer cyclic-garbage passes in a worker. Checking a file allocates tens of thousands of small
    objects (rows, cells) that reference counting frees; a pass every 700 allocations (CPython's
    default) mostly re-scans live rows, about a tenth of a worker's time on generated submissions
    (benchmarks/README.md). What the worker inherited from the parent (modules, config) is frozen out
    of the passes. Collection still runs: the youngest generation every 50,000 allocations, older
    ones as CPython's own rules decide from these thresholds, so cyclic garbage (tracebacks of
    unreadable files) is still freed, later than with the default."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


def _pekerja(conn: Any, cfg: Konfigurasi, nomenklatur: Any, batas: Batas, stderr_path: str,
             simpan_baris: bool = False) -> None:
    """A worker: check the files it is sent until it receives None. A spawned worker is given no
    nomenclature and loads the one the configuration names (from its cache)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 2)
    os.close(fd)
    _batasi_memori(batas.memori)
    if nomenklatur is None and cfg.nomenklatur:
        from ..nomenklatur import muat_dari_konfigurasi

        nomenklatur = muat_dari_konfigurasi(cfg)
    _atur_gc()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        idx, m = msg
        os.ftruncate(2, 0)
        os.lseek(2, 0, os.SEEK_SET)
        try:
            conn.send((idx, periksa_satu(m, cfg, nomenklatur, batas, simpan_baris)))
        except MemoryError:
            conn.send((idx, "memori"))
            return  # a fresh worker takes over: this one's heap may be in a bad state


# --- the parent side ----------------------------------------------------------------------------

class _Saluran:
    """One side of a forked worker's two pipes: pickled messages with a length prefix. (Lighter
    than multiprocessing, whose import alone costs a single-file check ~10 ms.)"""

    def __init__(self, r: int, w: int):
        self.r, self.w = r, w

    def fileno(self) -> int:
        return self.r

    def send(self, obj: Any) -> None:
        import pickle

        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(len(data).to_bytes(8, "little") + data)
        while view:
            view = view[os.write(self.w, view):]

    def _baca(self, n: int) -> bytes:
        parts = []
        while n:
            chunk = os.read(self.r, min(n, 1 << 20))
            if not chunk:
                raise EOFError("the worker closed its pipe")
            parts.append(chunk)
            n -= len(chunk)
        return b"".join(parts)

    def recv(self) -> Any:
        import pickle

        return pickle.loads(self._baca(int.from_bytes(self._baca(8), "little")))

    def close(self) -> None:
        for fd in (self.r, self.w):
            try:
                os.close(fd)
            except OSError:
                pass


class _PekerjaFork:
    """A worker forked directly (POSIX)."""

    def __init__(self, cfg: Konfigurasi, nomenklatur: Any, batas: Batas, stderr: Path, milik_lain: set[int],
                 simpan_baris: bool = False):
        r1, w1 = os.pipe()  # to the worker
        r2, w2 = os.pipe()  # from the worker
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the worker: it must never return into the parent's code
            code = 1
            try:
                for fd in (*milik_lain, w1, r2):  # other workers' pipes: their end-of-file must not wait for us
                    try:
                        os.close(fd)
                    except OSError:
                        pass
                _pekerja(_Saluran(r1, w2), cfg, nomenklatur, batas, str(stderr), simpan_baris)
                code = 0
            except BaseException:  # noqa: BLE001 - said on stderr, where the parent reads why it died
                import traceback

                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(r1)
        os.close(w2)
        self.pid = pid
        self.conn = _Saluran(r2, w1)
        self.exitcode: int | None = None
        self._milik = milik_lain
        milik_lain.update((r2, w1))

    def join(self, timeout: float) -> None:
        end = time.monotonic() + timeout
        while self.exitcode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exitcode = os.waitstatus_to_exitcode(status)
                return
            if time.monotonic() >= end:
                return
            time.sleep(0.001)

    def kill(self) -> None:
        import signal

        if self.exitcode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def close(self) -> None:
        self._milik.difference_update((self.conn.r, self.conn.w))
        self.conn.close()


class _PekerjaSpawn:
    """A worker started with multiprocessing (platforms without fork)."""

    def __init__(self, cfg: Konfigurasi, nomenklatur: Any, batas: Batas, stderr: Path, milik_lain: set[int],
                 simpan_baris: bool = False):
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_pekerja, args=(child, cfg, None, batas, str(stderr), simpan_baris), daemon=True)
        self.proc.start()
        child.close()

    @property
    def exitcode(self) -> int | None:
        return self.proc.exitcode

    def join(self, timeout: float) -> None:
        self.proc.join(timeout)

    def kill(self) -> None:
        self.proc.kill()

    def close(self) -> None:
        self.conn.close()


class _Pekerja:
    """A worker process and the file it is checking."""

    def __init__(self, cfg: Konfigurasi, nomenklatur: Any, batas: Batas, folder: Path, n: int, milik: set[int],
                 simpan_baris: bool = False):
        self.stderr = folder / f"pekerja-{n}.stderr"
        kind = _PekerjaFork if hasattr(os, "fork") else _PekerjaSpawn
        self.proses = kind(cfg, nomenklatur, batas, self.stderr, milik, simpan_baris)
        self.conn = self.proses.conn
        self.tugas: tuple[int, Masukan] | None = None
        self.mulai = 0.0

    def kirim(self, idx: int, m: Masukan) -> None:
        self.tugas = (idx, m)
        self.mulai = time.monotonic()
        self.conn.send((idx, m))

    def hentikan(self, paksa: bool = False) -> None:
        try:
            if paksa:
                self.proses.kill()
            else:
                try:
                    self.conn.send(None)
                except OSError:
                    pass
            self.proses.join(1 if not paksa else 5)
            if self.proses.exitcode is None:
                self.proses.kill()
                self.proses.join(5)
        finally:
            self.proses.close()

    def pesan_akhir(self) -> str:
        try:
            text = self.stderr.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith(" ")]
        return lines[0][:200] if lines else ""


def _alasan_mati(w: _Pekerja, batas: Batas) -> tuple[str, str]:
    code = w.proses.exitcode
    said = w.pesan_akhir()
    try:
        semua = w.stderr.read_text(encoding="utf-8", errors="replace")[-8000:]
    except OSError:
        semua = said
    if re.search(r"memory allocation of \d+ bytes failed|MemoryError|out of memory|Cannot allocate memory",
                 semua, re.I):
        from ..readers.jaga import alasan_memori

        return alasan_memori(batas.memori, semua)
    sig = _SINYAL.get(-code, f"sinyal {-code}") if code is not None and code < 0 else f"status {code}"
    extra = f": {said}" if said else ""
    return (f"proses pembaca berhenti tiba-tiba ({sig}{extra})", f"the reader process died ({sig}{extra})")


def _tunggu(conns: list[Any], timeout: float | None) -> list[Any]:
    """The connections with something to read (or closed) within ``timeout`` seconds."""
    if conns and isinstance(conns[0], _Saluran):
        import select

        return select.select(conns, [], [], timeout)[0]
    from multiprocessing.connection import wait

    return wait(conns, timeout=timeout)


def periksa_semua(inputs: list[Masukan], cfg: Konfigurasi, jobs: int, nomenklatur: Any = None,
                  batas: Batas | None = None, diperiksa: Callable[[Berkas], None] | None = None,
                  simpan_baris: bool = False, cache: Any = None) -> Iterator[Berkas]:
    """Check ``inputs`` in ``jobs`` worker processes; yields each file's result in input order.
    ``nomenklatur``: the nomenclature the parent loaded (forked workers share it); ``batas``: the
    limits per file (default: the configuration's). ``diperiksa`` is called as each file is checked
    (in completion order), e.g. for a progress bar. ``simpan_baris``: keep the tables' rows.
    ``cache`` (:class:`.cache.CacheHasil`): a file whose bytes were checked before with the same code,
    configuration and nomenclature is not checked again (its stored result is checked as it is read
    back); new results are stored by this process only (workers never write the cache)."""
    if not inputs:
        return
    from .. import checker  # noqa: F401 - imported once here, so forked workers start with it

    batas = batas if batas is not None else Batas.dari(cfg)

    folder = Path(tempfile.mkdtemp(prefix="renja-xl-pekerja-"))
    jobs = max(1, min(jobs, len(inputs)))
    window = max(32, 4 * jobs)
    counter = 0
    milik: set[int] = set()  # the parent's ends of all workers' pipes

    def baru() -> _Pekerja:
        nonlocal counter
        counter += 1
        return _Pekerja(cfg, nomenklatur, batas, folder, counter, milik, simpan_baris)

    workers = [baru() for _ in range(jobs)]
    pending: deque[tuple[int, Masukan]] = deque(enumerate(inputs))
    done: dict[int, Berkas] = {}
    next_out = 0
    kunci_cache: dict[int, str | None] = {}  # the cache key of each input looked up (None: not cacheable)

    def hasil(idx: int, b: Berkas) -> None:
        done[idx] = b
        if cache is not None and b.status == "checked" and not b.dari_cache:
            cache.simpan(kunci_cache.get(idx), b)
        if diperiksa is not None:
            diperiksa(b)

    def dari_cache() -> None:
        """Results for the inputs at the head of the queue that the cache has (they skip the workers)."""
        while pending and pending[0][0] not in kunci_cache and pending[0][0] < next_out + window:
            idx, m = pending[0]
            ok = m.path is not None and m.galat is None and m.lembar is None
            k = kunci_cache[idx] = cache.kunci(m.path) if ok else None
            b = cache.ambil(k, m.tampil)
            if b is None:
                return
            b.dari_cache = True
            pending.popleft()
            hasil(idx, b)

    try:
        while next_out < len(inputs):
            if cache is not None and not simpan_baris:
                dari_cache()  # hits at the head go out even while every worker is busy
            for i, w in enumerate(workers):
                if w.tugas is None and cache is not None and not simpan_baris:
                    dari_cache()  # the head of the queue is looked up before a worker gets it
                if w.tugas is None and pending and pending[0][0] < next_out + window:
                    try:
                        w.kirim(*pending[0])
                    except OSError:  # the worker died while idle: a new one takes the file
                        w.hentikan(paksa=True)
                        workers[i] = w = baru()
                        w.kirim(*pending[0])
                    pending.popleft()
            busy = [w for w in workers if w.tugas is not None]
            if busy:
                now = time.monotonic()
                wait_for = None
                if batas.waktu > 0:
                    wait_for = max(0.0, min(w.mulai + batas.waktu - now for w in busy))
                ready = _tunggu([w.conn for w in busy], wait_for)
                for i, w in enumerate(workers):
                    if w.tugas is None or w.conn not in ready:
                        continue
                    idx, m = w.tugas
                    try:
                        got_idx, b = w.conn.recv()
                    except (EOFError, OSError):
                        w.proses.join(5)
                        hasil(idx, _tak_terbaca(m, cfg, *_alasan_mati(w, batas)))
                        w.hentikan(paksa=True)
                        workers[i] = baru()
                        continue
                    w.tugas = None
                    if isinstance(b, str):  # "memori": a MemoryError in Python (it says nothing on stderr)
                        from ..readers.jaga import alasan_memori

                        hasil(idx, _tak_terbaca(m, cfg, *alasan_memori(batas.memori, w.pesan_akhir())))
                        w.hentikan(paksa=True)
                        workers[i] = baru()
                    else:
                        hasil(got_idx, b)
                if batas.waktu > 0:
                    now = time.monotonic()
                    for i, w in enumerate(workers):
                        if w.tugas is not None and now - w.mulai >= batas.waktu and w.conn not in ready:
                            idx, m = w.tugas
                            w.hentikan(paksa=True)
                            hasil(idx, _tak_terbaca(
                                m, cfg, f"pemeriksaan dihentikan setelah {batas.waktu:g} detik (batas --batas-waktu)",
                                f"check stopped after {batas.waktu:g} seconds (limit --batas-waktu)"))
                            workers[i] = baru()
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for w in workers:
            w.hentikan(paksa=next_out < len(inputs))
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
