"""The workbook each agency fills in: a guide sheet, one sheet per plan section
with its items, dropdowns on a hidden list sheet, locked plan columns, and a
hidden metadata sheet that identifies a returned file by its content.

Pure: builds an openpyxl Workbook in memory; the CLI layer writes it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from . import formspec as spec
from . import xlsxkit as kit
from .assignments import FormRow, agency_indicators, form_rows
from .deadlines import Deadline, early_note, return_deadline
from .deadlines import describe as describe_deadline
from .indicators import increment_window
from .models import Agency, Aggregation, Indicator, Item, Period, Plan, Settings, Status, TimeframeKind
from .periods import format_window
from .plan import fingerprint
from .timeframe import due_state
from .version import __version__

CARRIED_FILL = PatternFill("solid", fgColor="DDEBF7")
PROBLEM_FILL = PatternFill("solid", fgColor="FFC7CE")
UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class Prefill:
    """Answers written into a generated form.

    Carry-forward: the answers of an earlier period (``source``), marked blue.
    Feedback copy: the agency's own answers, with problem cells (``marks``)
    highlighted and commented and every problem listed on the guide sheet.
    """

    values: dict[str, dict[str, object]] = field(default_factory=dict)   # item -> column key -> value
    source: Period | None = None
    marks: dict[tuple[str, str], str] = field(default_factory=dict)      # (item or figure code, key) -> text
    problems: tuple[str, ...] = ()
    notes: dict[tuple[str, str], str] = field(default_factory=dict)      # what was understood: comment only
    understood: tuple[str, ...] = ()                                     # the same, listed on the guide
    figures: dict[str, dict[str, object]] = field(default_factory=dict)  # indicator code -> {value, note}
    previous_figures: dict[str, float] = field(default_factory=dict)     # indicator code -> last period's value
    previous_title: str = ""                                             # "quý I năm 2026"


def due_label(item: Item, period: Period) -> str:
    if item.timeframe.kind == TimeframeKind.CONDITIONAL:
        return "Khi phát sinh"
    state = due_state(item.timeframe, period)
    return {"due": "Có", "earlier": "Có (đã hết thời hạn kế hoạch)", "later": "Chưa đến hạn"}[state]


def build_form(
    plan: Plan,
    settings: Settings,
    period: Period,
    agency: Agency,
    generated_on: dt.date,
    deadline: Deadline | None = None,
    prefill: Prefill | None = None,
) -> Workbook:
    """The agency's workbook for the period, with answers pre-filled if given."""
    rows = form_rows(plan, agency.code)
    deadline = deadline or return_deadline(period, settings)
    prefill = prefill or Prefill()
    workbook = Workbook()
    guide = workbook.active
    guide.title = spec.GUIDE_SHEET
    lists = _lists_sheet(workbook)
    by_section = [(s, [r for r in rows if r.item.section == s.code]) for s in plan.sections]
    by_section = [(s, rs) for s, rs in by_section if rs]
    _guide_sheet(guide, plan, settings, period, agency, deadline, by_section, prefill,
                 len(agency_indicators(plan, agency.code)))
    for section, section_rows in by_section:
        sheet = workbook.create_sheet(section.short_name)
        _section_sheet(sheet, section, section_rows, agency, period, prefill)
    indicators = agency_indicators(plan, agency.code)
    if indicators:
        _figures_sheet(workbook.create_sheet(spec.FIGURES_SHEET), indicators, agency, period, settings, prefill)
    _meta_sheet(workbook, plan, period, agency, generated_on, prefill.source)
    workbook.move_sheet(lists, offset=len(workbook.sheetnames))
    workbook.security = WorkbookProtection(lockStructure=True)
    stamp = dt.datetime.combine(generated_on, dt.time())
    workbook.properties.creator = "cchc-excel"
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.title = f"Biểu mẫu CCHC {period.title} - {agency.name}"
    return workbook


