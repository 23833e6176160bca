"""K007 kode-bergeser: a row's kode is not the kode its name has in the first plan table."""

from __future__ import annotations

from ..registry import Dok, aturan
from ..padanan import padanan


def _pendek(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@aturan(
    "K007", "kode-bergeser", "warning",
    jenis=("rencana", "renstra", "perubahan", "evaluasi", "realisasi"),
    lintas=True,
    id=Dok(
        judul="Kode tidak sesuai nama baris (bergeser)",
        apa="Kode sebuah baris menamai baris lain di tabel rencana pertama (Tabel 4.1), sedangkan nama baris ini "
        "ada di tabel itu dengan kode lain; atau kodenya tidak ada di tabel itu sama sekali sementara namanya ada "
        "dengan kode lain. Nama dibandingkan kata demi kata (huruf besar/kecil, tanda baca, singkatan seperti "
        "Dok, kata 'Kegiatan' di depan dan salah ketik satu-dua huruf diabaikan; kata yang lebih atau berbeda "
        "tidak). Baris seperti ini dibandingkan dengan baris yang namanya sama (A009, T001, S003), bukan dengan "
        "baris yang kebetulan berkode sama.",
        mengapa="Tabel yang disalin lalu kodenya bergeser satu baris membuat setiap perbandingan antartabel "
        "membandingkan sub kegiatan yang berbeda: temuan palsu di baris yang benar, dan selisih sebenarnya "
        "tidak terlihat.",
        contoh="Tabel 2.1 baris 12: 'Koordinasi dan Penyusunan Dok RKA-SKPD' berkode 1.06.01.2.01.01, yang di "
        "Tabel 4.1 adalah 'Penyusunan Dokumen Perencanaan Perangkat Daerah'; di Tabel 4.1 nama ini berkode "
        "1.06.01.2.01.02.",
        perbaikan="Betulkan kode baris sesuai nama sub kegiatannya (atau namanya sesuai kodenya) di tabel yang "
        "salah.",
    ),
    en=Dok(
        judul="Kode does not match the row's name (shifted)",
        apa="A row's kode names another row in the first plan table (Tabel 4.1) while this row's name is there "
        "under another kode; or its kode is not in that table at all while its name is, under another kode. "
        "Names are compared word by word (case, punctuation, abbreviations such as Dok, a leading 'Kegiatan' and "
        "a typo of one or two letters are ignored; an extra or different word is not). Such a row is compared "
        "with the row of its name (A009, T001, S003), not with the row that happens to have its kode.",
        mengapa="A copied table whose kode slipped by one row makes every cross-table comparison compare different "
        "sub kegiatan: false findings on right rows, and the real differences unseen.",
        contoh="Tabel 2.1 row 12: 'Koordinasi dan Penyusunan Dok RKA-SKPD' under 1.06.01.2.01.01, which is "
        "'Penyusunan Dokumen Perencanaan Perangkat Daerah' in Tabel 4.1; there this name has 1.06.01.2.01.02.",
        perbaikan="Correct the row's kode to its sub kegiatan's name (or the name to its kode) in the wrong table.",
    ),
)
def periksa(ctx, tables):
    for g in padanan(tables).geser:
        t, i, ref, q = g.t, g.i, g.ref_t, g.q
        cell = t.kode_sel[i] or (t.sel(t.uraian_huruf, i) if t.uraian_huruf else None)
        nama = _pendek(t.uraian[i])
        sel_q = f"{ref.sheet}!{ref.sel(ref.uraian_huruf, q)}" if ref.uraian_huruf else ref.sheet
        if ref.terbaca(q):
            di_sana_id = f"di {ref.sheet} nama ini berkode {ref.kode[q]} (baris {ref.baris[q]})"
            di_sana_en = f"in {ref.sheet} this name has kode {ref.kode[q]} (row {ref.baris[q]})"
        else:
            di_sana_id = f"di {ref.sheet} nama ini ada di baris {ref.baris[q]}, yang kodenya tidak terbaca"
            di_sana_en = f"in {ref.sheet} this name is on row {ref.baris[q]}, whose kode is unreadable"
        if g.r is not None:
            lain = _pendek(ref.uraian[g.r], 50)
            awal_id = f"Kode {t.kode[i]} ('{nama}') di {ref.sheet} menamai '{lain}' (baris {ref.baris[g.r]})"
            awal_en = f"Kode {t.kode[i]} ('{nama}') names '{lain}' in {ref.sheet} (row {ref.baris[g.r]})"
        else:
            awal_id = f"Kode {t.kode[i]} ('{nama}') tidak ada di {ref.sheet}"
            awal_en = f"Kode {t.kode[i]} ('{nama}') is not in {ref.sheet}"
        terkait = [sel_q]
        if g.r is not None and ref.uraian_huruf:
            terkait.append(f"{ref.sheet}!{ref.sel(ref.uraian_huruf, g.r)}")
        yield ctx.temuan(
            t, i, cell,
            f"{awal_id}; {di_sana_id}: kode bergeser, baris ini dibandingkan menurut namanya",
            f"{awal_en}; {di_sana_en}: the kode is shifted, this row is compared by its name",
            expected=ref.kode[q] if ref.terbaca(q) else None, actual=t.kode[i],
            saran=ref.kode[q] if ref.terbaca(q) else None, terkait=terkait,
        )
