"""Write the rule catalogue's documentation pages into docs/aturan/ (Indonesian, English below).

    python docs/tulis_aturan.py [--check]

The pages come from the registry (each rule module's own documentation), so they never drift from
what `renja-xl rule CODE` prints; `--check` fails when a page is out of date (a test runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "aturan"


def halaman() -> dict[str, str]:
    from renja_xl.rules import REGISTRY, muat_semua
    from renja_xl.rules.registry import KATEGORI

    muat_semua()
    pages: dict[str, str] = {}
    rows = []
    for code in sorted(REGISTRY):
        a = REGISTRY[code]
        pages[f"{code}.md"] = a.halaman("id") + "\n---\n\n" + a.halaman("en")
        sev = {"error": "galat", "warning": "peringatan", "info": "info"}[a.severity]
        nomen = " (perlu nomenklatur)" if a.butuh_nomenklatur else ""
        rows.append(f"| [{code}]({code}.md) | `{a.slug}` | {sev} | {a.judul('id')}{nomen} |")
    pages["README.md"] = "\n".join([
        "# Katalog aturan renja-xl",
        "",
        "Dibuat dari registri aturan oleh `docs/tulis_aturan.py`; jangan disunting. "
        "`renja-xl rule KODE` mencetak halaman yang sama.",
        "",
        "Huruf kode: " + " · ".join(f"**{h}** {arti}" for h, arti in KATEGORI.items()) + ".",
        "",
        "| kode | slug | tingkat | aturan |",
        "|---|---|---|---|",
        *rows,
        "",
    ])
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    pages = halaman()
    stale = [n for n, text in pages.items() if not (HERE / n).is_file() or (HERE / n).read_text(encoding="utf-8") != text]
    extra = [p.name for p in HERE.glob("*.md") if p.name not in pages]
    if args.check:
        if stale or extra:
            print("tidak mutakhir: " + ", ".join(stale + extra) + " — jalankan python docs/tulis_aturan.py")
            return 1
        return 0
    HERE.mkdir(exist_ok=True)
    for name in extra:
        (HERE / name).unlink()
    for name, text in pages.items():
        (HERE / name).write_text(text, encoding="utf-8")
    print(f"{len(pages)} halaman di {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
