"""E006 peta-kolom-kiriman: a 'Peta Kolom' sheet in the submission, and whether it was used."""

from __future__ import annotations

from ...readers.peta_pengguna import SHEET_PETA, peta_lembar
from ..registry import Dok, aturan


@aturan(
    "E006", "peta-kolom-kiriman", "info",
    id=Dok(
        judul="Peta kolom yang dinyatakan kiriman",
        apa="Workbook yang memuat sheet 'Peta Kolom' (kolom Sheet, Jenis, Baris Kepala, Kolom, Peran): tabel mana "
        "yang pengirim minta dibaca dengan arti kolom yang ia tetapkan, dan apakah itu dipakai. Isi kiriman adalah "
        "klaim pengirimnya: dipakai hanya bila pemeriksa mempercayainya (`percayai_pengecualian = true` di "
        "renja-xl.toml pemeriksa, atau `--percayai-pengecualian`); di add-in Excel workbook pengguna sendiri "
        "dipercaya. Pemeriksa dapat menetapkan hal yang sama sendiri dengan `[[peta]]` di konfigurasinya.",
        mengapa="Arti kolom menentukan apa yang diperiksa: kolom pagu yang dinyatakan `diabaikan` tidak "
        "dijumlahkan lagi. Pengirim tidak boleh dapat membungkam temuan dengan menyatakan arti kolomnya sendiri "
        "tanpa diketahui pemeriksa.",
        contoh="Sheet 'Peta Kolom': 1 tabel (Tabel 4.1: 3 kolom); tidak dipakai: isi kiriman adalah klaim pengirim.",
        perbaikan="Pemeriksa: lihat `renja-xl ringkasan` untuk cara tabel itu dibaca; bila peta pengirim benar, "
        "salin ke `[[peta]]` di renja-xl.toml atau percayai kiriman itu.",
    ),
    en=Dok(
        judul="Column map stated by the submission",
        apa="A workbook with a 'Peta Kolom' sheet (columns Sheet, Jenis, Baris Kepala, Kolom, Peran): which tables "
        "the sender asks to be read with the column meanings it sets, and whether that was used. What a "
        "submission says of itself is its sender's claim: it is used only when the reviewer trusts it "
        "(`percayai_pengecualian = true` in the reviewer's renja-xl.toml, or `--percayai-pengecualian`); in the "
        "Excel add-in the user's own workbook is trusted. The reviewer can set the same with `[[peta]]` in "
        "their configuration.",
        mengapa="A column's meaning decides what is checked: a pagu column stated as `diabaikan` is no longer "
        "added up. A sender must not be able to silence findings by stating its own column meanings without the "
        "reviewer knowing.",
        contoh="Sheet 'Peta Kolom': 1 table (Tabel 4.1: 3 columns); not used: what a submission says of itself is "
        "its sender's claim.",
        perbaikan="Reviewer: see `renja-xl ringkasan` for how the table was read; if the sender's map is right, "
        "copy it to `[[peta]]` in renja-xl.toml or trust that submission.",
    ),
    berkas=True,
)
def periksa(ctx):
    sheet = next((sh.nama for sh in ctx.lembar if sh.nama.strip().lower() == SHEET_PETA), None)
    if sheet is None:
        return
    peta = peta_lembar(ctx.lembar)
    dipakai = bool(ctx.config.percayai_pengecualian)
    bagian = [f"{p.sheet}: {len(p.kolom)}" for p in peta[:6]]
    lagi = len(peta) - 6
    daftar = "; ".join(bagian) + (f"; +{lagi}" if lagi > 0 else "")
    if not peta:
        isi_id, isi_en = "tidak ada baris yang terbaca", "no row could be read"
    else:
        isi_id = f"{len(peta)} tabel ({daftar} kolom)"
        isi_en = f"{len(peta)} table{'s' if len(peta) > 1 else ''} ({daftar} columns)"
    if dipakai:
        akhir_id, akhir_en = "dipakai (pemeriksa mempercayai kiriman ini)", "used (the reviewer trusts this submission)"
    else:
        akhir_id = "tidak dipakai: isi kiriman adalah klaim pengirim (pakai [[peta]] di renja-xl.toml atau percayai_pengecualian)"
        akhir_en = ("not used: what a submission says of itself is its sender's claim (use [[peta]] in renja-xl.toml, "
                    "or percayai_pengecualian)")
    yield ctx.temuan(
        None, None, "A1",
        f"Sheet '{sheet}': {isi_id}; {akhir_id}",
        f"Sheet '{sheet}': {isi_en}; {akhir_en}",
        sheet=sheet, baris=1,
    )
