"""«Đánh giá chung» from the data: strengths with their figures, shortfalls,
and their causes grouped from what the agencies wrote.

- Ưu điểm: the period's counts (what is counted, no zero spelled out), the
  products finished and the targets reached, the best rates with their figures.
- Tồn tại, hạn chế: work overdue or not started, targets due and not reached.
- Nguyên nhân: the agencies' «Khó khăn, vướng mắc», grouped by kind of cause
  (nhân lực, cơ sở vật chất, kinh phí, người dân, hướng dẫn), each naming who
  raised it; the same difficulty raised twice is said once.
"""

from __future__ import annotations

from .answers import Answer
from .indicators import format_value
from .models import IndicatorKind, Item, Period, Plan, Status
from .narrative import bare_topic, line, lower_first, sentence
from .outcomes import Figures, Outcome
from .statistics import Stat, judgement, target_phrase
from .textnorm import fold

GOOD_RATE = 90.0   # a rate this high is worth naming among the strengths
CAUSES = (
    ("Về nhân lực", ("kiem nhiem", "nhan luc", "thieu cong chuc", "thieu can bo", "trinh do")),
    ("Về cơ sở vật chất, hạ tầng công nghệ thông tin", ("trang thiet bi", "duong truyen", "ha tang", "may tinh",
                                                        "co so vat chat", "xuong cap", "internet", "phan mem")),
    ("Về kinh phí", ("kinh phi", "ngan sach")),
    ("Về phía người dân", ("nguoi dan", "cao tuoi")),
    ("Về hướng dẫn của cấp trên", ("huong dan", "chua co van ban", "quy dinh chua")),
)


def _is_nothing(text: str) -> bool:
    return fold(text).strip(" .") in {"khong", "khong co", "khong co kho khan", "chua co", "-", "x", "0"}


def strengths(plan: Plan, results: list[Outcome], total: Figures, stats: list[Stat], period: Period,
              sources: dict[str, Item], sent: int, expected: int, completion: str) -> list[dict]:
    lines = [line(f"- {sent}/{expected} cơ quan, đơn vị gửi báo cáo kết quả đầy đủ. {completion}")]
    finished = [o for o in results if o.due and o.status == Status.DONE]
    if finished:
        tasks = {(s.code, t.number): t for s in plan.sections for t in s.tasks}
        named: list[str] = []
        for o in finished:
            subject = lower_first(bare_topic(tasks[(o.item.section, o.item.task_number)]))
            if subject not in named:
                named.append(subject)
        shown = named[:3]
        more = f" và {len(named) - 3} nhiệm vụ khác" if len(named) > 3 else ""
        # The products are counted; the tasks they belong to are named.
        on_time = sum(o.on_time is not False for o in finished)
        timing = " đúng thời hạn" if on_time == len(finished) else ""
        lines.append(line(f"- Hoàn thành{timing} {len(finished)} sản phẩm theo Kế hoạch, thuộc các nhiệm vụ: "
                          f"{'; '.join(shown)}{more}."))
    if total.carried_out:
        lines.append(line(f"- Các nhiệm vụ thường xuyên, định kỳ và khi có phát sinh được thực hiện đầy đủ trong kỳ "
                          f"({total.carried_out} sản phẩm)." if not total.not_started
                          else f"- {total.carried_out} sản phẩm thường xuyên, định kỳ được thực hiện trong kỳ."))
    good = []
    for stat in stats:
        indicator = stat.indicator
        if indicator.kind != IndicatorKind.RATE or stat.missing or stat.this is None:
            continue
        judged = judgement(stat, period, sources.get(indicator.code))
        reached = indicator.target is not None and judged.due and judged.value is not None \
            and judged.value >= indicator.target
        if reached:
            good.append(f"{lower_first(indicator.name)} đạt {format_value(indicator, judged.value)} "
                        f"(chỉ tiêu kế hoạch {target_phrase(indicator)})")
        elif indicator.target is None and stat.this >= GOOD_RATE:
            good.append(f"{lower_first(indicator.name)} đạt {format_value(indicator, stat.this)}")
    if good:
        lines.append(line(f"- Một số chỉ tiêu đạt kết quả tốt: {'; '.join(good)}."))
    return lines


def shortfalls(plan: Plan, results: list[Outcome], stats: list[Stat], period: Period,
               sources: dict[str, Item]) -> list[dict]:
    lines = []
    late = [o for o in results if o.due and o.overdue]
    tasks = {(s.code, t.number): t for s in plan.sections for t in s.tasks}
    said: set[str] = set()
    for outcome in late:
        task = tasks[(outcome.item.section, outcome.item.task_number)]
        subject = bare_topic(task)
        if subject in said:
            continue
        said.add(subject)
        idle = [a for a in outcome.leads if a.status == Status.NOT_STARTED]
        who = f"; {', '.join(_name(plan, a) for a in idle)} chưa triển khai" if idle else ""
        lines.append(line(f"- Việc {lower_first(subject)} chưa hoàn thành theo thời hạn của Kế hoạch{who}."))
    for outcome in results:
        if outcome.due and not outcome.overdue and outcome.status == Status.NOT_STARTED:
            subject = bare_topic(tasks[(outcome.item.section, outcome.item.task_number)])
            if subject not in said:
                said.add(subject)
                lines.append(line(f"- Việc {lower_first(subject)} chưa được triển khai."))
    for stat in stats:
        indicator = stat.indicator
        if indicator.target is None or stat.missing:
            continue
        judged = judgement(stat, period, sources.get(indicator.code))
        if judged.due and judged.value is not None and judged.value < indicator.target:
            lines.append(line(f"- {indicator.name} đạt {format_value(indicator, judged.value)}, chưa đạt chỉ tiêu "
                              f"kế hoạch {target_phrase(indicator)}."))
    return lines or [line("- Trong kỳ không có sản phẩm chậm tiến độ hoặc chỉ tiêu chưa đạt so với Kế hoạch.")]


def _name(plan: Plan, answer: Answer) -> str:
    return next((a.name for a in plan.agencies if a.code == answer.agency), answer.agency)


def causes(plan: Plan, answers: list[Answer]) -> list[dict]:
    """The difficulties the agencies gave, grouped by kind of cause, each with who raised it."""
    grouped: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for answer in answers:
        text = answer.difficulties.strip()
        if not text or _is_nothing(text):
            continue
        words = fold(text)
        label = next((name for name, keys in CAUSES if any(k in words for k in keys)), "Nguyên nhân khác")
        texts = grouped.setdefault(label, {})
        key = words.rstrip(". ")
        entry = texts.setdefault(key, (text.rstrip(" .;"), []))
        if _name(plan, answer) not in entry[1]:
            entry[1].append(_name(plan, answer))
    order = [name for name, _ in CAUSES] + ["Nguyên nhân khác"]
    lines = []
    for label in (lb for lb in order if lb in grouped):
        said = "; ".join(f"{text} ({', '.join(who)})" for text, who in grouped[label].values())   # their words
        lines.append(line(f"- {label}: {sentence(said)}"))
    return lines
