"""``--format html -o REKAP.html``: one self-contained page to read in any browser, offline.

Summary cards, two bar charts (findings by rule, by pemda; inline SVG drawn here, each bar a link
that filters the table), the list of files and a filterable findings table. Everything is inline:
no stylesheet, script, font or image is fetched, and a Content-Security-Policy in the page forbids
the browser to fetch anything. Filters live in the address (``rekap.html#aturan=A001&pemda=…``), so
a filtered view can be bookmarked or sent on.

Rows are streamed to temporary files as files arrive; the page is assembled at the end, when the
totals for the cards and charts are known.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from html import escape
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..core.label import TINGKAT, label_status
from ..core.models import Berkas, Temuan
from ..rules import REGISTRY, muat_semua
from ..core.angka import format_angka
from .capaian import KOLOM as capaian_kolom
from .capaian import baris_tabel as capaian_baris
from .capaian import judul as capaian_judul
from .gaya import WEB
from .klaim import baris_klaim, baris_konfigurasi, penanda
from .summary import Totals, nama_pemda, urut_pemda

__all__ = ["TulisHtml", "CSP"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
_WARNA = WEB
_SEV = ("error", "warning", "info")

_T = {
    "id": {
        "judul": "Rekap pemeriksaan Renja", "dibuat": "Dibuat", "masukan": "Masukan",
        "kartu": {"files": "Berkas", "unreadable": "Tidak terbaca", "error": "Galat", "warning": "Peringatan",
                  "info": "Info", "baru": "Baru", "masih ada": "Masih ada", "selesai": "Selesai"},
        "per_aturan": "Temuan per aturan", "per_pemda": "Temuan per pemda",
        "berkas": "Berkas", "temuan": "Temuan",
        "kolom_berkas": ["Berkas", "Pemda", "Perangkat Daerah", "Tahun", "Dokumen", "Tabel", "Galat", "Peringatan", "Status"],
        "kolom_temuan": ["Berkas", "Pemda", "Sheet", "Sel", "Kode", "Aturan", "Tingkat", "Pesan", "Saran"],
        "putaran": "Putaran", "semua": "semua", "cari": "cari teks…", "hapus": "hapus saringan",
        "dari": "dari", "ditampilkan": "temuan ditampilkan",
        "sev": TINGKAT["id"],
        "status": {"checked": "diperiksa", "unreadable": "tidak terbaca"},
        "saring": {"pemda": "Pemda", "aturan": "Aturan", "tingkat": "Tingkat", "status": "Putaran"},
        "kosong": "Tidak ada temuan.", "lama": "Tidak dikirim ulang (ada di putaran sebelumnya)",
        "lainnya": "lainnya", "capaian": "Capaian dan predikat",
    },
    "en": {
        "judul": "Renja check recap", "dibuat": "Generated", "masukan": "Inputs",
        "kartu": {"files": "Files", "unreadable": "Unreadable", "error": "Errors", "warning": "Warnings",
                  "info": "Info", "baru": "New", "masih ada": "Still open", "selesai": "Resolved"},
        "per_aturan": "Findings by rule", "per_pemda": "Findings by pemda",
        "berkas": "Files", "temuan": "Findings",
        "kolom_berkas": ["File", "Pemda", "Office", "Year", "Document", "Tables", "Errors", "Warnings", "Status"],
        "kolom_temuan": ["File", "Pemda", "Sheet", "Cell", "Kode", "Rule", "Severity", "Message", "Suggestion"],
        "putaran": "Round", "semua": "all", "cari": "search text…", "hapus": "clear filters",
        "dari": "of", "ditampilkan": "findings shown",
        "sev": TINGKAT["en"],
        "status": {"checked": "checked", "unreadable": "unreadable"},
        "saring": {"pemda": "Pemda", "aturan": "Rule", "tingkat": "Severity", "status": "Round"},
        "kosong": "No findings.", "lama": "Not sent again (in the previous round)",
        "lainnya": "others", "capaian": "Achievement and predikat",
    },
}

_CSS = ":root{" + "".join(f"--{k}:{v};" for k, v in WEB.items()) + "}" + """
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f4f6f9}
header{background:#23395d;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.85;font-size:13px}
main{padding:18px 28px;max-width:1600px}section{margin:0 0 26px}h2{font-size:17px;margin:0 0 10px}
.kartu{display:flex;flex-wrap:wrap;gap:12px}.kartu div{background:#fff;border-radius:8px;padding:12px 16px;min-width:128px;box-shadow:0 1px 3px #0002;border-top:4px solid #8a94a6}
.kartu b{display:block;font-size:26px}.kartu span{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#556}
.kartu .error{border-color:var(--error)}.kartu .warning{border-color:var(--warning)}.kartu .info{border-color:var(--info)}.kartu .selesai{border-color:#2e7d32}.kartu .baru{border-color:#6a1b9a}
.grafik{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}figure{margin:0;background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 3px #0002}
figcaption{font-weight:600;margin-bottom:6px}svg text{font-size:12px;fill:#1d2330}svg a:hover rect{opacity:.75}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 3px #0002}th,td{padding:5px 8px;border-bottom:1px solid #e3e7ee;text-align:left;vertical-align:top}
th{background:#e9edf4;position:sticky;top:0;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.t-error{color:var(--error);font-weight:600}.t-warning{color:#9c6b00;font-weight:600}.t-info{color:var(--info)}
tr.selesai td{color:#6b7280;text-decoration:line-through}tr.rusak td{background:#fdecea}
.saring{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:8px}.saring label{font-size:12px;color:#556}
select,input{font:inherit;padding:4px 6px;border:1px solid #b8c0cc;border-radius:4px;background:#fff;max-width:340px}
button{font:inherit;padding:4px 10px;border:1px solid #b8c0cc;border-radius:4px;background:#fff;cursor:pointer}
#jumlah-tampil{margin-left:auto;color:#556}.kecil{font-size:12px;color:#556}a{color:#1f5fa8}
.lencana{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;background:#eef}.lencana.baru{background:#f3e5f5}.lencana.selesai{background:#e8f5e9}
"""

_JS = """
(function(){
  var rows = Array.prototype.slice.call(document.querySelectorAll('#tabel-temuan tbody tr'));
  var keys = ['pemda','aturan','tingkat','status','berkas','q'];
  var ctl = {};
  keys.forEach(function(k){ ctl[k] = document.getElementById('saring-' + k); });
  var out = document.getElementById('jumlah-tampil');
  function baca(){
    var p = new URLSearchParams(location.hash.slice(1));
    keys.forEach(function(k){ if (ctl[k]) ctl[k].value = p.get(k) || ''; });
  }
  function nilai(k){ return ctl[k] ? ctl[k].value : ''; }
  function saring(){
    var f = {}; keys.forEach(function(k){ f[k] = nilai(k); });
    var q = f.q.toLowerCase(), n = 0;
    rows.forEach(function(tr){
      var d = tr.dataset;
      var ok = (!f.pemda || d.pemda === f.pemda) && (!f.aturan || d.aturan === f.aturan) &&
               (!f.tingkat || d.tingkat === f.tingkat) && (!f.status || d.status === f.status) &&
               (!f.berkas || d.berkas === f.berkas) && (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
      tr.hidden = !ok; if (ok) n++;
    });
    out.setAttribute('data-n', n);
    out.textContent = n + ' ' + out.getAttribute('data-dari') + ' ' + rows.length + ' ' + out.getAttribute('data-label');
  }
  function tulis(){
    var p = new URLSearchParams();
    keys.forEach(function(k){ var v = nilai(k); if (v) p.set(k, v); });
    var h = p.toString();
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
  }
  keys.forEach(function(k){ if (ctl[k]) ctl[k].addEventListener(k === 'q' ? 'input' : 'change', function(){ tulis(); saring(); }); });
  document.getElementById('saring-hapus').addEventListener('click', function(){
    keys.forEach(function(k){ if (ctl[k]) ctl[k].value = ''; }); tulis(); saring();
  });
  window.addEventListener('hashchange', function(){ baca(); saring(); });
  baca(); saring();
})();
"""


def _e(x: Any) -> str:
    return "" if x is None else escape(str(x), quote=True)


def _hash(**kv: str) -> str:
    return "#" + "&".join(f"{k}={quote(v, safe='')}" for k, v in kv.items())


def _grafik(items: list[tuple[str, dict[str, int], str]], judul: str, sev_label: dict[str, str]) -> str:
    """A horizontal stacked bar chart as inline SVG: (label, counts by severity, link) per bar."""
    if not items:
        return f"<figure><figcaption>{_e(judul)}</figcaption><p class='kecil'>—</p></figure>"
    bar_h, gap, left, right, width = 18, 6, 230, 60, 760
    total_max = max(sum(c.values()) for _, c, _ in items) or 1
    scale = (width - left - right) / total_max
    height = len(items) * (bar_h + gap) + 28
    parts = [f"<figure><figcaption>{_e(judul)}</figcaption>",
             f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_e(judul)}">']
    for i, (label, counts, link) in enumerate(items):
        y = i * (bar_h + gap)
        short = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<a href="{_e(link)}"><title>{_e(label)}: {sum(counts.values())}</title>')
        parts.append(f'<text x="{left - 6}" y="{y + bar_h - 5}" text-anchor="end">{_e(short)}</text>')
        x = float(left)
        for sev in _SEV:
            n = counts.get(sev, 0)
            if n:
                w = max(n * scale, 1.0)
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_WARNA[sev]}"/>')
                x += w
        parts.append(f'<text x="{x + 5:.1f}" y="{y + bar_h - 5}">{sum(counts.values())}</text></a>')
    ly = len(items) * (bar_h + gap) + 14
    lx = left
    for sev in _SEV:
        parts.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{_WARNA[sev]}"/>'
                     f'<text x="{lx + 16}" y="{ly}">{_e(sev_label[sev])}</text>')
        lx += 110
    parts.append("</svg></figure>")
    return "".join(parts)


class TulisHtml:
    def __init__(self, out: TextIO, lang: str = "id", putaran: bool = False, judul: str = "",
                 konfigurasi: dict | None = None):
        muat_semua()
        self.out = out
        self.konfigurasi = konfigurasi
        self.klaim: list[tuple[str, str]] = []
        self.lang = lang
        self.t = _T[lang]
        self.judul = judul
        self.totals = Totals.untuk(lang, putaran)
        self.putaran = putaran
        self._berkas = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self._temuan = tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8")
        self.n_temuan = 0
        self._capaian = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self.n_capaian = 0
        self.rule_sev: dict[str, dict[str, int]] = {}
        self.pemda_sev: dict[str, dict[str, int]] = {}

    def berkas(self, b: Berkas) -> None:
        self.totals.tambah(b)
        pemda = nama_pemda(b, self.lang)
        ident = b.identitas
        sev = {s: 0 for s in _SEV}
        for t in b.findings:
            sev[t.severity] += 1
            self.rule_sev.setdefault(t.rule, {}).setdefault(t.severity, 0)
            self.rule_sev[t.rule][t.severity] += 1
            self.pemda_sev.setdefault(pemda, {}).setdefault(t.severity, 0)
            self.pemda_sev[pemda][t.severity] += 1
        self.pemda_sev.setdefault(pemda, {})
        rusak = b.status == "unreadable"
        link = _hash(berkas=b.path)
        self._berkas.write(
            f'<tr{" class=rusak" if rusak else ""}><td><a href="{_e(link)}">{_e(b.path)}</a></td><td>{_e(pemda)}</td>'
            f"<td>{_e(ident.get('opd'))}</td><td>{_e(ident.get('tahun'))}</td><td>{_e(ident.get('dokumen'))}</td>"
            f'<td class="n">{len(b.tables)}</td><td class="n{" t-error" if sev["error"] else ""}">{sev["error"]}</td>'
            f'<td class="n{" t-warning" if sev["warning"] else ""}">{sev["warning"]}</td>'
            f"<td>{_e(self.t['status'][b.status])}</td></tr>\n")
        for t in b.findings:
            self._baris(b, pemda, t)
        for t in b.selesai:
            self._baris(b, pemda, t)
        self.klaim += [(b.path, line) for line in baris_klaim(b, self.lang)]
        if b.capaian:
            n = len(capaian_kolom[self.lang])
            self._capaian.write(f'<tr><td colspan="{n}" class="kecil">{_e(b.path)} — '
                                f"{_e(capaian_judul(b.capaian, self.lang))}</td></tr>\n")
            for row in b.capaian.get("baris", []):
                self.n_capaian += 1
                cells = capaian_baris(row, self.lang)
                self._capaian.write("<tr>" + "".join(
                    f'<td class="n">{_e(format_angka(c, 2))}</td>' if isinstance(c, float) else f"<td>{_e(c)}</td>"
                    for c in cells) + "</tr>\n")  # the file is named in the row above its rows

    def _baris(self, b: Berkas, pemda: str, t: Temuan) -> None:
        self.n_temuan += 1
        status = str(t.ekstra.get("status") or "")
        saran = t.saran if t.saran and t.saran not in t.message else ""
        cls = ' class="selesai"' if status == "selesai" else ""
        badge = ""
        if status:
            badge = (f'<td><span class="lencana {_e(status.replace(" ", "-"))}">'
                     f'{_e(label_status(status, self.lang))}</span></td>')
        self._temuan.write(
            f'<tr{cls} data-berkas="{_e(b.path)}" data-pemda="{_e(pemda)}" data-aturan="{_e(t.rule)}" '
            f'data-tingkat="{t.severity}" data-status="{_e(status)}">'
            f"<td>{_e(b.path)}</td><td>{_e(pemda)}</td><td>{_e(t.sheet)}</td><td>{_e(t.cell)}</td><td>{_e(t.kode)}</td>"
            f'<td><a href="{_e(_hash(aturan=t.rule))}" title="{_e(self._judul_aturan(t.rule))}">{_e(t.rule)}</a></td>'
            f'<td class="t-{t.severity}">{_e(self.t["sev"][t.severity])}</td><td>{_e(t.message + penanda(t, self.lang))}</td><td>{_e(saran)}</td>'
            f"{badge}</tr>\n")

    def _judul_aturan(self, code: str) -> str:
        a = REGISTRY.get(code)
        return f"{code} {a.slug}: {a.judul(self.lang)}" if a else code

    def _pilihan(self, key: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{_e(v)}">{_e(label)}</option>' for v, label in options)
        return (f'<label for="saring-{key}">{_e(self.t["saring"].get(key, key))}</label>'
                f'<select id="saring-{key}"><option value="">{_e(self.t["semua"])}</option>{opts}</select>')

    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        t, r = self.t, self.totals
        w = self.out.write
        sev_label = t["sev"]
        w(f'<!DOCTYPE html>\n<html lang="{self.lang}"><head><meta charset="utf-8">'
          f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
          f'<meta name="viewport" content="width=device-width, initial-scale=1">'
          f"<title>{_e(t['judul'])}{' — ' + _e(self.judul) if self.judul else ''}</title><style>{_CSS}</style></head><body>\n")
        now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        w(f"<header><h1>{_e(t['judul'])}</h1><p>{_e(t['dibuat'])} {now} · renja-xl {__version__}"
          f"{' · ' + _e(t['masukan']) + ': ' + _e(self.judul) if self.judul else ''}</p>"
          + "".join(f'<p class="konfigurasi">{_e(line)}</p>' for line in baris_konfigurasi(self.konfigurasi, self.lang))
          + "</header><main>\n")
        if self.klaim:
            head = "Pengecualian yang diklaim kiriman" if self.lang == "id" else "Exemptions claimed by submissions"
            w(f'<section id="klaim"><h2>{_e(head)} ({len(self.klaim)})</h2><ul>'
              + "".join(f"<li>{_e(path)}: {_e(line)}</li>" for path, line in self.klaim) + "</ul></section>\n")
        cards = [("files", r.files), ("unreadable", r.unreadable), ("error", r.error), ("warning", r.warning), ("info", r.info)]
        if r.putaran is not None:
            cards += [(k, r.putaran.get(k, 0)) for k in ("baru", "masih ada", "selesai")]
        w('<section class="kartu" id="kartu">' + "".join(
            f'<div class="{k.replace(" ", "-")}" data-kartu="{_e(k)}"><b>{n}</b><span>{_e(t["kartu"][k])}</span></div>'
            for k, n in cards) + "</section>\n")
        by_rule = sorted(self.rule_sev.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        rule_items = [(f"{code} {REGISTRY[code].judul(self.lang) if code in REGISTRY else ''}".strip(), c,
                       _hash(aturan=code)) for code, c in by_rule[:25]]
        if len(by_rule) > 25:
            rest: dict[str, int] = {}
            for _, c in by_rule[25:]:
                for s, n in c.items():
                    rest[s] = rest.get(s, 0) + n
            rule_items.append((f"{len(by_rule) - 25} {t['lainnya']}", rest, "#"))
        by_pemda = sorted(self.pemda_sev.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        pemda_items = [(p, c, _hash(pemda=p)) for p, c in by_pemda]
        w('<section class="grafik" id="grafik">' + _grafik(rule_items, t["per_aturan"], sev_label)
          + _grafik(pemda_items, t["per_pemda"], sev_label) + "</section>\n")
        head = "".join(f"<th>{_e(h)}</th>" for h in t["kolom_berkas"])
        w(f'<section><h2>{_e(t["berkas"])} ({r.files})</h2><table id="tabel-berkas"><thead><tr>{head}</tr></thead><tbody>\n')
        self._berkas.seek(0)
        shutil.copyfileobj(self._berkas, self.out)
        w("</tbody></table>")
        if tidak_dikirim_ulang:
            w(f'<p class="kecil">{_e(t["lama"])} ({len(tidak_dikirim_ulang)}): '
              + ", ".join(_e(p) for p in tidak_dikirim_ulang) + "</p>")
        w("</section>\n")
        pemdas = urut_pemda(self.pemda_sev)
        filters = [self._pilihan("pemda", [(p, p) for p in pemdas]),
                   self._pilihan("aturan", [(c, self._judul_aturan(c)) for c in sorted(self.rule_sev)]),
                   self._pilihan("tingkat", [(s, sev_label[s]) for s in _SEV])]
        if r.putaran is not None:
            filters.append(self._pilihan("status", [(s, label_status(s, self.lang))
                                                    for s in ("baru", "masih ada", "selesai")]))
        filters.append(f'<input type="hidden" id="saring-berkas" value="">'
                       f'<input type="search" id="saring-q" placeholder="{_e(t["cari"])}" aria-label="{_e(t["cari"])}">'
                       f'<button type="button" id="saring-hapus">{_e(t["hapus"])}</button>'
                       f'<span id="jumlah-tampil" data-n="{self.n_temuan}" data-dari="{_e(t["dari"])}" '
                       f'data-label="{_e(t["ditampilkan"])}">{self.n_temuan}</span>')
        cols = t["kolom_temuan"] + ([t["putaran"]] if r.putaran is not None else [])
        head = "".join(f"<th>{_e(h)}</th>" for h in cols)
        w(f'<section><h2>{_e(t["temuan"])} ({self.n_temuan})</h2><div class="saring">{"".join(filters)}</div>'
          f'<table id="tabel-temuan"><thead><tr>{head}</tr></thead><tbody>\n')
        self._temuan.seek(0)
        shutil.copyfileobj(self._temuan, self.out)
        w("</tbody></table>")
        if not self.n_temuan:
            w(f'<p class="kecil">{_e(t["kosong"])}</p>')
        w("</section>\n")
        if self.n_capaian:
            head = "".join(f"<th>{_e(h)}</th>" for h in capaian_kolom[self.lang])
            w(f'<section><h2>{_e(t["capaian"])} ({self.n_capaian})</h2><table id="tabel-capaian"><thead><tr>{head}'
              f"</tr></thead><tbody>\n")
            self._capaian.seek(0)
            shutil.copyfileobj(self._capaian, self.out)
            w("</tbody></table></section>\n")
        w(f"</main><script>{_JS}</script></body></html>\n")
        self._berkas.close()
        self._temuan.close()
        self._capaian.close()
        self.out.flush()
