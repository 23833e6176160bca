"""One memo for facts the rules derive from whole tables (issue 17).

Several rules ask the same question of the same tables in one check — which kode more than one
table names, which rows are compared by name, which bidang a table belongs to — and some ask it
once per finding. :func:`per_tabel` answers each question once per table (or list of tables).
Tables are not hashable and are not changed by the rules, so an entry is found by the ``id`` of its
arguments and trusted only when they are the very same objects. The last few entries are kept (a
check asks about one workbook's tables; a batch worker moves on to the next file).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

__all__ = ["per_tabel"]

F = TypeVar("F", bound=Callable[..., Any])
MAKS = 16


def _kunci(a: Any) -> Any:
    return tuple(map(id, a)) if isinstance(a, (list, tuple)) else id(a)


def _beku(a: Any) -> Any:
    return tuple(a) if isinstance(a, list) else a


def _sama(x: Any, y: Any) -> bool:
    if isinstance(x, tuple):
        return len(x) == len(y) and all(p is q for p, q in zip(x, y, strict=False))
    return x is y


def per_tabel(fn: F) -> F:
    """Memo of ``fn``, a pure function of tables (each argument a table, a list of tables or None)."""
    simpan: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    @wraps(fn)
    def wrap(*args: Any) -> Any:
        key = tuple(map(_kunci, args))
        hit = simpan.get(key)
        if hit is not None and all(_sama(x, y) for x, y in zip(hit[0], args, strict=True)):
            return hit[1]
        out = fn(*args)
        if len(simpan) >= MAKS:
            simpan.clear()
        simpan[key] = (tuple(map(_beku, args)), out)
        return out

    wrap.cache_clear = simpan.clear  # type: ignore[attr-defined]
    return wrap  # type: ignore[return-value]
