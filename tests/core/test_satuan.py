"""Units with aliases and typo suggestions, on the seed's own spellings."""

import pytest

from renja_xl.core.satuan import Kamus, SATUAN, baca_satuan, kamus_bawaan


@pytest.mark.parametrize(
    ("teks", "saran"),
    [("Lpaoran", "Laporan"), ("Kelaurga", "Keluarga"), ("Sertifkat", "Sertifikat"), ("Kmunitas", "Komunitas"),
     ("Dokuman", "Dokumen"), ("Doumen", "Dokumen"), ("Laporn", "Laporan"), ("Kecamtan", "Kecamatan")],
)
def test_typos_suggest_the_unit(teks, saran):
    s = baca_satuan(teks)
    assert s.status == "salah_ketik"
    assert s.saran == saran
    assert s.efektif == saran
    assert not s.dikenal


@pytest.mark.parametrize(
    ("teks", "kanonik"),
    [("ОВ", "Orang/bulan"),  # Cyrillic О and В, Tabel 4.1
     ("OB", "Orang/bulan"), ("Dok", "Dokumen"), ("Lap", "Laporan"), ("Org", "Orang"), ("Bln", "Bulan"),
     ("KK", "Keluarga"), ("KPM", "Keluarga"), ("Desa/Kel", "Desa/Kelurahan"), ("M2", "M²"), ("m²", "M²"),
     ("Jiwa/bulan", "Orang/bulan"), ("Pkt", "Paket"), ("Eks", "Eksemplar")],
)
def test_aliases(teks, kanonik):
    s = baca_satuan(teks)
    assert s.dikenal and s.kanonik == kanonik


def test_cyrillic_is_flagged():
    assert baca_satuan("ОВ").huruf_asing
    assert not baca_satuan("OB").huruf_asing


@pytest.mark.parametrize("teks", ["laporan", "LAPORAN", " Laporan ", "orang", "Dokumen", "%", "Unit", "Makam"])
def test_case_and_space_do_not_matter(teks):
    assert baca_satuan(teks).status == "baku"


@pytest.mark.parametrize("teks", ["KPM Org", "PSKS", "bangunan"])
def test_unknown_without_a_guess(teks):
    s = baca_satuan(teks)
    assert s.status == "tidak_dikenal" and s.saran is None and s.efektif is None


def test_empty():
    assert baca_satuan("").status == "kosong"
    assert baca_satuan(None).status == "kosong"


def test_phrase_and_kinds():
    k = kamus_bawaan()
    assert k.awal_frasa("Keluarga yang mendapatkan layanan LK3".split()) == "Keluarga"
    assert k.awal_frasa("Desa/Kelurahan yang dilakukan".split()) == "Desa/Kelurahan"
    assert k.awal_frasa("Tenaga Kesejahteraan".split()) is None
    assert k.sejenis("Orang", "Orang/bulan")
    assert not k.sejenis("Hari", "Makam")


def test_regional_additions():
    k = Kamus(SATUAN)
    assert k.baca("PSKS").status == "tidak_dikenal"
    k2 = k.dengan([("PSKS", ["potensi sumber kesejahteraan sosial"])])
    assert k2.baca("PSKS").status == "baku"
    assert k2.baca("Potensi Sumber Kesejahteraan Sosial").efektif == "PSKS"
    assert Kamus(SATUAN, [("PSKS", [])]).baca("PSKS").status == "baku"
    assert k.baca("PSKS").status == "tidak_dikenal"  # the dictionary it came from is untouched
    assert baca_satuan("PSKS").status == "tidak_dikenal"
    assert not hasattr(k, "tambah")  # immutable: memoised readings can never go stale


def test_s002_memo_never_serves_one_dictionary_s_verdict_for_another():
    """S002 memoises its verdict per dictionary: without PSKS, 'Psks' is unknown (S001's business, no
    S002); with it, 'Jumlah Dokumen' in PSKS is a mismatch; the first dictionary's verdict stays."""
    from renja_xl.core.satuan import SATUAN, Kamus
    from renja_xl.core.tabel import Tabel
    from renja_xl.rules import REGISTRY, muat_semua
    from renja_xl.rules.context import Konteks

    muat_semua()
    kamus = Kamus(SATUAN)
    tabel = Tabel(sheet="Tabel 4.1", kind="rencana", header_rows=[1], first_row=2, last_row=2,
                  baris=[2], kode=["1.06.01.2.01.0001"], kunci=["1.06.01.2.01.0001"], induk=["1.06.01.2.01"],
                  level=["sub_kegiatan"], kode_asli=["1.06.01.2.01.0001"], kode_sel=["A2"], uraian=["Sub A"],
                  indikator=["Jumlah Dokumen"], satuan=["Psks"], satuan_sel=["I2"], lokasi=[None], total=[False],
                  rincian=[None], nomor=[""], organisasi=[None])
    aturan = REGISTRY["S002"]

    def s002(k):
        ctx = Konteks([tabel], _kamus=k).untuk(aturan)
        return [t.cell for t in aturan.fungsi(ctx, tabel)]

    assert s002(kamus) == []
    assert s002(kamus.dengan([("PSKS", [])])) == ["I2"]
    assert s002(kamus) == []
