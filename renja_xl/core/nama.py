"""Names of programs, kegiatan and sub kegiatan: when two tables mean the same row.

A kode says which row of the hierarchy a line is, but offices copy tables and shift kode (Tabel 2.1
of the seed writes each sub kegiatan of 1.06.01.2.01 one kode too early), and some tables have no
kode at all (Tabel 2.3, the review of the Rancangan Awal RKPD). Their names still say which row
they mean. :func:`sama_nama` compares two names word by word, forgiving what a typist does —
case, punctuation, spaces (``DPA- SKPD``, ``DisabilitasTerlantar``), a level word in front
(``Kegiatan …``, ``Sub. Kegiatan : …``), the usual abbreviations (``Dok``, ``Lap``) and a typo in a
long word (``Perencenaan``) — but not a word more or less (``Dokumen RKA-SKPD`` is not ``Dokumen
Perubahan RKA-SKPD``) nor a different word (``Kampung Siaga Bencana`` is not ``Taruna Siaga
Bencana``). It answers True (the same name), False (a different one) or None (too short to say).

:func:`cocokkan` pairs the rows of two tables by name, keeping both tables' order, for tables that
name the same plan (the review table and Tabel 4.1).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = ["kata_nama", "kunci_nama", "sama_nama", "cocokkan", "awalan_level"]

_AWALAN = re.compile(
    r"^\s*(?:(?:sub\s*\.?\s*kegiatan|sub\s*\.?\s*keg\.?|kegiatan|kegaitan|keg\.|program|prog\.)\b\s*[:.\-]?\s*)+",
    re.I)
_SINGKATAN = {"dok": "dokumen", "doc": "dokumen", "lap": "laporan", "keg": "kegiatan", "org": "orang",
              "kab": "kabupaten", "pemkab": "pemerintah kabupaten", "bmd": "barang milik daerah",
              "tmp": "taman makam pahlawan", "pd": "perangkat daerah", "opd": "perangkat daerah"}
# words that may be there or not without changing which row is meant
_LONGGAR = {"dan", "serta", "yang", "pada", "di", "ke", "dari", "untuk", "atau", "kabupaten", "kota",
            "kabupaten/kota", "provinsi", "daerah"}
_EKOR = re.compile(r"(\s+(kabupaten\s*/\s*kota|kabupaten|kota|provinsi))+\s*$")


def awalan_level(text: str | None) -> str | None:
    """The level a name says in front of itself: 'program', 'kegiatan', 'sub_kegiatan' or None."""
    m = _AWALAN.match(text or "")
    if not m:
        return None
    w = m.group(0).lower()
    if "sub" in w:
        return "sub_kegiatan"
    if w.strip().startswith("prog"):
        return "program"
    return "kegiatan"


@lru_cache(maxsize=8192)
def kata_nama(text: str | None) -> tuple[str, ...]:
    """The words of a name as compared: lower case, no level word in front, no trailing
    'Kabupaten/Kota', abbreviations written out, punctuation as spaces (a hyphen joins)."""
    s = unicodedata.normalize("NFKC", text or "").lower()
    s = _AWALAN.sub("", s)
    s = re.sub(r"\s*-\s*", "-", s)  # "DPA- SKPD" = "DPA-SKPD"
    s = _EKOR.sub("", s)
    s = re.sub(r"[^\w/-]+", " ", s)
    out: list[str] = []
    for w in s.split():
        w = w.strip("-/")
        if not w:
            continue
        out.extend(_SINGKATAN.get(w, w).split())
    return tuple(out)


def kunci_nama(text: str | None) -> str:
    """A name as one comparison key (words joined, no spaces): equal keys are the same name."""
    return "".join(w for w in kata_nama(text) if w not in ("dan", "serta")).replace("-", "").replace("/", "")


def _mirip(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _salah_ketik(a: str, b: str) -> bool:
    """Two words that are one word typed differently: a long word with one or two letters wrong,
    missing, extra or swapped (``Perencenaan``, ``Penagnan``); a syllable more is another word
    (``Makanan`` is not ``Permakanan``)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 5:
        return False
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b) <= (1 if n < 7 else 2)


@lru_cache(maxsize=16384)
def sama_nama(a: str | None, b: str | None) -> bool | None:
    """True: the two names mean the same row; False: they name different rows; None: one of them
    is empty or too short to tell."""
    wa, wb = kata_nama(a), kata_nama(b)
    if not wa or not wb:
        return None
    if kunci_nama(a) == kunci_nama(b):
        return True
    if len("".join(wa)) < 6 or len("".join(wb)) < 6:
        return None
    sm = SequenceMatcher(None, wa, wb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        xa, xb = [w for w in wa[i1:i2] if w not in _LONGGAR], [w for w in wb[j1:j2] if w not in _LONGGAR]
        if not xa and not xb:
            continue  # only words that change nothing ("dan", "Kabupaten/Kota")
        if op == "replace" and len(xa) == len(xb) and all(_salah_ketik(x, y) for x, y in zip(xa, xb, strict=True)):
            continue
        ja, jb = "".join(xa).replace("-", ""), "".join(xb).replace("-", "")
        if ja and jb and (ja == jb or (min(len(ja), len(jb)) >= 8 and _mirip(ja, jb) >= 0.9)):
            continue  # words split or joined differently ("DisabilitasTerlantar")
        return False
    return True


def cocokkan(a: Sequence[str], b: Sequence[str], boleh: Callable[[int, int], bool] | None = None) -> dict[int, int]:
    """Pair the names of list ``a`` with those of list ``b`` (index → index), keeping both orders:
    a pair is made only between names that :func:`sama_nama` calls the same, and never crosses an
    earlier pair. ``boleh(i, j)`` can forbid a pair (a program never pairs with a sub kegiatan).
    Exact keys are paired first, then the names that differ only by typing, each inside the gap the
    exact pairs leave."""
    boleh = boleh or (lambda i, j: True)
    ka = [kunci_nama(x) for x in a]
    kb = [kunci_nama(x) for x in b]
    pairs: dict[int, int] = {}
    # 1. exact keys, in order (longest increasing run by a greedy walk: tables list rows in one order)
    j0 = 0
    for i, k in enumerate(ka):
        if not k:
            continue
        j = next((j for j in range(j0, len(kb)) if kb[j] == k and boleh(i, j)), None)
        if j is not None:
            pairs[i] = j
            j0 = j + 1
    # 2. names that differ by typing, inside the gaps between exact pairs
    anchors = sorted(pairs.items())
    bounds = [(-1, -1), *anchors, (len(a), len(b))]
    for (ia, ja), (ib, jb) in zip(bounds, bounds[1:], strict=False):
        j0 = ja + 1
        for i in range(ia + 1, ib):
            if i in pairs or not ka[i]:
                continue
            cands = [j for j in range(j0, jb) if sama_nama(a[i], b[j]) and boleh(i, j)]
            if cands:
                pairs[i] = cands[0]
                j0 = cands[0] + 1
    return pairs
