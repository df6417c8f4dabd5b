"""«Phương hướng, nhiệm vụ» of the next period, written forward.

Action sentences ("Tiếp tục…", "Hoàn thành…", "Triển khai…") for the tasks the
plan times in the next period and for the unfinished ones, with the next
period's timing and never a date already past; the recurring work summarised
once by field; "khi phát sinh" tasks once. The annual report plans the next
year: the next year's CCHC plan to be issued, the year's unfinished work
carried into its first quarter, recurring work continued.
"""

from __future__ import annotations

import re

from .models import Period, Plan, Status, TimeframeKind
from .narrative import (
    bare_topic,
    line,
    lower_first,
    sentence,
    sentence_case,
    starts_with_verb,
    topic,
    upper_first,
)
from .outcomes import Outcome, Standing
from .periods import make_period
from .textnorm import fold

FINISHED = (Status.DONE,)


def _touches(outcome: Outcome, window: Period) -> bool:
    """Whether the plan times the product inside ``window``."""
    return any(start <= window.end and end >= window.start for start, end in outcome.item.timeframe.spans)


def _ends_in(outcome: Outcome, window: Period) -> bool:
    end = outcome.item.timeframe.end
    return end is not None and window.start <= end <= window.end


def _timing(window: Period) -> str:
    return f"trong {window.title}"


def next_tasks(plan: Plan, results: list[Outcome], period: Period, following: Period) -> list[dict]:
    """Groups {"heading", "lines"} of forward sentences for the next period."""
    annual = period.kind == "Y"
    first_quarter = make_period(following.year, "Q1") if annual else following
    by_task: dict[tuple[str, str], list[Outcome]] = {}
    for outcome in results:
        by_task.setdefault((outcome.item.section, outcome.item.task_number), []).append(outcome)
    groups: list[dict] = []
    if annual:
        groups.append({"heading": "", "lines": [line(
            f"Xây dựng, ban hành Kế hoạch cải cách hành chính năm {following.year} ngay từ đầu năm; tổ chức "
            f"quán triệt, giao nhiệm vụ cụ thể cho từng cơ quan, đơn vị.")]})
    if annual:
        yearly = _yearly_work(plan, period.year)
        if yearly:
            groups[0]["lines"].append(line(
                f"Triển khai sớm từ quý I năm {following.year} các nhiệm vụ có thời hạn của Kế hoạch năm "
                f"{following.year}, trọng tâm là: {'; '.join(yearly)}."))
    recurring_sections: list[str] = []
    for section in plan.sections:
        lines = []
        for task in section.tasks:
            outs = by_task.get((section.code, task.number), [])
            kinds = {o.item.timeframe.kind for o in outs}
            if kinds and kinds <= {TimeframeKind.RECURRING}:
                if section.title not in recurring_sections:
                    recurring_sections.append(section.title)
                continue
            if kinds and kinds <= {TimeframeKind.CONDITIONAL}:
                continue
            text = _forward(task, outs, following, first_quarter, annual)
            if text:
                lines.append(line(text))
        if lines:
            groups.append({"heading": _field(section.title), "lines": lines})
    closing = []
    if recurring_sections:
        fields = ", ".join(_field(t).lower() for t in recurring_sections)
        closing.append(line(f"Tiếp tục thực hiện thường xuyên, đúng định kỳ các nhiệm vụ của Kế hoạch về {fields}."))
    if any(o.item.timeframe.kind == TimeframeKind.CONDITIONAL for o in results):
        closing.append(line("Chủ động thực hiện kịp thời các nhiệm vụ khi có phát sinh hoặc theo yêu cầu của cấp "
                            "trên."))
    if closing:
        groups.append({"heading": "Nhiệm vụ thường xuyên", "lines": closing})
    return groups


def _yearly_work(plan: Plan, year: int) -> list[str]:
    """This year's dated tasks, as the work the next year's plan will ask again (years left out)."""
    topics = []
    for task in plan.tasks:
        kinds = {i.timeframe.kind for i in task.items}
        if not kinds & {TimeframeKind.SCHEDULED, TimeframeKind.DEADLINE}:
            continue
        text = lower_first(bare_topic(task))
        if "ke hoach cai cach hanh chinh" in fold(text) or "ke hoach cchc" in fold(text):
            continue   # the next year's CCHC plan has its own sentence
        text = re.sub(rf"\s*(?:năm\s+)?{year}\b|\s*năm\s+{year - 1}\b", "", text).strip(" ,")
        if text and text not in topics:
            topics.append(text)
    return topics


def _field(title: str) -> str:
    return sentence_case(title)


def _forward(task, outs: list[Outcome], following: Period, first_quarter: Period, annual: bool) -> str:
    """One forward sentence for a task with a planned time, or '' when nothing is left for the next period."""
    open_work = [o for o in outs if o.standing != Standing.DONE_EARLIER and o.status not in FINISHED]
    if not open_work:
        return ""
    subject = lower_first(bare_topic(task))
    if annual:
        started = any(o.status in (Status.IN_PROGRESS, Status.CARRIED_OUT) for o in open_work)
        verb = "Hoàn thành việc" if started else "Triển khai"
        return sentence(f"{verb} {subject} {_timing(first_quarter)}")
    late = [o for o in open_work if o.overdue]
    if late:
        return sentence(f"Khẩn trương hoàn thành việc {subject} {_timing(following)}")
    coming = [o for o in open_work if _touches(o, following)]
    if not coming:
        return ""
    started = any(o.status in (Status.IN_PROGRESS, Status.CARRIED_OUT) for o in coming)
    if any(_ends_in(o, following) for o in coming):
        verb = "Tiếp tục thực hiện và hoàn thành việc" if started else "Triển khai và hoàn thành việc"
        return sentence(f"{verb} {subject} {_timing(following)}")
    text = topic(task)
    if fold(text).startswith("tiep tuc"):
        return sentence(f"{upper_first(text)} {_timing(following)}")
    if started:
        return sentence(f"Tiếp tục {lower_first(text)} {_timing(following)}")
    if starts_with_verb(text):
        return sentence(f"{upper_first(text)} {_timing(following)}")
    return sentence(f"Triển khai {lower_first(text)} {_timing(following)}")
