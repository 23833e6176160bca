"""Per-row cost on big workbooks (issue 17): one workbook with two plan tables of N rows each, for N
from 1,000 to 50,000, checked in process. Reports the time per row of reading the grids
(python-calamine, the floor), of building the tables, and of running the rules, and peak memory.
The per-row cost at 2 × 50k rows should stay within 1.5× of that at 2 × 1k (linear in rows).

    python benchmarks/bench_besar.py [--write]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import mesin, tulis_bagian  # noqa: E402


def _buat(path: Path, n: int) -> int:
    from tests import synth

    n_sub = 20
    n_keg = 5
    n_prog = max(1, n // (n_keg * (n_sub + 1) + 1))
    renja = synth.buat_renja(seed=3, n_program=n_prog, n_kegiatan=n_keg, n_sub=n_sub)
    synth.simpan(path, [("Tabel 4.1", renja, synth.Tata(gabung=False), None),
                        ("Tabel 4.2", renja, synth.Tata(kode="dotted", gabung=False), None)])
    return len(renja.rows)


def _ukur(path: Path) -> dict[str, float]:
    from python_calamine import CalamineWorkbook

    from renja_xl.checker import periksa_hasil
    from renja_xl.readers import baca_lembar
    from renja_xl.readers.workbook import buka_berkas

    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()
    t1 = time.perf_counter()
    lembar = buka_berkas(path)
    t2 = time.perf_counter()
    gc_on = gc.isenabled()
    gc.disable()
    hasil = baca_lembar(lembar, path.name)
    t3 = time.perf_counter()
    periksa_hasil(hasil, None, str(path))
    t4 = time.perf_counter()
    if gc_on:
        gc.enable()
    return {"floor": t1 - t0, "read": t2 - t1, "tables": t3 - t2, "rules": t4 - t3}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for n in [int(x) for x in args.sizes.split(",")]:
            p = Path(d) / f"besar_{n}.xlsx"
            real = _buat(p, n)
            _ukur(p)  # warm-up (imports, memos)
            best = min((_ukur(p) for _ in range(3)), key=lambda r: r["tables"] + r["rules"])
            per = {k: v / (2 * real) * 1e6 for k, v in best.items()}
            rows.append((real, best, per))
            print(f"2 × {real} rows: floor {best['floor']:.2f} s, read {best['read']:.2f} s, tables {best['tables']:.2f} s, "
                  f"rules {best['rules']:.2f} s; µs/row: tables {per['tables']:.1f}, rules {per['rules']:.1f}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base = rows[0][2]
    lines = [f"Measured {mesin()}; best of 3 runs per size after a warm-up, in one process.", "",
             "| rows | calamine read (floor) | our read | tables | rules | tables+rules µs/row | vs smallest |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for real, best, per in rows:
        tr = per["tables"] + per["rules"]
        lines.append(f"| 2 × {real:,} | {best['floor']:.2f} s | {best['read']:.2f} s | {best['tables']:.2f} s | "
                     f"{best['rules']:.2f} s | {tr:.1f} | {tr / (base['tables'] + base['rules']):.2f}× |")
    lines += ["", f"Peak RSS of the process: {peak:.0f} MB.", "",
              f"Command: `python benchmarks/bench_besar.py --sizes {args.sizes} --write`"]
    text = "\n".join(lines)
    print(text)
    if args.write:
        tulis_bagian("besar", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
