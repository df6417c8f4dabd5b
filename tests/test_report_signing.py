"""What the third reading still found between a generated report and one the
Chủ tịch signs unchanged (REVIEW.md of the second reading: N4, defect 15, N5,
N11, …). Each report is built as an officer builds it: the real forms, filled
as agencies fill them, then `compile`; the .docx is read as text."""

from __future__ import annotations

import pytest
import reporttools
from conftest import invoke
from reporttools import annex_rows, document_text, filled_period
from yeartools import part

from cchc_excel.models import Status

# In the embedded plan (Kế hoạch số 03/KH-UBND ngày 10/01/2026) three products carry the year 2025:
# I.6 «Quý III, IV/2025», II.1 «Quý III, IV/2025», V.3 «Quý IV/2025». VII.6 («Tháng 01/2026») is
# really past its time in quý I.
SLIPPED = ("I.6", "II.1", "V.3")
REALLY_LATE = "VII.6"


def _in_progress(agency: str, answers: dict) -> None:
    for item_id in (*SLIPPED, REALLY_LATE):
        if item_id in answers:
            answers[item_id] = {"status": Status.IN_PROGRESS.label,
                                "result": f"Đang triển khai, đã hoàn thành dự thảo {item_id}"}


@pytest.fixture(scope="module")
def slipped_q1(tmp_path_factory):
    root = filled_period(tmp_path_factory.mktemp("slip"), "2026Q1", tweak=_in_progress)
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "18/03/2026")
    assert result.exit_code == 0, result.output
    return result.output, root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"


def test_a_deadline_before_the_plan_is_not_declared_late(slipped_q1):
    output, report = slipped_q1
    # compile names the products and the fix, and goes on (a final report is written).
    assert "Kế hoạch ghi thời gian thực hiện đã kết thúc trước ngày ban hành Kế hoạch (10/01/2026) ở 3 sản phẩm: " \
           "I.6 («Quý III, IV/2025»), II.1 («Quý III, IV/2025»), V.3 («Quý IV/2025»)." in " ".join(output.split())
    assert "sửa cột «Thời gian thực hiện»" in output and "(ví dụ «Quý III, IV/2026»)" in output
    # …and `check` asks no agency for the cause of a «delay» against those times (VII.6 it does).
    checked = " ".join(invoke("check", "--default-plan", "-p", "2026Q1", "--dir", report.parents[2],
                              "--today", "18/03/2026").output.split())
    assert "«Quý IV/2025» đã qua" not in checked and "«Quý III, IV/2025» đã qua" not in checked
    assert "VII.6: chưa hoàn thành dù thời hạn kế hoạch «Tháng 01/2026» đã qua" in checked
    shortfalls = "\n".join(part(report, "2. Tồn tại", "IV. PHƯƠNG HƯỚNG"))
    outlook = "\n".join(part(report, "IV. PHƯƠNG HƯỚNG", "V. KIẾN NGHỊ"))
    for subject in ("đề xuất các sáng kiến", "xây dựng và ban hành văn bản quy phạm pháp luật",
                    "đánh giá, phân loại cán bộ"):
        assert subject not in shortfalls, shortfalls
        assert f"Khẩn trương hoàn thành việc {subject}" not in outlook
    # Not dropped: the work goes on in the next period, and the body tells where it stands.
    assert "- Tiếp tục tích cực đề xuất các sáng kiến, mô hình, giải pháp CCHC trong quý II năm 2026." in outlook
    assert "- Tiếp tục xây dựng và ban hành văn bản quy phạm pháp luật của HĐND, UBND xã trong quý II năm 2026." \
        in outlook
    text = document_text(report)
    rows = annex_rows(report)
    for item_id in SLIPPED:
        assert rows[item_id][4] == "Đang thực hiện", rows[item_id]
        assert f"đã hoàn thành dự thảo {item_id}" in text
    # Lateness against a real deadline is still said.
    assert rows[REALLY_LATE][4] == "Đang thực hiện (chậm)"
    assert "- Việc tuyên truyền về chuyển đổi số chưa hoàn thành theo thời hạn của Kế hoạch." in shortfalls
    assert "- Khẩn trương hoàn thành việc tuyên truyền về chuyển đổi số trong quý II năm 2026." in outlook


