"""What a returned workbook's XML says that the cell reader does not: each
sheet's real extent, formulas with no cached value, cached formula errors and
the saved time.

python-calamine reads a sheet into a dense grid from A1 to its farthest cell,
so one value typed at XFD1048576 asks for 17 billion cells and aborts the
process. The extent is therefore measured here first, from the cell
references in the XML (.xlsx) or the repeat counts (.ods), and an absurd one
is cut back (.xlsx: the far cells are removed from an in-memory copy and
named) or refused (.ods) before the reader sees it.

Every scan is one pass over the part's bytes: patterns never look past the
end of the tag they start in, and a cell body is searched from where the
previous one ended.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .zipparts import ZipParts

MAX_AREA = 1_000_000            # cells of one sheet read densely; a form has a few thousand
KEEP_ROWS, KEEP_COLS = 5_000, 200   # what is kept of a sheet whose extent is absurd
_HUGE = 10**9
# The cached formula errors python-calamine reads; others (Excel 365's #SPILL!, #CALC!…) it refuses.
READER_ERRORS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})


@dataclass
class SheetFacts:
    """Per sheet: refs of formulas without a cached value, cached errors by ref,
    and the cells cut away because they lie absurdly far (with content)."""

    formulas: set[str] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)
    far: list[str] = field(default_factory=list)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)   # .ods, 0-based
    encoding: str = ""          # a part in an encoding the reader reads as an empty sheet ("UTF-16")
    as_text: list[tuple[str, str]] = field(default_factory=list)    # .ods: (ref, text) cells read as text
    misread: bool = False       # a shared-string cell may hold an index that is no number (see below)
    refused: list[BadCell] = field(default_factory=list)    # cells emptied for the reader, each named


def column_number(letters: bytes | str) -> int:
    number = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.upper().decode("ascii", "replace"):
        number = number * 26 + (ord(ch) - 64)
        if number > _HUGE:
            return _HUGE
    return number


def column_letters(number: int) -> str:
    if 0 < number < len(_LETTERS):
        return _LETTERS[number]
    return _column_letters(number)


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


_LETTERS = ("",) + tuple(_column_letters(n) for n in range(1, 703))     # A … ZZ, asked for every cell


def split_ref(ref: str) -> tuple[int, int]:
    """'H12' -> (8, 12): 1-based column and row."""
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters):]
    return column_number(letters), int(digits) if digits.isdigit() and len(digits) <= 9 else 0


def _number(digits: bytes) -> int:
    return int(digits) if 0 < len(digits) <= 9 else (_HUGE if digits else 0)


# --- saved time ------------------------------------------------------------------

_MODIFIED = re.compile(rb"<(?:dcterms:modified|dc:date)[^>]*>([^<]{1,80})<")
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d:?\d\d)?$")


def saved_time(meta_xml: bytes) -> dt.datetime | None:
    """The saved time of the document properties, in UTC without tzinfo."""
    match = _MODIFIED.search(meta_xml[:100_000])
    return parse_time(match.group(1).decode("ascii", "ignore")) if match else None


def parse_time(text: str) -> dt.datetime | None:
    """An ISO 8601 time with any offset ("2026-03-12T15:00:00+07:00", "…Z",
    nanoseconds from LibreOffice) as naive UTC; a time without offset is taken as UTC."""
    match = _ISO.match(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        stamp = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                            micro)
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        stamp -= sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return stamp


# --- .xlsx ---------------------------------------------------------------------------

# Attribute values as an XML parser reads them: either quote, spaces around "=".
_CELL_REF = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*[\"']([A-Za-z]*)(\d*)")
_ROW_REF = re.compile(rb"<(?:[\w.-]+:)?row\s[^>]*?\br\s*=\s*[\"'](\d*)")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s/>]")
_CELL = re.compile(rb"<((?:[\w.-]+:)?)c(\s[^>]*?)?(/?)>")
_ATTR_R = re.compile(rb"\br\s*=\s*[\"']([^\"'>]*)")
_ATTR_T = re.compile(rb"\bt\s*=\s*[\"']([^\"'>]*)")
_ERROR_TYPE = re.compile(rb"\st\s*=\s*[\"']e[\"']")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)<")


# How Excel, LibreOffice and openpyxl write them (no prefix, "r" first): one pass finds every
# cell, row and formula tag; anything else takes the general patterns below.
_PLAIN_TAG = re.compile(rb'<(c|row|f)[ >/](?:r="([A-Z]{0,3})([0-9]{0,7})")?')
# Prefixed tags, and tags whose name is followed by a line break or tab (as XML pretty-printers write
# them): the plain pattern does not see those, and one far cell written so once aborted the run.
# Two patterns, not one alternation: each alone is searched several times faster.
_PREFIXED = re.compile(rb":(?:c|row|f)[\s/>]")
_SPACED = re.compile(rb"<(?:c|row|f)[\t\r\n]")


# A sheet as Excel, LibreOffice and xlsxwriter save a form: every cell and row tag plain with "r" first,
# no reference beyond row 999 or column ZZ. Each pattern starts with a literal, which the regex engine
# finds fast; together they cost half of listing every reference.
_LOOSE_CELL = re.compile(rb'<c(?:[>/]| (?!r="))')
_LOOSE_ROW = re.compile(rb'<row(?:[>/]| (?!r="))')
_FAR_CELL = re.compile(rb'<c r="(?:[A-Z]{3}|[A-Z]{0,2}[0-9]{4})')
_FAR_ROW = re.compile(rb'<row r="[0-9]{4}')
_PLAIN_FORMULA = re.compile(rb"<f[ >/]")
_QUOTED_E = re.compile(rb'"e"')


def _small_plain(cells: bytes | None) -> bool | None:
    """Whether a plain sheet that is certainly small (under 1,000 rows and 703 columns, so within
    MAX_AREA) has formulas, from its cell region (see _cell_region); None when the sheet is not
    such a sheet (its extent is then measured)."""
    if cells is None or _PREFIXED.search(cells):
        return None
    if (b"\t" in cells or b"\r" in cells or b"\n" in cells) and _SPACED.search(cells):
        return None
    if _LOOSE_CELL.search(cells) or _LOOSE_ROW.search(cells) or _FAR_CELL.search(cells) or _FAR_ROW.search(cells):
        return None
    return _PLAIN_FORMULA.search(cells) is not None


def _cell_region(xml: bytes) -> bytes | None:
    """The bytes the reader takes cells from: python-calamine reads cells only inside the sheet's
    data element (calamine's XlsxCellReader skips to the first «sheetData» and stops at its end),
    so from the first «<sheetData» to the last «</sheetData>» is a superset; the forms write as much
    again around it (columns, validations, print setup). None when a data element is prefixed."""
    if b":sheetData" in xml:
        return None
    start = max(xml.find(b"<sheetData"), 0)
    end = xml.rfind(b"</sheetData>")
    return xml[start:end] if end > start else xml[start:]


def _plain_facts(xml: bytes) -> tuple[int, int, bool] | None:
    """(rows, columns, has formulas) when every cell and row tag is written plainly; else None."""
    if _PREFIXED.search(xml):
        return None
    start = xml.find(b"<sheetData")
    cells = xml[start:] if start >= 0 else xml
    if (b"\t" in cells or b"\r" in cells or b"\n" in cells) and _SPACED.search(xml):    # most sheets have none
        return None
    found = _PLAIN_TAG.findall(xml)
    if not found:
        return 0, 0, False
    tags, columns, rows = zip(*found)          # transposed in C: no Python loop over the cells
    formulas, row_tags = tags.count(b"f"), tags.count(b"row")
    if rows.count(b"") != formulas or columns.count(b"") != formulas + row_tags:
        return None                             # a tag without a reference, or "r" not first: the general way
    # Each distinct reference once: a sheet has many cells but few rows and columns.
    max_row = max(map(int, set(rows) - {b""}), default=0)
    max_col = max(map(column_number, set(columns) - {b""}), default=0)
    return max_row, max_col, formulas > 0


def xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) from A1 that calamine would read densely: an upper bound."""
    plain = _plain_facts(xml)
    if plain is not None:
        return plain[0], plain[1]
    refs = _CELL_REF.findall(xml)
    rows = [_number(r) for r in _ROW_REF.findall(xml)]
    max_row = max(max((_number(d) for _, d in refs), default=0), max(rows, default=0))
    max_col = max((column_number(c) for c in {c for c, _ in refs if c}), default=0)
    loose_cells = len(_CELL_TAG.findall(xml)) - len(refs)
    if loose_cells > 0:             # cells without a reference follow the one before them
        max_col += loose_cells
    loose_rows = len(_ROW_TAG.findall(xml)) - len(rows)
    if loose_rows > 0:
        max_row += loose_rows
    return max_row, max_col


def xlsx_sheet_facts(xml: bytes) -> tuple[SheetFacts, bytes | None]:
    """Facts about one worksheet part, and a copy of it for the reader when the part as it
    is would stop the reader: its extent is absurd, or it caches an error the reader does not know."""
    facts = SheetFacts()
    trimmed = None
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
        facts.encoding = "UTF-16"          # python-calamine reads no cell of it, and says nothing
        return facts, None
    cells = _cell_region(xml)
    has_formulas = _small_plain(cells)
    if has_formulas is None:
        plain = _plain_facts(xml)
        rows, cols = (plain[0], plain[1]) if plain else xlsx_extent(xml)
        if rows * cols > MAX_AREA:
            xml, facts.far = _trim_far_cells(xml)
            trimmed = xml
            plain = None
            cells = _cell_region(xml)
        # <f …> is a formula; <formula1> of a validation is not.
        has_formulas = plain[2] if plain else _FORMULA.search(xml) is not None
    # An error the reader reads is in a cell (a validation's error message is not).
    where = xml if cells is None else cells
    facts.misread = _misread_strings(where)
    has_errors = (_QUOTED_E.search(where) or b"'e'" in where) and _ERROR_TYPE.search(where) is not None
    if has_formulas or has_errors:
        _scan_cells(xml, facts)
    unknown = {text for text in facts.errors.values() if text not in READER_ERRORS}
    if unknown:
        # python-calamine 0.9 knows only the seven errors of Excel 2003 (its CellErrorType): a cached
        # #SPILL!, #CALC!, #FIELD!… makes it refuse the whole sheet. The copy it reads holds #N/A
        # there instead; the facts keep what the agency's Excel showed.
        for text in sorted(unknown):
            xml = xml.replace(b"<v>" + html.escape(text, quote=False).encode() + b"</v>", b"<v>#N/A</v>")
        trimmed = xml
    return facts, trimmed


def _scan_cells(xml: bytes, facts: SheetFacts) -> None:
    """Formulas without a cached value and cached errors, cell by cell."""
    for _, _, attrs, body in _cells(xml):
        ref_match = _ATTR_R.search(attrs)
        if body is None or not ref_match:
            continue
        ref = ref_match.group(1).decode("ascii", "replace").upper()
        value = _VALUE.search(body)
        cached = value.group(1) if value else b""
        kind = _ATTR_T.search(attrs)
        if kind and kind.group(1) == b"e":
            facts.errors[ref] = html.unescape(cached.decode("utf-8", "replace")).strip() or "#VALUE!"
        elif _FORMULA.search(body) and not cached.strip():
            facts.formulas.add(ref)


# --- cells the reader refuses --------------------------------------------------------

# What python-calamine refuses in one cell, and with it the whole sheet: a reference it cannot
# parse, an unknown type, a number that is none, a shared string that does not exist, a boolean
# that is neither. (Its float parser takes Rust's grammar: digits with an optional fraction and
# exponent, inf, infinity, nan.)
_REF = re.compile(rb"[A-Za-z]{1,3}[0-9]{1,7}")
_TYPES = frozenset({b"", b"n", b"s", b"b", b"e", b"str", b"inlineStr", b"d"})
_FLOAT = re.compile(rb"[+-]?(?:[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?"
                    rb"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])")
_BOOLEANS = frozenset({b"0", b"1", b"true", b"false"})


# A shared-string cell as Excel, LibreOffice and xlsxwriter write it, whose index is not digits alone:
# python-calamine 0.9 reads it as the table's first string, without a word (Excel refuses the file).
_STRING_INDEX = re.compile(rb't="s"><v>(?![0-9]+</v>)')


def _misread_strings(cells: bytes) -> bool:
    """Whether a shared-string cell of the sheet may hold an index that is no number (then its
    cells are looked at one by one, see unreadable_cells)."""
    typed = cells.count(b'"s"') + cells.count(b"'s'")
    if not typed:
        return False
    return typed != cells.count(b't="s"><v>') or _STRING_INDEX.search(cells) is not None


@dataclass(frozen=True)
class BadCell:
    ref: str            # as written in the file (it may be what is wrong)
    text: str           # the value as written
    span: tuple[int, int]       # where the cell element is in the part


def unreadable_cells(xml: bytes, strings: int) -> list[BadCell]:
    """The cells of a worksheet part that stop python-calamine reading the sheet, or that it
    would read as another cell's text (a shared-string index that is no number); ``strings``:
    how many shared strings the workbook has."""
    bad = []
    for start, end, attrs, body in _cells(xml):
        ref = _ATTR_R.search(attrs)
        kind = _ATTR_T.search(attrs)
        kind = kind.group(1) if kind else b""
        value = _VALUE.search(body or b"")
        written = value.group(1) if value else b""
        cached = written.strip()
        wrong = (ref is not None and not _REF.fullmatch(ref.group(1))) or kind not in _TYPES or (
            cached and ((kind in (b"", b"n") and not _FLOAT.fullmatch(cached))
                        or (kind == b"s" and (not written.isdigit() or int(written) >= strings))
                        or (kind == b"b" and cached.lower() not in _BOOLEANS)))
        if wrong:
            text = html.unescape(cached.decode("utf-8", "replace"))
            bad.append(BadCell(ref.group(1).decode("utf-8", "replace") if ref else "", text[:80], (start, end)))
    return bad


def without_cells(xml: bytes, bad: list[BadCell]) -> bytes:
    """The part with those cells emptied (a cell whose reference is wrong is taken out)."""
    keep, pos = [], 0
    for cell in sorted(bad, key=lambda c: c.span):
        start, end = cell.span
        keep.append(xml[pos:start])
        if not cell.ref:
            keep.append(b"<c/>")                  # it still holds its place in the row
        elif _REF.fullmatch(cell.ref.encode()):
            keep.append(b'<c r="' + cell.ref.encode() + b'"/>')
        pos = end
    keep.append(xml[pos:])
    return b"".join(keep)


def _cells(xml: bytes):
    """(start, end, attributes, body) of each cell element, in one pass; body None for <c …/>.
    A cell left open (malformed) ends the walk: the reader reports it."""
    pos = 0
    while True:
        match = _CELL.search(xml, pos)
        if not match:
            return
        prefix, attrs, closed = match.group(1), match.group(2) or b"", match.group(3)
        if closed:
            yield match.start(), match.end(), attrs, None
            pos = match.end()
            continue
        close = b"</" + prefix + b"c>"
        end = xml.find(close, match.end())
        if end < 0:
            return
        yield match.start(), end + len(close), attrs, xml[match.end():end]
        pos = end + len(close)


_TAG = re.compile(rb"<(/?)((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*)>")


def _trim_far_cells(xml: bytes) -> tuple[bytes, list[str]]:
    """Remove the cells outside the first KEEP_ROWS x KEEP_COLS; name those that held something."""
    keep: list[bytes] = []
    far: list[str] = []
    pos = 0
    row = col = 0
    cut_from = None
    cell_ref = ""
    for match in _TAG.finditer(xml):
        closing, _, name, attrs = match.group(1), match.group(2), match.group(3), match.group(4)
        self_closing = attrs.endswith(b"/")
        if name == b"row":
            if closing:
                continue
            r = _ATTR_R.search(attrs)
            row = _number(r.group(1)) if r and r.group(1).isdigit() else row + 1
            col = 0
            continue
        if closing:
            if cut_from is not None:
                body = xml[cut_from:match.start()]
                if re.sub(rb"<[^>]*>", b"", body).strip() and len(far) < 1000:
                    far.append(cell_ref)
                keep.append(xml[pos:cut_from])
                pos = match.end()
                cut_from = None
            continue
        r = _ATTR_R.search(attrs)
        if r:
            letters = re.match(rb"[A-Za-z]*", r.group(1)).group(0)
            col = column_number(letters) if letters else col + 1
            digits = r.group(1)[len(letters):]
            if digits.isdigit():
                row = _number(digits)
        else:
            col += 1
        if row > KEEP_ROWS or col > KEEP_COLS:
            cell_ref = f"{column_letters(min(col, 16384))}{row}"
            if self_closing:
                keep.append(xml[pos:match.start()])
                pos = match.end()
            else:
                cut_from = match.start()
    keep.append(xml[pos:])
    return b"".join(keep), far


_RELATION = re.compile(rb"<(?:[\w.-]+:)?Relationship\s[^>]*>")
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\s[^>]*>")
_ID_ATTR = re.compile(rb'\sId="([^"]+)"')
_TARGET = re.compile(rb'\sTarget="([^"]+)"')
_NAME = re.compile(rb'\sname="([^"]+)"')
_RID = re.compile(rb'\sr:id="([^"]+)"')


def sheet_names_by_part(archive: ZipParts, names: set[str]) -> dict[str, str]:
    """'xl/worksheets/sheet3.xml' -> the sheet's name, from workbook.xml and its rels."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    # Forms made from one plan share these two parts (a thousand returns, a few kinds): each
    # distinct pair is inflated and parsed once, known again by its bytes as stored.
    key = (archive.stored("xl/_rels/workbook.xml.rels"), archive.stored("xl/workbook.xml"))
    found = _NAMES_SEEN.get(key) if None not in key else None
    if found is None:
        found = _sheet_names(archive.read("xl/_rels/workbook.xml.rels"), archive.read("xl/workbook.xml"))
        if None not in key:
            if len(_NAMES_SEEN) >= 64:
                _NAMES_SEEN.clear()
            _NAMES_SEEN[key] = found
    return dict(found)


_NAMES_SEEN: dict[tuple, dict[str, str]] = {}


def _sheet_names(rels: bytes, book: bytes) -> dict[str, str]:
    targets = {}
    for rel in _RELATION.findall(rels):
        rid, target = _ID_ATTR.search(rel), _TARGET.search(rel)
        if rid and target:
            path = target.group(1).decode("utf-8", "ignore")
            targets[rid.group(1)] = path.lstrip("/") if path.startswith("/") else "xl/" + path.removeprefix("xl/")
    out = {}
    for sheet in _SHEET.findall(book):
        name, rid = _NAME.search(sheet), _RID.search(sheet)
        if name and rid and rid.group(1) in targets:
            out[targets[rid.group(1)]] = html.unescape(name.group(1).decode("utf-8", "ignore"))
    return out


def with_parts(archive: ZipParts, replaced: dict[str, bytes]) -> bytes:
    """The workbook's bytes with some parts replaced (in memory only): what the reader
    reads when a part as it is would stop it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for info in archive.infos:
            copy.writestr(info.filename, replaced.get(info.filename) or archive.read(info.filename))
    return buffer.getvalue()


# --- .ods ------------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
_ODS_NAME = re.compile(rb"table:name\s*=\s*[\"']([^\"']*)")
_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated\s*=\s*[\"']\s*(\d+)")
_COLS_REPEATED = re.compile(rb"table:number-columns-repeated\s*=\s*[\"']\s*(\d+)")
_ODS_ERROR = re.compile(rb"calcext:value-type\s*=\s*[\"']error")
_COLS_SPANNED = re.compile(rb"table:number-columns-spanned\s*=\s*[\"']\s*(\d+)")
_ROWS_SPANNED = re.compile(rb"table:number-rows-spanned\s*=\s*[\"']\s*(\d+)")
_MAX_NOTED = 10_000             # merged areas and formulas noted per table (a form has a few)
_ODS_TEXT = re.compile(rb"<text:p[^>]*>([^<]*)<")


@dataclass
class OdsTable:
    name: str
    rows: int = 0
    cols: int = 0
    far_cell: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)   # 0-based, inclusive
    formulas: set[str] = field(default_factory=set)       # formulas saved without a value (no office:value-type)
    as_text: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)   # (ref, text shown, tag span)


