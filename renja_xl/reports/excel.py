"""``--format excel -o REKAP.xlsx``: a recap workbook to forward.

Sheets: **Ringkasan** (one row per file: pemda, office, year, document, tables, errors, warnings,
info, status, note; with ``--baseline`` the round's counts), **Per Aturan** (rule × pemda counts),
**Temuan** (every finding with its suggestion and a link to the rule's page), **Aturan** (each
rule's documentation, the target of those links). Headers are frozen, the lists have an
autofilter, severities are coloured.

The workbook is written in openpyxl's write-only mode: the Ringkasan and Temuan rows go to
temporary files as files arrive, so a batch of thousands of files does not hold the recap in
memory (Per Aturan, written at the end, holds only counts). This module imports openpyxl at its
top: the writers of other formats never import it.
"""

from __future__ import annotations

from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from ..core.label import TINGKAT, label_status
from ..core.alamat import rujukan
from ..core.models import Berkas, Temuan
from ..rules import REGISTRY, muat_semua
from . import gaya
from .capaian import KOLOM as capaian_kolom
from .capaian import baris_tabel as capaian_baris
from .capaian import judul as capaian_judul
from .gaya import WARNA
from .klaim import baris_klaim, baris_konfigurasi, penanda
from .markdown import teks_polos
from .saran import saran_untuk
from .sel_aman import sel
from .summary import Totals, nama_pemda, urut_pemda

__all__ = ["TulisExcel", "WARNA", "NAMA_SHEET"]

_KEPALA = PatternFill("solid", fgColor=gaya.KEPALA)
_FONT_KEPALA = Font(bold=True, color=gaya.HURUF_KEPALA)
_TAUTAN = Font(color=gaya.TAUTAN, underline="single")

NAMA_SHEET = {
    "id": {"ringkasan": "Ringkasan", "aturan_pemda": "Per Aturan", "temuan": "Temuan", "aturan": "Aturan",
           "konfigurasi": "Konfigurasi", "capaian": "Capaian"},
    "en": {"ringkasan": "Summary", "aturan_pemda": "By Rule", "temuan": "Findings", "aturan": "Rules",
           "konfigurasi": "Configuration", "capaian": "Achievement"},
}
_T = {
    "id": {
        "ringkasan": ["Berkas", "Pemda", "Perangkat Daerah", "Tahun", "Dokumen", "Tabel", "Galat", "Peringatan",
                      "Info", "Status", "Keterangan"],
        "putaran": ["Baru", "Masih ada", "Selesai"],
        "temuan": ["Berkas", "Pemda", "Perangkat Daerah", "Sheet", "Sel", "Kode", "Aturan", "Tingkat", "Pesan", "Saran"],
        "status_putaran": "Putaran",
        "aturan": ["Kode", "Slug", "Tingkat", "Kategori", "Judul", "Apa yang diperiksa", "Mengapa penting", "Contoh",
                   "Cara memperbaiki"],
        "per": ["Aturan", "Judul", "Tingkat"],
        "jumlah": "Jumlah",
        "status": {"unreadable": "tidak terbaca", "error": "ada galat", "warning": "ada peringatan", "ok": "bersih"},
        "sev": TINGKAT["id"],
        "lama": "Tidak dikirim ulang (ada di putaran sebelumnya)",
    },
    "en": {
        "ringkasan": ["File", "Pemda", "Office", "Year", "Document", "Tables", "Errors", "Warnings", "Info", "Status",
                      "Note"],
        "putaran": ["New", "Still open", "Resolved"],
        "temuan": ["File", "Pemda", "Office", "Sheet", "Cell", "Kode", "Rule", "Severity", "Message", "Suggestion"],
        "status_putaran": "Round",
        "aturan": ["Code", "Slug", "Severity", "Category", "Title", "What it checks", "Why it matters", "Example",
                   "How to fix"],
        "per": ["Rule", "Title", "Severity"],
        "jumlah": "Total",
        "status": {"unreadable": "unreadable", "error": "has errors", "warning": "has warnings", "ok": "clean"},
        "sev": TINGKAT["en"],
        "lama": "Not sent again (in the previous round)",
    },
}


