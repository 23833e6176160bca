"""The table model: a recognised table held as columns, with the column map that says how it was read.

A table is read once into parallel lists, one entry per data row (kode, level, uraian, …), and a
:class:`KolomAngka` per numeric column (its parsed values, the cells that could not be read, the
formula cells without a cached value). Rules are passes over these columns: no object per row or per
cell is built, so checking a province's submissions stays linear in rows and light on memory
(``benchmarks/README.md``).

Every numeric column carries its :class:`Peran` (what it measures, for which period, on which side
of a Perubahan, for which part of the budget) and every column of the table an entry in
:attr:`Tabel.peta` with the evidence it was read from and whether the reader is sure. A rule that
needs a column the reader is not sure of does not run on that table; the table lists what it did
not understand (:attr:`Tabel.ragu`, rule E004) instead of guessing.

:class:`Baris` is a view of one row for messages, tests and the Excel side, made on demand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["UKURAN", "JENIS_TABEL", "PERAN_TEKS", "Relasi", "Peran", "KolomAngka", "KolomTeks", "PetaKolom", "Tabel", "Baris", "LEVEL_INDUK", "dalam_hierarki",
           "judul_saja", "wakil", "baris_teratas"]

# Measures a numeric column can hold (Peran.ukuran), and the roles of the other columns.
UKURAN = ("target", "pagu", "realisasi", "realisasi_rp", "rencana_rp", "capaian", "capaian_rp", "fisik",
          "fisik_rencana", "selisih_rp", "nilai", "kolom")
PERAN_TEKS = ("kode", "uraian", "indikator", "satuan", "lokasi", "catatan", "no", "diabaikan")

# Levels that are parents in the kode hierarchy (a sub kegiatan is a leaf; urusan is above bidang).
LEVEL_INDUK = ("urusan", "bidang", "program", "kegiatan")


class Peran(NamedTuple):
    """What a numeric column holds.

    ``ukuran``: ``target`` (kinerja, with a satuan), ``pagu`` (money planned: pagu, anggaran, dana,
    kebutuhan dana, nilai DPA), ``realisasi`` (kinerja realised), ``realisasi_rp`` (money realised),
    ``rencana_rp`` (money planned up to the period: anggaran kas, rencana keuangan), ``capaian``
    (a kinerja %), ``capaian_rp`` (a financial %), ``fisik`` (physical progress %), ``fisik_rencana``,
    ``selisih_rp`` (bertambah/berkurang), ``nilai`` (a number whose meaning only its table knows),
    ``kolom`` (a T-C.29 column known by its number).

    ``periode``: a year (``"2024"``), a plan year of a Renstra (``"tahun 1"``), a quarter (``"TW1"``),
    ``"renstra"`` (the end of the Renstra period), ``"s/d lalu"`` (up to last year), ``"s/d"`` (up
    to the evaluated period), ``"n"`` (the evaluated year), or ``""``.
    ``sisi``: ``"sebelum"`` / ``"setelah"`` for the two sides of a Perubahan, else ``""``.
    ``bagian``: a part of the budget (``"operasi"``, ``"modal"``, ``"total"``) or a T-C.29 column
    number, else ``""``.
    """

    ukuran: str
    periode: str = ""
    sisi: str = ""
    bagian: str = ""

    @property
    def kunci(self) -> str:
        return " ".join(p for p in (self.ukuran, self.periode, self.sisi, self.bagian) if p)

    @classmethod
    def dari_teks(cls, teks: str) -> Peran:
        """A role as written in a user's column map (``pagu 2024``, ``target tahun 1 setelah``,
        ``realisasi_rp TW1``, ``kolom 8``): the measure first, then its period, side and part.
        Raises ``ValueError`` for a measure it does not know."""
        words = teks.strip().split()
        if not words or words[0] not in UKURAN:
            raise ValueError(f"peran '{teks}' tidak dikenal; pilih salah satu: {', '.join(UKURAN)} "
                             f"(atau {', '.join(PERAN_TEKS)})")
        ukuran, rest = words[0], words[1:]
        if ukuran == "kolom":
            if len(rest) != 1 or not rest[0].isdigit():
                raise ValueError(f"peran '{teks}': tulis 'kolom N' (nomor kolom T-C.29)")
            return cls("kolom", bagian=rest[0])
        sisi = next((w for w in rest if w in ("sebelum", "setelah", "awal", "hasil")), "")
        bagian = next((w for w in rest if w in ("operasi", "modal", "total")), "")
        sisa = [w for w in rest if w not in (sisi, bagian)]
        return cls(ukuran, " ".join(sisa), sisi, bagian)

    @property
    def uang(self) -> bool:
        """A money column (adds up over the kode hierarchy)."""
        return self.ukuran in ("pagu", "realisasi_rp", "rencana_rp", "selisih_rp")

    @property
    def persen(self) -> bool:
        return self.ukuran in ("capaian", "capaian_rp", "fisik", "fisik_rencana")


@dataclass(slots=True, eq=False)
class KolomAngka:
    """A numeric column: one parsed value per data row (``None``: empty or unreadable).

    ``galat`` maps a row index to why its text is not a number (Indonesian, English; rule A006);
    ``mentah`` keeps the raw value of rows whose cell was text; ``tanpa_nilai`` holds the rows whose
    cell is a formula without a cached value (E003); ``persen`` the rows whose text carried a ``%``."""

    peran: Peran
    huruf: str
    nilai: list[int | float | None]
    galat: dict[int, tuple[str, str]] = field(default_factory=dict)
    mentah: dict[int, Any] = field(default_factory=dict)
    tanpa_nilai: set[int] = field(default_factory=set)
    persen: set[int] = field(default_factory=set)
    nomor: int | None = None  # its number in the column-number row
    satuan: KolomTeks | None = None  # a satuan cell beside the value (T-C.29 style), or units written in its cells
    yakin: bool = True  # False: the reader is not sure this column is what ``peran`` says

    @property
    def kunci(self) -> str:
        return self.peran.kunci

    def pasti(self, i: int) -> bool:
        """Its value is known: not unreadable (A006), not a formula without a cached value (E003)."""
        return i not in self.galat and i not in self.tanpa_nilai

    def ada(self, i: int) -> bool:
        """A value is stated (readable and not empty)."""
        return self.nilai[i] is not None


@dataclass(slots=True, eq=False)
class KolomTeks:
    """A text column (catatan, sumber dana, a satuan beside a value …): one text per data row.
    ``sel`` holds a cell address where it differs from ``huruf`` + row (a unit read from a value cell)."""

    nama: str
    huruf: str
    teks: list[str]
    sel: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class PetaKolom:
    """One entry of a table's column map: which column, what the reader took it for, and why."""

    huruf: str  # column letter(s) ("A:F" for a kode split over six cells)
    peran: str  # role: "kode", "uraian", "pagu 2024", "target TW1", "diabaikan" …
    bukti: str  # evidence: the header words it was read from ("DANA TAHUN 1" ≈ dana)
    yakin: bool = True  # False: a guess; rules that need this column do not run

    def ringkas(self) -> dict[str, object]:
        return {"kolom": self.huruf, "peran": self.peran, "bukti": self.bukti, "yakin": self.yakin}


