"""For analysts: a ``renja-xl check --format json`` report as pandas DataFrames.

pandas is an optional extra (``pip install "renja-xl[analisis]"``) and is imported only here, when
one of these functions is called; the check itself never imports it::

    from renja_xl.analisis import temuan, berkas
    df = temuan("putaran2.json")
    df.groupby(["pemda", "rule"]).size().unstack(fill_value=0)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["temuan", "berkas"]

_IDENTITAS = ("pemda", "opd", "tahun", "dokumen", "bidang")


def _laporan(laporan: str | Path | dict[str, Any]) -> dict[str, Any]:
    if isinstance(laporan, dict):
        return laporan
    return json.loads(Path(laporan).read_text(encoding="utf-8"))


def _pandas():
    try:
        import pandas as pd
    except ImportError as exc:  # the extra is not installed
        raise ImportError('renja_xl.analisis needs pandas: pip install "renja-xl[analisis]"') from exc
    return pd


def temuan(laporan: str | Path | dict[str, Any]):
    """One row per finding (resolved ones of a round included, with ``status`` "selesai"): the file,
    its identity (pemda, opd, tahun, dokumen, bidang) and the finding's fields."""
    pd = _pandas()
    rows = []
    for f in _laporan(laporan).get("files", []):
        ident = f.get("identitas") or {}
        base = {"path": f["path"], **{k: ident.get(k) for k in _IDENTITAS}}
        for t in [*f.get("findings", []), *f.get("selesai", [])]:
            rows.append({**base, **t})
    cols = ["path", *_IDENTITAS, "rule", "slug", "severity", "sheet", "row", "cell", "kode", "message"]
    df = pd.DataFrame(rows)
    return df.reindex(columns=cols + [c for c in df.columns if c not in cols])


def berkas(laporan: str | Path | dict[str, Any]):
    """One row per file: its identity, status, number of tables and findings per severity."""
    pd = _pandas()
    rows = []
    for f in _laporan(laporan).get("files", []):
        ident = f.get("identitas") or {}
        n = {"error": 0, "warning": 0, "info": 0}
        for t in f.get("findings", []):
            n[t["severity"]] = n.get(t["severity"], 0) + 1
        rows.append({"path": f["path"], **{k: ident.get(k) for k in _IDENTITAS}, "status": f["status"],
                     "tables": len(f.get("tables", [])), **n, "silenced": len(f.get("silenced", []))})
    return pd.DataFrame(rows)
