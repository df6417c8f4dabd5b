"""Writing cells and styling sheets with openpyxl, the same way everywhere:
the workbooks read back and rewritten (the plan workbook) and those built
with charts and rich layout (the summary, the export, the evidence list).
Workbooks written from scratch many at a time use xlsxwriter
(:mod:`xlsxkit`, whose font and text rules these share).

Every text we write goes through :func:`put_text` so a value starting with
``= + - @`` stays text and is never turned into a formula.
"""

from __future__ import annotations

import textwrap

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter  # noqa: F401  (re-exported for sheet writers)
from openpyxl.worksheet.worksheet import Worksheet

from .xlsxkit import FONT_NAME, TEXT_FORMAT, safe_text  # noqa: F401  (shared by both writers; re-exported)

FONT = Font(name=FONT_NAME, size=12)
FONT_BOLD = Font(name=FONT_NAME, size=12, bold=True)
FONT_TITLE = Font(name=FONT_NAME, size=14, bold=True)
FONT_ITALIC = Font(name=FONT_NAME, size=12, italic=True)
FONT_PROBLEM = Font(name=FONT_NAME, size=12, bold=True, color="C00000")
FONT_SMALL_ITALIC = Font(name=FONT_NAME, size=11, italic=True, color="555555")
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
SECTION_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
NOT_DUE_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
NO_WRAP = Alignment(wrap_text=False, vertical="center")
# Number formats: Excel and LibreOffice show the separators of the reader's
# locale (1.234 and 12,5% in Vietnamese), the value stays a number to compute.
COUNT_FORMAT = "#,##0"
AMOUNT_FORMAT = "#,##0.0"
RATE_FORMAT = "0.0%"
LINE_HEIGHT = 14.5    # points per line of 12 pt Times New Roman (LibreOffice lays out about 13.8)


def put_text(cell: Cell, value: object, font: Font = FONT, align: Alignment = WRAP_TOP) -> Cell:
    """Write value as a text cell (never a formula), styled."""
    if value is None or value == "":
        cell.value = None
    else:
        cell.value = safe_text(value)
        cell.data_type = "s"
    cell.font = font
    cell.alignment = align
    return cell


def put_number(cell: Cell, value: float | None, number_format: str = COUNT_FORMAT, font: Font = FONT) -> Cell:
    """Write a figure as a number cell (empty when None) with its display format."""
    cell.value = value
    cell.number_format = number_format
    cell.font = font
    cell.alignment = Alignment(vertical="top")
    return cell


def title(sheet: Worksheet, row: int, text: str, last_col: int, font: Font = FONT_TITLE) -> Cell:
    """A title across the table's columns: merged, on one line, never wrapped
    into the first column's width."""
    cell = put_text(sheet.cell(row, 1), text, font, Alignment(horizontal="left", vertical="center"))
    if last_col > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    sheet.row_dimensions[row].height = font.sz * 1.6
    return cell


def lines_in(text: str, width: float) -> int:
    """How many lines a wrapped cell of this column width shows (a cautious
    estimate: a width unit holds about 1.15 characters of Times New Roman 12 pt)."""
    per_line = max(4, int(width * 1.15))
    return sum(max(1, len(textwrap.wrap(part, per_line, break_long_words=True)))
               for part in str(text).split("\n"))


def fit_rows(sheet: Worksheet, first: int, last: int) -> None:
    """Set each row's height to its tallest wrapped cell. LibreOffice does not
    grow rows to wrapped text in a file it did not write (it keeps the default
    height and the lines overlap), so the height is written explicitly."""
    widths = {}
    for row in range(first, last + 1):
        lines = 1
        for cell in sheet[row]:
            if cell.value is None or not isinstance(cell.value, str):
                continue
            letter = cell.column_letter
            if letter not in widths:
                widths[letter] = sheet.column_dimensions[letter].width or 8.43
            lines = max(lines, lines_in(cell.value, widths[letter]))
        sheet.row_dimensions[row].height = round(lines * LINE_HEIGHT + 3, 2)


def header_row(sheet: Worksheet, row: int, labels: list[str], widths: list[float] | None = None) -> None:
    for col, label in enumerate(labels, start=1):
        cell = put_text(sheet.cell(row=row, column=col), label, FONT_BOLD, WRAP_CENTER)
        cell.fill = HEADER_FILL
        cell.border = BORDER
    for col, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def print_setup(sheet: Worksheet, landscape: bool = True, title_rows: str | None = None,
                print_area: str | None = None) -> None:
    """A4, fit to page width (as many pages down as needed), header rows
    repeated on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    if print_area:
        sheet.print_area = print_area


def protect_input_sheet(sheet) -> None:
    """Protect a sheet whose unlocked cells are the inputs; resizing rows and
    columns and filtering stay allowed (an officer must be able to read long text)."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
