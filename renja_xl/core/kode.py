"""The Permendagri 90/2019 code ``U.BB.PP.K.KK.SSSS`` of bidang, program, kegiatan and sub kegiatan.

A kode is written dotted in one cell (``1.06.01.2.01.0001``) or split over up to six cells
(``1 | 06 | 01 | 2 | 01 | 01``, or ``1 | 06 | 01 | 2.01 | 01``). Excel and PDF conversions damage it
in known ways; what can be repaired with certainty is repaired and reported (``l``→``1``, ``O``→``0``,
Cyrillic look-alikes, stray spaces, the lost leading zero of a numeric cell: ``6``→``06``), and what
cannot is refused with the reason (``##``, ``2,1``, a segment of the wrong length).

Segments and their widths: urusan 1 digit, bidang 2, program 2, kegiatan ``K.KK`` (1 + 2), sub
kegiatan 4 (or 2 in older documents; ``.01`` and ``.0001`` are the same sub kegiatan).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter

from .label import label_level

__all__ = [
    "LEVELS",
    "Kode",
    "KodeTidakValid",
    "BacaanKode",
    "parse_kode",
    "parse_kode_cells",
    "kode_sel_bersih",
    "kunci_segmen",
    "ada_bool",
    "INDUK_SEGMEN",
    "infer_segment_widths",
    "level_name",
]

# Level of a kode by its number of segments.
LEVELS: dict[int, str] = {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
# Segments of a kode → segments of its parent (one level up).
INDUK_SEGMEN: dict[int, int] = {2: 1, 3: 2, 5: 3, 6: 5}
_SEGMENT_NAMES = ("urusan", "bidang", "program", "kegiatan (K)", "kegiatan (KK)", "sub kegiatan")
_SEGMENT_WIDTH = (1, 2, 2, 1, 2, 4)


def level_name(level: str) -> str:
    """Human label of a level (``sub_kegiatan`` → ``sub kegiatan``): core.label's, one source."""
    return label_level(level) or level


# Characters that look like digits: Latin letters and Cyrillic/Greek look-alikes.
_LOOKALIKE = {
    "l": "1", "I": "1", "|": "1", "і": "1", "І": "1", "ӏ": "1", "Ӏ": "1",
    "O": "0", "o": "0", "О": "0", "о": "0", "Ο": "0", "ο": "0", "Օ": "0",
}
_DOT_LIKE = {"·": ".", "•": ".", "．": ".", "。": "."}
_DIGIT = re.compile(r"^\d+$", re.ASCII)
_KODE_BERSIH = re.compile(r"\d+(?:\.\d+)*", re.ASCII)  # digits and dots only: nothing to repair
# A whole valid kode of a known level, every segment of its width (U.BB, .PP, .K.KK, .SS or .SSSS).
_KODE_SAH = re.compile(r"\d\.\d\d(?:\.\d\d(?:\.\d\.\d\d(?:\.(?:\d\d|\d{4}))?)?)?", re.ASCII)


# The reasons a kode cannot be read (``BacaanKode.alasan``; tests and reports key on these, not on wording).
ALASAN_KODE = {
    "angka_desimal": "stored as a decimal number: the typed kode cannot be known",
    "koma": "a comma where a dot separates segments",
    "pagar": "'#': the cell was too narrow when printed, or never filled in",
    "spasi": "a space inside a segment",
    "segmen_berlebih": "more than six segments",
    "tidak_lengkap": "a kegiatan kode without its KK part",
    "segmen_kosong": "an empty segment",
    "bukan_angka": "a segment that is not digits",
    "lebar_segmen": "a segment of the wrong width",
    "sel_kosong": "an empty cell in the middle of a kode split over cells",
    "isi_sel": "a cell of a split kode holding the wrong number of segments",
}


class KodeTidakValid(ValueError):
    """A kode that cannot be read, with the reason (Indonesian) in ``alasan``."""

    def __init__(self, teks: str, alasan: str):
        super().__init__(f"kode '{teks}' tidak valid: {alasan}")
        self.teks = teks
        self.alasan = alasan


