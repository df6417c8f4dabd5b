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
import io
import math
import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from . import formspec as spec
from .files import OLE_MAGIC, office_zip, os_reason, read_bytes
from .messages import CchcError, phrase
from .sheetxml import (
    MAX_AREA,
    BadCell,
    SheetFacts,
    column_letters,
    ods_as_text,
    ods_tables,
    saved_time,
    sheet_names_by_part,
    split_ref,
    unreadable_cells,
    with_parts,
    without_cells,
    xlsx_sheet_facts,
)
from .textnorm import clean, fold
from .xlsfacts import ole_streams, xls_facts
from .zipparts import ZipParts

READABLE = (".xlsx", ".xlsm", ".xls", ".ods")
LOCK_PREFIXES = ("~$", ".~lock")
_ID = re.compile(r"^[IVXL]+\.\d+(?:\.\d+)?$")


@dataclass
class RawAnswer:
    item: str
    values: dict[str, object]           # column key -> value as read (str/date/float)
    cells: dict[str, str]               # column key -> its cell ("H7"), in the form's file, on this sheet
    sheet: str
    row: int


@dataclass
class RawFigure:
    code: str
    value: object                       # as read: number, text or empty
    note: str
    cells: dict[str, str]               # "value"/"note" -> its cell ("D7"), in the form's file, on this sheet
    sheet: str
    row: int


@dataclass(frozen=True)
class RawIssue:
    """Something in the file that is not an answer: reported by checks."""

    code: str       # a messages.py code: VALUE_UNPLACED, VALUE_OUTSIDE_TABLE, EXTRA_SHEET, FORMULA_NO_VALUE…
    sheet: str
    cell: str
    text: str = ""
    item: str = ""      # the item row it is on, when there is one
    label: str = ""     # the form's column label, for header issues


@dataclass
class ReturnedForm:
    path: Path
    meta: dict[str, str]
    saved_at: dt.datetime | None = None
    answers: list[RawAnswer] = field(default_factory=list)
    figures: list[RawFigure] = field(default_factory=list)
    issues: list[RawIssue] = field(default_factory=list)
    opened: _Opened | None = field(default=None, repr=False, compare=False)    # until its rows are read

    @property
    def agency(self) -> str:
        return self.meta.get("agency_code", "")

    @property
    def period(self) -> str:
        return self.meta.get("period", "")


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIXES)


def find_returns(folder: Path) -> list[Path]:
    """Every file under folder (sub-folders, and folders reached through a link, too) but hidden
    ones, sorted; and what looks like a return but is none, to be named: a link to nothing (or to
    itself), an empty folder called "….xlsx". A folder reached twice (a link to a folder above)
    is walked once. The folder's own entries say what each is: a thousand returns, no stat each."""
    if not folder.is_dir():
        return []
    found: list[tuple[str, Path]] = []          # (where it is, lower case: the order), path
    walked: set[tuple[int, int]] = set()
    pending = [(str(folder), "")]
    while pending:
        root, place = pending.pop()
        try:
            status = os.stat(root)
            if (status.st_dev, status.st_ino) in walked:
                continue
            walked.add((status.st_dev, status.st_ino))
            with os.scandir(root) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            where = os.path.join(place, entry.name)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()       # links followed
            except OSError:
                is_dir = is_file = False
            if is_dir:
                pending.append((entry.path, where))
            path = Path(entry.path)
            if not (entry.name.startswith(".") and not is_lock_file(path)) and (
                    is_file or _looks_like_a_return(path)):
                found.append((where.lower(), path))
    return [path for _, path in sorted(found, key=lambda pair: pair[0])]


def _looks_like_a_return(path: Path) -> bool:
    if path.is_symlink():
        return not path.exists()                       # broken or a loop: a link to a folder is a folder
    return path.suffix.lower() in READABLE and path.is_dir() and not any(path.iterdir())


@dataclass
class _Opened:
    path: Path
    workbook: calamine.CalamineWorkbook
    saved_at: dt.datetime | None
    facts: dict[str, SheetFacts]          # sheet name -> what the XML says beyond the values
    parts: _XlsxParts | None = None       # .xlsx: the parts, scanned when a sheet is first asked for
    renamed: str = ""                     # what the file really is when its name says otherwise

    def facts_of(self, name: str) -> SheetFacts:
        """What a sheet's XML says beyond its values (an .xlsx sheet is scanned the first time)."""
        if name not in self.facts and self.parts is not None and self.parts.unscanned:
            self.parts.scan(self, name)
        return self.facts.get(name) or SheetFacts()

    def sheet(self, name: str) -> calamine.CalamineSheet:
        """A sheet for reading; no sheet is read before its XML was scanned."""
        self.facts_of(name)
        return self.workbook.get_sheet_by_name(name)


