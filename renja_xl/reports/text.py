"""``--format text``: findings grouped by file and sheet, coloured by severity on a terminal."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TextIO

from ..core.label import TINGKAT as _SEV
from ..core.label import label_status
from ..core.models import Berkas
from .capaian import teks as capaian_teks
from .klaim import baris_klaim, baris_konfigurasi, penanda
from .layar import layar
from .summary import Totals

_COLOR = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def pakai_warna(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class TulisTeks:
    """Streams one file at a time (a batch never holds all findings in memory)."""

    def __init__(self, out: TextIO, lang: str = "id", warna: bool | None = None, putaran: bool = False,
                 konfigurasi: dict | None = None):
        self.out = out
        self.lang = lang
        self.konfigurasi = konfigurasi
        self.warna = pakai_warna(out) if warna is None else warna
        self.totals = Totals.untuk(lang, putaran)

    def _status(self, t) -> str:
        s = t.ekstra.get("status")
        if not s:
            return ""
        label = label_status(s, self.lang)
        return f" [{label}]" if s != "baru" else self._c(_BOLD, f" [{label}]")

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.warna else text

    def berkas(self, b: Berkas) -> None:
        self.totals.tambah(b)
        w = self.out.write
        id_ = b.identitas
        who = ""
        if id_:
            parts = [layar(id_.get(k)) for k in ("pemda", "opd", "tahun", "dokumen") if id_.get(k)]
            who = f"  {self._c(_DIM, '(' + ' · '.join(parts) + ')')}" if parts else ""
        w(self._c(_BOLD, layar(b.path)) + who + "\n")
        if b.status == "unreadable":
            for t in b.findings:
                w(f"  {self._c(_COLOR['error'], _SEV[self.lang]['error'])} {t.rule}{self._status(t)} {layar(t.message)}\n")
            return
        if not b.findings:
            tables = ", ".join(f"{layar(t.sheet)} ({t.kind})" for t in b.tables)
            ok = "tidak ada temuan" if self.lang == "id" else "no findings"
            w(f"  {ok}" + (f" — {tables}" if tables else "") + "\n")
        kinds = {t.sheet: t.kind for t in b.tables}
        current = object()
        for t in b.findings:
            if t.sheet != current:
                current = t.sheet
                if t.sheet is None:
                    label = "berkas" if self.lang == "id" else "file"
                else:
                    label = layar(t.sheet) + (f" [{kinds[t.sheet]}]" if t.sheet in kinds else "")
                w(f"  {self._c(_BOLD, label)}\n")
            sev = _SEV[self.lang][t.severity]
            loc = f"{layar(t.cell or ''):>6}"
            kode = f" {layar(t.kode)}" if t.kode else ""
            saran = f" → {layar(t.saran)}" if t.saran and t.saran not in t.message else ""
            w(f"    {loc} {self._c(_COLOR[t.severity], f'{sev:<10}')} {t.rule}{self._c(_DIM, kode)}{self._status(t)}  "
              f"{layar(t.message)}{saran}{layar(penanda(t, self.lang))}\n")
        if b.capaian:
            for line in capaian_teks(b.capaian, self.lang):
                w(f"  {layar(line)}\n")
        if b.selesai:
            head = (f"  {len(b.selesai)} temuan putaran sebelumnya sudah selesai:" if self.lang == "id"
                    else f"  {len(b.selesai)} findings of the previous round are resolved:")
            w(self._c(_DIM, head) + "\n")
            for t in b.selesai:
                where = " ".join(layar(x) for x in (t.sheet, t.cell) if x)
                kode = f" {layar(t.kode)}" if t.kode else ""
                w(self._c(_DIM, f"    {where} {t.rule}{kode}  {layar(t.message)}") + "\n")
        if b.silenced:
            n = len(b.silenced)
            if self.lang == "id":
                w(f"  {n} temuan dikecualikan (sheet Pengecualian/konfigurasi):\n")
            else:
                w(f"  {n} findings silenced (Pengecualian sheet/config):\n")
            for s in b.silenced:
                src = " [kiriman]" if s.get("sumber") == "kiriman" else ""
                w(f"    {layar(s['rule'])} {layar(s.get('kode') or '')} {layar(s.get('cell') or '')}: {layar(s['alasan'])}{src}\n")
        if b.klaim:  # the submission's own Pengecualian sheet: the sender's claims, listed whatever was done
            head = ("Pengecualian yang diklaim kiriman (sheet Pengecualian)" if self.lang == "id"
                    else "Exemptions claimed by the submission (Pengecualian sheet)")
            w(self._c(_BOLD, f"  {head}:") + "\n")
            for line in baris_klaim(b, self.lang):
                w(f"    {layar(line)}\n")

    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        per = self.totals.per_aturan(self.lang)
        self.out.write("\n" + (per + "\n" if per else "") + self.totals.kalimat(self.lang) + "\n")
        if self.totals.putaran is not None:
            self.out.write(self.totals.kalimat_putaran(self.lang) + "\n")
        if tidak_dikirim_ulang:
            head = ("Berkas putaran sebelumnya yang tidak ada di putaran ini" if self.lang == "id"
                    else "Files of the previous round missing from this round")
            self.out.write(f"{head} ({len(tidak_dikirim_ulang)}): " + ", ".join(map(layar, tidak_dikirim_ulang)) + "\n")
        for line in baris_konfigurasi(self.konfigurasi, self.lang):
            self.out.write(layar(line) + "\n")
        self.out.flush()


def tulis_teks(files: Iterable[Berkas], out: TextIO, lang: str = "id", warna: bool | None = None) -> Totals:
    w = TulisTeks(out, lang, warna)
    for b in files:
        w.berkas(b)
    w.akhiri()
    return w.totals
