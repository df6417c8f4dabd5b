"""«Đánh giá chung» from the data: strengths with their figures, shortfalls,
and their causes grouped from what the agencies wrote.

- Ưu điểm: the period's counts (what is counted, no zero spelled out), the
  products finished and the targets reached, the best rates with their figures.
  Only CCHC results: who sent a form is not one (the draft says who did not).
  A rate is praised only when it meets its target, or has none and is high;
  the apologies owed for late dossiers are a duty, told with those dossiers.
- Tồn tại, hạn chế: work overdue (also when its agency has not reported it) or
  not started, targets due and not reached, dossiers resolved late.
- Nguyên nhân: the agencies' «Khó khăn, vướng mắc», grouped by kind of cause
  (nhân lực, cơ sở vật chất, kinh phí, người dân, hướng dẫn), in their words
  without their names (the UBND speaks; the summary workbook keeps who said
  what); the same difficulty raised twice is said once. With no shortfall
  there is nothing to explain: the difficulties are told as such, under
  «Tồn tại, hạn chế», and no «Nguyên nhân» is written.

Every count is written with the commune's leading-zero style (vnformat.count_text).
"""

from __future__ import annotations

from .answers import FINISHED, Answer
from .indicators import format_value
from .models import IndicatorKind, Item, Period, Plan, Status, TimeframeKind
from .narrative import bare_topic, line, lower_first, sentence
from .outcomes import Figures, Outcome
from .statistics import LATE_DOSSIERS, Stat, judgement, target_phrase
from .textnorm import fold
from .timeframe import is_overdue
from .vnformat import count_text, percent

GOOD_RATE = 90.0   # a rate this high, with no target, is worth naming among the strengths
CAUSES = (
    ("Về nhân lực", ("kiem nhiem", "nhan luc", "thieu cong chuc", "thieu can bo", "trinh do")),
    ("Về cơ sở vật chất, hạ tầng công nghệ thông tin", ("trang thiet bi", "duong truyen", "ha tang", "may tinh",
                                                        "co so vat chat", "xuong cap", "internet", "phan mem")),
    ("Về kinh phí", ("kinh phi", "ngan sach")),
    ("Về phía người dân", ("nguoi dan", "cao tuoi")),
    ("Về hướng dẫn của cấp trên", ("huong dan", "chua co van ban", "quy dinh chua")),
)
NO_SHORTFALL = "- Trong kỳ không có sản phẩm chậm tiến độ hoặc chỉ tiêu chưa đạt so với Kế hoạch."
SPANS = {"S1": "Trong 6 tháng đầu năm", "M9": "Trong 9 tháng đầu năm", "Y": "Trong năm",
         "S2": "Trong 6 tháng cuối năm"}


def span(period: Period) -> str:
    """'Trong quý', 'Trong 6 tháng đầu năm', 'Trong năm' — the time the counts cover."""
    return SPANS.get(period.kind, "Trong quý")


def _is_nothing(text: str) -> bool:
    return fold(text).strip(" .") in {"khong", "khong co", "khong co kho khan", "chua co", "-", "x", "0"}


def completion_sentence(figs: Figures, leading_zero: bool = True, when: str = "Trong kỳ") -> str:
    """What the period's counts say, naming what is counted (products) and
    leaving out zero counts: 'Trong quý, có 35 sản phẩm phải thực hiện theo Kế hoạch
    (không tính 06 sản phẩm chưa phát sinh): đã hoàn thành 09 sản phẩm, đã thực hiện
    trong kỳ 15 sản phẩm, đạt 68,6%; 05 sản phẩm đang thực hiện.'"""
    def n(count: int) -> str:
        return f"{count_text(count, leading_zero)} sản phẩm"

    earlier = (f" Ngoài ra, {n(figs.done_earlier)} đã hoàn thành từ kỳ trước, không tính vào kỳ này."
               if figs.done_earlier else "")
    if not figs.expected:
        arisen = f" ({n(figs.not_arisen)} chưa phát sinh)" if figs.not_arisen else ""
        return f"{when}, không có sản phẩm phải thực hiện theo Kế hoạch{arisen}.{earlier}"
    text = f"{when}, có {n(figs.expected)} phải thực hiện theo Kế hoạch"
    if figs.not_arisen:
        text += f" (không tính {n(figs.not_arisen)} chưa phát sinh)"
    parts = [f"{label} {n(count)}" for label, count in (
        ("đã hoàn thành", figs.done), ("đã thực hiện trong kỳ", figs.carried_out)) if count]
    text += ": " + (", ".join(parts) + f", đạt {figs.done_rate}" if parts else "chưa có sản phẩm hoàn thành")
    rest = [f"{n(count)} {label}" for label, count in (
        ("đang thực hiện", figs.in_progress), ("chưa thực hiện", figs.not_started),
        ("chưa báo cáo", figs.not_reported)) if count]
    if rest:
        text += "; " + ", ".join(rest)
    return text + "." + earlier


