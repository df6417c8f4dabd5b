"""Read returned agency workbooks: identify them by their metadata sheet and
take every answer by item id, with the file, sheet and cell it came from.

Reads with python-calamine (fast; .xlsx, .xls, .ods) keeping the row and
column numbers the user sees (``skip_empty_area=False``). Columns are found by
their header labels, rows by the item id in the "Mã" column, so sorted,
inserted or hidden rows and columns, renamed or extra sheets do not misplace
an answer. Whatever cannot be placed is reported, never dropped.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine
from openpyxl.utils import get_column_letter

from . import formspec as spec
from .answers import Cell
from .files import OLE_MAGIC, open_office_zip, read_bytes
from .messages import CchcError
from .textnorm import clean, fold

READABLE = (".xlsx", ".xlsm", ".xls", ".ods")
LOCK_PREFIXES = ("~$", ".~lock")
_ID = re.compile(r"^[IVXL]+\.\d+(?:\.\d+)?$")
_HEADER_KEYS = {fold(c.label): c.key for c in spec.COLUMNS}
_FIGURE_KEYS = {fold(c.label): c.key for c in spec.FIGURE_COLUMNS}
_MODIFIED = re.compile(rb"<(?:dcterms:modified|dc:date)[^>]*>([^<]+)<")
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+\d+)"[^>]*>(.*?)</c>', re.DOTALL)


@dataclass
class RawAnswer:
    item: str
    values: dict[str, object]           # column key -> value as read (str/date/float)
    cells: dict[str, Cell]              # column key -> location
    sheet: str
    row: int


@dataclass
class RawFigure:
    code: str
    value: object                       # as read: number, text or empty
    note: str
    cells: dict[str, Cell]              # "value"/"note" -> location
    sheet: str
    row: int


@dataclass(frozen=True)
class RawIssue:
    """Something in the file that is not an answer: reported by checks."""

    code: str       # VALUE_UNPLACED, EXTRA_SHEET, FORMULA_NO_VALUE
    sheet: str
    cell: str
    text: str = ""


@dataclass
class ReturnedForm:
    path: Path
    meta: dict[str, str]
    saved_at: dt.datetime | None = None
    answers: list[RawAnswer] = field(default_factory=list)
    figures: list[RawFigure] = field(default_factory=list)
    issues: list[RawIssue] = field(default_factory=list)

    @property
    def agency(self) -> str:
        return self.meta.get("agency_code", "")

    @property
    def period(self) -> str:
        return self.meta.get("period", "")


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIXES)


def find_returns(folder: Path) -> list[Path]:
    """Every file under folder (sub-folders too) but hidden ones, sorted."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob("*") if p.is_file() and not (p.name.startswith(".") and not is_lock_file(p))]
    return sorted(found, key=lambda p: str(p.relative_to(folder)).lower())


@dataclass
class _Opened:
    workbook: calamine.CalamineWorkbook
    saved_at: dt.datetime | None
    formula_cells: dict[str, set[str]]   # sheet name -> refs of formulas with no cached value


def _open(path: Path) -> _Opened:
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise CchcError("RETURN_TYPE_UNSUPPORTED", file=path)
    saved_at, formulas = None, {}
    if suffix in (".xlsx", ".xlsm"):
        data = open_office_zip(path, "xlsx")
        saved_at, formulas = _zip_facts(data, "docProps/core.xml", "xl/worksheets/")
    elif suffix == ".ods":
        data = read_bytes(path)
        if data.startswith(OLE_MAGIC):
            raise CchcError("FILE_ENCRYPTED", file=path)
        saved_at, _ = _zip_facts(data, "meta.xml", None)
    else:
        data = read_bytes(path)
        if not data.startswith(OLE_MAGIC):
            raise CchcError("FILE_UNREADABLE", file=path, detail="nội dung không phải tệp Excel 97-2003")
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise CchcError("FILE_ENCRYPTED", file=path) from None
    except Exception as exc:  # calamine raises several kinds on broken files
        detail = "tệp hỏng hoặc không đúng định dạng" if suffix != ".xls" else "tệp .xls hỏng hoặc có mật khẩu"
        raise CchcError("FILE_UNREADABLE", file=path, detail=f"{detail} ({type(exc).__name__})") from None
    return _Opened(workbook, saved_at, formulas)


