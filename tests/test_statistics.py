"""Year-to-date figures in the reports: summed indicators add up the periods,
the others take the latest value; rates come from the added-up counts."""

import openpyxl
import pytest
from conftest import invoke
from formtools import consistent_figures, fill
from reporttools import PLAN, document_text, plausible_answers

TT = "tt-pvhcc"
# Per period: what the service centre typed (received = direct + online + post).
TYPED = {
    "2026Q1": {"HS_TRUC_TIEP": 60, "HS_TRUC_TUYEN": 30, "HS_BUU_CHINH": 10, "TTHC_CONG_KHAI": 180},
    "2026S1": {"HS_TRUC_TIEP": 50, "HS_TRUC_TUYEN": 40, "HS_BUU_CHINH": 10, "TTHC_CONG_KHAI": 185},
    "2026Q3": {"HS_TRUC_TIEP": 40, "HS_TRUC_TUYEN": 50, "HS_BUU_CHINH": 10, "TTHC_CONG_KHAI": 190},
    "2026": {"HS_TRUC_TIEP": 30, "HS_TRUC_TUYEN": 60, "HS_BUU_CHINH": 10, "TTHC_CONG_KHAI": 195},
}
# Resolved (before + on time + late) and resolved fully online ("toàn trình"): the online rate is over resolved.
RESOLVED = {
    "2026Q1": {"HS_TRUOC_HAN": 50, "HS_DUNG_HAN": 25, "HS_QUA_HAN": 5, "HS_XIN_LOI": 5, "HS_TT_TOAN_TRINH": 24},
    "2026S1": {"HS_TRUOC_HAN": 70, "HS_DUNG_HAN": 45, "HS_QUA_HAN": 5, "HS_XIN_LOI": 4, "HS_TT_TOAN_TRINH": 48},
    "2026Q3": {"HS_TRUOC_HAN": 60, "HS_DUNG_HAN": 38, "HS_QUA_HAN": 2, "HS_XIN_LOI": 2, "HS_TT_TOAN_TRINH": 50},
    "2026": {"HS_TRUOC_HAN": 60, "HS_DUNG_HAN": 40, "HS_QUA_HAN": 0, "HS_XIN_LOI": 0, "HS_TT_TOAN_TRINH": 60},
}
TODAY = {"2026Q1": "20/03/2026", "2026S1": "20/06/2026", "2026Q3": "20/09/2026", "2026": "20/12/2026"}


def _fill_period(root, period):
    assert invoke("forms", "-p", period, "--dir", root).exit_code == 0
    forms = root / "output" / period / "bieu-mau"
    for form in sorted(forms.iterdir()):
        figures = consistent_figures(PLAN, form.stem)
        if form.stem == TT:
            figures.update(TYPED[period])
            figures["HS_TIEP_NHAN"] = sum(v for k, v in TYPED[period].items() if k.startswith("HS_"))
            figures.update(RESOLVED[period])
            figures["HS_GIAI_QUYET"] = sum(RESOLVED[period][k] for k in ("HS_TRUOC_HAN", "HS_DUNG_HAN", "HS_QUA_HAN"))
        fill(form, root / "input" / period / f"{form.stem}.xlsx", plausible_answers(form.stem, form), figures=figures,
             figure_notes={"HS_TRUC_TUYEN": f"Cổng DVC quốc gia, {period}"} if form.stem == TT else None)


def _stats(report):
    import docx

    table = next(t for t in docx.Document(report).tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    return {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("year")
    for period in TYPED:
        _fill_period(root, period)
        result = invoke("compile", "-p", period, "--dir", root, "--today", TODAY[period], "--draft")
        assert result.exit_code in (0, 1), result.output
    return root


def test_six_month_report_adds_q1_and_the_rest(year):
    stats = _stats(year / "output" / "2026S1" / "bao-cao-cchc-2026S1.docx")
    assert stats["Hồ sơ TTHC tiếp nhận"][1:3] == ["200", "200"]          # this period = year to date = 100 + 100
    assert stats["Hồ sơ tiếp nhận trực tuyến"][1:3] == ["70", "70"]
    assert stats["Thủ tục hành chính được công bố, công khai"][1:3] == ["185", "185"]   # latest
    assert stats["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:3] == ["36,0%", "36,0%"]   # 72/200 resolved, not 30%+40%


def test_q3_report_shows_the_quarter_and_the_year_so_far(year):
    stats = _stats(year / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx")
    assert stats["Hồ sơ TTHC tiếp nhận"][1:3] == ["100", "300"]
    assert stats["Hồ sơ tiếp nhận trực tuyến"][1:3] == ["50", "120"]
    assert stats["Thủ tục hành chính được công bố, công khai"][1:3] == ["190", "190"]
    assert stats["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:3] == ["50,0%", "40,7%"]    # 50/100; 122/300


def test_annual_report_adds_up_every_period(year):
    report = year / "output" / "2026" / "bao-cao-cchc-2026.docx"
    stats = _stats(report)
    assert stats["Hồ sơ TTHC tiếp nhận"][1:3] == ["400", "400"]
    assert stats["Hồ sơ tiếp nhận trực tuyến"][1:3] == ["180", "180"]
    assert stats["Thủ tục hành chính được công bố, công khai"][1:3] == ["195", "195"]
    assert stats["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:3] == ["45,5%", "45,5%"]    # 182/400 resolved
    text = document_text(report)
    assert "Hồ sơ TTHC tiếp nhận: 400 hồ sơ, trong đó tiếp nhận trực tiếp 180 hồ sơ (45,0%), " \
           "tiếp nhận trực tuyến 180 hồ sơ (45,0%)" in text
    workbook = openpyxl.load_workbook(year / "output" / "2026" / "tong-hop-2026.xlsx")
    sheet = workbook["Số liệu"]
    assert sheet._charts
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:5] == (30.0, 36.0, 50.0, 45.5)  # Q1, 6 months, Q3, year
    assert rows["HS_TRUC_TUYEN"][7] == "Cổng DVC quốc gia, 2026"                     # the agency's note, kept


def test_forms_show_the_previous_period_and_ask_only_for_counts(year):
    workbook = openpyxl.load_workbook(year / "output" / "2026Q3" / "bieu-mau" / f"{TT}.xlsx")
    sheet = workbook["Số liệu"]
    header = [c.value for c in sheet[4]]
    assert header[5] == "Kỳ trước (6 tháng đầu năm 2026)"
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]}
    assert rows["HS_TRUC_TUYEN"][5] == 40                              # what was typed for 6 months
    assert not any(code.startswith("TL_") for code in rows)             # rates are computed, never typed
    dv = [d for d in sheet.data_validations.dataValidation if d.type == "decimal"]
    assert dv and dv[0].error and dv[0].prompt and str(dv[0].sqref).startswith("G5")
    assert sheet.cell(5, 7).protection.locked is False and sheet.cell(5, 2).protection.locked is True
    guide = "\n".join(str(c.value) for r in workbook["Hướng dẫn"].iter_rows() for c in r if c.value)
    assert "«Số liệu»" in guide


def test_year_to_date_without_an_earlier_report_says_so(tmp_path):
    _fill_period(tmp_path, "2026Q3")                         # no Q1 or 6-month returns in input/
    result = invoke("compile", "-p", "2026Q3", "--dir", tmp_path, "--today", TODAY["2026Q3"], "--draft")
    note = "số lũy kế năm chưa gồm quý I năm 2026, 6 tháng đầu năm 2026"
    assert note in result.stdout
    assert note in document_text(tmp_path / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx")
