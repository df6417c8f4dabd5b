import datetime as dt
import io
import re
import zipfile
from dataclasses import replace

import openpyxl
import pytest
from conftest import invoke
from formtools import form_items, item_rows, meta_of, section_sheets

from cchc_excel import formspec as spec
from cchc_excel.assignments import form_rows
from cchc_excel.forms import build_form
from cchc_excel.models import Status
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import load_embedded_plan
from cchc_excel.plan import fingerprint
from cchc_excel.planbook import default_settings

COL = spec.COLUMN_INDEX


@pytest.fixture(scope="module")
def forms_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("forms")
    result = invoke("forms", "--default-plan", "--period", "2026Q1", "--dir", root)
    assert result.exit_code == 0, result.output
    return root / "output" / "2026Q1" / "bieu-mau"


def expected_items(plan, code):
    out = {}
    for item in plan.items:
        if code in item.lead:
            out[item.id] = "Chủ trì"
        elif code in item.coordinators:
            out[item.id] = "Phối hợp"
    return out


def test_one_workbook_per_agency_with_exactly_its_items(forms_dir, seed_path):
    plan = load_embedded_plan()
    files = sorted(p.name for p in forms_dir.iterdir())
    assert files == sorted(f"{a.code}.xlsx" for a in plan.agencies)
    for agency in plan.agencies:
        assert form_items(forms_dir / f"{agency.code}.xlsx") == expected_items(plan, agency.code)
    assert form_items(forms_dir / "buu-dien-xa.xlsx") == {"I.5.2": "Phối hợp"}
    vhxh = form_items(forms_dir / "phong-vhxh.xlsx")
    assert vhxh["I.6"] == "Chủ trì"           # "Các cơ quan, đơn vị trên địa bàn xã"
    assert vhxh["III.4"] == "Phối hợp"
    assert "I.1" in vhxh and len(vhxh) == 23
    kt = form_items(forms_dir / "phong-kinh-te.xlsx")
    assert "I.1" not in kt                     # "… có liên quan" gives no row


def test_sheets_are_named_and_protected(forms_dir):
    for path in forms_dir.iterdir():
        workbook = openpyxl.load_workbook(path)
        assert workbook.sheetnames[0] == "Hướng dẫn"
        assert workbook.security.lockStructure
        for sheet in workbook.worksheets:
            assert len(sheet.title) <= 31 and not re.search(r"[:\\/?*\[\]]", sheet.title)
        for sheet in section_sheets(workbook):
            assert sheet.protection.sheet
            assert sheet.title.split(". ")[0] in {"I", "II", "III", "IV", "V", "VI", "VII"}
            for _, row in item_rows(sheet):
                for column in spec.COLUMNS:
                    cell = sheet.cell(row, COL[column.key])
                    assert cell.protection.locked is (not column.input), (path.name, cell.coordinate)
                for key in spec.TEXT_KEYS:
                    assert sheet.cell(row, COL[key]).number_format == "@"
                assert sheet.cell(row, COL["completed_on"]).number_format == "dd/mm/yyyy"


def test_every_list_validation_refers_to_a_range(forms_dir):
    for path in forms_dir.iterdir():
        workbook = openpyxl.load_workbook(path)
        name = workbook.defined_names[spec.STATUS_NAME]
        assert name.attr_text == f"'_DanhMuc'!$A$1:$A${len(Status)}"
        lists = workbook[spec.LISTS_SHEET]
        assert [lists.cell(r, 1).value for r in range(1, len(Status) + 1)] == [s.label for s in Status]
        for sheet in section_sheets(workbook):
            status_cells = set()
            for dv in sheet.data_validations.dataValidation:
                if dv.type == "list":
                    assert dv.formula1 == spec.STATUS_NAME
                    assert not dv.formula1.startswith('"')
                    assert dv.prompt and dv.error
                    status_cells |= {c for r in dv.sqref.ranges for c in r.cells}
            rows = {row for _, row in item_rows(sheet)}
            assert {(row, COL["status"]) for row in rows} <= status_cells
            dates = [dv for dv in sheet.data_validations.dataValidation if dv.type == "date"]
            assert dates and dates[0].errorStyle == "warning"   # a US-English Excel sees 15/03/2026 as text


def test_metadata_identifies_the_form_and_is_hidden(forms_dir, seed_path):
    plan = load_embedded_plan()
    path = forms_dir / "phong-kinh-te.xlsx"
    workbook = openpyxl.load_workbook(path)
    assert workbook[spec.META_SHEET].sheet_state == "veryHidden"
    assert workbook[spec.LISTS_SHEET].sheet_state == "hidden"
    meta = meta_of(path)
    assert meta["agency_code"] == "phong-kinh-te" and meta["period"] == "2026Q1"
    assert meta["plan_fingerprint"] == fingerprint(plan)
    assert meta["form_version"] == spec.FORM_VERSION and meta["tool_version"]


def test_guide_sheet_says_who_when_and_how(forms_dir):
    guide = openpyxl.load_workbook(forms_dir / "phong-kinh-te.xlsx")["Hướng dẫn"]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    for expected in ("Phòng Kinh tế", "Xuân Trường", "15/12/2025 – 14/03/2026", "17/03/2026",
                     Status.DONE.label, Status.NOT_ARISEN.label, "Kế hoạch số 03/KH-UBND"):
        assert expected in text


def test_not_due_and_conditional_items_are_marked(forms_dir):
    workbook = openpyxl.load_workbook(forms_dir / "phong-kinh-te.xlsx")
    sheet = workbook["VI. Tài chính công"]
    due = {item: sheet.cell(row, COL["due"]).value for item, row in item_rows(sheet)}
    assert due["VI.1.1"] == "Có"                     # Quý I, IV/2026
    assert due["VI.1.2"] == "Chưa đến hạn"           # Quý IV/2026
    assert due["VI.2"] == "Khi phát sinh"
    row = dict(item_rows(sheet))["VI.2"]
    assert Status.NOT_ARISEN.label in sheet.cell(row, COL["due"]).comment.text
    assert sheet.cell(dict(item_rows(sheet))["VI.1.2"], COL["product"]).fill.fgColor.rgb.endswith("F2F2F2")


def test_formula_like_plan_text_is_written_as_text(seed_path):
    plan = load_embedded_plan()
    section = plan.sections[5]
    task = section.tasks[0]
    item = replace(task.items[0], product="=HYPERLINK(\"http://x\")", task="+ thu, - chi, @ tài sản")
    plan = replace(plan, sections=plan.sections[:5] + (replace(
        section, tasks=(replace(task, items=(item,) + task.items[1:]),) + section.tasks[1:]),) + plan.sections[6:])
    agency = plan.agency("phong-kinh-te")
    data = build_form(plan, default_settings(plan.meta), parse_period("2026Q1"), agency, dt.date(2026, 3, 1))
    sheet = openpyxl.load_workbook(io.BytesIO(data))["VI. Tài chính công"]
    cell = sheet.cell(spec.FIRST_ROW, COL["product"])
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"
    assert sheet.cell(spec.FIRST_ROW, COL["task"]).data_type == "s"


def test_one_agency_only_and_unknown_agency(tmp_path):
    result = invoke("forms", "--default-plan", "-p", "2026S1", "--agency", "buu-dien-xa", "--dir", tmp_path)
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "output" / "2026S1" / "bieu-mau").iterdir()] == ["buu-dien-xa.xlsx"]
    bad = invoke("forms", "--default-plan", "-p", "2026S1", "--agency", "khong-co", "--dir", tmp_path)
    assert bad.exit_code == 2 and "khong-co" in bad.stderr and "phong-kinh-te" in bad.stderr


def test_same_inputs_give_the_same_workbook(tmp_path, seed_path):
    plan = load_embedded_plan()
    period, agency = parse_period("2026Q3"), plan.agency("phong-vhxh")
    paths = []
    for n in range(2):
        paths.append(tmp_path / f"{n}.xlsx")
        paths[-1].write_bytes(build_form(plan, default_settings(plan.meta), period, agency, dt.date(2026, 9, 1)))
    first, second = (xml_parts(p) for p in paths)
    assert first == second and len(first) > 5


