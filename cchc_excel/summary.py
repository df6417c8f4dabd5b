"""The summary workbook (tong-hop-<period>.xlsx), built from data: the
period's outcomes, the counts pivoted from the tidy answers table
(:mod:`dataset`) and the figures (:mod:`statistics`) — never from the
report's display strings.

Fit to compute: every count, rate and figure is a number cell with a number
format (Excel and LibreOffice show the reader's separators). Fit to print:
every sheet A4 landscape, fitted to the page width, header rows repeated,
rows as tall as their wrapped text. Agency text is always written as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import openpyxlkit as kit
from .models import IndicatorKind, Period, Plan
from .outcomes import Figures, Outcome
from .report import sentence_case
from .statistics import Stat

OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")
MISSING_FILL = PatternFill("solid", fgColor="FFF2CC")
COUNT = "count"
RATE = "rate"
# Columns of the count sheets: (Figures field, header, kind). Counts are of products (plan rows).
COUNT_COLUMNS = (
    ("due", "Sản phẩm đến hạn trong kỳ", COUNT),
    ("not_arisen", "Chưa phát sinh", COUNT),
    ("expected", "Phải thực hiện (trừ chưa phát sinh)", COUNT),
    ("done", "Đã hoàn thành", COUNT),
    ("carried_out", "Đã thực hiện trong kỳ", COUNT),
    ("rate", "Tỷ lệ hoàn thành", RATE),
    ("on_time", "Hoàn thành đúng hạn", COUNT),
    ("late", "Hoàn thành chậm", COUNT),
    ("in_progress", "Đang thực hiện", COUNT),
    ("not_started", "Chưa thực hiện", COUNT),
    ("not_reported", "Chưa báo cáo", COUNT),
    ("overdue", "Quá hạn", COUNT),
    ("done_earlier", "Đã hoàn thành từ kỳ trước (không tính)", COUNT),
)


@dataclass(frozen=True)
class SummaryData:
    """What the summary shows, as data. Counts are (row label, Figures) lists."""

    plan: Plan
    period: Period
    window: str
    outcomes: list[Outcome]
    by_section: list[tuple[str, Figures]]
    by_agency: list[tuple[str, Figures]]
    by_period: list[tuple[str, Figures]]
    answers: object                                  # dataset.answers_table (a DataFrame)
    stats: list[Stat] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)   # indicator code -> the agency's note
    verdicts: dict[str, str] = field(default_factory=dict)   # indicator code -> the report's verdict words
    short: frozenset[str] = frozenset()                    # indicator codes judged below their target
    series: tuple[list[str], dict[str, list[float | None]]] = ([], {})   # rates (%) per report of the year


def summary_workbook(data: SummaryData) -> Workbook:
    workbook = Workbook()
    period_title = data.period.title.upper()
    _items_sheet(workbook.active, data)
    sections = {s.code: sentence_case(s.title) for s in data.plan.sections}
    _counts_sheet(workbook.create_sheet("Theo lĩnh vực"), f"KẾT QUẢ THEO LĨNH VỰC {period_title}", "Lĩnh vực",
                  [(sections.get(label, label), f) for label, f in data.by_section], chart=True)
    _counts_sheet(workbook.create_sheet("Theo cơ quan"), f"KẾT QUẢ THEO CƠ QUAN CHỦ TRÌ {period_title}",
                  "Cơ quan chủ trì", data.by_agency, chart=True)
    periods = workbook.create_sheet("Theo kỳ báo cáo")
    _counts_sheet(periods, f"KẾT QUẢ QUA CÁC KỲ BÁO CÁO NĂM {data.period.year}", "Kỳ báo cáo", data.by_period,
                  chart=False)
    if data.plan.indicators:
        _rates_by_period(periods, data.series)
    _answers_sheet(workbook.create_sheet("Chi tiết trả lời"), data)
    if data.plan.indicators:
        _statistics_sheet(workbook.create_sheet("Số liệu"), data)
    # Other areas add their sheets here (one call each), before the print setup below.
    for sheet in workbook.worksheets:
        if not sheet.page_setup.paperSize:
            kit.print_setup(sheet, landscape=True)
    workbook.properties.creator = "cchc-excel"
    workbook.properties.title = f"Tổng hợp CCHC {data.period.title}"
    return workbook


def _items_sheet(sheet: Worksheet, data: SummaryData) -> None:
    sheet.title = "Tổng hợp sản phẩm"
    names = {a.code: a.name for a in data.plan.agencies}
    labels = ["Mã", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Thời gian", "Trạng thái",
              "Kết quả thực hiện", "Văn bản minh chứng", "Nguồn (tệp › trang › dòng)"]
    printed = len(labels) - 1            # the sources column is for the screen, not the paper
    kit.title(sheet, 1, f"TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC {data.period.title.upper()}", printed)
    kit.title(sheet, 2, f"Số liệu từ {data.window}. Đơn vị đếm: sản phẩm (mỗi dòng của Kế hoạch). "
                        "Dòng tô cam: quá hạn; tô vàng: chưa báo cáo.", printed, kit.FONT_ITALIC)
    kit.header_row(sheet, 4, labels, [7, 28, 32, 18, 13, 15, 46, 28, 60])
    for row, o in enumerate(data.outcomes, start=5):
        item = o.item
        several = len(o.leads) > 1
        results = [f"{names[a.agency]}: {a.result}" if several else a.result for a in o.leads if a.result]
        results += [f"Phối hợp – {names[a.agency]}: {a.result}" for a in o.coordinators if a.result]
        status = o.status_label + (" (quá hạn)" if o.overdue else "")
        values = [item.id, item.task, item.product,
                  item.lead_text if item.lead_is_group else ", ".join(names[c] for c in item.lead),
                  item.timeframe.text, status, "\n".join(results),
                  "; ".join(sorted({a.evidence for a in o.leads if a.evidence})),
                  "\n".join(f"{Path(a.file).name} › {a.sheet} › dòng {a.row}" for a in (*o.leads, *o.coordinators))]
        fill = OVERDUE_FILL if o.overdue else MISSING_FILL if o.status is None and o.due else None
        for col, value in enumerate(values, start=1):
            cell = kit.put_text(sheet.cell(row, col), value)
            cell.border = kit.BORDER
            if fill:
                cell.fill = fill
    last = 4 + len(data.outcomes)
    kit.fit_rows(sheet, 4, last)
    sheet.auto_filter.ref = f"A4:{get_column_letter(len(labels))}{last}"
    sheet.freeze_panes = "C5"
    kit.print_setup(sheet, landscape=True, title_rows="4:4", print_area=f"A1:{get_column_letter(printed)}{last}")


def _rate(figures: Figures) -> float | None:
    """Completed (done or carried out) over expected, as the report's rate."""
    return round(figures.completed / figures.expected, 4) if figures.expected else None


