"""Rules between figures, in the style of DHIS2 validation rules: not
negative, parts ≤ total, parts adding up to their total, a rate within 0–100,
and a figure far from the previous period's flagged for confirmation. Each
finding names the cell and the fix."""

from __future__ import annotations

from .answers import FigureAnswer, Intake
from .assignments import agency_indicators
from .indicators import increment_window, rate
from .messages import finding
from .models import Aggregation, Finding, Indicator, IndicatorKind, PartRule, Period, Plan, Settings
from .vnformat import number

OUTLIER_FACTOR = 3.0
OUTLIER_MIN_GAP = 10


def _shown(value: float) -> str:
    return number(value, 0 if float(value).is_integer() else 1)


def check_figures(plan: Plan, period: Period, settings: Settings, intake: Intake,
                  previous: Intake | None = None, previous_period: Period | None = None) -> list[Finding]:
    findings: list[Finding] = []
    answers: dict[str, FigureAnswer] = {f.code: f for f in intake.figures}
    indicators = {i.code: i for i in plan.indicators}

    def at(answer: FigureAnswer, indicator: Indicator) -> dict:
        return {"item": indicator.code, "name": indicator.name, "agency": answer.agency, "file": answer.file,
                "sheet": answer.sheet, "cell": answer.cell(), "column": "value"}

    for code, submission in intake.submissions.items():
        if not submission.used:
            continue
        mine = intake.figures_of(code)
        for indicator in agency_indicators(plan, code):
            answer = mine.get(indicator.code)
            if answer is None or (answer.value is None and not answer.text):
                findings.append(finding(
                    "FIGURE_MISSING", item=indicator.code, name=indicator.name, agency=code,
                    file=str(submission.used), sheet=answer.sheet if answer else "",
                    cell=answer.cell() if answer else "", column="value"))

    flagged: set[str] = set()
    for answer in answers.values():
        indicator = indicators.get(answer.code)
        if indicator is None or answer.value is None:
            continue
        if answer.value < 0:
            findings.append(finding("FIGURE_NEGATIVE", value=_shown(answer.value), **at(answer, indicator)))
            flagged.add(answer.code)
        elif indicator.kind == IndicatorKind.COUNT and not float(answer.value).is_integer():
            # A count with decimals: on a US-English Excel "1.234" becomes 1.234, not 1234.
            thousands = answer.value * 1000
            shown = number(answer.value, 3).rstrip("0").rstrip(",")
            if thousands.is_integer():
                findings.append(finding("FIGURE_NOT_WHOLE_THOUSANDS", value=shown, thousands=number(thousands),
                                        digits=int(thousands), **at(answer, indicator)))
            else:
                findings.append(finding("FIGURE_NOT_WHOLE", value=shown, **at(answer, indicator)))
            flagged.add(answer.code)

    for total in indicators.values():
        parts = [i for i in indicators.values() if i.part_of == total.code]
        whole = answers.get(total.code)
        if not parts or whole is None or whole.value is None:
            continue
        values = {p.code: answers[p.code].value for p in parts if p.code in answers}
        for part in parts:
            answer = answers.get(part.code)
            if answer is not None and answer.value is not None and answer.value > whole.value:
                findings.append(finding("FIGURE_PART_EXCEEDS", value=_shown(answer.value),
                                        total_code=total.code, total_name=total.name, total=_shown(whole.value),
                                        **at(answer, part)))
                flagged.update({part.code, total.code})
        complete = len(values) == len(parts) and all(v is not None for v in values.values())
        if total.parts_rule == PartRule.EQUAL and complete and abs(sum(values.values()) - whole.value) > 1e-9:
            findings.append(finding("FIGURE_SUM_MISMATCH", value=_shown(whole.value),
                                    parts=" + ".join(values), sum=_shown(sum(values.values())),
                                    **at(whole, total)))
            flagged.update({total.code, *values})

    current = {code: a.value for code, a in answers.items()}
    for indicator in indicators.values():
        if not indicator.numerator or set(indicator.numerator) & flagged:
            continue
        value = rate(indicator, current)
        anchor = answers.get(indicator.numerator[0])
        if value is not None and anchor is not None and not 0 <= value <= 100:
            findings.append(finding("FIGURE_RATE_RANGE", value=f"{_shown(value)}%",
                                    parts=", ".join((*indicator.numerator, indicator.denominator)),
                                    **{**at(anchor, indicator), "agency": anchor.agency}))

    if previous is not None and previous_period is not None:
        findings.extend(_outliers(period, settings, answers, previous, previous_period, indicators, at))
    return findings


def _days(period: Period, settings: Settings) -> int:
    start, end = increment_window(period, settings.schedule)
    return (end - start).days + 1


def _outliers(period, settings, answers, previous: Intake, previous_period: Period, indicators, at):
    before = {f.code: f.value for f in previous.figures}
    scale = _days(period, settings) / _days(previous_period, settings)
    for code, answer in answers.items():
        indicator = indicators.get(code)
        old = before.get(code)
        if indicator is None or answer.value is None or not old or answer.value <= 0:
            continue
        expected = old * (scale if indicator.aggregation == Aggregation.SUM else 1)
        ratio = max(answer.value, expected) / min(answer.value, expected)
        if ratio > OUTLIER_FACTOR and abs(answer.value - expected) >= OUTLIER_MIN_GAP:
            # Explained in «Ghi chú, giải trình» as the fix asks: information, not sent back.
            explained = bool(answer.note)
            yield finding("FIGURE_OUTLIER_EXPLAINED" if explained else "FIGURE_OUTLIER",
                          value=_shown(answer.value), previous=_shown(old),
                          previous_title=previous_period.title, note=answer.note[:120], **at(answer, indicator))
