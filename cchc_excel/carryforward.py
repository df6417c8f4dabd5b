"""What of an agency's earlier returns of the year is written into its next form.

Only what stays true is carried: a product finished earlier stays finished,
with its date, result and evidence. For an unfinished one the last result,
difficulty and proposal are offered as a suggestion to update, and its status
is left empty: statuses are per period («Đang thực hiện», «Chưa phát sinh»,
«Chưa thực hiện» say what happened in the period), so each period starts
with none.
"""

from __future__ import annotations

from .answers import Answer, Intake
from .models import Period, Status

_KEPT = ("status", "completed_on", "result", "evidence")          # a finished product
_SUGGESTED = ("result", "difficulties", "proposals")              # an unfinished one


def carried_values(answer: Answer, period: Period) -> dict[str, object]:
    """The values of one earlier answer that go into the new form, with the
    note saying where they come from (empty when nothing is carried)."""
    if answer.status == Status.DONE:
        typed = {"status": Status.DONE.label, "completed_on": answer.completed_on,
                 "result": answer.result, "evidence": answer.evidence}
        values = {k: typed[k] for k in _KEPT if typed[k]}
        note = f"Đã hoàn thành (điền sẵn từ báo cáo {period.title}); giữ nguyên nếu không có gì thay đổi."
    else:
        typed = {"result": answer.result, "difficulties": answer.difficulties, "proposals": answer.proposals}
        values = {k: typed[k] for k in _SUGGESTED if typed[k]}
        note = (f"Gợi ý từ báo cáo {period.title}: chọn trạng thái của kỳ này, cập nhật kết quả, "
                "khó khăn và đề xuất (xóa nếu không còn đúng).")
    return {**values, "note": note} if values else {}


def carry_forward(earlier: list[tuple[Period, Intake]], agency_code: str):
    """Carried values of the newest earlier period of the year this agency returned.

    ``earlier``: (period, its returns read as ``check`` reads them), newest
    first. Returns (values by item id, that period) or ({}, None).
    """
    for period, intake in earlier:
        answers = {}
        for answer in intake.answers:
            if answer.agency == agency_code:
                values = carried_values(answer, period)
                if values:
                    answers[answer.item] = values
        if answers:
            return answers, period
    return {}, None
