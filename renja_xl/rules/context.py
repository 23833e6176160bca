"""What a rule sees: the workbook's tables, the configuration, and a way to write findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..core.angka import format_angka, format_rupiah
from ..core.config import Konfigurasi
from ..core.indikator import SifatIndikator
from ..core.models import Severity, Temuan
from ..core.satuan import SATUAN, Kamus, kamus_bawaan
from ..core.tabel import Tabel
from .registry import Aturan

__all__ = ["Konteks", "rp", "angka"]


def rp(x: int | float | None) -> str:
    return format_rupiah(x) if x is not None else "—"


def angka(x: int | float | None, desimal: int | None = None) -> str:
    if x is None:
        return "—"
    if desimal is None:  # a formula's 56.00000000000001 is 56
        desimal = 0 if float(round(x, 6)).is_integer() else 2
        if desimal == 0:
            x = round(x)
    return format_angka(round(x, desimal) if desimal else x, desimal)


@dataclass
class Konteks:
    """Shared by all rules of one check of one workbook."""

    tables: list[Tabel]
    config: Konfigurasi = field(default_factory=Konfigurasi.bawaan)
    sheets: list[str] = field(default_factory=list)
    rumus_kosong: dict[str, list[str]] = field(default_factory=dict)
    nomenklatur: Any = None  # renja_xl.nomenklatur.Nomenklatur when loaded
    aturan: Aturan | None = None
    _kamus: Kamus | None = None
    lembar: list[Any] = field(default_factory=list)  # the worksheet grids (formula rules read them)
    sifat: SifatIndikator = field(default_factory=SifatIndikator)  # per-kode overrides of indicator nature
    sifat_klaim: list[Any] = field(default_factory=list)  # a 'Sifat Indikator' sheet of the submission

    @property
    def lang(self) -> str:
        return self.config.lang

    @property
    def kamus(self) -> Kamus:
        if self._kamus is None:
            tambahan = self.config.satuan_tambahan
            if tambahan:
                self._kamus = _kamus_dengan(tuple((n, tuple(a)) for n, a in tambahan.items()))
            else:
                self._kamus = kamus_bawaan()
        return self._kamus

    def untuk(self, a: Aturan) -> Konteks:
        """A copy bound to one rule (so findings carry its code, slug and severity)."""
        return Konteks(self.tables, self.config, self.sheets, self.rumus_kosong, self.nomenklatur, a, self.kamus,
                       self.lembar, self.sifat, self.sifat_klaim)

    def tabel(self, *kinds: str):
        for t in self.tables:
            if not kinds or t.kind in kinds:
                yield t

    def temuan(
        self,
        tabel: Tabel | None,
        i: int | None,
        cell: str | None,
        id: str,  # noqa: A002
        en: str,
        *,
        severity: Severity | None = None,
        expected: Any = None,
        actual: Any = None,
        saran: str | None = None,
        kode: str | None = None,
        sheet: str | None = None,
        baris: int | None = None,
        terkait: list[str] | None = None,
        sebab: tuple[str, str] | None = None,
    ) -> Temuan:
        """A finding of the bound rule on row ``i`` (an index into ``tabel``), pointing at ``cell``.
        ``baris``: the worksheet row when there is no table row. ``sebab``: the cause, when the same
        cause may fire on many rows of one column (the framework then reports it once)."""
        a = self.aturan
        assert a is not None, "Konteks.temuan needs a rule: use ctx.untuk(aturan)"
        row_no = baris
        if tabel is not None and i is not None:
            row_no = tabel.baris[i]
            if kode is None:
                kode = tabel.kode[i]
        t = Temuan(
            rule=a.kode,
            slug=a.slug,
            severity=severity or a.severity,
            sheet=sheet if sheet is not None else (tabel.sheet if tabel else None),
            row=row_no,
            cell=cell,
            kode=kode,
            message=en if self.lang == "en" else id,
            expected=expected,
            actual=actual,
            saran=saran,
            kind=tabel.kind if tabel else None,
            message_id=id,
            message_en=en,
            terkait=list(terkait or []),
        )
        if sebab is not None:
            t.sebab = sebab
        return t


@lru_cache(maxsize=8)
def _kamus_dengan(tambahan: tuple[tuple[str, tuple[str, ...]], ...]) -> Kamus:
    """The built-in dictionary plus a config's extra units: one per distinct config, built once (a
    batch checks every file with the same config; the rules' memoised lookups key on it). It is
    shared by every check with that config, so rules read it and never add to it."""
    return Kamus(SATUAN, tambahan)
