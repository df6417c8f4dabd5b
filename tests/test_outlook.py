"""«Phương hướng, nhiệm vụ» written forward, read from the reports of a year of
complete returns: action sentences with the next period's timing, never a
time already past; work whose time is over is late, reported or not; the
annual report plans the next year and leaves none of this year's work in it."""

import re

import pytest
from reporttools import year_behind
from yeartools import PLAN, part, year_of_reports

NEXT = {"2026Q1": "quý II năm 2026", "2026S1": "6 tháng cuối năm 2026", "2026Q3": "quý IV năm 2026"}
ACTIONS = ("Tiếp tục", "Hoàn thành", "Triển khai", "Khẩn trương", "Xây dựng", "Chủ động", "Ban hành", "Tổ chức",
           "Thực hiện", "Duy trì", "Rà soát", "Tích cực", "Tăng cường", "Đẩy mạnh")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return year_of_reports(tmp_path_factory.mktemp("year"))


def _outlook(report):
    return [p for p in part(report, "IV. PHƯƠNG HƯỚNG", "V. KIẾN NGHỊ") if p.startswith("- ")]


def _no_past_time(lines, period_end_year_text):
    text = "\n".join(lines)
    for item in PLAN.items:
        if any(ch.isdigit() for ch in item.timeframe.text):
            assert item.timeframe.text not in text, item.timeframe.text     # the plan's times are not copied
    assert "2025" not in text
    return text


@pytest.mark.parametrize("period", list(NEXT))
def test_quarterly_outlook_is_forward_with_next_period_timing(reports, period):
    lines = _outlook(reports[period])
    assert lines
    text = _no_past_time(lines, "")
    for line in lines:
        assert line[2:].startswith(ACTIONS), line
    timed = [line for line in lines if NEXT[period] in line]
    assert timed                                                        # the next period is named
    other_periods = [t for p, t in NEXT.items() if p != period]
    assert not any(t in text for t in other_periods)
    assert not re.search(r"năm (\d{4}) trong [^.]*năm \1", text)      # «… năm 2026 trong quý IV», the year once
    assert not re.search(r"tháng (cuối|đầu)[.;]", text)                  # «trong 6 tháng cuối năm», whole


def test_q1_outlook_names_what_the_plan_times_next_and_the_overdue(reports):
    text = "\n".join(_outlook(reports["2026Q1"]))
    # I.6 «Quý III, IV/2025» ended before the plan was issued: the work goes on, not «khẩn trương».
    assert "- Tiếp tục tích cực đề xuất các sáng kiến, mô hình, giải pháp CCHC trong quý II năm 2026." in text
    assert "Xây dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị trong quý II năm " \
           "2026." in text
    assert "Tiếp tục thực hiện thường xuyên, đúng định kỳ các nhiệm vụ" in text


def test_annual_outlook_plans_the_next_year(reports):
    lines = _outlook(reports["2026"])
    text = _no_past_time(lines, "")
    assert lines[0] == ("- Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2027 ngay từ đầu năm; tổ chức quán "
                        "triệt, giao nhiệm vụ cụ thể cho từng cơ quan, đơn vị.")
    # The plan's dated tasks are the next year's directions: once each, the year moved on, no timing.
    assert "- Xây dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị." in lines
    assert "- Ban hành và triển khai kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2027." in lines
    assert "- Xây dựng, tổ chức thực hiện Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2027." in lines
    assert len(set(lines)) == len(lines)
    assert "2026" not in text                                            # everything of 2026 was finished
    assert not re.search(r"(quý|Quý) [IV]+|trọng tâm là|Triển khai sớm", text)
    for line in lines:
        assert line[2:].startswith(ACTIONS), line


@pytest.fixture(scope="module")
def behind(tmp_path_factory):
    """Returns where every third product is done and the rest in progress; Phòng Kinh tế sends nothing."""
    return year_behind(tmp_path_factory.mktemp("behind"))


def test_this_years_late_work_is_one_line_not_next_years_first_quarter(behind):
    report = behind / "output" / "2026" / "bao-cao-cchc-2026.docx"
    lines = _outlook(report)
    text = "\n".join(lines)
    assert "quý I năm 2027" not in text and "2027 các nhiệm vụ" not in text
    late = [line for line in lines if line.startswith("- Khẩn trương hoàn thành các nhiệm vụ năm 2026 còn chậm: ")]
    assert len(late) == 1
    # The training plan of 2026 is late: named once, without its year, in that line; 2027's is a direction.
    assert "ban hành và triển khai kế hoạch đào tạo, bồi dưỡng cán bộ, công chức;" in late[0] \
        or late[0].endswith("ban hành và triển khai kế hoạch đào tạo, bồi dưỡng cán bộ, công chức.")
    assert "- Ban hành và triển khai kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2027." in lines
    assert text.count("kế hoạch đào tạo") == 2
    # Work the agency never reported is late all the same (VI.4: quý I–III, Phòng Kinh tế silent).
    assert "thực hiện quyền tự chủ, tự chịu trách nhiệm về nhiệm vụ, tổ chức bộ máy, biên chế và tài chính" in late[0]
    # The year's CCHC index is still to be self-assessed: early in the next year.
    assert "- Tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 kèm đầy đủ tài liệu kiểm chứng, " \
           "gửi Sở Nội vụ đúng thời hạn ngay từ đầu năm 2027." in lines
    assert len(set(lines)) == len(lines)


def test_unreported_work_past_its_time_reads_as_late_in_the_quarter(behind):
    report = behind / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx"
    outlook = "\n".join(_outlook(report))
    subject = "thực hiện quyền tự chủ, tự chịu trách nhiệm về nhiệm vụ, tổ chức bộ máy, biên chế và tài chính đối " \
              "với cơ quan hành chính nhà nước"
    assert f"- Khẩn trương hoàn thành việc {subject} trong quý IV năm 2026." in outlook
    assert f"Triển khai và hoàn thành việc {subject}" not in outlook
    shortfalls = "\n".join(part(report, "2. Tồn tại", "IV. PHƯƠNG HƯỚNG"))
    assert f"- Việc {subject} đã hết thời hạn theo Kế hoạch nhưng Phòng Kinh tế chưa báo cáo kết quả." in shortfalls
