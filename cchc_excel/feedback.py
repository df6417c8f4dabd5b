"""What `check` writes for people: the findings workbook the officer filters,
and for each agency with problems a feedback copy of its form with its own
answers, every problem cell highlighted and commented."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import operator
import re
from dataclasses import dataclass
from pathlib import Path

from . import xlsxkit as kit
from .answers import Answer, FigureAnswer, Intake
from .assignments import agencies_with_forms
from .deadlines import Deadline
from .forms import DIGEST_PROPERTY, Prefill, build_form
from .formspec import FORM_VERSION
from .models import Finding, Period, Plan, Settings, Severity
from .plan import fingerprint
from .version import __version__
from .zipparts import ZipParts

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


def findings_workbook(plan: Plan, period: Period, states: list[AgencyState], findings: list[Finding],
                      digest: str = "") -> bytes:
    """The officer's list of every problem (.xlsx bytes), written with xlsxwriter:
    one shared format per kind of cell, so thousands of rows stay fast. The
    ``digest`` it is made from (findings_digest) is kept in its properties."""
    buffer = io.BytesIO()
    book = kit.workbook(buffer)
    if digest:
        book.set_custom_property(DIGEST_PROPERTY, digest)
    font = {"font_name": kit.FONT_NAME, "font_size": 12, "text_wrap": True, "valign": "top"}
    text = book.add_format(font)
    problem = book.add_format({**font, "bold": True, "font_color": "#C00000"})
    red = book.add_format({**font, "font_color": "#C00000"})
    title = book.add_format({**font, "font_size": 14, "bold": True, "text_wrap": False})
    head = book.add_format({**font, "bold": True, "bg_color": "#D9E2F3", "border": 1, "border_color": "#999999",
                            "align": "center", "valign": "vcenter"})

    summary = book.add_worksheet("Tình hình nộp")
    summary.write_string(0, 0, f"KẾT QUẢ KIỂM TRA BIỂU MẪU CCHC {period.title.upper()}", title)
    _header(summary, 2, ["Cơ quan", "Tình trạng", "Số lỗi", "Số cảnh báo", "Tệp"], [36, 14, 10, 12, 80], head)
    for row, state in enumerate(states, start=3):
        summary.write_string(row, 0, kit.safe_text(state.name), text)
        summary.write_string(row, 1, STATE_LABELS[state.state], text if state.state == "sent" else problem)
        summary.write_number(row, 2, state.errors, text)
        summary.write_number(row, 3, state.warnings, text)
        summary.write_string(row, 4, kit.safe_text("\n".join(state.files)), text)
        summary.set_row(row, _height(["\n".join(state.files), state.name], [80, 36]))
    summary.freeze_panes(3, 0)
    _print_setup(summary, "$3:$3")

    sheet = book.add_worksheet("Vấn đề")
    labels = ["Mức độ", "Mã lỗi", "Cơ quan", "Nhiệm vụ", "Tệp", "Trang", "Ô", "Nội dung", "Cách khắc phục"]
    widths = [11, 22, 28, 9, 36, 22, 7, 60, 60]
    _header(sheet, 0, labels, widths, head)
    names = {a.code: a.name for a in plan.agencies}
    for row, f in enumerate(sorted(findings, key=_order), start=1):
        values = [SEVERITY_LABELS[f.severity], f.code, names.get(f.agency, f.agency), f.item, f.file, f.sheet,
                  f.cell, f.message, f.fix]
        for col, value in enumerate(values):
            if value:
                sheet.write_string(row, col, kit.safe_text(value), red if col == 0 and f.severity == Severity.ERROR
                                   else text)
        sheet.set_row(row, _height(values, widths))   # spreadsheet apps do not grow rows they did not type
    sheet.autofilter(0, 0, max(len(findings), 1), len(labels) - 1)
    sheet.freeze_panes(1, 0)
    _print_setup(sheet, "$1:$1")
    book.close()
    return buffer.getvalue()


def _height(values: list[str], widths: list[float]) -> float:
    """Points for a row whose cells wrap at their column widths (about 1.2 characters a unit)."""
    lines = max(sum(-(-len(part) // max(int(width * 1.2), 1)) or 1 for part in str(value).split("\n"))
                for value, width in zip(values, widths))
    return min(15.5 * max(lines, 1) + 2, 409)


def _header(sheet, row: int, labels: list[str], widths: list[float], style) -> None:
    for col, (label, width) in enumerate(zip(labels, widths)):
        sheet.write_string(row, col, label, style)
        sheet.set_column(col, col, width)


def _print_setup(sheet, title_rows: str) -> None:
    """A4 landscape, fit to page width, the header row on every page."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    first, last = (int(part) - 1 for part in title_rows.replace("$", "").split(":"))
    sheet.repeat_rows(first, last)


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
                  findings: list[Finding], today: dt.date, deadline: Deadline | None = None,
                  digest: str = "") -> bytes:
    """The agency's form regenerated with its own answers and its problems
    marked (.xlsx bytes), carrying the ``digest`` it was made from."""
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
    return build_form(plan, settings, period, plan.agency(agency_code), today, deadline, prefill, digest)


