"""Read returned agency workbooks: identify them by their metadata sheet and
take every answer by item id, with the file, sheet and cell it came from.

Reads with python-calamine (fast; .xlsx, .xls, .ods) keeping the row and
column numbers the user sees (``skip_empty_area=False``). Columns are found by
their header labels, rows by the item id in the "Mã" column, so sorted,
inserted or hidden rows and columns do not misplace an answer.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine
from openpyxl.utils import get_column_letter

from . import formspec as spec
from .files import OLE_MAGIC, open_office_zip, read_bytes
from .messages import CchcError
from .textnorm import clean, fold

READABLE = (".xlsx", ".xlsm", ".xls", ".ods")
_ID = re.compile(r"^[IVXL]+\.\d+(?:\.\d+)?$")
_HEADER_KEYS = {fold(c.label): c.key for c in spec.COLUMNS}


@dataclass(frozen=True)
class Cell:
    """Where a value was read: as the user sees it."""

    file: str
    sheet: str
    ref: str   # "H7"


@dataclass
class RawAnswer:
    item: str
    values: dict[str, object]           # column key -> value as read (str/date/float)
    cells: dict[str, Cell]              # column key -> location
    row: int


@dataclass
class ReturnedForm:
    path: Path
    meta: dict[str, str]
    answers: list[RawAnswer] = field(default_factory=list)

    @property
    def agency(self) -> str:
        return self.meta.get("agency_code", "")

    @property
    def period(self) -> str:
        return self.meta.get("period", "")


def find_returns(folder: Path) -> list[Path]:
    """Every candidate file under folder (sub-folders too), lock files skipped."""
    if not folder.is_dir():
        return []
    found = [
        p for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(("~$", ".~lock", "."))
    ]
    return sorted(found, key=lambda p: str(p.relative_to(folder)).lower())


def _open(path: Path) -> calamine.CalamineWorkbook:
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise CchcError("FILE_TYPE_UNSUPPORTED", file=path, ext=path.suffix or "(không có)")
    if suffix in (".xlsx", ".xlsm"):
        data = open_office_zip(path, "xlsx")
    else:
        data = read_bytes(path)
        if suffix == ".xls" and not data.startswith(OLE_MAGIC):
            raise CchcError("FILE_UNREADABLE", file=path, detail="nội dung không phải tệp Excel 97-2003")
    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise CchcError("FILE_ENCRYPTED", file=path) from None
    except Exception as exc:  # calamine raises several kinds on broken files
        raise CchcError("FILE_UNREADABLE", file=path, detail=f"{type(exc).__name__}") from None


def read_meta(workbook: calamine.CalamineWorkbook) -> dict[str, str] | None:
    names = sorted(workbook.sheet_names, key=lambda n: n != spec.META_SHEET)
    for name in names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=40)
        if rows and rows[0] and clean(rows[0][0]) == spec.META_MARKER:
            return {clean(r[0]): clean(r[1]) for r in rows[1:] if len(r) > 1 and clean(r[0])}
    return None


def read_form(path: Path) -> ReturnedForm | None:
    """The form's metadata and answers; None when it is not a cchc-excel form.

    Raises CchcError when the file cannot be read at all.
    """
    workbook = _open(path)
    meta = read_meta(workbook)
    if meta is None:
        return None
    form = ReturnedForm(path, meta)
    for name in workbook.sheet_names:
        if name in (spec.META_SHEET, spec.LISTS_SHEET):
            continue
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        form.answers.extend(_answers(rows, str(path), name))
    return form


def _answers(rows: list[list], file: str, sheet: str) -> list[RawAnswer]:
    columns: dict[str, int] = {}
    header_index = None
    for index, row in enumerate(rows[:30]):
        found = {}
        for col, value in enumerate(row):
            key = _HEADER_KEYS.get(fold(value)) if isinstance(value, str) else None
            if key and key not in found:
                found[key] = col
        if "id" in found and "status" in found:
            columns, header_index = found, index
            break
    if header_index is None:
        return []
    answers = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        id_col = columns["id"]
        item = clean(row[id_col]) if id_col < len(row) else ""
        if not _ID.match(item):
            continue
        values: dict[str, object] = {}
        cells: dict[str, Cell] = {}
        for key in spec.INPUT_KEYS:
            col = columns.get(key)
            if col is None:
                continue
            value = row[col] if col < len(row) else ""
            values[key] = value
            cells[key] = Cell(file, sheet, f"{get_column_letter(col + 1)}{index + 1}")
        answers.append(RawAnswer(item, values, cells, index + 1))
    return answers


def as_date(value: object) -> dt.date | None:
    """A date cell as a date (text and serial numbers are handled by checks)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
