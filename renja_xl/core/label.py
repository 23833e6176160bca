"""How the reports name things: severities, kode levels and round statuses, in both languages.

One source for every report, the CLI and the Excel add-in. The JSON contract keeps the stored
values (``error``, ``sub_kegiatan``, ``masih ada``); these are what people read.
"""

from __future__ import annotations

__all__ = ["TINGKAT", "label_tingkat", "LEVEL", "label_level", "BARU", "MASIH_ADA", "SELESAI", "STATUS_PUTARAN",
           "label_status"]

TINGKAT = {  # severity names as the reports show them
    "id": {"error": "galat", "warning": "peringatan", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def label_tingkat(severity: str, lang: str = "id") -> str:
    return TINGKAT.get(lang, TINGKAT["id"]).get(severity, severity)


LEVEL = {  # the levels of a kode (Permendagri 90/2019): the stored value → what people read
    "id": {"urusan": "urusan", "bidang": "bidang", "program": "program", "kegiatan": "kegiatan",
           "sub_kegiatan": "sub kegiatan"},
    "en": {"urusan": "urusan", "bidang": "bidang", "program": "program", "kegiatan": "kegiatan",
           "sub_kegiatan": "sub kegiatan"},
}


def label_level(level: str | None, lang: str = "id") -> str:
    if not level:
        return ""
    return LEVEL.get(lang, LEVEL["id"]).get(level, level.replace("_", " "))


# Round statuses (``--baseline``): the stored values, and how they are shown.
BARU, MASIH_ADA, SELESAI = "baru", "masih ada", "selesai"
STATUS_PUTARAN = {
    "id": {BARU: BARU, MASIH_ADA: MASIH_ADA, SELESAI: SELESAI},
    "en": {BARU: "new", MASIH_ADA: "still open", SELESAI: "resolved"},
}


def label_status(status: str, lang: str = "id") -> str:
    """How a round status is shown (the JSON keeps the Indonesian value)."""
    return STATUS_PUTARAN.get(lang, STATUS_PUTARAN["id"]).get(status, status)