def strengths(plan: Plan, results: list[Outcome], total: Figures, stats: list[Stat], period: Period,
              sources: dict[str, Item], leading_zero: bool = True) -> list[dict]:
    lines = [line(f"- {completion_sentence(total, leading_zero, span(period))}")]
    finished = [o for o in results if o.due and o.status == Status.DONE]
    if finished:
        tasks = {(s.code, t.number): t for s in plan.sections for t in s.tasks}
        named: list[str] = []
        for o in finished:
            subject = lower_first(bare_topic(tasks[(o.item.section, o.item.task_number)]))
            if subject not in named:
                named.append(subject)
        shown = named[:3]
        more = f" và {count_text(len(named) - 3, leading_zero)} nhiệm vụ khác" if len(named) > 3 else ""
        # The products are counted; the tasks they belong to are named.
        # «đúng thời hạn» only when every product finished had a time to meet and met it: a
        # «Thường xuyên» product has none, and calling it on time says nothing.
        timing = " đúng thời hạn" if all(o.on_time is True for o in finished) else ""
        lines.append(line(f"- Hoàn thành{timing} {count_text(len(finished), leading_zero)} sản phẩm theo Kế hoạch, "
                          f"thuộc các nhiệm vụ: {'; '.join(shown)}{more}."))
    if total.carried_out and _routine_complete(results):
        lines.append(line("- Các nhiệm vụ thường xuyên, định kỳ và khi có phát sinh được thực hiện đầy đủ trong kỳ."))
    good = []
    for stat in stats:
        indicator = stat.indicator
        if indicator.kind != IndicatorKind.RATE or stat.missing or stat.this is None:
            continue
        if indicator.denominator == LATE_DOSSIERS:
            continue   # an apology owed for each late dossier is a duty, told with them under Tồn tại
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


def _routine_complete(results: list[Outcome]) -> bool:
    """Every recurring or "khi phát sinh" product due and arisen was carried out (or done)."""
    routine = [o for o in results if o.due and o.status != Status.NOT_ARISEN
               and o.item.timeframe.kind in (TimeframeKind.RECURRING, TimeframeKind.CONDITIONAL)]
    return bool(routine) and all(o.status in (Status.CARRIED_OUT, Status.DONE) for o in routine)


def late(outcome: Outcome, period: Period) -> bool:
    """Due, its planned time over and not finished — also when its lead agencies have not
    reported it (the plan's time is past whatever they would say). A planned time that ended
    before the plan was issued is no time to be late against (Outcome.before_plan)."""
    return outcome.due and not outcome.before_plan \
        and is_overdue(outcome.item.timeframe, period, completed=outcome.status in FINISHED)


def shortfalls(plan: Plan, results: list[Outcome], stats: list[Stat], period: Period, sources: dict[str, Item],
               answers: list[Answer], leading_zero: bool = True) -> tuple[list[dict], list[dict]]:
    """(«Tồn tại, hạn chế» lines, «Nguyên nhân» lines). Causes are given only for shortfalls that
    exist; without one, the agencies' difficulties are told as difficulties, under the shortfalls."""
    lines = _work_shortfalls(plan, results, period)
    told: set[str] = set()
    lines += _late_dossiers(stats, period, sources, leading_zero, told)
    for stat in stats:
        indicator = stat.indicator
        if indicator.target is None or stat.missing or indicator.code in told:
            continue
        judged = judgement(stat, period, sources.get(indicator.code))
        if judged.due and judged.value is not None and judged.value < indicator.target:
            lines.append(line(f"- {indicator.name} đạt {format_value(indicator, judged.value)}, chưa đạt chỉ tiêu "
                              f"kế hoạch {target_phrase(indicator)}."))
    if lines:
        return lines, causes(plan, answers)
    difficulties = causes(plan, answers, other="Khó khăn khác")
    if not difficulties:
        return [line(NO_SHORTFALL)], []
    return [line(NO_SHORTFALL[:-1] + "; tuy vậy, các cơ quan, đơn vị còn gặp một số khó khăn, vướng mắc sau:"),
            *difficulties], []


