"""Reporting periods and their data windows (DESIGN §3).

Windows follow the cut-off dates of the CCHC reporting guidance: the year's
data runs from 15/12 of the year before to 14/12. They are not calendar quarters.
"""

from __future__ import annotations

import datetime as dt
import re

from .messages import CchcError
from .models import Period

# kind -> (name, title template, (start month, start day, year offset), (end month, end day))
_KINDS: dict[str, tuple[str, str, tuple[int, int, int], tuple[int, int]]] = {
    "Q1": ("Quý I", "quý I năm {y}", (12, 15, -1), (3, 14)),
    "Q2": ("Quý II", "quý II năm {y}", (3, 15, 0), (6, 14)),
    "S1": ("6 tháng", "6 tháng đầu năm {y}", (12, 15, -1), (6, 14)),
    "Q3": ("Quý III", "quý III năm {y}", (6, 15, 0), (9, 14)),
    "M9": ("9 tháng", "9 tháng năm {y}", (12, 15, -1), (9, 14)),
    "Q4": ("Quý IV", "quý IV năm {y}", (9, 15, 0), (12, 14)),
    "S2": ("6 tháng cuối năm", "6 tháng cuối năm {y}", (6, 15, 0), (12, 14)),
    "Y": ("Năm", "năm {y}", (12, 15, -1), (12, 14)),
}
# The period whose tasks form "Phương hướng, nhiệm vụ" of a report.
_NEXT = {"Q1": "Q2", "Q2": "Q3", "S1": "S2", "Q3": "Q4", "M9": "Q4", "Q4": "Y+1", "S2": "Y+1", "Y": "Y+1"}

_ID = re.compile(r"^(\d{4})(Q[1-4]|S[12]|M9|)$")


def make_period(year: int, kind: str) -> Period:
    name, title, (sm, sd, offset), (em, ed) = _KINDS[kind]
    return Period(
        id=f"{year}" if kind == "Y" else f"{year}{kind}",
        kind=kind,
        year=year,
        name=name,
        start=dt.date(year + offset, sm, sd),
        end=dt.date(year, em, ed),
        title=title.format(y=year),
    )


def parse_period(text: str) -> Period:
    """'2026Q1', '2026s1', '2026' … -> Period; a clear error otherwise."""
    match = _ID.match(str(text).strip().upper())
    if not match:
        raise CchcError("PERIOD_UNKNOWN", text=text, examples=period_examples())
    year, kind = int(match.group(1)), match.group(2) or "Y"
    return make_period(year, kind)


def period_examples(year: int = 2026) -> str:
    ids = [make_period(year, k).id for k in ("Q1", "S1", "Q3", "Y", "Q2", "M9", "Q4")]
    return ", ".join(ids)


def next_period(period: Period) -> Period:
    following = _NEXT[period.kind]
    if following == "Y+1":
        return make_period(period.year + 1, "Y")
    return make_period(period.year, following)


def earlier_periods(period: Period) -> list[Period]:
    """Periods of the same year whose window ends before this one's, newest first
    (where carry-forward looks for returned answers)."""
    candidates = [make_period(period.year, k) for k in _KINDS if k != "S2"]
    earlier = [p for p in candidates if p.end < period.end]
    # Same end: the longer (cumulative) window first.
    return sorted(earlier, key=lambda p: (p.end, -p.start.toordinal()), reverse=True)


def format_window(period: Period) -> str:
    return f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
