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

import datetime as dt
import re
from dataclasses import replace

from .answers import Answer
from .models import Item, Plan, Section, Status, Task, TimeframeKind
from .outcomes import Outcome
from .planwords import corrected
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
    """The plan's words as the report prints them: its slips corrected (planwords.SLIPS, which
    `plan check` names in the plan) and tone marks placed the current way."""
    return corrected(text)


def tidied(plan: Plan) -> Plan:
    """The plan as the report prints it: every task, product, lead and time text and section title
    tidied (:func:`tidy`), so that no part of the report — body, draft brackets, annex cells —
    prints a slip the body corrects. Kinds, dates and agencies are the plan's own."""
    def item(i: Item) -> Item:
        return replace(i, task=tidy(i.task), product=tidy(i.product), lead_text=tidy(i.lead_text),
                       timeframe=replace(i.timeframe, text=tidy(i.timeframe.text)))

    return replace(plan, sections=tuple(
        replace(s, title=tidy(s.title), tasks=tuple(
            replace(t, content=tidy(t.content), items=tuple(item(i) for i in t.items)) for t in s.tasks))
        for s in plan.sections))


_LEADING_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.\s+")


def product_words(item: Item) -> str:
    """A product as the report names it: tidied, without the plan's own «1.2.» before it (the
    report numbers it itself: «VI.1.2»)."""
    return _LEADING_NUMBER.sub("", tidy(item.product))


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


def _evidence(answer: Answer) -> str:
    return answer.evidence.strip().rstrip(" .;")


_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _note(evidence: str, since: dt.date | None) -> str:
    """An evidence note as the body cites it: a document dated before the period's window (often left
    from the form prefilled from an earlier period) is the basis of the work, «theo …», not its product."""
    dates = []
    for day, month, year in _DATE.findall(evidence):
        try:
            dates.append(dt.date(int(year), int(month), int(day)))
        except ValueError:
            return evidence
    return f"theo {evidence}" if since and dates and max(dates) < since else evidence


def _cited(clause: str, answers: list[Answer], taken: set[str], since: dt.date | None = None) -> str:
    """The clause with its own agencies' evidence after it, each document named once in the sentence."""
    notes = []
    for answer in answers:
        evidence = _evidence(answer)
        if evidence and evidence not in taken and not _mentions(clause, evidence):
            notes.append(_note(evidence, since if answer.status != Status.DONE else None))
            taken.add(evidence)
    return f"{clause} ({'; '.join(notes)})" if notes else clause


