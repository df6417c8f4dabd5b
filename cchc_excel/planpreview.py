"""The preview of a plan import, as Vietnamese lines for the console: what was
understood (sections and where they go in the report, tasks, products,
agencies, timeframes and the report periods they fall due in), what the import
chose for the settings, and every row it skipped with the fix."""

from __future__ import annotations

from collections import defaultdict

from .indicators import schedule_periods
from .messages import phrase
from .models import AgencyKind, TimeframeKind
from .planimport import ImportPreview
from .timeframe import describe_kind, due_state

KIND_WORDS = {AgencyKind.OWN: "PREVIEW_KIND_OWN", AgencyKind.PARTNER: "PREVIEW_KIND_PARTNER"}
_LIMIT = 12


def report_places(sections) -> dict[str, str]:
    """Where each section goes in the report: «I» for the «chỉ đạo, điều hành»
    section, «II.n» for the others in plan order."""
    places, number = {}, 0
    for section in sections:
        if section.is_direction:
            places[section.code] = phrase("PREVIEW_PLACE_DIRECTION")
        else:
            number += 1
            places[section.code] = phrase("PREVIEW_PLACE_OTHER", number=number)
    return places


def preview_lines(preview: ImportPreview) -> list[str]:
    plan, result = preview.plan, preview.result
    tables = ", ".join(t for t in result.tables_read if t) or phrase("PREVIEW_TASK_TABLE")
    lines = [phrase("PREVIEW_FILE", file=preview.source),
             phrase("PREVIEW_READ", tables=tables, columns="; ".join(f"«{text}»" for text in result.columns.values()))]
    if result.skipped_headers:
        lines.append(phrase("PREVIEW_HEADERS_SKIPPED", count=result.skipped_headers))

    lines.append("")
    lines.append(phrase("PREVIEW_META"))
    for choice in preview.meta:
        value = f"«{choice.value}»" if choice.value else phrase("TEXT_BLANK")
        note = f"; {choice.note}" if choice.note else ""
        lines.append(f"  - {choice.label}: {value} ({choice.how}{note})")

    lines.append("")
    lines.append(phrase("PREVIEW_COUNTS", sections=len(plan.sections), tasks=len(plan.tasks), items=len(plan.items)))
    places = report_places(plan.sections)
    for section in plan.sections:
        lines.append(phrase("PREVIEW_SECTION", code=section.code, title=section.title, tasks=len(section.tasks),
                            items=len(section.items), place=places[section.code]))
    if not any(s.is_direction for s in plan.sections):
        lines.append(phrase("PREVIEW_NO_DIRECTION"))
    if result.groups:
        lines.append(phrase("PREVIEW_GROUPS", groups="; ".join(result.groups)))

    lines.append("")
    lines += _agency_lines(preview)
    lines.append("")
    lines += _timeframe_lines(preview)

    if preview.unplaced_indicators:
        lines.append("")
        lines.append(phrase("PREVIEW_INDICATORS_UNPLACED", count=len(preview.unplaced_indicators)))
        lines += [phrase("PREVIEW_INDICATOR_UNPLACED", code=u.code, name=u.name, cell=u.cell, detail=u.detail)
                  for u in preview.unplaced_indicators]
    lines.append("")
    if result.problems:
        lines.append(phrase("PREVIEW_ROWS_UNPLACED", count=len(result.problems)))
        for problem in result.problems:
            lines.append(f"  - {problem.message}")
            lines.append(f"    → {problem.fix}")
    else:
        lines.append(phrase("PREVIEW_ALL_ROWS_IMPORTED"))
    return lines


def _agency_lines(preview: ImportPreview) -> list[str]:
    plan = preview.plan
    lines = [phrase("PREVIEW_AGENCIES", count=len(plan.agencies),
                    agencies="; ".join(f"{a.name} [{a.code}]" for a in plan.agencies))]
    if preview.new_agencies:
        lines.append(phrase("PREVIEW_NEW_AGENCIES", count=len(preview.new_agencies)))
        lines += [f"  - {a.name} [{a.code}]: {phrase(KIND_WORDS[a.kind])}" for a in preview.new_agencies]
    return lines


def _timeframe_lines(preview: ImportPreview) -> list[str]:
    plan, settings = preview.plan, preview.settings
    by_text: dict[str, list] = defaultdict(list)
    for item in plan.items:
        by_text[item.timeframe.text].append(item)
    periods = schedule_periods(plan.meta.year, settings.schedule) if plan.meta.year else []
    lines = [phrase("PREVIEW_TIMEFRAMES", count=len(by_text))]
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
        when = phrase("PREVIEW_DUE_IN", periods=", ".join(due)) if due else phrase(
            "PREVIEW_DUE_EVERY" if not timeframe.spans else "PREVIEW_DUE_OUTSIDE")
        lines.append(phrase("PREVIEW_TIMEFRAME", text=text, kind=describe_kind(timeframe.kind).lower(), when=when,
                            count=len(items)))
    if shown < len(by_text) - len(unknown):
        lines.append(phrase("PREVIEW_TIMEFRAMES_MORE", count=len(by_text) - len(unknown) - shown))
    if unknown:
        lines.append(phrase("PREVIEW_TIMEFRAMES_UNKNOWN", count=len(unknown)))
        for text, items in unknown:
            lines.append(f"  - «{text or phrase('TEXT_BLANK')}»: {', '.join(i.id for i in items)}")
    return lines
