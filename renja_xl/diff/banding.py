"""``renja-xl diff OLD NEW``: what changed between two versions of one Renja (e.g. the Renja and the
Renja Perubahan, or two rounds of a submission).

Both files are read with the same reader as the check. Their plan tables (``rencana``) are paired by
sheet name, else in order; within a pair rows are matched by kode (sub kegiatan ``01`` and ``0001``
are the same), and for every plan year the two tables share the pagu and target are compared, and
the satuan and the name (uraian). Rows only in the new file are added, only in the old removed.
The totals are the table's own top rows (the office or program rows, as ``renja-xl ringkasan``
shows them) and the sum of the sub kegiatan pagu.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..core.tabel import KolomAngka, Tabel
from ..core.total import total_rencana
from ..readers import baca_berkas

__all__ = ["NilaiBerubah", "BarisRingkas", "DiffTabel", "HasilDiff", "bandingkan", "bandingkan_berkas", "bandingkan_hasil",
           "selisih", "SCHEMA"]

SCHEMA = "renja-xl/diff@2"  # @2: a changed value says which with "isian" (was "bidang")


@dataclass(slots=True)
class NilaiBerubah:
    """One changed value of one kode: ``isian`` says which (pagu, target, satuan, uraian)."""

    kode: str
    uraian: str
    level: str | None
    isian: str  # pagu, target, satuan, uraian
    tahun: int | None
    lama: Any
    baru: Any
    selisih: int | float | None = None
    sel_lama: str | None = None
    sel_baru: str | None = None


@dataclass(slots=True)
class BarisRingkas:
    """An added or removed row."""

    kode: str
    uraian: str
    level: str | None
    satuan: str | None
    pagu: dict[int, Any] = field(default_factory=dict)
    target: dict[int, Any] = field(default_factory=dict)
    baris: int | None = None


@dataclass(slots=True)
class DiffTabel:
    sheet_lama: str
    sheet_baru: str
    years: list[int]
    berubah: list[NilaiBerubah] = field(default_factory=list)
    ditambah: list[BarisRingkas] = field(default_factory=list)
    dihapus: list[BarisRingkas] = field(default_factory=list)
    total: dict[int, tuple[Any, Any]] = field(default_factory=dict)  # year → (old, new): top rows
    jumlah_sub: dict[int, tuple[Any, Any]] = field(default_factory=dict)  # year → (old, new): sub kegiatan sum
    catatan: list[tuple[str, str]] = field(default_factory=list)  # (Indonesian, English)


@dataclass(slots=True)
class HasilDiff:
    lama: str
    baru: str
    tables: list[DiffTabel] = field(default_factory=list)
    catatan: list[tuple[str, str]] = field(default_factory=list)  # (Indonesian, English)

    @property
    def ada_beda(self) -> bool:
        return any(t.berubah or t.ditambah or t.dihapus for t in self.tables)

    def json(self, lang: str = "id") -> dict[str, Any]:
        pick = 1 if lang == "en" else 0

        def table(t: DiffTabel) -> dict[str, Any]:
            d = asdict(t)
            d["catatan"] = [c[pick] for c in t.catatan]
            for key in ("total", "jumlah_sub"):
                d[key] = {str(y): {"lama": a, "baru": b, "selisih": selisih(a, b)} for y, (a, b) in getattr(t, key).items()}
            for key in ("ditambah", "dihapus"):
                for row in d[key]:
                    row["pagu"] = {str(y): v for y, v in row["pagu"].items()}
                    row["target"] = {str(y): v for y, v in row["target"].items()}
            return d

        from .. import __version__

        return {"schema": SCHEMA, "tool": {"name": "renja-xl", "version": __version__}, "lama": self.lama,
                "baru": self.baru, "tables": [table(t) for t in self.tables], "catatan": [c[pick] for c in self.catatan],
                "summary": {"berubah": sum(len(t.berubah) for t in self.tables),
                            "ditambah": sum(len(t.ditambah) for t in self.tables),
                            "dihapus": sum(len(t.dihapus) for t in self.tables)}}


def selisih(a: Any, b: Any) -> int | float | None:
    """``b - a`` when both are numbers (whole numbers as int), else None."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        d = b - a
        if isinstance(d, int):  # exact, however large (float(d) would overflow past 1e308)
            return d
        if not math.isfinite(d):  # NaN in a cell, or inf: no difference to tell
            return None
        return int(d) if float(d).is_integer() else round(d, 6)
    return None


@dataclass(slots=True)
class _Sel:
    """One plan cell of a row: its value (or its text when it cannot be read) and address."""

    value: int | float | None
    raw: Any
    cell: str


