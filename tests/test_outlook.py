"""«Phương hướng, nhiệm vụ» written forward, read from the reports of a year of
complete returns: action sentences with the next period's timing, never a
time already past; the annual report plans the next year."""

import re

import pytest
from yeartools import PLAN, part, year_of_reports

NEXT = {"2026Q1": "quý II năm 2026", "2026S1": "6 tháng cuối năm 2026", "2026Q3": "quý IV năm 2026"}
ACTIONS = ("Tiếp tục", "Hoàn thành", "Triển khai", "Khẩn trương", "Xây dựng", "Chủ động", "Ban hành", "Tổ chức",
           "Thực hiện", "Duy trì", "Rà soát")


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


def test_q1_outlook_names_what_the_plan_times_next_and_the_overdue(reports):
    text = "\n".join(_outlook(reports["2026Q1"]))
    assert "Khẩn trương hoàn thành việc đề xuất các sáng kiến, mô hình, giải pháp CCHC trong quý II năm 2026." in text
    assert "Xây dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị trong quý II năm " \
           "2026." in text
    assert "Tiếp tục thực hiện thường xuyên, đúng định kỳ các nhiệm vụ" in text


def test_annual_outlook_plans_the_next_year(reports):
    lines = _outlook(reports["2026"])
    text = _no_past_time(lines, "")
    assert "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2027" in text
    assert "Triển khai sớm từ quý I năm 2027 các nhiệm vụ có thời hạn của Kế hoạch năm 2027, trọng tâm là: xây " \
           "dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị;" in text
    assert "2026" not in text                                            # nothing dated in the year just ended
    assert not re.search(r"(quý|Quý) [IV]+(, [IV]+)*/2026|năm 2026\.|tháng \d+/2026", text)
    for line in lines:
        assert line[2:].startswith(ACTIONS), line