@dataclass(frozen=True, slots=True, order=True)
class Kode:
    """A valid kode. ``segmen`` keeps every segment as written (a 2-digit sub kegiatan stays 2 digits)."""

    segmen: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.segmen) not in LEVELS:
            raise KodeTidakValid(".".join(self.segmen), f"{len(self.segmen)} segmen bukan tingkat yang dikenal")

    @property
    def teks(self) -> str:
        return ".".join(self.segmen)

    def __str__(self) -> str:
        return self.teks

    @property
    def level(self) -> str:
        return LEVELS[len(self.segmen)]

    @property
    def kunci(self) -> str:
        """Comparison key: the sub kegiatan always 4 digits, so ``…01.01`` equals ``…01.0001``."""
        return kunci_segmen(self.segmen)

    @property
    def induk(self) -> Kode | None:
        """The parent one level up (sub kegiatan → kegiatan → program → bidang → urusan)."""
        return _induk(self)

    def leluhur(self) -> list[Kode]:
        """All ancestors, nearest first."""
        out: list[Kode] = []
        k = self.induk
        while k is not None:
            out.append(k)
            k = k.induk
        return out

    def adalah_turunan(self, lain: Kode) -> bool:
        """True when ``lain`` is an ancestor of this kode."""
        return any(a.kunci == lain.kunci for a in self.leluhur())


@lru_cache(maxsize=4096)
def _induk(k: Kode) -> Kode | None:
    n = len(k.segmen)
    if n == 1:
        return None
    return Kode(k.segmen[:INDUK_SEGMEN[n]])


def kunci_segmen(segmen: Sequence[str]) -> str:
    """The comparison key of a kode's segments (:attr:`Kode.kunci`), also for callers that read a
    clean kode's text without building a :class:`Kode`."""
    if len(segmen) == 6 and len(segmen[5]) == 2:
        return ".".join((*segmen[:5], segmen[5].zfill(4)))
    return ".".join(segmen)


def ada_bool(cells: Sequence[object]) -> bool:
    """Whether a TRUE/FALSE cell is among ``cells``. Memos keyed by a tuple of cells must not serve
    such a row: ``True == 1`` as a key, but TRUE reads as 'True'. (``True in`` is the fast test, but
    it also matches 1 and 0, so the types are checked only then.)"""
    return (True in cells or False in cells) and any(c.__class__ is bool for c in cells)


@dataclass(frozen=True, slots=True)
class BacaanKode:
    """What reading one kode (one cell or several) gave.

    ``kode`` is set when the text is a valid kode (possibly after ``perbaikan``, the repairs that were
    applied, e.g. ``"l→1"``, ``"6→06"``); ``galat`` holds the reason when it is not; both are None
    for an empty kode. ``asli`` is the text as shown, cells joined with `` | ``.
    """

    asli: str
    kode: Kode | None = None
    galat: str | None = None
    perbaikan: tuple[str, ...] = field(default=())
    galat_en: str | None = None
    sel: int | None = None  # for split cells: index of the cell that is wrong or was repaired
    alasan: str | None = None  # why it is not a kode, as a short code (ALASAN_KODE), like numbers have
    awalan: str | None = None  # for an unreadable kode: its readable leading segments ("1.06.01.2.09")

    @property
    def kosong(self) -> bool:
        return self.kode is None and self.galat is None


def _clean_text(teks: str, fixes: list[str]) -> str:
    out = []
    for ch in teks:
        if ch in _LOOKALIKE:
            rep = _LOOKALIKE[ch]
            fixes.append(f"'{ch}'→'{rep}'")
            out.append(rep)
        elif ch > "\x7f" and ch.isdecimal():  # a full-width or Arabic-Indic digit: repaired and said
            rep = str(unicodedata.decimal(ch))
            fixes.append(f"'{ch}'→'{rep}'")
            out.append(rep)
        elif ch in _DOT_LIKE:
            out.append(".")
        else:
            out.append(ch)
    return "".join(out)