@dataclass(slots=True, frozen=True)
class Relasi:
    """A relation the column-number row states (``13 = 9 + 10 + 11 + 12``, ``15 = 14 / 6 x 100``):
    the column it defines and the columns it is made of, by their role keys."""

    kolom: str  # the defined column's key
    operasi: str  # "jumlah" (a + b + …), "selisih" (a − b), "rasio" (a / b, × 100 when ``persen``)
    dari: tuple[str, ...]  # the keys of the columns it is made of, in order
    teks: str  # as stated in the header ("13 = 9 + 10 + 11 + 12")
    persen: bool = False


# every table kind a reader produces (``Tabel.kind``; the ``jenis`` of a [[peta]] override)
JENIS_TABEL = ("rencana", "renstra", "perubahan", "evaluasi", "e81", "spm", "review", "realisasi", "rencana_bulanan")


@dataclass(slots=True, kw_only=True, eq=False)
class Tabel:
    """One recognised table of a worksheet, held as columns (one list entry per data row)."""

    sheet: str
    kind: str  # rencana, renstra, perubahan, evaluasi, e81, spm, review, realisasi, rencana_bulanan
    varian: str = ""  # a layout within the kind ("datar" for a flat database export, "sipd" …)
    title: str = ""
    header_rows: list[int]
    first_row: int
    last_row: int
    years: list[int] = field(default_factory=list)
    periode: str | None = None  # TW1..TW4 from the title ("s/d Triwulan III")
    bulan: int | None = None  # the month a report runs to, when its title names one ("kondisi s/d 31-01-2023": 1)
    has_kode: bool = True
    peta: list[PetaKolom] = field(default_factory=list)
    ragu: list[tuple[str, str]] = field(default_factory=list)  # what was not understood (id, en): E004
    peta_sumber: str = ""  # "", or where a user-given column map came from ([[peta]], 'Peta Kolom')
    relasi: list[Relasi] = field(default_factory=list)  # column relations the number row states

    # one entry per data row
    baris: list[int] = field(default_factory=list)  # 1-based worksheet row
    kode: list[str | None] = field(default_factory=list)  # normalised dotted kode
    kunci: list[str | None] = field(default_factory=list)  # comparison key (sub kegiatan 4 digits)
    induk: list[str | None] = field(default_factory=list)  # the parent's key
    level: list[str | None] = field(default_factory=list)  # urusan … sub_kegiatan, akun, organisasi, indikator
    kode_asli: list[str] = field(default_factory=list)
    kode_sel: list[str | None] = field(default_factory=list)
    uraian: list[str] = field(default_factory=list)
    indikator: list[str] = field(default_factory=list)
    satuan: list[str | None] = field(default_factory=list)
    satuan_sel: list[str | None] = field(default_factory=list)
    lokasi: list[str | None] = field(default_factory=list)
    total: list[bool] = field(default_factory=list)  # a JUMLAH/TOTAL row
    rincian: list[str | None] = field(default_factory=list)  # an akun or sub keluaran below the kode
    organisasi: list[str | None] = field(default_factory=list)  # the organisation a row belongs to (SIPD, flat exports)
    nomor: list[str] = field(default_factory=list)  # the row's running number ('No' column), if any
    # sparse per-row facts
    kode_galat: dict[int, tuple[str, str, str | None, str | None]] = field(default_factory=dict)  # (id, en, awalan, alasan)
    kode_perbaikan: dict[int, tuple[str, ...]] = field(default_factory=dict)
    milik: dict[int, int] = field(default_factory=dict)  # an indicator row without kode → its program's row
    # columns by role
    angka: dict[str, KolomAngka] = field(default_factory=dict)
    teks: dict[str, KolomTeks] = field(default_factory=dict)
    uraian_huruf: str | None = None
    indikator_huruf: str | None = None

    @property
    def n(self) -> int:
        return len(self.baris)

    def __len__(self) -> int:
        return len(self.baris)

    @property
    def columns(self) -> dict[str, str]:
        """Role → column letter(s), from the column map (what ``ringkasan`` shows)."""
        return {p.peran: p.huruf for p in self.peta if p.peran != "diabaikan"}

    def kolom(self, ukuran: str, periode: str | None = None, sisi: str | None = None,
              bagian: str | None = None) -> list[KolomAngka]:
        """The numeric columns of one measure (optionally one period, side, part), in table order."""
        return [k for k in self.angka.values()
                if k.peran.ukuran == ukuran and (periode is None or k.peran.periode == periode)
                and (sisi is None or k.peran.sisi == sisi) and (bagian is None or k.peran.bagian == bagian)]

    def sel(self, kol: KolomAngka | KolomTeks | str | None, i: int) -> str | None:
        """The A1 address of row ``i`` in a column."""
        if kol is None:
            return None
        if isinstance(kol, str):
            return f"{kol}{self.baris[i]}"
        if isinstance(kol, KolomTeks):
            return kol.sel.get(i) or f"{kol.huruf}{self.baris[i]}"
        return f"{kol.huruf}{self.baris[i]}"

    def terbaca(self, i: int) -> bool:
        """The row has a readable kode."""
        return self.kunci[i] is not None and i not in self.kode_galat

    def indeks_kode(self) -> Iterator[int]:
        """Rows with a readable kode, in table order."""
        kunci = self.kunci
        galat = self.kode_galat
        for i in range(len(kunci)):
            if kunci[i] is not None and i not in galat:
                yield i

    def ringkas(self) -> dict[str, object]:
        """The JSON ``tables`` entry of the check contract."""
        return {
            "sheet": self.sheet,
            "kind": self.kind,
            "header_rows": self.header_rows,
            "first_row": self.first_row,
            "last_row": self.last_row,
        }

    def buang_baris(self) -> None:
        """Drop the row data (a batch keeps findings, not rows)."""
        for name in ("baris", "kode", "kunci", "induk", "level", "kode_asli", "kode_sel", "uraian",
                     "indikator", "satuan", "satuan_sel", "lokasi", "total", "rincian", "nomor", "organisasi"):
            setattr(self, name, [])
        self.kode_galat = {}
        self.kode_perbaikan = {}
        self.milik = {}
        self.angka = {}
        self.teks = {}

    def lihat(self, i: int) -> Baris:
        return Baris(self, i)

    def semua(self) -> list[Baris]:
        """Every row as a :class:`Baris` view (tests, the Excel side: not the rules' hot path)."""
        return [Baris(self, i) for i in range(len(self.baris))]


