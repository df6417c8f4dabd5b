"""«Đánh giá chung» from the data, read from the reports of a year of complete
returns: strengths with their figures, shortfalls that are real, causes grouped
from what the agencies wrote."""

import pytest
from yeartools import part, year_of_reports


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return year_of_reports(tmp_path_factory.mktemp("year"))


def _assessment(report):
    strengths = part(report, "1. Ưu điểm", "2. Tồn tại")
    shortfalls = part(report, "2. Tồn tại", "IV. PHƯƠNG HƯỚNG")
    return "\n".join(strengths), "\n".join(shortfalls)


def test_q1_names_its_best_results_and_its_shortfalls_with_causes(reports):
    strengths, shortfalls = _assessment(reports["2026Q1"])
    assert "5/5 cơ quan, đơn vị gửi báo cáo kết quả đầy đủ" in strengths
    assert "sản phẩm phải thực hiện trong kỳ" in strengths                     # what is counted, said
    assert "tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 99,3%" in strengths  # a figure, not a stock phrase
    assert "Hoàn thành 5 sản phẩm theo Kế hoạch, thuộc các nhiệm vụ: " \
           "ban hành và tổ chức thực hiện Kế hoạch" in strengths
    assert "- Việc đề xuất các sáng kiến, mô hình, giải pháp CCHC chưa hoàn thành theo thời hạn của Kế hoạch; " \
           "Phòng Kinh tế chưa triển khai." in shortfalls
    assert "- Tỷ lệ văn bản điện tử được ký số đạt 98,9%, chưa đạt chỉ tiêu kế hoạch 100%." in shortfalls
    assert "Nguyên nhân:" in shortfalls
    assert "- Về nhân lực: Công chức kiêm nhiệm nhiều việc, chưa có ý tưởng sáng kiến phù hợp (Phòng Kinh tế)." \
        in shortfalls
    # The yearly inspection target is not a shortfall in quý I: the plan schedules it later.
    assert "kiểm tra CCHC" not in shortfalls


def test_causes_are_grouped_and_said_once(reports):
    _, shortfalls = _assessment(reports["2026S1"])
    causes = shortfalls.split("Nguyên nhân:")[1]
    assert causes.count("- Về nhân lực:") == 1
    assert "- Về cơ sở vật chất, hạ tầng công nghệ thông tin: Trang thiết bị tại Trung tâm Phục vụ hành chính công " \
           "đã xuống cấp" in causes


def test_annual_assessment_credits_targets_reached(reports):
    strengths, shortfalls = _assessment(reports["2026"])
    assert "tỷ lệ cơ quan, đơn vị được kiểm tra CCHC đạt 37,5% (chỉ tiêu kế hoạch tối thiểu 20%)" in strengths
    assert "sáng kiến" not in shortfalls                                         # finished in quý III
    assert "- Tỷ lệ văn bản điện tử được ký số đạt 99,5%, chưa đạt chỉ tiêu kế hoạch 100%." in shortfalls
