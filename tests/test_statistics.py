"""Year-to-date figures in the reports: summed indicators add up the periods,
the others take the latest value; rates come from the added-up counts."""

import re

import docx as _docx
import openpyxl
import pytest
from conftest import invoke
from formtools import consistent_figures, fill
from reporttools import PLAN, document_text, plausible_answers, statistics_rows
from yeartools import PERIODS, year_of_reports

from cchc_excel.vnformat import count_text

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
    assert invoke("forms", "--default-plan", "-p", period, "--dir", root).exit_code == 0
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
    return statistics_rows(report)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("year")
    for period in TYPED:
        _fill_period(root, period)
        result = invoke("compile", "--default-plan", "-p", period, "--dir", root, "--today", TODAY[period], "--draft")
        assert result.exit_code in (0, 1), result.output
    return root


def test_six_month_report_adds_q1_and_the_rest(year):
    stats = _stats(year / "output" / "2026S1" / "bao-cao-cchc-2026S1.docx")
    assert stats["Hồ sơ TTHC tiếp nhận"][1:3] == ["200", "200"]          # this period = year to date = 100 + 100
    assert stats["Hồ sơ tiếp nhận trực tuyến"][1:3] == ["70", "70"]
    assert stats["Thủ tục hành chính được công bố, công khai"][1:3] == ["185", "185"]   # latest
    assert stats["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:3] == ["36%", "36%"]   # 72/200 resolved, not 30%+40%


def test_q3_report_shows_the_quarter_and_the_year_so_far(year):
    stats = _stats(year / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx")
    assert stats["Hồ sơ TTHC tiếp nhận"][1:3] == ["100", "300"]
    assert stats["Hồ sơ tiếp nhận trực tuyến"][1:3] == ["50", "120"]
    assert stats["Thủ tục hành chính được công bố, công khai"][1:3] == ["190", "190"]
    assert stats["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:3] == ["50%", "40,7%"]    # 50/100; 122/300
    # Two columns only where they differ: quý III beside the year so far; 6 tháng and năm have one.
    headers = {p: next(t for t in _docx.Document(year / "output" / f / r).tables
                       if t.rows[0].cells[0].text == "Chỉ tiêu").rows[0].cells
               for p, f, r in (("Q3", "2026Q3", "bao-cao-cchc-2026Q3.docx"),
                               ("S1", "2026S1", "bao-cao-cchc-2026S1.docx"))}
    assert [c.text for c in headers["Q3"]][2:4] == ["Quý III", "Lũy kế từ đầu năm"]
    assert [c.text for c in headers["S1"]][2:4] == ["6 tháng", "Chỉ tiêu kế hoạch"]


def test_annual_report_adds_up_every_period(year):
    report = year / "output" / "2026" / "bao-cao-cchc-2026.docx"
    stats = _stats(report)
    assert stats["Hồ sơ TTHC tiếp nhận"][1:3] == ["400", "400"]
    assert stats["Hồ sơ tiếp nhận trực tuyến"][1:3] == ["180", "180"]
    assert stats["Thủ tục hành chính được công bố, công khai"][1:3] == ["195", "195"]
    assert stats["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:3] == ["45,5%", "45,5%"]    # 182/400 resolved
    text = document_text(report)
    assert "- Hồ sơ TTHC tiếp nhận: 400 hồ sơ, trong đó 180 hồ sơ trực tiếp (45%), 180 hồ sơ trực tuyến (45%)" in text
    workbook = openpyxl.load_workbook(year / "output" / "2026" / "tong-hop-2026.xlsx")
    sheet = workbook["Số liệu"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["HS_TRUC_TUYEN"][7] == "Cổng DVC quốc gia, 2026"                     # the agency's note, kept
    assert rows["HS_TIEP_NHAN"][3:5] == (400, 400)                                   # numbers, not text
    assert rows["TL_TOAN_TRINH"][3:5] == (0.455, 0.455)                              # fractions, shown as %
    periods = workbook["Theo kỳ báo cáo"]
    assert periods._charts
    series = {r[0]: r for r in periods.iter_rows(values_only=True) if r and r[0]}
    assert series["Tỷ lệ hồ sơ trực tuyến toàn trình"][1:5] == (0.3, 0.36, 0.5, 0.455)  # Q1, 6 months, Q3, year
    # Products counted per report of the year: each row is that report's own total.
    for period, name in zip(TYPED, ("Quý I", "6 tháng", "Quý III", "Năm")):
        own = openpyxl.load_workbook(year / "output" / period / f"tong-hop-{period}.xlsx")["Theo lĩnh vực"]
        total = next(r for r in own.iter_rows(values_only=True) if r[0] == "Tổng cộng")
        assert series[name][1:] == total[1:], name
    assert series["Quý III"][-1] > 0                      # products finished in an earlier quarter, apart


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
    result = invoke("compile", "--default-plan", "-p", "2026Q3", "--dir", tmp_path, "--today", TODAY["2026Q3"],
                    "--draft")
    note = "số lũy kế năm chưa gồm quý I năm 2026, 6 tháng đầu năm 2026"
    assert note in result.stdout
    assert note in document_text(tmp_path / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx")


# --- targets judged on the figure printed, only when due; figures as officials write them ---------

VERDICT = re.compile(r"\((?P<printed>[\d.,]+)%(?:; lũy kế năm (?P<ytd>[\d.,]+)%)?; chỉ tiêu (?P<kind>kế hoạch|năm) "
                     r"(?:tối thiểu )?(?P<target>[\d.,]+)%(?:: (?P<verdict>đạt|chưa đạt))?\)")


def _number(text):
    return float(text.replace(".", "").replace(",", "."))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return year_of_reports(tmp_path_factory.mktemp("plausible"))


def _annex_stats(report):
    """Name -> [unit, this period, year to date, target, verdict]."""
    return _stats(report)


@pytest.mark.parametrize("period", PERIODS)
def test_every_verdict_agrees_with_the_number_beside_it(reports, period):
    text = document_text(reports[period])
    found = list(VERDICT.finditer(text))
    assert found
    for match in found:
        if match["verdict"] is None:
            assert match["kind"] == "năm"                         # progress towards a yearly target, no verdict
            continue
        judged = _number(match["ytd"] or match["printed"])
        assert (judged >= _number(match["target"])) == (match["verdict"] == "đạt"), match.group(0)
    for name, (_unit, this, ytd, target, verdict) in _annex_stats(reports[period]).items():
        if verdict in ("Đạt", "Chưa đạt", "Đạt (lũy kế năm)", "Chưa đạt (lũy kế năm)"):
            value = _number((ytd if "lũy kế" in verdict else this).rstrip("%"))
            assert (value >= _number(target.split()[-1].rstrip("%"))) == verdict.startswith("Đạt"), name


def test_a_yearly_target_is_progress_until_the_annual_report(reports):
    q1, s1, q3, year = (document_text(reports[p]) for p in PERIODS)
    # Q1: nothing inspected yet, and the plan schedules inspections from quý II: said so, no verdict.
    assert "Theo Kế hoạch, việc xây dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị " \
           "thực hiện trong quý II, III, IV năm 2026." in q1
    assert "tối thiểu 20%: chưa đạt" not in q1
    assert "- Cơ quan, đơn vị được kiểm tra CCHC: 01/08 cơ quan, đơn vị thuộc UBND xã (12,5%; chỉ tiêu năm tối thiểu " \
           "20%)." in s1
    assert "01/08 cơ quan, đơn vị thuộc UBND xã (12,5%; lũy kế năm 25%; chỉ tiêu năm tối thiểu 20%)" in q3
    assert "03/08 cơ quan, đơn vị thuộc UBND xã (37,5%; chỉ tiêu kế hoạch tối thiểu 20%: đạt)" in year
    rows = {p: _annex_stats(reports[p])["Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC"] for p in PERIODS}
    assert [rows[p][4] for p in PERIODS] == ["Đánh giá cuối năm"] * 3 + ["Đạt"]
    # A standing target (100% of documents signed, a recurring task) is judged every period on its own figure.
    assert "- Văn bản đi được gửi dưới dạng điện tử: 436 văn bản, trong đó 431 văn bản được ký số " \
           "(98,9%; chỉ tiêu kế hoạch 100%: chưa đạt)" in q1
    assert "- Văn bản đi được gửi dưới dạng điện tử: 470 văn bản, toàn bộ được ký số (100%; chỉ tiêu kế hoạch 100%: " \
           "đạt)." in q3
    assert "≥ 100%" not in q1 and "chỉ tiêu ≥" not in q1


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    invoke("demo", root / "demo")
    return root / "demo" / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"


def test_a_wrong_figure_gets_no_verdict(demo_report):
    row = _annex_stats(demo_report)["Tỷ lệ văn bản điện tử được ký số"]   # the demo's ký số count exceeds its total
    assert row[1] == "[số liệu sai]" and row[2] == "[số liệu sai]" and row[4] == ""


def test_a_figure_reads_the_same_in_the_body_and_the_annex(demo_report):
    text = document_text(demo_report)
    stats = _annex_stats(demo_report)
    # The CCHC index as the province published it (82,35), not rounded to one decimal in the annex.
    assert "Chỉ số cải cách hành chính của xã (kết quả tỉnh công bố gần nhất) đạt 82,35 điểm" in text
    assert stats["Điểm Chỉ số CCHC của xã (kết quả tỉnh công bố gần nhất)"][1:3] == ["82,35", "82,35"]
    # A % row shows «%» whether the value is computed (a rate) or typed (SIPAS, satisfaction).
    percent_rows = {name: row for name, row in stats.items() if row[0] == "%"}
    assert percent_rows["Chỉ số hài lòng của người dân, tổ chức (SIPAS) đối với xã"][1] == "86,2%"
    assert percent_rows["Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC"][1] == "98,7%"
    assert all(row[1].endswith("%") for row in percent_rows.values() if row[1] not in ("—", "[số liệu sai]"))
    # No «,0» decimal on a percentage anywhere: «25%», «100%», «0%»; one decimal only when it says something.
    assert not re.search(r"\d,0%", text)
    assert "đạt 98,3%" in text
    # The demo's quý I inspects nobody yet: the plan's timing is said instead of «0%» (the share beside
    # its yearly target: test_a_yearly_target_is_progress_until_the_annual_report).
    assert "Theo Kế hoạch, việc xây dựng và triển khai Kế hoạch kiểm tra CCHC" in text


def test_counts_below_ten_take_a_leading_zero_unless_the_commune_says_no(tmp_path):
    assert count_text(6) == "06" and count_text(6, leading_zero=False) == "6"
    assert count_text(1234) == "1.234" and count_text(12.5) == "12,5" and count_text(10) == "10"
    root = tmp_path / "xa"
    year_of_reports(root, periods=("2026Q1",))
    workbook = openpyxl.load_workbook(root / "ke-hoach-cchc.xlsx")
    sheet = workbook["Thiết lập"]
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    sheet.cell(rows["leading_zero"], 3).value = "Không"
    sheet.cell(rows["province_plan"], 3).value = ("Kế hoạch số 245/KH-UBND ngày 25/12/2025 của UBND tỉnh về cải "
                                                  "cách hành chính năm 2026")
    workbook.save(root / "ke-hoach-cchc.xlsx")
    assert invoke("compile", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026").exit_code == 0
    text = document_text(root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx")
    assert "Kết quả trong quý: 5 văn bản chỉ đạo" in text and "8 hồ sơ quá hạn" in text
    # «Đánh giá chung» counts follow the same setting as the figures.
    assessment = text[text.index("III. ĐÁNH GIÁ CHUNG"):text.index("IV. PHƯƠNG HƯỚNG")]
    assert "(không tính 7 sản phẩm chưa phát sinh): đã hoàn thành 5 sản phẩm" in assessment
    assert "5 sản phẩm đang thực hiện" in assessment and "có 8 hồ sơ giải quyết quá hạn" in assessment
    assert not re.search(r"(?<![\d,])0[1-9] ", assessment)
    lines = text.split("\n")
    basis = lines.index("Căn cứ Kế hoạch số 245/KH-UBND ngày 25/12/2025 của UBND tỉnh về cải cách hành chính "
                        "năm 2026;")
    assert lines[basis + 1] == ("Căn cứ Kế hoạch số 03/KH-UBND ngày 10/01/2026 của UBND xã Xuân Trường về cải cách "
                                "hành chính năm 2026, UBND xã Xuân Trường báo cáo kết quả thực hiện công tác cải "
                                "cách hành chính (CCHC) quý I năm 2026 như sau:")
