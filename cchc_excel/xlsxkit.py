"""Writing cells and styling sheets with openpyxl, the same way everywhere.

Every text we write goes through :func:`put_text` so a value starting with
``= + - @`` stays text and is never turned into a formula.
"""

from __future__ import annotations

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
TEXT_FORMAT = "@"
# Characters the XML of a worksheet cannot hold (openpyxl refuses them).
_ILLEGAL = {c for c in range(32) if c not in (9, 10, 13)}
MAX_CELL = 32767  # Excel's limit on characters in one cell


def safe_text(value: str) -> str:
    text = "".join(ch for ch in str(value) if ord(ch) not in _ILLEGAL)
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


def header_row(sheet: Worksheet, row: int, labels: list[str], widths: list[float] | None = None) -> None:
    for col, label in enumerate(labels, start=1):
        cell = put_text(sheet.cell(row=row, column=col), label, FONT_BOLD, WRAP_CENTER)
        cell.fill = HEADER_FILL
        cell.border = BORDER
    for col, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def print_setup(sheet: Worksheet, landscape: bool = True, title_rows: str | None = None) -> None:
    """A4, fit to page width, header rows repeated on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    if title_rows:
        sheet.print_title_rows = title_rows


def protect_input_sheet(sheet) -> None:
    """Protect a sheet whose unlocked cells are the inputs; resizing rows and
    columns and filtering stay allowed (an officer must be able to read long text)."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
