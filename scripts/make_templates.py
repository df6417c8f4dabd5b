"""Build the default report templates shipped in cchc_excel/data/.

    python scripts/make_templates.py

Writes mau-bao-cao-quy.docx (quarters), mau-bao-cao-6-thang.docx (6 and 9
months) and mau-bao-cao-nam.docx (year): Nghị định 30/2020 page setup, fonts
and header block, with docxtpl tags. The officer edits the copies that
`cchc-excel init` puts in templates/; run `cchc-excel templates check` after.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from cchc_excel.templatefiles import HISTORY, content_digest, earlier_defaults
from cchc_excel.vnformat import keep_together

FONT = "Times New Roman"
LANGUAGE = "vi-VN"   # Word checks spelling in Vietnamese instead of underlining every word
OUT = Path(__file__).resolve().parent.parent / "cchc_excel" / "data"

# Child order of the property elements we write, from the ISO/IEC 29500-4
# transitional schema (wml.xsd: CT_PPr, CT_RPr, CT_TblPr). python-docx appends
# what it does not model at the end; Word then offers to "repair" the file.
SEQUENCES = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
              "tblCaption", "tblDescription"),
}


def schema_order(root) -> None:
    """Put the children of every pPr, rPr and tblPr under ``root`` in schema order."""
    for name, sequence in SEQUENCES.items():
        rank = {qn(f"w:{child}"): n for n, child in enumerate(sequence)}
        for element in root.iter(qn(f"w:{name}")):
            children = list(element)
            if any(child.tag not in rank for child in children):
                continue   # not ours (e.g. a paragraph mark's rPr inside pPr is sorted on its own)
            for child in sorted(children, key=lambda c: rank[c.tag]):
                element.append(child)


def set_font(style_or_run, size=None, bold=None, italic=None):
    font = style_or_run.font
    font.name = FONT
    element = style_or_run.element if hasattr(style_or_run, "element") else style_or_run._element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic


def para(container, text="", size=14, bold=False, italic=False, align=None, indent=True, after=6, before=0,
         keep=False):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    # Headings (bold, kept with the next paragraph) are not justified: a heading that wraps
    # («… CẢI CÁCH HÀNH / CHÍNH») would otherwise have its first line stretched.
    fmt.first_line_indent = Cm(1.27) if indent and align in (None, WD_ALIGN_PARAGRAPH.JUSTIFY) else Cm(0)
    if align is None and bold and keep:
        align = WD_ALIGN_PARAGRAPH.LEFT
    fmt.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    if keep:
        fmt.keep_with_next = True
    if text:
        run = p.add_run(text)
        set_font(run, size, bold, italic)
    return p


def rule(container, left_cm, right_cm, first=False):
    """A short horizontal line (as under «Độc lập - Tự do - Hạnh phúc»): an
    empty 2 pt paragraph with a bottom border, narrowed by its indents."""
    p = container.paragraphs[0] if first else container.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(6)
    bottom_rule(p, left_cm, right_cm)
    return p


def bottom_rule(paragraph, left_cm=0.0, right_cm=0.0):
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    paragraph.paragraph_format.left_indent = Cm(left_cm)
    paragraph.paragraph_format.right_indent = Cm(right_cm)


def fixed_widths(table, widths):
    """Column widths Word and LibreOffice both honour: fixed layout, grid and cells."""
    table.autofit = False   # python-docx writes <w:tblLayout w:type="fixed"/>
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def cell_para(cell, text, size=13, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, first=False,
              after=0):
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.paragraph_format.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.first_line_indent = Cm(0)
    if text:
        set_font(p.add_run(text), size, bold, italic)
    return p


def page_number_header(section):
    section.different_first_page_header_footer = True
    header = section.header
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)
    set_font(header.paragraphs[0].style, 13)


def loop(container, open_tag, body, close_tag="{%p endfor %}"):
    para(container, open_tag, indent=False, after=0)
    body()
    para(container, close_tag, indent=False, after=0)


def build(kind: str) -> Document:
    doc = Document()
    document_language(doc)
    normal = doc.styles["Normal"]
    set_font(normal, 14)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    normal.paragraph_format.line_spacing = 1.0   # «dòng đơn», the least Nghị định 30/2020 allows
    normal.paragraph_format.space_after = Pt(6)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    page_number_header(section)

    # Header block: a borderless two-column table.
    header = doc.add_table(rows=1, cols=2)
    no_borders(header)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    fixed_widths(header, [Cm(6.3), Cm(10.2)])
    left, right = header.rows[0].cells
    # «ỦY BAN NHÂN DÂN / XÃ …» is one body's name on two lines (it has no parent body line):
    # both bold (NĐ 30/2020, Phụ lục I, mục II.3).
    cell_para(left, "{{ issuer_upper }}", 13, bold=True, first=True)
    cell_para(left, "{{ issuer_name_upper }}", 13, bold=True)
    rule(left, 1.8, 1.8)
    cell_para(left, "{{ number_line }}", 13, after=0).paragraph_format.space_before = Pt(8)
    cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, first=True)
    cell_para(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    rule(right, 2.6, 2.6)
    cell_para(right, "{{ date_line }}", 14, italic=True).paragraph_format.space_before = Pt(8)

    para(doc, "{%p if draft %}", indent=False, after=0)
    para(doc, "{{r draft_note }}", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{%p endif %}", indent=False, after=0)
    para(doc, "BÁO CÁO", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=0)
    para(doc, "{{ title }}", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    rule(doc, 6.5, 6.5)
    para(doc, "", 6, after=0, indent=False)

    loop(doc, "{%p for ln in basis %}", lambda: para(doc, "{{ ln }}", after=0))
    para(doc, "{{ legal_basis }}")

    para(doc, keep_together("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"), bold=True, keep=True)
    loop(doc, "{%p for ln in direction.figure_lines %}", lambda: para(doc, "{{r ln }}"))
    loop(doc, "{%p for ln in direction.lines %}", lambda: para(doc, "{{r ln }}"))
    # Sub-point on the CCHC index, SIPAS and the 766 index: only when a figure exists (context "indices").
    para(doc, "{%p if indices %}", indent=False, after=0)
    para(doc, "{{ indices }}")
    para(doc, "{%p endif %}", indent=False, after=0)

    para(doc, keep_together("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"), bold=True, keep=True)

    def area():
        para(doc, "{{ s.heading }}", bold=True, keep=True)
        loop(doc, "{%p for ln in s.figure_lines %}", lambda: para(doc, "{{r ln }}"))
        loop(doc, "{%p for ln in s.lines %}", lambda: para(doc, "{{r ln }}"))

    loop(doc, "{%p for s in areas %}", area)

    para(doc, "III. ĐÁNH GIÁ CHUNG", bold=True, keep=True)
    para(doc, "1. Ưu điểm", bold=True, keep=True)
    opening = {
        "quy": ("Công tác cải cách hành chính trong quý tiếp tục được UBND {{ locality }} quan tâm chỉ đạo, "
                "triển khai."),
        "6thang": "Công tác cải cách hành chính 6 tháng đầu năm được UBND {{ locality }} quan tâm chỉ đạo, triển khai "
                  "đồng bộ trên các lĩnh vực.",
        "nam": "Năm {{ period.year }}, công tác cải cách hành chính được UBND {{ locality }} quan tâm chỉ đạo, "
               "triển khai "
               "đồng bộ trên các lĩnh vực, góp phần nâng cao chất lượng phục vụ người dân, tổ chức.",
    }[kind]
    para(doc, opening)
    loop(doc, "{%p for ln in strengths %}", lambda: para(doc, "{{r ln }}"))
    para(doc, "2. Tồn tại, hạn chế và nguyên nhân", bold=True, keep=True)
    loop(doc, "{%p for ln in weaknesses %}", lambda: para(doc, "{{r ln }}"))
    para(doc, "{%p if causes %}", indent=False, after=0)
    para(doc, "Nguyên nhân:", italic=True, keep=True)
    loop(doc, "{%p for ln in causes %}", lambda: para(doc, "{{r ln }}"))
    para(doc, "{%p endif %}", indent=False, after=0)

    heading = {"quy": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {{ next_period.title_upper }}",
               "6thang": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ next_period.title_upper }}",
               "nam": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ next_period.title_upper }}"}[kind]
    para(doc, heading, bold=True, keep=True)

    def next_section():
        para(doc, "{%p if s.heading %}", indent=False, after=0)
        para(doc, "{{ s.heading }}", italic=True, keep=True)
        para(doc, "{%p endif %}", indent=False, after=0)
        loop(doc, "{%p for ln in s.lines %}", lambda: para(doc, "- {{r ln }}"))

    loop(doc, "{%p for s in next_tasks %}", next_section)

    para(doc, "V. KIẾN NGHỊ, ĐỀ XUẤT", bold=True, keep=True)
    loop(doc, "{%p for ln in proposals %}", lambda: para(doc, "{{r ln }}"))
    # The closing sentence keeps with the signature table, whose one row never splits: the leader
    # never signs a page that holds only "Nơi nhận" and a name.
    para(doc, "{{ closing }}", keep=True)

    # Nơi nhận and the signature block.
    closing = doc.add_table(rows=1, cols=2)
    no_borders(closing)
    fixed_widths(closing, [Cm(8.0), Cm(8.5)])
    keep_row(closing.rows[0])
    left, right = closing.rows[0].cells
    cell_para(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    cell_para(left, "{%p for r in recipients %}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_para(left, "{{ r }}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_para(left, "{%p endfor %}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_para(right, "{{ signer.on_behalf }}", 14, bold=True, first=True)
    cell_para(right, "{%p if signer.authority %}", 14)
    cell_para(right, "{{ signer.authority }}", 14, bold=True)
    cell_para(right, "{%p endif %}", 14)
    cell_para(right, "{{ signer.title }}", 14, bold=True)
    for _ in range(4):
        cell_para(right, "", 14)
    cell_para(right, "{{r signer.name_line }}", 14, bold=True)

    # Annex on landscape pages.
    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = Mm(297), Mm(210)
    annex.top_margin, annex.bottom_margin = Mm(20), Mm(20)
    annex.left_margin, annex.right_margin = Mm(20), Mm(15)
    annex.different_first_page_header_footer = False
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "PHỤ LỤC", 14, bold=True, align=center, after=0)
    para(doc, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {{ period.title|upper }}", 14, bold=True,
         align=center, after=0)
    para(doc, "{{ annex_reference }}", 13, italic=True, align=center, after=12)

    para(doc, "1. Số liệu tổng hợp theo lĩnh vực", 13, bold=True, indent=False, keep=True)
    # The columns read left to right as the body's sentence: due, less not arisen, is what had to be
    # done; of it, completed (done or carried out), the rate, then what is still open. «Quá hạn»
    # (past the plan's deadline, not done) is a part of the open columns, not another count.
    labels = ["Lĩnh vực", "Đến hạn", "Chưa phát sinh", "Phải thực hiện", "Hoàn thành", "Thực hiện trong kỳ",
              "Tỷ lệ", "Hoàn thành chậm", "Đang thực hiện", "Chưa thực hiện", "Chưa báo cáo", "Quá hạn"]
    keys = ["heading", "due", "not_arisen", "expected", "done", "carried_out", "done_rate", "late",
            "in_progress", "not_started", "not_reported", "overdue"]
    figures_table(doc, labels, keys, "by_section", "figures", "Tổng cộng")
    para(doc, "Tỷ lệ = (Hoàn thành + Thực hiện trong kỳ) / Phải thực hiện. Quá hạn: sản phẩm đã quá thời hạn "
         "của Kế hoạch mà chưa hoàn thành (đã tính trong các cột Đang thực hiện, Chưa thực hiện, Chưa báo cáo).",
         11, italic=True, indent=False, before=3)

    para(doc, "2. Số liệu theo cơ quan chủ trì", 13, bold=True, indent=False, before=6, keep=True)
    labels[0], keys[0] = "Cơ quan", "name"
    figures_table(doc, labels, keys, "by_agency", None, None)
    para(doc, "Sản phẩm do nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan, nên cộng các dòng có thể lớn "
         "hơn số tổng hợp theo lĩnh vực.", 11, italic=True, indent=False, before=3)

    para(doc, "3. Biểu đồ tỷ lệ hoàn thành theo lĩnh vực", 13, bold=True, indent=False, before=6, keep=True)
    para(doc, "{{ chart }}", align=center, indent=False)

    # Each long table starts on a new page: LibreOffice otherwise leaves a table whose repeated
    # header row would start at a page's foot almost alone on the next page (seen with 7.4).
    para(doc, "4. Số liệu thống kê", 13, bold=True, indent=False, before=6,
         keep=True).paragraph_format.page_break_before = True
    # A report whose window starts with the year (quý I, 6 tháng, 9 tháng, năm) has one column of
    # figures: its own period is the year to date. Quý II, III, IV show both.
    para(doc, "{%p if statistics_split %}", indent=False, after=0)
    statistics_table(doc, ["{{ period.name }}", "Lũy kế từ đầu năm"], ["{{r f.this }}", "{{ f.ytd }}"])
    para(doc, "{%p endif %}", indent=False, after=0)
    para(doc, "{%p if not statistics_split %}", indent=False, after=0)
    statistics_table(doc, ["{{ period.name }}"], ["{{r f.this }}"])
    para(doc, "{%p endif %}", indent=False, after=0)
    para(doc, "{%p if figures_note %}", indent=False, after=0)
    para(doc, "{{r figures_note }}", 12, indent=False)
    para(doc, "{%p endif %}", indent=False, after=0)

    para(doc, "5. Kết quả thực hiện từng nhiệm vụ", 13, bold=True, indent=False,
         before=6, keep=True).paragraph_format.page_break_before = True
    para(doc, "Mã: số thứ tự của sản phẩm trong phụ lục Kế hoạch số {{ plan.number }}; dòng in nghiêng là nhiệm "
         "vụ của Kế hoạch, các dòng dưới là sản phẩm của nhiệm vụ đó.", 11, italic=True, indent=False, after=3)
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    widths = [Cm(1.7), Cm(7.5), Cm(3.6), Cm(2.8), Cm(2.9), Cm(7.7)]
    for cell, label in zip(table.rows[0].cells, ["Mã", "Nhiệm vụ / Sản phẩm", "Cơ quan chủ trì", "Thời gian",
                                                 "Trạng thái", "Kết quả, văn bản minh chứng"]):
        cell_para(cell, label, 12, bold=True, first=True)
    mark_header_row(table.rows[0])
    cell_para(table.add_row().cells[0], "{%tr for row in annex %}", 11, first=True)
    row = table.add_row()
    keep_row(row)
    body = ["{{ row.id }}", "{{ row.product }}", "{{ row.lead }}", "{{ row.timeframe }}",
            "{{r row.status }}", "{{ row.details }}"]
    for cell, text in zip(row.cells, body):
        align = WD_ALIGN_PARAGRAPH.LEFT if text.startswith(("{{ row.product", "{{ row.details")) else center
        if text == "{{ row.product }}":     # the task in italic above its first product
            cell_para(cell, "{%p if row.task_heading %}", 11, align=align, first=True)
            cell_para(cell, "{{ row.task_heading }}", 11, italic=True, align=align)
            cell_para(cell, "{%p endif %}", 11, align=align)
            cell_para(cell, text, 11, align=align)
            continue
        cell_para(cell, text, 11, align=align, first=True)
    cell_para(table.add_row().cells[0], "{%tr endfor %}", 11, first=True)
    fixed_widths(table, widths)
    drop_extra_parts(doc)
    schema_order(doc.element)
    schema_order(doc.styles.element)
    for section in doc.sections:
        for header in (section.header, section.first_page_header):
            schema_order(header._element)
    return doc


def mark_header_row(row):
    """A header row repeated on every page; it and every row never split."""
    keep_row(row)
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def keep_row(row):
    """A row that moves whole to the next page instead of splitting."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def document_language(doc):
    """vi-VN and Times New Roman as the document's defaults (styles.xml rPrDefault)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def drop_extra_parts(doc):
    """python-docx's default package carries a Word 2010 stylesWithEffects part
    that no longer matches styles.xml (Word may call that unreadable content)
    and a thumbnail of some other document: neither belongs in a template."""
    part = doc.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del part.rels[rel_id]
    package = part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def statistics_table(doc, value_labels, value_cells):
    labels = ["Chỉ tiêu", "Đơn vị tính", *value_labels, "Chỉ tiêu kế hoạch", "Đánh giá"]
    stats = doc.add_table(rows=1, cols=len(labels))
    stats.style = "Table Grid"
    for cell, label in zip(stats.rows[0].cells, labels):
        cell_para(cell, label, 11, bold=True, first=True)
    mark_header_row(stats.rows[0])
    cell_para(stats.add_row().cells[0], "{%tr for f in statistics %}", 11, first=True)
    row = stats.add_row()
    keep_row(row)
    for cell, text in zip(row.cells, ["{{ f.name }}", "{{ f.unit }}", *value_cells, "{{ f.target }}", "{{ f.met }}"]):
        align = WD_ALIGN_PARAGRAPH.LEFT if text == "{{ f.name }}" else WD_ALIGN_PARAGRAPH.CENTER
        cell_para(cell, text, 11, align=align, first=True)
    cell_para(stats.add_row().cells[0], "{%tr endfor %}", 11, first=True)
    fixed_widths(stats, [Cm(13.0 - 3.0 * len(value_labels) + 3.0), Cm(3.2)] + [Cm(3.0)] * len(value_labels)
                 + [Cm(3.2), Cm(2.8)])
    return stats


def figures_table(doc, labels, keys, source, total_key, total_label):
    table = doc.add_table(rows=1, cols=len(labels))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, labels):
        cell_para(cell, label, 11, bold=True, first=True)
    mark_header_row(table.rows[0])
    cell_para(table.add_row().cells[0], f"{{%tr for f in {source} %}}", 11, first=True)
    row = table.add_row()
    keep_row(row)
    for cell, key in zip(row.cells, keys):
        align = WD_ALIGN_PARAGRAPH.LEFT if key in ("heading", "name") else WD_ALIGN_PARAGRAPH.CENTER
        cell_para(cell, f"{{{{ f.{key} }}}}", 11, align=align, first=True)
    cell_para(table.add_row().cells[0], "{%tr endfor %}", 11, first=True)
    if total_key:
        row = table.add_row()
        keep_row(row)
        for cell, key in zip(row.cells, keys):
            text = total_label if key in ("heading", "name") else f"{{{{ {total_key}.{key} }}}}"
            cell_para(cell, text, 11, bold=True, first=True)
    fixed_widths(table, [Cm(4.8)] + [Cm(1.95)] * (len(labels) - 1))
    return table


TEMPLATES = {"quy": "mau-bao-cao-quy.docx", "6thang": "mau-bao-cao-6-thang.docx", "nam": "mau-bao-cao-nam.docx"}


def main() -> int:
    history = OUT / HISTORY
    for kind, name in TEMPLATES.items():
        before = content_digest(OUT / name) if (OUT / name).exists() else ""
        build(kind).save(OUT / name)
        # A folder's unedited copy of the template just replaced follows the upgrade (templatefiles.py).
        if before and before != content_digest(OUT / name) and before not in earlier_defaults():
            with history.open("a", encoding="utf-8") as out:
                out.write(f"{before} {name}\n")
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
