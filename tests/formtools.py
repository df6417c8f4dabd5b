"""Helpers for tests that read generated forms (not a test module)."""

from __future__ import annotations

import openpyxl

from cchc_excel import formspec as spec


def section_sheets(workbook):
    return [ws for ws in workbook.worksheets
            if ws.title not in (spec.GUIDE_SHEET, spec.META_SHEET, spec.LISTS_SHEET)]


def item_rows(sheet):
    """(item id, row number) of each item row of a section sheet."""
    col = spec.COLUMN_INDEX["id"]
    out = []
    for row in range(spec.FIRST_ROW, sheet.max_row + 1):
        value = sheet.cell(row, col).value
        if value:
            out.append((str(value), row))
    return out


def form_items(path) -> dict[str, str]:
    """item id -> role label, over all section sheets of a form."""
    workbook = openpyxl.load_workbook(path)
    result = {}
    for sheet in section_sheets(workbook):
        for item, row in item_rows(sheet):
            result[item] = sheet.cell(row, spec.COLUMN_INDEX["role"]).value
    return result


def meta_of(path) -> dict[str, str]:
    sheet = openpyxl.load_workbook(path)[spec.META_SHEET]
    return {r[0].value: r[1].value for r in sheet.iter_rows(min_row=2) if r[0].value}