def xml_parts(path):
    """Every part of the package except the volatile save time."""
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_carry_forward_prefills_from_an_earlier_period(tmp_path):
    invoke("forms", "--default-plan", "-p", "2026Q1", "--agency", "phong-kinh-te", "--dir", tmp_path)
    form = tmp_path / "output" / "2026Q1" / "bieu-mau" / "phong-kinh-te.xlsx"
    workbook = openpyxl.load_workbook(form)
    sheet = workbook["VI. Tài chính công"]
    row = dict(item_rows(sheet))["VI.1.1"]
    sheet.cell(row, COL["status"]).value = Status.DONE.label
    sheet.cell(row, COL["completed_on"]).value = dt.date(2026, 2, 3)
    sheet.cell(row, COL["result"]).value = "Đã công khai dự toán 2026"
    sheet.cell(row, COL["evidence"]).value = "Quyết định số 12/QĐ-UBND ngày 03/02/2026"
    sheet.cell(row, COL["difficulties"]).value = "Không"
    returned = tmp_path / "input" / "2026Q1" / "KT gui lai.xlsx"
    returned.parent.mkdir(parents=True)
    workbook.save(returned)

    result = invoke("forms", "--default-plan", "-p", "2026S1", "--agency", "phong-kinh-te", "--dir", tmp_path)
    shown = re.sub(r"[\s│]+", " ", result.stdout)     # the table wraps long paths (tmp dir names vary)
    assert result.exit_code == 0 and "điền sẵn từ quý I năm 2026" in shown
    s1 = openpyxl.load_workbook(tmp_path / "output" / "2026S1" / "bieu-mau" / "phong-kinh-te.xlsx")
    sheet = s1["VI. Tài chính công"]
    row = dict(item_rows(sheet))["VI.1.1"]
    assert sheet.cell(row, COL["status"]).value == Status.DONE.label
    assert sheet.cell(row, COL["completed_on"]).value.date() == dt.date(2026, 2, 3)
    assert sheet.cell(row, COL["evidence"]).value == "Quyết định số 12/QĐ-UBND ngày 03/02/2026"
    assert sheet.cell(row, COL["difficulties"]).value is None      # period-specific: not carried
    assert "quý I năm 2026" in sheet.cell(row, COL["note"]).value
    assert sheet.cell(row, COL["status"]).fill.fgColor.rgb.endswith("DDEBF7")
    other = dict(item_rows(sheet))["VI.1.2"]
    assert sheet.cell(other, COL["status"]).value is None and not sheet.cell(other, COL["note"]).value
    assert meta_of(tmp_path / "output" / "2026S1" / "bieu-mau" / "phong-kinh-te.xlsx")["carried_from"] == "2026Q1"


def test_form_rows_follow_the_plan(seed_path):
    plan = load_embedded_plan()
    assert [r.item.id for r in form_rows(plan, "buu-dien-xa")] == ["I.5.2"]


def test_the_figures_rows_are_tall_enough_for_their_wrapped_texts(forms_dir):
    """Excel does not grow a row for wrapped text it did not type: a «Cách tính» of four lines in a row
    of two was cut off (seen rendering the centre's form). Each row is as tall as its longest text
    needs, at about one and a half letters per unit of column width."""
    sheet = openpyxl.load_workbook(forms_dir / "tt-pvhcc.xlsx")["Số liệu"]
    widths = {c.key: sheet.column_dimensions[openpyxl.utils.get_column_letter(spec.FIGURE_INDEX[c.key])].width
              for c in spec.FIGURE_COLUMNS}
    how = spec.FIGURE_INDEX["how"]
    tall = 0
    for row in range(spec.FIRST_ROW, sheet.max_row + 1):
        text = str(sheet.cell(row, how).value or "")
        lines = -(-len(text) // int(widths["how"] * 1.5))
        assert sheet.row_dimensions[row].height >= 15 * lines, (row, text)
        tall += lines > 2
    assert tall > 10                               # the centre's figures say where their numbers come from
