"""End to end with a real spreadsheet application: LibreOffice types the
agencies' answers into the generated forms and saves them as .xlsx and .ods;
compile on those files gives a report in which those answers appear."""

import openpyxl
from conftest import invoke, lo_fill
from formtools import ODS_FILTER, XLSX_FILTER, cell_ref, consistent_figures, item_rows, section_sheets
from reporttools import ITEMS, PLAN, document_text

from cchc_excel.formspec import FIGURE_INDEX, FIGURES_SHEET, FIRST_ROW
from cchc_excel.models import Status

XLSX, ODS = XLSX_FILTER, ODS_FILTER



def test_forms_filled_in_libreoffice_compile_into_the_report(tmp_path, uno_python):
    assert invoke("forms", "--default-plan", "-p", "2026Q1", "--dir", tmp_path).exit_code == 0
    forms = sorted((tmp_path / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx"))
    jobs, typed = [], []
    for n, form in enumerate(forms):
        cells = []
        for sheet in section_sheets(openpyxl.load_workbook(form)):
            for item_id, row in item_rows(sheet):
                item = ITEMS[item_id]
                if item.timeframe.kind.value == "conditional":
                    cells.append({"sheet": sheet.title, "cell": cell_ref("status", row),
                                  "text": Status.NOT_ARISEN.label})
                    continue
                result = f"LibreOffice: {form.stem} đã thực hiện {item_id} & <kiểm tra>"
                typed.append(result)
                cells += [
                    {"sheet": sheet.title, "cell": cell_ref("status", row), "text": Status.DONE.label},
                    {"sheet": sheet.title, "cell": cell_ref("completed_on", row), "date": "2026-03-02"},
                    {"sheet": sheet.title, "cell": cell_ref("result", row), "text": result},
                    {"sheet": sheet.title, "cell": cell_ref("evidence", row), "text": f"Văn bản số {n + 1}/UBND"},
                ]
        workbook = openpyxl.load_workbook(form)
        if FIGURES_SHEET in workbook.sheetnames:
            figures = consistent_figures(PLAN, form.stem, base=7)
            sheet = workbook[FIGURES_SHEET]
            for row in range(FIRST_ROW, sheet.max_row + 1):
                code = sheet.cell(row, FIGURE_INDEX["code"]).value
                if code in figures:
                    ref = f"{openpyxl.utils.get_column_letter(FIGURE_INDEX['value'])}{row}"
                    cells.append({"sheet": FIGURES_SHEET, "cell": ref, "number": figures[code]})
        suffix, filt = (".ods", ODS) if n % 2 else (".xlsx", XLSX)
        jobs.append({"input": str(form), "output": str(tmp_path / "input" / "2026Q1" / f"tra-ve-{n}{suffix}"),
                     "filter": filt, "cells": cells})
    lo_fill(uno_python, jobs, tmp_path)
    assert {p.suffix for p in (tmp_path / "input" / "2026Q1").iterdir()} == {".xlsx", ".ods"}

    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", tmp_path, "--today", "20/03/2026")
    assert result.exit_code == 0, result.output
    text = document_text(tmp_path / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx")
    missing = [t for t in typed if t not in text]
    assert not missing, missing[:3]
    assert "chưa gửi báo cáo" not in text
