"""A corpus of other communes' CCHC plans, built as real files at test time.

Each plan is written the way communes publish them (python-docx / openpyxl /
plain text): different headers, column orders, extra columns, column-number
rows, repeated headers, continued tables, section styles, agency cells and
timeframe wordings. A row is a tuple:

* ``("section", text)`` a section row (text merged across the row);
* ``("group", text)`` a sub-group heading ("a) Kiểm soát TTHC");
* ``("task", tt, content, product, lead, coordinators, timeframe)``;
* ``("product", product, lead, coordinators, timeframe)`` another product of the task above;
* ``("raw", cells)`` any row as it stands (broken rows, prose inside the table).

Layouts say how the table is drawn. Expected counts are written by hand next to
each plan in tests/test_plan_corpus.py, never computed from these rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

NBSP = "\u00a0"

# Canonical column keys -> the cell of a row tuple.
ROLE_INDEX = {"tt": 1, "task": 2, "product": 3, "lead": 4, "coord": 5, "time": 6}


@dataclass
class Layout:
    columns: tuple[str, ...]                 # keys: tt task product lead coord time, or extra:<label>
    header: tuple[str, ...]                  # the header text of each column
    header2: tuple[str, ...] | None = None   # a second header row ("Chủ trì", "Phối hợp" under a merged cell)
    span: tuple[int, int] | None = None      # (first, count): header cells merged across in row 1
    number_row: tuple[str, ...] | None = None
    repeat_header_every: int = 0             # repeat the header row(s) after this many body rows
    split_after: tuple[int, ...] = ()        # start a new table (no header) after these body rows
    split_with_header: bool = False          # each new table repeats the header
    title_lines: tuple[str, ...] = ()        # prose paragraphs before the table
    after_lines: tuple[str, ...] = ()        # prose after the table
    extra_tables_before: tuple[tuple[tuple[str, ...], ...], ...] = ()  # e.g. the header block
    extra_tables_after: tuple[tuple[tuple[str, ...], ...], ...] = ()   # e.g. the signature block


@dataclass
class PlanSpec:
    name: str
    layout: Layout
    rows: list[tuple] = field(default_factory=list)


def _body_cells(row: tuple, layout: Layout) -> tuple[list[str], bool]:
    """(cells, merged) for a spec row drawn in a layout."""
    width = len(layout.columns)
    kind = row[0]
    if kind in ("section", "group"):
        return [row[1]] * width, True
    if kind == "raw":
        cells = list(row[1]) + [""] * width
        return cells[:width], False
    if kind == "product":
        values = {"tt": "", "task": "", "product": row[1], "lead": row[2], "coord": row[3], "time": row[4]}
    else:
        values = {"tt": row[1], "task": row[2], "product": row[3], "lead": row[4], "coord": row[5],
                  "time": row[6]}
    return [values.get(key, "") for key in layout.columns], False


def _segments(spec: PlanSpec) -> list[list[tuple[list[str], bool, bool]]]:
    """Tables as lists of (cells, merged, is_header) rows."""
    layout = spec.layout
    header_rows = [(list(layout.header), False, True)]
    if layout.header2:
        header_rows.append((list(layout.header2), False, True))
    tables: list[list[tuple[list[str], bool, bool]]] = [list(header_rows)]
    if layout.number_row:
        tables[0].append((list(layout.number_row), False, False))
    for index, row in enumerate(spec.rows):
        if index in layout.split_after:
            tables.append(list(header_rows) if layout.split_with_header else [])
        elif layout.repeat_header_every and index and index % layout.repeat_header_every == 0:
            tables[-1].extend(header_rows)
        cells, merged = _body_cells(row, layout)
        tables[-1].append((cells, merged, False))
    return tables


# --- writers ---------------------------------------------------------------


def write_docx(spec: PlanSpec, path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    layout = spec.layout
    for block in layout.extra_tables_before:
        _plain_table(document, block)
    for line in layout.title_lines:
        document.add_paragraph(line)
    segments = _segments(spec)
    for number, segment in enumerate(segments):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        table = document.add_table(rows=0, cols=len(layout.columns))
        table.style = "Table Grid"
        for cells, merged, is_header in segment:
            row = table.add_row()
            if merged:
                first = row.cells[0].merge(row.cells[-1])
                first.text = cells[0]
                continue
            for cell, text in zip(row.cells, cells):
                cell.text = text
            if is_header and layout.span and cells is not None and cells == list(layout.header):
                start, count = layout.span
                merged_cell = row.cells[start].merge(row.cells[start + count - 1])
                merged_cell.text = layout.header[start]
    for line in layout.after_lines:
        document.add_paragraph(line)
    for block in layout.extra_tables_after:
        document.add_paragraph("")          # Word merges tables that touch
        _plain_table(document, block)
    document.save(path)
    return path


def _plain_table(document, rows: tuple[tuple[str, ...], ...]) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        row = table.add_row()
        for cell, text in zip(row.cells, values):
            cell.text = text


def write_xlsx(spec: PlanSpec, path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    layout = spec.layout
    row_number = 1
    for line in layout.title_lines:
        sheet.cell(row_number, 1, line)
        row_number += 1
    width = len(layout.columns)
    for segment_number, segment in enumerate(_segments(spec)):
        if segment_number:
            row_number += 1       # a blank row where the page broke
        for cells, merged, is_header in segment:
            if merged:
                sheet.cell(row_number, 1, cells[0])
                sheet.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=width)
            else:
                for col, text in enumerate(cells, start=1):
                    if text != "":
                        sheet.cell(row_number, col, int(text) if text.isdigit() and not is_header else text)
                if is_header and layout.span and cells == list(layout.header):
                    start, count = layout.span
                    for col in range(start + 2, start + count + 1):
                        sheet.cell(row_number, col).value = None
                    sheet.merge_cells(start_row=row_number, start_column=start + 1,
                                      end_row=row_number, end_column=start + count)
            row_number += 1
    for line in layout.after_lines:
        sheet.cell(row_number + 1, 1, line)
        row_number += 1
    workbook.save(path)
    return path


def write_txt(spec: PlanSpec, path: Path) -> Path:
    lines = list(spec.layout.title_lines)
    for segment in _segments(spec):
        for cells, merged, _ in segment:
            lines.append("\t".join([cells[0]] + [""] * (len(cells) - 1) if merged else cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


WRITERS = {".docx": write_docx, ".xlsx": write_xlsx, ".txt": write_txt}


def build(spec: PlanSpec, folder: Path, ext: str) -> Path:
    return WRITERS[ext](spec, folder / f"{spec.name}{ext}")
