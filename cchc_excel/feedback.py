"""What `check` writes for people: the findings workbook the officer filters,
and for each agency with problems a feedback copy of its form with its own
answers, every problem cell highlighted and commented."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from . import __version__
from . import xlsxkit as kit
from .answers import Answer, Intake
from .assignments import agencies_with_forms
from .deadlines import Deadline
from .forms import Prefill, build_form
from .formspec import FORM_VERSION
from .models import Finding, Period, Plan, Settings, Severity
from .plan import fingerprint

SEVERITY_LABELS = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo", Severity.INFO: "Thông tin"}
STATE_LABELS = {"sent": "Đã nộp", "missing": "Chưa nộp", "rejected": "Bị từ chối"}
_REJECTIONS = {"RETURN_OTHER_PERIOD", "RETURN_OTHER_PLAN", "RETURN_ROWS_OF_ANOTHER"}
# Values read as something other than what was typed: shown on the feedback copy as notes.
NOTE_CODES = {"STATUS_UNDERSTOOD", "DATE_UNDERSTOOD", "FIGURE_UNDERSTOOD"}


@dataclass(frozen=True)
class AgencyState:
    code: str
    name: str
    state: str            # sent | missing | rejected
    files: tuple[str, ...]
    errors: int
    warnings: int


def agency_states(plan: Plan, intake: Intake, findings: list[Finding]) -> list[AgencyState]:
    states = []
    by_agency: dict[str, list[Finding]] = {}
    for f in findings:
        by_agency.setdefault(f.agency, []).append(f)
    for agency in agencies_with_forms(plan):
        mine = by_agency.get(agency.code, [])
        submission = intake.submissions.get(agency.code)
        files: tuple[str, ...] = ()
        if submission and submission.used:
            state = "sent"
            files = (str(submission.used), *map(str, submission.superseded))
        elif any(f.code in _REJECTIONS for f in mine):
            state = "rejected"
            files = tuple(f.file for f in mine if f.code in _REJECTIONS)
        else:
            state = "missing"
        states.append(AgencyState(
            agency.code, agency.name, state, files,
            sum(f.severity == Severity.ERROR for f in mine), sum(f.severity == Severity.WARNING for f in mine),
        ))
    return states


def findings_workbook(plan: Plan, period: Period, states: list[AgencyState], findings: list[Finding]) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tình hình nộp"
    kit.put_text(summary["A1"], f"KẾT QUẢ KIỂM TRA BIỂU MẪU CCHC {period.title.upper()}", kit.FONT_TITLE)
    kit.header_row(summary, 3, ["Cơ quan", "Tình trạng", "Số lỗi", "Số cảnh báo", "Tệp"], [36, 14, 10, 12, 80])
    for row, state in enumerate(states, start=4):
        kit.put_text(summary.cell(row, 1), state.name)
        kit.put_text(summary.cell(row, 2), STATE_LABELS[state.state])
        summary.cell(row, 3, state.errors).font = kit.FONT
        summary.cell(row, 4, state.warnings).font = kit.FONT
        kit.put_text(summary.cell(row, 5), "\n".join(state.files))
        if state.state != "sent":
            summary.cell(row, 2).font = kit.FONT_PROBLEM
    summary.freeze_panes = "A4"
    kit.print_setup(summary, landscape=True, title_rows="3:3")

    sheet = workbook.create_sheet("Vấn đề")
    labels = ["Mức độ", "Mã lỗi", "Cơ quan", "Nhiệm vụ", "Tệp", "Trang", "Ô", "Nội dung", "Cách khắc phục"]
    kit.header_row(sheet, 1, labels, [11, 22, 28, 9, 36, 22, 7, 60, 60])
    names = {a.code: a.name for a in plan.agencies}
    red = Font(name=kit.FONT_NAME, size=12, color="C00000")
    for row, f in enumerate(sorted(findings, key=_order), start=2):
        values = [SEVERITY_LABELS[f.severity], f.code, names.get(f.agency, f.agency), f.item, f.file, f.sheet,
                  f.cell, f.message, f.fix]
        for col, value in enumerate(values, start=1):
            kit.put_text(sheet.cell(row, col), value)
        if f.severity == Severity.ERROR:
            sheet.cell(row, 1).font = red
    sheet.auto_filter.ref = f"A1:I{max(len(findings) + 1, 2)}"
    sheet.freeze_panes = "A2"
    kit.print_setup(sheet, landscape=True, title_rows="1:1")
    return workbook


def _order(f: Finding):
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[f.severity]
    return (f.agency, rank, f.file, f.sheet, f.item, f.cell, f.code)


def _as_typed(answer: Answer) -> dict[str, object]:
    status = answer.status.label if answer.status else answer.status_text
    return {
        "status": status,
        "completed_on": answer.completed_on or answer.completed_text or None,
        "result": answer.result,
        "evidence": answer.evidence,
        "difficulties": answer.difficulties,
        "proposals": answer.proposals,
    }


def feedback_form(plan: Plan, settings: Settings, period: Period, agency_code: str, intake: Intake,
                  findings: list[Finding], today: dt.date, deadline: Deadline | None = None) -> Workbook:
    """The agency's form regenerated with its own answers and its problems marked."""
    mine = sorted((f for f in findings if f.agency == agency_code and f.severity != Severity.INFO), key=_order)
    marks: dict[tuple[str, str], str] = {}
    for f in mine:
        if f.item and f.column:
            text = f"{f.message}\n→ {f.fix}"
            key = (f.item, f.column)
            marks[key] = f"{marks[key]}\n\n{text}" if key in marks else text
    problems = tuple(
        (f"[{f.sheet} {f.cell}] " if f.cell else "") + f"{f.message} → {f.fix}" for f in mine
    )
    understood = sorted((f for f in findings if f.agency == agency_code and f.code in NOTE_CODES), key=_order)
    notes = {(f.item, f.column): f"{f.message}\n→ {f.fix}" for f in understood if f.item and f.column}
    values = {a.item: _as_typed(a) for a in intake.answers if a.agency == agency_code}
    figures = {f.code: {"value": f.value if f.value is not None else f.text, "note": f.note}
               for f in intake.figures if f.agency == agency_code}
    prefill = Prefill(values=values, marks=marks, problems=problems, figures=figures, notes=notes,
                      understood=tuple((f"[{f.sheet} {f.cell}] " if f.cell else "") + f.message for f in understood))
    return build_form(plan, settings, period, plan.agency(agency_code), today, deadline, prefill)


# --- unchanged copies are not rewritten ------------------------------------------

def feedback_digest(plan: Plan, settings: Settings, period: Period, agency_code: str, intake: Intake,
                    findings: list[Finding], deadline: Deadline | None) -> str:
    """What the agency's feedback copy is made from: when it is unchanged, so is the copy."""
    own = [f for f in findings if f.agency == agency_code]
    parts = (__version__, FORM_VERSION, fingerprint(plan), repr(settings), period.id, repr(deadline),
             repr(sorted((repr(a) for a in intake.answers if a.agency == agency_code))),
             repr(sorted((repr(f) for f in intake.figures if f.agency == agency_code))),
             repr(sorted(repr(f) for f in own)))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def copy_digest(path: Path) -> str:
    """The digest a feedback copy was written from (kept in its document
    properties as dc:identifier), or "" when there is no readable copy."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return ""
    match = _IDENTIFIER.search(core)
    return match.group(1).decode("ascii") if match else ""


_IDENTIFIER = re.compile(rb"<dc:identifier[^>]*>([0-9a-f]{64})</dc:identifier>")
