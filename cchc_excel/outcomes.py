"""Where each plan product stands in a period, and the period's counts.

The period model (one place; the report, the summary and the console read it):

- A **quarterly** report (Q1–Q4) tells what happened inside its data window
  (e.g. 15/03–14/06 for Q2). **6-month, 9-month and annual** reports (S1, M9,
  Y) tell the year to date: their window starts on 15/12 of the year before,
  so their counts are simply the counts over that longer window.
- The report counts **products** (plan rows, ids like ``I.5.2``) and calls
  them «sản phẩm»; the plan's «nhiệm vụ» are the tasks that group them.
- Each product gets a :class:`Standing` in the period:

  * ``DONE_EARLIER`` — its lead agencies report it «Đã hoàn thành» with a
    completion date before the window: «đã hoàn thành từ kỳ trước». It is not
    this period's work and is not counted among the period's due products.
  * ``NOT_DUE`` — its planned time starts after the window, or it has several
    planned times and none falls in the window while a later one remains
    («Quý I, IV/2026» in quý III).
  * ``DUE`` — this period's work: recurring, conditional and unknown
    timeframes always; a scheduled or deadline product whose planned time
    touches the window, or ended before it while the product is unfinished
    (then it is overdue).

- The status of a product is its lead agencies' statuses combined
  (:func:`answers.item_status`). «Đã thực hiện trong kỳ» (CARRIED_OUT) is the
  honest status of a recurring or "khi phát sinh" task carried out in the
  period; it counts as completed for the period's rate. «Chưa phát sinh»
  products are due but not expected: ``expected = due - not_arisen``.

API for the report (:mod:`report`) and the summary:

    results = outcomes(plan, period, intake)   # one Outcome per product, plan order
    totals = figures(results)                  # Figures over the due products
    figures([o for o in results if o.item.section == "II"])   # per section
    agency_figures(plan, period, results, "phong-kinh-te")    # per lead agency

``Figures`` holds the completion sentence's data: ``due`` (this period's
products), ``not_arisen``, ``expected``, ``done``, ``carried_out``,
``completed`` (= done + carried out), ``done_rate`` (completed / expected),
``in_progress``, ``not_started``, ``not_reported``, ``on_time`` and ``late``
(of the done ones, against the planned end), ``overdue`` (unfinished after the
planned end) and ``done_earlier`` (finished before the window, counted apart).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .answers import FINISHED, Answer, Intake, item_status
from .models import Item, Period, Plan, Status
from .plan import ends_before_plan
from .timeframe import is_overdue
from .vnformat import percent


class Standing(str, Enum):
    """Whether a product is this period's work (see the module docstring)."""

    DUE = "due"
    DONE_EARLIER = "done_earlier"    # «đã hoàn thành từ kỳ trước»
    NOT_DUE = "not_due"              # planned for a later time


@dataclass(frozen=True)
class Outcome:
    item: Item
    standing: Standing
    status: Status | None        # None when no lead answered
    leads: tuple[Answer, ...]
    coordinators: tuple[Answer, ...]
    missing: tuple[str, ...]     # lead agency codes with no answer (not sent / no row / no status)
    completed_on: dt.date | None
    on_time: bool | None         # for done products with a planned end
    overdue: bool
    # The plan's time for it ended before the plan itself was issued («Quý IV/2025» in a plan of
    # 10/01/2026): a slip of the plan's year, most likely. Never judged late or on time against it.
    before_plan: bool = False

    @property
    def due(self) -> bool:
        """This period's work (counted in the period's figures)."""
        return self.standing == Standing.DUE

    @property
    def status_label(self) -> str:
        if self.standing == Standing.DONE_EARLIER:
            return "Đã hoàn thành từ kỳ trước"
        if self.status:
            return self.status.label
        return "Chưa báo cáo" if self.due else "Chưa đến hạn"


def standing(item: Item, period: Period, status: Status | None, completed_on: dt.date | None) -> Standing:
    """A product's standing in the period from its plan time and its combined status."""
    spans = item.timeframe.spans
    if spans and all(start > period.end for start, _ in spans):
        return Standing.NOT_DUE
    if status == Status.DONE and completed_on and completed_on < period.start:
        return Standing.DONE_EARLIER
    if spans and not any(start <= period.end and end >= period.start for start, end in spans):
        if any(start > period.end for start, _ in spans):
            return Standing.NOT_DUE      # between two planned times
    return Standing.DUE


