"""Turn a found table block into a typed :class:`~renja_xl.core.models.Tabel`.

The kind follows from the header words (see :func:`jenis_tabel`); columns get their roles from
their labels (and the column-number row of an evaluation table); each data row becomes a typed row
with its kode read (split or dotted), its numbers read in Indonesian notation, and the A1 address of
every cell a rule may point at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..core.angka import _BULAT_CEPAT, parse_angka
from ..core.kode import (
    INDUK_SEGMEN,
    LEVELS,
    ada_bool,
    infer_segment_widths,
    kode_sel_bersih,
    kunci_segmen,
    parse_kode_cells,
)
from ..core.models import (
    EvaluasiBaris,
    Nilai,
    RealisasiBaris,
    RencanaBaris,
    ReviewBaris,
    SisiReview,
    SpmBaris,
    Tabel,
    Teks,
)
from ..core.satuan import kamus_bawaan
from .layout import BlokTabel, Kolom, tahun_dalam, teks_sel
from .workbook import _HURUF, alamat, kolom_huruf

__all__ = ["jenis_tabel", "bangun_tabel"]

_TOTAL = re.compile(r"^\s*(jumlah|total|jumlah total|grand total)\b[\s:]*(seluruh|keseluruhan|belanja|anggaran)?\s*$", re.I)
_INF = float("inf")
_VALUE_UNIT = re.compile(r"^\s*(?P<num>[-\d.,]+(?:\s*%)?)\s+(?P<unit>[^\d].*?)\s*$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4}
_PERIODE = re.compile(r"(?:triwulan|tw\.?)\s*(?:ke[- ]?)?(iv|iii|ii|i|[1-4]|satu|dua|tiga|empat)\b", re.I)


def jenis_tabel(blok: BlokTabel) -> str | None:
    """The kind of a table block from its header words, or None (not a Renja table)."""
    labels = [k.low for k in blok.kolom]
    alltext = " || ".join(labels)
    has = lambda cat: any(k.punya(cat) for k in blok.kolom)  # noqa: E731
    kode = has("kode")
    if re.search(r"rancangan awal|hasil analisis", alltext):
        return "review"
    if not kode and re.search(r"\bspm\b|\bikk\b|standar pelayanan|standar nasional", alltext) and has("indikator"):
        return "spm"
    if kode and has("realisasi") and has("target") and re.search(r"renstra|tingkat", alltext):
        return "evaluasi"
    if has("realisasi") and re.search(r"anggaran|\bpagu\b", alltext) and (kode or has("uraian")):
        return "realisasi"
    if has("target") and has("pagu") and (kode or has("uraian")) and not has("realisasi"):
        return "rencana"
    return None


def _periode(judul: str) -> str | None:
    m = _PERIODE.search(judul or "")
    if m:
        return f"TW{_ROMAN[m.group(1).lower()]}"
    low = (judul or "").lower()
    if re.search(r"semester\s*(i|1)\b", low):
        return "TW2"
    return None


class _Reader:
    """Shared per-table reading state: the sheet, the kode layout, the unit dictionary."""

    def __init__(self, blok: BlokTabel, kode_cols: list[int]):
        self.blok = blok
        self.sheet = blok.lembar
        self.kode_cols = kode_cols
        self._kode_berurut = kode_cols == list(range(kode_cols[0], kode_cols[0] + len(kode_cols))) if kode_cols else False
        self.kamus = kamus_bawaan()
        self._sel = self.sheet.sel
        self._b0 = self.sheet.baris0
        self._k0 = self.sheet.kolom0
        self.widths = None
        if len(kode_cols) > 1:
            # the layout of the kode cells, from (at most) the first 400 data rows: plenty for a mode
            b0, k0, sel = self._b0, self._k0, self._sel
            rows = [sel[i] for i in range(max(0, blok.data_start - b0), min(len(sel), blok.data_end - b0))][:400]
            cols = [[row[c - k0] if 0 <= c - k0 < len(row) else None for row in rows] for c in kode_cols]
            w = infer_segment_widths(cols)
            self.widths = tuple(w) if w is not None else None

    def v(self, r: int, c: int | None) -> Any:
        """The value at absolute (r, c) (:meth:`Lembar.nilai`, inlined: called for every cell read)."""
        if c is None:
            return None
        i, j = r - self._b0, c - self._k0
        if 0 <= i < len(self._sel):
            row = self._sel[i]
            if 0 <= j < len(row):
                return row[j]
        return None

    def text(self, r: int, c: int | None) -> str:
        return teks_sel(self.v(r, c))

    def teks(self, r: int, c: int | None) -> Teks | None:
        t = self.text(r, c)
        return Teks(cell=alamat(r, c), text=t) if t and c is not None else None

    def baris(self, r: int) -> Sequence[Any]:
        """The values of worksheet row ``r`` (absolute, 0-based), as the grid holds them."""
        i = r - self._b0
        return self._sel[i] if 0 <= i < len(self._sel) else ()

    def nilai(self, r: int, c: int | None, unit_ok: bool = True, vals: Sequence[Any] | None = None) -> tuple[Nilai | None, Teks | None]:
        """A number cell; ``unit_ok``: text such as ``12 Jenis`` splits into 12 and the unit.
        ``vals``: the row's values when the caller already has them (the hot loop of a table)."""
        if c is None:
            return None, None
        if vals is None:
            raw = self.v(r, c)
        else:
            j = c - self._k0
            raw = vals[j] if 0 <= j < len(vals) else None
        cls = raw.__class__
        if (cls is float or cls is int) and raw == raw and raw != _INF and raw != -_INF:
            # a typed number: what parse_angka gives for it, without the detour
            return Nilai(_huruf(c) + str(r + 1), raw, int(raw) if cls is float and raw.is_integer() else raw), None
        return self._nilai_lain(r, c, raw, unit_ok)

    def _nilai_lain(self, r: int, c: int, raw: Any, unit_ok: bool) -> tuple[Nilai, Teks | None]:
        """A number cell that is not a typed number: empty, a date, or text to parse."""
        cell = alamat(r, c)
        if raw is None or raw == "":
            return Nilai(cell=cell, rumus=(r, c) in self.sheet.rumus_kosong), None
        if hasattr(raw, "year") and not isinstance(raw, (int, float)):  # a date in a number column
            return Nilai(cell=cell, raw=str(raw), error=f"'{raw}' adalah tanggal, bukan angka",
                         error_en=f"'{raw}' is a date, not a number"), None
        hasil = parse_angka(raw)
        if hasil.galat is None:
            unit = Teks(cell=cell, text="%") if hasil.persen else None
            return Nilai(cell=cell, raw=raw, value=hasil.nilai, persen=hasil.persen), unit
        text = teks_sel(raw)
        # A unit alone in a value cell ("Dok", "%", "ОВ") is a placeholder: no value stated.
        if not any(ch.isdigit() for ch in text) and self.kamus.baca(text).efektif:
            return Nilai(cell=cell, raw=raw), None
        if unit_ok:
            m = _VALUE_UNIT.match(text)
            if m:
                num = parse_angka(m.group("num"))
                sat = self.kamus.baca(m.group("unit"))
                if num.galat is None and num.nilai is not None and sat.status != "tidak_dikenal":
                    return Nilai(cell=cell, raw=raw, value=num.nilai), Teks(cell=cell, text=m.group("unit"))
        return Nilai(cell=cell, raw=raw, error=hasil.galat.pesan, error_en=hasil.galat.pesan_en), None

    def kode_fields(self, r: int, vals: Sequence[Any] | None = None) -> dict[str, Any]:
        """The kode fields of a row: a fresh dict (the caller adds to it)."""
        cols = self.kode_cols
        if not cols:
            return {}
        if vals is None:
            vals = self.baris(r)
        # the kode columns are normally one contiguous run (_kode_cols): then a slice of the row
        j0 = cols[0] - self._k0
        cells = tuple(vals[j0:j0 + len(cols)]) if self._kode_berurut and j0 >= 0 else ()
        if len(cells) < len(cols):  # not contiguous, or the row ends early
            cells = tuple([vals[c - self._k0] if 0 <= c - self._k0 < len(vals) else None for c in cols])
        if ada_bool(cells):  # not from the memo: TRUE would find the entry of the number 1
            sel, tetap = _kode_info.__wrapped__(cells, self.widths)
        else:
            try:
                sel, tetap = _kode_info(cells, self.widths)
            except TypeError:  # an unhashable cell value (never from calamine; possible from a caller)
                sel, tetap = _kode_info.__wrapped__(cells, self.widths)
        out = tetap.copy()
        out["kode_cell"] = _huruf(cols[min(sel, len(cols) - 1)]) + str(r + 1)
        if "kode_perbaikan" in out:
            out["kode_perbaikan"] = list(out["kode_perbaikan"])
        return out


