"""Generated forms in a real spreadsheet application (LibreOffice, through UNO)."""

import datetime as dt

import openpyxl
from conftest import invoke, lo_fill
from formtools import COL, ODS_FILTER, XLSX_FILTER, cell_ref, item_rows, section_sheets

from cchc_excel import formspec as spec
from cchc_excel.intake import read_form
from cchc_excel.models import Status
from cchc_excel.values import parse_date

XLSX, ODS = XLSX_FILTER, ODS_FILTER



def test_answers_typed_in_libreoffice_survive_with_the_validations(tmp_path, uno_python):
    assert invoke("forms", "--default-plan", "-p", "2026Q1", "--dir", tmp_path).exit_code == 0
    forms = sorted((tmp_path / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx"))
    jobs, typed = [], {}
    for n, path in enumerate(forms):
        workbook = openpyxl.load_workbook(path)
        cells = []
        for sheet in section_sheets(workbook):
            item, row = item_rows(sheet)[0]
            text = f"Kết quả {item} của {path.stem} & <đối chiếu> \"1.1\""
            cells += [
                {"sheet": sheet.title, "cell": cell_ref("status", row), "text": Status.IN_PROGRESS.label},
                {"sheet": sheet.title, "cell": cell_ref("result", row), "text": text},
                {"sheet": sheet.title, "cell": cell_ref("evidence", row), "text": "1.1"},
                {"sheet": sheet.title, "cell": cell_ref("completed_on", row), "date": "2026-03-10"},
            ]
            typed[(path.stem, item)] = text
        suffix, filt = (".ods", ODS) if n == 0 else (".xlsx", XLSX)
        jobs.append({"input": str(path), "output": str(tmp_path / "returned" / f"tra-ve-{n}{suffix}"),
                     "filter": filt, "cells": cells})
    lo_fill(uno_python, jobs, tmp_path)

    seen = {}
    for job in jobs:
        form = read_form(tmp_path / "returned" / job["output"].rsplit("/", 1)[1])
        assert form is not None, job["output"]          # identified by content, not file name
        assert form.period == "2026Q1"
        for answer in form.answers:
            if (form.agency, answer.item) in typed:
                assert answer.values["result"] == typed[(form.agency, answer.item)]
                assert answer.values["status"] == Status.IN_PROGRESS.label
                assert answer.values["evidence"] == "1.1"             # text, not the number 1.1
                day = answer.values["completed_on"]                   # a date cell, not text
                assert isinstance(day, dt.date) and parse_date(day) == (dt.date(2026, 3, 10), True)
                seen[(form.agency, answer.item)] = answer.cells["result"]
    assert set(seen) == set(typed)

    for job in jobs:
        if not job["output"].endswith(".xlsx"):
            continue
        saved = openpyxl.load_workbook(job["output"])
        assert saved[spec.META_SHEET].sheet_state in ("hidden", "veryHidden")
        for sheet in section_sheets(saved):
            assert sheet.protection.sheet
            kinds = {dv.type for dv in sheet.data_validations.dataValidation}
            assert {"list", "date"} <= kinds, (job["output"], sheet.title, kinds)
            for dv in sheet.data_validations.dataValidation:
                if dv.type == "list":
                    assert not dv.formula1.startswith('"'), dv.formula1   # a range, never an inline list
            for _, row in item_rows(sheet):
                assert sheet.cell(row, COL["status"]).protection.locked is False
                assert sheet.cell(row, COL["product"]).protection.locked is True


def test_a_feedback_copy_corrected_in_libreoffice_is_read_back(tmp_path, q1_forms, uno_python):
    """The agency opens its feedback copy (red cells, comments) in a real spreadsheet
    application, fixes the marked cell, saves; the next check finds nothing left."""
    from test_feedback import _workspace

    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn", "result": "Đã công khai dự toán năm 2026 & <đủ>",
                                 "evidence": "Quyết định số 12/QĐ-UBND ngày 03/02/2026"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    assert invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026").exit_code == 1
    copy = root / "output" / "2026Q1" / "phan-hoi" / "phong-kinh-te.xlsx"
    sheet = "VI. Tài chính công"
    row = dict(item_rows(openpyxl.load_workbook(copy)[sheet]))["VI.1.1"]
    (root / "input" / "2026Q1" / "bao cao phong-kinh-te.xlsx").unlink()
    corrected = root / "input" / "2026Q1" / "kt-sua-lai.xlsx"
    lo_fill(uno_python, [{"input": str(copy), "output": str(corrected), "filter": XLSX, "cells": [
        {"sheet": sheet, "cell": cell_ref("status", row), "text": Status.DONE.label},
        {"sheet": sheet, "cell": cell_ref("completed_on", row), "date": "2026-02-03"}]}], tmp_path)

    form = read_form(corrected)
    assert form is not None and form.agency == "phong-kinh-te"
    answer = next(a for a in form.answers if a.item == "VI.1.1")
    assert answer.values["status"] == Status.DONE.label
    assert answer.values["result"] == "Đã công khai dự toán năm 2026 & <đủ>"      # kept from the copy
    # (LibreOffice saves the structure protection as an empty <workbookProtection/>, as it
    # did with the forms openpyxl wrote: nothing the tool reads depends on it.)
    saved = openpyxl.load_workbook(corrected)
    assert saved[sheet].cell(row, COL["status"]).comment is not None          # the tool's note is still there
    assert saved[sheet].protection.sheet
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert result.exit_code == 0, result.output
