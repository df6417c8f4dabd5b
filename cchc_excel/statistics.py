"""The figures of a report: this period and year to date for every indicator,
rates from their counts, targets met or not, and the sentences that weave the
key figures into the report ("tiếp nhận 1.234 hồ sơ, trong đó trực tuyến 456
hồ sơ (37%)")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answers import Intake
from .indicators import (
    INDEX_CODES,
    Increment,
    aggregate,
    format_value,
    increment_window,
    met,
    proposed_targets,
    rate,
    schedule_periods,
    share,
)
from .models import (
    Aggregation,
    Indicator,
    IndicatorKind,
    Item,
    Period,
    Plan,
    Settings,
    TimeframeKind,
)
from .periods import make_period
from .textnorm import fold
from .vnformat import count_text, decimal_text


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


# --- targets: judged on the figure printed, and only when due ------------------------


@dataclass(frozen=True)
class Judgement:
    """How a target is read in a report: ``value`` is the figure the verdict is
    taken on (printed beside it), ``cumulative`` when that is the year-to-date
    figure; ``due`` False while the plan schedules the work later — then the
    figure is progress, not a verdict."""

    value: float | None
    cumulative: bool
    due: bool

    def verdict(self, indicator: Indicator) -> str:
        return met(indicator, self.value) if self.due else ""


def target_sources(plan: Plan) -> dict[str, Item]:
    """indicator code -> the plan item whose own words state its target ("tối thiểu 20% …")."""
    items = {i.id: i for i in plan.items}
    indicators = {i.code: i for i in plan.indicators}
    sources = {}
    for proposal in proposed_targets(plan, plan.indicators):
        indicator = indicators.get(proposal.code)
        if indicator is not None and indicator.target == proposal.target and proposal.item in items:
            sources.setdefault(proposal.code, items[proposal.item])
    return sources


def judgement(stat: Stat, period: Period, source: Item | None) -> Judgement:
    """A target the plan ties to recurring work ("100% văn bản … ký số", thường xuyên), or a rate
    target with no date, holds every period: judged on the period's figure. A target tied to
    scheduled work ("kiểm tra tối thiểu 20% …", quý II–IV) or a count to reach in the year is
    judged on the year-to-date figure once its time has come — in the annual report at the latest —
    and shown as progress before."""
    indicator = stat.indicator
    timeframe = source.timeframe if source else None
    standing = (timeframe.kind in (TimeframeKind.RECURRING, TimeframeKind.CONDITIONAL) if timeframe
                else indicator.kind == IndicatorKind.RATE)
    if standing:
        return Judgement(stat.this, False, True)
    due = period.kind == "Y" or bool(timeframe and timeframe.end and timeframe.end <= period.end)
    return Judgement(stat.ytd, not _year_to_date(period), due)


def _year_to_date(period: Period) -> bool:
    return period.start == make_period(period.year, "Y").start


def _valid(stat: Stat, value: float | None) -> bool:
    if value is None:
        return False
    return not (stat.indicator.kind == IndicatorKind.RATE and not 0 <= value <= 100)


def target_phrase(indicator: Indicator) -> str:
    """'100%', 'tối thiểu 20%', 'tối thiểu 50 lượt người' — the plan's target as officials write it."""
    if indicator.target is None:
        return ""
    shown = decimal_text(indicator.target)
    if indicator.kind == IndicatorKind.RATE:
        return f"{shown}%" if indicator.target >= 100 else f"tối thiểu {shown}%"
    return f"tối thiểu {shown} {indicator.unit}".rstrip()


def stat_rows(stats: list[Stat], period: Period, sources: dict[str, Item]) -> list[dict]:
    """Rows of the statistics annex (plain data). The verdict is never given
    beside a figure reported wrong, and says when it is the year's figure."""
    rows = []
    for s in stats:
        judged = judgement(s, period, sources.get(s.indicator.code))
        ytd_ok = _valid(s, s.ytd)
        verdict = ""
        if s.indicator.target is not None:
            if not _valid(s, judged.value) or s.missing:
                verdict = ""
            elif not judged.due:
                verdict = "Đánh giá cuối năm"
            else:
                verdict = judged.verdict(s.indicator) + (" (lũy kế năm)" if judged.cumulative else "")
        rows.append({
            "code": s.indicator.code,
            "name": s.indicator.name,
            "unit": s.indicator.unit,
            "this": {"text": "[số liệu sai]" if s.missing and s.this is not None
                     else format_value(s.indicator, s.this), "missing": s.missing, "size": 11},
            "ytd": format_value(s.indicator, s.ytd) if ytd_ok or s.ytd is None else "[số liệu sai]",
            "target": target_phrase(s.indicator),
            "met": verdict,
            "section": s.indicator.section,
            "values": {"this": None if s.missing else s.this, "ytd": s.ytd if ytd_ok else None,
                       "target": s.indicator.target},
        })
    return rows


