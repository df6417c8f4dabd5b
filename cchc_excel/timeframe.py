"""Parse the "Thời gian thực hiện" column and decide whether an item is due.

Every wording seen in real plans is classified (see DESIGN §2); the raw text is
always kept. Quarters and months here are calendar ones ("Quý I/2026" is
January–March 2026); reporting windows are not, see :mod:`periods`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .models import Period, Timeframe, TimeframeKind
from .textnorm import clean, fold

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_RECURRING = ("thuong xuyen", "dinh ky", "hang nam", "hang quy", "hang thang", "lien tuc", "ca nam")
_CONDITIONAL = (
    "khi co", "sau khi", "theo yeu cau", "theo cac quyet dinh", "theo quyet dinh",
    "theo chi dao", "theo huong dan", "phat sinh", "dot xuat", "theo ke hoach cua",
)

_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DEADLINE = re.compile(r"^(truoc|cham nhat|han|trong) (ngay )?")
_MONTHS = re.compile(r"^thang ((?:\d{1,2}\s*(?:,|va|-)?\s*)+)(?:/|nam )\s*(\d{4})$")
_QUARTERS = re.compile(r"^quy ((?:(?:iv|iii|ii|i)\s*(?:,|va|-)?\s*)+)(?:/|nam )\s*(\d{4})$")
_YEAR = re.compile(r"\b(20\d\d)\b")


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = 3 * (quarter - 1) + 1
    return _month_span(year, first)[0], _month_span(year, first + 2)[1]


def parse_timeframe(text: str) -> Timeframe:
    """Classify a timeframe cell; never raises."""
    raw = clean(text)
    key = fold(raw).rstrip(".;")
    years = tuple(int(y) for y in _YEAR.findall(key))
    if not key:
        return Timeframe(raw, TimeframeKind.UNKNOWN)

    date_match = _DATE.search(key)
    if date_match and _DEADLINE.match(key):
        day, month, year = (int(g) for g in date_match.groups())
        try:
            deadline = dt.date(year, month, day)
        except ValueError:
            return Timeframe(raw, TimeframeKind.UNKNOWN, years=years)
        return Timeframe(raw, TimeframeKind.DEADLINE, ((deadline, deadline),), years)

    months = _MONTHS.match(key)
    if months:
        year = int(months.group(2))
        numbers = [int(n) for n in re.findall(r"\d{1,2}", months.group(1))]
        if numbers and all(1 <= n <= 12 for n in numbers):
            spans = tuple(_month_span(year, n) for n in sorted(set(numbers)))
            return Timeframe(raw, TimeframeKind.SCHEDULED, spans, years)

    quarters = _QUARTERS.match(key)
    if quarters:
        year = int(quarters.group(2))
        numerals = re.findall(r"iv|iii|ii|i", quarters.group(1))
        numbers = sorted({_ROMAN_QUARTERS[n] for n in numerals})
        spans = tuple(_quarter_span(year, q) for q in numbers)
        return Timeframe(raw, TimeframeKind.SCHEDULED, spans, years)

    if key.startswith(_RECURRING):
        return Timeframe(raw, TimeframeKind.RECURRING, years=years)
    if any(marker in key for marker in _CONDITIONAL):
        return Timeframe(raw, TimeframeKind.CONDITIONAL, years=years)
    return Timeframe(raw, TimeframeKind.UNKNOWN, years=years)


def due_state(timeframe: Timeframe, period: Period) -> str:
    """'due' (time overlaps the window, or no fixed time), 'earlier' (planned
    time ended before the window) or 'later' (not started by the window end)."""
    if not timeframe.spans:
        return "due"
    if all(start > period.end for start, _ in timeframe.spans):
        return "later"
    if all(end < period.start for _, end in timeframe.spans):
        return "earlier"
    return "due"


def is_due(timeframe: Timeframe, period: Period) -> bool:
    """Whether the item has to be reported on in this period.

    Recurring, conditional and unknown timeframes are always due (an unknown
    one is flagged by the plan lint; listing it is safer than hiding it).
    A scheduled or deadline item is due when its time overlaps the period's
    data window, or when it ended before the window (still to be accounted for).
    """
    return due_state(timeframe, period) != "later"


def is_overdue(timeframe: Timeframe, period: Period, completed: bool) -> bool:
    """An uncompleted item whose planned time ended within or before the window."""
    end = timeframe.end
    return not completed and end is not None and end <= period.end


def describe_kind(kind: TimeframeKind) -> str:
    """Vietnamese name of a timeframe kind, for tables and forms."""
    return {
        TimeframeKind.RECURRING: "Thường xuyên/định kỳ",
        TimeframeKind.DEADLINE: "Có hạn chót",
        TimeframeKind.SCHEDULED: "Theo tháng/quý",
        TimeframeKind.CONDITIONAL: "Khi phát sinh",
        TimeframeKind.UNKNOWN: "Chưa rõ",
    }[kind]
