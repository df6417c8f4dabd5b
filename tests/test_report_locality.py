"""A ward (phường) or special zone (đặc khu) is never called «xã» in the words the program writes
itself (REVIEW.md of the second reading, N6): the recipients and indicator names a workbook got at
`init`, before its issuer became a ward (or from an older version), are said in the ward's words in
the report, and `plan check` names every such text with its sheet and cell."""

from __future__ import annotations

import io
from csv import DictReader

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
    # Only the plan's agency named for a commune is left (its own test below).
    assert said.count("cấp hành chính «phường»") == said.count("trang «Cơ quan»") == 1


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


# --- forms, feedback copies and export: the same words as the report -------------------------------------

DEFAULT_NAMES_FOR_A_WARD = ("Cơ quan, đơn vị thuộc UBND phường",
                            "Điểm Chỉ số CCHC của phường (kết quả tỉnh công bố gần nhất)",
                            "Xếp hạng Chỉ số CCHC của phường trong tỉnh",
                            "Chỉ số hài lòng của người dân, tổ chức (SIPAS) đối với phường")
OFFICERS_NAME = "Số cơ quan chuyên môn thuộc UBND xã (tự ghi)"


def _figure_names(path, sheet="Số liệu", column=2) -> list[str]:
    rows = openpyxl.load_workbook(path)[sheet].iter_rows(min_row=2, min_col=column, max_col=column, values_only=True)
    return [value for (value,) in rows if isinstance(value, str)]


def _said_for_a_commune(names) -> list[str]:
    """The names that call the commune «xã» (not «xã hội»)."""
    return [n for n in names if " xã" in n.replace("xã hội", "")]


def test_a_wards_forms_feedback_copies_and_export_name_the_default_indicators_in_its_words(tmp_path):
    from cchc_excel.formspec import FIGURE_INDEX

    root = tmp_path / "phuong"
    _older_ward(root)
    # The officer's own name for one indicator is kept as written (plan check names it).
    path = root / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    workbook["Chỉ tiêu"][_indicator_cell(root, "VB_CHI_DAO")].value = OFFICERS_NAME
    workbook.save(path)
    filled_period(root, "2026Q1")
    form = root / "output" / "2026Q1" / "bieu-mau" / "phong-vhxh.xlsx"
    names = _figure_names(form)
    for name in DEFAULT_NAMES_FOR_A_WARD:
        assert name in names, name
    assert _said_for_a_commune(names) == [OFFICERS_NAME]
    guide = {row[0]: row[1] for row in openpyxl.load_workbook(form)["Hướng dẫn"].iter_rows(values_only=True)
             if row[0]}
    assert guide["Phường"] == "Hòa Bình" and "Xã" not in guide
    # A return with the count of the ward's bodies left blank: check names the figure in the ward's
    # words, on the console, in the findings workbook and on the feedback copy.
    returned = root / "input" / "2026Q1" / "phong-vhxh gui lai.xlsx"
    workbook = openpyxl.load_workbook(returned)
    sheet = workbook["Số liệu"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "CQ_TONG")
    sheet.cell(row, FIGURE_INDEX["value"]).value = None
    workbook.save(returned)
    result = invoke("check", "-p", "2026Q1", "--dir", root, "--today", "18/03/2026")
    said = " ".join(result.output.split())
    assert "Cơ quan, đơn vị thuộc UBND phường" in said and "Cơ quan, đơn vị thuộc UBND xã" not in said, said
    out = root / "output" / "2026Q1"
    problems = [c.value for r in openpyxl.load_workbook(out / "kiem-tra-2026Q1.xlsx")["Vấn đề"].iter_rows()
                for c in r if isinstance(c.value, str)]
    assert any("Cơ quan, đơn vị thuộc UBND phường" in p for p in problems)
    assert not any("Cơ quan, đơn vị thuộc UBND xã" in p for p in problems)
    copy = out / "phan-hoi" / "phong-vhxh.xlsx"
    names = _figure_names(copy)
    assert all(name in names for name in DEFAULT_NAMES_FOR_A_WARD) and _said_for_a_commune(names) == [OFFICERS_NAME]
    comment = openpyxl.load_workbook(copy)["Số liệu"].cell(row, FIGURE_INDEX["value"]).comment
    assert comment is not None and "thuộc UBND phường" in comment.text and "UBND xã" not in comment.text, comment
    # The province's tables: the .xlsx and the CSV.
    assert invoke("export", "-p", "2026Q1", "--dir", root).exit_code in (0, 1)
    names = _figure_names(out / "du-lieu-2026Q1.xlsx", column=5)
    assert all(name in names for name in DEFAULT_NAMES_FOR_A_WARD[:3])
    assert set(_said_for_a_commune(names)) == {OFFICERS_NAME}
    csv = (out / "du-lieu-2026Q1-so-lieu.csv").read_text(encoding="utf-8-sig")
    assert "Cơ quan, đơn vị thuộc UBND phường" in csv and "Cơ quan, đơn vị thuộc UBND xã" not in csv
    assert OFFICERS_NAME in csv
    # The province tells a ward from a commune of the same name.
    for table in ("so-lieu", "tra-loi"):
        rows = list(DictReader(io.StringIO((out / f"du-lieu-2026Q1-{table}.csv").read_text(encoding="utf-8"))))
        assert rows and {(r["commune"], r["locality"]) for r in rows} == {("Hòa Bình", "phường")}, table
    exported = openpyxl.load_workbook(out / "du-lieu-2026Q1.xlsx")
    assert exported.properties.title == "Dữ liệu CCHC quý I năm 2026 – phường Hòa Bình"
    header = [c.value for c in exported["Số liệu"][1]]
    assert header[1] == "Tên xã, phường, đặc khu" and header[-1] == "Cấp hành chính"
    # What the workbook says is left as it is (plan check still names it).
    assert openpyxl.load_workbook(path)["Chỉ tiêu"][_indicator_cell(root, "CQ_TONG")].value == \
        "Cơ quan, đơn vị thuộc UBND xã"


