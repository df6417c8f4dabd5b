"""What a form and a feedback copy promise their user, read back with openpyxl
from the files the writer makes: validations on exactly the answer cells,
protection, layout for screen and print, hidden sheets, comments and fills."""

import datetime as dt
import io
from collections import defaultdict

import openpyxl
from formtools import COL, item_rows, section_sheets

from cchc_excel import formspec as spec
from cchc_excel.feedback import copy_digest
from cchc_excel.forms import Prefill, build_form
from cchc_excel.models import Status, TimeframeKind
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import load_embedded_plan
from cchc_excel.planbook import default_settings

FIG = spec.FIGURE_INDEX


def _cells(dv) -> set[tuple[int, int]]:
    return {cell for cell_range in dv.sqref.ranges for cell in cell_range.cells}


def _prompt_kind(kind: TimeframeKind) -> TimeframeKind | None:
    return kind if kind in (TimeframeKind.CONDITIONAL, TimeframeKind.RECURRING) else None


def _input_sheets(workbook):
    return section_sheets(workbook) + ([workbook[spec.FIGURES_SHEET]] if spec.FIGURES_SHEET in workbook else [])


def test_validations_cover_exactly_the_answer_cells_one_per_kind(q1_forms):
    plan = load_embedded_plan()
    kinds = {item.id: item.timeframe.kind for item in plan.items}
    for path in sorted(q1_forms.iterdir()):
        workbook = openpyxl.load_workbook(path)
        for sheet in section_sheets(workbook):
            rows = dict(item_rows(sheet))
            validations = sheet.data_validations.dataValidation
            by_type = defaultdict(set)
            for dv in validations:
                assert not by_type[dv.type] & _cells(dv), (path.name, sheet.title)   # no cell twice
                by_type[dv.type] |= _cells(dv)
                assert dv.promptTitle and dv.prompt and dv.errorTitle and dv.error, (path.name, sheet.title)
                assert dv.showInputMessage and dv.showErrorMessage and dv.allow_blank
            assert set(by_type) == {"list", "date", "textLength"}
            assert by_type["list"] == {(r, COL["status"]) for r in rows.values()}
            assert by_type["date"] == {(r, COL["completed_on"]) for r in rows.values()}
            assert by_type["textLength"] == {(r, c) for r in rows.values()
                                             for c in range(COL["result"], COL["proposals"] + 1)}
            lists = [dv for dv in validations if dv.type == "list"]
            assert len(validations) == len(lists) + 2 and len(lists) <= 3     # one per kind of item
            for dv in lists:            # one prompt for each kind: conditional, recurring, the others
                assert dv.formula1 == spec.STATUS_NAME
                kind = {_prompt_kind(kinds[item]) for item, r in rows.items() if (r, COL["status"]) in _cells(dv)}
                assert len(kind) == 1, (path.name, sheet.title, dv.sqref)
                if kind == {TimeframeKind.CONDITIONAL}:
                    assert Status.NOT_ARISEN.label in dv.prompt
                elif kind == {TimeframeKind.RECURRING}:
                    assert Status.CARRIED_OUT.label in dv.prompt
            date = next(dv for dv in validations if dv.type == "date")
            assert date.operator in (None, "between") and date.errorStyle == "warning"   # between: the default
            assert (date.formula1, date.formula2) == ("DATE(2025,1,1)", "DATE(2027,12,31)")
            text = next(dv for dv in validations if dv.type == "textLength")
            assert (text.operator, text.formula1) == ("lessThanOrEqual", "5000")
        if spec.FIGURES_SHEET in workbook:
            figures = workbook[spec.FIGURES_SHEET]
            codes = [figures.cell(r, FIG["code"]).value for r in range(spec.FIRST_ROW, figures.max_row + 1)]
            (dv,) = figures.data_validations.dataValidation
            assert dv.type == "decimal" and dv.operator == "greaterThanOrEqual" and dv.errorStyle == "warning"
            assert _cells(dv) == {(spec.FIRST_ROW + i, FIG["value"]) for i in range(len([c for c in codes if c]))}


