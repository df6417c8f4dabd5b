"""Build the plan model from a raw task table (any source shape).

:mod:`plan_table` finds the table and maps its columns; here its rows become
sections, tasks and products. Section rows may carry Roman numerals (with or
without a dot), Arabic numbers ("1. Cải cách thể chế") or no number at all (an
upper-case title merged across the row); sub-group headings ("a) …", "1.1 …")
group tasks inside a section. A row with empty TT and Nhiệm vụ is another
product of the task above and inherits its empty lead, coordinators and
timeframe. Items get stable ids: ``I.1`` for a task with one product,
``I.5.1``, ``I.5.2`` … for a task with several.

The importer never stops at the first surprise: a row it cannot place is
skipped and reported (a finding naming the row, its text and a fix) and the
rest is imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import plan_table
from .agencies import Registry, registry_from_names
from .messages import CchcError, finding, phrase
from .models import Agency, Finding, Item, Plan, PlanMeta, Section, Task
from .plan_meta import parse_meta
from .plan_sources import RawTable, read_tables
from .textnorm import clean, fold, slug
from .timeframe import parse_timeframe

COLUMNS = ("tt", "task", "product", "lead", "coordinators", "timeframe")
COLUMN_LABELS = {
    "tt": "TT",
    "task": "Nội dung/Nhiệm vụ",
    "product": "Hoạt động/Sản phẩm",
    "lead": "Cơ quan chủ trì",
    "coordinators": "Cơ quan phối hợp",
    "timeframe": "Thời gian thực hiện",
}
REQUIRED = plan_table.REQUIRED
# The one section of a plan whose table has no section rows.
DEFAULT_SECTION_TITLE = "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"

_NUMBERED = re.compile(
    r"^(?:(?P<roman>[IVX]{1,4})|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)|(?P<arabic>\d{1,2})|(?P<letter>[a-zđ]))"
    r"(?:\s*[.):]\s*|\s+|$)(?P<title>.*)$",
    re.DOTALL,
)
_ROMAN_VALUES = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))

# Short sheet names for the standard CCHC areas (folded title fragment -> name).
_SHORT_NAMES = (
    ("chi dao, dieu hanh", "Chỉ đạo, điều hành"),
    ("chi dao dieu hanh", "Chỉ đạo, điều hành"),
    ("the che", "Thể chế"),
    ("thu tuc hanh chinh", "Thủ tục hành chính"),
    ("to chuc bo may", "Tổ chức bộ máy"),
    ("che do cong vu", "Chế độ công vụ"),
    ("tai chinh cong", "Tài chính công"),
    ("chinh quyen dien tu", "Chính quyền điện tử, số"),
    ("chinh quyen so", "Chính quyền số"),
)
_SHEET_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")


# The standard CCHC areas, by the numeral each has in the national outline (and in
# the embedded plan), with the words that name them in a section title.
STANDARD_AREAS = (
    ("I", ("chi dao", "dieu hanh")),
    ("II", ("the che",)),
    ("III", ("thu tuc hanh chinh", "tthc", "mot cua")),
    ("IV", ("bo may",)),
    ("V", ("cong vu", "can bo, cong chuc", "doi ngu")),
    ("VI", ("tai chinh cong",)),
    ("VII", ("chinh quyen dien tu", "chinh quyen so", "chuyen doi so")),
)


def standard_area(title: str) -> str | None:
    """The standard area a section title names ("I" … "VII"), or None."""
    key = fold(title)
    return next((code for code, words in STANDARD_AREAS if any(w in key for w in words)), None)


def section_by_name(plan: Plan, text: str, legacy: dict[str, str] | None = None) -> str | None:
    """The code of the plan's section that ``text`` names: its title, its sheet
    name ("III. Thủ tục hành chính"), the area it stands for, or — when
    ``legacy`` maps the codes of an earlier version of the plan to their
    titles — the section that had that code. A bare numeral matches only
    when nothing else does (numbering changes between plans; names do not)."""
    key = fold(text)
    if not key:
        return None
    for section in plan.sections:
        if key in (fold(section.title), fold(section.short_name)):
            return section.code
    name = re.sub(r"^[ivx]{1,4}\s*[.):-]?\s*(?=\D)", "", key) if not re.fullmatch(r"[ivx]{1,4}\.?", key) else ""
    if legacy and not name:
        name = fold(legacy.get(text.strip().rstrip(".").upper(), ""))
    area = standard_area(name) if name else None
    if area:
        found = [s.code for s in plan.sections if standard_area(s.title) == area]
        if found:
            return found[0]
    if name:
        return next((s.code for s in plan.sections if name in fold(s.title)), None)
    code = text.strip().rstrip(".").upper()
    return code if any(s.code == code for s in plan.sections) else None


def section_for_area(plan: Plan, numeral: str) -> str | None:
    """The plan's section for a standard area given by its numeral."""
    return next((s.code for s in plan.sections if standard_area(s.title) == numeral), None)