# --- unchanged copies are not rewritten ------------------------------------------

def feedback_digest(plan: Plan, settings: Settings, period: Period, agency_code: str, intake: Intake,
                    findings: list[Finding], deadline: Deadline | None) -> str:
    """What the agency's feedback copy is made from: when it is unchanged, so is the copy."""
    return CopyDigests(plan, settings, period, deadline).of(agency_code, intake.answers, intake.figures, findings)


class CopyDigests:
    """:func:`feedback_digest` of every agency of one run: what the copies share
    (version, plan, settings, period, deadline) hashed once, then each agency's
    answers, figures and findings, field by field, in any order."""

    def __init__(self, plan: Plan, settings: Settings, period: Period, deadline: Deadline | None) -> None:
        shared = (__version__, FORM_VERSION, fingerprint(plan), repr(settings), period.id, repr(deadline))
        self._shared = hashlib.sha256("\x1f".join(shared).encode("utf-8"))

    def of(self, agency_code: str, answers: list[Answer], figures: list[FigureAnswer],
           findings: list[Finding]) -> str:
        digest = self._shared.copy()
        for group in (answers, figures, findings):
            digest.update(b"\x1e")
            for text in sorted(_fields(x) for x in group if x.agency == agency_code):
                digest.update(text.encode("utf-8") + b"\x1f")    # a repr never holds a raw \x1f
        return digest.hexdigest()


_GETTERS: dict[type, operator.attrgetter] = {}


def _fields(record) -> str:
    """Every field of a dataclass record as one text (a tuple's repr: quicker than the dataclass's)."""
    kind = type(record)
    if kind not in _GETTERS:
        _GETTERS[kind] = operator.attrgetter(*(f.name for f in dataclasses.fields(kind)))
    return repr(_GETTERS[kind](record))


def findings_digest(plan: Plan, period: Period, states: list[AgencyState], findings: list[Finding]) -> str:
    """What the findings workbook is made from: when it is unchanged, so is the workbook."""
    names = sorted((a.code, a.name) for a in plan.agencies)
    # Each finding hashed on its own and the hashes sorted: in any order, and without
    # holding the text of thousands of findings at once.
    each = sorted(hashlib.sha256(repr(f).encode("utf-8")).digest() for f in findings)
    parts = (__version__, period.id, repr(names), repr(states), b"".join(each).hex())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def copy_digest(path: Path) -> str:
    """The digest a workbook written here (a feedback copy, the findings
    workbook) was made from, kept in its custom document properties; "" when
    there is no readable file (asked of every copy of a check run: read from
    the file's bytes, see :mod:`zipparts`)."""
    try:
        with ZipParts(path.read_bytes(), only="docProps/custom.xml") as parts:
            custom = parts.read("docProps/custom.xml")
    except Exception:   # whatever a broken file raises: a copy that cannot be read is rewritten
        return ""
    match = _DIGEST.search(custom)
    return match.group(1).decode("ascii") if match else ""


_DIGEST = re.compile(rb'name="' + re.escape(DIGEST_PROPERTY.encode()) + rb'"[^>]*>\s*<vt:lpwstr>([0-9a-f]{64})<')
