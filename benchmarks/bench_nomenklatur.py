"""Nomenclature loading and its cost in a check.

    python benchmarks/bench_nomenklatur.py [--file ../shared/reference/…xlsx] [--runs 15] [--write]

Measures, each in fresh processes: the first load of the decree file (no cache: parse the xlsx), the
cached load, python-calamine reading every cell of the same file (the floor), and a single-file
check of the seed workbook with and without the nomenclature.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PY, ROOT, median_ms, mesin, tulis_bagian, waktu_proses  # noqa: E402

REF = ROOT.parent / "shared" / "reference" / "nomenklatur_kabkota_900.1.15.5-1317_2023.xlsx"
SEED = ROOT / "workbooks" / "renja_dinsos_luwu_2024.xlsx"
LOAD = "import sys\nfrom renja_xl.nomenklatur import muat_nomenklatur\nmuat_nomenklatur(sys.argv[1], cache=sys.argv[2] == '1')\n"
FLOOR = ("from python_calamine import CalamineWorkbook\nimport sys\nwb = CalamineWorkbook.from_path(sys.argv[1])\n"
         "rows = [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=REF)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    if not args.file.is_file():
        print(f"nomenclature file not found: {args.file}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as cache:
        env = {"RENJA_XL_CACHE": cache}
        floor = median_ms(waktu_proses([PY, "-c", FLOOR, str(args.file)], args.runs))
        first = median_ms(waktu_proses([PY, "-c", LOAD, str(args.file), "0"], args.runs, env=env))
        cached = median_ms(waktu_proses([PY, "-c", LOAD, str(args.file), "1"], args.runs, env=env))
        base = [PY, "-m", "renja_xl", "check", str(SEED), "--format", "json", "-o", "/dev/null", "--tanpa-cache"]
        plain = median_ms(waktu_proses(base, args.runs, env=env))
        nomen = median_ms(waktu_proses(base + ["--nomenklatur", str(args.file)], args.runs, env=env))
    lines = [
        f"Measured {dt.date.today().isoformat()} on {mesin()}; median of {args.runs} fresh processes after one warm-up.",
        "",
        "| process | median | ratio |",
        "|---|---:|---:|",
        f"| floor: python-calamine reads every cell of `{args.file.name}` | {floor:.0f} ms | 1.0× |",
        f"| first load (parse the lampiran xlsx, fill the cache) | {first:.0f} ms | {first / floor:.1f}× floor |",
        f"| cached load (same file hash) | {cached:.0f} ms | {cached / floor:.1f}× floor |",
        f"| `renja-xl check {SEED.name}` without the nomenclature | {plain:.0f} ms | 1.0× |",
        f"| `renja-xl check {SEED.name} --nomenklatur …` (cached) | {nomen:.0f} ms | {nomen / plain:.2f}× without |",
        "",
        "Each load row is a whole process (Python start and imports included). The cache is a pickle of the "
        "parsed entries keyed by the file's sha256, under `$RENJA_XL_CACHE` or `~/.cache/renja-xl`.",
        "",
        f"Command: `python benchmarks/bench_nomenklatur.py --runs {args.runs} --write`",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        tulis_bagian("nomenklatur", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