def roman(number: int) -> str:
    out = ""
    for numeral, value in _ROMAN_VALUES:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def short_name(code: str, title: str) -> str:
    """A sheet name ≤ 31 characters with no character Excel forbids."""
    key = fold(title)
    name = next((short for fragment, short in _SHORT_NAMES if fragment in key), None)
    if name is None:
        words = re.sub(r"\(.*?\)", "", title).split()
        name = " ".join(words).capitalize()
    name = _SHEET_FORBIDDEN.sub("-", f"{code}. {name}")
    if len(name) > 31:
        name = name[:31].rsplit(" ", 1)[0].rstrip(",;-")
    return name


@dataclass
class _Row:
    where: str
    row: int
    tt: str
    task: str
    product: str
    lead: str
    coordinators: str
    timeframe: str
    extra: str

    @property
    def text(self) -> str:
        return " | ".join(v for v in (self.tt, self.task, self.product, self.lead, self.coordinators,
                                      self.timeframe, self.extra) if v)


@dataclass
class _Heading:
    style: str     # roman, arabic, dotted, letter, none
    number: str
    title: str


def _heading(row: _Row) -> _Heading | None:
    """A row that only names a part of the plan (section or sub-group)."""
    values = list(dict.fromkeys(v for v in (row.tt, row.task, row.product, row.lead, row.coordinators,
                                             row.timeframe, row.extra) if v))
    if not values:
        return None
    if len(values) > 1 and (row.product or row.lead or row.coordinators or row.timeframe):
        return None          # a task with its columns filled
    if row.tt and row.task and row.tt != row.task:
        text, title_given = row.tt, row.task
    else:
        text, title_given = values[0], ""
    match = _NUMBERED.match(text)
    if match and (match.group("title") or title_given):
        style = next(k for k in ("roman", "dotted", "arabic", "letter") if match.group(k))
        number = match.group(style)
        title = clean(title_given or match.group("title")).lstrip("-–. ").strip()
        return _Heading(style, number, title) if title else None
    if match and not match.group("title") and not title_given:
        return None          # a bare number
    title = clean(title_given or text)
    merged = len(values) == 1
    if title == title.upper() and any(ch.isalpha() for ch in title) and (merged or not row.tt):
        return _Heading("none", "", title)
    return None


@dataclass
class ImportResult:
    """A plan with what the importer saw on the way: rows it skipped (as
    findings), sub-group headings, the tables it read."""

    plan: Plan
    problems: list[Finding] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    tables_read: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    skipped_headers: int = 0


def _problem(code: str, file, row: _Row, **fields) -> Finding:
    return finding(code, file=str(file), where=row.where, row=row.row,
                   text=_excerpt(row.text, 120), **fields)


def _section_style(rows: list[tuple[_Row, _Heading | None]]) -> str | None:
    styles = [h.style for _, h in rows if h]
    for style in ("roman", "arabic", "none"):
        if style in styles:
            return style
    return None


def import_tables(
    tables: list[RawTable],
    file: Path | str,
    agencies: tuple[Agency, ...] | None = None,
    meta: PlanMeta | None = None,
) -> ImportResult:
    """The plan from the task table of a document, tolerant of what it does not understand."""
    table = plan_table.collect(tables)
    if table is None:
        partial = plan_table.best_partial(tables)
        if partial:
            missing = [COLUMN_LABELS[r] for r in REQUIRED if r not in partial[1].columns]
            raise CchcError("PLAN_MISSING_COLUMNS", file=file, where=partial[0].where,
                            columns=", ".join(f"«{m}»" for m in missing))
        raise CchcError("PLAN_NO_TABLE", file=file,
                        columns=", ".join(f"«{COLUMN_LABELS[r]}»" for r in REQUIRED))
    result = ImportResult(plan=None, tables_read=table.tables_read,  # type: ignore[arg-type]
                          columns=table.header.texts)
    rows: list[tuple[_Row, _Heading | None]] = []
    for where, number, cells in table.rows:
        if not any(cells) or plan_table.is_column_numbers(cells[:-1]):
            continue
        if plan_table.is_header_repeat(cells[:-1]):
            result.skipped_headers += 1
            continue
        row = _Row(where, number, *cells)
        rows.append((row, _heading(row)))
    style = _section_style(rows)
    sections = _group_rows(rows, style, file, result)
    if not any(tasks for _, _, tasks in sections):
        raise CchcError("PLAN_NO_TASKS", file=file, where=table.source.where)
    if agencies is None:
        agencies = registry_from_names(
            [text for _, _, tasks in sections for _, _, items, _ in tasks
             for r in items for text in (r.lead, r.coordinators)])
    meta = meta or parse_meta(table.title_lines)
    result.plan = Plan(meta=meta, sections=_build(sections, agencies, meta.year),
                       agencies=tuple(agencies), source=str(file))
    return result


