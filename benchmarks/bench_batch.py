"""Batch check speed and memory: ``renja-xl check FOLDER --jobs 2`` on a generated province of
submissions, against the floor — python-calamine reading every cell of the same files with the same
number of processes — measured in the same run.

    python benchmarks/bench_batch.py [--files 1000] [--jobs 2] [--runs 3] [--data DIR] [--write]

The province (``tests/synth.py``: N pemda × 40 offices, split or dotted kode, amounts as text,
header rows 3–12, 1–3 title rows, merges or none, a second plan table, 50–600 rows; 5 % converted
to ``.xls`` with one LibreOffice call; two broken files) is generated into a temporary folder that
is removed afterwards (``--data DIR`` keeps it there and reuses it). Peak memory is the largest sum
of the resident set sizes of the whole process tree (parent and workers), polled from /proc every
20 ms, for the first 100, 300 and all files. ``--write`` records the result in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PY, ROOT, mesin, tulis_bagian  # noqa: E402

sys.path.insert(0, str(ROOT))

EKSTENSI = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
OPD_PER_PEMDA = 40

FLOOR = r"""
import os, sys
from multiprocessing import Pool
from python_calamine import CalamineWorkbook

EXT = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

def read(path):
    try:
        wb = CalamineWorkbook.from_path(path)
        n = 0
        for name in wb.sheet_names:
            n += len(wb.get_sheet_by_name(name).to_python())
        return n
    except Exception:
        return -1

if __name__ == "__main__":
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1], followlinks=True)
                   for f in fs if f.lower().endswith(EXT))
    with Pool(int(sys.argv[2])) as pool:
        rows = sum(pool.imap(read, files, chunksize=4))
    print(len(files), rows)
"""

# Where a check's time goes, per file, in one process set up as a batch worker is: python-calamine's
# read (the floor's work), our read (the same plus merged ranges and the scan for formulas without
# values), building the typed tables, running the rules. Each phase is timed on every file.
FASES = r"""
import json, sys, time
from pathlib import Path
from python_calamine import CalamineWorkbook
from renja_xl.checker import periksa_hasil
from renja_xl.core.config import Konfigurasi
from renja_xl.batch.kolam import _atur_gc
from renja_xl.readers import BerkasTidakTerbaca, baca_lembar
from renja_xl.readers.workbook import buka_berkas

_atur_gc()  # as in a batch worker
files = [l for l in sys.stdin.read().splitlines() if l]
cfg = Konfigurasi.bawaan()
t = {"floor": 0.0, "read": 0.0, "tables": 0.0, "rules": 0.0}
n = 0
for f in files:
    t0 = time.perf_counter()
    try:
        wb = CalamineWorkbook.from_path(f)
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()
    except Exception:
        continue
    t1 = time.perf_counter()
    try:
        lembar = buka_berkas(f)
    except BerkasTidakTerbaca:
        continue
    t2 = time.perf_counter()
    hasil = baca_lembar(lembar, Path(f).name)
    t3 = time.perf_counter()
    periksa_hasil(hasil, cfg, f)
    t4 = time.perf_counter()
    t["floor"] += t1 - t0; t["read"] += t2 - t1; t["tables"] += t3 - t2; t["rules"] += t4 - t3
    n += 1
print(json.dumps({k: v / n * 1000 for k, v in t.items()}))
"""


CACHE: Path | None = None  # the result cache of this run (a temporary folder): never the user's own


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if CACHE is not None:
        env["RENJA_XL_CACHE"] = str(CACHE)
    return env


def buat_data(folder: Path, files: int, seed: int = 2025) -> list[Path]:
    """Generate the province; returns the files (sorted as the check sorts them)."""
    from tests.conftest import soffice_path
    from tests.synth import buat_provinsi, ke_xls

    n_pemda = -(-files // OPD_PER_PEMDA)
    t = time.perf_counter()
    made = buat_provinsi(folder, n_pemda, OPD_PER_PEMDA, seed=seed)
    for k in made[files:]:  # --files not a multiple of the offices per pemda
        k.path.unlink()
    made = made[:files]
    print(f"generated {len(made)} workbooks in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    exe = soffice_path()
    xls = [k.path for k in made[::20]]
    if exe:
        t = time.perf_counter()
        with tempfile.TemporaryDirectory() as prof:
            ke_xls(xls, exe, Path(prof), folder / "_xls")
        shutil.rmtree(folder / "_xls", ignore_errors=True)
        print(f"converted {len(xls)} to .xls in {time.perf_counter() - t:.0f} s (one LibreOffice call)", file=sys.stderr)
    else:
        print("LibreOffice not found: no .xls in the data", file=sys.stderr)
    broken = sorted(folder.rglob("*.xlsx"))[7::400][:2]
    for b in broken:  # a truncated file and a text file with a spreadsheet name
        data = b.read_bytes()
        b.write_bytes(data[: len(data) // 3] if b == broken[0] else b"bukan spreadsheet")
    return sorted((p for p in folder.rglob("*") if p.suffix.lower() in EKSTENSI), key=lambda p: str(p.relative_to(folder)).lower())


def subset(files: list[Path], root: Path, n: int, out: Path) -> Path:
    """A folder of symlinks to the first ``n`` files (same relative paths)."""
    for f in files[:n]:
        target = out / f.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(f)
    return out


def _tree_rss(root_pid: int, hwm: dict[int, int]) -> int:
    """Resident memory (bytes) of a process and all its descendants now, from /proc; ``hwm`` collects
    each process's own peak (VmHWM), whose sum bounds the tree's peak from above."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        hwm[pid] = max(hwm.get(pid, 0), int(line.split()[1]) * 1024)
                    elif line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo.extend(children.get(pid, []))
    return total


