"""Build ``workbooks/renja_master.xlsm``, the Excel workbook staff work in, from the seed workbook.

    python workbooks/build_master.py [--out PATH] [--check]

What it contains (everything derived, nothing typed by hand):

* the Renja tables of ``renja_dinsos_luwu_2024.xlsx`` (Tabel 4.1, 4.2, 2.1, 2.2 and the realisation
  table) with their layout, print setup (A4 landscape, header rows repeated) and every real mistake
  of the document kept — except that an amount typed as text whose meaning is certain
  (``14.400.000,``, ``Rp. 1.185.270,-``) is stored as the number it means, as a template should
  hold it; ambiguous text (``1.181925``) stays as typed for the Validasi button to find;
* every parent pagu (kegiatan, program, perangkat daerah) as a live ``SUM`` over its child rows,
  found by kode (:mod:`renja_xl.xl.rollup`, the same code as the Hitung Ulang Rollup button);
* the capaian columns (Tabel 2.1 columns 8 and 11, % realisasi keuangan) as formulas over the
  ``RENJA_*`` functions, wrapped in ``IFERROR`` with the same ratio in plain Excel, so the numbers
  also show where Python or macros are not available (another office, LibreOffice);
* the values of all those formulas as computed by the core, written into the file as cached
  values: readers that do not calculate (python-calamine, our checker) see the numbers Excel shows;
* ``Beranda`` (instructions, three buttons), ``Pengecualian``, ``Satuan`` (feeds the satuan
  dropdowns), ``xlwings.conf`` (``UDF Modules``);
* the VBA project: ``macros/*.bas``, the standalone xlwings module, the generated ``RENJA_*``
  wrappers, and one document module per sheet plus ThisWorkbook (``workbooks/vba_project.py``).

The same sources give the same bytes (fixed times, fixed zip order, fixed VBA project id and
seed). ``--check`` rebuilds into a temporary file and fails when it differs from the committed one.
The build needs the test extra (``pip install -e ".[test]"``: ms-ovba, oletools).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from openpyxl import load_workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402

from build_seed import FIXED_TIME, normalise_zip, perintah  # noqa: E402
from renja_xl.core.capaian import capaian, tingkat_realisasi  # noqa: E402
from renja_xl.core.satuan import kamus_bawaan  # noqa: E402
from renja_xl.readers import baca_berkas, baca_lembar, lembar_dari_nilai  # noqa: E402
from renja_xl.xl import SHEET_BERANDA, SHEET_CONF, SHEET_PENGECUALIAN, SHEET_SATUAN  # noqa: E402
from renja_xl.xl.rollup import rumus_rollup  # noqa: E402
from vba_project import Modul, bangun_proyek  # noqa: E402

SEED = HERE / "renja_dinsos_luwu_2024.xlsx"
OUT = HERE / "renja_master.xlsm"
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

# The three buttons of Beranda: (macro in macros/Renja.bas, caption, explanation).
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
]

RUMUS_RASIO = ('=IFERROR({fn}({r},{t}),IF(AND(ISNUMBER({r}),ISNUMBER({t})),'
               'IF({t}=0,"",{r}/{t}*100),""))')


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


def pasang_capaian(wb, tables, cached: dict) -> int:
    """Tabel 2.1 columns 8 (7/6) and 11 (10/4), and the realisation table's % keuangan (realisasi/anggaran)."""
    n = 0
    for t in tables:
        ws = wb[t.sheet]
        cols = t.columns
        specs: list[tuple[str, str, str, str, object]] = []
        if t.kind == "evaluasi":
            if {"kolom 8", "kolom 7", "kolom 6"} <= cols.keys():
                specs.append(("RENJA_TINGKAT_REALISASI", cols["kolom 8"], cols["kolom 7"], cols["kolom 6"], tingkat_realisasi))
            if {"kolom 11", "kolom 10", "kolom 4"} <= cols.keys():
                specs.append(("RENJA_CAPAIAN", cols["kolom 11"], cols["kolom 10"], cols["kolom 4"], capaian))
        elif t.kind == "realisasi" and {"capaian_rp", "realisasi_rp", "pagu"} <= cols.keys():
            specs.append(("RENJA_TINGKAT_REALISASI", cols["capaian_rp"], cols["realisasi_rp"], cols["pagu"], tingkat_realisasi))
        if not specs:
            continue
        for i in range(t.n):
            if t.total[i]:
                continue
            values = {t.sel(k, i): k.nilai[i] for k in t.angka.values()}
            for fn, out_col, r_col, t_col, core in specs:
                row = t.baris[i]
                r_a1, t_a1, out_a1 = f"{r_col}{row}", f"{t_col}{row}", f"{out_col}{row}"
                cell = ws[out_a1]
                cell.value = RUMUS_RASIO.format(fn=fn, r=r_a1, t=t_a1)
                cell.number_format = "0.00"
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