def _lists_sheet(workbook: Workbook):
    sheet = workbook.create_sheet(spec.LISTS_SHEET)
    for row, label in enumerate((s.label for s in Status), start=1):
        kit.put_text(sheet.cell(row, 1), label)
    ref = f"{quote_sheetname(spec.LISTS_SHEET)}!$A$1:$A${len(Status)}"
    workbook.defined_names[spec.STATUS_NAME] = DefinedName(spec.STATUS_NAME, attr_text=ref)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return sheet


def _guide_sheet(sheet, plan, settings, period, agency, deadline, by_section, prefill: Prefill,
                 figures: int) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    kit.put_text(sheet["A1"], "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
                 kit.FONT_TITLE, Alignment(vertical="center"))
    carried_from = prefill.source
    meta = plan.meta
    plan_ref = f"Kế hoạch số {meta.number}" + (f" ngày {meta.date:%d/%m/%Y}" if meta.date else "")
    if meta.issuer:
        plan_ref += f" của {meta.issuer}"
    facts = [
        ("Xã", settings.commune or meta.commune),
        ("Cơ quan báo cáo", agency.name),
        ("Kỳ báo cáo", f"{period.name} năm {period.year}" if period.kind != "Y" else f"Năm {period.year}"),
        ("Số liệu tính từ", f"{format_window(period)} (theo hướng dẫn chế độ báo cáo CCHC)"),
        ("Hạn gửi lại biểu mẫu", ". Lưu ý: ".join(filter(None, (describe_deadline(deadline), early_note(deadline))))),
        ("Căn cứ", plan_ref),
        ("Đầu mối hướng dẫn", settings.contact or "Phòng Văn hóa - Xã hội"),
    ]
    row = 3
    for label, value in facts:
        kit.put_text(sheet.cell(row, 1), label, kit.FONT_BOLD)
        kit.put_text(sheet.cell(row, 2), value)
        row += 1
    row += 1
    if prefill.problems:
        row = _numbered_list(sheet, row, ("CẦN SỬA LẠI", kit.FONT_PROBLEM),
                             (f"{len(prefill.problems)} vấn đề; các ô cần sửa được tô đỏ và có ghi chú "
                              "(rê chuột vào ô để đọc).", kit.FONT_PROBLEM), prefill.problems)
    if prefill.understood:
        row = _numbered_list(sheet, row, ("ĐÃ TỰ HIỂU", kit.FONT_BOLD),
                             ("Chương trình đã hiểu các ô sau như dưới đây; kiểm tra lại, "
                              "sửa nếu hiểu sai (ô có ghi chú).", kit.FONT_ITALIC), prefill.understood)
    kit.put_text(sheet.cell(row, 1), "Các trang cần điền", kit.FONT_BOLD)
    for section, rows in by_section:
        leads = sum(r.role == "lead" for r in rows)
        text = f"«{section.short_name}»: {len(rows)} sản phẩm ({leads} chủ trì, {len(rows) - leads} phối hợp)"
        kit.put_text(sheet.cell(row, 2), text)
        row += 1
    if figures:
        kit.put_text(sheet.cell(row, 2), f"«{spec.FIGURES_SHEET}»: {figures} chỉ tiêu số liệu")
        row += 1
    row += 1
    kit.put_text(sheet.cell(row, 1), "Cách điền", kit.FONT_BOLD)
    steps = [
        "Mỗi trang là một phần của kế hoạch CCHC, chỉ gồm các nhiệm vụ cơ quan mình chủ trì hoặc phối hợp.",
        "Chỉ nhập vào các ô nền vàng (từ cột «Trạng thái» đến cột «Đề xuất, kiến nghị»); các cột kế hoạch đã khóa.",
        "Chọn «Trạng thái» trong danh sách thả xuống (bấm vào ô, chọn mũi tên). Không gõ chữ khác.",
        f"«Ngày hoàn thành» ghi dạng ngày/tháng/năm, ví dụ 15/03/2026; bắt buộc khi «{Status.DONE.label}».",
        f"Nhiệm vụ thường xuyên, định kỳ hoặc khi phát sinh đã làm trong kỳ: chọn «{Status.CARRIED_OUT.label}» "
        f"và ghi kết quả đã làm trong kỳ (không chọn «{Status.IN_PROGRESS.label}»).",
        "«Kết quả thực hiện»: nêu cụ thể đã làm gì, số lượng, kết quả (không ghi «x», «ok»).",
        "«Văn bản/sản phẩm minh chứng»: số, ký hiệu, ngày của văn bản, ví dụ «Kế hoạch số 05/KH-UBND ngày 12/01/2026».",
        "Nhiệm vụ «Chưa đến hạn» vẫn được báo cáo tiến độ nếu đã triển khai; nếu chưa thì có thể để trống.",
        f"Nhiệm vụ «Khi phát sinh»: nếu trong kỳ chưa có việc thì chọn «{Status.NOT_ARISEN.label}».",
        "Muốn xuống dòng trong một ô: bấm Alt+Enter. Chữ dài bị che thì nhấp đúp vào mép dưới số thứ tự "
        "dòng (bên trái) để giãn dòng. Không thêm, xóa, đổi tên trang tính hay cột.",
        "Lưu tệp (.xlsx) và gửi lại trước hạn; đổi tên tệp cũng không sao — chương trình nhận biết biểu mẫu "
        "qua nội dung.",
    ]
    if carried_from:
        steps.insert(2, f"Các ô nền xanh đã được điền sẵn từ báo cáo {carried_from.title}: "
                        "kiểm tra và cập nhật cho kỳ này, không cần gõ lại.")
    for number, step in enumerate(steps, start=1):
        kit.put_text(sheet.cell(row, 2), f"{number}. {step}")
        row += 1
    row += 1
    kit.put_text(sheet.cell(row, 1), "Ý nghĩa trạng thái", kit.FONT_BOLD)
    for label, meaning in ((s.label, s.guide) for s in Status):
        kit.put_text(sheet.cell(row, 2), f"{label}: {meaning}")
        row += 1
    for r in range(3, row):
        sheet.row_dimensions[r].height = 18 * max(1, math.ceil(len(str(sheet.cell(r, 2).value or "")) / 95))
    sheet.protection.sheet = True
    kit.print_setup(sheet, landscape=False)


