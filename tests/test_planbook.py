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
