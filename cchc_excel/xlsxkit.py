"""Writing cells and styling sheets the same way everywhere: with openpyxl
(workbooks read back and rewritten) and with xlsxwriter (workbooks written
from scratch, many at a time: forms, feedback copies, the findings list).

Every text we write goes through :func:`put_text` or :meth:`Book.text` so a
value starting with ``= + - @`` stays text and is never turned into a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import textwrap

import xlsxwriter
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter  # noqa: F401  (re-exported for sheet writers)
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Times New Roman"
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
TEXT_FORMAT = "@"
# Number formats: Excel and LibreOffice show the separators of the reader's
# locale (1.234 and 12,5% in Vietnamese), the value stays a number to compute.
COUNT_FORMAT = "#,##0"
AMOUNT_FORMAT = "#,##0.0"
RATE_FORMAT = "0.0%"
LINE_HEIGHT = 14.5    # points per line of 12 pt Times New Roman (LibreOffice lays out about 13.8)
# Characters the XML of a worksheet cannot hold (openpyxl refuses them).
_ILLEGAL = {c for c in range(32) if c not in (9, 10, 13)}
MAX_CELL = 32767  # Excel's limit on characters in one cell


_DROP_ILLEGAL = dict.fromkeys(_ILLEGAL)


_HAS_ILLEGAL = re.compile("[" + "".join(map(chr, sorted(_ILLEGAL))) + "]")


def safe_text(value: str) -> str:
    text = str(value)
    if _HAS_ILLEGAL.search(text):     # rare: searching is much faster than translating every text
        text = text.translate(_DROP_ILLEGAL)
    return text[:MAX_CELL]


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


# --- xlsxwriter: workbooks written from scratch (forms, feedback copies, findings) ----
# One Format object per distinct style, shared by every cell that has it: no
# per-cell style objects to build, hash and deduplicate at save time.

XLSXWRITER_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                      "strings_to_urls": False}

# Style parts by name; a style is a tuple of names, merged left to right.
STYLE_PARTS: dict[str, dict] = {
    "text": {"font_name": FONT_NAME, "font_size": 12, "text_wrap": True, "valign": "top"},
    "bold": {"bold": True},
    "title": {"font_size": 14, "bold": True, "text_wrap": False, "valign": "vcenter"},
    "italic": {"italic": True},
    "small_italic": {"font_size": 11, "italic": True, "font_color": "#555555"},
    "problem_text": {"bold": True, "font_color": "#C00000"},
    "header": {"bold": True, "bg_color": "#D9E2F3", "align": "center", "valign": "vcenter"},
    "border": {"border": 1, "border_color": "#999999"},
    "input": {"bg_color": "#FFF9E5", "locked": False},
    "not_due": {"bg_color": "#F2F2F2"},
    "carried": {"bg_color": "#DDEBF7"},
    "problem": {"bg_color": "#FFC7CE"},
    "as_text": {"num_format": TEXT_FORMAT},
    "date": {"num_format": "dd/mm/yyyy"},
    "figure": {"num_format": "#,##0.##"},
    "no_wrap": {"text_wrap": False, "valign": "bottom"},
}


class _LockedWorkbook(xlsxwriter.Workbook):
    """A workbook whose structure is protected (no sheet added, removed,
    renamed or unhidden). xlsxwriter has no API for it (its author declined
    one: jmcnamara/libxlsxwriter#516), so the element is written where the
    schema puts it, right after <workbookPr>."""

    def _write_workbook_pr(self) -> None:
        super()._write_workbook_pr()
        self._xml_empty_tag("workbookProtection", [("lockStructure", 1)])


class Book:
    """An xlsxwriter workbook in memory, with shared formats and text-safe writing.

    Coordinates given to :meth:`text` and :meth:`value` are 1-based (row 1,
    column 1 is A1), like openpyxl and :mod:`formspec`."""

    def __init__(self, lock_structure: bool = False) -> None:
        self._buffer = io.BytesIO()
        kind = _LockedWorkbook if lock_structure else xlsxwriter.Workbook
        self.workbook = kind(self._buffer, XLSXWRITER_OPTIONS)
        self._formats: dict[tuple[str, ...], object] = {}

    def style(self, *names: str):
        """The shared format for these style parts (see STYLE_PARTS)."""
        found = self._formats.get(names)
        if found is None:
            merged: dict = {}
            for name in names:
                merged.update(STYLE_PARTS[name])
            found = self._formats[names] = self.workbook.add_format(merged)
        return found

    def add_sheet(self, name: str):
        sheet = self.workbook.add_worksheet(name)
        # xlsxwriter runs ~150 regular expressions over every formula to expand
        # Excel's newer functions (a third of a small form's time goes there);
        # the formulas written here (a defined name, DATE(…)) have none. Should
        # a later xlsxwriter rename the method, this is simply unused.
        sheet._prepare_formula = _bare_formula
        return sheet

    @staticmethod
    def text(sheet, row: int, col: int, value: object, fmt) -> None:
        """A text cell (never a formula); an empty value leaves a styled blank cell."""
        if value is None or value == "":
            sheet.write_blank(row - 1, col - 1, None, fmt)
        else:
            sheet.write_string(row - 1, col - 1, safe_text(value), fmt)

    @staticmethod
    def value(sheet, row: int, col: int, value: object, fmt) -> None:
        """A number or date cell (a styled blank when None)."""
        if value is None:
            sheet.write_blank(row - 1, col - 1, None, fmt)
        elif isinstance(value, (dt.date, dt.datetime)):
            sheet.write_datetime(row - 1, col - 1, value, fmt)
        elif isinstance(value, float) and not math.isfinite(value):
            sheet.write_string(row - 1, col - 1, str(value), fmt)   # xlsxwriter refuses inf and nan
        else:
            sheet.write_number(row - 1, col - 1, value, fmt)

    def close(self) -> bytes:
        """The .xlsx bytes."""
        self.workbook.close()
        return self._buffer.getvalue()


def _bare_formula(formula: str, expand_future_functions: bool = False) -> str:
    """A formula as the file stores it: no leading "=" and no array braces (as xlsxwriter does)."""
    if formula.startswith("{"):
        formula = formula[1:]
    if formula.startswith("="):
        formula = formula[1:]
    return formula[:-1] if formula.endswith("}") else formula


def set_widths(sheet, widths) -> None:
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)


def page_setup(sheet, landscape: bool = True, title_row: int | None = None) -> None:
    """A4, fit to page width (as many pages down as needed), margins as on
    every workbook here, the 1-based ``title_row`` repeated on every page."""
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.center_horizontally()
    if title_row:
        sheet.repeat_rows(title_row - 1)


def protect(sheet, inputs: bool = False) -> None:
    """Protect a sheet (objects such as comments stay editable, as openpyxl's
    default); on a sheet of inputs, resizing rows and columns and filtering
    stay allowed (an officer must be able to read long text)."""
    options = {"objects": True, "scenarios": True}
    if inputs:
        options.update(format_columns=True, format_rows=True, autofilter=True)
    sheet.protect("", options)