def _counts_sheet(sheet: Worksheet, title: str, label: str, rows: list[tuple[str, Figures]], chart: bool) -> None:
    last_col = 1 + len(COUNT_COLUMNS)
    kit.title(sheet, 1, title, last_col)
    kit.header_row(sheet, 3, [label] + [name for _, name, _ in COUNT_COLUMNS], [38] + [10.5] * len(COUNT_COLUMNS))
    for r, (name, figures) in enumerate(rows, start=4):
        font = kit.FONT_BOLD if name == "Tổng cộng" else kit.FONT
        kit.put_text(sheet.cell(r, 1), name, font).border = kit.BORDER
        for c, (key, _, kind) in enumerate(COUNT_COLUMNS, start=2):
            if kind == RATE:
                cell = kit.put_number(sheet.cell(r, c), _rate(figures), kit.RATE_FORMAT, font)
            else:
                cell = kit.put_number(sheet.cell(r, c), getattr(figures, key), kit.COUNT_FORMAT, font)
            cell.border = kit.BORDER
    last = 3 + len(rows)
    kit.fit_rows(sheet, 3, last)
    sheet.freeze_panes = "B4"
    kit.print_setup(sheet, landscape=True, title_rows="3:3")
    plotted = [name for name, _ in rows if name != "Tổng cộng"]
    if chart and plotted:
        bars = BarChart()
        bars.type = "bar"
        bars.title = "Tỷ lệ hoàn thành"
        bars.y_axis.number_format = "0%"
        bars.y_axis.scaling.min, bars.y_axis.scaling.max = 0, 1
        rate_col = 1 + [k for k, _, _ in COUNT_COLUMNS].index("rate") + 1
        bars.add_data(Reference(sheet, min_col=rate_col, min_row=3, max_row=3 + len(plotted)), titles_from_data=True)
        bars.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=3 + len(plotted)))
        bars.legend = None
        bars.height, bars.width = 3 + 0.9 * len(plotted), 24
        sheet.add_chart(bars, f"A{last + 3}")


