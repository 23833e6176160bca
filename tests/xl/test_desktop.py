"""The add-in where the engine can read fills, notes and formulas (desktop Excel), on the in-memory
stand-in of desktop.py: previous fills and notes come back exactly, a mark the user changed is left
as the user made it, and Hitung Ulang lists only formulas that really change."""

from __future__ import annotations

import pytest

import renja_xl.xl as rx
from renja_xl.xl import SHEET_HASIL
from renja_xl.xl.tanda import WARNA, baca_buku_tanda

from .desktop import Book

KUNING_PENGGUNA = (255, 255, 0)


def _rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


@pytest.fixture
def buku(master):
    return Book.dari_berkas(master)


def test_previous_fill_and_note_come_back_exactly(buku):
    t42, t41 = buku.sheets["Tabel 4.2"], buku.sheets["Tabel 4.1"]
    t42["L15"].color = KUNING_PENGGUNA
    t42["L15"].add_note("Konfirmasi ke bagian keuangan")
    t41["I35"].color = (200, 230, 200)
    before = {(s.name, "fills"): dict(s.fills) for s in buku.sheets} | {(s.name, "notes"): dict(s.notes) for s in buku.sheets}
    values = {s.name: dict(s.cells) for s in buku.sheets}

    berkas = rx.validate(buku)
    assert t42["L15"].color == _rgb(WARNA["error"])
    note = t42["L15"].note.text
    assert note.startswith("Konfirmasi ke bagian keuangan\n\n[renja-xl] A006")  # the user's text stays first
    led = baca_buku_tanda(buku)[("Tabel 4.2", "L15")]
    assert (led.warna_lama, led.catatan_lama, led.teks_lama) == ("#ffff00", "ada", "Konfirmasi ke bagian keuangan")
    for name in ("Tabel 4.1", "Tabel 4.2", "Tabel 2.1", "Tabel 2.2", "Realisasi 2024"):
        assert buku.sheets[name].cells == values[name], "validate changed a cell value"

    rx.validate(buku)  # again: same marks, ledger keeps the original "before"
    assert t42["L15"].note.text == note
    assert baca_buku_tanda(buku)[("Tabel 4.2", "L15")].warna_lama == "#ffff00"

    n = rx.clear_marks(buku)
    assert n == len({(f.sheet, f.cell) for f in berkas.findings})
    after = {(s.name, "fills"): dict(s.fills) for s in buku.sheets} | {(s.name, "notes"): dict(s.notes) for s in buku.sheets}
    for key, want in before.items():
        if key[0] in ("Tabel 4.1", "Tabel 4.2", "Tabel 2.1", "Tabel 2.2", "Realisasi 2024"):
            assert after[key] == want, key
    assert t42["L15"].color == KUNING_PENGGUNA and t42["L15"].note.text == "Konfirmasi ke bagian keuangan"


def test_a_mark_the_user_changed_is_kept(buku):
    t41 = buku.sheets["Tabel 4.1"]
    rx.validate(buku)
    t41["I35"].color = (0, 176, 80)  # the user recolours a marked cell
    t41["I36"].note.text = "sudah diperbaiki di SIPD"  # and rewrites the note of another
    rx.validate(buku)
    assert t41["I35"].color == _rgb(WARNA["warning"])  # still a finding: marked again …
    rx.clear_marks(buku)
    assert t41["I35"].color == (0, 176, 80)  # … but clearing gives back the user's colour
    assert t41["I36"].note.text == "sudah diperbaiki di SIPD"


def test_marks_of_fixed_cells_go_away_at_the_next_validate(buku):
    t41 = buku.sheets["Tabel 4.1"]
    rx.validate(buku)
    assert t41["I36"].note is not None
    t41["I36"].value = "Laporan"  # the user fixes the unit (S001 was its only finding)
    rx.validate(buku)
    assert t41["I36"].color is None and t41["I36"].note is None
    assert ("Tabel 4.1", "I36") not in baca_buku_tanda(buku)


def test_recompute_lists_only_formulas_that_change(buku):
    t41 = buku.sheets["Tabel 4.1"]
    assert rx.recompute_rollups(buku) == []  # the master's formulas are already right
    t41["K17"].value = 3_373_203_956  # a parent typed over as a number
    t41["K24"].formula = "=SUM(K25:K31)"  # a SUM that lost its last row
    changes = {(c.sheet, c.cell): c for c in rx.recompute_rollups(buku)}
    assert set(changes) == {("Tabel 4.1", "K17"), ("Tabel 4.1", "K24")}
    assert changes[("Tabel 4.1", "K17")].sebelum == "Rp 3.373.203.956"
    assert changes[("Tabel 4.1", "K24")].sebelum == "=SUM(K25:K31)"
    assert t41["K24"].formula == "=SUM(K25:K32)" and t41["K17"].formula == "=SUM(K18:K21)"
    hist = buku.sheets[SHEET_HASIL]
    listed = [hist.shown(r, 14) for r in range(9, 40)]
    assert any("K24" in str(x) for x in listed)


