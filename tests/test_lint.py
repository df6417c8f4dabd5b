from dataclasses import replace

from cchc_excel.lint import lint_plan
from cchc_excel.models import Severity
from cchc_excel.plan import load_plan_file
from cchc_excel.timeframe import parse_timeframe


def by_code(findings):
    out = {}
    for f in findings:
        out.setdefault(f.code, []).append(f.item)
    return out


def test_seed_quirks_are_reported_with_item_ids(seed_path):
    findings = lint_plan(load_plan_file(seed_path))
    codes = by_code(findings)
    assert sorted(codes["LINT_YEAR"]) == ["I.6", "II.1", "V.3"]
    assert codes["LINT_CHI_SO"] == ["I.5.1"]
    # Seen in the report: «Phối hợp sở Nội vụ», «cơ chế cơ chế tự chủ» copied from the plan.
    slips = {(f.item, f.message) for f in findings if f.code == "LINT_SLIP"}
    assert ("I.5.2", "I.5.2: «sở Nội vụ» có lẽ là lỗi khi soạn kế hoạch.") in slips
    assert ("VI.4.2", "VI.4.2: «cơ chế cơ chế» có lẽ là lỗi khi soạn kế hoạch.") in slips
    assert any("Sửa thành «cơ chế»" in f.fix for f in findings if f.code == "LINT_SLIP")
    assert sorted(codes["LINT_LEAD_IS_COORDINATOR"]) == ["IV.1", "IV.3"]
    targets = [f.item for f in findings if f.code.startswith("LINT_TARGET")]    # recorded or not: two codes
    assert sorted(targets) == ["I.3", "VII.3"]
    assert "LINT_UNKNOWN_AGENCY" not in codes and "LINT_TIMEFRAME_UNKNOWN" not in codes
    assert not [f for f in findings if f.severity == Severity.ERROR]
    year = next(f for f in findings if f.code == "LINT_YEAR" and f.item == "V.3")
    assert "Quý IV/2026" in year.fix


def test_unknown_agency_and_timeframe(seed_path):
    plan = load_plan_file(seed_path)
    section = plan.sections[5]
    task = section.tasks[0]
    item = replace(task.items[0], unknown_names=("Phòng Kin tế",), timeframe=parse_timeframe("Sớm"))
    changed_task = replace(task, items=(item,) + task.items[1:])
    plan = replace(plan, sections=plan.sections[:5] + (replace(section, tasks=(changed_task,) + section.tasks[1:]),)
                   + plan.sections[6:])
    findings = [f for f in lint_plan(plan) if f.item == "VI.1.1"]
    unknown = next(f for f in findings if f.code == "LINT_UNKNOWN_AGENCY")
    assert unknown.severity == Severity.ERROR and "«Phòng Kinh tế»" in unknown.fix
    assert any(f.code == "LINT_TIMEFRAME_UNKNOWN" for f in findings)
