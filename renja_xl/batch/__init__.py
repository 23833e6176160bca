"""Checking many submissions: collecting the inputs (:mod:`.masukan`: files, folders, zips), the
worker pool with limits per file (:mod:`.kolam`), where reports go (:mod:`.keluaran`), the progress
bar (:mod:`.kemajuan`), rounds (:mod:`.putaran`, ``--baseline``) and the run itself (:mod:`.jalan`)."""

from .jalan import PermintaanCheck, jalankan_check
from .keluaran import pastikan_bukan_masukan, tujuan
from .kemajuan import Kemajuan
from .masukan import Masukan, kumpulkan

__all__ = ["PermintaanCheck", "jalankan_check", "Kemajuan", "tujuan", "pastikan_bukan_masukan", "Masukan", "kumpulkan"]