def _answers_sheet(sheet: Worksheet, data: SummaryData) -> None:
    """Every agency × product it reports, answered or not (the tidy answers table)."""
    columns = [("item", "Mã", 8), ("agency_name", "Cơ quan", 24), ("role_label", "Vai trò", 9),
               ("status_label", "Trạng thái", 14), ("status_text", "Trạng thái (như đã ghi)", 14),
               ("completed_on", "Ngày hoàn thành", 12), ("result", "Kết quả thực hiện", 44),
               ("evidence", "Văn bản minh chứng", 28), ("difficulties", "Khó khăn, vướng mắc", 26),
               ("proposals", "Đề xuất, kiến nghị", 26), ("file", "Tệp", 36), ("sheet", "Trang tính", 22),
               ("row", "Dòng", 7)]
    printed = 10                           # file, sheet and row are for finding the cell, not for paper
    kit.title(sheet, 1, f"CHI TIẾT TRẢ LỜI CỦA CÁC CƠ QUAN {data.period.title.upper()}", printed)
    kit.header_row(sheet, 3, [label for _, label, _ in columns], [width for _, _, width in columns])
    frame = data.answers
    for r, record in enumerate(frame.to_dict("records"), start=4):
        for c, (key, _, _) in enumerate(columns, start=1):
            value = record[key]
            cell = sheet.cell(r, c)
            if key == "completed_on":
                cell.value = value or None       # records hold None, never NaN, for a missing value
                cell.number_format = "dd/mm/yyyy"
                cell.font = kit.FONT
                cell.alignment = kit.WRAP_TOP
            elif key == "row":
                kit.put_number(cell, None if value is None else int(value), "0")
            elif key == "file":
                kit.put_text(cell, Path(value).name if value else "", align=kit.NO_WRAP)
            elif key == "sheet":
                kit.put_text(cell, value, align=kit.NO_WRAP)
            else:
                kit.put_text(cell, value)
            cell.border = kit.BORDER
            if not record["status"] and record["role"] == "lead" and record["item_standing"] == "due":
                cell.fill = MISSING_FILL
    last = max(3 + len(frame), 4)
    kit.fit_rows(sheet, 3, last)
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(columns))}{last}"
    sheet.freeze_panes = "C4"
    kit.print_setup(sheet, landscape=True, title_rows="3:3", print_area=f"A1:{get_column_letter(printed)}{last}")


def _value_format(stat: Stat) -> str:
    kind = stat.indicator.kind
    return kit.RATE_FORMAT if kind == IndicatorKind.RATE else (
        kit.AMOUNT_FORMAT if kind == IndicatorKind.AMOUNT else kit.COUNT_FORMAT)


def _number(stat: Stat, value: float | None) -> float | None:
    """Rates are kept in percent by the statistics; a cell holds the fraction."""
    if value is None:
        return None
    return round(value / 100, 6) if stat.indicator.kind == IndicatorKind.RATE else value


