"""``--format html``: one self-contained page, loaded in headless Chromium: it renders (its script runs),
lists every file, filters from the address, and fetches nothing from the network."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from tests.cli.test_check_cli import run


class _Dom(HTMLParser):
    """What the tests look at in a dumped DOM: table rows with their attributes and cell texts."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[tuple[dict, list[str]]]] = {}
        self.ids: dict[str, dict] = {}
        self.texts: dict[str, str] = {}
        self._table = None
        self._row = None
        self._cell = None
        self._id_text = None
        self.external: list[str] = []
        self.cards: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-kartu" in a:
            self.cards[a["data-kartu"]] = a
        if "id" in a:
            self.ids[a["id"]] = a
            self._id_text = a["id"]
            self.texts[a["id"]] = ""
        for k in ("src", "href", "action", "data", "poster"):
            v = a.get(k)
            if v and not v.startswith("#"):
                self.external.append(f"{tag} {k}={v}")
        if tag == "table":
            self._table = a.get("id")
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self._row = (a, [])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row[1].append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._id_text:
            self.texts[self._id_text] += data


def _dom(text: str) -> _Dom:
    d = _Dom()
    d.feed(text)
    return d


@pytest.fixture(scope="module")
def rekap(kumpulan, tmp_path_factory):
    root, doc = kumpulan
    out = tmp_path_factory.mktemp("html") / "rekap.html"
    code, stdout, err = run("check", str(root), "--format", "html", "-o", str(out))
    assert code == 1 and stdout == "", err
    return out, doc


def _load(chromium, path, fragment=""):
    """The DOM after the page's script has unpacked its data and rendered (virtual time lets the
    browser finish the asynchronous unpacking before the DOM is dumped)."""
    res = chromium(path.as_uri() + fragment, "--virtual-time-budget=20000", "--dump-dom")
    assert res.returncode == 0, res.stderr[-2000:]
    dom = _dom(res.stdout)
    assert 'data-siap="1"' in res.stdout, "the page's script did not finish"
    return dom


def _rows(dom, table):
    return dom.tables[table][1:]


def test_renders_lists_every_file_and_every_finding(rekap, chromium):
    out, doc = rekap
    dom = _load(chromium, out)
    files = [cells for a, cells in _rows(dom, "tabel-berkas")]
    assert [c[0] for c in files] == [f["path"] for f in doc["files"]]
    assert [c[1] for c in files] == [f.get("identitas", {}).get("pemda", "(pemda tidak dikenali)") for f in doc["files"]]
    assert [c[2] for c in files] == [f.get("identitas", {}).get("opd", "") for f in doc["files"]]
    rows = _rows(dom, "tabel-temuan")
    n = sum(len(f["findings"]) for f in doc["files"])
    assert len(rows) == n
    assert [(a["data-berkas"], a["data-aturan"]) for a, _ in rows] == [
        (f["path"], t["rule"]) for f in doc["files"] for t in f["findings"]]
    assert dom.ids["jumlah-tampil"]["data-n"] == str(n)
    assert dom.texts["jumlah-tampil"] == f"{n} dari {n} temuan ditampilkan"
    assert dom.ids["saring-aktif"]["data-n"] == "0"  # no filter active, and the page says so
    assert set(dom.cards) == {"files", "unreadable", "error", "warning", "info"}
    assert "<svg" in out.read_text(encoding="utf-8")


def test_saran_in_every_row_the_same_text_as_the_other_reports(rekap, chromium):
    from renja_xl.reports.saran import saran_aturan

    out, doc = rekap
    dom = _load(chromium, out)
    want = [t.get("saran") if t.get("saran") and t["saran"] not in t["message"] else saran_aturan(t["rule"])
            for f in doc["files"] for t in f["findings"]]
    got = [cells[9] for _, cells in _rows(dom, "tabel-temuan")]
    assert got == want and all(got)


def test_office_filter_and_every_active_filter_visible_with_a_way_to_remove_it(rekap, chromium):
    out, doc = rekap
    dom = _load(chromium, out, "#opd=" + quote("Dinas Sosial"))
    shown = _rows(dom, "tabel-temuan")
    want = [t for f in doc["files"] for t in f["findings"] if f.get("identitas", {}).get("opd") == "Dinas Sosial"]
    assert len(shown) == len(want) > 0 and {a["data-opd"] for a, _ in shown} == {"Dinas Sosial"}
    assert dom.ids["saring-aktif"]["data-n"] == "1"
    assert "Perangkat Daerah: Dinas Sosial×" in dom.texts["saring-aktif"]
    path = doc["files"][0]["path"]  # as a click on a file name in the list sets it
    dom = _load(chromium, out, "#berkas=" + quote(path, safe="") + "&tingkat=error")
    text = dom.texts["saring-aktif"]
    assert f"Berkas: {path}×" in text and "Tingkat: galat×" in text
    assert {a["data-berkas"] for a, _ in _rows(dom, "tabel-temuan")} == {path}


