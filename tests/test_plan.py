import unicodedata
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import seed_rows

from cchc_excel.cli import plan_to_json
from cchc_excel.messages import CchcError
from cchc_excel.models import TimeframeKind
from cchc_excel.plan import fingerprint, load_plan_file, short_name


def comparable(plan):
    data = plan_to_json(plan)
    data["plan"].pop("source")
    return data


def test_seed_parses_to_the_expected_shape(seed_path):
    plan = load_plan_file(seed_path)
    assert len(plan.sections) == 7
    assert len(plan.tasks) == 39
    assert len(plan.items) == 46
    assert [s.code for s in plan.sections] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert all(i.timeframe.kind != TimeframeKind.UNKNOWN for i in plan.items)
    ids = [i.id for i in plan.items]
    assert {"I.1", "I.5.2", "VI.1.3", "VI.4.2", "III.8.2", "VII.6"} <= set(ids)
    assert len(set(ids)) == 46
    names = {a.name for a in plan.agencies}
    assert names == {"Phòng Văn hóa - Xã hội", "Văn phòng HĐND-UBND", "Trung tâm Phục vụ hành chính công",
                     "Phòng Kinh tế", "Bưu điện xã"}


def test_seed_metadata_from_title_lines(seed_path):
    meta = load_plan_file(seed_path).meta
    assert meta.number == "03/KH-UBND"
    assert meta.date.isoformat() == "2026-01-10"
    assert meta.issuer == "UBND xã Xuân Trường" and meta.commune == "Xuân Trường"
    assert meta.year == 2026


def test_continuation_rows_inherit_and_group_phrases_resolve(seed_path):
    plan = load_plan_file(seed_path)
    items = {i.id: i for i in plan.items}
    second = items["I.4.2"]
    assert second.task == items["I.4.1"].task
    assert second.lead == ("phong-vhxh",) and second.timeframe.text == "Thường xuyên"
    assert items["I.5.2"].coordinators == ("buu-dien-xa",)
    own = {a.code for a in plan.agencies if a.kind.value == "own"}
    assert set(items["I.6"].lead) == own and items["I.6"].lead_is_group
    assert items["I.1"].coordinators == () and items["I.1"].optional_coordinators
    assert items["III.1"].lead == ("tt-pvhcc",)


def test_section_sheet_names_are_valid(seed_path):
    for section in load_plan_file(seed_path).sections:
        assert len(section.short_name) <= 31
        assert not set(section.short_name) & set(":\\/?*[]")
    assert len(short_name("IX", "MỘT PHẦN CÓ TÊN RẤT DÀI: VƯỢT QUÁ BA MƯƠI MỐT KÝ TỰ / THỬ")) <= 31


def _write_docx(path: Path) -> None:
    titles, rows = seed_rows()
    document = docx.Document()
    for line in titles:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=6)
    header = ["STT", "Nội dung nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
              "Thời gian hoàn thành"]
    for values in [header] + rows[1:]:
        cells = table.add_row().cells
        tt = values[0]
        if tt.split(" ")[0] in {"I", "II", "III", "IV", "V", "VI", "VII"} and not values[1]:
            numeral, title = tt.split(" ", 1)
            merged = cells[0].merge(cells[5])          # section row across all columns, "I." numeral
            merged.text = f"{numeral}. {title}"
            continue
        for cell, value in zip(cells, values):
            cell.text = value
    # A task whose TT and Nhiệm vụ cells are merged down over its second product row.
    for r, row in enumerate(table.rows):
        if row.cells[2].text.startswith("Báo cáo kết quả thực hiện (lồng ghép"):
            for col in (0, 1):
                above = table.rows[r - 1].cells[col]
                above.merge(row.cells[col])
    document.save(path)


def _write_xlsx(path: Path) -> None:
    titles, rows = seed_rows()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    for line in titles:
        sheet.append([line])
    sheet.append([])
    for values in rows:
        tt = values[0]
        if tt.split(" ")[0] in {"I", "II", "III", "IV", "V", "VI", "VII"} and not values[1]:
            sheet.append([tt + "."] if False else [f"{tt.split(' ', 1)[0]}.", tt.split(" ", 1)[1]])
            sheet.merge_cells(start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=6)
        else:
            sheet.append([int(v) if v.isdigit() else v for v in values])
    workbook.save(path)


def test_docx_and_xlsx_versions_parse_to_the_same_plan(seed_path, tmp_path):
    reference = comparable(load_plan_file(seed_path))
    _write_docx(tmp_path / "ke-hoach.docx")
    _write_xlsx(tmp_path / "ke-hoach.xlsx")
    assert comparable(load_plan_file(tmp_path / "ke-hoach.docx")) == reference
    assert comparable(load_plan_file(tmp_path / "ke-hoach.xlsx")) == reference


def test_nfd_input_parses_to_the_same_plan(seed_path, tmp_path):
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", seed_path.read_text(encoding="utf-8")), encoding="utf-8")
    plan = load_plan_file(nfd)
    assert comparable(plan) == comparable(load_plan_file(seed_path))
    assert fingerprint(plan) == fingerprint(load_plan_file(seed_path))
    assert all(unicodedata.is_normalized("NFC", i.product) for i in plan.items)


def test_fingerprint_changes_with_placement_not_with_wording(seed_path):
    plan = load_plan_file(seed_path)
    section = plan.sections[0]
    changed = replace(plan, sections=(replace(section, tasks=section.tasks[1:]),) + plan.sections[1:])
    assert fingerprint(changed) != fingerprint(plan)
    task = section.tasks[4]
    fixed = replace(task, content=task.content.replace("Chi số", "Chỉ số"),
                    items=tuple(replace(i, task=i.task.replace("Chi số", "Chỉ số")) for i in task.items))
    reworded = replace(plan, sections=(replace(section, tasks=section.tasks[:4] + (fixed,) + section.tasks[5:]),)
                       + plan.sections[1:])
    assert fingerprint(reworded) == fingerprint(plan)


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("rong.txt", b"", "rỗng"),
        ("nhi-phan.txt", bytes(range(256)) * 4, "nhị phân"),
        ("khong-bang.txt", "Chỉ là một dòng chữ\nkhông có bảng".encode(), "không tìm thấy bảng nhiệm vụ"),
        ("thieu-cot.txt", "TT\tNội dung/Nhiệm vụ\tGhi chú\n1\tA\tB\n".encode(), "không tìm thấy bảng"),
        ("gia.xlsx", b"PK\x03\x04 not really a zip", "không phải tệp Excel"),
        ("gia.docx", bytes(range(256)), "không phải tệp Word"),
        ("ke-hoach.pdf", b"%PDF-1.4", "không được hỗ trợ"),
    ],
)
def test_garbage_gives_a_message_naming_the_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CchcError) as info:
        load_plan_file(path)
    assert expected in str(info.value)
    assert name in str(info.value)


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "thieu.txt"
    path.write_text("TT\tNội dung/Nhiệm vụ\tHoạt động/Sản phẩm\tCơ quan chủ trì\n1\tA\tB\tC\n", encoding="utf-8")
    with pytest.raises(CchcError) as info:
        load_plan_file(path)
    assert "Thời gian thực hiện" in str(info.value)