_Tasks = list[tuple[str, str, list[_Row], str]]     # (TT, content, product rows, sub-group heading)


def group_label(number: str, title: str, style: str = "") -> str:
    """A sub-group heading as plans print it: "a) Title", "1. Title", "1.1. Title"."""
    if not number:
        return title
    return f"{number}) {title}" if style == "letter" or number.isalpha() else f"{number}. {title}"


def _group_rows(rows: list[tuple[_Row, _Heading | None]], style: str | None, file,
                result: ImportResult) -> list[tuple[str, str, _Tasks]]:
    sections: list[tuple[str, str, _Tasks]] = []
    if style is None:
        sections.append(("", DEFAULT_SECTION_TITLE, []))
    group = ""
    for index, (row, heading) in enumerate(rows):
        if heading and heading.style == style:
            sections.append((heading.number, heading.title, []))
            group = ""
            continue
        if heading and _is_group(heading, rows, index, style):
            result.groups.append(f"{heading.number}) {heading.title}" if heading.number else heading.title)
            group = group_label(heading.number, heading.title, heading.style)
            continue
        if heading and heading.style == "none":
            result.problems.append(_problem("PLAN_ROW_UNPLACED", file, row,
                                            fix=phrase("PLAN_FIX_DELETE_ROW")))
            continue
        if len(row.tt) > 12 and not (row.task or row.product or row.lead or row.timeframe):
            result.problems.append(_problem(
                "PLAN_ROW_UNPLACED", file, row,
                fix=phrase("PLAN_FIX_PROSE_ROW"),
            ))
            continue
        if not (row.tt or row.task or row.product):
            if row.lead or row.coordinators or row.timeframe:
                result.problems.append(_problem(
                    "PLAN_ROW_UNPLACED", file, row,
                    fix=phrase("PLAN_FIX_MERGE_UP")))
            continue
        if not sections:
            result.problems.append(_problem("PLAN_ROW_BEFORE_SECTION", file, row))
            continue
        tasks = sections[-1][2]
        if row.tt or row.task:
            if not row.product:
                row.product = row.task
            tasks.append((row.tt, row.task or row.product, [row], group))
        elif not tasks:
            result.problems.append(_problem("PLAN_ORPHAN_PRODUCT", file, row))
        else:
            first = tasks[-1][2][0]
            row.lead = row.lead or first.lead
            row.coordinators = row.coordinators or first.coordinators
            row.timeframe = row.timeframe or first.timeframe
            tasks[-1][2].append(row)
    return sections


def _is_group(heading: _Heading, rows, index: int, style: str | None) -> bool:
    """A heading below the section level groups the tasks that follow. An
    Arabic-numbered one under Roman sections does when the tasks below are not
    numbered like it, or when its number is written in the content column with
    TT left blank (as the plan workbook writes it)."""
    if heading.style in ("letter", "dotted"):
        return True
    if heading.style == "arabic" and style == "roman":
        if not rows[index][0].tt:
            return True
        following = next((r for r, h in rows[index + 1:] if h is None), None)
        return following is not None and bool(following.tt or following.task) and \
            not following.tt.rstrip(".").isdigit()
    return False


def _task_numbers(raw: list[str], section_number: str) -> list[str]:
    """The TT of each task when they are distinct whole numbers, else 1, 2, 3…"""
    numbers = []
    for tt in raw:
        tt = tt.strip().rstrip(".)")
        if section_number and tt.startswith(f"{section_number}."):
            tt = tt[len(section_number) + 1:]
        numbers.append(tt)
    if all(n.isdigit() for n in numbers) and len(set(numbers)) == len(numbers):
        return [str(int(n)) for n in numbers]
    return [str(n) for n in range(1, len(raw) + 1)]


def _section_codes(numbers: list[str]) -> list[str]:
    codes = []
    for position, number in enumerate(numbers, start=1):
        codes.append(number if number and not number.isdigit() else roman(int(number) if number else position))
    if len(set(codes)) != len(codes):
        codes = [roman(n) for n in range(1, len(numbers) + 1)]
    return codes


