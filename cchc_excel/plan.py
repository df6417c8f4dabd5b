"""Build the plan model from a raw task table (any source shape).

Recognises the header row by its words, skips the "1 2 3 4 5 6" row, takes
rows with a Roman numeral as sections, and rows with empty TT and Nhiệm vụ as
further products of the task above, inheriting its empty lead, coordinators
and timeframe. Items get stable ids: ``I.1`` for a task with one product,
``I.5.1``, ``I.5.2`` … for a task with several.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .agencies import Registry, registry_from_names
from .messages import CchcError
from .models import Agency, Item, Plan, PlanMeta, Section, Task
from .plan_sources import RawTable, read_tables
from .textnorm import clean, fold
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
REQUIRED = ("tt", "task", "lead", "timeframe")

_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))\s*[.)]?(?:\s+(.*))?$", re.DOTALL)
_PLAN_REF = re.compile(
    r"kế hoạch số\s*([0-9A-Za-zĐđ/.\-]+)\s*ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
    r"(?:\s*của\s*([^)]+))?",
    re.IGNORECASE,
)
_COMMUNE = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:xã|phường|thị trấn)\s+(.+)", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(20\d\d)\b", re.IGNORECASE)

# Short sheet names for the standard CCHC areas (folded title fragment -> name).
_SHORT_NAMES = (
    ("chi dao, dieu hanh", "Chỉ đạo, điều hành"),
    ("the che", "Thể chế"),
    ("thu tuc hanh chinh", "Thủ tục hành chính"),
    ("to chuc bo may", "Tổ chức bộ máy"),
    ("che do cong vu", "Chế độ công vụ"),
    ("tai chinh cong", "Tài chính công"),
    ("chinh quyen dien tu", "Chính quyền điện tử, số"),
    ("chinh quyen so", "Chính quyền số"),
)
_SHEET_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")


def _column_role(cell: str) -> str | None:
    key = fold(cell)
    if key in ("tt", "stt", "so tt", "so thu tu"):
        return "tt"
    if "chu tri" in key:
        return "lead"
    if "phoi hop" in key:
        return "coordinators"
    if "thoi gian" in key or "thoi han" in key or "tien do" in key:
        return "timeframe"
    if "san pham" in key or "hoat dong" in key or "ket qua" in key:
        return "product"
    if "nhiem vu" in key or "noi dung" in key:
        return "task"
    return None


@dataclass
class _Header:
    row_index: int
    columns: dict[str, int]


def _find_header(table: RawTable) -> _Header | None:
    best: _Header | None = None
    for index, (_, cells) in enumerate(table.rows[:40]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(cells):
            role = _column_role(cell) if cell else None
            if role and role not in columns:
                columns[role] = col
        if len(columns) >= 3 and (best is None or len(columns) > len(best.columns)):
            best = _Header(index, columns)
    return best


def _is_column_numbers(cells: list[str]) -> bool:
    values = [c for c in cells if c]
    return len(values) >= 3 and values == [str(n) for n in range(1, len(values) + 1)]


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


def _section_of(cells: list[str], columns: dict[str, int]) -> tuple[str, str] | None:
    """(code, title) when the row is a section row, else None."""
    values = [c for c in cells if c]
    if not values:
        return None
    lead = cells[columns["lead"]] if columns["lead"] < len(cells) else ""
    if lead and lead != values[0] and (len(values) < 2 or lead != values[1]):
        return None
    match = _ROMAN.match(values[0])
    if not match or not match.group(1):
        return None
    title = clean(match.group(2) or "")
    if not title and len(values) > 1:
        title = values[1]
    if not title or not (title.upper() == title or len(values) == 1 or lead == ""):
        return None
    return match.group(1), title


def parse_meta(lines: list[str]) -> PlanMeta:
    text = " ".join(lines)
    number = issuer = commune = ""
    date = None
    year = None
    ref = _PLAN_REF.search(text)
    if ref:
        number = ref.group(1).rstrip(".")
        try:
            date = dt.date(int(ref.group(4)), int(ref.group(3)), int(ref.group(2)))
        except ValueError:
            date = None
        issuer = clean(ref.group(5) or "").rstrip(".;,")
    if issuer and (match := _COMMUNE.search(issuer)):
        commune = clean(match.group(1))
    if match := _YEAR.search(text):
        year = int(match.group(1))
    elif date:
        year = date.year
    title = next((line for line in lines if "nhiệm vụ" in line.lower() or "kế hoạch" in line.lower()), "")
    return PlanMeta(issuer=issuer, commune=commune, number=number, date=date, year=year, title=title)


@dataclass
class _RowItem:
    row: int
    product: str
    lead: str
    coordinators: str
    timeframe: str


def build_plan(
    tables: list[RawTable],
    file: Path | str,
    agencies: tuple[Agency, ...] | None = None,
    meta: PlanMeta | None = None,
) -> Plan:
    """The plan from the first raw table that has a task-table header."""
    header = table = None
    partial: tuple[RawTable, _Header] | None = None
    for candidate in tables:
        found = _find_header(candidate)
        if found and all(role in found.columns for role in REQUIRED):
            header, table = found, candidate
            break
        if found and (partial is None or len(found.columns) > len(partial[1].columns)):
            partial = (candidate, found)
    if header is None or table is None:
        if partial:
            missing = [COLUMN_LABELS[r] for r in REQUIRED if r not in partial[1].columns]
            raise CchcError("PLAN_MISSING_COLUMNS", file=file, where=partial[0].where,
                            columns=", ".join(f"«{m}»" for m in missing))
        raise CchcError("PLAN_NO_TABLE", file=file,
                        columns=", ".join(f"«{COLUMN_LABELS[r]}»" for r in REQUIRED))

    cols = header.columns

    def cell(cells: list[str], role: str) -> str:
        index = cols.get(role)
        return cells[index] if index is not None and index < len(cells) else ""

    # Pass 1: sections -> tasks -> product rows, with inheritance.
    sections: list[tuple[str, str, list[tuple[str, str, list[_RowItem]]]]] = []
    for row_number, cells in table.rows[header.row_index + 1:]:
        if not any(cells) or _is_column_numbers(cells):
            continue
        section = _section_of(cells, cols)
        if section:
            sections.append((section[0], section[1], []))
            continue
        tt, task_text = cell(cells, "tt"), cell(cells, "task")
        product = cell(cells, "product")
        if not (tt or task_text or product):
            continue
        if not sections:
            raise CchcError("PLAN_ROW_BEFORE_SECTION", file=file, where=table.where, row=row_number,
                            text=_excerpt(task_text or product))
        tasks = sections[-1][2]
        row_item = _RowItem(row_number, product, cell(cells, "lead"),
                            cell(cells, "coordinators"), cell(cells, "timeframe"))
        if tt or task_text:
            number = tt.rstrip(".") or str(len(tasks) + 1)
            if not row_item.product:
                row_item.product = task_text
            tasks.append((number, task_text, [row_item]))
        else:
            if not tasks:
                raise CchcError("PLAN_ORPHAN_PRODUCT", file=file, where=table.where, row=row_number,
                                text=_excerpt(product))
            first = tasks[-1][2][0]
            row_item.lead = row_item.lead or first.lead
            row_item.coordinators = row_item.coordinators or first.coordinators
            row_item.timeframe = row_item.timeframe or first.timeframe
            tasks[-1][2].append(row_item)

    if not sections:
        raise CchcError("PLAN_NO_SECTIONS", file=file, where=table.where)
    if not any(tasks for _, _, tasks in sections):
        raise CchcError("PLAN_NO_TASKS", file=file, where=table.where)

    # Pass 2: agencies and the frozen model.
    if agencies is None:
        agencies = registry_from_names(
            [text for _, _, tasks in sections for _, _, rows in tasks
             for r in rows for text in (r.lead, r.coordinators)]
        )
    registry = Registry(agencies)
    built_sections = []
    seen_ids: set[str] = set()
    for code, title, tasks in sections:
        built_tasks = []
        for number, content, rows in tasks:
            items = []
            for position, r in enumerate(rows, start=1):
                item_id = f"{code}.{number}" + (f".{position}" if len(rows) > 1 else "")
                if item_id in seen_ids:
                    raise CchcError("PLAN_DUPLICATE_ID", file=file, where=table.where, item=item_id, section=code)
                seen_ids.add(item_id)
                items.append(_make_item(item_id, code, number, content, r, registry))
            built_tasks.append(Task(number, content, tuple(items)))
        built_sections.append(Section(code, title, short_name(code, title), tuple(built_tasks)))

    title_lines = table.title_lines + [" ".join(c for c in cells if c) for _, cells in table.rows[: header.row_index]]
    return Plan(meta=meta or parse_meta(title_lines), sections=tuple(built_sections),
                agencies=tuple(agencies), source=str(file))


def _make_item(item_id: str, section: str, number: str, task: str, row: _RowItem, registry: Registry) -> Item:
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
        timeframe=parse_timeframe(row.timeframe),
        source_row=row.row,
    )


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_plan_file(path: Path | str) -> Plan:
    """Import a plan from a .txt/.docx/.xlsx task table."""
    path = Path(path)
    return build_plan(read_tables(path), path)


def fingerprint(plan: Plan) -> str:
    """A short hash of what places an answer: item ids, who answers each item
    in which role, and who types which figure. Wording is left out on purpose,
    so correcting a typo in the plan (as `plan check` suggests) does not turn
    away the forms already sent out."""
    payload = [
        [i.id, list(i.lead), list(i.coordinators)] for i in plan.items
    ] + [[i.code, i.agency] for i in plan.indicators if i.typed]
    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()
    return digest[:12]
