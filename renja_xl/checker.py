"""The check of one workbook: read it, run the selected rules, apply accepted deviations.

This is the one place where reader, rules and configuration meet; the CLI, the batch runner and the
Excel button all call :func:`periksa_berkas` or :func:`periksa_lembar`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .core.config import Konfigurasi, Pengecualian
from .core.kode import parse_kode
from .core.models import SEVERITY_ORDER, Berkas, Temuan
from .readers import BerkasTidakTerbaca, HasilBaca, Lembar, baca_berkas, baca_lembar
from .readers.kepala import teks_sel
from .rules import REGISTRY, muat_semua, pilih
from .rules.context import Konteks
from .rules.jalan import jalankan

__all__ = ["periksa_berkas", "periksa_lembar", "periksa_hasil", "temuan_berkas_rusak", "berkas_tidak_terbaca",
           "pengecualian_lembar"]

SHEET_PENGECUALIAN = "pengecualian"


def _a1(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (0, 0)
    m = re.match(r"([A-Z]+)(\d+)", cell)
    if not m:
        return (0, 0)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def urutkan(findings: list[Temuan], sheets: list[str]) -> list[Temuan]:
    """Deterministic order: file-level first, then by sheet order, row, column, rule."""
    order = {s: i for i, s in enumerate(sheets)}

    def key(t: Temuan) -> tuple:
        r, c = _a1(t.cell)
        return (
            -1 if t.sheet is None else order.get(t.sheet, len(order)),
            t.row if t.row is not None else r,
            c,
            t.rule,
            SEVERITY_ORDER[t.severity],
            t.message,
        )

    return sorted(findings, key=key)


def pengecualian_lembar(lembar: list[Lembar]) -> list[Pengecualian]:
    """Accepted deviations listed in a sheet named 'Pengecualian' (columns: aturan/rule, kode, alasan)."""
    out: list[Pengecualian] = []
    for sh in lembar:
        if sh.nama.strip().lower() != SHEET_PENGECUALIAN:
            continue
        header: dict[str, int] | None = None
        for row in sh.sel:
            cells = [teks_sel(v) for v in row]
            low = [c.lower() for c in cells]
            if header is None:
                cols = {}
                for j, t in enumerate(low):
                    if t in ("aturan", "rule", "kode aturan"):
                        cols["rule"] = j
                    elif t in ("kode", "kode program/kegiatan", "kode sub kegiatan"):
                        cols["kode"] = j
                    elif t in ("alasan", "keterangan", "reason"):
                        cols["alasan"] = j
                    elif t in ("sheet", "lembar", "tabel"):
                        cols["sheet"] = j
                if "rule" in cols and "alasan" in cols:
                    header = cols
                continue
            rule = cells[header["rule"]] if header["rule"] < len(cells) else ""
            alasan = cells[header["alasan"]] if header["alasan"] < len(cells) else ""
            if not rule or not alasan:
                continue
            kode = cells[header["kode"]] if "kode" in header and header["kode"] < len(cells) else ""
            sheet = cells[header["sheet"]] if "sheet" in header and header["sheet"] < len(cells) else ""
            out.append(Pengecualian(rule=rule.upper(), kode=kode or None, alasan=alasan, sheet=sheet or None))
    return out


def _kunci(kode: str | None) -> str | None:
    if not kode:
        return None
    k = parse_kode(kode).kode
    return k.kunci if k else None


def _terapkan_pengecualian(findings: list[Temuan], rules: list[Pengecualian]) -> tuple[list[Temuan], list[dict[str, Any]]]:
    if not rules:
        return findings, []
    kept: list[Temuan] = []
    silenced: list[dict[str, Any]] = []
    for t in findings:
        hit = next((p for p in rules if p.cocok(t.rule, t.kode, t.sheet, _kunci(t.kode))), None)
        if hit is None:
            kept.append(t)
        else:
            silenced.append({"rule": t.rule, "kode": t.kode, "sheet": t.sheet, "cell": t.cell, "alasan": hit.alasan})
    return kept, silenced


def periksa_hasil(hasil: HasilBaca, config: Konfigurasi | None = None, path: str = "",
                  nomenklatur: Any = None) -> Berkas:
    """Run the selected rules on what was read from one workbook."""
    config = config or Konfigurasi.bawaan()
    ctx = Konteks(hasil.tables, config, hasil.sheets, hasil.rumus_kosong, nomenklatur, lembar=hasil.lembar)
    findings: list[Temuan] = jalankan(ctx, pilih(config.select, config.ignore))
    rules = list(config.pengecualian) + pengecualian_lembar(hasil.lembar)
    findings, silenced = _terapkan_pengecualian(findings, rules)
    return Berkas(
        path=path,
        status="checked",
        tables=hasil.tables,
        findings=urutkan(findings, hasil.sheets),
        sheets_seen=hasil.sheets,
        silenced=silenced,
    )


def temuan_berkas_rusak(exc: BerkasTidakTerbaca, config: Konfigurasi) -> Temuan:
    muat_semua()
    a = REGISTRY["E001"]
    ctx = Konteks([], config).untuk(a)
    alasan = exc.alasan[:1].upper() + exc.alasan[1:]
    reason = exc.reason[:1].upper() + exc.reason[1:]
    return ctx.temuan(None, None, None, alasan, reason)


def periksa_berkas(path: str | Path, config: Konfigurasi | None = None, nomenklatur: Any = None,
                   tampil: str | None = None) -> Berkas:
    """Check one file; an unreadable file is one E001 finding, never an exception."""
    config = config or Konfigurasi.bawaan()
    shown = tampil if tampil is not None else str(path)
    try:
        hasil = baca_berkas(path)
    except BerkasTidakTerbaca as exc:
        return berkas_tidak_terbaca(exc, config, shown)
    return periksa_hasil(hasil, config, shown, nomenklatur)


def berkas_tidak_terbaca(exc: BerkasTidakTerbaca, config: Konfigurasi, tampil: str) -> Berkas:
    """An unreadable file: status 'unreadable' and one E001 finding (when E001 is selected)."""
    selected = {a.kode for a in pilih(config.select, config.ignore)}
    findings = [temuan_berkas_rusak(exc, config)] if "E001" in selected else []
    return Berkas(path=tampil, status="unreadable", findings=findings)


def periksa_lembar(lembar: list[Lembar], config: Konfigurasi | None = None, nama: str = "",
                   nomenklatur: Any = None) -> Berkas:
    """Check worksheet grids that are already in memory (the Excel button, tests)."""
    return periksa_hasil(baca_lembar(lembar, nama), config, nama, nomenklatur)
