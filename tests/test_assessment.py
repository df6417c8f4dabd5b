"""«Đánh giá chung» from the data, read from the reports of a year of complete
returns as the signing leader reads it: strengths that are CCHC results with
their figures, shortfalls that are real (late work, targets missed, dossiers
resolved late), causes only for shortfalls that exist, and every count written
the commune's way."""

import re

import openpyxl
import pytest
from reporttools import statistics_rows
from yeartools import PERIODS, part, year_of_reports

# Q1: 20 dossiers resolved late, 18 of them with a letter of apology; Q3: none late.
LATE = {"2026Q1": {"HS_QUA_HAN": 20, "HS_XIN_LOI": 18}, "2026Q3": {"HS_QUA_HAN": 0, "HS_XIN_LOI": 0}}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return year_of_reports(tmp_path_factory.mktemp("year"))


@pytest.fixture(scope="module")
def late_year(tmp_path_factory):
    root = tmp_path_factory.mktemp("late")
    return root, year_of_reports(root, periods=tuple(LATE), changes=LATE)


def _assessment(report):
    strengths = part(report, "1. Ưu điểm", "2. Tồn tại")
    shortfalls = part(report, "2. Tồn tại", "IV. PHƯƠNG HƯỚNG")
    return "\n".join(strengths), "\n".join(shortfalls)


def _annex_stats(report):
    return statistics_rows(report)


def test_q1_names_its_best_results_and_its_shortfalls_with_causes(reports):
    strengths, shortfalls = _assessment(reports["2026Q1"])
    # The first strength is the period's work, counted; who sent a form is no CCHC result.
    assert strengths.split("\n")[1] == (
        "- Trong quý, có 34 sản phẩm phải thực hiện theo Kế hoạch (không tính 07 sản phẩm chưa phát sinh): đã hoàn "
        "thành 05 sản phẩm, đã thực hiện trong kỳ 24 sản phẩm, đạt 85,3%; 05 sản phẩm đang thực hiện.")
    assert "gửi báo cáo" not in strengths
    assert "tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 99,3%" in strengths  # a figure, not a stock phrase
    assert "Hoàn thành 05 sản phẩm theo Kế hoạch, thuộc các nhiệm vụ: " \
           "ban hành và tổ chức thực hiện Kế hoạch" in strengths
    # I.6 «Quý III, IV/2025» ended before the plan of 10/01/2026 was issued: no lateness against it.
    assert "Việc đề xuất các sáng kiến" not in shortfalls
    assert "- Tỷ lệ văn bản điện tử được ký số đạt 98,9%, chưa đạt chỉ tiêu kế hoạch 100%." in shortfalls
    # Late dossiers are a shortfall even when every one of them got its letter of apology.
    assert "- Trong quý có 08 hồ sơ giải quyết quá hạn (0,7% số hồ sơ đã giải quyết); các hồ sơ này đều có văn " \
           "bản xin lỗi, hẹn lại ngày trả kết quả." in shortfalls
    assert "xin lỗi" not in strengths                       # a duty owed for a failure is no strength
    assert "Nguyên nhân:" in shortfalls
    assert "- Về nhân lực: Công chức kiêm nhiệm nhiều việc, chưa có ý tưởng sáng kiến phù hợp." in shortfalls
    # The yearly inspection target is not a shortfall in quý I: the plan schedules it later.
    assert "kiểm tra CCHC" not in shortfalls


@pytest.mark.parametrize("period", PERIODS)
def test_strengths_are_cchc_results_not_who_sent_a_form(reports, period):
    strengths, _ = _assessment(reports[period])
    assert not re.search(r"\d+/\d+ cơ quan, đơn vị gửi báo cáo", strengths)
    first = strengths.split("\n")[1]
    assert first.startswith(("- Trong quý, có ", "- Trong 6 tháng đầu năm, có ", "- Trong năm, có "))
    assert "sản phẩm phải thực hiện theo Kế hoạch" in first


