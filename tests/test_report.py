"""`cchc-excel compile`: the official report (.docx) and the summary workbook."""

import datetime as dt
import re
import shutil
import zipfile

import docx
import openpyxl
import pytest
from conftest import invoke
from reporttools import ITEMS, PLAN, annex_rows, document_text, filled_period, plausible_answers

from cchc_excel.models import Status
from cchc_excel.periods import parse_period
from cchc_excel.vnformat import percent

TITLES = {
    "2026Q1": ("Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
               "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026"),
    "2026S1": ("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026 và phương hướng, "
               "nhiệm vụ 6 tháng cuối năm 2026", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026"),
    "2026Q3": ("Kết quả thực hiện công tác cải cách hành chính quý III năm 2026",
               "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026"),
    "2026": ("Kết quả thực hiện công tác cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027",
             "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027"),
}
TODAY = {"2026Q1": "20/03/2026", "2026S1": "20/06/2026", "2026Q3": "20/09/2026", "2026": "20/12/2026"}


@pytest.mark.parametrize("period_id", list(TITLES))
def test_report_for_each_period(tmp_path, period_id):
    root = filled_period(tmp_path, period_id)
    result = invoke("compile", "--default-plan", "-p", period_id, "--dir", root, "--today", TODAY[period_id])
    assert result.exit_code == 0, result.output
    report = root / "output" / period_id / f"bao-cao-cchc-{period_id}.docx"
    summary = root / "output" / period_id / f"tong-hop-{period_id}.xlsx"
    assert report.exists() and summary.exists()
    text = document_text(report)
    title, direction = TITLES[period_id]
    assert title in text and direction in text
    assert "chưa gửi báo cáo" not in text and "[chưa báo cáo]" not in text    # complete: no placeholders
    rows = annex_rows(report)
    assert set(rows) == set(ITEMS)                            # every item of the plan in the annex

    # Figures match the inputs: count the lead answers given above, independently of the tool.
    period = parse_period(period_id)
    given = {}
    for form in (root / "output" / period_id / "bieu-mau").iterdir():
        for item_id, values in plausible_answers(form.stem, form).items():
            if form.stem in ITEMS[item_id].lead:
                given.setdefault(item_id, []).append(values["status"])
    # The period model (outcomes.py): a product is this period's work when its planned time touches the
    # window or ended before it, unless it was finished before the window (all done here on 12/01/2026).
    def owed(item):
        spans = item.timeframe.spans
        return (not spans or any(s <= period.end and e >= period.start for s, e in spans)
                or all(e < period.start for _, e in spans))

    def all_are(item_id, *labels):
        return bool(given.get(item_id)) and all(s in labels for s in given[item_id])

    earlier = {i for i in given if all_are(i, Status.DONE.label) and dt.date(2026, 1, 12) < period.start}
    due = [i for i in PLAN.items if owed(i) and i.id not in earlier]
    done = [i for i in due if all_are(i.id, Status.DONE.label)]
    arisen = [i for i in due if all_are(i.id, Status.NOT_ARISEN.label)]
    # Old-style «Đang thực hiện» with a result on a recurring task is read as carried out.
    carried = [i for i in due if i.timeframe.kind.value == "recurring" and i not in done
               and all_are(i.id, Status.DONE.label, Status.IN_PROGRESS.label)]
    table = docx.Document(report).tables[2]
    total = next(r for r in table.rows if r.cells[0].text == "Tổng cộng")
    cells = dict(zip((c.text for c in table.rows[0].cells), (c.text for c in total.cells)))
    assert cells["Đến hạn"] == str(len(due)) and cells["Hoàn thành"] == str(len(done))
    assert cells["Chưa phát sinh"] == str(len(arisen)) and cells["Phải thực hiện"] == str(len(due) - len(arisen))
    assert cells["Thực hiện trong kỳ"] == str(len(carried))
    assert cells["Tỷ lệ"] == percent(len(done) + len(carried), len(due) - len(arisen))
    for item_id, statuses in given.items():
        if all(s == Status.DONE.label for s in statuses):
            assert rows[item_id][4].startswith(Status.DONE.label), item_id

    workbook = openpyxl.load_workbook(summary)
    assert workbook.sheetnames == ["Tổng hợp sản phẩm", "Theo lĩnh vực", "Theo cơ quan", "Theo kỳ báo cáo",
                                   "Chi tiết trả lời", "Số liệu", "Tài liệu kiểm chứng"]
    items_sheet = workbook["Tổng hợp sản phẩm"]
    assert {items_sheet.cell(r, 1).value for r in range(5, items_sheet.max_row + 1)} == set(ITEMS)
    sources = {items_sheet.cell(r, 1).value: items_sheet.cell(r, 9).value for r in range(5, items_sheet.max_row + 1)}
    assert "phong-kinh-te gui lai.xlsx › VI. Tài chính công › dòng" in sources["VI.1.1"]
    assert items_sheet.auto_filter.ref and workbook["Theo lĩnh vực"]._charts


def test_document_format_follows_decree_30(tmp_path):
    root = filled_period(tmp_path, "2026Q1")
    assert invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026",
                  "--date", "5/1/2026").exit_code == 0
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    document = docx.Document(report)
    first = document.sections[0]
    def mm(length):
        return round(length.mm, 1)

    assert (mm(first.page_width), mm(first.page_height)) == (210.0, 297.0)            # A4 portrait
    assert tuple(mm(m) for m in (first.top_margin, first.bottom_margin, first.left_margin,
                                 first.right_margin)) == (20.0, 20.0, 30.0, 15.0)
    assert first.different_first_page_header_footer                   # no number on page 1
    assert 'instr="PAGE"' in first.header._element.xml
    assert document.sections[-1].orientation == 1                     # annex in landscape
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header[0].startswith("ỦY BAN NHÂN DÂN\nXÃ XUÂN TRƯỜNG") and "Số:" in header[0] and "/BC-UBND" in header[0]
    assert header[1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert "Xuân Trường, ngày 05 tháng 01 năm 2026" in header[1]
    text = document_text(report)
    assert "BÁO CÁO" in text and "Căn cứ Kế hoạch số 03/KH-UBND ngày 10/01/2026 của UBND xã Xuân Trường" in text
    for heading in ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
                    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "1. Cải cách thể chế",
                    "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số", "III. ĐÁNH GIÁ CHUNG",
                    "1. Ưu điểm", "2. Tồn tại, hạn chế và nguyên nhân", "V. KIẾN NGHỊ, ĐỀ XUẤT",
                    "Nơi nhận:", "- Sở Nội vụ tỉnh;", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                    "PHỤ LỤC"):
        assert heading in text, heading
    legal = next(p for p in document.paragraphs if p.text.startswith("Căn cứ Kế hoạch"))
    assert legal.paragraph_format.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
    assert legal.paragraph_format.alignment == 3                      # justified
    with zipfile.ZipFile(report) as archive:
        xml = archive.read("word/document.xml").decode()
        assert "<w:drawing>" in xml and any(n.startswith("word/media/") for n in archive.namelist())  # the chart