@dataclass
class _XlsxParts:
    """An .xlsx as read: its parts, and the parts the reader gets in a changed copy (far
    cells cut, unknown errors, refused cells emptied). A sheet's part is scanned only when
    the sheet is asked for: an older version of a return is read only for its item rows,
    and the sheets the tool never reads from a form of its own (the guide, the lists) only
    if something asks for one of them."""

    archive: ZipParts
    names: dict[str, str]                 # part -> sheet name
    changed: dict[str, bytes]
    unscanned: set[str]                   # parts not scanned yet

    def scan(self, opened: _Opened, name: str) -> None:
        """Scan the part of one sheet; all the rest when the sheet's part is not known (the
        reader may know a sheet the workbook's list does not name: none is read unscanned)."""
        parts = [p for p in self.unscanned if self.names.get(p) == name] or sorted(self.unscanned)
        cut_any = False
        for part in parts:
            found, cut = xlsx_sheet_facts(self.archive.read(part))
            self.unscanned.discard(part)
            opened.facts[self.names.get(part, part)] = found
            if cut is not None:
                self.changed[part] = cut
                cut_any = True
            if found.misread:
                xml = self.changed.get(part) or self.archive.read(part)
                found.refused = unreadable_cells(xml, _shared_strings(self.archive))
                if found.refused:
                    self.changed[part] = without_cells(xml, found.refused)
                    cut_any = True
        if cut_any:
            opened.workbook = self.reader()

    def reader(self) -> calamine.CalamineWorkbook:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(with_parts(self.archive, self.changed)))

    def without_refused_cells(self, opened: _Opened, name: str) -> list[BadCell]:
        """Empty the cells of a sheet the reader refuses, so that the rest of it is read;
        the cells emptied (none: the sheet's trouble is elsewhere)."""
        part = next((p for p, n in self.names.items() if n == name), None)
        if part is None:
            return []
        xml = self.changed.get(part) or self.archive.read(part)
        bad = unreadable_cells(xml, _shared_strings(self.archive))
        if bad:
            self.changed[part] = without_cells(xml, bad)
            opened.workbook = self.reader()
        return bad


