"""docs/excel-windows.md: every point the Windows guide must cover (issue 12, item 9), and that it
ends with the checklist for the first run on Windows."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "excel-windows.md"


@pytest.fixture(scope="module")
def teks() -> str:
    return GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("pokok,kata", [
    ("unblocking a downloaded or e-mailed file, a zip before extracting", ["Unblock", "sebelum diekstrak", "Mark of the Web"]),
    ("Enable Editing before Enable Content", ["Enable Editing, lalu Enable Content"]),
    ("Trusted Locations on a network drive", ["Allow Trusted Locations on my network"]),
    ("unsigned projects under a signed-macros-only policy", ["Disable VBA macros except digitally signed macros"]),
    ("Anaconda", ["Conda Path", "Conda Env"]),
    ("OneDrive/SharePoint", ["ONEDRIVE_COMMERCIAL_WIN", "ONEDRIVE_CONSUMER_WIN", "SHAREPOINT_WIN",
                             "renja-xl.toml` di samping workbook hanya terbaca"]),
    ("restarting Excel after installing Python", ["Tutup semua jendela Excel, lalu buka lagi"]),
    ("installing on an office PC without internet", ["--no-index --find-links", "pip wheel"]),
    ("Save As .xlsm", ["Excel Macro-Enabled Workbook (\\*.xlsm)"]),
    ("interpreter guidance", ["xlwings config create", "App execution aliases"]),
    ("renamed, moved, network drive", ["diganti nama, dipindah"]),
    ("Periksa Pemasangan", ["Periksa Pemasangan"]),
])
def test_the_guide_covers(teks, pokok, kata):
    for k in kata:
        assert k in teks, f"{pokok}: '{k}' is not in docs/excel-windows.md"


def test_no_claim_that_the_numbers_need_no_guard(teks):
    # the guard, not IFERROR alone, is what keeps the numbers when Python fails (issue 12, item 2)
    assert "teks" in teks and "rumus cadangan" in teks
    assert "Python tidak ada atau rusak" in teks


def test_it_ends_with_the_first_run_checklist(teks):
    heads = re.findall(r"^## (.+)$", teks, flags=re.M)
    assert heads[-1].startswith("11. Daftar periksa percobaan pertama di Windows")
    last = teks[teks.index("## " + heads[-1]):]
    for item in ("tanpa pesan perbaikan", "Debug → Compile VBAProject", "Setiap tombol", "Fungsi tanpa Python",
                 "Dropdown"):
        assert item in last, item
    assert "belum dicoba di Excel sungguhan" in teks and "has **not** been tried" in teks
