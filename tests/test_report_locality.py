"""A ward (phường) or special zone (đặc khu) is never called «xã» in the words the program writes
itself (REVIEW.md of the second reading, N6): the recipients and indicator names a workbook got at
`init`, before its issuer became a ward (or from an older version), are said in the ward's words in
the report, and `plan check` names every such text with its sheet and cell."""

from __future__ import annotations

import docx
import openpyxl
from conftest import invoke
from reporttools import document_text, filled_period, statistics_rows

WARD = "UBND phường Hòa Bình"


def _settings(root, **values) -> dict[str, str]:
    """Set values of the «Thiết lập» sheet by setting key; returns key -> cell of each."""
    path = root / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Thiết lập"]
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    for key, value in values.items():
        sheet.cell(rows[key], 3).value = value
    workbook.save(path)
    return {key: f"C{row}" for key, row in rows.items() if key}


def _indicator_cell(root, code: str) -> str:
    sheet = openpyxl.load_workbook(root / "ke-hoach-cchc.xlsx")["Chỉ tiêu"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == code)
    return f"B{row}"


def _older_ward(root):
    """A workbook made for a «xã» (recipients and indicator names in its words) whose issuer is
    now a ward, with the «Cấp hành chính» row left blank, as an older version left it; one
    recipient is the officer's own line."""
    assert invoke("init", root).exit_code == 0
    recipients = ("Sở Nội vụ tỉnh\nThường trực Đảng ủy xã\nThường trực HĐND xã\n"
                  "Chủ tịch, các Phó Chủ tịch UBND xã\nCác cơ quan, đơn vị thuộc UBND xã\n"
                  "Ủy ban MTTQ Việt Nam xã\nLưu: VT, VHXH")
    return _settings(root, issuer=WARD, commune="Hòa Bình", place="Hòa Bình", locality=None,
                     recipients=recipients, signer_name="Nguyễn Văn An")


def test_a_ward_gets_its_own_words_in_the_report_and_a_warning_for_the_officers_line(tmp_path):
    root = tmp_path / "phuong"
    cells = _older_ward(root)
    filled_period(root, "2026Q1")
    result = invoke("compile", "-p", "2026Q1", "--dir", root, "--today", "18/03/2026")
    assert result.exit_code == 0, result.output
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    text = document_text(report)
    # The program's own recipients, in the ward's words.
    for recipient in ("- Thường trực Đảng ủy phường;", "- Thường trực HĐND phường;",
                      "- Chủ tịch, các Phó Chủ tịch UBND phường;", "- Các cơ quan, đơn vị thuộc UBND phường;"):
        assert recipient in text, recipient
    for wrong in ("Đảng ủy xã", "HĐND xã;", "Phó Chủ tịch UBND xã", "thuộc UBND xã"):
        assert wrong not in text, wrong
    # The officer's own line is printed as written, and compile says so with the cell and the fix.
    assert "- Ủy ban MTTQ Việt Nam xã;" in text
    said = " ".join(result.output.split())
    assert f"trang «Thiết lập», ô {cells['recipients']}: nơi nhận «Ủy ban MTTQ Việt Nam xã» ghi «xã»" in said
    assert "Sửa thành «Ủy ban MTTQ Việt Nam phường»" in said
    # The default indicators, in the body and the annex.
    rows = statistics_rows(report)
    assert "Cơ quan, đơn vị thuộc UBND phường" in rows
    assert "Điểm Chỉ số CCHC của phường (kết quả tỉnh công bố gần nhất)" in rows
    assert "Xếp hạng Chỉ số CCHC của phường trong tỉnh" in rows
    assert "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (766) của phường" in rows
    assert not any(name.endswith((" xã", " xã trong tỉnh")) or " của xã " in name or "UBND xã" in name
                   for name in rows), [n for n in rows if "xã" in n]
    assert "Chỉ số cải cách hành chính của phường" in text
    # The summary workbook names them as the report does.
    summary = openpyxl.load_workbook(root / "output" / "2026Q1" / "tong-hop-2026Q1.xlsx")["Số liệu"]
    names = {c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)}
    assert "Cơ quan, đơn vị thuộc UBND phường" in names and "Cơ quan, đơn vị thuộc UBND xã" not in names
    assert "PHƯỜNG HÒA BÌNH" in [p.text for t in docx.Document(report).tables for r in t.rows
                                 for c in r.cells for p in c.paragraphs]


