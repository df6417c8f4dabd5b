"""Writing workbooks from scratch with xlsxwriter, the same way everywhere
(forms, feedback copies, the findings list: many at a time), and what every
workbook written here shares: the font, text that is never a formula.

Every text we write goes through :func:`safe_text` (:meth:`Book.text`,
:func:`openpyxlkit.put_text`) so a value starting with ``= + - @`` stays
text and is never turned into a formula. Workbooks read back and rewritten
(the plan workbook, the summary, the export) are written with openpyxl, in
:mod:`openpyxlkit`: commands that write none of them (``check``) do not
import openpyxl, which with numpy costs a fifth of a second.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re

FONT_NAME = "Times New Roman"
TEXT_FORMAT = "@"
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


def get_column_letter(number: int) -> str:
    """The letters of a 1-based column number (1 -> "A"), as openpyxl names it."""
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(number - 1)


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


def workbook(buffer: io.BytesIO, lock_structure: bool = False):
    """A new xlsxwriter workbook writing into ``buffer``, with the options every
    workbook here is written with. xlsxwriter is imported here, when a workbook
    is first written (a few hundredths of a second): a `check` that finds
    nothing changed writes no workbook and never loads it."""
    import xlsxwriter

    kind = _locked_workbook() if lock_structure else xlsxwriter.Workbook
    return kind(buffer, XLSXWRITER_OPTIONS)


@functools.cache
def _locked_workbook():
    import xlsxwriter

    class LockedWorkbook(xlsxwriter.Workbook):
        """A workbook whose structure is protected (no sheet added, removed,
        renamed or unhidden). xlsxwriter has no API for it (its author declined
        one: jmcnamara/libxlsxwriter#516), so the element is written where the
        schema puts it, right after <workbookPr>."""

        def _write_workbook_pr(self) -> None:
            super()._write_workbook_pr()
            self._xml_empty_tag("workbookProtection", [("lockStructure", 1)])

    return LockedWorkbook


class Book:
    """An xlsxwriter workbook in memory, with shared formats and text-safe writing.

    Coordinates given to :meth:`text` and :meth:`value` are 1-based (row 1,
    column 1 is A1), like openpyxl and :mod:`formspec`."""

    def __init__(self, lock_structure: bool = False) -> None:
        self._buffer = io.BytesIO()
        self.workbook = workbook(self._buffer, lock_structure)
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
