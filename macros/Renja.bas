Attribute VB_Name = "Renja"
' Tombol di sheet Beranda. Setiap tombol menjalankan satu fungsi Python dari paket renja-xl
' lewat RunPython (modul xlwings yang ikut di workbook ini, tanpa add-in xlwings).
' Python yang dipakai diatur lewat Interpreter_Win; lihat docs/excel-windows.md bagian 4.
' Sumber ini dimasukkan ke workbook oleh workbooks/build_master.py: jangan sunting VBA di dalam
' workbook, sunting berkas ini lalu bangun ulang.
Option Explicit

Private Const SHEET_PEMASANGAN As String = "Pemasangan"
Private Const MENUNGGU As String = "Menunggu Python ..."

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

' Periksa pemasangan. Bagian ini mencatat di sheet Pemasangan (kolom F dan G) apa yang hanya diketahui
' Excel: versi modul xlwings di workbook, Excel 32/64-bit, Python yang dipakai tombol dan fungsi
' (seperti xlwings mencarinya). Lalu Python menilai semuanya (renja_xl.xl.diagnose) dan menulis
' hasil serta cara memperbaikinya. Bila Python tidak berjalan sama sekali, bagian ini yang menuliskan
' apa yang harus dilakukan.
Sub PeriksaPemasangan()
    Dim sh As Worksheet
    Dim tombol As String, fungsi As String
    Dim baris() As String
    Dim i As Long

    Set sh = LembarPemasangan()
    sh.Cells.ClearContents
    tombol = PythonTombol()
    fungsi = PythonFungsi()
    sh.Range("A1").Value = "Periksa Pemasangan renja-xl"
    sh.Range("A2").Value = MENUNGGU
    sh.Range("F3").Value = "Dari Excel (VBA)"
    TulisFakta sh, 4, "xlwings_vba", XLWINGS_VERSION
    TulisFakta sh, 5, "excel_versi", Application.Version
    TulisFakta sh, 6, "excel_bit", BitExcel()
    TulisFakta sh, 7, "python_tombol", tombol
    TulisFakta sh, 8, "python_fungsi", fungsi
    TulisFakta sh, 9, "conda_path", GetConfig("CONDA PATH")
    TulisFakta sh, 10, "conda_env", GetConfig("CONDA ENV")
    TulisFakta sh, 11, "workbook", ThisWorkbook.FullName
    sh.Activate

    RunPython "import renja_xl.xl as rx; rx.diagnose()"

    If CStr(sh.Range("A2").Value) = MENUNGGU Then
        baris = Split(PesanGagal(tombol), vbLf)
        sh.Range("A2").Value = baris(0)
        For i = 1 To UBound(baris)
            sh.Cells(2 + i, 1).Value = baris(i)
        Next i
    End If
End Sub

' Apa yang harus dilakukan bila Python tidak berjalan dari Excel (baris dipisah vbLf).
Function PesanGagal(python As String) As String
    Dim s As String
    s = "Python tidak berjalan dari Excel, atau renja-xl tidak terpasang di Python yang dipakai Excel." & vbLf
    s = s & "Python yang dipakai tombol: " & python & vbLf
    s = s & "Baca pesan galat xlwings yang baru muncul, lalu:" & vbLf
    s = s & "- 'python' is not recognized, Could not find Interpreter, atau Python was not found: Python tidak ditemukan. "
    s = s & "Pasang Python 3.11 dari python.org, lalu tutup SEMUA jendela Excel dan buka lagi (Excel membaca PATH saat dibuka); "
    s = s & "atau tulis Interpreter_Win (docs/excel-windows.md bagian 4)." & vbLf
    s = s & "- Microsoft Store terbuka, atau pesan menyebut Microsoft Store: yang terpanggil adalah alias Microsoft Store. "
    s = s & "Matikan alias python.exe dan python3.exe di Settings > Apps > Advanced app settings > App execution aliases, "
    s = s & "atau tulis Interpreter_Win." & vbLf
    s = s & "- No module named 'renja_xl' atau 'xlwings': renja-xl belum terpasang di Python itu. Di Command Prompt: "
    s = s & Chr(34) & python & Chr(34) & " -m pip install renja-xl (tanpa internet: dari folder wheel, bagian 1)." & vbLf
    s = s & "- Access is denied, atau tidak ada pesan apa pun: antivirus atau kebijakan kantor melarang Excel "
    s = s & "menjalankan program (bagian 5c); hubungi admin TI."
    PesanGagal = s
End Function

' Python untuk tombol, seperti RunPython mencarinya: Interpreter_Win, lalu Interpreter, lalu python di PATH.
Function PythonTombol() As String
    PythonTombol = GetConfig("INTERPRETER_WIN", "")
    If PythonTombol = "" Then PythonTombol = GetConfig("INTERPRETER", "python")
End Function

' Python untuk fungsi RENJA_: Interpreter_Win, lalu Interpreter, lalu pythonw di PATH.
Function PythonFungsi() As String
    PythonFungsi = GetConfig("INTERPRETER_WIN", "")
    If PythonFungsi = "" Then PythonFungsi = GetConfig("INTERPRETER", "pythonw")
End Function

Private Function BitExcel() As String
    #If Win64 Then
        BitExcel = "64"
    #Else
        BitExcel = "32"
    #End If
End Function

Private Function LembarPemasangan() As Worksheet
    Dim sh As Worksheet
    On Error Resume Next
    Set sh = ThisWorkbook.Worksheets(SHEET_PEMASANGAN)
    On Error GoTo 0
    If sh Is Nothing Then
        Set sh = ThisWorkbook.Worksheets.Add(After:=ThisWorkbook.Worksheets(ThisWorkbook.Worksheets.Count))
        sh.Name = SHEET_PEMASANGAN
    End If
    Set LembarPemasangan = sh
End Function

Private Sub TulisFakta(sh As Worksheet, ByVal baris As Long, ByVal kunci As String, ByVal nilai As String)
    sh.Cells(baris, 6).Value = kunci
    sh.Cells(baris, 7).NumberFormat = "@"
    sh.Cells(baris, 7).Value = nilai
End Sub
