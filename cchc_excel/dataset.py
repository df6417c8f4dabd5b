"""A period's answers as tidy tables (pandas), and the summary's counts
computed from them.

- the answers table: one row per agency × product it reports (as lead or
  named coordinator) with its answer — empty when it sent none — where the
  answer came from, and the product's outcome for the period;
- the figures table: one row per agency × indicator it types;
- counts of products by section, by lead agency and by period: pivots of
  the per-product table, with the figures' definitions (what is expected, the
  completion rate) taken from :class:`outcomes.Figures`.

``cchc-excel export`` writes the two tables (CSV for machines, .xlsx for
people) for the province to combine across communes; the summary workbook
prints the counts. pandas is imported by this module only, and this module
only by the commands that need it (compile, export), so ``check`` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from . import openpyxlkit as kit
from .answers import Intake
from .assignments import agencies_with_forms, agency_indicators, form_rows
from .indicators import reached
from .models import Period, Plan, Settings, Status
from .outcomes import Figures, Outcome, Standing, agency_outcomes, outcomes
from .periods import format_window, parse_period
from .statistics import judgement, period_stats, rate_series, stat_rows, target_sources
from .summary import SummaryData

ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}
TOTAL = "Tổng cộng"


@dataclass(frozen=True)
class Column:
    key: str        # CSV header, stable for machines
    label: str      # header people read
    width: float    # column width in the .xlsx
    kind: str = "text"   # text | date | integer | number | flag


ANSWER_COLUMNS: tuple[Column, ...] = (
    Column("period", "Kỳ báo cáo", 10),
    Column("commune", "Tên xã, phường, đặc khu", 14),
    Column("section", "Lĩnh vực", 8),
    Column("item", "Mã sản phẩm", 9),
    Column("task", "Nội dung/Nhiệm vụ", 36),
    Column("product", "Hoạt động/Sản phẩm", 36),
    Column("timeframe", "Thời gian thực hiện", 16),
    Column("agency", "Mã cơ quan", 9),
    Column("agency_name", "Cơ quan", 26),
    Column("role", "Vai trò (mã)", 10),
    Column("role_label", "Vai trò", 10),
    Column("status", "Trạng thái (mã)", 12),
    Column("status_label", "Trạng thái", 16),
    Column("status_text", "Trạng thái (như đã ghi)", 16),
    Column("completed_on", "Ngày hoàn thành", 12, "date"),
    Column("completed_text", "Ngày hoàn thành (như đã ghi, không phải ngày)", 14),
    Column("result", "Kết quả thực hiện", 50),
    Column("evidence", "Văn bản minh chứng", 32),
    Column("difficulties", "Khó khăn, vướng mắc", 32),
    Column("proposals", "Đề xuất, kiến nghị", 32),
    Column("item_standing", "Sản phẩm trong kỳ (mã: due, done_earlier, not_due)", 12),
    Column("item_status", "Trạng thái sản phẩm (mã)", 12),
    Column("item_status_label", "Trạng thái sản phẩm trong kỳ", 16),
    Column("item_overdue", "Sản phẩm quá hạn", 10, "flag"),
    Column("file", "Tệp", 36),
    Column("sheet", "Trang tính", 20),
    Column("row", "Dòng", 7, "integer"),
    Column("locality", "Cấp hành chính", 9),   # last: the columns before keep their places
)

FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("period", "Kỳ báo cáo", 10),
    Column("commune", "Tên xã, phường, đặc khu", 14),
    Column("section", "Lĩnh vực", 8),
    Column("indicator", "Mã chỉ tiêu", 16),
    Column("indicator_name", "Chỉ tiêu", 44),
    Column("unit", "Đơn vị tính", 12),
    Column("agency", "Mã cơ quan", 9),
    Column("agency_name", "Cơ quan", 26),
    Column("value", "Số liệu", 12, "number"),
    Column("value_text", "Số liệu (như đã ghi)", 14),
    Column("note", "Ghi chú, giải trình", 40),
    Column("file", "Tệp", 36),
    Column("sheet", "Trang tính", 20),
    Column("row", "Dòng", 7, "integer"),
    Column("locality", "Cấp hành chính", 9),   # last: the columns before keep their places
)

# Per product (or per agency × product it leads): what the counts are pivoted from.
# ``standing`` says whether it is the period's work; a due product falls in
# exactly one ``category`` (a Status value, or not reported); ``late`` and
# ``overdue`` are flags on top. The classification itself is outcomes.py's.
FLAG_COLUMNS = ("key", "item", "standing", "category", "on_time", "late", "overdue")
NOT_REPORTED = "not_reported"
CATEGORIES = tuple(s.value for s in Status) + (NOT_REPORTED,)


def flag_frame(results: list[Outcome], key: str) -> pd.DataFrame:
    """One row per outcome, labelled ``key`` (a section, an agency, a period)."""
    rows = [{
        "key": key,
        "item": o.item.id,
        "standing": o.standing.value,
        "category": o.status.value if o.status else NOT_REPORTED,
        "on_time": o.status == Status.DONE and o.on_time is True,   # a «Thường xuyên» product has no time
        "late": o.status == Status.DONE and o.on_time is False,
        "overdue": o.overdue,
    } for o in results]
    return pd.DataFrame(rows, columns=list(FLAG_COLUMNS))


def answers_table(plan: Plan, period: Period, commune: str, locality: str, intake: Intake,
                  results: list[Outcome]) -> pd.DataFrame:
    """The tidy answers table (ANSWER_COLUMNS): every agency × product it
    reports, answered or not, in plan order, leads before coordinators.
    ``commune`` and ``locality``: «Hòa Bình» and «phường» (a province has wards and communes
    of the same name)."""
    names = {a.code: a.name for a in plan.agencies}
    given = {(a.agency, a.item): a for a in intake.answers}
    outcome_of = {o.item.id: o for o in results}
    rows = []
    for agency in agencies_with_forms(plan):
        for form_row in form_rows(plan, agency.code):
            item = form_row.item
            answer = given.get((agency.code, item.id))
            outcome = outcome_of[item.id]
            rows.append({
                "period": period.id, "commune": commune, "locality": locality, "section": item.section,
                "item": item.id,
                "task": item.task, "product": item.product, "timeframe": item.timeframe.text,
                "agency": agency.code, "agency_name": names[agency.code],
                "role": form_row.role, "role_label": ROLE_LABELS[form_row.role],
                "status": _key(answer.status) if answer else "",
                "status_label": answer.status.label if answer and answer.status else "",
                "status_text": answer.status_text if answer else "",
                "completed_on": answer.completed_on if answer else None,
                "completed_text": answer.completed_text if answer else "",
                "result": answer.result if answer else "", "evidence": answer.evidence if answer else "",
                "difficulties": answer.difficulties if answer else "",
                "proposals": answer.proposals if answer else "",
                "item_standing": outcome.standing.value, "item_status": _key(outcome.status),
                "item_status_label": outcome.status_label, "item_overdue": outcome.overdue,
                "file": Path(answer.file).name if answer else "", "sheet": answer.sheet if answer else "",
                "row": answer.row if answer else None,
            })
    frame = pd.DataFrame(rows, columns=[c.key for c in ANSWER_COLUMNS])
    order = {item.id: n for n, item in enumerate(plan.items)}
    frame = frame.assign(_order=frame["item"].map(order), _lead=frame["role"] != "lead")
    frame = frame.sort_values(["_order", "_lead", "agency"], kind="stable").drop(columns=["_order", "_lead"])
    frame["row"] = frame["row"].astype("Int64")
    return frame.reset_index(drop=True)


def figures_table(plan: Plan, period: Period, commune: str, locality: str, intake: Intake) -> pd.DataFrame:
    """The tidy figures table (FIGURE_COLUMNS): every agency × indicator it types."""
    given = {(f.agency, f.code): f for f in intake.figures}
    rows = []
    for agency in agencies_with_forms(plan):
        for indicator in agency_indicators(plan, agency.code):
            figure = given.get((agency.code, indicator.code))
            rows.append({
                "period": period.id, "commune": commune, "locality": locality, "section": indicator.section,
                "indicator": indicator.code, "indicator_name": indicator.name, "unit": indicator.unit,
                "agency": agency.code, "agency_name": agency.name,
                "value": figure.value if figure else None, "value_text": figure.text if figure else "",
                "note": figure.note if figure else "", "file": Path(figure.file).name if figure else "",
                "sheet": figure.sheet if figure else "", "row": figure.row if figure else None,
            })
    frame = pd.DataFrame(rows, columns=[c.key for c in FIGURE_COLUMNS])
    frame["value"] = frame["value"].astype("float64")
    frame["row"] = frame["row"].astype("Int64")
    return frame


def _key(status: Status | None) -> str:
    return status.value if status else ""


# --- counts ----------------------------------------------------------------------------


def count(frame: pd.DataFrame, order: list[str], total: bool) -> list[tuple[str, Figures]]:
    """Figures per ``key`` of a flag frame (in ``order``), and a total row when asked."""
    due = frame[frame["standing"] == Standing.DUE.value]
    counts = pd.pivot_table(due, index="key", columns="category", values="item", aggfunc="count", fill_value=0)
    counts = counts.reindex(index=order, columns=list(CATEGORIES), fill_value=0)
    flags = due.groupby("key")[["on_time", "late", "overdue"]].sum().reindex(order, fill_value=0)
    earlier = frame[frame["standing"] == Standing.DONE_EARLIER.value].groupby("key").size()
    table = counts.join(flags).assign(done_earlier=earlier.reindex(order, fill_value=0)).astype(int)
    if total:
        table.loc[TOTAL] = table.sum()
    return [(str(label), _figures(row)) for label, row in table.iterrows()]


def _figures(row: pd.Series) -> Figures:
    done, late = int(row[Status.DONE.value]), int(row["late"])
    return Figures(
        due=int(row[list(CATEGORIES)].sum()), done=done, carried_out=int(row[Status.CARRIED_OUT.value]),
        on_time=int(row["on_time"]), late=late, in_progress=int(row[Status.IN_PROGRESS.value]),
        not_started=int(row[Status.NOT_STARTED.value]), not_arisen=int(row[Status.NOT_ARISEN.value]),
        not_reported=int(row[NOT_REPORTED]), overdue=int(row["overdue"]), done_earlier=int(row["done_earlier"]),
    )


def by_section(plan: Plan, results: list[Outcome]) -> list[tuple[str, Figures]]:
    """Counts of products per plan section (section codes), then the total."""
    frame = pd.concat([flag_frame([o for o in results if o.item.section == s.code], s.code) for s in plan.sections],
                      ignore_index=True)
    return count(frame, [s.code for s in plan.sections], total=True)


def by_agency(plan: Plan, period: Period, results: list[Outcome]) -> list[tuple[str, Figures]]:
    """Counts of the products each agency leads, from its own answers (no
    total: products led by several agencies would count twice)."""
    names = [a.name for a in agencies_with_forms(plan) if any(a.code in o.item.lead for o in results)]
    codes = {a.name: a.code for a in agencies_with_forms(plan)}
    frame = pd.concat([flag_frame(agency_outcomes(period, results, codes[n]), n) for n in names],
                      ignore_index=True)
    return count(frame, names, total=False)


def by_period(periods: list[tuple[Period, list[Outcome]]]) -> list[tuple[str, Figures]]:
    """Counts of products per report of the year (no total: the 6-month and
    annual windows contain the quarters)."""
    frame = pd.concat([flag_frame(results, p.name) for p, results in periods], ignore_index=True)
    return count(frame, [p.name for p, _ in periods], total=False)


# --- the summary's data ------------------------------------------------------------------


def commune_of(plan: Plan, settings: Settings) -> str:
    return settings.commune or plan.meta.commune


def summary_data(plan: Plan, settings: Settings, period: Period, intake: Intake,
                 intakes: dict[str, Intake]) -> SummaryData:
    """Everything the summary workbook shows. ``intakes``: the returns of the
    year's reports by period id, this period's included."""
    results = outcomes(plan, period, intake)
    answers = answers_table(plan, period, commune_of(plan, settings), settings.locality, intake, results)
    earlier = [parse_period(pid) for pid in intakes if pid != period.id]
    year = sorted((p for p in earlier if p.year == period.year and p.end < period.end), key=lambda p: p.end)
    periods = [(p, outcomes(plan, p, intakes[p.id])) for p in year] + [(period, results)]
    stats = period_stats(plan, settings, period, intakes)
    notes = {f.code: f.note for f in intake.figures if f.note}
    sources = target_sources(plan)
    verdicts = {row["code"]: row["met"] for row in stat_rows(stats, period, sources)}
    short = set()
    for stat in stats:
        judged = judgement(stat, period, sources.get(stat.indicator.code))
        if verdicts[stat.indicator.code] and judged.due and reached(stat.indicator, judged.value) is False:
            short.add(stat.indicator.code)
    return SummaryData(
        plan=plan, period=period, window=format_window(period), outcomes=results,
        by_section=by_section(plan, results), by_agency=by_agency(plan, period, results),
        by_period=by_period(periods), answers=answers, stats=stats, notes=notes,
        series=rate_series(plan, settings, period, intakes), verdicts=verdicts, short=frozenset(short),
    )


# --- the export ---------------------------------------------------------------------------

ANSWERS_SHEET = "Trả lời"
FIGURES_SHEET = "Số liệu"


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV for machines: UTF-8 (no byte-order mark), comma separators, dot
    decimals, ISO dates, stable column keys as headers."""
    return frame.to_csv(index=False, sep=",", decimal=".", date_format="%Y-%m-%d", lineterminator="\n",
                        ).encode("utf-8")