class Baris:
    """A view of one row of a :class:`Tabel` (made on demand; holds no data of its own)."""

    __slots__ = ("t", "i")

    def __init__(self, t: Tabel, i: int):
        self.t = t
        self.i = i

    def __repr__(self) -> str:
        return f"Baris({self.t.sheet}!{self.row} {self.kode or self.kode_asli!r} {self.uraian[:30]!r})"

    row = property(lambda s: s.t.baris[s.i])
    kode = property(lambda s: s.t.kode[s.i])
    kode_kunci = property(lambda s: s.t.kunci[s.i])
    induk_kunci = property(lambda s: s.t.induk[s.i])
    level = property(lambda s: s.t.level[s.i])
    kode_asli = property(lambda s: s.t.kode_asli[s.i])
    kode_cell = property(lambda s: s.t.kode_sel[s.i])
    uraian = property(lambda s: s.t.uraian[s.i])
    indikator = property(lambda s: s.t.indikator[s.i])
    satuan = property(lambda s: s.t.satuan[s.i])
    total = property(lambda s: s.t.total[s.i])
    rincian = property(lambda s: s.t.rincian[s.i])
    kode_galat = property(lambda s: (s.t.kode_galat.get(s.i) or (None,))[0])
    kode_perbaikan = property(lambda s: list(s.t.kode_perbaikan.get(s.i, ())))

    def nilai(self, kunci: str) -> int | float | None:
        k = self.t.angka.get(kunci)
        return k.nilai[self.i] if k is not None else None

    def sel(self, kunci: str) -> str | None:
        k = self.t.angka.get(kunci)
        return self.t.sel(k, self.i) if k is not None else None


