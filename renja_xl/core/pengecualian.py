"""Accepted deviations and the trust boundary between the reviewer and the submission.

Two sources can say "this finding is accepted":

- the **reviewer's configuration** (``[[pengecualian]]`` in ``renja-xl.toml``): always honoured;
- a **Pengecualian sheet inside the submission** (visible, hidden or ``veryHidden``): that is the
  sender's *claim*. It is honoured only when the reviewer says so (``--percayai-pengecualian`` or
  ``percayai_pengecualian = true`` in the reviewer's configuration; the Excel add-in, where the
  author checks their own workbook, trusts it). Otherwise every claimed finding stays in the report,
  counted, marked ``dikecualikan_kiriman`` with the sender's reason.

Every claim is listed in every report (:func:`ringkas_klaim`: rule, kode, sheet, reason, how many
findings it covers, whether it was honoured). A claim for a whole rule (a rule letter or code with
no kode) is flagged ``seluruh_aturan`` so a report can say it loudly, honoured or not.
"""

from __future__ import annotations

from typing import Any

from .config import Pengecualian
from .models import Temuan

__all__ = ["terapkan"]



def _kunci(kode: str | None) -> str | None:
    if not kode:
        return None
    from .kode import parse_kode

    k = parse_kode(kode).kode
    return k.kunci if k else None


def terapkan(findings: list[Temuan], konfigurasi: list[Pengecualian], kiriman: list[Pengecualian],
             percaya: bool) -> tuple[list[Temuan], list[dict[str, Any]], list[dict[str, Any]]]:
    """Apply the deviations. Returns (kept findings, silenced entries, the claims of the submission)."""
    kept: list[Temuan] = []
    silenced: list[dict[str, Any]] = []
    hits = [0] * len(kiriman)
    for t in findings:
        kunci = _kunci(t.kode) if (konfigurasi or kiriman) else None
        hit = next((p for p in konfigurasi if p.cocok(t.rule, t.kode, t.sheet, kunci)), None)
        if hit is not None:
            silenced.append({"rule": t.rule, "kode": t.kode, "sheet": t.sheet, "cell": t.cell, "alasan": hit.alasan})
            continue
        j = next((i for i, p in enumerate(kiriman) if p.cocok(t.rule, t.kode, t.sheet, kunci)), None)
        if j is None:
            kept.append(t)
            continue
        hits[j] += 1
        claim = kiriman[j]
        if percaya:
            silenced.append({"rule": t.rule, "kode": t.kode, "sheet": t.sheet, "cell": t.cell, "alasan": claim.alasan,
                             "sumber": "kiriman"})
        else:
            t.dikecualikan_kiriman = claim.alasan
            kept.append(t)
    klaim = [{"rule": p.rule, "kode": p.kode, "sheet": p.sheet, "alasan": p.alasan, "seluruh_aturan": not p.kode,
              "temuan": n, "dihormati": percaya} for p, n in zip(kiriman, hits, strict=True)]
    return kept, silenced, klaim
