"""From the files in input/<period>/ to one table of answers.

Each file is identified by its metadata (agency, period, plan version); one
bad file never stops the others. When an agency sent several files, the
newest (saved time, then file time) wins and the others are listed as
superseded. Every value is normalised with its source cell kept; whatever
cannot be read or placed becomes a finding.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

from . import formspec as spec
from .agencies import Registry
from .answers import Answer, FigureAnswer, Intake, Submission
from .assignments import FormRow, form_rows
from .intake import RawAnswer, ReturnedForm, failure_reason, is_lock_file, open_form, read_rows
from .messages import CchcError, finding
from .models import Finding, Item, Plan, Status, TimeframeKind
from .plan import fingerprint
from .textnorm import hidden_characters
from .values import is_legacy_encoded, parse_date, parse_number, parse_status, text_value
from .vnformat import number as vn_number

MAX_TEXT = 5000
# What the reader found in a file that loses an answer (the rest are warnings).


def collect(plan: Plan, period_id: str, paths: list[Path],
            progress: Callable[[Path], None] | None = None) -> Intake:
    """Read, identify, de-duplicate and normalise every returned file."""
    # Only the newest form of each agency is kept while reading, so memory does not grow
    # with the number of files; and beyond a few dozen agencies the longest-held forms are
    # normalised at once and their cells let go, so it grows only by what is kept of each
    # agency's answers (a form normalised early and then superseded is simply dropped).
    newest: dict[str, ReturnedForm] = {}
    older: dict[str, list[ReturnedForm]] = {}
    made: dict[str, _Normalised] = {}       # agency -> its newest form, normalised early
    unmade: dict[str, None] = {}            # agencies whose newest form still holds its cells, oldest first
    names = {a.code: a.name for a in plan.agencies}
    plan_print = fingerprint(plan)
    registry = Registry(plan.agencies)
    expected: dict[str, set[str]] = {}      # agency -> the item ids of its form, filled when needed
    # Files are read newest first (by file time, usually the order they were saved in): a file
    # older than its agency's newest so far cannot win, so only its item rows are read, to tell
    # whose rows it holds. The order is only a guess; the workbooks' saved times decide.
    stamps = {path: _file_time(path) for path in paths}
    order = sorted(range(len(paths)), key=lambda i: (stamps[paths[i]], str(paths[i])), reverse=True)
    found: list[tuple[int, Finding]] = []   # the files' findings, in the order of the paths
    refused: list[int] = []
    first: dict[str, int] = {}              # agency -> its first file in the order of the paths
    for position in order:
        path = paths[position]
        if progress:
            progress(path)
        if is_lock_file(path):
            found.append((position, finding("RETURN_LOCK_FILE", file=str(path))))
            continue
        try:
            form = open_form(path)
            if form is not None:
                if form.agency not in names and (code := registry.lookup(form.agency)):
                    form.meta["agency_code"] = code     # a code from before codes were shortened (an alias)
                current = newest.get(form.agency)
                read_rows(form, ids_only=current is not None and _age(current, stamps) >= _age(form, stamps))
        except CchcError as exc:
            found.append((position, finding(exc.code, **{**exc.fields, "file": str(path)})))
            refused.append(position)
            continue
        problem = _identify(form, path, period_id, plan_print, names) or _rows_of_another(
            plan, form, expected, names, period_id)
        if problem:
            found.append((position, problem))
            refused.append(position)
            continue
        first[form.agency] = min(first.get(form.agency, position), position)
        current = newest.get(form.agency)
        if current is not None and _age(current, stamps) >= _age(form, stamps):
            form, current = current, form
        if newest.get(form.agency) is not form:
            newest[form.agency] = form
            made.pop(form.agency, None)
            unmade.pop(form.agency, None)
            unmade[form.agency] = None
        if current is not None:
            _let_go(current)                               # only its path and time are needed now
            older.setdefault(form.agency, []).append(current)
        if len(unmade) > HELD_FORMS:
            early = next(iter(unmade))
            del unmade[early]
            made[early] = _normalised(plan, newest[early], names[early])
            _let_go(newest[early])
    findings = [f for _, f in sorted(found, key=lambda pair: pair[0])]
    rejected = [paths[i] for i in sorted(refused)]

    submissions: dict[str, Submission] = {}
    answers: list[Answer] = []
    figures: list[FigureAnswer] = []
    for agency in sorted(newest, key=first.__getitem__):      # agencies in the order of the paths
        form = newest.pop(agency)
        superseded = sorted(older.get(agency, []), key=lambda old: _age(old, stamps), reverse=True)
        submissions[agency] = Submission(agency, form.path, [f.path for f in superseded], form.saved_at)
        for old in superseded:
            findings.append(finding("RETURN_SUPERSEDED", agency=agency, file=str(old.path),
                                    agency_name=names[agency], newer=form.path.name, period=period_id))
        answered, typed, problems = made.pop(agency, None) or _normalised(plan, form, names[agency])
        _let_go(form)
        answers.extend(answered)
        figures.extend(typed)
        findings.extend(problems)
    return Intake(submissions, answers, findings, rejected, len(paths), figures)


HELD_FORMS = 32     # newest forms kept with their cells while reading (see collect)
_Normalised = tuple[list[Answer], list[FigureAnswer], list[Finding]]


def _normalised(plan: Plan, form: ReturnedForm, agency_name: str) -> _Normalised:
    """The form's answers, figures and findings; a failure is a finding on the file."""
    try:
        found, problems = normalise(plan, form, agency_name)
        typed, more = normalise_figures(plan, form, agency_name)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:   # one file's values never stop the others
        return [], [], [finding("FILE_UNREADABLE", agency=form.agency, file=str(form.path),
                                detail=failure_reason(exc))]
    return found, typed, problems + more


