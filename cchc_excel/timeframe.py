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

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_RECURRING = ("thuong xuyen", "dinh ky", "hang nam", "hang quy", "hang thang", "hang tuan", "hang ngay",
              "lien tuc", "ca nam", "moi quy", "moi thang", "moi nam", "trong ca nam")
_CONDITIONAL = (
    "khi co", "sau khi", "theo yeu cau", "theo cac quyet dinh", "theo quyet dinh",
    "theo chi dao", "theo huong dan", "phat sinh", "dot xuat", "theo ke hoach cua",
    "theo quy dinh", "theo tien do", "theo lo trinh", "theo thong bao", "khi ", "ngay khi",
)

_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DATE_WORDS = re.compile(r"\b(\d{1,2}) thang (\d{1,2}) nam (\d{4})\b")
_DEADLINE = re.compile(r"^(truoc|cham nhat|han|trong|ngay|den|xong truoc|hoan thanh truoc)\b\s*(ngay )?")
_LEADING = re.compile(r"^(trong|hoan thanh trong|hoan thanh|thuc hien|thuc hien trong|du kien|vao)\s+")
_YEAR = re.compile(r"\b(20\d\d)\b")
_MONTH_WORDS = (("muoi mot", 11), ("muoi hai", 12), ("muoi", 10), ("gieng", 1), ("chap", 12), ("mot", 1),
                ("hai", 2), ("ba", 3), ("tu", 4), ("bon", 4), ("sau", 6), ("bay", 7), ("tam", 8), ("chin", 9))
_MONTH_NAME = re.compile(r"\bthang (" + "|".join(w for w, _ in _MONTH_WORDS) + r")\b")
_MAY = re.compile(r"\bthang nam(?= nam\b| ?/)")
_HALF = re.compile(r"^6 thang (dau|cuoi) nam(?: |/)?(20\d\d)?$")
_WHOLE_YEAR = re.compile(r"^(?:ca |trong )?nam (20\d\d)$")
_SET_TOKENS = re.compile(r"[a-z]+|\d+|-")


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = 3 * (quarter - 1) + 1
    return _month_span(year, first)[0], _month_span(year, first + 2)[1]


def _normalise(key: str) -> str:
    """Named months as numbers ("tháng Sáu" -> "thang 6"), dates in words as d/m/y."""
    key = _MAY.sub("thang 5", key)
    key = _MONTH_NAME.sub(lambda m: f"thang {dict(_MONTH_WORDS)[m.group(1)]}", key)
    key = _DATE_WORDS.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{m.group(3)}", key)
    key = re.sub(r"\s*/\s*", "/", key)
    return key


def _unit_set(key: str, unit: str, year: int | None) -> tuple[tuple[dt.date, dt.date], ...] | None:
    """Spans for a set or range of months or quarters of one year: "Quý I và quý III/2026",
    "Từ tháng 3 đến tháng 6/2026", "Tháng 3, 9 năm 2026", "Quý 1, Quý 2 năm 2026"."""
    years = set(_YEAR.findall(key))
    if len(years) > 1 or (not years and year is None):
        return None
    year = int(years.pop()) if years else year
    body = _YEAR.sub(" ", key).replace("/", " ").replace(",", " ").replace(";", " ")
    numbers: list[int] = []
    pending_range = False
    for token in _SET_TOKENS.findall(body):
        if token in (unit, "va", "tu", "nam", "het", "cac"):
            continue
        if token in ("den", "toi", "-"):
            pending_range = bool(numbers)
            continue
        value = _ROMAN_QUARTERS.get(token) if unit == "quy" else (int(token) if token.isdigit() else None)
        if value is None or not (1 <= value <= (4 if unit == "quy" else 12)):
            return None
        if pending_range and value > numbers[-1]:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
        pending_range = False
    if not numbers or pending_range:
        return None
    span = _quarter_span if unit == "quy" else _month_span
    return tuple(span(year, n) for n in sorted(set(numbers)))


def parse_timeframe(text: str, year: int | None = None) -> Timeframe:
    """Classify a timeframe cell; never raises. ``year``: the plan's year, for
    wordings that leave it out ("Quý I, II", "Tháng 6")."""
    raw = clean(text)
    key = _normalise(fold(raw).rstrip(".;"))
    years = tuple(int(y) for y in _YEAR.findall(key))
    if not key:
        return Timeframe(raw, TimeframeKind.UNKNOWN)

    date_match = _DATE.search(key)
    if date_match and (_DEADLINE.match(key) or date_match.group(0) == key):
        day, month, year_ = (int(g) for g in date_match.groups())
        try:
            deadline = dt.date(year_, month, day)
        except ValueError:
            return Timeframe(raw, TimeframeKind.UNKNOWN, years=years)
        return Timeframe(raw, TimeframeKind.DEADLINE, ((deadline, deadline),), years)

    body = _LEADING.sub("", key)
    body = body.removeprefix("tu ")
    for unit in ("quy", "thang"):
        if body.startswith((unit + " ", unit + "/")):
            spans = _unit_set(body, unit, year)
            if spans:
                return Timeframe(raw, TimeframeKind.SCHEDULED, spans, years)
    if half := _HALF.match(body):
        half_year = int(half.group(2)) if half.group(2) else year
        if half_year:
            first = 1 if half.group(1) == "dau" else 7
            spans = ((_month_span(half_year, first)[0], _month_span(half_year, first + 5)[1]),)
            return Timeframe(raw, TimeframeKind.SCHEDULED, spans, years)
    if whole := _WHOLE_YEAR.match(body):
        whole_year = int(whole.group(1))
        spans = ((dt.date(whole_year, 1, 1), dt.date(whole_year, 12, 31)),)
        return Timeframe(raw, TimeframeKind.SCHEDULED, spans, years)

    if key.startswith(_RECURRING) or body.startswith(_RECURRING):
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
