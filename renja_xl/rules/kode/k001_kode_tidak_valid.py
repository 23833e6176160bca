"""K001 kode-tidak-valid: a kode cell that cannot be read as a valid code."""

from __future__ import annotations

from ..registry import Dok, aturan
from .common import JENIS_BERKODE
from .saran import saran_kode


@aturan(
    "K001", "kode-tidak-valid", "error",
    id=Dok(
        judul="Kode tidak valid",
        apa="Sel kode yang tidak dapat dibaca sebagai kode Permendagri 90/2019 `U.BB.PP.K.KK.SSSS`: berisi "
        "selain angka (`##`, `2,1`), jumlah segmen atau panjang segmen salah. Perbaikan yang pasti "
        "(`l`→`1`, `O`→`0`, huruf Sirilik, spasi, nol di depan yang hilang seperti `6`→`06`) diterapkan "
        "dan dilaporkan sebagai **info** dengan kode hasil perbaikan.",
        mengapa="Kode mengikat baris ke program dan kegiatannya, ke nomenklatur dan ke baris yang sama di tabel "
        "lain. Baris dengan kode rusak tidak ikut dijumlahkan ke induknya dan tidak dapat dibandingkan.",
        contoh="Tabel 4.1 Dinas Sosial Luwu: kegiatan `1 | 06 | 01 | 06 | 2 | 01` (segmen K berisi `06`); "
        "sub kegiatan `1 | 06 | 01 | 2 | 09 | ##` (kolom terlalu sempit saat dicetak). Tabel 2.1: `2,1` "
        "(Excel mengubah teks `2.10` menjadi angka).",
        perbaikan="Ketik ulang kode sebagai teks (format sel Teks atau awali dengan `'`), satu segmen per sel "
        "atau bertitik dalam satu sel, sesuai nomenklatur. Lebarkan kolom sebelum mencetak.",
    ),
    en=Dok(
        judul="Invalid kode",
        apa="A kode cell that cannot be read as a Permendagri 90/2019 code `U.BB.PP.K.KK.SSSS`: non-digits "
        "(`##`, `2,1`), a wrong number or length of segments. Certain repairs (`l`→`1`, `O`→`0`, Cyrillic "
        "look-alikes, spaces, a lost leading zero such as `6`→`06`) are applied and reported as **info** "
        "with the repaired code.",
        mengapa="The kode ties a row to its program and kegiatan, to the nomenclature and to the same row in "
        "other tables. A row with a broken kode is left out of its parent's sum and cannot be compared.",
        contoh="Tabel 4.1 of Dinas Sosial Luwu: kegiatan `1 | 06 | 01 | 06 | 2 | 01` (segment K holds `06`); sub "
        "kegiatan `1 | 06 | 01 | 2 | 09 | ##` (column too narrow when printed). Tabel 2.1: `2,1` (Excel "
        "turned the text `2.10` into a number).",
        perbaikan="Retype the kode as text (Text cell format or a leading `'`), one segment per cell or dotted in "
        "one cell, as in the nomenclature. Widen the column before printing.",
    ),
    jenis=JENIS_BERKODE,
)
def periksa(ctx, t):
    for i in sorted(set(t.kode_galat) | set(t.kode_perbaikan)):
        asli = t.kode_asli[i]
        if i in t.kode_galat:
            galat, galat_en, _awalan, alasan = t.kode_galat[i]
            saran = saran_kode(ctx, t, i)
            extra_id = extra_en = ""
            if saran is not None:
                extra_id = f"; kemungkinan {saran.kode} ({saran.catatan_id})"
                extra_en = f"; probably {saran.kode} ({saran.catatan_en})"
            f = ctx.temuan(
                t, i, t.kode_sel[i],
                f"Kode '{asli}' tidak valid: {galat}{extra_id}",
                f"Kode '{asli}' is not valid: {galat_en}{extra_en}",
                actual=asli, saran=saran.kode if saran else None,
            )
            f.alasan = alasan
            if saran is not None:
                f.keyakinan, f.sumber_saran = saran.keyakinan, saran.sumber
            yield f
        else:
            fixes = ", ".join(t.kode_perbaikan[i])
            yield ctx.temuan(
                t, i, t.kode_sel[i],
                f"Kode '{asli}' dibaca sebagai {t.kode[i]} (diperbaiki: {fixes})",
                f"Kode '{asli}' read as {t.kode[i]} (repaired: {fixes})",
                severity="info", actual=asli, expected=t.kode[i],
                # a layout's convention repaired on many rows (the generic X.XX prefix, a bidang written 1.3)
                # is said once; a look-alike letter is a typo of its own row
                sebab=(f"Kode dibaca dengan perbaikan yang sama ({fixes})", f"Kode read with the same repair ({fixes})")
                if any(f.startswith(("kode umum", "bidang", "angka", "program")) for f in t.kode_perbaikan[i]) else None,
            )