def _status_validation(prompt: str) -> DataValidation:
    # No leading "=": in the file a formula is stored bare, as Excel itself writes it.
    dv = DataValidation(type="list", formula1=spec.STATUS_NAME, allow_blank=True)
    dv.promptTitle = "Trạng thái"
    dv.prompt = prompt
    dv.errorTitle = "Trạng thái không hợp lệ"
    dv.error = "Chọn một trạng thái trong danh sách: " + "; ".join(s.label for s in Status) + "."
    dv.showErrorMessage = dv.showInputMessage = True
    return dv


def _section_sheet(sheet, section, rows: list[FormRow], agency, period, prefill: Prefill) -> None:
    ncols = len(spec.COLUMNS)
    last_col = get_column_letter(ncols)
    kit.put_text(sheet["A1"], f"{section.code}. {section.title}", kit.FONT_TITLE, Alignment(vertical="center"))
    kit.put_text(sheet["A2"], f"Cơ quan: {agency.name} — Kỳ báo cáo: {period.title} "
                              f"(số liệu từ {format_window(period)})", kit.FONT_ITALIC, Alignment())
    kit.put_text(sheet["A3"], "Chỉ nhập vào các ô nền vàng. Xem trang «Hướng dẫn» để biết cách điền.",
                 kit.FONT_SMALL_ITALIC, Alignment())
    kit.header_row(sheet, spec.HEADER_ROW, [c.label for c in spec.COLUMNS], [c.width for c in spec.COLUMNS])
    sheet.row_dimensions[spec.HEADER_ROW].height = 48

    status_dv = _status_validation("Chọn trạng thái thực hiện trong kỳ.")
    recurring_dv = _status_validation(f"Nhiệm vụ thường xuyên: đã làm trong kỳ thì chọn «{Status.CARRIED_OUT.label}».")
    conditional_dv = _status_validation(f"Nhiệm vụ khi phát sinh: chọn «{Status.NOT_ARISEN.label}» nếu trong kỳ "
                                        f"chưa có việc, «{Status.CARRIED_OUT.label}» nếu đã làm.")
    # A warning, not a stop: on a computer set to US English, Excel takes "15/03/2026" as
    # text, which a date rule would refuse; the tool reads such text dates correctly.
    date_dv = DataValidation(type="date", operator="between", errorStyle="warning",
                             formula1=f"DATE({period.year - 1},1,1)", formula2=f"DATE({period.year + 1},12,31)",
                             allow_blank=True)
    date_dv.promptTitle, date_dv.prompt = "Ngày hoàn thành", "Ghi ngày/tháng/năm, ví dụ 15/03/2026."
    date_dv.errorTitle = "Kiểm tra lại ngày"
    date_dv.error = (f"Ngày phải trong năm {period.year - 1}–{period.year + 1}, dạng ngày/tháng/năm. "
                     "Nếu đã ghi đúng dạng ngày/tháng/năm mà máy vẫn báo, bấm Yes để giữ nguyên.")
    date_dv.showErrorMessage = date_dv.showInputMessage = True
    text_dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="5000", allow_blank=True)
    text_dv.promptTitle, text_dv.prompt = "Nội dung", "Ghi cụ thể; Alt+Enter để xuống dòng."
    text_dv.errorTitle, text_dv.error = "Quá dài", "Mỗi ô tối đa 5.000 ký tự; tóm tắt lại hoặc chia sang ô khác."
    text_dv.showErrorMessage = text_dv.showInputMessage = True
    for dv in (status_dv, recurring_dv, conditional_dv, date_dv, text_dv):
        sheet.add_data_validation(dv)

    col = spec.COLUMN_INDEX
    for offset, form_row in enumerate(rows):
        r = spec.FIRST_ROW + offset
        item = form_row.item
        values = {
            "id": item.id,
            "tt": item.task_number,
            "task": item.task,
            "product": item.product,
            "role": spec.ROLE_LABELS[form_row.role],
            "timeframe": item.timeframe.text,
            "due": due_label(item, period),
            "note": "",
        }
        previous = prefill.values.get(item.id, {})
        if previous and prefill.source:
            values["note"] = (previous.get("note")
                              or f"Điền sẵn từ báo cáo {prefill.source.title}; cập nhật nếu có thay đổi.")
        not_due = values["due"] == "Chưa đến hạn"
        for column in spec.COLUMNS:
            cell = sheet.cell(r, col[column.key])
            cell.border = kit.BORDER
            if not column.input:
                kit.put_text(cell, values[column.key])
                if not_due:
                    cell.fill = kit.NOT_DUE_FILL
                continue
            cell.protection = UNLOCKED
            cell.fill = kit.INPUT_FILL
            value = previous.get(column.key)
            if column.key == "completed_on" and (value is None or isinstance(value, dt.date)):
                cell.number_format = "dd/mm/yyyy"
                cell.font = kit.FONT
                cell.alignment = kit.WRAP_TOP
                cell.value = value
            else:
                cell.number_format = kit.TEXT_FORMAT
                kit.put_text(cell, value or "")
            if value not in (None, "") and prefill.source:
                cell.fill = CARRIED_FILL
            _annotate(cell, prefill, (item.id, column.key))
        status_cell = f"{get_column_letter(col['status'])}{r}"
        validations = {TimeframeKind.CONDITIONAL: conditional_dv, TimeframeKind.RECURRING: recurring_dv}
        validations.get(item.timeframe.kind, status_dv).add(status_cell)
        if item.timeframe.kind == TimeframeKind.CONDITIONAL:
            sheet.cell(r, col["due"]).comment = Comment(
                "Nhiệm vụ chỉ thực hiện khi có phát sinh/yêu cầu. Nếu trong kỳ chưa có, chọn "
                f"«{Status.NOT_ARISEN.label}»; đã làm thì chọn «{Status.CARRIED_OUT.label}».",
                "cchc-excel")
        sheet.row_dimensions[r].height = _row_height(values, previous)

    if rows:
        last = spec.FIRST_ROW + len(rows) - 1
        date_dv.add(f"{get_column_letter(col['completed_on'])}{spec.FIRST_ROW}:"
                    f"{get_column_letter(col['completed_on'])}{last}")
        first_text, last_text = get_column_letter(col["result"]), get_column_letter(col["proposals"])
        text_dv.add(f"{first_text}{spec.FIRST_ROW}:{last_text}{last}")
        sheet.auto_filter.ref = f"A{spec.HEADER_ROW}:{last_col}{last}"
    sheet.freeze_panes = f"{get_column_letter(col['task'])}{spec.FIRST_ROW}"
    kit.protect_input_sheet(sheet)
    kit.print_setup(sheet, landscape=True, title_rows=f"{spec.HEADER_ROW}:{spec.HEADER_ROW}")


