"""Typed tables, rows and findings: what a reader produces and the rules consume.

Nothing here knows where the data came from (xlsx file, xlwings book, test fixture): a row knows its
worksheet row number and the A1 address of each cell that matters, so a finding can point at it.

The types are slotted standard-library dataclasses. pydantic validates them wherever data comes in
from outside (a config file, a baseline report read back, a JSON payload) through
:func:`validasi`, which builds a ``pydantic.TypeAdapter`` on first use. They are not ``BaseModel``
subclasses on purpose: a single-file check must start fast (it runs once per click in Excel and per
file in a batch), and importing pydantic alone costs more than reading a whole workbook with
python-calamine; the check path builds these objects from values the reader has already typed, so
it has nothing for pydantic to validate (``benchmarks/README.md``).
"""

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

__all__ = [
    "Severity",
    "JenisTabel",
    "Nilai",
    "Teks",
    "Baris",
    "RencanaBaris",
    "EvaluasiBaris",
    "SpmBaris",
    "ReviewBaris",
    "SisiReview",
    "RealisasiBaris",
    "Tabel",
    "Temuan",
    "Berkas",
    "validasi",
]

Severity = Literal["error", "warning", "info"]
JenisTabel = Literal["rencana", "evaluasi", "spm", "review", "realisasi"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(slots=True)
class Nilai:
    """A number cell: its address, what it held, and what it means (or why it cannot be read).

    A workbook has thousands of these, built on the hot path of every check."""

    cell: str
    raw: str | int | float | None = None
    value: int | float | None = None
    error: str | None = None  # why the text is not a number (rule A006)
    error_en: str | None = None
    persen: bool = False
    rumus: bool = False  # a formula whose cached value was missing (rule E003)

    @property
    def kosong(self) -> bool:
        return self.value is None and self.error is None

    @property
    def tidak_pasti(self) -> bool:
        """Its value is unknown: unreadable text (A006) or a formula without a cached value (E003).
        Rules leave such a cell out instead of reading it as empty."""
        return self.error is not None or self.rumus


@dataclass(slots=True)
class Teks:
    """A text cell with its address."""

    cell: str
    text: str


@dataclass(slots=True, kw_only=True)
class Baris:
    """What every table row has: where it is, its kode (read or not), names, unit."""

    row: int
    kode: str | None = None  # normalised dotted kode
    kode_kunci: str | None = None  # comparison key (sub kegiatan as 4 digits)
    induk_kunci: str | None = None  # the parent's comparison key (one level up), read once here
    level: str | None = None  # bidang, program, kegiatan, sub_kegiatan
    kode_asli: str = ""  # as shown, cells joined with " | "
    kode_galat: str | None = None  # why the kode cannot be read (K001 error)
    kode_galat_en: str | None = None
    kode_awalan: str | None = None  # readable leading segments of an unreadable kode
    kode_perbaikan: list[str] = field(default_factory=list)  # repairs applied (K001 info)
    kode_cell: str | None = None
    uraian: str = ""
    uraian_cell: str | None = None
    indikator: str = ""
    indikator_cell: str | None = None
    satuan: Teks | None = None
    total: bool = False  # a JUMLAH/TOTAL row


@dataclass(slots=True, kw_only=True)
class RencanaBaris(Baris):
    """Tabel 4.1/4.2 (T-C.33) row: target and pagu per plan year."""

    lokasi: str | None = None
    target: dict[int, Nilai] = field(default_factory=dict)
    pagu: dict[int, Nilai] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class EvaluasiBaris(Baris):
    """Tabel 2.1 (T-C.29) row: columns 4–11 by their T-C.29 number, each with its own satuan cell."""

    kolom: dict[int, Nilai] = field(default_factory=dict)
    satuan_kolom: dict[int, Teks] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class SpmBaris(Baris):
    """Tabel 2.2 (T-C.30) row: values keyed by (kind, year) such as ``("target", 2021)``."""

    no: str | None = None
    nilai: dict[tuple[str, int], Nilai] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class SisiReview:
    """One side of a Tabel 2.3 row (rancangan awal RKPD, or hasil analisis kebutuhan)."""

    uraian: str = ""
    lokasi: str | None = None
    indikator: str = ""
    target: Nilai | None = None
    satuan: Teks | None = None
    pagu: Nilai | None = None


@dataclass(slots=True, kw_only=True)
class ReviewBaris(Baris):
    """Tabel 2.3 (T-C.31) row."""

    no: str | None = None
    awal: SisiReview = field(default_factory=SisiReview)
    hasil: SisiReview = field(default_factory=SisiReview)
    catatan: str | None = None


@dataclass(slots=True, kw_only=True)
class RealisasiBaris(Baris):
    """Realisation row: anggaran, realisasi and the stated percentages."""

    anggaran: Nilai | None = None
    realisasi: Nilai | None = None
    persen_keuangan: Nilai | None = None
    persen_fisik: Nilai | None = None


Row = RencanaBaris | EvaluasiBaris | SpmBaris | ReviewBaris | RealisasiBaris


@dataclass(slots=True, kw_only=True)
class Tabel:
    """One recognised table of a worksheet."""

    sheet: str
    kind: JenisTabel
    title: str = ""
    header_rows: list[int]
    first_row: int
    last_row: int
    years: list[int] = field(default_factory=list)  # plan years, or the year of a realisation table
    columns: dict[str, str] = field(default_factory=dict)  # role → column letter(s)
    has_kode: bool = True
    periode: str | None = None  # TW1..TW4 from the title ("s/d Triwulan III")
    rows: list[Row] = field(default_factory=list)

    def ringkas(self) -> dict[str, object]:
        """The JSON ``tables`` entry of the check contract."""
        return {
            "sheet": self.sheet,
            "kind": self.kind,
            "header_rows": self.header_rows,
            "first_row": self.first_row,
            "last_row": self.last_row,
        }


@dataclass(slots=True, kw_only=True)
class Temuan:
    """A finding: one rule fired on one cell (or on a file)."""

    rule: str
    slug: str
    severity: Severity
    sheet: str | None = None
    row: int | None = None
    cell: str | None = None
    kode: str | None = None
    message: str
    expected: int | float | str | None = None
    actual: int | float | str | None = None
    saran: str | None = None  # a suggested fix (kode, unit …), shown beside the finding
    kind: str | None = None  # kind of the table the finding is in
    ekstra: dict[str, Any] = field(default_factory=dict)  # more keys for the reports (e.g. round status)


@dataclass(slots=True, kw_only=True)
class Berkas:
    """A checked file: its tables and its findings, plus what identifies the submission."""

    path: str
    status: Literal["checked", "unreadable"] = "checked"
    tables: list[Tabel] = field(default_factory=list)
    findings: list[Temuan] = field(default_factory=list)
    sheets_seen: list[str] = field(default_factory=list)
    silenced: list[dict[str, object]] = field(default_factory=list)
    identitas: dict[str, object] = field(default_factory=dict)
    selesai: list[Temuan] = field(default_factory=list)  # with --baseline: findings of the previous round now gone


@lru_cache(maxsize=None)
def _adapter(tipe: Any):
    from pydantic import TypeAdapter  # only where data comes in from outside

    return TypeAdapter(tipe)


def validasi(tipe: Any, data: Any) -> Any:
    """Validate outside data (a mapping from JSON or TOML) into one of these types with pydantic.
    Raises ``pydantic.ValidationError`` with the path of every wrong value."""
    return _adapter(tipe).validate_python(data)