def _huruf(c: int) -> str:
    return _HURUF[c] if c < 702 else kolom_huruf(c)


@lru_cache(maxsize=8192, typed=True)
def _kode_info(cells: tuple[Any, ...], widths: tuple[int, ...] | None) -> tuple[int, dict[str, Any]]:
    """What a row's kode cells give, apart from the cell address. The same kode comes back in every
    table that names it and in every submission of a batch, so it is memoised (bounded), keyed by the
    cells: callers read cells holding TRUE/FALSE without the memo (``True == 1`` as a key).
    ``kode_perbaikan`` is kept as a tuple here and copied per row."""
    cepat = _kode_bersih(cells, widths)
    if cepat is not None:
        return 0, cepat
    bacaan = parse_kode_cells(cells, widths)
    out: dict[str, Any] = {"kode_asli": bacaan.asli}
    if bacaan.kode is not None:
        k = bacaan.kode
        induk = k.induk
        out.update(kode=k.teks, kode_kunci=k.kunci, level=k.level, kode_perbaikan=bacaan.perbaikan,
                   induk_kunci=induk.kunci if induk is not None else None)
    elif bacaan.galat:
        out["kode_galat"] = bacaan.galat
        out["kode_galat_en"] = bacaan.galat_en
        out["kode_awalan"] = bacaan.awalan
    return bacaan.sel or 0, out