def test_a_special_zones_forms_say_dac_khu(tmp_path):
    root = tmp_path / "dac-khu"
    assert invoke("init", root).exit_code == 0
    _settings(root, issuer="UBND đặc khu Phú Quốc", commune="Phú Quốc", place="Phú Quốc", locality="đặc khu")
    assert invoke("forms", "-p", "2026Q1", "--dir", root).exit_code == 0
    form = root / "output" / "2026Q1" / "bieu-mau" / "phong-vhxh.xlsx"
    names = _figure_names(form)
    assert "Cơ quan, đơn vị thuộc UBND đặc khu" in names
    assert "Chỉ số hài lòng của người dân, tổ chức (SIPAS) đối với đặc khu" in names
    assert _said_for_a_commune(names) == []
    guide = {row[0]: row[1] for row in openpyxl.load_workbook(form)["Hướng dẫn"].iter_rows(values_only=True)
             if row[0]}
    assert guide["Đặc khu"] == "Phú Quốc"


def test_a_wards_plan_workbook_calls_its_bodies_the_wards(tmp_path):
    from pathlib import Path

    from cchc_excel.models import AgencyKind
    from cchc_excel.planbook import read_workbook

    root = tmp_path / "dong-tien"
    plan_file = Path(__file__).parent / "plans" / "dong-tien-ward.xls"
    assert invoke("init", root, "--plan", plan_file).exit_code == 0
    path = root / "ke-hoach-cchc.xlsx"
    sheet = openpyxl.load_workbook(path)["Cơ quan"]
    labels = {sheet.cell(r, 2).value: sheet.cell(r, 4).value for r in range(2, sheet.max_row + 1)
              if sheet.cell(r, 2).value}
    assert set(labels.values()) == {"Cơ quan của phường", "Đối tác bên ngoài"}, labels
    assert sheet["G1"].value.startswith("Cơ quan của phường nhận mọi nhiệm vụ") and " xã" not in sheet["G1"].value
    rule = next(v for v in sheet.data_validations.dataValidation if "D2" in str(v.sqref))
    assert rule.formula1 == '"Cơ quan của phường,Đối tác bên ngoài"' and "xã" not in rule.error
    # Read back as written: the ward's own bodies and its partners.
    plan, _ = read_workbook(path)
    kinds = {a.name: a.kind for a in plan.agencies}
    assert kinds == {name: AgencyKind.OWN if label == "Cơ quan của phường" else AgencyKind.PARTNER
                     for name, label in labels.items()}
    assert kinds["Bưu điện phường"] == AgencyKind.PARTNER


def test_plan_check_names_an_agency_named_for_a_commune_in_a_wards_workbook(tmp_path):
    root = tmp_path / "phuong"
    _older_ward(root)
    sheet = openpyxl.load_workbook(root / "ke-hoach-cchc.xlsx")["Cơ quan"]
    cell = next(c.coordinate for c in sheet["B"] if c.value == "Bưu điện xã")
    said = " ".join(invoke("plan", "check", "--dir", root).output.split())
    assert f"trang «Cơ quan», ô {cell}: cơ quan «Bưu điện xã» ghi «xã», trong khi cơ quan ban hành kế hoạch là " \
           f"{WARD} (cấp hành chính «phường»)" in said
    assert f"sửa tên thành «Bưu điện phường» ở ô {cell}, ghi tên cũ «Bưu điện xã» vào cột «Tên gọi khác»" in said
    assert "cơ quan «Phòng Văn hóa - Xã hội»" not in said       # «xã hội» is no locality
    # Renamed as the fix says: nothing more to say, and the plan's rows naming the old name still reach it.
    path = root / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Cơ quan"]
    sheet[cell].value = "Bưu điện phường"
    sheet.cell(sheet[cell].row, 3).value = "Bưu điện xã"
    workbook.save(path)
    result = invoke("plan", "check", "--dir", root)
    assert "cơ quan «Bưu điện" not in result.output
    assert invoke("forms", "-p", "2026Q1", "--dir", root).exit_code == 0
    form = root / "output" / "2026Q1" / "bieu-mau" / "buu-dien-xa.xlsx"
    assert openpyxl.load_workbook(form)["Hướng dẫn"]["B4"].value == "Bưu điện phường"


def test_a_commune_has_no_agency_named_for_another_locality(tmp_path):
    root = tmp_path / "xa"
    assert invoke("init", root).exit_code == 0
    assert "trang «Cơ quan»" not in invoke("plan", "check", "--dir", root).output
