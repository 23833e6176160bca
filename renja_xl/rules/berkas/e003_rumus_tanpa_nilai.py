"""E003 rumus-tanpa-nilai: formula cells without a cached value."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "E003", "rumus-tanpa-nilai", "warning",
    id=Dok(
        judul="Rumus tanpa nilai tersimpan",
        apa="Sel rumus yang nilai hasil hitungnya tidak tersimpan di berkas (berkas disimpan oleh alat yang "
        "tidak menghitung rumus). Angka yang terbaca mungkin bukan yang ditampilkan Excel; sel ini dianggap "
        "kosong.",
        mengapa="Pemeriksaan memakai nilai yang tersimpan; tanpa nilai, total dan persentase dari rumus tidak dapat "
        "diperiksa.",
        contoh="Sheet 'Tabel 4.1': 14 sel rumus tanpa nilai (K8, K9, K10 …).",
        perbaikan="Buka berkas di Excel atau LibreOffice, hitung ulang (Ctrl+Alt+F9), lalu simpan.",
    ),
    en=Dok(
        judul="Formulas without cached values",
        apa="Formula cells whose computed value is not stored in the file (saved by a tool that does not "
        "calculate). The numbers read may not be the ones Excel shows; such cells count as empty.",
        mengapa="The check uses the stored values; without them, totals and percentages from formulas cannot be "
        "checked.",
        contoh="Sheet 'Tabel 4.1': 14 formula cells without a value (K8, K9, K10 …).",
        perbaikan="Open the file in Excel or LibreOffice, recalculate (Ctrl+Alt+F9), and save.",
    ),
    berkas=True,
)
def periksa(ctx):
    for sheet, cells in ctx.rumus_kosong.items():
        cells = _tanpa_galat(ctx, sheet, cells)
        if not cells:
            continue
        contoh = ", ".join(cells[:5]) + (" …" if len(cells) > 5 else "")
        first = cells[0]
        row = int("".join(ch for ch in first if ch.isdigit()))
        yield ctx.temuan(
            None, None, first,
            f"{len(cells)} sel rumus tanpa nilai tersimpan ({contoh}); angka dari rumus ini tidak dapat diperiksa",
            f"{len(cells)} formula cells without a cached value ({contoh}); their numbers cannot be checked",
            sheet=sheet, baris=row, actual=len(cells),
        )


def _tanpa_galat(ctx, sheet: str, cells: list[str]) -> list[str]:
    """Leave out the formulas that hold an Excel error: F003 reports those (one cause, one finding)."""
    from ..rumus.common import aktif

    sh = next((s for s in ctx.lembar if getattr(s, "nama", None) == sheet), None)
    if sh is None or not sh.rumus or not aktif(ctx, "F003"):
        return cells
    from ...core.alamat import rc
    from ...readers.rumus import galat_dalam

    return [a1 for a1 in cells if not galat_dalam(sh.rumus.get(rc(a1), ""))]