# --- the figures woven into the report's sections -------------------------------------


def _lower_first(text: str) -> str:
    """'Hồ sơ …' -> 'hồ sơ …'; an abbreviation stays as it is ('TTHC được số hóa')."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def _words(text: str) -> list[str]:
    """Folded words without punctuation, for comparing names."""
    return re.findall(r"\w+", fold(text))


def _shown(indicator: Indicator, value: float, leading_zero: bool) -> str:
    if indicator.kind == IndicatorKind.COUNT:
        return count_text(value, leading_zero)
    return format_value(indicator, value)


def counted(indicator: Indicator, value: float, leading_zero: bool) -> str:
    """'436 văn bản đi được gửi dưới dạng điện tử' when the name starts with its unit,
    else 'kinh phí thực hiện nhiệm vụ CCHC 12,5 triệu đồng'."""
    shown = _shown(indicator, value, leading_zero)
    unit = indicator.unit
    name_words, unit_words = _words(indicator.name), _words(unit)
    if unit_words and name_words[:len(unit_words)] == unit_words:
        return f"{shown} {unit}{indicator.name[_prefix_length(indicator.name, len(unit_words)):]}"
    if unit_words and name_words[:1] == unit_words[:1]:       # 'lượt người': '12 lượt cán bộ, công chức …'
        return f"{shown} {_lower_first(indicator.name)}"
    return f"{_lower_first(indicator.name)} {shown}{'' if unit == '%' else ' '}{unit}"


def _prefix_length(text: str, words: int) -> int:
    """Characters of ``text`` taken by its first ``words`` words (with their punctuation)."""
    matches = list(re.finditer(r"\w+", text))
    return matches[words - 1].end() if 0 < words <= len(matches) else 0


def _part_label(part: Indicator, total: Indicator) -> tuple[str, bool]:
    """('được kiểm tra CCHC', True) for 'Cơ quan, đơn vị được kiểm tra CCHC' under 'Cơ quan, đơn vị
    thuộc UBND xã': the words that set the part apart from its total (phrases of two or more words
    the total already says are left out), and whether the part's name starts with its unit."""
    unit_words = _words(part.unit)
    name = part.name
    starts_with_unit = bool(unit_words) and _words(name)[:len(unit_words)] == unit_words
    rest = name[_prefix_length(name, len(unit_words)):].strip(" ,") if starts_with_unit else name
    words = rest.split()
    total_words = " " + " ".join(_words(total.name)) + " "
    keep = [True] * len(words)
    for size in range(len(words), 1, -1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(w for f in words[i:i + size] for w in _words(f))
            if phrase and f" {phrase} " in total_words and all(keep[i:i + size]):
                keep[i:i + size] = [False] * size
    return _lower_first(" ".join(w for w, k in zip(words, keep) if k) or rest), starts_with_unit


def part_phrase(part: Indicator, total: Indicator, value: float, leading_zero: bool) -> str:
    """'431 văn bản được ký số' for 'Văn bản điện tử được ký số' under 'Văn bản đi được gửi dưới
    dạng điện tử' (see _part_label)."""
    label, starts_with_unit = _part_label(part, total)
    shown = _shown(part, value, leading_zero)
    if starts_with_unit:
        return f"{shown} {part.unit} {label}"
    return f"{label}: {shown} {part.unit}"


LATE_DOSSIERS = "HS_QUA_HAN"   # the default set's count of dossiers resolved late


def _target_note(stat: Stat, judged: Judgement, printed: float | None) -> str:
    """'chỉ tiêu kế hoạch 100%: chưa đạt' — the verdict only on the figure printed beside it;
    'lũy kế năm 25%; …' first when it is the year's figure that is judged. A letter of apology
    for every dossier resolved late is the law's requirement (NĐ 61/2018/NĐ-CP on the one-stop shop),
    not the plan's target: «theo quy định phải đạt 100%: chưa đạt»."""
    indicator = stat.indicator
    if indicator.target is None or not _valid(stat, judged.value):
        return ""
    if indicator.denominator == LATE_DOSSIERS and indicator.target >= 100 and judged.due:
        return f"theo quy định phải đạt {target_phrase(indicator)}: {_lower_first(judged.verdict(indicator))}"
    target = f"chỉ tiêu kế hoạch {target_phrase(indicator)}"
    lead = f"lũy kế năm {format_value(indicator, judged.value)}; " if judged.value != printed else ""
    if not judged.due:
        target = f"chỉ tiêu năm {target_phrase(indicator)}"
        return f"{lead}{target}"
    return f"{lead}{target}: {_lower_first(judged.verdict(indicator))}"


def _amount(indicator: Indicator, value: float, leading_zero: bool) -> str:
    """'1.234 hồ sơ', '12,5 triệu đồng', '86,2%'."""
    unit = indicator.unit
    return f"{_shown(indicator, value, leading_zero)}{'' if unit == '%' else ' '}{unit}".rstrip()


def figure_sentences(stats: list[Stat], section: str, period: Period, sources: dict[str, Item],
                     draft: bool, leading_zero: bool = True, said: str = "") -> list[dict]:
    """The section's key figures as officials write them, theme by theme.

    The plain counts open the figures in one short sentence («Kết quả trong quý: 06 văn bản …;
    14 tin, bài …»); each total told with its parts is a line of its own, under that sentence or
    straight under the field's heading
    («- Hồ sơ TTHC tiếp nhận: 1.234 hồ sơ, trong đó 700 hồ sơ trực tiếp (56,7%), …»), a count of a
    stock with one part as «02/08 cơ quan, đơn vị …», a part that is the whole as «toàn bộ …»; a
    rate is told on the line of its base (the total it is taken over), or on its own line naming
    that base. Nothing that is zero, nothing said twice (a count the section's own text already
    gives — ``said`` — is left out); a target whose work the plan schedules later said so instead
    of a verdict; a rate judged against a target printed with the decimals that show it."""
    already = fold(said)
    in_section = [s for s in stats if s.indicator.section == section]
    by_code = {s.indicator.code: s for s in stats}
    denominators = {s.indicator.denominator for s in stats if s.indicator.kind == IndicatorKind.RATE}
    told: set[str] = set()        # rates already given beside their count
    plain: list[str] = []         # counts without parts: the opening sentence
    themes: dict[str, list[str]] = {}   # total code -> its line's clauses (the first one: the total)
    rates: list[tuple[Stat, str]] = []  # rates told apart: (rate, clause)
    later: list[str] = []
    gaps: list[dict] = []

    def with_rate(text: str, numerator: str, denominator: str) -> str:
        """A share, or the rate judged against its target (with its verdict) in its place."""
        rate = _rate_of(stats, numerator, denominator)
        if rate is None or rate.missing:
            return text
        told.add(rate.indicator.code)
        note = _target_note(rate, judgement(rate, period, sources.get(rate.indicator.code)), rate.this)
        if rate.indicator.target is not None:
            text = format_value(rate.indicator, rate.this)
        return f"{text}; {note}" if note else text

    for stat in in_section:
        indicator = stat.indicator
        if indicator.part_of and indicator.part_of in by_code:
            continue   # told with its total
        if indicator.code in INDEX_CODES:
            continue   # told in section I's sub-point on the indices (report "indices")
        if stat.missing:
            if draft and (indicator.typed or stat.this is not None):
                gap = "[chưa báo cáo]" if stat.this is None else "[số liệu sai, cần kiểm tra lại]"
                gaps.append({"text": f"- {indicator.name}: {gap}", "missing": True})
            continue
        if indicator.kind == IndicatorKind.RATE:
            if indicator.code in told:
                continue
            judged = judgement(stat, period, sources.get(indicator.code))
            source = sources.get(indicator.code)
            if not judged.due and not stat.this and source is not None:
                later.append(f"Theo Kế hoạch, việc {_lower_first(source.task.rstrip(' .'))} thực hiện trong "
                             f"{_lower_first(source.timeframe.text)}.")
                continue
            note = _target_note(stat, judged, stat.this)
            rates.append((stat, f"{_lower_first(indicator.name)} đạt {format_value(indicator, stat.this)}"
                          + (f" ({note})" if note else "")))
            continue
        parts = [p for p in stats if p.indicator.part_of == indicator.code and not p.missing and p.this
                 and not (stat.this and p.this > stat.this)]   # a part above its total: check flags it
        if not stat.this or (indicator.code in denominators and not parts):
            continue   # zero, or a mere base of a rate: the annex shows it, the body does not spell it out
        if indicator.aggregation != Aggregation.SUM and not parts:
            continue   # a stock, score or rank: the annex (and the index sub-point) tells it
        shown = _shown(indicator, stat.this, leading_zero)
        if not parts and indicator.unit and f"{fold(shown)} {fold(indicator.unit).split()[0]}" in already:
            continue   # the agencies' text already says it ("Rà soát 06 văn bản …")
        own_rates = [r for r in stats if r.indicator.kind == IndicatorKind.RATE
                     and r.indicator.numerator == (indicator.code,) and not r.missing]
        if not parts and not own_rates:
            plain.append(counted(indicator, stat.this, leading_zero))
            continue
        base = own_rates[0].indicator.denominator if own_rates and not parts else ""
        if base in themes:   # told on its base's line: «…; 402 hồ sơ trực tuyến toàn trình (34,1%)»
            share_text = with_rate(share(stat.this, by_code[base].this), indicator.code, base)
            themes[base].append(f"{part_phrase(indicator, by_code[base].indicator, stat.this, leading_zero)} "
                                f"({share_text})")
            continue
        themes[indicator.code] = [_theme_line(stat, parts, own_rates, stats, with_rate, leading_zero)]
    for stat, clause in rates:   # a rate on the line of its base when that line is there
        base = stat.indicator.denominator
        if base in themes:
            themes[base].append(clause)
        else:
            named = by_code.get(base)
            over = f" (trên tổng số {_lower_first(named.indicator.name)})" if named else ""
            name = _lower_first(stat.indicator.name)
            themes[stat.indicator.code] = ["- " + clause.replace(name, name + over, 1)[:1].upper()
                                           + clause.replace(name, name + over, 1)[1:]]
    lines = []
    opening = _opening(period)
    if plain:
        lines.append(f"{opening}: {'; '.join(plain)}.")
    lines += ["; ".join(clauses) + "." for clauses in themes.values()]
    return [{"text": t, "missing": False} for t in lines + later] + gaps


def _theme_line(stat: Stat, parts: list[Stat], own_rates: list[Stat], stats: list[Stat], with_rate,
                leading_zero: bool) -> str:
    """«- Hồ sơ TTHC tiếp nhận: 1.234 hồ sơ, trong đó …» — a total with its parts and its own rates."""
    indicator = stat.indicator
    amount = _amount(indicator, stat.this, leading_zero)
    for ratio in own_rates:   # its own share of a larger base: «402 hồ sơ (34,1% số hồ sơ TTHC đã giải quyết)»
        base = next((s for s in stats if s.indicator.code == ratio.indicator.denominator), None)
        over = f" số {_lower_first(base.indicator.name)}" if base else ""
        value = with_rate(format_value(ratio.indicator, ratio.this) + over, indicator.code,
                          ratio.indicator.denominator)
        amount += f" ({value})"
    if len(parts) == 1 and indicator.aggregation != Aggregation.SUM:
        part = parts[0]   # «02/08 cơ quan, đơn vị thuộc UBND xã»: how many of a stock
        rate = with_rate(share(part.this, stat.this), part.indicator.code, indicator.code)
        of = counted(indicator, stat.this, leading_zero)
        return f"- {part.indicator.name}: {_shown(part.indicator, part.this, leading_zero)}/{of} ({rate})"
    if len(parts) == 1 and parts[0].this == stat.this:
        part = parts[0]   # «03 phản ánh, kiến nghị, toàn bộ đã xử lý»
        label, _ = _part_label(part.indicator, indicator)
        note = with_rate("", part.indicator.code, indicator.code).lstrip("; ")
        return f"- {indicator.name}: {amount}, toàn bộ {label}" + (f" ({note})" if note else "")
    text = f"- {indicator.name}: {amount}"
    if parts:
        text += ", trong đó " + ", ".join(
            f"{part_phrase(p.indicator, indicator, p.this, leading_zero)} "
            f"({with_rate(share(p.this, stat.this), p.indicator.code, indicator.code)})" for p in parts)
    return text


def _rate_of(stats: list[Stat], numerator: str, denominator: str) -> Stat | None:
    for s in stats:
        if s.indicator.kind == IndicatorKind.RATE and s.indicator.numerator == (numerator,) \
                and s.indicator.denominator == denominator:
            return s
    return None


def _opening(period: Period) -> str:
    """'Kết quả trong quý', 'Kết quả 6 tháng đầu năm' — the span the figures cover."""
    return {"S1": "Kết quả 6 tháng đầu năm", "M9": "Kết quả 9 tháng đầu năm", "Y": "Kết quả cả năm",
            "S2": "Kết quả 6 tháng cuối năm"}.get(period.kind, "Kết quả trong quý")


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
