"""P001 perubahan-tanpa-alasan: a pagu or target changed with the table's reason column left empty."""

from __future__ import annotations

from ..context import angka, rp
from ..registry import Dok, aturan
from ..struktur import daun, nama_kolom
from .common import pasangan_sisi, persen_ubah

_SISI = {"perubahan": ("sebelum", "setelah"), "review": ("awal", "hasil")}


@aturan(
    "P001", "perubahan-tanpa-alasan", "warning",
    id=Dok(
        judul="Perubahan tanpa alasan",
        apa="Pada tabel yang mempunyai kolom alasan (Catatan, Catatan Penting, Keterangan, Alasan): baris yang "
        "pagunya berubah — antara sebelum dan setelah perubahan (Renja/RKPD Perubahan, pada sub kegiatan), atau "
        "antara Rancangan Awal RKPD dan Hasil Analisis Kebutuhan (Tabel 2.3 / T-C.31, pagu atau target, setiap "
        "baris) — sedangkan kolom alasannya kosong. Bila kolom itu kosong pada semua baris yang berubah, "
        "dilaporkan sekali untuk kolomnya.",
        mengapa="Tabel ini disusun justru untuk menjelaskan perubahan: pagu yang naik atau turun tanpa alasan "
        "tidak dapat dinilai oleh Bappeda, TAPD atau DPRD.",
        contoh="Tabel 2.3: Catatan Penting kosong pada semua baris, padahal 58 baris mengubah pagu (Penyelenggaraan "
        "Rapat Koordinasi Rp 250.500.000 menjadi Rp 123.413.000).",
        perbaikan="Tulis alasan setiap perubahan di kolom catatan (hasil musrenbang, efisiensi, pergeseran "
        "anggaran, penyesuaian target …).",
    ),
    en=Dok(
        judul="Change without a reason",
        apa="In a table with a reason column (Catatan, Catatan Penting, Keterangan, Alasan): a row whose pagu "
        "changed — between before and after the change (a Renja/RKPD Perubahan, on sub kegiatan), or between the "
        "Rancangan Awal RKPD and the Hasil Analisis Kebutuhan (Tabel 2.3 / T-C.31, pagu or target, every row) — "
        "while its reason cell is empty. When that column is empty on every changed row, it is reported once for "
        "the column.",
        mengapa="These tables exist to explain the changes: a pagu raised or cut without a reason cannot be judged "
        "by Bappeda, the TAPD or the DPRD.",
        contoh="Tabel 2.3: Catatan Penting is empty on every row while 58 rows change the pagu (Penyelenggaraan "
        "Rapat Koordinasi Rp 250,500,000 to Rp 123,413,000).",
        perbaikan="Write the reason for each change in the notes column (musrenbang result, efficiency, budget "
        "shift, adjusted target …).",
    ),
    jenis=("perubahan", "review"),
)
def periksa(ctx, t):
    cat = t.teks.get("catatan")
    if cat is None:
        return  # no reason column: nothing to say
    a, b = _SISI[t.kind]
    pagu = pasangan_sisi(t, "pagu", a, b)
    target = pasangan_sisi(t, "target", a, b) if t.kind == "review" else []
    if not pagu and not target:
        return
    berubah: list[tuple[int, str, str]] = []
    naik: list[float] = []  # the pagu changes in %, for the one-finding summary
    for i in range(t.n):
        if t.total[i] or (t.kind == "perubahan" and not daun(t, i)):
            continue
        what = _ubah(t, i, pagu[:1], rp)
        if what is not None:
            ka, kb = pagu[0]
            naik.append(persen_ubah(ka.nilai[i], kb.nilai[i]) or 0.0)
        else:
            what = _ubah(t, i, target[:1], angka)
        if what is not None:
            berubah.append((i, *what))
    kosong = [x for x in berubah if not cat.teks[x[0]].strip()]
    semua = bool(kosong) and len(kosong) == len(berubah) and not any(s.strip() for s in cat.teks)
    judul = next((p.bukti for p in t.peta if p.huruf == cat.huruf), "") or cat.nama
    jauh = max(naik, key=abs, default=0.0)
    rinci_id = f"; {len(naik)} mengubah pagu, sampai {'+' if jauh > 0 else ''}{angka(jauh, 0)} %" if naik else ""
    rinci_en = f"; {len(naik)} change the pagu, up to {'+' if jauh > 0 else ''}{angka(jauh, 0)} %" if naik else ""
    sebab = (f"Kolom {judul} ({cat.huruf}) kosong pada semua baris yang berubah{rinci_id}",
             f"Column {judul} ({cat.huruf}) is empty on every changed row{rinci_en}") if semua else None
    for i, msg_id, msg_en in kosong:
        yield ctx.temuan(
            t, i, t.sel(cat, i),
            f"{msg_id} tanpa alasan di kolom {judul}",
            f"{msg_en} without a reason in the {judul} column",
            sebab=sebab,
        )


def _ubah(t, i, pairs, fmt):
    for ka, kb in pairs:
        if not (ka.pasti(i) and kb.pasti(i)):
            continue
        x, y = ka.nilai[i], kb.nilai[i]
        if x is None and y is None or x == y or (x is not None and y is not None and abs(x - y) < 0.5):
            continue
        p = persen_ubah(x, y)
        pct = f" ({'+' if p > 0 else ''}{angka(p, 1)} %)" if p is not None else ""
        return (f"{nama_kolom(ka, 'id').split(' (')[0].capitalize()} berubah dari {fmt(x)} ({_sisi(ka, 'id')}) "
                f"menjadi {fmt(y)} ({_sisi(kb, 'id')}){pct}",
                f"{nama_kolom(ka, 'en').split(' (')[0].capitalize()} changed from {fmt(x)} ({_sisi(ka, 'en')}) "
                f"to {fmt(y)} ({_sisi(kb, 'en')}){pct}")
    return None


def _sisi(k, lang):
    return nama_kolom(k, lang).split(" (", 1)[-1].rstrip(")")