@dataclass(slots=True)
class _Baris:
    """The plan row of one kode, as the diff compares it."""

    kode: str | None
    kode_kunci: str
    uraian: str
    uraian_cell: str | None
    level: str | None
    row: int
    satuan_teks: str | None
    satuan_cell: str | None
    pagu: dict[int, _Sel]
    target: dict[int, _Sel]


def _kolom_tahun(t: Tabel, ukuran: str) -> dict[int, KolomAngka]:
    """A plan table's columns of one measure by year (the after side of a Perubahan)."""
    out: dict[int, KolomAngka] = {}
    for k in t.kolom(ukuran):
        if k.peran.periode.isdigit() and k.peran.sisi in ("", "setelah"):
            out.setdefault(int(k.peran.periode), k)
    return out


def _sel(t: Tabel, k: KolomAngka, i: int) -> _Sel:
    return _Sel(k.nilai[i], k.mentah.get(i), t.sel(k, i))


def _nilai(n: _Sel | None) -> Any:
    """The number a cell holds, or its text when it cannot be read as one, or None when empty."""
    if n is None:
        return None
    if n.value is not None:
        v = n.value
        return int(v) if isinstance(v, float) and v.is_integer() else v
    if n.raw not in (None, ""):
        return str(n.raw)
    return None


def _satuan(r: _Baris) -> str | None:
    return r.satuan_teks.strip() if r.satuan_teks and r.satuan_teks.strip() else None


def _baris(t: Tabel) -> tuple[dict[str, _Baris], list[str]]:
    rows: dict[str, _Baris] = {}
    dup: list[str] = []
    pagu, target = _kolom_tahun(t, "pagu"), _kolom_tahun(t, "target")
    for i in range(t.n):
        key = t.kunci[i]
        if not key or i in t.kode_galat or t.rincian[i] is not None:
            continue
        if key in rows:
            dup.append(t.kode[i] or key)
            continue
        rows[key] = _Baris(t.kode[i], key, t.uraian[i], t.sel(t.uraian_huruf, i) if t.uraian_huruf else None,
                           t.level[i], t.baris[i], t.satuan[i], t.satuan_sel[i],
                           {y: _sel(t, k, i) for y, k in pagu.items()}, {y: _sel(t, k, i) for y, k in target.items()})
    return rows, dup


def _ringkas(r: _Baris, years: list[int]) -> BarisRingkas:
    return BarisRingkas(r.kode or "", r.uraian, r.level, _satuan(r),
                        {y: _nilai(r.pagu.get(y)) for y in years}, {y: _nilai(r.target.get(y)) for y in years}, r.row)


def _jumlah_sub(t: Tabel, y: int) -> int | float:
    total: int | float = 0
    k = _kolom_tahun(t, "pagu").get(y)
    if k is None:
        return 0
    for i in range(t.n):
        if t.level[i] == "sub_kegiatan" and k.nilai[i] is not None and t.rincian[i] is None:
            total += k.nilai[i]
    return int(total) if float(total).is_integer() else total


def bandingkan(lama: Tabel, baru: Tabel) -> DiffTabel:
    """Compare two plan tables."""
    years = [y for y in lama.years if y in baru.years]
    out = DiffTabel(lama.sheet, baru.sheet, years)
    only = sorted(set(lama.years) ^ set(baru.years))
    if only:
        ys = ", ".join(map(str, only))
        out.catatan.append((f"tahun hanya di salah satu tabel (tidak dibandingkan): {ys}",
                            f"years in one table only (not compared): {ys}"))
    a, dup_a = _baris(lama)
    b, dup_b = _baris(baru)
    for d, which in ((dup_a, "lama"), (dup_b, "baru")):
        if d:
            ks = ", ".join(sorted(set(d)))
            out.catatan.append((f"kode ganda di berkas {which} (baris pertama yang dibandingkan): {ks}",
                                f"duplicate kode in the {'old' if which == 'lama' else 'new'} file (the first row is compared): {ks}"))
    for key, rb in b.items():
        ra = a.get(key)
        if ra is None:
            out.ditambah.append(_ringkas(rb, years))
            continue
        kode, name = rb.kode or key, rb.uraian or ra.uraian
        for y in years:
            for field_name, get in (("pagu", lambda r, y=y: r.pagu.get(y)), ("target", lambda r, y=y: r.target.get(y))):
                na, nb = get(ra), get(rb)
                va, vb = _nilai(na), _nilai(nb)
                if va != vb:
                    out.berubah.append(NilaiBerubah(kode, name, rb.level, field_name, y, va, vb, selisih(va, vb),
                                                 na.cell if na else None, nb.cell if nb else None))
        sa, sb = _satuan(ra), _satuan(rb)
        if (sa or "").casefold() != (sb or "").casefold():
            out.berubah.append(NilaiBerubah(kode, name, rb.level, "satuan", None, sa, sb, None,
                                            ra.satuan_cell, rb.satuan_cell))
        if " ".join(ra.uraian.split()).casefold() != " ".join(rb.uraian.split()).casefold():
            out.berubah.append(NilaiBerubah(kode, name, rb.level, "uraian", None, ra.uraian, rb.uraian, None,
                                         ra.uraian_cell, rb.uraian_cell))
    out.dihapus = [_ringkas(ra, years) for key, ra in a.items() if key not in b]
    ta, tb = total_rencana(lama), total_rencana(baru)
    for y in years:
        out.total[y] = (ta.get(y), tb.get(y))
        out.jumlah_sub[y] = (_jumlah_sub(lama, y), _jumlah_sub(baru, y))
    return out