def test_protection_layout_and_print_setup(q1_forms):
    workbook = openpyxl.load_workbook(q1_forms / "phong-vhxh.xlsx")
    assert workbook.security.lockStructure
    assert workbook.sheetnames[-2:] == [spec.META_SHEET, spec.LISTS_SHEET]
    assert workbook.defined_names[spec.STATUS_NAME].attr_text == f"'{spec.LISTS_SHEET}'!$A$1:$A${len(Status)}"
    for name, state in ((spec.META_SHEET, "veryHidden"), (spec.LISTS_SHEET, "hidden")):
        assert workbook[name].sheet_state == state and workbook[name].protection.sheet
    guide = workbook[spec.GUIDE_SHEET]
    assert guide.sheet_state == "visible" and guide.protection.sheet
    assert guide.page_setup.orientation == "portrait" and guide.sheet_properties.pageSetUpPr.fitToPage
    assert guide.column_dimensions["B"].width >= 90
    for sheet in _input_sheets(workbook):
        protection = sheet.protection
        assert protection.sheet and protection.formatCells and protection.insertRows and protection.deleteColumns
        assert not (protection.formatRows or protection.formatColumns or protection.autoFilter)  # allowed
        assert not protection.objects                      # comments can still be read and resized
        assert sheet.freeze_panes == "C5"
        assert sheet.print_title_rows == "$4:$4"
        setup = sheet.page_setup
        assert (setup.orientation, str(setup.paperSize), setup.fitToWidth or 1, setup.fitToHeight) == (
            "landscape", "9", 1, 0)                        # fit to one page wide (1: the default), any height
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_options.horizontalCentered
        assert sheet.page_margins.left == 0.4 and sheet.page_margins.top == 0.5
        assert sheet.row_dimensions[spec.HEADER_ROW].height >= 39      # 40 pt, in whole pixels
        header = sheet.cell(spec.HEADER_ROW, 1)
        assert header.font.b and header.fill.fgColor.rgb.endswith("D9E2F3") and header.border.left.style == "thin"
    for sheet in section_sheets(workbook):
        rows = [r for _, r in item_rows(sheet)]
        assert sheet.auto_filter.ref == f"A{spec.HEADER_ROW}:N{rows[-1]}"
        for r in rows:
            assert sheet.row_dimensions[r].height >= 49       # three lines at least
            for column in spec.COLUMNS:
                cell = sheet.cell(r, COL[column.key])
                assert cell.font.name == "Times New Roman" and cell.font.sz == 12
                assert cell.border.bottom.style == "thin" and cell.alignment.wrap_text
                if column.input:
                    assert cell.fill.fgColor.rgb.endswith("FFF9E5") and not cell.protection.locked
                else:
                    assert cell.protection.locked
    sheet = workbook["I. Chỉ đạo, điều hành"]
    title = sheet["A1"]
    assert title.font.sz == 14 and title.font.b and not title.alignment.wrap_text


def _prefilled_form(prefill: Prefill, digest: str = "") -> bytes:
    plan = load_embedded_plan()
    return build_form(plan, default_settings(plan.meta), parse_period("2026Q1"), plan.agency("phong-kinh-te"),
                      dt.date(2026, 3, 20), prefill=prefill, digest=digest)


