"""Synthetic Renja workbooks in the layouts real submissions use, for tests and benchmarks.

A :class:`Renja` is a small tree (programs → kegiatan → sub kegiatan) with consistent pagu; a
:class:`Tata` (layout) says how a plan table is drawn: kode split over 5 or 6 cells or dotted, amounts
as numbers or Indonesian text, header position and depth, merged or not, title rows, start column.
Errors are planted by editing the tree or the rendered cells, so a test knows exactly what to expect.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from renja_xl.core.angka import format_angka

SATUAN = ["Dokumen", "Laporan", "Orang", "Paket", "Unit", "Keluarga", "Kegiatan", "Bulan"]
PROGRAM_NAMES = ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "PROGRAM PEMBERDAYAAN SOSIAL",
                 "PROGRAM REHABILITASI SOSIAL", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", "PROGRAM PENANGANAN BENCANA",
                 "PROGRAM PENGELOLAAN TAMAN MAKAM PAHLAWAN", "PROGRAM PENDIDIKAN", "PROGRAM KESEHATAN"]


@dataclass
class Baris:
    kode: tuple[str, ...]
    uraian: str
    indikator: str
    satuan: str
    target: dict[int, float | int | None]
    pagu: dict[int, int | None]


@dataclass
class Renja:
    bidang: tuple[str, str]
    nama_opd: str
    years: list[int]
    rows: list[Baris] = field(default_factory=list)
    pemda: str = "KABUPATEN LUWU"

    def by_kode(self, dotted: str) -> Baris:
        return next(r for r in self.rows if ".".join(r.kode) == dotted)


def buat_renja(seed: int = 1, n_program: int = 2, n_kegiatan: int = 2, n_sub: int = 3, years=(2024, 2025),
               bidang=("1", "06"), nama_opd="DINAS SOSIAL", pemda="KABUPATEN LUWU") -> Renja:
    """A consistent Renja: every parent's pagu is the sum of its children's."""
    rnd = random.Random(seed)
    r = Renja(bidang, nama_opd, list(years), pemda=pemda)
    subs_by_parent: dict[tuple[str, ...], list[Baris]] = {}
    programs = []
    for p in range(1, n_program + 1):
        pk = (*bidang, f"{p:02d}")
        kegs = []
        for k in range(1, n_kegiatan + 1):
            kk = (*pk, "2", f"{k:02d}")
            subs = []
            for s in range(1, n_sub + 1):
                sat = rnd.choice(SATUAN)
                pagu = {y: rnd.randrange(1_000_000, 900_000_000) for y in years}
                draws = [rnd.randrange(1, 400) for _ in years]
                # a plausible plan: later years stay within half again of the first (no P005 jump)
                target = {y: draws[0] + (d % (draws[0] // 2 + 1) if n else 0) for n, (y, d) in enumerate(zip(years, draws, strict=True))}
                subs.append(Baris((*kk, f"{s:04d}"), f"Sub kegiatan {p}.{k}.{s}", f"Jumlah {sat} yang disediakan {s}",
                                  sat, target, pagu))
            kegs.append(Baris(kk, f"Kegiatan {p}.{k}", f"Persentase capaian kegiatan {p}.{k}", "%",
                              {y: 100 for y in years}, {y: sum(x.pagu[y] for x in subs) for y in years}))
            subs_by_parent[kk] = subs
        prog = Baris(pk, PROGRAM_NAMES[(p - 1) % len(PROGRAM_NAMES)] + ("" if p <= len(PROGRAM_NAMES) else f" {p}"),
                     f"Persentase capaian program {p}", "%", {y: 100 for y in years},
                     {y: sum(k.pagu[y] for k in kegs) for y in years})
        programs.append((prog, kegs))
    top = Baris(bidang, nama_opd, "", "", {y: None for y in years},
                {y: sum(p.pagu[y] for p, _ in programs) for y in years})
    r.rows.append(top)
    for prog, kegs in programs:
        r.rows.append(prog)
        for k in kegs:
            r.rows.append(k)
            r.rows.extend(subs_by_parent[k.kode])
    return r


@dataclass
class Tata:
    """How a plan table is drawn."""

    kode: str = "split6"  # split6 (U|BB|PP|K|KK|SSSS), split5 (U|BB|PP|K.KK|SS), dotted
    teks: bool = False  # amounts as Indonesian text ("Rp 1.185.270,-") instead of numbers
    baris_header: int = 4  # 1-based row of the first header row
    kolom_awal: int = 1  # 1-based column of the table's first column
    gabung: bool = True  # write merged cells for the header (False: like an old .xls without merges)
    dua_tingkat: bool = True  # year over (Target, Pagu), else one header row "Target 2024" …
    judul: list[str] = field(default_factory=lambda: ["TABEL 4.1", "Rencana Program dan Kegiatan Tahun {y0} dan Prakiraan Maju {y1}"])
    nomor_kolom: bool = True
    lokasi: bool = False
    jumlah: bool = False  # a JUMLAH row at the bottom


def _kode_cells(kode: tuple[str, ...], style: str) -> list[str]:
    if style == "dotted":
        return [".".join(kode)]
    if style == "split5":
        segs = list(kode)
        out = segs[:3]
        if len(segs) >= 5:
            out.append(f"{segs[3]}.{segs[4]}")
        if len(segs) == 6:
            out.append(segs[5][-2:])
        return out + [""] * (5 - len(out))
    return list(kode) + [""] * (6 - len(kode))


def _n_kode(style: str) -> int:
    return {"dotted": 1, "split5": 5, "split6": 6}[style]


def _amount(v, teks: bool):
    if v is None:
        return None
    if teks:
        return f"Rp {format_angka(v)},-"
    return v


def tulis_rencana(ws, renja: Renja, tata: Tata, ubah: dict[tuple[str, str], object] | None = None) -> dict[str, str]:
    """Draw the plan table on a worksheet. ``ubah`` replaces cells: {(dotted kode, role): value} with
    role ``pagu YEAR``, ``target YEAR``, ``satuan``, ``kode`` (cells list). Returns {(kode, role): A1}."""
    ubah = ubah or {}
    nk = _n_kode(tata.kode)
    c0 = tata.kolom_awal
    years = renja.years
    r = 1
    for line in tata.judul:
        ws.cell(row=r, column=c0, value=line.format(y0=years[0], y1=years[-1], opd=renja.nama_opd, pemda=renja.pemda))
        r += 1
    r = max(r + 1, tata.baris_header)
    hdr = r
    cols = {"kode": c0}
    c = c0 + nk
    cols["uraian"] = c
    cols["indikator"] = c + 1
    cols["satuan"] = c + 2
    c += 3
    if tata.lokasi:
        cols["lokasi"] = c
        c += 1
    for y in years:
        cols[f"target {y}"] = c
        cols[f"pagu {y}"] = c + 1
        c += 2
    last_col = c - 1
    depth = 2 if tata.dua_tingkat else 1
    ws.cell(row=hdr, column=c0, value="Kode")
    ws.cell(row=hdr, column=cols["uraian"], value="Program/Kegiatan/Sub Kegiatan")
    ws.cell(row=hdr, column=cols["indikator"], value="Indikator Kinerja")
    ws.cell(row=hdr, column=cols["satuan"], value="Satuan")
    if tata.lokasi:
        ws.cell(row=hdr, column=cols["lokasi"], value="Lokasi")
    for y in years:
        if depth == 2:
            ws.cell(row=hdr, column=cols[f"target {y}"], value=f"Tahun {y}")
            ws.cell(row=hdr + 1, column=cols[f"target {y}"], value="Target")
            ws.cell(row=hdr + 1, column=cols[f"pagu {y}"], value="Pagu Indikatif (Rp)")
        else:
            ws.cell(row=hdr, column=cols[f"target {y}"], value=f"Target {y}")
            ws.cell(row=hdr, column=cols[f"pagu {y}"], value=f"Pagu {y} (Rp)")
    if tata.gabung:
        if nk > 1 or depth == 2:
            ws.merge_cells(start_row=hdr, start_column=c0, end_row=hdr + depth - 1, end_column=c0 + nk - 1)
        if depth == 2:
            for key in ("uraian", "indikator", "satuan", "lokasi"):
                if key in cols:
                    ws.merge_cells(start_row=hdr, start_column=cols[key], end_row=hdr + 1, end_column=cols[key])
            for y in years:
                ws.merge_cells(start_row=hdr, start_column=cols[f"target {y}"], end_row=hdr, end_column=cols[f"pagu {y}"])
    r = hdr + depth
    if tata.nomor_kolom:
        n = 1
        ws.cell(row=r, column=c0, value=n)
        for col in range(c0 + nk, last_col + 1):
            n += 1
            ws.cell(row=r, column=col, value=n)
        r += 1
    where: dict[tuple[str, str], str] = {}
    for b in renja.rows:
        dotted = ".".join(b.kode)
        kc = ubah.get((dotted, "kode"), _kode_cells(b.kode, tata.kode))
        for i, v in enumerate(kc):
            if v != "":
                ws.cell(row=r, column=c0 + i, value=v)
        where[(dotted, "kode")] = f"{get_column_letter(c0)}{r}"
        ws.cell(row=r, column=cols["uraian"], value=b.uraian)
        if b.indikator:
            ws.cell(row=r, column=cols["indikator"], value=b.indikator)
        sat = ubah.get((dotted, "satuan"), b.satuan)
        if sat:
            ws.cell(row=r, column=cols["satuan"], value=sat)
        where[(dotted, "satuan")] = f"{get_column_letter(cols['satuan'])}{r}"
        if tata.lokasi and len(b.kode) == 6:
            ws.cell(row=r, column=cols["lokasi"], value="Kab. Luwu")
        for y in years:
            for role, val in ((f"target {y}", b.target.get(y)), (f"pagu {y}", b.pagu.get(y))):
                v = ubah.get((dotted, role), val if role.startswith("target") else _amount(val, tata.teks))
                if v is not None:
                    ws.cell(row=r, column=cols[role], value=v)
                where[(dotted, role)] = f"{get_column_letter(cols[role])}{r}"
        r += 1
    if tata.jumlah:
        ws.cell(row=r, column=cols["uraian"], value="JUMLAH")
        for y in years:
            top = renja.rows[0].pagu[y]
            v = ubah.get(("JUMLAH", f"pagu {y}"), _amount(top, tata.teks))
            ws.cell(row=r, column=cols[f"pagu {y}"], value=v)
            where[("JUMLAH", f"pagu {y}")] = f"{get_column_letter(cols[f'pagu {y}'])}{r}"
    return where


def simpan(path: Path, sheets: list[tuple[str, Renja, Tata, dict | None]]) -> dict[tuple[str, str, str], str]:
    """Write a workbook with one plan table per sheet; returns {(sheet, kode, role): A1}."""
    wb = Workbook()
    wb.remove(wb.active)
    out = {}
    for name, renja, tata, ubah in sheets:
        ws = wb.create_sheet(name)
        for k, a1 in tulis_rencana(ws, renja, tata, ubah).items():
            out[(name, *k)] = a1
    wb.save(path)
    return out


# --- a synthetic province of submissions (benchmarks/bench_batch.py, tests with small numbers) -----

_JUDUL_VARIAN = [
    ["TABEL 4.1", "RENCANA PROGRAM DAN KEGIATAN {opd} {pemda}", "TAHUN {y0} DAN PRAKIRAAN MAJU {y1}"],
    ["RENJA {opd}", "{pemda}", "TAHUN ANGGARAN {y0}"],
    ["Tabel 4.2 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {y0} dan Prakiraan Maju Tahun {y1}",
     "{pemda}", "Nama Perangkat Daerah : {opd}"],
    ["RENCANA KERJA PERUBAHAN {opd} {pemda} TAHUN {y0}"],
    ["Renja {opd} Tahun {y0}"],  # no pemda in the title: the folder name says it
]


@dataclass
class Kiriman:
    """One generated submission and what it should be identified as."""

    path: Path
    pemda: str
    opd: str
    bidang: str
    dokumen: str
    baris: int


def _slug(text: str) -> str:
    return "_".join(text.lower().replace("/", " ").replace(",", " ").split())


def _ukuran(rnd: random.Random, target: int) -> tuple[int, int, int]:
    """Programs, kegiatan per program and sub kegiatan per kegiatan giving about ``target`` rows."""
    p = rnd.randint(1, 8)
    k = rnd.randint(1, 6)
    s = max(1, round(((target - 1) / p - 1) / k - 1))
    return p, k, s


def buat_provinsi(folder: Path, n_pemda: int, n_opd: int, seed: int = 1, baris: tuple[int, int] = (50, 600),
                  years=(2025, 2026)) -> list[Kiriman]:
    """Write ``n_pemda`` × ``n_opd`` submissions under ``folder/<pemda>/<office file>.xlsx`` in the
    layouts real submissions come in (split or dotted kode, amounts as text, header position and
    depth, merges or none, 1–3 title rows, start column, a second plan table, location and JUMLAH
    columns), 50–600 rows each, about half with planted mistakes. Deterministic for a seed.
    ``.xls`` copies are made separately (:func:`ke_xls`, one LibreOffice call)."""
    from renja_xl.core.identitas import OPD_BIDANG, PEMDA_SULSEL

    rnd = random.Random(seed)
    pemdas = list(PEMDA_SULSEL)
    while len(pemdas) < n_pemda:
        pemdas.append(f"Kabupaten Uji {len(pemdas) + 1}")
    opds = list(OPD_BIDANG.items())
    out: list[Kiriman] = []
    for i_p, pemda in enumerate(pemdas[:n_pemda]):
        style = i_p % 3
        pemda_dir = {0: _slug(pemda.replace("Kabupaten", "kab")), 1: pemda, 2: pemda.upper().replace(" ", "_")}[style]
        for i_o in range(n_opd):
            bidang, opd = opds[i_o % len(opds)]
            if i_o >= len(opds):
                opd = f"{opd} {i_o // len(opds) + 1}"
            target = rnd.randint(*baris)
            p, k, s = _ukuran(rnd, target)
            renja = buat_renja(seed=rnd.randrange(1 << 30), n_program=p, n_kegiatan=k, n_sub=s, years=years,
                               bidang=tuple(bidang.split(".")), nama_opd=opd.upper(), pemda=pemda.upper())
            judul = rnd.choice(_JUDUL_VARIAN)
            perubahan = "PERUBAHAN" in judul[0]
            if len(judul) == 1 and rnd.random() < 0.5:
                judul = judul + ["(dokumen kiriman perangkat daerah)"]
            tata = Tata(kode=rnd.choice(["split6", "split5", "dotted"]), teks=rnd.random() < 0.3,
                        baris_header=rnd.randint(3, 12), kolom_awal=rnd.randint(1, 3), gabung=rnd.random() < 0.7,
                        dua_tingkat=rnd.random() < 0.7, judul=judul, nomor_kolom=rnd.random() < 0.7,
                        lokasi=rnd.random() < 0.3, jumlah=rnd.random() < 0.3)
            ubah: dict = {}
            subs = [b for b in renja.rows if len(b.kode) == 6]
            kegs = [b for b in renja.rows if len(b.kode) == 5]
            if rnd.random() < 0.5:  # planted mistakes: a wrong pagu, a typo in a unit, a broken kode
                keg = rnd.choice(kegs)
                ubah[(".".join(keg.kode), f"pagu {years[0]}")] = (keg.pagu[years[0]] or 0) + rnd.randint(1, 999)
                ubah[(".".join(rnd.choice(subs).kode), "satuan")] = rnd.choice(["Lpaoran", "Dok", "Kelaurga", "Org"])
                if rnd.random() < 0.3 and tata.kode != "dotted":
                    sub = rnd.choice(subs)
                    cells = _kode_cells(sub.kode, tata.kode)
                    cells[len([c for c in cells if c]) - 1] = "##"
                    ubah[(".".join(sub.kode), "kode")] = cells
            sheets = [("Tabel 4.1", renja, tata, ubah)]
            if rnd.random() < 0.4:  # the same plan again as Tabel 4.2, one target changed
                sub = rnd.choice(subs)
                sheets.append(("Tabel 4.2", renja, Tata(kode=tata.kode, judul=["TABEL 4.2"], lokasi=True),
                               {(".".join(sub.kode), f"target {years[0]}"): (sub.target[years[0]] or 0) + 1}))
            name = rnd.choice([f"{_slug(OPD_SINGKAT_UJI.get(bidang, opd))}_{years[0]}",
                               f"Renja {opd} {years[0]}", f"RENJA{'-P' if perubahan else ''} {opd.upper()}"])
            path = folder / pemda_dir / f"{i_o + 1:02d} {name}.xlsx"
            path.parent.mkdir(parents=True, exist_ok=True)
            simpan(path, sheets)
            out.append(Kiriman(path, pemda, opd, bidang, "Renja Perubahan" if perubahan else "Renja", len(renja.rows)))
    return out


OPD_SINGKAT_UJI = {"1.06": "dinsos", "1.02": "dinkes", "1.01": "disdik", "1.03": "dpupr", "2.15": "dishub",
                   "5.01": "bappeda", "5.02": "bpkad", "2.11": "dlh"}


def ke_xls(paths: list[Path], soffice_exe: str, profile: Path, outdir: Path) -> list[Path]:
    """Convert ``paths`` to ``.xls`` with one LibreOffice call; each ``.xlsx`` is replaced by its
    ``.xls`` (a file LibreOffice did not convert stays as it was). Returns the new paths."""
    import os
    import shutil
    import subprocess

    if not paths:
        return []
    staging = outdir / "masuk"
    staging.mkdir(parents=True, exist_ok=True)
    staged = []
    for i, p in enumerate(paths):  # unique names: offices in different folders share file names
        s = staging / f"{i:05d}.xlsx"
        shutil.copyfile(p, s)
        staged.append(s)
    env = dict(os.environ, HOME=str(profile))
    subprocess.run([soffice_exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xls", "--outdir", str(outdir), *map(str, staged)],
                   check=True, capture_output=True, timeout=1800, env=env)
    out = []
    for p, s in zip(paths, staged, strict=True):
        made = outdir / (s.stem + ".xls")
        if not made.is_file():
            continue  # LibreOffice skips a file now and then in a long call (4 of 250 once): it stays .xlsx
        target = p.with_suffix(".xls")
        made.replace(target)
        p.unlink()
        out.append(target)
    shutil.rmtree(staging)
    return out