def _hasil_a(buku) -> list[str]:
    hasil = buku.sheets[SHEET_HASIL]
    return [str(hasil.shown(r, 1) or "") for r in range(1, 8)]


def test_validate_uses_the_configuration_next_to_the_workbook(master, tmp_path, monkeypatch):
    import shutil

    from tests.conftest import REFERENCE

    csv = REFERENCE / "nomenklatur_kabkota_900.1.15.5-1317_2023.csv"
    if not csv.is_file():
        pytest.skip(f"nomenclature not found at {csv} (../shared/reference is not part of the repository)")
    monkeypatch.setenv("RENJA_XL_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "renja_master.xlsm"
    shutil.copyfile(master, path)
    (tmp_path / "renja-xl.toml").write_text(f'nomenklatur = "{csv}"\nignore = ["T004"]\n', encoding="utf-8")
    buku = Book.dari_berkas(path)
    buku.fullname = str(path)
    berkas = rx.validate(buku)
    rules = {f.rule for f in berkas.findings}
    assert "T004" not in rules  # the configuration's ignore applies
    assert rules & {"K005", "S005"}, "the configured nomenclature was not used"
    assert any(f"Nomenklatur: {csv}" in line for line in _hasil_a(buku))


def test_an_invalid_configuration_is_reported_not_fatal(master, tmp_path):
    import shutil

    path = tmp_path / "renja_master.xlsm"
    shutil.copyfile(master, path)
    (tmp_path / "renja-xl.toml").write_text('ambang = { capaian_ekstrem = "tinggi" }\n', encoding="utf-8")
    buku = Book.dari_berkas(path)
    buku.fullname = str(path)
    berkas = rx.validate(buku)
    assert berkas.findings
    assert any("tidak dipakai" in line and "renja-xl.toml" in line for line in _hasil_a(buku))


def test_accepted_deviations_are_listed_not_marked(buku):
    peng = buku.sheets["Pengecualian"]
    peng.range("A2:D2").value = [["A006", "1.06.01.2.01.04", "Angka dikonfirmasi ke BPKAD: Rp 1.181.925", "Tabel 4.2"]]
    berkas = rx.validate(buku)
    assert not any(f.rule == "A006" and f.sheet == "Tabel 4.2" and f.cell == "L15" for f in berkas.findings)
    assert ("Tabel 4.2", "L15") not in baca_buku_tanda(buku)
    hasil = buku.sheets[SHEET_HASIL]
    rows = [[hasil.shown(r, c) for c in range(1, 7)] for r in range(1, 400)]
    head = next(i for i, r in enumerate(rows) if r[0] == "Dikecualikan")
    assert rows[head + 1][1:6] == ["A006", "1.06.01.2.01.04", "Tabel 4.2", "L15", "Angka dikonfirmasi ke BPKAD: Rp 1.181.925"]
    assert "1 dikecualikan" in rows[2][0]


def test_notes_cut_short_or_with_crlf_are_still_recognised_as_ours(master):
    """If Excel cuts a long note passed from code (an old 255-character limit) or returns CRLF line
    ends, a second Validasi and Bersihkan Tanda must still treat the note as the add-in's own."""
    buku = Book.dari_berkas(master, potong_catatan=255)
    berkas = rx.validate(buku)
    long_notes = [k for s in buku.sheets for k, v in s.notes.items() if len(v) == 255]
    assert long_notes, "no note long enough to be cut: the test would prove nothing"
    first = {s.name: dict(s.notes) for s in buku.sheets}
    rx.validate(buku)
    assert {s.name: dict(s.notes) for s in buku.sheets} == first
    assert all(t.catatan_lama == "tidak" for t in baca_buku_tanda(buku).values())
    rx.clear_marks(buku)
    for name in ("Tabel 4.1", "Tabel 4.2", "Tabel 2.1", "Tabel 2.2", "Realisasi 2024"):
        assert buku.sheets[name].notes == {} and buku.sheets[name].fills == {}, name
    assert berkas.findings
