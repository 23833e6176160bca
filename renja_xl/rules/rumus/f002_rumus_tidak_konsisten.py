"""F002 rumus-tidak-konsisten: one formula whose relative shape differs from its peers' (across the
parallel columns of its row, or down its column among rows of the same level)."""

from __future__ import annotations

from collections import Counter, defaultdict

from ...core.alamat import alamat, indeks_kolom
from ...core.angka import parse_angka
from ...readers.rumus import geser, jumlah
from ..context import angka, rp
from ..registry import Dok, aturan
from .common import analisis_jumlah, kolom_tabel, nama_sel_kolom, rumus_tabel

MIN_SEJAWAT = 3  # at least this many peers share the shape …
PORSI = 0.75  # … and at least this share of the group's formulas


@aturan(
    "F002", "rumus-tidak-konsisten", "warning",
    id=Dok(
        judul="Rumus berbeda dari rumus sejawatnya",
        apa="Satu rumus yang bentuk relatifnya (R1C1: rujukan dihitung dari sel itu sendiri) berbeda dari rumus "
        "sejawatnya, padahal kerangkanya sama: di sepanjang baris pada kolom-kolom sejajar (tahun 1…5, TW I…IV, "
        "sebelum/sesudah), atau ke bawah pada satu kolom di antara baris setingkat (`=M64+AF64` sementara baris-baris "
        "sekitarnya `=M63+AC63`, `=M65+AC65`). Rumus yang diharapkan disebutkan. Sejawat dianggap mapan bila paling "
        "sedikit tiga sel dan tiga perempat rumus kelompoknya berbentuk sama. Hanya rumus yang menghitung dalam "
        "barisnya sendiri yang dibandingkan; rumus penjumlah ke bawah (induk, JUMLAH) dinilai F001 menurut kode. "
        "Kolom yang artinya tidak dipahami pembaca (`diabaikan` di peta kolom: bobot/TTB, kolom periksa di samping "
        "tabel) tidak dinilai. "
        "Tingkat **peringatan**; **galat** bila rumus yang diharapkan adalah penjumlahan yang hasilnya berbeda.",
        mengapa="Rumus yang disalin lalu bergeser satu kolom, atau diketik ulang di satu sel, menghasilkan angka yang "
        "tampak wajar tetapi mengambil kolom yang salah; pemeriksa angka tidak akan melihatnya bila kolom yang "
        "salah itu kebetulan berisi angka serupa.",
        contoh="K64 berisi `=M64+AF64` sementara K60–K63 dan K65–K70 berisi `=M…+AC…`: yang diharapkan `=M64+AC64`.",
        perbaikan="Salin rumus sejawatnya ke sel itu (isi ke bawah atau ke samping), atau ketik rumus yang disarankan.",
    ),
    en=Dok(
        judul="Formula differs from its peers",
        apa="One formula whose relative shape (R1C1: references counted from the cell itself) differs from its "
        "peers' while its skeleton is the same: along its row across parallel columns (year 1…5, TW I…IV, "
        "before/after), or down its column among rows of the same level (`=M64+AF64` while the rows around it hold "
        "`=M63+AC63`, `=M65+AC65`). The expected formula is named. Peers are settled when at least three cells and "
        "three quarters of the group's formulas share one shape. Only formulas computing within their own row are "
        "compared; summing formulas down a column (parents, JUMLAH) are judged by F001 against the kode. "
        "Columns whose meaning the reader does not know (`diabaikan` in the column map: weights/TTB, a check "
        "column beside the table) are not judged. "
        "Severity **warning**; **error** when the expected formula is a sum whose result differs.",
        mengapa="A formula copied and shifted by one column, or retyped in one cell, gives a plausible number from "
        "the wrong column; a check of the numbers does not see it when the wrong column happens to hold similar "
        "numbers.",
        contoh="K64 holds `=M64+AF64` while K60–K63 and K65–K70 hold `=M…+AC…`: expected `=M64+AC64`.",
        perbaikan="Copy the peers' formula into the cell (fill down or across), or type the suggested formula.",
    ),
)
def periksa(ctx, t):
    rt = rumus_tabel(ctx, t)
    if rt is None or not rt.rumus:
        return
    judged = {(indeks_kolom(h), i) for (h, i) in analisis_jumlah(ctx, t)}
    # a column whose number row states its relation: F005 holds its formulas to that, not to each other
    dinyatakan = {indeks_kolom(t.angka[rel.kolom].huruf) for rel in t.relasi if rel.kolom in t.angka}
    # a column set aside (a weighted share, a check column beside the table): its formulas' meaning is
    # not known, so no claim is made about them (F003 still says a #REF! there)
    semua = sorted(kolom_tabel(t, dipahami=True) - dinyatakan)
    peta = rt.rumus
    cells: dict[tuple[int, int], tuple[tuple[int, int], str, str]] = {}  # (i, column) → (cell, shape, skeleton)
    kolom = set(semua)
    indeks = rt.indeks
    for rc in peta:  # the sheet's formula cells, not every cell of the table
        i = indeks.get(rc[0])
        c = rc[1]
        if i is None or c not in kolom or (c, i) in judged:
            continue
        shape = peta.bentuk(rc)
        if "R[" in shape:
            continue  # reads other rows of its column: a sum down the column (F001's)
        cells[(i, c)] = (rc, shape, peta.kerangka(rc))
    if len(cells) < MIN_SEJAWAT + 1:
        return
    groups: list[tuple[str, list[tuple[int, int]]]] = []
    paralel: dict[tuple[str, str, str], list] = defaultdict(list)
    for k in t.angka.values():
        p = k.peran
        paralel[(p.ukuran, p.sisi, p.bagian)].append(k)
    for ks in paralel.values():
        if len({k.peran.periode for k in ks}) < MIN_SEJAWAT:
            continue
        idx = [indeks_kolom(k.huruf) for k in ks]
        for i in {i for i, _ in cells}:
            groups.append(("baris", [(i, c) for c in idx if (i, c) in cells]))
    per_kolom: dict[tuple[int, str | None], list[tuple[int, int]]] = defaultdict(list)
    for (i, c) in sorted(cells, key=lambda m: (m[1], m[0])):
        per_kolom[(c, t.level[i])].append((i, c))
    groups += [("kolom", members) for members in per_kolom.values()]
    done: set[tuple[int, int]] = set()
    for arah, members in groups:
        if len(members) < MIN_SEJAWAT + 1:
            continue
        count = Counter(cells[m][1] for m in members)
        shape, n = count.most_common(1)[0]
        if n < MIN_SEJAWAT or n < PORSI * len(members) or n == len(members):
            continue
        peers = [m for m in members if cells[m][1] == shape]
        skel = cells[peers[0]][2]
        for m in members:
            rc, s, sk = cells[m]
            if s == shape or sk != skel or m in done:
                continue
            done.add(m)
            yield _temuan(ctx, t, rt, arah, m, peta[rc], peers, cells)


