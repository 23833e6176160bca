"""Who sent a submission: from the seed's title rows, from generated titles, from file and folder names."""

from __future__ import annotations

import pytest

from renja_xl.checker import periksa_berkas
from renja_xl.core.identitas import PEMDA_SULSEL, kenali, kenali_berkas, kunci
from tests.batch.kiriman import kiriman
from tests.conftest import SEED_XLSX


def test_the_seed_is_the_renja_perubahan_of_dinas_sosial_luwu_2024():
    b = periksa_berkas(SEED_XLSX)
    assert b.identitas == {"pemda": "Kabupaten Luwu", "opd": "Dinas Sosial", "tahun": 2024,
                           "dokumen": "Renja Perubahan", "bidang": "1.06"}
    # the tables' own titles do not say Perubahan: the document's title on its cover sheet does
    assert kenali_berkas(b)["dokumen"] == "Renja"


def test_the_documents_own_title_says_perubahan():
    # the seed names itself so in its foreword (seed line 7), transcribed on the Sampul sheet
    judul = "Rencana Kerja (Renja) Perubahan Tahun 2024 Dinas Sosial Kabupaten Luwu"
    assert kenali([judul]) == {"pemda": "Kabupaten Luwu", "opd": "Dinas Sosial", "tahun": 2024,
                               "dokumen": "Renja Perubahan"}
    assert kenali(["Rencana Kerja (Renja) Tahun 2024 Dinas Sosial"])["dokumen"] == "Renja"


def test_seed_titles_one_by_one():
    # each title alone says part of it; 'S/D TAHUN' and 'Nama Perangkat Daerah :' do not leak into names
    t21 = ("Tabel 2.1 REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA PERANGKAT DAERAH DAN PENCAPAIAN RENSTRA "
           "DINAS SOSIAL S/D TAHUN 2024 PROPINSI SULAWESI SELATAN KABUPATEN LUWU")
    assert kenali([t21]) == {"pemda": "Kabupaten Luwu", "opd": "Dinas Sosial", "tahun": 2024, "dokumen": "Renja"}
    t42 = ("TABEL 4.2 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2024 dan Prakiraan Maju Tahun "
           "2025 KABUPATEN LUWU Nama Perangkat Daerah : DINAS SOSIAL")
    assert kenali([t42])["opd"] == "Dinas Sosial" and kenali([t42])["pemda"] == "Kabupaten Luwu"
    assert kenali(["TABEL 2.3 REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2024 DINAS SOSIAL KAB. LUWU"])["pemda"] == "Kabupaten Luwu"
    real = "REALISASI ... TAHUN 2024 DINAS SOSIAL KABUPATEN LUWU (ditranskripsi dari uraian Bab II 2.1 Renja Perubahan 2024)"
    assert kenali([real])["dokumen"] == "Renja Perubahan"


@pytest.mark.parametrize("path, expected", [
    ("kiriman.zip!kab_luwu_utara/dinsos_2025.xlsx",
     {"pemda": "Kabupaten Luwu Utara", "opd": "Dinas Sosial", "tahun": 2025}),
    ("putaran2/Kota Parepare/RENJA-P DINKES 2024.xls",
     {"pemda": "Kota Parepare", "opd": "Dinas Kesehatan", "tahun": 2024, "dokumen": "Renja Perubahan"}),
    ("sidrap/bappeda.xlsx", {"pemda": "Kabupaten Sidenreng Rappang", "opd": "Badan Perencanaan Pembangunan Daerah"}),
    ("Kab. Pangkep/renja_perubahan_dpupr.xlsx",
     {"pemda": "Kabupaten Pangkajene dan Kepulauan", "opd": "Dinas Pekerjaan Umum dan Penataan Ruang",
      "dokumen": "Renja Perubahan"}),
    ("Kabupaten Mamuju Tengah/Dinas Pendidikan 2025.xlsx",
     {"pemda": "Kabupaten Mamuju Tengah", "opd": "Dinas Pendidikan", "tahun": 2025}),
    ("data/lampiran.xlsx", {}),
])
def test_from_file_and_folder_names(path, expected):
    assert kenali([], path) == expected


def test_title_wins_over_names_and_names_over_the_bidang_kode():
    got = kenali(["RENJA DINAS KESEHATAN KOTA MAKASSAR TAHUN 2025"], "kab_bone/dinsos.xlsx", ["1.06.01"])
    assert (got["pemda"], got["opd"], got["bidang"]) == ("Kota Makassar", "Dinas Kesehatan", "1.06")
    assert kenali([], "kab_bone/renja.xlsx", ["2.13.01", "2.13.01.2.01"])["opd"] == "Dinas Pemberdayaan Masyarakat dan Desa"
    # generic words are not a pemda: 'DAERAH KABUPATEN/KOTA' in a program name
    assert "pemda" not in kenali(["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"])


@pytest.mark.parametrize("pemda", sorted(PEMDA_SULSEL))
def test_every_pemda_of_the_province_from_a_generated_title(tmp_path, pemda):
    p = tmp_path / "x.xlsx"
    kiriman(p, pemda=pemda.upper(), opd="DINAS PEMBERDAYAAN MASYARAKAT DAN DESA", bidang=("2", "13"))
    got = kenali_berkas(periksa_berkas(p))
    assert got == {"pemda": pemda, "opd": "Dinas Pemberdayaan Masyarakat dan Desa", "tahun": 2025,
                   "dokumen": "Renja", "bidang": "2.13"}


def test_identity_key_ignores_file_names_and_spelling():
    a = kunci({"pemda": "Kabupaten Luwu", "opd": "Dinas Sosial", "tahun": 2025}, "a.xlsx")
    b = kunci({"pemda": "Kab. Luwu", "opd": "DINAS  SOSIAL", "tahun": 2025}, "renja-p final.xlsx")
    assert a == b
    assert a != kunci({"pemda": "Kabupaten Luwu", "opd": "Dinas Sosial", "tahun": 2026})
    assert kunci({}, "x/renja.xlsx") != kunci({}, "y/lain.xlsx")


def test_every_submission_of_a_generated_province(tmp_path):
    """Titles in five wordings (some far above the header, some without the pemda), three folder
    naming styles, office names long and short: each file is identified as generated."""
    import json

    from tests.cli.test_check_cli import run
    from tests.synth import buat_provinsi

    made = buat_provinsi(tmp_path / "prov", n_pemda=4, n_opd=6, seed=3, baris=(30, 80))
    code, out, err = run("check", str(tmp_path / "prov"), "--format", "json")
    got = {f["path"]: f["identitas"] for f in json.loads(out)["files"]}
    assert len(got) == len(made) == 24
    for k in made:
        ident = got[str(k.path)]
        assert (ident["pemda"], ident["opd"], ident["tahun"], ident["dokumen"], ident["bidang"]) == (
            k.pemda, k.opd, 2025, k.dokumen, k.bidang), k.path
    assert {k.dokumen for k in made} == {"Renja", "Renja Perubahan"}


@pytest.mark.parametrize("title, opd", [
    ("RENJA BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH KABUPATEN LUWU TAHUN 2025",
     "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah"),
    ("Nama Perangkat Daerah : DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK, PENGENDALIAN PENDUDUK DAN "
     "KELUARGA BERENCANA", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana"),
    ("RENCANA KERJA DINAS SOSIAL, KABUPATEN LUWU TAHUN 2025", "Dinas Sosial"),
])
def test_an_office_name_keeps_its_commas(title, opd):
    """Office names were cut at the first comma ("Badan Perencanaan Pembangunan")."""
    assert kenali([title])["opd"] == opd
