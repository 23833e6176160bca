"""The files of a check: given files, folders searched recursively, and ``.zip`` archives of submissions.

A zip (given, found in a folder, or inside another zip) is unpacked into a temporary folder that is
removed when the check ends. Nothing is written outside that folder whatever the member names say:
each member goes to ``<tmp>/<n>/<its base name>``, and a member whose name tries to leave the
archive (``../x.xlsx``, ``/etc/x.xlsx``, ``C:\\x.xlsx``) is not unpacked at all but reported as
unreadable. Sizes are limited while unpacking, counting the bytes really written (a member's
declared size can lie): a spreadsheet larger than the per-file limit, or a member that would take
the archives of one check past :data:`BATAS_ARSIP_MB` unpacked, gives an unreadable-file finding. A zip inside a zip is a file like any other: it is
held to the per-file limit when unpacked, its contents count against the same budget as its
parent's, and it is removed from the temporary folder once its members are out.

A name that is not valid UTF-8 (a zip made on Windows and unpacked on Linux, a file name in another
code page) is shown with the undecodable bytes escaped (``kab_b/\xff.xlsx``), never dropped: a zip
whose central directory says UTF-8 for such a name is read from a copy whose flag is corrected.

Reports show a member as ``kiriman.zip!kab_luwu/dinsos.xlsx``.
"""

from __future__ import annotations

import shutil
import stat
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..checker import Masukan
from ..readers.workbook import EKSTENSI
from ..reports.sel_aman import escape_nama

__all__ = ["Masukan", "DaftarMasukan", "kumpulkan", "BATAS_ARSIP_MB", "KEDALAMAN_ZIP"]

BATAS_ARSIP_MB = 8192  # what all the archives of one check may unpack to together
KEDALAMAN_ZIP = 3  # zips inside zips inside zips, no deeper
_POTONG = 1 << 20
NAMA_KONFIGURASI = ("renja-xl.toml", "pyproject.toml")  # inside a submission: reported, never loaded


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