def _work_shortfalls(plan: Plan, results: list[Outcome], period: Period) -> list[dict]:
    lines = []
    tasks = {(s.code, t.number): t for s in plan.sections for t in s.tasks}
    said: set[str] = set()
    for outcome in (o for o in results if late(o, period)):
        task = tasks[(outcome.item.section, outcome.item.task_number)]
        subject = bare_topic(task)
        if subject in said:
            continue
        said.add(subject)
        if outcome.status is None:
            who = ", ".join(_agency_name(plan, code) for code in outcome.missing) or "cơ quan chủ trì"
            lines.append(line(f"- Việc {lower_first(subject)} đã hết thời hạn theo Kế hoạch nhưng {who} chưa báo cáo "
                              f"kết quả."))
            continue
        idle = [a for a in outcome.leads if a.status == Status.NOT_STARTED]
        who = f"; {', '.join(_name(plan, a) for a in idle)} chưa triển khai" if idle else ""
        lines.append(line(f"- Việc {lower_first(subject)} chưa hoàn thành theo thời hạn của Kế hoạch{who}."))
    for outcome in results:
        if outcome.due and not late(outcome, period) and outcome.status == Status.NOT_STARTED:
            subject = bare_topic(tasks[(outcome.item.section, outcome.item.task_number)])
            if subject not in said:
                said.add(subject)
                lines.append(line(f"- Việc {lower_first(subject)} chưa được triển khai."))
    return lines


def _late_dossiers(stats: list[Stat], period: Period, sources: dict[str, Item], leading_zero: bool,
                   told: set[str]) -> list[dict]:
    """'- Trong quý có 20 hồ sơ giải quyết quá hạn (1,7% số hồ sơ đã giải quyết), trong đó 02 hồ sơ
    chưa có văn bản xin lỗi …' — with the apology rate when it falls short of its target."""
    by_code = {s.indicator.code: s for s in stats}
    stat = by_code.get(LATE_DOSSIERS)
    if stat is None or stat.missing or not stat.this:
        return []
    indicator = stat.indicator
    count = f"{count_text(stat.this, leading_zero)} {indicator.unit}"
    total = by_code.get(indicator.part_of)
    share = (f" ({percent(stat.this, total.this)} số {total.indicator.unit} đã giải quyết)"
             if total is not None and not total.missing and total.this and stat.this <= total.this else "")
    text = f"- {span(period)} có {count} giải quyết quá hạn{share}"
    apology = next((s for s in stats if s.indicator.kind == IndicatorKind.RATE
                    and s.indicator.denominator == LATE_DOSSIERS and s.indicator.target is not None), None)
    if apology is not None and not apology.missing:
        told.add(apology.indicator.code)
        judged = judgement(apology, period, sources.get(apology.indicator.code))
        done = sum(by_code[c].this or 0 for c in apology.indicator.numerator if c in by_code)
        if judged.value is not None and judged.value < apology.indicator.target and done < stat.this:
            rest = f"{count_text(stat.this - done, leading_zero)} {indicator.unit}"
            text += (f", trong đó {rest} chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả "
                     f"({lower_first(apology.indicator.name)} đạt {format_value(apology.indicator, judged.value)}, "
                     f"chưa đạt yêu cầu {target_phrase(apology.indicator)})")
        elif judged.value is not None and judged.value >= apology.indicator.target:
            text += "; các hồ sơ này đều có văn bản xin lỗi, hẹn lại ngày trả kết quả"
    return [line(sentence(text))]


def _name(plan: Plan, answer: Answer) -> str:
    return _agency_name(plan, answer.agency)


def _agency_name(plan: Plan, code: str) -> str:
    return next((a.name for a in plan.agencies if a.code == code), code)


def causes(plan: Plan, answers: list[Answer], other: str = "Nguyên nhân khác") -> list[dict]:
    """The difficulties the agencies gave, grouped by kind of cause (``other``: the group of those
    that fit no kind), each said once in the agencies' words. The report is the UBND speaking:
    who raised which is left to the summary workbook, as for the proposals."""
    grouped: dict[str, dict[str, str]] = {}
    for answer in answers:
        text = answer.difficulties.strip()
        if not text or _is_nothing(text):
            continue
        words = fold(text)
        label = next((name for name, keys in CAUSES if any(k in words for k in keys)), other)
        grouped.setdefault(label, {}).setdefault(words.rstrip(". "), text.rstrip(" .;"))
    order = [name for name, _ in CAUSES] + [other]
    lines = []
    for label in (lb for lb in order if lb in grouped):
        texts = list(grouped[label].values())
        said = "; ".join([texts[0], *(lower_first(t) for t in texts[1:])])   # their words
        lines.append(line(f"- {label}: {sentence(said)}"))
    return lines
