"""The workbooks' VBA, run: LibreOffice opens them with macros enabled (tests/xl/_lo_uno.py).

LibreOffice cannot run xlwings' own module (its Windows DLL declarations do not compile there), so
each test builds a copy of the workbook whose VBA project keeps what is under test and replaces
what it calls with a stub:

* the ``RENJA_*`` wrappers replaced by functions of the same signatures that return the error
  *text* xlwings' wrappers return when Python fails — every ``RENJA_*`` cell must then show its
  plain-Excel fallback — or a number, which every such cell must then show;
* the ``Renja`` module (the buttons) as written, with a stub of the three xlwings names it uses
  (``XLWINGS_VERSION``, ``GetConfig``, ``RunPython``): **Periksa Pemasangan** writes its facts and,
  when Python never answers, what to do;
* a string longer than 250 characters, full of quotes, as the build writes it into VBA: it must
  compile and give back exactly the text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import xlwings
from openpyxl import load_workbook

from renja_xl.core.capaian import tingkat_realisasi

from .conftest import ganti_proyek_vba, vba_builder
from .ovba import proyek
from .remote import buku, payload

TEKS_GALAT = "Could not load xlwings64-0.37.8.dll from either of the following folders: C:\\Python311"


def _bin(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("xl/vbaProject.bin")


def proyek_dengan(path: Path, ganti: dict[str, str | None]) -> bytes:
    """The workbook's own VBA project (every module as stored) with modules replaced, added, or
    (value None) left out."""
    vp, _bm = vba_builder()
    p = proyek(_bin(path))
    mods = []
    for m in p.modules:
        src = ganti.get(m.nama, p.sources[m.nama])
        if src is None:
            continue
        if m.jenis == "dokumen":
            code = "\n".join(ln for ln in src.replace("\r\n", "\n").split("\n") if not ln.startswith("Attribute VB_"))
            mods.append(vp.Modul.dok(m.nama, code, buku=m.nama == "ThisWorkbook"))
        else:
            mods.append(vp.Modul.standar(m.nama, src))
    names = {m.nama for m in p.modules}
    mods += [vp.Modul.standar(n, s) for n, s in ganti.items() if s is not None and n not in names]
    return vp.bangun_proyek(mods)


def tiruan_fungsi(path: Path, badan) -> str:
    """The workbook's xlwings_udfs module with every function body replaced by ``NAME = badan(NAME)``."""
    src = proyek(_bin(path)).sources["xlwings_udfs"].replace("\r\n", "\n")
    out, n = re.subn(r"^(Function (RENJA_\w+)\(.*?\))\n.*?^End Function",
                     lambda m: f"{m.group(1)}\n    {m.group(2)} = {badan(m.group(2))}\nEnd Function",
                     src, flags=re.S | re.M)
    assert n >= 8, "the RENJA_ wrappers were not found"
    return out


def sel_renja(path: Path) -> dict[tuple[str, str], str]:
    """(sheet, cell) → formula of every cell that calls a RENJA_ function."""
    wb = load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f" and "RENJA_" in str(c.value)}


def _kosong(v) -> bool:
    return v is None or v == ""


@pytest.fixture(scope="module")
def stub_hasil(master, template, lo_makro, tmp_path_factory):
    """Master and template (with a few numbers typed into it) with text and number stubs, recalculated."""
    d = tmp_path_factory.mktemp("stub")
    isi = d / "template_isi.xlsm"
    shutil.copyfile(template, isi)
    wb = load_workbook(isi, keep_vba=True)
    t21, real = wb["Tabel 2.1"], wb["Realisasi 2024"]
    t21["L9"], t21["N9"] = 4, 3  # kolom 6, 7 → P9 = 75
    t21["H9"], t21["S9"] = 8, 6  # kolom 4, 10 → U9 = 75
    t21["L10"], t21["N10"] = "79,71", 50  # text target: the fallback reads numbers only → empty
    real["C8"], real["D8"] = 2_000_000, 500_000  # anggaran, realisasi → E8 = 25
    wb.save(isi)
    jobs, keys = [], []
    angka = {"RENJA_TINGKAT_REALISASI": "111", "RENJA_CAPAIAN": "222"}
    for nama, src in (("master", master), ("template", isi)):
        for jenis, badan in (("teks", lambda fn: '"' + TEKS_GALAT + '"'),
                             ("angka", lambda fn: angka.get(fn, "333"))):
            out = d / f"{nama}_{jenis}.xlsm"
            ganti_proyek_vba(src, out, proyek_dengan(src, {"xlwings_udfs": tiruan_fungsi(src, badan),
                                                           "xlwings": None, "Renja": None}))
            jobs.append({"src": str(out), "out": str(d / f"{nama}_{jenis}.xlsx"),
                         "calls": [["VBAProject.xlwings_udfs.RENJA_CAPAIAN", [1, 2]]]})
            keys.append((nama, jenis))
    res = lo_makro(jobs)
    return {k: r for k, r in zip(keys, res, strict=True)} | {("template", "sumber"): isi}


