"""E007 identitas-bentrok: who sent this submission is in doubt. Raised by the checker (the title
against the folder) and by the batch run (two submissions with one identity, byte-identical files,
a round paired by choice); documented here."""

from __future__ import annotations

from ..registry import Dok, aturan


@aturan(
    "E007", "identitas-bentrok", "warning",
    id=Dok(
        judul="Identitas kiriman bentrok",
        apa="Identitas sebuah kiriman (pemda, perangkat daerah, tahun, dokumen) diragukan: judul tabel menyebut "
        "pemda lain daripada folder atau nama berkasnya; dua kiriman dalam satu pemeriksaan mempunyai identitas "
        "yang sama; isi dua berkas sama persis byte demi byte; atau, dengan `--baseline`, putaran sebelumnya "
        "mempunyai lebih dari satu kiriman dengan identitas ini sehingga renja-xl harus memilih pasangannya "
        "(disebutkan mana yang dipilih dan mengapa). Temuan tingkat berkas, pada kiriman yang datang kemudian.",
        mengapa="Rekap per pemda dan per perangkat daerah, umpan balik per kiriman dan perbandingan antarputaran "
        "bergantung pada identitas. Berkas yang salah tempat, terkirim dua kali, atau disalin untuk perangkat "
        "daerah lain akan dihitung dua kali atau dibandingkan dengan kiriman yang salah.",
        contoh="`kab_toraja_utara/dinsos.xlsx` yang judulnya RENJA DINAS SOSIAL KABUPATEN LUWU; "
        "`dinsos.xlsx` dan `dinsos (1).xlsx` dengan isi yang sama.",
        perbaikan="Periksa berkas mana yang benar: pindahkan berkas ke folder pemdanya, hapus salinan yang "
        "terkirim dua kali, atau perbaiki judul tabel. Untuk `--baseline`, kirim satu berkas per perangkat daerah "
        "pada setiap putaran.",
    ),
    en=Dok(
        judul="Submission identity in conflict",
        apa="Who sent a submission (pemda, office, year, document) is in doubt: the table title names another "
        "pemda than its folder or file name; two submissions of one check have the same identity; two files are "
        "byte-identical; or, with `--baseline`, the previous round has more than one submission with this identity "
        "so renja-xl had to choose its pair (it says which and why). A file-level finding, on the submission "
        "that comes later.",
        mengapa="The recaps per pemda and office, the feedback per submission and the comparison between rounds "
        "rest on the identity. A misplaced file, one sent twice, or one copied for another office is counted "
        "twice or compared with the wrong submission.",
        contoh="`kab_toraja_utara/dinsos.xlsx` whose title reads RENJA DINAS SOSIAL KABUPATEN LUWU; "
        "`dinsos.xlsx` and `dinsos (1).xlsx` with the same content.",
        perbaikan="Find out which file is right: move it to its pemda's folder, remove the copy sent twice, or "
        "correct the table title. For `--baseline`, send one file per office in every round.",
    ),
    berkas=True,
)
def periksa(ctx):
    return ()  # the checker and the batch run report E007: they know the paths and the other files
