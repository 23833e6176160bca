"""Nomenclature files and their cache: read with the same limits as a submission; the cache cannot run code."""

from __future__ import annotations

import json
import pickle

from openpyxl import Workbook

from renja_xl.nomenklatur import muat as muat_mod
from renja_xl.nomenklatur import muat_nomenklatur
from tests.keamanan.bantu import jalankan, renja, sidik, tanpa_jejak

HEAD = "kode,nomenklatur,kinerja,indikator,satuan\n"
BARIS = "1.06.01.2.01.0001,Penyusunan Dokumen Perencanaan Perangkat Daerah – édition,,Jumlah Dokumen,Dokumen\n"


def _cek(tmp_path, nomen, **env):
    src = renja(tmp_path / "kiriman" / "renja.xlsx")
    before = sidik(src, nomen)
    h = jalankan("check", str(src), "--nomenklatur", str(nomen), "--format", "json", "--jobs", "1",
                 env={"RENJA_XL_CACHE": str(tmp_path / "cache"), **env})
    tanpa_jejak(h)
    assert sidik(src, nomen) == before
    return h


def test_latin1_csv_saved_by_excel_is_read(tmp_path):
    p = tmp_path / "nomen.csv"
    p.write_bytes((HEAD + BARIS).encode("cp1252"))
    n = muat_nomenklatur(p, cache=False)
    assert n.cari_kode("1.06.01.2.01.0001").nama.endswith("– édition")
    h = _cek(tmp_path, p)
    assert h.code in (0, 1), h.err


def test_utf8_bom_and_utf16_csv_are_read(tmp_path):
    for name, data in (("bom.csv", (HEAD + BARIS).encode("utf-8-sig")), ("u16.csv", (HEAD + BARIS).encode("utf-16"))):
        p = tmp_path / name
        p.write_bytes(data)
        assert muat_nomenklatur(p, cache=False).cari_kode("1.06.01.2.01.0001").satuan == "Dokumen"


def test_huge_field_is_exit_2_with_a_message(tmp_path):
    p = tmp_path / "besar.csv"
    p.write_text(HEAD + '1.06.01.2.01.0001,"' + "x" * 300_000 + '",,,\n', encoding="utf-8")
    h = _cek(tmp_path, p)
    assert h.code == 2 and "nomenklatur" in h.err and "100.000 karakter" in h.err, h.err


def test_xfd_cell_in_a_nomenclature_workbook_is_exit_2(tmp_path):
    p = tmp_path / "nomen.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["URUSAN", "BIDANG", "PROGRAM", "KEGIATAN", "SUB KEGIATAN", "NOMENKLATUR", "SATUAN"])
    ws["XFD1048576"] = "x"
    wb.save(p)
    h = _cek(tmp_path, p)
    assert h.code == 2 and "memori" in h.err and "--batas-memori" in h.err, h.err
    assert h.mb < 1500


def test_a_planted_cache_is_never_executed_and_a_foreign_one_is_ignored(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("RENJA_XL_CACHE", str(cache))
    p = tmp_path / "nomen.csv"
    p.write_text(HEAD + BARIS, encoding="utf-8")
    sidik_ = muat_mod._sidik(p)
    versi = muat_mod._versi_kamus()
    marker = tmp_path / "dijalankan"

    class Jahat:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for fmt in (3, 4):  # the old pickle name and any name we might use
        (cache / f"nomenklatur-{sidik_[:24]}-v{fmt}-{versi}.pickle").write_bytes(pickle.dumps(Jahat()))
    asing = cache / f"nomenklatur-{sidik_[:24]}-v{muat_mod._FORMAT}-{versi}.json"
    asing.write_text(json.dumps({"format": muat_mod._FORMAT, "sidik": sidik_, "kamus": versi,
                                 "entri": [["9.99", "bidang", {"x": 1}, "", "", ""]], "pasangan": []}))
    n = muat_nomenklatur(p)
    assert not marker.exists()
    assert n.cari_kode("1.06.01.2.01.0001") is not None and n.cari_kode("9.99") is None
    assert json.loads(asing.read_text())["entri"][0][0] == "1.06.01.2.01.0001"  # rewritten from the file
    asing.write_text("{" * 100_000)  # damaged: ignored, no RecursionError
    assert muat_nomenklatur(p).cari_kode("1.06.01.2.01.0001") is not None