def test_the_stub_is_really_called(stub_hasil):
    for nama in ("master", "template"):
        ok, value = stub_hasil[(nama, "teks")]["calls"][0]
        assert ok and value == TEKS_GALAT, (nama, value)


def test_every_renja_cell_shows_the_number_the_function_returns(master, stub_hasil):
    cells = sel_renja(master)
    assert len(cells) == 138
    lo = load_workbook(stub_hasil[("master", "angka")]["out"], data_only=True)
    for (sheet, a1), formula in cells.items():
        want = 111 if "RENJA_TINGKAT_REALISASI(" in formula else 222
        assert lo[sheet][a1].value == want, (sheet, a1, formula, lo[sheet][a1].value)


def test_every_renja_cell_falls_back_when_the_function_returns_text(master, stub_hasil):
    cells = sel_renja(master)
    cached = load_workbook(master, data_only=True)
    lo = load_workbook(stub_hasil[("master", "teks")]["out"], data_only=True)
    angka = 0
    for (sheet, a1), formula in cells.items():
        got, want = lo[sheet][a1].value, cached[sheet][a1].value
        assert not (isinstance(got, str) and "Could not load" in got), (sheet, a1, "the error text shows through")
        if _kosong(want):
            assert _kosong(got), (sheet, a1, got)
        else:
            assert got == pytest.approx(want), (sheet, a1, formula, got, want)
            angka += 1
    assert angka > 60
    # the cell the audit saw go blank
    assert lo["Tabel 2.1"]["P10"].value == pytest.approx(tingkat_realisasi(2, 2))


def test_template_cells_fall_back_too(template, stub_hasil):
    cells = sel_renja(template)
    assert len(cells) == 170 and {s for s, _ in cells} == {"Tabel 2.1", "Realisasi 2024"}
    teks = load_workbook(stub_hasil[("template", "teks")]["out"], data_only=True)
    isi = {("Tabel 2.1", "P9"): 75, ("Tabel 2.1", "U9"): 75, ("Realisasi 2024", "E8"): 25}
    for (sheet, a1) in cells:
        got = teks[sheet][a1].value
        if (sheet, a1) in isi:
            assert got == pytest.approx(isi[(sheet, a1)]), (sheet, a1, got)
        else:
            assert _kosong(got), (sheet, a1, got)  # empty rows, and P10 whose target is text
    angka = load_workbook(stub_hasil[("template", "angka")]["out"], data_only=True)
    assert angka["Tabel 2.1"]["P9"].value == 111 and angka["Tabel 2.1"]["U40"].value == 222


# --- the Renja module (buttons) ------------------------------------------------------------------

def tiruan_xlwings(interpreter: str, runpython: str) -> str:
    return "\n".join([
        'Attribute VB_Name = "xlwings"',
        f'Public Const XLWINGS_VERSION As String = "{xlwings.__version__}"',
        'Function GetConfig(configKey As String, Optional default As String = "", Optional source As String = "") As Variant',
        f'    If configKey = "INTERPRETER_WIN" Then GetConfig = "{interpreter}" Else GetConfig = default',
        "End Function",
        "Function RunPython(PythonCommand As String)",
        runpython,
        "End Function",
        "",
    ])


@pytest.fixture(scope="module")
def periksa_pemasangan(master, lo_makro, tmp_path_factory):
    """PeriksaPemasangan run in LibreOffice: (a) Python never answers, (b) it answers."""
    d = tmp_path_factory.mktemp("pemasangan")
    cases = {
        "gagal": ("", "    RunPython = 0"),
        "jalan": ("C:\\Py311\\pythonw.exe",
                  '    ThisWorkbook.Worksheets("Pemasangan").Range("A2").Value = "Selesai (tiruan)"\n'
                  '    ThisWorkbook.Worksheets("Pemasangan").Range("H1").Value = PythonCommand'),
    }
    jobs = []
    for name, (interp, body) in cases.items():
        out = d / f"{name}.xlsm"
        ganti_proyek_vba(master, out, proyek_dengan(master, {"xlwings": tiruan_xlwings(interp, body), "xlwings_udfs": None}))
        jobs.append({"src": str(out), "out": str(d / f"{name}.xlsx"),
                     "calls": [["VBAProject.Renja.PeriksaPemasangan", []],
                               ["VBAProject.Renja.PesanGagal", ["C:\\Program Files\\Python311\\python.exe"]]]})
    res = lo_makro(jobs)
    return dict(zip(cases, res, strict=True))


def _fakta(ws) -> dict[str, str]:
    return {ws.cell(r, 6).value: ws.cell(r, 7).value for r in range(4, 20) if ws.cell(r, 6).value}