def _statistics_sheet(sheet: Worksheet, data: SummaryData) -> None:
    labels = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Lũy kế năm", "Chỉ tiêu kế hoạch", "Đánh giá",
              "Ghi chú, giải trình của cơ quan"]
    kit.title(sheet, 1, f"SỐ LIỆU CCHC {data.period.title.upper()}", len(labels))
    code_width = max([len(s.indicator.code) for s in data.stats] + [12]) + 3   # codes never wrap
    kit.header_row(sheet, 3, labels, [code_width, 46, 14, 13, 13, 13, 11, 40])
    for r, stat in enumerate(data.stats, start=4):
        indicator = stat.indicator
        number_format = _value_format(stat)
        wrong = stat.missing and stat.this is not None    # a rate outside 0–100%: wrong counts
        wrong_ytd = indicator.kind == IndicatorKind.RATE and stat.ytd is not None and not 0 <= stat.ytd <= 100
        kit.put_text(sheet.cell(r, 1), indicator.code, align=kit.NO_WRAP)
        kit.put_text(sheet.cell(r, 2), indicator.name)
        kit.put_text(sheet.cell(r, 3), indicator.unit)
        if wrong:
            kit.put_text(sheet.cell(r, 4), "[số liệu sai]", kit.FONT_PROBLEM)
        else:
            kit.put_number(sheet.cell(r, 4), _number(stat, stat.this), number_format)
        if wrong_ytd:
            kit.put_text(sheet.cell(r, 5), "[số liệu sai]", kit.FONT_PROBLEM)
        else:
            kit.put_number(sheet.cell(r, 5), _number(stat, stat.ytd), number_format)
        target = indicator.target
        kit.put_number(sheet.cell(r, 6), None if target is None else _number(stat, target), f'"≥ "{number_format}')
        kit.put_text(sheet.cell(r, 7), data.verdicts.get(indicator.code, ""),
                     kit.FONT_PROBLEM if indicator.code in data.short else kit.FONT)
        kit.put_text(sheet.cell(r, 8), data.notes.get(indicator.code, ""))
        for c in range(1, len(labels) + 1):
            sheet.cell(r, c).border = kit.BORDER
            if stat.missing:
                sheet.cell(r, c).fill = MISSING_FILL
    last = 3 + len(data.stats)
    kit.fit_rows(sheet, 3, last)
    sheet.freeze_panes = "C4"
    sheet.auto_filter.ref = f"A3:H{last}"
    kit.print_setup(sheet, landscape=True, title_rows="3:3")


def _rates_by_period(sheet: Worksheet, series: tuple[list[str], dict[str, list[float | None]]]) -> None:
    """The main rates of each report of the year, under the counts, with a line chart."""
    titles, rates = series
    top = sheet.max_row + 3
    kit.put_text(sheet.cell(top, 1), "Tỷ lệ chính qua các kỳ báo cáo", kit.FONT_BOLD, kit.NO_WRAP)
    for c, label in enumerate(["Tỷ lệ"] + titles, start=1):
        cell = kit.put_text(sheet.cell(top + 1, c), label, kit.FONT_BOLD, kit.WRAP_CENTER)
        cell.fill, cell.border = kit.HEADER_FILL, kit.BORDER
    for r, (name, values) in enumerate(rates.items(), start=top + 2):
        kit.put_text(sheet.cell(r, 1), name).border = kit.BORDER
        for c, value in enumerate(values, start=2):
            if value is not None and not 0 <= value <= 100:      # only wrong counts give such a rate
                cell = kit.put_text(sheet.cell(r, c), "[số liệu sai]", kit.FONT_PROBLEM)
            else:
                cell = kit.put_number(sheet.cell(r, c), None if value is None else round(value / 100, 6),
                                      kit.RATE_FORMAT)
            cell.border = kit.BORDER
    end = top + 1 + len(rates)
    kit.fit_rows(sheet, top + 1, end)
    if rates and len(titles) >= 2:      # one report of the year is a point, not a line
        lines = LineChart()
        lines.title = "Tỷ lệ chính qua các kỳ báo cáo"
        lines.y_axis.number_format = "0%"
        lines.y_axis.scaling.min, lines.y_axis.scaling.max = 0, 1
        lines.add_data(Reference(sheet, min_col=1, max_col=1 + len(titles), min_row=top + 2, max_row=end),
                       from_rows=True, titles_from_data=True)
        lines.set_categories(Reference(sheet, min_col=2, max_col=1 + len(titles), min_row=top + 1))
        lines.height, lines.width = 9, 24
        sheet.add_chart(lines, f"A{end + 2}")
