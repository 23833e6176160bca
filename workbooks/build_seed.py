"""Build ``workbooks/renja_dinsos_luwu_2024.xlsx`` from the transcription files in ``workbooks/seed/``.

    python workbooks/build_seed.py [--out PATH] [--check]

The workbook is laid out as an office would submit it (title rows, merged multi-row headers, a
column-number row, the kode split over cells) and is reproducible: the same sources give the same
bytes (fixed document timestamps, fixed zip entry times and order). ``--check`` rebuilds into a
temporary file and fails when it differs from the committed workbook.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter

HERE = Path(__file__).resolve().parent
SEED = HERE / "seed"
OUT = HERE / "renja_dinsos_luwu_2024.xlsx"

# A clean Indonesian number: what Excel stores as a number when staff type it.
_CLEAN_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_FORCED_NUMBER = re.compile(r"^num\((-?\d+(?:\.\d+)?)\)$")
FIXED_TIME = dt.datetime(2024, 9, 1, 8, 0, 0)

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
NUMBER_FILL = PatternFill("solid", fgColor="F2F2F2")


def cell_value(text: str, numeric_column: bool) -> tuple[object, str | None]:
    """The value to store and its number format (None: keep General / text)."""
    forced = _FORCED_NUMBER.match(text.strip())
    if forced:
        return float(forced.group(1)), "General"
    if numeric_column and _CLEAN_NUMBER.match(text.strip()):
        s = text.strip().replace(".", "").replace(",", ".")
        value = float(s)
        if value.is_integer() and "," not in text:
            iv = int(value)
            return iv, ("#,##0" if abs(iv) >= 1000 else "0")
        return value, "#,##0.00"
    return text, None


def load_sheet(toml_path: Path) -> tuple[dict, list[list[str]]]:
    spec = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    csv_path = toml_path.with_suffix(".csv")
    with csv_path.open(encoding="utf-8", newline="") as fh:
        grid = list(csv.reader(fh))
    widths = {len(r) for r in grid}
    if len(widths) != 1:
        raise SystemExit(f"{csv_path.name}: rows have different field counts {sorted(widths)}")
    return spec, grid


def write_sheet(wb: Workbook, spec: dict, grid: list[list[str]]) -> None:
    ws = wb.create_sheet(spec["sheet"])
    numeric = {column_index_from_string(c) for c in spec.get("numeric_columns", [])}
    title_rows = set(spec.get("title_rows", []))
    header_rows = list(spec.get("header_rows", []))
    number_row = spec.get("number_row")
    ncols = len(grid[0])
    table_top = min(header_rows) if header_rows else 1
    last_row = len(grid)
    while last_row > table_top and not any(c.strip() for c in grid[last_row - 1]):
        last_row -= 1
    # Text columns that hold kode parts keep their leading zeros: store them as text ('@').
    kode_cols = _kode_columns(grid, header_rows)

    for r, row in enumerate(grid, start=1):
        for c, text in enumerate(row, start=1):
            if text == "":
                continue
            in_header = r in header_rows or r == number_row
            value, fmt = cell_value(text, c in numeric and r > (number_row or max(header_rows or [0])))
            cell = ws.cell(row=r, column=c, value=value)
            if fmt:
                cell.number_format = fmt
            elif c in kode_cols and not in_header and r not in title_rows:
                cell.number_format = "@"
            if r in title_rows:
                cell.font = Font(bold=True, size=12)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif in_header:
                cell.font = Font(bold=True, italic=r == number_row, size=9 if r == number_row else 10)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            else:
                cell.alignment = Alignment(vertical="top", wrap_text=not isinstance(value, (int, float)))
    # Borders and fills over the whole table block (header to last data row); a sheet without a
    # header (a cover) has no table block.
    for r in range(table_top, last_row + 1 if header_rows else table_top):
        for c in range(1, ncols + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            if r in header_rows:
                cell.fill = HEADER_FILL
            elif r == number_row:
                cell.fill = NUMBER_FILL
    for rng in spec.get("merges", []):
        ws.merge_cells(rng)
    for col, width in spec.get("widths", {}).items():
        ws.column_dimensions[col].width = width
    for r in title_rows:
        ws.row_dimensions[r].height = 30
    freeze_row = (number_row or max(header_rows or [0])) + 1
    ws.freeze_panes = f"A{freeze_row}"
    # Print as an office would: A4 landscape, fit to the page width, header rows on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        ws.print_title_rows = f"{min(header_rows)}:{number_row or max(header_rows)}"
    ws.print_area = f"A1:{get_column_letter(ncols)}{last_row}"


def _kode_columns(grid: list[list[str]], header_rows: list[int]) -> set[int]:
    """Columns under a header that says 'Kode' (the merged Kode header spans all its cells)."""
    cols: set[int] = set()
    for r in header_rows:
        row = grid[r - 1]
        for c, text in enumerate(row, start=1):
            if re.match(r"^\s*kode", text, re.IGNORECASE):
                cols.add(c)
                # extend over the empty cells a merged header covers
                k = c + 1
                while k <= len(row) and row[k - 1] == "" and all(grid[h - 1][k - 1] == "" for h in header_rows):
                    cols.add(k)
                    k += 1
    return cols


def build(out: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for toml_path in sorted(SEED.glob("*.toml")):
        spec, grid = load_sheet(toml_path)
        write_sheet(wb, spec, grid)
    props = wb.properties
    props.creator = "renja-xl (workbooks/build_seed.py)"
    props.title = "Renja Perubahan 2024 Dinas Sosial Kabupaten Luwu (transkripsi)"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.lastModifiedBy = "renja-xl"
    buf = io.BytesIO()
    wb.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue()))
    return out


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry times so the same sources give the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    payload,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 9, 1, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, payload)
    return out.getvalue()


def perintah(build_fn, out_default: Path, script: str, doc: str, argv: list[str] | None = None) -> int:
    """The command line of a workbook builder: build into ``--out``, or ``--check`` that a rebuild
    gives the committed file's bytes. ``build_fn(path)`` returns what to say after writing."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--out", type=Path, default=out_default)
    ap.add_argument("--check", action="store_true", help="fail when a rebuild differs from the committed file")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / out_default.name
            build_fn(fresh)
            same = fresh.read_bytes() == args.out.read_bytes()
        print("sama" if same else f"BERBEDA: jalankan python workbooks/{script} lalu commit hasilnya")
        return 0 if same else 1
    print(f"ditulis: {args.out}{build_fn(args.out)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    def tulis(path: Path) -> str:
        build(path)
        return ""

    return perintah(tulis, OUT, Path(__file__).name, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