def _figures_sheet(sheet, indicators: list[Indicator], agency, period, settings, prefill: Prefill) -> None:
    start, end = increment_window(period, settings.schedule)
    kit.put_text(sheet["A1"], "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH", kit.FONT_TITLE, Alignment(vertical="center"))
    kit.put_text(sheet["A2"], f"Cơ quan: {agency.name} — «Phát sinh trong kỳ»: số phát sinh từ {start:%d/%m/%Y} "
                              f"đến {end:%d/%m/%Y} (kể từ kỳ báo cáo trước); «Tại thời điểm cuối kỳ»: số có "
                              f"đến ngày {end:%d/%m/%Y}.", kit.FONT_ITALIC, Alignment())
    kit.put_text(sheet["A3"], "Nhập số (ví dụ 1234 hoặc 1.234; số lẻ dùng dấu phẩy: 12,5). Không có thì ghi 0. "
                              "Tỷ lệ % do chương trình tự tính.", kit.FONT_SMALL_ITALIC, Alignment())
    labels = [c.label for c in spec.FIGURE_COLUMNS]
    if prefill.previous_title:
        labels[spec.FIGURE_INDEX["previous"] - 1] = f"Kỳ trước ({prefill.previous_title})"
    kit.header_row(sheet, spec.HEADER_ROW, labels, [c.width for c in spec.FIGURE_COLUMNS])
    sheet.row_dimensions[spec.HEADER_ROW].height = 40
    number_dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               errorStyle="warning")   # "12,5" is text on a US-English Excel; the tool reads it
    number_dv.promptTitle, number_dv.prompt = "Số liệu", "Nhập một số không âm, ví dụ 1234 hoặc 12,5."
    number_dv.errorTitle = "Kiểm tra lại số"
    number_dv.error = ("Chỉ nhập số không âm, không nhập chữ. Nếu đã ghi đúng số (ví dụ 12,5) mà máy vẫn báo, "
                       "bấm Yes để giữ nguyên.")
    number_dv.showErrorMessage = number_dv.showInputMessage = True
    sheet.add_data_validation(number_dv)
    col = spec.FIGURE_INDEX
    for offset, indicator in enumerate(indicators):
        r = spec.FIRST_ROW + offset
        how = {Aggregation.LATEST: "Tại thời điểm cuối kỳ",
               Aggregation.FIRST: "Tại thời điểm đầu kỳ"}.get(indicator.aggregation, "Phát sinh trong kỳ")
        if indicator.part_of:
            how += f"; là một phần của {indicator.part_of}"
        if indicator.source:
            how += f". Nguồn: {indicator.source}"
        values = {"code": indicator.code, "name": indicator.name, "unit": indicator.unit,
                  "section": indicator.section, "how": how}
        typed = prefill.figures.get(indicator.code, {})
        for column in spec.FIGURE_COLUMNS:
            cell = sheet.cell(r, col[column.key])
            cell.border = kit.BORDER
            if column.key == "previous":
                cell.value = prefill.previous_figures.get(indicator.code)
                cell.number_format = "#,##0.##"
                cell.font = kit.FONT
            elif not column.input:
                kit.put_text(cell, values[column.key])
            else:
                cell.protection = UNLOCKED
                cell.fill = kit.INPUT_FILL
                value = typed.get(column.key)
                if column.key == "value" and (value is None or isinstance(value, (int, float))):
                    cell.value = value
                    cell.number_format = "#,##0.##"
                    cell.font = kit.FONT
                else:
                    cell.number_format = kit.TEXT_FORMAT
                    kit.put_text(cell, value or "")
                _annotate(cell, prefill, (indicator.code, column.key))
        sheet.row_dimensions[r].height = 33
    last = spec.FIRST_ROW + len(indicators) - 1
    value_col = get_column_letter(col["value"])
    number_dv.add(f"{value_col}{spec.FIRST_ROW}:{value_col}{last}")
    sheet.freeze_panes = f"C{spec.FIRST_ROW}"
    kit.protect_input_sheet(sheet)
    kit.print_setup(sheet, landscape=True, title_rows=f"{spec.HEADER_ROW}:{spec.HEADER_ROW}")


