"""Grids no one designed: Renja-like headers over hostile cells (formula payloads, control characters,
NaN and infinities, huge and negative numbers, dates, booleans, look-alike kode, long text) through the
whole check and every report. The property: no exception, a checked result, strict JSON, no live
formula in the Excel recap, no raw control character on the text report.

A complement to the hand-made cases of this folder, for the hostile corpus no developer has seen."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja_xl.checker import periksa_lembar
from renja_xl.core.config import Konfigurasi
from renja_xl.readers.workbook import lembar_dari_nilai
from renja_xl.reports.excel import TulisExcel
from renja_xl.reports.html import TulisHtml
from renja_xl.reports.json_report import TulisJson
from renja_xl.reports.text import TulisTeks

KEPALA = ["Kode", "No", "Program/Kegiatan/Sub Kegiatan", "Uraian", "Indikator", "Satuan", "Target 2024", "Pagu 2024",
          "Target 2025", "Pagu 2025", "Realisasi", "Anggaran", "% Realisasi", "Fisik (%)", "Keterangan", "Lokasi",
          "Target Renstra", "Realisasi Triwulan I", "Januari", "Nilai DPA", "Sebelum Perubahan", "Setelah Perubahan",
          "1", "2", "=SUM(A1:A9)", "Tingkat Capaian (%)", "K", "Rp", ""]

RACUN = ["=HYPERLINK(\"http://x\",\"klik\")", "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "\x00\x07\x1b[31m",
         "\u202eTXT.EXE", "#REF!", "#DIV/0!", "1.181925", "Rp 1,2,3", "l.06.O1.2.01.0001", "1 | 06", "٣٤٥", "１.06",
         "x" * 5000, "\ud7ff", "2,1", "1.06.01.2.01.0001", "1.06.01", "JUMLAH", "TOTAL", "Persentase layanan", "%",
         "Dokumen", "Lpaoran", "Orang/Bulan", "-", "Rp. 1.185.270,-", "12 Jenis"]

sel = st.one_of(
    st.none(),
    st.sampled_from(RACUN),
    st.text(max_size=40),
    st.integers(min_value=-10**18, max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)


@st.composite
def grid(draw):
    lebar = draw(st.integers(min_value=2, max_value=12))
    kepala = [draw(st.sampled_from(KEPALA)) for _ in range(lebar)]
    judul = [[draw(st.sampled_from(["RENCANA KERJA", "Tabel 4.1", "", "KONDISI S/D 31-01-2024", "\x1b]0;x\x07"]))]]
    kepala2 = [[draw(st.sampled_from(KEPALA)) for _ in range(lebar)]] if draw(st.booleans()) else []
    isi = draw(st.lists(st.lists(sel, min_size=lebar, max_size=lebar), min_size=0, max_size=25))
    return judul + [kepala] + kepala2 + isi


def _laporan(b) -> None:
    out = io.StringIO()
    w = TulisJson(out)
    w.berkas(b)
    w.akhiri()
    json.loads(out.getvalue(), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    teks = io.StringIO()
    w = TulisTeks(teks, warna=False)
    w.berkas(b)
    w.akhiri()
    assert not any(ch in teks.getvalue() for ch in "\x00\x07\x1b")
    html = io.StringIO()
    w = TulisHtml(html)
    w.berkas(b)
    w.akhiri()
    assert "<script>alert" not in html.getvalue()
    xlsx = io.BytesIO()
    w = TulisExcel(xlsx)
    w.berkas(b)
    w.akhiri()
    with zipfile.ZipFile(io.BytesIO(xlsx.getvalue())) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(grid(), min_size=1, max_size=3))
def test_any_grid_is_checked_and_reported_without_a_crash_or_a_live_formula(grids):
    lembar = [lembar_dari_nilai(f"S{i}\x07" if i == 1 else f"Tabel {i}", g) for i, g in enumerate(grids)]
    b = periksa_lembar(lembar, Konfigurasi.bawaan(), "fuzz.xlsx")
    assert b.status == "checked"
    for t in b.findings:
        for v in (t.expected, t.actual):
            assert not (isinstance(v, float) and math.isnan(v))
    _laporan(b)
