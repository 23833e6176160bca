"""Every library the package imports (lazy imports included) is declared in pyproject.toml: a
dependency, or an optional extra for the one module that uses it. (A merge once dropped rapidfuzz
from the dependencies; an install from wheels then read no workbook at all.)"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT

EXTRA = {"pandas": {"renja_xl/analisis.py"}}  # module → the only files allowed to import it


def _nama(req: str) -> str:
    return re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0].strip().lower().replace("_", "-")


def test_every_imported_library_is_declared():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_nama(r) for r in meta["dependencies"]}
    extras = {_nama(r) for reqs in meta.get("optional-dependencies", {}).values() for r in reqs}
    dist = {k: {d.lower().replace("_", "-") for d in v} for k, v in packages_distributions().items()}
    where: dict[str, set[str]] = {}
    for f in (ROOT / "renja_xl").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            for n in names:
                top = n.split(".")[0]
                if top != "renja_xl" and top not in sys.stdlib_module_names:
                    where.setdefault(top, set()).add(f.relative_to(ROOT).as_posix())
    assert "rapidfuzz" in where and "python_calamine" in where  # the scan sees what the package uses
    missing = []
    for mod, files in sorted(where.items()):
        dists = dist.get(mod, {mod.lower()})
        if dists & declared:
            continue
        if mod in EXTRA and dists & extras and files <= EXTRA[mod]:
            continue
        missing.append(f"{mod} ({', '.join(sorted(files))})")
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)
