"""Writes the officer's plan workbook (ke-hoach-cchc.xlsx) with openpyxl:
settings, agencies, tasks and indicators, styled, with lists to pick from.

Only the commands that write it (init, plan import) import this module and
openpyxl; every other command reads the workbook through :mod:`planbook`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

from . import indicatorbook
from . import openpyxlkit as kit
from .files import save_workbook_atomic
from .indicators import AGGREGATION_LABELS, PART_RULE_LABELS
from .indicators import KIND_LABELS as INDICATOR_KIND_LABELS
from .models import AgencyKind, Plan, Settings
from .plan import COLUMN_LABELS, COLUMNS
from .plan_meta import said_for
from .planbook import KIND_LABELS, SCHEDULE_LABELS, SETTING_ROWS, SHEET_AGENCIES, SHEET_SETTINGS, SHEET_TASKS

_GROUP_FONT = kit.Font(name=kit.FONT_NAME, size=12, bold=True, italic=True)   # a sub-group heading row


def _setting_values(plan: Plan, settings: Settings) -> dict[str, object]:
    meta = plan.meta
    return {
        "issuer": meta.issuer,
        "commune": settings.commune or meta.commune,
        "locality": settings.locality,
        "plan_number": meta.number,
        "plan_date": meta.date,
        "year": meta.year,
        "plan_title": meta.title,
        "place": settings.place,
        "signer_authority": settings.signer_authority,
        "signer_title": settings.signer_title,
        "signer_name": settings.signer_name,
        "recipients": "\n".join(settings.recipients),
        "contact": settings.contact,
        "report_days": "; ".join(f"{SCHEDULE_LABELS[kind]}: {day:02d}/{month:02d}"
                                 for kind, day, month in settings.report_days),
        "return_days": settings.return_days,
        "extra_days_off": "; ".join(f"{d:%d/%m/%Y}" for d in settings.extra_days_off),
        "extra_working_days": "; ".join(f"{d:%d/%m/%Y}" for d in settings.extra_working_days),
        "schedule": "; ".join(SCHEDULE_LABELS[k] for k in settings.schedule),
        "province_plan": settings.province_plan,
        "leading_zero": "Có" if settings.leading_zero else "Không",
    }


def build_workbook(plan: Plan, settings: Settings, flagged: dict[str, str] | None = None) -> openpyxl.Workbook:
    """``flagged``: agency code -> a note for the officer to confirm (new agencies of an import)."""
    workbook = openpyxl.Workbook()
    _settings_sheet(workbook.active, plan, settings)
    _agencies_sheet(workbook.create_sheet(SHEET_AGENCIES), plan, flagged or {}, settings.locality)
    _tasks_sheet(workbook.create_sheet(SHEET_TASKS), plan)
    write_indicator_sheet(workbook.create_sheet(indicatorbook.SHEET), plan)
    return workbook


def _settings_sheet(sheet, plan: Plan, settings: Settings) -> None:
    sheet.title = SHEET_SETTINGS
    kit.put_text(sheet["B1"], "THIẾT LẬP CHUNG CỦA SỔ KẾ HOẠCH CCHC", kit.FONT_TITLE)
    kit.header_row(sheet, 3, ["Mã", "Mục", "Giá trị", "Ghi chú"], [12, 34, 50, 60])
    values = _setting_values(plan, settings)
    for row, (key, label, note) in enumerate(SETTING_ROWS, start=4):
        kit.put_text(sheet.cell(row, 1), key, kit.FONT_SMALL_ITALIC)
        kit.put_text(sheet.cell(row, 2), label, kit.FONT_BOLD)
        value_cell = sheet.cell(row, 3)
        value = values[key]
        if isinstance(value, dt.date):
            value_cell.value = value
            value_cell.number_format = "dd/mm/yyyy"
            value_cell.font = kit.FONT
        elif isinstance(value, int):
            value_cell.value = value
            value_cell.font = kit.FONT
        else:
            kit.put_text(value_cell, value)
        value_cell.fill = kit.INPUT_FILL
        kit.put_text(sheet.cell(row, 4), note, kit.FONT_SMALL_ITALIC)
    sheet.column_dimensions["A"].hidden = True
    sheet.freeze_panes = "A4"


def _agencies_sheet(sheet, plan: Plan, flagged: dict[str, str], locality: str) -> None:
    # «Cơ quan của phường» in a ward's workbook (any locality's word is read as the commune's own body).
    labels = {**KIND_LABELS, AgencyKind.OWN: said_for(KIND_LABELS[AgencyKind.OWN], locality)}
    kit.header_row(
        sheet, 1,
        ["Mã (không dấu)", "Tên cơ quan", "Tên gọi khác (cách nhau bằng dấu ;)", "Loại", "Cần xác nhận"],
        [18, 40, 60, 22, 44],
    )
    kinds = DataValidation(type="list", formula1=f'"{",".join(labels.values())}"', allow_blank=False)
    kinds.error = f"Chọn «{labels[AgencyKind.OWN]}» hoặc «{labels[AgencyKind.PARTNER]}»."
    kinds.errorTitle = "Loại cơ quan"
    sheet.add_data_validation(kinds)
    for row, agency in enumerate(plan.agencies, start=2):
        kit.put_text(sheet.cell(row, 1), agency.code)
        kit.put_text(sheet.cell(row, 2), agency.name)
        kit.put_text(sheet.cell(row, 3), "; ".join(agency.aliases))
        kit.put_text(sheet.cell(row, 4), labels[agency.kind])
        if agency.code in flagged:
            kit.put_text(sheet.cell(row, 5), flagged[agency.code], kit.FONT_SMALL_ITALIC)
            for col in range(1, 6):
                sheet.cell(row, col).fill = kit.INPUT_FILL
    kinds.add("D2:D200")
    sheet.freeze_panes = "A2"
    kit.put_text(
        sheet["G1"],
        f"{labels[AgencyKind.OWN]} nhận mọi nhiệm vụ giao cho «Các cơ quan, đơn vị»; đối tác bên ngoài "
        f"(ví dụ Bưu điện {locality}) chỉ nhận nhiệm vụ có ghi tên mình. Đổi tên cơ quan: sửa cột «Tên cơ quan», "
        "ghi tên cũ vào cột «Tên gọi khác» và giữ nguyên mã.",
        kit.FONT_SMALL_ITALIC,
    )


def _tasks_sheet(sheet, plan: Plan) -> None:
    meta = plan.meta
    kit.put_text(sheet["A1"], meta.title or "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", kit.FONT_TITLE)
    if meta.number:
        date = f" ngày {meta.date:%d/%m/%Y}" if meta.date else ""
        issuer = f" của {meta.issuer}" if meta.issuer else ""
        kit.put_text(sheet["A2"], f"(Ban hành kèm theo Kế hoạch số {meta.number}{date}{issuer})", kit.FONT_ITALIC)
    kit.put_text(
        sheet["A3"],
        "Thêm nhiệm vụ: chèn một dòng, ghi số TT, nội dung và các cột còn lại. Thêm sản phẩm cho nhiệm vụ "
        "ở trên: để trống TT và Nội dung/Nhiệm vụ. Dòng phần: số La Mã ở cột TT, tên phần ở cột bên cạnh. "
        "Dòng nhóm trong phần («a) …», «1.1. …»): để trống TT, ghi cả số và tên nhóm ở cột Nội dung/Nhiệm vụ.",
        kit.FONT_SMALL_ITALIC, kit.Alignment(wrap_text=False),
    )
    header = 4
    kit.header_row(sheet, header, [COLUMN_LABELS[c] for c in COLUMNS], [7, 45, 50, 26, 26, 22])
    for col in range(1, 7):
        kit.put_text(sheet.cell(header + 1, col), str(col), kit.FONT_ITALIC, kit.WRAP_CENTER)
    row = header + 2
    for section in plan.sections:
        kit.put_text(sheet.cell(row, 1), section.code, kit.FONT_BOLD)
        kit.put_text(sheet.cell(row, 2), section.title, kit.FONT_BOLD)
        for col in range(1, 7):
            sheet.cell(row, col).fill = kit.SECTION_FILL
        row += 1
        group = ""
        for task in section.tasks:
            if task.group and task.group != group:      # the plan's sub-group heading, above its tasks
                kit.put_text(sheet.cell(row, 2), task.group, _GROUP_FONT)
                row += 1
            group = task.group
            for position, item in enumerate(task.items):
                first = position == 0
                values = [
                    task.number if first else "",
                    task.content if first else "",
                    item.product,
                    item.lead_text,
                    item.coordinators_text,
                    item.timeframe.text,
                ]
                for col, value in enumerate(values, start=1):
                    kit.put_text(sheet.cell(row, col), value)
                row += 1
    sheet.freeze_panes = sheet.cell(header + 1, 1)
    kit.print_setup(sheet, landscape=True, title_rows=f"{header}:{header}")


def write_workbook(plan: Plan, settings: Settings, path: Path, flagged: dict[str, str] | None = None) -> Path:
    return save_workbook_atomic(build_workbook(plan, settings, flagged), path)


def write_indicator_sheet(sheet, plan: Plan) -> None:
    """The «Chỉ tiêu» sheet (columns: :data:`indicatorbook.COLUMNS`)."""
    names = {a.code: a.name for a in plan.agencies}
    # The section by its name ("III. Thủ tục hành chính"): a plan renumbered later still places it.
    section_names = {s.code: s.short_name for s in plan.sections}
    kit.header_row(sheet, 1, [label for _, label, _ in indicatorbook.COLUMNS], [w for _, _, w in indicatorbook.COLUMNS])
    for row, indicator in enumerate(plan.indicators, start=2):
        values = {
            "code": indicator.code, "name": indicator.name, "unit": indicator.unit,
            "section": section_names.get(indicator.section, indicator.section),
            "agency": names.get(indicator.agency, indicator.agency), "kind": INDICATOR_KIND_LABELS[indicator.kind],
            "aggregation": AGGREGATION_LABELS[indicator.aggregation], "part_of": indicator.part_of,
            "parts_rule": PART_RULE_LABELS[indicator.parts_rule], "numerator": " + ".join(indicator.numerator),
            "denominator": indicator.denominator, "target_note": indicator.target_note,
            "source": indicator.source,
        }
        for col, (key, _, _) in enumerate(indicatorbook.COLUMNS, start=1):
            cell = sheet.cell(row, col)
            if key == "target":
                cell.value = indicator.target
                cell.font = kit.FONT
            else:
                kit.put_text(cell, values[key])
    last = len(plan.indicators) + 50
    for key, labels in (("kind", INDICATOR_KIND_LABELS), ("aggregation", AGGREGATION_LABELS),
                        ("parts_rule", PART_RULE_LABELS)):
        options = ",".join(label for label in labels.values() if label)
        dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
        column = kit.get_column_letter([k for k, _, _ in indicatorbook.COLUMNS].index(key) + 1)
        dv.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(dv)
    sheet.freeze_panes = "C2"
    kit.put_text(sheet.cell(1, len(indicatorbook.COLUMNS) + 2),
                 "Tỷ lệ do chương trình tự tính từ tử số và mẫu số, cơ quan không phải nhập. "
                 "Chỉ tiêu kế hoạch của tỷ lệ ghi theo phần trăm (ví dụ 20 nghĩa là ≥ 20%).",
                 kit.FONT_SMALL_ITALIC, kit.Alignment(wrap_text=False))