def outcomes(plan: Plan, period: Period, intake: Intake) -> list[Outcome]:
    """One outcome per product of the plan, in plan order."""
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
        dates = [a.completed_on for a in leads if a.completed_on]
        completed_on = max(dates) if dates else None
        result.append(_outcome(item, period, status, leads, coordinators, missing, completed_on,
                               ends_before_plan(item, plan)))
    return result


def _outcome(item: Item, period: Period, status: Status | None, leads: tuple[Answer, ...],
             coordinators: tuple[Answer, ...], missing: tuple[str, ...], completed_on: dt.date | None,
             before_plan: bool = False) -> Outcome:
    where = standing(item, period, status, completed_on)
    overdue = bool(leads) and where == Standing.DUE and not before_plan \
        and is_overdue(item.timeframe, period, completed=status in FINISHED)
    on_time = None if before_plan else _on_time(item, status, completed_on)
    return Outcome(item, where, status, leads, coordinators, missing, completed_on, on_time, overdue, before_plan)


def _on_time(item: Item, status: Status | None, completed_on: dt.date | None) -> bool | None:
    if status == Status.DONE and item.timeframe.end and completed_on:
        return completed_on <= item.timeframe.end
    return None


@dataclass(frozen=True)
class Figures:
    """Counts of products in a period (see the module docstring)."""

    due: int = 0
    done: int = 0
    carried_out: int = 0
    on_time: int = 0
    late: int = 0
    in_progress: int = 0
    not_started: int = 0
    not_arisen: int = 0
    not_reported: int = 0
    overdue: int = 0
    done_earlier: int = 0

    @property
    def expected(self) -> int:
        """Products that had to produce something: due, less those that did not arise."""
        return self.due - self.not_arisen

    @property
    def completed(self) -> int:
        """Done, or (recurring and "khi phát sinh" tasks) carried out in the period."""
        return self.done + self.carried_out

    @property
    def done_rate(self) -> str:
        """Completed over expected, the Vietnamese way ("66,7%")."""
        return percent(self.completed, self.expected)

    def as_dict(self) -> dict:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        data["expected"] = self.expected
        data["completed"] = self.completed
        data["done_rate"] = self.done_rate
        return data


def figures(items: list[Outcome]) -> Figures:
    """The counts over the given outcomes (their due ones; earlier ones apart)."""
    due = [o for o in items if o.due]
    return Figures(
        due=len(due),
        done=sum(o.status == Status.DONE for o in due),
        carried_out=sum(o.status == Status.CARRIED_OUT for o in due),
        on_time=sum(o.status == Status.DONE and o.on_time is True for o in due),   # a «Thường xuyên» one has no time
        late=sum(o.status == Status.DONE and o.on_time is False for o in due),
        in_progress=sum(o.status == Status.IN_PROGRESS for o in due),
        not_started=sum(o.status == Status.NOT_STARTED for o in due),
        not_arisen=sum(o.status == Status.NOT_ARISEN for o in due),
        not_reported=sum(o.status is None for o in due),
        overdue=sum(o.overdue for o in due),
        done_earlier=sum(o.standing == Standing.DONE_EARLIER for o in items),
    )


def agency_outcomes(period: Period, items: list[Outcome], code: str) -> list[Outcome]:
    """The products an agency leads, each standing on that agency's own answer."""
    mine = []
    for o in items:
        if code not in o.item.lead:
            continue
        own = tuple(a for a in o.leads if a.agency == code)
        status = own[0].status if own else None
        completed_on = own[0].completed_on if own else None
        mine.append(_outcome(o.item, period, status, own, (), () if status else (code,), completed_on,
                             o.before_plan))
    return mine


def agency_figures(plan: Plan, period: Period, items: list[Outcome], code: str) -> Figures:
    """Figures over the products an agency leads, from its own answers."""
    return figures(agency_outcomes(period, items, code))
