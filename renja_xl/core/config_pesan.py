"""What is wrong in a configuration file, said in the user's language with the key and its line.

pydantic and tomllib report in English, with internal names and a documentation URL; a planner
editing ``renja-xl.toml`` needs ``renja-xl.toml baris 4: ambang.persen_realisasi harus angka
(tertulis "setengah")``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

__all__ = ["NilaiSalah", "pesan_toml", "pesan_validasi", "baris_kunci"]


class NilaiSalah(ValueError):
    """A value a configuration check refused, with its reason in both languages."""

    def __init__(self, alasan: str, reason: str, kunci: str | None = None):
        super().__init__(alasan)
        self.alasan = alasan
        self.reason = reason
        self.kunci = kunci  # the key inside the table being checked, when one is to blame


_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_END = re.compile(r"\s*\(at end of document\)")


def pesan_toml(exc: Exception, sumber: str) -> tuple[str, str]:
    """A TOML syntax error: its line and column, what tomllib says."""
    text = str(exc)
    m = _TOML_POS.search(text)
    detail = _TOML_POS.sub("", _TOML_END.sub("", text)).strip()
    if _TOML_END.search(text):
        return (f"{sumber}: penulisan TOML salah di akhir berkas ({detail}; mis. ] atau \" yang belum ditutup)",
                f"{sumber}: invalid TOML at the end of the file ({detail}; e.g. a ] or \" not closed)")
    if m:
        line, col = m.group(1), m.group(2)
        return (f"{sumber} baris {line}, kolom {col}: penulisan TOML salah ({detail})",
                f"{sumber} line {line}, column {col}: invalid TOML ({detail})")
    return (f"{sumber}: penulisan TOML salah ({detail})", f"{sumber}: invalid TOML ({detail})")


def _tabel_kunci(line: str) -> tuple[str, bool] | None:
    m = re.match(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
    if not m:
        return None
    return m.group(2).replace('"', "").replace("'", "").strip(), m.group(1) == "[["


def baris_kunci(teks: str, path: tuple[Any, ...], awalan: str = "") -> int | None:
    """The 1-based line where the key ``path`` (e.g. ``("ambang", "persen_realisasi")`` or
    ``("pengecualian", 1, "rule")``) is written; ``-`` and ``_`` are the same. ``awalan``: the table
    the configuration lives in (``tool.renja-xl`` in a pyproject.toml)."""

    def norm(s: str) -> str:
        return s.strip().strip('"').strip("'").replace("-", "_").lower()

    want_table = [norm(x) for x in awalan.split(".")] if awalan else []
    keys: list[str] = []
    index: int | None = None
    for p in path:
        if isinstance(p, int):
            index = p
        else:
            keys.append(norm(str(p)))
    if not keys:
        return None
    table_path = want_table + keys[:-1]
    last = keys[-1]
    current: list[str] = []
    counts: dict[str, int] = {}
    table_line: int | None = None
    found_table = not table_path
    for i, line in enumerate(teks.splitlines(), start=1):
        tk = _tabel_kunci(line)
        if tk is not None:
            name, array = tk
            current = [norm(x) for x in name.split(".")]
            if current[: len(table_path) + 1] == table_path + [last] and index is None:
                return i  # the key is itself a table: its header
            key = ".".join(current)
            n = counts[key] = counts.get(key, -1) + 1 if array else 0
            found_table = current == table_path and (index is None or not array or n == index)
            if found_table:
                table_line = i
            continue
        if not found_table:
            # a dotted key at the top (ambang.persen_realisasi = 1) or an inline table
            m = re.match(r"\s*([A-Za-z0-9_.\-\"']+)\s*=", line)
            if m and not current and [norm(x) for x in m.group(1).split(".")] == table_path + [last]:
                return i
            if m and not current and norm(m.group(1)) == (table_path[-1] if table_path else "") and last in norm(line):
                return i
            continue
        m = re.match(r"\s*([A-Za-z0-9_\-\"']+)\s*=", line)
        if m and norm(m.group(1)) == last:
            return i
    return table_line


_JENIS = {  # pydantic error type → (Indonesian, English)
    "float_parsing": ("harus angka", "must be a number"),
    "float_type": ("harus angka", "must be a number"),
    "int_parsing": ("harus bilangan bulat", "must be a whole number"),
    "int_type": ("harus bilangan bulat", "must be a whole number"),
    "int_from_float": ("harus bilangan bulat", "must be a whole number"),
    "string_type": ("harus teks dalam tanda kutip", "must be text in quotes"),
    "list_type": ("harus daftar, mis. [\"A\", \"T001\"]", "must be a list, e.g. [\"A\", \"T001\"]"),
    "tuple_type": ("harus daftar", "must be a list"),
    "dict_type": ("harus tabel [..]", "must be a table [..]"),
    "dataclass_type": ("harus tabel [..]", "must be a table [..]"),
    "dataclass_exact_type": ("harus tabel [..]", "must be a table [..]"),
    "bool_type": ("harus true atau false", "must be true or false"),
    "bool_parsing": ("harus true atau false", "must be true or false"),
    "missing": ("wajib diisi", "is required"),
    "too_short": ("terlalu pendek", "too short"),
}


def _nama(loc: tuple[Any, ...]) -> str:
    out = ""
    for p in loc:
        out += f"[{p + 1}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out


def _kunci_dikenal(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys the table at ``loc`` (minus its last item) accepts, for a suggestion."""
    import dataclasses
    import typing

    tipe = model
    for p in loc[:-1]:
        if isinstance(p, int):
            continue
        hints = typing.get_type_hints(tipe) if dataclasses.is_dataclass(tipe) else {}
        t = hints.get(str(p))
        if t is None:
            return []
        args = [a for a in typing.get_args(t) if dataclasses.is_dataclass(a)]
        tipe = args[0] if args else t
    if not dataclasses.is_dataclass(tipe):
        return []
    return [f.name for f in dataclasses.fields(tipe) if f.name != "sumber"]


