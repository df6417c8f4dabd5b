"""The preview of a plan import, as Vietnamese lines for the console: what was
understood (sections and where they go in the report, tasks, products,
agencies, timeframes and the report periods they fall due in), what the import
chose for the settings, and every row it skipped with the fix."""

from __future__ import annotations

from collections import defaultdict

from .indicators import schedule_periods
from .models import AgencyKind, TimeframeKind
from .planimport import ImportPreview
from .timeframe import describe_kind, due_state

KIND_WORDS = {AgencyKind.OWN: "cơ quan của xã", AgencyKind.PARTNER: "đối tác bên ngoài"}
_LIMIT = 12


def report_places(sections) -> dict[str, str]:
    """Where each section goes in the report: «I» for the «chỉ đạo, điều hành»
    section, «II.n» for the others in plan order."""
    places, number = {}, 0
    for section in sections:
        if section.is_direction:
            places[section.code] = "mục I"
        else:
            number += 1
            places[section.code] = f"mục II.{number}"
    return places


def preview_lines(preview: ImportPreview) -> list[str]:
    plan, result = preview.plan, preview.result
    lines = [f"Tệp: {preview.source}",
             f"Đã đọc: {', '.join(t for t in result.tables_read if t) or 'bảng nhiệm vụ'}; "
             f"cột: " + "; ".join(f"«{text}»" for text in result.columns.values())]
    if result.skipped_headers:
        lines.append(f"Bỏ qua {result.skipped_headers} dòng tiêu đề bảng lặp lại (sang trang).")

    lines.append("")
    lines.append("Thông tin kế hoạch:")
    for choice in preview.meta:
        value = f"«{choice.value}»" if choice.value else "(trống)"
        note = f"; {choice.note}" if choice.note else ""
        lines.append(f"  - {choice.label}: {value} ({choice.how}{note})")

    lines.append("")
    lines.append(f"Phần ({len(plan.sections)}), nhiệm vụ ({len(plan.tasks)}), sản phẩm ({len(plan.items)}):")
    places = report_places(plan.sections)
    for section in plan.sections:
        lines.append(f"  {section.code}. {section.title}: {len(section.tasks)} nhiệm vụ, "
                     f"{len(section.items)} sản phẩm → báo cáo {places[section.code]}")
    if not any(s.is_direction for s in plan.sections):
        lines.append("  (Kế hoạch không có phần «chỉ đạo, điều hành»: mục I của báo cáo sẽ để trống.)")
    if result.groups:
        lines.append(f"  Nhóm nhiệm vụ trong phần: {'; '.join(result.groups)}")

    lines.append("")
    lines += _agency_lines(preview)
    lines.append("")
    lines += _timeframe_lines(preview)

    if preview.unplaced_indicators:
        lines.append("")
        lines.append(f"Chỉ tiêu không xếp được vào phần nào của kế hoạch mới ({len(preview.unplaced_indicators)}), "
                     "đã bỏ khỏi trang «Chỉ tiêu» (bản cũ vẫn ở tệp sao lưu):")
        lines += [f"  - {u.code} «{u.name}» (ô {u.cell}): {u.detail}" for u in preview.unplaced_indicators]
    lines.append("")
    if result.problems:
        lines.append(f"Dòng không nhập được ({len(result.problems)}); phần còn lại đã nhập:")
        for problem in result.problems:
            lines.append(f"  - {problem.message}")
            lines.append(f"    → {problem.fix}")
    else:
        lines.append("Mọi dòng của bảng nhiệm vụ đều đã nhập.")
    return lines


def _agency_lines(preview: ImportPreview) -> list[str]:
    plan = preview.plan
    lines = [f"Cơ quan ({len(plan.agencies)}): " + "; ".join(f"{a.name} [{a.code}]" for a in plan.agencies)]
    if preview.new_agencies:
        lines.append(f"  Cơ quan mới ({len(preview.new_agencies)}), loại do chương trình đoán — "
                     "xác nhận ở trang «Cơ quan» (cột «Loại»):")
        lines += [f"  - {a.name} [{a.code}]: {KIND_WORDS[a.kind]}" for a in preview.new_agencies]
    return lines


def _timeframe_lines(preview: ImportPreview) -> list[str]:
    plan, settings = preview.plan, preview.settings
    by_text: dict[str, list] = defaultdict(list)
    for item in plan.items:
        by_text[item.timeframe.text].append(item)
    periods = schedule_periods(plan.meta.year, settings.schedule) if plan.meta.year else []
    lines = [f"Thời gian thực hiện ({len(by_text)} cách ghi):"]
    unknown = []
    shown = 0
    for text, items in by_text.items():
        timeframe = items[0].timeframe
        if timeframe.kind == TimeframeKind.UNKNOWN:
            unknown.append((text, items))
            continue
        if shown >= _LIMIT:
            continue
        shown += 1
        due = [p.name for p in periods if due_state(timeframe, p) == "due"] if timeframe.spans else []
        when = f" → báo cáo trong kỳ: {', '.join(due)}" if due else (
            " → báo cáo mọi kỳ" if not timeframe.spans else " → ngoài các kỳ báo cáo của năm")
        lines.append(f"  - «{text}»: {describe_kind(timeframe.kind).lower()}{when} ({len(items)} sản phẩm)")
    if shown < len(by_text) - len(unknown):
        lines.append(f"  … và {len(by_text) - len(unknown) - shown} cách ghi khác đã hiểu.")
    if unknown:
        lines.append(f"  Chưa hiểu ({len(unknown)} cách ghi; «cchc-excel plan check» liệt kê từng sản phẩm):")
        for text, items in unknown:
            lines.append(f"  - «{text or '(trống)'}»: {', '.join(i.id for i in items)}")
    return lines
