"""The summary workbook (tong-hop-<period>.xlsx): every item with its merged
answers and their sources, figures by section and by agency with native
Excel charts, overdue items highlighted, filters on. Agency text is always
written as text."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from . import xlsxkit as kit
from .answers import Intake
from .formspec import ROLE_LABELS
from .models import Period, Plan, Settings
from .statistics import rate_series

OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")
MISSING_FILL = PatternFill("solid", fgColor="FFF2CC")
FIGURE_COLUMNS = [("due", "Đến hạn"), ("done", "Hoàn thành"), ("done_rate", "Tỷ lệ hoàn thành"),
                  ("on_time", "Đúng hạn"), ("late", "Chậm"), ("in_progress", "Đang thực hiện"),
                  ("not_started", "Chưa thực hiện"), ("not_arisen", "Chưa phát sinh"),
                  ("not_reported", "Chưa báo cáo"), ("overdue", "Quá hạn")]


def summary_workbook(plan: Plan, settings: Settings, period: Period, intake: Intake, context: dict,
                     intakes: dict[str, Intake]) -> Workbook:
    workbook = Workbook()
    _items_sheet(workbook.active, plan, period, context)
    _figures_sheet(workbook.create_sheet("Theo lĩnh vực"), "Lĩnh vực", "heading", context["by_section"],
                   context["figures"], "Tỷ lệ hoàn thành theo lĩnh vực")
    _figures_sheet(workbook.create_sheet("Theo cơ quan"), "Cơ quan chủ trì", "name", context["by_agency"], None,
                   "Tỷ lệ hoàn thành theo cơ quan chủ trì")
    _answers_sheet(workbook.create_sheet("Chi tiết trả lời"), plan, intake)
    if plan.indicators:
        _statistics_sheet(workbook.create_sheet("Số liệu"), plan, settings, period, context, intakes)
    workbook.properties.creator = "cchc-excel"
    workbook.properties.title = f"Tổng hợp CCHC {period.title}"
    return workbook


def _items_sheet(sheet, plan: Plan, period: Period, context: dict) -> None:
    sheet.title = "Tổng hợp nhiệm vụ"
    kit.put_text(sheet["A1"], f"TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CCHC {period.title.upper()}", kit.FONT_TITLE)
    kit.put_text(sheet["A2"], f"Số liệu từ {context['period']['window']}; dòng tô cam: quá hạn; tô vàng: chưa "
                              "báo cáo.", kit.FONT_ITALIC)
    labels = ["Mã", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Thời gian", "Trạng thái",
              "Kết quả, văn bản minh chứng", "Nguồn (tệp › trang › dòng)"]
    kit.header_row(sheet, 4, labels, [9, 40, 44, 28, 18, 20, 70, 44])
    for row, entry in enumerate(context["annex"], start=5):
        status = entry["status"]
        values = [entry["id"], entry["task"], entry["product"], entry["lead"], entry["timeframe"], status["text"],
                  entry["details"], entry["sources"]]
        for col, value in enumerate(values, start=1):
            cell = kit.put_text(sheet.cell(row, col), value)
            cell.border = kit.BORDER
            if "(chậm)" in status["text"]:
                cell.fill = OVERDUE_FILL
            elif status["missing"]:
                cell.fill = MISSING_FILL
    last = 4 + len(context["annex"])
    sheet.auto_filter.ref = f"A4:H{last}"
    sheet.freeze_panes = "C5"
    kit.print_setup(sheet, landscape=True, title_rows="4:4")


def _figures_sheet(sheet, label: str, key: str, rows: list[dict], total: dict | None, title: str) -> None:
    kit.put_text(sheet["A1"], title.upper(), kit.FONT_TITLE)
    kit.header_row(sheet, 3, [label] + [name for _, name in FIGURE_COLUMNS] + ["Tỷ lệ (số)"],
                   [44] + [13] * (len(FIGURE_COLUMNS) + 1))
    entries = list(rows) + ([{key: "Tổng cộng", **total}] if total else [])
    for r, entry in enumerate(entries, start=4):
        kit.put_text(sheet.cell(r, 1), entry[key], kit.FONT_BOLD if entry[key] == "Tổng cộng" else kit.FONT)
        for c, (field, _) in enumerate(FIGURE_COLUMNS, start=2):
            value = entry[field]
            cell = sheet.cell(r, c)
            if isinstance(value, str):
                kit.put_text(cell, value)
            else:
                cell.value = value
                cell.font = kit.FONT
        rate_cell = sheet.cell(r, len(FIGURE_COLUMNS) + 2)
        rate_cell.value = round(entry["done"] / entry["expected"], 4) if entry["expected"] else None
        rate_cell.number_format = "0.0%"
        rate_cell.font = kit.FONT
    count = len(rows)
    if count:
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.y_axis.title = "Tỷ lệ hoàn thành"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
        rate_col = len(FIGURE_COLUMNS) + 2
        data = Reference(sheet, min_col=rate_col, min_row=3, max_row=3 + count)
        categories = Reference(sheet, min_col=1, min_row=4, max_row=3 + count)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        chart.legend = None
        chart.height, chart.width = 2 + count, 22
        sheet.add_chart(chart, f"A{len(entries) + 6}")
    sheet.freeze_panes = "B4"


def _answers_sheet(sheet, plan: Plan, intake: Intake) -> None:
    names = {a.code: a.name for a in plan.agencies}
    labels = ["Mã", "Cơ quan", "Vai trò", "Trạng thái", "Trạng thái (như đã ghi)", "Ngày hoàn thành",
              "Kết quả thực hiện", "Văn bản minh chứng", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Tệp",
              "Trang", "Dòng"]
    kit.header_row(sheet, 1, labels, [9, 30, 10, 16, 18, 14, 60, 36, 36, 36, 40, 24, 7])
    order = {item.id: n for n, item in enumerate(plan.items)}
    answers = sorted(intake.answers, key=lambda a: (order.get(a.item, 10**6), a.role != "lead", a.agency))
    for r, a in enumerate(answers, start=2):
        values = [a.item, names.get(a.agency, a.agency), ROLE_LABELS[a.role], a.status.label if a.status else "",
                  a.status_text, a.completed_on.strftime("%d/%m/%Y") if a.completed_on else a.completed_text,
                  a.result, a.evidence, a.difficulties, a.proposals, a.file, a.sheet, str(a.row)]
        for c, value in enumerate(values, start=1):
            kit.put_text(sheet.cell(r, c), value)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(labels))}{max(len(answers) + 1, 2)}"
    sheet.freeze_panes = "B2"


def _statistics_sheet(sheet, plan: Plan, settings: Settings, period: Period, context: dict,
                      intakes: dict[str, Intake]) -> None:
    kit.put_text(sheet["A1"], f"SỐ LIỆU CCHC {period.title.upper()}", kit.FONT_TITLE)
    labels = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Lũy kế năm", "Chỉ tiêu kế hoạch", "Đánh giá",
              "Ghi chú, giải trình của cơ quan"]
    kit.header_row(sheet, 3, labels, [18, 50, 16, 14, 14, 16, 12, 50])
    current = intakes.get(period.id)
    notes = {f.code: f.note for f in current.figures if f.note} if current else {}
    rows = context["statistics"]
    for r, row in enumerate(rows, start=4):
        values = [row["code"], row["name"], row["unit"], row["this"]["text"], row["ytd"], row["target"], row["met"],
                  notes.get(row["code"], "")]
        for c, value in enumerate(values, start=1):
            cell = kit.put_text(sheet.cell(r, c), value)
            cell.border = kit.BORDER
            if row["this"]["missing"]:
                cell.fill = MISSING_FILL
        if row["met"] == "Chưa đạt":
            sheet.cell(r, 7).font = kit.FONT_PROBLEM
    sheet.freeze_panes = "C4"
    sheet.auto_filter.ref = f"A3:H{3 + len(rows)}"

    titles, series = rate_series(plan, settings, period, intakes)
    top = len(rows) + 6
    kit.put_text(sheet.cell(top, 1), "Tỷ lệ chính qua các kỳ báo cáo (%)", kit.FONT_BOLD)
    kit.header_row(sheet, top + 1, ["Tỷ lệ"] + titles)
    for r, (name, values) in enumerate(series.items(), start=top + 2):
        kit.put_text(sheet.cell(r, 1), name)
        for c, value in enumerate(values, start=2):
            cell = sheet.cell(r, c)
            cell.value = round(value, 1) if value is not None else None
            cell.number_format = "0.0"
            cell.font = kit.FONT
    if series and titles:
        chart = LineChart()
        chart.title = "Tỷ lệ chính qua các kỳ báo cáo"
        chart.y_axis.title = "%"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        last = top + 1 + len(series)
        data = Reference(sheet, min_col=1, max_col=1 + len(titles), min_row=top + 2, max_row=last)
        chart.add_data(data, from_rows=True, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=2, max_col=1 + len(titles), min_row=top + 1))
        chart.height, chart.width = 9, 22
        sheet.add_chart(chart, f"A{last + 2}")
