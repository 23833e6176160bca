"""Build an Excel ``vbaProject.bin`` from VBA source text, reproducibly, with ms-ovba.

    from vba_project import Modul, bangun_proyek
    data = bangun_proyek([Modul.dok("ThisWorkbook", buku=True), Modul.standar("Renja", src)])

ms-ovba (MIT) writes the OLE container and the PROJECT, dir and module streams. Three things are
done here instead of in ms-ovba, each checked:

* **Compression.** ms-ovba-compression 1.0.1 computes the maximum copy length as
  ``0xFFFF << (bits + 3)`` instead of ``(0xFFFF >> bits) + 3`` (MS-OVBA 2.4.1.3.19.3), so any match
  longer than the copy token can hold corrupts the module (the xlwings module decompresses to
  garbage after ~600 bytes). :func:`komprimasi` implements MS-OVBA 2.4.1.3 with a hash index; every
  compressed stream is decompressed again with oletools' own decompressor and compared.
* **Module text.** ms-ovba reads sources in the locale's encoding and appends document-module
  attributes after the code; here the text is written as VBA stores it: CRLF, cp1252 (ASCII is
  enforced, so no character can change), attributes first.
* **Reproducibility.** The PROJECT stream's obfuscated fields (CMG/DPB/GC) use a random seed
  byte; it is fixed so the same sources give the same bytes.

Every project Excel saves has a ``PROJECTwm`` stream (module names in MBCS and UTF-16), a
``VersionCompatible32="393222000"`` line and a ``[Workspace]`` section (one window entry per
module) in its PROJECT stream. MS-OVBA marks all three optional, but projects written without them
have been reported to open in Excel, show their code and not run; ms-ovba writes them when asked
(:func:`bangun_proyek` asks), as in the ``.xlsm`` files the xlwings package ships.
"""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Modul", "bangun_proyek", "komprimasi", "PROJECT_ID", "VERSION_COMPATIBLE32"]

# Fixed project ID: a new GUID per build would change the file on every rebuild.
PROJECT_ID = "{6F1C3E2A-52B4-4E0B-9D5A-3C7A1B2E4D90}"
_BASE_WORKBOOK = "0{00020819-0000-0000-C000-000000000046}"
_BASE_SHEET = "0{00020820-0000-0000-C000-000000000046}"
_SEED = 20240901
# PROJECT stream line every Excel-saved project has (MS-OVBA 2.3.1.11: exactly this value)
VERSION_COMPATIBLE32 = "393222000"
# [Workspace] window of a module never opened in the editor: position 0, closed (as Excel writes
# for document modules)
_JENDELA = (0, 0, 0, 0, "C")


@dataclass(frozen=True)
class Modul:
    """One VBA module: a standard module (``.bas``) or a document module (ThisWorkbook, a sheet)."""

    nama: str
    kode: str  # the source without the Attribute header (VBE hides it; the build writes it)
    dokumen: bool = False
    buku: bool = False  # ThisWorkbook (else a worksheet) for a document module

    @classmethod
    def standar(cls, nama: str, sumber: str) -> Modul:
        """A standard module from ``.bas`` text; its ``Attribute VB_Name`` line must match ``nama``."""
        lines = sumber.replace("\r\n", "\n").split("\n")
        attrs = [ln for ln in lines if ln.startswith("Attribute ")]
        name_attr = next((ln for ln in attrs if ln.startswith("Attribute VB_Name")), None)
        if name_attr != f'Attribute VB_Name = "{nama}"':
            raise ValueError(f"modul {nama}: baris pertama harus 'Attribute VB_Name = \"{nama}\"'")
        kode = "\n".join(ln for ln in lines if not ln.startswith("Attribute VB_"))
        return cls(nama, kode.lstrip("\n"))

    @classmethod
    def dok(cls, nama: str, kode: str = "", buku: bool = False) -> Modul:
        """A document module: ``ThisWorkbook`` (``buku=True``) or a worksheet's code name."""
        return cls(nama, kode, dokumen=True, buku=buku)

    def teks(self) -> str:
        """The module stream's text as Excel stores it (attributes first)."""
        if self.dokumen:
            head = [
                f'Attribute VB_Name = "{self.nama}"',
                f'Attribute VB_Base = "{_BASE_WORKBOOK if self.buku else _BASE_SHEET}"',
                "Attribute VB_GlobalNameSpace = False",
                "Attribute VB_Creatable = False",
                "Attribute VB_PredeclaredId = True",
                "Attribute VB_Exposed = True",
                "Attribute VB_TemplateDerived = False",
                "Attribute VB_Customizable = True",
            ]
        else:
            head = [f'Attribute VB_Name = "{self.nama}"']
        body = self.kode.replace("\r\n", "\n").strip("\n")
        text = "\n".join(head + ([body] if body else [])) + "\n"
        return text.replace("\n", "\r\n")

    def bytes_(self) -> bytes:
        text = self.teks()
        bad = sorted({ch for ch in text if ord(ch) > 126 or (ord(ch) < 32 and ch not in "\r\n\t")})
        if bad:
            raise ValueError(f"modul {self.nama}: karakter di luar ASCII {bad!r} (VBA menyimpan cp1252)")
        return text.encode("cp1252")


# --- MS-OVBA 2.4.1.3 compression ------------------------------------------------------------------

def _bit_count(position: int) -> int:
    """CopyToken help: the number of offset bits at this position of the decompressed chunk."""
    bits = 4
    while (1 << bits) < position:
        bits += 1
    return bits