def test_agency_text_with_markup_characters_and_line_breaks(tmp_path):
    tricky = "Hội nghị A&B <tập huấn> > 50 người\nDòng thứ hai: \"trích dẫn\" & 'nháy'"

    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": Status.DONE.label, "completed_on": dt.datetime(2026, 2, 2),
                                 "result": tricky, "evidence": "QĐ số 1/QĐ-UBND <bản chính> & phụ lục",
                                 "difficulties": "Thiếu nhân lực & kinh phí <2026>",
                                 "proposals": "Đề nghị tỉnh hỗ trợ A&B"}

    root = filled_period(tmp_path, "2026Q1", tweak=tweak)
    assert invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026").exit_code == 0
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    text = document_text(report)
    assert "Hội nghị A&B <tập huấn> > 50 người\nDòng thứ hai: \"trích dẫn\" & 'nháy'" in text
    assert "Thiếu nhân lực & kinh phí <2026>" in text and "Đề nghị UBND tỉnh hỗ trợ A&B" in text
    summary = openpyxl.load_workbook(root / "output" / "2026Q1" / "tong-hop-2026Q1.xlsx")
    values = [c.value for row in summary["Chi tiết trả lời"].iter_rows() for c in row]
    assert tricky in values and "QĐ số 1/QĐ-UBND <bản chính> & phụ lục" in values