def test_a_feedback_copy_marks_only_its_problem_cells_and_keeps_every_answer(tmp_path):
    answers = {
        "VI.1.1": {"status": "Hoàn thàn", "result": "=SUM(A1) vẫn là chữ\nxuống dòng", "evidence": "1.1"},
        "VI.1.2": {"status": Status.DONE.label, "completed_on": dt.date(2026, 2, 5), "result": "Đã xong\x0b"},
        "VI.2": {"status": Status.NOT_ARISEN.label, "completed_on": "5/2"},
    }
    prefill = Prefill(
        values=answers,
        marks={("VI.1.1", "status"): "Trạng thái «Hoàn thàn» không có trong danh sách.\n→ Chọn trong danh sách.",
               ("KINH_PHI_CCHC", "value"): "Thiếu số liệu.\n→ Ghi số."},
        notes={("VI.1.2", "completed_on"): "Đã hiểu là ngày 05/02/2026.",
               ("VI.1.1", "status"): "Có phải «Đã hoàn thành»?"},
        problems=("[VI. Tài chính công H5] Trạng thái «Hoàn thàn» không có trong danh sách → Chọn lại.",),
        understood=("Đã hiểu là ngày 05/02/2026.",),
        figures={"KINH_PHI_CCHC": {"value": None, "note": "chưa có"}},
    )
    digest = "ab" * 32
    path = tmp_path / "copy.xlsx"
    path.write_bytes(_prefilled_form(prefill, digest))
    assert copy_digest(path) == digest
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["VI. Tài chính công"]
    rows = dict(item_rows(sheet))
    red = set()
    for s in _input_sheets(workbook):
        for row in s.iter_rows():
            for cell in row:
                if cell.fill.fgColor.rgb and cell.fill.fgColor.rgb.endswith("FFC7CE"):
                    red.add((s.title, cell.coordinate))
    status = sheet.cell(rows["VI.1.1"], COL["status"])
    figure_row = next(r for r in range(spec.FIRST_ROW, 40)
                      if workbook[spec.FIGURES_SHEET].cell(r, FIG["code"]).value == "KINH_PHI_CCHC")
    value = workbook[spec.FIGURES_SHEET].cell(figure_row, FIG["value"])
    assert red == {(sheet.title, status.coordinate), (spec.FIGURES_SHEET, value.coordinate)}
    assert status.value == "Hoàn thàn" and status.comment.author == "cchc-excel"
    assert status.comment.text.startswith("Trạng thái «Hoàn thàn»")
    assert "Có phải «Đã hoàn thành»?" in status.comment.text                     # the note follows the mark
    assert "Ghi số" in value.comment.text and not value.protection.locked
    result = sheet.cell(rows["VI.1.1"], COL["result"])
    assert result.value == "=SUM(A1) vẫn là chữ\nxuống dòng" and result.data_type == "s"
    assert sheet.cell(rows["VI.1.1"], COL["evidence"]).value == "1.1"                    # text, as typed
    day = sheet.cell(rows["VI.1.2"], COL["completed_on"])
    assert day.value.date() == dt.date(2026, 2, 5) and day.number_format == "dd/mm/yyyy"
    assert day.comment.text == "Đã hiểu là ngày 05/02/2026." and day.fill.fgColor.rgb.endswith("FFF9E5")
    assert sheet.cell(rows["VI.1.2"], COL["result"]).value == "Đã xong"                    # no control character
    typed_day = sheet.cell(rows["VI.2"], COL["completed_on"])
    assert typed_day.value == "5/2" and typed_day.number_format == "@"
    assert workbook[spec.FIGURES_SHEET].cell(figure_row, FIG["note"]).value == "chưa có"
    guide = "\n".join(str(c.value) for r in workbook[spec.GUIDE_SHEET].iter_rows() for c in r if c.value)
    assert "CẦN SỬA LẠI" in guide and "1. [VI. Tài chính công H5]" in guide and "ĐÃ TỰ HIỂU" in guide
    problem_title = next(c for r in workbook[spec.GUIDE_SHEET].iter_rows() for c in r if c.value == "CẦN SỬA LẠI")
    assert problem_title.font.color.rgb.endswith("C00000") and problem_title.font.b


def test_carried_answers_are_blue_and_a_plain_form_has_no_digest(tmp_path):
    prefill = Prefill(values={"VI.1.1": {"status": Status.DONE.label, "completed_on": dt.date(2026, 2, 3)}},
                      source=parse_period("2025Q4"))
    path = tmp_path / "form.xlsx"
    path.write_bytes(_prefilled_form(prefill))
    assert copy_digest(path) == ""
    sheet = openpyxl.load_workbook(path)["VI. Tài chính công"]
    row = dict(item_rows(sheet))["VI.1.1"]
    for key in ("status", "completed_on"):
        assert sheet.cell(row, COL[key]).fill.fgColor.rgb.endswith("DDEBF7")
    assert sheet.cell(row, COL["result"]).fill.fgColor.rgb.endswith("FFF9E5")     # nothing carried there
    assert "quý IV năm 2025" in sheet.cell(row, COL["note"]).value


def test_the_writer_shares_its_formats(q1_forms):
    """A few dozen cell styles for the whole workbook, not one per cell."""
    workbook = openpyxl.load_workbook(io.BytesIO((q1_forms / "phong-vhxh.xlsx").read_bytes()))
    assert len(workbook._cell_styles) < 40


def test_a_number_that_is_no_number_is_written_as_its_text():
    """xlsxwriter refuses inf and nan; the writer never lets one end the run."""
    prefill = Prefill(figures={"KINH_PHI_CCHC": {"value": float("inf"), "note": ""}},
                      previous_figures={"KINH_PHI_CCHC": float("nan")})
    sheet = openpyxl.load_workbook(io.BytesIO(_prefilled_form(prefill)))[spec.FIGURES_SHEET]
    row = next(r for r in range(spec.FIRST_ROW, 40) if sheet.cell(r, FIG["code"]).value == "KINH_PHI_CCHC")
    assert sheet.cell(row, FIG["value"]).value == "inf" and sheet.cell(row, FIG["previous"]).value == "nan"
