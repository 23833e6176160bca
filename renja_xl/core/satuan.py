"""Units (satuan) of Renja indicators: canonical names, accepted abbreviations, known typos.

``baca_satuan("Dok")`` → Dokumen (an accepted abbreviation); ``baca_satuan("Lpaoran")`` → a typo whose
meaning is Laporan (reported, and used as Laporan when units are compared); ``baca_satuan("ОВ")``
(Cyrillic letters from a PDF) → Orang/bulan. Case and spacing never matter.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["SATUAN", "BacaanSatuan", "Kamus", "baca_satuan", "kamus_bawaan", "kunci_satuan"]

# canonical → (accepted abbreviations and spellings, known typos)
SATUAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "%": (("persen", "persentase", "prosen", "(persen)", "pct"), ()),
    "Dokumen": (("dok", "dok.", "dokumen"), ("dokuman", "doumen", "dokumne", "dokemen")),
    "Laporan": (("lap", "lap.", "lpr"), ("lpaoran", "laopran", "lapoan", "lapran")),
    "Orang": (("org", "org.", "jiwa", "orang"), ("oarng", "ornag")),
    "Orang/bulan": (("ob", "o/b", "org/bln", "orang/bln", "org/bulan", "orang bulan", "orang-bulan"), ()),
    "Orang/hari": (("oh", "o/h", "org/hari"), ()),
    "Bulan": (("bln", "bln."), ()),
    "Hari": (("hr",), ()),
    "Minggu": (("mgg",), ()),
    "Tahun": (("thn", "th"), ()),
    "Jam": ((), ()),
    "Keluarga": (("kk", "kpm", "kepala keluarga", "keluarga penerima manfaat", "rumah tangga sasaran", "rts"), ("kelaurga", "keluaga", "kelurga")),
    "Rumah Tangga": (("rt", "ruta"), ()),
    "Unit": (("unt", "bh unit"), ()),
    "Buah": (("bh", "bh."), ()),
    "Paket": (("pkt", "pkt."), ()),
    "Set": ((), ()),
    "Eksemplar": (("eks", "eks.", "exemplar", "exp"), ()),
    "Buku": ((), ()),
    "Lembar": (("lbr",), ()),
    "Kali": (("x", "kl"), ()),
    "Kegiatan": (("keg", "keg."), ()),
    "Layanan": ((), ()),
    "Jenis": (("jns",), ()),
    "Lembaga": ((), ()),
    "Kelompok": (("klp",), ()),
    "Organisasi": ((), ()),
    "Sertifikat": (("sertipikat",), ("sertifkat", "sertifikar", "serifikat")),
    "Komunitas": ((), ("kmunitas", "komunitss")),
    "Kampung": ((), ()),
    "Makam": ((), ()),
    "Desa/Kelurahan": (("desa/kel", "desa / kelurahan", "desa/kel.", "desa/kelurahan", "kelurahan/desa"), ()),
    "Desa": ((), ()),
    "Kelurahan": (("kel",), ()),
    "Kecamatan": (("kec", "kec."), ()),
    "Kabupaten/Kota": (("kab/kota",), ()),
    "Perangkat Daerah": (("opd", "skpd"), ()),
    "Surat": ((), ()),
    "Berkas": ((), ()),
    "Arsip": ((), ()),
    "Berita Acara": (("ba",), ()),
    "Rekomendasi": ((), ()),
    "Kasus": ((), ()),
    "Perkara": ((), ()),
    "Lokasi": ((), ()),
    "Titik": ((), ()),
    "Kawasan": ((), ()),
    "Ruang": ((), ()),
    "Sekolah": ((), ()),
    "Peserta": ((), ()),
    "Aplikasi": ((), ()),
    "Sistem": ((), ()),
    "Produk": ((), ()),
    "Naskah": ((), ()),
    "Kebijakan": ((), ()),
    "Indeks": ((), ()),
    "Nilai": ((), ()),
    "Predikat": ((), ()),
    "Usaha": ((), ()),
    "UMKM": ((), ()),
    "Koperasi": ((), ()),
    "Rupiah": (("rp",), ()),
    "M²": (("m2", "m^2", "meter persegi", "m 2"), ()),
    "M³": (("m3", "m^3", "meter kubik"), ()),
    "M": (("meter", "mtr"), ()),
    "Km": (("kilometer",), ()),
    "Ha": (("hektar", "hektare"), ()),
    "Ton": ((), ()),
    "Kg": (("kilogram",), ()),
    "Liter": (("ltr", "l"), ()),
    # seen in real submissions (SIPD exports, Renstra matrices, E.81 forms of several pemda)
    "Distrik": ((), ()),  # Papua: a kecamatan
    "Siswa": ((), ()),
    "Peserta Didik": ((), ()),
    "Anak": ((), ()),
    "Satuan Pendidikan": ((), ()),
    "Unit Usaha": ((), ()),
    "Badan Usaha": ((), ()),
    "Jembatan": ((), ()),
    "Fasilitas Kesehatan": (("faskes",), ()),
    "Sambungan Rumah": (("sr",), ()),
    "Triwulan": (("tw",), ()),
    "Semester": ((), ()),
    "Poin": (("point",), ()),
    "Liter/detik": (("l/dtk", "liter/dtk", "lt/detik"), ()),
    "Baju": ((), ()),
    "Stel": (("setel",), ()),
    "Kartu": ((), ()),
    "Objek": (("obyek",), ()),
    "Ekor": ((), ()),
    "Balai": ((), ()),
    "Perangkat": ((), ()),
    "Penerima": ((), ()),
    "Pasien": ((), ()),
    "Puskesmas": ((), ()),
    "Kegiatan/tahun": ((), ()),
    "Pekerjaan": ((), ()),
}

# Units that count the same kind of thing.
_KIND = {"Peserta": "Orang", "Rumah Tangga": "Keluarga", "Desa": "Desa/Kelurahan", "Kelurahan": "Desa/Kelurahan",
         "Siswa": "Orang", "Peserta Didik": "Orang", "Anak": "Orang", "Pasien": "Orang", "Penerima": "Orang",
         "Distrik": "Kecamatan"}

# Words that classify rather than name what is counted: "Jumlah jenis komponen" counts komponen.
PENGGOLONG = frozenset({"jenis", "macam", "buah", "total", "seluruh"})

# A unit per unit of time is the same kind of thing as the unit itself.
_PER_TIME = re.compile(r"^(?P<base>[^/]+)/(bulan|hari|minggu|tahun|jam)$", re.IGNORECASE)

# Cyrillic and Greek capitals and small letters that PDFs put in place of Latin ones.
_LOOKALIKE_LETTERS = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x",
    "у": "y", "і": "i", "І": "I", "Ο": "O", "ο": "o", "Α": "A", "Β": "B", "Μ": "M", "Τ": "T",
})
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


@lru_cache(maxsize=4096)
def kunci_satuan(teks: str) -> str:
    """Comparison key: look-alike letters mapped, case folded, spaces and trailing dots tidied."""
    s = teks.translate(_LOOKALIKE_LETTERS).replace("\u00b2", "²")
    s = re.sub(r"\s*/\s*", "/", s.strip())
    s = re.sub(r"\s+", " ", s).rstrip(".").strip()
    return s.casefold()


@dataclass(frozen=True, slots=True)
class BacaanSatuan:
    """What one satuan text means.

    ``status``: ``kosong`` (empty), ``baku`` (a canonical unit, any case), ``alias`` (an accepted
    abbreviation such as Dok), ``salah_ketik`` (a typo: ``saran`` holds what it means),
    ``tidak_dikenal`` (unknown; ``saran`` may hold a likely match). ``kanonik`` is the canonical
    unit for ``baku`` and ``alias``. ``huruf_asing`` says Cyrillic/Greek look-alikes were mapped.
    """

    asli: str
    status: str
    kanonik: str | None = None
    saran: str | None = None
    huruf_asing: bool = False

    @property
    def efektif(self) -> str | None:
        """The unit to compare with others: the canonical one, or what a typo stands for."""
        if self.kanonik:
            return self.kanonik
        return self.saran if self.status == "salah_ketik" else None

    @property
    def dikenal(self) -> bool:
        return self.status in ("baku", "alias")


class Kamus:
    """A unit dictionary: the built-in units plus any a region adds (config ``satuan_tambahan``).

    Immutable once built: :meth:`dengan` gives a new dictionary with more units, so what is memoised
    for one dictionary (its own :meth:`baca` memo, the rules' lookups keyed on it) can never go stale.
    """

    __slots__ = ("_baku", "_alias", "_typo", "_known_keys", "_memo")

    def __init__(self, satuan: Mapping[str, tuple[Iterable[str], Iterable[str]]],
                 tambahan: Iterable[tuple[str, Iterable[str]]] = ()):
        self._baku: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        self._typo: dict[str, str] = {}
        for kanonik, (aliases, typos) in satuan.items():
            self._baku[kunci_satuan(kanonik)] = kanonik
            for a in aliases:
                self._alias.setdefault(kunci_satuan(a), kanonik)
            for t in typos:
                self._typo[kunci_satuan(t)] = kanonik
        for kanonik, aliases in tambahan:  # a region's own units win over a built-in alias
            self._baku[kunci_satuan(kanonik)] = kanonik
            for a in aliases:
                self._alias[kunci_satuan(a)] = kanonik
        self._known_keys = sorted(set(self._baku) | set(self._alias))
        self._memo: dict[tuple[str | None, bool], BacaanSatuan] = {}

    def dengan(self, tambahan: Iterable[tuple[str, Iterable[str]]]) -> Kamus:
        """A new dictionary: this one's units plus ``tambahan`` (canonical name, aliases)."""
        baru = Kamus({}, ())
        baru._baku, baru._alias, baru._typo = dict(self._baku), dict(self._alias), self._typo
        for kanonik, aliases in tambahan:
            baru._baku[kunci_satuan(kanonik)] = kanonik
            for a in aliases:
                baru._alias[kunci_satuan(a)] = kanonik
        baru._known_keys = sorted(set(baru._baku) | set(baru._alias))
        return baru

    @property
    def kanonik(self) -> list[str]:
        return sorted(set(self._baku.values()))

    def cari(self, teks: str) -> str | None:
        """The canonical unit of an exact name or accepted abbreviation, else None (no guessing)."""
        k = kunci_satuan(teks)
        return self._baku.get(k) or self._alias.get(k)

    def baca(self, teks: str | None, tebak: bool = True) -> BacaanSatuan:
        """What a unit text means; ``tebak=False`` skips the typo guess for unknown text (for
        official lists such as the nomenclature, whose units need no guessing)."""
        kunci = (teks if teks is None or teks.__class__ is str else str(teks), tebak)
        hasil = self._memo.get(kunci)
        if hasil is None:
            if len(self._memo) >= 8192:  # a hostile file's many distinct texts cannot grow it without end
                self._memo.clear()
            hasil = self._memo[kunci] = self._baca(*kunci)
        return hasil

    def _baca(self, teks: str | None, tebak: bool) -> BacaanSatuan:
        if teks is None:
            return BacaanSatuan("", "kosong")
        asli = str(teks)
        if not asli.strip():
            return BacaanSatuan(asli, "kosong")
        asing = bool(_NON_LATIN.search(asli))
        k = kunci_satuan(asli)
        if k in self._baku:
            return BacaanSatuan(asli, "baku", self._baku[k], huruf_asing=asing)
        if k in self._alias:
            return BacaanSatuan(asli, "alias", self._alias[k], huruf_asing=asing)
        if k in self._typo:
            return BacaanSatuan(asli, "salah_ketik", saran=self._typo[k], huruf_asing=asing)
        m = _PER_TIME.match(k)
        if m and self.cari(m.group("base")):
            base = self.cari(m.group("base"))
            per = m.group(2).lower()
            return BacaanSatuan(asli, "alias", f"{base}/{per}", huruf_asing=asing)
        if "/" in k or k.startswith("per "):  # a compound of known units: "Orang / Bulan / Kegiatan", "Per Ruang"
            parts = [p.strip() for p in k.removeprefix("per ").split("/")]
            kanon = [self.cari(p.removeprefix("per ").strip()) for p in parts]
            if parts and all(kanon):
                return BacaanSatuan(asli, "alias", "/".join(kanon), huruf_asing=asing)
        words = k.split()
        if 1 < len(words) <= 4 and all(w.isalpha() for w in words):  # a unit qualified: "Layanan Informasi"
            head = self.cari(words[0])
            if head is not None and head != "%" and not any(self.cari(w) for w in words[1:]):
                return BacaanSatuan(asli, "alias", head, huruf_asing=asing)
        saran = self._tebak(k) if tebak and len(k) >= 4 and not any(ch.isdigit() for ch in k) else None
        if saran:
            return BacaanSatuan(asli, "salah_ketik", saran=saran, huruf_asing=asing)
        return BacaanSatuan(asli, "tidak_dikenal", huruf_asing=asing)

    def _tebak(self, k: str) -> str | None:
        """A likely typo fix: the closest known spelling, offered only when no other unit is as close."""
        matcher = difflib.SequenceMatcher(b=k, autojunk=False)
        scored: list[tuple[float, str]] = []
        for cand in self._known_keys:
            matcher.set_seq1(cand)
            if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8:
                r = matcher.ratio()
                if r >= 0.8:
                    scored.append((r, self._baku.get(cand) or self._alias[cand]))
        if not scored:
            return None
        scored.sort(reverse=True)
        best, unit = scored[0]
        if any(u != unit and best - r < 0.05 for r, u in scored[1:]):
            return None
        return unit

    def dasar(self, kanonik: str) -> str:
        """The unit without its time part: ``Orang/bulan`` → ``Orang``."""
        m = _PER_TIME.match(kanonik)
        if m:
            return self.cari(m.group("base")) or m.group("base")
        if "/" in kanonik and kunci_satuan(kanonik) not in self._baku:  # a compound: what it counts comes first
            first = kanonik.split("/")[0]
            return self.cari(first) or first
        return kanonik

    def sejenis(self, a: str, b: str) -> bool:
        """Whether two canonical units agree (equal, the same kind of thing such as Peserta and
        Orang, or one is the other per unit of time)."""
        da, db = self.dasar(a), self.dasar(b)
        return a == b or da == db or _KIND.get(da, da) == _KIND.get(db, db)

    def awal_frasa(self, kata: list[str]) -> str | None:
        """The canonical unit named by the first one to three words, longest first (no guessing).
        A leading classifier ("jenis", "macam") is skipped: "jenis komponen" names komponen."""
        while kata and kata[0].casefold() in PENGGOLONG:
            kata = kata[1:]
        for n in (3, 2, 1):
            if len(kata) >= n:
                hit = self.cari(" ".join(kata[:n]))
                if hit:
                    return hit
        return None


@lru_cache(maxsize=1)
def kamus_bawaan() -> Kamus:
    return Kamus(SATUAN)


def baca_satuan(teks: str | None) -> BacaanSatuan:
    """Read a satuan with the built-in dictionary."""
    return kamus_bawaan().baca(teks)
