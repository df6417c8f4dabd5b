"""Plan changes are safe: `plan import` / `init --plan` keep the officer's
settings, reconcile «Chỉ tiêu», print what they understood; `plan check`
warns about blank settings (issue #13's plan bullets)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import openpyxl
import plancorpus_plans as P
import pytest
from conftest import invoke
from plancorpus import Layout, PlanSpec, build

from cchc_excel import planbook

TWO_SECTIONS = PlanSpec(
    "KH moi 2026",
    Layout(columns=P.STD_COLUMNS,
           header=("TT", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                   "Thời gian thực hiện"),
           title_lines=("(Kèm theo Kế hoạch số 07/KH-UBND ngày 02/02/2026 của UBND xã Xuân Trường)",)),
    [
        ("section", "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "1", "Một cửa", "Hồ sơ giải quyết đúng hạn", "Trung tâm PV hành chính công", "", "Thường xuyên"),
        ("section", "II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "Báo cáo CCHC", "Báo cáo", "Phòng Văn hóa - Xã hội", "Công an xã", "Hằng quý"),
    ],
)
NO_CAPTION = PlanSpec(
    "KH-moi", Layout(columns=P.STD_COLUMNS, header=TWO_SECTIONS.layout.header), TWO_SECTIONS.rows)


def _set(book, **values):
    workbook = openpyxl.load_workbook(book)
    for row in workbook[planbook.SHEET_SETTINGS].iter_rows(min_row=4):
        if row[0].value in values:
            row[2].value = values[row[0].value]
    workbook.save(book)


def _settings(book) -> dict:
    sheet = openpyxl.load_workbook(book)[planbook.SHEET_SETTINGS]
    return {r[0].value: r[2].value for r in sheet.iter_rows(min_row=4) if r[0].value}


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_keeps_settings_reconciles_indicators_and_leaves_a_workbook_every_command_accepts(tmp_path):
    work = tmp_path / "ws"
    assert invoke("init", work).exit_code == 0
    book = work / planbook.FILENAME
    _set(book, signer_name="Nguyễn Văn An", commune="Xuân Trường")
    source = build(TWO_SECTIONS, tmp_path, ".docx")

    result = invoke("plan", "import", source, "--dir", work)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Số kế hoạch: «07/KH-UBND» (lấy từ tài liệu; trước đây: «03/KH-UBND»)" in out
    assert "Ngày ban hành: «02/02/2026» (lấy từ tài liệu" in out
    assert "Tên xã, phường: «Xuân Trường» (giữ như trong sổ kế hoạch)" in out
    # Indicators of the areas the new plan no longer has: all named in one list, left out.
    assert "Chỉ tiêu không xếp được vào phần nào của kế hoạch mới" in out
    for code in ("VBQPPL_BAN_HANH", "CBCC_DAO_TAO", "KINH_PHI_CCHC", "VB_KY_SO", "TL_KY_SO"):
        assert code in out
    assert "Công an xã [cong-an-xa]: đối tác bên ngoài" in out          # new agency, flagged
    assert "(trước khi nhập).xlsx" in out

    settings = _settings(book)
    assert settings["signer_name"] == "Nguyễn Văn An" and settings["plan_number"] == "07/KH-UBND"
    agencies = openpyxl.load_workbook(book)[planbook.SHEET_AGENCIES]
    flags = {r[0].value: r[4].value for r in agencies.iter_rows(min_row=2) if r[0].value}
    assert flags["cong-an-xa"] == "Mới: kiểm tra cột «Loại» (chương trình đoán đối tác)" and not flags["phong-vhxh"]
    # TTHC indicators followed their section by name: it is «I» now.
    indicators = openpyxl.load_workbook(book)["Chỉ tiêu"]
    sections = {r[0].value: r[3].value for r in indicators.iter_rows(min_row=2) if r[0].value}
    assert sections["HS_TIEP_NHAN"] == "I. Thủ tục hành chính"
    assert sections["VB_CHI_DAO"] == "II. Chỉ đạo, điều hành"
    assert "VBQPPL_BAN_HANH" not in sections

    check = invoke("plan", "check", "--dir", work)
    assert check.exit_code == 0, check.output
    assert invoke("forms", "-p", "2026Q1", "--dir", work).exit_code == 0


def test_preview_writes_nothing(tmp_path):
    work = tmp_path / "ws"
    source = build(TWO_SECTIONS, tmp_path, ".xlsx")
    result = invoke("plan", "import", source, "--dir", work, "--preview")
    assert result.exit_code == 0 and "chưa ghi gì" in result.output
    assert not (work / planbook.FILENAME).exists()
    assert invoke("init", work).exit_code == 0
    before = _digest(work / planbook.FILENAME)
    result = invoke("plan", "import", source, "--dir", work, "--preview")
    assert "Phần (2), nhiệm vụ (2), sản phẩm (2)" in result.output
    assert "II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH: 1 nhiệm vụ, 1 sản phẩm → báo cáo mục I" in result.output
    assert "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH: 1 nhiệm vụ, 1 sản phẩm → báo cáo mục II.1" in result.output
    assert _digest(work / planbook.FILENAME) == before
    assert not list(work.glob("*trước khi nhập*"))


def test_init_with_a_plan_that_states_nothing_says_what_is_blank_and_plan_check_warns(tmp_path):
    work = tmp_path / "ws"
    source = build(NO_CAPTION, tmp_path, ".xlsx")
    result = invoke("init", work, "--plan", source)
    assert result.exit_code == 0, result.output
    assert "Số kế hoạch: (trống) (chưa có: điền ở trang «Thiết lập»)" in result.output
    assert "Năm kế hoạch: «2026» (suy ra từ thời gian thực hiện)" not in result.output   # nothing to infer from
    check = invoke("plan", "check", "--dir", work)
    for label in ("Tên xã, phường", "Số kế hoạch", "Ngày ban hành kế hoạch", "Họ và tên người ký"):
        assert f"Thiết lập «{label}» đang để trống" in check.output


def test_a_broken_row_is_named_and_the_rest_imported(tmp_path):
    source = build(P.BINH_MINH, tmp_path, ".docx")
    result = invoke("plan", "import", source, "--dir", tmp_path / "ws")
    assert result.exit_code == 0
    assert "Dòng không nhập được (3); phần còn lại đã nhập:" in result.output
    assert "dòng 5: không xếp được dòng «Phòng Kinh tế | Quý II/2026»" in result.output
    assert "Còn 3 dòng chưa nhập" in result.output
    assert "4 nhiệm vụ, 4 sản phẩm" in result.output
    assert invoke("plan", "check", "--dir", tmp_path / "ws").exit_code == 0


def test_unknown_timeframes_are_listed_by_the_preview_and_plan_check(tmp_path):
    source = build(P.BINH_MINH, tmp_path, ".docx")
    result = invoke("plan", "import", source, "--dir", tmp_path / "ws")
    assert "Chưa hiểu (1 cách ghi" in result.output and "«Sớm nhất có thể»: II.2" in result.output
    check = invoke("plan", "check", "--dir", tmp_path / "ws")
    assert "II.2: không hiểu thời gian thực hiện «Sớm nhất có thể»" in check.output


def test_indicators_whose_section_is_gone_are_named_together(tmp_path):
    work = tmp_path / "ws"
    assert invoke("init", work).exit_code == 0
    book = work / planbook.FILENAME
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Chỉ tiêu"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in ("TIN_BAI", "SANG_KIEN"):
            row[3].value = "XI"
    workbook.save(book)
    result = invoke("plan", "check", "--dir", work)
    assert result.exit_code != 0
    assert "2 chỉ tiêu không thuộc phần nào" in result.output
    assert "TIN_BAI" in result.output and "SANG_KIEN" in result.output


def test_doc_without_libreoffice_is_a_clear_message(tmp_path, monkeypatch):
    from cchc_excel import office

    monkeypatch.setattr(office, "find_soffice", lambda: None)
    source = tmp_path / "ke-hoach.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    result = invoke("plan", "import", source, "--dir", tmp_path / "ws")
    assert result.exit_code != 0
    assert "tệp Word cũ (.doc): cần LibreOffice" in result.output and "ke-hoach.doc" in result.output
    assert not (tmp_path / "ws" / planbook.FILENAME).exists()


@pytest.mark.parametrize("spelling", ["phong-van-hoa-xa-hoi", "phong-vhxh"])
def test_forms_for_one_agency_accept_its_old_long_code(tmp_path, spelling):
    result = invoke("forms", "--default-plan", "-p", "2026Q1", "--dir", tmp_path, "--agency", spelling)
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx")] == ["phong-vhxh.xlsx"]


def test_new_agencies_stay_flagged_until_the_officer_clears_the_note(tmp_path):
    work = tmp_path / "ws"
    assert invoke("init", work).exit_code == 0
    book = work / planbook.FILENAME
    source = build(TWO_SECTIONS, tmp_path, ".docx")
    assert invoke("plan", "import", source, "--dir", work).exit_code == 0
    again = invoke("plan", "import", source, "--dir", work)
    assert "Cơ quan mới" not in again.output               # nothing new the second time…
    sheet = openpyxl.load_workbook(book)[planbook.SHEET_AGENCIES]
    flags = {r[0].value: r[4].value for r in sheet.iter_rows(min_row=2) if r[0].value}
    assert "kiểm tra cột «Loại»" in flags["cong-an-xa"]      # …but the first note is still there
    assert (work / "ke-hoach-cchc (trước khi nhập 2).xlsx").exists()
    assert (work / "ke-hoach-cchc (trước khi nhập).xlsx").exists()


def test_a_workbook_with_several_problems_names_them_all_in_one_run(tmp_path):
    work = tmp_path / "ws"
    assert invoke("init", work).exit_code == 0
    book = work / planbook.FILENAME
    _set(book, plan_date="31/02/2026", year="hai nghìn")
    workbook = openpyxl.load_workbook(book)
    agencies = workbook[planbook.SHEET_AGENCIES]
    agencies.cell(agencies.max_row + 1, 1, "ma-rong")                      # a code without a name
    for row in workbook["Chỉ tiêu"].iter_rows(min_row=2):
        if row[0].value == "TIN_BAI":
            row[3].value = "XI"
    workbook.save(book)
    result = invoke("plan", "check", "--dir", work)
    assert result.exit_code != 0
    out = result.output
    assert "4 chỗ cần sửa" in out
    assert "31/02/2026" in out and "hai nghìn" in out and "ma-rong" in out and "TIN_BAI" in out


def test_every_bad_indicator_row_is_named_in_one_run(tmp_path):
    # Seen: «Chỉ tiêu» stopped at its first bad row (a target that is not a number), one row per run.
    work = tmp_path / "ws"
    assert invoke("init", work).exit_code == 0
    book = work / planbook.FILENAME
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    col = {label: header.index(label) for label in ("Thuộc phần", "Cơ quan báo cáo", "Chỉ tiêu kế hoạch")}
    cells = {}
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "TIN_BAI":
            row[col["Chỉ tiêu kế hoạch"]].value = "mười"
            cells["target"] = row[col["Chỉ tiêu kế hoạch"]].coordinate
        elif row[0].value == "SANG_KIEN":
            row[col["Thuộc phần"]].value = "XI"
            cells["section"] = row[col["Thuộc phần"]].coordinate
        elif row[0].value == "HS_TIEP_NHAN":
            row[col["Cơ quan báo cáo"]].value = "Phòng Không Có"
            cells["agency"] = row[col["Cơ quan báo cáo"]].coordinate
    workbook.save(book)
    result = invoke("plan", "check", "--dir", work)
    assert result.exit_code != 0
    out = result.output
    assert "3 dòng cần sửa" in out, out
    assert f"{cells['target']}: chỉ tiêu TIN_BAI: «mười» không phải là số" in out
    assert f"{cells['section']}: chỉ tiêu SANG_KIEN" in out and "không có phần «XI»" in out
    assert f"{cells['agency']}: chỉ tiêu HS_TIEP_NHAN: không có cơ quan «Phòng Không Có»" in out
    assert "Traceback" not in out


def _local_plan(kind: str, name: str) -> PlanSpec:
    """A plan of a ward or special zone naming its bodies the ways communes do ("… xã")."""
    return PlanSpec(
        f"KH {kind}",
        Layout(columns=P.STD_COLUMNS, header=TWO_SECTIONS.layout.header,
               title_lines=(f"(Kèm theo Kế hoạch số 12/KH-UBND ngày 12/01/2026 của UBND {kind} {name})",)),
        [
            ("section", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
            ("task", "1", "Tuyên truyền CCHC", "Tin bài", "Phòng Văn hóa - Xã hội",
             f"Uỷ ban MTTQ {kind}; Công an {kind}", "Hằng quý"),
            ("task", "2", "Giám sát CCHC", "Báo cáo giám sát", f"UBMTTQ {kind}",
             f"CA {kind}, Ban CHQS {kind}", "Quý II/2026"),
            ("task", "3", "Diễn tập", "Báo cáo", f"Ban Chỉ huy Quân sự {kind}", f"Đoàn TN {kind}", "Quý III/2026"),
        ],
    )


@pytest.mark.parametrize(("kind", "name"), [("xã", "Hòa Bình"), ("phường", "Đông Tiến"), ("đặc khu", "Cô Tô")])
def test_a_ward_or_special_zone_names_its_bodies_like_a_commune(tmp_path, kind, name):
    # Seen: «Uỷ ban MTTQ phường» and «UBMTTQ phường» became two new agencies (the «… xã» aliases
    # did not apply), each flagged for the officer, and «Ban CHQS phường» a third body.
    work = tmp_path / "ws"
    result = invoke("init", work, "--plan", build(_local_plan(kind, name), tmp_path, ".docx"))
    assert result.exit_code == 0, result.output
    assert "Cơ quan mới" not in result.output, result.output      # every body is a known one
    assert f"Tên xã, phường: «{name}»" in result.output
    sheet = openpyxl.load_workbook(work / planbook.FILENAME)[planbook.SHEET_AGENCIES]
    names = {r[1].value: r[0].value for r in sheet.iter_rows(min_row=2) if r[0].value}
    assert set(names) == {"Phòng Văn hóa - Xã hội", f"Ủy ban MTTQ Việt Nam {kind}", f"Công an {kind}",
                          f"Ban Chỉ huy Quân sự {kind}", f"Đoàn Thanh niên {kind}"}, names
    assert invoke("plan", "check", "--dir", work).exit_code == 0
    forms = invoke("forms", "-p", "2026Q2", "--dir", work)
    assert forms.exit_code == 0, forms.output
    mttq = names[f"Ủy ban MTTQ Việt Nam {kind}"]
    assert (work / "output" / "2026Q2" / "bieu-mau" / f"{mttq}.xlsx").exists()


@pytest.mark.parametrize(("kind", "name"), [("phường", "Đông Tiến"), ("đặc khu", "Cô Tô")])
def test_a_ward_or_special_zone_report_names_its_own_body(tmp_path, kind, name):
    # Seen: a ward's report printed «XÃ ĐÔNG TIẾN», «UBND xã Đông Tiến báo cáo…» and sent copies
    # to «Thường trực Đảng ủy xã»: the locality word was hard-coded.
    from formtools import all_items, consistent_figures, done, fill
    from reporttools import document_text

    work = tmp_path / "ws"
    assert invoke("init", work, "--plan", build(_local_plan(kind, name), tmp_path, ".docx")).exit_code == 0
    book = work / planbook.FILENAME
    settings = {r[0].value: r[2].value
                for r in openpyxl.load_workbook(book)[planbook.SHEET_SETTINGS].iter_rows(min_row=4) if r[0].value}
    assert settings["locality"] == kind and settings["commune"] == name
    assert f"Thường trực Đảng ủy {kind}" in settings["recipients"]
    _set(book, signer_name="Nguyễn Văn A")
    assert invoke("forms", "-p", "2026Q2", "--dir", work).exit_code == 0
    plan, _ = planbook.read_workbook(book)
    guide = openpyxl.load_workbook(next((work / "output" / "2026Q2" / "bieu-mau").glob("*.xlsx"))).worksheets[0]
    facts = {row[i].value: row[i + 1].value for row in guide.iter_rows() for i in range(len(row) - 1)}
    assert facts.get(kind.capitalize()) == name and "Xã" not in facts       # the form's guide says «Phường»
    for form in (work / "output" / "2026Q2" / "bieu-mau").glob("*.xlsx"):
        fill(form, work / "input" / "2026Q2" / form.name, {item: done() for item in all_items(form)},
             figures=consistent_figures(plan, form.stem))
    result = invoke("compile", "-p", "2026Q2", "--dir", work, "--today", "20/06/2026")
    assert result.exit_code == 0, result.output
    text = document_text(next((work / "output" / "2026Q2").glob("*.docx")))
    assert f"{kind} {name}".upper() in text
    assert f"UBND {kind} {name} báo cáo" in text and f"của UBND {kind} {name}./." in text
    assert f"được UBND {kind} quan tâm" in text
    assert "UBND xã" not in text and "XÃ " not in text.replace("XÃ HỘI", "")
    assert "Đảng ủy xã" not in text and f"Đảng ủy {kind}" in text
    assert "Nguyễn Văn A" in text and "Chưa có họ và tên người ký" not in text

    # An officer who corrects the word in «Thiết lập» is obeyed; a word that is not one is named.
    _set(book, locality="Phường")
    assert planbook.read_workbook(book)[1].locality == "phường"
    _set(book, locality="huyện")
    check = invoke("plan", "check", "--dir", work)
    assert check.exit_code != 0 and "«huyện» không hợp lệ; ghi «xã», «phường» hoặc «đặc khu»" in check.output
    assert "Traceback" not in check.output


def test_final_compile_refuses_a_blank_commune_or_plan_number_and_warns_of_a_blank_signer(tmp_path):
    # Seen: `init --plan` of a plan without caption, returns filled, `compile` wrote «XÃ » and
    # «Kế hoạch số  về…» with an unnamed signature block, and exited 0.
    from formtools import all_items, consistent_figures, done, fill
    from reporttools import document_text

    work = tmp_path / "ws"
    book = work / planbook.FILENAME
    assert invoke("init", work, "--plan", build(NO_CAPTION, tmp_path, ".xlsx")).exit_code == 0
    assert invoke("forms", "-p", "2026Q1", "--dir", work).exit_code == 0
    plan, _ = planbook.read_workbook(book)
    for form in (work / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx"):
        fill(form, work / "input" / "2026Q1" / form.name, {item: done() for item in all_items(form)},
             figures=consistent_figures(plan, form.stem))
    out = work / "output" / "2026Q1"
    cells = {r[0].value: r[2].coordinate
             for r in openpyxl.load_workbook(book)[planbook.SHEET_SETTINGS].iter_rows(min_row=4) if r[0].value}

    result = invoke("compile", "-p", "2026Q1", "--dir", work, "--today", "20/03/2026")
    assert result.exit_code == 1, result.output
    shown = " ".join(result.output.split())
    assert f"trang «Thiết lập», ô {cells['commune']}: «Tên xã, phường» đang để trống" in shown, shown
    assert f"trang «Thiết lập», ô {cells['plan_number']}: «Số kế hoạch» đang để trống" in shown
    assert "Họ và tên người ký" in shown and "Traceback" not in shown
    assert not list(out.glob("*.docx"))

    draft = invoke("compile", "-p", "2026Q1", "--dir", work, "--today", "20/03/2026", "--draft")
    assert "Đã lập báo cáo" in draft.output, draft.output          # a draft is still possible

    _set(book, commune="Hòa Bình", plan_number="07/KH-UBND")
    final = invoke("compile", "-p", "2026Q1", "--dir", work, "--today", "20/03/2026")
    assert final.exit_code == 0, final.output
    shown = " ".join(final.output.split())
    assert "«Họ và tên người ký» đang để trống" in shown and f"ô {cells['signer_name']}" in shown
    text = document_text(next(out.glob("*.docx")))
    assert "XÃ HÒA BÌNH" in text and "Kế hoạch số 07/KH-UBND" in text


GROUPED = PlanSpec(
    "KH nhom",
    Layout(columns=P.STD_COLUMNS, header=TWO_SECTIONS.layout.header,
           title_lines=("(Kèm theo Kế hoạch số 08/KH-UBND ngày 05/02/2026 của UBND xã Hòa Bình)",)),
    [
        ("section", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "Báo cáo CCHC", "Báo cáo", "Phòng Văn hóa - Xã hội", "", "Hằng quý"),
        ("section", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("group", "1. Kiểm soát thủ tục hành chính"),
        ("task", "-", "Công khai TTHC", "Danh mục TTHC", "Trung tâm PV hành chính công", "", "Thường xuyên"),
        ("task", "-", "Rà soát TTHC", "Phương án đơn giản hóa", "Trung tâm PV hành chính công", "", "Quý II/2026"),
        ("group", "2. Cơ chế một cửa, một cửa liên thông"),
        ("task", "-", "Tiếp nhận hồ sơ qua bưu chính", "Hồ sơ qua bưu chính", "Trung tâm PV hành chính công",
         "", "Thường xuyên"),
        ("section", "III. CẢI CÁCH THỂ CHẾ"),
        ("group", "a) Rà soát văn bản"),
        ("task", "1", "Rà soát văn bản QPPL", "Báo cáo rà soát", "Văn phòng HĐND-UBND", "", "Quý II/2026"),
        ("group", "b) Phổ biến pháp luật"),
        ("task", "2", "Phổ biến pháp luật", "Hội nghị", "Phòng Văn hóa - Xã hội", "", "Quý III/2026"),
        ("section", "IV. CHÍNH QUYỀN SỐ"),
        ("task", "1", "Ký số văn bản", "Văn bản ký số", "Văn phòng HĐND-UBND", "", "Cả năm 2026"),
        ("group", "4.1. Dịch vụ công trực tuyến"),
        ("task", "2", "Thanh toán trực tuyến", "Hồ sơ thanh toán trực tuyến", "Trung tâm PV hành chính công", "",
         "Thường xuyên"),
    ],
)


def test_sub_group_headings_survive_the_plan_workbook(tmp_path):
    # Seen: sub-group headings («1. Kiểm soát…», «a) …», «4.1. …») were shown by the preview
    # but not written to the «Nhiệm vụ» sheet: the published plan lost them silently.
    from cchc_excel.plan import fingerprint, import_plan_file

    source = build(GROUPED, tmp_path, ".docx")
    work = tmp_path / "ws"
    result = invoke("init", work, "--plan", source)
    assert result.exit_code == 0, result.output
    book = work / planbook.FILENAME
    sheet = openpyxl.load_workbook(book)[planbook.SHEET_TASKS]
    contents = [row[1] for row in sheet.iter_rows(min_row=6, max_col=2, values_only=True) if row[1]]
    for heading, first_task in (("1. Kiểm soát thủ tục hành chính", "Công khai TTHC"),
                                ("2. Cơ chế một cửa, một cửa liên thông", "Tiếp nhận hồ sơ qua bưu chính"),
                                ("a) Rà soát văn bản", "Rà soát văn bản QPPL"),
                                ("b) Phổ biến pháp luật", "Phổ biến pháp luật"),
                                ("4.1. Dịch vụ công trực tuyến", "Thanh toán trực tuyến")):
        assert heading in contents, contents
        assert contents[contents.index(heading) + 1] == first_task
    assert invoke("plan", "check", "--dir", work).exit_code == 0          # the sheet reads back whole

    imported = import_plan_file(source).plan
    kept, _ = planbook.read_workbook(book)
    assert [(t.number, t.content, t.group) for t in kept.tasks] == \
        [(t.number, t.content, t.group) for t in imported.tasks]
    assert [t.group for t in kept.tasks if t.group] == [
        "1. Kiểm soát thủ tục hành chính", "1. Kiểm soát thủ tục hành chính",
        "2. Cơ chế một cửa, một cửa liên thông", "a) Rà soát văn bản", "b) Phổ biến pháp luật",
        "4.1. Dịch vụ công trực tuyến"]
    assert [i.id for i in kept.items] == [i.id for i in imported.items]
    assert fingerprint(kept) == fingerprint(replace(imported, agencies=kept.agencies, indicators=kept.indicators))
