"""Small submissions for batch tests: generated plan tables with the office and pemda in the title."""

from __future__ import annotations

from pathlib import Path

from tests import synth

JUDUL = ["TABEL 4.1", "RENCANA PROGRAM DAN KEGIATAN {opd} {pemda} TAHUN {y0} DAN PRAKIRAAN MAJU {y1}"]


def kiriman(path: Path, pemda: str = "KABUPATEN LUWU", opd: str = "DINAS SOSIAL", seed: int = 1,
            ubah: dict | None = None, years=(2025, 2026), n_program: int = 2, judul: list[str] | None = None,
            bidang=("1", "06")) -> synth.Renja:
    """Write one submission; returns its Renja tree (to know the kode and values planted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    renja = synth.buat_renja(seed=seed, nama_opd=opd, pemda=pemda, years=years, n_program=n_program, bidang=bidang)
    synth.simpan(path, [("Tabel 4.1", renja, synth.Tata(judul=judul or JUDUL), ubah)])
    return renja


def sub_kegiatan(renja: synth.Renja) -> list[synth.Baris]:
    return [b for b in renja.rows if len(b.kode) == 6]


def kegiatan(renja: synth.Renja) -> list[synth.Baris]:
    return [b for b in renja.rows if len(b.kode) == 5]


def dotted(b: synth.Baris) -> str:
    return ".".join(b.kode)
