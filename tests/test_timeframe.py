import datetime as dt

import pytest

from cchc_excel.models import TimeframeKind as K
from cchc_excel.periods import parse_period
from cchc_excel.timeframe import due_state, is_due, is_overdue, parse_timeframe

D = dt.date


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Thường xuyên", K.RECURRING),
        ("Định kỳ hằng quý, 6 tháng, 1 năm", K.RECURRING),
        ("Định kỳ hằng tháng, quý, năm", K.RECURRING),
        ("Trước ngày 15/01/2026", K.DEADLINE),
        ("Tháng 01/2026", K.SCHEDULED),
        ("Quý I/2026", K.SCHEDULED),
        ("Quý I, IV/2026", K.SCHEDULED),
        ("Quý I,II, III, IV/2026", K.SCHEDULED),
        ("Quý II, III, IV năm 2026", K.SCHEDULED),
        ("Quý III, IV/2025", K.SCHEDULED),
        ("Theo yêu cầu của Sở Nội vụ", K.CONDITIONAL),
        ("Khi có phát sinh", K.CONDITIONAL),
        ("Sau khi có hướng dẫn của tỉnh", K.CONDITIONAL),
        ("Khi có hướng dẫn của cơ quan có thẩm quyền", K.CONDITIONAL),
        ("Sau khi có Quyết định giao biên chế của sở Nội vụ", K.CONDITIONAL),
        ("Theo các quyết định công bố của Trung ương, của tỉnh", K.CONDITIONAL),
        ("", K.UNKNOWN),
        ("Sớm nhất có thể", K.UNKNOWN),
        ("Trước ngày 31/02/2026", K.UNKNOWN),
    ],
)
def test_every_wording_of_the_design_is_classified(text, kind):
    timeframe = parse_timeframe(text)
    assert timeframe.kind == kind
    assert timeframe.text == text


def test_spans_of_quarters_months_and_deadlines():
    assert parse_timeframe("Quý I, IV/2026").spans == ((D(2026, 1, 1), D(2026, 3, 31)),
                                                       (D(2026, 10, 1), D(2026, 12, 31)))
    assert len(parse_timeframe("Quý I,II, III, IV/2026").spans) == 4
    assert parse_timeframe("Quý II, III, IV năm 2026").spans[0] == (D(2026, 4, 1), D(2026, 6, 30))
    assert parse_timeframe("Tháng 01/2026").spans == ((D(2026, 1, 1), D(2026, 1, 31)),)
    assert parse_timeframe("Trước ngày 15/01/2026").end == D(2026, 1, 15)
    assert parse_timeframe("Quý III, IV/2025").years == (2025,)


def test_due_in_a_period_follows_the_data_window():
    q1, s1, q3 = parse_period("2026Q1"), parse_period("2026S1"), parse_period("2026Q3")
    assert is_due(parse_timeframe("Quý I/2026"), q1)
    assert not is_due(parse_timeframe("Quý IV/2026"), q1)       # not started by 14/03
    assert not is_due(parse_timeframe("Quý II, III, IV năm 2026"), q1)
    assert is_due(parse_timeframe("Quý II, III, IV năm 2026"), s1)
    assert due_state(parse_timeframe("Quý I/2026"), q3) == "earlier"
    assert is_due(parse_timeframe("Thường xuyên"), q3)
    assert is_due(parse_timeframe("Khi có phát sinh"), q1)


def test_overdue_at_a_period_end():
    q1, s1 = parse_period("2026Q1"), parse_period("2026S1")
    deadline = parse_timeframe("Trước ngày 15/01/2026")
    assert is_overdue(deadline, q1, completed=False)
    assert not is_overdue(deadline, q1, completed=True)
    quarter = parse_timeframe("Quý I/2026")
    assert not is_overdue(quarter, q1, completed=False)   # Q1 runs to 31/03, window ends 14/03
    assert is_overdue(quarter, s1, completed=False)
    assert not is_overdue(parse_timeframe("Thường xuyên"), s1, completed=False)
