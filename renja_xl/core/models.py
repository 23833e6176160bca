"""Findings and checked files: what the rules produce and the reports consume.

The tables themselves are in :mod:`.tabel` (held as columns). Nothing here knows where the data came
from (xlsx file, xlwings book, test fixture): a finding carries its sheet, worksheet row and A1 cell.

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
    "SEVERITY_ORDER",
    "Tabel",
    "Temuan",
    "Berkas",
    "DATA_TEMUAN",
    "validasi",
]

from .tabel import Tabel

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


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
    message_id: str | None = None  # the message in Indonesian and in English (``message`` is the run's language)
    message_en: str | None = None
    terkait: list[str] = field(default_factory=list)  # related cells ("Tabel 4.1!K12"): the other side of a comparison
    baris_lain: list[int] = field(default_factory=list)  # more rows with the same cause (one finding for a column)
    # What some rules know beyond the message (typed; each is written to the JSON report when set, under
    # its own name, in this order: see DATA_TEMUAN)
    alasan: str | None = None  # why a kode cannot be read, as a reason code (core.kode.ALASAN_KODE)
    keyakinan: float | None = None  # how sure a suggested kode (saran) is, 0–1
    sumber_saran: str | None = None  # where the suggestion came from (nomenklatur, tabel lain, urutan …)
    rumus: str | None = None  # the formula as written (F rules)
    rumus_benar: str | None = None  # the formula that would be right
    galat: str | None = None  # the error value a formula gives (#REF!, #DIV/0! …)
    selisih: int | float | None = None  # the amount at stake (F001)
    baris_tertinggal: list[int] | None = None  # rows a sum leaves out (F001)
    baris_berlebih: list[int] | None = None  # rows a sum takes that are not children (F001)
    bentuk: str | None = None  # a formula's relative (R1C1) shape (F002)
    bentuk_sejawat: str | None = None  # its peers' shape
    dikecualikan_kiriman: str | None = None  # the reason a submission's own Pengecualian sheet gives (not honoured)
    status: str | None = None  # with --baseline: baru, masih ada, selesai
    sebelumnya: str | None = None  # with --baseline: the previous round's file it was compared with
    sebab: tuple[str, str] | None = None  # the one cause shared by many rows (the runner collapses them; never written)

    def teks(self, lang: str = "id") -> str:
        """The message in a language (the one it was written in when that language is missing)."""
        if lang == "en":
            return self.message_en or self.message
        return self.message_id or self.message


# the typed extras of a finding, in the order the JSON report writes them (when set)
DATA_TEMUAN = ("alasan", "keyakinan", "sumber_saran", "rumus", "rumus_benar", "galat", "selisih", "baris_tertinggal",
               "baris_berlebih", "bentuk", "bentuk_sejawat", "dikecualikan_kiriman", "status", "sebelumnya")


@dataclass(slots=True, kw_only=True)
class Berkas:
    """A checked file: its tables and its findings, plus what identifies the submission."""

    path: str
    status: Literal["checked", "unreadable"] = "checked"
    tables: list[Tabel] = field(default_factory=list)
    findings: list[Temuan] = field(default_factory=list)
    sheets_seen: list[str] = field(default_factory=list)
    silenced: list[dict[str, object]] = field(default_factory=list)
    klaim: list[dict[str, object]] = field(default_factory=list)  # the submission's own Pengecualian claims
    identitas: dict[str, object] = field(default_factory=dict)
    selesai: list[Temuan] = field(default_factory=list)  # with --baseline: findings of the previous round now gone
    capaian: dict[str, Any] = field(default_factory=dict)  # capaian and predikat of evaluation rows (core.penilaian)
    dari_cache: bool = False  # the result of an earlier check of the same bytes (batch.cache), not checked again


@lru_cache(maxsize=None)
def _adapter(tipe: Any):
    from pydantic import TypeAdapter  # only where data comes in from outside

    return TypeAdapter(tipe)


def validasi(tipe: Any, data: Any) -> Any:
    """Validate outside data (a mapping from JSON or TOML) into one of these types with pydantic.
    Raises ``pydantic.ValidationError`` with the path of every wrong value."""
    return _adapter(tipe).validate_python(data)
