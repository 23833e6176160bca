"""``--format text``: findings grouped by file and sheet, coloured by severity on a terminal.

Three shapes: every finding (the default), one line per file (``--quiet``) and counts per rule
(``--statistics``, like ruff's). On a terminal the lines go through a rich Console (colour where the
terminal supports it); anywhere else they are plain text, the same bytes on every system.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, TextIO

from ..core.angka import format_angka
from ..core.label import TINGKAT as _SEV
from ..core.label import label_status
from ..core.models import Berkas
from .capaian import teks as capaian_teks
from .klaim import baris_klaim, baris_konfigurasi, penanda
from .layar import layar
from .summary import Totals

__all__ = ["TulisTeks", "tulis_teks", "BENTUK"]

BENTUK = ("lengkap", "ringkas", "statistik")  # every finding, --quiet, --statistics
_GAYA = {"error": "red", "warning": "yellow", "info": "cyan"}
Potong = tuple[str, str | None]  # a piece of a line and its rich style


class TulisTeks:
    """Streams one file at a time (a batch never holds all findings in memory)."""

    def __init__(self, out: TextIO, lang: str = "id", warna: bool | None = None, putaran: bool = False,
                 bentuk: str = "lengkap", konsol: Any = None, konfigurasi: dict | None = None):
        self.out = out
        self.lang = lang
        self.bentuk = bentuk
        self.konfigurasi = konfigurasi
        if konsol is None and warna is not False and (_terminal(out) or os.environ.get("FORCE_COLOR")):
            from .konsol import konsol as buat

            konsol = buat(out, warna)
        self.konsol = konsol
        self.totals = Totals.untuk(lang, putaran)
        self._per_aturan: dict[str, list[int]] = {}  # --statistics: rule → [findings, files]

    # --- output ---------------------------------------------------------------------------------
    def _baris(self, *potong: Potong) -> None:
        if self.konsol is None:
            self.out.write("".join(t for t, _ in potong) + "\n")
            return
        from rich.text import Text

        self.konsol.print(Text.assemble(*[(t, s or "") for t, s in potong]))

    def _status(self, t) -> list[Potong]:
        s = t.status
        if not s:
            return []
        return [(f" [{label_status(s, self.lang)}]", "bold" if s == "baru" else None)]

    # --- per file -------------------------------------------------------------------------------
    def berkas(self, b: Berkas) -> None:
        self.totals.tambah(b)
        if self.bentuk == "statistik":
            seen = set()
            for t in b.findings:
                n = self._per_aturan.setdefault(t.rule, [0, 0])
                n[0] += 1
                if t.rule not in seen:
                    n[1] += 1
                    seen.add(t.rule)
            return
        id_ = b.identitas
        who: list[Potong] = []
        if id_:
            parts = [layar(id_.get(k)) for k in ("pemda", "opd", "tahun", "dokumen") if id_.get(k)]
            who = [("  ", None), ("(" + " · ".join(parts) + ")", "dim")] if parts else []
        if self.bentuk == "ringkas":
            self._baris((layar(b.path), "bold"), *who, ("  ", None), *self._hitungan(b))
            return
        self._baris((layar(b.path), "bold"), *who)
        if b.status == "unreadable":
            for t in b.findings:
                self._baris(("  ", None), (_SEV[self.lang]["error"], _GAYA["error"]), (f" {t.rule}", None),
                            *self._status(t), (f" {layar(t.message)}", None))
            return
        if not b.findings:
            tables = ", ".join(f"{layar(t.sheet)} ({t.kind})" for t in b.tables)
            ok = "tidak ada temuan" if self.lang == "id" else "no findings"
            self._baris((f"  {ok}" + (f" — {tables}" if tables else ""), None))
        kinds = {t.sheet: t.kind for t in b.tables}
        current = object()
        for t in b.findings:
            if t.sheet != current:
                current = t.sheet
                if t.sheet is None:
                    label = "berkas" if self.lang == "id" else "file"
                else:
                    label = layar(t.sheet) + (f" [{kinds[t.sheet]}]" if t.sheet in kinds else "")
                self._baris(("  ", None), (label, "bold"))
            sev = _SEV[self.lang][t.severity]
            loc = f"{layar(t.cell or ''):>6}"
            kode = f" {layar(t.kode)}" if t.kode else ""
            saran = f" → {layar(t.saran)}" if t.saran and t.saran not in t.message else ""
            self._baris((f"    {loc} ", None), (f"{sev:<10}", _GAYA[t.severity]), (f" {t.rule}", None), (kode, "dim"),
                        *self._status(t), (f"  {layar(t.message)}{saran}{layar(penanda(t, self.lang))}", None))
        if b.capaian:
            for line in capaian_teks(b.capaian, self.lang):
                self._baris((f"  {layar(line)}", None))
        if b.selesai:
            head = (f"  {len(b.selesai)} temuan putaran sebelumnya sudah selesai:" if self.lang == "id"
                    else f"  {len(b.selesai)} findings of the previous round are resolved:")
            self._baris((head, "dim"))
            for t in b.selesai:
                where = " ".join(layar(x) for x in (t.sheet, t.cell) if x)
                kode = f" {layar(t.kode)}" if t.kode else ""
                self._baris((f"    {where} {t.rule}{kode}  {layar(t.message)}", "dim"))
        if b.silenced:
            n = len(b.silenced)
            if self.lang == "id":
                self._baris((f"  {n} temuan dikecualikan (sheet Pengecualian/konfigurasi):", None))
            else:
                self._baris((f"  {n} findings silenced (Pengecualian sheet/config):", None))
            for s in b.silenced:
                src = " [kiriman]" if s.get("sumber") == "kiriman" else ""
                self._baris((f"    {layar(s['rule'])} {layar(s.get('kode') or '')} {layar(s.get('cell') or '')}: "
                             f"{layar(s['alasan'])}{src}", None))
        if b.klaim:  # the submission's own Pengecualian sheet: the sender's claims, listed whatever was done
            head = ("Pengecualian yang diklaim kiriman (sheet Pengecualian)" if self.lang == "id"
                    else "Exemptions claimed by the submission (Pengecualian sheet)")
            self._baris((f"  {head}:", "bold"))
            for line in baris_klaim(b, self.lang):
                self._baris((f"    {layar(line)}", None))

    def _hitungan(self, b: Berkas) -> list[Potong]:
        """'3 galat, 12 peringatan' for --quiet."""
        if b.status == "unreadable":
            why = b.findings[0].message if b.findings else ""
            return [("tidak terbaca" if self.lang == "id" else "unreadable", _GAYA["error"]),
                    (f": {why}" if why else "", None)]
        n = {s: 0 for s in _SEV["id"]}
        for t in b.findings:
            n[t.severity] += 1
        if not any(n.values()):
            return [("tidak ada temuan" if self.lang == "id" else "no findings", "green")]
        out: list[Potong] = []
        for sev in ("error", "warning", "info"):
            if n[sev]:
                out += [(", " if out else "", None), (f"{format_angka(n[sev])} {_SEV[self.lang][sev]}", _GAYA[sev])]
        return out

    # --- the end --------------------------------------------------------------------------------
    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        if self.bentuk == "statistik":
            self._statistik()
        else:
            per = self.totals.per_aturan(self.lang)
            self._baris(("", None))
            if per:
                self._baris((per, None))
        self._baris((self.totals.kalimat(self.lang), None))
        if self.totals.putaran is not None:
            self._baris((self.totals.kalimat_putaran(self.lang), None))
        if tidak_dikirim_ulang:
            head = ("Berkas putaran sebelumnya yang tidak ada di putaran ini" if self.lang == "id"
                    else "Files of the previous round missing from this round")
            self._baris((f"{head} ({len(tidak_dikirim_ulang)}): " + ", ".join(map(layar, tidak_dikirim_ulang)), None))
        for line in baris_konfigurasi(self.konfigurasi, self.lang, self.totals):
            self._baris((layar(line), None))
        self.out.flush()

    def _statistik(self) -> None:
        """Counts per rule, most frequent first: findings, files, rule, severity, title."""
        from ..rules import REGISTRY, muat_semua

        muat_semua()
        rows = sorted(self._per_aturan.items(), key=lambda kv: (-kv[1][0], kv[0]))
        head = ("temuan", "berkas") if self.lang == "id" else ("findings", "files")
        w0 = max([len(head[0])] + [len(format_angka(n)) for _, (n, _f) in rows])
        w1 = max([len(head[1])] + [len(format_angka(f)) for _, (_n, f) in rows])
        self._baris((f"{head[0]:>{w0}}  {head[1]:>{w1}}", "dim"))
        for code, (n, f) in rows:
            a = REGISTRY.get(code)
            sev = a.severity if a else "info"
            self._baris((f"{format_angka(n):>{w0}}  {format_angka(f):>{w1}}  {code} ", None),
                        (f"{_SEV[self.lang][sev]:<10}", _GAYA[sev]), (f" {a.judul(self.lang) if a else ''}", None))
        self._baris(("", None))


def _terminal(out: TextIO) -> bool:
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def tulis_teks(files: Iterable[Berkas], out: TextIO, lang: str = "id", warna: bool | None = None) -> Totals:
    w = TulisTeks(out, lang, warna)
    for b in files:
        w.berkas(b)
    w.akhiri()
    return w.totals