# --- extra sheets ---------------------------------------------------------------------------------

def lembar_beranda(wb) -> None:
    ws = wb.create_sheet(SHEET_BERANDA, 0)
    ws.sheet_properties.tabColor = "1F4E78"
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["C"].width = 100
    ws["B1"] = "Renja Master - Dinas Sosial Kabupaten Luwu"
    ws["B1"].font = TITLE_FONT
    ws["B2"] = ("Contoh: Renja Perubahan 2024 dengan semua kesalahan aslinya. Isi atau tempel data Anda di "
                "sheet Tabel 4.1, Tabel 4.2, Tabel 2.1, Tabel 2.2 dan Realisasi 2024, lalu tekan tombol di bawah.")
    ws["B2"].alignment = WRAP
    ws.merge_cells("B2:C2")
    ws.row_dimensions[2].height = 32
    ws["B4"] = "Tombol"
    ws["B4"].font = HEAD_FONT
    row = 5
    for _macro, _caption, text in TOMBOL:
        ws.cell(row=row, column=3, value=text).alignment = WRAP
        ws.row_dimensions[row].height = 48
        row += 2
    row += 0
    lines = [
        ("Sebelum mulai", None),
        ("1.", "Simpan workbook di folder Anda, buka, lalu klik Enable Content (Aktifkan Konten) agar tombol dan "
               "fungsi RENJA_ berjalan. Di komputer kantor perlu Python dan paket renja-xl: lihat docs/excel-windows.md."),
        ("2.", "Pagu induk (kegiatan, program, perangkat daerah) adalah rumus SUM atas baris anaknya. Setelah "
               "menyisipkan, menghapus atau memindah baris, tekan Hitung Ulang Rollup."),
        ("3.", "Kolom satuan memakai daftar di sheet Satuan (tambahkan satuan daerah Anda dengan menyisipkan baris "
               "di dalam daftar). Penyimpangan yang diterima ditulis di sheet Pengecualian (Aturan, Kode, Alasan)."),
        ("4.", "Pengaturan Python untuk tombol dan fungsi ada di sheet xlwings.conf (Interpreter_Win, UDF Modules)."),
        (None, None),
        ("Fungsi lembar kerja (kategori Renja)", None),
        ("=RENJA_CAPAIAN(realisasi; target; [polaritas])",
         "Capaian %: realisasi/target x 100; polaritas \"negatif\" untuk indikator yang makin kecil makin baik "
         "((2 x target - realisasi)/target x 100, atau \"t/r\", \"(t-r)/t\"). Target 0 atau kosong: hasil kosong."),
        ("=RENJA_TINGKAT_REALISASI(realisasi; target)", "Tingkat realisasi %: realisasi/target x 100 (kolom 8 dan 11 Tabel 2.1)."),
        ("=RENJA_PREDIKAT(capaian; [skala])",
         "Predikat: >=91 Sangat Tinggi, >=76 Tinggi, >=66 Sedang, >=51 Rendah, <51 Sangat Rendah; skala "
         "\"berhasil\" atau tabel dua kolom (batas bawah, predikat)."),
        ("=RENJA_ANGKA(teks)", "Angka dari teks notasi Indonesia: \"Rp. 1.185.270,-\" -> 1185270; teks ambigu (1.181925) -> kosong."),
        ("=RENJA_SATUAN(teks)", "Satuan baku: Dok -> Dokumen, Lpaoran -> Laporan, OB -> Orang/bulan."),
        ("=RENJA_TERBILANG(angka)", "Rupiah dengan huruf: 1185270 -> satu juta seratus delapan puluh lima ribu dua ratus tujuh puluh rupiah."),
        (None, None),
        ("Semua fungsi menerima satu sel atau rentang (hasil rentang tumpah ke sel di bawah/samping). Kolom capaian di "
         "Tabel 2.1 dan Realisasi 2024 sudah memakai fungsi ini; tanpa Python angkanya tetap tampil (rumus cadangan).", None),
    ]
    row += 1
    for left, right in lines:
        if left is not None:
            c = ws.cell(row=row, column=2, value=left)
            c.alignment = Alignment(vertical="top", wrap_text=left.startswith("="))
            if left.startswith("="):
                c.data_type = "s"  # an example, not a formula
                c.font = Font(name="Consolas", size=10)
            if right is None:
                c.font = HEAD_FONT if not left.startswith("Semua") else Font(italic=True)
                if left.startswith("Semua"):
                    c.alignment = WRAP
                    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
                    ws.row_dimensions[row].height = 32
        if right is not None:
            ws.cell(row=row, column=3, value=right).alignment = WRAP
            if len(right) > 100:
                ws.row_dimensions[row].height = 30
        row += 1
    _cetak(ws, f"A1:C{row}")
    ws.legacy_drawing = VML_PATH


