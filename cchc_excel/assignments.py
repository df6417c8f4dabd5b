"""Who reports what: the items and figures each agency answers
for, read from the plan. The form writer, the reader, the checks and the
report all ask here, so the rule lives in one place. By when: deadlines.py."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Agency, Indicator, Item, Plan


@dataclass(frozen=True)
class FormRow:
    item: Item
    role: str  # 'lead' | 'coordinator'


def form_rows(plan: Plan, agency_code: str) -> list[FormRow]:
    """The items an agency reports: where it is lead or a named coordinator.

    Group leads were expanded to the commune's own bodies when the plan was
    built; "… có liên quan" coordinators are optional and give no rows.
    """
    return list(_rows_by_agency(plan).get(agency_code, ()))


def _rows_by_agency(plan: Plan) -> dict[str, list[FormRow]]:
    """Every agency's rows, in plan order, found in one pass over the items (a
    plan with a thousand agencies is asked once per agency): the role is
    Item.role_of's, lead before coordinator."""
    known = _ROWS.get(id(plan))
    if known is not None and known[0] is plan:
        return known[1]
    rows: dict[str, list[FormRow]] = {}
    for item in plan.items:
        lead = dict.fromkeys(item.lead)       # an item led by «Các cơ quan, đơn vị» names a thousand
        for code in lead:
            rows.setdefault(code, []).append(FormRow(item, "lead"))
        for code in dict.fromkeys(item.coordinators):
            if code not in lead:
                rows.setdefault(code, []).append(FormRow(item, "coordinator"))
    if len(_ROWS) > 8:
        _ROWS.clear()
    _ROWS[id(plan)] = (plan, rows)
    return rows


_ROWS: dict[int, tuple[Plan, dict[str, list[FormRow]]]] = {}


def agency_indicators(plan: Plan, agency_code: str) -> list[Indicator]:
    """The figures an agency types (rates are computed, never typed)."""
    return [i for i in plan.indicators if i.typed and i.agency == agency_code]


def agencies_with_forms(plan: Plan) -> list[Agency]:
    """The agencies that get a form: those with items or figures to report."""
    return [a for a in plan.agencies if form_rows(plan, a.code) or agency_indicators(plan, a.code)]
