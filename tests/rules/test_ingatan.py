"""Facts derived from whole tables are found once per check (rules/ingatan.py, issue 17).

The kode suggestion of K001/K004 looked through every row of every table for each finding: a large
table with many unreadable kode (a program numbered past 99, as a generated 2 × 50k workbook has)
cost rows × findings. The work is counted here in calls of the name normaliser, not timed.
"""

from __future__ import annotations

from renja_xl.checker import periksa_berkas
from renja_xl.rules.ingatan import per_tabel
from renja_xl.rules.kode import saran
from tests import synth


def test_per_tabel_answers_once_for_the_same_tables_and_again_for_new_ones():
    calls = []

    @per_tabel
    def f(tables, t):
        calls.append(1)
        return len(tables)

    a, b, c = object(), object(), object()
    assert f([a, b], c) == 2 and f([a, b], c) == 2
    assert len(calls) == 1
    assert f([a, c], c) == 2 and f([a, b], a) == 2 and f([a, b, c], c) == 3
    assert len(calls) == 4  # another list, another table, a longer list: each asked anew


def test_kode_suggestions_cost_linear_in_rows_and_findings(tmp_path, monkeypatch):
    renja = synth.buat_renja(seed=4, n_program=130, n_kegiatan=1, n_sub=1)  # programs 100–130: unreadable kode
    path = tmp_path / "banyak_k001.xlsx"
    synth.simpan(path, [("Tabel 4.1", renja, synth.Tata(gabung=False), None),
                        ("Tabel 4.2", renja, synth.Tata(kode="dotted", gabung=False), None)])
    n = 0
    asli = saran.normal_nama

    def hitung(teks):
        nonlocal n
        n += 1
        return asli(teks)

    monkeypatch.setattr(saran, "normal_nama", hitung)
    b = periksa_berkas(path)
    k001 = [f for f in b.findings if f.rule == "K001"]
    rows = sum(t.n for t in b.tables)
    assert len(k001) >= 60, len(k001)  # the flood the test is about
    # each row's name once for the index, each finding's own name once; rows × findings was ~60,000
    assert n <= rows + 2 * len(k001), (n, rows, len(k001))