def _shared_strings(archive: ZipParts) -> int:
    """How many strings the shared-string table holds."""
    name = next((n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")), None)
    if name is None:
        return 0
    xml = archive.read(name)
    return xml.count(b"<si>") + xml.count(b"<si ") + len(re.findall(rb"<[\w.-]+:si[\s>]", xml))


def _no_file(path: Path) -> None:
    """Raise when the path is a broken link or a folder (asked only once reading failed:
    two system calls fewer for each of a thousand returns)."""
    if path.is_symlink() and not path.exists():
        raise CchcError("RETURN_LINK_BROKEN", file=path)
    if path.is_dir():
        raise CchcError("RETURN_FOLDER", file=path)


def _open(path: Path) -> _Opened:
    suffix = path.suffix.lower()
    if suffix == ".xlsb" or suffix not in READABLE:
        _no_file(path)
        raise CchcError("RETURN_XLSB" if suffix == ".xlsb" else "RETURN_TYPE_UNSUPPORTED", file=path)
    try:
        data = read_bytes(path)
    except CchcError:
        _no_file(path)
        raise
    kind = _content_kind(data, suffix)
    saved_at, facts, parts = None, {}, None
    if kind == "xlsx":
        data, archive = office_zip(path, "xlsx", data)
        data, saved_at, parts = _xlsx_facts(path, data, archive)
    elif kind == "ods":
        data, archive = office_zip(path, "ods", data)
        with archive:
            data, saved_at, facts = _ods_facts(path, data, archive)
    else:
        if not data.startswith(OLE_MAGIC):
            raise CchcError("FILE_UNREADABLE", file=path, detail=phrase("READ_NOT_XLS"))
        if "EncryptedPackage" in ole_streams(data):      # an .xlsx/.ods saved with a password
            raise CchcError("FILE_ENCRYPTED", file=path)
        facts = xls_facts(data)
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise CchcError("FILE_ENCRYPTED", file=path) from None
    except Exception as exc:  # calamine raises several kinds on broken files
        reason = phrase("READ_BROKEN" if suffix != ".xls" else "READ_XLS_BROKEN")
        raise CchcError("FILE_UNREADABLE", file=path,
                        detail=phrase("READ_TECHNICAL", reason=reason, name=type(exc).__name__)) from None
    return _Opened(path, workbook, saved_at, facts, parts, renamed=kind if kind != _KIND[suffix] else "")


_KIND = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods", ".xls": "xls"}
_KIND_NAMES = {"xlsx": "Excel (.xlsx)", "ods": "LibreOffice Calc (.ods)", "xls": "Excel 97-2003 (.xls)"}


def _content_kind(data: bytes, suffix: str) -> str:
    """What the file is, by its first bytes: an .xls renamed .xlsx is no password-protected file,
    and an .xlsx or .ods renamed .xls can still be read."""
    expected = _KIND[suffix]
    head = data[:128]
    if head.startswith(OLE_MAGIC):
        return "xls"                        # or a password-protected package: told apart by its streams
    if head.startswith(b"PK\x03\x04"):
        if head[30:38] == b"mimetype" and b"opendocument.spreadsheet" in head:
            return "ods"
        return "xlsx" if expected == "xls" else expected
    return expected


def _xlsx_facts(path: Path, data: bytes, archive: ZipParts):
    """(bytes for the reader, saved time, the parts). Sheets are scanned when asked for (see
    _XlsxParts); the input is untouched, what the reader must not get is changed in a copy."""
    names = set(archive.namelist())
    saved_at = saved_time(archive.read("docProps/core.xml")) if "docProps/core.xml" in names else None
    by_part = sheet_names_by_part(archive, names)
    parts = set(by_part) | {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    trimmed = _sane_shared_strings(archive)
    if trimmed:
        data = with_parts(archive, trimmed)
    return data, saved_at, _XlsxParts(archive, by_part, trimmed, parts & names)


_SST_TAG = re.compile(rb"<(?:[\w.-]+:)?sst\s[^>]*>")
_SST_COUNT = re.compile(rb"\s(?:count|uniqueCount)\s*=\s*[\"']\s*(\d*)\s*[\"']")
# What may come before the root element: a byte order mark, the XML declaration, processing
# instructions, comments, a doctype, spaces.
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S)


def _sane_shared_strings(archive: ZipParts) -> dict[str, bytes]:
    """The shared-string table without its count attributes when they are absurd: python-calamine
    reserves room for that many strings before reading one (uniqueCount="2000000000" asked for
    48 TB and aborted the run). The counts are optional; the strings are all kept. The root
    element is read where it is: behind a long comment too (a count found only in the first
    bytes of the part let such a table through)."""
    fixed = {}
    for info in archive.infos:
        if not info.filename.lower().endswith("sharedstrings.xml"):
            continue
        xml = archive.read(info.filename, limit=1024)
        root = _sst_root(xml)
        if root is None and info.file_size > len(xml):
            xml = archive.read(info.filename)
            root = _sst_root(xml)
        if root and any(len(n) > 9 or int(n or 0) > info.file_size for n in _SST_COUNT.findall(root.group(0))):
            xml = archive.read(info.filename) if len(xml) < info.file_size else xml
            root = _sst_root(xml)
            fixed[info.filename] = xml[:root.start()] + _SST_COUNT.sub(b"", root.group(0)) + xml[root.end():]
    return fixed


def _sst_root(xml: bytes) -> re.Match | None:
    """The shared-string table's root tag, when the bytes reach it."""
    return _SST_TAG.match(xml, _PROLOG.match(xml).end())


def _ods_facts(path: Path, data: bytes, archive: ZipParts):
    """(bytes for the reader, saved time, facts by sheet name); a cell the reader would refuse
    the whole file for is read as the text it shows, in an in-memory copy."""
    names = set(archive.namelist())
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise CchcError("FILE_ENCRYPTED", file=path)
    saved_at = saved_time(archive.read("meta.xml")) if "meta.xml" in names else None
    facts = {}
    content = archive.read("content.xml")
    spans = []
    for table in ods_tables(content):
        if table.rows * table.cols > MAX_AREA:
            raise CchcError("FILE_FAR_CELL", file=path, sheet=table.name, cell=table.far_cell)
        facts[table.name] = SheetFacts(errors=table.errors, merged=table.merged, formulas=table.formulas,
                                       as_text=[(ref, text) for ref, text, _ in table.as_text])
        spans += [span for _, _, span in table.as_text]
    if spans:
        data = with_parts(archive, {"content.xml": ods_as_text(content, spans)})
    return data, saved_at, facts


def read_meta(opened: _Opened) -> dict[str, str] | None:
    names = sorted(opened.workbook.sheet_names, key=lambda n: n != spec.META_SHEET)
    for name in names:
        sheet = opened.sheet(name)
        if _area(sheet) > MAX_AREA and name != spec.META_SHEET:
            continue
        rows = sheet.to_python(skip_empty_area=False, nrows=40)
        if rows and rows[0] and clean(rows[0][0]) == spec.META_MARKER:
            errors = opened.facts_of(name).errors
            pairs = [(index, clean(r[0]), r[1]) for index, r in enumerate(rows[1:], start=2) if len(r) > 1]
            for index, key, _ in pairs if errors else ():
                if key in _IDENTITY and f"B{index}" in errors:
                    raise CchcError("RETURN_META_ERROR", file=opened.path, sheet=name, cell=f"B{index}",
                                    text=errors[f"B{index}"])
            return {key: clean(value) for _, key, value in pairs if key}
    return None


_IDENTITY = ("agency_code", "period", "plan_fingerprint")      # what a return is known by


def _area(sheet: calamine.CalamineSheet) -> int:
    end = sheet.end
    return (end[0] + 1) * (end[1] + 1) if end else 0


def read_form(path: Path) -> ReturnedForm | None:
    """The form's metadata, answers and unplaced values; None when the file is
    not a cchc-excel form. Raises CchcError when it cannot be read at all:
    whatever goes wrong inside the readers becomes that error, for this file only."""
    form = open_form(path)
    if form is not None:
        read_rows(form)
    return form


def open_form(path: Path) -> ReturnedForm | None:
    """The form's identity (metadata, saved time), its sheets not read yet (see read_rows);
    None when the file is not a cchc-excel form; CchcError when it cannot be read at all."""
    return _guarded(path, _open_form, path)


def read_rows(form: ReturnedForm, ids_only: bool = False) -> None:
    """Read an opened form's sheets: its answers, figures and what cannot be placed.
    ``ids_only``: only which item rows it has (answers without values) on the item sheets, for
    a version that another one supersedes: enough to tell whose rows it holds. The reader is
    let go after."""
    opened, form.opened = form.opened, None
    if opened is not None:
        _guarded(form.path, _read_rows, form, opened, ids_only)


def _guarded(path: Path, step, *args):
    """A reading step, with whatever goes wrong inside the readers as a CchcError on the file."""
    try:
        return step(*args)
    except CchcError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # zlib/zip/XML/calamine errors, a reader's panic, MemoryError…
        raise CchcError("FILE_UNREADABLE", file=path, detail=failure_reason(exc)) from None


def failure_reason(exc: BaseException) -> str:
    """What went wrong inside a reader, for the officer."""
    name = type(exc).__name__
    if isinstance(exc, MemoryError):
        reason = phrase("READ_NO_MEMORY")
    elif isinstance(exc, (zlib.error, zipfile.BadZipFile, EOFError, calamine.ZipError)):
        reason = phrase("READ_ZIP_BROKEN")
    elif isinstance(exc, calamine.XmlError):
        reason = phrase("READ_XML_BROKEN")
    elif isinstance(exc, (KeyError, calamine.WorksheetNotFound)):
        reason = phrase("READ_PART_MISSING")
    elif isinstance(exc, NotImplementedError):
        reason = phrase("READ_UNSUPPORTED")
    elif isinstance(exc, OSError):
        reason = os_reason(exc)
    else:
        reason = phrase("READ_BROKEN")
    return phrase("READ_TECHNICAL", reason=reason, name=name)


def _open_form(path: Path) -> ReturnedForm | None:
    opened = _open(path)
    meta = read_meta(opened)
    if meta is None:
        return None
    form = ReturnedForm(path, meta, opened.saved_at, opened=opened)
    if opened.renamed:
        form.issues.append(RawIssue("RETURN_RENAMED", "", "", _KIND_NAMES[opened.renamed]))
    return form


_NO_ANSWERS = frozenset({spec.META_SHEET, spec.LISTS_SHEET, spec.GUIDE_SHEET})
_NO_ITEMS = _NO_ANSWERS | {spec.FIGURES_SHEET}


def _read_rows(form: ReturnedForm, opened: _Opened, ids_only: bool) -> None:
    # Item rows are read from every sheet but the form's own others; for the item rows alone,
    # the figures sheet is not read either (a form has none there).
    skipped = _NO_ITEMS if ids_only else _NO_ANSWERS
    for name in opened.workbook.sheet_names:
        if name in skipped:
            continue
        try:
            facts = opened.facts_of(name)
            if facts.encoding:
                form.issues.append(RawIssue("SHEET_UNREADABLE", name, "",
                                            phrase("READ_ENCODING", encoding=facts.encoding)))
                continue
            if facts.far:
                others = phrase("CELLS_FAR_OTHERS", count=len(facts.far) - 1) if len(facts.far) > 1 else ""
                form.issues.append(RawIssue("CELL_TOO_FAR", name, facts.far[0], others))
            form.issues.extend(RawIssue("CELL_READ_AS_TEXT", name, ref, text) for ref, text in facts.as_text)
            form.issues.extend(RawIssue("CELL_UNREADABLE", name, cell.ref, cell.text) for cell in facts.refused)
            sheet = opened.sheet(name)
            if _area(sheet) > MAX_AREA:      # .xls: a far cell; the reader has it already, do not expand it
                end = sheet.end
                form.issues.append(RawIssue("SHEET_TOO_FAR", name, f"{column_letters(end[1] + 1)}{end[0] + 1}"))
                continue
            rows = sheet.to_python(skip_empty_area=False)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:   # one broken sheet: the others are still read
            repaired = _without_refused_cells(form, opened, name, exc)
            if repaired is None:
                continue
            sheet, rows = repaired
            facts = opened.facts.get(name) or SheetFacts()
        try:
            _show_merged(rows, sheet.merged_cell_ranges or facts.merged)
            _read_sheet(form, rows, name, facts, ids_only)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            form.issues.append(RawIssue("SHEET_UNREADABLE", name, "", failure_reason(exc)))


def _without_refused_cells(form: ReturnedForm, opened: _Opened, name: str, exc: BaseException):
    """(sheet, rows) of a sheet the reader refused, read again without the cells it refuses
    (each named); None, and the sheet named as unreadable, when that is not the trouble."""
    sheet = rows = None
    try:
        bad = opened.parts.without_refused_cells(opened, name) if opened.parts is not None else []
        if bad:
            sheet = opened.workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        rows = None
    if rows is None:
        form.issues.append(RawIssue("SHEET_UNREADABLE", name, "", failure_reason(exc)))
        return None
    form.issues.extend(RawIssue("CELL_UNREADABLE", name, cell.ref, cell.text) for cell in bad)
    return sheet, rows


class _Spread(str):
    """Text a merged area shows in a cell other than its top-left one: read as Excel shows it,
    but not reported as typed there (a title merged across the table, a status merged over a task row)."""


def _show_merged(rows: list[list], merged) -> None:
    """A merged area shows its top-left value everywhere, as Excel shows it."""
    for (top, left), (bottom, right) in merged or ():
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        if value in (None, ""):
            continue
        value = _Spread(value) if isinstance(value, str) else value
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(left, min(right, len(row) - 1) + 1):
                if row[c] in (None, ""):
                    row[c] = value


def _label_keys(columns: tuple[spec.Column, ...]) -> tuple[dict[str, str], list[str], dict[str, int]]:
    """(column key by label, as the form writes it and folded as retyped; the labels in the form's
    order; where the form puts each column), for a tuple of the form's columns."""
    known = _LABEL_KEYS.get(id(columns))
    if known is None:
        keys = {fold(c.label): c.key for c in columns} | {c.label: c.key for c in columns}
        known = _LABEL_KEYS[id(columns)] = (keys, [c.label for c in columns],
                                            {c.key: col for col, c in enumerate(columns)})
    return known


_LABEL_KEYS: dict[int, tuple] = {}      # by the form's column tuples (module constants)


def _find_header(rows: list[list], columns: tuple[spec.Column, ...], required: tuple[str, str],
                 sheet: str, issues: list) -> tuple[int, dict[str, int]] | None:
    """(row index, column key -> index) of the header row.

    Columns are found by their labels. When a label was retyped, the row is
    still the header if it holds at least half of the labels: the retyped
    column is then taken where its neighbours put it, and named in an issue.
    """
    keys, labels, in_place = _label_keys(columns)
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:30]):
        if row[:len(labels)] == labels:            # as the form writes it: every label in its place
            return index, in_place                 # (shared: read, never changed)
        if len(columns) > 2 and len(row) - row.count("") < 2:
            continue                               # a title line: one label alone makes no header
        found: dict[str, int] = {}
        for col, value in enumerate(row):
            if value.__class__ is str and 0 < len(value) <= 60:   # labels are short
                key = keys.get(value) or keys.get(fold(value.split(" (")[0])) or keys.get(fold(value))
                if key and key not in found:
                    found[key] = col
        if all(k in found for k in required):
            return index, found
        if found and (best is None or len(found) > len(best[1])):
            best = (index, found)
    if best is None or 2 * len(best[1]) < len(columns):
        return None
    index, found = best
    row = rows[index]
    order = [c.key for c in columns]
    for position, column in enumerate(columns):
        if column.key in found:
            continue
        left = next((k for k in reversed(order[:position]) if k in found), None)
        guess = found[left] + position - order.index(left) if left else position
        if guess in found.values():
            continue
        found[column.key] = guess
        text = clean(row[guess]) if guess < len(row) else ""
        code = "HEADER_RETYPED" if text else "HEADER_EMPTY"
        issues.append(RawIssue(code, sheet, f"{column_letters(guess + 1)}{index + 1}", text[:60],
                               label=column.label))
    missing = [k for k in required if k not in found]
    if missing:
        label = next(c.label for c in columns if c.key == missing[0])
        issues.append(RawIssue("HEADER_MISSING", sheet, f"A{index + 1}", label=label))
        return None
    return index, found


