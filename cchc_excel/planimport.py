"""A plan document into the officer's plan workbook, safely.

* The officer's settings are kept. The plan's own number, date and year come
  from the new document when it states them; commune and issuer stay as the
  officer typed them (taken from the document only when blank). Every such
  choice is listed for the preview, never made silently.
* Agencies keep their codes, kinds and aliases; the new ones the plan names
  are added with a short code, their kind guessed, flagged for the officer.
* The «Chỉ tiêu» sheet is reconciled with the new plan: indicators re-attach
  to sections by name; all that cannot be placed are listed at once and left
  out, so the workbook written is one every later command accepts. The old
  workbook is kept beside it as a backup.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import indicatorbook, planbook
from .agencies import Registry, known_official, registry_from_names, unique_code
from .indicators import default_indicators
from .messages import phrase
from .models import Agency, AgencyKind, Plan, PlanMeta, Settings
from .plan import ImportResult, import_tables
from .plan_sources import read_tables
from .textnorm import fold

# The plan's own facts an import reconciles: (field, its name in the «Thiết lập» sheet, the officer's own).
META_FIELDS = (("number", "Số kế hoạch", False), ("date", "Ngày ban hành", False), ("year", "Năm kế hoạch", False),
               ("commune", "Tên xã, phường", True), ("issuer", "Cơ quan ban hành", True),
               ("title", "Tên phụ lục nhiệm vụ", False))
BACKUP_NAME = "{stem} (trước khi nhập{n}){suffix}"     # the plan workbook as it was before an import


@dataclass(frozen=True)
class MetaChoice:
    label: str
    value: str
    how: str
    note: str = ""


@dataclass
class ImportPreview:
    """What an import understood and what it would change."""

    source: Path
    result: ImportResult
    plan: Plan
    settings: Settings
    updated: bool                                   # a workbook existed and is updated
    meta: list[MetaChoice] = field(default_factory=list)
    new_agencies: list[Agency] = field(default_factory=list)
    unplaced_indicators: list[indicatorbook.Unplaced] = field(default_factory=list)
    kept_indicators: int = 0
    flags: dict[str, str] = field(default_factory=dict)     # notes in «Cơ quan» not cleared yet
    written: Path | None = None
    backup: Path | None = None

    @property
    def problems(self):
        return self.result.problems


def _date_text(value) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _guess_year(result: ImportResult) -> int | None:
    years = Counter(y for item in result.plan.items for y in item.timeframe.years)
    return years.most_common(1)[0][0] if years else None


def _merge_meta(found: PlanMeta, old: PlanMeta | None, guessed_year: int | None) -> tuple[PlanMeta, list[MetaChoice]]:
    choices: list[MetaChoice] = []
    values: dict[str, object] = {}
    for key, label, own in META_FIELDS:
        new, before = getattr(found, key), getattr(old, key) if old else None
        show = _date_text if key == "date" else (lambda v: "" if v is None else str(v))
        note = ""
        if own and before:           # the officer's own words win
            value, how = before, phrase("IMPORT_KEPT")
            if new and fold(str(new)) != fold(str(before)):
                note = phrase("IMPORT_DOCUMENT_SAYS", value=show(new))
        elif new:
            value, how = new, phrase("IMPORT_FROM_DOCUMENT")
            if before and show(before) != show(new):
                note = phrase("IMPORT_BEFORE", value=show(before))
        elif before:
            value, how = before, phrase("IMPORT_KEPT_NOT_IN_DOCUMENT")
        elif key == "year" and guessed_year:
            value, how = guessed_year, phrase("IMPORT_GUESSED_YEAR")
        else:
            value, how = new, phrase("IMPORT_BLANK")
        values[key] = value
        if key != "title":
            choices.append(MetaChoice(label, show(value), how, note))
    return PlanMeta(**values), choices


def _agencies(found: ImportResult, old: tuple[Agency, ...] | None) -> tuple[tuple[Agency, ...], list[Agency]]:
    names = [t for item in found.plan.items for t in (item.lead_text, item.coordinators_text)]
    discovered = registry_from_names(names)
    if old is None:
        return discovered, [a for a in discovered if known_official(a.name) is None]
    registry = Registry(old)
    agencies, added = list(old), []
    taken = {a.code: a for a in agencies}
    for agency in discovered:
        if registry.lookup(agency.name) is None and not any(registry.lookup(a) for a in agency.aliases):
            new = replace(agency, code=unique_code(agency.code, taken))
            taken[new.code] = new
            agencies.append(new)
            added.append(new)
    return tuple(agencies), added


def prepare(plan_file: Path, workbook: Path | None) -> ImportPreview:
    """Read a plan document against the existing workbook (if any); writes nothing."""
    tables = read_tables(plan_file)
    first = import_tables(tables, plan_file)
    book = planbook.open_book(workbook) if workbook is not None and workbook.exists() else None
    if book is not None:
        planbook.raise_all(book.path, book.problems)   # the officer's settings are never guessed over
    meta, choices = _merge_meta(first.plan.meta, book.meta if book else None, _guess_year(first))
    agencies, added = _agencies(first, book.agencies if book else None)
    result = import_tables(tables, plan_file, agencies=agencies, meta=meta)
    plan = result.plan
    unplaced: list[indicatorbook.Unplaced] = []
    sheet = book.indicator_sheet if book else None
    if sheet is not None:
        indicators, unplaced = indicatorbook.reconcile_sheet(sheet, book.path, plan,
                                                             legacy=_old_titles(book), tolerant=True)
    else:
        indicators = default_indicators(plan)
    plan = replace(plan, indicators=indicators)
    settings = book.settings if book else planbook.default_settings(meta)
    if book and not settings.commune and meta.commune:
        settings = replace(settings, commune=meta.commune, place=settings.place or meta.commune)
    return ImportPreview(plan_file, result, plan, settings, updated=book is not None, meta=choices,
                         new_agencies=added, unplaced_indicators=unplaced, kept_indicators=len(indicators),
                         flags=book.flags if book else {})


def _old_titles(book: planbook.Book) -> dict[str, str]:
    """Section titles of the plan the workbook held, by code (tolerant: a
    broken task sheet gives what can be read)."""
    try:
        old = import_tables(book.tasks_table(), book.path, agencies=book.agencies, meta=book.meta)
    except Exception:  # noqa: BLE001 - an unreadable old table only loses the hints
        return {}
    return {s.code: s.title for s in old.plan.sections}


def write(preview: ImportPreview, workbook: Path) -> ImportPreview:
    """Write the workbook the preview describes, keeping the old one as a backup."""
    if workbook.exists():
        def backup_name(n: str) -> Path:
            return workbook.with_name(BACKUP_NAME.format(stem=workbook.stem, n=n, suffix=workbook.suffix))

        backup, n = backup_name(""), 2
        while backup.exists():        # every earlier version is kept
            backup, n = backup_name(f" {n}"), n + 1
        shutil.copy2(workbook, backup)
        preview.backup = backup
    workbook.parent.mkdir(parents=True, exist_ok=True)
    flagged = dict(preview.flags)     # what the officer has not confirmed yet stays flagged
    flagged |= {a.code: phrase("AGENCY_NEW_CHECK_KIND", kind=phrase(
        "AGENCY_KIND_OWN" if a.kind == AgencyKind.OWN else "AGENCY_KIND_PARTNER")) for a in preview.new_agencies}
    preview.written = planbook.write_workbook(preview.plan, preview.settings, workbook, flagged)
    return preview
