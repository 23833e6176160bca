"""Who sent a submission: pemda (kabupaten/kota), office (OPD), year and document kind.

Pure logic on text: the title rows above the tables (``Tabel.title``), the bidang kode of the rows
and the file and folder names (``kiriman.zip!kab_luwu/dinsos_2024.xlsx``). Titles win over names,
names over the bidang kode (an office is named after its urusan only as a last resort). What
cannot be found is left out rather than guessed.

Rounds of submissions are matched by :func:`kunci` (pemda + office + year), not by file name: a
kabupaten renames its files between rounds, the identity stays.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

__all__ = ["kenali", "kenali_berkas", "kunci", "kunci_kiriman", "bentrok_pemda", "PEMDA_SULSEL"]

# The 24 kabupaten/kota of Sulawesi Selatan (with the short names used in file names). Other
# regions are recognised by their "Kabupaten X"/"Kota X" wording; this list also finds a bare
# name in a folder name ("luwu_utara/").
PEMDA_SULSEL: dict[str, tuple[str, ...]] = {
    "Kabupaten Bantaeng": ("bantaeng",),
    "Kabupaten Barru": ("barru",),
    "Kabupaten Bone": ("bone",),
    "Kabupaten Bulukumba": ("bulukumba",),
    "Kabupaten Enrekang": ("enrekang",),
    "Kabupaten Gowa": ("gowa",),
    "Kabupaten Jeneponto": ("jeneponto",),
    "Kabupaten Kepulauan Selayar": ("kepulauan selayar", "selayar"),
    "Kabupaten Luwu": ("luwu",),
    "Kabupaten Luwu Timur": ("luwu timur", "lutim"),
    "Kabupaten Luwu Utara": ("luwu utara", "lutra"),
    "Kabupaten Maros": ("maros",),
    "Kabupaten Pangkajene dan Kepulauan": ("pangkajene dan kepulauan", "pangkajene kepulauan", "pangkep"),
    "Kabupaten Pinrang": ("pinrang",),
    "Kabupaten Sidenreng Rappang": ("sidenreng rappang", "sidrap"),
    "Kabupaten Sinjai": ("sinjai",),
    "Kabupaten Soppeng": ("soppeng",),
    "Kabupaten Takalar": ("takalar",),
    "Kabupaten Tana Toraja": ("tana toraja", "tator"),
    "Kabupaten Toraja Utara": ("toraja utara", "torut"),
    "Kabupaten Wajo": ("wajo",),
    "Kota Makassar": ("makassar",),
    "Kota Palopo": ("palopo",),
    "Kota Parepare": ("parepare", "pare pare"),
}

# Office named after the bidang urusan of its kode (Permendagri 90/2019), the usual office name.
OPD_BIDANG: dict[str, str] = {
    "1.01": "Dinas Pendidikan", "1.02": "Dinas Kesehatan",
    "1.03": "Dinas Pekerjaan Umum dan Penataan Ruang", "1.04": "Dinas Perumahan dan Kawasan Permukiman",
    "1.05": "Satuan Polisi Pamong Praja", "1.06": "Dinas Sosial",
    "2.07": "Dinas Tenaga Kerja", "2.08": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "2.09": "Dinas Ketahanan Pangan", "2.10": "Dinas Pertanahan", "2.11": "Dinas Lingkungan Hidup",
    "2.12": "Dinas Kependudukan dan Pencatatan Sipil", "2.13": "Dinas Pemberdayaan Masyarakat dan Desa",
    "2.14": "Dinas Pengendalian Penduduk dan Keluarga Berencana", "2.15": "Dinas Perhubungan",
    "2.16": "Dinas Komunikasi dan Informatika", "2.17": "Dinas Koperasi dan Usaha Kecil dan Menengah",
    "2.18": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "2.19": "Dinas Kepemudaan dan Olahraga",
    "2.20": "Dinas Statistik", "2.21": "Dinas Persandian", "2.22": "Dinas Kebudayaan",
    "2.23": "Dinas Perpustakaan", "2.24": "Dinas Kearsipan", "3.25": "Dinas Kelautan dan Perikanan",
    "3.26": "Dinas Pariwisata", "3.27": "Dinas Pertanian", "3.28": "Dinas Kehutanan",
    "3.29": "Dinas Energi dan Sumber Daya Mineral", "3.30": "Dinas Perdagangan", "3.31": "Dinas Perindustrian",
    "3.32": "Dinas Transmigrasi", "4.01": "Sekretariat Daerah", "4.02": "Sekretariat DPRD",
    "5.01": "Badan Perencanaan Pembangunan Daerah", "5.02": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "5.03": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "5.05": "Badan Penelitian dan Pengembangan Daerah",
    "6.01": "Inspektorat", "7.01": "Kecamatan", "8.01": "Badan Kesatuan Bangsa dan Politik",
}

# Short office names seen in file names.
OPD_SINGKAT: dict[str, str] = {
    "dinsos": "Dinas Sosial", "disdik": "Dinas Pendidikan", "dikbud": "Dinas Pendidikan", "dinkes": "Dinas Kesehatan",
    "dpupr": "Dinas Pekerjaan Umum dan Penataan Ruang", "pupr": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "disperkim": "Dinas Perumahan dan Kawasan Permukiman", "satpolpp": "Satuan Polisi Pamong Praja",
    "satpol pp": "Satuan Polisi Pamong Praja", "disnaker": "Dinas Tenaga Kerja",
    "dp3a": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "dlh": "Dinas Lingkungan Hidup",
    "disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil", "dukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "dpmd": "Dinas Pemberdayaan Masyarakat dan Desa", "dppkb": "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "dishub": "Dinas Perhubungan", "diskominfo": "Dinas Komunikasi dan Informatika",
    "kominfo": "Dinas Komunikasi dan Informatika", "dpmptsp": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "dispora": "Dinas Kepemudaan dan Olahraga", "dispar": "Dinas Pariwisata", "distan": "Dinas Pertanian",
    "dkp": "Dinas Kelautan dan Perikanan", "disperindag": "Dinas Perindustrian dan Perdagangan",
    "setda": "Sekretariat Daerah", "setwan": "Sekretariat DPRD", "bappeda": "Badan Perencanaan Pembangunan Daerah",
    "bappelitbangda": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "bpkad": "Badan Pengelolaan Keuangan dan Aset Daerah", "bkd": "Badan Kepegawaian Daerah",
    "bkpsdm": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "inspektorat": "Inspektorat",
    "kesbangpol": "Badan Kesatuan Bangsa dan Politik", "bpbd": "Badan Penanggulangan Bencana Daerah",
    "rsud": "Rumah Sakit Umum Daerah",
}

_AKRONIM = {"DPRD", "RSUD", "UKM", "KB", "PP", "ESDM", "UPT", "UPTD", "KAB", "II", "III", "IV"}
_KECIL = {"dan", "serta", "atau", "di", "ke", "dari", "untuk"}
_OPD_AWAL = (r"DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|SATUAN\s+POLISI|KECAMATAN|RUMAH\s+SAKIT|RSUD|KANTOR"
             r"|BAPPEDA|BAPPELITBANGDA|BPKAD|BKPSDM|BPBD|SATPOL")
_OPD = re.compile(rf"\b(?:{_OPD_AWAL})\b(?:\s+[A-Z0-9&'.,/-]+){{0,10}}")
_OPD_LABEL = re.compile(r"\bNAMA\s+(?:PERANGKAT\s+DAERAH|OPD|SKPD|SATUAN\s+KERJA)\s*:?\s*(.+)")
_OPD_HENTI = re.compile(r"\s+(?:KABUPATEN|KAB\.?|KOTA|PROVINSI|PROPINSI|PEMERINTAH|TAHUN|S/D|SD|TA\.?|PERIODE"
                        r"|RENJA|RENCANA|TABEL|NAMA|SEBAGAI|YANG|PADA)\b.*$|\s*[:;(].*$|\s*,\s*$|\s+\d.*$")
# a comma goes on inside an office's name ("Badan Perencanaan Pembangunan, Penelitian dan
# Pengembangan Daerah"); the name stops at the words above (", Kabupaten Luwu"), whatever precedes them
_PEMDA = re.compile(r"(?<![/\w])(KABUPATEN|KAB\.?|KOTA)\s+([A-Z][A-Z'\-]*(?:\s+[A-Z][A-Z'\-]*){0,3})")
_PEMDA_HENTI = {"TAHUN", "NAMA", "DAN", "PERANGKAT", "DINAS", "BADAN", "PROVINSI", "PROPINSI", "RENJA", "RENCANA",
                "SEKRETARIAT", "KECAMATAN", "PERIODE", "TA", "PADA", "YANG", "SEBAGAI", "S/D", "SD",
                # a report's date or period after the name ("Kota Banjarmasin KONDISI S/D TGL. 31-01-2023")
                "KONDISI", "POSISI", "KEADAAN", "PER", "BULAN", "TANGGAL", "TGL", "SAMPAI", "HINGGA", "TRIWULAN",
                "SEMESTER", "LAPORAN", "REALISASI", "SKPD", "OPD", "FORM", "FORMULIR", "JL", "JALAN"}
_PROVINSI = re.compile(r"\b(?:PROVINSI|PROPINSI|PROV\.?)\s+([A-Z][A-Z]*(?:\s+[A-Z][A-Z]*){0,2})")
_TAHUN = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_TAHUN_JUDUL = re.compile(r"\bTAHUN(?:\s+ANGGARAN)?\s+(20\d\d)\b")
_PERUBAHAN_JUDUL = re.compile(r"\b(?:RENJA|RENCANA\s+KERJA(?:\s*\(\s*RENJA\s*\))?)\s*[-(]?\s*PERUBAHAN\b|\bPERUBAHAN\s+(?:RENJA|RENCANA\s+KERJA)\b"
                              r"|\bRENJA[\s-]*P\b", re.I)
_PERUBAHAN_NAMA = re.compile(r"\bperubahan\b|\brenja ?p\b|\brenjap\b")


def _rapikan(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\n", " ")).strip()


def _judul_kapital(text: str) -> str:
    """'DINAS SOSIAL' → 'Dinas Sosial'; keeps acronyms (DPRD) and small words (dan)."""
    out = []
    for i, w in enumerate(text.split()):
        up = w.upper().strip(",")
        if up in _AKRONIM:
            out.append(w.upper())
        elif i and w.lower() in _KECIL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)


def _alias_pemda() -> list[tuple[str, str]]:
    pairs = [(a, nama) for nama, aliases in PEMDA_SULSEL.items() for a in aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


_ALIAS = _alias_pemda()


def _pemda_gazetir(words: str, jenis: str | None) -> str | None:
    """A known kabupaten/kota whose name starts ``words`` (lower case, single spaces)."""
    for alias, nama in _ALIAS:
        if (words == alias or words.startswith(alias + " ")) and (jenis is None or nama.lower().startswith(jenis)):
            return nama
    return None


def _pemda_judul(text: str) -> str | None:
    up = text.upper()
    for m in _PEMDA.finditer(up):
        jenis = "kota" if m.group(1) == "KOTA" else "kabupaten"
        words = m.group(2).split()
        known = _pemda_gazetir(" ".join(words).lower(), jenis)
        if known:
            return known
        name = []
        for w in words:
            if w in _PEMDA_HENTI or len(w.strip("'-")) < 2:  # no pemda name has a one-letter word
                break
            name.append(w)
        if name:
            return f"{jenis.capitalize()} {_judul_kapital(' '.join(name))}"
    return None


def _opd_judul(text: str) -> str | None:
    up = text.upper()
    m = _OPD_LABEL.search(up)
    cand = [m.group(1)] if m else []
    cand += [x.group(0) for x in _OPD.finditer(up)]
    for c in cand:
        c = _OPD_HENTI.sub("", c).strip(" .,-")
        if len(c.split()) >= 1 and len(c) >= 5:
            return _judul_kapital(c)
    return None


def _bagian_path(path: str) -> list[str]:
    """Folder and file names of a shown path (zip members included), lower case, ``_-.`` as spaces."""
    parts = re.split(r"[!/\\]+", path)
    out = []
    for i, p in enumerate(parts):
        if i == len(parts) - 1 or p.lower().endswith(".zip"):
            p = re.sub(r"\.[A-Za-z0-9]{2,4}$", "", p)
        p = re.sub(r"[_\-.\s]+", " ", p).strip().lower()
        if p:
            out.append(p)
    return out


def _pemda_path(parts: list[str]) -> str | None:
    for p in reversed(parts):  # the nearest folder first
        m = re.search(r"\b(kabupaten|kab|kota|pemkab|pemkot)\s+([a-z][a-z ]*)", p)
        if m:
            jenis = "kota" if m.group(1) in ("kota", "pemkot") else "kabupaten"
            words = re.sub(r"\b(20\d\d|renja\w*|dinas\w*|badan\w*|perubahan|putaran|revisi|final)\b.*", "", m.group(2)).strip()
            known = _pemda_gazetir(words, jenis)
            if known:
                return known
            if words:
                return f"{jenis.capitalize()} {_judul_kapital(words)}"
        for w_start in range(len(p.split())):
            known = _pemda_gazetir(" ".join(p.split()[w_start:]), None)
            if known:
                return known
    return None


def _opd_path(parts: list[str]) -> str | None:
    for p in reversed(parts):
        words = p.split()
        for i in range(len(words)):
            for n in (2, 1):
                key = " ".join(words[i:i + n])
                if key in OPD_SINGKAT:
                    return OPD_SINGKAT[key]
        found = _opd_judul(p)
        if found:
            return found
    return None


def _bidang(kode: Iterable[str | None]) -> str | None:
    count: Counter[str] = Counter()
    for k in kode:
        if k and k.count(".") >= 1:
            u, bb = k.split(".", 2)[:2]
            if u.isdigit() and bb.isdigit():
                count[f"{u}.{bb}"] += 1
    return count.most_common(1)[0][0] if count else None


def kenali(judul: Iterable[str], path: str = "", kode: Iterable[str | None] = (),
           tahun_rencana: Iterable[int] = ()) -> dict[str, Any]:
    """The identity of one submission: ``pemda``, ``opd``, ``tahun``, ``dokumen`` and ``bidang``
    (keys left out when unknown). ``tahun_rencana``: the plan years of its plan tables (the first
    one is the Renja's year)."""
    titles = [_rapikan(t) for t in judul if t and t.strip()]
    parts = _bagian_path(path)
    out: dict[str, Any] = {}
    pemda = next((p for p in map(_pemda_judul, titles) if p), None) or _pemda_path(parts)
    if pemda is None:
        prov = next((m.group(1) for t in titles if (m := _PROVINSI.search(t.upper()))), None)
        pemda = f"Provinsi {_judul_kapital(prov)}" if prov else None
    if pemda:
        out["pemda"] = pemda
    bidang = _bidang(kode)
    opd = next((o for o in map(_opd_judul, titles) if o), None) or _opd_path(parts) or OPD_BIDANG.get(bidang or "")
    if opd:
        out["opd"] = opd
    years = sorted(set(tahun_rencana))
    tahun: int | None = years[0] if years else None
    if tahun is None:
        from_path = [int(y) for p in parts for y in _TAHUN.findall(p)]
        tahun = from_path[-1] if from_path else None
    if tahun is None:
        tahun = next((int(m.group(1)) for t in titles if (m := _TAHUN_JUDUL.search(t.upper()))), None)
    if tahun is not None:
        out["tahun"] = tahun
    perubahan = any(_PERUBAHAN_JUDUL.search(t) for t in titles) or any(_PERUBAHAN_NAMA.search(p) for p in parts)
    if perubahan:
        out["dokumen"] = "Renja Perubahan"
    elif titles or any("renja" in p for p in parts):
        out["dokumen"] = "Renja"
    if bidang:
        out["bidang"] = bidang
    return out


def baris_judul(lembar: Iterable[Any], tables: Iterable[Any] = (), maks: int = 15) -> list[str]:
    """Title-like rows (one to three filled cells) at the top of each worksheet grid, above its first
    recognised table: where a title sits too far above the header to be the table's own title."""
    first_header: dict[str, int] = {}
    for t in tables:
        first_header[t.sheet] = min(first_header.get(t.sheet, 1 << 30), t.header_rows[0] if t.header_rows else 1 << 30)
    out: list[str] = []
    for sh in lembar:
        stop = min(first_header.get(sh.nama, 1 << 30) - 1, maks)  # 1-based header row → rows above it
        for i, row in enumerate(sh.sel):
            if sh.baris0 + i >= stop:
                break
            cells = [str(v).strip() for v in row if v not in (None, "") and str(v).strip()]
            if 0 < len(cells) <= 3 and any(not c.replace(".", "").isdigit() for c in cells):
                out.append(" ".join(cells))
    return out


def kenali_berkas(berkas: Any, judul_lain: Iterable[str] = ()) -> dict[str, Any]:
    """:func:`kenali` on a checked :class:`~renja_xl.core.models.Berkas` (its tables still holding
    rows); ``judul_lain``: more title rows (:func:`baris_judul`)."""
    tables = berkas.tables
    return kenali(
        [t.title for t in tables] + list(judul_lain),
        berkas.path,
        (k for t in tables for k in t.kode),
        (y for t in tables if t.kind == "rencana" for y in t.years[:1]),
    )


def _norm(text: Any) -> str:
    t = str(text or "").lower()
    t = re.sub(r"\bkab\b\.?", "kabupaten", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def kunci(identitas: dict[str, Any] | None, path: str = "") -> tuple[str, ...]:
    """What matches a submission across rounds: pemda + office + year. Without an office the file's
    base name stands in (with a marker, so it never matches a real identity)."""
    ident = identitas or {}
    if ident.get("opd"):
        return (_norm(ident.get("pemda")), _norm(ident.get("opd")), str(ident.get("tahun") or ""))
    base = re.split(r"[!/\\]", path)[-1].lower()
    return ("#berkas", base)


def kunci_kiriman(identitas: dict[str, Any] | None) -> tuple[str, ...] | None:
    """What makes two submissions of one batch the same submission: pemda, office, year and
    document (a Renja and its Renja Perubahan are two). None when pemda or office is unknown."""
    ident = identitas or {}
    if not ident.get("pemda") or not ident.get("opd"):
        return None
    return (_norm(ident.get("pemda")), _norm(ident.get("opd")), str(ident.get("tahun") or ""),
            _norm(ident.get("dokumen")))


def bentrok_pemda(judul: Iterable[str], path: str) -> tuple[str, str] | None:
    """(the pemda the title rows name, the pemda the folder or file name names) when both are
    found and differ: a folder ``kab_toraja_utara/`` holding a Renja whose title says Kabupaten
    Luwu. The title wins for the identity; the difference is worth a word."""
    titles = [_rapikan(t) for t in judul if t and t.strip()]
    dari_judul = next((p for p in map(_pemda_judul, titles) if p), None)
    dari_path = _pemda_path(_bagian_path(path))
    if dari_judul and dari_path and _norm(dari_judul) != _norm(dari_path):
        return dari_judul, dari_path
    return None