def ods_tables(content: bytes) -> list[OdsTable]:
    """Each table's extent (as calamine expands repeated rows and cells that
    hold something), its cached errors, formulas without a value and its merged areas (python-calamine
    gives merged areas for .xlsx/.xls only), in one pass over content.xml."""
    tables: list[OdsTable] = []
    table = None
    row = 0            # rows before the current one
    rows_here = 1
    col = 0
    for match in _ODS_TAG.finditer(content):
        closing, name, attrs = match.group(1), match.group(2), match.group(3)
        if closing:
            if name == b"table-row":
                row += rows_here
            continue
        if name == b"table":
            raw = _ODS_NAME.search(attrs)
            table = OdsTable(html.unescape(raw.group(1).decode("utf-8", "replace")) if raw else "")
            tables.append(table)
            row = 0
            continue
        if table is None:
            continue
        repeated = _ROWS_REPEATED.search(attrs) if name == b"table-row" else _COLS_REPEATED.search(attrs)
        count = _number(repeated.group(1)) if repeated else 1
        if name == b"table-row":
            rows_here, col = count, 0
            if attrs.endswith(b"/"):
                row += count
            continue
        if name == b"table-cell" and b"-spanned" in attrs:
            across, down = _COLS_SPANNED.search(attrs), _ROWS_SPANNED.search(attrs)
            width, height = _number(across.group(1)) if across else 1, _number(down.group(1)) if down else 1
            if (width > 1 or height > 1) and len(table.merged) < _MAX_NOTED:
                bottom, right = row + min(height, KEEP_ROWS) - 1, col + min(width, KEEP_COLS) - 1
                table.merged.append(((row, col), (bottom, right)))
        if (name == b"table-cell" and b"table:formula" in attrs and b"office:value-type" not in attrs
                and len(table.formulas) < _MAX_NOTED):
            table.formulas.add(f"{column_letters(col + 1)}{row + 1}")     # a script wrote it, nothing computed it
        holds = b"office:value-type" in attrs or not attrs.endswith(b"/")
        if holds:
            last_row, last_col = row + rows_here, col + count
            if (last_row > KEEP_ROWS or last_col > KEEP_COLS) and not table.far_cell:
                table.far_cell = f"{column_letters(min(last_col, 16384))}{last_row}"
            table.rows, table.cols = max(table.rows, last_row), max(table.cols, last_col)
            if _ODS_ERROR.search(attrs):
                text = _ODS_TEXT.match(content, match.end())
                ref = f"{column_letters(col + 1)}{row + 1}"
                table.errors[ref] = html.unescape(text.group(1).decode("utf-8", "replace")) if text else "#VALUE!"
            elif name == b"table-cell" and _refused_ods_value(attrs) and len(table.as_text) < _MAX_NOTED:
                text = _ODS_TEXT.match(content, match.end())
                shown = html.unescape(text.group(1).decode("utf-8", "replace")) if text else ""
                table.as_text.append((f"{column_letters(col + 1)}{row + 1}", shown[:80], match.span()))
        col += count
    return tables


