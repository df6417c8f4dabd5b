"""The officer's own workbooks read with python-calamine: the plan workbook
(ke-hoach-cchc.xlsx) and a plan typed in Excel.

Their readers need little of a workbook, so this gives that little with the
names openpyxl (which writes the plan workbook) gives it: ``book.sheetnames``,
``book[name]``, ``sheet.title``, ``sheet.iter_rows(min_row, max_col)``,
``sheet[1]``, ``sheet["H12"]``, ``cell.value``, ``cell.row``,
``cell.coordinate``. python-calamine opens a workbook several times faster
than openpyxl, and a command that only reads the plan never imports openpyxl
(with numpy, a fifth of a second).

Values are the ones the readers were written against (openpyxl's): a whole
number is an int (the plan number «52», never «52.0»; python-calamine gives
every number as a float), an empty cell is None (python-calamine: ""), a
formula is its cached value (None when never calculated). A date stays a
``datetime.date`` when it has no time of day (openpyxl: a datetime at
midnight); the readers take both.

python-calamine reads a sheet densely from A1 to its farthest cell, so a value
typed at XFD1048576 would abort the process. Each sheet's XML is measured
first (:func:`sheetxml.xlsx_sheet_facts`): an absurdly far cell is cut from an
in-memory copy (the file is untouched), and the cells cut that held something
are kept in :attr:`Book.far` for the caller to name (:meth:`Book.far_cells`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import python_calamine as calamine

from .files import broken_detail, office_zip
from .messages import CchcError, phrase
from .sheetxml import column_letters, sheet_names_by_part, split_ref, with_parts, xlsx_sheet_facts

_EXACT = 2.0**53      # a whole float below this is exactly the integer the cell holds


def cell_value(value: object) -> object:
    """A value as python-calamine reads it, as openpyxl gives it."""
    if type(value) is float:
        return int(value) if value.is_integer() and -_EXACT < value < _EXACT else value
    return None if value == "" else value


@dataclass(frozen=True)
class Cell:
    value: object
    row: int
    column: int

    @property
    def coordinate(self) -> str:
        return f"{column_letters(self.column)}{self.row}"


class Sheet:
    """One sheet's values, read once."""

    def __init__(self, title: str, rows: list[list]) -> None:
        self.title = title
        self._rows = rows
        self.max_row = len(rows)
        self.max_column = max(map(len, rows), default=0)

    def _cells(self, number: int, width: int) -> tuple[Cell, ...]:
        values = self._rows[number - 1] if 0 < number <= self.max_row else ()
        return tuple(Cell(values[i] if i < len(values) else None, number, i + 1) for i in range(width))

    def iter_rows(self, min_row: int = 1, max_col: int | None = None) -> Iterator[tuple[Cell, ...]]:
        """Rows ``min_row``… to the last one, each ``max_col`` cells wide (default: the widest row)."""
        width = self.max_column if max_col is None else max_col
        for number in range(max(min_row, 1), self.max_row + 1):
            yield self._cells(number, width)

    def __getitem__(self, key: int | str) -> tuple[Cell, ...] | Cell:
        """``sheet[1]``: the cells of row 1; ``sheet["H12"]``: one cell."""
        if isinstance(key, int):
            return self._cells(key, self.max_column)
        column, row = split_ref(key)
        values = self._rows[row - 1] if 0 < row <= self.max_row else ()
        return Cell(values[column - 1] if 0 < column <= len(values) else None, row, column)


class Book:
    """A workbook's sheets, each read when first asked for."""

    def __init__(self, path: Path, workbook: calamine.CalamineWorkbook, far: dict[str, list[str]]) -> None:
        self.path = path
        self._workbook = workbook
        self.far = far                           # sheet name -> far cells with content (not read)
        self.sheetnames: list[str] = list(workbook.sheet_names)
        self._sheets: dict[str, Sheet] = {}

    def __getitem__(self, name: str) -> Sheet:
        if name not in self._sheets:
            if name not in self.sheetnames:
                raise KeyError(name)
            try:
                rows = self._workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception as exc:  # calamine raises its own kinds on a broken sheet
                raise CchcError("FILE_UNREADABLE", file=self.path, detail=broken_detail(exc)) from None
            self._sheets[name] = Sheet(name, [[cell_value(v) for v in row] for row in rows])
        return self._sheets[name]

    @property
    def worksheets(self) -> list[Sheet]:
        """Every sheet of cells (not a chart sheet), in the workbook's order."""
        kinds = {m.name: m.typ for m in self._workbook.sheets_metadata}
        return [self[name] for name in self.sheetnames if kinds.get(name) == calamine.SheetTypeEnum.WorkSheet]

    def far_cells(self, names: list[str] | None = None) -> list[CchcError]:
        """A problem for each sheet (of ``names``, default all) with content too far away to be read."""
        return [CchcError("WORKBOOK_FAR_CELL", file=self.path, sheet=name, cell=cells[0],
                          others=phrase("CELLS_FAR_OTHERS", count=len(cells) - 1) if len(cells) > 1 else "")
                for name, cells in self.far.items() if names is None or name in names]


def open_xlsx(path: Path) -> Book:
    """An .xlsx (checked safe to unzip), its far cells cut away in memory."""
    path = Path(path)
    data, archive = office_zip(path, "xlsx")
    far: dict[str, list[str]] = {}
    with archive:
        names = set(archive.namelist())
        replaced: dict[str, bytes] = {}
        try:
            for part, name in sheet_names_by_part(archive, names).items():
                if part not in names:
                    continue
                facts, cut = xlsx_sheet_facts(archive.read(part))
                if cut is not None:
                    replaced[part] = cut
                if facts.far:
                    far[name] = facts.far
            if replaced:
                data = with_parts(archive, replaced)
        except Exception as exc:  # a part that does not inflate (zlib, zip and CRC errors)
            raise CchcError("FILE_UNREADABLE", file=path, detail=broken_detail(exc)) from None
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own kinds on broken files
        raise CchcError("FILE_UNREADABLE", file=path, detail=broken_detail(exc)) from None
    return Book(path, workbook, far)
