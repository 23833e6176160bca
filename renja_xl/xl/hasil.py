"""The ``Hasil Validasi`` and ``Aturan`` sheets.

``Hasil Validasi`` has two blocks side by side, so neither button erases the other's record:

* columns A–I, rewritten by every Validasi: a summary, then one row per finding (rule, severity,
  sheet, the cell as a link to it, kode, message, suggestion, a link to the rule's page in
  ``Aturan``), then the findings silenced by accepted deviations and why;
* columns L–R, appended to by every Hitung Ulang Rollup: each cell it changed (before → after) and
  each parent it left alone, with the time — the history is never cleared by the add-in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.label import TINGKAT as TINGKAT_LABEL
from ..core.models import Berkas, Temuan
from ..reports.sel_aman import teks_excel as teks_aman  # every string stays text (sheet names, kode too)
from .buku import alamat_tautan, cari_sheet, sheet_baru
from .nama import SHEET_ATURAN, SHEET_HASIL

__all__ = ["tulis_hasil", "tulis_aturan", "catat_status", "tambah_riwayat", "BARIS_KEPALA", "KOLOM_RIWAYAT",
           "TINGKAT"]

TINGKAT = TINGKAT_LABEL["id"]  # the add-in's sheets are Indonesian (core.label: one source)
BARIS_KEPALA = 8  # the header row of both blocks
BARIS_STATUS = 5
KEPALA_TEMUAN = ["No", "Aturan", "Tingkat", "Sheet", "Sel", "Kode", "Pesan", "Saran", "Penjelasan aturan"]
KOLOM_RIWAYAT = 12  # L
KEPALA_RIWAYAT = ["Waktu", "Sheet", "Sel", "Kode", "Sebelumnya", "Sesudah", "Keterangan"]
_WARNA_KEPALA = (217, 225, 242)


def _sekarang() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def _hyperlink(target: str, teks: str) -> str:
    return f'=HYPERLINK("{target.replace(chr(34), chr(34) * 2)}","{teks.replace(chr(34), chr(34) * 2)}")'


def _desktop(book: Any) -> bool:
    try:
        return book.app.engine.name == "excel"
    except Exception:  # noqa: BLE001 - any engine without that notion is not desktop Excel
        return False


def _gaya_kepala(rng: Any) -> None:
    rng.color = _WARNA_KEPALA
    try:
        rng.font.bold = True
    except (NotImplementedError, AttributeError):
        pass


def _bungkus(rng: Any) -> None:
    try:
        rng.wrap_text = True
    except (NotImplementedError, AttributeError):
        pass


def _lebar(sheet: Any, widths: dict[str, float]) -> None:
    """Column widths in characters: only on desktop Excel (the remote engine measures in points)."""
    if not _desktop(sheet.book):
        return
    for col, w in widths.items():
        sheet.range(f"{col}1").column_width = w


def _baris_terakhir(sheet: Any, col0: int, col1: int) -> int:
    """The last row (1-based) with something in columns col0..col1 (1-based), 0 for none."""
    rng = sheet.used_range
    values = rng.options(ndim=2).value
    last = 0
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            c = rng.column + j
            if col0 <= c <= col1 and v not in (None, ""):
                last = rng.row + i
                break
    return last


def tulis_aturan(book: Any) -> dict[str, int]:
    """The ``Aturan`` sheet: every rule's page (what, why, example, fix); returns rule → row."""
    from ..rules import REGISTRY, muat_semua

    muat_semua()
    sh = sheet_baru(book, SHEET_ATURAN)
    head = ["Kode", "Slug", "Judul", "Tingkat bawaan", "Apa yang diperiksa", "Mengapa penting", "Contoh",
            "Cara memperbaiki"]
    rows: list[list[Any]] = [head]
    where: dict[str, int] = {}
    for i, code in enumerate(sorted(REGISTRY), start=2):
        a = REGISTRY[code]
        d = a.dok.get("id", a.dok["en"])
        rows.append([code, a.slug, d.judul, TINGKAT[a.severity]] +
                    [teks_aman(" ".join(x.replace("**", "").split())) for x in (d.apa, d.mengapa, d.contoh, d.perbaikan)])
        where[code] = i
    used = sh.used_range
    sh.range((1, 1), (max(used.row + used.shape[0] - 1, len(rows)), len(head))).clear_contents()
    block = sh.range((1, 1), (len(rows), len(head)))
    block.number_format = "@"
    block.value = rows
    _gaya_kepala(sh.range((1, 1), (1, len(head))))
    _bungkus(sh.range((2, 3), (len(rows), len(head))))
    _lebar(sh, {"A": 7, "B": 28, "C": 30, "D": 12, "E": 60, "F": 45, "G": 45, "H": 45})
    return where


def _tautan_aturan(t: Temuan, baris_aturan: dict[str, int]) -> str:
    row = baris_aturan.get(t.rule)
    label = f"{t.rule} {t.slug}"
    return _hyperlink(alamat_tautan(SHEET_ATURAN, f"A{row}"), label) if row else label


def tulis_hasil(book: Any, berkas: Berkas, baris_aturan: dict[str, int], catatan: list[str]) -> Any:
    """Rewrite the findings block of ``Hasil Validasi`` (the rollup history is left as it is)."""
    sh = sheet_baru(book, SHEET_HASIL)
    ncol = len(KEPALA_TEMUAN)
    last = _baris_terakhir(sh, 1, ncol)
    if last:
        sh.range((1, 1), (last, ncol)).clear()
    f = berkas.findings
    counts = {s: sum(1 for t in f if t.severity == s) for s in ("error", "warning", "info")}
    per_rule: dict[str, int] = {}
    for t in f:
        per_rule[t.rule] = per_rule.get(t.rule, 0) + 1
    top = " · ".join(f"{k} {v}" for k, v in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])))
    summary = [
        ["Hasil Validasi renja-xl"],
        [f"Workbook: {book.name} · diperiksa {_sekarang()} · {len(berkas.tables)} tabel dikenali"],
        [f"Ringkasan: {counts['error']} galat · {counts['warning']} peringatan · {counts['info']} info"
         + (f" · {len(berkas.silenced)} dikecualikan (lihat di bawah)" if berkas.silenced else "")],
        [f"Per aturan: {top}" if top else "Tidak ada temuan."],
        ["Sel bertanda: merah = galat, kuning = peringatan, biru = info; catatan di sel berisi pesannya. "
         "Bersihkan Tanda mengembalikan warna dan catatan sebelumnya."],
        [" ".join(catatan)],
    ]
    sh.range((1, 1), (len(summary), 1)).value = [[teks_aman(r[0])] for r in summary]
    try:
        sh.range("A1").font.bold = True
    except (NotImplementedError, AttributeError):
        pass
    rows: list[list[Any]] = [KEPALA_TEMUAN]
    links: list[list[str]] = [[KEPALA_TEMUAN[4]]]
    docs: list[list[str]] = [[KEPALA_TEMUAN[8]]]
    for i, t in enumerate(f, start=1):
        rows.append([i, teks_aman(t.rule), TINGKAT[t.severity], teks_aman(t.sheet or ""), "", teks_aman(t.kode or ""),
                     teks_aman(t.message), teks_aman(t.saran or ""), ""])
        if t.sheet and t.cell:
            links.append([_hyperlink(alamat_tautan(t.sheet, t.cell), t.cell)])
        else:
            links.append([teks_aman(t.cell or "-")])
        docs.append([_tautan_aturan(t, baris_aturan)])
    r0 = BARIS_KEPALA
    r1 = r0 + len(rows) - 1
    for col in (2, 3, 4, 6, 7, 8):  # text columns: kode such as 1.06.01 must stay text
        sh.range((r0, col), (r1, col)).number_format = "@"
    sh.range((r0, 1), (r1, ncol)).value = rows
    sh.range((r0, 5), (r1, 5)).formula = links
    sh.range((r0, 9), (r1, 9)).formula = docs
    _gaya_kepala(sh.range((r0, 1), (r0, ncol)))
    _bungkus(sh.range((r0 + 1, 7), (max(r1, r0 + 1), 8)))
    if berkas.silenced:
        s0 = r1 + 2
        block = [["Dikecualikan", "Aturan", "Kode", "Sheet", "Sel", "Alasan"]]
        block += [[""] + [teks_aman(d.get(k) or "") for k in ("rule", "kode", "sheet", "cell", "alasan")]
                  for d in berkas.silenced]
        rng = sh.range((s0, 1), (s0 + len(block) - 1, len(block[0])))
        rng.number_format = "@"
        rng.value = block
        _gaya_kepala(sh.range((s0, 1), (s0, len(block[0]))))
    _lebar(sh, {"A": 6, "B": 8, "C": 11, "D": 14, "E": 7, "F": 18, "G": 70, "H": 30, "I": 30})
    return sh


def catat_status(book: Any, teks: str) -> None:
    """One line about the last action in the summary of Hasil Validasi (when the sheet exists)."""
    sh = cari_sheet(book, SHEET_HASIL)
    if sh is not None:
        sh.range((BARIS_STATUS, 1)).value = teks_aman(f"{_sekarang()} · {teks}")


def tambah_riwayat(book: Any, baris: list[list[Any]], judul: str) -> None:
    """Append rows (Sheet, Sel, Kode, Sebelumnya, Sesudah, Keterangan) to the rollup history."""
    sh = sheet_baru(book, SHEET_HASIL)
    c0 = KOLOM_RIWAYAT
    ncol = len(KEPALA_RIWAYAT)
    last = _baris_terakhir(sh, c0, c0 + ncol - 1)
    if last < BARIS_KEPALA:
        sh.range((1, c0), (2, c0)).value = [
            ["Riwayat Hitung Ulang Rollup"],
            ["Setiap sel yang ditulis ulang tombol Hitung Ulang Rollup: isi sebelumnya -> rumus sesudahnya. "
             "Riwayat ini tidak dihapus oleh renja-xl."],
        ]
        head = sh.range((BARIS_KEPALA, c0), (BARIS_KEPALA, c0 + ncol - 1))
        head.value = [KEPALA_RIWAYAT]
        _gaya_kepala(head)
        last = BARIS_KEPALA
    waktu = _sekarang()
    rows = [[waktu, "", "", "", teks_aman(judul), "", ""]]
    links: list[list[str]] = [[""]]
    for sheet, cell, kode, before, after, ket in baris:
        rows.append([waktu, teks_aman(sheet), "", teks_aman(kode or ""), teks_aman(before), teks_aman(after),
                     teks_aman(ket)])
        links.append([_hyperlink(alamat_tautan(sheet, cell), cell) if cell else ""])
    r0 = last + 1
    r1 = r0 + len(rows) - 1
    rng = sh.range((r0, c0), (r1, c0 + ncol - 1))
    rng.number_format = "@"
    sh.range((r0, c0 + 2), (r1, c0 + 2)).number_format = "General"
    rng.value = rows
    sh.range((r0, c0 + 2), (r1, c0 + 2)).formula = links
    _lebar(sh, {"L": 16, "M": 14, "N": 7, "O": 18, "P": 30, "Q": 30, "R": 50})