def vml_tombol() -> str:
    """The three form buttons of Beranda as a legacy VML drawing (survives openpyxl round trips)."""
    shapes = []
    for i, (macro, caption, _text) in enumerate(TOMBOL):
        top = 4 + 2 * i  # 0-based row of the button (rows 5, 7, 9)
        shapes.append(textwrap.dedent(f"""\
         <v:shape id="_x0000_s{1025 + i}" type="#_x0000_t201" style='position:absolute;margin-left:0;margin-top:0;width:160pt;height:30pt;z-index:{i + 1};mso-wrap-style:tight' o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]" o:insetmode="auto">
          <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>
          <o:lock v:ext="edit" rotation="t"/>
          <v:textbox style='mso-direction-alt:auto' o:singleclick="f">
           <div style='text-align:center'><font face="Calibri" size="220" color="#000000"><b>{caption}</b></font></div>
          </v:textbox>
          <x:ClientData ObjectType="Button">
           <x:Anchor>1, 8, {top}, 6, 1, 178, {top}, 56</x:Anchor>
           <x:PrintObject>False</x:PrintObject>
           <x:AutoFill>False</x:AutoFill>
           <x:FmlaMacro>[0]!{macro}</x:FmlaMacro>
           <x:TextHAlign>Center</x:TextHAlign>
           <x:TextVAlign>Center</x:TextVAlign>
          </x:ClientData>
         </v:shape>"""))
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


def lembar_satuan(wb, tables) -> int:
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
    # dropdowns on every satuan column, over the data rows and room below them
    n = 0
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
        if not cols:
            continue
        dv = DataValidation(
            type="list", formula1=f"={SHEET_SATUAN}!$A$2:$A${last}", allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle="Satuan tidak ada di daftar",
            error="Satuan ini tidak ada di sheet Satuan. Pilih Yes untuk tetap memakainya.",
            showInputMessage=True, promptTitle="Satuan", prompt="Pilih satuan baku dari daftar (sheet Satuan).",
        )
        for col in sorted(cols):
            dv.add(f"{col}{t.first_row}:{col}{t.last_row + 100}")
        wb[t.sheet].add_data_validation(dv)
        n += len(cols)
    return n


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


