"""Command line: ``renja-xl check``, ``rules``, ``rule``, ``nomenklatur``, ``diff``, ``ringkasan``
(see ``renja-xl --help``).

The CLI turns its arguments into a configuration and a typed request (:class:`PermintaanCheck`);
nothing below it sees argparse. Imports stay lazy: a command does not pay for libraries it does
not use (openpyxl for the Excel recap). Exit statuses: :mod:`renja_xl.core.errors`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .reports.layar import layar
from .core.errors import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE, EXIT_USAGE, GagalJalan


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a short message, as the contract says
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"renja-xl: galat: {message}\n")


def _codes(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()]


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="renja-xl",
        description="Pemeriksa Renja (Rencana Kerja Perangkat Daerah): rollup pagu, konsistensi target, "
        "capaian, satuan, kode. / Checks Indonesian local-government work plans (Renja).",
    )
    p.add_argument("--version", action="version", version=f"renja-xl {__version__}")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)

    c = sub.add_parser("check", help="periksa workbook Renja (berkas, folder atau .zip)",
                       description="Periksa workbook Renja: berkas .xlsx/.xlsm/.xls/.xlsb/.ods, folder (rekursif) atau .zip.")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=("text", "json", "excel", "html"), default=None,
                   help="bentuk laporan (bawaan: text)")
    c.add_argument("-o", "--output", metavar="OUT", help="tulis laporan ke berkas ini (bawaan: layar)")
    c.add_argument("--select", metavar="CODES", help="hanya aturan ini (kode atau awalan: A,T002)")
    c.add_argument("--ignore", metavar="CODES", help="abaikan aturan ini (kode atau awalan)")
    c.add_argument("--nomenklatur", metavar="FILE", help="berkas nomenklatur Kepmendagri (.xlsx atau .csv)")
    c.add_argument("--periode", type=str.upper, choices=("TW1", "TW2", "TW3", "TW4"), help="periode laporan realisasi")
    c.add_argument("--jobs", type=int, default=None, metavar="N", help="jumlah proses paralel (bawaan: jumlah inti)")
    c.add_argument("--lang", choices=("id", "en"), default=None, help="bahasa pesan (bawaan: id)")
    c.add_argument("--config", metavar="FILE", help="berkas konfigurasi (bawaan: renja-xl.toml atau [tool.renja-xl] di "
                   "folder kerja atau induknya; tidak pernah dari masukan)")
    c.add_argument("--percayai-pengecualian", action="store_true",
                   help="hormati sheet Pengecualian di dalam kiriman (bawaan: hanya dicantumkan sebagai klaim pengirim)")
    c.add_argument("--baseline", metavar="PREVIOUS.json", help="laporan JSON putaran sebelumnya (baru/masih ada/selesai)")
    c.add_argument("--batas-waktu", type=float, default=None, metavar="DETIK", help="batas waktu per berkas")
    c.add_argument("--batas-ukuran", type=float, default=None, metavar="MB", help="batas ukuran per berkas")
    c.add_argument("--batas-memori", type=float, default=None, metavar="MB", help="batas memori per berkas (juga untuk salinan beranotasi)")
    c.add_argument("--no-color", action="store_true", help="tanpa warna")
    c.add_argument("--no-progress", action="store_true", help="tanpa bilah kemajuan")

    r = sub.add_parser("rules", help="daftar aturan (katalog)")
    r.add_argument("--lang", choices=("id", "en"), default="id")
    r1 = sub.add_parser("rule", help="dokumentasi satu aturan")
    r1.add_argument("kode", metavar="CODE")
    r1.add_argument("--lang", choices=("id", "en"), default="id")

    n = sub.add_parser("nomenklatur", help="cari di nomenklatur Kepmendagri (berkas milik pengguna)")
    nsub = n.add_subparsers(dest="nomen_perintah", metavar="cari|kode", parser_class=_Parser, required=True)
    nc = nsub.add_parser("cari", help="cari nama program/kegiatan/sub kegiatan")
    nc.add_argument("teks", nargs="+", metavar="TEKS")
    nc.add_argument("-n", type=int, default=10, help="jumlah hasil (bawaan 10)")
    nk = nsub.add_parser("kode", help="satu entri: nama, indikator, satuan")
    nk.add_argument("kode", metavar="KODE")
    for sp in (nc, nk):
        sp.add_argument("--nomenklatur", metavar="FILE", help="berkas nomenklatur (.xlsx lampiran atau .csv)")
        sp.add_argument("--bidang", metavar="U.BB", help="bidang perangkat daerah, mis. 1.06 (untuk kode X.XX)")
        sp.add_argument("--config", metavar="FILE")
        sp.add_argument("--lang", choices=("id", "en"), default="id")

    d = sub.add_parser("diff", help="bandingkan dua versi satu Renja (mis. Renja dan Renja Perubahan)",
                       description="Bandingkan tabel rencana dua versi satu Renja: pagu, target dan satuan per kode, "
                       "sub kegiatan yang ditambah dan dihapus, dan perubahan total. Status keluar: 0 sama, 1 berbeda, 2 galat.")
    d.add_argument("lama", metavar="OLD")
    d.add_argument("baru", metavar="NEW")
    d.add_argument("--format", choices=("text", "json", "excel"), default="text", help="bentuk laporan (bawaan: text)")
    d.add_argument("-o", "--output", metavar="OUT", help="tulis laporan ke berkas ini (bawaan: layar)")
    d.add_argument("--lang", choices=("id", "en"), default="id")

    s = sub.add_parser("ringkasan", help="tabel yang dikenali dalam workbook dan total pagunya")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--lang", choices=("id", "en"), default="id")
    for sp in (d, s):  # the same limits as check: every command that opens a submission is guarded
        sp.add_argument("--config", metavar="FILE", help="berkas konfigurasi (bawaan: renja-xl.toml di folder kerja)")
        sp.add_argument("--batas-waktu", type=float, default=None, metavar="DETIK", help="batas waktu per berkas")
        sp.add_argument("--batas-ukuran", type=float, default=None, metavar="MB", help="batas ukuran per berkas")
        sp.add_argument("--batas-memori", type=float, default=None, metavar="MB", help="batas memori per berkas")
    return p


def _config(args: argparse.Namespace):
    from .core.config import (
        Konfigurasi,
        KonfigurasiTidakValid,
        cari_konfigurasi,
        di_dalam,
        muat_konfigurasi,
    )

    try:
        if getattr(args, "config", None):
            if not Path(args.config).is_file():
                raise GagalJalan(f"berkas konfigurasi tidak ditemukan: {args.config}")
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
        raise GagalJalan(f"konfigurasi tidak valid: {exc}") from exc
    except ValueError as exc:
        raise GagalJalan(str(exc)) from exc


def permintaan_check(args: argparse.Namespace):
    """The typed request of ``renja-xl check``."""
    from .batch import PermintaanCheck

    return PermintaanCheck(
        paths=tuple(args.paths),
        format=args.format or "text",
        output=args.output,
        jobs=args.jobs,
        baseline=args.baseline,
        warna=False if (args.no_color or args.output) else None,
        kemajuan=False if args.no_progress else None,
    )


def cmd_check(args: argparse.Namespace) -> int:
    from .batch import jalankan_check

    cfg = _config(args)
    from .rules.registry import kode_tidak_dikenal

    bad = kode_tidak_dikenal([*cfg.select, *cfg.ignore])
    if bad:
        raise GagalJalan(f"kode aturan tidak dikenal: {', '.join(bad)} (lihat: renja-xl rules)")
    cfg = cfg.dengan(batas_waktu=args.batas_waktu, batas_ukuran=args.batas_ukuran, batas_memori=args.batas_memori,
                     percayai_pengecualian=True if args.percayai_pengecualian else None)
    return jalankan_check(permintaan_check(args), cfg)


def _muat_nomenklatur(cfg):
    """The nomenclature the configuration names, or None; exit 2 when it cannot be read."""
    from .nomenklatur import NomenklaturTidakTerbaca, muat_dari_konfigurasi

    try:
        return muat_dari_konfigurasi(cfg)
    except NomenklaturTidakTerbaca as exc:
        raise GagalJalan(f"nomenklatur tidak dapat dibaca: {exc}") from exc


def cmd_nomenklatur(args: argparse.Namespace) -> int:
    cfg = _config(args)
    nomen = _muat_nomenklatur(cfg)
    if nomen is None:
        raise GagalJalan("sebutkan berkas nomenklatur: --nomenklatur FILE (atau nomenklatur = \"…\" di renja-xl.toml)")
    en = args.lang == "en"
    bidang = args.bidang
    if args.nomen_perintah == "kode":
        e = nomen.cari_kode(args.kode)
        if e is None:
            print(layar(f"{args.kode}: {'not in the nomenclature' if en else 'tidak ada di nomenklatur'} ({nomen.sumber})"))
            return EXIT_FINDINGS
        kode = e.untuk_bidang(bidang or ".".join(args.kode.split(".")[:2]))
        from .core.label import label_level

        rows = [("kode", kode), ("level", label_level(e.level, args.lang)), ("nomenklatur", e.nama),
                ("kinerja", e.kinerja), ("indikator", e.indikator), ("satuan", e.satuan)]
        if e.kode != kode:
            rows.append(("kode umum" if not en else "generic kode", e.kode))
        for k, v in rows:
            if v:
                print(f"{k:<12} {layar(v)}")  # a nomenclature file is data from outside
        return EXIT_OK
    from .core.label import label_level

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
    from .rules import REGISTRY, muat_semua

    muat_semua()
    key = code.strip().upper()
    a = REGISTRY.get(key) or next((r for r in REGISTRY.values() if r.slug == code.strip().lower()), None)
    if a is None:
        print(f"renja-xl: aturan '{layar(code)}' tidak dikenal (lihat: renja-xl rules)", file=sys.stderr)
        return EXIT_USAGE
    print(a.halaman(lang))
    return EXIT_OK


def _batas(args: argparse.Namespace, cfg):
    """The per-file limits of a command: the configuration's, overridden by --batas-*."""
    from .readers.jaga import Batas

    cfg = cfg.dengan(batas_waktu=args.batas_waktu, batas_ukuran=args.batas_ukuran, batas_memori=args.batas_memori)
    return Batas.dari(cfg)


