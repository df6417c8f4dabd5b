"""The summary workbook (tong-hop-<period>.xlsx): built from data, fit to
compute (number cells) and fit to print (checked through LibreOffice)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess

import openpyxl
import pytest
from conftest import invoke
from python_calamine import CalamineWorkbook
from reporttools import PLAN, filled_period

from cchc_excel import pipeline
from cchc_excel.assignments import agencies_with_forms
from cchc_excel.office import convert
from cchc_excel.outcomes import agency_figures, figures, outcomes
from cchc_excel.periods import parse_period
from cchc_excel.report import sentence_case
from cchc_excel.statistics import period_stats
from cchc_excel.summary import COUNT_COLUMNS

PERIOD = "2026Q1"
LONG = ("Đã tổ chức rà soát toàn bộ quy trình nội bộ giải quyết thủ tục hành chính, cập nhật quy trình điện tử "
        "trên hệ thống một cửa; tổ chức tập huấn cho công chức bộ phận một cửa về số hóa hồ sơ, kết quả giải quyết "
        "và thanh toán trực tuyến; ban hành văn bản đôn đốc các bộ phận chuyên môn.")


def _tweak(agency: str, answers: dict) -> None:
    for n, values in enumerate(answers.values()):
        if values.get("result") and n % 2 == 0:
            values["result"] = LONG            # long text: rows must grow to hold it
    first = next(iter(answers.values()))
    first["result"] = "=1+1 là công thức, không phải kết quả"   # stays text, never a formula


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    root = filled_period(tmp_path_factory.mktemp("summary"), PERIOD, skip=("phong-kinh-te",), tweak=_tweak)
    result = invoke("compile", "--default-plan", "-p", PERIOD, "--dir", root, "--today", "20/03/2026", "--draft")
    assert result.exit_code == 1, result.output          # a draft: one agency has not sent
    summary = root / "output" / PERIOD / f"tong-hop-{PERIOD}.xlsx"
    assert summary.exists()
    return root, summary


def _rows(sheet, first: int):
    """The table's rows from ``first`` down to the first empty row."""
    rows = []
    for row in sheet.iter_rows(min_row=first, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    return rows


def test_counts_are_number_cells_equal_to_the_report_figures(compiled, tmp_path):
    root, summary = compiled
    workbook = openpyxl.load_workbook(summary)
    period = parse_period(PERIOD)
    loaded = pipeline.load_plan(pipeline.Workspace(root))
    intake = pipeline.run_check(pipeline.Workspace(root), loaded, period, dt.date(2026, 3, 20)).intake
    results = outcomes(PLAN, period, intake)
    headings = {sentence_case(s.title): s.code for s in PLAN.sections}

    sheet = workbook["Theo lĩnh vực"]
    keys = {label: key for key, label, _ in COUNT_COLUMNS}
    header = [keys.get(c.value, c.value) for c in sheet[3]]
    assert header[0] == "Lĩnh vực" and {"due", "expected", "done", "carried_out", "rate"} <= set(header)
    rows = [dict(zip(header, r)) for r in _rows(sheet, 4)]
    assert [r["Lĩnh vực"] for r in rows] == list(headings) + ["Tổng cộng"]
    for row in rows:
        code = headings.get(row["Lĩnh vực"])
        want = figures([o for o in results if code is None or o.item.section == code])
        for key in header[1:]:
            if key == "rate":
                wanted = round(want.completed / want.expected, 4) if want.expected else None
                assert row[key] == (pytest.approx(wanted) if wanted is not None else None), row
            else:
                assert row[key] == getattr(want, key) and isinstance(row[key], int), (row["Lĩnh vực"], key)
    rate_col = header.index("rate") + 1
    assert sheet.cell(4, rate_col).number_format == "0.0%" and sheet.cell(4, 2).number_format == "#,##0"
    assert rows[-1]["not_reported"] > 0        # the agency that did not send: products not reported

    agency_header = [keys.get(c.value, c.value) for c in workbook["Theo cơ quan"][3]]
    by_agency = {r[0]: dict(zip(agency_header, r)) for r in _rows(workbook["Theo cơ quan"], 4)}
    for agency in agencies_with_forms(PLAN):
        if agency.name in by_agency:
            want = agency_figures(PLAN, period, results, agency.code)
            got = by_agency[agency.name]
            assert [got[k] for k in ("due", "expected", "done", "carried_out", "overdue")] == [
                want.due, want.expected, want.done, want.carried_out, want.overdue], agency.name
    assert by_agency["Phòng Kinh tế"]["not_reported"] == by_agency["Phòng Kinh tế"]["due"] > 0

    period_header = [keys.get(c.value, c.value) for c in workbook["Theo kỳ báo cáo"][3]]
    rates = {r[0]: r[1] for r in workbook["Theo kỳ báo cáo"].iter_rows(values_only=True) if r[0]}
    assert all(v is None or v == "[số liệu sai]" or 0 <= v <= 1 for k, v in rates.items() if k.startswith("Tỷ lệ "))
    periods = [dict(zip(period_header, r)) for r in _rows(workbook["Theo kỳ báo cáo"], 4)]
    assert [r["Kỳ báo cáo"] for r in periods] == ["Quý I"]
    assert [periods[0][k] for k in ("due", "done", "carried_out")] == [rows[-1][k] for k in ("due", "done",
                                                                                           "carried_out")]


def test_items_and_answers_come_from_the_returns(compiled):
    _, summary = compiled
    workbook = openpyxl.load_workbook(summary)
    items = workbook["Tổng hợp sản phẩm"]
    assert [c.value for c in items[4]][:6] == ["Mã", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì",
                                               "Thời gian", "Trạng thái"]
    ids = [items.cell(r, 1).value for r in range(5, items.max_row + 1)]
    assert ids == [i.id for i in PLAN.items]
    status = {items.cell(r, 1).value: items.cell(r, 6).value for r in range(5, items.max_row + 1)}
    assert status["VI.1.1"] == "Chưa báo cáo"           # led by the agency that did not send
    formula = [c for row in workbook["Chi tiết trả lời"].iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("=1+1")]
    assert formula and all(c.data_type == "s" for c in formula)
    answers = workbook["Chi tiết trả lời"]
    agencies = {answers.cell(r, 2).value for r in range(4, answers.max_row + 1)}
    assert "Phòng Kinh tế" in agencies                  # its rows are listed, empty, to be chased


def test_every_sheet_prints_on_a4_landscape_fitted_to_the_width(compiled):
    _, summary = compiled
    workbook = openpyxl.load_workbook(summary)
    assert len(workbook.sheetnames) >= 6
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (str(setup.paperSize), setup.orientation) == ("9", "landscape"), sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0) and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows, sheet.title                  # the header row repeats on every page
        title = sheet["A1"]
        assert title.value and not title.alignment.wrap_text, sheet.title   # never cut to the first column
    items = workbook["Tổng hợp sản phẩm"]
    assert items["A1"].value == "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC QUÝ I NĂM 2026"
    long_rows = [r for r in range(5, items.max_row + 1) if items.cell(r, 7).value and LONG in items.cell(r, 7).value]
    assert long_rows and all(items.row_dimensions[r].height >= 4 * 14 for r in long_rows)


