Attribute VB_Name = "Renja"
' Tombol di sheet Beranda. Setiap tombol menjalankan satu fungsi Python dari paket renja-xl
' lewat RunPython (modul xlwings yang ikut di workbook ini, tanpa add-in xlwings).
' Python yang dipakai diatur di sheet xlwings.conf (Interpreter_Win); lihat docs/excel-windows.md.
' Sumber ini dimasukkan ke workbook oleh workbooks/build_master.py: jangan sunting VBA di dalam
' workbook, sunting berkas ini lalu bangun ulang.
Option Explicit

' Periksa seluruh workbook: temuan ditulis di sheet Hasil Validasi, sel yang salah diberi warna dan catatan.
Sub Validasi()
    RunPython "import renja_xl.xl as rx; rx.validate()"
End Sub

' Tulis ulang pagu setiap kegiatan, program dan perangkat daerah sebagai rumus SUM atas baris anaknya (menurut kode).
Sub HitungUlangRollup()
    RunPython "import renja_xl.xl as rx; rx.recompute_rollups()"
End Sub

' Hapus warna dan catatan yang ditambahkan Validasi; warna dan catatan sebelumnya dikembalikan.
Sub BersihkanTanda()
    RunPython "import renja_xl.xl as rx; rx.clear_marks()"
End Sub