_BUKAN_HIERARKI = ("akun", "organisasi", "indikator")


def dalam_hierarki(t: Tabel, i: int) -> bool:
    """A row with a readable kode that is part of the kode hierarchy (not an account, an organisation
    or an indicator line without kode; not a totals row)."""
    return t.kunci[i] is not None and i not in t.kode_galat and t.level[i] not in _BUKAN_HIERARKI and not t.total[i]


def judul_saja(t: Tabel, i: int) -> bool:
    """A heading row: no value in any numeric column and no indicator (an E.81's urusan line)."""
    if t.indikator[i]:
        return False
    return not any(k.nilai[i] is not None or i in k.galat or i in k.tanpa_nilai for k in t.angka.values())


def wakil(t: Tabel, rows: list[int]) -> int:
    """Of several rows with one kode (K002), the one that carries values (else the first)."""
    for i in rows:
        if not judul_saja(t, i):
            return i
    return rows[0]


def baris_teratas(t: Tabel) -> list[int]:
    """The rows a JUMLAH row adds up: the coded rows of the shallowest level in the table."""
    coded = [i for i in range(t.n) if dalam_hierarki(t, i)]
    if not coded:
        return []
    per_kunci: dict[tuple[str | None, str], list[int]] = {}
    for i in coded:
        per_kunci.setdefault((t.organisasi[i], t.kunci[i]), []).append(i)
    top = min(t.kunci[i].count(".") for i in coded)
    return sorted(wakil(t, rows) for k, rows in per_kunci.items() if k[1].count(".") == top)