def _let_go(form: ReturnedForm) -> None:
    """Keep of a form only what tells which is newest: its path, time and identity."""
    form.answers, form.figures, form.issues = [], [], []


def _rows_of_another(plan: Plan, form: ReturnedForm, expected: dict[str, set[str]], names: dict[str, str],
                     period_id: str) -> Finding | None:
    """A file whose identifying sheet names one agency while its task rows are
    another agency's form (a copied or swapped «_meta» sheet). Rows both forms
    share (items led by «Các cơ quan, đơn vị») prove nothing: only rows the
    named agency does not report count, and only when another form has them all."""

    def ids(code: str) -> set[str]:
        if code not in expected:
            expected[code] = {row.item.id for row in form_rows(plan, code)}
        return expected[code]

    rows = {raw.item for raw in form.answers}
    foreign = rows - ids(form.agency)
    if not foreign:
        return None
    owners = [code for code in names if code != form.agency and foreign <= ids(code)]
    if not owners:
        return None
    other = max(owners, key=lambda code: len(rows & ids(code)))
    if len(rows & ids(other)) <= len(rows & ids(form.agency)):
        return None
    return finding("RETURN_ROWS_OF_ANOTHER", agency=form.agency, file=str(form.path),
                   agency_name=names[form.agency], other_name=names[other], count=len(foreign), period=period_id)


def _age(form: ReturnedForm, stamps: dict[Path, float]) -> tuple:
    """Newer sorts higher: the workbook's saved time, then the file time, then the name."""
    return (form.saved_at or dt.datetime.min, stamps[form.path], str(form.path))


