"""«Phương hướng, nhiệm vụ» of the next period, written forward.

Action sentences ("Tiếp tục…", "Hoàn thành…", "Triển khai…") for the tasks the
plan times in the next period and for the unfinished ones, with the next
period's timing and never a date already past; a product whose planned time is
over and which is not finished is late ("Khẩn trương hoàn thành…") whether or not
its agency reported it; the recurring work summarised once by field; "khi phát
sinh" tasks once.

The annual report plans the next year, not the year just ended: the next year's
CCHC plan to be issued; one line for this year's work still late («Khẩn trương
hoàn thành các nhiệm vụ năm 2026 còn chậm: …», never moved to a quarter of the
next year); the year's CCHC index self-assessment when it is still to be done;
then, field by field and once, the plan's dated tasks as the next year's
directions (the next year's own work: without a timing, their years moved on by
one); recurring work continued.
"""

from __future__ import annotations

import re

from .assessment import late
from .models import Period, Plan, Status, Task, TimeframeKind
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
from .textnorm import fold

FINISHED = (Status.DONE,)


def _touches(outcome: Outcome, window: Period) -> bool:
    """Whether the plan times the product inside ``window``."""
    return any(start <= window.end and end >= window.start for start, end in outcome.item.timeframe.spans)


def _ends_in(outcome: Outcome, window: Period) -> bool:
    end = outcome.item.timeframe.end
    return end is not None and window.start <= end <= window.end


def _timing(window: Period, subject: str = "") -> str:
    """'trong quý IV năm 2026'; 'trong quý IV' ('trong 6 tháng cuối năm') when the subject
    already names the year."""
    title = window.title
    if re.search(rf"\bnăm {window.year}\b", subject):
        title = re.sub(rf"\b(đầu|cuối) năm {window.year}$", r"\1 năm", title)
        title = re.sub(rf"\s+năm {window.year}$", "", title)
    return f"trong {title}"


def next_tasks(plan: Plan, results: list[Outcome], period: Period, following: Period) -> list[dict]:
    """Groups {"heading", "lines"} of forward sentences for the next period."""
    if period.kind == "Y":
        return _next_year(plan, results, period, following)
    by_task = _by_task(results)
    groups: list[dict] = []
    for section in plan.sections:
        lines = []
        for task in section.tasks:
            outs = by_task.get((section.code, task.number), [])
            if _routine(outs):
                continue
            text = _forward(task, outs, period, following)
            if text:
                lines.append(line(text))
        if lines:
            groups.append({"heading": _field(section.title), "lines": lines})
    return groups + _standing_work(plan, results)


def _by_task(results: list[Outcome]) -> dict[tuple[str, str], list[Outcome]]:
    by_task: dict[tuple[str, str], list[Outcome]] = {}
    for outcome in results:
        by_task.setdefault((outcome.item.section, outcome.item.task_number), []).append(outcome)
    return by_task


def _routine(outs: list[Outcome]) -> bool:
    """A task whose products are all recurring, or all "khi phát sinh": told once, by field."""
    kinds = {o.item.timeframe.kind for o in outs}
    return bool(kinds) and (kinds <= {TimeframeKind.RECURRING} or kinds <= {TimeframeKind.CONDITIONAL})


def _standing_work(plan: Plan, results: list[Outcome]) -> list[dict]:
    """The recurring work summarised by field, and the "khi phát sinh" work, under one heading."""
    by_task = _by_task(results)
    fields = []
    for section in plan.sections:
        for task in section.tasks:
            kinds = {o.item.timeframe.kind for o in by_task.get((section.code, task.number), [])}
            if kinds and kinds <= {TimeframeKind.RECURRING} and _field(section.title) not in fields:
                fields.append(_field(section.title))
    closing = []
    if fields:
        named = ", ".join(f.lower() for f in fields)
        closing.append(line(f"Tiếp tục thực hiện thường xuyên, đúng định kỳ các nhiệm vụ của Kế hoạch về {named}."))
    if any(o.item.timeframe.kind == TimeframeKind.CONDITIONAL for o in results):
        closing.append(line("Chủ động thực hiện kịp thời các nhiệm vụ khi có phát sinh hoặc theo yêu cầu của cấp "
                            "trên."))
    return [{"heading": "Nhiệm vụ thường xuyên", "lines": closing}] if closing else []


def _field(title: str) -> str:
    return sentence_case(title)


def _open(outs: list[Outcome]) -> list[Outcome]:
    """Products still to finish: neither finished before the period nor done in it."""
    return [o for o in outs if o.standing != Standing.DONE_EARLIER and o.status not in FINISHED]


