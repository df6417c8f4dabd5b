"""The figures of a report: this period and year to date for every indicator,
rates from their counts, targets met or not, and the sentences that weave the
key figures into the report ("tiếp nhận 1.234 hồ sơ, trong đó trực tuyến 456
hồ sơ (37,0%)")."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import Intake
from .indicators import (
    Increment,
    aggregate,
    format_value,
    increment_window,
    met,
    rate,
    schedule_periods,
    share,
    target_text,
)
from .models import Indicator, IndicatorKind, Period, Plan, Settings
from .periods import make_period
from .textnorm import fold


@dataclass(frozen=True)
class Stat:
    indicator: Indicator
    this: float | None       # over the report's window
    ytd: float | None        # from the start of the year to the period's end

    @property
    def missing(self) -> bool:
        """Not reported — or a rate outside 0–100%, which only wrong counts give."""
        if self.indicator.kind == IndicatorKind.RATE and self.this is not None:
            return not 0 <= self.this <= 100
        return self.this is None


def increments(plan: Plan, settings: Settings, intakes: dict[str, Intake], upto: Period) -> dict[str, list]:
    """indicator code -> the values reported by each scheduled period up to ``upto``
    (and ``upto`` itself when it is not a scheduled one)."""
    periods = [p for p in schedule_periods(upto.year, settings.schedule) if p.end <= upto.end]
    if upto.id not in {p.id for p in periods}:
        periods.append(upto)
    found: dict[str, list[Increment]] = {i.code: [] for i in plan.indicators}
    for period in periods:
        intake = intakes.get(period.id)
        if intake is None:
            continue
        start, end = increment_window(period, settings.schedule)
        for figure in intake.figures:
            if figure.value is not None and figure.code in found:
                found[figure.code].append(Increment(period, start, end, figure.value))
    return found


def period_stats(plan: Plan, settings: Settings, period: Period, intakes: dict[str, Intake]) -> list[Stat]:
    series = increments(plan, settings, intakes, period)
    year_start = make_period(period.year, "Y").start
    this: dict[str, float | None] = {}
    ytd: dict[str, float | None] = {}
    for indicator in plan.indicators:
        if indicator.typed:
            this[indicator.code] = aggregate(indicator, series[indicator.code], period.start, period.end)
            ytd[indicator.code] = aggregate(indicator, series[indicator.code], year_start, period.end)
    stats = []
    for indicator in plan.indicators:
        if indicator.typed:
            stats.append(Stat(indicator, this[indicator.code], ytd[indicator.code]))
        else:
            stats.append(Stat(indicator, rate(indicator, this), rate(indicator, ytd)))
    return stats


def stat_rows(stats: list[Stat]) -> list[dict]:
    """Rows of the statistics annex (plain data)."""
    return [{
        "code": s.indicator.code,
        "name": s.indicator.name,
        "unit": s.indicator.unit,
        "this": {"text": "[số liệu sai]" if s.missing and s.this is not None else format_value(s.indicator, s.this),
                 "missing": s.missing, "size": 11},
        "ytd": format_value(s.indicator, s.ytd),
        "target": target_text(s.indicator),
        "met": met(s.indicator, s.ytd if s.indicator.kind == IndicatorKind.RATE else s.this),
        "section": s.indicator.section,
    } for s in stats]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _part_label(part: Indicator, total: Indicator) -> str:
    """'Hồ sơ tiếp nhận trực tuyến' under 'Hồ sơ TTHC tiếp nhận' -> 'tiếp nhận trực tuyến'."""
    total_words = fold(total.name).split()
    words = part.name.split()
    folded = fold(part.name).split()
    n = 0
    while n < min(len(folded), len(total_words)) and folded[n] == total_words[n]:
        n += 1
    return " ".join(words[n:]) if n < len(words) else _lower_first(part.name)


def figure_sentences(stats: list[Stat], section: str, draft: bool) -> list[dict]:
    """One line per headline figure of a section, parts woven into their total."""
    in_section = [s for s in stats if s.indicator.section == section]
    by_code = {s.indicator.code: s for s in stats}
    lines = []
    for stat in in_section:
        indicator = stat.indicator
        if indicator.part_of and indicator.part_of in by_code:
            continue   # told with its total
        if stat.missing:
            if draft and (indicator.typed or stat.this is not None):
                gap = "[chưa báo cáo]" if stat.this is None else "[số liệu sai, cần kiểm tra lại]"
                lines.append({"text": f"- {indicator.name}: {gap}", "missing": True})
            continue
        if indicator.kind == IndicatorKind.RATE:
            text = f"- {indicator.name}: {format_value(indicator, stat.this)}"
            if indicator.target is not None:
                verdict = met(indicator, stat.ytd) or "—"
                text += f" (chỉ tiêu {target_text(indicator)}: {_lower_first(verdict)})"
            lines.append({"text": text + ".", "missing": False})
            continue
        text = f"- {indicator.name}: {format_value(indicator, stat.this)} {indicator.unit}"
        parts = [s for s in stats if s.indicator.part_of == indicator.code and not s.missing]
        if parts:
            text += ", trong đó " + ", ".join(
                f"{_part_label(p.indicator, indicator)} {format_value(p.indicator, p.this)} {p.indicator.unit} "
                f"({share(p.this, stat.this)})" for p in parts)
        lines.append({"text": text + ".", "missing": False})
    return lines


def rate_series(plan: Plan, settings: Settings, period: Period, intakes: dict[str, Intake]):
    """(period titles, {rate name: [value per scheduled report up to period]}) for a chart."""
    periods = [p for p in schedule_periods(period.year, settings.schedule) if p.end <= period.end]
    titles = [p.name for p in periods]
    series: dict[str, list[float | None]] = {i.name: [] for i in plan.indicators if i.kind == IndicatorKind.RATE}
    for p in periods:
        for stat in period_stats(plan, settings, p, intakes):
            if stat.indicator.kind == IndicatorKind.RATE:
                series[stat.indicator.name].append(stat.this)
    return titles, series
