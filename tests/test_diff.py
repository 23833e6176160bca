"""``renja-xl diff``: two versions of the seed workbook, the second made here with known edits."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from renja_xl.diff import bandingkan_berkas
from tests.cli.test_check_cli import run
from tests.conftest import SEED_XLSX

KODE_COLS = "ABCDEF"


def _row_of(ws, kode: str) -> int:
    parts = kode.split(".")
    for r in range(1, ws.max_row + 1):
        cells = [str(ws[f"{c}{r}"].value or "") for c in KODE_COLS]
        if cells[: len(parts)] == parts and all(not x for x in cells[len(parts):]):
            return r
    raise KeyError(kode)


@pytest.fixture(scope="module")
def versi(tmp_path_factory):
    """The seed, and a 'Renja Perubahan' of it: Tabel 4.1 with
    - pagu 2024 of 1.06.01.2.01.02 raised by Rp 100.000 (and the office total with it),
    - target 2025 of 1.06.01.2.01.03 from 1 to 3,
    - satuan of 1.06.06.2.01.01 from Orang to Jiwa,
    - sub kegiatan 1.06.01.2.01.04 removed,
    - a new sub kegiatan 1.06.07.2.01.03 added at the end."""
    d = tmp_path_factory.mktemp("diff")
    wb = load_workbook(SEED_XLSX)
    ws = wb["Tabel 4.1"]
    r = _row_of(ws, "1.06.01.2.01.02")
    old_pagu = ws[f"K{r}"].value
    ws[f"K{r}"] = old_pagu + 100_000
    r_office = _row_of(ws, "1.06")
    ws[f"K{r_office}"] = ws[f"K{r_office}"].value + 100_000
    r = _row_of(ws, "1.06.01.2.01.03")
    assert ws[f"L{r}"].value in (None, "")  # target 2025 is empty in the seed
    ws[f"L{r}"] = 3
    r = _row_of(ws, "1.06.06.2.01.01")
    assert ws[f"I{r}"].value == "Orang"
    ws[f"I{r}"] = "Jiwa"
    r_removed = _row_of(ws, "1.06.01.2.01.04")
    removed_pagu = ws[f"K{r_removed}"].value
    ws.delete_rows(r_removed)
    new = ws.max_row + 1
    for c, v in zip("ABCDEFGHIJKLM", ["1", "06", "07", "2", "01", "03", "Pembangunan Taman Makam Baru",
                                       "Jumlah makam yang dibangun", "Makam", 2, 5_000_000, 2, 6_000_000], strict=True):
        ws[f"{c}{new}"] = v
    perubahan = d / "renja_perubahan.xlsx"
    wb.save(perubahan)
    return SEED_XLSX, perubahan, old_pagu, removed_pagu


def test_the_known_edits_and_nothing_else(versi):
    lama, baru, old_pagu, removed_pagu = versi
    h = bandingkan_berkas(lama, baru)
    t41, t42 = h.tables
    assert (t41.sheet_baru, t42.sheet_baru) == ("Tabel 4.1", "Tabel 4.2")
    got = {(p.kode, p.isian, p.tahun): (p.lama, p.baru) for p in t41.berubah}
    assert got == {
        ("1.06", "pagu", 2024): (4876245268, 4876345268),
        ("1.06.01.2.01.02", "pagu", 2024): (old_pagu, old_pagu + 100_000),
        ("1.06.01.2.01.03", "target", 2025): (None, 3),
        ("1.06.06.2.01.01", "satuan", None): ("Orang", "Jiwa"),
    }
    assert [(r.kode, r.level, r.pagu[2024]) for r in t41.ditambah] == [("1.06.07.2.01.03", "sub_kegiatan", 5_000_000)]
    assert [(r.kode, r.pagu[2024]) for r in t41.dihapus] == [("1.06.01.2.01.04", removed_pagu)]
    assert t41.total[2024] == (4876245268, 4876345268) and t41.total[2025] == (5770500000, 5770500000)
    a, b = t41.jumlah_sub[2024]
    assert b - a == 100_000 - removed_pagu + 5_000_000
    assert not (t42.berubah or t42.ditambah or t42.dihapus)  # Tabel 4.2 was not edited


def test_identical_files_exit_0_and_changed_exit_1(versi):
    lama, baru, *_ = versi
    code, out, _ = run("diff", str(lama), str(lama))
    assert code == 0 and "tidak ada perubahan" in out and "0 perubahan nilai, 0 baris ditambah, 0 baris dihapus" in out
    code, out, _ = run("diff", str(lama), str(baru))
    assert code == 1
    assert "Total pagu 2024: Rp 4.876.245.268 → Rp 4.876.345.268 (+Rp 100.000)" in out
    assert "satuan: Orang → Jiwa" in out and "target 2025: (kosong) → 3" in out
    assert "Ditambah (1):\n    1.06.07.2.01.03  Pembangunan Taman Makam Baru [sub kegiatan]" in out
    assert "Dihapus (1):\n    1.06.01.2.01.04" in out
    code, out, _ = run("diff", str(lama), str(baru), "--lang", "en")
    assert "Removed (1):" in out and "unit: Orang → Jiwa" in out and "Total pagu 2025: Rp 5.770.500.000 → Rp 5.770.500.000 (unchanged)" in out


def test_json(versi):
    lama, baru, old_pagu, removed_pagu = versi
    code, out, _ = run("diff", str(lama), str(baru), "--format", "json")
    doc = json.loads(out)
    assert doc["schema"] == "renja-xl/diff@2" and doc["summary"] == {"berubah": 4, "ditambah": 1, "dihapus": 1}
    t41 = doc["tables"][0]
    assert t41["total"]["2024"] == {"lama": 4876245268, "baru": 4876345268, "selisih": 100000}
    change = next(p for p in t41["berubah"] if p["kode"] == "1.06.01.2.01.02")
    assert change["selisih"] == 100_000 and change["sel_baru"] == change["sel_lama"]
    assert t41["dihapus"][0]["pagu"]["2024"] == removed_pagu


def test_excel(versi, tmp_path, soffice):
    lama, baru, *_ = versi
    out = tmp_path / "beda.xlsx"
    code, _, err = run("diff", str(lama), str(baru), "--format", "excel", "-o", str(out))
    assert code == 1, err
    wb = load_workbook(out)
    assert wb.sheetnames == ["Total", "Perubahan", "Ditambah", "Dihapus"]
    rows = list(wb["Perubahan"].iter_rows(min_row=2, values_only=True))
    assert ("Tabel 4.1", "1.06.06.2.01.01") in {(r[0], r[1]) for r in rows}
    pagu = next(r for r in rows if r[1] == "1.06.01.2.01.02")
    assert pagu[4] == "pagu" and pagu[5] == 2024 and pagu[8] == 100_000
    assert [r[1] for r in wb["Ditambah"].iter_rows(min_row=2, values_only=True)] == ["1.06.07.2.01.03"]
    for ws in wb:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    res = soffice(out, "ods", tmp_path / "lo")
    assert res.returncode == 0 and (tmp_path / "lo" / "beda.ods").exists(), res.stderr
    code, _, err = run("diff", str(lama), str(baru), "--format", "excel")
    assert code == 2 and "-o" in err


def test_unreadable_input_and_output_over_an_input_are_exit_2(versi, tmp_path):
    lama, baru, *_ = versi
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan")
    code, _, err = run("diff", str(lama), str(broken))
    assert code == 2 and "bukan berkas spreadsheet" in err.lower()
    before = baru.read_bytes()
    code, _, err = run("diff", str(lama), str(baru), "-o", str(baru))
    assert code == 2 and "menimpa" in err and baru.read_bytes() == before