def test_periksa_pemasangan_writes_what_only_excel_knows(periksa_pemasangan):
    for name, r in periksa_pemasangan.items():
        assert all(ok for ok, _ in r["calls"]), (name, r["calls"])
        ws = load_workbook(r["out"])["Pemasangan"]
        f = _fakta(ws)
        assert f["xlwings_vba"] == xlwings.__version__
        assert f["excel_bit"] in ("32", "64")
        assert ws["F3"].value == "Dari Excel (VBA)"
        if name == "gagal":
            assert (f["python_tombol"], f["python_fungsi"]) == ("python", "pythonw")  # xlwings' defaults
        else:
            assert f["python_tombol"] == f["python_fungsi"] == "C:\\Py311\\pythonw.exe"


def test_when_python_never_answers_the_macro_says_what_to_do(periksa_pemasangan):
    ws = load_workbook(periksa_pemasangan["gagal"]["out"])["Pemasangan"]
    lines = [ws.cell(r, 1).value for r in range(2, 12) if ws.cell(r, 1).value]
    text = "\n".join(lines)
    assert lines[0].startswith("Python tidak berjalan dari Excel")
    assert "Python yang dipakai tombol: python" in text
    for gejala in ("is not recognized", "Microsoft Store", "No module named 'renja_xl'", "Access is denied"):
        assert gejala in text, gejala
    assert '"python" -m pip install renja-xl' in text
    # the message as a function, with a path that has spaces: quoted for Command Prompt
    ok, pesan = periksa_pemasangan["gagal"]["calls"][1]
    assert ok and '"C:\\Program Files\\Python311\\python.exe" -m pip install renja-xl' in pesan


def test_when_python_answers_its_result_stays(periksa_pemasangan, tmp_path):
    out = Path(periksa_pemasangan["jalan"]["out"])
    ws = load_workbook(out)["Pemasangan"]
    assert ws["A2"].value == "Selesai (tiruan)"
    assert ws["A3"].value is None
    assert ws["H1"].value == "import renja_xl.xl as rx; rx.diagnose()"
    # and Python reads exactly those facts: diagnose on the sheet the macro wrote
    book = buku(payload(out, name="renja_master.xlsm"))
    from renja_xl.xl.diagnosa import MASALAH, OK, periksa

    by = {c.nama: c for c in periksa(book)}
    assert by["Versi xlwings (workbook dan Python)"].status == OK
    fungsi = by["Python untuk fungsi RENJA_"]
    assert fungsi.status == MASALAH and "C:\\Py311\\pythonw.exe" in fungsi.hasil  # not on this machine


# --- VBA strings --------------------------------------------------------------------------------

def test_long_strings_with_quotes_compile_and_come_back_exactly(master, lo_makro, tmp_path):
    _vp, bm = vba_builder()
    # a quote pair where a cut at 250 characters after doubling would split it
    text = ("x" * 249 + '"dikutip" ' + 'kata "a" dan ""b"" ' * 20 + "akhir")
    naive = '"' + text.replace('"', '""')[:250] + '"'
    assert naive.endswith('""') and not naive.endswith('"""'), "this text must break the old cut"
    literal = bm._vba_teks(text)
    pendek = bm._vba_teks(text, bm.BATAS_MACROOPTIONS)
    assert len(text) > 500 and " & " in literal
    uji = "\n".join(['Attribute VB_Name = "Uji"', "Function PANJANG() As String", f"    PANJANG = {literal}",
                     "End Function", "Function PENDEK() As String", f"    PENDEK = {pendek}", "End Function", ""])
    out = tmp_path / "uji.xlsm"
    ganti_proyek_vba(master, out, proyek_dengan(master, {"Uji": uji, "xlwings": None, "Renja": None}))
    res = lo_makro([{"src": str(out), "calls": [["VBAProject.Uji.PANJANG", []], ["VBAProject.Uji.PENDEK", []],
                                                 ["VBAProject.ThisWorkbook.Workbook_Open", []]]}])[0]
    (ok1, panjang), (ok2, pendek_lo), (ok3, _) = res["calls"]
    assert ok1 and panjang == text
    assert ok2 and pendek_lo == text[: bm.BATAS_MACROOPTIONS]
    assert ok3, "ThisWorkbook (function registration) does not compile"


def test_thisworkbook_restores_the_saved_state_and_keeps_descriptions_within_excels_limit(master):
    src = proyek(_bin(master)).sources["ThisWorkbook"]
    body = src[src.index("Sub Workbook_Open"):]
    assert re.search(r"tersimpan = ThisWorkbook\.Saved\r\n", body)
    assert body.rstrip().endswith("ThisWorkbook.Saved = tersimpan\r\nEnd Sub")
    for lit in re.findall(r'Description:=((?:"(?:[^"]|"")*"(?: & )?)+)', body):
        text = "".join(p[1:-1].replace('""', '"') for p in re.findall(r'"(?:[^"]|"")*"', lit))
        assert len(text) <= 255, text