def _temuan(ctx, t, rt, arah: str, m: tuple[int, int], f: str, peers: list, cells):
    i, c = m
    r = t.baris[i] - 1
    near = min(peers, key=lambda p: (abs(p[0] - i), abs(p[1] - c)))
    pr, pc = t.baris[near[0]] - 1, near[1]
    contoh = rt.rumus[cells[near][0]]
    harap = geser(contoh, r - pr, c - pc)
    cell = alamat(r, c)
    k = next((k for k in t.angka.values() if indeks_kolom(k.huruf) == c), None)
    if arah == "baris":
        sej_id = f"rumus kolom sejajarnya di baris ini ({alamat(pr, pc)}: {contoh})"
        sej_en = f"the formulas of its parallel columns on this row ({alamat(pr, pc)}: {contoh})"
    else:
        sej_id = f"rumus baris setingkat di kolom ini ({alamat(pr, pc)}: {contoh})"
        sej_en = f"the formulas of the rows of its level in this column ({alamat(pr, pc)}: {contoh})"
    severity = None
    nilai_id = nilai_en = ""
    v_harap = _nilai(rt, harap)
    v = k.nilai[i] if k is not None else _angka(rt.nilai_sel(r, c))
    if v_harap is not None and v is not None and abs(v - v_harap) > 0.5:
        uang = k is None or k.peran.uang
        a, b = (rp(v), rp(v_harap)) if uang else (angka(v), angka(v_harap))
        nilai_id, nilai_en = f"; hasilnya {a}, seharusnya {b}", f"; it gives {a} instead of {b}"
        severity = "error"
    temuan = ctx.temuan(
        t, i, cell,
        f"{_besar(nama_sel_kolom(t, c, 'id'))}: rumus {f} berbeda dari {sej_id}; yang diharapkan {harap}{nilai_id}",
        f"{_besar(nama_sel_kolom(t, c, 'en'))}: formula {f} differs from {sej_en}; expected {harap}{nilai_en}",
        severity=severity or "warning", expected=harap, actual=f, saran=harap,
    )
    temuan.rumus, temuan.rumus_benar = f, harap
    temuan.bentuk, temuan.bentuk_sejawat = rt.rumus.bentuk((r, c)), cells[near][1]
    return temuan


def _besar(s: str) -> str:
    return s[:1].upper() + s[1:]


def _angka(x) -> float | None:
    """A cell's number: a number, or text in Indonesian notation ('1.250.000')."""
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return x
    if isinstance(x, str) and x.strip():
        return parse_angka(x).nilai
    return None


def _nilai(rt, f: str) -> float | None:
    """The value of a plain sum of cells of this sheet, from the values read (None otherwise)."""
    j = jumlah(f)
    if j is None:
        return None
    total = 0.0
    for sg, ref in j.bagian:
        if ref.buku or ref.sheet is not None or (ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1) > 1000:
            return None
        for r in range(ref.r0, ref.r1 + 1):
            for c in range(ref.c0, ref.c1 + 1):
                total += sg * (_angka(rt.nilai_sel(r, c)) or 0)
    return total
