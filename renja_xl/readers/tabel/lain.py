"""Tabel 2.2 (SPM, T-C.30), Tabel 2.3 (review of the Rancangan Awal RKPD, T-C.31) and realisation reports.

**SPM** (``spm``): No · Indikator · SPM/standar · IKK · target, realisasi and proyeksi by year.

**Review** (``review``): the Rancangan Awal RKPD side and the Hasil Analisis Kebutuhan side, each
with program/kegiatan, lokasi, indikator, target (often ``12 Jenis``: value and unit in one cell)
and pagu; and Catatan Penting.

**Rencana bulanan** (``rencana_bulanan``): a plan per month for each sub kegiatan (the office's
anggaran kas: "Laporan Rencana Penyerapan Anggaran", Rp per month, varian ``keuangan``; or its
physical plan, % per month, varian ``fisik``): No · Nama Sub Kegiatan · Nilai DPA / Pagu · Januari …
Desember. Realisation reports are compared with it (A011).

**Realisasi** (``realisasi``): anggaran, realisasi and the stated percentages — the seed's table, a
SIPD "Rekapitulasi Belanja … beserta Hasil dan Sub Kegiatan" (kode over urusan/bidang,
organisasi, program/kegiatan/sub kegiatan and akun columns; budget parts Operasi / Modal / Total;
anggaran kas s.d. the period; percentages stored as fractions), and an RFK (rencana and realisasi
keuangan and fisik, cumulative and weighted). A ``%`` column is the realisation rate only when its
words say so (``realisasi``, ``capaian``, the budget group): a share of the total DPA (``NILAI DPA
%``), a weighted share (``TTB``) or a planned percentage is not.
"""

from __future__ import annotations

import re

from ...core.tabel import Peran
from ..kepala import Blok
from ..kode_kolom import tata_kode
from ..kosakata import BULAN
from ..peta import Ciri, periode_kolom, ukuran_kolom
from .dasar import KolomNilai, Susunan
from .umum import pilih_indikator, pilih_lokasi, pilih_uraian, teks_lain

__all__ = ["susun_spm", "susun_review", "susun_realisasi", "susun_rencana_bulanan"]

_BAGIAN = re.compile(r"\b(operasi|modal|tak terduga|transfer|total)\b")


def susun_spm(blok: Blok, ciri: list[Ciri]) -> Susunan:
    tata = tata_kode(blok, [], None)
    s = Susunan(kind="spm", tata=tata)
    s.no = next((c.idx for c in ciri if c.daun_punya("no")), None)
    s.indikator = next((c.idx for c in ciri if c.daun_punya("indikator")), None)
    s.uraian = s.indikator
    if s.no is not None:
        s.teks["no"] = s.no
    for c in ciri:
        y = c.label.tahun
        if y is None and c.idx not in (s.no, s.indikator) and re.search(r"\bspm\b|\bstandar\b", c.label.teks):
            s.angka.append(KolomNilai(c.idx, Peran("nilai", bagian="standar"), c.bukti))  # the service standard
            continue
        if y is None or c.idx in (s.no, s.indikator):
            continue
        low = c.label.teks
        jenis = "target" if c.punya("target") else "realisasi" if c.punya("realisasi") else (
            "proyeksi" if c.punya("proyeksi") else "nilai")
        s.angka.append(KolomNilai(c.idx, Peran(jenis, str(y)), c.bukti))
        del low
    s.years = sorted({int(k.peran.periode) for k in s.angka if k.peran.periode})
    return s


def susun_review(blok: Blok, ciri: list[Ciri]) -> Susunan:
    tata = tata_kode(blok, [], None)
    s = Susunan(kind="review", tata=tata)
    roles: dict[str, dict[str, int]] = {"awal": {}, "hasil": {}}
    for c in ciri:
        top = c.kol.levels[0].lower() if c.kol.levels else ""
        side = "awal" if "rancangan" in top else "hasil" if ("hasil" in top or "kebutuhan" in top) else None
        if side is None:
            continue
        d = c.daun
        if d.punya("pagu") or "kebutuhan dana" in d.teks:
            role = "pagu"
        elif d.punya("lokasi"):
            role = "lokasi"
        elif d.punya("target"):
            role = "target"
        elif d.punya("indikator"):
            role = "indikator"
        elif d.punya("uraian"):
            role = "uraian"
        else:
            continue
        roles[side].setdefault(role, c.idx)
    # the Hasil side is the one that matters (its target's unit is the row's unit): read it first
    for side in ("hasil", "awal"):
        r = roles[side]
        if "target" in r:
            s.angka.append(KolomNilai(r["target"], Peran("target", sisi=side), _bukti(blok, r["target"]), unit_ok=True))
        if "pagu" in r:
            s.angka.append(KolomNilai(r["pagu"], Peran("pagu", sisi=side), _bukti(blok, r["pagu"])))
        for role in ("uraian", "lokasi", "indikator"):
            if role in r:
                s.teks[f"{role} {side}"] = r[role]
    s.uraian = roles["hasil"].get("uraian", roles["awal"].get("uraian"))
    s.indikator = roles["hasil"].get("indikator", roles["awal"].get("indikator"))
    for k in ("uraian", "indikator"):
        s.teks.pop(f"{k} hasil", None)
    catatan = next((c.idx for c in ciri if c.daun_punya("catatan")), None)
    if catatan is not None:
        s.teks["catatan"] = catatan
    no = next((c.idx for c in ciri if c.daun_punya("no")), None)
    if no is not None:
        s.teks["no"] = no
        s.no = no
    return s


def _bukti(blok: Blok, c: int) -> str:
    k = blok.kolom_di(c)
    return k.teks if k is not None else ""