def _read_sheet(form: ReturnedForm, rows: list[list], sheet: str, facts: SheetFacts, ids_only: bool = False) -> None:
    found_issues: list[RawIssue] = []
    header = None
    if sheet != spec.FIGURES_SHEET:            # the figures sheet is looked at as such first
        header = _find_header(rows, spec.COLUMNS, ("id", "status"), sheet, found_issues)
    if header is None:
        figure_issues: list[RawIssue] = []
        figures = _find_header(rows, spec.FIGURE_COLUMNS, ("code", "value"), sheet, figure_issues)
        if figures is not None:
            form.issues.extend(figure_issues)
            if not ids_only:
                _read_figures(form, rows, sheet, figures, facts)
        elif sheet == spec.FIGURES_SHEET and (item_header := _find_header(
                rows, spec.COLUMNS, ("id", "status"), sheet, found_issues)) is not None:
            form.issues.extend(found_issues)
            (_read_item_ids if ids_only else _read_items)(form, rows, sheet, facts, item_header)
        elif found_issues or figure_issues:
            form.issues.extend(found_issues or figure_issues)
        elif any(clean(v) for row in rows for v in row if v not in (None, "")):
            form.issues.append(RawIssue("EXTRA_SHEET", sheet, ""))
        return
    form.issues.extend(found_issues)
    (_read_item_ids if ids_only else _read_items)(form, rows, sheet, facts, header)


