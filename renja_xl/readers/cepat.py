"""The switch for the fast paths of the readers and rules (issue 17).

Where the per-row reading has a fast path (whole columns at once, a memo of a pure function), its
slow twin — the plain row-by-row version that reads like the spec — is kept beside it, and
``tests/test_cepat.py`` checks that both give the same reports on generated submissions of every
table kind. ``RENJA_XL_TANPA_CEPAT=1`` (or ``AKTIF = False``) runs the slow twins.
"""

from __future__ import annotations

import os

AKTIF: bool = os.environ.get("RENJA_XL_TANPA_CEPAT", "") in ("", "0")
