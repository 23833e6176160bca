"""Shared by the benchmark scripts: timing fresh processes and writing results into README.md."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = Path(__file__).resolve().parent / "README.md"


def waktu_proses(cmd: list[str], n: int, cwd: Path = ROOT, env: dict | None = None) -> list[float]:
    """Wall-clock seconds of ``n`` fresh runs of ``cmd`` (after one warm-up run that fills the OS cache
    and the .pyc files). PYTHONDONTWRITEBYTECODE is removed: an installed package has its bytecode
    compiled by pip, so a user's process never compiles our sources."""
    full_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    full_env.update(env or {})
    subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True)
    out = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True)
        out.append(time.perf_counter() - t)
    return out


def median_ms(xs: list[float]) -> float:
    return statistics.median(xs) * 1000


def mesin() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def tulis_bagian(nama: str, isi: str) -> None:
    """Replace the section between ``<!-- bench:NAME -->`` markers in benchmarks/README.md."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start, end = f"<!-- bench:{nama} -->", f"<!-- /bench:{nama} -->"
    block = f"{start}\n{isi.strip()}\n{end}"
    if start in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _m: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


PY = sys.executable