def _cell_text(nilai: object) -> tuple[str, bool]:
    """Text of a cell and whether it came from a number (whose leading zeros Excel drops)."""
    if nilai is None:
        return "", False
    if isinstance(nilai, bool):
        return str(nilai), False
    if isinstance(nilai, int):
        return str(nilai), True
    if isinstance(nilai, float):
        if nilai.is_integer():
            return str(int(nilai)), True
        # A typed kode part ("2.06") that Excel stored as a number: shown the Indonesian way.
        return repr(nilai).replace(".", ","), True
    return str(nilai), False


def _check_segments(segs: list[str], asli: str) -> tuple[str, str, int, str] | None:
    """Why the segments are not a valid kode (Indonesian, English), the first wrong segment, and the
    reason code (:data:`ALASAN_KODE`)."""
    if len(segs) > 6:
        return (f"{len(segs)} segmen (paling banyak 6: U.BB.PP.K.KK.SSSS)",
                f"{len(segs)} segments (at most 6: U.BB.PP.K.KK.SSSS)", 6, "segmen_berlebih")
    if len(segs) == 4:
        return ("kode kegiatan tidak lengkap: bagian KK tidak ada (harus U.BB.PP.K.KK)",
                "incomplete kegiatan kode: the KK part is missing (must be U.BB.PP.K.KK)", 3, "tidak_lengkap")
    for i, seg in enumerate(segs):
        if not _DIGIT.match(seg):
            what = "kosong" if seg == "" else f"'{seg}' bukan angka"
            what_en = "is empty" if seg == "" else f"'{seg}' is not a number"
            return (f"segmen {_SEGMENT_NAMES[i]} {what}", f"segment {_SEGMENT_NAMES[i]} {what_en}", i,
                    "segmen_kosong" if seg == "" else "bukan_angka")
        width = _SEGMENT_WIDTH[i]
        if i == 5:
            if len(seg) not in (2, 4):
                return (f"segmen sub kegiatan '{seg}' harus 4 (atau 2) digit",
                        f"sub kegiatan segment '{seg}' must have 4 (or 2) digits", i, "lebar_segmen")
        elif len(seg) != width:
            return (f"segmen {_SEGMENT_NAMES[i]} '{seg}' harus {width} digit",
                    f"segment {_SEGMENT_NAMES[i]} '{seg}' must have {width} digit{'s' if width > 1 else ''}", i,
                    "lebar_segmen")
    return None


def parse_kode(teks: str | int | float | None) -> BacaanKode:
    """Read a dotted kode from one cell (``1.06.01.2.01.0001``)."""
    try:
        return _parse_kode_cached(teks)
    except TypeError:  # an unhashable value
        return _parse_kode(teks)


def _awalan(parts: list[tuple[str, bool]]) -> str | None:
    """The longest run of valid leading segments that names a level (1, 2, 3, 5 segments).
    ``parts`` are (segment text, came from its own cell) pairs; a cell's lost zeros are restored."""
    segs: list[str] = []
    for text, own_cell in parts:
        i = len(segs)
        if i >= 6 or not _DIGIT.match(text):
            break
        width = _SEGMENT_WIDTH[i]
        if own_cell and len(text) < width and i < 5:
            text = text.zfill(width)
        if (i == 5 and len(text) not in (2, 4)) or (i < 5 and len(text) != width):
            break
        segs.append(text)
    while segs and len(segs) not in LEVELS:
        segs.pop()
    return ".".join(segs) if segs else None


def _parse_kode(teks: str | int | float | None) -> BacaanKode:
    if teks.__class__ is str and _KODE_SAH.fullmatch(teks):  # already clean (the reader's own output)
        return BacaanKode(teks, kode=Kode(tuple(teks.split("."))))
    hasil = _parse_kode_lengkap(teks)
    if hasil.galat:  # an unreadable kode also gets its readable leading segments
        text, _ = _cell_text(teks)
        parts = re.split(r"[.\s]+", _clean_text(text.strip(), []).strip("."))
        return replace(hasil, awalan=_awalan([(p, False) for p in parts]))
    return hasil