def lembar_conf(wb) -> None:
    ws = wb.create_sheet(SHEET_CONF)
    # xlwings reads column A (keys) and B (values) from A1 down to the first empty key.
    ws["A1"] = "Interpreter_Win"
    ws["A2"] = "UDF Modules"
    ws["B2"] = UDF_MODULE
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["D"].width = 90
    notes = [
        "Interpreter_Win: kosong = python/pythonw di PATH; atau jalur lengkap, mis. "
        "C:\\Users\\nama\\AppData\\Local\\Programs\\Python\\Python311\\pythonw.exe",
        "UDF Modules: modul Python yang berisi fungsi RENJA_ (jangan diubah).",
        "Kolom A dan B dibaca xlwings dari A1 ke bawah sampai sel kosong pertama; keterangan ini tidak dibaca.",
    ]
    for i, text in enumerate(notes, start=1):
        ws.cell(row=i, column=4, value=text).alignment = WRAP


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


def _vba_teks(s: str) -> str:
    s = " ".join(s.split())
    s = s.encode("ascii", "replace").decode("ascii")
    return '"' + s.replace('"', '""')[:250] + '"'


def vba_thisworkbook(meta: list[dict]) -> str:
    """Workbook_Open: register the RENJA_ functions under the category "Renja" with their
    descriptions, as xlwings' Import Functions does (MacroOptions). It does not start Python."""
    lines = [
        "' Dibuat oleh workbooks/build_master.py dari renja_xl/udf.py; jangan disunting.",
        "Private Sub Workbook_Open()",
        "    On Error Resume Next",
    ]
    for m in meta:
        first = m["doc"].strip().splitlines()[0]
        args = ", ".join(_vba_teks(a) for a in m["args"])
        lines += [
            f"    Application.MacroOptions Macro:=\"'\" & ThisWorkbook.Name & \"'!{m['name']}\", _",
            f"        Description:={_vba_teks(first)}, _",
            f"        Category:={_vba_teks(m['category'])}, _",
            f"        ArgumentDescriptions:=Array({args})",
        ]
    lines.append("End Sub")
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

def build(out: Path) -> dict[str, int]:
    seed = baca_berkas(SEED)
    wb = load_workbook(SEED)
    for name in list(wb.sheetnames):
        if name not in TABEL:
            del wb[name]
    wb._sheets.sort(key=lambda ws: TABEL.index(ws.title))  # noqa: SLF001 - openpyxl has no public reorder
    stats = {"angka_teks": len(angka_teks_ke_angka(wb, seed.tables))}
    tables = baca_ulang(wb, SEED.name)
    cached: dict[tuple[str, str], object] = {}
    stats["rumus_rollup"] = pasang_rollup(wb, tables, cached)
    stats["rumus_capaian"] = pasang_capaian(wb, tables, cached)
    lembar_beranda(wb)
    lembar_pengecualian(wb)
    stats["kolom_satuan"] = lembar_satuan(wb, tables)
    lembar_conf(wb)
    wb.active = 0
    for i, ws in enumerate(wb.worksheets, start=1):
        ws.sheet_properties.codeName = f"Sheet{i}"
        ws.sheet_view.tabSelected = i == 1
    wb.code_name = "ThisWorkbook"
    modules = modul_vba(wb, out.name)
    vba_bin = bangun_proyek(modules)
    wb.vba_archive = arsip_vba(vba_bin, vml_tombol())
    props = wb.properties
    props.creator = "renja-xl (workbooks/build_master.py)"
    props.title = "Renja master: Dinas Sosial Kabupaten Luwu (contoh dari Renja Perubahan 2024)"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.lastModifiedBy = "renja-xl"
    buf = io.BytesIO()
    wb.save(buf)
    data = normalise_zip(tulis_nilai_tersimpan(buf.getvalue(), cached))
    out.write_bytes(data)
    stats["modul_vba"] = len(modules)
    return stats


def main(argv: list[str] | None = None) -> int:
    def tulis(path: Path) -> str:
        stats = build(path)
        return f" ({', '.join(f'{k} {v}' for k, v in stats.items())})"

    return perintah(tulis, OUT, Path(__file__).name, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
