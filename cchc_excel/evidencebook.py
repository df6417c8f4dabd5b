"""«Danh mục tài liệu kiểm chứng» written out: a sheet (in the summary
workbook, or a workbook of its own) and a Word annex to attach to the annual
self-assessment of the commune's CCHC index. Built in memory; files.py
writes them."""

from __future__ import annotations

import io
from itertools import groupby

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook

from . import openpyxlkit as kit
from .evidence import Entry
from .models import Plan, Settings

SHEET = "Tài liệu kiểm chứng"
TITLE = "DANH MỤC TÀI LIỆU KIỂM CHỨNG"
COLUMNS = (("STT", 6), ("Sản phẩm", 9), ("Tài liệu kiểm chứng", 50), ("Loại văn bản", 14),
           ("Số, ký hiệu", 18), ("Ngày ban hành", 13), ("Cơ quan ban hành", 22), ("Cơ quan báo cáo", 26),
           ("Kỳ báo cáo nêu", 20))


def _section_titles(plan: Plan) -> dict[str, str]:
    return {s.code: f"{s.code}. {s.title}" for s in plan.sections}


def write_sheet(sheet, plan: Plan, entries: list[Entry], year: int) -> None:
    """The register on one sheet, grouped by plan section and task."""
    kit.put_text(sheet["A1"], f"{TITLE} NĂM {year}", kit.FONT_TITLE, kit.Alignment(wrap_text=False))
    kit.put_text(sheet["A2"], "Các văn bản, sản phẩm các cơ quan nêu làm minh chứng trong các kỳ báo cáo của năm; "
                              "dòng không có số, ký hiệu là nội dung cơ quan ghi (sổ sách, hình ảnh…).",
                 kit.FONT_SMALL_ITALIC, kit.Alignment(wrap_text=False))
    kit.header_row(sheet, 4, [c for c, _ in COLUMNS], [w for _, w in COLUMNS])
    row = 5
    titles = _section_titles(plan)
    number = 0
    for section, in_section in groupby(entries, key=lambda e: e.section):
        kit.put_text(sheet.cell(row, 1), titles.get(section, section), kit.FONT_BOLD, kit.Alignment(wrap_text=False))
        for col in range(1, len(COLUMNS) + 1):
            sheet.cell(row, col).fill = kit.SECTION_FILL
        row += 1
        for task, in_task in groupby(in_section, key=lambda e: e.task):
            kit.put_text(sheet.cell(row, 2), task, kit.FONT_ITALIC, kit.Alignment(wrap_text=False))
            row += 1
            for entry in in_task:
                number += 1
                ref = entry.reference
                values = [number, entry.item, entry.label, ref.kind if ref else "", ref.number if ref else "",
                          ref.date if ref and ref.date else "", ref.issuer if ref else "", entry.agency,
                          entry.period]
                for col, value in enumerate(values, start=1):
                    cell = sheet.cell(row, col)
                    if col in (1, 6) and value != "":
                        cell.value = value
                        cell.font = kit.FONT
                        cell.alignment = kit.WRAP_TOP
                        if col == 6:
                            cell.number_format = "dd/mm/yyyy"
                    else:
                        kit.put_text(cell, value)
                    cell.border = kit.BORDER
                row += 1
    if not entries:
        kit.put_text(sheet.cell(row, 1), "Chưa có kỳ báo cáo nào nêu văn bản minh chứng.", kit.FONT_ITALIC,
                     kit.Alignment(wrap_text=False))
    sheet.freeze_panes = "A5"
    kit.print_setup(sheet, landscape=True, title_rows="4:4")


def workbook(plan: Plan, entries: list[Entry], year: int) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    write_sheet(sheet, plan, entries, year)
    book.properties.creator = "cchc-excel"
    book.properties.title = f"{TITLE} năm {year}"
    return book


def annex(plan: Plan, settings: Settings, entries: list[Entry], year: int) -> bytes:
    """The register as a Word annex (A4 landscape, Times New Roman), grouped
    by plan section and task, ready to attach to the self-assessment."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")

    def centred(text: str, bold=False, italic=False, size=13):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        return paragraph

    centred("Phụ lục", bold=True)
    centred(TITLE, bold=True, size=14)
    centred(f"(Kèm theo hồ sơ tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của {settings.body})",
            italic=True)
    headers = ("STT", "Tên tài liệu kiểm chứng", "Sản phẩm theo Kế hoạch", "Cơ quan báo cáo", "Kỳ báo cáo nêu")
    widths = (Mm(12), Mm(95), Mm(70), Mm(40), Mm(35))
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width      # the grid LibreOffice and Word lay out by
    for cell, text, width in zip(table.rows[0].cells, headers, widths):
        cell.width = width
        _cell_text(cell, text, bold=True, centre=True)
    _repeat_header(table.rows[0])
    titles = _section_titles(plan)
    number = 0
    for code, in_section in groupby(entries, key=lambda e: e.section):
        _group_row(table, titles.get(code, code), bold=True)
        for task, in_task in groupby(in_section, key=lambda e: e.task):
            _group_row(table, task, italic=True)
            for entry in in_task:
                number += 1
                cells = table.add_row().cells
                values = (str(number), entry.label, f"{entry.item}: {entry.product}", entry.agency,
                          entry.period)
                for cell, text, width in zip(cells, values, widths):
                    cell.width = width
                    _cell_text(cell, text, centre=text == str(number))
    if not entries:
        _group_row(table, "Chưa có kỳ báo cáo nào nêu văn bản minh chứng.", italic=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _cell_text(cell, text: str, bold=False, italic=False, centre=False) -> None:
    paragraph = cell.paragraphs[0]
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(12)


def _group_row(table, text: str, bold=False, italic=False) -> None:
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    _cell_text(merged, text, bold=bold, italic=italic)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