def product_sentence(plan: Plan, outcome: Outcome, since: dt.date | None = None) -> str:
    """What was done on one product this period, in one or two sentences.

    When several agencies lead it, each says its own part and each part carries
    its own evidence: a document is never shown after another agency's words.
    ``since``: the first day of the period's window (see :func:`_note`)."""
    names = _names(plan)
    item = outcome.item
    order = {a.code: n for n, a in enumerate(plan.agencies)}
    leads = sorted(outcome.leads, key=lambda a: (a.status == Status.NOT_STARTED, order.get(a.agency, 99)))
    by_text: dict[str, tuple[str, list[Answer]]] = {}
    for answer in leads:
        if what := _what(answer):
            by_text.setdefault(fold(what), (what, []))[1].append(answer)
    taken: set[str] = set()
    notes: list[str] = []
    if len(by_text) > 1 or (len(item.lead) > 1 and by_text):
        clauses = []
        for what, answers in by_text.values():
            agencies = ", ".join(names.get(a.agency, a.agency) for a in answers)
            clause = f"{agencies} {lower_first(what)}" if starts_with_verb(what) else f"{agencies}: {what}"
            clauses.append(_cited(clause, answers, taken, since))
        text = "; ".join(clauses)
        # An agency that gave evidence without a result: its document, under its name.
        for answer in leads:
            evidence = _evidence(answer)
            if evidence and evidence not in taken and not _mentions(text, evidence):
                notes.append(f"{names.get(answer.agency, answer.agency)}: {evidence}")
                taken.add(evidence)
    else:
        if by_text:
            text = upper_first(next(iter(by_text.values()))[0])
        elif outcome.status == Status.DONE:
            text = f"Hoàn thành {lower_first(item.product.rstrip(' .;'))}"
        elif outcome.status == Status.CARRIED_OUT:
            text = f"Thực hiện {lower_first(item.product.rstrip(' .;'))}"
        else:
            text = f"{upper_first(item.product.rstrip(' .;'))}: đang thực hiện"
        for answer in leads:
            evidence = _evidence(answer)
            if evidence and evidence not in taken and not _mentions(text, evidence):
                notes.append(_note(evidence, since if answer.status != Status.DONE else None))
                taken.add(evidence)
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
                   themed: bool = False, reported: tuple[str, ...] = (), since: dt.date | None = None) -> list[dict]:
    """The numbered sub-points of one section ("1.", or "2.1." under "2. Cải cách thể chế"),
    then one sentence for the tasks that did not arise.

    No task carried out is left out: when its result repeats, word for word, what an earlier
    point of the section already says (officers often write one stock sentence for several
    recurring tasks), the task joins that point's heading instead of repeating the sentence.
    ``reported``: the names of the section's figures reported above zero. A task that did not
    arise is not said «chưa phát sinh» when the same work is told done in the section (by a
    product carried out or by such a figure): the annex keeps its status."""
    by_item = {o.item.id: o for o in results}
    entries: list[dict] = []           # {"labels", "sentences", "missing"}
    said_in: dict[str, int] = {}       # folded sentence -> the entry that says it
    quiet: list[Task] = []
    for label, tasks in _groups(section, themed):
        sentences: list[str] = []
        joins: list[int] = []
        missing = False
        arisen = False
        for task in tasks:
            for item in task.items:
                outcome = by_item.get(item.id)
                if outcome is None or not outcome.due:
                    continue
                if outcome.status is None:
                    if draft:
                        sentences.extend(_gaps(plan, outcome, f" về «{product_words(item).rstrip(' .;')}»"))
                        missing = True
                    continue
                if outcome.status == Status.NOT_ARISEN:
                    continue
                arisen = True
                said = product_sentence(plan, outcome, since)
                if outcome.status == Status.IN_PROGRESS and len(outcome.leads) == 1 \
                        and "dang " not in fold(said) and "tiep tuc" not in fold(said):
                    said = said.rstrip(".") + "; đang tiếp tục thực hiện."   # this product's own sentence
                if fold(said) in said_in:
                    joins.append(said_in[fold(said)])
                elif said not in sentences:
                    said_in[fold(said)] = len(entries)
                    sentences.append(said)
                if draft and outcome.missing:
                    sentences.extend(_gaps(plan, outcome))
                    missing = True
        if sentences:
            entries.append({"labels": [label], "sentences": sentences, "missing": missing})
        elif joins:
            entries[joins[0]]["labels"].append(label)
        else:
            quiet.extend(t for t in tasks if not arisen and any(
                by_item.get(i.id) and by_item[i.id].due and by_item[i.id].status == Status.NOT_ARISEN
                for i in t.items))
    done = [topic(t) for t in section.tasks for i in t.items
            if by_item.get(i.id) and by_item[i.id].status in (Status.DONE, Status.CARRIED_OUT)]
    done += [product_words(i) for t in section.tasks for i in t.items
             if by_item.get(i.id) and by_item[i.id].status in (Status.DONE, Status.CARRIED_OUT)]
    quiet = [t for t in quiet if not any(_same_work(t, text) for text in (*done, *reported))]
    points = []
    for number, entry in enumerate(entries, start=1):
        first, *more = entry["labels"]
        heading = "; ".join([first, *(lower_first(m) for m in more)])
        points.append(line(f"{prefix}{number}. {heading}: {' '.join(entry['sentences'])}", entry["missing"]))
    year = plan.meta.year
    index = [t for t in quiet if year and _year_index(t, year)]
    quiet = [t for t in quiet if t not in index]
    if quiet:
        points.append(line(_not_arisen(quiet, by_item)))
    for task in index:   # the year's own CCHC index cannot arise before the year is over
        condition = next((i.timeframe.text for i in task.items if i.timeframe.kind == TimeframeKind.CONDITIONAL
                          and "phat sinh" not in fold(i.timeframe.text)), "")
        how = f" {lower_first(tidy(condition).strip().rstrip(' .;'))}" if condition else ""
        points.append(line(f"Việc tự đánh giá, xác định Chỉ số CCHC năm {year} thực hiện{how} vào đầu năm "
                           f"{year + 1}."))
    return points


