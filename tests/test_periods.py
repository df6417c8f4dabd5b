import datetime as dt

import pytest

from cchc_excel.messages import CchcError
from cchc_excel.periods import earlier_periods, format_window, next_period, parse_period


@pytest.mark.parametrize(
    "pid, name, start, end, title",
    [
        ("2026Q1", "Quý I", dt.date(2025, 12, 15), dt.date(2026, 3, 14), "quý I năm 2026"),
        ("2026S1", "6 tháng", dt.date(2025, 12, 15), dt.date(2026, 6, 14), "6 tháng đầu năm 2026"),
        ("2026Q3", "Quý III", dt.date(2026, 6, 15), dt.date(2026, 9, 14), "quý III năm 2026"),
        ("2026", "Năm", dt.date(2025, 12, 15), dt.date(2026, 12, 14), "năm 2026"),
        ("2026Q2", "Quý II", dt.date(2026, 3, 15), dt.date(2026, 6, 14), "quý II năm 2026"),
        ("2026Q4", "Quý IV", dt.date(2026, 9, 15), dt.date(2026, 12, 14), "quý IV năm 2026"),
        ("2026M9", "9 tháng", dt.date(2025, 12, 15), dt.date(2026, 9, 14), "9 tháng năm 2026"),
    ],
)
def test_windows_names_and_titles(pid, name, start, end, title):
    period = parse_period(pid)
    assert (period.id, period.name, period.start, period.end, period.title) == (pid, name, start, end, title)


def test_next_periods():
    assert next_period(parse_period("2026Q1")).title == "quý II năm 2026"
    assert next_period(parse_period("2026S1")).title == "6 tháng cuối năm 2026"
    assert next_period(parse_period("2026Q3")).title == "quý IV năm 2026"
    assert next_period(parse_period("2026")).title == "năm 2027"


def test_lower_case_and_window_text():
    assert parse_period("2026s1").id == "2026S1"
    assert format_window(parse_period("2026Q1")) == "15/12/2025 – 14/03/2026"


def test_earlier_periods_newest_first():
    assert [p.id for p in earlier_periods(parse_period("2026Q3"))][:2] == ["2026S1", "2026Q2"]
    assert earlier_periods(parse_period("2026Q1")) == []


@pytest.mark.parametrize("bad", ["2026Q5", "Q1", "quy 1", "", "2026X"])
def test_bad_period_ids_give_a_vietnamese_message(bad):
    with pytest.raises(CchcError) as info:
        parse_period(bad)
    assert "Kỳ báo cáo" in str(info.value) and "2026Q1" in str(info.value)
