"""E005 sifat-indikator-kiriman: a 'Sifat Indikator' sheet in the submission, and whether it was used."""

from __future__ import annotations

from ...core.indikator import LEMBAR_SIFAT
from ..registry import Dok, aturan


@aturan(
    "E005", "sifat-indikator-kiriman", "info",
    id=Dok(
        judul="Sifat indikator yang dinyatakan kiriman",
        apa="Workbook yang memuat sheet 'Sifat Indikator' (kolom Kode, Kumulatif, Polaritas, Alasan): kode mana "
        "yang dinyatakan tidak kumulatif atau negatif oleh pengirim, dan apakah pernyataan itu dipakai. Isi "
        "kiriman adalah klaim pengirimnya: dipakai hanya bila pemeriksa mempercayainya "
        "(`percayai_pengecualian = true` di renja-xl.toml pemeriksa, atau `--percayai-pengecualian`); pemeriksa "
        "dapat menetapkan hal yang sama sendiri dengan `[[indikator]]` di konfigurasinya.",
        mengapa="Sifat indikator mengubah hasil pemeriksaan (T002: kolom 10 dijumlahkan atau tidak; capaian dan "
        "predikat indikator negatif). Pengirim tidak boleh dapat membungkam temuan dengan menyatakannya sendiri "
        "tanpa diketahui pemeriksa.",
        contoh="Sheet 'Sifat Indikator': 2 kode dinyatakan (1.06.06.2.01.0001 tidak kumulatif, negatif …); tidak "
        "dipakai: isi kiriman adalah klaim pengirim.",
        perbaikan="Pemeriksa: periksa alasannya; bila diterima, salin ke `[[indikator]]` di renja-xl.toml atau "
        "percayai kiriman itu.",
    ),
    en=Dok(
        judul="Indicator nature stated by the submission",
        apa="A workbook with a 'Sifat Indikator' sheet (columns Kode, Kumulatif, Polaritas, Alasan): which kode the "
        "sender states are not cumulative or are negative, and whether that was used. What a submission says of "
        "itself is its sender's claim: it is used only when the reviewer trusts it (`percayai_pengecualian = "
        "true` in the reviewer's renja-xl.toml, or `--percayai-pengecualian`); the reviewer can set the same with "
        "`[[indikator]]` in their configuration.",
        mengapa="An indicator's nature changes the check's results (T002: whether column 10 adds up; the capaian "
        "and predikat of a negative indicator). A sender must not be able to silence findings by saying so "
        "without the reviewer knowing.",
        contoh="Sheet 'Sifat Indikator': 2 kode stated (1.06.06.2.01.0001 not cumulative, negative …); not used: "
        "what a submission says of itself is its sender's claim.",
        perbaikan="Reviewer: check the reasons; if accepted, copy them to `[[indikator]]` in renja-xl.toml or trust "
        "that submission.",
    ),
    berkas=True,
)
def periksa(ctx):
    if not ctx.sifat_klaim:
        return
    sheet = next((sh.nama for sh in ctx.lembar if sh.nama.strip().lower() in LEMBAR_SIFAT), None)
    dipakai = bool(getattr(ctx.config, "percayai_pengecualian", False))
    parts_id, parts_en = [], []
    for e in ctx.sifat_klaim[:8]:
        sid = [x for x in (("tidak kumulatif" if e.kumulatif is False else "kumulatif" if e.kumulatif else ""),
                           e.polaritas or "") if x]
        sen = [x for x in (("not cumulative" if e.kumulatif is False else "cumulative" if e.kumulatif else ""),
                           {"negatif": "negative", "positif": "positive"}.get(e.polaritas or "", "")) if x]
        parts_id.append(f"{e.kode} {', '.join(sid)}")
        parts_en.append(f"{e.kode} {', '.join(sen)}")
    lagi = len(ctx.sifat_klaim) - 8
    daftar_id = "; ".join(parts_id) + (f"; {lagi} lagi" if lagi > 0 else "")
    daftar_en = "; ".join(parts_en) + (f"; {lagi} more" if lagi > 0 else "")
    if dipakai:
        akhir_id, akhir_en = "dipakai (pemeriksa mempercayai kiriman ini)", "used (the reviewer trusts this submission)"
    else:
        akhir_id = ("tidak dipakai: isi kiriman adalah klaim pengirim (pakai [[indikator]] di renja-xl.toml atau "
                    "percayai_pengecualian)")
        akhir_en = ("not used: what a submission says of itself is its sender's claim (use [[indikator]] in "
                    "renja-xl.toml, or percayai_pengecualian)")
    yield ctx.temuan(
        None, None, "A1",
        f"Sheet '{sheet}': {len(ctx.sifat_klaim)} kode dinyatakan ({daftar_id}); {akhir_id}",
        f"Sheet '{sheet}': {len(ctx.sifat_klaim)} kode stated ({daftar_en}); {akhir_en}",
        sheet=sheet, baris=1,
    )