def _cetak(ws: Any) -> None:
    """Print setup: landscape A4, one page wide (as many pages down as needed), the header row on
    every page, narrow margins."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _tinggi(texts: list[str], widths: list[float]) -> float:
    """A row height (points) that shows every wrapped text whole: lines per cell at its width."""
    lines = 1
    for text, w in zip(texts, widths, strict=True):
        per = max(int(w * 1.1), 1)  # characters per line at the default font
        n = sum(max(1, -(-len(part) // per)) for part in str(text).split("\n"))
        lines = max(lines, n)
    return min(15.0 * lines + 3, 409.0)


def _baris(ws: Any, row: list[Any]) -> list[Any]:
    """A row for ``ws.append``: every plain value becomes a cell that keeps text as text."""
    return [v if isinstance(v, Cell) or v is None else sel(ws, v) for v in row]


class TulisExcel:
    def __init__(self, out: IO[bytes], lang: str = "id", putaran: bool = False, konfigurasi: dict | None = None):
        muat_semua()
        self.out = out
        self.konfigurasi = konfigurasi
        self.klaim: list[tuple[str, str]] = []  # (file, claim line) for the Konfigurasi sheet
        self.lang = lang
        self.t = _T[lang]
        self.nama = NAMA_SHEET[lang]
        self.totals = Totals.untuk(lang, putaran)
        self.putaran = putaran
        self.fills = {k: (PatternFill("solid", fgColor=f), Font(color=c)) for k, (f, c) in WARNA.items()}
        self.fills["ok"] = (PatternFill("solid", fgColor=gaya.HIJAU[0]), Font(color=gaya.HIJAU[1]))
        self.wb = Workbook(write_only=True)
        self.ws_ring = self.wb.create_sheet(self.nama["ringkasan"])
        self.ws_per = self.wb.create_sheet(self.nama["aturan_pemda"])
        self.ws_tem = self.wb.create_sheet(self.nama["temuan"])
        self.ws_atur = self.wb.create_sheet(self.nama["aturan"])
        self.baris_aturan = self._tulis_aturan()
        ring_head = self.t["ringkasan"] + (self.t["putaran"] if putaran else [])
        tem_head = self.t["temuan"] + ([self.t["status_putaran"]] if putaran else [])
        self._kepala(self.ws_ring, ring_head, [40, 22, 30, 7, 15, 7, 8, 11, 7, 15, 40] + [9, 10, 9])
        self._kepala(self.ws_tem, tem_head, [34, 20, 26, 14, 7, 20, 8, 11, 70, 45, 12])
        self._jumlah_ring = {"tabel": 0, "baru": 0, "masih ada": 0, "selesai": 0}
        self.n_ring = 1
        self.n_tem = 1
        self.ws_cap: Any = None  # the Capaian sheet, made when a file has evaluation rows
        self.n_cap = 1
        self.lebar_ring = len(ring_head)
        self.lebar_tem = len(tem_head)

    # --- helpers --------------------------------------------------------------------------------
    def _sel(self, ws: Any, value: Any, warna: str | None = None, tautan: str | None = None,
             bold: bool = False, wrap: bool = False) -> Cell:
        cell = sel(ws, value)  # text that starts with '=' stays text, never a formula
        if warna is not None:
            cell.fill, cell.font = self.fills[warna]
        if tautan is not None:
            cell.hyperlink = Hyperlink(ref="", location=tautan, display=str(cell.value))
            cell.font = _TAUTAN
        if bold:
            cell.font = Font(bold=True)
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def _kepala(self, ws: Any, head: list[str], widths: list[float]) -> None:
        _cetak(ws)
        ws.freeze_panes = "A2"
        for i, w in enumerate(widths[: len(head)], start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        row = []
        for h in head:
            c = sel(ws, h)
            c.fill, c.font = _KEPALA, _FONT_KEPALA
            row.append(c)
        ws.append(row)

    def _link_aturan(self, rule: str) -> str | None:
        row = self.baris_aturan.get(rule)
        return rujukan(self.nama["aturan"], f"A{row}") if row else None

    def _tulis_aturan(self) -> dict[str, int]:
        """Each rule's documentation, in plain text (the pages are Markdown), wrapped, each row as
        tall as its longest cell needs so nothing overlaps."""
        ws = self.ws_atur
        widths = [8, 24, 11, 14, 30, 60, 50, 40, 50]
        self._kepala(ws, self.t["aturan"], widths)
        rows: dict[str, int] = {}
        for n, code in enumerate(sorted(REGISTRY), start=2):
            a = REGISTRY[code]
            d = a.dok.get(self.lang, a.dok["id"])
            texts = [a.slug, a.kategori, d.judul] + [teks_polos(x) for x in (d.apa, d.mengapa, d.contoh, d.perbaikan)]
            ws.row_dimensions[n].height = _tinggi(texts, [widths[1]] + widths[3:])
            ws.append(_baris(ws, [self._sel(ws, a.kode, bold=True, wrap=True), self._sel(ws, a.slug, wrap=True),
                                  self._sel(ws, self.t["sev"][a.severity], a.severity)]
                             + [self._sel(ws, x, wrap=True) for x in texts[1:]]))
            rows[code] = n
        ws.auto_filter.ref = f"A1:{get_column_letter(len(self.t['aturan']))}{len(rows) + 1}"
        return rows

    # --- streaming ------------------------------------------------------------------------------
    def berkas(self, b: Berkas) -> None:
        self.totals.tambah(b)
        ident = b.identitas
        pemda = nama_pemda(b, self.lang)
        sev = {"error": 0, "warning": 0, "info": 0}
        for t in b.findings:
            sev[t.severity] += 1
        ws = self.ws_ring
        rusak = b.status == "unreadable"
        note = b.findings[0].message if rusak and b.findings else ""
        # the status says what the counts say: a file with errors is not shown in green
        status = "unreadable" if rusak else "error" if sev["error"] else "warning" if sev["warning"] else "ok"
        row = [
            self._sel(ws, b.path), pemda, self._sel(ws, ident.get("opd"), wrap=True), ident.get("tahun"),
            ident.get("dokumen"), len(b.tables),
            self._sel(ws, sev["error"], "error" if sev["error"] else None),
            self._sel(ws, sev["warning"], "warning" if sev["warning"] else None),
            sev["info"],
            self._sel(ws, self.t["status"][status], "error" if status == "unreadable" else status),
            note,
        ]
        self._jumlah_ring["tabel"] += len(b.tables)
        if self.putaran:
            st = [t.status for t in b.findings]
            row += [st.count("baru"), st.count("masih ada"), len(b.selesai)]
            for k, v in zip(("baru", "masih ada", "selesai"), row[-3:], strict=True):
                self._jumlah_ring[k] += v
        ws.append(_baris(ws, row))
        self.n_ring += 1
        for t in b.findings:
            self._temuan(b, pemda, t)
        for t in b.selesai:
            self._temuan(b, pemda, t)
        self.klaim += [(b.path, line) for line in baris_klaim(b, self.lang)]
        if b.capaian:
            self._capaian(b, pemda)

    def _capaian(self, b: Berkas, pemda: str) -> None:
        """The capaian and predikat of every evaluation row, with the scale used (one line per file)."""
        if self.ws_cap is None:
            self.ws_cap = self.wb.create_sheet(self.nama["capaian"])
            head = self.t["temuan"][:2] + capaian_kolom[self.lang]
            self._kepala(self.ws_cap, head, [40, 22, 12, 7, 20, 50, 50, 10, 12, 14, 12, 16])
            self.lebar_cap = len(head)
        ws = self.ws_cap
        ws.append([self._sel(ws, capaian_judul(b.capaian, self.lang), bold=True)])
        self.n_cap += 1
        for r in b.capaian.get("baris", []):
            ws.append(_baris(ws, [b.path, pemda, *capaian_baris(r, self.lang)]))
            self.n_cap += 1

    def _temuan(self, b: Berkas, pemda: str, t: Temuan) -> None:
        ws = self.ws_tem
        saran = saran_untuk(t, self.lang)
        row: list[Any] = [
            self._sel(ws, b.path), pemda, b.identitas.get("opd"), t.sheet, t.cell, t.kode,
            self._sel(ws, t.rule, tautan=self._link_aturan(t.rule)),
            self._sel(ws, self.t["sev"][t.severity], t.severity),
            self._sel(ws, t.message + penanda(t, self.lang)), self._sel(ws, saran) if saran else None,
        ]
        if self.putaran:
            s = t.status or "baru"
            row.append(self._sel(ws, label_status(s, self.lang), "ok" if s == "selesai" else None))
        ws.append(_baris(ws, row))
        self.n_tem += 1

    def _tulis_per_aturan(self) -> None:
        ws = self.ws_per
        r = self.totals
        pemdas = urut_pemda(r.per_pemda)
        head = self.t["per"] + pemdas + [self.t["jumlah"]]
        self._kepala(ws, head, [8, 40, 11] + [14] * len(pemdas) + [10])
        rules = sorted(r.per_rule)
        for code in rules:
            a = REGISTRY.get(code)
            counts = [r.per_rule_pemda.get((code, p), 0) for p in pemdas]
            sev = a.severity if a else "info"
            ws.append(_baris(ws, [self._sel(ws, code, tautan=self._link_aturan(code)), a.judul(self.lang) if a else "",
                                  self._sel(ws, self.t["sev"][sev], sev)] + [c or None for c in counts] + [sum(counts)]))
        totals = [r.per_pemda.get(p, 0) for p in pemdas]
        ws.append(_baris(ws, [self._sel(ws, self.t["jumlah"], bold=True), None, None]
                  + [self._sel(ws, c, bold=True) for c in totals] + [self._sel(ws, sum(totals), bold=True)]))
        ws.auto_filter.ref = f"A1:{get_column_letter(len(head))}{len(rules) + 1}"

    def batal(self) -> None:
        """The run stopped (Ctrl-C, an error): close the sheets' row streams while their temporary
        files are still open, so nothing complains about them when Python exits."""
        for ws in self.wb.worksheets:
            try:
                ws.close()
            except Exception:  # noqa: BLE001 - a half-written sheet of a recap that is thrown away
                pass

    def _baris_jumlah(self) -> None:
        """The totals row under the files (outside the autofilter, so a filter never hides it)."""
        ws, r, j = self.ws_ring, self.totals, self._jumlah_ring
        files = f"{self.t['jumlah']}: {r.files} {'berkas' if self.lang == 'id' else 'files'}"
        row = [self._sel(ws, files, bold=True), None, None, None, None, self._sel(ws, j["tabel"], bold=True),
               self._sel(ws, r.error, "error" if r.error else None, bold=True),
               self._sel(ws, r.warning, "warning" if r.warning else None, bold=True),
               self._sel(ws, r.info, bold=True),
               self._sel(ws, f"{r.unreadable} {self.t['status']['unreadable']}", "error" if r.unreadable else None,
                         bold=True), None]
        if self.putaran:
            row += [self._sel(ws, j[k], bold=True) for k in ("baru", "masih ada", "selesai")]
        ws.append(row)

    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        self._tulis_per_aturan()
        self.ws_ring.auto_filter.ref = f"A1:{get_column_letter(self.lebar_ring)}{self.n_ring}"
        self.ws_tem.auto_filter.ref = f"A1:{get_column_letter(self.lebar_tem)}{self.n_tem}"
        if self.ws_cap is not None:
            self.ws_cap.auto_filter.ref = f"A1:{get_column_letter(self.lebar_cap)}{self.n_cap}"
        self._baris_jumlah()
        if tidak_dikirim_ulang:
            ws = self.ws_ring
            ws.append([])
            ws.append([self._sel(ws, self.t["lama"], bold=True)])
            for p in tidak_dikirim_ulang:
                ws.append([self._sel(ws, p)])
        # the trust boundary on a sheet of its own: the configuration used, configuration files found
        # among the inputs (ignored), and the submissions' own Pengecualian claims
        ws = self.wb.create_sheet(self.nama["konfigurasi"])
        self._kepala(ws, ["Konfigurasi", "Keterangan"] if self.lang == "id" else ["Configuration", "Detail"], [60, 110])
        for line in baris_konfigurasi(self.konfigurasi, self.lang, self.totals):
            ws.append([self._sel(ws, line)])
        ws.append([])
        ws.append([self._sel(ws, "Pengecualian yang diklaim kiriman" if self.lang == "id"
                             else "Exemptions claimed by submissions", bold=True)])
        for path, line in self.klaim:
            ws.append([self._sel(ws, path), self._sel(ws, line)])
        if not self.klaim:
            ws.append([self._sel(ws, "tidak ada" if self.lang == "id" else "none")])
        ws.auto_filter.ref = "A1:B1"
        self.wb.save(self.out)
        self.selesai_ditulis = True
