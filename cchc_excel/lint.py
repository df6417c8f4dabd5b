"""Plan lint: the quirks of real plans, reported (never silently fixed) with the
item id and a suggested fix (DESIGN §2)."""

from __future__ import annotations

import re

from .agencies import Registry
from .indicators import proposed_targets
from .messages import finding
from .models import Finding, Plan, Settings, Severity, TimeframeKind
from .vnformat import number

_CHI_SO = re.compile(r"\b[Cc]hi số\b")


def _finding(code: str, severity: Severity, item: str, **fields: object) -> Finding:
    return finding(code, severity, item=item, **fields)


def lint_plan(plan: Plan) -> list[Finding]:
    registry = Registry(plan.agencies)
    year = plan.meta.year
    findings: list[Finding] = []
    for item in plan.items:
        tf = item.timeframe
        if year and any(y != year for y in tf.years) and tf.kind != TimeframeKind.UNKNOWN:
            found = next(y for y in tf.years if y != year)
            findings.append(_finding(
                "LINT_YEAR", Severity.WARNING, item.id, text=tf.text, found=found, year=year,
                suggestion=tf.text.replace(str(found), str(year)),
            ))
        if tf.kind == TimeframeKind.UNKNOWN:
            findings.append(_finding("LINT_TIMEFRAME_UNKNOWN", Severity.WARNING, item.id,
                                     text=tf.text or "(trống)", year=year or 2026))
        first_of_task = item.id.count(".") == 1 or item.id.endswith(".1")
        for text in ((item.task, item.product) if first_of_task else (item.product,)):
            if match := _CHI_SO.search(text):
                findings.append(_finding("LINT_CHI_SO", Severity.WARNING, item.id, found=match.group(0)))
        lead = registry.resolve(item.lead_text)
        coordinators = registry.resolve(item.coordinators_text)
        for code in lead.codes:
            if code in coordinators.codes:
                findings.append(_finding("LINT_LEAD_IS_COORDINATOR", Severity.WARNING, item.id,
                                         agency=plan.agency(code).name))
        for name in item.unknown_names:
            suggestion = registry.suggest(name)
            hint = (f"Có phải «{suggestion}»? Sửa tên cho đúng" if suggestion else "Sửa tên cho đúng")
            hint += " hoặc thêm cơ quan này vào trang «Cơ quan» của sổ kế hoạch."
            findings.append(_finding("LINT_UNKNOWN_AGENCY", Severity.ERROR, item.id, name=name, hint=hint))
        if not item.lead and not item.unknown_names:
            findings.append(_finding("LINT_NO_LEAD", Severity.ERROR, item.id))
    indicators = {i.code: i for i in plan.indicators}
    for proposal in proposed_targets(plan, plan.indicators):
        indicator = indicators.get(proposal.code)
        if indicator is None:
            hint = "Thêm một chỉ tiêu tỷ lệ ở trang «Chỉ tiêu» của sổ kế hoạch để theo dõi."
        else:
            state = ("đã ghi ở trang «Chỉ tiêu»" if indicator.target == proposal.target
                     else "chưa ghi: ghi vào cột «Chỉ tiêu kế hoạch» của trang «Chỉ tiêu»")
            hint = (f"Đề xuất chỉ tiêu «{indicator.name}» ≥ {number(proposal.target, 0)}% ({state}).")
        findings.append(_finding("LINT_TARGET", Severity.INFO, proposal.item, text=proposal.phrase, hint=hint))
    return findings


# What a blank setting makes the report say, for the warning.
_BLANK_SETTINGS = (
    ("commune", "Tên xã", "«XÃ » ở đầu báo cáo và «UBND xã  báo cáo…»"),
    ("number", "Số kế hoạch", "«Thực hiện Kế hoạch số  về…»"),
    ("date", "Ngày ban hành kế hoạch", "câu căn cứ không có ngày của kế hoạch"),
    ("signer", "Họ và tên người ký", "khối chữ ký không có tên người ký"),
)


def lint_settings(plan: Plan, settings: Settings) -> list[Finding]:
    """Warn about the settings a report cannot do without."""
    values = {"commune": settings.commune or plan.meta.commune, "number": plan.meta.number,
              "date": plan.meta.date, "signer": settings.signer_name}
    return [finding("LINT_SETTING_BLANK", Severity.WARNING, label=label, effect=effect)
            for key, label, effect in _BLANK_SETTINGS if not values[key]]
