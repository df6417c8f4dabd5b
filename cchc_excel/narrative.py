"""The body of the report, written by task: what was done this period.

A capable officer does not list product names: under each section she writes
one numbered sub-point per plan task («Nội dung/Nhiệm vụ»), in the task's own
words, and folds the products' results, the evidence and who did what into one
or two sentences. Several agencies answering the same product are merged into
one sentence naming each; evidence already named in the sentence is not
repeated; products finished in an earlier period are not this period's work;
"khi phát sinh" tasks that did not arise are summarised once. Section I is
grouped by theme (kế hoạch, kiểm tra, tuyên truyền, sáng kiến, chỉ số CCHC)
where its tasks fall into them, as real commune reports do. The annex keeps
every product and each agency's own words (report.py).
"""

from __future__ import annotations

import re

from .answers import Answer
from .models import Plan, Section, Status, Task
from .outcomes import Outcome
from .textnorm import fold
from .vnformat import short_date

# Section I themes, as commune reports title them: (label, folded keywords), matched in this order.
THEMES = (
    ("Công tác kiểm tra cải cách hành chính", ("kiem tra",)),
    ("Công tác thông tin, tuyên truyền cải cách hành chính", ("tuyen truyen",)),
    ("Sáng kiến, mô hình, giải pháp cải cách hành chính", ("sang kien",)),
    ("Xác định Chỉ số cải cách hành chính, đo lường sự hài lòng", ("chi so", "hai long")),
    ("Ban hành kế hoạch, chỉ đạo, điều hành và chế độ báo cáo", ("ke hoach", "bao cao", "chi dao", "dieu hanh")),
)
# Where a long task wording stops being its subject (legal references, purposes).
_CUTS = re.compile(r"\s+(?:theo đúng quy định|theo quy định|theo Nghị định|tại Nghị định|đảm bảo|để|nhằm|góp phần"
                   r"|trong quản lý|theo ngành)\b", re.IGNORECASE)
_LEADING_ADVERBS = ("tiếp tục ", "tích cực ", "tăng cường ", "đẩy mạnh ")


def line(text: str, missing: bool = False) -> dict:
    return {"text": text, "missing": missing}


def sentence_case(title: str) -> str:
    """'CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)' -> 'Cải cách thủ tục hành chính'."""
    text = re.sub(r"\s*\(.*?\)", "", title).strip().lower()
    return text[:1].upper() + text[1:]


def tidy(text: str) -> str:
    """The plan's slips a leader would not sign (DESIGN §2 lists them; `plan check` flags them):
    «Chi số» for «Chỉ số», «sở Nội vụ», a word written twice («cơ chế cơ chế»)."""
    text = re.sub(r"\bChi số\b", "Chỉ số", text)
    text = re.sub(r"\bsở Nội vụ\b", "Sở Nội vụ", text)
    return re.sub(r"\b(\w+ \w+) \1\b", r"\1", text)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) < 2 else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    text = text.strip().rstrip(";,")
    return text if not text or text[-1] in ".!?…" else text + "."


def topic(task: Task | str) -> str:
    """The task's own wording, trimmed to its subject: 'Triển khai đánh giá, phân loại cán bộ,
    công chức, viên chức' (the decree references after it are the plan's, not the report's)."""
    text = tidy((task.content if isinstance(task, Task) else task).strip().rstrip(" .;:"))
    if len(text) > 90:
        match = _CUTS.search(text, 30)
        if match:
            text = text[:match.start()].rstrip(" ,;")
    return text


def bare_topic(task: Task | str) -> str:
    """The topic without 'Tiếp tục', 'Tích cực'…, for 'Hoàn thành việc …'."""
    text = topic(task)
    stripped = True
    while stripped:
        stripped = False
        for adverb in _LEADING_ADVERBS:
            if text.lower().startswith(adverb):
                text, stripped = upper_first(text[len(adverb):]), True
    return text


_VERBS = ("xay dung", "trien khai", "ban hanh", "to chuc", "thuc hien", "ra soat", "cong bo", "cong khai",
          "van hanh", "ho tro", "duy tri", "ket noi", "nang cao", "quan ly", "cap nhat", "day manh", "tang cuong",
          "kiem tra", "danh gia", "hoan thanh", "tuyen truyen", "so hoa", "dang ky", "dang tai", "giai quyet",
          "dong bo", "tham gia", "phoi hop", "tong hop", "chua ", "da ", "dang ", "tiep nhan", "theo doi",
          "huong dan", "niem yet", "phat hanh", "gui ", "lap ", "trinh ", "tiep tuc", "chi dao", "bo tri")


def starts_with_verb(text: str) -> bool:
    """Whether a wording opens with an action ('Xây dựng và triển khai …', 'Đăng ký 01 sáng kiến …')."""
    return fold(text).startswith(_VERBS)


def _names(plan: Plan) -> dict[str, str]:
    return {a.code: a.name for a in plan.agencies}


def _mentions(text: str, evidence: str) -> bool:
    """Whether ``text`` already names the document ``evidence`` refers to (its number)."""
    numbers = re.findall(r"\d+/[\w.-]+", evidence)
    folded = fold(text)
    if numbers:
        return all(fold(n) in folded for n in numbers)
    return fold(evidence).rstrip(".") in folded


def _what(answer: Answer) -> str:
    if answer.result:
        return answer.result.strip().rstrip(" .;")
    if answer.status == Status.NOT_STARTED:
        reason = answer.difficulties.strip().rstrip(" .;")
        return "chưa triển khai" + (f" ({lower_first(reason)})" if reason else "")
    return ""


