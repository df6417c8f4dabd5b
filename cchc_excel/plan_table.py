"""Find a plan's task table among the raw tables of a document, by what it holds.

Columns are mapped by the meaning of their header words (one or two header
rows), whatever their order; extra columns (Ghi chú, Kinh phí…) are ignored.
Column-number rows in any style and header rows repeated on every page are
recognised. A table continued after a page break (same width, no header) and
further tables with the same kind of header are read as one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .plan_sources import RawTable
from .textnorm import fold

ROLES = ("tt", "task", "product", "lead", "coordinators", "timeframe")
REQUIRED = ("task", "lead", "timeframe")

_NUMBER_TOKEN = re.compile(r"^[(\[]?(\d{1,2}|[a-z])[)\].]?$")
_OWNERS = ("co quan", "don vi", "bo phan", "trach nhiem")


def column_role(cell: str) -> str | None:
    """The meaning of a header cell: one of ROLES, 'product_alt', or None."""
    key = fold(cell)
    if not key:
        return None
    if key in ("tt", "stt", "so tt", "so thu tu", "thu tu"):
        return "tt"
    if "phoi hop" in key:
        return "coordinators"
    if "chu tri" in key:
        return "lead"
    if any(word in key for word in ("thoi gian", "thoi han", "tien do", "han hoan thanh")):
        return "timeframe"
    if "thuc hien" in key and any(owner in key for owner in _OWNERS):
        return "lead"
    if key.startswith(_OWNERS) and not any(w in key for w in ("noi dung", "nhiem vu", "ket qua")):
        return "lead"
    if any(word in key for word in ("san pham", "hoat dong", "ket qua")):
        return "product"
    if any(word in key for word in ("nhiem vu", "noi dung", "cong viec")):
        return "task"
    if "hinh thuc" in key:
        return "product_alt"
    return None


def _roles(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, cell in enumerate(cells):
        role = column_role(cell) if cell else None
        if role and role not in columns:
            columns[role] = col
    if "product" not in columns and "product_alt" in columns:
        columns["product"] = columns["product_alt"]
    columns.pop("product_alt", None)
    if "task" not in columns and "product" in columns:
        columns["task"] = columns.pop("product")
    return columns


def _score(columns: dict[str, int]) -> tuple[int, int]:
    return sum(r in columns for r in REQUIRED), len(columns)


@dataclass
class Header:
    first_row: int                    # index in table.rows of the first header row
    last_row: int                     # index of the last header row
    columns: dict[str, int]
    texts: dict[str, str]             # role -> header words as written
    width: int


def _joined(upper: list[str], lower: list[str]) -> list[str]:
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    # A header cell merged across (text in the first cell only) covers the cells to its right.
    filled, last = [], ""
    for top, bottom in zip(upper, lower):
        last = top or (last if bottom else "")
        filled.append(f"{last} {bottom}".strip() if bottom else top)
    return filled


def _header_like(cells: list[str]) -> bool:
    """A row that could be the second header row: short words, no sentences."""
    values = [c for c in cells if c]
    return bool(values) and all(len(c) <= 40 and not re.search(r"\d{3,}", c) for c in values)


def find_header(table: RawTable) -> Header | None:
    best: Header | None = None
    rows = table.rows
    for index, (_, cells) in enumerate(rows[:60]):
        candidates = [(index, _roles(cells), cells)]
        if index + 1 < len(rows) and _header_like(rows[index + 1][1]):
            joined = _joined(cells, rows[index + 1][1])
            candidates.append((index + 1, _roles(joined), joined))
        for last, columns, texts in candidates:
            if len(columns) < 3:
                continue
            if best is None or _score(columns) > _score(best.columns):
                best = Header(index, last, columns, {r: texts[c] for r, c in columns.items()}, len(cells))
    return best


def is_column_numbers(cells: list[str]) -> bool:
    """"1 2 3 4 5 6", "(1) (2) (3)", "A B C": numbers the columns, not data."""
    values = [fold(c) for c in cells if c]
    if len(values) < 3:
        return False
    tokens = [m.group(1) if (m := _NUMBER_TOKEN.match(v)) else None for v in values]
    if None in tokens:
        return False
    if all(t.isdigit() for t in tokens):
        numbers = [int(t) for t in tokens]
        return numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    return all(t.isalpha() for t in tokens) and tokens == sorted(tokens)


def is_header_repeat(cells: list[str]) -> bool:
    """A header row repeated on a later page (or its second row): every value a header word."""
    values = [c for c in cells if c]
    roles = [column_role(c) for c in values]
    return len(values) >= 2 and all(roles) and len(set(roles)) >= 2


@dataclass
class TaskTable:
    header: Header
    source: RawTable
    rows: list[tuple[str, int, list[str]]] = field(default_factory=list)   # (where, row, cells by role order)
    tables_read: list[str] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)


def _by_role(cells: list[str], columns: dict[str, int]) -> list[str]:
    return [cells[columns[r]] if r in columns and columns[r] < len(cells) else "" for r in ROLES]


def _extra(cells: list[str], columns: dict[str, int]) -> str:
    used = set(columns.values())
    return " ".join(c for i, c in enumerate(cells) if c and i not in used)


def collect(tables: list[RawTable]) -> TaskTable | None:
    """The task table: the first raw table whose header has the required
    columns, with its continuations and later tables of the same kind.
    Rows come back as cells in ROLES order plus any extra text last."""
    found: TaskTable | None = None
    before: list[str] = []        # text of the tables above the task table (the heading block)
    for table in tables:
        header = find_header(table)
        complete = header is not None and all(r in header.columns for r in REQUIRED)
        if found is None:
            if not complete:
                before += [line for _, cells in table.rows for c in cells for line in c.split("\n") if line]
                continue
            found = TaskTable(header, table, title_lines=before + list(table.title_lines)
                              + [" ".join(c for c in cells if c) for _, cells in table.rows[: header.first_row]])
            start, columns, label = header.last_row + 1, header.columns, table.where
        elif complete:
            start, columns, label = header.last_row + 1, header.columns, table.where
        elif _width(table) == found.header.width and table.rows:
            start, columns, label = 0, found.header.columns, f"{table.where} (nối tiếp)"
        else:
            continue
        found.tables_read.append(label.lstrip(", "))
        for row_number, cells in table.rows[start:]:
            found.rows.append((table.where, row_number, _by_role(cells, columns) + [_extra(cells, columns)]))
    return found


def _width(table: RawTable) -> int:
    return max((len(cells) for _, cells in table.rows), default=0)


def best_partial(tables: list[RawTable]) -> tuple[RawTable, Header] | None:
    """The table that looks most like a task table, for a message naming what it lacks."""
    best = None
    for table in tables:
        header = find_header(table)
        if header and (best is None or _score(header.columns) > _score(best[1].columns)):
            best = (table, header)
    return best