def _annotate(cell, prefill: Prefill, key: tuple[str, str]) -> None:
    """A problem cell turns red with its comment; a value the tool understood
    (a status typed without marks, a date typed as text) gets a comment saying how."""
    mark, note = prefill.marks.get(key), prefill.notes.get(key)
    if mark:
        cell.fill = PROBLEM_FILL
        cell.comment = Comment(f"{mark}\n\n{note}" if note else mark, "cchc-excel", width=320, height=160)
    elif note:
        cell.comment = Comment(note, "cchc-excel", width=320, height=110)


def _row_height(values: dict, previous: dict) -> float:
    """Excel does not grow rows for wrapped text it did not type: estimate."""
    lines = 3
    for column in spec.COLUMNS:
        text = str(previous.get(column.key) or values.get(column.key) or "")
        if not text or column.key == "completed_on":
            continue
        per_line = max(column.width * 1.5, 4)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    return min(15.5 * lines + 4, 409)


def _meta_sheet(workbook, plan, period, agency, generated_on, carried_from) -> None:
    sheet = workbook.create_sheet(spec.META_SHEET)
    kit.put_text(sheet["A1"], spec.META_MARKER)
    kit.put_text(sheet["B1"], "Trang dữ liệu nhận diện biểu mẫu — không sửa, không xóa.")
    values = {
        "form_version": spec.FORM_VERSION,
        "tool_version": __version__,
        "agency_code": agency.code,
        "agency_name": agency.name,
        "period": period.id,
        "plan_fingerprint": fingerprint(plan),
        "plan_number": plan.meta.number,
        "generated_on": generated_on.isoformat(),
        "carried_from": carried_from.id if carried_from else "",
    }
    for row, (key, label) in enumerate(spec.META_KEYS.items(), start=2):
        kit.put_text(sheet.cell(row, 1), key)
        kit.put_text(sheet.cell(row, 2), values[key])
        kit.put_text(sheet.cell(row, 3), label)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


def _numbered_list(sheet, row: int, title: tuple, intro: tuple, lines) -> int:
    """A titled, numbered list on the guide sheet; returns the row after it and a blank line."""
    kit.put_text(sheet.cell(row, 1), *title)
    kit.put_text(sheet.cell(row, 2), *intro)
    row += 1
    for number, text in enumerate(lines, start=1):
        kit.put_text(sheet.cell(row, 2), f"{number}. {text}")
        row += 1
    return row + 1