def test_missing_agency_blocks_and_draft_marks_the_gaps(tmp_path):
    root = filled_period(tmp_path, "2026Q1", skip=("phong-kinh-te",))
    blocked = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert blocked.exit_code == 1
    assert "Phòng Kinh tế chưa gửi biểu mẫu kỳ 2026Q1" in blocked.stdout and "--draft" in blocked.stdout
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    assert not report.exists()
    draft = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026", "--draft")
    assert draft.exit_code == 1 and "BẢN NHÁP" in draft.stdout
    text = document_text(report)
    assert "[Phòng Kinh tế chưa gửi báo cáo]" in text and "BẢN NHÁP" in text
    with zipfile.ZipFile(report) as archive:
        xml = archive.read("word/document.xml").decode()
    placeholder = re.search(r"<w:r><w:rPr>([^<]*<[^>]*>)*?[^<]*</w:rPr><w:t[^>]*>[^<]*\[Phòng Kinh tế chưa gửi", xml)
    assert placeholder and 'w:fill="FFFF00"' in placeholder.group(0)     # highlighted, cannot pass unnoticed


def test_misspelled_template_variable_is_named(tmp_path):
    root = filled_period(tmp_path, "2026Q1")
    assert invoke("init", root).exit_code == 0
    template = root / "templates" / "mau-bao-cao-quy.docx"
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                assert b"{{ legal_basis }}" in data
                data = data.replace(b"{{ legal_basis }}", b"{{ legal_basic }}")
            dst.writestr(info, data)
    shutil.move(broken, template)
    checked = invoke("templates", "check", "--dir", root)
    assert checked.exit_code == 1 and "«legal_basic»" in checked.stdout and "mau-bao-cao-quy.docx" in checked.stdout
    result = invoke("compile", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert result.exit_code == 3 and "«legal_basic»" in result.stderr and "legal_basis" in result.stderr
    assert "Đạt mau-bao-cao-nam.docx" in checked.stdout


def test_broken_tag_is_reported(tmp_path):
    assert invoke("init", tmp_path).exit_code == 0
    template = tmp_path / "templates" / "mau-bao-cao-nam.docx"
    data = {}
    with zipfile.ZipFile(template) as src:
        data = {i.filename: src.read(i.filename) for i in src.infolist()}
    assert b"{{ closing }}" in data["word/document.xml"]
    data["word/document.xml"] = data["word/document.xml"].replace(b"{{ closing }}", b"{{ closing }", 1)
    with zipfile.ZipFile(template, "w") as dst:
        for name, content in data.items():
            dst.writestr(name, content)
    checked = invoke("templates", "check", "--dir", tmp_path)
    assert checked.exit_code == 1 and "mau-bao-cao-nam.docx" in checked.stdout and "thẻ bị hỏng" in checked.stdout


def test_same_inputs_give_the_same_document(tmp_path):
    root = filled_period(tmp_path, "2026Q1")
    parts = []
    for _ in range(2):
        compiled = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
        assert compiled.exit_code == 0
        with zipfile.ZipFile(root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx") as archive:
            parts.append({n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"})
    assert parts[0] == parts[1]


def test_pdf_through_libreoffice(tmp_path, uno_python):
    root = filled_period(tmp_path, "2026Q1")
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026", "--pdf")
    assert result.exit_code == 0, result.output
    pdf = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_so_and_keeps_the_docx(tmp_path, monkeypatch):
    import cchc_excel.office as office

    monkeypatch.setattr(office, "find_soffice", lambda: None)
    root = filled_period(tmp_path, "2026Q1")
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026", "--pdf")
    assert result.exit_code == 0
    assert "Không tạo được bản PDF" in result.stderr and "LibreOffice" in result.stderr
    assert (root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx").exists()
    assert not (root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.pdf").exists()
