"""Typed tables, rows and findings: what a reader produces and the rules consume.

Nothing here knows where the data came from (xlsx file, xlwings book, test fixture): a row knows its
worksheet row number and the A1 address of each cell that matters, so a finding can point at it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
]

Severity = Literal["error", "warning", "info"]
JenisTabel = Literal["rencana", "evaluasi", "spm", "review", "realisasi"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, arbitrary_types_allowed=True)


class Nilai(_Model):
    """A number cell: its address, what it held, and what it means (or why it cannot be read)."""

    cell: str
    raw: str | int | float | None = None
    value: int | float | None = None
    error: str | None = None  # why the text is not a number (rule A006)
    persen: bool = False
    rumus: bool = False  # a formula whose cached value was missing (rule E003)

    @property
    def ada(self) -> bool:
        """A readable number is there."""
        return self.value is not None

    @property
    def kosong(self) -> bool:
        return self.value is None and self.error is None


class Teks(_Model):
    """A text cell with its address."""

    cell: str
    text: str


class Baris(_Model):
    """What every table row has: where it is, its kode (read or not), names, unit."""

    row: int
    kode: str | None = None  # normalised dotted kode
    kode_kunci: str | None = None  # comparison key (sub kegiatan as 4 digits)
    level: str | None = None  # bidang, program, kegiatan, sub_kegiatan
    kode_asli: str = ""  # as shown, cells joined with " | "
    kode_galat: str | None = None  # why the kode cannot be read (K001 error)
    kode_perbaikan: list[str] = Field(default_factory=list)  # repairs applied (K001 info)
    kode_cell: str | None = None
    uraian: str = ""
    uraian_cell: str | None = None
    indikator: str = ""
    indikator_cell: str | None = None
    satuan: Teks | None = None
    total: bool = False  # a JUMLAH/TOTAL row


class RencanaBaris(Baris):
    """Tabel 4.1/4.2 (T-C.33) row: target and pagu per plan year."""

    lokasi: str | None = None
    target: dict[int, Nilai] = Field(default_factory=dict)
    pagu: dict[int, Nilai] = Field(default_factory=dict)


class EvaluasiBaris(Baris):
    """Tabel 2.1 (T-C.29) row: columns 4–11 by their T-C.29 number, each with its own satuan cell."""

    kolom: dict[int, Nilai] = Field(default_factory=dict)
    satuan_kolom: dict[int, Teks] = Field(default_factory=dict)


class SpmBaris(Baris):
    """Tabel 2.2 (T-C.30) row: values keyed by (kind, year) such as ``("target", 2021)``."""

    no: str | None = None
    nilai: dict[tuple[str, int], Nilai] = Field(default_factory=dict)


class SisiReview(_Model):
    """One side of a Tabel 2.3 row (rancangan awal RKPD, or hasil analisis kebutuhan)."""

    uraian: str = ""
    lokasi: str | None = None
    indikator: str = ""
    target: Nilai | None = None
    satuan: Teks | None = None
    pagu: Nilai | None = None


class ReviewBaris(Baris):
    """Tabel 2.3 (T-C.31) row."""

    no: str | None = None
    awal: SisiReview = Field(default_factory=SisiReview)
    hasil: SisiReview = Field(default_factory=SisiReview)
    catatan: str | None = None


class RealisasiBaris(Baris):
    """Realisation row: anggaran, realisasi and the stated percentages."""

    anggaran: Nilai | None = None
    realisasi: Nilai | None = None
    persen_keuangan: Nilai | None = None
    persen_fisik: Nilai | None = None


class Tabel(_Model):
    """One recognised table of a worksheet."""

    sheet: str
    kind: JenisTabel
    title: str = ""
    header_rows: list[int]
    first_row: int
    last_row: int
    years: list[int] = Field(default_factory=list)  # plan years, or the year of a realisation table
    columns: dict[str, str] = Field(default_factory=dict)  # role → column letter(s)
    has_kode: bool = True
    periode: str | None = None  # TW1..TW4 from the title ("s/d Triwulan III")
    rows: list[RencanaBaris | EvaluasiBaris | SpmBaris | ReviewBaris | RealisasiBaris] = Field(default_factory=list)

    def ringkas(self) -> dict[str, object]:
        """The JSON ``tables`` entry of the check contract."""
        return {
            "sheet": self.sheet,
            "kind": self.kind,
            "header_rows": self.header_rows,
            "first_row": self.first_row,
            "last_row": self.last_row,
        }


class Temuan(_Model):
    """A finding: one rule fired on one cell (or on a file)."""

    model_config = ConfigDict(extra="allow")

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

    def sort_key(self) -> tuple:
        return (
            self.sheet or "",
            self.row if self.row is not None else -1,
            self.cell or "",
            self.rule,
            self.message,
        )


class Berkas(_Model):
    """A checked file: its tables and its findings, plus what identifies the submission."""

    path: str
    status: Literal["checked", "unreadable"] = "checked"
    tables: list[Tabel] = Field(default_factory=list)
    findings: list[Temuan] = Field(default_factory=list)
    sheets_seen: list[str] = Field(default_factory=list)
    silenced: list[dict[str, object]] = Field(default_factory=list)
    identitas: dict[str, object] = Field(default_factory=dict)
