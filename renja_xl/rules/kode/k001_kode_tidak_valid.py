"""K001 kode-tidak-valid: a kode cell that cannot be read as a valid code."""

from __future__ import annotations

from ..registry import Dok, aturan
from .saran import saran_kode

KINDS = ("rencana", "evaluasi", "realisasi")


@aturan(
    "K001", "kode-tidak-valid", "error",
    id=Dok(
        "Kode tidak valid",
        "Sel kode yang tidak dapat dibaca sebagai kode Permendagri 90/2019 `U.BB.PP.K.KK.SSSS`: berisi "
        "selain angka (`##`, `2,1`), jumlah segmen atau panjang segmen salah. Perbaikan yang pasti "
        "(`l`→`1`, `O`→`0`, huruf Sirilik, spasi, nol di depan yang hilang seperti `6`→`06`) diterapkan "
        "dan dilaporkan sebagai **info** dengan kode hasil perbaikan.",
        "Kode mengikat baris ke program dan kegiatannya, ke nomenklatur dan ke baris yang sama di tabel "
        "lain. Baris dengan kode rusak tidak ikut dijumlahkan ke induknya dan tidak dapat dibandingkan.",
        "Tabel 4.1 Dinas Sosial Luwu: kegiatan `1 | 06 | 01 | 06 | 2 | 01` (segmen K berisi `06`); "
        "sub kegiatan `1 | 06 | 01 | 2 | 09 | ##` (kolom terlalu sempit saat dicetak). Tabel 2.1: `2,1` "
        "(Excel mengubah teks `2.10` menjadi angka).",
        "Ketik ulang kode sebagai teks (format sel Teks atau awali dengan `'`), satu segmen per sel "
        "atau bertitik dalam satu sel, sesuai nomenklatur. Lebarkan kolom sebelum mencetak.",
    ),
    en=Dok(
        "Invalid kode",
        "A kode cell that cannot be read as a Permendagri 90/2019 code `U.BB.PP.K.KK.SSSS`: non-digits "
        "(`##`, `2,1`), a wrong number or length of segments. Certain repairs (`l`→`1`, `O`→`0`, Cyrillic "
        "look-alikes, spaces, a lost leading zero such as `6`→`06`) are applied and reported as **info** "
        "with the repaired code.",
        "The kode ties a row to its program and kegiatan, to the nomenclature and to the same row in "
        "other tables. A row with a broken kode is left out of its parent's sum and cannot be compared.",
        "Tabel 4.1 of Dinas Sosial Luwu: kegiatan `1 | 06 | 01 | 06 | 2 | 01` (segment K holds `06`); sub "
        "kegiatan `1 | 06 | 01 | 2 | 09 | ##` (column too narrow when printed). Tabel 2.1: `2,1` (Excel "
        "turned the text `2.10` into a number).",
        "Retype the kode as text (Text cell format or a leading `'`), one segment per cell or dotted in "
        "one cell, as in the nomenclature. Widen the column before printing.",
    ),
)
def periksa(ctx):
    for tabel in ctx.tabel(*KINDS):
        for i, row in enumerate(tabel.rows):
            if row.kode_galat:
                saran = saran_kode(ctx, tabel, i)
                extra_id = extra_en = ""
                ekstra = {}
                if saran is not None:
                    extra_id = f"; kemungkinan {saran.kode} ({saran.catatan_id})"
                    extra_en = f"; probably {saran.kode} ({saran.catatan_en})"
                    ekstra = {"keyakinan": saran.keyakinan, "sumber_saran": saran.sumber}
                t = ctx.temuan(
                    tabel, row, row.kode_cell,
                    f"Kode '{row.kode_asli}' tidak valid: {row.kode_galat}{extra_id}",
                    f"Kode '{row.kode_asli}' is not valid: {row.kode_galat_en or row.kode_galat}{extra_en}",
                    actual=row.kode_asli, saran=saran.kode if saran else None,
                )
                t.ekstra.update(ekstra)
                yield t
            elif row.kode_perbaikan:
                fixes = ", ".join(row.kode_perbaikan)
                yield ctx.temuan(
                    tabel, row, row.kode_cell,
                    f"Kode '{row.kode_asli}' dibaca sebagai {row.kode} (diperbaiki: {fixes})",
                    f"Kode '{row.kode_asli}' read as {row.kode} (repaired: {fixes})",
                    severity="info", actual=row.kode_asli, expected=row.kode,
                )

