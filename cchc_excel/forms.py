"""The workbook each agency fills in: a guide sheet, one sheet per plan section
with its items, dropdowns on a hidden list sheet, locked plan columns, and a
hidden metadata sheet that identifies a returned file by its content.

Pure: builds the workbook in memory (xlsxwriter, shared formats) and returns
its .xlsx bytes; the use case writes them.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

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

AUTHOR = "cchc-excel"
DIGEST_PROPERTY = "cchc-excel digest"   # custom document property of a feedback copy: what it was made from
CONDITIONAL_NOTE = (f"Nhiệm vụ chỉ thực hiện khi có phát sinh/yêu cầu. Nếu trong kỳ chưa có, chọn "
                    f"«{Status.NOT_ARISEN.label}»; đã làm thì chọn «{Status.CARRIED_OUT.label}».")


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
    digest: str = "",
) -> bytes:
    """The agency's workbook for the period (.xlsx bytes), with answers
    pre-filled if given; ``digest`` (a feedback copy's) is kept in its
    document properties."""
    rows = form_rows(plan, agency.code)
    indicators = agency_indicators(plan, agency.code)
    deadline = deadline or return_deadline(period, settings)
    prefill = prefill or Prefill()
    book = kit.Book(lock_structure=True)
    by_section = [(s, [r for r in rows if r.item.section == s.code]) for s in plan.sections]
    by_section = [(s, rs) for s, rs in by_section if rs]
    # Sheets in their order in the file; the lists sheet last.
    guide = book.add_sheet(spec.GUIDE_SHEET)
    sections = [(book.add_sheet(s.short_name), s, rs) for s, rs in by_section]
    figures = book.add_sheet(spec.FIGURES_SHEET) if indicators else None
    meta = book.add_sheet(spec.META_SHEET)
    lists = book.add_sheet(spec.LISTS_SHEET)
    _guide_sheet(book, guide, plan, settings, period, agency, deadline, by_section, prefill, len(indicators))
    for sheet, section, section_rows in sections:
        _section_sheet(book, sheet, section, section_rows, agency, period, prefill)
    if figures is not None:
        _figures_sheet(book, figures, indicators, agency, period, settings, prefill)
    _meta_sheet(book, meta, plan, period, agency, generated_on, prefill.source)
    _lists_sheet(book, lists)
    stamp = dt.datetime.combine(generated_on, dt.time())
    book.workbook.set_properties({"author": AUTHOR, "created": stamp,
                                  "title": f"Biểu mẫu CCHC {period.title} - {agency.name}"})
    if digest:
        book.workbook.set_custom_property(DIGEST_PROPERTY, digest)
    return book.close()


def _lists_sheet(book: kit.Book, sheet) -> None:
    text = book.style("text")
    for row, label in enumerate((s.label for s in Status), start=1):
        book.text(sheet, row, 1, label, text)
    book.workbook.define_name(spec.STATUS_NAME, f"='{spec.LISTS_SHEET}'!$A$1:$A${len(Status)}")
    sheet.hide()
    kit.protect(sheet)


def _guide_sheet(book: kit.Book, sheet, plan, settings, period, agency, deadline, by_section, prefill: Prefill,
                 figures: int) -> None:
    kit.set_widths(sheet, (28, 90))
    book.text(sheet, 1, 1, "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
              book.style("text", "title"))
    explained: dict[int, str] = {}     # row -> its column B text (the row's height follows it)

    def put(row: int, col: int, value: str, *style: str) -> None:
        book.text(sheet, row, col, value, book.style("text", *style))
        if col == 2:
            explained[row] = value

    carried_from = prefill.source
    meta = plan.meta
    plan_ref = f"Kế hoạch số {meta.number}" + (f" ngày {meta.date:%d/%m/%Y}" if meta.date else "")
    if meta.issuer:
        plan_ref += f" của {meta.issuer}"
    facts = [
        (settings.locality.capitalize(), settings.commune or meta.commune),   # Xã, Phường, Đặc khu
        ("Cơ quan báo cáo", agency.name),
        ("Kỳ báo cáo", f"{period.name} năm {period.year}" if period.kind != "Y" else f"Năm {period.year}"),
        ("Số liệu tính từ", f"{format_window(period)} (theo hướng dẫn chế độ báo cáo CCHC)"),
        ("Hạn gửi lại biểu mẫu", ". Lưu ý: ".join(filter(None, (describe_deadline(deadline), early_note(deadline))))),
        ("Căn cứ", plan_ref),
        ("Đầu mối hướng dẫn", settings.contact or "Phòng Văn hóa - Xã hội"),
    ]
    row = 3
    for label, value in facts:
        put(row, 1, label, "bold")
        put(row, 2, value)
        row += 1
    row += 1
    if prefill.problems:
        row = _numbered_list(put, row, ("CẦN SỬA LẠI", "bold", "problem_text"),
                             (f"{len(prefill.problems)} vấn đề; các ô cần sửa được tô đỏ và có ghi chú "
                              "(rê chuột vào ô để đọc).", "bold", "problem_text"), prefill.problems)
    if prefill.understood:
        row = _numbered_list(put, row, ("ĐÃ TỰ HIỂU", "bold"),
                             ("Chương trình đã hiểu các ô sau như dưới đây; kiểm tra lại, "
                              "sửa nếu hiểu sai (ô có ghi chú).", "italic"), prefill.understood)
    put(row, 1, "Các trang cần điền", "bold")
    for section, rows in by_section:
        leads = sum(r.role == "lead" for r in rows)
        put(row, 2, f"«{section.short_name}»: {len(rows)} sản phẩm ({leads} chủ trì, {len(rows) - leads} phối hợp)")
        row += 1
    if figures:
        put(row, 2, f"«{spec.FIGURES_SHEET}»: {figures} chỉ tiêu số liệu")
        row += 1
    row += 1
    put(row, 1, "Cách điền", "bold")
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
        put(row, 2, f"{number}. {step}")
        row += 1
    row += 1
    put(row, 1, "Ý nghĩa trạng thái", "bold")
    for label, meaning in ((s.label, s.guide) for s in Status):
        put(row, 2, f"{label}: {meaning}")
        row += 1
    for r in range(3, row):
        sheet.set_row(r - 1, 18 * max(1, math.ceil(len(explained.get(r, "")) / 95)))
    kit.protect(sheet)
    kit.page_setup(sheet, landscape=False)


def _numbered_list(put, row: int, title: tuple, intro: tuple, lines) -> int:
    """A titled, numbered list on the guide sheet; returns the row after it and a blank line."""
    put(row, 1, title[0], *title[1:])
    put(row, 2, intro[0], *intro[1:])
    row += 1
    for number, text in enumerate(lines, start=1):
        put(row, 2, f"{number}. {text}")
        row += 1
    return row + 1


def _validation(kind: str, title: str, prompt: str, error_title: str, error: str, **criteria) -> dict:
    """An xlsxwriter data validation: its Vietnamese prompt and error message shown."""
    return {"validate": kind, "input_title": title, "input_message": prompt, "error_title": error_title,
            "error_message": error, "ignore_blank": True, "show_input": True, "show_error": True, **criteria}


def _status_validation(prompt: str) -> dict:
    # The list is the defined name: in the file a formula is stored bare, as Excel itself writes it.
    return _validation("list", "Trạng thái", prompt, "Trạng thái không hợp lệ",
                       "Chọn một trạng thái trong danh sách: " + "; ".join(s.label for s in Status) + ".",
                       source=f"={spec.STATUS_NAME}")


def _ranges(letter: str, rows: list[int]) -> str:
    """'H5:H7 H9' for rows 5, 6, 7, 9 of column H (a validation's cell list)."""
    parts, start = [], None
    for i, row in enumerate(rows):
        if start is None:
            start = row
        if i + 1 == len(rows) or rows[i + 1] != row + 1:
            parts.append(f"{letter}{start}" if start == row else f"{letter}{start}:{letter}{row}")
            start = None
    return " ".join(parts)


def _add_validation(sheet, options: dict, ranges: str) -> None:
    """One validation over every range listed (one <dataValidation>, as a spreadsheet app keeps it)."""
    first = ranges.split()[0].split(":")[0]
    sheet.data_validation(first, {**options, "multi_range": ranges})


def _section_sheet(book: kit.Book, sheet, section, rows: list[FormRow], agency, period, prefill: Prefill) -> None:
    ncols = len(spec.COLUMNS)
    book.text(sheet, 1, 1, f"{section.code}. {section.title}", book.style("text", "title"))
    book.text(sheet, 2, 1, f"Cơ quan: {agency.name} — Kỳ báo cáo: {period.title} "
                           f"(số liệu từ {format_window(period)})", book.style("text", "italic", "no_wrap"))
    book.text(sheet, 3, 1, "Chỉ nhập vào các ô nền vàng. Xem trang «Hướng dẫn» để biết cách điền.",
              book.style("text", "small_italic", "no_wrap"))
    _header_row(book, sheet, [c.label for c in spec.COLUMNS], [c.width for c in spec.COLUMNS], 48)

    col = spec.COLUMN_INDEX
    kinds: dict[TimeframeKind | None, list[int]] = {}
    plain, not_due_style = book.style("text", "border"), book.style("text", "border", "not_due")
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
        plan_style = not_due_style if values["due"] == "Chưa đến hạn" else plain
        for column in spec.COLUMNS:
            c = col[column.key]
            if not column.input:
                book.text(sheet, r, c, values[column.key], plan_style)
                continue
            value = previous.get(column.key)
            fill = "carried" if value not in (None, "") and prefill.source else "input"
            fill = _annotate(sheet, r, c, prefill, (item.id, column.key)) or fill
            if column.key == "completed_on" and (value is None or isinstance(value, dt.date)):
                book.value(sheet, r, c, value, book.style("text", "border", "input", fill, "date"))
            else:
                book.text(sheet, r, c, value, book.style("text", "border", "input", fill, "as_text"))
        kind = item.timeframe.kind if item.timeframe.kind in (TimeframeKind.CONDITIONAL,
                                                              TimeframeKind.RECURRING) else None
        kinds.setdefault(kind, []).append(r)
        if item.timeframe.kind == TimeframeKind.CONDITIONAL:
            sheet.write_comment(r - 1, col["due"] - 1, CONDITIONAL_NOTE,
                                {"author": AUTHOR, "width": 260, "height": 90})
        sheet.set_row(r - 1, _row_height(values, previous))

    prompts = {
        None: "Chọn trạng thái thực hiện trong kỳ.",
        TimeframeKind.RECURRING: f"Nhiệm vụ thường xuyên: đã làm trong kỳ thì chọn «{Status.CARRIED_OUT.label}».",
        TimeframeKind.CONDITIONAL: f"Nhiệm vụ khi phát sinh: chọn «{Status.NOT_ARISEN.label}» nếu trong kỳ "
                                   f"chưa có việc, «{Status.CARRIED_OUT.label}» nếu đã làm.",
    }
    status = kit.get_column_letter(col["status"])
    for kind, prompt in prompts.items():
        if kinds.get(kind):
            _add_validation(sheet, _status_validation(prompt), _ranges(status, kinds[kind]))
    if rows:
        first, last = spec.FIRST_ROW, spec.FIRST_ROW + len(rows) - 1
        day = kit.get_column_letter(col["completed_on"])
        # A warning, not a stop: on a computer set to US English, Excel takes "15/03/2026" as
        # text, which a date rule would refuse; the tool reads such text dates correctly.
        _add_validation(sheet, _validation(
            "date", "Ngày hoàn thành", "Ghi ngày/tháng/năm, ví dụ 15/03/2026.", "Kiểm tra lại ngày",
            f"Ngày phải trong năm {period.year - 1}–{period.year + 1}, dạng ngày/tháng/năm. "
            "Nếu đã ghi đúng dạng ngày/tháng/năm mà máy vẫn báo, bấm Yes để giữ nguyên.",
            criteria="between", minimum=f"=DATE({period.year - 1},1,1)", maximum=f"=DATE({period.year + 1},12,31)",
            error_type="warning"), f"{day}{first}:{day}{last}")
        first_text, last_text = kit.get_column_letter(col["result"]), kit.get_column_letter(col["proposals"])
        _add_validation(sheet, _validation(
            "length", "Nội dung", "Ghi cụ thể; Alt+Enter để xuống dòng.", "Quá dài",
            "Mỗi ô tối đa 5.000 ký tự; tóm tắt lại hoặc chia sang ô khác.", criteria="<=", value=5000),
            f"{first_text}{first}:{last_text}{last}")
        sheet.autofilter(spec.HEADER_ROW - 1, 0, last - 1, ncols - 1)
    sheet.freeze_panes(spec.FIRST_ROW - 1, col["task"] - 1)
    kit.protect(sheet, inputs=True)
    kit.page_setup(sheet, landscape=True, title_row=spec.HEADER_ROW)


def _header_row(book: kit.Book, sheet, labels: list[str], widths: list[float], height: float) -> None:
    style = book.style("text", "header", "border")
    for col, label in enumerate(labels, start=1):
        book.text(sheet, spec.HEADER_ROW, col, label, style)
    kit.set_widths(sheet, widths)
    sheet.set_row(spec.HEADER_ROW - 1, height)


def _figures_sheet(book: kit.Book, sheet, indicators: list[Indicator], agency, period, settings,
                   prefill: Prefill) -> None:
    start, end = increment_window(period, settings.schedule)
    book.text(sheet, 1, 1, "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH", book.style("text", "title"))
    book.text(sheet, 2, 1, f"Cơ quan: {agency.name} — «Phát sinh trong kỳ»: số phát sinh từ {start:%d/%m/%Y} "
                           f"đến {end:%d/%m/%Y} (kể từ kỳ báo cáo trước); «Tại thời điểm cuối kỳ»: số có "
                           f"đến ngày {end:%d/%m/%Y}.", book.style("text", "italic", "no_wrap"))
    book.text(sheet, 3, 1, "Nhập số (ví dụ 1234 hoặc 1.234; số lẻ dùng dấu phẩy: 12,5). Không có thì ghi 0. "
                           "Tỷ lệ % do chương trình tự tính.", book.style("text", "small_italic", "no_wrap"))
    labels = [c.label for c in spec.FIGURE_COLUMNS]
    if prefill.previous_title:
        labels[spec.FIGURE_INDEX["previous"] - 1] = f"Kỳ trước ({prefill.previous_title})"
    _header_row(book, sheet, labels, [c.width for c in spec.FIGURE_COLUMNS], 40)
    col = spec.FIGURE_INDEX
    plain = book.style("text", "border")
    previous_style = book.style("text", "border", "figure", "no_wrap")
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
            c = col[column.key]
            if column.key == "previous":
                book.value(sheet, r, c, prefill.previous_figures.get(indicator.code), previous_style)
            elif not column.input:
                book.text(sheet, r, c, values[column.key], plain)
            else:
                fill = _annotate(sheet, r, c, prefill, (indicator.code, column.key)) or "input"
                value = typed.get(column.key)
                if column.key == "value" and (value is None or isinstance(value, (int, float))):
                    book.value(sheet, r, c, value, book.style("text", "border", "input", fill, "figure", "no_wrap"))
                else:
                    book.text(sheet, r, c, value, book.style("text", "border", "input", fill, "as_text"))
        sheet.set_row(r - 1, _fitted([(str(values[c.key]), c.width) for c in spec.FIGURE_COLUMNS
                                      if c.key in values], lines=2))     # «Cách tính» may take three lines
    value_col = kit.get_column_letter(col["value"])
    last = spec.FIRST_ROW + len(indicators) - 1
    _add_validation(sheet, _validation(
        "decimal", "Số liệu", "Nhập một số không âm, ví dụ 1234 hoặc 12,5.", "Kiểm tra lại số",
        "Chỉ nhập số không âm, không nhập chữ. Nếu đã ghi đúng số (ví dụ 12,5) mà máy vẫn báo, "
        "bấm Yes để giữ nguyên.", criteria=">=", value=0,
        error_type="warning"),    # "12,5" is text on a US-English Excel; the tool reads it
        f"{value_col}{spec.FIRST_ROW}:{value_col}{last}")
    sheet.freeze_panes(spec.FIRST_ROW - 1, 2)
    kit.protect(sheet, inputs=True)
    kit.page_setup(sheet, landscape=True, title_row=spec.HEADER_ROW)


def _annotate(sheet, row: int, col: int, prefill: Prefill, key: tuple[str, str]) -> str:
    """A problem cell turns red with its comment (returns its fill); a value
    the tool understood (a status typed without marks, a date typed as text)
    gets a comment saying how."""
    mark, note = prefill.marks.get(key), prefill.notes.get(key)
    if mark:
        sheet.write_comment(row - 1, col - 1, kit.safe_text(f"{mark}\n\n{note}" if note else mark),
                            {"author": AUTHOR, "width": 320, "height": 160})
        return "problem"
    if note:
        sheet.write_comment(row - 1, col - 1, kit.safe_text(note), {"author": AUTHOR, "width": 320, "height": 110})
    return ""


def _row_height(values: dict, previous: dict) -> float:
    """Excel does not grow rows for wrapped text it did not type: estimate."""
    return _fitted([(str(previous.get(c.key) or values.get(c.key) or ""), c.width)
                    for c in spec.COLUMNS if c.key != "completed_on"], lines=3)


def _fitted(texts: list[tuple[str, float]], lines: int) -> float:
    """The height of a row whose (text, column width) cells wrap, at least ``lines`` lines."""
    for text, width in texts:
        if not text:
            continue
        per_line = max(width * 1.5, 4)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    return min(15.5 * lines + 4, 409)


def _meta_sheet(book: kit.Book, sheet, plan, period, agency, generated_on, carried_from) -> None:
    text = book.style("text")
    book.text(sheet, 1, 1, spec.META_MARKER, text)
    book.text(sheet, 1, 2, "Trang dữ liệu nhận diện biểu mẫu — không sửa, không xóa.", text)
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
        book.text(sheet, row, 1, key, text)
        book.text(sheet, row, 2, values[key], text)
        book.text(sheet, row, 3, label, text)
    sheet.very_hidden()
    kit.protect(sheet)
