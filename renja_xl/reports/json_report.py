"""``--format json``: the ``renja-xl/check@1`` contract (``../shared/spec/check-json.md``).

Written file by file so a batch streams instead of building one big document in memory.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, TextIO

from .. import __version__
from ..core.models import DATA_TEMUAN, Berkas, Temuan
from .summary import Totals

SCHEMA = "renja-xl/check@1"
_FINDING_KEYS = ("rule", "slug", "severity", "sheet", "row", "cell", "kode", "message")


_PENGGANTI = re.compile("[\ud800-\udfff]")


def _aman(obj: Any) -> Any:
    """A copy valid as strict JSON in UTF-8: NaN/infinity (never valid JSON) as null, halves of
    surrogate pairs (an undecodable file name) as visible escapes."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, str):
        if _PENGGANTI.search(obj):
            from .sel_aman import escape_nama

            return escape_nama(obj)
        return obj
    if isinstance(obj, dict):
        return {_aman(k): _aman(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_aman(v) for v in obj]
    return obj


def dumps(obj: Any) -> str:
    """``json.dumps`` that always gives strict JSON encodable as UTF-8."""
    try:
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False)
        if not _PENGGANTI.search(text):
            return text
    except ValueError:
        pass
    return json.dumps(_aman(obj), ensure_ascii=False, allow_nan=False)


def temuan_json(t: Temuan) -> dict[str, Any]:
    d: dict[str, Any] = {k: getattr(t, k) for k in _FINDING_KEYS}
    if t.expected is not None or t.actual is not None:
        d["expected"] = t.expected
        d["actual"] = t.actual
    if t.saran is not None:
        d["saran"] = t.saran
    if t.kind is not None:
        d["kind"] = t.kind
    if t.terkait:
        d["terkait"] = t.terkait
    if t.baris_lain:
        d["baris_lain"] = t.baris_lain
    for k in DATA_TEMUAN:
        v = getattr(t, k)
        if v is not None:
            d[k] = v
    return d


def berkas_json(b: Berkas) -> dict[str, Any]:
    d: dict[str, Any] = {
        "path": b.path,
        "status": b.status,
        "tables": [t.ringkas() for t in b.tables],
        "findings": [temuan_json(t) for t in b.findings],
    }
    if b.silenced:
        d["silenced"] = b.silenced
    if b.klaim:
        d["klaim_pengecualian"] = b.klaim
    if b.identitas:
        d["identitas"] = b.identitas
    if b.selesai:
        d["selesai"] = [temuan_json(t) for t in b.selesai]
    if b.capaian:
        d["capaian"] = b.capaian  # capaian and predikat of the evaluation rows, with the scale used
    return d


class TulisJson:
    def __init__(self, out: TextIO, extra: dict[str, Any] | None = None, putaran: bool = False, lang: str = "id",
                 konfigurasi: dict[str, Any] | None = None):
        self.out = out
        self.totals = Totals.untuk(lang, putaran)
        self.first = True
        self.extra = dict(extra or {})
        if konfigurasi is not None:
            self.extra["konfigurasi"] = konfigurasi
        head = {"schema": SCHEMA, "tool": {"name": "renja-xl", "version": __version__}}
        text = json.dumps(head, ensure_ascii=False)
        self.out.write(text[:-1] + ', "files": [\n')

    def berkas(self, b: Berkas) -> None:
        self.totals.tambah(b)
        if not self.first:
            self.out.write(",\n")
        self.first = False
        self.out.write(dumps(berkas_json(b)))

    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        tail = {"summary": self.totals.json(), **self.extra}
        if tidak_dikirim_ulang is not None:
            tail["tidak_dikirim_ulang"] = tidak_dikirim_ulang
        self.out.write("\n], " + dumps(tail)[1:] + "\n")
        self.out.flush()