def _bagian(c: Ciri) -> str:
    m = _BAGIAN.search(c.kol.induk.teks if c.kol.levels[:-1] else "")
    return m.group(1) if m else ""


def susun_realisasi(blok: Blok, ciri: list[Ciri], tahun_berkas: int | None) -> Susunan:
    uraian_c, bukti = pilih_uraian(ciri, set())
    tata = tata_kode(blok, ciri, uraian_c)
    kode_cols = set(tata.kolom)
    s = Susunan(kind="realisasi", tata=tata, uraian=uraian_c)
    s.catat(uraian_c, "uraian", bukti)
    used = set(kode_cols) | ({uraian_c} if uraian_c is not None else set())
    s.indikator = pilih_indikator(ciri, used)
    used |= {s.indikator} if s.indikator is not None else set()
    for c in ciri:
        if c.idx in used or not c.berangka:
            continue
        lab = c.label
        words = lab.teks
        u = ukuran_kolom(c)
        bag = _bagian(c)
        if "ttb" in words.split() or "tertimbang" in words or "bobot" in words or "sisa" in words.split():
            continue  # a weighted share, a remaining budget: not checked
        if u == "pagu" and "rencana" in words.split() and not re.search(r"\b(dpa|pagu|anggaran|dana)\b", words):
            u = "rencana_rp"  # "Keuangan Rencana (Rp)" beside the realisation: money planned to the period
        if u == "realisasi" and c.daun.satuan_kolom != "k":
            u = "realisasi_rp"  # in a realisation report, realisation is money unless marked K
        if u in ("fisik", "fisik_rencana") and "capaian" in words.split():
            continue  # physical capaian (realisasi / rencana): not checked
        if u in ("capaian", "capaian_rp"):
            if lab.punya("fisik"):
                if "capaian" in words.split():
                    continue
                u = "fisik"
            elif re.search(r"\bdpa\b|\bnilai dpa\b", words) and not lab.punya("realisasi"):
                continue  # the share of the total DPA
            elif lab.punya("rencana") and not (lab.punya("realisasi") or lab.punya("capaian") and "akas" in words):
                continue  # a planned percentage
            elif "akas" in words or ("capaian" in words.split() and not lab.punya("realisasi") and _ada_rencana(ciri)):
                s.angka.append(KolomNilai(c.idx, Peran("capaian_rp", bagian="thd rencana"), c.bukti))
                continue
            else:
                u = "capaian_rp"
        if u == "fisik_rencana" or u == "fisik":
            s.angka.append(KolomNilai(c.idx, Peran(u), c.bukti))
            continue
        if u in ("pagu", "realisasi_rp", "rencana_rp", "capaian_rp"):
            per = periode_kolom(c) if u == "rencana_rp" else ""
            s.angka.append(KolomNilai(c.idx, Peran(u, per, bagian=bag), c.bukti))
    used |= {k.idx for k in s.angka}
    s.lokasi = pilih_lokasi(ciri, used)
    used |= {s.lokasi} if s.lokasi is not None else set()
    s.teks.update(teks_lain(ciri, used))
    s.no = s.teks.get("no")
    if tahun_berkas:
        s.years = [tahun_berkas]
    have = {k.peran.ukuran for k in s.angka}
    if "pagu" not in have:
        s.ragu.append(("kolom anggaran tidak dikenali", "no budget (anggaran) column was recognised"))
    if "realisasi_rp" not in have:
        s.ragu.append(("kolom realisasi (Rp) tidak dikenali", "no realisation (Rp) column was recognised"))
    return s


def _ada_rencana(ciri: list[Ciri]) -> bool:
    return any(ukuran_kolom(c) == "rencana_rp" for c in ciri)


def susun_rencana_bulanan(blok: Blok, ciri: list[Ciri]) -> Susunan:
    """A plan per month: the name, the budget (Nilai DPA / Pagu), one column per month. A month is
    Rp unless its header marks it % (a physical plan); weighted (TTB) and cumulative columns are not
    the month's own plan and are left out."""
    uraian_c, bukti = pilih_uraian(ciri, set())
    tata = tata_kode(blok, ciri, uraian_c)
    s = Susunan(kind="rencana_bulanan", tata=tata, uraian=uraian_c)
    s.catat(uraian_c, "uraian", bukti)
    used = set(tata.kolom) | ({uraian_c} if uraian_c is not None else set())
    rp = persen = 0
    bulan_dipakai: set[int] = set()
    for c in ciri:
        if c.idx in used or not c.berangka:
            continue
        words = c.label.teks.split()
        if "ttb" in words or "tertimbang" in words or "bobot" in words or "kumulatif" in words or "akumulatif" in words:
            continue
        b = c.label.bulan
        if b is None:
            if c.punya("pagu") and not any(k.peran.ukuran == "pagu" for k in s.angka):
                s.angka.append(KolomNilai(c.idx, Peran("pagu"), c.bukti))
            continue
        if b in bulan_dipakai:
            continue  # a second column for the same month (a check column): the first is the plan
        bulan_dipakai.add(b)
        if c.daun.satuan_kolom == "%":
            persen += 1
            s.angka.append(KolomNilai(c.idx, Peran("fisik_rencana", BULAN[b - 1]), c.bukti))
        else:
            rp += 1
            s.angka.append(KolomNilai(c.idx, Peran("rencana_rp", BULAN[b - 1]), c.bukti))
    s.varian = "fisik" if persen > rp else "keuangan"
    used |= {k.idx for k in s.angka}
    s.teks.update(teks_lain(ciri, used))
    s.no = s.teks.get("no")
    if not any(k.peran.ukuran == "pagu" for k in s.angka):
        s.ragu.append(("kolom pagu (Nilai DPA) tidak dikenali", "no budget (Nilai DPA) column was recognised"))
    return s
