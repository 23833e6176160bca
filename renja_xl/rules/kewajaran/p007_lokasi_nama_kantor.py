"""P007 lokasi-nama-kantor: a lokasi that names an office instead of a place."""

from __future__ import annotations

import re

from ..registry import Dok, aturan

_KANTOR = re.compile(
    r"^\s*(dinas|badan|sekretariat|inspektorat|satuan\s+polisi|satpol|bagian|bidang|seksi|sub\s*bag(?:ian)?|"
    r"sub\s*bidang|upt|uptd|opd|skpd|perangkat\s+daerah|bappeda|bpkad|bkpsdm|bpbd|rsud|puskesmas\s+dinas)\b", re.I)
_TEMPAT = re.compile(r"\b(kecamatan|kec\.?|desa|kelurahan|kel\.?|kampung|jalan|jl\.?|lokasi|wilayah|gedung|kantor)\b",
                     re.I)


def nama_kantor(text: str | None) -> bool:
    """The text names an office ('Dinas Sosial', 'Bidang Rehabilitasi Sosial') and no place in it."""
    t = " ".join((text or "").split())
    if not t or len(t.split()) > 8:
        return False
    return bool(_KANTOR.match(t)) and not _TEMPAT.search(t)


@aturan(
    "P007", "lokasi-nama-kantor", "warning",
    id=Dok(
        judul="Lokasi berisi nama kantor",
        apa="Sel lokasi (tabel rencana, Tabel 2.3 kedua sisi) yang berisi nama perangkat daerah atau unit kerja "
        "('Dinas Sosial', 'Bidang …', 'Sekretariat', 'UPT …') dan tidak menyebut tempat (kecamatan, desa, "
        "kelurahan, jalan, gedung).",
        mengapa="Lokasi sub kegiatan adalah tempat manfaatnya diterima (kabupaten, kecamatan, desa); nama kantor "
        "pelaksana adalah isi kolom unit kerja penanggung jawab, bukan lokasi, dan membuat sebaran lokasi "
        "pembangunan tidak dapat dipetakan.",
        contoh="Tabel 4.2: lokasi 'Dinas Sosial' untuk Perlindungan Sosial Korban Bencana Alam dan Sosial.",
        perbaikan="Tulis tempat pelaksanaan (mis. 'Kab. Luwu', 'Kec. Belopa'); nama unit kerja ke kolom unit kerja.",
    ),
    en=Dok(
        judul="Lokasi names an office",
        apa="A lokasi cell (plan tables, both sides of Tabel 2.3) holding the name of an office or unit ('Dinas "
        "Sosial', 'Bidang …', 'Sekretariat', 'UPT …') and naming no place (kecamatan, desa, kelurahan, street, "
        "building).",
        mengapa="A sub kegiatan's lokasi is where its benefit lands (kabupaten, kecamatan, desa); the implementing "
        "office belongs in the responsible-unit column, not the lokasi, and it makes the spread of development "
        "impossible to map.",
        contoh="Tabel 4.2: lokasi 'Dinas Sosial' for Perlindungan Sosial Korban Bencana Alam dan Sosial.",
        perbaikan="Write where it takes place (e.g. 'Kab. Luwu', 'Kec. Belopa'); the unit's name goes to the unit "
        "column.",
    ),
    jenis=("rencana", "renstra", "perubahan", "review"),
)
def periksa(ctx, t):
    cols = []
    if t.kind == "review":
        cols = [(t.teks[k].teks, t.teks[k]) for k in ("lokasi hasil", "lokasi awal") if k in t.teks]
    elif any(t.lokasi):
        huruf = next((p.huruf for p in t.peta if p.peran == "lokasi"), None)
        cols = [(t.lokasi, huruf)]
    for teks, kol in cols:
        for i in range(t.n):
            if t.total[i] or not nama_kantor(teks[i]):
                continue
            cell = t.sel(kol, i) if kol is not None else None
            yield ctx.temuan(
                t, i, cell,
                f"Lokasi '{teks[i]}' adalah nama kantor, bukan tempat pelaksanaan",
                f"Lokasi '{teks[i]}' names an office, not the place where it takes place",
                actual=teks[i],
            )
