"""E004 kolom-tidak-dipahami: the reader is not sure of some columns of a table, and says so once."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "E004", "kolom-tidak-dipahami", "info",
    id=Dok(
        judul="Kolom tabel tidak dipahami dengan pasti",
        apa="Sebuah tabel dikenali, tetapi sebagian kolomnya tidak dapat dipastikan artinya dari kata-kata "
        "header-nya (misalnya dua kolom sama-sama dapat berarti target tahun yang sama, atau kolom pagu tidak "
        "ditemukan). Satu temuan per tabel menyebutkan apa yang tidak dipahami. Aturan yang memerlukan kolom itu "
        "tidak dijalankan pada tabel tersebut.",
        mengapa="renja-xl tidak pernah menebak arti kolom: menilai angka sebagai salah tanpa tahu artinya akan "
        "menghasilkan temuan palsu. Lebih baik mengatakan apa yang tidak dipahami dan membiarkan pengguna "
        "menetapkannya.",
        contoh="Tabel dengan kolom `target_indikator`, `target_kinerja` dan `target_keluaran` tanpa kolom "
        "`target` biasa: aturan target (T004, S004) tidak dijalankan.",
        perbaikan="Lihat pembacaan tabel dengan `renja-xl ringkasan BERKAS`, lalu tetapkan jenis tabel dan arti "
        "kolomnya dengan `[[peta]]` di `renja-xl.toml` atau sheet **Peta Kolom** (lihat "
        "`docs/format-didukung.md`).",
    ),
    en=Dok(
        judul="Table columns not understood for certain",
        apa="A table was recognised, but what some of its columns hold cannot be told for certain from their "
        "header words (e.g. two columns may both be the target of one year, or no pagu column was found). One "
        "finding per table says what was not understood. Rules that need those columns do not run on that table.",
        mengapa="renja-xl never guesses what a column means: calling a number wrong without knowing what it is "
        "would give false findings. It says what it did not understand and lets the user set it.",
        contoh="A table with columns `target_indikator`, `target_kinerja` and `target_keluaran` and no plain "
        "`target`: the target rules (T004, S004) do not run.",
        perbaikan="Look at how the table was read with `renja-xl ringkasan FILE`, then set the table's kind and "
        "its columns with `[[peta]]` in `renja-xl.toml` or a **Peta Kolom** sheet (see `docs/format-didukung.md`).",
    ),
)
def periksa(ctx, t):
    if not t.ragu:
        return
    yield ctx.temuan(
        t, None, None,
        f"Tabel {t.kind} di baris {t.first_row}–{t.last_row}: " + "; ".join(r[0] for r in t.ragu),
        f"Table {t.kind} on rows {t.first_row}–{t.last_row}: " + "; ".join(r[1] for r in t.ragu),
        baris=t.header_rows[0] if t.header_rows else t.first_row,
    )