def test_a_late_dossier_without_an_apology_is_a_shortfall_never_a_strength(late_year):
    root, reports = late_year
    strengths, shortfalls = _assessment(reports["2026Q1"])
    assert "xin lỗi" not in strengths                               # 90% where the law asks 100%: no praise
    assert "- Trong quý có 20 hồ sơ giải quyết quá hạn (1,7% số hồ sơ đã giải quyết), trong đó 02 hồ sơ chưa có " \
           "văn bản xin lỗi, hẹn lại ngày trả kết quả (tỷ lệ hồ sơ quá hạn có văn bản xin lỗi đạt 90%, chưa đạt " \
           "yêu cầu 100%)." in shortfalls
    assert shortfalls.count("xin lỗi đạt 90%") == 1                  # said once, with the dossiers
    unit, this, ytd, target, verdict = _annex_stats(reports["2026Q1"])["Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi"]
    assert (this, target, verdict) == ("90%", "100%", "Chưa đạt")
    # The default «Chỉ tiêu» of a new workspace carries the legal 100% and says where it comes from.
    sheet = openpyxl.load_workbook(root / "ke-hoach-cchc.xlsx")["Chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "TL_XIN_LOI")
    assert row[header.index("Chỉ tiêu kế hoạch")] == 100
    assert "NĐ 118/2025/NĐ-CP" in row[header.index("Nguồn chỉ tiêu")]


def test_no_causes_are_given_for_shortfalls_that_do_not_exist(late_year, reports):
    _, late = late_year
    report = late["2026Q3"]            # nothing late, every target due reached, no dossier late
    paragraphs = [p for p in part(report, "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG")]
    assert "2. Tồn tại, hạn chế và nguyên nhân" in paragraphs          # the official outline is kept
    _, shortfalls = _assessment(report)
    assert "Nguyên nhân" not in shortfalls
    lines = shortfalls.split("\n")
    assert lines[0] == ("- Trong kỳ không có sản phẩm chậm tiến độ hoặc chỉ tiêu chưa đạt so với Kế hoạch; tuy vậy, "
                        "các cơ quan, đơn vị còn gặp một số khó khăn, vướng mắc sau:")
    assert "- Về cơ sở vật chất, hạ tầng công nghệ thông tin: Đường truyền internet tại Trung tâm chưa ổn định vào " \
           "giờ cao điểm." in lines
    # With a shortfall (3 dossiers late in the same quarter of the usual year) the causes are given as such.
    _, usual = _assessment(reports["2026Q3"])
    assert usual.startswith("- Trong quý có 03 hồ sơ giải quyết quá hạn") and "\nNguyên nhân:\n" in usual


def test_causes_are_grouped_and_said_once_by_the_ubnd_not_by_each_agency(reports):
    _, shortfalls = _assessment(reports["2026S1"])
    causes = shortfalls.split("Nguyên nhân:")[1]
    assert causes.count("- Về nhân lực:") == 1
    assert "- Về nhân lực: Công chức kiêm nhiệm nhiều việc, chưa có ý tưởng sáng kiến phù hợp; công chức kiêm " \
           "nhiệm nhiều việc, thời gian dành cho công tác CCHC còn hạn chế." in causes
    assert "Phòng" not in causes and "Trung tâm Phục vụ hành chính công)" not in causes
    assert "- Về cơ sở vật chất, hạ tầng công nghệ thông tin: Trang thiết bị tại Trung tâm Phục vụ hành chính công " \
           "đã xuống cấp" in causes


def test_annual_assessment_credits_targets_reached(reports):
    strengths, shortfalls = _assessment(reports["2026"])
    assert "tỷ lệ cơ quan, đơn vị được kiểm tra CCHC đạt 37,5% (chỉ tiêu kế hoạch tối thiểu 20%)" in strengths
    assert "- Trong năm, có 44 sản phẩm phải thực hiện theo Kế hoạch (không tính 02 sản phẩm chưa phát sinh): " \
           "đã hoàn thành 19 sản phẩm, đã thực hiện trong kỳ 25 sản phẩm, đạt 100%." in strengths
    assert "sáng kiến" not in shortfalls                                         # finished in quý III
    assert "- Tỷ lệ văn bản điện tử được ký số đạt 99,5%, chưa đạt chỉ tiêu kế hoạch 100%." in shortfalls


# A count the report prints: a number before the thing counted (not a percentage, a date or a code).
COUNT = re.compile(r"(?<![\d,./%])(\d{1,2}) (sản phẩm|nhiệm vụ|hồ sơ|văn bản|cơ quan|thủ tục|tin, bài|sáng kiến|"
                   r"lượt|phản ánh)")


@pytest.mark.parametrize("period", PERIODS)
def test_every_count_below_ten_is_written_with_its_leading_zero(reports, period):
    text = "\n".join(part(reports[period], "III. ĐÁNH GIÁ CHUNG", "V. KIẾN NGHỊ"))
    counts = COUNT.findall(text)
    assert counts
    assert all(len(number) == 2 for number, _ in counts), counts