def test_rule_documentation_on_the_page(rekap, chromium):
    out, doc = rekap
    dom = _load(chromium, out, "#aturan=S001")
    rules = {t["rule"] for f in doc["files"] for t in f["findings"]}
    assert {k.removeprefix("dok-") for k in dom.ids if k.startswith("dok-")} == rules
    assert "Tentang aturan S001" in dom.texts["info-aturan"]
    assert "Aturan: S001 " in dom.texts["saring-aktif"]
def test_a_filter_in_the_address_shows_only_matching_rows(rekap, chromium):
    out, doc = rekap
    want = Counter((f["identitas"].get("pemda"), t["rule"]) for f in doc["files"] for t in f["findings"])
    assert want[("Kabupaten Luwu", "S001")] == 1 and want[("Kota Palopo", "S001")] == 1
    dom = _load(chromium, out, "#aturan=S001&pemda=" + quote("Kota Palopo"))
    shown = _rows(dom, "tabel-temuan")
    assert len(shown) == 1
    a, cells = shown[0]
    assert a["data-aturan"] == "S001" and a["data-pemda"] == "Kota Palopo" and "Kelaurga" in cells[8]
    assert dom.ids["jumlah-tampil"]["data-n"] == "1"
    assert "Pemda: Kota Palopo×" in dom.texts["saring-aktif"]
    dom = _load(chromium, out, "#tingkat=error")
    shown = [a for a, _ in _rows(dom, "tabel-temuan")]
    assert len(shown) == sum(t["severity"] == "error" for f in doc["files"] for t in f["findings"]) > 0
    assert {a["data-tingkat"] for a in shown} == {"error"}
    dom = _load(chromium, out, "#q=lpaoran")  # free-text search, case-insensitive
    shown = [c for a, c in _rows(dom, "tabel-temuan")]
    assert shown and all("Lpaoran" in " ".join(c) for c in shown)


def test_self_contained_no_network_request(rekap, chromium, tmp_path):
    out, _ = rekap
    text = out.read_text(encoding="utf-8")
    dom = _dom(text)
    assert dom.external == []  # every link is a '#' filter link; nothing loads from a URL
    assert not re.search(r"url\(|@import|https?://", text)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text

    def page_requests(page):
        log = tmp_path / f"{page.stem}.netlog.json"
        res = chromium(page.as_uri(), "--dump-dom", f"--log-net-log={log}")
        assert res.returncode == 0
        data = json.loads(log.read_text(encoding="utf-8"))
        types = {v: k for k, v in data["constants"]["logEventTypes"].items()}
        urls = set()
        for e in data["events"]:
            p = e.get("params") or {}
            # requests made for a page opened from a file carry the file:// isolation key; the
            # browser's own background requests do not
            if types.get(e["type"]) == "URL_REQUEST_START_JOB" and "file://" in str(p.get("network_isolation_key", "")):
                urls.add(p.get("url", ""))
        return {u for u in urls if not u.startswith(("file:", "data:"))}

    control = tmp_path / "kontrol.html"  # proves the probe sees a page's requests
    control.write_text('<!DOCTYPE html><html><body><img src="http://renja-xl.invalid/a.png"></body></html>', encoding="utf-8")
    assert page_requests(control) == {"http://renja-xl.invalid/a.png"}
    assert page_requests(out) == set()


def test_rounds_in_the_page(kumpulan, tmp_path, chromium):
    root, doc = kumpulan
    base = tmp_path / "lama.json"
    base.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "rekap.html"
    code, _, err = run("check", str(root), "--format", "html", "-o", str(out), "--baseline", str(base), "--lang", "en")
    assert code == 1, err
    dom = _load(chromium, out, "#status=" + quote("masih ada"))
    rows = _rows(dom, "tabel-temuan")
    assert len(rows) == sum(len(f["findings"]) for f in doc["files"]) > 0  # nothing changed: every finding still open
    assert {"baru", "masih ada", "selesai"} <= set(dom.cards)
    assert "Findings by rule" in out.read_text(encoding="utf-8")