def _kode_bersih(cells: tuple[Any, ...], widths: tuple[int, ...] | None) -> dict[str, Any] | None:
    """The row fields of a clean kode (:func:`~renja_xl.core.kode.kode_sel_bersih`: nearly every row
    of a real table), worked out from its text without building a Kode. None for anything else.
    ``tests/readers/test_kode_fields.py`` checks them against the full reading."""
    bersih = kode_sel_bersih(cells, widths)
    if bersih is None:
        return None
    teks, asli = bersih
    segmen = teks.split(".")
    return {"kode_asli": asli, "kode": teks, "kode_kunci": kunci_segmen(segmen), "level": LEVELS[len(segmen)],
            "kode_perbaikan": (), "induk_kunci": ".".join(segmen[:INDUK_SEGMEN[len(segmen)]])}


def _first(kolom: list[Kolom], pred) -> int | None:
    for k in kolom:
        if pred(k):
            return k.idx
    return None


def _kode_cols(blok: BlokTabel) -> list[int]:
    cols = [k.idx for k in blok.kolom if k.punya("kode") and not k.punya("pagu") and "sumber dana" not in k.low]
    if not cols:
        return []
    # contiguous run starting at the first kode column
    run = [cols[0]]
    for c in cols[1:]:
        if c == run[-1] + 1:
            run.append(c)
        else:
            break
    return run


def _is_uraian(k: Kolom) -> bool:
    return k.punya("uraian", leaf=True) and not any(
        k.punya(c, leaf=True) for c in ("indikator", "target", "pagu", "realisasi", "kode", "satuan", "lokasi", "fisik")
    ) and "%" not in k.leaf


def _sel(vals: Sequence[Any], j: int) -> Any:
    return vals[j] if 0 <= j < len(vals) else None


def _base(reader: _Reader, r: int, uraian_c: int | None, indikator_c: int | None,
          vals: Sequence[Any] | None = None) -> dict[str, Any]:
    if vals is None:
        vals = reader.baris(r)
    k0 = reader._k0
    d: dict[str, Any] = reader.kode_fields(r, vals)
    d["row"] = r + 1
    rs = str(r + 1)
    if uraian_c is not None:
        j = uraian_c - k0
        v = vals[j] if 0 <= j < len(vals) else None
        d["uraian"] = " ".join(v.split()) if v.__class__ is str else teks_sel(v)
        d["uraian_cell"] = _huruf(uraian_c) + rs
    if indikator_c is not None:
        j = indikator_c - k0
        v = vals[j] if 0 <= j < len(vals) else None
        d["indikator"] = " ".join(v.split()) if v.__class__ is str else teks_sel(v)
        d["indikator_cell"] = _huruf(indikator_c) + rs
    if "kode" not in d and "kode_galat" not in d and _TOTAL.match(d.get("uraian", "")):
        d["total"] = True
    return d


