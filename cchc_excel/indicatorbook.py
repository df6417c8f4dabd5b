"""The "Chỉ tiêu" sheet of the plan workbook: the indicators the officer edits
in Excel (code, name, unit, section, reporting agency, kind, how a year adds
up, parts and totals, rates, targets). Read here; written by
:mod:`planbook_writer`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .agencies import Registry
from .indicators import AGGREGATION_LABELS, KIND_LABELS, PART_RULE_LABELS
from .messages import CchcError, phrase
from .models import Aggregation, Indicator, IndicatorKind, PartRule, Plan
from .plan import section_by_name
from .textnorm import clean, fold

SHEET = "Chỉ tiêu"
COLUMNS = (
    ("code", "Mã chỉ tiêu", 18),
    ("name", "Tên chỉ tiêu", 46),
    ("unit", "Đơn vị tính", 14),
    ("section", "Thuộc phần", 26),
    ("agency", "Cơ quan báo cáo", 30),
    ("kind", "Loại", 16),
    ("aggregation", "Cách cộng cả năm", 18),
    ("part_of", "Là thành phần của (mã)", 20),
    ("parts_rule", "Quan hệ với các thành phần", 26),
    ("numerator", "Tử số (mã, nối bằng +)", 26),
    ("denominator", "Mẫu số (mã)", 18),
    ("target", "Chỉ tiêu kế hoạch", 14),
    ("target_note", "Nguồn chỉ tiêu", 40),
    ("source", "Nguồn số liệu, cách tính", 48),
)


def read_sheet(sheet, path, plan: Plan) -> tuple[Indicator, ...]:
    """The indicators of the sheet; every bad row (a section not in the plan,
    a target that is not a number, an unknown agency…) is named in one message."""
    indicators, unplaced = reconcile_sheet(sheet, path, plan)
    if unplaced:
        raise CchcError("WORKBOOK_INDICATORS_UNPLACED", file=path, sheet=SHEET, count=len(unplaced),
                        rows="\n".join(f"  - {u.cell}: {u.detail}" for u in unplaced))
    return indicators


@dataclass(frozen=True)
class Unplaced:
    code: str
    name: str
    cell: str
    detail: str


def reconcile_sheet(sheet, path, plan: Plan, legacy: dict[str, str] | None = None,
                    tolerant: bool = False) -> tuple[tuple[Indicator, ...], list[Unplaced]]:
    """The indicators of the sheet attached to ``plan``'s sections by name, and
    those that cannot be placed. ``legacy``: the section titles of the plan the
    sheet was written for, by code (a bare "III" then means that section's
    area). ``tolerant``: a row with any other error is left out and listed too
    (used when a new plan replaces the old one); otherwise every such row is
    named in one message."""
    registry = Registry(plan.agencies)
    unplaced: list[Unplaced] = []
    errors: list[CchcError] = []          # rows with other errors (not tolerant): all named at once
    bad_codes: set[str] = set()
    by_label = {fold(label): key for key, label, _ in COLUMNS}
    header = [by_label.get(fold(c.value)) for c in sheet[1]]
    kinds = {fold(v): k for k, v in KIND_LABELS.items()}
    aggregations = {fold(v): k for k, v in AGGREGATION_LABELS.items()}
    rules = {fold(v): k for k, v in PART_RULE_LABELS.items() if v}
    found: list[Indicator] = []
    cells: dict[str, str] = {}

    def bad(cell, detail, code="WORKBOOK_BAD_INDICATOR"):
        return CchcError(code, file=path, sheet=SHEET, cell=cell.coordinate, detail=detail)

    for row in sheet.iter_rows(min_row=2):
        values = {key: cell for key, cell in zip(header, row) if key}
        code_cell = values.get("code")
        code = clean(code_cell.value).upper() if code_cell is not None else ""
        if not code:
            continue
        try:
            indicator = _read_row(values, code, code_cell, plan, registry, legacy, bad, kinds, aggregations, rules)
        except CchcError as exc:
            if not tolerant and exc.code != "WORKBOOK_INDICATOR_NO_SECTION":
                errors.append(exc)
                bad_codes.add(code)
                continue
            unplaced.append(Unplaced(code, clean(values["name"].value) if "name" in values else "",
                                     exc.fields.get("cell", ""), exc.fields.get("detail", exc.message)))
            continue
        if code in cells:
            errors.append(bad(code_cell, phrase("INDICATOR_CODE_DUPLICATED", code=code, cell=cells[code])))
            continue
        cells[code] = code_cell.coordinate
        found.append(indicator)
    found, dropped = _drop_dangling(found, {u.code for u in unplaced})
    unplaced += [Unplaced(i.code, i.name, cells[i.code], phrase("INDICATOR_BUILT_ON_DROPPED", code=i.code))
                 for i in dropped]
    codes = {i.code for i in found}
    if tolerant:
        missing = {ref for i in found for ref in (i.part_of, i.denominator, *i.numerator) if ref} - codes
        found, dropped = _drop_dangling(found, missing)
        unplaced += [Unplaced(i.code, i.name, cells[i.code], phrase("INDICATOR_NAMES_MISSING", code=i.code))
                     for i in dropped]
    for indicator in found:
        for ref in (indicator.part_of, indicator.denominator, *indicator.numerator):
            if ref and ref not in codes and ref not in bad_codes:     # a bad row is named once, above
                errors.append(bad(sheet[cells[indicator.code]],
                                  phrase("INDICATOR_NAMES_MISSING_CODE", code=indicator.code, ref=ref)))
    if len(errors) == 1 and not unplaced:
        raise errors[0]
    if errors:
        rows = [(e.fields["cell"], e.fields["detail"]) for e in errors] + [(u.cell, u.detail) for u in unplaced]
        raise CchcError("WORKBOOK_INDICATORS_BAD", file=path, sheet=SHEET, count=len(rows),
                        rows="\n".join(f"  - {cell}: {detail}" for cell, detail in rows))
    return tuple(found), unplaced


def _drop_dangling(found: list[Indicator], gone: set[str]) -> tuple[list[Indicator], list[Indicator]]:
    """Leave out rates built on an indicator that was left out; a part of a
    total that was left out becomes a standalone figure."""
    dropped: list[Indicator] = []
    while True:
        bad_rates = [i for i in found if any(ref in gone for ref in (i.denominator, *i.numerator) if ref)]
        if not bad_rates:
            break
        dropped += bad_rates
        gone |= {i.code for i in bad_rates}
        found = [i for i in found if i not in bad_rates]
    return [replace(i, part_of="") if i.part_of in gone else i for i in found], dropped


def _read_row(values, code, code_cell, plan, registry, legacy, bad, kinds, aggregations, rules) -> Indicator:
    text = {key: clean(cell.value) for key, cell in values.items()}
    kind = kinds.get(fold(text.get("kind")), IndicatorKind.COUNT)
    section_cell = values.get("section", code_cell)
    section = section_by_name(plan, text.get("section", ""), legacy)
    if section is None:
        raise bad(section_cell, phrase("INDICATOR_NO_SECTION", code=code, name=text.get("name", ""),
                                       section=text.get("section", "")), "WORKBOOK_INDICATOR_NO_SECTION")
    agency = ""
    if kind != IndicatorKind.RATE:
        agency = registry.lookup(text.get("agency", "")) or ""
        if not agency:
            raise bad(values.get("agency", code_cell),
                      phrase("INDICATOR_NO_AGENCY", code=code, agency=text.get("agency", "")))
    target = None
    target_cell = values.get("target")
    if target_cell is not None and target_cell.value not in (None, ""):
        try:
            target = float(str(target_cell.value).replace("%", "").replace(",", ".").strip())
        except ValueError:
            raise bad(target_cell, phrase("INDICATOR_TARGET_NOT_NUMBER", code=code, text=target_cell.value)) from None
    numerator = tuple(part.strip().upper() for part in text.get("numerator", "").split("+") if part.strip())
    indicator = Indicator(
        code=code, name=text.get("name", ""), unit=text.get("unit", ""), section=section,
        agency=agency, kind=kind,
        aggregation=aggregations.get(fold(text.get("aggregation")), Aggregation.SUM),
        part_of=text.get("part_of", "").upper(),
        parts_rule=rules.get(fold(text.get("parts_rule")), PartRule.NONE),
        numerator=numerator, denominator=text.get("denominator", "").upper(),
        target=target, target_note=text.get("target_note", ""), source=text.get("source", ""),
    )
    if kind == IndicatorKind.RATE and not (numerator and indicator.denominator):
        raise bad(code_cell, phrase("INDICATOR_RATE_NEEDS_PARTS", code=code))
    return indicator
