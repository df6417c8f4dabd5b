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
    rows = []
    for item in plan.items:
        role = item.role_of(agency_code)
        if role:
            rows.append(FormRow(item, role))
    return rows


def agency_indicators(plan: Plan, agency_code: str) -> list[Indicator]:
    """The figures an agency types (rates are computed, never typed)."""
    return [i for i in plan.indicators if i.typed and i.agency == agency_code]


def agencies_with_forms(plan: Plan) -> list[Agency]:
    """The agencies that get a form: those with items or figures to report."""
    return [a for a in plan.agencies if form_rows(plan, a.code) or agency_indicators(plan, a.code)]
