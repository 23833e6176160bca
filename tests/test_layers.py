"""The package's layers, read from the source (every import, the lazy ones inside functions included):

    core → readers (and nomenklatur) → rules → checker → batch / diff / reports → cli / xl / udf

A module imports only its own layer or lower ones, and no group of modules imports itself round.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PAKET = ROOT / "renja_xl"

LAPISAN = [  # (layer, module prefixes), lowest first
    ("core", ("renja_xl.core",)),
    ("readers", ("renja_xl.readers", "renja_xl.nomenklatur")),
    ("rules", ("renja_xl.rules",)),
    ("checker", ("renja_xl.checker",)),
    ("batch/diff/reports", ("renja_xl.batch", "renja_xl.diff", "renja_xl.reports")),
    ("cli/xl", ("renja_xl.cli", "renja_xl.__main__", "renja_xl.xl", "renja_xl.udf")),
]

# Cycles inside one package between its ``__init__`` and its own modules, in packages this
# layering work does not own. Each entry must still exist (a stale entry fails), so the list can
# only shrink: the owner removes the entry with the fix.
SIKLUS_DIKETAHUI: dict[frozenset[str], str] = {}


def _modul() -> dict[str, tuple[Path, bool]]:
    out = {}
    for f in PAKET.rglob("*.py"):
        parts = list(f.relative_to(ROOT).with_suffix("").parts)
        paket = parts[-1] == "__init__"
        if paket:
            parts = parts[:-1]
        out[".".join(parts)] = (f, paket)
    return out


def _impor(modul: dict[str, tuple[Path, bool]]) -> dict[str, set[str]]:
    """module → the package modules it imports (at the top or inside a function)."""
    edges: dict[str, set[str]] = {}
    for m, (f, paket) in modul.items():
        out: set[str] = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "renja_xl"]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = m.split(".") if paket else m.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                    if target.split(".")[0] != "renja_xl":
                        continue
                targets = [f"{target}.{a.name}" if f"{target}.{a.name}" in modul else target for a in node.names]
            for t in targets:
                while t not in modul and "." in t:
                    t = t.rsplit(".", 1)[0]
                if t != m:
                    out.add(t)
        edges[m] = out
    return edges


def _lapisan(m: str) -> int:
    if m == "renja_xl":  # the package itself holds only __version__
        return 0
    for i, (_, prefixes) in enumerate(LAPISAN):
        if any(m == p or m.startswith(p + ".") for p in prefixes):
            return i
    raise AssertionError(f"{m} belongs to no layer: add it to LAPISAN in tests/test_layers.py")


def _siklus(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[frozenset[str]] = []
    counter = 0
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = set()
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.add(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        out.append(frozenset(comp))
    return out


def test_every_module_has_a_layer_and_imports_no_higher_one():
    edges = _impor(_modul())
    naik = [f"{m} ({LAPISAN[_lapisan(m)][0]}) imports {t} ({LAPISAN[_lapisan(t)][0]})"
            for m, ts in sorted(edges.items()) for t in sorted(ts) if _lapisan(t) > _lapisan(m)]
    assert not naik, "imports of a higher layer:\n" + "\n".join(naik)


def test_no_import_cycles():
    found = set(_siklus(_impor(_modul())))
    baru = [sorted(c) for c in found if c not in SIKLUS_DIKETAHUI]
    assert not baru, f"import cycles: {baru}"
    basi = [sorted(c) for c in SIKLUS_DIKETAHUI if c not in found]
    assert not basi, f"fixed, remove from SIKLUS_DIKETAHUI: {basi}"


def test_the_reader_of_imports_sees_lazy_imports_and_cycles():
    """The checks above can fail: a lazy import inside a function and a cycle are both seen."""
    edges = _impor(_modul())
    assert "renja_xl.reports.excel" in edges["renja_xl.batch.jalan"]  # imported inside _penulis
    assert _siklus({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert _lapisan("renja_xl.cli") > _lapisan("renja_xl.batch.jalan") > _lapisan("renja_xl.checker")