def jalankan(cmd: list[str], ukur: bool = False) -> tuple[float, int, int, int]:
    """Wall seconds, exit code, peak RSS of the process tree (bytes; 0 unless ``ukur``) and the sum of
    every process's own peak (an upper bound of the former). (wait4's ru_maxrss is not used: it keeps
    the peak of this benchmark process, which the child was forked from before its exec.)"""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=err)
        peak = 0
        hwm: dict[int, int] = {}
        while True:
            pid, status = os.waitpid(proc.pid, os.WNOHANG if ukur else 0)
            if pid:
                break
            peak = max(peak, _tree_rss(proc.pid, hwm))
            time.sleep(0.02)
        wall = time.perf_counter() - t
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err.read().decode(errors='replace')[-3000:]}")
    return wall, code, peak, sum(hwm.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", type=Path, help="generate into (or reuse) this folder instead of a temporary one")
    ap.add_argument("--write", action="store_true", help="record the result in benchmarks/README.md")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="renja-xl-bench-"))
    try:
        data = args.data or tmp / "provinsi"
        if data.exists() and any(data.iterdir()):
            files = sorted((p for p in data.rglob("*") if p.suffix.lower() in EKSTENSI),
                           key=lambda p: str(p.relative_to(data)).lower())
        else:
            data.mkdir(parents=True, exist_ok=True)
            files = buat_data(data, args.files)
        n = len(files)
        n_xls = sum(p.suffix.lower() == ".xls" for p in files)
        floor_cmd = [PY, "-c", FLOOR, str(data), str(args.jobs)]
        global CACHE
        CACHE = tmp / "cache"
        warm_cmd = [PY, "-m", "renja_xl", "check", str(data), "--jobs", str(args.jobs), "--format", "json",
                    "-o", "/dev/null", "--no-progress"]
        check_cmd = [*warm_cmd, "--tanpa-cache"]  # cold: every file checked
        jalankan(floor_cmd)  # warm-up: OS cache, .pyc
        jalankan(check_cmd)
        isi_t = jalankan(warm_cmd)[0]  # the first run with the cache: every file checked and stored
        load0 = os.getloadavg()[0]
        floor_t, check_t, warm_t = [], [], []
        for _ in range(args.runs):  # alternating, so a busy moment of the machine hits all three
            floor_t.append(jalankan(floor_cmd)[0])
            check_t.append(jalankan(check_cmd)[0])
            warm_t.append(jalankan(warm_cmd)[0])
        load1 = os.getloadavg()[0]
        f, c, w = statistics.median(floor_t), statistics.median(check_t), statistics.median(warm_t)
        rc = [b / a for a, b in zip(floor_t, check_t, strict=True)]  # the ratio of each pair, taken side by side
        rw = [b / a for a, b in zip(floor_t, warm_t, strict=True)]
        print(f"floor {f:.2f} s, check {c:.2f} s, ratio {statistics.median(rc):.2f} (min {min(rc):.2f}); "
              f"warm {w:.2f} s, ratio {statistics.median(rw):.2f}; filling the cache {isi_t:.2f} s", file=sys.stderr)

        mem_rows = []
        for size in sorted({min(100, n), min(300, n), n}):
            folder = data if size == n else subset(files, data, size, tmp / f"sub{size}")
            cmd = [*check_cmd[:4], str(folder), *check_cmd[5:]]
            wall, _, peak, bound = jalankan(cmd, ukur=True)
            _, _, fpeak, _ = jalankan([PY, "-c", FLOOR, str(folder), str(args.jobs)], ukur=True)
            mem_rows.append((size, wall, peak, bound, fpeak))
            print(f"{size} files: check {wall:.1f} s peak tree RSS {peak / 2**20:.0f} MB (sum of peaks "
                  f"{bound / 2**20:.0f} MB); floor peak {fpeak / 2**20:.0f} MB", file=sys.stderr)
        fase_files = files[:: max(1, n // 200)]
        fase = json.loads(subprocess.run([PY, "-c", FASES], input="\n".join(map(str, fase_files)), text=True,
                                         capture_output=True, check=True, env=_env(), cwd=ROOT).stdout)
        xl_wall, _, xl_peak, _ = jalankan([*check_cmd[:7], "--format", "excel", "-o", str(tmp / "rekap.xlsx"),
                                           "--no-progress", "--tanpa-cache"], ukur=True)

        mb = lambda x: f"{x / 2**20:.0f} MB"  # noqa: E731
        lines = [
            f"Measured {dt.date.today().isoformat()} on {mesin()}.",
            "",
            f"Data: {n} generated workbooks ({n_xls} `.xls`, 2 broken; {-(-n // OPD_PER_PEMDA)} pemda × "
            f"{OPD_PER_PEMDA} offices, 50–600 rows, layouts varied as in `tests/synth.py:buat_provinsi`), "
            "generated into a temporary folder. Timing: median of "
            f"{args.runs} fresh processes each, alternating, after one warm-up of each; the ratio is taken per "
            "pair of neighbouring runs, median (min) (1-minute load average "
            f"{load0:.1f} before the timed runs, {load1:.1f} after: other work on the machine slows both sides).",
            "",
            "| process | wall | ratio to floor |",
            "|---|---:|---:|",
            f"| floor: python-calamine reads every cell of every file, {args.jobs} processes (`multiprocessing.Pool`) "
            f"| {f:.2f} s | 1.0× |",
            f"| cold: `renja-xl check DIR --jobs {args.jobs} --format json -o /dev/null --tanpa-cache` | {c:.2f} s | "
            f"**{statistics.median(rc):.2f}×** ({min(rc):.2f}) |",
            f"| first run with the result cache (every file checked and stored) | {isi_t:.2f} s | {isi_t / f:.2f}× |",
            f"| warm: the same files again, unchanged (`batch/cache.py`) | {w:.2f} s | **{statistics.median(rw):.2f}×** "
            f"({min(rw):.2f}); {w / c:.2f}× the cold run |",
            "",
            "All runs: floor " + ", ".join(f"{x:.2f}" for x in floor_t) + " s; cold "
            + ", ".join(f"{x:.2f}" for x in check_t) + " s; warm " + ", ".join(f"{x:.2f}" for x in warm_t) + " s.",
            "",
            "Target (issues 5 and 17): cold within 2× of the floor" + (
                ": **not met**" if statistics.median(rc) > 2 else ": met") + "; unchanged submissions at most "
            "0.35× the cold run" + (": **not met**." if w / c > 0.35 else ": met."),
            "",
            f"Where the time goes, per file, in one process set up as a batch worker, {len(fase_files)} of "
            f"the files (every {max(1, n // 200)}th), each phase timed on every file:",
            "",
            "| phase | ms per file | × calamine's read |",
            "|---|---:|---:|",
            f"| python-calamine reads every cell (the floor's work) | {fase['floor']:.1f} | 1.0× |",
            f"| our read: the same, plus merged ranges and the scan for formulas without values | "
            f"{fase['read']:.1f} | {fase['read'] / fase['floor']:.2f}× |",
            f"| building the typed tables (`renja_xl/readers/tabel/`) | {fase['tables']:.1f} | "
            f"{fase['tables'] / fase['floor']:.2f}× |",
            f"| running every rule (`renja_xl/rules/`) | {fase['rules']:.1f} | {fase['rules'] / fase['floor']:.2f}× |",
            "",
            "Reading costs about what the floor costs; building the tables and running the rules are pure "
            "Python over every row (a row's kode, its names and units, four to six number cells, each with "
            f"its address), and together they cost {(fase['tables'] + fase['rules']) / fase['floor']:.1f}× the "
            "read. The workers already run for the whole batch, so process start-up is not the cost.",
            "",
            "Peak memory of the whole process tree (parent and workers): the largest sum of their resident "
            "sets, polled from /proc every 20 ms (pages shared by the forked workers are counted in each), and "
            "the sum of each process's own peak (VmHWM; peaks need not coincide, so an upper bound):",
            "",
            "| files | `check --jobs 2` wall | peak RSS, whole tree | sum of per-process peaks | floor's peak, whole tree |",
            "|---:|---:|---:|---:|---:|",
        ]
        lines += [f"| {s} | {w:.1f} s | **{mb(p)}** | {mb(b)} | {mb(fp)} |" for s, w, p, b, fp in mem_rows]
        lines += [
            "",
            f"Target: under 400 MB and flat from 100 to {n} files. The same {n} files with `--format excel -o "
            f"rekap.xlsx`: {xl_wall:.1f} s, peak {mb(xl_peak)}.",
            "",
            f"Command: `python benchmarks/bench_batch.py --files {args.files} --jobs {args.jobs} --runs {args.runs} --write`",
        ]
        report = "\n".join(lines)
        print(report)
        if args.write:
            tulis_bagian("batch", report)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
