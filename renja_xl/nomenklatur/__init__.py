"""The decree's nomenclature (kode, official names, indicators, satuan) loaded from a user's file.

Never shipped with renja-xl: every pemda has the official lampiran; the user names it with
``--nomenklatur FILE`` or ``nomenklatur = "…"`` in the config file.
"""

from .data import Cocok, Entri, Nomenklatur, normal_nama
from .muat import (ENV_NOMENKLATUR, NomenklaturTidakTerbaca, folder_cache, muat_dari_konfigurasi, muat_nomenklatur,
                   path_dari_konfigurasi)

__all__ = ["Cocok", "Entri", "Nomenklatur", "normal_nama", "muat_nomenklatur", "NomenklaturTidakTerbaca", "folder_cache",
           "muat_dari_konfigurasi", "path_dari_konfigurasi", "ENV_NOMENKLATUR"]