# Words that do not make a subject («các», «và», «của»…), left out when subjects are compared.
_GLUE = {"cac", "va", "cua", "tren", "theo", "trong", "ve", "viec", "cho", "duoc", "nhung", "mot", "so", "de",
         "voi", "tai", "kip", "thoi", "day", "du", "hieu", "qua", "co"}


def _syllables(text: str) -> list[str]:
    """The folded syllables of a text, its abbreviations spelled out (TTHC: thủ tục hành chính)."""
    for short, words in ABBREVIATIONS.items():
        text = re.sub(rf"(?<!\w){short}(?!\w)", words, text)
    return re.findall(r"\w+", fold(text))


def _same_work(task: Task, text: str) -> bool:
    """Whether ``text`` (a task or product told done, a figure's name) is about the same work as
    the task: every syllable of the task's first clause, glue words aside, is in it, the opening
    action («công bố») among them — «Công bố, công khai các TTHC» and «Thủ tục hành chính được
    công bố, công khai»."""
    subject = [w for w in _syllables(re.split(r"[;:]", bare_topic(task))[0]) if w not in _GLUE]
    other = _syllables(text)
    if len(subject) < 4 or fold(topic(task)) == fold(text):
        return False
    pairs = set(zip(other, other[1:]))
    return set(subject) <= set(other) and (subject[0], subject[1]) in pairs


def _year_index(task: Task, year: int) -> bool:
    """Whether the task is the self-assessment of the plan year's CCHC index («Triển khai xác định
    Chỉ số CCHC năm 2026 của xã …»)."""
    words = fold(task.content)
    return any(f"chi so {name} nam {year}" in words for name in ("cchc", "cai cach hanh chinh"))


def _gaps(plan: Plan, outcome: Outcome, about: str = "") -> list[str]:
    """The draft's bracketed gaps for a product: who has not reported it, and who wrote a row
    without a status the tool could read (their return came; the status must be chosen again)."""
    names = _names(plan)
    wrote = {a.agency for a in outcome.leads if not a.status}
    silent = [names.get(c, c) for c in outcome.missing if c not in wrote]
    unreadable = [names.get(c, c) for c in outcome.missing if c in wrote]
    gaps = [f"[{', '.join(silent)} chưa gửi báo cáo{about}]"] if silent else []
    if unreadable:
        gaps.append(f"[{', '.join(unreadable)} chưa chọn trạng thái hợp lệ{about}]")
    return gaps