class _Pembongkar:
    """Unpacks zips into one temporary folder (created on the first zip)."""

    def __init__(self, batas_ukuran_mb: float):
        self.batas = int(batas_ukuran_mb * 1024 * 1024) if batas_ukuran_mb > 0 else None
        self.sisa = BATAS_ARSIP_MB * 1024 * 1024
        self.tmp: Path | None = None
        self.n = 0
        self.konfigurasi: list[str] = []
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

    def _buka(self, path: Path) -> tuple[zipfile.ZipFile, set[str]]:
        """The zip, and the member names whose bytes were not the UTF-8 their flag claimed."""
        try:
            return zipfile.ZipFile(path), set()
        except UnicodeDecodeError:
            size = path.stat().st_size
            if size > self.sisa:
                raise zipfile.BadZipFile(f"the archives unpack to more than {BATAS_ARSIP_MB} MB") from None
            copy = self._folder() / "nama-diperbaiki.zip"
            shutil.copyfile(path, copy)
            self.sisa -= size
            try:
                fixed = _perbaiki_nama(copy)
            except struct.error as exc:
                raise zipfile.BadZipFile(str(exc)) from None
            return zipfile.ZipFile(copy), fixed

    def zip(self, path: Path, tampil: str, depth: int = 1) -> Iterator[Masukan]:
        try:
            zf, fixed = self._buka(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            yield Masukan(tampil, path, (f"arsip zip rusak atau tidak dapat dibuka ({exc})",
                                         f"the zip archive is corrupt or cannot be opened ({exc})"))
            return
        with zf:
            members = [i for i in zf.infolist() if not i.is_dir()]
            for info in sorted(members, key=lambda i: _urut(i.filename)):
                name = info.filename.replace("\\", "/")
                suffix = PurePosixPath(name).suffix.lower()
                if PurePosixPath(name).name.lower() in NAMA_KONFIGURASI:
                    self.konfigurasi.append(f"{tampil}!{escape_nama(name)}")  # reported, never loaded
                    continue
                if _lewati(name) or suffix not in (*EKSTENSI, ".zip"):
                    if not _metadata(name):
                        self.dilewati.append(f"{tampil}!{escape_nama(name)}")
                    continue
                label = name
                if info.orig_filename in fixed:  # the bytes as they were, undecodable ones escaped
                    label = escape_nama(info.orig_filename.encode("cp437").decode("utf-8", "surrogateescape"))
                shown = f"{tampil}!{escape_nama(label)}"
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
                per_berkas = self.batas  # a zip inside a zip is held to the per-file limit too
                batas = self.sisa if per_berkas is None else min(per_berkas, self.sisa)
                out = self._folder() / (f"berkas{suffix}" if info.orig_filename in fixed or not parts else parts[-1])
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
                self.sisa -= out.stat().st_size  # counted against the budget, also once removed
                if suffix == ".zip":
                    yield from self.zip(out, shown, depth + 1)
                    out.unlink(missing_ok=True)
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


def _perbaiki_nama(path: Path) -> set[str]:
    """Clear the "name is UTF-8" flag of the members whose name is not UTF-8, in place (a copy of
    ours); returns those names as zipfile will then read them (cp437). Raises BadZipFile."""
    with path.open("r+b") as fh:
        size = fh.seek(0, 2)
        tail_at = max(0, size - 65557)
        fh.seek(tail_at)
        tail = fh.read()
        k = tail.rfind(b"PK\x05\x06")
        if k < 0 or len(tail) < k + 22:
            raise zipfile.BadZipFile("no end of central directory")
        cd_size, cd_at = struct.unpack("<II", tail[k + 12:k + 20])
        if cd_at == 0xFFFFFFFF or cd_at + cd_size > size:
            raise zipfile.BadZipFile("unsupported or damaged central directory")
        fh.seek(cd_at)
        cd = bytearray(fh.read(cd_size))
        fixed: set[str] = set()
        i = 0
        while i + 46 <= len(cd) and cd[i:i + 4] == b"PK\x01\x02":
            flag, = struct.unpack("<H", cd[i + 8:i + 10])
            n, m, c = struct.unpack("<HHH", cd[i + 28:i + 34])
            local, = struct.unpack("<I", cd[i + 42:i + 46])
            raw = bytes(cd[i + 46:i + 46 + n])
            if flag & 0x800:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    cd[i + 8:i + 10] = struct.pack("<H", flag & ~0x800)
                    if local + 30 <= size:
                        fh.seek(local + 6)
                        lflag, = struct.unpack("<H", fh.read(2))
                        fh.seek(local + 6)
                        fh.write(struct.pack("<H", lflag & ~0x800))
                    fixed.add(raw.decode("cp437"))
            i += 46 + n + m + c
        fh.seek(cd_at)
        fh.write(cd)
    return fixed


class DaftarMasukan(list):
    """The inputs of a check, the configuration files found among them (``konfigurasi``: shown
    names; they are never loaded: configuration comes from the reviewer's side only), and the other
    files found beside them that were left out (``dilewati``: Office lock files ``~$x.xlsx``, PDFs
    and other files that are not spreadsheets)."""

    konfigurasi: list[str]
    dilewati: list[str]


def _folder(path: Path, pembongkar: _Pembongkar) -> Iterator[Masukan]:
    for f in sorted(path.rglob("*"), key=lambda x: _urut(str(x.relative_to(path)))):
        if f.name.lower() in NAMA_KONFIGURASI and f.is_file():
            pembongkar.konfigurasi.append(escape_nama(str(f)))  # reported, never loaded
            continue
        if not f.is_file():
            continue
        suffix = f.suffix.lower()
        if _lewati(f.name) or suffix not in (*EKSTENSI, ".zip"):
            if not _metadata(f.relative_to(path).as_posix()):
                pembongkar.dilewati.append(escape_nama(str(f)))
        elif suffix in EKSTENSI:
            yield Masukan(escape_nama(str(f)), f)
        else:
            yield from pembongkar.zip(f, escape_nama(str(f)))


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
                out.extend(pembongkar.zip(path, escape_nama(p)))
            else:
                out.append(Masukan(escape_nama(p), path))
        out.konfigurasi = pembongkar.konfigurasi
        yield out
    finally:
        pembongkar.bersihkan()
