"""Periksa Pemasangan: what Excel runs, and what to do about each thing that is wrong.

The xlwings problems users report most are an interpreter that is not found (or the wrong one), a
VBA module and a Python package of different xlwings versions, and the xlwings DLL not found. The
**Periksa Pemasangan** button turns them into one click with an answer, in two parts:

* ``macros/Renja.bas`` (``PeriksaPemasangan``) writes what only Excel knows into the ``Pemasangan``
  sheet, columns F–G: the xlwings version of the workbook's VBA module, Excel's version and 32/64
  bit, the Python the buttons and the functions run (as xlwings looks them up), the Conda settings
  and the workbook's address. If Python cannot start at all, the macro itself writes what to do.
* :func:`diagnose` (this module, started by that macro through RunPython) reads those facts, checks
  this Python, xlwings, renja-xl, the Python the worksheet functions will run, the ``xlwings.conf``
  sheet and file, where the workbook is, ``renja-xl.toml`` and the nomenclature file, and writes one
  row per check — what was found, ``OK``/``MASALAH``/``INFO``, and what to do — in columns A–D.

Everything goes through xlwings' Book/Sheet/Range API, so it runs in desktop Excel and on xlwings'
remote engine (the tests).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .nama import SHEET_CONF, SHEET_PEMASANGAN
from .buku import baca_conf, buku_pemanggil, cari_sheet, jalur_buku, sheet_baru, teks_aman

__all__ = ["Cek", "diagnose", "periksa", "baca_fakta", "OK", "MASALAH", "INFO", "KOLOM_FAKTA", "MENUNGGU"]

OK, MASALAH, INFO = "OK", "MASALAH", "INFO"
KOLOM_FAKTA = 6  # F: keys written by the macro, G: values
BARIS_KEPALA = 4
MENUNGGU = "Menunggu Python ..."  # the macro's status text until Python answers (macros/Renja.bas)
KEPALA = ["Pemeriksaan", "Hasil", "Status", "Yang perlu dilakukan"]
UDF_MODULE = "renja_xl.udf"
_PERIKSA_FUNGSI = "import sys, xlwings, renja_xl.udf; print(xlwings.__version__); print(sys.executable)"


@dataclass(slots=True)
class Cek:
    nama: str
    hasil: str
    status: str  # OK | MASALAH | INFO
    saran: str = ""


def baca_fakta(book: Any) -> dict[str, str]:
    """The facts the macro wrote in the Pemasangan sheet (columns F–G), ``{}`` when there are none."""
    sh = cari_sheet(book, SHEET_PEMASANGAN)
    if sh is None:
        return {}
    rng = sh.used_range
    values = rng.options(ndim=2).value
    out: dict[str, str] = {}
    j = KOLOM_FAKTA - rng.column
    for row in values:
        if 0 <= j and j + 1 < len(row) and isinstance(row[j], str) and row[j].strip():
            v = row[j + 1]
            out[row[j].strip()] = "" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
    return out


def _windows() -> bool:
    return sys.platform == "win32"


def _alias_store(path: str) -> bool:
    return "windowsapps" in path.replace("/", "\\").lower()


def _nama_dll(fakta: dict[str, str]) -> str | None:
    versi = fakta.get("xlwings_vba")
    bit = fakta.get("excel_bit") or "64"
    return f"xlwings{bit}-{versi}.dll" if versi else None


def _python_di(path: str) -> str:
    """The console python.exe next to a pythonw.exe (same installation), for running a check."""
    p = Path(path)
    if p.name.lower() == "pythonw.exe" and (p.parent / "python.exe").is_file():
        return str(p.parent / "python.exe")
    return path


def _cek_python(fakta: dict[str, str]) -> Cek:
    ver = ".".join(str(x) for x in sys.version_info[:3])
    bit = 64 if sys.maxsize > 2**32 else 32
    hasil = f"{sys.executable} (Python {ver}, {bit}-bit)"
    tombol = fakta.get("python_tombol", "")
    if tombol in ("python", "pythonw"):
        hasil += "; dicari di PATH karena Interpreter_Win tidak diisi"
    if sys.version_info < (3, 11):
        return Cek("Python yang dijalankan tombol", hasil, MASALAH,
                   "renja-xl butuh Python 3.11 atau lebih baru: pasang Python 3.11 dari python.org dan tulis "
                   "Interpreter_Win (docs/excel-windows.md bagian 1 dan 4).")
    if _alias_store(sys.executable):
        return Cek("Python yang dijalankan tombol", hasil, MASALAH,
                   "Ini Python dari Microsoft Store; pakai Python dari python.org dan tulis Interpreter_Win "
                   "(bagian 4), atau matikan alias di Settings > Apps > App execution aliases.")
    if tombol in ("python", "pythonw"):
        return Cek("Python yang dijalankan tombol", hasil, INFO,
                   "Berjalan, tetapi Python dipilih dari PATH: bila komputer punya beberapa Python, tulis "
                   f"Interpreter_Win = {Path(sys.executable).with_name('pythonw.exe')} (bagian 4).")
    return Cek("Python yang dijalankan tombol", hasil, OK)


def _cek_xlwings(fakta: dict[str, str]) -> Cek:
    import xlwings

    py = xlwings.__version__
    vba = fakta.get("xlwings_vba")
    if not vba:
        return Cek("Versi xlwings (workbook dan Python)", f"Python: {py}; workbook: tidak diketahui", INFO,
                   "Jalankan pemeriksaan ini dari tombol Periksa Pemasangan agar versi modul VBA terbaca.")
    hasil = f"modul VBA di workbook: {vba}; paket Python: {py}"
    if vba != py:
        return Cek("Versi xlwings (workbook dan Python)", hasil, MASALAH,
                   f'Versi harus sama. Di Command Prompt: "{sys.executable}" -m pip install "xlwings=={vba}" '
                   "(atau bangun ulang workbook dengan xlwings baru: docs/excel-windows.md bagian 5b).")
    return Cek("Versi xlwings (workbook dan Python)", hasil, OK)


def _cek_renja() -> Cek:
    import renja_xl

    try:
        import importlib

        mod = importlib.import_module(UDF_MODULE)
        n = sum(1 for k in vars(mod) if k.startswith("RENJA_"))
    except Exception as exc:  # noqa: BLE001 - reported
        return Cek("renja-xl di Python ini", f"{renja_xl.__file__}: {UDF_MODULE} gagal dimuat ({exc})", MASALAH,
                   f'Pasang ulang: "{sys.executable}" -m pip install --force-reinstall renja-xl')
    return Cek("renja-xl di Python ini", f"versi {renja_xl.__version__} di {Path(renja_xl.__file__).parent}; "
               f"{n} fungsi RENJA_", OK)


def _cek_fungsi(fakta: dict[str, str]) -> list[Cek]:
    """The Python the RENJA_ functions run (Interpreter_Win, else pythonw on PATH), the xlwings DLL
    its VBA loads, and whether that Python has renja-xl and the workbook's xlwings version."""
    nama = "Python untuk fungsi RENJA_"
    fungsi = fakta.get("python_fungsi", "")
    if not fungsi:
        return [Cek(nama, "tidak diketahui", INFO, "Jalankan dari tombol Periksa Pemasangan.")]
    out: list[Cek] = []
    dll = _nama_dll(fakta)
    if fungsi in ("python", "pythonw"):
        found = shutil.which(fungsi)
        if found is None:
            if not _windows():
                return [Cek(nama, f"{fungsi} dari PATH", INFO, "Hanya dapat diperiksa di Windows.")]
            return [Cek(nama, f"{fungsi} tidak ada di PATH yang dilihat Excel", MASALAH,
                        f"Tulis Interpreter_Win = {Path(sys.executable).with_name('pythonw.exe')} (bagian 4), lalu "
                        "tutup semua jendela Excel dan buka lagi.")]
        if _alias_store(found):
            return [Cek(nama, f"{fungsi} di PATH adalah alias Microsoft Store ({found})", MASALAH,
                        "Matikan alias python.exe/pythonw.exe di Settings > Apps > App execution aliases, atau tulis "
                        f"Interpreter_Win = {Path(sys.executable).with_name('pythonw.exe')}.")]
        exe = found
        dll_dirs = [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
        where = "di folder PATH"
    else:
        exe = fungsi
        if not Path(exe).is_file():
            return [Cek(nama, f"{exe} tidak ada", MASALAH,
                        "Perbaiki Interpreter_Win (xlwings.conf pengguna atau sheet xlwings.conf): jalur lengkap "
                        f"pythonw.exe, mis. {Path(sys.executable).with_name('pythonw.exe')}.")]
        dll_dirs = [Path(exe).parent, Path(exe).parent.parent]  # installation, or a virtualenv's Scripts\..
        where = f"di {Path(exe).parent} atau {Path(exe).parent.parent}"
    if _windows() and dll:
        if any((d / dll).is_file() for d in dll_dirs):
            out.append(Cek("DLL xlwings untuk fungsi", f"{dll} ditemukan {where}", OK))
        else:
            out.append(Cek("DLL xlwings untuk fungsi", f"{dll} tidak ditemukan {where}", MASALAH,
                           f'Fungsi RENJA_ akan menampilkan "Could not load {dll}" (kolom capaian memakai rumus '
                           f'cadangan). Pasang xlwings versi workbook ke Python itu: "{_python_di(exe)}" -m pip '
                           f'install --force-reinstall "xlwings=={fakta.get("xlwings_vba")}", dan pastikan Excel dan '
                           "Python sama-sama 64-bit (atau 32-bit)."))
    elif dll:
        out.append(Cek("DLL xlwings untuk fungsi", f"{dll}: hanya ada di Windows", INFO))
    try:
        res = subprocess.run([_python_di(exe), "-c", _PERIKSA_FUNGSI], capture_output=True, text=True, timeout=120,
                             creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # no console flash on Windows
    except (OSError, subprocess.TimeoutExpired) as exc:
        out.insert(0, Cek(nama, f"{exe} tidak dapat dijalankan ({exc})", MASALAH,
                          "Perbaiki Interpreter_Win (bagian 4)."))
        return out
    if res.returncode != 0:
        pesan = (res.stderr.strip().splitlines() or ["(tanpa pesan)"])[-1]
        out.insert(0, Cek(nama, f"{exe}: renja-xl atau xlwings tidak dapat dimuat ({pesan})", MASALAH,
                          f'Pasang renja-xl ke Python itu: "{_python_di(exe)}" -m pip install renja-xl, atau tulis '
                          f"Interpreter_Win = {Path(sys.executable).with_name('pythonw.exe')} (Python tombol, yang "
                          "sudah berisi renja-xl)."))
        return out
    versi, lokasi = (res.stdout.strip().splitlines() + ["", ""])[:2]
    vba = fakta.get("xlwings_vba")
    hasil = f"{lokasi or exe}: xlwings {versi}, renja-xl terpasang"
    if vba and versi != vba:
        out.insert(0, Cek(nama, hasil, MASALAH,
                          f'xlwings di Python fungsi ({versi}) berbeda dengan workbook ({vba}): "{_python_di(exe)}" -m pip '
                          f'install "xlwings=={vba}".'))
    else:
        beda = lokasi and Path(lokasi).parent != Path(sys.executable).parent
        out.insert(0, Cek(nama, hasil + ("; Python lain dari Python tombol" if beda else ""),
                          INFO if beda else OK,
                          "Tombol dan fungsi memakai Python berbeda; tulis Interpreter_Win agar keduanya sama." if beda
                          else ""))
    return out


def _cek_conda(fakta: dict[str, str]) -> list[Cek]:
    path, env = fakta.get("conda_path", ""), fakta.get("conda_env", "")
    if not path and not env:
        return []
    if not (path and env):
        return [Cek("Anaconda (Conda Path, Conda Env)", f"Conda Path = {path or '(kosong)'}, Conda Env = {env or '(kosong)'}",
                    MASALAH, "Isi keduanya (mis. Conda Path = C:\\Users\\nama\\anaconda3, Conda Env = base), atau "
                    "hapus keduanya dan pakai Interpreter_Win.")]
    if _windows() and not (Path(path) / "condabin" / "conda.bat").is_file():
        return [Cek("Anaconda (Conda Path, Conda Env)", f"{path}: condabin\\conda.bat tidak ada", MASALAH,
                    "Conda Path harus folder instalasi Anaconda/Miniconda (yang berisi folder condabin).")]
    return [Cek("Anaconda (Conda Path, Conda Env)", f"Conda Path = {path}, Conda Env = {env}", OK,
                "Pasang renja-xl di environment itu: conda activate " + env + " lalu pip install renja-xl.")]


def _cek_conf(book: Any) -> list[Cek]:
    import xlwings

    out: list[Cek] = []
    if cari_sheet(book, SHEET_CONF) is None:
        out.append(Cek("Sheet xlwings.conf", "tidak ada", MASALAH,
                       f"Fungsi RENJA_ tidak menemukan modulnya: buat sheet xlwings.conf dengan A1 = UDF Modules, "
                       f"B1 = {UDF_MODULE} (atau salin dari renja_template.xlsm)."))
    else:
        conf = baca_conf(book)
        kosong = [k for k, v in conf.items() if v is None]
        udf = {k.upper(): v for k, v in conf.items()}.get("UDF MODULES")
        hasil = ", ".join(f"{k} = {v}" if v is not None else f"{k} (kosong)" for k, v in conf.items()) or "(kosong)"
        if kosong:
            out.append(Cek("Sheet xlwings.conf", hasil, MASALAH,
                           f"Hapus baris {', '.join(kosong)}: kunci tanpa nilai membuat xlwings tidak membaca "
                           "%USERPROFILE%\\.xlwings\\xlwings.conf (xlwings berhenti pada kunci yang ada di sheet)."))
        elif udf != UDF_MODULE:
            out.append(Cek("Sheet xlwings.conf", hasil, MASALAH, f"UDF Modules harus {UDF_MODULE}."))
        else:
            out.append(Cek("Sheet xlwings.conf", hasil, OK))
    user = Path(xlwings.USER_CONFIG_FILE)
    if user.is_file():
        from xlwings.utils import read_user_config

        cfg = read_user_config()
        interp = cfg.get("interpreter_win")
        if interp and not Path(interp).is_file() and _windows():
            out.append(Cek("xlwings.conf pengguna", f"{user}: Interpreter_Win = {interp} (tidak ada)", MASALAH,
                           f'Jalankan: "{sys.executable}" -m xlwings config create --force'))
        else:
            isi = ", ".join(f"{k} = {v}" for k, v in cfg.items()) or "(kosong)"
            out.append(Cek("xlwings.conf pengguna", f"{user}: {isi}", OK))
    else:
        out.append(Cek("xlwings.conf pengguna", f"{user} tidak ada", INFO,
                       f'Agar semua workbook memakai Python ini: "{sys.executable}" -m xlwings config create '
                       "(menulis Interpreter_Win ke berkas itu; bagian 4)."))
    return out


def _cek_lokasi(book: Any) -> tuple[Cek, Path | None]:
    full, why = jalur_buku(book)
    nama = "Lokasi workbook"
    if full is None:
        if why:
            return Cek(nama, str(getattr(book, "fullname", "")), MASALAH, why), None
        return Cek(nama, f"{book.name}: belum disimpan, atau bukan berkas di komputer ini", INFO,
                   "Simpan workbook sebagai .xlsm di folder kerja agar renja-xl.toml di sampingnya terbaca."), None
    teks = str(full)
    low = teks.lower()
    if full.suffix.lower() != ".xlsm":
        return Cek(nama, teks, MASALAH, "Simpan sebagai Excel Macro-Enabled Workbook (.xlsm): format lain "
                   "membuang tombol dan makro."), full
    if any(k in low for k in ("\\content.outlook\\", "\\inetcache\\", "\\temporary internet files\\", "\\appdata\\local\\temp\\")):
        return Cek(nama, teks, MASALAH, "Workbook dibuka langsung dari lampiran email atau unduhan (folder sementara): "
                   "simpan dulu ke folder kerja, buka blokirnya (Properties > Unblock), lalu buka dari sana."), full
    if teks.startswith("\\\\"):
        return Cek(nama, teks, INFO, "Workbook di folder jaringan: agar makro berjalan, folder ini harus Trusted Location "
                   "dengan 'Allow Trusted Locations on my network' dicentang (bagian 2)."), full
    return Cek(nama, teks, OK), full


def _cek_konfigurasi(full: Path | None) -> tuple[Cek, Any]:
    from ..core.config import Konfigurasi, KonfigurasiTidakValid, cari_konfigurasi, muat_konfigurasi

    nama = "Pengaturan renja-xl (renja-xl.toml)"
    if full is None:
        return Cek(nama, "tidak dicari (lokasi workbook tidak diketahui)", INFO), Konfigurasi.bawaan()
    found = cari_konfigurasi(full)
    if found is None:
        return Cek(nama, f"tidak ada renja-xl.toml di {full.parent} atau folder di atasnya", INFO,
                   "Pengaturan bawaan dipakai. Bila perlu (aturan, ambang, nomenklatur), letakkan renja-xl.toml di "
                   "folder workbook (bagian 4)."), Konfigurasi.bawaan()
    try:
        return Cek(nama, str(found), OK), muat_konfigurasi(found)
    except KonfigurasiTidakValid as exc:
        return Cek(nama, f"{found}: tidak valid ({exc})", MASALAH,
                   "Perbaiki berkas itu; sampai diperbaiki, Validasi memakai pengaturan bawaan."), Konfigurasi.bawaan()


def _cek_nomenklatur(config: Any) -> Cek:
    nama = "Nomenklatur Kepmendagri"
    path = config.path_nomenklatur() if config.nomenklatur else None
    asal = f"nomenklatur = \"{config.nomenklatur}\" di {config.sumber}" if path is not None else ""
    if path is None and os.environ.get("RENJA_XL_NOMENKLATUR"):
        path = Path(os.environ["RENJA_XL_NOMENKLATUR"])
        asal = "variabel lingkungan RENJA_XL_NOMENKLATUR"
    if path is None:
        return Cek(nama, "belum diatur", INFO,
                   "K005 dan S005 tidak diperiksa, RENJA_NOMENKLATUR dan RENJA_SATUAN_BAKU memberi pesan. Untuk "
                   "memakainya: tulis nomenklatur = \"lampiran.xlsx\" di renja-xl.toml (bagian 4).")
    if not path.is_file():
        return Cek(nama, f"{path} tidak ada ({asal})", MASALAH,
                   "Perbaiki jalurnya (relatif terhadap folder renja-xl.toml) atau salin berkas lampiran ke sana; "
                   "sampai diperbaiki K005 dan S005 tidak diperiksa.")
    from ..nomenklatur import NomenklaturTidakTerbaca, muat_nomenklatur

    try:
        nomen = muat_nomenklatur(path)
    except (NomenklaturTidakTerbaca, OSError) as exc:
        return Cek(nama, f"{path}: tidak terbaca ({exc})", MASALAH,
                   "Pakai berkas lampiran Kepmendagri (xlsx, kode per kolom) atau CSV dengan kolom kode.")
    return Cek(nama, f"{path} ({asal}; {len(nomen)} kode)", OK)


def periksa(book: Any) -> list[Cek]:
    """Every check, in the order the sheet shows them (nothing is written)."""
    fakta = baca_fakta(book)
    hasil = [_cek_python(fakta), _cek_xlwings(fakta), _cek_renja()]
    hasil += _cek_fungsi(fakta)
    hasil += _cek_conda(fakta)
    hasil += _cek_conf(book)
    lokasi, full = _cek_lokasi(book)
    hasil.append(lokasi)
    cek_cfg, config = _cek_konfigurasi(full)
    hasil += [cek_cfg, _cek_nomenklatur(config)]
    if fakta.get("excel_versi"):
        hasil.insert(0, Cek("Excel", f"versi {fakta['excel_versi']}, {fakta.get('excel_bit', '?')}-bit", INFO))
    return hasil


def diagnose(book: Any = None) -> list[Cek]:
    """Run every check on ``book`` (default: the workbook whose button was pressed) and write the
    result into its ``Pemasangan`` sheet, columns A–D (the macro's facts in F–G are kept)."""
    book = buku_pemanggil(book)
    hasil = periksa(book)
    sh = sheet_baru(book, SHEET_PEMASANGAN)
    used = sh.used_range
    last = used.row + used.shape[0] - 1
    sh.range((1, 1), (max(last, BARIS_KEPALA + len(hasil)), len(KEPALA))).clear_contents()
    masalah = [c for c in hasil if c.status == MASALAH]
    waktu = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    status = (f"Selesai {waktu}: semua baik." if not masalah else
              f"Selesai {waktu}: {len(masalah)} masalah - lihat kolom D pada baris MASALAH.")
    sh.range("A1").value = "Periksa Pemasangan renja-xl"
    sh.range("A2").value = status
    rows = [KEPALA] + [[c.nama, teks_aman(c.hasil), c.status, teks_aman(c.saran)] for c in hasil]
    block = sh.range((BARIS_KEPALA, 1), (BARIS_KEPALA + len(rows) - 1, len(KEPALA)))
    block.number_format = "@"
    block.value = rows
    try:
        sh.range((BARIS_KEPALA, 1), (BARIS_KEPALA, len(KEPALA))).color = (217, 225, 242)
        for i, c in enumerate(hasil, start=BARIS_KEPALA + 1):
            if c.status == MASALAH:
                sh.range((i, 3)).color = (255, 199, 206)
        sh.range("A1").font.bold = True
    except (NotImplementedError, AttributeError):
        pass
    try:
        if book.app.engine.name == "excel":
            for col, w in {"A": 32, "B": 60, "C": 10, "D": 80, "F": 16, "G": 40}.items():
                sh.range(f"{col}1").column_width = w
            sh.range((BARIS_KEPALA + 1, 2), (BARIS_KEPALA + len(hasil), 4)).wrap_text = True
    except Exception:  # noqa: BLE001 - layout only
        pass
    sh.activate()
    return hasil
