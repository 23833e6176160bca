"""One reader per table kind, all building the same columnar :class:`~renja_xl.core.tabel.Tabel`.

- :mod:`.rencana`: ``rencana`` (Tabel 4.1/4.2), ``renstra`` (tahun 1–5), ``perubahan`` (sebelum/setelah);
- :mod:`.evaluasi`: ``evaluasi`` (Tabel 2.1, T-C.29) and ``e81`` (Formulir E.81 and its variants);
- :mod:`.lain`: ``spm`` (Tabel 2.2), ``review`` (Tabel 2.3), ``realisasi`` (realisation reports, SIPD, RFK),
  ``rencana_bulanan`` (a plan per month: anggaran kas, rencana penyerapan / pelaksanaan);
- :mod:`.dasar`: the row walk they share.

:func:`bangun_tabel` decides the kind of a header block (:func:`..peta.jenis_blok`), lets that
kind's reader lay out the columns, reads the rows, and finishes what needs the whole table (the scale
of percentages stored as fractions, the owner of kode-less indicator rows, levels from running
numbers).
"""

from __future__ import annotations

from ...core.config import PetaTabel
from ...core.satuan import Kamus
from ...core.tabel import KolomAngka, Tabel
from ..kepala import Blok
from ..peta import ciri_blok, jenis_blok
from .dasar import Susunan, bangun
from .evaluasi import susun_e81, susun_evaluasi
from .lain import susun_realisasi, susun_rencana_bulanan, susun_review, susun_spm
from .rencana import susun_rencana

__all__ = ["bangun_tabel", "susun"]


def susun(blok: Blok, tahun_berkas: int | None = None, kind: str | None = None) -> Susunan | None:
    """The layout of a block (kind and column roles), or None when it is not a table we read."""
    ciri = ciri_blok(blok)
    kind = kind or jenis_blok(blok, ciri)
    if kind is None:
        return None
    if kind in ("rencana", "renstra", "perubahan"):
        return susun_rencana(blok, ciri, kind, tahun_berkas)
    if kind == "evaluasi":
        return susun_evaluasi(blok, ciri)
    if kind == "e81":
        return susun_e81(blok, ciri)
    if kind == "spm":
        return susun_spm(blok, ciri)
    if kind == "review":
        return susun_review(blok, ciri)
    if kind == "realisasi":
        return susun_realisasi(blok, ciri, tahun_berkas)
    if kind == "rencana_bulanan":
        return susun_rencana_bulanan(blok, ciri)
    return None


def bangun_tabel(blok: Blok, tahun_berkas: int | None = None, kamus: Kamus | None = None,
                 peta: PetaTabel | None = None) -> Tabel | None:
    """The typed table of a block, or None when the block is not a Renja table. ``peta``: the user's
    reading of it (kind, column roles), applied over the reader's."""
    s = susun(blok, tahun_berkas, kind=peta.jenis if peta is not None else None)
    if s is None:
        return None
    if peta is not None:
        from ..peta_pengguna import terapkan_peta

        s = terapkan_peta(blok, s, peta)
    t = bangun(blok, s, kamus)
    if t is not None and peta is not None:
        t.peta_sumber = peta.sumber or "renja-xl.toml"
    if t is None:
        return None
    _skala_persen(t)
    if t.kind == "e81":
        _pemilik_indikator(t)
    if t.kind in ("realisasi", "rencana_bulanan") and not t.has_kode:
        _level_nomor(t)
    return t


def _skala_persen(t: Tabel) -> None:
    """Percentages stored as fractions (a %-formatted cell holding 0.4076 shows 40.76 %): scaled to
    percent when the column's typed values are fractions. Where the table has the numerator and the
    denominator, the scale that agrees with them decides; else all typed values at most 1.5 with some
    not whole."""
    for k in t.angka.values():
        if not k.peran.persen:
            continue
        typed = [(i, v) for i, v in enumerate(k.nilai) if v is not None and i not in k.persen and i not in k.mentah]
        if not typed:
            continue
        scale = _skala_dari_rumus(t, k, typed)
        if scale is None:
            vals = [v for _, v in typed]
            pecahan = all(abs(v) <= 1.5 for v in vals) and any(not float(v).is_integer() for v in vals)
            scale = 100 if pecahan else 1
        if scale == 100:
            for i, v in typed:
                k.nilai[i] = round(v * 100, 10)


def _skala_dari_rumus(t: Tabel, k: KolomAngka, typed: list[tuple[int, float]]) -> int | None:
    """×100 or ×1, from realisasi / anggaran (or / rencana) on the rows that have both."""
    u = k.peran
    if u.ukuran != "capaian_rp":
        return None
    num = next(iter(t.kolom("realisasi_rp", bagian=u.bagian if u.bagian != "thd rencana" else None)), None)
    if u.bagian == "thd rencana":
        den = next(iter(t.kolom("rencana_rp")), None)
        num = next((x for x in t.kolom("realisasi_rp") if x.peran.bagian in ("", "total")), num)
    else:
        den = next(iter(t.kolom("pagu", bagian=u.bagian)), None)
    if num is None or den is None:
        return None
    satu = seratus = 0
    for i, v in typed[:200]:
        a, b = num.nilai[i], den.nilai[i]
        if a is None or not b:
            continue
        r = a / b
        if abs(r - v) <= 0.005:
            satu += 1
        if abs(r * 100 - v) <= 0.5:
            seratus += 1
    if satu == seratus:
        return None
    return 100 if satu > seratus else 1


def _pemilik_indikator(t: Tabel) -> None:
    """E.81: a row without a kode that carries an indicator and numbers is one more indicator of the
    program (or kegiatan) above it: its level is 'indikator' and its owner that row."""
    owner: int | None = None
    for i in range(t.n):
        lvl = t.level[i]
        if t.kode[i] is not None and lvl in ("program", "kegiatan", "bidang", "urusan", "sub_kegiatan"):
            owner = i if lvl == "program" else (owner if lvl in ("kegiatan", "sub_kegiatan") else None)
            continue
        if t.kode[i] is None and i not in t.kode_galat and not t.total[i] and t.indikator[i] and owner is not None:
            if any(k.nilai[i] is not None for k in t.angka.values()):
                t.level[i] = "indikator"
                t.milik[i] = owner


def _level_nomor(t: Tabel) -> None:
    """A table without kode whose detail rows are numbered (an RFK): numbered rows with values are its
    lowest level (sub kegiatan); unnumbered rows are headings."""
    if not any(t.nomor) or not t.nomor:
        return
    for i in range(t.n):
        if t.total[i] or t.level[i] is not None:
            continue
        if t.nomor[i] and any(k.nilai[i] is not None for k in t.angka.values()):
            t.level[i] = "sub_kegiatan"
