"""Build the Excel workbooks staff work in: ``workbooks/renja_master.xlsm`` (the filled sample) and
``workbooks/renja_template.xlsm`` (the same workbook, blank, ready for an office to fill).

    python workbooks/build_master.py [--out FOLDER] [--check]

What the master contains (everything derived, nothing typed by hand):

* the Renja tables of ``renja_dinsos_luwu_2024.xlsx`` (Tabel 4.1, 4.2, 2.1, 2.2 and the realisation
  table) with their layout, print setup (A4 landscape, header rows repeated) and every real mistake
  of the document kept — except that an amount typed as text whose meaning is certain
  (``14.400.000,``, ``Rp. 1.185.270,-``) is stored as the number it means, as a template should
  hold it; ambiguous text (``1.181925``) stays as typed for the Validasi button to find;
* every parent pagu (kegiatan, program, perangkat daerah) as a live ``SUM`` over its child rows,
  found by kode (:mod:`renja_xl.xl.rollup`, the same code as the Hitung Ulang Rollup button);
* the capaian columns (Tabel 2.1 columns 8 and 11, % realisasi keuangan) as formulas over the
  ``RENJA_*`` functions, guarded so that anything but a number from the function (an error, or the
  error *text* xlwings returns when Python fails) gives the same ratio in plain Excel: the numbers
  show where Python or macros are not available (another office, LibreOffice, a broken install);
* the values of all those formulas as computed by the core, written into the file as cached
  values, and no ``fullCalcOnLoad``: readers that do not calculate (python-calamine, our checker)
  see the numbers Excel shows, and opening the file does not start Python;
* ``Beranda`` (instructions, four buttons), ``Pengecualian``, ``Satuan`` (feeds the satuan
  dropdowns), ``Pemasangan`` (where Periksa Pemasangan answers) and the hidden ``xlwings.conf``
  (only keys that have a value);
* the VBA project: ``macros/*.bas``, the standalone xlwings module, the generated ``RENJA_*``
  wrappers, and one document module per sheet plus ThisWorkbook (``workbooks/vba_project.py``).

The template is built from the same seed and the same code: the same sheets, header rows, column
formats, capaian formulas, buttons, dropdowns and VBA project, with the data rows left empty and
no name of the sample's pemda or perangkat daerah.

The same sources give the same bytes (fixed times, fixed zip order, fixed VBA project id and
seed). ``--check`` rebuilds both into a temporary folder and fails when either differs from the
committed file. The build needs the test extra (``pip install -e ".[test]"``: ms-ovba, oletools).
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from copy import copy
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from openpyxl import load_workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.utils import column_index_from_string, get_column_letter  # noqa: E402
from openpyxl.workbook.properties import CalcProperties  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402

from build_seed import FIXED_TIME, normalise_zip  # noqa: E402
from renja_xl.core.capaian import capaian, tingkat_realisasi  # noqa: E402
from renja_xl.core.satuan import kamus_bawaan  # noqa: E402
from renja_xl.readers import baca_berkas, baca_lembar, lembar_dari_nilai  # noqa: E402
from renja_xl.xl import (  # noqa: E402
    SHEET_BERANDA,
    SHEET_CONF,
    SHEET_PEMASANGAN,
    SHEET_PENGECUALIAN,
    SHEET_SATUAN,
)
from renja_xl.xl.rollup import rumus_rollup  # noqa: E402
from vba_project import Modul, bangun_proyek  # noqa: E402

SEED = HERE / "renja_dinsos_luwu_2024.xlsx"
OUT = HERE / "renja_master.xlsm"
OUT_TEMPLATE = HERE / "renja_template.xlsm"
MACROS = ROOT / "macros"
TABEL = ["Tabel 4.1", "Tabel 4.2", "Tabel 2.1", "Tabel 2.2", "Realisasi 2024"]
UDF_MODULE = "renja_xl.udf"
VML_PATH = "xl/drawings/vmlDrawing1.vml"

TITLE_FONT = Font(bold=True, size=14)
HEAD_FONT = Font(bold=True, size=11)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")

# The buttons of Beranda: (macro in macros/Renja.bas, caption, explanation).
TOMBOL = [
    ("Validasi", "Validasi",
     "Memeriksa seluruh workbook dengan aturan renja-xl. Hasilnya di sheet Hasil Validasi (ringkasan, "
     "satu baris per temuan dengan tautan ke sel dan ke penjelasan aturannya). Sel yang salah diberi "
     "warna (merah: galat, kuning: peringatan, biru: info) dan catatan. Tidak ada nilai yang diubah; "
     "menekan lagi tidak menggandakan tanda."),
    ("HitungUlangRollup", "Hitung Ulang Rollup",
     "Menulis ulang pagu setiap kegiatan, program dan perangkat daerah sebagai rumus SUM atas baris "
     "anaknya, dicari menurut kode - perlu setelah baris disisipkan, dihapus atau dipindah. Setiap sel "
     "yang berubah dicatat (rumus lama -> baru) di sheet Hasil Validasi, kolom L dan seterusnya."),
    ("BersihkanTanda", "Bersihkan Tanda",
     "Menghapus warna dan catatan yang ditambahkan Validasi dan mengembalikan warna serta catatan "
     "sebelumnya. Isi sel tidak disentuh."),
    ("PeriksaPemasangan", "Periksa Pemasangan",
     "Tekan ini pertama kali, dan setiap kali tombol lain atau fungsi RENJA_ tidak berjalan. Hasilnya di "
     "sheet Pemasangan: Python mana yang dijalankan Excel, apakah versi xlwings di workbook dan di Python "
     "sama, apakah renja-xl terpasang, dari mana pengaturan (renja-xl.toml, xlwings.conf) dan nomenklatur "
     "dibaca - dan untuk setiap masalah, apa yang harus dilakukan."),
]

# The capaian columns: the function through Python, else the same ratio in plain Excel. "+0" turns
# anything that is not a number into #VALUE!: an error (macros off: #NAME?), the error *text*
# xlwings' wrapper returns when Python fails, and the empty text the function gives for no value —
# then the plain ratio decides (empty unless both cells are numbers and the target is not 0).
RUMUS_RASIO = ('=IFERROR({fn}({r},{t})+0,IF(AND(ISNUMBER({r}),ISNUMBER({t})),'
               'IF({t}=0,"",{r}/{t}*100),""))')

# Excel recalculates every formula on opening a file whose calcId is lower than its own engine's
# (openpyxl writes Excel 2007's 124519): that would start Python for every RENJA_ cell and make
# Excel ask "Save changes?" on close. 191029 is the engine of Excel 2019/2021/365.
CALC_ID = 191029

# Empty rows of each table in the template (room to fill; more can be inserted).
BARIS_TEMPLATE = {"Tabel 4.1": 80, "Tabel 4.2": 80, "Tabel 2.1": 60, "Tabel 2.2": 30, "Realisasi 2024": 50}


# --- cells ----------------------------------------------------------------------------------------

def angka_teks_ke_angka(wb, tables) -> list[tuple[str, str, str]]:
    """Store each amount typed as text whose meaning is certain as the number it means."""
    changed: list[tuple[str, str, str]] = []
    for t in tables:
        if t.sheet not in wb.sheetnames:
            continue
        ws = wb[t.sheet]
        for k in t.angka.values():
            for i, raw in sorted(k.mentah.items()):
                v = k.nilai[i]
                if not isinstance(raw, str) or v is None or i in k.galat:
                    continue
                a1 = t.sel(k, i)
                cell = ws[a1]
                cell.value = int(v) if float(v).is_integer() else float(v)
                if i in k.persen:
                    cell.number_format = '0" %"' if float(v).is_integer() else '0.00" %"'
                elif float(v).is_integer() and abs(v) >= 1000:
                    cell.number_format = "#,##0"
                else:
                    cell.number_format = "General"
                changed.append((t.sheet, a1, raw))
    return changed


def baca_ulang(wb, nama: str):
    """The tables of the workbook as it is now in memory (values only, with its merged ranges)."""
    grids = []
    for ws in wb.worksheets:
        if ws.title not in TABEL:
            continue
        values = [[c.value for c in row] for row in ws.iter_rows()]
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        grids.append(lembar_dari_nilai(ws.title, values, 0, 0, merges))
    return baca_lembar(grids, nama).tables


def pasang_rollup(wb, tables, cached: dict) -> int:
    hasil = rumus_rollup(tables)
    for r in hasil.rumus:
        wb[r.sheet][r.cell].value = r.rumus
        cached[(r.sheet, r.cell)] = r.nilai
    return len(hasil.rumus)


def spesifikasi_capaian(t) -> list[tuple[str, str, str, str, object]]:
    """(function, result column, realisasi column, target column, core formula) of a table's
    capaian columns: Tabel 2.1 columns 8 (7/6) and 11 (10/4), the realisation table's % keuangan."""
    cols = t.columns
    specs: list[tuple[str, str, str, str, object]] = []
    if t.kind == "evaluasi":
        if {"kolom 8", "kolom 7", "kolom 6"} <= cols.keys():
            specs.append(("RENJA_TINGKAT_REALISASI", cols["kolom 8"], cols["kolom 7"], cols["kolom 6"], tingkat_realisasi))
        if {"kolom 11", "kolom 10", "kolom 4"} <= cols.keys():
            specs.append(("RENJA_CAPAIAN", cols["kolom 11"], cols["kolom 10"], cols["kolom 4"], capaian))
    elif t.kind == "realisasi" and {"capaian_rp", "realisasi_rp", "pagu"} <= cols.keys():
        specs.append(("RENJA_TINGKAT_REALISASI", cols["capaian_rp"], cols["realisasi_rp"], cols["pagu"], tingkat_realisasi))
    return specs