def _years_for(cols: list[Kolom], judul: str, tahun_berkas: int | None) -> dict[int, int]:
    """Plan year of each target/pagu column: from its header; else the title's (or file's) years
    given to the pagu columns in order, and each target column takes the year of the nearest pagu
    column to its right (a target stands before its pagu)."""
    out: dict[int, int] = {k.idx: k.tahun for k in cols if k.tahun is not None}
    missing = sorted((k for k in cols if k.idx not in out), key=lambda k: k.idx)
    if not missing:
        return out
    seq = sorted(set(tahun_dalam(judul))) or ([tahun_berkas, tahun_berkas + 1] if tahun_berkas else [])
    pagus = [k for k in missing if not k.punya("target", leaf=True)]
    for i, k in enumerate(pagus):
        out[k.idx] = seq[i] if i < len(seq) else (seq[-1] + i - len(seq) + 1 if seq else 0)
    for k in missing:
        if k.idx in out:
            continue
        right = [p for p in pagus if p.idx > k.idx]
        near = right[0] if right else (pagus[-1] if pagus else None)
        out[k.idx] = out[near.idx] if near is not None else (seq[0] if seq else 0)
    return out


def _rencana(blok: BlokTabel, reader: _Reader, tahun_berkas: int | None) -> Tabel:
    kol = [k for k in blok.kolom if k.idx not in reader.kode_cols]
    uraian_c = _first(kol, _is_uraian)
    ind = [k for k in kol if k.punya("indikator", leaf=True)]
    indikator_c = next((k.idx for k in ind if "keluaran" in k.leaf_low), ind[0].idx if ind else None)
    satuan_c = _first(kol, lambda k: k.punya("satuan", leaf=True) and "komponen" not in k.leaf_low)
    lokasi_c = _first(kol, lambda k: k.punya("lokasi", leaf=True))
    targets = [k for k in kol if k.punya("target", leaf=True) and not k.punya("pagu", leaf=True)]
    pagus = [k for k in kol if k.punya("pagu", leaf=True) or (k.leaf_low.startswith("jumlah pagu"))]
    years = _years_for(targets + pagus, blok.judul, tahun_berkas)
    target_by_year: dict[int, int] = {}
    for k in targets:
        y = years[k.idx]
        if y not in target_by_year or "keluaran" in k.leaf_low:
            target_by_year[y] = k.idx
    pagu_by_year: dict[int, int] = {}
    for k in pagus:
        pagu_by_year.setdefault(years[k.idx], k.idx)
    columns = {"kode": _span(reader.kode_cols)}
    for role, c in (("uraian", uraian_c), ("indikator", indikator_c), ("satuan", satuan_c), ("lokasi", lokasi_c)):
        if c is not None:
            columns[role] = kolom_huruf(c)
    for y, c in target_by_year.items():
        columns[f"target {y}"] = kolom_huruf(c)
    for y, c in pagu_by_year.items():
        columns[f"pagu {y}"] = kolom_huruf(c)
    rows = []
    k0 = reader._k0
    # the value columns: targets first (a target cell may name the unit: "12 Jenis"), then pagu
    kolom_nilai = [(y, c, c - k0, _huruf(c), True) for y, c in target_by_year.items()]
    kolom_nilai += [(y, c, c - k0, _huruf(c), False) for y, c in pagu_by_year.items()]
    satuan_j = satuan_c - k0 if satuan_c is not None else None
    lokasi_j = lokasi_c - k0 if lokasi_c is not None else None
    nilai_lain = reader._nilai_lain
    for r in range(blok.data_start, blok.data_end):
        vals = reader.baris(r)
        if not vals:
            continue  # nothing on this worksheet row
        n_vals = len(vals)
        rs = str(r + 1)
        d = _base(reader, r, uraian_c, indikator_c, vals)
        satuan = None
        if satuan_j is not None and 0 <= satuan_j < n_vals:
            t = teks_sel(vals[satuan_j])
            if t:
                satuan = Teks(_huruf(satuan_c) + rs, t)
        # typed numbers and whole amounts as text (nearly every value cell) are read here, inline;
        # the rest by _nilai_lain, which gives what parse_angka gives for these two as well
        target: dict[int, Nilai] = {}
        pagu: dict[int, Nilai] = {}
        for y, c, j, huruf, adalah_target in kolom_nilai:
            raw = vals[j] if 0 <= j < n_vals else None
            cls = raw.__class__
            if (cls is float or cls is int) and raw == raw and raw != _INF and raw != -_INF:
                n = Nilai(huruf + rs, raw, int(raw) if cls is float and raw.is_integer() else raw)
            elif cls is str and (m := _BULAT_CEPAT.fullmatch(raw)):  # "1.185.270", "Rp 1.185.270,-"
                n = Nilai(huruf + rs, raw, int(m.group(1).replace(".", "")))
            else:
                n, unit = nilai_lain(r, c, raw, adalah_target)
                if adalah_target and satuan is None and unit is not None:
                    satuan = unit
            if adalah_target:
                target[y] = n
            else:
                pagu[y] = n
        lokasi = teks_sel(vals[lokasi_j]) if lokasi_j is not None and 0 <= lokasi_j < n_vals else ""
        rows.append(RencanaBaris(**d, satuan=satuan, lokasi=lokasi or None, target=target, pagu=pagu))
    years_sorted = sorted(set(target_by_year) | set(pagu_by_year))
    return _tabel(blok, "rencana", columns, rows, years_sorted, bool(reader.kode_cols))