def test_plan_check_names_each_text_said_for_another_locality(tmp_path):
    root = tmp_path / "phuong"
    cells = _older_ward(root)
    result = invoke("plan", "check", "--dir", root)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    where = f"trang «Thiết lập», ô {cells['recipients']}"
    assert f"{where}: nơi nhận «Thường trực Đảng ủy xã» ghi «xã», trong khi cơ quan ban hành kế hoạch là " \
           f"{WARD} (cấp hành chính «phường»)" in said
    assert "Sửa thành «Thường trực Đảng ủy phường»" in said and "báo cáo đã tự in «Thường trực Đảng ủy phường»" \
        in said
    assert f"{where}: nơi nhận «Ủy ban MTTQ Việt Nam xã» ghi «xã»" in said
    assert "cho đến khi sửa, báo cáo in nguyên như đã ghi" in said
    cell = _indicator_cell(root, "CHI_SO_CCHC")
    assert f"trang «Chỉ tiêu», ô {cell}: chỉ tiêu CHI_SO_CCHC «Điểm Chỉ số CCHC của xã (kết quả tỉnh công bố gần " \
           f"nhất)» ghi «xã»" in said
    assert "«Sở Nội vụ tỉnh»" not in said and "«Lưu: VT, VHXH»" not in said
    # Put right in the workbook: nothing more to say.
    _settings(root, recipients="Sở Nội vụ tỉnh\nThường trực Đảng ủy phường\nLưu: VT, VHXH")
    path = root / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Chỉ tiêu"]
    for row in range(2, sheet.max_row + 1):
        if isinstance(sheet.cell(row, 2).value, str):
            sheet.cell(row, 2).value = sheet.cell(row, 2).value.replace("xã", "phường")
    workbook.save(path)
    said = " ".join(invoke("plan", "check", "--dir", root).output.split())
    assert "cấp hành chính «phường»" not in said


def test_a_commune_whose_texts_say_phuong_is_warned_too(tmp_path):
    root = tmp_path / "xa"
    assert invoke("init", root).exit_code == 0
    cells = _settings(root, recipients="Sở Nội vụ tỉnh\nThường trực Đảng ủy phường\nLưu: VT, VHXH")
    said = " ".join(invoke("plan", "check", "--dir", root).output.split())
    assert f"ô {cells['recipients']}: nơi nhận «Thường trực Đảng ủy phường» ghi «phường», trong khi cơ quan ban " \
           "hành kế hoạch là UBND xã Xuân Trường (cấp hành chính «xã»)" in said
    assert "Sửa thành «Thường trực Đảng ủy xã»" in said


def test_a_locality_setting_left_as_init_wrote_it_is_named_by_plan_check_and_compile(tmp_path):
    # `init` writes «Cấp hành chính: xã»; the officer later makes the issuer a ward and forgets that row:
    # the report would say «UBND xã Hòa Bình» throughout without a word.
    root = tmp_path / "phuong"
    assert invoke("init", root).exit_code == 0
    cells = _settings(root, issuer=WARD, commune="Hòa Bình", place="Hòa Bình", signer_name="Nguyễn Văn An")
    expected = (f"trang «Thiết lập», ô {cells['locality']}: «Cấp hành chính» ghi «xã», trong khi cơ quan ban hành "
                f"kế hoạch là {WARD} (ô {cells['issuer']}): báo cáo sẽ ghi «UBND xã Hòa Bình».")
    said = " ".join(invoke("plan", "check", "--dir", root).output.split())
    assert expected in said and "Sửa «Cấp hành chính» thành «phường»" in said
    filled_period(root, "2026Q1")
    result = invoke("compile", "-p", "2026Q1", "--dir", root, "--today", "18/03/2026")
    assert result.exit_code == 0, result.output
    assert expected in " ".join(result.output.split())
    _settings(root, locality="phường")
    assert "Cấp hành chính" not in invoke("plan", "check", "--dir", root).output
