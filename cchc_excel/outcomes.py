"""Where each plan item stands at the end of a period, and the figures.

One outcome per item, from its lead agencies' answers (coordinators' answers
are contributions). The report and the summary workbook both read these, so
a figure is computed in one place only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .answers import Answer, Intake, item_status
from .models import Item, Period, Plan, Status
from .timeframe import due_state, is_overdue
from .vnformat import percent


@dataclass(frozen=True)
class Outcome:
    item: Item
    due: bool                    # to be reported on in this period
    status: Status | None        # None when no lead answered
    leads: tuple[Answer, ...]
    coordinators: tuple[Answer, ...]
    missing: tuple[str, ...]     # lead agency codes with no answer (not sent / no row / no status)
    completed_on: dt.date | None
    on_time: bool | None         # for done items with a planned end
    overdue: bool

    @property
    def status_label(self) -> str:
        if self.status:
            return self.status.label
        return "Chưa báo cáo" if self.due else "Chưa đến hạn"


def outcomes(plan: Plan, period: Period, intake: Intake) -> list[Outcome]:
    by_item: dict[str, list[Answer]] = {}
    for answer in intake.answers:
        by_item.setdefault(answer.item, []).append(answer)
    result = []
    for item in plan.items:
        answers = by_item.get(item.id, [])
        leads = tuple(a for a in answers if a.role == "lead")
        coordinators = tuple(a for a in answers if a.role == "coordinator")
        answered = {a.agency for a in leads if a.status}
        missing = tuple(code for code in item.lead if code not in answered)
        status = item_status(list(leads))
        due = due_state(item.timeframe, period) != "later"
        dates = [a.completed_on for a in leads if a.completed_on]
        completed_on = max(dates) if dates else None
        on_time = _on_time(item, status, completed_on)
        overdue = bool(leads) and is_overdue(item.timeframe, period, completed=status == Status.DONE)
        if not leads and item.timeframe.end and item.timeframe.end <= period.end:
            overdue = False   # nobody answered: "chưa báo cáo", not a verdict
        result.append(Outcome(item, due, status, leads, coordinators, missing, completed_on, on_time, overdue))
    return result


def _on_time(item: Item, status: Status | None, completed_on: dt.date | None) -> bool | None:
    if status == Status.DONE and item.timeframe.end and completed_on:
        return completed_on <= item.timeframe.end
    return None


@dataclass(frozen=True)
class Figures:
    due: int = 0
    done: int = 0
    on_time: int = 0
    late: int = 0
    in_progress: int = 0
    not_started: int = 0
    not_arisen: int = 0
    not_reported: int = 0
    overdue: int = 0

    @property
    def expected(self) -> int:
        """Items that had to produce something: due, less those that did not arise."""
        return self.due - self.not_arisen

    @property
    def done_rate(self) -> str:
        return percent(self.done, self.expected)

    def as_dict(self) -> dict:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        data["expected"] = self.expected
        data["done_rate"] = self.done_rate
        return data


def figures(items: list[Outcome]) -> Figures:
    due = [o for o in items if o.due]
    return Figures(
        due=len(due),
        done=sum(o.status == Status.DONE for o in due),
        on_time=sum(o.status == Status.DONE and o.on_time is not False for o in due),
        late=sum(o.status == Status.DONE and o.on_time is False for o in due),
        in_progress=sum(o.status in (Status.IN_PROGRESS, Status.CARRIED_OUT) for o in due),
        not_started=sum(o.status == Status.NOT_STARTED for o in due),
        not_arisen=sum(o.status == Status.NOT_ARISEN for o in due),
        not_reported=sum(o.status is None for o in due),
        overdue=sum(o.overdue for o in due),
    )


def agency_figures(plan: Plan, items: list[Outcome], code: str) -> Figures:
    """Figures over the items an agency leads, from its own answers."""
    mine = []
    for o in items:
        if code not in o.item.lead:
            continue
        own = [a for a in o.leads if a.agency == code]
        status = own[0].status if own else None
        completed_on = own[0].completed_on if own else None
        mine.append(Outcome(o.item, o.due, status, tuple(own), (), () if status else (code,), completed_on,
                            _on_time(o.item, status, completed_on), o.overdue and status != Status.DONE))
    return figures(mine)
