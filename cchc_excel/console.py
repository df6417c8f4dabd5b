"""What the CLI shows: rich tables and texts on the console, and the JSON of
`plan show --json` and `check --json`. Everything a user reads is Vietnamese."""

from __future__ import annotations

import json
import sys
import time
import types
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import pipeline
from .deadlines import describe as describe_deadline
from .deadlines import notes as deadline_notes
from .indicators import target_text
from .messages import describe, phrase
from .models import Plan, Severity
from .timeframe import describe_kind

if TYPE_CHECKING:
    from rich.console import Console

# rich is loaded by what draws with it: `check --json` and the Python API never do.


def out() -> Console:
    """A console on the current stdout (created per call so tests can capture it)."""
    from rich.console import Console

    return Console(file=sys.stdout, width=max(100, Console().width), highlight=False, soft_wrap=True)

def plan_to_json(plan: Plan) -> dict:
    meta = plan.meta
    return {
        "plan": {
            "issuer": meta.issuer, "commune": meta.commune, "number": meta.number,
            "date": meta.date.isoformat() if meta.date else None, "year": meta.year,
            "title": meta.title, "source": plan.source,
        },
        "sections": [
            {
                "code": s.code, "title": s.title, "short_name": s.short_name,
                "tasks": [
                    {
                        "number": t.number, "content": t.content,
                        "items": [
                            {
                                "id": i.id, "product": i.product,
                                "lead": list(i.lead), "coordinators": list(i.coordinators),
                                "timeframe": {"text": i.timeframe.text, "kind": i.timeframe.kind.value},
                            }
                            for i in t.items
                        ],
                    }
                    for t in s.tasks
                ],
            }
            for s in plan.sections
        ],
        "agencies": [
            {"code": a.code, "name": a.name, "kind": a.kind.value, "aliases": list(a.aliases)}
            for a in plan.agencies
        ],
        "indicators": [
            {"code": i.code, "name": i.name, "unit": i.unit, "section": i.section, "agency": i.agency,
             "kind": i.kind.value, "aggregation": i.aggregation.value, "part_of": i.part_of,
             "numerator": list(i.numerator), "denominator": i.denominator, "target": i.target}
            for i in plan.indicators
        ],
    }


def show_plan(plan: Plan) -> None:
    from rich.table import Table

    console = out()
    meta = plan.meta
    console.print(f"[bold]{meta.title}[/bold]")
    console.print(phrase("PLAN_SOURCE_LINE", number=meta.number, date=f"{meta.date:%d/%m/%Y}", issuer=meta.issuer,
                         source=plan.source) if meta.date else phrase("PLAN_SOURCE_ONLY", source=plan.source))
    names = {a.code: a.name for a in plan.agencies}
    for section in plan.sections:
        table = Table(title=f"{section.code}. {section.title}", title_justify="left", show_lines=False)
        table.add_column(phrase("COLUMN_CODE"), no_wrap=True)
        table.add_column(phrase("COLUMN_PRODUCT"), ratio=4)
        table.add_column(phrase("COLUMN_LEAD"), ratio=2)
        table.add_column(phrase("COLUMN_COORDINATORS"), ratio=2)
        table.add_column(phrase("COLUMN_TIMEFRAME"), ratio=2)
        for item in section.items:
            lead = item.lead_text if item.lead_is_group else ", ".join(names[c] for c in item.lead)
            table.add_row(item.id, item.product, lead, item.coordinators_text,
                          f"{item.timeframe.text}\n[dim]{describe_kind(item.timeframe.kind)}[/dim]")
        console.print(table)
    agencies = Table(title=phrase("TABLE_AGENCIES"), title_justify="left")
    for column in ("COLUMN_CODE", "COLUMN_NAME", "COLUMN_KIND"):
        agencies.add_column(phrase(column))
    for agency in plan.agencies:
        agencies.add_row(agency.code, agency.name,
                         phrase("AGENCY_KIND_OWN" if agency.kind.value == "own" else "AGENCY_KIND_PARTNER"))
    console.print(agencies)
    if plan.indicators:
        indicators = Table(title=phrase("TABLE_INDICATORS"), title_justify="left")
        for column in ("COLUMN_CODE", "COLUMN_INDICATOR", "COLUMN_UNIT", "COLUMN_SECTION", "COLUMN_REPORTED_BY",
                       "COLUMN_TARGET"):
            indicators.add_column(phrase(column))
        for i in plan.indicators:
            indicators.add_row(i.code, i.name, i.unit, i.section, names.get(i.agency, phrase("INDICATOR_COMPUTED")),
                               target_text(i))
        console.print(indicators)
    console.print(phrase("PLAN_TOTALS", sections=len(plan.sections), tasks=len(plan.tasks), items=len(plan.items),
                         indicators=len(plan.indicators)))