def _not_arisen(tasks: list[Task], by_item: dict[str, Outcome]) -> str:
    """One sentence for the tasks that did not arise, each with what it waits for: the agency's
    own reason when it gave one, else the plan's condition («khi có hướng dẫn của tỉnh»). The
    task's wording is joined with «và», never «;», so one task never reads as two."""
    clauses = []
    for task in tasks:
        subject = "việc " + lower_first(re.sub(r"\s*;\s*(\w)", lambda m: " và " + m.group(1).lower(), topic(task)))
        answers = [a for i in task.items if i.id in by_item for a in by_item[i.id].leads]
        reason = next((r for a in answers for r in (a.result, a.difficulties) if r.strip()), "")
        condition = next((i.timeframe.text for i in task.items if i.timeframe.kind == TimeframeKind.CONDITIONAL
                          and "phat sinh" not in fold(i.timeframe.text)), "")
        # «… do Sở Nội vụ đánh giá (thực hiện theo yêu cầu của Sở Nội vụ)»: the body named twice.
        whose = fold(condition).rpartition(" cua ")[2].strip(" .;")
        if reason:
            clauses.append(f"{subject}: {lower_first(reason.strip().rstrip(' .;'))}")
        elif condition and not (whose and " cua " in fold(condition) and whose in fold(subject)):
            clauses.append(f"{subject} (thực hiện {lower_first(tidy(condition).strip().rstrip(' .;'))})")
        elif not condition:
            # «Khi có phát sinh»: what did not arise is something to act on, not the task itself («chưa phát
            # sinh việc tổ chức thực hiện các chính sách về tiền lương» reads as the policy not carried out).
            clauses.append("việc cần triển khai về " + subject.removeprefix("việc "))
        else:
            clauses.append(subject)
    return sentence("Trong kỳ chưa phát sinh " + "; ".join(clauses))


# Abbreviations a commune report uses, spelled out where the body first uses them (UBND, HĐND
# need no introduction in an official document).
ABBREVIATIONS = {
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "CBCC": "cán bộ, công chức",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "PAKN": "phản ánh, kiến nghị",
    "HCNN": "hành chính nhà nước",
    "DVCTT": "dịch vụ công trực tuyến",
    "CSDL": "cơ sở dữ liệu",
}


def define_abbreviations(texts: list[tuple[object, object]]) -> None:
    """Spell out each abbreviation at its first use in the body («cải cách hành chính (CCHC)»).

    ``texts``: (holder, key) pairs in reading order, where ``holder[key]`` is a string or a
    :func:`line` dict; the first text using an abbreviation is changed in place, unless the
    words are already spelled out with it («… (CCHC)») before."""
    def get(holder, key) -> str:
        value = holder[key]
        return value["text"] if isinstance(value, dict) else value

    def put(holder, key, text: str) -> None:
        if isinstance(holder[key], dict):
            holder[key] = {**holder[key], "text": text}
        else:
            holder[key] = text

    for short, words in ABBREVIATIONS.items():
        use = re.compile(rf"(?<![\w(]){short}(?![\w)])")
        spelled = re.compile(re.escape(words), re.IGNORECASE)
        first_use = next((n for n, (h, k) in enumerate(texts) if use.search(get(h, k))), None)
        if first_use is None or any(f"({short})" in get(h, k) for h, k in texts[: first_use + 1]):
            continue
        # Defined where the words first appear (the opening «Căn cứ … về cải cách hành chính năm 2026»),
        # else at the first use of the letters.
        for holder, key in texts[: first_use + 1]:
            text = get(holder, key)
            if found := spelled.search(text):
                put(holder, key, f"{text[: found.end()]} ({short}){text[found.end():]}")
                break
        else:
            holder, key = texts[first_use]
            text = get(holder, key)
            found = use.search(text)
            put(holder, key, f"{text[: found.start()]}{words} ({short}){text[found.end():]}")
    for short, words in ABBREVIATIONS.items():
        # Once defined, the letters alone: «Kế hoạch cải cách hành chính (CCHC) năm 2026», the plan's own
        # wording of a task, reads «Kế hoạch CCHC năm 2026» after the definition.
        defined = re.compile(rf"{re.escape(words)} \({short}\)", re.IGNORECASE)
        first = next((n for n, (h, k) in enumerate(texts) if defined.search(get(h, k))), None)
        for holder, key in texts[first + 1:] if first is not None else ():
            if defined.search(get(holder, key)):
                put(holder, key, defined.sub(short, get(holder, key)))