def _pasangkan(lama: list[Tabel], baru: list[Tabel]) -> tuple[list[tuple[Tabel, Tabel]], list[Tabel], list[Tabel]]:
    pairs: list[tuple[Tabel, Tabel]] = []
    rest_b = list(baru)
    rest_a: list[Tabel] = []
    for ta in lama:
        tb = next((t for t in rest_b if t.sheet == ta.sheet), None)
        if tb is None:
            rest_a.append(ta)
        else:
            pairs.append((ta, tb))
            rest_b.remove(tb)
    while rest_a and rest_b:
        pairs.append((rest_a.pop(0), rest_b.pop(0)))
    return pairs, rest_a, rest_b


def bandingkan_berkas(lama: str | Path, baru: str | Path) -> HasilDiff:
    """Compare the plan tables of two workbooks (raises ``BerkasTidakTerbaca``)."""
    return bandingkan_hasil(baca_berkas(lama), baca_berkas(baru), lama, baru)


def bandingkan_hasil(ha: Any, hb: Any, lama: str | Path, baru: str | Path) -> HasilDiff:
    """Compare the plan tables of two workbooks already read (``HasilBaca``; the CLI reads each
    through the guard of :mod:`renja_xl.readers.jaga`)."""
    ra = [t for t in ha.tables if t.kind in ("rencana", "renstra", "perubahan")]
    rb = [t for t in hb.tables if t.kind in ("rencana", "renstra", "perubahan")]
    out = HasilDiff(str(lama), str(baru))
    pairs, only_a, only_b = _pasangkan(ra, rb)
    # keep the new file's order of tables
    order = {id(t): i for i, t in enumerate(rb)}
    for ta, tb in sorted(pairs, key=lambda p: order[id(p[1])]):
        out.tables.append(bandingkan(ta, tb))
    for t in only_a:
        out.catatan.append((f"tabel rencana '{t.sheet}' hanya ada di berkas lama", f"plan table '{t.sheet}' is only in the old file"))
    for t in only_b:
        out.catatan.append((f"tabel rencana '{t.sheet}' hanya ada di berkas baru", f"plan table '{t.sheet}' is only in the new file"))
    if not ra or not rb:
        where = ("kedua berkas", "both files") if not ra and not rb else ("berkas lama", "the old file") if not ra else (
            "berkas baru", "the new file")
        out.catatan.append((f"tidak ada tabel rencana (Tabel 4.1/4.2) untuk dibandingkan di {where[0]}",
                            f"no plan table (Tabel 4.1/4.2) to compare in {where[1]}"))
    lain = sorted({t.sheet for t in (*ha.tables, *hb.tables) if t.kind not in ("rencana", "renstra", "perubahan")})
    if lain:
        names = ", ".join(lain)
        out.catatan.append((f"hanya tabel rencana yang dibandingkan; tidak dibandingkan: {names}",
                            f"only plan tables are compared; not compared: {names}"))
    ia, ib = _identitas(ha, lama), _identitas(hb, baru)
    beda = [(f"kedua berkas tampaknya dari {id_} yang berbeda: {ia[key]} (lama), {ib[key]} (baru)",
             f"the two files seem to come from different {en}s: {ia[key]} (old), {ib[key]} (new)")
            for key, id_, en in (("pemda", "pemda", "pemda"), ("opd", "perangkat daerah", "office"))
            if ia.get(key) and ib.get(key) and ia[key] != ib[key]]
    out.catatan[:0] = beda  # said first: the comparison may be meaningless
    return out


def _identitas(hasil: Any, path: str | Path) -> dict[str, Any]:
    """Who sent a workbook, from its titles and name (as the check identifies a submission)."""
    from types import SimpleNamespace

    from ..core.identitas import baris_judul, kenali_berkas

    return kenali_berkas(SimpleNamespace(tables=hasil.tables, path=str(path)), baris_judul(hasil.lembar, hasil.tables))