def test_verdicts_and_figures_match_the_report(compiled):
    root, summary = compiled
    import docx

    report = docx.Document(root / "output" / PERIOD / f"bao-cao-cchc-{PERIOD}.docx")
    table = next(t for t in report.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    header = [c.text for c in table.rows[0].cells]
    printed = {r.cells[0].text: dict(zip(header, (c.text for c in r.cells))) for r in table.rows[1:]}
    sheet = openpyxl.load_workbook(summary)["Số liệu"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(rows) == len(printed)
    judged = 0
    for _code, name, unit, this, _ytd, _target, verdict, _ in rows:
        assert (verdict or "") == printed[name]["Đánh giá"], name
        judged += bool(verdict)
        if isinstance(this, (int, float)) and unit != "%":
            assert printed[name][header[2]] == f"{this:,.0f}".replace(",", "."), name     # the period's figure
    assert judged


def _rate_in_report(root, code: str) -> float:
    """The rate (in %) the report computes for this period, from the same returns."""
    loaded = pipeline.load_plan(pipeline.Workspace(root))
    period = parse_period(PERIOD)
    intake = pipeline.run_check(pipeline.Workspace(root), loaded, period, dt.date(2026, 3, 20)).intake
    stat = next(s for s in period_stats(PLAN, loaded.settings, period, {PERIOD: intake}) if s.indicator.code == code)
    assert 0 < stat.this < 100
    return stat.this


def test_figures_are_number_cells(compiled):
    _, summary = compiled
    workbook = openpyxl.load_workbook(summary)
    sheet = workbook["Số liệu"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]}
    rate = _rate_in_report(compiled[0], "TL_TRUC_TUYEN")
    assert rows["HS_TIEP_NHAN"][3] == 30 and rows["TL_TRUC_TUYEN"][3] == pytest.approx(rate / 100, abs=1e-6)
    numbers = [sheet.cell(r, c) for r in range(4, 4 + len(PLAN.indicators)) for c in (4, 5)]
    assert all(c.value is None or isinstance(c.value, (int, float)) for c in numbers)
    assert {c.number_format for c in numbers} <= {"#,##0", "#,##0.0", "0.0%"}
    grid = CalamineWorkbook.from_path(str(summary)).get_sheet_by_name("Số liệu").to_python()
    by_code = {r[0]: r for r in grid if r and r[0]}
    assert by_code["HS_TIEP_NHAN"][3] == 30.0 and by_code["TL_TRUC_TUYEN"][3] == pytest.approx(rate / 100, abs=1e-6)


# --- through LibreOffice --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def soffice():
    if shutil.which("soffice") and shutil.which("pdftotext"):
        return True
    if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice and poppler-utils are required here (CCHC_REQUIRE_LIBREOFFICE is set)")
    pytest.skip("LibreOffice or pdftotext not installed")


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def overlapping_words(pdf) -> list[tuple[int, str, str]]:
    """Pairs of words printed over each other (what too-short rows look like)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        words = sorted((float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(page))
        for i, (x0, y0, x1, y1, word) in enumerate(words):
            for u0, v0, u1, v1, other in words[i + 1:]:
                if u0 >= x1:
                    break
                dx, dy = min(x1, u1) - max(x0, u0), min(y1, v1) - max(y0, v0)
                if dx > 1 and dy > 0.3 * min(y1 - y0, v1 - v0):
                    found.append((number, word, other))
    return found


@pytest.mark.libreoffice
def test_summary_prints_whole_in_libreoffice(compiled, soffice, tmp_path):
    _, summary = compiled
    pdf = convert(summary, "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert pages[0].lstrip().startswith("TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC QUÝ I NĂM 2026")
    by_section = next(p for p in pages if "KẾT QUẢ THEO LĨNH VỰC" in p)
    assert "Quá hạn" in by_section and "Tổng cộng" in by_section        # the last column is on the page
    assert all(p.count("Mã") >= 1 for p in pages if "VI.1" in p)          # header repeated where items go on
    assert overlapping_words(pdf) == []
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    assert list(tmp_path.glob("page*.png"))


@pytest.mark.libreoffice
def test_figures_stay_numbers_after_libreoffice_saves_the_workbook(compiled, soffice, tmp_path):
    _, summary = compiled
    saved = convert(summary, "ods", tmp_path)
    grid = CalamineWorkbook.from_path(str(saved)).get_sheet_by_name("Số liệu").to_python()
    by_code = {r[0]: r for r in grid if r and r[0]}
    rate = _rate_in_report(compiled[0], "TL_TRUC_TUYEN")
    assert by_code["HS_TIEP_NHAN"][3] == 30.0 and by_code["TL_TRUC_TUYEN"][3] == pytest.approx(rate / 100, abs=1e-6)
    counts = CalamineWorkbook.from_path(str(saved)).get_sheet_by_name("Theo lĩnh vực").to_python()
    total = next(r for r in counts if r and r[0] == "Tổng cộng")
    assert all(isinstance(v, float) for v in total[1:4])


def test_a_rate_from_wrong_counts_is_marked_not_printed(tmp_path):
    """The demo's officers typed more signed documents than documents sent."""
    assert invoke("demo", tmp_path / "demo").exit_code == 0
    workbook = openpyxl.load_workbook(tmp_path / "demo" / "output" / PERIOD / f"tong-hop-{PERIOD}.xlsx")
    rates = {r[0]: r[1] for r in workbook["Theo kỳ báo cáo"].iter_rows(values_only=True) if r[0]}
    assert rates["Tỷ lệ văn bản điện tử được ký số"] == "[số liệu sai]"
    assert all(v is None or v == "[số liệu sai]" or 0 <= v <= 1 for k, v in rates.items() if k.startswith("Tỷ lệ "))
    figures = {r[0]: r for r in workbook["Số liệu"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert figures["TL_KY_SO"][3] == figures["TL_KY_SO"][4] == "[số liệu sai]" and not figures["TL_KY_SO"][6]