def _chunk(data: bytes) -> bytes:
    """One CompressedChunk (header + token sequences) for up to 4096 bytes."""
    out = bytearray()
    index: dict[bytes, list[int]] = {}
    pos, n = 0, len(data)

    def remember(i: int) -> None:
        if i + 3 <= n:
            index.setdefault(data[i:i + 3], []).append(i)

    while pos < n:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= n:
                break
            best_len, best_off = 0, 0
            if pos >= 1 and pos + 3 <= n:
                bits = _bit_count(pos)
                max_len = (0xFFFF >> bits) + 3
                limit = min(max_len, n - pos)
                for cand in reversed(index.get(data[pos:pos + 3], ())):
                    length = 3
                    while length < limit and data[cand + length] == data[pos + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, pos - cand
                        if length == limit:
                            break
            if best_len >= 3:
                token = ((best_off - 1) << (16 - bits)) | (best_len - 3)
                out += token.to_bytes(2, "little")
                flags |= 1 << bit
                for i in range(pos, pos + best_len):
                    remember(i)
                pos += best_len
            else:
                out.append(data[pos])
                remember(pos)
                pos += 1
        out[flag_at] = flags
    if len(out) > 4096:
        if n != 4096:  # a raw chunk holds exactly 4096 bytes; text never gets here
            raise ValueError("potongan yang tidak dapat dikompresi lebih pendek dari 4096 byte")
        return (0x3000 | 4095).to_bytes(2, "little") + data
    header = 0x8000 | 0x3000 | (len(out) + 2 - 3)
    return header.to_bytes(2, "little") + bytes(out)


def komprimasi(data: bytes) -> bytes:
    """A CompressedContainer (MS-OVBA 2.4.1.1.1) of ``data``."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), 4096):
        out += _chunk(data[start:start + 4096])
    return bytes(out)


def _periksa_komprimasi(data: bytes) -> bytes:
    from oletools.olevba import decompress_stream

    packed = komprimasi(data)
    if bytes(decompress_stream(bytearray(packed))) != data:
        raise AssertionError("kompresi VBA tidak kembali utuh saat didekompresi oletools")
    return packed


@contextlib.contextmanager
def _ms_ovba_tetap():
    """ms-ovba with the corrected compressor and a fixed seed for the PROJECT stream's fields."""
    import ms_ovba_crypto.ms_ovba_crypto as crypto
    from ms_ovba_compression.ms_ovba import MsOvba

    old_compress, old_random = MsOvba.compress, crypto.random
    MsOvba.compress = lambda self, data: _periksa_komprimasi(bytes(data))
    crypto.random = random.Random(_SEED)
    try:
        yield
    finally:
        MsOvba.compress, crypto.random = old_compress, old_random


def bangun_proyek(modules: list[Modul]) -> bytes:
    """The bytes of ``xl/vbaProject.bin`` holding ``modules`` (document modules first, as Excel does)."""
    from ms_ovba.Models.Entities.doc_module import DocModule
    from ms_ovba.Models.Entities.reference import Reference
    from ms_ovba.Models.Entities.reference_registered import ReferenceRegistered
    from ms_ovba.Models.Entities.std_module import StdModule
    from ms_ovba.Models.Fields.libid_reference import LibidReference
    from ms_ovba.vbaProject import VbaProject
    from ms_ovba.Views.project_ole_file import ProjectOleFile

    names = [m.nama for m in modules]
    if len(set(n.lower() for n in names)) != len(names):
        raise ValueError(f"nama modul VBA berulang: {names}")

    class _Teks:
        """A module whose stream text comes from :class:`Modul`, not from ms-ovba's file reading."""

        def pasang(self, modul: Modul, folder: Path) -> None:
            self._modul = modul
            self.add_file(str(folder / modul.nama))

        def normalize_file(self) -> None:
            Path(self._file_path + ".new").write_bytes(self._modul.bytes_())

    class _Dok(_Teks, DocModule):
        pass

    class _Std(_Teks, StdModule):
        pass

    with tempfile.TemporaryDirectory() as tmp, _ms_ovba_tetap():
        folder = Path(tmp)
        cwd = os.getcwd()
        os.chdir(folder)  # ms-ovba writes its intermediate streams into the working directory
        try:
            project = VbaProject()
            project.project_id = PROJECT_ID
            project.include_projectwm()
            project.add_attribute("VersionCompatible32", VERSION_COMPATIBLE32)
            for modul in sorted(modules, key=lambda m: not m.dokumen):
                m = _Dok(modul.nama) if modul.dokumen else _Std(modul.nama)
                m.pasang(modul, folder)
                m.normalize_file()
                m.add_workspace(*_JENDELA)
                project.add_module(m)
            stdole = LibidReference(uuid.UUID("00020430-0000-0000-C000-000000000046"), "2.0", "0",
                                    "C:\\Windows\\System32\\stdole2.tlb", "OLE Automation")
            office = LibidReference(uuid.UUID("2DF8D04C-5BFA-101B-BDE5-00AA0044DE52"), "2.0", "0",
                                    "C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL",
                                    "Microsoft Office 16.0 Object Library")
            project.add_reference(Reference(ReferenceRegistered(stdole), "stdole"))
            project.add_reference(Reference(ReferenceRegistered(office), "Office"))
            ProjectOleFile.write_file(project)
            return (folder / "vbaProject.bin").read_bytes()
        finally:
            os.chdir(cwd)
