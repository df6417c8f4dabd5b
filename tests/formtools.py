"""Helpers for tests that read generated forms (not a test module)."""

from __future__ import annotations

import openpyxl

from cchc_excel import formspec as spec
from cchc_excel.models import Status


def section_sheets(workbook):
    return [ws for ws in workbook.worksheets
            if ws.title not in (spec.GUIDE_SHEET, spec.META_SHEET, spec.LISTS_SHEET, spec.FIGURES_SHEET)]


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


COL = spec.COLUMN_INDEX


def fill(form_path, out_path, answers: dict[str, dict[str, object]], transform=None, text_keys=(),
         figures: dict[str, object] | None = None, figure_notes: dict[str, str] | None = None) -> None:
    """Fill a generated form as an agency would: the demo's filler (demo.fill_form).

    answers: item id -> {column key: value}; figures: indicator code -> the
    value typed in the «Số liệu» sheet. transform(workbook) may then sort,
    insert, rename… text_keys: keys written as text even when they start
    with '=' (what Excel does for a cell formatted as text).
    """
    from cchc_excel.demo import fill_form

    out_path.parent.mkdir(parents=True, exist_ok=True)
    fill_form(form_path, out_path, answers, figures=figures, notes=figure_notes, text_keys=tuple(text_keys),
              transform=transform)


def all_items(form_path) -> list[str]:
    workbook = openpyxl.load_workbook(form_path)
    return [item for sheet in section_sheets(workbook) for item, _ in item_rows(sheet)]


def done(result="Đã ban hành và triển khai đầy đủ", evidence="Kế hoạch số 05/KH-UBND ngày 12/01/2026",
         day=None):
    import datetime as dt

    return {"status": Status.DONE.label, "completed_on": day or dt.datetime(2026, 2, 10), "result": result,
            "evidence": evidence}


def claimed_by(code: str, name: str):
    """A fill() transform: the identifying sheet names another agency (a copied or swapped «_meta»)."""
    def transform(workbook):
        for row in workbook["_meta"].iter_rows():
            if row[0].value == "agency_code":
                row[1].value = code
            if row[0].value == "agency_name":
                row[1].value = name
    return transform


def patch_zip(path, replace: dict[str, tuple[bytes, bytes]] | None = None, pattern=None) -> None:
    """Rewrite parts of a saved workbook in place: {part: (old, new)} byte
    replacements, or pattern(name, data) -> data. For what openpyxl cannot
    write (a 40,000-character cell, a chosen saved time)."""
    import os
    import zipfile

    tmp = f"{path}.tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if replace and info.filename in replace:
                old, new = replace[info.filename]
                assert old in data, (info.filename, old)
                data = data.replace(old, new)
            if pattern:
                data = pattern(info.filename, data)
            dst.writestr(info, data)
    os.replace(tmp, path)


def set_saved_time(path, when) -> None:
    import re

    def stamp(name, data):
        if name != "docProps/core.xml":
            return data
        return re.sub(rb"(<dcterms:modified[^>]*>)[^<]+(<)", rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                      + rb"\g<2>", data)

    patch_zip(path, pattern=stamp)


XLSX_FILTER, ODS_FILTER = "Calc MS Excel 2007 XML", "calc8"   # LibreOffice save filters


def cell_ref(key: str, row: int) -> str:
    """'H7' for a form column key and a row."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(COL[key])}{row}"


def consistent_figures(plan, agency: str, base: float = 10) -> dict[str, float]:
    """Figures that pass every rule: parts first, then totals from them."""
    from cchc_excel.models import PartRule

    mine = [i for i in plan.indicators if i.typed and i.agency == agency]
    values = {i.code: base for i in mine}
    for total in reversed(mine):   # nested totals (HS_XIN_LOI ⊂ HS_QUA_HAN ⊂ HS_GIAI_QUYET): innermost first
        parts = [values[i.code] for i in mine if i.part_of == total.code]
        if parts:
            values[total.code] = sum(parts) if total.parts_rule == PartRule.EQUAL else 2 * max(parts)
    return values