def _parse_kode_lengkap(teks: str | int | float | None) -> BacaanKode:
    text, numeric = _cell_text(teks)
    asli = text
    s = text.strip()
    if not s:
        return BacaanKode(asli)
    if numeric and "," in s:
        return BacaanKode(asli, galat=f"kode tersimpan sebagai angka desimal ({s}): Excel menyimpan kode yang diketik "
                          "sebagai angka, sehingga kode yang diketik tidak dapat dipastikan",
                          galat_en=f"the kode is stored as a decimal number ({s}): Excel stored the typed kode as a "
                          "number, so the kode as typed cannot be known", alasan="angka_desimal")
    fixes: list[str] = []
    s = _clean_text(s, fixes)
    if "," in s:
        return BacaanKode(asli, galat="berisi koma; kode memakai titik sebagai pemisah",
                          galat_en="contains a comma; a kode is separated by dots", alasan="koma")
    if "#" in s:
        return BacaanKode(asli, galat="berisi '#' (sel terlalu sempit saat dicetak, atau kode tidak diisi)",
                          galat_en="contains '#' (the cell was too narrow when printed, or the kode was never filled in)",
                          alasan="pagar")
    compact = re.sub(r"\s*\.\s*", ".", s)
    if compact != s:
        fixes.append("spasi dihapus")
    if re.search(r"\s", compact):
        if "." in compact:
            return BacaanKode(asli, galat="berisi spasi di tengah segmen", galat_en="contains a space inside a segment",
                              alasan="spasi")
        segs = compact.split()  # "1 06 01 2 01 0001": segments separated by spaces
        fixes.append("spasi sebagai pemisah")
    else:
        segs = compact.strip(".").split(".")
        if compact.endswith("."):
            fixes.append("titik di akhir dihapus")
    cek = _check_segments(segs, asli)
    if cek:
        return BacaanKode(asli, galat=cek[0], galat_en=cek[1], alasan=cek[3])
    return BacaanKode(asli, kode=Kode(tuple(segs)), perbaikan=tuple(fixes))


# The same kode text comes back on every row of every table that names it, and rules read a row's
# kode again: reading is pure and its result frozen, so it is memoised (bounded: a batch of
# thousands of files keeps a fixed amount).
_parse_kode_cached = lru_cache(maxsize=4096, typed=True)(_parse_kode)


def parse_kode_cells(
    cells: Sequence[str | int | float | None],
    widths: Sequence[int] | None = None,
) -> BacaanKode:
    """Read a kode split over cells (``1 | 06 | 01 | 2 | 01 | 01``).

    ``widths`` gives how many segments each cell holds (e.g. ``[1, 1, 1, 2, 1]`` when the fourth cell
    holds ``K.KK`` as ``2.01``); see :func:`infer_segment_widths`. Without it each cell's dotted parts
    are taken in order. Trailing empty cells end the kode (a program row leaves the last cells
    empty). A cell holding one segment that lost its leading zero (``6`` for ``06``) is repaired and
    reported. An unreadable kode also gets its readable leading segments (``awalan``).
    """
    key = tuple(cells)
    if ada_bool(key):
        return _parse_kode_cells(cells, widths)
    try:
        return _parse_kode_cells_cached(key, tuple(widths) if widths is not None else None)
    except TypeError:  # an unhashable value
        return _parse_kode_cells(cells, widths)


def _awalan_sel(cells: Sequence[object], widths: Sequence[int] | None) -> str | None:
    """The readable leading segments of split cells (cells read in order until one cannot be)."""
    parts: list[tuple[str, bool]] = []
    for i, c in enumerate(cells):
        text, numeric = _cell_text(c)
        text = _clean_text(text.strip(), [])
        if not text or (numeric and "," in text):
            break
        pieces = text.strip(".").split(".")
        want = widths[i] if widths is not None and i < len(widths) else None
        if want is not None and len(pieces) != want:
            break
        parts += [(p, len(pieces) == 1) for p in pieces]
    return _awalan(parts)


def kode_sel_bersih(cells: Sequence[object], widths: Sequence[int] | None = None) -> tuple[str, str] | None:
    """The common case read fast: text cells of digits and dots, each holding its expected number of
    segments (``widths``, checked when the kode spans several cells), together a valid kode with
    nothing to repair. Gives (the dotted kode, the cells as shown joined with `` | ``), or None when
    anything is unusual: then the full reading (:func:`parse_kode_cells`) says what it is.
    ``tests/core/test_kode.py`` checks that both readings agree wherever this one answers."""
    n = len(cells)
    while n and (cells[n - 1] is None or cells[n - 1] == ""):
        n -= 1
    if not n:
        return None
    used = cells[:n] if n < len(cells) else cells
    for t in used:
        if t.__class__ is not str:
            return None
    if widths is not None and n > 1:
        for i, t in enumerate(used):
            if i < len(widths) and t.count(".") + 1 != widths[i]:
                return None
    joined = ".".join(used)
    if not _KODE_SAH.fullmatch(joined):
        return None  # a lost zero, a letter, a space, a missing part: the full reading says what
    return joined, " | ".join(used)


def _kode_bersih(cells: Sequence[object], widths: Sequence[int] | None) -> BacaanKode | None:
    bersih = kode_sel_bersih(cells, widths)
    if bersih is None:
        return None
    return BacaanKode(bersih[1], kode=Kode(tuple(bersih[0].split("."))))


def _parse_kode_cells(
    cells: Sequence[str | int | float | None],
    widths: Sequence[int] | None = None,
) -> BacaanKode:
    fast = _kode_bersih(cells, widths)
    if fast is not None:
        return fast
    hasil = _kode_cells_lengkap(cells, widths)
    if hasil.galat and sum(1 for c in cells if _cell_text(c)[0].strip()) > 1:
        return replace(hasil, awalan=_awalan_sel(cells, widths))
    return hasil