def _evaluasi(blok: BlokTabel, reader: _Reader) -> Tabel:
    kol = [k for k in blok.kolom if k.idx not in reader.kode_cols]
    uraian_c = _first(kol, lambda k: (k.nomor == 2) or (k.nomor is None and _is_uraian(k)))
    indikator_c = _first(kol, lambda k: (k.nomor == 3) or (k.nomor is None and k.punya("indikator")))
    value_cols: dict[int, int] = {}
    satuan_cols: dict[int, int] = {}
    if any(k.nomor is not None and k.nomor >= 4 for k in kol):
        for k in kol:
            if k.nomor is None or k.nomor < 4:
                continue
            if k.nomor not in value_cols:
                value_cols[k.nomor] = k.idx
            elif k.nomor not in satuan_cols:
                satuan_cols[k.nomor] = k.idx
    else:
        # no column-number row: value columns in order are T-C.29 columns 4..11, a text column
        # holding units right after a value column is its satuan
        after = [k for k in kol if indikator_c is not None and k.idx > indikator_c]
        n = 4
        for k in after:
            if _mostly_units(reader, k.idx) and n > 4 and (n - 1) not in satuan_cols:
                satuan_cols[n - 1] = k.idx
            elif n <= 11:
                value_cols[n] = k.idx
                n += 1
    columns = {"kode": _span(reader.kode_cols)}
    if uraian_c is not None:
        columns["uraian"] = kolom_huruf(uraian_c)
    if indikator_c is not None:
        columns["indikator"] = kolom_huruf(indikator_c)
    for n, c in value_cols.items():
        columns[f"kolom {n}"] = kolom_huruf(c)
    rows = []
    for r in range(blok.data_start, blok.data_end):
        d = _base(reader, r, uraian_c, indikator_c)
        kolom: dict[int, Nilai] = {}
        sat_kolom: dict[int, Teks] = {}
        for n, c in value_cols.items():
            val, unit = reader.nilai(r, c, unit_ok=True)
            kolom[n] = val
            t = reader.teks(r, satuan_cols.get(n)) or unit
            if t is not None:
                sat_kolom[n] = t
        satuan = next((sat_kolom[n] for n in (4, 6, 9, 5, 7, 10) if n in sat_kolom and sat_kolom[n].text != "%"),
                      next(iter(sat_kolom.values()), None))
        rows.append(EvaluasiBaris(
            **d, satuan=satuan, kolom=kolom, satuan_kolom=sat_kolom,
        ))
    return _tabel(blok, "evaluasi", columns, rows, sorted(set(tahun_dalam(blok.judul))), True)


def _mostly_units(reader: _Reader, c: int) -> bool:
    units = values = 0
    for r in range(reader.blok.data_start, reader.blok.data_end):
        v = reader.v(r, c)
        t = teks_sel(v)
        if not t:
            continue
        values += 1
        if isinstance(v, str) and parse_angka(v).galat is not None:
            units += 1
    return values > 0 and units / values >= 0.6


