"""Command line: ``renja-xl check``, ``rules``, ``rule``, ``nomenklatur``, ``diff``, ``ringkasan``
(see ``renja-xl --help``).

The CLI turns its arguments into a configuration and a typed request (:class:`PermintaanCheck`);
nothing below it sees argparse. Messages are Indonesian, English with ``--lang en`` (argparse's own
too: :mod:`renja_xl.argumen`). Imports stay lazy: a command does not pay for libraries it does not
use (openpyxl for the Excel recap, rich only on a terminal). Exit statuses, the same for every
command: :mod:`renja_xl.core.errors`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .argumen import Parser, bahasa_argumen, pasang_bahasa
from .core.errors import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE, EXIT_USAGE, GagalJalan
from .reports.layar import layar  # text from outside (file names, cells, a nomenclature) shown escaped

# -o's extension → the report format it means
EKSTENSI_FORMAT = {".txt": "text", ".log": "text", ".json": "json", ".xlsx": "excel", ".html": "html", ".htm": "html"}
_TINGKAT = {"galat": "error", "error": "error", "peringatan": "warning", "warning": "warning", "info": "info"}


def _codes(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()]


def _parser(lang: str = "id") -> argparse.ArgumentParser:
    en = lang == "en"

    def h(id_: str, en_: str) -> str:
        return en_ if en else id_

    p = Parser(
        prog="renja-xl",
        description=h("Pemeriksa Renja (Rencana Kerja Perangkat Daerah): rollup pagu, konsistensi target, capaian, "
                      "satuan, kode.", "Checks Indonesian local-government work plans (Renja): budget rollups, "
                      "target consistency, achievement, units, codes."),
        epilog=h("Status keluar: 0 tanpa galat · 1 ada galat (diff: berbeda) · 2 tidak dapat berjalan · "
                 "130 dihentikan (Ctrl-C) · 141 pembaca keluaran berhenti (| head)",
                 "Exit status: 0 no error · 1 errors found (diff: different) · 2 cannot run · "
                 "130 interrupted (Ctrl-C) · 141 the reader of the output went away (| head)"),
    )
    p.add_argument("--version", action="version", version=f"renja-xl {__version__}",
                   help=h("tampilkan versi lalu keluar", "show the version and exit"))
    sub = p.add_subparsers(dest="perintah", metavar=h("PERINTAH", "COMMAND"), parser_class=Parser)

    def lang_arg(sp: argparse.ArgumentParser, default: str | None = "id") -> None:
        sp.add_argument("--lang", choices=("id", "en"), default=default,
                        help=h("bahasa pesan (bawaan: id)", "message language (default: id)"))

    def masukan_args(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH")
        sp.add_argument("--jobs", type=int, default=None, metavar="N",
                        help=h("jumlah proses paralel (bawaan: jumlah inti)", "parallel processes (default: cores)"))
        sp.add_argument("--config", metavar="FILE", help=h(
            "berkas konfigurasi (bawaan: renja-xl.toml atau [tool.renja-xl] di folder kerja atau induknya; "
            "tidak pernah dari masukan)", "configuration file (default: renja-xl.toml or [tool.renja-xl] in the "
            "working folder or a parent; never from the inputs)"))
        sp.add_argument("--batas-waktu", type=float, default=None, metavar=h("DETIK", "SECONDS"),
                        help=h("batas waktu per berkas", "time limit per file"))
        sp.add_argument("--batas-ukuran", type=float, default=None, metavar="MB",
                        help=h("batas ukuran per berkas", "size limit per file"))
        sp.add_argument("--batas-memori", type=float, default=None, metavar="MB",
                        help=h("batas memori per berkas (Linux)", "memory limit per file (Linux)"))
        sp.add_argument("--no-progress", action="store_true", help=h("tanpa bilah kemajuan", "no progress bar"))

    c = sub.add_parser("check", help=h("periksa workbook Renja (berkas, folder atau .zip)",
                                       "check Renja workbooks (files, folders or .zip)"),
                       description=h("Periksa workbook Renja: berkas .xlsx/.xlsm/.xls/.xlsb/.ods, folder (rekursif) "
                                     "atau .zip.", "Check Renja workbooks: .xlsx/.xlsm/.xls/.xlsb/.ods files, folders "
                                     "(recursively) or .zip archives."))
    masukan_args(c)
    c.add_argument("--format", choices=("text", "json", "excel", "html"), default=None, help=h(
        "bentuk laporan (bawaan: menurut akhiran -o, selain itu text)",
        "report format (default: from -o's extension, else text)"))
    c.add_argument("-o", "--output", metavar="OUT", help=h(
        "tulis laporan ke berkas ini (.txt, .json, .xlsx, .html; bawaan: layar)",
        "write the report to this file (.txt, .json, .xlsx, .html; default: the screen)"))
    c.add_argument("--per-kiriman", metavar="DIR", help=h(
        "untuk setiap kiriman: salinan beranotasi dan ringkasan satu halaman di DIR/<pemda>/<perangkat daerah>/, "
        "ditambah DIR/rekap.xlsx", "for each submission: an annotated copy and a one-page summary in "
        "DIR/<pemda>/<office>/, plus DIR/rekap.xlsx"))
    c.add_argument("--select", metavar="CODES", help=h("hanya aturan ini (kode atau awalan: A,T002)",
                                                        "only these rules (codes or prefixes: A,T002)"))
    c.add_argument("--ignore", metavar="CODES", help=h("abaikan aturan ini (kode atau awalan)",
                                                        "skip these rules (codes or prefixes)"))
    c.add_argument("--tingkat", type=str.lower, choices=tuple(_TINGKAT), default=None, metavar="TINGKAT", help=h(
        "tingkat terendah yang dilaporkan: galat, peringatan atau info (bawaan)",
        "lowest severity reported: galat (error), peringatan (warning) or info (default)"))
    c.add_argument("-q", "--quiet", action="store_true", help=h(
        "laporan teks hanya satu baris per berkas dan jumlahnya; tanpa bilah kemajuan dan baris penutup",
        "text report: one line per file and the totals; no progress bar, no closing line"))
    c.add_argument("--statistics", action="store_true", help=h(
        "laporan teks berupa jumlah temuan per aturan", "text report as counts per rule"))
    c.add_argument("--nomenklatur", metavar="FILE", help=h(
        "berkas nomenklatur Kepmendagri (.xlsx atau .csv)", "the Kepmendagri nomenclature file (.xlsx or .csv)"))
    c.add_argument("--periode", type=str.upper, choices=("TW1", "TW2", "TW3", "TW4"),
                   help=h("periode laporan realisasi", "reporting period of realisation tables"))
    lang_arg(c, None)
    c.add_argument("--baseline", metavar="PREVIOUS.json", help=h(
        "laporan JSON putaran sebelumnya (baru/masih ada/selesai)",
        "the previous round's JSON report (new/still open/resolved)"))
    c.add_argument("--tanpa-cache", action="store_true", help=h(
        "periksa ulang semua berkas, juga yang tidak berubah sejak pemeriksaan sebelumnya (bawaan: hasil berkas yang "
        "isinya sama dipakai ulang dari cache)", "check every file again, also those unchanged since an earlier check "
        "(default: the results of files with the same contents are reused from the cache)"))
    c.add_argument("--percayai-pengecualian", action="store_true", help=h(
        "hormati sheet Pengecualian dan Peta Kolom di dalam kiriman (bawaan: hanya dicantumkan sebagai klaim pengirim)",
        "honour the Pengecualian and Peta Kolom sheets inside submissions (default: only listed as the sender's "
        "claims)"))
    c.add_argument("--no-color", action="store_true", help=h("tanpa warna", "no colour"))

    r = sub.add_parser("rules", help=h("daftar aturan (katalog)", "the rule catalogue"))
    lang_arg(r)
    r1 = sub.add_parser("rule", help=h("dokumentasi satu aturan", "one rule's documentation"))
    r1.add_argument("kode", metavar="CODE")
    lang_arg(r1)

    n = sub.add_parser("nomenklatur", help=h("cari di nomenklatur Kepmendagri (berkas milik pengguna)",
                                             "search the Kepmendagri nomenclature (the user's own file)"))
    nsub = n.add_subparsers(dest="nomen_perintah", metavar="cari|kode", parser_class=Parser, required=True)
    nc = nsub.add_parser("cari", help=h("cari nama program/kegiatan/sub kegiatan", "search programme/activity names"))
    nc.add_argument("teks", nargs="+", metavar=h("TEKS", "TEXT"))
    nc.add_argument("-n", type=int, default=10, help=h("jumlah hasil (bawaan 10)", "number of results (default 10)"))
    nk = nsub.add_parser("kode", help=h("satu entri: nama, indikator, satuan", "one entry: name, indicator, unit"))
    nk.add_argument("kode", metavar="KODE")
    for sp in (nc, nk):
        sp.add_argument("--nomenklatur", metavar="FILE", help=h("berkas nomenklatur (.xlsx lampiran atau .csv)",
                                                                "nomenclature file (.xlsx lampiran or .csv)"))
        sp.add_argument("--bidang", metavar="U.BB", help=h("bidang perangkat daerah, mis. 1.06 (untuk kode X.XX)",
                                                           "the office's bidang, e.g. 1.06 (for X.XX kode)"))
        sp.add_argument("--config", metavar="FILE")
        lang_arg(sp)

    d = sub.add_parser("diff", help=h("bandingkan dua versi satu Renja (mis. Renja dan Renja Perubahan)",
                                      "compare two versions of one Renja (e.g. Renja and Renja Perubahan)"),
                       description=h("Bandingkan tabel rencana (Tabel 4.1/4.2) dua versi satu Renja: pagu, target dan "
                                     "satuan per kode, sub kegiatan yang ditambah dan dihapus, dan perubahan total. "
                                     "Tabel lain tidak dibandingkan. Status keluar: 0 sama, 1 berbeda, 2 galat.",
                                     "Compare the plan tables (Tabel 4.1/4.2) of two versions of one Renja: pagu, "
                                     "target and unit per kode, added and removed sub kegiatan, and the totals. Other "
                                     "tables are not compared. Exit status: 0 same, 1 different, 2 error."))
    d.add_argument("lama", metavar="OLD")
    d.add_argument("baru", metavar="NEW")
    d.add_argument("--format", choices=("text", "json", "excel"), default=None,
                   help=h("bentuk laporan (bawaan: menurut akhiran -o, selain itu text)",
                          "report format (default: from -o's extension, else text)"))
    d.add_argument("-o", "--output", metavar="OUT", help=h("tulis laporan ke berkas ini (bawaan: layar)",
                                                           "write the report to this file (default: the screen)"))
    d.add_argument("-q", "--quiet", action="store_true", help=h("tanpa baris penutup", "no closing line"))
    d.add_argument("--config", metavar="FILE", help=h("berkas konfigurasi (bawaan: renja-xl.toml di folder kerja)",
                                                      "configuration file (default: renja-xl.toml in the working folder)"))
    for opt, meta, id_, en_ in (("--batas-waktu", h("DETIK", "SECONDS"), "batas waktu per berkas", "time limit per file"),
                                ("--batas-ukuran", "MB", "batas ukuran per berkas", "size limit per file"),
                                ("--batas-memori", "MB", "batas memori per berkas (Linux)", "memory limit per file (Linux)")):
        d.add_argument(opt, type=float, default=None, metavar=meta, help=h(id_, en_))
    lang_arg(d)

    s = sub.add_parser("ringkasan", help=h("tabel yang dikenali dalam workbook dan total pagunya",
                                           "the tables recognised in workbooks and their totals"),
                       description=h("Tabel yang dikenali dan total pagunya, untuk berkas, folder (rekursif) atau .zip, "
                                     "lewat jalur dan batas yang sama dengan check.",
                                     "The tables recognised and their totals, for files, folders (recursively) or "
                                     ".zip archives, through the same path and limits as check."))
    masukan_args(s)
    lang_arg(s)
    return p


# --- configuration ------------------------------------------------------------------------------

def _config(args: argparse.Namespace):
    from .core.config import Konfigurasi, KonfigurasiTidakValid, cari_konfigurasi, di_dalam, muat_konfigurasi

    try:
        if getattr(args, "config", None):
            if not Path(args.config).is_file():
                raise GagalJalan(f"berkas konfigurasi tidak ditemukan: {args.config}",
                                 f"configuration file not found: {args.config}")
            cfg = muat_konfigurasi(args.config)
        else:
            # the reviewer's side only: the working folder and its parents, never a folder being checked
            found = cari_konfigurasi(Path.cwd())
            masukan = [Path(p) for p in (getattr(args, "paths", None) or ())]
            if found is not None and di_dalam(found, [p for p in masukan if p.is_dir()]):
                found = None  # the submission's own: the scan of that folder reports it (batch/masukan.py)
            cfg = muat_konfigurasi(found) if found else Konfigurasi.bawaan()
        nomen = getattr(args, "nomenklatur", None)
        if nomen:
            nomen = str(Path(nomen).resolve())
        elif cfg.nomenklatur:
            nomen = str(cfg.path_nomenklatur())
        return cfg.dengan(
            select=_codes(getattr(args, "select", None)), ignore=_codes(getattr(args, "ignore", None)),
            periode=getattr(args, "periode", None), lang=getattr(args, "lang", None), nomenklatur=nomen,
        )
    except KonfigurasiTidakValid as exc:
        raise GagalJalan(f"konfigurasi tidak valid: {exc.pesan('id')}",
                         f"invalid configuration: {exc.pesan('en')}") from exc
    except ValueError as exc:
        raise GagalJalan(str(exc)) from exc


def _muat_nomenklatur(cfg):
    """The nomenclature the configuration names, or None; exit 2 when it cannot be read."""
    from .nomenklatur import NomenklaturTidakTerbaca, muat_dari_konfigurasi

    try:
        return muat_dari_konfigurasi(cfg)
    except NomenklaturTidakTerbaca as exc:
        raise GagalJalan(f"nomenklatur tidak dapat dibaca: {exc}", f"the nomenclature cannot be read: {exc}") from exc


# --- check --------------------------------------------------------------------------------------

def format_laporan(fmt: str | None, output: str | None, boleh: tuple[str, ...]) -> str:
    """The report format: ``--format``, else what ``-o``'s extension says, else text. A format that
    contradicts the extension (``--format excel -o rekap.html``) is an error, never a file whose
    name lies about its content."""
    ext = Path(output).suffix.lower() if output and output != "-" else ""
    dari_nama = EKSTENSI_FORMAT.get(ext)
    if ext in (".xls", ".xlsm", ".xlsb", ".ods") and (fmt in (None, "excel")):
        raise GagalJalan(f"rekap Excel ditulis sebagai .xlsx, bukan {ext}: pakai -o {Path(output).stem}.xlsx",
                         f"the Excel recap is written as .xlsx, not {ext}: use -o {Path(output).stem}.xlsx")
    if fmt is None:
        fmt = dari_nama or "text"
    elif dari_nama is not None and dari_nama != fmt:
        raise GagalJalan(f"--format {fmt} bertentangan dengan -o {output} (akhiran {ext} berarti {dari_nama}); "
                         f"samakan keduanya, atau hapus --format",
                         f"--format {fmt} contradicts -o {output} ({ext} means {dari_nama}); make them agree, "
                         f"or drop --format")
    if fmt not in boleh:
        raise GagalJalan(f"bentuk laporan {fmt} ({ext}) tidak tersedia di sini; pilih {', '.join(boleh)}",
                         f"report format {fmt} ({ext}) is not available here; choose {', '.join(boleh)}")
    return fmt


def permintaan_check(args: argparse.Namespace):
    """The typed request of ``renja-xl check``."""
    from .batch import FORMAT, PermintaanCheck

    fmt = format_laporan(args.format, args.output, FORMAT)
    if args.statistics and fmt != "text":
        raise GagalJalan("--statistics hanya untuk laporan text", "--statistics is for the text report only")
    if args.statistics and args.quiet:
        raise GagalJalan("pilih salah satu: --quiet atau --statistics", "choose one: --quiet or --statistics")
    return PermintaanCheck(
        paths=tuple(args.paths),
        format=fmt,
        output=args.output,
        jobs=args.jobs,
        baseline=args.baseline,
        warna=False if (args.no_color or args.output) else None,
        kemajuan=False if (args.no_progress or args.quiet) else None,
        bentuk="statistik" if args.statistics else "ringkas" if args.quiet else "lengkap",
        tingkat=_TINGKAT[args.tingkat] if args.tingkat else "info",
        per_kiriman=args.per_kiriman,
        cache=not args.tanpa_cache,
    )


def _batas(cfg, args: argparse.Namespace):
    cfg = cfg.dengan(batas_waktu=args.batas_waktu, batas_ukuran=args.batas_ukuran, batas_memori=args.batas_memori)
    if args.batas_memori and not sys.platform.startswith("linux"):
        print(("renja-xl: --batas-memori is applied on Linux only; here each file is still limited by "
               "--batas-waktu and --batas-ukuran") if cfg.lang == "en" else
              ("renja-xl: --batas-memori hanya berlaku di Linux; di sini setiap berkas tetap dibatasi "
               "--batas-waktu dan --batas-ukuran"), file=sys.stderr)
    return cfg


def cmd_check(args: argparse.Namespace) -> int:
    from .batch import jalankan_check

    cfg = _config(args)
    from .rules.registry import kode_tidak_dikenal

    bad = kode_tidak_dikenal([*cfg.select, *cfg.ignore])
    if bad:
        raise GagalJalan(f"kode aturan tidak dikenal: {', '.join(bad)} (lihat: renja-xl rules)",
                         f"unknown rule code: {', '.join(bad)} (see: renja-xl rules)")
    req = permintaan_check(args)
    cfg = _batas(cfg, args).dengan(percayai_pengecualian=True if args.percayai_pengecualian else None)
    hasil = jalankan_check(req, cfg)
    if not args.quiet:
        line = baris_penutup(hasil, req.format, cfg.lang)
        if line:
            print(line, file=sys.stderr)
    return hasil.exit_code


def baris_penutup(hasil, fmt: str, lang: str = "id") -> str | None:
    """The one line a run that wrote files ends with: what was written where, with the counts."""
    from .core.angka import format_angka

    t = hasil.totals
    en = lang == "en"

    def n(x: int) -> str:
        return f"{x:,}" if en else format_angka(x)

    lewat = ""
    if hasil.dilewati:
        names = ", ".join(hasil.dilewati[:5]) + (", …" if len(hasil.dilewati) > 5 else "")
        lewat = (f"{n(len(hasil.dilewati))} other file{'s' if len(hasil.dilewati) != 1 else ''} left out "
                 f"(not a spreadsheet, or an Office lock file): {names}") if en else (
                 f"{n(len(hasil.dilewati))} berkas lain dilewati (bukan spreadsheet, atau berkas kunci Office): {names}")
    if hasil.laporan is None and hasil.per_kiriman is None:
        return lewat[:1].upper() + lewat[1:] if lewat else None

    if en:
        counts = f"{n(t.files)} file{'s' if t.files != 1 else ''}, {n(t.error)} errors, {n(t.warning)} warnings"
    else:
        counts = f"{n(t.files)} berkas, {n(t.error)} galat, {n(t.warning)} peringatan"
    if t.unreadable:
        counts += f", {n(t.unreadable)} {'unreadable' if en else 'tidak terbaca'}"
    parts = []
    if hasil.laporan is not None:
        what = ("Recap" if en else "Rekap") if fmt in ("excel", "html") else ("Report" if en else "Laporan")
        parts.append(f"{what} {'written to' if en else 'ditulis ke'} {hasil.laporan} — {counts}")
    if hasil.anotasi:
        parts.append(f"{'annotated copy' if en else 'salinan beranotasi'}: {hasil.anotasi}")
    if hasil.per_kiriman is not None:
        per = (f"feedback per submission in {hasil.per_kiriman}: {n(hasil.n_kiriman)} summaries, "
               f"{n(hasil.n_anotasi)} annotated copies, recap {Path(hasil.per_kiriman) / 'rekap.xlsx'}") if en else (
               f"umpan balik per kiriman di {hasil.per_kiriman}: {n(hasil.n_kiriman)} ringkasan, "
               f"{n(hasil.n_anotasi)} salinan beranotasi, rekap {Path(hasil.per_kiriman) / 'rekap.xlsx'}")
        if hasil.laporan is None:
            per = per[:1].upper() + per[1:] + f" — {counts}"
        parts.append(per)
    if lewat:
        parts.append(lewat)
    return "; ".join(parts)


# --- other commands -----------------------------------------------------------------------------

def cmd_nomenklatur(args: argparse.Namespace) -> int:
    from .core.label import label_level

    cfg = _config(args)
    nomen = _muat_nomenklatur(cfg)
    if nomen is None:
        raise GagalJalan("sebutkan berkas nomenklatur: --nomenklatur FILE (atau nomenklatur = \"…\" di renja-xl.toml)",
                         "name the nomenclature file: --nomenklatur FILE (or nomenklatur = \"…\" in renja-xl.toml)")
    en = args.lang == "en"
    bidang = args.bidang
    if args.nomen_perintah == "kode":
        e = nomen.cari_kode(args.kode)
        if e is None:
            print(layar(f"{args.kode}: {'not in the nomenclature' if en else 'tidak ada di nomenklatur'} ({nomen.sumber})"))
            return EXIT_FINDINGS
        kode = e.untuk_bidang(bidang or ".".join(args.kode.split(".")[:2]))
        rows = [("kode", kode), ("level", label_level(e.level, args.lang)), ("nomenklatur", e.nama),
                ("kinerja", e.kinerja), ("indikator", e.indikator), ("satuan", e.satuan)]
        if e.kode != kode:
            rows.append(("kode umum" if not en else "generic kode", e.kode))
        for k, v in rows:
            if v:
                print(f"{k:<12} {layar(v)}")  # a nomenclature file is data from outside
        return EXIT_OK
    hits = nomen.cari_nama(" ".join(args.teks), bidang=bidang, n=args.n, batas=0.45)
    if not hits:
        print("no match" if en else "tidak ada yang cocok")
        return EXIT_FINDINGS
    for h in hits:
        sat = f" [{h.entri.satuan}]" if h.entri.satuan else ""
        print(layar(f"{h.skor * 100:5.1f}%  {h.kode:<20} {label_level(h.entri.level, args.lang):<12} {h.entri.nama}{sat}"))
    return EXIT_OK


def cmd_rules(lang: str) -> int:
    from .core.label import label_tingkat
    from .rules import pilih

    for a in pilih():
        nomen = " *" if a.butuh_nomenklatur else ""
        print(f"{a.kode}  {a.slug:<30} {label_tingkat(a.severity, lang):<10} {a.judul(lang)}{nomen}")
    note = ("* perlu --nomenklatur", "* needs --nomenklatur")[lang == "en"]
    print(f"\n{note}")
    return EXIT_OK


def cmd_rule(code: str, lang: str) -> int:
    from .argumen import saran
    from .rules import REGISTRY, muat_semua

    muat_semua()
    key = code.strip().upper()
    a = REGISTRY.get(key) or next((r for r in REGISTRY.values() if r.slug == code.strip().lower()), None)
    if a is None:
        hint = saran(key, list(REGISTRY)) or saran(code.strip().lower(), [r.slug for r in REGISTRY.values()])
        tail = (f"; did you mean {hint}?" if lang == "en" else f"; maksud Anda {hint}?") if hint else ""
        raise GagalJalan(f"aturan '{layar(code)}' tidak dikenal (lihat: renja-xl rules){tail}",
                         f"unknown rule '{layar(code)}' (see: renja-xl rules){tail}")
    print(a.halaman(lang))
    return EXIT_OK


def cmd_ringkasan(args: argparse.Namespace) -> int:
    from .batch import jalankan_ringkasan

    cfg = _batas(_config(args), args)
    return jalankan_ringkasan(tuple(args.paths), cfg, jobs=args.jobs, kemajuan=False if args.no_progress else None)


def cmd_diff(args: argparse.Namespace) -> int:
    from .batch import tujuan
    from .checker import Masukan
    from .diff import bandingkan_hasil
    from .readers import BerkasTidakTerbaca
    from .readers.jaga import Batas, baca_terjaga

    fmt = format_laporan(args.format, args.output, ("text", "json", "excel"))
    if fmt == "excel" and (args.output is None or args.output == "-"):
        raise GagalJalan("--format excel perlu -o LAPORAN.xlsx", "--format excel needs -o REPORT.xlsx")
    for p in (args.lama, args.baru):
        if not Path(p).exists():
            raise GagalJalan(f"tidak ditemukan: {p}", f"not found: {p}")
    cfg = _batas(_config(args), args)
    batas = Batas.dari(cfg)
    dibaca = []
    for path in (args.lama, args.baru):  # each in its own guarded reader: the error names the file
        try:
            dibaca.append(baca_terjaga(path, batas, cfg.peta))
        except BerkasTidakTerbaca as exc:
            raise GagalJalan(f"{path}: {exc.alasan}", f"{path}: {exc.reason}") from exc
    hasil = bandingkan_hasil(*dibaca, args.lama, args.baru)
    inputs = [Masukan(args.lama, Path(args.lama)), Masukan(args.baru, Path(args.baru))]
    from .reports import diff_report

    with tujuan(args.output, inputs, binary=fmt == "excel") as out:
        if fmt == "json":
            diff_report.tulis_json(hasil, out, args.lang)
        elif fmt == "excel":
            diff_report.tulis_excel(hasil, out, args.lang)
        else:
            diff_report.tulis_teks(hasil, out, args.lang)
    if args.output and args.output != "-" and not args.quiet:
        s = hasil.json(args.lang)["summary"]
        en = args.lang == "en"
        print(f"{'Comparison written to' if en else 'Perbandingan ditulis ke'} {args.output} — "
              + (f"{s['berubah']} changed values, {s['ditambah']} rows added, {s['dihapus']} removed" if en else
                 f"{s['berubah']} perubahan nilai, {s['ditambah']} baris ditambah, {s['dihapus']} dihapus"),
              file=sys.stderr)
    return EXIT_FINDINGS if hasil.ada_beda else EXIT_OK


# --- entry point --------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    from .reports.konsol import siapkan_aliran

    argv = list(sys.argv[1:] if argv is None else argv)
    siapkan_aliran()
    lang = bahasa_argumen(argv)
    pasang_bahasa(lang)
    parser = _parser(lang)
    args = parser.parse_args(argv)
    if args.perintah is None:
        parser.print_help()
        return EXIT_USAGE
    lang = getattr(args, "lang", None) or lang
    try:
        if args.perintah == "check":
            return cmd_check(args)
        if args.perintah == "rules":
            return cmd_rules(args.lang)
        if args.perintah == "rule":
            return cmd_rule(args.kode, args.lang)
        if args.perintah == "nomenklatur":
            return cmd_nomenklatur(args)
        if args.perintah == "diff":
            return cmd_diff(args)
        if args.perintah == "ringkasan":
            return cmd_ringkasan(args)
    except GagalJalan as exc:
        print(f"renja-xl: {'error' if lang == 'en' else 'galat'}: {layar(exc.pesan(lang))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("renja-xl: interrupted" if lang == "en" else "renja-xl: dihentikan", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit must not fail again
        return EXIT_PIPE
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
