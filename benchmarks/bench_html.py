"""The HTML recap at province scale: page size, and how long headless Chromium takes to paint it.

A province checks 24 pemda × ~40 offices. The recap of N submissions is written here with the real
writer from the seed workbook's check (its ~200 findings, real messages: what a real submission
has, 16 files gave 3,363 findings in the issue), given identities across 24 pemda and 40 offices.
The findings' numbers, kode and cells are scrambled digit by digit (50 variants of the seed, and a
third of each copy's messages again), so files share few messages and the compression is not
flattered by repetition across files. Chromium is
driven over the DevTools protocol (``--remote-debugging-pipe``, no extra library): it opens the
page, and the page's own Performance entries give the first contentful paint (the cards and charts)
and the moment the first page of findings is rendered with the data unpacked (the page sets
``data-siap``; ``performance.now()`` then).

Usage: python benchmarks/bench_html.py [--n 1000 5000] [--runs 3] [--write]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, mesin, tulis_bagian  # noqa: E402

SEED = ROOT / "workbooks" / "renja_dinsos_luwu_2024.xlsx"


def _berkas_contoh(tmp: Path) -> list:
    """The checked seed to copy from (rows dropped, as the workers send it)."""
    from renja_xl.batch.kolam import periksa_satu
    from renja_xl.checker import Masukan
    from renja_xl.core.config import Konfigurasi

    return [periksa_satu(Masukan(str(SEED), SEED), Konfigurasi.bawaan())]


def _acak(text: str | None, rng: random.Random) -> str | None:
    """The same text with every digit replaced by a random one."""
    if not text:
        return text
    return re.sub(r"\d", lambda _m: str(rng.randrange(10)), text)


def _salinan(b, rng: random.Random):
    out = copy.copy(b)
    out.findings = []
    for t in b.findings:
        u = copy.copy(t)
        u.message, u.cell, u.kode, u.saran = (_acak(t.message, rng), _acak(t.cell, rng), _acak(t.kode, rng),
                                              _acak(t.saran, rng))
        u.ekstra = dict(t.ekstra)
        out.findings.append(u)
    return out


def tulis_rekap(n: int, contoh: list, path: Path) -> tuple[float, int, int]:
    """Write the recap of ``n`` submissions; returns (seconds, findings, bytes)."""
    from renja_xl.core.identitas import OPD_BIDANG, PEMDA_SULSEL
    from renja_xl.reports.html import TulisHtml

    pemda = sorted(PEMDA_SULSEL)
    opd = sorted(set(OPD_BIDANG.values()))[:40]
    rng = random.Random(13)
    salinan = [_salinan(contoh[0], rng) for _ in range(50)]  # scrambling is slow: 50 variants, scrambled again below
    t0 = time.perf_counter()
    findings = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        w = TulisHtml(fh, "id", judul="kiriman_provinsi.zip")
        for i in range(n):
            b = copy.copy(salinan[i % len(salinan)])
            b.findings = [copy.copy(t) for t in b.findings]
            for t in b.findings[: len(b.findings) // 3]:  # a third of its messages differ from every other copy
                t.message = _acak(t.message, rng)
            p, o = pemda[i % len(pemda)], opd[(i // len(pemda)) % len(opd)]
            b.path = f"kiriman_provinsi.zip!{p.lower().replace(' ', '_')}/{o.lower().replace(' ', '_')}_{i}.xlsx"
            b.identitas = {"pemda": p, "opd": o, "tahun": 2025, "dokumen": "Renja"}
            findings += len(b.findings)
            w.berkas(b)
        w.akhiri()
    return time.perf_counter() - t0, findings, path.stat().st_size


def _fd_anak(baca: int, tulis: int) -> None:
    """In the browser's process: its end of our pipes as fds 3 and 4, open across exec."""
    import fcntl

    baca, tulis = fcntl.fcntl(baca, fcntl.F_DUPFD, 10), fcntl.fcntl(tulis, fcntl.F_DUPFD, 10)
    os.dup2(baca, 3)
    os.dup2(tulis, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


class Cdp:
    """The DevTools protocol over --remote-debugging-pipe: JSON messages ending in NUL on fds 3/4."""

    def __init__(self, exe: str, profile: Path):
        r_in, w_in = os.pipe()  # we write, the browser reads (its fd 3)
        r_out, w_out = os.pipe()  # the browser writes (its fd 4), we read
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}",
             "about:blank"],
            close_fds=False,  # fds 3 and 4 are set in the child below; closing others would close them
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: _fd_anak(r_in, w_out))
        os.close(r_in)
        os.close(w_out)
        self.w, self.r = w_in, r_out
        self.buf = b""
        self.n = 0
        self.session = None

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self.n += 1
        msg = {"id": self.n, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        return self.n

    def _recv(self) -> dict:
        while b"\0" not in self.buf:
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None) -> dict:
        i = self._send(method, params, self.session)
        while True:
            m = self._recv()
            if m.get("id") == i:
                if "error" in m:
                    raise RuntimeError(m["error"])
                return m.get("result", {})

    def open_page(self) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def eval(self, expr: str):
        return self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True})["result"].get("value")

    def close(self) -> None:
        try:
            self.session = None
            self._send("Browser.close")
        except OSError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def ukur_chromium(exe: str, page: Path, runs: int) -> tuple[float, float]:
    """(first contentful paint, findings rendered) in ms, medians of ``runs`` fresh browser tabs."""
    fcp, siap = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as prof:
            cdp = Cdp(exe, Path(prof))
            try:
                cdp.open_page()
                cdp.call("Page.enable")
                cdp.call("Page.navigate", {"url": page.as_uri()})
                deadline = time.monotonic() + 120
                state = None
                while time.monotonic() < deadline:
                    state = cdp.eval("document.body && document.body.dataset.siap")
                    if state:
                        break
                    time.sleep(0.02)
                if state != "1":
                    raise RuntimeError(f"the page did not finish: {state}")
                got = cdp.eval("JSON.stringify({fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,"
                               " siap: Number(document.body.dataset.siapMs)})")
                d = json.loads(got)
                fcp.append(d["fcp"])
                siap.append(d["siap"])
            finally:
                cdp.close()
    return statistics.median(fcp), statistics.median(siap)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        sys.exit("Chromium is not installed: apt-get install -y chromium")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        contoh = _berkas_contoh(Path(tmp))
        for n in args.n:
            page = Path(tmp) / f"rekap_{n}.html"
            secs, findings, size = tulis_rekap(n, contoh, page)
            fcp, siap = ukur_chromium(exe, page, args.runs)
            rows.append((n, findings, size, secs, fcp, siap))
            print(f"{n} submissions, {findings:,} findings: {size / 1e6:.1f} MB written in {secs:.1f} s; "
                  f"first paint {fcp:.0f} ms, findings rendered {siap:.0f} ms", flush=True)
    if args.write:
        lines = [f"Measured {time.strftime('%Y-%m-%d')} on {mesin()}, {os.path.basename(exe)}; median of "
                 f"{args.runs} fresh tabs.", "",
                 "| submissions | findings | page size | writing | first paint | findings rendered |",
                 "|---:|---:|---:|---:|---:|---:|"]
        for n, findings, size, secs, fcp, siap in rows:
            lines.append(f"| {n:,} | {findings:,} | {size / 1e6:.1f} MB | {secs:.1f} s | {fcp / 1000:.2f} s | "
                         f"{siap / 1000:.2f} s |")
        lines += ["", "Target (issue 13): under 10 MB and a paint under 3 s at 1,000 submissions.", "",
                  "Command: `python benchmarks/bench_html.py --runs 3 --write`"]
        tulis_bagian("html", "\n".join(lines))


if __name__ == "__main__":
    main()
