"""Validasi, Hitung Ulang Rollup and Bersihkan Tanda through xlwings' remote engine.

Each test builds the request payload Excel would send from a workbook file, runs the add-in on
``xw.Book(json=payload)``, replays the returned actions onto a copy of the file with openpyxl
(``remote.py``) and opens the result in LibreOffice, which recalculates every formula. What is
checked is what LibreOffice then shows.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

import renja_xl.xl as rx
from renja_xl.checker import periksa_berkas
from renja_xl.readers import baca_lembar, lembar_dari_nilai
from renja_xl.rules.struktur import pagu_per_tahun, rincian_induk
from renja_xl.xl import SHEET_HASIL, SHEET_TANDA
from renja_xl.xl.tanda import PENANDA, WARNA

from .conftest import TABEL
from .remote import buku, payload, putar_ulang

USER_SHEETS = ["Beranda", *TABEL, "Pengecualian", "Satuan", "Pemasangan", "xlwings.conf"]
ARGB = {sev: hexa.lstrip("#").upper() for sev, hexa in WARNA.items()}  # RGB of the fills


def jalankan(fn, values_from: Path, base: Path, out: Path, notes_from: Path | None = None):
    """Run ``fn`` on the payload of a workbook, replay its actions onto ``base``; returns
    (result, actions)."""
    book = buku(payload(values_from, notes_from or base))
    result = fn(book)
    actions = book.json()["actions"]
    putar_ulang(base, actions, out)
    return result, actions


def _isi(path: Path, sheets=USER_SHEETS, data_only=True) -> dict:
    wb = load_workbook(path, data_only=data_only)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets if ws.title in sheets
            for row in ws.iter_rows() for c in row if c.value not in (None, "")}


def _tanda(path: Path, sheets=USER_SHEETS) -> dict:
    """(sheet, cell) → (fill ARGB or None, note text or None) for every filled or annotated cell."""
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        if ws.title not in sheets:
            continue
        for row in ws.iter_rows():
            for c in row:
                fill = c.fill.fgColor.rgb[-6:] if c.fill is not None and c.fill.fill_type == "solid" else None
                note = c.comment.text if c.comment is not None else None
                if note is not None or (fill and fill in ARGB.values()):
                    out[(ws.title, c.coordinate)] = (fill, note)
    return out


@pytest.fixture(scope="module")
def putaran1(master, master_lo, hitung_lo, tmp_path_factory):
    """Validasi once on the master (payload from the master's own cached values)."""
    d = tmp_path_factory.mktemp("validasi1")
    berkas, actions = jalankan(rx.validate, master, master, d / "renja_master.xlsm")
    return berkas, actions, d / "renja_master.xlsm", hitung_lo(d / "renja_master.xlsm")


def test_validate_writes_hasil_validasi_and_marks_the_seed_anomalies(putaran1, master):
    berkas, actions, copy, lo = putaran1
    wb = load_workbook(lo)
    assert SHEET_HASIL in wb.sheetnames and "Aturan" in wb.sheetnames
    assert wb[SHEET_TANDA].sheet_state == "hidden"
    marks = _tanda(lo)
    # the ambiguous pagu of Tabel 4.2 and the mistyped unit of Tabel 4.1
    fill, note = marks[("Tabel 4.2", "L15")]
    assert fill == ARGB["error"] and "A006" in note and "1.181925" in note and note.startswith(PENANDA)
    for cell in ("I35", "I36"):
        fill, note = marks[("Tabel 4.1", cell)]
        assert fill == ARGB["warning"] and "S001" in note and "Laporan" in note
    # every finding's cell, and only those, carries the colour of its worst severity and a note
    worst: dict[tuple[str, str], str] = {}
    order = {"error": 0, "warning": 1, "info": 2}
    for f in berkas.findings:
        key = (f.sheet, f.cell)
        if key not in worst or order[f.severity] < order[worst[key]]:
            worst[key] = f.severity
    assert set(marks) == set(worst)
    for key, sev in worst.items():
        assert marks[key][0] == ARGB[sev], key
    # the same findings as `renja-xl check` on the file
    assert Counter((f.rule, f.sheet, f.cell) for f in berkas.findings) == \
        Counter((f.rule, f.sheet, f.cell) for f in periksa_berkas(master).findings)


def test_validate_lists_every_finding_with_links(putaran1):
    berkas, actions, copy, lo = putaran1
    formulas = load_workbook(lo)[SHEET_HASIL]
    values = load_workbook(lo, data_only=True)[SHEET_HASIL]
    head = next(r for r in range(1, 20) if values.cell(r, 1).value == "No")
    assert [values.cell(head, c).value for c in range(1, 10)] == [
        "No", "Aturan", "Tingkat", "Sheet", "Sel", "Kode", "Pesan", "Saran", "Penjelasan aturan"]
    rows = []
    r = head + 1
    while values.cell(r, 1).value not in (None, ""):
        rows.append(r)
        r += 1
    assert len(rows) == len(berkas.findings)
    aturan = load_workbook(lo, data_only=True)["Aturan"]
    for r, f in zip(rows, berkas.findings, strict=True):
        assert values.cell(r, 2).value == f.rule and values.cell(r, 4).value == f.sheet
        assert values.cell(r, 7).value == f.message
        assert (values.cell(r, 8).value or None) == f.saran
        assert values.cell(r, 5).value == f.cell  # LibreOffice computed the HYPERLINK's text
        assert formulas.cell(r, 5).value == f'=HYPERLINK("#\'{f.sheet}\'!{f.cell}","{f.cell}")'
        doc = formulas.cell(r, 9).value
        target = int(doc.split("!A")[1].split('"')[0])
        assert aturan.cell(target, 1).value == f.rule and aturan.cell(target, 5).value
    kode_row = next(r for r, f in zip(rows, berkas.findings, strict=True) if f.kode and f.kode.count(".") >= 4)
    assert isinstance(values.cell(kode_row, 6).value, str), "a kode written as a number"
    assert "galat" in values.cell(3, 1).value


def test_validate_never_changes_a_user_value(putaran1, master, master_lo):
    berkas, actions, copy, lo = putaran1
    assert _isi(lo) == _isi(master_lo)  # values as computed
    assert _isi(copy, data_only=False) == _isi(master, data_only=False)  # formulas and typed values
    touched = {a["sheet_position"] for a in actions if a["func"] in ("setValues", "setFormula", "rangeClear",
                                                                      "rangeClearContents")}
    names = load_workbook(lo).sheetnames
    assert {names[i] for i in touched} <= {SHEET_HASIL, "Aturan", SHEET_TANDA}


@pytest.fixture(scope="module")
def putaran2(putaran1, tmp_path_factory):
    """Validasi again on the result of the first run."""
    _, _, copy, lo = putaran1
    d = tmp_path_factory.mktemp("validasi2")
    berkas, actions = jalankan(rx.validate, lo, copy, d / "renja_master.xlsm")
    return berkas, actions, d / "renja_master.xlsm"


def test_validate_twice_gives_the_same_marks(putaran1, putaran2, hitung_lo):
    _, _, copy1, lo1 = putaran1
    _, actions, copy2 = putaran2
    funcs = Counter(a["func"] for a in actions)
    assert funcs["addNote"] == 0 and funcs["setNoteText"] == 0 and funcs["deleteNote"] == 0
    assert _tanda(copy2) == _tanda(copy1)
    ledger = lambda p: sorted(load_workbook(p)[SHEET_TANDA].iter_rows(values_only=True))  # noqa: E731
    assert ledger(copy2) == ledger(copy1)
    assert _isi(copy2, data_only=False) == _isi(copy1, data_only=False)


def test_clear_marks_restores_the_cells(putaran1, master, hitung_lo, tmp_path):
    _, _, copy, lo = putaran1
    n, actions = jalankan(rx.clear_marks, lo, copy, tmp_path / "renja_master.xlsm")
    assert n == len(_tanda(copy))
    after = tmp_path / "renja_master.xlsm"
    assert _tanda(after) == _tanda(master) == {}
    assert _isi(after, data_only=False) == _isi(master, data_only=False)
    assert [r for r in load_workbook(after)[SHEET_TANDA].iter_rows(values_only=True) if any(r)] == [
        ("Sheet", "Sel", "Warna sebelumnya", "Catatan sebelumnya", "Teks catatan sebelumnya", "Warna renja-xl",
         "Catatan renja-xl", "Aturan")]
    status = load_workbook(hitung_lo(after), data_only=True)[SHEET_HASIL]["A5"].value
    assert f"{n} sel dikembalikan" in status


def test_a_note_the_user_wrote_is_never_replaced(master, hitung_lo, tmp_path):
    """The remote engine cannot read a note's text: such a cell is coloured but its note is kept,
    through Validasi and Bersihkan Tanda."""
    from openpyxl.comments import Comment

    base = tmp_path / "dengan_catatan.xlsm"
    wb = load_workbook(master, keep_vba=True)
    wb["Tabel 4.2"]["L15"].comment = Comment("Konfirmasi ke bagian keuangan", "Staf")
    wb.save(base)
    lo = hitung_lo(base)
    berkas, _ = jalankan(rx.validate, lo, base, tmp_path / "v.xlsm")
    fill, note = _tanda(tmp_path / "v.xlsm")[("Tabel 4.2", "L15")]
    assert fill == ARGB["error"] and note == "Konfirmasi ke bagian keuangan"
    hasil = load_workbook(hitung_lo(tmp_path / "v.xlsm"), data_only=True)[SHEET_HASIL]
    assert "tidak diberi catatan" in hasil["A6"].value
    jalankan(rx.clear_marks, hitung_lo(tmp_path / "v.xlsm"), tmp_path / "v.xlsm", tmp_path / "c.xlsm")
    assert _tanda(tmp_path / "c.xlsm") == {("Tabel 4.2", "L15"): (None, "Konfirmasi ke bagian keuangan")}


# --- Hitung Ulang Rollup --------------------------------------------------------------------------

def _ubah_tabel_41(src: Path, dst: Path) -> None:
    """What staff do: insert a sub kegiatan row (in the wrong place: among another kegiatan's rows),
    delete a row. openpyxl does not adjust formulas, so every formula below is now off by rows."""
    wb = load_workbook(src, keep_vba=True)
    ws = wb["Tabel 4.1"]
    ws.insert_rows(26)
    for c, v in enumerate(["1", "06", "01", "2", "02", "08", "Sub kegiatan sisipan (uji)", "Jumlah dokumen uji",
                           "Dokumen", 1, 5_000_000, 1, 6_000_000], start=1):
        ws.cell(26, c).value = v
    assert ws["F32"].value == "08" and ws["E32"].value == "06"  # 1.06.01.2.06.08, 1.062.500
    ws.delete_rows(32)
    wb.save(dst)


def _totals(lo: Path):
    wb = load_workbook(lo, data_only=True)
    grids = [lembar_dari_nilai(ws.title, [[c.value for c in row] for row in ws.iter_rows()])
             for ws in wb.worksheets if ws.title in TABEL]
    return wb, baca_lembar(grids, "renja_master.xlsm").tables


def test_recompute_rollups_after_insert_delete_and_move(master, hitung_lo, tmp_path):
    base = tmp_path / "diubah.xlsm"
    _ubah_tabel_41(master, base)
    before_lo = hitung_lo(base)
    bwb, _ = _totals(before_lo)
    assert bwb["Tabel 4.1"]["K24"].value == 204_111_028  # the stale SUM(K25:K32) now adds the wrong rows
    changes, actions = jalankan(rx.recompute_rollups, before_lo, base, tmp_path / "hitung.xlsm")
    after_lo = hitung_lo(tmp_path / "hitung.xlsm")
    wb, tables = _totals(after_lo)
    formulas = load_workbook(after_lo)
    checked = 0
    for t in tables:
        if t.kind not in ("rencana", "realisasi"):
            continue
        for grup in rincian_induk(t):
            if grup.tercemar:
                continue
            for year, cell in pagu_per_tahun(t, grup.induk).items():
                kids = [pagu_per_tahun(t, k).get(year) for k in grup.anak]
                want = sum(v for k in kids if k is not None
                           for v in [wb[t.sheet][k.cell].value] if isinstance(v, (int, float)))
                assert wb[t.sheet][cell.cell].value == pytest.approx(want), (t.sheet, cell.cell, t.kode[grup.induk])
                checked += 1
    assert checked >= 60
    ws = wb["Tabel 4.1"]
    assert formulas["Tabel 4.1"]["K17"].value == "=SUM(K18:K21,K26)"  # the inserted row counts where its kode says
    assert ws["K17"].value == 3_373_203_956 + 5_000_000
    assert ws["K24"].value == 200_173_528 - 1_062_500  # without the deleted row
    # every changed cell is listed with what it held before
    listed = {(c.sheet, c.cell) for c in changes}
    assert listed == {("Tabel 4.1", "K17"), ("Tabel 4.1", "M17"), ("Tabel 4.1", "K24"), ("Tabel 4.1", "M24")}
    hasil = wb[SHEET_HASIL]
    history = [tuple(hasil.cell(r, c).value for c in range(12, 19)) for r in range(9, hasil.max_row + 1)]
    rows = {(h[1], h[2]): h for h in history if h[1]}
    assert rows[("Tabel 4.1", "K17")][4] == "Rp 3.373.203.956" and rows[("Tabel 4.1", "K17")][5] == "=SUM(K18:K21,K26)"
    assert rows[("Tabel 4.1", "K9")][4] == "(tidak diubah)" and "K001" in rows[("Tabel 4.1", "K9")][6]
    # values typed by the user are untouched; only parent amounts changed
    typed_before = _isi(base, TABEL, data_only=False)
    typed_after = _isi(tmp_path / "hitung.xlsm", TABEL, data_only=False)
    diff = {k for k in typed_before.keys() | typed_after.keys() if typed_before.get(k) != typed_after.get(k)}
    assert diff <= {(s, c) for s, c in [(c.sheet, c.cell) for c in changes]} | {
        (t.sheet, p.cell) for t in tables for g in rincian_induk(t) for p in pagu_per_tahun(t, g.induk).values()}
    assert Counter(a["func"] for a in actions)["setFormula"] >= 76


def test_recompute_rollups_twice_keeps_the_history(master, hitung_lo, tmp_path):
    base = tmp_path / "diubah.xlsm"
    _ubah_tabel_41(master, base)
    jalankan(rx.recompute_rollups, hitung_lo(base), base, tmp_path / "h1.xlsm")
    lo1 = hitung_lo(tmp_path / "h1.xlsm")
    changes, _ = jalankan(rx.recompute_rollups, lo1, tmp_path / "h1.xlsm", tmp_path / "h2.xlsm")
    assert changes == []  # nothing left to fix
    berkas, _ = jalankan(rx.validate, hitung_lo(tmp_path / "h2.xlsm"), tmp_path / "h2.xlsm", tmp_path / "v.xlsm")
    hasil = load_workbook(hitung_lo(tmp_path / "v.xlsm"), data_only=True)[SHEET_HASIL]
    titles = [hasil.cell(r, 16).value for r in range(9, hasil.max_row + 1)
              if str(hasil.cell(r, 16).value or "").startswith("Hitung Ulang Rollup")]
    assert len(titles) == 2 and titles[0].startswith("Hitung Ulang Rollup: 4 sel") and titles[1].startswith(
        "Hitung Ulang Rollup: 0 sel"), "Validasi must not erase the rollup history"