def pesan_validasi(exc: Exception, sumber: str, teks: str | None, model: Any, awalan: str = "") -> tuple[str, str]:
    """A pydantic ValidationError (or a check's ValueError) as one line per problem, with the key,
    its line in the file and a suggestion for a misspelt key."""
    errors = exc.errors() if hasattr(exc, "errors") else [{"type": "value_error", "loc": (), "msg": str(exc),
                                                           "ctx": {"error": exc}}]
    ids: list[str] = []
    ens: list[str] = []
    for e in errors[:5]:
        loc = tuple(e.get("loc", ()))
        err = (e.get("ctx") or {}).get("error")
        if getattr(err, "kunci", None):
            loc = (*loc, err.kunci)
        key = _nama(loc)
        line = baris_kunci(teks, loc, awalan) if teks is not None and loc else None
        first = not ids
        where_id = (f"{sumber} " if first else "") + (f"baris {line}" if line else "")
        where_en = (f"{sumber} " if first else "") + (f"line {line}" if line else "")
        where_id, where_en = where_id.strip() or sumber, where_en.strip() or sumber
        kind = e.get("type", "")
        given = e.get("input")
        shown = (f" (tertulis {given!r})" if given is not None
                 and kind not in ("missing", "extra_forbidden", "unexpected_keyword_argument") else "")
        shown_en = f" (written {given!r})" if shown else ""
        if kind in ("extra_forbidden", "unexpected_keyword_argument"):
            known = _kunci_dikenal(model, loc)
            hint = difflib.get_close_matches(str(loc[-1]).replace("-", "_"), known, n=1, cutoff=0.6) if known else []
            ids.append(f"{where_id}: kunci '{key}' tidak dikenal" + (f"; maksud Anda '{hint[0]}'?" if hint else "")
                       + (f" (kunci yang dikenal: {', '.join(known)})" if known and not hint else ""))
            ens.append(f"{where_en}: unknown key '{key}'" + (f"; did you mean '{hint[0]}'?" if hint else "")
                       + (f" (known keys: {', '.join(known)})" if known and not hint else ""))
            continue
        if kind == "value_error":
            alasan = getattr(err, "alasan", None) or str(err or e.get("msg", "")).removeprefix("Value error, ")
            reason = getattr(err, "reason", None) or alasan
            ids.append(f"{where_id}: {key + ': ' if key else ''}{alasan}")
            ens.append(f"{where_en}: {key + ': ' if key else ''}{reason}")
            continue
        jenis = _JENIS.get(kind)
        if jenis is None:
            ids.append(f"{where_id}: {key} tidak valid{shown} ({e.get('msg', '')})")
            ens.append(f"{where_en}: {key} is not valid{shown_en} ({e.get('msg', '')})")
        else:
            ids.append(f"{where_id}: {key} {jenis[0]}{shown}")
            ens.append(f"{where_en}: {key} {jenis[1]}{shown_en}")
    if len(errors) > 5:
        ids.append(f"… dan {len(errors) - 5} lagi")
        ens.append(f"… and {len(errors) - 5} more")
    return "; ".join(ids), "; ".join(ens)
