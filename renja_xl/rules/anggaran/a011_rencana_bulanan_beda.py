"""A011 rencana-bulanan-beda: a realisation report's financial plan to date differs from the
office's own monthly plan (anggaran kas) for the same sub kegiatan."""

from __future__ import annotations

import re

from ...core.tabel import Tabel
from ..context import rp
from ..registry import Dok, aturan
from .common import rupiah

_BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember")
_BULAN_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
_AWALAN = re.compile(r"^(?:sub\s*-?\s*kegiatan|kegiatan)\s*:?\s*")
_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")
# fewer sub kegiatan than this paired by name and budget: the two tables are not the same plan
_PALING_SEDIKIT = 3


def _nama(teks: str) -> str:
    t = " ".join(str(teks or "").lower().split())
    return _BUKAN_HURUF.sub(" ", _AWALAN.sub("", t)).strip()


def _kolom_rencana(t: Tabel):
    """The realisation table's plan-to-date column (Rp) and the month it runs to."""
    for k in t.angka.values():
        p = k.peran
        if p.ukuran == "rencana_rp" and p.bagian in ("", "total"):
            if p.periode in _BULAN:
                return k, _BULAN.index(p.periode) + 1
            return (k, t.bulan) if t.bulan else (None, None)
    return None, None


def _pagu(t: Tabel):
    return next((k for k in t.angka.values() if k.peran.ukuran == "pagu" and k.peran.bagian in ("", "total")), None)


def _kunci(t: Tabel, i: int, pagu) -> tuple | None:
    """How a row is paired across the two tables: its kode when it has one, else its name and budget."""
    if t.kunci[i] is not None:
        return ("kode", t.kunci[i])
    nama = _nama(t.uraian[i])
    v = pagu.nilai[i] if pagu is not None else None
    if not nama or v is None or i in pagu.galat:
        return None
    return ("nama", nama, rupiah(v))


def _unik(t: Tabel, pagu) -> dict[tuple, int]:
    seen: dict[tuple, int] = {}
    ganda: set[tuple] = set()
    for i in range(t.n):
        if t.total[i]:
            continue
        key = _kunci(t, i, pagu)
        if key is None:
            continue
        if key in seen:
            ganda.add(key)
        seen[key] = i
    return {k: i for k, i in seen.items() if k not in ganda}


def _sampai(bulanan: Tabel, bulan: int, j: int) -> tuple[float, list] | None:
    """The monthly plan's sum from January to ``bulan`` on row ``j`` and the cells it came from;
    None when a month has no column or its cell cannot be read."""
    cols = []
    for b in _BULAN[:bulan]:
        k = next((k for k in bulanan.angka.values() if k.peran.ukuran == "rencana_rp" and k.peran.periode == b), None)
        if k is None or j in k.galat:
            return None
        cols.append(k)
    return sum(k.nilai[j] or 0 for k in cols), cols