def _spm(blok: BlokTabel, reader: _Reader) -> Tabel:
    kol = blok.kolom
    no_c = _first(kol, lambda k: k.punya("no", leaf=True))
    indikator_c = _first(kol, lambda k: k.punya("indikator", leaf=True))
    value_cols: dict[tuple[str, int], int] = {}
    for k in kol:
        y = k.tahun
        if y is None or k.idx in (no_c, indikator_c):
            continue
        low = k.low
        jenis = "target" if re.search(r"\bta\w{0,2}get\b", low) else "realisasi" if "realisasi" in low else (
            "proyeksi" if "proyeksi" in low else "nilai")
        value_cols.setdefault((jenis, y), k.idx)
    columns = {"indikator": kolom_huruf(indikator_c)} if indikator_c is not None else {}
    for (jenis, y), c in value_cols.items():
        columns[f"{jenis} {y}"] = kolom_huruf(c)
    rows = []
    for r in range(blok.data_start, blok.data_end):
        d = _base(reader, r, indikator_c, indikator_c)
        nilai = {key: reader.nilai(r, c, unit_ok=False)[0] for key, c in value_cols.items()}
        rows.append(SpmBaris(
            **d, no=reader.text(r, no_c) or None, nilai=nilai,
        ))
    years = sorted({y for _, y in value_cols})
    return _tabel(blok, "spm", columns, rows, years, False)


def _review(blok: BlokTabel, reader: _Reader) -> Tabel:
    kol = blok.kolom
    no_c = _first(kol, lambda k: k.punya("no", leaf=True))
    catatan_c = _first(kol, lambda k: k.punya("catatan", leaf=True))
    sides: dict[str, dict[str, int]] = {"awal": {}, "hasil": {}}
    for k in kol:
        top = k.levels[0].lower() if k.levels else ""
        side = "awal" if "rancangan" in top else "hasil" if ("hasil" in top or "kebutuhan" in top) else None
        if side is None:
            continue
        leaf = k.leaf_low
        if re.search(r"\bpagu\b|kebutuhan dana|\(rp\.?\)|\brp\b", leaf):
            role = "pagu"
        elif "lokasi" in leaf:
            role = "lokasi"
        elif re.search(r"\bta\w{0,2}get\b", leaf):
            role = "target"
        elif "indikator" in leaf:
            role = "indikator"
        elif re.search(r"program|kegiatan|uraian", leaf):
            role = "uraian"
        else:
            continue
        sides[side].setdefault(role, k.idx)
    columns = {f"{s} {role}": kolom_huruf(c) for s, roles in sides.items() for role, c in roles.items()}
    rows = []
    for r in range(blok.data_start, blok.data_end):
        side_models = {}
        for s, roles in sides.items():
            target, unit = reader.nilai(r, roles.get("target"), unit_ok=True)
            side_models[s] = SisiReview(
                uraian=reader.text(r, roles.get("uraian")),
                lokasi=reader.text(r, roles.get("lokasi")) or None,
                indikator=reader.text(r, roles.get("indikator")),
                target=target, satuan=unit,
                pagu=reader.nilai(r, roles.get("pagu"), unit_ok=False)[0],
            )
        hasil = sides["hasil"]
        d = _base(reader, r, hasil.get("uraian", sides["awal"].get("uraian")),
                  hasil.get("indikator", sides["awal"].get("indikator")))
        if not d.get("uraian") and sides["awal"].get("uraian") is not None:
            d["uraian"] = reader.text(r, sides["awal"]["uraian"])
            d["uraian_cell"] = alamat(r, sides["awal"]["uraian"])
        rows.append(ReviewBaris(
            **d, no=reader.text(r, no_c) or None,
            awal=side_models["awal"], hasil=side_models["hasil"],
            satuan=side_models["hasil"].satuan, catatan=reader.text(r, catatan_c) or None,
        ))
    return _tabel(blok, "review", columns, rows, sorted(set(tahun_dalam(blok.judul))), False)


