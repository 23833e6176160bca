"""The files of a check: given files, folders searched recursively, and ``.zip`` archives of submissions.

A zip (given, found in a folder, or inside another zip) is unpacked into a temporary folder that is
removed when the check ends. Nothing is written outside that folder whatever the member names say:
each member goes to ``<tmp>/<n>/<its base name>``, and a member whose name tries to leave the
archive (``../x.xlsx``, ``/etc/x.xlsx``, ``C:\\x.xlsx``) is not unpacked at all but reported as
unreadable. Sizes are limited while unpacking, counting the bytes really written (a member's
declared size can lie): a spreadsheet larger than the per-file limit, or a member that would take
the archives of one check past :data:`BATAS_ARSIP_MB` unpacked, gives an unreadable-file finding.

Reports show a member as ``kiriman.zip!kab_luwu/dinsos.xlsx``.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..checker import Masukan
from ..readers.workbook import EKSTENSI

__all__ = ["Masukan", "DaftarMasukan", "kumpulkan", "BATAS_ARSIP_MB", "KEDALAMAN_ZIP"]

BATAS_ARSIP_MB = 8192  # what all the archives of one check may unpack to together
KEDALAMAN_ZIP = 3  # zips inside zips inside zips, no deeper
_POTONG = 1 << 20


def _urut(name: str) -> str:
    return name.lower()


def _lewati(name: str) -> bool:
    """Office lock files (``~$x.xlsx``) and macOS metadata (``._x.xlsx``, ``__MACOSX/``)."""
    base = name.rsplit("/", 1)[-1]
    return base.startswith("~$") or base.startswith("._") or name.startswith("__MACOSX/")


def _metadata(name: str) -> bool:
    """macOS metadata, never a submission: left out without a word."""
    base = name.rsplit("/", 1)[-1]
    return base.startswith("._") or name.startswith("__MACOSX/") or "/__MACOSX/" in name or base == ".DS_Store"


class DaftarMasukan(list):
    """The inputs of a check, and ``dilewati``: the files found beside them that were left out
    (Office lock files ``~$x.xlsx``, PDFs and other files that are not spreadsheets)."""

    dilewati: list[str]


class _Pembongkar:
    """Unpacks zips into one temporary folder (created on the first zip)."""

    def __init__(self, batas_ukuran_mb: float):
        self.batas = int(batas_ukuran_mb * 1024 * 1024) if batas_ukuran_mb > 0 else None
        self.sisa = BATAS_ARSIP_MB * 1024 * 1024
        self.tmp: Path | None = None
        self.n = 0
        self.dilewati: list[str] = []  # files left out (lock files, not spreadsheets): said, not checked

    def _folder(self) -> Path:
        if self.tmp is None:
            self.tmp = Path(tempfile.mkdtemp(prefix="renja-xl-zip-"))
        self.n += 1
        d = self.tmp / f"{self.n:06d}"
        d.mkdir()
        return d

    def bersihkan(self) -> None:
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def zip(self, path: Path, tampil: str, depth: int = 1) -> Iterator[Masukan]:
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            yield Masukan(tampil, path, (f"arsip zip rusak atau tidak dapat dibuka ({exc})",
                                         f"the zip archive is corrupt or cannot be opened ({exc})"))
            return
        with zf:
            members = [i for i in zf.infolist() if not i.is_dir()]
            for info in sorted(members, key=lambda i: _urut(i.filename)):
                name = info.filename.replace("\\", "/")
                suffix = PurePosixPath(name).suffix.lower()
                if _lewati(name) or suffix not in (*EKSTENSI, ".zip"):
                    if not _metadata(name):
                        self.dilewati.append(f"{tampil}!{name}")
                    continue
                shown = f"{tampil}!{name}"
                parts = PurePosixPath(name).parts
                if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
                    yield Masukan(shown, path, ("nama berkas dalam zip tidak aman (keluar dari folder arsip); tidak dibongkar",
                                                "unsafe file name in the zip (it leaves the archive folder); not unpacked"))
                    continue
                if stat.S_ISLNK(info.external_attr >> 16):
                    yield Masukan(shown, path, ("tautan simbolik dalam zip; tidak dibongkar",
                                                "symbolic link in the zip; not unpacked"))
                    continue
                if info.flag_bits & 0x1:
                    yield Masukan(shown, path, ("berkas dalam zip dilindungi kata sandi",
                                                "the file in the zip is password-protected"))
                    continue
                if suffix == ".zip" and depth >= KEDALAMAN_ZIP:
                    yield Masukan(shown, path, (f"zip di dalam zip lebih dari {KEDALAMAN_ZIP} tingkat; tidak dibongkar",
                                                f"zip nested more than {KEDALAMAN_ZIP} levels deep; not unpacked"))
                    continue
                per_berkas = self.batas if self.batas is not None and suffix != ".zip" else None
                batas = self.sisa if per_berkas is None else min(per_berkas, self.sisa)
                out = self._folder() / (parts[-1] if parts else f"berkas{suffix}")
                masalah = self._tulis(zf, info, out, batas)
                if masalah is not None:
                    out.unlink(missing_ok=True)
                    if masalah == "besar" and batas == per_berkas:
                        mb = per_berkas / 1024 / 1024
                        yield Masukan(shown, path, (f"berkas terlalu besar (lebih dari {mb:g} MB setelah dibongkar; batas --batas-ukuran)",
                                                    f"file too large (more than {mb:g} MB unpacked; limit --batas-ukuran)"))
                    elif masalah == "besar":
                        yield Masukan(shown, path, (f"arsip yang dibongkar melebihi {BATAS_ARSIP_MB} MB; berkas ini tidak dibongkar",
                                                    f"the archives unpack to more than {BATAS_ARSIP_MB} MB; this file was not unpacked"))
                    else:
                        yield Masukan(shown, path, (f"berkas dalam zip rusak ({masalah})", f"the file in the zip is corrupt ({masalah})"))
                    continue
                self.sisa -= out.stat().st_size
                if suffix == ".zip":
                    yield from self.zip(out, shown, depth + 1)
                else:
                    yield Masukan(shown, out)

    @staticmethod
    def _tulis(zf: zipfile.ZipFile, info: zipfile.ZipInfo, out: Path, batas: int) -> str | None:
        """Copy one member, counting real bytes; 'besar' when over ``batas``, else the error text."""
        if info.file_size > batas:
            return "besar"
        n = 0
        try:
            with zf.open(info) as src, out.open("wb") as dst:
                while chunk := src.read(_POTONG):
                    n += len(chunk)
                    if n > batas:
                        return "besar"
                    dst.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            return str(exc) or type(exc).__name__
        return None


def _folder(path: Path, pembongkar: _Pembongkar) -> Iterator[Masukan]:
    for f in sorted(path.rglob("*"), key=lambda x: _urut(str(x.relative_to(path)))):
        if not f.is_file():
            continue
        suffix = f.suffix.lower()
        if _lewati(f.name) or suffix not in (*EKSTENSI, ".zip"):
            if not _metadata(f.relative_to(path).as_posix()):
                pembongkar.dilewati.append(str(f))
        elif suffix in EKSTENSI:
            yield Masukan(str(f), f)
        else:
            yield from pembongkar.zip(f, str(f))


@contextmanager
def kumpulkan(paths: list[str], batas_ukuran_mb: float = 0) -> Iterator[list[Masukan]]:
    """The files to check, in a stable order (folders sorted case-insensitively, zip members by
    name); given files are kept as they are, even with an unknown extension (the reader says why
    it cannot read them). Unpacked zip members live until the ``with`` block ends."""
    pembongkar = _Pembongkar(batas_ukuran_mb)
    try:
        out = DaftarMasukan()
        out.dilewati = pembongkar.dilewati
        for p in paths:
            path = Path(p)
            if path.is_dir():
                out.extend(_folder(path, pembongkar))
            elif path.suffix.lower() == ".zip" and path.is_file():
                out.extend(pembongkar.zip(path, p))
            else:
                out.append(Masukan(p, path))
        yield out
    finally:
        pembongkar.bersihkan()
