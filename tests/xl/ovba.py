"""Read a macro workbook's package and VBA project the way MS-OVBA describes them, for the tests.

Written here from the specification (olefile opens the OLE container, oletools decompresses), not
from the build code: ``proyek()`` returns the PROJECT stream's lines and sections, the PROJECTwm
names, the dir stream's records and modules, and the _VBA_PROJECT header, so tests can compare
our files with the ones Excel and xlwings wrote.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

import olefile
from oletools.olevba import decompress_stream

CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# dir stream record ids (MS-OVBA 2.3.4.2)
MODULENAME, MODULENAMEUNICODE, MODULESTREAMNAME, MODULEOFFSET = 0x19, 0x47, 0x1A, 0x31
MODULETYPE_PROCEDURAL, MODULETYPE_DOCUMENT, MODULE_TERMINATOR = 0x21, 0x22, 0x2B
PROJECTMODULES, TERMINATOR = 0x0F, 0x10
REFERENCE_IDS = {0x16, 0x3E, 0x33, 0x2F, 0x30, 0x0D, 0x0E}


@dataclass
class Modul:
    nama: str
    nama_unicode: str
    stream: str
    offset: int
    jenis: str  # "standar" | "dokumen"
    records: list[int] = field(default_factory=list)


@dataclass
class Proyek:
    streams: list[str]
    project_lines: list[str]
    project_keys: list[str]  # the key (or section header) of each PROJECT line, in order
    project: dict[str, str]  # key → value of the ProjectProperties lines (the last one wins)
    project_modules: list[tuple[str, str]]  # (Document|Module|Class, name)
    workspace: dict[str, str]
    projectwm: list[tuple[str, str]] | None  # (MBCS name, UTF-16 name)
    info_records: list[int]  # dir records before the first reference
    info: dict[int, bytes]
    modules: list[Modul]
    vba_project_header: tuple[int, int, int, int]
    sources: dict[str, str]


def _records(data: bytes) -> list[tuple[int, bytes]]:
    i, out = 0, []
    while i < len(data):
        rid, size = struct.unpack_from("<HI", data, i)
        i += 6
        if rid == 0x09:  # PROJECTVERSION: the size field is Reserved (4); then MajorVersion (4), MinorVersion (2)
            size = 6
        out.append((rid, data[i:i + size]))
        i += size
    return out


def _projectwm(data: bytes) -> list[tuple[str, str]]:
    out, i = [], 0
    while i < len(data) and data[i:i + 2] != b"\x00\x00":
        j = data.index(b"\x00", i)
        mbcs = data[i:j].decode("cp1252")
        i = j + 1
        k = i
        while data[k:k + 2] != b"\x00\x00":
            k += 2
        out.append((mbcs, data[i:k].decode("utf-16-le")))
        i = k + 2
    return out


def proyek(vba_bin: bytes) -> Proyek:
    ole = olefile.OleFileIO(io.BytesIO(vba_bin))
    streams = ["/".join(s) for s in ole.listdir(streams=True, storages=False)]
    text = ole.openstream("PROJECT").read().decode("cp1252")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "PROJECT lines must end with CRLF"
    lines = text.split("\r\n")
    keys, props, mods, workspace = [], {}, [], {}
    section = None
    for ln in lines:
        if ln.startswith("[") and ln.endswith("]"):
            section = ln
            keys.append(ln)
            continue
        if not ln:
            keys.append("")
            continue
        key, _, value = ln.partition("=")
        keys.append(key)
        if section == "[Workspace]":
            workspace[key] = value
        elif section is None:
            if key in ("Document", "Module", "Class", "BaseClass", "Package"):
                mods.append((key, value.split("/")[0]))
            props[key] = value
    wm = _projectwm(ole.openstream("PROJECTwm").read()) if ole.exists("PROJECTwm") else None
    d = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    recs = _records(d)
    first_ref = next(i for i, (r, _) in enumerate(recs) if r in REFERENCE_IDS or r == PROJECTMODULES)
    info = dict(recs[:first_ref])
    start = next(i for i, (r, _) in enumerate(recs) if r == PROJECTMODULES)
    modules: list[Modul] = []
    cur: dict | None = None
    for rid, body in recs[start + 2:]:
        if rid == MODULENAME:
            cur = {"nama": body.decode("cp1252"), "records": []}
        if cur is None:
            continue
        cur["records"].append(rid)
        if rid == MODULENAMEUNICODE:
            cur["nama_unicode"] = body.decode("utf-16-le")
        elif rid == MODULESTREAMNAME:
            cur["stream"] = body.decode("cp1252")
        elif rid == MODULEOFFSET:
            cur["offset"] = struct.unpack("<I", body)[0]
        elif rid in (MODULETYPE_PROCEDURAL, MODULETYPE_DOCUMENT):
            cur["jenis"] = "dokumen" if rid == MODULETYPE_DOCUMENT else "standar"
        elif rid == MODULE_TERMINATOR:
            modules.append(Modul(cur["nama"], cur.get("nama_unicode", ""), cur["stream"], cur["offset"],
                                 cur["jenis"], cur["records"]))
            cur = None
    sources = {}
    for m in modules:
        raw = ole.openstream(f"VBA/{m.stream}").read()
        sources[m.nama] = bytes(decompress_stream(bytearray(raw[m.offset:]))).decode("cp1252")
    hdr = struct.unpack_from("<HHBH", ole.openstream("VBA/_VBA_PROJECT").read())
    return Proyek(streams, lines, keys, props, mods, workspace, wm, [r for r, _ in recs[:first_ref]], info,
                  modules, hdr, sources)


@dataclass
class Paket:
    parts: list[str]
    content_types: dict[str, str]  # part name (no leading /) → content type, Defaults resolved
    rels: dict[str, list[tuple[str, str]]]  # .rels part → [(type, resolved target)]
    workbook_xml: str


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in (base_dir + "/" + target).split("/") if p]
    out: list[str] = []
    for p in parts:
        if p == "..":
            out.pop()
        elif p != ".":
            out.append(p)
    return "/".join(out)


def paket(path: Path) -> Paket:
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if not n.endswith("/")]
        ct = ET.fromstring(z.read("[Content_Types].xml"))
        defaults = {d.get("Extension").lower(): d.get("ContentType") for d in ct.iter(f"{CT_NS}Default")}
        overrides = {o.get("PartName").lstrip("/"): o.get("ContentType") for o in ct.iter(f"{CT_NS}Override")}
        types = {}
        for n in names:
            if n == "[Content_Types].xml":
                continue
            types[n] = overrides.get(n) or defaults.get(n.rsplit(".", 1)[-1].lower(), "")
        rels: dict[str, list[tuple[str, str]]] = {}
        for n in names:
            if not n.endswith(".rels"):
                continue
            src_dir = n.split("_rels/")[0].rstrip("/")
            root = ET.fromstring(z.read(n))
            rels[n] = [(r.get("Type"), r.get("Target") if r.get("TargetMode") == "External" else _resolve(src_dir, r.get("Target")))
                       for r in root.iter(f"{REL_NS}Relationship")]
        wb = z.read("xl/workbook.xml").decode("utf-8")
    return Paket(names, types, rels, wb)


def jenis_part(name: str) -> str:
    """A part's kind, so parts of two packages can be compared (sheet1.xml and sheet9.xml alike)."""
    return re.sub(r"\d+(?=(\.\w+)+$)", "N", name)