def product_sentence(plan: Plan, outcome: Outcome) -> str:
    """What was done on one product this period, in one or two sentences."""
    names = _names(plan)
    item = outcome.item
    order = {a.code: n for n, a in enumerate(plan.agencies)}
    leads = sorted(outcome.leads, key=lambda a: (a.status == Status.NOT_STARTED, order.get(a.agency, 99)))
    said = [(a, _what(a)) for a in leads if _what(a)]
    by_text: dict[str, tuple[str, list[str]]] = {}
    for answer, what in said:
        key = fold(what)
        by_text.setdefault(key, (what, []))[1].append(names.get(answer.agency, answer.agency))
    if len(by_text) > 1 or (len(item.lead) > 1 and by_text):
        text = "; ".join(f"{', '.join(agencies)} {lower_first(what)}" if starts_with_verb(what)
                         else f"{', '.join(agencies)}: {what}" for what, agencies in by_text.values())
    elif by_text:
        text = upper_first(next(iter(by_text.values()))[0])
    elif outcome.status == Status.DONE:
        text = f"Hoàn thành {lower_first(item.product.rstrip(' .;'))}"
    elif outcome.status == Status.CARRIED_OUT:
        text = f"Thực hiện {lower_first(item.product.rstrip(' .;'))}"
    else:
        text = f"{upper_first(item.product.rstrip(' .;'))}: đang thực hiện"
    notes = []
    for answer in leads:
        evidence = answer.evidence.strip().rstrip(" .;")
        if evidence and not _mentions(text, evidence) and evidence not in notes:
            notes.append(evidence)
    if outcome.status == Status.DONE and outcome.on_time is False and outcome.completed_on:
        day = short_date(outcome.completed_on)
        dated = any(day in n for n in notes) or day in text
        notes.append("hoàn thành chậm so với Kế hoạch" if dated else f"hoàn thành ngày {day}, chậm so với Kế hoạch")
    if notes:
        text += f" ({'; '.join(notes)})"
    parts = [sentence(text)]
    if outcome.overdue:
        parts.append("Việc thực hiện còn chậm so với thời hạn của Kế hoạch.")
    helpers = []
    for answer in outcome.coordinators:
        what = answer.result.strip().rstrip(" .;")
        if what:
            verb = lower_first(what) if "phoi hop" in " ".join(fold(what).split()[:4]) \
                else f"phối hợp {lower_first(what)}"
            helpers.append(f"{names.get(answer.agency, answer.agency)} {verb}")
    if helpers:
        parts.append(sentence(upper_first("; ".join(helpers))))
    return " ".join(parts)


def _groups(section: Section, themed: bool) -> list[tuple[str, list[Task]]]:
    """(label, tasks) in plan order: one per task, or per theme in section I."""
    groups: list[tuple[str, list[Task]]] = []
    for task in section.tasks:
        label = topic(task)
        if themed:
            words = fold(task.content)
            label = next((name for name, keys in THEMES if any(k in words for k in keys)), label)
        for existing, tasks in groups:
            if existing == label:
                tasks.append(task)
                break
        else:
            groups.append((label, [task]))
    return groups


def section_points(plan: Plan, section: Section, results: list[Outcome], prefix: str, draft: bool,
                   themed: bool = False) -> list[dict]:
    """The numbered sub-points of one section ("1.", or "2.1." under "2. Cải cách thể chế"),
    then one sentence for the tasks that did not arise."""
    by_item = {o.item.id: o for o in results}
    points: list[dict] = []
    quiet: list[str] = []
    seen: set[str] = set()
    for label, tasks in _groups(section, themed):
        sentences: list[str] = []
        missing = False
        arisen = False
        progressing = False
        for task in tasks:
            for item in task.items:
                outcome = by_item.get(item.id)
                if outcome is None or not outcome.due:
                    continue
                if outcome.status is None:
                    if draft:
                        names = ", ".join(_names(plan).get(c, c) for c in outcome.missing)
                        sentences.append(f"[{names} chưa gửi báo cáo về «{item.product.rstrip(' .;')}»]")
                        missing = True
                    continue
                if outcome.status == Status.NOT_ARISEN:
                    continue
                arisen = True
                progressing = progressing or (outcome.status == Status.IN_PROGRESS and len(outcome.leads) == 1)
                said = product_sentence(plan, outcome)
                if fold(said) not in seen:
                    seen.add(fold(said))
                    sentences.append(said)
                if draft and outcome.missing:
                    names = ", ".join(_names(plan).get(c, c) for c in outcome.missing)
                    sentences.append(f"[{names} chưa gửi báo cáo]")
                    missing = True
        if not sentences:
            if not arisen and any(by_item.get(i.id) and by_item[i.id].due
                                  and by_item[i.id].status == Status.NOT_ARISEN
                                  for task in tasks for i in task.items):
                quiet.extend(lower_first(topic(t)) for t in tasks)
            continue
        number = f"{prefix}{len(points) + 1}."
        if progressing and "dang " not in fold(sentences[-1]) and "tiep tuc" not in fold(sentences[-1]):
            sentences[-1] = sentences[-1].rstrip(".") + "; đang tiếp tục thực hiện."
        points.append(line(f"{number} {label}: {' '.join(sentences)}", missing))
    if quiet:
        points.append(line(f"Trong kỳ chưa phát sinh việc {'; '.join(quiet)} (nhiệm vụ thực hiện khi có phát sinh "
                           "hoặc theo yêu cầu)."))
    return points
