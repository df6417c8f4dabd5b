"""What agencies sent, as data: the shapes every step after reading shares.

:mod:`merge` builds an :class:`Intake` from the returned files; checks, the
report, the summary and the feedback copies read it. Nothing here reads or
writes a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .models import Finding, Status


@dataclass(frozen=True)
class Answer:
    """One agency's normalised answer on one item, with where each value came from."""

    item: str
    agency: str
    role: str                      # lead | coordinator
    status: Status | None
    status_text: str               # as typed
    completed_on: dt.date | None
    completed_text: str            # as typed, when it was not a date
    result: str
    evidence: str
    difficulties: str
    proposals: str
    file: str
    sheet: str
    row: int
    # Column key -> its cell ("H7"); file and sheet are the answer's own. References only, not
    # objects: a check of a thousand agencies holds tens of thousands of them.
    cells: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def cell(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass(frozen=True)
class FigureAnswer:
    """One agency's figure for one indicator, with where it came from."""

    code: str
    agency: str
    value: float | None
    text: str                      # as typed
    note: str
    file: str
    sheet: str
    row: int
    cells: dict[str, str] = field(default_factory=dict, compare=False, hash=False)   # as Answer.cells

    def cell(self, key: str = "value") -> str:
        return self.cells.get(key, "")


@dataclass
class Submission:
    agency: str
    used: Path | None = None
    superseded: list[Path] = field(default_factory=list)
    saved_at: dt.datetime | None = None

    @property
    def status(self) -> str:
        return "sent" if self.used else "missing"


@dataclass
class Intake:
    """A period's returns: who sent what, every answer and figure, and what
    was wrong while reading."""

    submissions: dict[str, Submission]
    answers: list[Answer]
    findings: list[Finding]
    rejected: list[Path]
    files_read: int
    figures: list[FigureAnswer] = field(default_factory=list)

    def figures_of(self, agency: str) -> dict[str, FigureAnswer]:
        return {f.code: f for f in self.figures if f.agency == agency}

    def answers_of(self, agency: str) -> dict[str, Answer]:
        return {a.item: a for a in self.answers if a.agency == agency}


# Statuses that complete a product for the period.
FINISHED = (Status.DONE, Status.CARRIED_OUT)


def item_status(lead_answers: list[Answer]) -> Status | None:
    """The item's status from its lead agencies' answers (None: nobody answered).

    All leads done -> done; all not arisen -> not arisen; every lead that
    had an occasion done or carried out (at least one carried out) -> carried
    out; any progress -> in progress; otherwise not started.
    """
    statuses = [a.status for a in lead_answers if a.status]
    if not statuses:
        return None
    every_lead = len(statuses) == len(lead_answers)
    if every_lead and all(s == Status.DONE for s in statuses):
        return Status.DONE
    if all(s == Status.NOT_ARISEN for s in statuses):
        return Status.NOT_ARISEN
    arisen = [s for s in statuses if s != Status.NOT_ARISEN]
    if every_lead and all(s in FINISHED for s in arisen) and Status.CARRIED_OUT in arisen:
        return Status.CARRIED_OUT
    if any(s in (*FINISHED, Status.IN_PROGRESS) for s in statuses):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED
