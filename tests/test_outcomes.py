"""The period model: what each report counts, through real forms, a year long.

One working folder goes through the default schedule (quý I, 6 tháng, quý III,
năm): forms are made by the CLI (carrying earlier answers forward), filled as
agencies would by the scenario below, and compiled. The counts are worked out
by hand from the scenario and the seed plan's timeframes (23 recurring,
8 "khi phát sinh", 15 scheduled or deadline products).
"""

import datetime as dt

import pytest
from conftest import invoke
from formtools import consistent_figures, fill, form_items

from cchc_excel.answers import Answer, item_status
from cchc_excel.models import Status
from cchc_excel.outcomes import Standing, figures, outcomes, standing
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import Workspace, load_embedded_plan, load_plan, run_check

PLAN = load_embedded_plan()
ITEMS = {i.id: i for i in PLAN.items}
D = dt.datetime
PERIODS = ("2026Q1", "2026S1", "2026Q3", "2026")


def _done(day: D) -> dict:
    return {"status": Status.DONE.label, "completed_on": day, "result": "Đã hoàn thành sản phẩm theo kế hoạch",
            "evidence": f"Văn bản số 12/UBND ngày {day:%d/%m/%Y}"}


def _state(status: Status) -> dict:
    return {"status": status.label, "result": f"Kết quả: {status.label.lower()} trong kỳ",
            "difficulties": "Chưa bố trí được kinh phí" if status == Status.NOT_STARTED else ""}


def scenario(item_id: str, period: str) -> dict:
    """What the lead agencies answer for a product at the end of a period."""
    item = ITEMS[item_id]
    q1 = period == "2026Q1"
    fixed = {
        "I.1": _done(D(2026, 1, 12)),                  # before 15/01/2026: on time
        "VII.6": _done(D(2026, 1, 20)),                # Tháng 01/2026
        "V.3": _done(D(2025, 12, 10)),                 # Quý IV/2025, finished before the Q1 window
        "I.6": _state(Status.NOT_STARTED),             # Quý III, IV/2025: owed all year, never overdue
        "II.1": _state(Status.NOT_STARTED),
        "III.1": _state(Status.CARRIED_OUT),           # Quý I,II,III,IV/2026: done every quarter
        "V.2": _state(Status.IN_PROGRESS) if q1 else _done(D(2026, 4, 10)),    # Quý I/2026: late
        "VI.4.1": _state(Status.IN_PROGRESS) if q1 else _done(D(2026, 5, 20)),  # Quý I, II/2026
        "I.3": {} if q1 else _state(Status.IN_PROGRESS),                        # Quý II, III, IV
        "IV.1": _state(Status.IN_PROGRESS) if period in ("2026Q3", "2026") else {},   # Quý III, IV
        "VI.1.1": _done(D(2026, 11, 15)) if period == "2026" else _state(Status.IN_PROGRESS),  # Quý I, IV
        "VI.4.2": _done(D(2026, 8, 1)) if period in ("2026Q3", "2026") else _state(Status.IN_PROGRESS),
        "VI.2": _state(Status.CARRIED_OUT) if period in ("2026Q3", "2026") else {"status": Status.NOT_ARISEN.label},
    }
    for later in ("VI.1.2", "VI.1.3", "VI.1.4"):                               # Quý IV/2026
        fixed[later] = _done(D(2026, 12, 1)) if period == "2026" else {}
    if item_id in fixed:
        return fixed[item_id]
    if item.timeframe.kind.value == "recurring":
        return _state(Status.CARRIED_OUT)
    assert item.timeframe.kind.value == "conditional", item_id
    return {"status": Status.NOT_ARISEN.label}


# Worked out by hand (see the module docstring): due = products of this period, not arisen
# included; done_earlier apart.
EXPECTED = {
    "2026Q1": dict(due=40, not_arisen=8, expected=32, done=2, carried_out=24, completed=26, in_progress=4,
                   not_started=2, not_reported=0, overdue=0, done_earlier=1, on_time=2, late=0),
    "2026S1": dict(due=41, not_arisen=8, expected=33, done=4, carried_out=24, completed=28, in_progress=3,
                   not_started=2, not_reported=0, overdue=0, done_earlier=1, on_time=3, late=1),
    "2026Q3": dict(due=37, not_arisen=7, expected=30, done=1, carried_out=25, completed=26, in_progress=2,
                   not_started=2, not_reported=0, overdue=0, done_earlier=5, on_time=1, late=0),
    "2026": dict(due=45, not_arisen=7, expected=38, done=9, carried_out=25, completed=34, in_progress=2,
                 not_started=2, not_reported=0, overdue=0, done_earlier=1, on_time=8, late=1),
}
STANDINGS = {   # a few products, period by period
    "I.1": ("due", "due", "done_earlier", "due"),
    "V.3": ("done_earlier",) * 4,
    "V.2": ("due", "due", "done_earlier", "due"),
    "VI.1.1": ("due", "due", "not_due", "due"),       # Quý I, IV: nothing planned in quý III
    "VI.1.2": ("not_due", "not_due", "not_due", "due"),
    "I.6": ("due",) * 4,                               # «Quý III, IV/2025» never done: owed every period
    # (never overdue: a time that ended before the plan was issued is no deadline, Outcome.before_plan)
}


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("year")
    results = {}
    for period_id in PERIODS:
        period = parse_period(period_id)
        assert invoke("forms", "--default-plan", "-p", period_id, "--dir", root).exit_code == 0
        for form in sorted((root / "output" / period_id / "bieu-mau").iterdir()):
            roles = form_items(form)
            answers = {i: scenario(i, period_id) for i, role in roles.items() if role == "Chủ trì"}
            fill(form, root / "input" / period_id / f"{form.stem}.xlsx", answers,
                 figures=consistent_figures(PLAN, form.stem))
        today = (period.end + dt.timedelta(days=5)).strftime("%d/%m/%Y")
        compiled = invoke("compile", "--default-plan", "-p", period_id, "--dir", root, "--today", today)
        workspace = Workspace(root)
        checked = run_check(workspace, load_plan(workspace), period, period.end + dt.timedelta(days=5))
        results[period_id] = (compiled, checked, outcomes(PLAN, period, checked.intake))
    return results


@pytest.mark.parametrize("period_id", PERIODS)
def test_each_report_counts_its_own_period(year, period_id):
    compiled, checked, results = year[period_id]
    assert compiled.exit_code == 0, compiled.output
    assert not checked.blocking
    counts = figures(results).as_dict()
    assert {k: counts[k] for k in EXPECTED[period_id]} == EXPECTED[period_id]
    expected = EXPECTED[period_id]
    assert f"Sản phẩm đến hạn: {expected['due']}; hoàn thành {expected['done']}" in compiled.output


@pytest.mark.parametrize("item_id", list(STANDINGS))
def test_products_finished_before_the_window_are_not_this_periods_work(year, item_id):
    got = tuple(next(o for o in year[p][2] if o.item.id == item_id).standing.value for p in PERIODS)
    assert got == STANDINGS[item_id]


def test_old_returns_in_progress_on_recurring_tasks_read_as_carried_out(tmp_path):
    """A form of the four-status days: «Đang thực hiện» with a result on a
    recurring task is read as carried out, with an info note."""
    root = tmp_path
    assert invoke("forms", "--default-plan", "-p", "2026Q1", "--dir", root).exit_code == 0
    form = root / "output" / "2026Q1" / "bieu-mau" / "phong-vhxh.xlsx"
    fill(form, root / "input" / "2026Q1" / "pvhxh.xlsx", {
        "I.4.1": {"status": Status.IN_PROGRESS.label, "result": "Đã tuyên truyền 3 đợt"},   # recurring + result
        "I.4.2": {"status": Status.IN_PROGRESS.label},                                    # no result: as typed
        "V.2": {"status": Status.IN_PROGRESS.label, "result": "Đang xây dựng"},           # scheduled: as typed
    })
    workspace = Workspace(root)
    checked = run_check(workspace, load_plan(workspace), parse_period("2026Q1"), dt.date(2026, 3, 20))
    statuses = {a.item: a.status for a in checked.intake.answers if a.agency == "phong-vhxh"}
    assert statuses["I.4.1"] == Status.CARRIED_OUT
    assert statuses["I.4.2"] == Status.IN_PROGRESS and statuses["V.2"] == Status.IN_PROGRESS
    notes = [f for f in checked.findings if f.code == "STATUS_READ_AS_CARRIED_OUT"]
    assert [(n.item, n.severity.value) for n in notes] == [("I.4.1", "info")]
    assert "«Đã thực hiện trong kỳ»" in notes[0].message


def test_carried_out_fits_only_tasks_done_again_and_again(tmp_path):
    root = tmp_path
    assert invoke("forms", "--default-plan", "-p", "2026Q1", "--dir", root).exit_code == 0
    form = root / "output" / "2026Q1" / "bieu-mau" / "phong-vhxh.xlsx"
    carried = {"status": Status.CARRIED_OUT.label, "result": "Đã thực hiện trong quý"}
    fill(form, root / "input" / "2026Q1" / "pvhxh.xlsx",
         {"I.1": carried, "I.4.1": carried, "I.5.1": carried})   # deadline, recurring, conditional
    workspace = Workspace(root)
    checked = run_check(workspace, load_plan(workspace), parse_period("2026Q1"), dt.date(2026, 3, 20))
    wrong = [f for f in checked.findings if f.code == "STATUS_CARRIED_OUT_ONE_OFF"]
    assert [(f.item, f.severity.value, f.column) for f in wrong] == [("I.1", "warning", "status")]
    assert "Trước ngày 15/01/2026" in wrong[0].message


def _lead(status, day=None):
    return Answer("I.2", "a", "lead", status, "", day, "", "", "", "", "", "f", "s", 5)


def test_item_status_combines_carried_out_with_done_and_not_arisen():
    C, D_, N, P = Status.CARRIED_OUT, Status.DONE, Status.NOT_ARISEN, Status.IN_PROGRESS
    assert item_status([_lead(C), _lead(C)]) == C
    assert item_status([_lead(C), _lead(D_)]) == C
    assert item_status([_lead(C), _lead(N)]) == C       # one agency had nothing to do
    assert item_status([_lead(C), _lead(P)]) == P
    assert item_status([_lead(C), _lead(None)]) == P    # not every lead answered


def test_standing_is_decided_by_the_window_and_the_completion_date():
    q3 = parse_period("2026Q3")
    item = ITEMS["VI.4.2"]   # Quý I, III/2026
    assert standing(item, q3, Status.DONE, dt.date(2026, 3, 1)) == Standing.DONE_EARLIER
    assert standing(item, q3, Status.DONE, dt.date(2026, 7, 1)) == Standing.DUE
    assert standing(item, q3, Status.DONE, None) == Standing.DUE    # no date: counted, and checks warn
    assert standing(ITEMS["I.2"], q3, Status.CARRIED_OUT, None) == Standing.DUE