def _build(sections: list[tuple[str, str, _Tasks]], agencies: tuple[Agency, ...],
           year: int | None) -> tuple[Section, ...]:
    registry = Registry(agencies)
    built = []
    codes = _section_codes([number for number, _, _ in sections])
    for code, (number, title, tasks) in zip(codes, sections):
        built_tasks = []
        for task_number, (_, content, rows, group) in zip(_task_numbers([t[0] for t in tasks], number), tasks):
            items = tuple(
                _make_item(f"{code}.{task_number}" + (f".{position}" if len(rows) > 1 else ""),
                           code, task_number, content, r, registry, year)
                for position, r in enumerate(rows, start=1))
            built_tasks.append(Task(task_number, content, items, group))
        built.append(Section(code, title, short_name(code, title), tuple(built_tasks)))
    return tuple(built)


def build_plan(
    tables: list[RawTable],
    file: Path | str,
    agencies: tuple[Agency, ...] | None = None,
    meta: PlanMeta | None = None,
) -> Plan:
    """The plan, refusing a table with rows it cannot place (all of them named
    in one message): for the officer's own plan workbook."""
    result = import_tables(tables, file, agencies, meta)
    if result.problems:
        raise CchcError("PLAN_ROWS_UNPLACED", file=file, count=len(result.problems),
                        rows="\n".join(f"  - {p.message} → {p.fix}" for p in result.problems))
    return result.plan


def _make_item(item_id: str, section: str, number: str, task: str, row: _Row, registry: Registry,
               year: int | None) -> Item:
    lead = registry.resolve(row.lead)
    coordinators = registry.resolve(row.coordinators)
    lead_codes = list(lead.codes)
    if lead.all_own:
        lead_codes += [c for c in registry.own_codes if c not in lead_codes]
    coordinator_codes = list(coordinators.codes)
    if coordinators.all_own:
        coordinator_codes += [c for c in registry.own_codes if c not in coordinator_codes]
    coordinator_codes = [c for c in coordinator_codes if c not in lead_codes]
    return Item(
        id=item_id,
        section=section,
        task_number=number,
        task=task,
        product=row.product,
        lead_text=row.lead,
        coordinators_text=row.coordinators,
        lead=tuple(lead_codes),
        coordinators=tuple(coordinator_codes),
        lead_is_group=lead.all_own,
        optional_coordinators=coordinators.optional,
        unknown_names=lead.unknown + coordinators.unknown,
        timeframe=parse_timeframe(row.timeframe, year),
        source_row=row.row,
    )


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def import_plan_file(path: Path | str) -> ImportResult:
    """Import a plan from any supported file, reporting the rows it skipped."""
    path = Path(path)
    return import_tables(read_tables(path), path)


def load_plan_file(path: Path | str) -> Plan:
    """Import a plan from a .txt/.docx/.doc/.xlsx/.xls task table (strict)."""
    path = Path(path)
    return build_plan(read_tables(path), path)


def _stable_key(agency: Agency) -> str:
    """The code an agency had before codes were shortened (kept as an alias),
    so forms sent out before still carry the same fingerprint."""
    legacy = slug(agency.name)
    return legacy if legacy in agency.aliases else agency.code


def fingerprint(plan: Plan) -> str:
    """A short hash of what places an answer: item ids, who answers each item
    in which role, and who types which figure. Wording is left out on purpose,
    so correcting a typo in the plan (as `plan check` suggests) does not turn
    away the forms already sent out."""
    known = _PRINTS.get(id(plan))
    if known is not None and known[0] is plan:      # asked once per form written or read: compute once
        return known[1]
    keys = {a.code: _stable_key(a) for a in plan.agencies}
    payload = [
        [i.id, [keys.get(c, c) for c in i.lead], [keys.get(c, c) for c in i.coordinators]] for i in plan.items
    ] + [[i.code, keys.get(i.agency, i.agency)] for i in plan.indicators if i.typed]
    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]
    if len(_PRINTS) > 8:
        _PRINTS.clear()
    _PRINTS[id(plan)] = (plan, digest)
    return digest


_PRINTS: dict[int, tuple[Plan, str]] = {}


def plan_start(plan: Plan) -> dt.date | None:
    """The day the plan was issued (1 January of its year when the date is not known)."""
    if plan.meta.date:
        return plan.meta.date
    return dt.date(plan.meta.year, 1, 1) if plan.meta.year else None


def ends_before_plan(item: Item, plan: Plan) -> bool:
    """Whether the product's planned time ended before the plan was issued: no deadline to be
    late against (see outcomes.Outcome.before_plan)."""
    start, end = plan_start(plan), item.timeframe.end
    return start is not None and end is not None and end < start