# A number cell whose value is no number, a boolean neither true nor false: python-calamine refuses
# the whole .ods for one of them («Cannot detect file format»). Such a cell is read as the text it shows.
_ODS_TYPE = re.compile(rb'office:value-type\s*=\s*["\']([a-z]+)')
_ODS_NUMBER = re.compile(rb'office:value\s*=\s*["\']([^"\']*)')
_ODS_BOOLEAN = re.compile(rb'office:boolean-value\s*=\s*["\']([^"\']*)')
_ODS_VALUE_ATTRS = re.compile(rb'\s(?:office|calcext):(?:value-type|value|boolean-value|currency)\s*=\s*'
                              rb'(?:"[^"]*"|\'[^\']*\')')


def _refused_ods_value(attrs: bytes) -> bool:
    kind = _ODS_TYPE.search(attrs)
    if kind is None:
        return False
    if kind.group(1) in (b"float", b"percentage", b"currency"):
        value = _ODS_NUMBER.search(attrs)
        return value is not None and not _FLOAT.fullmatch(value.group(1).strip())
    if kind.group(1) == b"boolean":
        value = _ODS_BOOLEAN.search(attrs)
        return value is not None and value.group(1).strip().lower() not in (b"true", b"false")
    return False


def ods_as_text(content: bytes, spans: list[tuple[int, int]]) -> bytes:
    """content.xml with those cells' types dropped and set to string: read as the text they show."""
    keep, pos = [], 0
    for start, end in sorted(spans):
        tag = _ODS_VALUE_ATTRS.sub(b"", content[start:end])
        keep += [content[pos:start], tag[:-1].rstrip(b"/").rstrip() + b' office:value-type="string"'
                 + (b"/>" if tag.endswith(b"/>") else b">")]
        pos = end
    keep.append(content[pos:])
    return b"".join(keep)
