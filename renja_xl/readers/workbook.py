"""Open a spreadsheet file read-only and turn each worksheet into a :class:`Lembar` grid.

python-calamine reads ``.xlsx/.xlsm/.xlsb/.xls/.ods`` without running anything in them. Where it
is blind, the sheet XML of an ``.xlsx/.xlsm`` is scanned directly, once: each formula's text (the
formula rules, F), formulas whose cached value is missing (they read as empty cells: E003), cached
error values (``#DIV/0!`` reads as empty too) and hidden rows (``SUBTOTAL`` skips them). python-calamine
gives no formulas for ``.xls/.xlsb/.ods``: there the formula rules have nothing to check. A file that
cannot be read raises :class:`BerkasTidakTerbaca` with the reason in Indonesian and English.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..core.alamat import alamat, huruf_kolom, indeks_kolom
from .rumus import PetaRumus

__all__ = ["Lembar", "BerkasTidakTerbaca", "EKSTENSI", "buka_berkas", "lembar_dari_nilai", "alamat", "kolom_huruf"]

EKSTENSI = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


class BerkasTidakTerbaca(Exception):
    """The file cannot be read. ``alasan`` (Indonesian) and ``reason`` (English) say why."""

    def __init__(self, alasan: str, reason: str, jenis: str = "rusak"):
        super().__init__(alasan)
        self.alasan = alasan
        self.reason = reason
        self.jenis = jenis  # rusak, sandi, bukan-spreadsheet, format, tidak-ada


# one A1 module (core.alamat); the readers' names for it kept for their callers
kolom_huruf = huruf_kolom


@dataclass(slots=True)
class Lembar:
    """A worksheet grid. ``sel[i][j]`` is the cell at absolute 0-based (baris0 + i, kolom0 + j).

    Empty cells are ``""`` or ``None``. ``gabungan`` lists merged ranges as absolute 0-based
    ``(r0, c0, r1, c1)`` (inclusive). ``rumus_kosong`` holds the absolute (row, column) of formula
    cells whose cached value is missing. ``rumus`` maps the absolute (row, column) of each formula
    cell to its text (``=SUM(H47:H49)``; :mod:`.rumus`), ``galat`` of each cell whose cached value
    is an Excel error to that error (``#DIV/0!``: python-calamine reads it as empty), and
    ``tersembunyi`` holds the hidden rows (``SUBTOTAL`` leaves them out). The three are filled for
    ``.xlsx/.xlsm`` files and for an Excel that can read formulas; empty otherwise.
    """

    nama: str
    sel: list[list[Any]]
    baris0: int = 0
    kolom0: int = 0
    gabungan: list[tuple[int, int, int, int]] = field(default_factory=list)
    rumus_kosong: set[tuple[int, int]] = field(default_factory=set)
    rumus: PetaRumus = field(default_factory=PetaRumus)
    galat: dict[tuple[int, int], str] = field(default_factory=dict)
    tersembunyi: set[int] = field(default_factory=set)

    @property
    def tinggi(self) -> int:
        return len(self.sel)

    def nilai(self, r: int, c: int) -> Any:
        """Value at absolute 0-based (r, c), or None outside the grid."""
        i, j = r - self.baris0, c - self.kolom0
        if 0 <= i < len(self.sel):
            row = self.sel[i]
            if 0 <= j < len(row):
                return row[j]
        return None


def lembar_dari_nilai(nama: str, nilai: list[list[Any]], baris0: int = 0, kolom0: int = 0,
                      gabungan: list[tuple[int, int, int, int]] | None = None,
                      rumus: dict[tuple[int, int], str] | None = None,
                      galat: dict[tuple[int, int], str] | None = None,
                      rumus_kosong: set[tuple[int, int]] | None = None) -> Lembar:
    """A grid from plain values (xlwings ``Range.value``, test fixtures), with the formulas
    (absolute 0-based (row, column) → ``=…``), cached error values and formula cells without a
    cached value when they are known."""
    rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in (nilai or [])]
    peta = rumus if isinstance(rumus, PetaRumus) else PetaRumus(rumus)
    return Lembar(nama, rows, baris0, kolom0, list(gabungan or []), set(rumus_kosong or ()), peta, dict(galat or {}))


def _sniff(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(4096)


def _muat_atau_habis(baris: int, kolom: int) -> None:
    """Raise MemoryError when a grid of ``baris`` × ``kolom`` cannot fit in what the address-space
    limit (RLIMIT_AS, set by the guarded reader) leaves: python-calamine's to_python does not stop on
    a failed allocation but goes on failing for minutes. Estimate: 16 bytes a cell (a list slot and
    part of a value), 80 a row (the list itself)."""
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft == resource.RLIM_INFINITY:
            return
        with open("/proc/self/statm") as fh:
            now = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError, AttributeError):
        return
    if baris * kolom * 16 + baris * 80 > soft - now:
        raise MemoryError(f"{baris} x {kolom} cells do not fit in the memory limit")


def buka_berkas(path: str | Path) -> list[Lembar]:
    """Read every worksheet of a spreadsheet file (never modifying or executing it)."""
    from python_calamine import CalamineError, CalamineWorkbook

    p = Path(path)
    if not p.exists():
        raise BerkasTidakTerbaca("berkas tidak ditemukan", "file not found", "tidak-ada")
    ext = p.suffix.lower()
    if ext not in EKSTENSI:
        raise BerkasTidakTerbaca(
            f"format '{ext or p.name}' tidak didukung (didukung: {', '.join(EKSTENSI)})",
            f"unsupported format '{ext or p.name}' (supported: {', '.join(EKSTENSI)})",
            "format",
        )
    try:
        head = _sniff(p)
    except OSError as exc:
        raise BerkasTidakTerbaca(f"berkas tidak dapat dibuka: {exc}", f"cannot open the file: {exc}", "rusak") from exc
    from .jenis import JENIS_DIBACA, alasan, baca_html, kenali

    nyata = kenali(p, head)  # what the file is, whatever its name says (an HTML table named .xls …)
    if nyata == "html":
        from .jenis import HtmlTidakTerbaca

        try:
            return [Lembar(nama, rows, 0, 0, merges) for nama, rows, merges in baca_html(p)]
        except HtmlTidakTerbaca as exc:
            raise BerkasTidakTerbaca(exc.alasan, exc.reason, exc.jenis) from None
    if nyata not in JENIS_DIBACA:
        jenis = "sandi" if nyata == "sandi" else "rusak" if nyata in ("kosong", "zip-rusak") else "bukan-spreadsheet"
        raise BerkasTidakTerbaca(*alasan(nyata), jenis)
    try:
        if (nyata == ext.lstrip(".") or (nyata == "xlsx" and ext == ".xlsm")) and str(p).isprintable() \
                and not any("\udc80" <= ch <= "\udcff" for ch in str(p)):
            wb = CalamineWorkbook.from_path(str(p))
        else:  # an .xlsx named .xls, a name that is not UTF-8: calamine reads the content it is handed
            with p.open("rb") as fh:
                wb = CalamineWorkbook.from_filelike(fh)
        lembar: list[Lembar] = []
        for meta in wb.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):  # skip chart, dialog and macro sheets
                continue
            sh = wb.get_sheet_by_name(meta.name)
            _muat_atau_habis(sh.height, sh.width)  # fail fast: to_python crawls when Python runs out
            rows = sh.to_python()
            r0, c0 = sh.start if rows else (0, 0)
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            lembar.append(Lembar(meta.name, rows, r0, c0, merges))
        wb.close()
    except CalamineError as exc:
        raise _explain(exc, ext) from exc
    except (OSError, ValueError) as exc:
        raise _explain(exc, ext) from exc
    if nyata in ("xlsx", "xlsm"):
        try:
            pindai, luar = _pindai_xml(p)
        except (zipfile.BadZipFile, KeyError, OSError):
            pindai, luar = {}, {}
        for sh in lembar:
            x = pindai.get(sh.nama)
            if x is not None:
                sh.rumus_kosong = x.kosong
                sh.rumus = PetaRumus(x.teks, x.bersama, luar)
                sh.galat = x.galat
                sh.tersembunyi = x.tersembunyi
    return lembar


def _explain(exc: Exception, ext: str) -> BerkasTidakTerbaca:
    msg = str(exc)[:300]
    low = msg.lower()
    if "password" in low or "encrypt" in low or "protect" in low:
        from .jenis import alasan

        return BerkasTidakTerbaca(*alasan("sandi"), "sandi")
    if "zip" in low or "eocd" in low or "eof" in low or "truncat" in low or "unexpected end" in low:
        return BerkasTidakTerbaca(
            f"berkas rusak atau terpotong ({msg}); minta pengirim menyimpan ulang dari Excel lalu mengirim ulang",
            f"the file is corrupt or truncated ({msg}); ask the sender to save it again from Excel and resend it", "rusak"
        )
    return BerkasTidakTerbaca(f"berkas tidak dapat dibaca sebagai {ext}: {msg}; minta pengirim menyimpan ulang "
                              "dari Excel sebagai .xlsx",
                              f"cannot read the file as {ext}: {msg}; ask the sender to save it again from Excel as .xlsx",
                              "rusak")


_SHEET_REL = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"', re.S)
_SHEET_REL2 = re.compile(rb'<sheet\b[^>]*?r:id="([^"]*)"[^>]*?name="([^"]*)"', re.S)
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"', re.S)
_REL2 = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"', re.S)
_EXTREF = re.compile(rb'<externalReference\b[^>]*?r:id="([^"]*)"')
# a formula element and the cached value after it; the cell it belongs to is found backwards
_F = re.compile(rb'<f\b([^>]*?)(?:/>|>([^<]*)</f>)\s*(?:(<v)(?:\s[^>]*)?(?:/>|>([^<]*)</v>))?')
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ERRCELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>\s*(?:<f\b[^>]*?(?:/>|>[^<]*</f>)\s*)?<v>([^<]*)</v>')
_HIDDEN = re.compile(rb'<row\b([^>]*\bhidden="(?:1|true)"[^>]*)>')
_ROW_R = re.compile(rb'\br="(\d+)"')
_SI = re.compile(rb'\bsi="(\d+)"')


def _unescape(text: str) -> str:
    for ent, ch in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(ent, ch)
    return text


def _col_index(letters: bytes) -> int:
    return indeks_kolom(letters)


@dataclass(slots=True)
class _Pindaian:
    """What the sheet XML says that python-calamine does not: formulas, cells whose formula has no
    cached value, cached error values, hidden rows."""

    kosong: set[tuple[int, int]] = field(default_factory=set)
    teks: dict[tuple[int, int], str] = field(default_factory=dict)
    bersama: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    galat: dict[tuple[int, int], str] = field(default_factory=dict)
    tersembunyi: set[int] = field(default_factory=set)


def _pindai_lembar(xml: bytes) -> _Pindaian:
    """One pass over a sheet's XML for its formula cells (each ``<f>`` and the ``<c>`` it is in)."""
    out = _Pindaian()
    if b"<f" in xml:
        master: dict[bytes, tuple[int, int]] = {}
        rfind = xml.rfind
        for m in _F.finditer(xml):
            s = m.start()
            a = rfind(b"<c", 0, s)
            attrs = xml[a + 2:s]
            ref = _REF.search(attrs)
            if ref is None:
                continue  # a cell without its address (allowed, never written by Excel): left out
            rc = (int(ref.group(2)) - 1, _col_index(ref.group(1)))
            fattr, ftext, ada_v, v = m.group(1), m.group(2), m.group(3), m.group(4)
            if ftext:
                text = ftext.decode("utf-8", "replace")
                if "&" in text:
                    text = _unescape(text)
                out.teks[rc] = text
                if b'shared' in fattr:
                    si = _SI.search(fattr)
                    if si is not None:
                        master[si.group(1)] = rc
            elif b'shared' in fattr:
                si = _SI.search(fattr)
                owner = master.get(si.group(1)) if si is not None else None
                if owner is not None:
                    out.bersama[rc] = owner
            if not v and not (ada_v and b't="str"' in attrs):
                out.kosong.add(rc)  # no cached value (an empty string is a real result of a text formula)
            elif b't="e"' in attrs:
                out.galat[rc] = v.decode("ascii", "replace")
    if b't="e"' in xml and xml.count(b't="e"') > len(out.galat):  # error values typed or pasted
        for m in _ERRCELL.finditer(xml):
            ref = _REF.search(m.group(1))
            if ref is not None:
                out.galat.setdefault((int(ref.group(2)) - 1, _col_index(ref.group(1))),
                                     m.group(2).decode("ascii", "replace"))
    if b'hidden="1"' in xml or b'hidden="true"' in xml:
        for m in _HIDDEN.finditer(xml):
            r = _ROW_R.search(m.group(1))
            if r is not None:
                out.tersembunyi.add(int(r.group(1)) - 1)
    return out


def _member(target: bytes, base: str = "xl/") -> str:
    t = target.decode()
    return t.lstrip("/") if t.startswith("/") else base + t


def _pindai_xml(path: Path) -> tuple[dict[str, _Pindaian], dict[int, str]]:
    """Scan every worksheet's XML of an ``.xlsx/.xlsm`` once: per sheet name what
    :class:`_Pindaian` holds; plus the other workbooks the file links to (``[1]`` → its file name).
    Formulas are kept for every sheet: reading their text costs little next to the pass itself
    (``benchmarks/README.md``), and which sheets hold tables is known only after this pass."""
    out: dict[str, _Pindaian] = {}
    luar: dict[int, str] = {}
    with zipfile.ZipFile(path) as z:
        wbxml = z.read("xl/workbook.xml")
        rels = z.read("xl/_rels/workbook.xml.rels")
        targets = {rid: t for rid, t in _REL.findall(rels)}
        targets.update({rid: t for t, rid in _REL2.findall(rels)})
        sheets = _SHEET_REL.findall(wbxml) or [(n, r) for r, n in _SHEET_REL2.findall(wbxml)]
        for name, rid in sheets:
            target = targets.get(rid)
            if not target:
                continue
            try:
                xml = z.read(_member(target))
            except KeyError:
                continue
            if b"<f" not in xml and b't="e"' not in xml and b"hidden=" not in xml:
                continue
            out[_unescape(name.decode("utf-8"))] = _pindai_lembar(xml)
        for n, rid in enumerate(_EXTREF.findall(wbxml), start=1):
            target = targets.get(rid)
            if not target:
                continue
            member = _member(target)
            folder, _, leaf = member.rpartition("/")
            try:
                lrels = z.read(f"{folder}/_rels/{leaf}.rels")
            except KeyError:
                luar[n] = leaf
                continue
            found = _REL.findall(lrels) or [(i, t) for t, i in _REL2.findall(lrels)]
            name = _unescape(found[0][1].decode("utf-8", "replace")) if found else leaf
            luar[n] = unquote(name.replace("file:///", "").replace("\\", "/").rsplit("/", 1)[-1]) or name
    return out, luar


def _formula_without_value(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Cells holding a formula (``<f>``) but no cached value (``<v>``), per sheet name."""
    return {name: p.kosong for name, p in _pindai_xml(path)[0].items() if p.kosong}
