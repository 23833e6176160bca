"""``renja-xl diff OLD NEW``: what changed between two versions of one Renja (:mod:`.banding`)."""

from .banding import (
    SCHEMA,
    BarisRingkas,
    DiffTabel,
    HasilDiff,
    NilaiBerubah,
    bandingkan,
    bandingkan_berkas,
    bandingkan_hasil,
    selisih,
)

__all__ = ["NilaiBerubah", "BarisRingkas", "DiffTabel", "HasilDiff", "bandingkan", "bandingkan_berkas", "bandingkan_hasil", "selisih", "SCHEMA"]