def _realisasi(blok: BlokTabel, reader: _Reader, tahun_berkas: int | None) -> Tabel:
    kol = [k for k in blok.kolom if k.idx not in reader.kode_cols]
    uraian_c = _first(kol, _is_uraian)
    indikator_c = _first(kol, lambda k: k.punya("indikator", leaf=True))
    fisik_c = _first(kol, lambda k: k.punya("fisik"))
    persen_c = _first(kol, lambda k: k.idx != fisik_c and re.search(r"%|persen|prosentase|presentase", k.low)
                      and re.search(r"realisasi|keuangan", k.low))
    realisasi_c = _first(kol, lambda k: k.idx not in (fisik_c, persen_c) and k.punya("realisasi", leaf=True))
    anggaran_c = _first(kol, lambda k: k.idx not in (fisik_c, persen_c, realisasi_c) and re.search(
        r"anggaran|\bpagu\b", k.leaf_low))
    columns = {"kode": _span(reader.kode_cols)}
    for role, c in (("uraian", uraian_c), ("anggaran", anggaran_c), ("realisasi", realisasi_c),
                    ("persen keuangan", persen_c), ("persen fisik", fisik_c)):
        if c is not None:
            columns[role] = kolom_huruf(c)
    rows = []
    for r in range(blok.data_start, blok.data_end):
        d = _base(reader, r, uraian_c, indikator_c)
        rows.append(RealisasiBaris(
            **d,
            anggaran=reader.nilai(r, anggaran_c, unit_ok=False)[0],
            realisasi=reader.nilai(r, realisasi_c, unit_ok=False)[0],
            persen_keuangan=reader.nilai(r, persen_c, unit_ok=False)[0],
            persen_fisik=reader.nilai(r, fisik_c, unit_ok=False)[0],
        ))
    years = sorted(set(tahun_dalam(blok.judul))) or ([tahun_berkas] if tahun_berkas else [])
    return _tabel(blok, "realisasi", columns, rows, years[:1], bool(reader.kode_cols))


def _span(cols: list[int]) -> str:
    if not cols:
        return ""
    if len(cols) == 1:
        return kolom_huruf(cols[0])
    return f"{kolom_huruf(cols[0])}:{kolom_huruf(cols[-1])}"


def _significant(row: Any) -> bool:
    """A data row worth keeping: it has a kode (readable or not) or a stated value."""
    if row.kode or row.kode_galat:
        return True
    if isinstance(row, RencanaBaris):
        return any(not n.kosong for n in (*row.target.values(), *row.pagu.values()))
    if isinstance(row, EvaluasiBaris):
        return any(not n.kosong for n in row.kolom.values())
    if isinstance(row, SpmBaris):
        return any(not n.kosong for n in row.nilai.values())
    if isinstance(row, ReviewBaris):
        return any(s.pagu is not None and not s.pagu.kosong or s.target is not None and not s.target.kosong
                   for s in (row.awal, row.hasil))
    if isinstance(row, RealisasiBaris):
        return any(n is not None and not n.kosong for n in (row.anggaran, row.realisasi))
    return False


def _tabel(blok: BlokTabel, kind: str, columns: dict[str, str], rows: list[Any], years: list[int],
           has_kode: bool) -> Tabel:
    kept = []
    header_texts = {teks_sel(t) for k in blok.kolom for t in k.levels}
    for row in rows:
        if row.uraian and row.uraian in header_texts and not row.kode:
            continue  # a header repeated on a new page
        if not (row.uraian or row.kode or row.kode_galat or _significant(row)):
            continue  # an empty row
        kept.append(row)
    # the table ends at its last row with a kode or a value (signatures and notes below are not data)
    while kept and not _significant(kept[-1]):
        kept.pop()
    last = kept[-1].row if kept else blok.data_start
    return Tabel(
        sheet=blok.lembar.nama,
        kind=kind,
        title=blok.judul,
        header_rows=[r + 1 for r in blok.header_rows],
        first_row=blok.data_start + 1,
        last_row=last,
        years=[y for y in years if y],
        columns=columns,
        has_kode=has_kode,
        periode=_periode(blok.judul),
        rows=kept,
    )


def bangun_tabel(blok: BlokTabel, tahun_berkas: int | None = None) -> Tabel | None:
    """The typed table of a block, or None when the block is not a Renja table."""
    kind = jenis_tabel(blok)
    blok.kind = kind
    if kind is None:
        return None
    kode_cols = _kode_cols(blok)
    blok.kode_cols = kode_cols
    reader = _Reader(blok, kode_cols)
    if kind == "rencana":
        return _rencana(blok, reader, tahun_berkas)
    if kind == "evaluasi":
        return _evaluasi(blok, reader)
    if kind == "spm":
        return _spm(blok, reader)
    if kind == "review":
        return _review(blok, reader)
    return _realisasi(blok, reader, tahun_berkas)