def _read_item_ids(form: ReturnedForm, rows: list[list], sheet: str, facts: SheetFacts, header) -> None:
    """The item rows of a sheet as _read_items finds them, without their values."""
    header_index, columns = header
    id_col = columns["id"]
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        item = clean(row[id_col]) if id_col < len(row) else ""
        if _ID.match(item):
            form.answers.append(RawAnswer(item, {}, {}, sheet, index + 1))


def _read_items(form: ReturnedForm, rows: list[list], sheet: str, facts: SheetFacts, header) -> None:
    header_index, columns = header
    id_col = columns["id"]
    input_cols = {key: columns[key] for key in spec.INPUT_KEYS if key in columns}
    _outside(form, rows, sheet, header_index, columns, "id", _ID, set(input_cols.values()))
    letters = {col: column_letters(col + 1) for col in input_cols.values()}
    where = [(key, col, letters[col]) for key, col in input_cols.items()]
    computed = bool(facts.formulas or facts.errors)      # most sheets have no formula at all
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        item = clean(row[id_col]) if id_col < len(row) else ""
        if not _ID.match(item):
            for col in input_cols.values():
                value = row[col] if col < len(row) else ""
                if value in (None, "") and not computed:
                    continue
                ref = f"{letters[col]}{index + 1}"
                if value not in (None, "") and not isinstance(value, _Spread) and clean(value):
                    form.issues.append(RawIssue("VALUE_UNPLACED", sheet, ref, clean(value)[:80]))
                else:
                    _formula_issue(form, facts, sheet, ref, value)
            continue
        values: dict[str, object] = {}
        cells: dict[str, str] = {}
        width = len(row)
        number = str(index + 1)
        for key, col, column in where:
            ref = column + number
            value = row[col] if col < width else ""
            if value.__class__ is float and not math.isfinite(value):
                value = _shown(value)
            values[key] = value
            cells[key] = ref
            if computed:
                _formula_issue(form, facts, sheet, ref, value, item)
        form.answers.append(RawAnswer(item, values, cells, sheet, index + 1))
    # Formulas with no value below the last value: the reader's grid stops before them.
    for ref in sorted(facts.formulas | set(facts.errors)):
        col, row = split_ref(ref)
        if row > len(rows) and col - 1 in input_cols.values():
            _formula_issue(form, facts, sheet, ref, "")