def export_workbook(period: Period, place: str, answers: pd.DataFrame, figures: pd.DataFrame) -> Workbook:
    """The two tables as sheets people open: Vietnamese headers, filters, dates
    and figures as date and number cells, agency text always as text. ``place``: «phường Hòa Bình»."""
    workbook = Workbook()
    _table_sheet(workbook.active, ANSWERS_SHEET, ANSWER_COLUMNS, answers)
    _table_sheet(workbook.create_sheet(), FIGURES_SHEET, FIGURE_COLUMNS, figures)
    workbook.properties.creator = "cchc-excel"
    workbook.properties.title = f"Dữ liệu CCHC {period.title} – {place}"
    return workbook


def _table_sheet(sheet, name: str, columns: tuple[Column, ...], frame: pd.DataFrame) -> None:
    sheet.title = name
    kit.header_row(sheet, 1, [c.label for c in columns], [c.width for c in columns])
    for r, record in enumerate(frame.to_dict("records"), start=2):
        for c, column in enumerate(columns, start=1):
            value = record[column.key]
            cell = sheet.cell(r, c)
            missing = value is None or pd.isna(value)
            if column.kind == "text":     # one line per row: a table to sort and filter, not to read as prose
                kit.put_text(cell, "" if missing else value, align=kit.NO_WRAP)
            elif column.kind == "flag":
                kit.put_text(cell, "Có" if value else "Không", align=kit.NO_WRAP)
            elif column.kind == "date":
                kit.put_number(cell, None if missing else value, "dd/mm/yyyy")
            else:
                kit.put_number(cell, None if missing else value, "0" if column.kind == "integer" else "#,##0.##")
    last = max(len(frame) + 1, 2)
    kit.fit_rows(sheet, 1, 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    sheet.freeze_panes = "A2"
    kit.print_setup(sheet, landscape=True, title_rows="1:1")