@aturan(
    "A011", "rencana-bulanan-beda", "warning",
    id=Dok(
        judul="Rencana keuangan berbeda dengan rencana bulanan",
        apa="Dalam laporan realisasi (mis. RFK), rencana keuangan s.d. bulan laporan untuk satu sub kegiatan "
        "berbeda dengan jumlah rencana bulanan (anggaran kas, \"Rencana Penyerapan Anggaran\") Januari s.d. bulan "
        "itu di lembar lain workbook yang sama. Baris dipasangkan menurut kode, atau bila tidak ada kode menurut "
        "nama sub kegiatan dan nilai DPA yang sama persis (hanya pasangan yang tunggal di kedua tabel); baris "
        "jumlah dibandingkan dengan baris jumlah. Tidak diperiksa bila bulan laporan tidak diketahui (judul tanpa "
        "\"s/d tanggal\" atau kolom rencana tanpa bulan), atau bila kurang dari tiga sub kegiatan dapat "
        "dipasangkan (kedua tabel bukan rencana yang sama).",
        mengapa="Rencana di laporan realisasi harus rencana yang sama dengan yang disusun kantor; bila berbeda, "
        "capaian terhadap rencana dihitung dari angka yang salah, atau salah satu lembar belum diperbarui.",
        contoh="RFK s.d. Januari: Penyediaan Pendidik dan Tenaga Kependidikan SD, rencana Rp 1.169.990.000; "
        "lembar RENCANA_KEUANGAN, Januari Rp 1.176.141.500.",
        perbaikan="Samakan rencana di laporan realisasi dengan anggaran kas yang berlaku, atau perbarui lembar "
        "rencana bulanan bila anggaran kas telah diubah.",
    ),
    en=Dok(
        judul="Financial plan differs from the monthly plan",
        apa="In a realisation report (e.g. an RFK), the financial plan to the report's month for a sub kegiatan "
        "differs from the sum of the monthly plan (anggaran kas, \"Rencana Penyerapan Anggaran\") from January "
        "to that month on another sheet of the same workbook. Rows are paired by kode, or without a kode by the "
        "same sub kegiatan name and exactly the same DPA amount (only pairs unique in both tables); the totals "
        "row is compared with the totals row. Not checked when the report's month is unknown (no \"s/d date\" "
        "in the title, no month on the plan column), or when fewer than three sub kegiatan can be paired (the "
        "two tables are not the same plan).",
        mengapa="The plan in a realisation report must be the plan the office drew up; when they differ, "
        "progress against plan is computed from the wrong amount, or one sheet was not updated.",
        contoh="RFK to January: Penyediaan Pendidik dan Tenaga Kependidikan SD, plan Rp 1,169,990,000; sheet "
        "RENCANA_KEUANGAN, January Rp 1,176,141,500.",
        perbaikan="Make the realisation report's plan agree with the current anggaran kas, or update the "
        "monthly plan sheet when the anggaran kas was changed.",
    ),
    jenis=("realisasi", "rencana_bulanan"),
    lintas=True,
)
def periksa(ctx, tables):
    bulanan = [t for t in tables if t.kind == "rencana_bulanan" and t.varian == "keuangan"]
    if not bulanan:
        return
    for r in tables:
        if r.kind != "realisasi":
            continue
        ren, bulan = _kolom_rencana(r)
        if ren is None:
            continue
        pagu_r = _pagu(r)
        kunci_r = _unik(r, pagu_r)
        for p in bulanan:
            kunci_p = _unik(p, _pagu(p))
            pasangan = [(i, kunci_p[key]) for key, i in kunci_r.items() if key in kunci_p]
            if len(pasangan) < _PALING_SEDIKIT:
                continue
            tot_r = [i for i in range(r.n) if r.total[i]]
            tot_p = [j for j in range(p.n) if p.total[j]]
            if len(tot_r) == 1 and len(tot_p) == 1:
                pasangan.append((tot_r[0], tot_p[0]))
            for i, j in sorted(pasangan):
                v = ren.nilai[i]
                if v is None or i in ren.galat:
                    continue
                hasil = _sampai(p, bulan, j)
                if hasil is None:
                    break  # the monthly plan has no column for a month up to the report's: not comparable
                harapan, cols = hasil
                if rupiah(harapan) == rupiah(v):
                    continue
                sel_p = [p.sel(k, j) for k in cols]
                rentang = sel_p[0] if len(sel_p) == 1 else f"{sel_p[0]}:{sel_p[-1]}"
                nama_b, nama_en = _BULAN[bulan - 1].capitalize(), _BULAN_EN[bulan - 1]
                sampai_id = f"Januari s.d. {nama_b}" if bulan > 1 else "Januari"
                sampai_en = f"January to {nama_en}" if bulan > 1 else "January"
                yield ctx.temuan(
                    r, i, r.sel(ren, i),
                    f"Rencana keuangan s.d. {nama_b} {rp(v)} berbeda dengan rencana bulanan di {p.sheet} "
                    f"({rentang}, {sampai_id}) {rp(harapan)}",
                    f"Financial plan to {nama_en} {rp(v)} differs from the monthly plan on {p.sheet} "
                    f"({rentang}, {sampai_en}) {rp(harapan)}",
                    expected=rupiah(harapan), actual=rupiah(v), terkait=[f"{p.sheet}!{rentang}"],
                )
            break  # one monthly plan is the reference