def _shown(value):
    """A value as read, but a number that is no number (inf, nan: what a script writing
    float("inf") saves; no spreadsheet shows one) as its text, so no writer downstream gets it."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _formula_issue(form: ReturnedForm, facts: SheetFacts, sheet: str, ref: str, value, item: str = "") -> None:
    if value not in (None, ""):
        return
    if ref in facts.errors:
        form.issues.append(RawIssue("FORMULA_ERROR", sheet, ref, facts.errors[ref], item=item))
    elif ref in facts.formulas:
        form.issues.append(RawIssue("FORMULA_NO_VALUE", sheet, ref, item=item))


_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _outside(form: ReturnedForm, rows: list[list], sheet: str, header_index: int, columns: dict[str, int],
             key: str, pattern: re.Pattern, answers: set[int]) -> None:
    """Text typed where no answer is read: above the header beyond the title
    lines of column A, in a column the table does not have (O6), or outside
    the answer columns of a row without an id (A20). Answer columns of such
    rows are reported as VALUE_UNPLACED by the caller."""
    table, id_col = set(columns.values()), columns[key]
    width = max(map(len, rows), default=0)
    beyond_table = [col for col in range(width) if col not in table]       # most sheets: none
    beyond_answers = [col for col in range(width) if col not in answers]
    for index, row in enumerate(rows):
        blank = row.count("")
        if index == header_index or blank == len(row) or (blank == len(row) - 1 and row[0] != ""
                                                         and index < header_index):
            continue                               # an empty row, or a title line in column A alone
        if index < header_index:
            where = range(1, len(row))             # the form writes its title lines in column A
        elif id_col < len(row) and pattern.match(clean(row[id_col]).upper()):
            where = beyond_table
        else:
            where = beyond_answers
        for col in where:
            if col >= len(row):
                break
            value = row[col]
            if value not in (None, "") and not isinstance(value, _Spread) and clean(value):
                ref = f"{column_letters(col + 1)}{index + 1}"
                form.issues.append(RawIssue("VALUE_OUTSIDE_TABLE", sheet, ref, clean(value)[:80]))


def _read_figures(form: ReturnedForm, rows: list[list], sheet: str, header, facts: SheetFacts) -> None:
    header_index, columns = header
    _outside(form, rows, sheet, header_index, columns, "code", _CODE,
             {columns[k] for k in ("value", "note") if k in columns})
    for index in range(header_index + 1, len(rows)):
        row = rows[index]

        def at(key: str):
            col = columns.get(key)
            return (_shown(row[col]) if col is not None and col < len(row) else ""), col

        code_value, _ = at("code")
        code = clean(code_value).upper()
        value, value_col = at("value")
        note, note_col = at("note")
        if not _CODE.match(code):
            for typed, col in ((value, value_col), (note, note_col)):
                if col is not None and typed not in (None, "") and not isinstance(typed, _Spread) and clean(typed):
                    ref = f"{column_letters(col + 1)}{index + 1}"
                    form.issues.append(RawIssue("VALUE_UNPLACED", sheet, ref, clean(typed)[:80]))
            continue
        cells = {key: f"{column_letters(col + 1)}{index + 1}"
                 for key, col in (("value", value_col), ("note", note_col)) if col is not None}
        if "value" in cells:
            _formula_issue(form, facts, sheet, cells["value"], value, code)
        form.figures.append(RawFigure(code, value, clean(note), cells, sheet, index + 1))
