"""The one-page summary that goes back to one office with its annotated copy (``--per-kiriman``).

Plain text (UTF-8), short enough to print on one page: who sent it, the counts, what to fix first
(per rule, with the rule's own "how to fix"), the first findings, and where the rest are.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from .. import __version__
from ..core.angka import format_angka
from ..core.label import TINGKAT, label_status
from ..core.models import Berkas

__all__ = ["tulis_umpan_balik", "MAKS_TEMUAN"]

MAKS_TEMUAN = 25  # findings listed on the page; the annotated copy has them all

_T = {
    "id": {
        "judul": "Hasil pemeriksaan Renja", "berkas": "Berkas", "pemda": "Pemda", "opd": "Perangkat daerah",
        "tahun": "Tahun", "dokumen": "Dokumen", "diperiksa": "Diperiksa", "jumlah": "Jumlah temuan",
        "tidak_terbaca": "Berkas tidak dapat dibaca", "bersih": "Tidak ada temuan. Terima kasih.",
        "per_aturan": "Per aturan (perbaiki dari atas)", "cara": "cara memperbaiki",
        "temuan": "Temuan", "pertama": "yang pertama", "semua": "semuanya",
        "anotasi": "Semua temuan ada di salinan beranotasi {nama}: sel yang salah diwarnai dan diberi catatan; "
                   "sheet 'renja-xl' mendaftar semuanya dengan tautan ke selnya.",
        "tanpa_anotasi": "Salinan beranotasi hanya dibuat untuk .xlsx/.xlsm; daftar lengkap ada di rekap.",
        "selesai": "Sudah diperbaiki sejak putaran sebelumnya", "dikecualikan": "Dikecualikan (dengan alasan)",
        "aturan": "Penjelasan setiap aturan: renja-xl rule KODE (mis. renja-xl rule A001).",
    },
    "en": {
        "judul": "Renja check result", "berkas": "File", "pemda": "Pemda", "opd": "Office",
        "tahun": "Year", "dokumen": "Document", "diperiksa": "Checked", "jumlah": "Findings",
        "tidak_terbaca": "The file cannot be read", "bersih": "No findings. Thank you.",
        "per_aturan": "By rule (fix from the top)", "cara": "how to fix",
        "temuan": "Findings", "pertama": "the first", "semua": "all",
        "anotasi": "Every finding is in the annotated copy {nama}: the cells are coloured and carry a note; "
                   "its sheet 'renja-xl' lists them all with a link to each cell.",
        "tanpa_anotasi": "An annotated copy is made for .xlsx/.xlsm only; the recap has the full list.",
        "selesai": "Fixed since the previous round", "dikecualikan": "Silenced (with a reason)",
        "aturan": "Each rule explained: renja-xl rule CODE (e.g. renja-xl rule A001).",
    },
}


def _singkat(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def tulis_umpan_balik(b: Berkas, out: TextIO, lang: str = "id", anotasi: str | None = None) -> None:
    """Write the summary of one checked submission to ``out``."""
    from ..rules import REGISTRY, muat_semua

    muat_semua()
    t = _T[lang]
    sev = TINGKAT[lang]
    w = out.write
    w(f"{t['judul']} — renja-xl {__version__}\n")
    w("=" * 72 + "\n")
    ident = b.identitas
    rows = [(t["berkas"], b.path), (t["pemda"], ident.get("pemda")), (t["opd"], ident.get("opd")),
            (t["tahun"], ident.get("tahun")), (t["dokumen"], ident.get("dokumen")),
            (t["diperiksa"], dt.datetime.now().strftime("%Y-%m-%d %H:%M"))]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        if v not in (None, ""):
            w(f"{k:<{width}} : {v}\n")
    w("\n")
    if b.status == "unreadable":
        w(f"{t['tidak_terbaca']}:\n")
        for f in b.findings:
            w(f"  {f.rule} {f.message}\n")
        return
    n = {s: 0 for s in sev}
    for f in b.findings:
        n[f.severity] += 1
    counts = ", ".join(f"{format_angka(n[s])} {sev[s]}" for s in ("error", "warning", "info"))
    w(f"{t['jumlah']}: {counts}")
    status = [f.status for f in b.findings]
    if any(status) or b.selesai:
        parts = [f"{status.count(s)} {label_status(s, lang)}" for s in ("baru", "masih ada")]
        parts.append(f"{len(b.selesai)} {label_status('selesai', lang)}")
        w(" (" + ", ".join(parts) + ")")
    w("\n\n")
    if not b.findings:
        w(t["bersih"] + "\n")
    else:
        per: dict[str, int] = {}
        for f in b.findings:
            per[f.rule] = per.get(f.rule, 0) + 1
        order = sorted(per, key=lambda c: (_urut(REGISTRY[c].severity if c in REGISTRY else "info"), -per[c], c))
        w(f"{t['per_aturan']}:\n")
        for code in order:
            a = REGISTRY.get(code)
            judul = a.judul(lang) if a else ""
            s = sev[a.severity] if a else ""
            w(f"  {code}  {per[code]:>4}  {s:<10} {judul}\n")
            if a is not None:
                fix = a.dok.get(lang, a.dok["id"]).perbaikan
                w(f"        {t['cara']}: {_singkat(_tanpa_markdown(fix), 150)}\n")
        w("\n")
        shown = b.findings[:MAKS_TEMUAN]
        more = f" ({t['pertama']} {len(shown)} / {len(b.findings)})" if len(b.findings) > len(shown) else ""
        w(f"{t['temuan']}{more}:\n")
        for f in shown:
            where = " ".join(x for x in (f.sheet, f.cell) if x) or "—"
            saran = f" → {f.saran}" if f.saran and f.saran not in f.message else ""
            w(f"  {where:<18} {f.rule} {sev[f.severity]:<10} {_singkat(f.message + saran)}\n")
        w("\n")
    if b.selesai:
        w(f"{t['selesai']}: {len(b.selesai)}\n")
    if b.silenced:
        w(f"{t['dikecualikan']}: {len(b.silenced)}\n")
    w((t["anotasi"].format(nama=anotasi) if anotasi else t["tanpa_anotasi"]) + "\n")
    w(t["aturan"] + "\n")


def _urut(severity: str) -> int:
    return {"error": 0, "warning": 1, "info": 2}.get(severity, 3)


def _tanpa_markdown(text: str) -> str:
    from .markdown import teks_polos

    return teks_polos(text)
