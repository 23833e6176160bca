"""The nomenclature (Kepmendagri 900.1.15.5-1317/2023 and its successors) in memory, and lookups.

Entries are keyed by their kode as the decree writes it, with the sub kegiatan in 4 digits. The
generic support programme is written ``X.XX.01…`` and applies to every office's bidang: a Renja kode
``1.06.01.2.01.0001`` is found as ``X.XX.01.2.01.0001`` when the decree has no bidang-specific entry.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Entri", "Nomenklatur", "normal_nama", "Cocok"]

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING = re.compile(r"^(sub kegiatan|kegiatan|program)\s+")


def normal_nama(teks: str) -> str:
    """A name for comparison: case folded, punctuation and spacing ignored, a leading level word
    (Program/Kegiatan/Sub Kegiatan) dropped: "Kegiatan Perencanaan,  Penganggaran" ≡ "perencanaan penganggaran"."""
    s = _NON_WORD.sub(" ", (teks or "").casefold()).strip()
    return _LEADING.sub("", s)


@dataclass(frozen=True, slots=True)
class Entri:
    kode: str  # as in the decree, e.g. X.XX.01.2.01.0001 or 1.06.02.2.01.0001
    level: str  # urusan, bidang, program, kegiatan, sub_kegiatan
    nama: str
    kinerja: str = ""
    indikator: str = ""
    satuan: str = ""

    def untuk_bidang(self, bidang: str | None) -> str:
        """The kode as an office of ``bidang`` (``1.06``) writes it: the X.XX prefix replaced."""
        if bidang and self.kode.startswith("X.XX"):
            return bidang + self.kode[4:]
        return self.kode


@dataclass(frozen=True, slots=True)
class Cocok:
    """A name match: the entry, the kode as the office writes it, and how close the names are (0–1)."""

    entri: Entri
    kode: str
    skor: float


def _kunci4(kode: str) -> str:
    segs = kode.split(".")
    if len(segs) == 6 and len(segs[5]) < 4 and segs[5].isdigit():
        segs[5] = segs[5].zfill(4)
    return ".".join(segs)


@dataclass
class Nomenklatur:
    """The decree's entries with lookups by kode and by name."""

    sumber: str
    sidik: str  # sha256 of the file
    entri: dict[str, Entri] = field(default_factory=dict)
    _nama: dict[str, list[Entri]] | None = field(default=None, repr=False)
    _pasangan: set[tuple[str, str]] | None = field(default=None, repr=False)
    _kelompok: dict[str, list[Entri]] | None = field(default=None, repr=False)  # by "U.BB" (X.XX generic)
    _normal: dict[str, str] = field(default_factory=dict, repr=False)  # kode → normalised name (lazy)
    _satuan: frozenset[str] | None = field(default=None, repr=False)  # the decree's units, normalised (lazy)

    def __len__(self) -> int:
        return len(self.entri)

    def hitung_level(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entri.values():
            out[e.level] = out.get(e.level, 0) + 1
        return out

    def cari_kode(self, kode: str) -> Entri | None:
        """The entry of a Renja kode (2- or 4-digit sub kegiatan), bidang-specific first, then generic."""
        k = _kunci4(kode.strip())
        hit = self.entri.get(k)
        if hit is not None:
            return hit
        segs = k.split(".")
        if len(segs) >= 3:
            return self.entri.get("X.XX." + ".".join(segs[2:]))
        return None

    def _per_bidang(self) -> dict[str, list[Entri]]:
        if self._kelompok is None:
            self._kelompok = {}
            for e in self.entri.values():
                self._kelompok.setdefault(".".join(e.kode.split(".")[:2]), []).append(e)
        return self._kelompok

    def kandidat(self, awalan: str | None = None, bidang: str | None = None, level: str | None = None) -> Iterable[tuple[Entri, str]]:
        """Entries (with the kode as the office writes it) under ``awalan`` (a kode prefix such as
        ``1.06.01.2.09``) or in ``bidang`` (``1.06``, generic entries included), optionally of one level."""
        if awalan:
            b = ".".join(awalan.split(".")[:2])
            bidang = bidang or b
        groups = self._per_bidang()
        pools = [groups.get(bidang, []), groups.get("X.XX", [])] if bidang else groups.values()
        for pool in pools:
            for e in pool:
                if level and e.level != level:
                    continue
                kode = e.untuk_bidang(bidang)
                if awalan and not (kode == awalan or kode.startswith(awalan + ".")):
                    continue
                yield e, kode

    def _nama_normal(self, e: Entri) -> str:
        n = self._normal.get(e.kode)
        if n is None:
            n = self._normal[e.kode] = normal_nama(e.nama)
        return n

    def cari_nama(self, teks: str, awalan: str | None = None, bidang: str | None = None,
                  level: str | None = None, n: int = 5, batas: float = 0.6) -> list[Cocok]:
        """The entries whose official name is closest to ``teks``, best first."""
        q = normal_nama(teks)
        if not q:
            return []
        m = difflib.SequenceMatcher(autojunk=False)
        m.set_seq2(q)
        out: list[Cocok] = []
        for e, kode in self.kandidat(awalan, bidang, level):
            name = self._nama_normal(e)
            m.set_seq1(name)
            if m.real_quick_ratio() < batas or m.quick_ratio() < batas:
                continue
            r = m.ratio()
            if r >= batas:
                out.append(Cocok(e, kode, r))
        out.sort(key=lambda c: (-c.skor, c.kode))
        return out[:n]

    def pasti(self, teks: str, awalan: str | None = None, bidang: str | None = None,
              level: str | None = None, batas: float = 0.85, jarak: float = 0.05) -> Cocok | None:
        """The one entry whose name matches ``teks`` unambiguously: close enough (``batas``) and clearly
        closer than any other entry (by ``jarak``). None when there is no such entry."""
        hits = self.cari_nama(teks, awalan, bidang, level, n=3, batas=batas - jarak)
        if not hits or hits[0].skor < batas:
            return None
        if len(hits) > 1 and hits[0].skor - hits[1].skor < jarak and hits[1].kode != hits[0].kode:
            return None
        return hits[0]

    def nama_sama(self, teks: str, bidang: str | None = None) -> list[str]:
        """Kode (as the office writes them) of entries whose official name equals ``teks`` (normalised)."""
        if self._nama is None:  # built on first use: most checks never need it
            self._nama = {}
            for e in self.entri.values():
                self._nama.setdefault(normal_nama(e.nama), []).append(e)
        return sorted(e.untuk_bidang(bidang) for e in self._nama.get(normal_nama(teks), ()))

    def satuan_dikenal(self, teks: str) -> bool:
        """Whether the decree itself uses this unit for some sub kegiatan (a unit it uses is a known unit)."""
        from ..core.satuan import kunci_satuan

        if self._satuan is None:
            self._satuan = frozenset(kunci_satuan(e.satuan) for e in self.entri.values() if e.satuan)
        return kunci_satuan(teks) in self._satuan

    def pasangan_dipakai(self, noun: str, sat: str) -> bool:
        """Whether the decree itself measures a "Jumlah <noun> …" indicator in unit ``sat`` (S002)."""
        if self._pasangan is None:
            self._pasangan = hitung_pasangan(self.entri.values())
        return (noun, sat) in self._pasangan


def hitung_pasangan(entri: Iterable[Entri]) -> set[tuple[str, str]]:
    """(counted noun, unit) pairs of the decree's "Jumlah <noun> …" indicators."""
    from ..core.satuan import kamus_bawaan

    k = kamus_bawaan()
    pairs: set[tuple[str, str]] = set()
    for e in entri:
        ind = e.indikator.strip()
        if e.level != "sub_kegiatan" or not ind.lower().startswith("jumlah "):
            continue
        n = k.awal_frasa(ind.split()[1:])
        s = k.baca(e.satuan, tebak=False).efektif
        if n and s:
            pairs.add((n, s))
    return pairs
