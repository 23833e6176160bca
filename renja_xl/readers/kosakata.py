"""The words of table headers: what a header cell names, whatever its spelling.

Offices write the same header a hundred ways: ``Pagu Indikatif``, ``DANA TAHUN 1``, ``Kebutuhan
Dana``, ``anggaran``, ``menjadi_anggaran``, ``Anggran`` (a typo), ``Rp.``. A header text is first
made plain (lower case, ``snake_case`` and punctuation to spaces, ``s.d.``/``s/d`` to ``sd``), then each
word that is not a known header word but is close to one (a typo: ``Relisasi``, ``Tareget``) is
replaced by it — with rapidfuzz's edit-distance ratio, only for words of six letters or more, where
a typo cannot turn one header word into another. The plain text is then matched against the
concepts below (:data:`KONSEP`), and the years, plan years (``tahun 1``), quarters (``triwulan II``)
and months it names are read.

Long cells are never header words: a definition or a paragraph of narrative that happens to contain
``program`` or ``target`` says nothing about the columns (:data:`PANJANG_KEPALA`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["KONSEP", "Label", "baca_label", "polos", "PANJANG_KEPALA", "tahun_dalam", "BULAN"]

# A header cell longer than this is narrative or a definition, not a header word. (The longest real
# header seen: "Tingkat Capaian Kinerja dan Realisasi Anggaran RENSTRA s.d. Tahun 2026 (%) K".)
PANJANG_KEPALA = 140

# Header words; a word close to one of these (a typo) is read as it.
_KATA = (
    "anggaran", "belanja", "berkurang", "bertambah", "capaian", "catatan", "evidence", "indikator",
    "kebutuhan", "kegiatan", "keterangan", "keuangan", "kinerja", "kondisi", "kumulatif", "kelompok",
    "lokasi", "nomenklatur", "organisasi", "pagu", "pelaksana", "pendanaan", "penanggung",
    "perangkat", "persentase", "perubahan", "program", "proyeksi", "rancangan", "realisasi",
    "rekening", "rencana", "renstra", "satuan", "sebelum", "sesudah", "setelah", "sasaran",
    "standar", "subkegiatan", "sumberdana", "target", "tingkat", "triwulan", "uraian", "urusan",
    "semester", "prakiraan", "pelayanan", "analisis", "penyelesaian", "pekerjaan", "rincian",
    "tujuan", "definisi", "operasional", "keluaran", "hasil", "tolok", "tahun", "pelaksanaan", "pelaksanaannya",
    "persentase", "prosentase", "presentase", "kegiatannya", "perubahan", "perencanaan", "penganggaran",
    "januari", "februari", "maret", "april", "juni", "juli", "agustus", "september", "oktober",
    "november", "desember",
)
_KATA_SET = frozenset(_KATA)
BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
         "oktober", "november", "desember")

# Concepts a header names, on the plain text. Order does not matter; a text may name several.
KONSEP: dict[str, re.Pattern[str]] = {k: re.compile(v) for k, v in {
    "kode": r"\bkode\b|\bkd\b|\bkode\w*",
    "organisasi": r"\bopd\b|\bskpd\b|\borganisasi\b|\bperangkat daerah\b|\bunit organisasi\b",
    "akun": r"\bakun\b|\brekening belanja\b|\bkode rekening belanja\b",
    "no": r"^(no|nomor|no urut|nmr)$",
    "uraian": r"\bprogram\b|\bkegiatan\b|\bsubkegiatan\b|\buraian\b|\burusan\b|\bnomenklatur\b|\bnama sub"
              r"|\bpaket pekerjaan\b|\bnama kegiatan\b",
    "indikator": r"\bindikator\b|\btolo?k ukur\b|\btolak ukur\b",
    "satuan": r"\bsatuan\b|\bsat\b",
    "target": r"\btarget\b|\btrgt\b",
    "pagu": r"\bpagu\b|\bdana\b|\bpendanaan\b|\banggaran\b|\bkebutuhan dana\b|\bnilai dpa\b|\bdpa\b"
            r"|^rp$|\brp\b|\brupiah\b|\bbiaya\b|\bbelanja\b",
    "realisasi": r"\brealisasi\b",
    "capaian": r"\bcapaian\b|\btingkat\b|%|\bpersen\b|\bpersentase\b",
    "fisik": r"\bfisik\b|\bpenyelesaian pekerjaan\b|\bprogres\b|\bprogress\b",
    "keuangan": r"\bkeuangan\b",
    "lokasi": r"\blokasi\b",
    "sumber": r"\bsumber ?dana\b|\bsumberdana\b",
    "catatan": r"\bcatatan\b|\bketerangan\b|^ket$|\bevidence\b|\bbukti\b|\balasan\b|\bpermasalahan\b",
    "unit": r"\bunit kerja\b|\bpenanggung ?jawab\b|\bpelaksana\b|\bunit penanggung\b",
    "spm": r"\bspm\b|\bikk\b|\bstandar pelayanan\b|\bstandar nasional\b|\bstandar\b",
    "review": r"\brancangan awal\b|\bhasil analisis\b",
    "sebelum": r"\bsebelum\b|\bmurni\b|\bsemula\b",
    "setelah": r"\bsetelah\b|\bsesudah\b|\bmenjadi\b|^perubahan$|\bperubahan \d{4}\b",
    "selisih": r"\bbertambah\b|\bberkurang\b|\bselisih\b|\bpergeseran\b",
    "renstra": r"\brenstra\b|\bakhir periode\b",
    "renja": r"\brenja\b",
    "awal": r"\bkondisi awal\b|\bcapaian awal\b|\bbaseline\b|\bkinerja awal\b|\bdata awal\b|\bdata capaian awal\b",
    "akhir": r"\bkondisi akhir\b|\bkinerja akhir\b",
    "rencana": r"\brencana\b|\bakas\b|\banggaran kas\b",
    "proyeksi": r"\bproyeksi\b|\bprakiraan\b|\bprakirakan\b|\bmaju\b",
    "sd": r"\bsd\b|\bkum\b|\bkumulatif\b",
    "lalu": r"\btahun lalu\b|\bn ?- ?1\b|\bn ?- ?2\b|\bsebelumnya\b",
    "jumlah": r"\bjumlah\b|\btotal\b",
    "kinerja": r"\bkinerja\b",
    "sasaran": r"\bsasaran\b|\btujuan\b",
    "definisi": r"\bdefinisi\b|\bformulasi\b|\bcara hitung\b",
    "kelompok": r"\bkelompok belanja\b|\boperasi\b|\bmodal\b|\btak terduga\b|\btransfer\b",
}.items()}

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_TAHUN_KE = re.compile(r"\b(?:tahun|th|thn)\s*(?:ke\s*)?([1-5])\b(?!\s*\d)")
_TW = re.compile(r"\b(?:triwulan|tw|trw)\s*(?:ke\s*)?(iv|iii|ii|i|[1-4])\b")
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_SATUAN_KOLOM = re.compile(r"^(k|rp|%|rp \d*|\(rp\)|\(%\)|\(k\))$")
_PENANDA_AKHIR = re.compile(r"\s(k|rp|%)$")


def _kata_baku(w: str) -> str:
    if len(w) < 6 or w in _KATA_SET or not w.isalpha():
        return w
    return _dekat(w)


@lru_cache(maxsize=4096)
def _dekat(w: str) -> str:
    from rapidfuzz import fuzz, process

    hit = process.extractOne(w, _KATA, scorer=fuzz.ratio, score_cutoff=86)
    return hit[0] if hit else w


@lru_cache(maxsize=8192)
def polos(teks: str) -> str:
    """Header text made plain: lower case, words only (``%`` and ``/`` kept), typos of header words
    mended (``Relisasi`` → ``realisasi``), ``s.d.``/``s/d``/``sd.`` → ``sd``, ``sub_kegiatan`` → ``subkegiatan``."""
    t = teks.lower().replace("_", " ").replace("\n", " ")
    t = re.sub(r"\bs\s*[./]\s*d\b\.?|\bsampai dengan\b", " sd ", t)
    t = re.sub(r"\bsub[\s\-]*kegiatan", "subkegiatan", t)
    t = re.sub(r"\bsumber[\s\-]+dana\b", "sumberdana", t)
    t = re.sub(r"[^a-z0-9%/+\-=]+", " ", t)
    words = [_kata_baku(w) for w in t.split()]
    return " ".join(words)


def tahun_dalam(teks: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(teks)]


@dataclass(frozen=True, slots=True)
class Label:
    """What one header text names."""

    teks: str  # plain text
    konsep: frozenset[str]
    tahun: int | None = None  # 2024
    tahun_ke: int | None = None  # "tahun 1" of a Renstra
    tw: int | None = None  # triwulan 1..4
    bulan: int | None = None  # 1..12
    satuan_kolom: str | None = None  # "k", "rp", "%": the unit marker the label is or ends with
    penanda_saja: bool = False  # the label is nothing but a unit marker ("Rp", "K")

    def punya(self, *konsep: str) -> bool:
        return any(k in self.konsep for k in konsep)


@lru_cache(maxsize=8192)
def baca_label(teks: str) -> Label:
    """The concepts, year, plan year, quarter and month one header text names."""
    if len(teks) > PANJANG_KEPALA:
        return Label(polos(teks[:40]), frozenset())
    p = polos(teks)
    konsep = frozenset(k for k, rx in KONSEP.items() if rx.search(p))
    years = tahun_dalam(p)
    m = _TAHUN_KE.search(p)
    tw = _TW.search(p)
    bulan = next((i + 1 for i, b in enumerate(BULAN) if re.search(rf"\b{b}\b", p)), None)
    saja = _SATUAN_KOLOM.match(p.strip())
    sk = saja or (_PENANDA_AKHIR.search(p.strip()) if len(p) > 4 else None)
    return Label(
        p, konsep,
        tahun=years[-1] if years else None,
        tahun_ke=int(m.group(1)) if m and not years else None,
        tw=_ROMAWI[tw.group(1)] if tw else None,
        bulan=bulan,
        satuan_kolom=sk.group(1).strip("()").split()[0] if sk else None,
        penanda_saja=saja is not None,
    )
