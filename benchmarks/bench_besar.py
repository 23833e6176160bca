"""Per-row cost on big workbooks (issue 17): one workbook with two plan tables of N rows each, for N
from 1,000 to 50,000, checked in process. Reports the time per row of reading the grids
(python-calamine, the floor), of building the tables, and of running the rules, and peak memory.
The per-row cost at 2 × 50k rows should stay within 1.5× of that at 2 × 1k (linear in rows).

    python benchmarks/bench_besar.py [--sizes 1000,10000,50000] [--data DIR] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
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

    n_keg = 5
    n_sub = max(20, -(-n // (99 * n_keg)))  # at most 99 programs: a program numbered 100 is an unreadable kode
    n_prog = max(1, n // (n_keg * (n_sub + 1) + 1))
    renja = synth.buat_renja(seed=3, n_program=n_prog, n_kegiatan=n_keg, n_sub=n_sub)
    synth.simpan(path, [("Tabel 4.1", renja, synth.Tata(gabung=False), None),
                        ("Tabel 4.2", renja, synth.Tata(kode="dotted", gabung=False), None)])
    return len(renja.rows)


def _lupakan() -> None:
    """Empty every memo of renja_xl (functools caches and the module-level memo dicts): each timed
    run then costs what a workbook never seen before costs, as each file of a batch does. Without
    this, the best of three runs at a small size is served from memos that a larger workbook
    overflows, and the per-row cost looks as if it grew with the size."""
    import functools

    for name, mod in list(sys.modules.items()):
        if not name.startswith("renja_xl"):
            continue
        for attr, v in list(vars(mod).items()):
            if isinstance(v, functools._lru_cache_wrapper):
                v.cache_clear()
            elif isinstance(v, dict) and attr.isupper() and any(w in attr for w in ("MEMO", "KLAS", "CACHE")):
                v.clear()


SEED = Path(__file__).resolve().parents[1] / "workbooks" / "renja_dinsos_luwu_2024.xlsx"


def _ukur(path: Path) -> dict[str, float]:
    from python_calamine import CalamineWorkbook

    from renja_xl.checker import periksa_berkas, periksa_hasil
    from renja_xl.readers import baca_lembar
    from renja_xl.readers.workbook import buka_berkas

    _lupakan()
    periksa_berkas(SEED)  # builds again what every check needs (vocabularies, rule set), with other names
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
    ap.add_argument("--data", type=Path, help="keep the generated workbooks in this folder and reuse them")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        folder = args.data or Path(d)
        folder.mkdir(parents=True, exist_ok=True)
        for n in [int(x) for x in args.sizes.split(",")]:
            p = folder / f"besar_{n}.xlsx"
            if p.is_file():
                from renja_xl.readers import baca_berkas

                real = sum(t.n for t in baca_berkas(p).tables) // 2
            else:
                real = _buat(p, n)
            _ukur(p)  # warm-up: imports and compiled patterns (the memos are emptied before every run)
            runs = max(3, min(15, 200_000 // (2 * real)))  # small sizes take many runs: a busy moment outweighs them
            best = min((_ukur(p) for _ in range(runs)), key=lambda r: r["tables"] + r["rules"])
            per = {k: v / (2 * real) * 1e6 for k, v in best.items()}
            rows.append((real, best, per, runs))
            print(f"2 × {real} rows: floor {best['floor']:.2f} s, read {best['read']:.2f} s, tables {best['tables']:.2f} s, "
                  f"rules {best['rules']:.2f} s; µs/row: tables {per['tables']:.1f}, rules {per['rules']:.1f}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base = rows[0][2]
    lines = [f"Measured {dt.date.today().isoformat()} on {mesin()}; per size the best of several runs (more for the small ones) after a "
             "warm-up, in one process, every memo of "
             "renja_xl emptied before each run and refilled by checking the seed workbook (other names, other "
             "kode), so the measured workbook is new to it, as each file of a batch is.", "",
             "| rows | runs | calamine read (floor) | our read | tables | rules | tables+rules µs/row | vs smallest |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for real, best, per, runs in rows:
        tr = per["tables"] + per["rules"]
        lines.append(f"| 2 × {real:,} | {runs} | {best['floor']:.2f} s | {best['read']:.2f} s | {best['tables']:.2f} s | "
                     f"{best['rules']:.2f} s | {tr:.1f} | {tr / (base['tables'] + base['rules']):.2f}× |")
    worst = max((r[2]["tables"] + r[2]["rules"]) / (base["tables"] + base["rules"]) for r in rows)
    lines += ["", f"Target (issue 17): the per-row cost of the largest within 1.5× of the smallest: "
              f"{'met' if worst <= 1.5 else '**not met**'} ({worst:.2f}×).",
              "", f"Peak RSS of this process, which holds each size's grids twice (the floor's and ours): {peak:.0f} MB.", "",
              f"Command: `python benchmarks/bench_besar.py --sizes {args.sizes} --write`"]
    text = "\n".join(lines)
    print(text)
    if args.write:
        tulis_bagian("besar", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