def _kode_cells_lengkap(
    cells: Sequence[str | int | float | None],
    widths: Sequence[int] | None = None,
) -> BacaanKode:
    texts = [_cell_text(c) for c in cells]
    asli = " | ".join(t for t, _ in texts)
    while texts and not texts[-1][0].strip():
        texts.pop()
    if not texts:
        return BacaanKode(asli.strip(" |"))
    asli = " | ".join(t.strip() for t, _ in texts)
    if len(texts) == 1:  # the whole kode in the first cell, or an urusan row
        return parse_kode(cells[0])
    fixes: list[str] = []
    segs: list[str] = []
    seg_cell: list[int] = []  # cell index of each segment
    first_fix: int | None = None
    pos = 0  # index of the next segment
    for i, (text, numeric) in enumerate(texts):
        if fixes and first_fix is None:
            first_fix = i - 1
        s = text.strip()
        want = widths[i] if widths is not None and i < len(widths) else None
        if not s:
            return BacaanKode(asli, galat=f"sel kode ke-{i + 1} kosong di tengah kode",
                              galat_en=f"kode cell {i + 1} is empty in the middle of the kode", sel=i, alasan="sel_kosong")
        if numeric and "," in s:
            return BacaanKode(
                asli,
                galat=f"sel kode ke-{i + 1} tersimpan sebagai angka desimal ({s}): Excel menyimpan kode yang "
                "diketik sebagai angka dan menampilkannya menurut format sel (mis. 2.06 tampil 2,1 dengan satu "
                "desimal), sehingga kode yang diketik tidak dapat dipastikan",
                galat_en=f"kode cell {i + 1} is stored as a decimal number ({s}): Excel stored the typed kode as a "
                "number and shows it in the cell's number format (e.g. 2.06 shown as 2,1 with one decimal), so the "
                "kode as typed cannot be known",
                sel=i, alasan="angka_desimal",
            )
        s = _clean_text(s, fixes)
        if "#" in s:
            return BacaanKode(asli, galat=f"sel kode ke-{i + 1} berisi '#' (sel terlalu sempit saat dicetak, atau kode tidak diisi)",
                              galat_en=f"kode cell {i + 1} contains '#' (the cell was too narrow when printed, or never filled in)",
                              sel=i, alasan="pagar")
        if "," in s:
            return BacaanKode(asli, galat=f"sel kode ke-{i + 1} '{s}' berisi koma",
                              galat_en=f"kode cell {i + 1} '{s}' contains a comma", sel=i, alasan="koma")
        if re.search(r"\s", s):
            s2 = re.sub(r"\s+", "", s)
            fixes.append("spasi dihapus")
            s = s2
        parts = s.strip(".").split(".")
        if want is not None and len(parts) != want:
            names = "/".join(_SEGMENT_NAMES[pos + j] for j in range(want) if pos + j < 6)
            return BacaanKode(
                asli,
                galat=f"sel kode ke-{i + 1} '{s}' harus berisi {want} segmen ({names}), berisi {len(parts)}",
                galat_en=f"kode cell {i + 1} '{s}' must hold {want} segment{'s' if want > 1 else ''} ({names}), "
                f"it holds {len(parts)}",
                sel=i, alasan="isi_sel",
            )
        for part in parts:
            idx = len(segs)
            # A cell holding one whole segment lost its leading zeros (Excel turned "06" into 6):
            # certain to repair. Inside a dotted cell a short segment may instead have lost a
            # trailing zero ("2.10" → "2.1"), so it is refused below.
            if idx < 6 and len(parts) == 1 and _DIGIT.match(part):
                width = 2 if idx == 5 and len(part) <= 2 else _SEGMENT_WIDTH[idx]
                if len(part) < width:
                    fixes.append(f"'{part}'→'{part.zfill(width)}'")
                    part = part.zfill(width)
            segs.append(part)
            seg_cell.append(i)
        pos += len(parts)
    if fixes and first_fix is None:
        first_fix = len(texts) - 1
    cek = _check_segments(segs, asli)
    if cek:
        galat, galat_en, seg, alasan = cek
        return BacaanKode(asli, galat=galat, galat_en=galat_en, sel=seg_cell[min(seg, len(seg_cell) - 1)],
                          alasan=alasan)
    return BacaanKode(asli, kode=Kode(tuple(segs)), perbaikan=tuple(fixes), sel=first_fix)


_parse_kode_cells_cached = lru_cache(maxsize=4096, typed=True)(_parse_kode_cells)


_JUMLAH = itemgetter(1)


def infer_segment_widths(columns: Sequence[Sequence[object]]) -> list[int] | None:
    """How many kode segments each kode column holds, from the column's content.

    ``columns`` is the list of kode columns, each the list of its cell values over the data rows.
    Each column takes the most common number of dotted parts among its non-empty cells; the result
    is accepted when the columns together make the six segments of a sub kegiatan (or five, for a
    table without sub kegiatan). Otherwise ``None``: read each cell's parts in order.
    """
    widths: list[int] = []
    for col in columns:
        counts: dict[int, int] = {}  # insertion-ordered: a tie goes to the width seen first
        for v in col:
            cls = v.__class__
            if cls is str:
                if not v:
                    continue
                if v[0] == "." or v[-1] == "." or v[0].isspace() or v[-1].isspace():
                    v = v.strip().strip(".")  # rare: most kode text has nothing around it
                    if not v:
                        continue
                n = v.count(".") + 1
            elif v is None or v == "":  # (an empty str subclass, from a caller other than calamine)
                continue
            elif cls is float and not v.is_integer():
                continue  # a kode Excel turned into a decimal number says nothing of the layout
            else:
                n = 1
            counts[n] = counts.get(n, 0) + 1
        if not counts:
            widths.append(1)
            continue
        widths.append(max(counts.items(), key=_JUMLAH)[0])
    if sum(widths) in (5, 6):
        return widths
    return None
