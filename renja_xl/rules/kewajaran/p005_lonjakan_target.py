"""P005 lonjakan-target: a target that jumps from one plan year to the next (≥ 5× or ≤ 1/5)."""

from __future__ import annotations

from ..context import angka
from ..registry import Dok, aturan
from ..struktur import nama_kolom


def _kali(x: float) -> str:
    """A ratio with at most one decimal: 11,3; 21; 2.727,3."""
    x = round(x, 1)
    return angka(x, 0 if x == int(x) else 1)


def urut_periode(p: str) -> tuple[int, int]:
    """Plan periods in time order: years, then a Renstra's 'tahun 1..5'."""
    if p.isdigit():
        return (0, int(p))
    if p.startswith("tahun ") and p[6:].isdigit():
        return (1, int(p[6:]))
    return (9, 0)


@aturan(
    "P005", "lonjakan-target", "warning",
    id=Dok(
        judul="Target melonjak antartahun",
        apa="Pada tabel rencana (Tabel 4.1/4.2, Renstra, Perubahan per sisi): target satu baris yang pada tahun "
        "berikutnya menjadi sedikitnya 5 kali lipat, atau paling banyak seperlimanya (ambang "
        "`ambang.lonjakan_target`), dari tahun sebelumnya. Target 0 atau kosong tidak dibandingkan.",
        mengapa="Target tahunan sub kegiatan yang sama jarang berubah sebesar itu: lonjakan biasanya berarti "
        "satuan yang tertukar (orang dan keluarga, persen dan jumlah), angka yang salah ketik, atau target yang "
        "disalin dari baris lain.",
        contoh="Pengelolaan Data Fakir Miskin: target 2024 60.000 Keluarga, 2025 22 Keluarga; Penyediaan Gaji dan "
        "Tunjangan ASN: 34 OB menjadi 384 OB.",
        perbaikan="Periksa target kedua tahun dan satuannya; betulkan yang salah, atau jelaskan perubahan sasaran di "
        "catatan.",
    ),
    en=Dok(
        judul="Target jumps between years",
        apa="In a plan table (Tabel 4.1/4.2, a Renstra, each side of a Perubahan): a row's target that the next "
        "year becomes at least 5 times, or at most a fifth (threshold `ambang.lonjakan_target`), of the year "
        "before. A target of 0 or empty is not compared.",
        mengapa="The yearly target of one sub kegiatan rarely changes that much: a jump usually means swapped units "
        "(people and families, a percentage and a count), a typo, or a target copied from another row.",
        contoh="Pengelolaan Data Fakir Miskin: 2024 target 60,000 families, 2025 22 families; Penyediaan Gaji dan "
        "Tunjangan ASN: 34 OB to 384 OB.",
        perbaikan="Check both years' targets and their unit; correct the wrong one, or explain the changed aim in "
        "the notes.",
    ),
    jenis=("rencana", "renstra", "perubahan"),
    butuh=("target",),
    ambang=("lonjakan_target",),
)
def periksa(ctx, t):
    batas = ctx.config.ambang.lonjakan_target
    if batas <= 1:
        return
    sisi: dict[str, list] = {}
    for k in t.kolom("target"):
        if urut_periode(k.peran.periode)[0] < 9:
            sisi.setdefault(k.peran.sisi, []).append(k)
    for cols in sisi.values():
        cols.sort(key=lambda k: urut_periode(k.peran.periode))
        for ka, kb in zip(cols, cols[1:], strict=False):
            for i in range(t.n):
                if t.total[i] or not (ka.pasti(i) and kb.pasti(i)):
                    continue
                a, b = ka.nilai[i], kb.nilai[i]
                if not a or not b or a < 0 or b < 0:
                    continue
                r = b / a
                if 1 / batas < r < batas:
                    continue
                kali_id = f"{_kali(r)} kali" if r >= 1 else f"1/{_kali(1 / r)}"
                kali_en = f"{_kali(r)} times" if r >= 1 else f"1/{_kali(1 / r)}"
                sat = t.satuan[i] or ""
                yield ctx.temuan(
                    t, i, t.sel(kb, i),
                    f"{nama_kolom(kb, 'id').capitalize()} {angka(b)} {sat} adalah {kali_id} {nama_kolom(ka, 'id')} "
                    f"{angka(a)}: periksa target dan satuannya".replace("  ", " "),
                    f"{nama_kolom(kb, 'en').capitalize()} {angka(b)} {sat} is {kali_en} the {nama_kolom(ka, 'en')} "
                    f"{angka(a)}: check the targets and their unit".replace("  ", " "),
                    expected=a, actual=b, terkait=[f"{t.sheet}!{t.sel(ka, i)}"],
                )
