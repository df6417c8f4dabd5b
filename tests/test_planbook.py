import json

import openpyxl
from conftest import invoke

from cchc_excel import planbook


def _init(tmp_path):
    """A working folder made by `init`, and its plan workbook opened for editing."""
    target = tmp_path / "cchc"
    assert invoke("init", target).exit_code == 0
    path = target / "ke-hoach-cchc.xlsx"
    return target, path, openpyxl.load_workbook(path)


def _set_setting(workbook, key, value):
    """Write a value in the settings sheet; returns the cell's reference."""
    for row in workbook["Thiết lập"].iter_rows(min_row=4):
        if row[0].value == key:
            row[2].value = value
            return row[2].coordinate
    raise KeyError(key)


def _show(directory):
    result = invoke("plan", "show", "--default-plan", "--dir", directory, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_init_creates_the_folder_and_the_workbook(tmp_path):
    target = tmp_path / "cchc"
    result = invoke("init", target)
    assert result.exit_code == 0, result.output
    assert (target / "ke-hoach-cchc.xlsx").exists()
    for folder in ("input", "output", "templates"):
        assert (target / folder).is_dir()
    workbook = openpyxl.load_workbook(target / "ke-hoach-cchc.xlsx")
    assert workbook.sheetnames == ["Thiết lập", "Cơ quan", "Nhiệm vụ", "Chỉ tiêu"]
    data = _show(target)
    assert data["plan"]["number"] == "03/KH-UBND" and data["plan"]["year"] == 2026
    assert sum(len(t["items"]) for s in data["sections"] for t in s["tasks"]) == 46
    assert "ke-hoach-cchc.xlsx" in data["plan"]["source"]
    again = invoke("init", target)
    assert again.exit_code == 2 and "--force" in again.output


def test_edits_in_the_workbook_are_what_later_commands_see(tmp_path):
    target, path, workbook = _init(tmp_path)
    agencies = workbook["Cơ quan"]
    for row in agencies.iter_rows(min_row=2):
        if row[1].value == "Phòng Kinh tế":
            row[1].value = "Phòng Kinh tế - Hạ tầng"   # renamed; the old name kept as an alias
            row[2].value = f"{row[2].value}; Phòng Kinh tế"
    tasks = workbook["Nhiệm vụ"]
    tasks.append(["7", "Nhiệm vụ mới thêm", "Sản phẩm mới", "Phòng Kinh tế - Hạ tầng", "", "Quý II/2026"])
    _set_setting(workbook, "signer_name", "Nguyễn Văn An")
    workbook.save(path)

    data = _show(target)
    names = {a["code"]: a["name"] for a in data["agencies"]}
    assert names["phong-kinh-te"] == "Phòng Kinh tế - Hạ tầng"
    last = data["sections"][-1]["tasks"][-1]
    assert last["number"] == "7" and last["items"][0]["id"] == "VII.7"
    assert last["items"][0]["lead"] == ["phong-kinh-te"]
    assert last["items"][0]["timeframe"] == {"text": "Quý II/2026", "kind": "scheduled"}
    assert data["sections"][5]["tasks"][0]["items"][0]["lead"] == ["phong-kinh-te"]
    _, settings = planbook.read_workbook(path)
    assert settings.signer_name == "Nguyễn Văn An"
    assert "Sở Nội vụ tỉnh" in settings.recipients


def test_a_renamed_agency_without_alias_is_flagged(tmp_path):
    target, path, workbook = _init(tmp_path)
    for row in workbook["Cơ quan"].iter_rows(min_row=2):
        if row[1].value == "Bưu điện xã":
            row[1].value = "Bưu điện văn hóa xã"
    workbook.save(path)
    result = invoke("plan", "check", "--dir", target)
    assert result.exit_code == 1
    assert "I.5.2: không có cơ quan «Bưu điện xã»" in result.output
    assert "Bưu điện văn hóa xã" in result.output


def test_a_misspelled_agency_in_the_workbook_is_flagged_with_a_suggestion(tmp_path):
    target, path, workbook = _init(tmp_path)
    tasks = workbook["Nhiệm vụ"]
    for row in tasks.iter_rows(min_row=5):
        if row[2].value and str(row[2].value).startswith("Hồ sơ TTHC được số hóa"):
            row[3].value = "Trung tâm Phục vụ hành chánh công"
    workbook.save(path)
    result = invoke("plan", "check", "--dir", target)
    assert result.exit_code == 1
    assert "III.7" in result.output and "Trung tâm Phục vụ hành chính công" in result.output


def test_bad_setting_names_the_cell(tmp_path):
    target, path, workbook = _init(tmp_path)
    cell = _set_setting(workbook, "plan_date", "mười tháng một")
    workbook.save(path)
    result = invoke("plan", "show", "--dir", target)
    assert result.exit_code == 3
    assert f"ô {cell}" in result.output and "Thiết lập" in result.output


def test_import_updates_tasks_and_keeps_settings(tmp_path, seed_path):
    target, path, workbook = _init(tmp_path)
    _set_setting(workbook, "signer_name", "Trần Thị Bình")
    workbook.save(path)
    new_plan = tmp_path / "ke-hoach-moi.txt"
    text = seed_path.read_text(encoding="utf-8").replace("Bưu điện xã", "Bưu điện xã; Công an xã")
    new_plan.write_text(text, encoding="utf-8")
    result = invoke("plan", "import", new_plan, "--dir", target)
    assert result.exit_code == 0, result.output
    assert "Đã cập nhật" in result.output and "46 sản phẩm" in result.output
    plan, settings = planbook.read_workbook(path)
    assert settings.signer_name == "Trần Thị Bình"
    assert {a.name for a in plan.agencies} >= {"Bưu điện xã", "Công an xã"}
    item = next(i for i in plan.items if i.id == "I.5.2")
    assert set(item.coordinators) == {"buu-dien-xa", "cong-an-xa"}


def _with_cached_value(path, formula: str, value: str) -> None:
    """Give a formula openpyxl wrote the value a spreadsheet app would have cached with it."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    pattern = re.compile(rb"<f>" + re.escape(formula.encode()) + rb"</f>(<v\s*/>|<v></v>)?")
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") and pattern.search(data):
            parts[name] = pattern.sub(b"<f>" + formula.encode() + b"</f><v>" + value.encode() + b"</v>", data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_numbers_dates_and_formulas_read_as_the_officer_typed_them(tmp_path):
    """The workbook is read with python-calamine, which gives every number as a float, an empty
    cell as "" and a date without time as a date: the plan still reads «52», never «52.0»."""
    import datetime as dt

    target, path, workbook = _init(tmp_path)
    _set_setting(workbook, "plan_number", 52)                        # typed as a number
    _set_setting(workbook, "plan_date", dt.datetime(2026, 1, 12))    # a date cell
    _set_setting(workbook, "year", "=2020+6")                        # a formula, its value cached below
    _set_setting(workbook, "return_days", 5.0)
    _set_setting(workbook, "report_days", 16)
    _set_setting(workbook, "extra_days_off", dt.date(2026, 3, 13))  # one date, not a list
    _set_setting(workbook, "signer_name", None)                      # emptied
    for row in workbook["Cơ quan"].iter_rows(min_row=2):
        if row[1].value == "Bưu điện xã":
            row[2].value = 52                                        # an alias typed as a number
    tasks = workbook["Nhiệm vụ"]
    tasks.append([7, "Nhiệm vụ mới thêm", 2026, "Phòng Kinh tế", "", "Quý II/2026"])
    indicators = workbook["Chỉ tiêu"]
    indicators["L2"] = 52                                            # a target
    workbook.save(path)
    _with_cached_value(path, "2020+6", "2026")

    data = _show(target)
    assert data["plan"]["number"] == "52" and data["plan"]["date"] == "2026-01-12" and data["plan"]["year"] == 2026
    last = data["sections"][-1]["tasks"][-1]
    assert last["number"] == "7" and last["items"][0]["product"] == "2026"
    assert next(a for a in data["agencies"] if a["name"] == "Bưu điện xã")["aliases"] == ["52"]
    assert data["indicators"][0]["target"] == 52
    plan, settings = planbook.read_workbook(path)
    assert settings.return_days == 5 and settings.extra_days_off == (dt.date(2026, 3, 13),)
    assert ("Q1", 16, 3) in settings.report_days and settings.signer_name == ""
    assert planbook.setting_cells(path)["year"] == "C9"


def test_a_formula_never_calculated_is_an_empty_setting(tmp_path):
    target, path, workbook = _init(tmp_path)
    _set_setting(workbook, "year", "=2020+6")          # openpyxl caches no value: as if never opened in Excel
    workbook.save(path)
    result = invoke("plan", "show", "--dir", target, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["plan"]["year"] is None


def test_a_far_cell_in_the_workbook_is_named_not_fatal(tmp_path):
    """A value typed at XFD1048576 would make the reader allocate the whole sheet and abort
    the process: it is cut away in memory and named (file, sheet, cell); the file is untouched."""
    target, path, workbook = _init(tmp_path)
    workbook["Cơ quan"]["XFD1048576"] = "gõ nhầm"
    workbook["Nhiệm vụ"]["ZZ70000"] = "ghi chú"
    workbook.save(path)
    before = path.read_bytes()
    for command in (("plan", "show", "--dir", target), ("check", "--period", "2026Q1", "--dir", target)):
        result = invoke(*command)
        assert result.exit_code == 3, result.output
        assert "trang «Cơ quan»: ô XFD1048576 có nội dung nhưng nằm quá xa" in result.output
        assert "trang «Nhiệm vụ»: ô ZZ70000" in result.output and "ke-hoach-cchc.xlsx" in result.output
        assert "Ctrl+End" in result.output
    assert path.read_bytes() == before


def test_a_far_cell_in_a_sheet_the_tool_does_not_read_is_no_problem(tmp_path):
    target, path, workbook = _init(tmp_path)
    workbook.create_sheet("Ghi chú của cán bộ")["XFD1048576"] = "nháp"
    workbook["Cơ quan"]["J1048576"] = None             # a styled empty cell far away: nothing to name
    workbook["Cơ quan"]["J1048576"].font = openpyxl.styles.Font(bold=True)
    workbook.save(path)
    assert _show(target)["plan"]["number"] == "03/KH-UBND"


def test_a_plan_in_excel_with_a_far_cell_is_named(tmp_path, seed_path):
    from conftest import seed_rows

    titles, rows = seed_rows()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    for line in titles:
        sheet.append([line])
    for row in rows:
        sheet.append(row)
    plan_file = tmp_path / "ke-hoach.xlsx"
    workbook.save(plan_file)
    assert invoke("plan", "import", plan_file, "--dir", tmp_path / "a").exit_code == 0
    sheet["XFD1048576"] = "x"
    workbook.save(plan_file)
    result = invoke("plan", "import", plan_file, "--dir", tmp_path / "b")
    assert result.exit_code == 3, result.output
    assert "trang «Phụ lục»: ô XFD1048576" in result.output


def test_reading_the_plan_imports_no_openpyxl(tmp_path):
    """`check` reads the plan workbook and writes only xlsxwriter workbooks: openpyxl (with numpy),
    pandas, matplotlib and python-docx are never imported; xlsxwriter only by a run that writes."""
    import subprocess
    import sys

    target, _, _ = _init(tmp_path)

    def imported() -> set[str]:
        command = [sys.executable, "-X", "importtime", "-m", "cchc_excel", "check", "--period", "2026Q1",
                   "--dir", str(target)]
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 1, result.stderr[-2000:]           # no agency has sent anything yet
        return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}

    first, second = imported(), imported()
    assert "cchc_excel.planbook" in first and "python_calamine" in first
    assert not {m.split(".")[0] for m in first} & {"openpyxl", "numpy", "pandas", "matplotlib", "docx", "docxtpl",
                                                   "jinja2"}
    assert "holidays.countries" not in first                        # Vietnam's rules alone (deadlines.py)
    assert "xlsxwriter" in first                                    # the list of findings written
    assert "xlsxwriter" not in second and "cchc_excel.planbook" in second   # nothing changed: nothing written


def test_values_as_the_readers_expect_them():
    import datetime as dt

    from cchc_excel.xlsxread import cell_value

    assert cell_value(52.0) == 52 and type(cell_value(52.0)) is int
    assert cell_value(-3.0) == -3 and type(cell_value(-3.0)) is int
    assert cell_value(52.5) == 52.5 and cell_value(1e20) == 1e20 and type(cell_value(1e20)) is float
    assert cell_value("") is None and cell_value(" ") == " " and cell_value("52") == "52"
    assert cell_value(True) is True and cell_value(dt.date(2026, 1, 10)) == dt.date(2026, 1, 10)


def test_a_workbook_with_a_broken_sheet_is_named(tmp_path):
    """A sheet whose compressed bytes were damaged (a bad copy to a USB stick): the file named, exit 3."""
    import zipfile

    target, path, _ = _init(tmp_path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 40
    data[start:start + 20] = bytes(b ^ 0xFF for b in data[start:start + 20])
    path.write_bytes(bytes(data))
    result = invoke("check", "--period", "2026Q1", "--dir", target)
    assert result.exit_code == 3, result.output
    assert f"Không đọc được tệp {path}: tệp hỏng hoặc không đúng định dạng (lỗi kỹ thuật: " in result.output