# The catalogue's label of each severity and of each state of an agency's return.
SEVERITY_LABEL = {Severity.ERROR: "SEVERITY_ERROR", Severity.WARNING: "SEVERITY_WARNING",
                  Severity.INFO: "SEVERITY_INFO"}
_STATE_LABEL = {"sent": "STATE_SENT", "missing": "STATE_MISSING", "rejected": "STATE_REJECTED"}
SHOWN_FINDINGS = 60


def print_findings(findings, console: Console | None = None) -> None:
    """Findings that are not about a return (the plan, settings of the plan workbook), each with its fix."""
    console = console or out()
    for f in findings:
        console.print(phrase("FINDING_LINE", severity=phrase(SEVERITY_LABEL[f.severity]), message=f.message))
        console.print(phrase("FINDING_FIX", fix=f.fix))


class ConsoleProgress:
    """Progress on stderr for work that lasts: the reading bar appears once
    reading has taken more than a second, and a stage (the PDF conversion by
    LibreOffice) shows a running bar with its elapsed time; on a terminal only.
    Called by the pipeline as ``progress(read, total)`` and ``stage(name)``."""

    DELAY = 1.0          # seconds of silence before a bar is worth showing
    STAGES = {"pdf": "PROGRESS_PDF"}      # stage name -> catalogue phrase

    def __init__(self, console: Console | None = None) -> None:
        self.console = console             # None: stderr's, made when a bar is first worth drawing
        self._bar = None
        self._reading = None
        self._started: float | None = None

    def _open(self):
        if self.console is None:
            if not sys.stderr.isatty():
                return None                # output to a file or a pipe: no bar to draw (nor its thread)
            from rich.console import Console

            self.console = Console(file=sys.stderr)
        if not self.console.is_terminal:
            return None
        if self._bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=self.console, transient=True)
            self._bar.start()
        return self._bar

    def __call__(self, read: int, total: int) -> None:
        now = time.monotonic()
        if self._started is None:
            self._started = now
        if self._reading is None:
            if read >= total or now - self._started < self.DELAY or (bar := self._open()) is None:
                return
            self._reading = bar.add_task(phrase("PROGRESS_READING"), total=total)
        self._bar.update(self._reading, completed=read)

    def stage(self, name: str) -> None:
        bar = self._open()
        if bar is None:
            return
        if self._reading is not None:
            bar.remove_task(self._reading)
            self._reading = None
        bar.add_task(phrase(self.STAGES[name]), total=None)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextmanager
def progress_reader():
    """A :class:`ConsoleProgress` for the length of a command."""
    progress = ConsoleProgress()
    try:
        yield progress
    finally:
        progress.close()


def print_check(result: pipeline.CheckResult, period, inbox: Path | None = None) -> None:
    from rich.table import Table

    console = out()
    if result.intake.files_read == 0 and inbox is not None:
        console.print(phrase("CHECK_INBOX_EMPTY", dir=inbox))
    table = Table(title=phrase("TABLE_SUBMISSIONS", title=period.title), title_justify="left")
    for column, justify in (("COLUMN_AGENCY", "left"), ("COLUMN_STATE", "left"), ("COLUMN_ERRORS", "right"),
                            ("COLUMN_WARNINGS", "right")):
        table.add_column(phrase(column), justify=justify)
    for state in result.states:
        table.add_row(state.name, phrase(_STATE_LABEL[state.state]), str(state.errors), str(state.warnings))
    console.print(table)
    superseded = [f for f in result.findings if f.code == "RETURN_SUPERSEDED"]
    if superseded:
        console.print(phrase("CHECK_SUPERSEDED", count=len(superseded)))
        for f in superseded[:SHOWN_FINDINGS]:
            console.print(phrase("CHECK_SUPERSEDED_FILE", message=f.message))
        if len(superseded) > SHOWN_FINDINGS:
            console.print(phrase("CHECK_MORE_FILES", count=len(superseded) - SHOWN_FINDINGS))
    shown = [f for f in result.findings if f.severity != Severity.INFO]
    shown.sort(key=lambda f: (f.severity != Severity.ERROR, f.agency, f.file, f.item))
    for f in shown[:SHOWN_FINDINGS]:
        where = ", ".join(part for part in (phrase("WHERE_FILE", file=f.file) if f.sheet or f.cell else "",
                                            phrase("WHERE_SHEET", sheet=f.sheet) if f.sheet else "",
                                            phrase("WHERE_CELL", cell=f.cell) if f.cell else "") if part)
        severity = phrase(SEVERITY_LABEL[f.severity])
        console.print(phrase("FINDING_LINE_AT", severity=severity, message=f.message, where=where) if where
                      else phrase("FINDING_LINE", severity=severity, message=f.message))
        console.print(phrase("FINDING_FIX", fix=f.fix))
    if len(shown) > SHOWN_FINDINGS:
        console.print(phrase("CHECK_MORE_FINDINGS", count=len(shown) - SHOWN_FINDINGS))
    if result.products is not None and result.intake.files_read:
        console.print(phrase("CHECK_PRODUCTS", products=products_line(result.products)))
    console.print(phrase("CHECK_TOTALS", sent=sum(s.state == "sent" for s in result.states),
                         agencies=len(result.states), errors=len(result.blocking),
                         warnings=sum(f.severity == Severity.WARNING for f in result.findings),
                         files=result.intake.files_read))
    if result.deadline is not None:
        console.print(phrase("CHECK_DEADLINE", deadline=describe_deadline(result.deadline)))
        for note in deadline_notes(result.deadline):
            console.print(phrase("CONSOLE_NOTE", text=note))
    console.print(phrase("CHECK_FULL_LIST", file=result.findings_path))
    if result.feedback:
        console.print(phrase("CHECK_FEEDBACK", count=len(result.feedback), dir=result.feedback[0].parent))