def _file_time(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:          # a broken link: its reading says why
        return 0.0


def _identify(form: ReturnedForm | None, path: Path, period_id: str, plan_print: str,
              names: dict[str, str]) -> Finding | None:
    if form is None:
        return finding("RETURN_NOT_FORM", file=str(path), period=period_id)
    agency = form.agency
    if agency not in names:
        return finding("RETURN_UNKNOWN_AGENCY", file=str(path), agency=agency)
    if form.period != period_id:
        return finding("RETURN_OTHER_PERIOD", file=str(path), agency=agency, agency_name=names[agency],
                       found=form.period, period=period_id)
    if form.meta.get("plan_fingerprint") != plan_print:
        return finding("RETURN_OTHER_PLAN", file=str(path), agency=agency, agency_name=names[agency],
                       period=period_id)
    return None


def normalise(plan: Plan, form: ReturnedForm, agency_name: str) -> tuple[list[Answer], list[Finding]]:
    """Typed values -> Answers; every value that cannot be read or placed -> a finding."""
    agency = form.agency
    rows = {r.item.id: r for r in form_rows(plan, agency)}
    file = str(form.path)
    findings: list[Finding] = []
    answers: list[Answer] = []
    seen: dict[str, RawAnswer] = {}

    for issue in form.issues:
        findings.append(finding(issue.code, agency=agency, file=file, sheet=issue.sheet,
                                cell=issue.cell, text=issue.text, item=issue.item, label=issue.label))

    for raw in form.answers:
        texts = {key: _as_text(value) for key, value in raw.values.items()}   # each cell read as text once
        typed = any(texts.values())
        where = {"agency": agency, "file": file, "sheet": raw.sheet}
        if raw.item not in rows:
            if typed:
                findings.append(finding("ITEM_NOT_ASSIGNED", item=raw.item, row=raw.row,
                                        agency_name=agency_name, cell=f"A{raw.row}", **where))
            continue
        if raw.item in seen:
            first = seen[raw.item]
            if typed:
                findings.append(finding("ITEM_DUPLICATED", item=raw.item, row=raw.row, other_row=first.row,
                                        other_sheet=first.sheet, cell=f"A{raw.row}", **where))
            continue
        seen[raw.item] = raw
        answer, problems = _normalise_one(raw, texts, agency, rows[raw.item], file)
        answers.append(answer)
        findings.extend(problems)
    return answers, findings


def _as_text(value: object) -> str:
    """text_value, each distinct short value once: statuses, dates and evidence lines repeat
    from row to row and agency to agency (long texts are read as they come)."""
    if value.__class__ is str:
        if not value:
            return ""                     # most cells of a row: nothing to read
        if len(value) > 256:
            return text_value(value)
    return _short_text(value)


_short_text = functools.lru_cache(maxsize=2048, typed=True)(text_value)   # typed: 1, 1.0 and True differ


def normalise_figures(plan: Plan, form: ReturnedForm, agency_name: str) -> tuple[list[FigureAnswer], list[Finding]]:
    agency = form.agency
    mine = _typed_codes(plan).get(agency, set())
    file = str(form.path)
    figures: dict[str, FigureAnswer] = {}
    findings: list[Finding] = []
    for raw in form.figures:
        where = {"agency": agency, "file": file, "sheet": raw.sheet, "cell": raw.cells.get("value", ""),
                 "column": "value", "item": raw.code}
        text = text_value(raw.value)
        if raw.code not in mine:
            if text:
                findings.append(finding("FIGURE_NOT_ASSIGNED", agency_name=agency_name, **where))
            continue
        if raw.code in figures:
            findings.append(finding("ITEM_DUPLICATED", row=raw.row, other_row=figures[raw.code].row,
                                    other_sheet=figures[raw.code].sheet, **where))
            continue
        value, ok = parse_number(raw.value)
        if not ok:
            findings.append(finding("FIGURE_INVALID", text=text, **where))
        elif value is not None and isinstance(raw.value, str) and not text.isdigit():
            shown = str(int(value)) if value.is_integer() else vn_number(value, 3).rstrip("0")
            findings.append(finding("FIGURE_UNDERSTOOD", text=text, value=shown, **where))
        figures[raw.code] = FigureAnswer(raw.code, agency, value, text, raw.note, file, raw.sheet, raw.row,
                                         dict(raw.cells))
    return list(figures.values()), findings


def _typed_codes(plan: Plan) -> dict[str, set[str]]:
    """Agency -> the codes of the figures it types, found once per plan (asked once per form)."""
    known = _TYPED.get(id(plan))
    if known is None or known[0] is not plan:
        codes: dict[str, set[str]] = {}
        for indicator in plan.indicators:
            if indicator.typed:
                codes.setdefault(indicator.agency, set()).add(indicator.code)
        _TYPED.clear()
        known = _TYPED[id(plan)] = (plan, codes)
    return known[1]


_TYPED: dict[int, tuple[Plan, dict[str, set[str]]]] = {}
_CARRIED_KINDS = (TimeframeKind.RECURRING, TimeframeKind.CONDITIONAL)


def _read_old_status(status: Status | None, result: str, item: Item) -> Status | None:
    """Forms before «Đã thực hiện trong kỳ» told officers to choose «Đang
    thực hiện» for a recurring task carried out in the period: on a recurring
    or "khi phát sinh" item with a result written, it is read as carried out
    (the caller adds an info note saying so)."""
    if status != Status.IN_PROGRESS or item.timeframe.kind not in _CARRIED_KINDS or not result:
        return status
    return Status.CARRIED_OUT


def _normalise_one(raw: RawAnswer, typed: dict[str, str], agency: str, row: FormRow,
                   file: str) -> tuple[Answer, list[Finding]]:
    """One row's answer from its cells (``typed``: each cell as text)."""
    problems: list[Finding] = []

    def where(key: str) -> dict:
        return {"item": raw.item, "agency": agency, "file": file, "sheet": raw.sheet,
                "cell": raw.cells.get(key, ""), "column": key}

    status_text = typed.get("status", "")
    status, suggestion = parse_status(status_text)
    if status_text and status is None:
        code = "STATUS_UNKNOWN" if suggestion else "STATUS_UNKNOWN_NO_GUESS"
        problems.append(finding(code, text=status_text, suggestion=suggestion or "", **where("status")))
    elif status and status_text != status.label:
        # Understood, not silently: the agency sees on its feedback copy what was read.
        problems.append(finding("STATUS_UNDERSTOOD", text=status_text, label=status.label, **where("status")))

    completed_raw = raw.values.get("completed_on")
    completed_on, ok = parse_date(completed_raw)
    completed_text = "" if ok else typed.get("completed_on", "")
    if not ok:
        problems.append(finding("DATE_INVALID", text=completed_text, **where("completed_on")))
    elif completed_on and isinstance(completed_raw, (str, int, float)):
        problems.append(finding("DATE_UNDERSTOOD", text=typed.get("completed_on", ""),
                                date=f"{completed_on:%d/%m/%Y}", **where("completed_on")))

    texts = {}
    for key in spec.TEXT_KEYS:
        text = typed.get(key, "")
        texts[key] = text
        value = raw.values.get(key)
        if text != value and (removed := hidden_characters(value)):   # text as typed: nothing removed
            problems.append(finding("TEXT_CLEANED", text=removed, **where(key)))
        if not text:
            continue
        if is_legacy_encoded(text):
            problems.append(finding("LEGACY_ENCODING", text=text[:40], **where(key)))
        if len(text) > MAX_TEXT:
            problems.append(finding("CELL_TOO_LONG", length=f"{len(text):,}".replace(",", "."), **where(key)))
    read_as = _read_old_status(status, texts["result"], row.item)
    if read_as != status:
        problems.append(finding("STATUS_READ_AS_CARRIED_OUT", item=raw.item, agency=agency, file=file,
                                sheet=raw.sheet, cell=where("status")["cell"], column="status"))
    answer = Answer(
        item=raw.item, agency=agency, role=row.role, status=read_as, status_text=status_text,
        completed_on=completed_on, completed_text=completed_text,
        result=texts["result"], evidence=texts["evidence"], difficulties=texts["difficulties"],
        proposals=texts["proposals"], file=file, sheet=raw.sheet, row=raw.row,
        cells=raw.cells,
    )
    return answer, problems
