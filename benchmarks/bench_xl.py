"""Excel add-in speed: what a button click costs, each against a floor measured in the same run.

    python benchmarks/bench_xl.py [--runs 21] [--write]

RunPython starts a new Python process for every click, and that process imports xlwings before it
runs our command. So:

* **import**: ``import xlwings, renja_xl.xl`` in a fresh process, against ``import xlwings`` alone
  (the floor: xlwings itself imports pandas and numpy, whatever we do); ``python -X importtime``
  checks that our import adds neither pandas nor openpyxl nor pydantic.
* **validate**: :func:`renja_xl.xl.validate` on the master workbook through xlwings' remote engine
  (``xw.Book(json=payload)``, the request an Excel client sends, prepared once), in a fresh process
  against a fresh process that only imports xlwings and loads the same payload; and in one process
  (median of repeated calls on a new Book each time) against python-calamine reading every cell of
  the master file — the floor the checker benchmark uses.

The remote engine needs ``XLWINGS_LICENSE_KEY=noncommercial`` (PolyForm Noncommercial), set here for
this script's own processes only. ``--write`` records the result in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PY, ROOT, median_ms, mesin, tulis_bagian  # noqa: E402

MASTER = ROOT / "workbooks" / "renja_master.xlsm"
ENV = {"XLWINGS_LICENSE_KEY": "noncommercial"}
LOAD = (
    "import json, sys\n"
    "import xlwings as xw\n"
    "book = xw.Book(json=json.load(open(sys.argv[1], encoding='utf-8')))\n"
)
VALIDATE = LOAD + "import renja_xl.xl as rx\nrx.validate(book)\nassert book.json()['actions']\n"
CALAMINE = (
    "from python_calamine import CalamineWorkbook\n"
    "import sys\n"
    "wb = CalamineWorkbook.from_path(sys.argv[1])\n"
    "rows = [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]\n"
)


def bergantian(cmds: list[tuple[list[str], dict | None]], n: int) -> list[list[float]]:
    """Like common.waktu_proses for several commands, but interleaved run by run, so that a drift of
    the machine's speed during the measurement falls on floor and subject alike."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = [base | (env or {}) for _, env in cmds]
    for (cmd, _), env in zip(cmds, envs, strict=True):  # warm-up: OS cache, .pyc files
        subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    out: list[list[float]] = [[] for _ in cmds]
    for _ in range(n):
        for i, ((cmd, _), env) in enumerate(zip(cmds, envs, strict=True)):
            t = time.perf_counter()
            res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
            out[i].append(time.perf_counter() - t)
            if res.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stderr.decode()}")
    return out


def imports_added(code: str, base: str) -> set[str]:
    """Top-level modules ``code`` imports that ``base`` does not (python -X importtime)."""

    def mods(c: str) -> set[str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | ENV
        res = subprocess.run([PY, "-X", "importtime", "-c", c], cwd=ROOT, capture_output=True, text=True, env=env)
        return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in res.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}

    return mods(code) - mods(base)


def in_process(payload: dict, runs: int) -> tuple[float, float, int, int]:
    """Median seconds of validate on a fresh Book and of python-calamine reading the master; the
    number of findings and of actions one validate produces."""
    from python_calamine import CalamineWorkbook

    import renja_xl.xl as rx
    from tests.xl.remote import buku  # xw.Book(json=...) on the remote engine, license key set

    def once_validate() -> float:
        book = buku(json.loads(json.dumps(payload)))
        t = time.perf_counter()
        rx.validate(book)
        return time.perf_counter() - t

    def once_calamine() -> float:
        t = time.perf_counter()
        wb = CalamineWorkbook.from_path(str(MASTER))
        [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]
        return time.perf_counter() - t

    once_calamine()  # warm-up
    book = buku(json.loads(json.dumps(payload)))
    findings = len(rx.validate(book).findings)
    actions = len(book.json()["actions"])
    return (statistics.median(once_validate() for _ in range(runs)),
            statistics.median(once_calamine() for _ in range(runs)), findings, actions)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--write", action="store_true", help="record the result in benchmarks/README.md")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    from tests.xl.remote import payload as buat_payload

    payload = buat_payload(MASTER)
    with tempfile.TemporaryDirectory() as tmp:
        pfile = Path(tmp) / "payload.json"
        pfile.write_text(json.dumps(payload, default=str), encoding="utf-8")
        bare, alone, floor, ours, load, val, cal = bergantian([
            ([PY, "-c", "pass"], None),
            ([PY, "-c", "import renja_xl.xl"], None),
            ([PY, "-c", "import xlwings"], None),
            ([PY, "-c", "import xlwings, renja_xl.xl"], None),
            ([PY, "-c", LOAD, str(pfile)], ENV),
            ([PY, "-c", VALIDATE, str(pfile)], ENV),
            ([PY, "-c", CALAMINE, str(MASTER)], None),
        ], args.runs)
    v_in, c_in, n_findings, n_actions = in_process(payload, args.runs)
    added = imports_added("import xlwings, renja_xl.xl", "import xlwings")
    heavy = sorted(added & {"pandas", "openpyxl", "pydantic", "numpy"})
    b, f, o, a, ld, v, c = (median_ms(x) for x in (bare, floor, ours, alone, load, val, cal))
    lines = [
        f"Measured {dt.date.today().isoformat()} on {mesin()}; median of {args.runs} fresh processes per row after one "
        "warm-up, the rows' runs interleaved (in-process rows: median of as many calls).",
        "",
        "| what | median | ratio to its floor |",
        "|---|---:|---:|",
        f"| floor: `python -c \"import xlwings\"` (every RunPython click pays this) | {f:.0f} ms | 1.0× |",
        f"| `import xlwings, renja_xl.xl` (a click's imports) | {o:.0f} ms | **{o / f:.2f}×** (+{o - f:.0f} ms) |",
        f"| `import renja_xl.xl` alone (vs `python -c pass`, {b:.0f} ms) | {a:.0f} ms | {a / b:.2f}× |",
        f"| floor: xlwings + load the master's payload as `xw.Book(json=…)` | {ld:.0f} ms | 1.0× |",
        f"| … + `validate(book)` (fresh process, remote engine) | {v:.0f} ms | **{v / ld:.2f}×** (+{v - ld:.0f} ms) |",
        f"| floor: python-calamine reads every cell of `renja_master.xlsm` (fresh process) | {c:.0f} ms | — |",
        f"| floor: python-calamine reads every cell of `renja_master.xlsm` (in process) | {c_in * 1000:.1f} ms | 1.0× |",
        f"| `validate(book)` in process ({n_findings} findings, {n_actions} actions: Hasil Validasi, Aturan, "
        f"marks, ledger) | {v_in * 1000:.1f} ms | **{v_in / c_in:.1f}×** |",
        "",
        f"Imports `renja_xl.xl` adds to `import xlwings` (`python -X importtime`): "
        f"{', '.join(sorted(added)) if added else 'none'}; heavy ones (pandas, openpyxl, pydantic, numpy): "
        f"{', '.join(heavy) if heavy else 'none'}. `validate` imports the checker, readers and rules when called, "
        "nothing else. Desktop Excel adds COM calls per marked cell (not measurable here; see docs/excel-windows.md).",
        "",
        f"Command: `python benchmarks/bench_xl.py --runs {args.runs} --write`",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        tulis_bagian("xl", report)
    return 0 if not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
