"""Reading returned forms by item id, whatever the agency did to the layout."""

import datetime as dt

from formtools import COL, done, fill
from openpyxl.utils import get_column_letter

from cchc_excel.intake import find_returns, read_form
from cchc_excel.models import Status


def _answers(path):
    form = read_form(path)
    return form, {a.item: a for a in form.answers}


def test_answers_are_found_by_item_id_after_sorting_inserting_and_hiding(q1_forms, tmp_path):
    def mess_up(workbook):
        sheet = workbook["VI. Tài chính công"]
        sheet.protection.sheet = False
        # Reverse the item rows (as a sort would), then insert a row and a column, hide a row.
        first, last = 5, sheet.max_row
        rows = [[sheet.cell(r, c).value for c in range(1, sheet.max_column + 1)] for r in range(first, last + 1)]
        for offset, values in enumerate(reversed(rows)):
            for c, value in enumerate(values, start=1):
                sheet.cell(first + offset, c).value = value
        sheet.insert_rows(7)
        sheet.insert_cols(3)
        sheet.row_dimensions[9].hidden = True
        workbook["IV. Tổ chức bộ máy"].title = "Tổ chức (đã đổi tên)"
        workbook.create_sheet("Ghi chép riêng")["A1"] = "Nháp của chị Lan"

    answers = {"VI.1.1": done(result="Công khai dự toán"),
               "VI.4.2": {"status": Status.IN_PROGRESS.label, "result": "Đang kiểm tra"},
               "IV.2": {"status": Status.NOT_ARISEN.label}}
    out = tmp_path / "kt.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", out, answers, transform=mess_up)
    form, by_item = _answers(out)
    assert form.agency == "phong-kinh-te" and form.period == "2026Q1"
    assert by_item["VI.1.1"].values["result"] == "Công khai dự toán"
    assert by_item["VI.1.1"].values["status"] == Status.DONE.label
    assert by_item["VI.4.2"].values["result"] == "Đang kiểm tra"
    assert by_item["IV.2"].values["status"] == Status.NOT_ARISEN.label
    assert by_item["IV.2"].sheet == "Tổ chức (đã đổi tên)"
    # The cell reported is where the value is now (column shifted by the inserted column).
    status_col = get_column_letter(COL["status"] + 1)
    assert by_item["VI.1.1"].cells["status"].startswith(status_col)
    assert {i.code for i in form.issues} == {"EXTRA_SHEET"}


def test_values_typed_outside_item_rows_are_reported(q1_forms, tmp_path):
    def add_loose_text(workbook):
        sheet = workbook["VI. Tài chính công"]
        sheet.cell(sheet.max_row + 2, COL["result"]).value = "Ghi thêm: đã họp 3 lần"

    out = tmp_path / "kt.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", out, {}, transform=add_loose_text)
    form, _ = _answers(out)
    unplaced = [i for i in form.issues if i.code == "VALUE_UNPLACED"]
    assert len(unplaced) == 1 and unplaced[0].text == "Ghi thêm: đã họp 3 lần"
    assert unplaced[0].sheet == "VI. Tài chính công" and unplaced[0].cell.startswith("J")


def test_formula_without_cached_value_is_reported(q1_forms, tmp_path):
    def formula(workbook):
        sheet = workbook["VI. Tài chính công"]
        sheet.cell(5, COL["result"]).value = '=CONCATENATE("Đã ","xong")'

    out = tmp_path / "kt.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", out, {}, transform=formula)
    form, by_item = _answers(out)
    issues = [(i.code, i.sheet, i.cell) for i in form.issues]
    assert ("FORMULA_NO_VALUE", "VI. Tài chính công", "J5") in issues


def test_dates_and_numbers_keep_their_types(q1_forms, tmp_path):
    out = tmp_path / "kt.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", out, {"VI.1.1": {"completed_on": dt.datetime(2026, 3, 1),
                                                            "evidence": "1.1"}})
    _, by_item = _answers(out)
    assert by_item["VI.1.1"].values["completed_on"] in (dt.date(2026, 3, 1), dt.datetime(2026, 3, 1))
    assert by_item["VI.1.1"].values["evidence"] == "1.1"


def test_find_returns_walks_sub_folders_and_skips_hidden(tmp_path):
    (tmp_path / "zalo" / "thang3").mkdir(parents=True)
    (tmp_path / "zalo" / "thang3" / "a.xlsx").write_bytes(b"x")
    (tmp_path / "b.xlsx").write_bytes(b"x")
    (tmp_path / "~$b.xlsx").write_bytes(b"x")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    names = [p.name for p in find_returns(tmp_path)]
    assert names == ["b.xlsx", "a.xlsx", "~$b.xlsx"]
    assert ".DS_Store" not in names
