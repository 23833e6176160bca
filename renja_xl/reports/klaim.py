"""What every report says about the trust boundary: the configuration used, configuration files
found among the inputs (ignored), and each submission's own Pengecualian claims.

The words are here once so the text, Excel and HTML reports say the same thing; the JSON report
carries the same facts as data (``konfigurasi`` at the end, ``klaim_pengecualian`` per file,
``dikecualikan_kiriman`` on a claimed finding).
"""

from __future__ import annotations

from typing import Any

from ..core.models import Berkas, Temuan

__all__ = ["penanda", "baris_klaim", "baris_konfigurasi"]


def penanda(t: Temuan, lang: str = "id") -> str:
    """The mark of a finding the submission claims exempt (not honoured), or ''."""
    alasan = t.dikecualikan_kiriman
    if not alasan:
        return ""
    if lang == "en":
        return f" [claimed exempt by the submission, not honoured: «{alasan}»]"
    return f" [dikecualikan oleh kiriman, tidak dihormati: «{alasan}»]"


def baris_klaim(b: Berkas, lang: str = "id") -> list[str]:
    """One line per Pengecualian claim of the submission."""
    out = []
    for k in b.klaim:
        sasaran = k.get("kode") or ("ALL kode" if lang == "en" else "SEMUA kode")
        if k.get("sheet"):
            sasaran += f", sheet {k['sheet']}"
        if lang == "en":
            state = "honoured (--percayai-pengecualian)" if k.get("dihormati") else "not honoured"
            wide = " — a whole-rule exemption" if k.get("seluruh_aturan") else ""
            out.append(f"claim {k['rule']} ({sasaran}): «{k['alasan']}» — {k['temuan']} findings, {state}{wide}")
        else:
            state = "dihormati (--percayai-pengecualian)" if k.get("dihormati") else "tidak dihormati"
            wide = " — pengecualian SELURUH ATURAN" if k.get("seluruh_aturan") else ""
            out.append(f"klaim {k['rule']} ({sasaran}): «{k['alasan']}» — {k['temuan']} temuan, {state}{wide}")
    return out


def baris_konfigurasi(konf: dict[str, Any] | None, lang: str = "id", totals: Any = None) -> list[str]:
    """The configuration used (or the defaults) with its sha256, what was ignored, and how many
    results came from the result cache (``totals``: the report's running totals)."""
    if konf is None:
        return []
    en = lang == "en"
    if konf.get("path"):
        sha = konf.get("sha256") or "?"
        lines = [f"{'Configuration' if en else 'Konfigurasi'}: {konf['path']} (sha256 {sha})"]
    else:
        lines = ["Configuration: defaults (bawaan)" if en else "Konfigurasi: bawaan"]
    if konf.get("diabaikan"):
        head = ("Configuration files among the inputs, ignored" if en
                else "Berkas konfigurasi di dalam masukan, diabaikan")
        lines.append(f"{head}: " + ", ".join(konf["diabaikan"]))
    if konf.get("percayai_pengecualian"):
        lines.append("Pengecualian sheets in submissions are honoured (--percayai-pengecualian)" if en
                     else "Sheet Pengecualian di dalam kiriman dihormati (--percayai-pengecualian)")
    if konf.get("cache") is False:
        lines.append("Result cache not used (--tanpa-cache)" if en else "Cache hasil tidak dipakai (--tanpa-cache)")
    elif totals is not None and konf.get("cache") and totals.dari_cache:  # none reused: nothing to say
        n, dari = totals.dari_cache, totals.files
        lines.append(f"Result cache: {n} of {dari} file{'s' if dari != 1 else ''} unchanged since an earlier check, "
                     "results reused" if en else
                     f"Cache hasil: {n} dari {dari} berkas tidak berubah sejak pemeriksaan sebelumnya, hasilnya dipakai "
                     "ulang")
    return lines
