"""Numbers, percentages and dates written the Vietnamese way (DESIGN §3)."""

from __future__ import annotations

import datetime as dt
import re


def number(value: int | float, decimals: int = 0) -> str:
    """1234 -> '1.234'; 12.5 -> '12,5' (decimals=1)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def count_text(value: int | float, leading_zero: bool = True) -> str:
    """A count as officials write it: '06 văn bản' (below ten, with a leading
    zero where the commune's style uses it), '1.234 hồ sơ', '12,5'."""
    if float(value).is_integer():
        whole = int(value)
        return f"{whole:02d}" if leading_zero and 0 < whole < 10 else number(whole)
    return number(value, 1)


def decimal_text(value: int | float) -> str:
    """A value with the decimals it was entered with, up to two: 82,35 (điểm); 86,2; 15.
    Never rounded to fewer decimals than it has, so the body and the annex print the same figure."""
    for decimals in (0, 1, 2):
        if round(value, decimals) == round(value, 2):
            return number(value, decimals)
    return number(value, 2)


def percent_text(value: int | float, judged: bool = False) -> str:
    """A percentage: one decimal, none when it is whole ('98,9%', '25%', '37%', '0%').

    Extra decimals only where rounding would mislead: beside a target the figure is judged
    against (``judged``: '19,96%', never '20%' beside «tối thiểu 20%»), and for a share that one
    decimal would show as none or all ('0,04%', '99,96%', never '0%' or '100%')."""
    value = float(value)
    shown = round(value, 1)
    misleading = shown.is_integer() and (judged or shown in (0, 100)) and value != shown
    if misleading:
        for decimals in (2, 3, 4):
            if round(value, decimals) != shown:
                return f"{number(value, decimals)}%"
    return f"{number(shown, 0 if shown.is_integer() else 1)}%"


def percent(part: int | float, whole: int | float) -> str:
    """66,7%; 25% — the share of ``part`` in ``whole`` (percent_text); '—' when there is nothing to divide by."""
    if not whole:
        return "—"
    return percent_text(100 * part / whole)


def day_month(day: dt.date) -> tuple[str, str]:
    """Day and month as official documents write them: days below 10 and the
    months 1 and 2 take a leading zero ("ngày 05 tháng 01", "ngày 15 tháng 3")."""
    d = f"{day.day:02d}"
    m = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return d, m


def date_line(place: str, day: dt.date | None, year: int) -> str:
    """'Xuân Trường, ngày 05 tháng 01 năm 2026', or with blanks for the văn thư."""
    if day is None:
        return f"{place}, ngày      tháng      năm {year}"
    d, m = day_month(day)
    return f"{place}, ngày {d} tháng {m} năm {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


NBSP = "\u00a0"
# Words a heading line must not split: «CẢI CÁCH HÀNH / CHÍNH», «QUÝ IV NĂM / 2026» read as slips.
_TOGETHER = re.compile(r"\b(hành|HÀNH) (chính|CHÍNH)\b|\b(quý|QUÝ) [IV]+ (năm|NĂM) \d{4}\b"
                       r"|\b(năm|NĂM) (\d{4})\b|\b(quý|QUÝ) ([IV]+)\b|\b(\d+) (tháng|THÁNG)\b")


def keep_together(text: str) -> str:
    """A heading with no-break spaces where a line break would split a term («HÀNH CHÍNH»,
    «QUÝ IV NĂM 2026», «NĂM 2026», «6 THÁNG»): Word and LibreOffice wrap before the term instead."""
    return _TOGETHER.sub(lambda m: m.group(0).replace(" ", NBSP), text)
