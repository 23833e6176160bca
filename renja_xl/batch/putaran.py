"""Rounds of submissions: ``renja-xl check … --baseline PREVIOUS.json``.

Each submission of this round is matched to one of the previous round's report by its identity
(pemda + office + year, :func:`renja_xl.core.identitas.kunci`), never by file name. Its findings are then
matched to the previous ones by rule + kode + table kind — first those on the same sheet and cell,
then the rest — and marked ``baru`` (new) or ``masih ada`` (still open); the previous findings left
over are ``selesai`` (resolved) and travel with the file (``Berkas.selesai``), since they are no
longer in it. A file that cannot be read this round resolves nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.identitas import kunci
from ..core.label import BARU, MASIH_ADA, SELESAI, label_status
from ..core.models import DATA_TEMUAN, Berkas, Temuan, validasi

__all__ = ["Putaran", "BARU", "MASIH_ADA", "SELESAI", "label_status", "BaselineTidakValid"]

class BaselineTidakValid(ValueError):
    """The --baseline file is not a renja-xl JSON report."""


@dataclass(slots=True)
class _TabelLama:
    sheet: str
    kind: str


@dataclass(slots=True)
class _BerkasLama:
    path: str
    status: str = "checked"
    tables: list[_TabelLama] = field(default_factory=list)
    findings: list[Temuan] = field(default_factory=list)
    identitas: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _Laporan:
    schema: str
    files: list[_BerkasLama]


def _kunci_temuan(t: Temuan) -> tuple[str, str | None, str | None]:
    return (t.rule, t.kode, t.kind)


BATAS_BASELINE_MB = 1024  # a report of ten thousand submissions is well under this


def _tolak_konstanta(name: str) -> Any:
    raise ValueError(f"{name} bukan angka JSON yang sah")


class Putaran:
    """The previous round, read from its JSON report, ready to mark this round's files."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        p = Path(path)
        if p.exists() and not p.is_file():
            raise BaselineTidakValid(f"tidak dapat membaca {path}: bukan berkas biasa")
        try:
            if p.stat().st_size > BATAS_BASELINE_MB * 1024 * 1024:
                raise BaselineTidakValid(f"{path} lebih dari {BATAS_BASELINE_MB} MB; bukan laporan JSON renja-xl")
            data = json.loads(p.read_text(encoding="utf-8"), parse_constant=_tolak_konstanta)
        except BaselineTidakValid:
            raise
        except OSError as exc:
            raise BaselineTidakValid(f"tidak dapat membaca {path}: {exc}") from exc
        except RecursionError:
            raise BaselineTidakValid(f"{path} bukan laporan JSON renja-xl (bersarang terlalu dalam)") from None
        except ValueError as exc:  # invalid JSON, not UTF-8, NaN/Infinity
            raise BaselineTidakValid(f"{path} bukan JSON yang sah: {str(exc)[:200]}") from exc
        if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("renja-xl/check@"):
            raise BaselineTidakValid(f"{path} bukan laporan JSON renja-xl (schema renja-xl/check@1)")
        try:
            laporan: _Laporan = validasi(_Laporan, data)
        except RecursionError:
            raise BaselineTidakValid(f"{path} bukan laporan JSON renja-xl (bersarang terlalu dalam)") from None
        except Exception as exc:  # pydantic.ValidationError: say what is wrong where
            raise BaselineTidakValid(f"{path}: {str(exc)[:600]}") from exc
        self._sisa: dict[tuple[str, ...], deque[_BerkasLama]] = defaultdict(deque)
        self.urutan: list[_BerkasLama] = []
        for f in laporan.files:
            kinds = {t.sheet: t.kind for t in f.tables}
            for t in f.findings:
                for k in DATA_TEMUAN:
                    setattr(t, k, None)  # what the old report said about a finding is not this round's
                if t.kind is None and t.sheet in kinds:  # a report written before findings carried kind
                    t.kind = kinds[t.sheet]
            self._sisa[kunci(f.identitas, f.path)].append(f)
            self.urutan.append(f)
        self._dipakai: set[int] = set()

    def tandai(self, b: Berkas, lapor: Callable[[Berkas, str, str], None] | None = None) -> None:
        """Mark ``b``'s findings baru / masih ada and attach the resolved ones (``b.selesai``). When
        the previous round has several files with ``b``'s identity, the one whose name is closest is
        taken, and ``lapor(b, alasan, reason)`` is told which and why (rule E007)."""
        queue = self._sisa.get(kunci(b.identitas, b.path))
        lama = None
        if queue and len(queue) > 1:
            lama = _terdekat(b.path, list(queue))
            queue.remove(lama)
            if lapor is not None:
                others = ", ".join(f.path for f in queue)
                lapor(b, f"Putaran sebelumnya mempunyai {len(queue) + 1} kiriman dengan identitas ini; dibandingkan "
                      f"dengan {lama.path} (nama berkas paling mirip), bukan {others}",
                      f"The previous round has {len(queue) + 1} submissions with this identity; compared with "
                      f"{lama.path} (the closest file name), not {others}")
        elif queue:
            lama = queue.popleft()
        if lama is None:
            for t in b.findings:
                t.status = BARU
            return
        self._dipakai.add(id(lama))
        old = list(lama.findings)
        taken = [False] * len(old)
        status: list[str | None] = [None] * len(b.findings)
        for exact in (True, False):
            index: dict[tuple, deque[int]] = defaultdict(deque)
            for j, t in enumerate(old):
                if not taken[j]:
                    k = (*_kunci_temuan(t), t.sheet, t.cell) if exact else _kunci_temuan(t)
                    index[k].append(j)
            for i, t in enumerate(b.findings):
                if status[i] is not None:
                    continue
                k = (*_kunci_temuan(t), t.sheet, t.cell) if exact else _kunci_temuan(t)
                if index.get(k):
                    taken[index[k].popleft()] = True
                    status[i] = MASIH_ADA
        for t, s in zip(b.findings, status, strict=True):
            t.status = s or BARU
            if s:
                t.sebelumnya = lama.path
        if b.status == "unreadable":
            return  # nothing can be said resolved in a file we could not read
        for j, t in enumerate(old):
            if not taken[j]:
                t.status, t.sebelumnya = SELESAI, lama.path
                b.selesai.append(t)

    def tidak_dikirim_ulang(self) -> list[str]:
        """Files of the previous round that no file of this round matched."""
        return [f.path for f in self.urutan if id(f) not in self._dipakai]



def _terdekat(path: str, kandidat: list[_BerkasLama]) -> _BerkasLama:
    """The previous file to pair with ``path``: the same shown path, else the same file name, else
    the most similar path (difflib), else the first."""
    import difflib
    import re

    for f in kandidat:
        if f.path == path:
            return f
    base = re.split(r"[!/\\]", path)[-1].lower()
    same = [f for f in kandidat if re.split(r"[!/\\]", f.path)[-1].lower() == base]
    if same:
        return same[0]
    return max(kandidat, key=lambda f: (difflib.SequenceMatcher(None, path, f.path).ratio(), -kandidat.index(f)))