def test_the_demo_plan_carries_the_plan_year(tmp_path):
    result = invoke("demo", "-p", "2026Q1", tmp_path / "demo")
    assert result.exit_code == 0, result.output
    check = invoke("plan", "check", "--dir", tmp_path / "demo")
    assert "ghi năm 2025 trong kế hoạch năm 2026" not in check.output
    compiled = invoke("compile", "-p", "2026Q1", "--dir", tmp_path / "demo", "--draft", "--today", "17/03/2026")
    assert "trước ngày ban hành Kế hoạch" not in compiled.output
    rows = annex_rows(tmp_path / "demo" / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx")
    assert rows["V.3"][3] == "Quý IV/2026" and rows["I.6"][3] == "Quý III, IV/2026"


@pytest.fixture(scope="module")
def demo_q1(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "demo"
    assert invoke("demo", "-p", "2026Q1", root).exit_code == 0
    return root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"


def test_the_figures_are_short_lines_by_theme_each_rate_on_its_base(demo_q1):
    # Seen: §II.2 one 15-line sentence of ~25 figures; «08 cơ quan, đơn vị thuộc UBND xã, trong đó 02 cơ
    # quan được kiểm tra CCHC»; «03 phản ánh, …, trong đó 03 phản ánh, …»; «(36,95%)» beside «đạt 37,3%».
    direction = part(demo_q1, "I. CÔNG TÁC CHỈ ĐẠO", "1. ")
    assert direction[0] == ("Kết quả trong quý: 06 văn bản chỉ đạo, điều hành CCHC ban hành; 14 tin, bài tuyên "
                            "truyền về CCHC; 01 sáng kiến, giải pháp CCHC được công nhận.")
    # The demo's quý I inspects nobody yet (the plan schedules it from quý II): said so, no «0/08».
    # «02/08 cơ quan, đơn vị …» itself: test_statistics (6 tháng, quý III, năm).
    assert direction[1] == ("Theo Kế hoạch, việc xây dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các "
                            "cơ quan, đơn vị thực hiện trong quý II, III, IV năm 2026.")
    procedures = part(demo_q1, "2. Cải cách thủ tục hành chính", "2.1. ")
    assert all(line.startswith("- ") and line.endswith(".") and len(line) < 400 for line in procedures)
    assert len(procedures) <= 8                                   # one line a theme
    received = next(line for line in procedures if line.startswith("- Hồ sơ TTHC tiếp nhận: 1.234 hồ sơ"))
    assert "456 hồ sơ trực tuyến (37%)" in received and "36,95" not in received   # one decimal, no target
    resolved = next(line for line in procedures if line.startswith("- Hồ sơ TTHC đã giải quyết: 1.180 hồ sơ"))
    assert "tỷ lệ hồ sơ trực tuyến (toàn trình và một phần) đạt 37,3%" in resolved   # on the line of its base
    assert "; 402 hồ sơ trực tuyến toàn trình (34,1%); " in resolved and "1.003 kết quả TTHC được số hóa" in resolved
    assert "; 980 hồ sơ TTHC được số hóa (79,4%)." in received
    assert "- Phản ánh, kiến nghị về quy định hành chính tiếp nhận: 03 phản ánh, kiến nghị, toàn bộ đã xử lý." \
        in procedures
    # N3: the apology is the law's duty, not a plan target.
    assert "- Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi (trên tổng số hồ sơ giải quyết quá hạn) đạt 90% (theo quy " \
           "định phải đạt 100%: chưa đạt)." in procedures
    assert not any("trong đó 03 phản ánh" in line for line in procedures)



def test_a_draft_says_what_a_missing_return_leaves_unassessed_and_proposals_address_the_ubnd(tmp_path):
    def tweak(agency: str, answers: dict) -> None:
        if agency == "phong-vhxh":
            answers["I.1"] = {**answers.get("I.1", {}),
                              "proposals": "Đề nghị tỉnh hỗ trợ kinh phí nâng cấp trang thiết bị Bộ phận Một cửa"}

    root = filled_period(tmp_path, "2026Q1", skip=("phong-kinh-te",), tweak=tweak)
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    assert result.exit_code == 1, result.output
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    shortfalls = part(report, "2. Tồn tại", "IV. PHƯƠNG HƯỚNG")
    # Seen: «[Phòng Kinh tế chưa gửi báo cáo]», not saying what the leader cannot judge without it.
    assert "[Phòng Kinh tế chưa gửi báo cáo: chưa đánh giá được tồn tại của lĩnh vực cải cách tài chính công]" \
        in shortfalls
    proposals = part(report, "V. KIẾN NGHỊ", "Trên đây")
    assert "- Đề nghị UBND tỉnh hỗ trợ kinh phí nâng cấp trang thiết bị Bộ phận Một cửa." in proposals
    assert not any("Đề nghị tỉnh" in p for p in proposals)
    # Seen: «[Phòng Kinh tế chưa gửi báo cáo về «1.1. Quyết định …»]», the plan's own number before the product.
    finance = " ".join(part(report, "5. Cải cách tài chính công", "6. "))
    assert "[Phòng Kinh tế chưa gửi báo cáo về «Quyết định về việc công bố công khai dự toán năm 2026" in finance
    assert "«1.1." not in finance and "«4.1." not in finance


def test_headings_keep_their_terms_on_one_line(tmp_path):
    # Seen: «…CẢI CÁCH HÀNH / CHÍNH» (every report, p2) and «…QUÝ IV NĂM / 2026» (Q3 p5).
    import docx

    root = filled_period(tmp_path, "2026Q3")
    assert invoke("compile", "--default-plan", "-p", "2026Q3", "--dir", root, "--today", "20/09/2026").exit_code == 0
    paragraphs = [p.text for p in docx.Document(root / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx").paragraphs]
    nbsp = "\u00a0"
    assert f"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH{nbsp}CHÍNH" in paragraphs
    assert f"II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH{nbsp}CHÍNH" in paragraphs
    assert f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ{nbsp}IV{nbsp}NĂM{nbsp}2026" in paragraphs


def test_the_chart_is_set_in_the_reports_face():
    # Seen: the chart in DejaVu Serif beside a report in Times New Roman.
    from matplotlib import font_manager

    from cchc_excel.chart import chart_font

    def installed(name: str) -> bool:
        try:
            font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
            return True
        except ValueError:
            return False

    text = "Cải cách thủ tục hành chính; Xây dựng và phát triển chính quyền điện tử: 66,7% (4/6; 1 chưa báo cáo)"
    if installed("Times New Roman"):
        assert chart_font(text) == "Times New Roman"
    elif installed("Liberation Serif"):    # fonts-liberation (2.x has the Vietnamese letters), as CI installs
        assert chart_font(text) == "Liberation Serif"
    else:
        assert chart_font(text) == "DejaVu Serif"
    # A face without a letter of the text is passed over; one not installed too.
    assert chart_font("\U0001F600", ("Liberation Serif", "DejaVu Serif")) == "DejaVu Serif"
    assert chart_font(text, ("Không Có Phông Này", "DejaVu Serif")) == "DejaVu Serif"


def test_the_years_own_index_is_said_to_come_early_next_year(slipped_q1):
    # Seen: «Trong kỳ chưa phát sinh việc triển khai xác định Chỉ số CCHC năm 2026 … do Sở Nội vụ đánh giá»:
    # the 2026 index cannot arise during 2026.
    _, report = slipped_q1
    direction = part(report, "I. CÔNG TÁC CHỈ ĐẠO", "II. KẾT QUẢ")
    assert "Việc tự đánh giá, xác định Chỉ số CCHC năm 2026 thực hiện theo yêu cầu của Sở Nội vụ vào đầu năm " \
           "2027." in direction
    assert not any("chưa phát sinh việc triển khai xác định Chỉ số" in p for p in direction)


def test_the_outlook_says_finish_without_stacking_verbs(demo_q1):
    # Seen: «Tiếp tục thực hiện và hoàn thành việc ban hành và triển khai kế hoạch đào tạo…».
    outlook = part(demo_q1, "IV. PHƯƠNG HƯỚNG", "V. KIẾN NGHỊ")
    assert "- Hoàn thành việc ban hành và triển khai kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2026 trong " \
           "quý II." in outlook
    assert not any("Tiếp tục thực hiện và hoàn thành việc" in line for line in outlook)


@pytest.fixture(scope="module")
def year_behind(tmp_path_factory):
    return reporttools.year_behind(tmp_path_factory.mktemp("behind")) / "output" / "2026" / "bao-cao-cchc-2026.docx"


def test_the_annual_outlook_names_this_years_unfinished_work_once(year_behind):
    # Seen: the tasks of «…còn chậm: …» and «Hoàn thành dứt điểm …: …» named again under the fields.
    outlook = part(year_behind, "IV. PHƯƠNG HƯỚNG", "V. KIẾN NGHỊ")
    carried = [line for line in outlook if line.startswith(("- Khẩn trương hoàn thành các nhiệm vụ năm 2026",
                                                            "- Hoàn thành dứt điểm các nhiệm vụ còn lại"))]
    assert carried
    subjects = [s.strip(" .") for line in carried for s in line.split(": ", 1)[1].split(";")]
    fields = [line for line in outlook if line.startswith("- ") and line not in carried]
    for subject in subjects:
        again = [line for line in fields if subject.lower() in line.lower() and "2027" not in line]
        assert again == [], (subject, again)


def test_plan_check_asks_for_the_provinces_name_in_the_basis(tmp_path):
    # Seen: «Căn cứ Kế hoạch số 250/KH-UBND ngày 25/12/2025 của UBND tỉnh về cải cách hành chính năm 2026».
    import openpyxl

    root = tmp_path / "xa"
    assert invoke("init", root).exit_code == 0

    def basis(text: str) -> str:
        workbook = openpyxl.load_workbook(root / "ke-hoach-cchc.xlsx")
        sheet = workbook["Thiết lập"]
        rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
        sheet.cell(rows["province_plan"], 3).value = text
        workbook.save(root / "ke-hoach-cchc.xlsx")
        return " ".join(invoke("plan", "check", "--dir", root).output.split())

    said = basis("Kế hoạch số 250/KH-UBND ngày 25/12/2025 của UBND tỉnh về cải cách hành chính năm 2026")
    assert "Thiết lập «Kế hoạch CCHC của tỉnh (căn cứ)» ghi «UBND tỉnh» mà không nêu tên tỉnh" in said
    assert "ví dụ «UBND tỉnh Ninh Bình»" in said
    said = basis("Kế hoạch số 250/KH-UBND ngày 25/12/2025 của UBND tỉnh Ninh Bình về cải cách hành chính năm 2026")
    assert "không nêu tên tỉnh" not in said


def test_an_abbreviation_once_defined_is_not_defined_again(slipped_q1):
    # Seen: Ưu điểm «… Kế hoạch cải cách hành chính (CCHC) năm 2026», the plan's own wording, after the
    # opening had already defined «cải cách hành chính (CCHC)».
    _, report = slipped_q1
    body = "\n".join(part(report, "BÁO CÁO", "Trên đây"))
    assert body.count("(CCHC)") == 1
    assert "ban hành và tổ chức thực hiện Kế hoạch CCHC năm 2026" in body


def _signature(report) -> list[str]:
    """The lines of the signature block (the right cell of the closing table)."""
    import docx

    table = next(t for t in docx.Document(report).tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    return [p.text for p in table.rows[0].cells[-1].paragraphs if p.text.strip()]


def test_the_chairman_signs_for_the_committee_by_default(tmp_path):
    # Seen: «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH» in every report of a new folder, and «[Họ và tên người ký]»
    # not saying what is missing nor where it is set. NĐ 30/2020 (Phụ lục I): the Chủ tịch signs a
    # collective body's document «TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH»; a deputy «… / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH».
    import openpyxl

    root = tmp_path / "xa"
    assert invoke("init", root).exit_code == 0
    filled_period(root, "2026Q1", skip=("phong-kinh-te",))
    assert invoke("compile", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026").exit_code == 1
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    assert _signature(report) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                                  "[Chưa có họ và tên người ký: điền «Họ và tên người ký» ở trang «Thiết lập» của sổ "
                                  "kế hoạch]"]
    # The officer's own setting is kept: a deputy signs.
    path = root / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Thiết lập"]
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    assert sheet.cell(rows["signer_authority"], 3).value in (None, "")
    assert sheet.cell(rows["signer_title"], 3).value == "CHỦ TỊCH"
    sheet.cell(rows["signer_authority"], 3).value = "KT. CHỦ TỊCH"
    sheet.cell(rows["signer_title"], 3).value = "PHÓ CHỦ TỊCH"
    sheet.cell(rows["signer_name"], 3).value = "Trần Thị Bình"
    workbook.save(path)
    assert invoke("compile", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026").exit_code == 1
    assert _signature(report) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Bình"]


def test_plan_check_names_a_signature_block_the_decree_does_not_allow(tmp_path):
    import openpyxl

    root = tmp_path / "xa"
    assert invoke("init", root).exit_code == 0
    assert "Thẩm quyền ký" not in invoke("plan", "check", "--dir", root).output

    def signer(title: str, authority: str) -> str:
        path = root / "ke-hoach-cchc.xlsx"
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["Thiết lập"]
        rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
        sheet.cell(rows["signer_title"], 3).value = title
        sheet.cell(rows["signer_authority"], 3).value = authority
        workbook.save(path)
        return " ".join(invoke("plan", "check", "--dir", root).output.split())

    said = signer("PHÓ CHỦ TỊCH", "")
    assert "Thiết lập «Chức vụ người ký» ghi «PHÓ CHỦ TỊCH» mà «Thẩm quyền ký» ghi «(trống)»: theo Nghị định " \
           "30/2020/NĐ-CP" in said
    assert "Ghi «KT. CHỦ TỊCH» vào «Thẩm quyền ký» ở trang «Thiết lập»" in said
    said = signer("CHỦ TỊCH", "KT. CHỦ TỊCH")
    assert "«Chức vụ người ký» ghi «CHỦ TỊCH» mà «Thẩm quyền ký» ghi «KT. CHỦ TỊCH»" in said
    assert "Để trống «Thẩm quyền ký»" in said
    assert "Thẩm quyền ký" not in signer("PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH")