def products_line(figures) -> str:
    """The period's counts of products, every state named as the report names it."""
    line = phrase("PRODUCTS_LINE", due=figures.due, done=figures.done, carried_out=figures.carried_out,
                  done_rate=figures.done_rate, expected=figures.expected, in_progress=figures.in_progress,
                  not_started=figures.not_started, not_arisen=figures.not_arisen,
                  not_reported=figures.not_reported, overdue=figures.overdue)
    if figures.done_earlier:
        line += phrase("PRODUCTS_DONE_EARLIER", count=figures.done_earlier)
    return line


def check_to_json(result: pipeline.CheckResult) -> dict:
    """The result as JSON data; its findings are a generator (a thousand agencies' messages
    are rendered one at a time as :func:`json_pieces` prints them)."""
    return {
        "agencies": [
            {"code": s.code, "name": s.name, "status": s.state, "files": list(s.files),
             "errors": s.errors, "warnings": s.warnings}
            for s in result.states
        ],
        "findings": (
            {"code": f.code, "severity": f.severity.value, "agency": f.agency, "item": f.item, "file": f.file,
             "sheet": f.sheet, "cell": f.cell, "message": message, "fix": fix}
            for f in result.findings for message, fix in (describe(f),)      # each rendered once
        ),
        "outputs": {"findings": str(result.findings_path), "feedback": [str(p) for p in result.feedback]},
        "deadline": {"due": result.deadline.due.isoformat(),
                     "report": result.deadline.report.isoformat() if result.deadline.report else None,
                     "working_days": result.deadline.working_days, "overridden": result.deadline.overridden,
                     "before_data_end": result.deadline.before_data_end} if result.deadline else None,
    }


def json_pieces(value, level: int = 0):
    """The text of ``json.dumps(value, ensure_ascii=False, indent=2)``, piece by piece,
    taking a generator for an array too: a long list is never held whole, neither as data
    nor as text. An object of plain values is written by json's C encoder in one piece."""
    inner, outer = "\n" + "  " * (level + 1), "\n" + "  " * level
    if isinstance(value, _SCALARS):
        yield _SCALAR.encode(value)
    elif isinstance(value, dict):
        if not value:
            yield "{}"
        elif all(isinstance(v, _SCALARS) for v in value.values()):
            flat = _flat(inner).encode(value)
            yield "{" + inner + flat[1:-1] + outer + "}"
        else:
            for n, (key, item) in enumerate(value.items()):
                name = _SCALAR.encode(key) if isinstance(key, str) else json.dumps({key: 0})[1:-4]
                yield ("," if n else "{") + inner + name + ": "
                yield from json_pieces(item, level + 1)
            yield outer + "}"
    elif isinstance(value, (list, tuple, types.GeneratorType)):
        empty = True
        deeper = "\n" + "  " * (level + 2)
        for item in value:
            yield ("[" if empty else ",") + inner
            empty = False
            if item.__class__ is dict and item and all(isinstance(v, _SCALARS) for v in item.values()):
                yield "{" + deeper + _flat(deeper).encode(item)[1:-1] + inner + "}"    # a finding: at once
            else:
                yield from json_pieces(item, level + 1)
        yield "[]" if empty else outer + "]"
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# One encoder each, made once: json.dumps with any option makes a new one on every call.
_SCALAR = json.JSONEncoder(ensure_ascii=False)
_FLAT: dict[str, json.JSONEncoder] = {}


def _flat(inner: str) -> json.JSONEncoder:
    """The encoder of an object of plain values whose members stand on their own lines."""
    if inner not in _FLAT:
        _FLAT[inner] = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
    return _FLAT[inner]


_SCALARS = (str, int, float, bool, type(None))
