"""Completeness and plausibility of the merged answers for a period.

Findings are data (code, severity, where, Vietnamese message and fix). An
ERROR blocks the official report; warnings are shown and listed in it.
"""

from __future__ import annotations

import datetime as dt

from .answers import FINISHED, Answer, Intake, item_status
from .assignments import agencies_with_forms, form_rows
from .figurerules import check_figures
from .messages import finding
from .models import Finding, Item, Period, Plan, Settings, Status, Timeframe, TimeframeKind
from .periods import format_window, make_period
from .plan import ends_before_plan
from .timeframe import is_due, is_overdue
from .values import is_thin

# Statuses that fit only some timeframe kinds -> (the kinds, the finding when it does not fit).
# «Đã thực hiện trong kỳ» is for tasks done again and again (recurring, "khi phát sinh", or
# planned in several quarters); «Chưa phát sinh» only for "khi phát sinh" tasks.
_PERIODIC = (TimeframeKind.RECURRING, TimeframeKind.CONDITIONAL, TimeframeKind.UNKNOWN)
STATUS_FITS = {
    Status.CARRIED_OUT: (_PERIODIC, "STATUS_CARRIED_OUT_ONE_OFF"),
    Status.NOT_ARISEN: ((TimeframeKind.CONDITIONAL,), "NOT_ARISEN_INVALID"),
}


def status_fits(status: Status, timeframe: Timeframe) -> bool:
    """Whether a status can honestly be said of a product with this timeframe."""
    if status not in STATUS_FITS:
        return True
    kinds, _ = STATUS_FITS[status]
    several = timeframe.kind == TimeframeKind.SCHEDULED and len(timeframe.spans) > 1
    return timeframe.kind in kinds or (status == Status.CARRIED_OUT and several)


def check_period(plan: Plan, period: Period, intake: Intake, today: dt.date, settings: Settings | None = None,
                 previous: Intake | None = None, previous_period: Period | None = None) -> list[Finding]:
    """Every finding of the period: those met while reading the files, then
    everything missing or implausible, agency by agency, item by item, then
    the rules between figures (``previous``: the last scheduled period's
    returns, to flag a figure far from its value)."""
    findings: list[Finding] = list(intake.findings)
    names = {a.code: a.name for a in plan.agencies}
    items = {i.id: i for i in plan.items}
    by_item: dict[str, list[Answer]] = {}
    by_agency: dict[str, dict[str, Answer]] = {}     # as Intake.answers_of, built once for all agencies
    for answer in intake.answers:
        by_item.setdefault(answer.item, []).append(answer)
        by_agency.setdefault(answer.agency, {})[answer.item] = answer

    for agency in agencies_with_forms(plan):
        submission = intake.submissions.get(agency.code)
        if submission is None or submission.used is None:
            findings.append(finding("AGENCY_NOT_SENT", agency=agency.code, agency_name=agency.name,
                                    period=period.id))
            continue
        answers = by_agency.get(agency.code, {})
        file = str(submission.used)
        for row in form_rows(plan, agency.code):
            item = row.item
            answer = answers.get(item.id)
            due = is_due(item.timeframe, period)
            if answer is None:
                code = "ROW_MISSING" if (row.role == "lead" and due) else "ROW_MISSING_OPTIONAL"
                findings.append(finding(code, item=item.id, agency=agency.code, file=file))
                continue
            findings.extend(_check_answer(item, answer, period, today, due))

    for item_id, answers in by_item.items():
        item = items[item_id]
        leads = [a for a in answers if a.role == "lead"]
        for lead in leads:
            if lead.status not in FINISHED and is_overdue(item.timeframe, period, completed=False) \
                    and not ends_before_plan(item, plan):   # «Quý IV/2025» in a 2026 plan: no deadline
                # Answered when the reason is written where the fix asks for it: then it is
                # information for the officer, not something to send back to the agency.
                answered = bool(lead.difficulties) and not is_thin(lead.difficulties)
                findings.append(finding("ITEM_OVERDUE_EXPLAINED" if answered else "ITEM_OVERDUE",
                                        item=item_id, agency=lead.agency, file=lead.file,
                                        sheet=lead.sheet, cell=lead.cell("difficulties"), column="difficulties",
                                        timeframe=item.timeframe.text, reason=lead.difficulties[:120]))
        findings.extend(_contradictions(item, leads, [a for a in answers if a.role == "coordinator"], names))
    findings.extend(check_figures(plan, period, settings or Settings(), intake, previous, previous_period))
    return findings


def _check_answer(item: Item, answer: Answer, period: Period, today: dt.date, due: bool) -> list[Finding]:
    out: list[Finding] = []

    def at(key: str) -> dict:
        return {"item": item.id, "agency": answer.agency, "file": answer.file, "sheet": answer.sheet,
                "cell": answer.cell(key), "column": key}

    if not answer.status and not answer.status_text and due:
        code = "STATUS_MISSING" if answer.role == "lead" else "STATUS_MISSING_COORDINATOR"
        out.append(finding(code, **at("status")))
    if answer.status == Status.DONE:
        if not answer.completed_on and not answer.completed_text:
            out.append(finding("DONE_NO_DATE", **at("completed_on")))
        if not answer.evidence:
            out.append(finding("DONE_NO_EVIDENCE", **at("evidence")))
    if answer.completed_on:
        day = answer.completed_on
        if day > today:
            out.append(finding("DATE_IN_FUTURE", date=f"{day:%d/%m/%Y}", today=f"{today:%d/%m/%Y}",
                               **at("completed_on")))
        elif day > period.end or day < make_period(period.year, "Y").start:
            # An earlier date of the same year is fine: a task finished last quarter stays
            # "Đã hoàn thành" (carry-forward pre-fills it); a date after the window or
            # before the plan year is not.
            window = period if day > period.end else make_period(period.year, "Y")
            out.append(finding("DATE_OUTSIDE_WINDOW", date=f"{day:%d/%m/%Y}", window=format_window(window),
                               **at("completed_on")))
    if answer.status and not status_fits(answer.status, item.timeframe):
        out.append(finding(STATUS_FITS[answer.status][1], timeframe=item.timeframe.text, **at("status")))
    if answer.result and is_thin(answer.result):
        out.append(finding("RESULT_THIN", text=answer.result, **at("result")))
    elif not answer.result and answer.status in (*FINISHED, Status.IN_PROGRESS) and answer.role == "lead":
        out.append(finding("RESULT_MISSING", status=answer.status.label, **at("result")))
    return out


def _contradictions(item: Item, leads: list[Answer], coordinators: list[Answer],
                    names: dict[str, str]) -> list[Finding]:
    """A coordinator reporting done while the lead has not started, or the reverse."""
    lead_status = item_status(leads)
    if lead_status is None:
        return []
    out = []
    for answer in coordinators:
        if not answer.status:
            continue
        clash = (answer.status == Status.DONE and lead_status == Status.NOT_STARTED) or (
            answer.status == Status.NOT_STARTED and lead_status == Status.DONE)
        if clash:
            out.append(finding(
                "STATUS_CONTRADICTION", item=item.id, agency=answer.agency, file=answer.file,
                sheet=answer.sheet, cell=answer.cell("status"), column="status",
                lead_status=lead_status.label, status=answer.status.label,
                agency_name=names[answer.agency],
            ))
    return out