def _forward(task: Task, outs: list[Outcome], period: Period, following: Period) -> str:
    """One forward sentence for a task with a planned time, or '' when nothing is left for the next period."""
    open_work = _open(outs)
    if not open_work:
        return ""
    subject = lower_first(bare_topic(task))
    text = topic(task)
    when = _timing(following, text)
    if any(late(o, period) for o in open_work):
        return sentence(f"Khẩn trương hoàn thành việc {subject} {when}")
    # A planned time that ended before the plan was issued is no deadline (Outcome.before_plan):
    # the work goes on in the next period.
    coming = [o for o in open_work if _touches(o, following) or o.before_plan]
    if not coming:
        return ""
    started = any(o.status in (Status.IN_PROGRESS, Status.CARRIED_OUT) for o in coming)
    if any(_ends_in(o, following) for o in coming):
        # «Hoàn thành việc ban hành và triển khai …», not «Tiếp tục thực hiện và hoàn thành việc ban hành …»
        verb = "Hoàn thành việc" if started or starts_with_verb(subject) else "Triển khai và hoàn thành việc"
        return sentence(f"{verb} {subject} {when}")
    if fold(text).startswith("tiep tuc"):
        return sentence(f"{upper_first(text)} {when}")
    if started:
        return sentence(f"Tiếp tục {lower_first(text)} {when}")
    return sentence(f"{_action(text)} {when}")


def _action(text: str) -> str:
    """The task's wording as an instruction: it opens with its own verb or adverb
    ('Xây dựng …', 'Tích cực đề xuất …'), else 'Triển khai …'."""
    if starts_with_verb(text) or bare_topic(text) != text:
        return upper_first(text)
    return f"Triển khai {lower_first(text)}"


# --- the annual report: the next year ------------------------------------------------


def _next_year(plan: Plan, results: list[Outcome], period: Period, following: Period) -> list[dict]:
    year, next_year = period.year, following.year
    by_task = _by_task(results)
    first = [line(f"Xây dựng, ban hành Kế hoạch cải cách hành chính năm {next_year} ngay từ đầu năm; tổ chức "
                  f"quán triệt, giao nhiệm vụ cụ thể cho từng cơ quan, đơn vị.")]
    unfinished = []
    for task in plan.tasks:
        outs = by_task.get(_key(plan, task), [])
        if not _routine(outs) and _open(outs):
            unfinished.append((task, outs))
    behind = [t for t, outs in unfinished if any(late(o, period) for o in _open(outs))]
    remaining = [t for t, _ in unfinished if t not in behind]
    if behind:
        first.append(line(f"Khẩn trương hoàn thành các nhiệm vụ năm {year} còn chậm: "
                          f"{'; '.join(_subject(t, year) for t in behind)}."))
    if remaining:
        first.append(line(f"Hoàn thành dứt điểm các nhiệm vụ còn lại của Kế hoạch năm {year}: "
                          f"{'; '.join(_subject(t, year) for t in remaining)}."))
    index = _index_self_assessment(plan, by_task)
    if index:
        first.append(line(f"Tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} kèm đầy đủ tài liệu "
                          f"kiểm chứng, gửi Sở Nội vụ đúng thời hạn ngay từ đầu năm {next_year}."))
    groups = [{"heading": "", "lines": first}]
    carried = {id(t) for t, _ in unfinished}
    for section in plan.sections:
        lines = []
        for task in section.tasks:
            outs = by_task.get((section.code, task.number), [])
            kinds = {o.item.timeframe.kind for o in outs}
            if not kinds & {TimeframeKind.SCHEDULED, TimeframeKind.DEADLINE}:
                continue   # recurring and "khi phát sinh" work is told once below
            if _is_cchc_plan(task):
                continue   # the next year's CCHC plan has its own sentence
            if id(task) in carried and _next_years(topic(task), year) == topic(task):
                continue   # named above as this year's work to finish; the next year's own (its year moved) stays
            text = sentence(_action(_next_years(topic(task), year)))
            if line(text) not in lines:
                lines.append(line(text))
        if lines:
            groups.append({"heading": _field(section.title), "lines": lines})
    return groups + _standing_work(plan, results)


def _key(plan: Plan, task: Task) -> tuple[str, str]:
    section = next(s for s in plan.sections if any(t is task for t in s.tasks))
    return section.code, task.number


def _is_cchc_plan(task: Task) -> bool:
    words = fold(task.content)
    return "ke hoach cai cach hanh chinh" in words or "ke hoach cchc" in words


def _subject(task: Task, year: int) -> str:
    """This year's task, named without its year (the line says «năm {year}» once)."""
    text = lower_first(bare_topic(task))
    return re.sub(rf"\s+năm\s+{year}\b", "", text).strip(" ,")


def _next_years(text: str, year: int) -> str:
    """The plan's wording for the next year: «năm 2026» becomes «năm 2027», «năm 2025» «năm 2026»."""
    return re.sub(r"\b(năm\s+)(\d{4})\b",
                  lambda m: f"{m.group(1)}{int(m.group(2)) + 1}" if int(m.group(2)) in (year, year - 1)
                  else m.group(0), text)


def _index_self_assessment(plan: Plan, by_task: dict[tuple[str, str], list[Outcome]]) -> bool:
    """Whether the plan asks for the year's CCHC index self-assessment and it is not done yet."""
    for task in plan.tasks:
        if "chi so cchc" not in fold(task.content) and "chi so cai cach hanh chinh" not in fold(task.content):
            continue
        for outcome in by_task.get(_key(plan, task), []):
            words = fold(outcome.item.product)
            if ("tu danh gia" in words or "xac dinh chi so" in words) \
                    and outcome.status not in (Status.DONE, Status.CARRIED_OUT):
                return True
    return False