def _rumus_rasio(ws, fn: str, out_col: str, r_col: str, t_col: str, row: int) -> tuple[str, str, str, str]:
    r_a1, t_a1, out_a1 = f"{r_col}{row}", f"{t_col}{row}", f"{out_col}{row}"
    cell = ws[out_a1]
    cell.value = RUMUS_RASIO.format(fn=fn, r=r_a1, t=t_a1)
    cell.number_format = "0.00"
    return out_a1, r_a1, t_a1, cell.value


def pasang_capaian(wb, tables, cached: dict) -> int:
    """The capaian formulas on every row of the master's tables, with the core's values cached."""
    n = 0
    for t in tables:
        ws = wb[t.sheet]
        specs = spesifikasi_capaian(t)
        if not specs:
            continue
        for i in range(t.n):
            if t.total[i]:
                continue
            values = {t.sel(k, i): k.nilai[i] for k in t.angka.values()}
            for fn, out_col, r_col, t_col, core in specs:
                out_a1, r_a1, t_a1, _ = _rumus_rasio(ws, fn, out_col, r_col, t_col, t.baris[i])
                r_cell, t_cell = ws[r_a1].value, ws[t_a1].value
                # What Excel computes: the fallback reads numbers only, the function the same cells
                # through the core (which, in this workbook, holds no readable text in these columns).
                r_num = r_cell if isinstance(r_cell, (int, float)) and not isinstance(r_cell, bool) else None
                t_num = t_cell if isinstance(t_cell, (int, float)) and not isinstance(t_cell, bool) else None
                if (values.get(r_a1) is not None and r_num is None) or (values.get(t_a1) is not None and t_num is None):
                    raise AssertionError(f"{t.sheet}!{out_a1}: masukan teks yang terbaca sebagai angka tersisa")
                cached[(t.sheet, out_a1)] = core(r_num, t_num)
                n += 1
    return n


# --- row heights ---------------------------------------------------------------------------------