def cmd_ringkasan(args: argparse.Namespace) -> int:
    from .readers import BerkasTidakTerbaca
    from .readers.jaga import baca_terjaga
    from .reports.ringkasan import tulis_ringkasan, tulis_tak_terbaca

    lang = args.lang
    cfg = _config(args)
    batas = _batas(args, cfg)
    status = EXIT_OK
    out = sys.stdout
    for path in args.paths:
        try:
            hasil = baca_terjaga(path, batas, cfg.peta)
        except BerkasTidakTerbaca as exc:
            tulis_tak_terbaca(path, exc.alasan if lang == "id" else exc.reason, out, lang)
            status = EXIT_FINDINGS
            continue
        tulis_ringkasan(path, hasil.tables, hasil.sheets, out, lang)
    out.flush()
    return status


def cmd_diff(args: argparse.Namespace) -> int:
    from .batch import tujuan
    from .checker import Masukan
    from .diff import bandingkan_hasil
    from .readers import BerkasTidakTerbaca

    if args.format == "excel" and (args.output is None or args.output == "-"):
        raise GagalJalan("--format excel perlu -o LAPORAN.xlsx")
    from .readers.jaga import baca_terjaga

    cfg = _config(args)
    batas = _batas(args, cfg)
    dibaca = []
    for path in (args.lama, args.baru):  # each in its own guarded reader: the error names the file
        try:
            dibaca.append(baca_terjaga(path, batas, cfg.peta))
        except BerkasTidakTerbaca as exc:
            raise GagalJalan(f"{path}: {exc.reason if args.lang == 'en' else exc.alasan}") from exc
    hasil = bandingkan_hasil(*dibaca, args.lama, args.baru)
    inputs = [Masukan(args.lama, Path(args.lama)), Masukan(args.baru, Path(args.baru))]
    from .reports import diff_report

    with tujuan(args.output, inputs, binary=args.format == "excel") as out:
        if args.format == "json":
            diff_report.tulis_json(hasil, out, args.lang)
        elif args.format == "excel":
            diff_report.tulis_excel(hasil, out, args.lang)
        else:
            diff_report.tulis_teks(hasil, out, args.lang)
    return EXIT_FINDINGS if hasil.ada_beda else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.perintah is None:
        parser.print_help()
        return EXIT_USAGE
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
        print(f"renja-xl: galat: {layar(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("renja-xl: dihentikan", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit must not fail again
        return EXIT_PIPE
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
