"""T004 target-atau-pagu-kosong: a sub kegiatan with pagu but no target, or target but no pagu."""

from __future__ import annotations

from ..context import angka, rp
from ..registry import Dok, aturan
from ..struktur import daun, nama_kolom, pasangan


@aturan(
    "T004", "target-atau-pagu-kosong", "warning",
    id=Dok(
        judul="Target atau pagu kosong",
        apa="Pada tabel rencana, sub kegiatan dengan pagu > 0 tetapi tanpa target, atau target > 0 dengan pagu 0 "
        "atau kosong, untuk tahun yang sama.",
        mengapa="Anggaran tanpa target keluaran tidak dapat dievaluasi; target tanpa anggaran tidak dapat dicapai.",
        contoh="Tabel 4.1: target 2025 kosong untuk setiap sub kegiatan yang pagu 2025-nya terisi.",
        perbaikan="Isi target keluaran (dan satuannya) atau pagunya, sesuai rencana.",
    ),
    en=Dok(
        judul="Missing target or pagu",
        apa="In a plan table, a sub kegiatan with pagu > 0 but no target, or a target > 0 with pagu 0 or empty, "
        "for the same year.",
        mengapa="A budget without an output target cannot be evaluated; a target without a budget cannot be met.",
        contoh="Tabel 4.1: the 2025 target is empty for every sub kegiatan whose 2025 pagu is filled in.",
        perbaikan="Fill in the output target (and its unit) or the pagu, as planned.",
    ),
    jenis=("rencana", "renstra", "perubahan", "e81"),
    butuh=("target",),
)
def periksa(ctx, t):
    leaves = [i for i in range(t.n) if daun(t, i) and not t.total[i]]
    for tk, pk in pasangan(t, "target", "pagu"):
        if t.kind == "e81" and tk.peran.periode != "n":
            continue  # the Renstra's end target is not the year's plan
        kosong_semua = all(tk.nilai[i] is None for i in leaves)
        t_id, t_en = nama_kolom(tk, "id"), nama_kolom(tk, "en")
        p_id, p_en = nama_kolom(pk, "id"), nama_kolom(pk, "en")
        for i in leaves:
            if not tk.pasti(i) or not pk.pasti(i):
                continue
            pv, tv = pk.nilai[i], tk.nilai[i]
            if pv and tv:
                continue  # both stated: the common case, nothing to say
            if pv and pv > 0 and not tv:
                sebab = (f"Kolom {t_id} ({tk.huruf}) kosong pada semua sub kegiatan",
                         f"Column {t_en} ({tk.huruf}) is empty on every sub kegiatan") if kosong_semua else None
                nol = tv == 0
                yield ctx.temuan(
                    t, i, t.sel(tk, i),
                    f"{p_id.capitalize()} {rp(pv)} tanpa {t_id}" + (" (target 0)" if nol else ""),
                    f"{p_en.capitalize()} {rp(pv)} without a {t_en}" + (" (target 0)" if nol else ""),
                    actual=tv, sebab=sebab,
                )
            elif tv and tv > 0 and not pv:
                yield ctx.temuan(
                    t, i, t.sel(pk, i),
                    f"{t_id.capitalize()} {angka(tv)} tanpa {p_id}",
                    f"{t_en.capitalize()} {angka(tv)} without a {p_en}",
                    actual=pv,
                )