def _zip_facts(data: bytes, meta_part: str, sheets_prefix: str | None) -> tuple[dt.datetime | None, dict]:
    """The saved time from the document properties, and formula cells without
    a cached value by sheet name (calamine reads those as empty; they must be
    reported, not taken as empty answers)."""
    saved_at, formulas = None, {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if meta_part in names:
                match = _MODIFIED.search(archive.read(meta_part)[:20000])
                if match:
                    saved_at = _parse_time(match.group(1).decode("ascii", "ignore"))
            if sheets_prefix:
                sheet_names = None
                for name in sorted(names):
                    if not (name.startswith(sheets_prefix) and name.endswith(".xml")):
                        continue
                    xml = archive.read(name)
                    if b"<f" not in xml:
                        continue
                    refs = {ref.decode() for ref, body in _FORMULA_CELL.findall(xml)
                            if b"<f" in body and not re.search(rb"<v>[^<]+</v>", body)}
                    if refs:
                        sheet_names = sheet_names or _sheet_names_by_part(archive)
                        formulas[sheet_names.get(name, name)] = refs
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None, {}
    return saved_at, formulas


def _sheet_names_by_part(archive: zipfile.ZipFile) -> dict[str, str]:
    """'xl/worksheets/sheet3.xml' -> the sheet's name, from workbook.xml and its rels."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8", "ignore")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "ignore")
    targets = {}
    for rel in re.findall(r"<Relationship [^>]*>", rels):
        rid, target = re.search(r'Id="([^"]+)"', rel), re.search(r'Target="([^"]+)"', rel)
        if rid and target:
            targets[rid.group(1)] = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
    out = {}
    for sheet in re.findall(r"<(?:\w+:)?sheet [^>]*>", workbook):
        name, rid = re.search(r'name="([^"]+)"', sheet), re.search(r'r:id="([^"]+)"', sheet)
        if name and rid and rid.group(1) in targets:
            out[targets[rid.group(1)]] = html.unescape(name.group(1))
    return out


def _parse_time(text: str) -> dt.datetime | None:
    text = text.strip().rstrip("Z")
    for fmt in ("%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text[:26], fmt)
        except ValueError:
            continue
    return None


def read_meta(workbook: calamine.CalamineWorkbook) -> dict[str, str] | None:
    names = sorted(workbook.sheet_names, key=lambda n: n != spec.META_SHEET)
    for name in names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=40)
        if rows and rows[0] and clean(rows[0][0]) == spec.META_MARKER:
            return {clean(r[0]): clean(r[1]) for r in rows[1:] if len(r) > 1 and clean(r[0])}
    return None


def read_form(path: Path) -> ReturnedForm | None:
    """The form's metadata, answers and unplaced values; None when the file is
    not a cchc-excel form. Raises CchcError when it cannot be read at all."""
    opened = _open(path)
    meta = read_meta(opened.workbook)
    if meta is None:
        return None
    form = ReturnedForm(path, meta, opened.saved_at)
    for name in opened.workbook.sheet_names:
        if name in (spec.META_SHEET, spec.LISTS_SHEET, spec.GUIDE_SHEET):
            continue
        rows = opened.workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        _read_sheet(form, rows, str(path), name, opened.formula_cells)
    return form


def _find_header(rows: list[list], keys: dict[str, str], required: tuple[str, str]):
    """(row index, column key -> index) of the first row holding the required labels."""
    for index, row in enumerate(rows[:30]):
        found: dict[str, int] = {}
        for col, value in enumerate(row):
            if isinstance(value, str) and value and len(value) <= 60:   # labels are short
                key = keys.get(fold(value.split(" (")[0])) or keys.get(fold(value))
                if key and key not in found:
                    found[key] = col
        if all(k in found for k in required):
            return index, found
    return None


def _read_sheet(form: ReturnedForm, rows: list[list], file: str, sheet: str, formulas: dict) -> None:
    header = _find_header(rows, _HEADER_KEYS, ("id", "status"))
    if header is None:
        figures = _find_header(rows, _FIGURE_KEYS, ("code", "value"))
        if figures is not None:
            _read_figures(form, rows, file, sheet, figures, formulas)
        elif any(clean(v) for row in rows for v in row if v not in (None, "")):
            form.issues.append(RawIssue("EXTRA_SHEET", sheet, ""))
        return
    header_index, columns = header
    id_col = columns["id"]
    input_cols = {key: columns[key] for key in spec.INPUT_KEYS if key in columns}
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        item = clean(row[id_col]) if id_col < len(row) else ""
        if not _ID.match(item):
            for key, col in input_cols.items():
                value = row[col] if col < len(row) else ""
                if value not in (None, "") and clean(value):
                    ref = f"{get_column_letter(col + 1)}{index + 1}"
                    form.issues.append(RawIssue("VALUE_UNPLACED", sheet, ref, clean(value)[:80]))
            continue
        values: dict[str, object] = {}
        cells: dict[str, Cell] = {}
        for key, col in input_cols.items():
            ref = f"{get_column_letter(col + 1)}{index + 1}"
            value = row[col] if col < len(row) else ""
            values[key] = value
            cells[key] = Cell(file, sheet, ref)
            if ref in formulas.get(sheet, ()) and value in (None, ""):
                form.issues.append(RawIssue("FORMULA_NO_VALUE", sheet, ref))
        form.answers.append(RawAnswer(item, values, cells, sheet, index + 1))


_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _read_figures(form: ReturnedForm, rows: list[list], file: str, sheet: str, header, formulas: dict) -> None:
    header_index, columns = header
    for index in range(header_index + 1, len(rows)):
        row = rows[index]

        def at(key: str):
            col = columns.get(key)
            return (row[col] if col is not None and col < len(row) else ""), col

        code_value, _ = at("code")
        code = clean(code_value).upper()
        value, value_col = at("value")
        note, note_col = at("note")
        if not _CODE.match(code):
            for typed, col in ((value, value_col), (note, note_col)):
                if col is not None and typed not in (None, "") and clean(typed):
                    ref = f"{get_column_letter(col + 1)}{index + 1}"
                    form.issues.append(RawIssue("VALUE_UNPLACED", sheet, ref, clean(typed)[:80]))
            continue
        cells = {key: Cell(file, sheet, f"{get_column_letter(col + 1)}{index + 1}")
                 for key, col in (("value", value_col), ("note", note_col)) if col is not None}
        if "value" in cells and cells["value"].ref in formulas.get(sheet, ()) and value in (None, ""):
            form.issues.append(RawIssue("FORMULA_NO_VALUE", sheet, cells["value"].ref))
        form.figures.append(RawFigure(code, value, clean(note), cells, sheet, index + 1))


def as_date(value: object) -> dt.date | None:
    """A date cell as a date (text and serial numbers are handled by checks)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