def _baris_teks(text: str, lebar: float, sz: float, tebal: bool) -> int:
    """Lines a wrapped text takes in a cell ``lebar`` characters wide (a character width is Calibri
    11's digit; the average letter is about as wide, bold and larger fonts wider)."""
    per = max(1.0, lebar * 11.0 / sz * (0.9 if tebal else 1.0))
    return sum(max(1, -(-len(seg) // int(per))) for seg in str(text).split("\n"))


def atur_tinggi_baris(ws, dari: int) -> int:
    """Give every row from ``dari`` down whose height the seed left open a height that shows its
    wrapped texts whole. Excel does not fit rows when it opens a file (and LibreOffice does not
    either for .xlsx), so a long uraian would be cut off or run over the row below. Returns the
    number of rows set."""
    lebar = {k: (v.width or 9.0) for k, v in ws.column_dimensions.items()}

    def w(col: int) -> float:
        return lebar.get(get_column_letter(col), 9.0)

    gabung = {}
    for m in ws.merged_cells.ranges:
        gabung[(m.min_row, m.min_col)] = m
    perlu: dict[int, float] = {}
    for row in ws.iter_rows(min_row=dari):
        for c in row:
            if c.data_type != "s" or not isinstance(c.value, str) or not c.value.strip() or not c.alignment.wrap_text:
                continue
            m = gabung.get((c.row, c.column))
            cols = range(m.min_col, m.max_col + 1) if m else [c.column]
            last = m.max_row if m else c.row
            sz = float(c.font.sz or 11)
            tinggi = _baris_teks(c.value, sum(w(x) for x in cols), sz, bool(c.font.b)) * sz * 1.3 + 0.7
            above = sum(ws.row_dimensions[r].height or 15.0 for r in range(c.row, last))
            perlu[last] = max(perlu.get(last, 15.0), tinggi - above)
    n = 0
    for r, h in perlu.items():
        dim = ws.row_dimensions[r]
        if dim.customHeight or h <= 15.0:
            continue
        dim.height = round(h * 4) / 4  # whole pixels (0.75 pt)
        n += 1
    return n


# --- the blank template ----------------------------------------------------------------------------

# The sample's names in the title rows, and what the template says instead.
NAMA_CONTOH = [
    (r"PROPINSI SULAWESI SELATAN", "PROVINSI [PROVINSI]"),
    (r"Kabupaten Luwu", "[Kabupaten/Kota]"),
    (r"Dinas Sosial", "[Nama Perangkat Daerah]"),
]
KETERANGAN_CONTOH = re.compile(r"^\(ditranskripsi dari .*\)$")


def _ganti_nama(text: str) -> str:
    for pola, ganti in NAMA_CONTOH:
        def sama_huruf(m: re.Match, ganti: str = ganti) -> str:
            return ganti.upper() if m.group(0).isupper() else ganti
        text = re.sub(pola, sama_huruf, text, flags=re.I)
    return text


def kosongkan(wb, tables, cached: dict) -> dict[str, tuple[int, int]]:
    """Turn the sample into the template: every table keeps its title and header rows (the sample's
    names replaced), its data rows become empty rows formatted like a sub kegiatan row of the
    sample, and the capaian columns hold their formulas on every empty row. Returns, per sheet,
    the first and last empty row."""
    out: dict[str, tuple[int, int]] = {}
    for t in tables:
        ws = wb[t.sheet]
        for row in ws.iter_rows(min_row=1, max_row=t.first_row - 1):
            for c in row:
                if isinstance(c.value, str):
                    c.value = None if KETERANGAN_CONTOH.match(c.value.strip()) else _ganti_nama(c.value)
        model = t.last_row  # a sub kegiatan (or last indicator) row: the plain style of a data row
        ncol = ws.max_column
        gaya = {c: (copy(ws.cell(model, c)._style), ws.cell(model, c).number_format) for c in range(1, ncol + 1)}
        for m in [m for m in ws.merged_cells.ranges if m.max_row >= t.first_row]:
            ws.unmerge_cells(str(m))
        ws.delete_rows(t.first_row, ws.max_row - t.first_row + 1)
        for r in [r for r in ws.row_dimensions if r >= t.first_row]:
            del ws.row_dimensions[r]
        n = BARIS_TEMPLATE[t.sheet]
        first, last = t.first_row, t.first_row + n - 1
        teks = set(_kolom(t.columns.get("kode", "")))
        teks |= {h for k, h in t.columns.items() if k in ("uraian", "indikator", "lokasi") or k.startswith("satuan")}
        for r in range(first, last + 1):
            for c in range(1, ncol + 1):
                cell = ws.cell(r, c)
                cell._style = copy(gaya[c][0])
                if get_column_letter(c) in teks:
                    cell.number_format = "@"  # kode such as 06 or 2.01 stays as typed
        for fn, out_col, r_col, t_col, _core in spesifikasi_capaian(t):
            for r in range(first, last + 1):
                out_a1, *_ = _rumus_rasio(wb[t.sheet], fn, out_col, r_col, t_col, r)
                cached[(t.sheet, out_a1)] = ""
        if ws.print_area:
            ws.print_area = f"A1:{get_column_letter(ncol)}{last}"
        out[t.sheet] = (first, last)
    return out


def _kolom(spec: str) -> list[str]:
    """``"A:F"`` → ``["A", …, "F"]``; ``"A"`` → ``["A"]``; ``""`` → ``[]``."""
    if not spec:
        return []
    a, _, b = spec.partition(":")
    b = b or a
    return [get_column_letter(i) for i in range(column_index_from_string(a), column_index_from_string(b) + 1)]


# --- extra sheets ---------------------------------------------------------------------------------

FUNGSI_BERANDA = [
    ("RENJA_CAPAIAN(realisasi; target; [polaritas])",
     "Capaian %: realisasi/target x 100; polaritas \"negatif\" untuk indikator yang makin kecil makin baik "
     "((2 x target - realisasi)/target x 100, atau \"t/r\", \"(t-r)/t\"). Target 0 atau kosong: hasil kosong."),
    ("RENJA_TINGKAT_REALISASI(realisasi; target)", "Tingkat realisasi %: realisasi/target x 100 (kolom 8 dan 11 Tabel 2.1)."),
    ("RENJA_PREDIKAT(capaian; [skala])",
     "Predikat: >=91 Sangat Tinggi, >=76 Tinggi, >=66 Sedang, >=51 Rendah, <51 Sangat Rendah; skala "
     "\"berhasil\" atau tabel dua kolom (batas bawah, predikat)."),
    ("RENJA_ANGKA(teks)", "Angka dari teks notasi Indonesia: \"Rp. 1.185.270,-\" -> 1185270; teks ambigu (1.181925) -> kosong."),
    ("RENJA_SATUAN(teks)", "Satuan baku: Dok -> Dokumen, Lpaoran -> Laporan, OB -> Orang/bulan."),
    ("RENJA_TERBILANG(angka)", "Rupiah dengan huruf: 1185270 -> satu juta seratus delapan puluh lima ribu dua ratus tujuh puluh rupiah."),
    ("RENJA_NOMENKLATUR(kode; [berkas])",
     "Nama resmi sub kegiatan/kegiatan/program menurut nomenklatur Kepmendagri. Berkas lampiran ditunjuk dengan "
     "nomenklatur = \"...\" di renja-xl.toml di samping workbook (atau argumen berkas); kode yang tidak ada: kosong."),
    ("RENJA_SATUAN_BAKU(kode; [berkas])", "Satuan yang ditetapkan nomenklatur untuk sub kegiatan (berkas seperti RENJA_NOMENKLATUR)."),
]

# Beranda's layout, fixed so the buttons' VML position can be computed from it (Excel and the VML
# must agree): column widths in characters, row heights in points (multiples of 0.75 pt = 1 px).
# The buttons sit in column A, so their place does not depend on how an application turns a stored
# column width into pixels (LibreOffice and Excel differ there).
LEBAR_BERANDA = {"A": 44, "B": 92}
BARIS_TOMBOL_PERTAMA = 5
TINGGI_TOMBOL = 52.5  # the row of a button (70 px)
TINGGI_JEDA = 7.5  # the row between two buttons (10 px)
TOMBOL_LEBAR_PX, TOMBOL_KIRI_PX, TOMBOL_ATAS_PX = 176, 8, 8


def _tinggi(*texts: tuple[str, float]) -> float:
    """A row height (pt) that shows wrapped texts whole: (text, characters per line) each."""
    lines = max(max(1, -(-len(t) // int(per))) for t, per in texts)
    return 15.0 * lines


def lembar_beranda(wb, kosong: bool) -> None:
    ws = wb.create_sheet(SHEET_BERANDA, 0)
    ws.sheet_properties.tabColor = "1F4E78"
    for col, w in LEBAR_BERANDA.items():
        ws.column_dimensions[col].width = w
    if kosong:
        ws["A1"] = "Renja - template kosong"
        intro = ("Isi data Renja perangkat daerah Anda di sheet Tabel 4.1, Tabel 4.2, Tabel 2.1, Tabel 2.2 dan "
                 "Realisasi 2024, ganti nama perangkat daerah dan kabupaten/kota di judul setiap tabel, lalu tekan "
                 "tombol di bawah. Contoh yang sudah terisi: renja_master.xlsm.")
    else:
        ws["A1"] = "Renja Master - contoh: Dinas Sosial Kabupaten Luwu"
        intro = ("Contoh: Renja Perubahan 2024 dengan semua kesalahan aslinya. Isi atau tempel data Anda di sheet "
                 "Tabel 4.1, Tabel 4.2, Tabel 2.1, Tabel 2.2 dan Realisasi 2024, lalu tekan tombol di bawah. "
                 "Untuk mulai dari kosong: renja_template.xlsm.")
    ws["A1"].font = TITLE_FONT
    ws.row_dimensions[1].height = 24
    ws["A2"] = intro
    ws["A2"].alignment = WRAP
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = _tinggi((intro, 150))
    ws.row_dimensions[3].height = 15
    ws["A4"] = "Tombol"
    ws["A4"].font = HEAD_FONT
    ws.row_dimensions[4].height = 18
    row = BARIS_TOMBOL_PERTAMA
    for i, (_macro, _caption, text) in enumerate(TOMBOL):
        ws.cell(row=row, column=2, value=text).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[row].height = TINGGI_TOMBOL
        if i < len(TOMBOL) - 1:
            ws.row_dimensions[row + 1].height = TINGGI_JEDA
        row += 2
    sebelum = [
        ("1.", "Berkas dari email, browser atau flashdisk diblokir makronya oleh Windows: klik kanan berkas -> "
               "Properties -> centang Unblock -> OK (untuk zip: buka blokir zip-nya sebelum diekstrak). Buka, klik "
               "Enable Editing lalu Enable Content. Simpan selalu sebagai .xlsm (Excel Macro-Enabled Workbook)."),
        ("2.", "Di komputer perlu Python dan paket renja-xl (docs/excel-windows.md). Tekan Periksa Pemasangan: "
               "sheet Pemasangan menyebutkan apa yang belum beres dan cara memperbaikinya."),
        ("3.", "Pagu induk (kegiatan, program, perangkat daerah) adalah rumus SUM atas baris anaknya. Setelah "
               "mengisi kode dan pagu, atau menyisipkan, menghapus, memindah baris, tekan Hitung Ulang Rollup."),
        ("4.", "Kolom satuan memakai daftar di sheet Satuan (tambahkan satuan daerah Anda dengan menyisipkan baris "
               "di dalam daftar). Penyimpangan yang diterima ditulis di sheet Pengecualian (Aturan, Kode, Alasan)."),
        ("5.", "Pengaturan Python untuk tombol dan fungsi ada di sheet tersembunyi xlwings.conf dan di "
               "%USERPROFILE%\\.xlwings\\xlwings.conf (Interpreter_Win): lihat docs/excel-windows.md bagian 4."),
    ]
    row += 0
    ws.cell(row=row, column=1, value="Sebelum mulai").font = HEAD_FONT
    row += 1
    for left, right in sebelum:
        ws.cell(row=row, column=1, value=left).alignment = Alignment(vertical="top", horizontal="right")
        ws.cell(row=row, column=2, value=right).alignment = WRAP
        ws.row_dimensions[row].height = _tinggi((right, 100))
        row += 1
    row += 1
    ws.cell(row=row, column=1, value="Fungsi lembar kerja (kategori Renja)").font = HEAD_FONT
    row += 1
    for left, right in FUNGSI_BERANDA:
        c = ws.cell(row=row, column=1, value=left)  # the function's form, not a formula
        c.font = Font(name="Consolas", size=10)
        c.alignment = Alignment(vertical="top", wrap_text=True)
        ws.cell(row=row, column=2, value=right).alignment = WRAP
        ws.row_dimensions[row].height = _tinggi((left, 42), (right, 100))
        row += 1
    row += 1
    akhir = ("Semua fungsi menerima satu sel atau rentang (hasil rentang tumpah ke sel di bawah/samping). Kolom "
             "capaian di Tabel 2.1 dan Realisasi 2024 sudah memakai fungsi ini; tanpa Python, tanpa makro, atau bila "
             "fungsinya gagal, angkanya tetap tampil (rumus cadangan).")
    c = ws.cell(row=row, column=1, value=akhir)
    c.font = Font(italic=True)
    c.alignment = WRAP
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.row_dimensions[row].height = _tinggi((akhir, 150))
    _cetak(ws, f"A1:B{row}")
    ws.legacy_drawing = VML_PATH


def px_kolom(width: float, mdw: int = 7) -> int:
    """A column's width in pixels from its stored width (ECMA-376 18.3.1.13; Calibri 11: 7 px digits)."""
    return int(((256 * width + int(128 / mdw)) / 256) * mdw)


def px_baris(height_pt: float) -> int:
    return round(height_pt * 96 / 72)


def jangkar_tombol(ws) -> list[tuple[int, int, int, int, int, int, int, int]]:
    """Each button's anchor (column, x offset px, row, y offset px, column, x px, row, y px; 0-based):
    inside column A of its row, with a margin."""
    out = []
    for i in range(len(TOMBOL)):
        r = BARIS_TOMBOL_PERTAMA - 1 + 2 * i
        h = px_baris(ws.row_dimensions[r + 1].height)
        out.append((0, TOMBOL_KIRI_PX, r, TOMBOL_ATAS_PX, 0, TOMBOL_KIRI_PX + TOMBOL_LEBAR_PX, r, h - TOMBOL_ATAS_PX))
    return out


def vml_tombol(ws) -> str:
    """The form buttons of Beranda as a legacy VML drawing (survives openpyxl round trips). The
    shape's position and size (points) are computed from its cell anchor and Beranda's column widths
    and row heights, so both descriptions put the button at the same place."""
    lebar = [px_kolom(ws.column_dimensions[get_column_letter(c)].width) for c in range(1, 3)]
    shapes = []
    for i, ((macro, caption, _text), a) in enumerate(zip(TOMBOL, jangkar_tombol(ws), strict=True)):
        c0, dx0, r0, dy0, c1, dx1, r1, dy1 = a
        left = sum(lebar[:c0]) + dx0
        top = sum(px_baris(ws.row_dimensions[r].height) for r in range(1, r0 + 1)) + dy0
        width = sum(lebar[:c1]) + dx1 - left
        height = sum(px_baris(ws.row_dimensions[r].height) for r in range(1, r1 + 1)) + dy1 - top

        def pt(px: int) -> str:
            return f"{px * 0.75:g}pt"

        shapes.append(
            f' <v:shape id="_x0000_s{1025 + i}" type="#_x0000_t201" style=\'position:absolute;'
            f'margin-left:{pt(left)};margin-top:{pt(top)};width:{pt(width)};height:{pt(height)};z-index:{i + 1};'
            f'mso-wrap-style:tight\' o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]" '
            'o:insetmode="auto">\n'
            '  <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>\n'
            '  <o:lock v:ext="edit" rotation="t"/>\n'
            "  <v:textbox style='mso-direction-alt:auto' o:singleclick=\"f\">\n"
            f"   <div style='text-align:center'><font face=\"Calibri\" size=\"220\" color=\"#000000\"><b>{caption}</b></font></div>\n"
            "  </v:textbox>\n"
            '  <x:ClientData ObjectType="Button">\n'
            f"   <x:Anchor>{', '.join(str(x) for x in a)}</x:Anchor>\n"
            "   <x:PrintObject>False</x:PrintObject>\n"
            "   <x:AutoFill>False</x:AutoFill>\n"
            f"   <x:FmlaMacro>[0]!{macro}</x:FmlaMacro>\n"
            "   <x:TextHAlign>Center</x:TextHAlign>\n"
            "   <x:TextVAlign>Center</x:TextVAlign>\n"
            "  </x:ClientData>\n"
            " </v:shape>"
        )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">\n'
        ' <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>\n'
        ' <v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe">\n'
        '  <v:stroke joinstyle="miter"/>\n'
        '  <v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>\n'
        '  <o:lock v:ext="edit" shapetype="t"/>\n'
        ' </v:shapetype>\n' + "\n".join(shapes) + "\n</xml>\n"
    )


def kolom_satuan(tables) -> dict[str, tuple[list[str], int, int]]:
    """Per table sheet: the satuan columns (as the reader found them) and the data rows."""
    out: dict[str, tuple[list[str], int, int]] = {}
    for t in tables:
        cols: set[str] = set()
        for a1 in t.satuan_sel:
            if a1 is not None:
                cols.add(re.match(r"[A-Z]+", a1).group(0))
        for k in t.angka.values():
            if k.satuan is not None and k.satuan.huruf != k.huruf:  # a satuan cell beside the value (T-C.29)
                for i, text in enumerate(k.satuan.teks):
                    if text:
                        cols.add(re.match(r"[A-Z]+", t.sel(k.satuan, i)).group(0))
        if cols:
            out[t.sheet] = (sorted(cols), t.first_row, t.last_row)
    return out


def lembar_satuan(wb, satuan: dict[str, tuple[list[str], int, int]]) -> int:
    ws = wb.create_sheet(SHEET_SATUAN)
    units = kamus_bawaan().kanonik
    ws["A1"] = "Satuan baku"
    ws["A1"].font = HEAD_FONT
    ws["A1"].fill = HEAD_FILL
    for i, u in enumerate(units, start=2):
        ws.cell(row=i, column=1, value=u)
    last = len(units) + 1
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["C"].width = 90
    ws["C1"] = ("Daftar ini mengisi pilihan (dropdown) kolom satuan di setiap tabel. Untuk menambah satuan daerah, "
                "sisipkan baris di dalam daftar (di atas baris terakhir) agar jangkauan daftar ikut meluas. "
                "Satuan di luar daftar tetap dapat diketik setelah konfirmasi; Validasi memeriksanya (S001).")
    ws["C1"].alignment = WRAP
    ws.row_dimensions[1].height = 60
    _cetak(ws, f"A1:C{last}", landscape=False)
    # dropdowns on every satuan column, over the data rows and room below them. The list source is
    # written as Excel stores it, without "=" (some writers' "=" gets the dropdown removed on repair).
    n = 0
    for sheet, (cols, first, last_row) in satuan.items():
        dv = DataValidation(
            type="list", formula1=f"{SHEET_SATUAN}!$A$2:$A${last}", allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle="Satuan tidak ada di daftar",
            error="Satuan ini tidak ada di sheet Satuan. Pilih Yes untuk tetap memakainya.",
            showInputMessage=True, promptTitle="Satuan", prompt="Pilih satuan baku dari daftar (sheet Satuan).",
        )
        for col in cols:
            dv.add(f"{col}{first}:{col}{last_row + 100}")
        wb[sheet].add_data_validation(dv)
        n += len(cols)
    return n


LEBAR_PEMASANGAN = {"A": 34, "B": 60, "C": 10, "D": 80, "E": 2, "F": 16, "G": 45}


def lembar_pemasangan(wb) -> None:
    """The sheet Periksa Pemasangan writes into, laid out in advance (widths, wrapping) so its result
    reads well whatever engine wrote it; the macro and diagnose only replace its contents."""
    ws = wb.create_sheet(SHEET_PEMASANGAN)
    for col, w in LEBAR_PEMASANGAN.items():
        ws.column_dimensions[col].width = w
    ws["A1"] = "Periksa Pemasangan renja-xl"
    ws["A1"].font = TITLE_FONT
    ws["A2"] = "Belum diperiksa: tekan tombol Periksa Pemasangan di sheet Beranda."
    for r in range(4, 41):
        for c in (1, 2, 3, 4, 6, 7):
            ws.cell(r, c).alignment = WRAP
    _cetak(ws, "A1:G40")


def lembar_pengecualian(wb) -> None:
    ws = wb.create_sheet(SHEET_PENGECUALIAN)
    for col, (head, width) in enumerate([("Aturan", 10), ("Kode", 22), ("Alasan", 70), ("Sheet", 16)], start=1):
        c = ws.cell(row=1, column=col, value=head)
        c.font = HEAD_FONT
        c.fill = HEAD_FILL
        c.border = BORDER
        ws.column_dimensions[c.column_letter].width = width
    ws["F1"] = ("Penyimpangan yang diterima: satu baris per aturan (mis. A009) dan kode; kosongkan Kode untuk semua kode, "
                "Sheet untuk semua sheet. Validasi tidak lagi melaporkannya dan ringkasan menyebutkan alasannya.")
    ws["F1"].alignment = WRAP
    ws.column_dimensions["F"].width = 60
    ws.row_dimensions[1].height = 60
    _cetak(ws, "A1:D50")


# xlwings.conf: only keys that have a value. xlwings stops at a key the sheet has, even an empty
# one, so an empty Interpreter_Win row would hide the user's %USERPROFILE%\.xlwings\xlwings.conf.
KONFIGURASI_XLWINGS = [
    ("UDF Modules", UDF_MODULE),
    # renja-xl is an installed package: the workbook's folder need not be on sys.path. Left "true",
    # xlwings must turn a OneDrive/SharePoint address into a local folder before Python starts,
    # and fails (every button and function) where it cannot.
    ("ADD_WORKBOOK_TO_PYTHONPATH", "false"),
]


def lembar_conf(wb) -> None:
    ws = wb.create_sheet(SHEET_CONF)
    # xlwings reads column A (keys) and B (values) from A1 down to the first empty key.
    for i, (key, value) in enumerate(KONFIGURASI_XLWINGS, start=1):
        if not value:
            raise ValueError(f"xlwings.conf: kunci {key} tanpa nilai")
        ws.cell(row=i, column=1, value=key)
        ws.cell(row=i, column=2, value=value)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 20
    ws.column_dimensions["D"].width = 100
    notes = [
        "UDF Modules: modul Python yang berisi fungsi RENJA_ (jangan diubah).",
        "ADD_WORKBOOK_TO_PYTHONPATH = false: renja-xl dipasang sebagai paket; folder workbook (juga OneDrive/SharePoint) "
        "tidak perlu ditambahkan ke Python.",
        "Kolom A dan B dibaca xlwings dari A1 ke bawah sampai sel kosong pertama; keterangan di kolom D tidak dibaca.",
        "Jangan menulis kunci tanpa nilai: kunci yang ada di sheet ini (walau kosong) membuat xlwings tidak membaca "
        "%USERPROFILE%\\.xlwings\\xlwings.conf.",
        "Menambah Interpreter_Win di sini hanya bila workbook ini harus memakai Python lain dari pengaturan komputer: "
        "tulis kunci dan jalur lengkap pythonw.exe di baris kosong pertama kolom A dan B.",
        "Sheet ini disembunyikan agar tidak terubah tanpa sengaja (klik kanan tab sheet -> Unhide untuk membukanya).",
    ]
    for i, text in enumerate(notes, start=1):
        ws.cell(row=i, column=4, value=text).alignment = WRAP
    ws.sheet_state = "hidden"


def _cetak(ws, area: str, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = area


# --- VBA ------------------------------------------------------------------------------------------

_GEN_WRAPPERS = r"""
import io, sys, types
# xlwings' wrapper generator lives in xlwings.udfs, which imports pywin32 at the top; it is not used
# while generating text, so stand-ins let the real generator run here.
for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["pywintypes"].com_error = Exception
sys.modules["win32com.client"].Dispatch = None
sys.modules["win32com"].client = sys.modules["win32com.client"]
import json
import xlwings
import xlwings.udfs as U
xlwings.func, xlwings.arg, xlwings.ret = U.xlfunc, U.xlarg, U.xlret
import importlib
mod = importlib.import_module(sys.argv[1])
class Book:
    Name = sys.argv[2]
f = io.StringIO()
vba = xlwings.utils.VBAWriter(f)
# the header import_udfs() writes
vba.writeln('Attribute VB_Name = "xlwings_udfs"')
vba.writeln("'Autogenerated code by xlwings - changes will be lost with next import!")
vba.writeln('#Const App = "Microsoft Excel" \'Adjust when using outside of Excel')
U.generate_vba_wrapper(sys.argv[1], mod, f, Book())
meta = []
for name in dir(mod):
    fn = getattr(mod, name)
    if hasattr(fn, "__xlfunc__"):
        x = fn.__xlfunc__
        meta.append({"name": x["name"], "category": x["category"], "doc": x["ret"]["doc"],
                     "args": [a["doc"] for a in x["args"] if not a["vba"]]})
print(json.dumps({"vba": f.getvalue(), "meta": meta}))
"""


def vba_fungsi(book_name: str) -> tuple[str, list[dict]]:
    """The ``xlwings_udfs`` module exactly as xlwings' *Import Functions* writes it, and the metadata
    (category, descriptions) it would register. Run in a fresh process: the generator needs xlwings'
    Windows decorators in place before the functions module is imported."""
    import json

    res = subprocess.run([sys.executable, "-c", _GEN_WRAPPERS, UDF_MODULE, book_name],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    if res.returncode != 0:
        raise SystemExit(f"membuat pembungkus VBA fungsi RENJA_ gagal:\n{res.stderr}")
    data = json.loads(res.stdout)
    return data["vba"], data["meta"]


PANJANG_POTONGAN = 250  # characters of text per VBA string literal piece
BATAS_MACROOPTIONS = 255  # Excel's limit for a function or argument description


def _vba_teks(s: str, batas: int | None = None) -> str:
    """Text as a VBA string expression: whitespace collapsed, ASCII only (VBA stores cp1252 and the
    sources are checked to be ASCII), at most ``batas`` characters when given, and cut into pieces
    of :data:`PANJANG_POTONGAN` characters joined with ``&`` so no literal grows without bound.

    The text is cut *before* its quotes are doubled: a cut after doubling can fall between the two
    quotes of a pair and leave a literal unterminated, which stops the whole project compiling."""
    s = " ".join(s.split())
    s = s.encode("ascii", "replace").decode("ascii")
    if batas is not None:
        s = s[:batas]
    pieces = [s[i:i + PANJANG_POTONGAN] for i in range(0, len(s), PANJANG_POTONGAN)] or [""]
    return " & ".join('"' + p.replace('"', '""') + '"' for p in pieces)


def vba_thisworkbook(meta: list[dict]) -> str:
    """Workbook_Open: register the RENJA_ functions under the category "Renja" with their
    descriptions, as xlwings' Import Functions does (MacroOptions). It does not start Python.

    MacroOptions changes the workbook, so Excel would ask "Save changes?" on every close although
    the user changed nothing: the workbook's saved state from before is put back afterwards."""
    lines = [
        "' Dibuat oleh workbooks/build_master.py dari renja_xl/udf.py; jangan disunting.",
        "Private Sub Workbook_Open()",
        "    Dim tersimpan As Boolean",
        "    tersimpan = ThisWorkbook.Saved",
        "    On Error Resume Next",
    ]
    for m in meta:
        first = m["doc"].strip().splitlines()[0]
        lines += [
            f"    Application.MacroOptions Macro:=\"'\" & ThisWorkbook.Name & \"'!{m['name']}\", _",
            f"        Description:={_vba_teks(first, BATAS_MACROOPTIONS)}, _",
            f"        Category:={_vba_teks(m['category'])}, _",
            "        ArgumentDescriptions:=Array(" + (", _\n            ".join(
                _vba_teks(a, BATAS_MACROOPTIONS) for a in m["args"]) if m["args"] else "") + ")",
        ]
    lines += [
        "    On Error GoTo 0",
        "    ThisWorkbook.Saved = tersimpan",
        "End Sub",
    ]
    return "\n".join(lines) + "\n"


def modul_vba(wb, book_name: str) -> list[Modul]:
    import xlwings

    wrappers, meta = vba_fungsi(book_name)
    modules = [Modul.dok("ThisWorkbook", vba_thisworkbook(meta), buku=True)]
    for ws in wb.worksheets:
        modules.append(Modul.dok(ws.sheet_properties.codeName))
    for bas in sorted(MACROS.glob("*.bas")):
        modules.append(Modul.standar(bas.stem, bas.read_text(encoding="ascii")))
    xlwings_bas = Path(xlwings.__file__).parent / "xlwings.bas"
    modules.append(Modul.standar("xlwings", xlwings_bas.read_text(encoding="ascii")))
    modules.append(Modul.standar("xlwings_udfs", wrappers))
    return modules


def arsip_vba(vba_bin: bytes, vml: str) -> zipfile.ZipFile:
    """What openpyxl calls the workbook's VBA archive: the parts it copies into a macro workbook."""
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/vbaProject.bin", vba_bin)
        z.writestr(VML_PATH, vml)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


# --- cached values --------------------------------------------------------------------------------

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    wbx = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for s in wbx.find("m:sheets", _NS):
        t = target[s.get(f"{{{_NS['r']}}}id")]
        out[s.get("name")] = t.lstrip("/") if t.startswith("/") else "xl/" + t
    return out


def _v(value) -> tuple[str, str]:
    """(type attribute, <v> text) of a cached formula result."""
    if value is None or value == "":
        return ' t="str"', ""
    if isinstance(value, bool):
        return ' t="b"', "1" if value else "0"
    if isinstance(value, (int, float)):
        if float(value).is_integer():
            return "", str(int(value))
        return "", repr(float(value))
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return ' t="str"', text


_URUTAN = {"[Content_Types].xml": 0, "_rels/.rels": 1, "docProps/app.xml": 2, "docProps/core.xml": 3,
           "xl/workbook.xml": 4, "xl/_rels/workbook.xml.rels": 5}


def _urutkan_default(ct: bytes) -> bytes:
    """Content types with their <Default> entries in a fixed order."""
    text = ct.decode("utf-8")
    defaults = re.findall(r"<Default [^>]*/>", text)
    if not defaults:
        return ct
    first = text.index(defaults[0])
    rest = text[first:]
    for d in defaults:
        rest = rest.replace(d, "", 1)
    return (text[:first] + "".join(sorted(defaults)) + rest).encode("utf-8")


def tulis_nilai_tersimpan(data: bytes, cached: dict[tuple[str, str], object]) -> bytes:
    """Put the formula results into the sheet XML (openpyxl writes formulas with an empty ``<v/>``)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = _sheet_parts(src)
    by_part: dict[str, dict[str, object]] = {}
    for (sheet, a1), value in cached.items():
        by_part.setdefault(parts[sheet], {})[a1] = value
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        # openpyxl copies the VBA parts in set order (which varies between runs): fix the order
        for info in sorted(src.infolist(), key=lambda i: (_URUTAN.get(i.filename, 9), i.filename)):
            payload = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                payload = _urutkan_default(payload)
            cells = by_part.pop(info.filename, None)
            if cells:
                xml = payload.decode("utf-8")
                missing = set(cells)

                def fill(m: re.Match, cells: dict = cells, missing: set = missing) -> str:
                    a1 = m.group(2)
                    if a1 not in cells:
                        return m.group(0)
                    missing.discard(a1)
                    t, v = _v(cells[a1])
                    attrs = re.sub(r'\st="[^"]*"', "", m.group(1))
                    return f"<c{attrs}{t}>{m.group(3)}<v>{v}</v></c>"

                xml = re.sub(r'<c((?:\s[^>]*?)?\sr="([A-Z]+\d+)"[^>]*?)>(<f>.*?</f>)<v\s*/>\s*</c>', fill, xml, flags=re.S)
                if missing:
                    raise AssertionError(f"{info.filename}: rumus tanpa tempat nilai: {sorted(missing)[:5]}")
                payload = xml.encode("utf-8")
            dst.writestr(info, payload)
    if by_part:
        raise AssertionError(f"sheet tidak ditemukan untuk nilai tersimpan: {list(by_part)}")
    return out.getvalue()


# --- build ----------------------------------------------------------------------------------------

def build(out: Path, kosong: bool = False) -> dict[str, int]:
    """Write the master workbook (``kosong=False``) or the blank template to ``out``."""
    seed = baca_berkas(SEED)
    wb = load_workbook(SEED)
    for name in list(wb.sheetnames):
        if name not in TABEL:
            del wb[name]
    wb._sheets.sort(key=lambda ws: TABEL.index(ws.title))  # noqa: SLF001 - openpyxl has no public reorder
    stats = {"angka_teks": len(angka_teks_ke_angka(wb, seed.tables))}
    tables = baca_ulang(wb, SEED.name)
    satuan = kolom_satuan(tables)
    cached: dict[tuple[str, str], object] = {}
    if kosong:
        rows = kosongkan(wb, tables, cached)
        satuan = {sheet: (cols, *rows[sheet]) for sheet, (cols, _a, _b) in satuan.items()}
        stats = {"baris_kosong": sum(b - a + 1 for a, b in rows.values()), "rumus_capaian": len(cached)}
    else:
        stats["rumus_rollup"] = pasang_rollup(wb, tables, cached)
        stats["rumus_capaian"] = pasang_capaian(wb, tables, cached)
    stats["tinggi_baris"] = sum(atur_tinggi_baris(wb[t.sheet], 3) for t in tables)
    lembar_beranda(wb, kosong)
    lembar_pengecualian(wb)
    stats["kolom_satuan"] = lembar_satuan(wb, satuan)
    lembar_pemasangan(wb)
    lembar_conf(wb)
    wb.active = 0
    for i, ws in enumerate(wb.worksheets, start=1):
        ws.sheet_properties.codeName = f"Sheet{i}"
        ws.sheet_view.tabSelected = i == 1
    wb.code_name = "ThisWorkbook"
    # cached values are in the file: no full recalculation (and no Python) on opening it
    wb.calculation = CalcProperties(calcId=CALC_ID, fullCalcOnLoad=False)
    modules = modul_vba(wb, out.name)
    vba_bin = bangun_proyek(modules)
    wb.vba_archive = arsip_vba(vba_bin, vml_tombol(wb[SHEET_BERANDA]))
    props = wb.properties
    props.creator = "renja-xl (workbooks/build_master.py)"
    props.title = ("Renja: template kosong" if kosong
                   else "Renja master: Dinas Sosial Kabupaten Luwu (contoh dari Renja Perubahan 2024)")
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.lastModifiedBy = "renja-xl"
    buf = io.BytesIO()
    wb.save(buf)
    data = normalise_zip(tulis_nilai_tersimpan(buf.getvalue(), cached))
    out.write_bytes(data)
    stats["modul_vba"] = len(modules)
    return stats


KELUARAN = [(OUT.name, False), (OUT_TEMPLATE.name, True)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="folder for renja_master.xlsm and renja_template.xlsm")
    ap.add_argument("--check", action="store_true", help="fail when a rebuild differs from the committed files")
    args = ap.parse_args(argv)
    if args.check:
        beda = []
        with tempfile.TemporaryDirectory() as tmp:
            for name, kosong in KELUARAN:
                fresh = Path(tmp) / name
                build(fresh, kosong)
                if fresh.read_bytes() != (args.out / name).read_bytes():
                    beda.append(name)
        print("sama" if not beda else f"BERBEDA ({', '.join(beda)}): jalankan python workbooks/{Path(__file__).name} "
              "lalu commit hasilnya")
        return 0 if not beda else 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, kosong in KELUARAN:
        stats = build(args.out / name, kosong)
        print(f"ditulis: {args.out / name} ({', '.join(f'{k} {v}' for k, v in stats.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
