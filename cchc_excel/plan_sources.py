"""Read the raw task table of a plan from .txt, .docx, .doc, .xlsx or .xls.

Each reader returns candidate tables: the text lines above the table (where
the plan's number and date are) and the rows as lists of cell texts, one per
grid column, with the row numbers the user sees. :mod:`plan` turns them into
the model; readers know nothing of CCHC.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import broken_detail, open_office_zip, read_bytes
from .messages import CchcError, phrase
from .textnorm import clean
from .xlsxread import open_xlsx

_MARKUP = re.compile(r"</?(b|i|u|strong|em)>|\*\*|__", re.IGNORECASE)


@dataclass
class RawTable:
    where: str                       # "" or ", trang «Nhiệm vụ»" for messages
    title_lines: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    sheet: str = ""


def _strip_markup(text: str) -> str:
    text = _MARKUP.sub("", text)
    text = text.strip()
    if len(text) > 2 and text.startswith("*") and text.endswith("*"):
        text = text[1:-1]
    return clean(text)


def read_txt(path: Path) -> list[RawTable]:
    data = read_bytes(path)
    if b"\x00" in data[:4096]:
        raise CchcError("FILE_UNREADABLE", file=path, detail=phrase("READ_TXT_BINARY"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CchcError("FILE_UNREADABLE", file=path, detail=phrase("READ_TXT_NOT_UTF8")) from None
    table = RawTable(where="")
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            table.rows.append((number, [_strip_markup(c) for c in line.split("\t")]))
        elif line.strip():
            cell = _strip_markup(line)
            if table.rows:
                table.rows.append((number, [cell]))
            else:
                table.title_lines.append(cell)
    return [table]


def read_docx(path: Path, shown_as: Path | None = None) -> list[RawTable]:
    import docx
    from docx.table import _Cell

    data = open_office_zip(path, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on broken parts
        raise CchcError("FILE_UNREADABLE", file=shown_as or path, detail=broken_detail(exc)) from None
    title_lines: list[str] = []
    body = document.element.body
    tables: list[RawTable] = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = clean("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
            if text:
                title_lines.append(text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            raw = RawTable(where=phrase("WHERE_TABLE", number=len(tables) + 1), title_lines=list(title_lines))
            for row_number, tr in enumerate(child.tr_lst, start=1):
                cells: list[str] = []
                for tc in tr.tc_lst:
                    continued = tc.vMerge == "continue"
                    text = "" if continued else clean(_Cell(tc, table).text)
                    cells.append(text)
                    cells.extend([""] * (tc.grid_span - 1))
                raw.rows.append((row_number, cells))
            tables.append(raw)
    return tables


def read_xlsx(path: Path, sheet: str | None = None) -> list[RawTable]:
    book = open_xlsx(path)
    far = book.far_cells()
    if far:                              # content the table would silently lose
        raise far[0]
    sheets = [book[sheet]] if sheet and sheet in book.sheetnames else book.worksheets
    return [sheet_table(worksheet) for worksheet in sheets]


def sheet_table(worksheet) -> RawTable:
    """The non-empty rows of a worksheet (:class:`xlsxread.Sheet`) as text."""
    raw = RawTable(where=phrase("WHERE_IN_SHEET", sheet=worksheet.title), sheet=worksheet.title)
    for row in worksheet.iter_rows():
        cells = [_xls_text(c.value) for c in row]
        if any(cells):
            raw.rows.append((row[0].row, cells))
    return raw


def read_doc(path: Path) -> list[RawTable]:
    """An old binary Word file, converted to .docx by LibreOffice into a temporary folder."""
    import tempfile

    from .office import OfficeError, convert, find_soffice

    read_bytes(path)                     # the usual missing/empty checks
    if find_soffice() is None:
        raise CchcError("PLAN_DOC_NEEDS_OFFICE", file=path)
    with tempfile.TemporaryDirectory(prefix="cchc-doc-") as folder:
        try:
            converted = convert(path, "docx", Path(folder))
        except OfficeError as exc:
            raise CchcError("PLAN_DOC_CONVERT_FAILED", file=path, detail=str(exc)) from None
        return read_docx(converted, shown_as=path)


def read_xls(path: Path) -> list[RawTable]:
    """An old binary Excel file (or any sheet file python-calamine reads)."""
    from python_calamine import CalamineWorkbook

    data = read_bytes(path)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error kinds on broken files
        raise CchcError("FILE_UNREADABLE", file=path, detail=broken_detail(exc)) from None
    tables = []
    for name in workbook.sheet_names:
        raw = RawTable(where=phrase("WHERE_IN_SHEET", sheet=name), sheet=name)
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for number, row in enumerate(rows, start=1):
            cells = [_xls_text(v) for v in row]
            if any(cells):
                raw.rows.append((number, cells))
        tables.append(raw)
    return tables


def _xls_text(value) -> str:
    """A cell as the user sees it: whole numbers without ".0", dates as dd/mm/yyyy."""
    if value is None or value == "":
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value)


READERS = {".txt": read_txt, ".docx": read_docx, ".xlsx": read_xlsx, ".xlsm": read_xlsx,
           ".doc": read_doc, ".xls": read_xls}


def read_tables(path: Path) -> list[RawTable]:
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CchcError("FILE_TYPE_UNSUPPORTED", file=path, ext=path.suffix or phrase("EXTENSION_NONE"))
    return reader(path)
