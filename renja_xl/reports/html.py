"""``--format html -o REKAP.html``: one self-contained page to read in any browser, offline.

Summary cards, two bar charts (findings by rule, by pemda; inline SVG drawn here, each bar a link
that filters), the list of files, the findings with filters (pemda, perangkat daerah, rule,
severity, round, file, free text) and each rule's documentation. Every active filter is shown as a
chip that removes it; filters live in the address (``rekap.html#aturan=A001&opd=Dinas%20Sosial``),
so a filtered view can be bookmarked or sent on.

A province's batch is hundreds of thousands of findings: the page does not hold them as HTML rows.
The files and findings are one gzip-compressed JSON document in the page (base64), which the
browser unpacks (``DecompressionStream``) and renders a page of rows at a time; the findings are
streamed into it as files arrive, so the writer's memory does not grow with the batch. Everything
is inline: no stylesheet, script, font or image is fetched, and a Content-Security-Policy in the
page forbids the browser to fetch anything.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
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
from .markdown import teks_polos
from .saran import saran_aturan, saran_sendiri
from .summary import Totals, nama_pemda

__all__ = ["TulisHtml", "CSP", "PER_HALAMAN", "data_halaman", "teks_halaman"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
PER_HALAMAN = 200  # finding rows rendered at a time
_SEV = ("error", "warning", "info")

_T = {
    "id": {
        "judul": "Rekap pemeriksaan Renja", "dibuat": "Dibuat", "masukan": "Masukan",
        "kartu": {"files": "Berkas", "unreadable": "Tidak terbaca", "error": "Galat", "warning": "Peringatan",
                  "info": "Info", "baru": "Baru", "masih ada": "Masih ada", "selesai": "Selesai"},
        "per_aturan": "Temuan per aturan", "per_pemda": "Temuan per pemda",
        "berkas": "Berkas", "temuan": "Temuan", "aturan": "Aturan yang muncul di rekap ini",
        "kolom_berkas": ["Berkas", "Pemda", "Perangkat Daerah", "Tahun", "Dokumen", "Tabel", "Galat", "Peringatan",
                         "Status"],
        "kolom_temuan": ["Berkas", "Pemda", "Perangkat Daerah", "Sheet", "Sel", "Kode", "Aturan", "Tingkat", "Pesan",
                         "Saran"],
        "putaran": "Putaran", "semua": "semua", "cari": "cari teks…", "hapus": "hapus semua saringan",
        "dari": "dari", "ditampilkan": "temuan ditampilkan", "berkas_ditampilkan": "berkas",
        "sev": TINGKAT["id"],
        "status": {"checked": "diperiksa", "unreadable": "tidak terbaca"},
        "saring": {"pemda": "Pemda", "opd": "Perangkat Daerah", "aturan": "Aturan", "tingkat": "Tingkat",
                   "status": "Putaran", "berkas": "Berkas", "q": "Teks"},
        "aktif": "Saringan aktif:", "tanpa": "tanpa saringan",
        "kosong": "Tidak ada temuan.", "lama": "Tidak dikirim ulang (ada di putaran sebelumnya)",
        "lainnya": "lainnya", "sebelum": "‹ sebelumnya", "sesudah": "berikutnya ›", "halaman": "halaman",
        "memuat": "Memuat data rekap…", "js": "Halaman ini memerlukan JavaScript untuk menampilkan daftar berkas "
        "dan temuan.", "tua": "Peramban ini terlalu lama untuk membuka data rekap (perlu DecompressionStream: "
        "Chrome/Edge 80+, Firefox 113+, Safari 16.4+).",
        "dok": {"apa": "Apa yang diperiksa", "mengapa": "Mengapa penting", "contoh": "Contoh",
                "perbaikan": "Cara memperbaiki"},
        "tentang": "Tentang aturan", "tingkat_bawaan": "tingkat", "lengkap": "dokumentasi lengkap",
        "capaian": "Capaian dan predikat",
        "hapus_satu": "hapus saringan ini",
    },
    "en": {
        "judul": "Renja check recap", "dibuat": "Generated", "masukan": "Inputs",
        "kartu": {"files": "Files", "unreadable": "Unreadable", "error": "Errors", "warning": "Warnings",
                  "info": "Info", "baru": "New", "masih ada": "Still open", "selesai": "Resolved"},
        "per_aturan": "Findings by rule", "per_pemda": "Findings by pemda",
        "berkas": "Files", "temuan": "Findings", "aturan": "Rules found in this recap",
        "kolom_berkas": ["File", "Pemda", "Office", "Year", "Document", "Tables", "Errors", "Warnings", "Status"],
        "kolom_temuan": ["File", "Pemda", "Office", "Sheet", "Cell", "Kode", "Rule", "Severity", "Message",
                         "Suggestion"],
        "putaran": "Round", "semua": "all", "cari": "search text…", "hapus": "clear all filters",
        "dari": "of", "ditampilkan": "findings shown", "berkas_ditampilkan": "files",
        "sev": TINGKAT["en"],
        "status": {"checked": "checked", "unreadable": "unreadable"},
        "saring": {"pemda": "Pemda", "opd": "Office", "aturan": "Rule", "tingkat": "Severity", "status": "Round",
                   "berkas": "File", "q": "Text"},
        "aktif": "Active filters:", "tanpa": "no filter",
        "kosong": "No findings.", "lama": "Not sent again (in the previous round)",
        "lainnya": "others", "sebelum": "‹ previous", "sesudah": "next ›", "halaman": "page",
        "memuat": "Loading the recap's data…", "js": "This page needs JavaScript to show the files and findings.",
        "tua": "This browser is too old to open the recap's data (it needs DecompressionStream: Chrome/Edge 80+, "
        "Firefox 113+, Safari 16.4+).",
        "dok": {"apa": "What it checks", "mengapa": "Why it matters", "contoh": "Example", "perbaikan": "How to fix"},
        "tentang": "About rule", "tingkat_bawaan": "severity", "lengkap": "full documentation",
        "capaian": "Achievement and predikat",
        "hapus_satu": "remove this filter",
    },
}

_CSS = ":root{" + "".join(f"--{k}:{v};" for k, v in WEB.items()) + "}" + """
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f4f6f9}
header{background:#23395d;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.85;font-size:13px}
main{padding:18px 28px;max-width:1700px}section{margin:0 0 26px}h2{font-size:17px;margin:0 0 10px}
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
select,input{font:inherit;padding:4px 6px;border:1px solid #b8c0cc;border-radius:4px;background:#fff;max-width:300px}
button{font:inherit;padding:4px 10px;border:1px solid #b8c0cc;border-radius:4px;background:#fff;cursor:pointer}
.jumlah{margin-left:auto;color:#556}.kecil{font-size:12px;color:#556}a{color:#1f5fa8}
.chips{display:flex;flex-wrap:wrap;gap:6px;align-items:center;min-height:30px;margin:4px 0 8px;padding:4px 8px;background:#fff8e1;border:1px solid #f0d98c;border-radius:6px}
.chips.kosong{background:transparent;border-color:transparent}
.chip{display:inline-flex;align-items:center;gap:4px;padding:1px 4px 1px 10px;border-radius:14px;background:#23395d;color:#fff;font-size:13px}
.chip button{border:0;background:transparent;color:#fff;padding:0 6px;font-size:15px;line-height:1}
.lencana{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;background:#eef}.lencana.baru{background:#f3e5f5}.lencana.selesai{background:#e8f5e9}
.halaman{display:flex;gap:8px;align-items:center;margin:8px 0}.info-aturan{margin:0 0 8px;padding:8px 12px;background:#fff;border-left:4px solid var(--info);box-shadow:0 1px 3px #0002}
details.dok{background:#fff;margin:0 0 6px;padding:6px 12px;border-radius:6px;box-shadow:0 1px 2px #0002}details.dok summary{cursor:pointer;font-weight:600}
details.dok p{margin:6px 0}.dok-kode{font-family:ui-monospace,Consolas,monospace}a.dok-link{text-decoration:none;margin-left:3px}
"""

_JS = r"""
(function(){
  var T = JSON.parse(document.getElementById('teks').textContent);
  var KEYS = ['pemda','opd','aturan','tingkat','status','berkas','q'];
  var SEV = ['error','warning','info'];
  var D = null, shown = [], page = 0, fpage = 0;
  var ctl = {}; KEYS.forEach(function(k){ ctl[k] = document.getElementById('saring-' + k); });
  function el(tag, attrs, text){ var e = document.createElement(tag); if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]); if (text != null) e.textContent = text; return e; }
  function td(text, cls){ var e = el('td', cls ? {'class': cls} : null, text == null ? '' : String(text)); return e; }
  function baca(){ var p = new URLSearchParams(location.hash.slice(1)); var f = {}; KEYS.forEach(function(k){ f[k] = p.get(k) || ''; }); return f; }
  function tulis(f){ var p = new URLSearchParams(); KEYS.forEach(function(k){ if (f[k]) p.set(k, f[k]); });
    var h = p.toString(); if (('#' + h) !== location.hash && !(h === '' && location.hash === '')) location.hash = h ? '#' + h : ''; else terapkan(); }
  function filters(){ return baca(); }
  function label(k, v){ if (k === 'tingkat') return T.sev[v] || v; if (k === 'status') return T.status_putaran[v] || v;
    if (k === 'aturan' && D && D.aturan[v]) return v + ' ' + D.aturan[v].judul; return v; }
  function chips(f){
    var box = document.getElementById('saring-aktif'); box.textContent = ''; var any = false;
    box.appendChild(el('span', {'class': 'kecil'}, T.aktif));
    KEYS.forEach(function(k){ if (!f[k]) return; any = true;
      var c = el('span', {'class': 'chip', 'data-saring': k}, T.saring[k] + ': ' + label(k, f[k]));
      var b = el('button', {'type': 'button', 'aria-label': 'x', 'title': T.hapus_satu}, '×');
      b.addEventListener('click', function(){ var g = filters(); g[k] = ''; tulis(g); });
      c.appendChild(b); box.appendChild(c); });
    if (!any) box.appendChild(el('span', {'class': 'kecil'}, T.tanpa));
    box.className = any ? 'chips' : 'chips kosong'; box.setAttribute('data-n', any ? 1 : 0);
  }
  function cocok(t, f, q){
    var b = D.berkas[t[0]];
    if (f.berkas && b[0] !== f.berkas) return false;
    if (f.pemda && b[1] !== f.pemda) return false;
    if (f.opd && b[2] !== f.opd) return false;
    if (f.aturan && t[4] !== f.aturan) return false;
    if (f.tingkat && SEV[t[5]] !== f.tingkat) return false;
    if (f.status && t[8] !== f.status) return false;
    if (q) { var s = t._q; if (s === undefined) { s = t._q = (b[0] + ' ' + b[1] + ' ' + b[2] + ' ' + (t[1]||'') + ' ' + (t[2]||'') + ' ' + (t[3]||'') + ' ' + t[4] + ' ' + t[6] + ' ' + saran(t)).toLowerCase(); }
      if (s.indexOf(q) < 0) return false; }
    return true;
  }
  function saran(t){ return t[7] || (D.aturan[t[4]] ? D.aturan[t[4]].saran : ''); }
  function terapkan(){
    if (!D) return;
    var f = filters(); KEYS.forEach(function(k){ if (ctl[k] && ctl[k].value !== f[k]) { if (ctl[k].tagName === 'SELECT' && f[k] && !Array.prototype.some.call(ctl[k].options, function(o){ return o.value === f[k]; })) ctl[k].appendChild(el('option', {'value': f[k]}, f[k])); ctl[k].value = f[k]; } });
    var q = f.q.toLowerCase(); shown = [];
    for (var i = 0; i < D.temuan.length; i++) if (cocok(D.temuan[i], f, q)) shown.push(i);
    page = 0; chips(f); tentang(f); gambar();
    var out = document.getElementById('jumlah-tampil');
    out.setAttribute('data-n', shown.length); out.textContent = shown.length + ' ' + T.dari + ' ' + D.temuan.length + ' ' + T.ditampilkan;
  }
  function tentang(f){
    var box = document.getElementById('info-aturan'); box.textContent = '';
    var a = f.aturan && D.aturan[f.aturan]; box.hidden = !a; if (!a) return;
    box.appendChild(el('b', null, T.tentang + ' ' + f.aturan + ': ' + a.judul));
    box.appendChild(el('p', null, a.apa)); box.appendChild(el('p', null, T.dok_perbaikan + ': ' + a.perbaikan));
    var l = el('a', {'href': '#', 'class': 'buka-dok', 'data-aturan': f.aturan}, '→ ' + T.aturan_lengkap); box.appendChild(l);
  }
  function gambar(){
    var tb = document.querySelector('#tabel-temuan tbody'); tb.textContent = '';
    var end = Math.min(shown.length, (page + 1) * T.per_halaman);
    for (var j = page * T.per_halaman; j < end; j++) {
      var t = D.temuan[shown[j]], b = D.berkas[t[0]], sev = SEV[t[5]];
      var tr = el('tr', {'data-berkas': b[0], 'data-pemda': b[1], 'data-opd': b[2], 'data-aturan': t[4], 'data-tingkat': sev, 'data-status': t[8] || ''});
      if (t[8] === 'selesai') tr.className = 'selesai';
      tr.appendChild(td(b[0])); tr.appendChild(td(b[1])); tr.appendChild(td(b[2])); tr.appendChild(td(t[1])); tr.appendChild(td(t[2])); tr.appendChild(td(t[3]));
      var c = el('td'); var a = el('a', {'href': '#aturan=' + encodeURIComponent(t[4]), 'title': D.aturan[t[4]] ? t[4] + ' ' + D.aturan[t[4]].judul : t[4]}, t[4]);
      c.appendChild(a); var i = el('a', {'href': '#', 'class': 'dok-link buka-dok', 'data-aturan': t[4], 'title': T.tentang + ' ' + t[4]}, 'ⓘ'); c.appendChild(i); tr.appendChild(c);
      tr.appendChild(td(T.sev[sev], 't-' + sev)); tr.appendChild(td(t[6])); tr.appendChild(td(saran(t), 'saran'));
      if (D.putaran) { var s = el('td'); if (t[8]) s.appendChild(el('span', {'class': 'lencana ' + t[8].replace(' ', '-')}, T.status_putaran[t[8]] || t[8])); tr.appendChild(s); }
      tb.appendChild(tr);
    }
    var pages = Math.max(1, Math.ceil(shown.length / T.per_halaman));
    document.getElementById('halaman-temuan').textContent = T.halaman + ' ' + (page + 1) + '/' + pages;
    document.getElementById('temuan-sebelum').disabled = page <= 0;
    document.getElementById('temuan-sesudah').disabled = page >= pages - 1;
    document.getElementById('tanpa-temuan').hidden = D.temuan.length > 0;
  }
  function gambarBerkas(){
    var tb = document.querySelector('#tabel-berkas tbody'); tb.textContent = '';
    var per = T.per_halaman_berkas, end = Math.min(D.berkas.length, (fpage + 1) * per);
    for (var j = fpage * per; j < end; j++) {
      var b = D.berkas[j]; var tr = el('tr', b[9] === 'unreadable' ? {'class': 'rusak'} : null);
      var c = el('td'); var a = el('a', {'href': '#berkas=' + encodeURIComponent(b[0])}, b[0]); c.appendChild(a); tr.appendChild(c);
      tr.appendChild(td(b[1])); tr.appendChild(td(b[2])); tr.appendChild(td(b[3])); tr.appendChild(td(b[4]));
      tr.appendChild(td(b[5], 'n')); tr.appendChild(td(b[6], 'n' + (b[6] ? ' t-error' : ''))); tr.appendChild(td(b[7], 'n' + (b[7] ? ' t-warning' : '')));
      tr.appendChild(td(T.status_berkas[b[9]] || b[9])); tb.appendChild(tr);
    }
    var pages = Math.max(1, Math.ceil(D.berkas.length / per));
    document.getElementById('halaman-berkas').textContent = T.halaman + ' ' + (fpage + 1) + '/' + pages;
    document.getElementById('berkas-sebelum').disabled = fpage <= 0;
    document.getElementById('berkas-sesudah').disabled = fpage >= pages - 1;
  }
  function isi(sel, values, lab){ values.forEach(function(v){ sel.appendChild(el('option', {'value': v}, lab ? lab(v) : v)); }); }
  function mulai(data){
    D = data; document.getElementById('memuat').hidden = true;
    var uniq = function(i){ var s = {}; D.berkas.forEach(function(b){ if (b[i]) s[b[i]] = 1; }); return Object.keys(s).sort(); };
    isi(ctl.pemda, uniq(1)); isi(ctl.opd, uniq(2));
    var rules = Object.keys(D.aturan).sort(); isi(ctl.aturan, rules, function(v){ return v + ' ' + D.aturan[v].judul; });
    KEYS.forEach(function(k){ if (!ctl[k]) return; ctl[k].addEventListener(k === 'q' ? 'change' : 'change', function(){ var f = filters(); f[k] = ctl[k].value; tulis(f); }); });
    document.getElementById('saring-hapus').addEventListener('click', function(){ tulis({}); });
    document.getElementById('temuan-sebelum').addEventListener('click', function(){ page--; gambar(); });
    document.getElementById('temuan-sesudah').addEventListener('click', function(){ page++; gambar(); });
    document.getElementById('berkas-sebelum').addEventListener('click', function(){ fpage--; gambarBerkas(); });
    document.getElementById('berkas-sesudah').addEventListener('click', function(){ fpage++; gambarBerkas(); });
    document.addEventListener('click', function(e){ var a = e.target.closest && e.target.closest('.buka-dok'); if (!a) return; e.preventDefault();
      var d = document.getElementById('dok-' + a.getAttribute('data-aturan')); if (d) { d.open = true; d.scrollIntoView(); } });
    window.addEventListener('hashchange', terapkan);
    gambarBerkas(); terapkan();
    document.body.setAttribute('data-siap-ms', Math.round(performance.now()));
    document.body.setAttribute('data-siap', '1');
  }
  function gagal(msg){ var m = document.getElementById('memuat'); m.textContent = msg; m.className = 'kecil t-error'; document.body.setAttribute('data-siap', 'gagal'); }
  try {
    if (typeof DecompressionStream === 'undefined') { gagal(T.tua); return; }
    var b64 = document.getElementById('data').textContent.replace(/\s+/g, '');
    var raw = atob(b64), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    new Response(stream).text().then(function(text){ mulai(JSON.parse(text)); }, function(e){ gagal(String(e)); });
  } catch (e) { gagal(String(e)); }
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
    bar_h, gap, left, right, width = 18, 6, 250, 60, 760
    total_max = max(sum(c.values()) for _, c, _ in items) or 1
    scale = (width - left - right) / total_max
    height = len(items) * (bar_h + gap) + 28
    parts = [f"<figure><figcaption>{_e(judul)}</figcaption>",
             f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_e(judul)}">']
    for i, (label, counts, link) in enumerate(items):
        y = i * (bar_h + gap)
        short = label if len(label) <= 32 else label[:31] + "…"  # fits the 250 units left of the bars
        parts.append(f'<a href="{_e(link)}"><title>{_e(label)}: {sum(counts.values())}</title>')
        parts.append(f'<text x="{left - 6}" y="{y + bar_h - 5}" text-anchor="end">{_e(short)}</text>')
        x = float(left)
        for sev in _SEV:
            n = counts.get(sev, 0)
            if n:
                w = max(n * scale, 1.0)
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{WEB[sev]}"/>')
                x += w
        parts.append(f'<text x="{x + 5:.1f}" y="{y + bar_h - 5}">{sum(counts.values())}</text></a>')
    ly = len(items) * (bar_h + gap) + 14
    lx = left
    for sev in _SEV:
        parts.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{WEB[sev]}"/>'
                     f'<text x="{lx + 16}" y="{ly}">{_e(sev_label[sev])}</text>')
        lx += 110
    parts.append("</svg></figure>")
    return "".join(parts)


def _json(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


class TulisHtml:
    def __init__(self, out: TextIO, lang: str = "id", putaran: bool = False, judul: str = "",
                 konfigurasi: dict | None = None):
        muat_semua()
        self.out = out
        self.konfigurasi = konfigurasi
        self.klaim: list[tuple[str, str]] = []
        self._capaian = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self.n_capaian = 0
        self.lang = lang
        self.t = _T[lang]
        self.judul = judul
        self.totals = Totals.untuk(lang, putaran)
        self.putaran = putaran
        self._raw = tempfile.TemporaryFile()
        self._gz = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6, mtime=0)
        self._gz.write(b'{"temuan":[')
        self.n_temuan = 0
        self.berkas_list: list[list[Any]] = []
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
        idx = len(self.berkas_list)
        self.berkas_list.append([b.path, pemda, ident.get("opd") or "", ident.get("tahun") or "",
                                 ident.get("dokumen") or "", len(b.tables), sev["error"], sev["warning"], sev["info"],
                                 b.status])
        rows = [self._baris(idx, t) for t in (*b.findings, *b.selesai)]
        if rows:
            text = ("," if self.n_temuan else "") + ",".join(rows)
            self._gz.write(text.encode("utf-8", "backslashreplace"))
            self.n_temuan += len(rows)
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

    def _baris(self, idx: int, t: Temuan) -> str:
        status = str(t.status or "")
        return _json([idx, t.sheet or "", t.cell or "", t.kode or "", t.rule, _SEV.index(t.severity),
                      t.message + penanda(t, self.lang), saran_sendiri(t), status])

    def _aturan(self) -> dict[str, dict[str, str]]:
        out = {}
        for code in sorted(self.rule_sev):
            a = REGISTRY.get(code)
            if a is None:
                continue
            d = a.dok.get(self.lang, a.dok["id"])
            out[code] = {"judul": d.judul, "apa": " ".join(teks_polos(d.apa).split()),
                         "perbaikan": " ".join(teks_polos(d.perbaikan).split()), "saran": saran_aturan(code, self.lang)}
        return out

    def _judul_aturan(self, code: str) -> str:
        a = REGISTRY.get(code)
        return f"{code} {a.slug}: {a.judul(self.lang)}" if a else code

    def _pilihan(self, key: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{_e(v)}">{_e(label)}</option>' for v, label in options)
        return (f'<label for="saring-{key}">{_e(self.t["saring"].get(key, key))}</label>'
                f'<select id="saring-{key}"><option value="">{_e(self.t["semua"])}</option>{opts}</select>')

    def _dok(self) -> str:
        """Each rule that appears, its documentation in a collapsible block."""
        t = self.t
        parts = []
        for code in sorted(self.rule_sev):
            a = REGISTRY.get(code)
            if a is None:
                continue
            d = a.dok.get(self.lang, a.dok["id"])
            body = "".join(f"<p><b>{_e(t['dok'][k])}.</b> {_e(' '.join(teks_polos(getattr(d, k)).split()))}</p>"
                           for k in ("apa", "mengapa", "contoh", "perbaikan"))
            parts.append(f'<details class="dok" id="dok-{_e(code)}"><summary><span class="dok-kode">{_e(code)}</span> '
                         f"{_e(a.slug)} — {_e(d.judul)} ({_e(t['tingkat_bawaan'])}: {_e(t['sev'][a.severity])})"
                         f"</summary>{body}</details>")
        return "".join(parts)

    def akhiri(self, tidak_dikirim_ulang: list[str] | None = None) -> None:
        t, r = self.t, self.totals
        w = self.out.write
        sev_label = t["sev"]
        tail = {"berkas": self.berkas_list, "aturan": self._aturan(), "putaran": r.putaran is not None}
        self._gz.write(b"]," + _json(tail)[1:].encode("utf-8", "backslashreplace"))
        self._gz.close()
        w(f'<!DOCTYPE html>\n<html lang="{self.lang}"><head><meta charset="utf-8">'
          f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
          f'<meta name="viewport" content="width=device-width, initial-scale=1">'
          f"<title>{_e(t['judul'])}{' — ' + _e(self.judul) if self.judul else ''}</title><style>{_CSS}</style></head><body>\n")
        now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        w(f"<header><h1>{_e(t['judul'])}</h1><p>{_e(t['dibuat'])} {now} · renja-xl {__version__}"
          f"{' · ' + _e(t['masukan']) + ': ' + _e(self.judul) if self.judul else ''}</p>"
          + "".join(f'<p class="konfigurasi">{_e(line)}</p>' for line in baris_konfigurasi(self.konfigurasi, self.lang, self.totals))
          + "</header><main>\n")
        w(f'<noscript><p class="t-error">{_e(t["js"])}</p></noscript><p id="memuat" class="kecil">{_e(t["memuat"])}</p>\n')
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
        pemda_items = [(p, c, _hash(pemda=p)) for p, c in by_pemda[:40]]
        w('<section class="grafik" id="grafik">' + _grafik(rule_items, t["per_aturan"], sev_label)
          + _grafik(pemda_items, t["per_pemda"], sev_label) + "</section>\n")
        head = "".join(f"<th>{_e(h)}</th>" for h in t["kolom_berkas"])
        w(f'<section><h2>{_e(t["berkas"])} ({r.files})</h2><table id="tabel-berkas"><thead><tr>{head}</tr></thead>'
          f"<tbody></tbody></table>"
          f'<div class="halaman"><button type="button" id="berkas-sebelum">{_e(t["sebelum"])}</button>'
          f'<span id="halaman-berkas"></span><button type="button" id="berkas-sesudah">{_e(t["sesudah"])}</button></div>')
        if tidak_dikirim_ulang:
            w(f'<p class="kecil">{_e(t["lama"])} ({len(tidak_dikirim_ulang)}): '
              + ", ".join(_e(p) for p in tidak_dikirim_ulang) + "</p>")
        w("</section>\n")
        filters = [self._pilihan("pemda", []), self._pilihan("opd", []), self._pilihan("aturan", []),
                   self._pilihan("tingkat", [(s, sev_label[s]) for s in _SEV])]
        if r.putaran is not None:
            filters.append(self._pilihan("status", [(s, label_status(s, self.lang))
                                                    for s in ("baru", "masih ada", "selesai")]))
        filters.append(f'<input type="hidden" id="saring-berkas" value="">'
                       f'<input type="search" id="saring-q" placeholder="{_e(t["cari"])}" aria-label="{_e(t["cari"])}">'
                       f'<button type="button" id="saring-hapus">{_e(t["hapus"])}</button>'
                       f'<span class="jumlah" id="jumlah-tampil" data-n="" >{self.n_temuan}</span>')
        cols = t["kolom_temuan"] + ([t["putaran"]] if r.putaran is not None else [])
        head = "".join(f"<th>{_e(h)}</th>" for h in cols)
        w(f'<section><h2>{_e(t["temuan"])} ({self.n_temuan})</h2><div class="saring">{"".join(filters)}</div>'
          f'<div id="saring-aktif" class="chips kosong" data-n="0"></div>'
          f'<div id="info-aturan" class="info-aturan" hidden></div>'
          f'<table id="tabel-temuan"><thead><tr>{head}</tr></thead><tbody></tbody></table>'
          f'<p id="tanpa-temuan" class="kecil" hidden>{_e(t["kosong"])}</p>'
          f'<div class="halaman"><button type="button" id="temuan-sebelum">{_e(t["sebelum"])}</button>'
          f'<span id="halaman-temuan"></span><button type="button" id="temuan-sesudah">{_e(t["sesudah"])}</button></div>'
          "</section>\n")
        if self.n_capaian:
            head = "".join(f"<th>{_e(h)}</th>" for h in capaian_kolom[self.lang])
            w(f'<section><h2>{_e(t["capaian"])} ({self.n_capaian})</h2><table id="tabel-capaian"><thead><tr>{head}'
              f"</tr></thead><tbody>\n")
            self._capaian.seek(0)
            shutil.copyfileobj(self._capaian, self.out)
            w("</tbody></table></section>\n")
        self._capaian.close()
        w(f'<section id="aturan"><h2>{_e(t["aturan"])}</h2>{self._dok()}</section></main>\n')
        teks = {"sev": t["sev"], "status_putaran": {s: label_status(s, self.lang) for s in ("baru", "masih ada", "selesai")},
                "status_berkas": t["status"], "saring": t["saring"], "aktif": t["aktif"], "tanpa": t["tanpa"],
                "dari": t["dari"], "ditampilkan": t["ditampilkan"], "halaman": t["halaman"], "hapus_satu": t["hapus_satu"],
                "tentang": t["tentang"], "dok_perbaikan": t["dok"]["perbaikan"],
                "aturan_lengkap": t["lengkap"],
                "per_halaman": PER_HALAMAN, "per_halaman_berkas": 100}
        teks_json = _json(teks).replace("</", "<\\/")
        w(f'<script type="application/json" id="teks">{teks_json}</script>\n')
        w('<script type="application/octet-stream" id="data">')
        self._raw.seek(0)
        while chunk := self._raw.read(3 * 1024 * 256):  # a multiple of 3 bytes: the base64 pieces join up
            w(base64.b64encode(chunk).decode("ascii"))
            w("\n")
        w("</script>\n")
        w(f"<script>{_JS}</script></body></html>\n")
        self._raw.close()
        self.out.flush()


def data_halaman(html: str) -> dict[str, Any]:
    """The files and findings a recap page carries (its gzip-compressed JSON), as the page's script
    reads them: for tools and tests that look at a page without a browser."""
    import re

    m = re.search(r'<script type="application/octet-stream" id="data">(.*?)</script>', html, re.S)
    if not m:
        raise ValueError("not a renja-xl HTML recap")
    return json.loads(gzip.decompress(base64.b64decode("".join(m.group(1).split()))).decode("utf-8"))


def teks_halaman(html: str) -> str:
    """Everything a reader of the page can see: its markup and every text of its data."""
    out: list[str] = []

    def kumpul(x: Any) -> None:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                kumpul(v)
        elif isinstance(x, list):
            for v in x:
                kumpul(v)

    kumpul(data_halaman(html))
    return html + "\n" + "\n".join(out)
