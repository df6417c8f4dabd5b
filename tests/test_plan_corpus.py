"""Other communes' plans, as they publish them, import to what a reader of the
document counts (written by hand here, never computed from the generator), and
then run forms, check and compile --draft end to end through the CLI.

Files are built at test time (tests/plancorpus*.py) except the old binary
.doc and .xls, made once with LibreOffice from generated files and committed
under tests/plans/ (LibreOffice reads the .doc back; python-calamine the .xls).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import plancorpus_plans as P
import pytest
from conftest import invoke
from plancorpus import build
from reporttools import document_text

from cchc_excel.models import AgencyKind, TimeframeKind
from cchc_excel.plan import import_plan_file
from cchc_excel.planpreview import report_places

PLANS = Path(__file__).with_name("plans")
D = dt.date


@dataclass
class Expected:
    sections: int
    tasks: int
    products: int
    agencies: int
    number: str
    commune: str
    problems: int = 0
    checks: list = field(default_factory=list)      # callables (result) -> None


def _needs_office(path: Path) -> None:
    if path.suffix == ".doc" and shutil.which("soffice") is None:
        if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required here (CCHC_REQUIRE_LIBREOFFICE is set)")
        pytest.skip("LibreOffice not installed: .doc cannot be read")


def _spans(item):
    return [(a, b) for a, b in item.timeframe.spans]


def _items(result):
    return {i.id: i for i in result.plan.items}


def hoa_binh(result):
    items = _items(result)
    plan = result.plan
    assert result.groups == ["a) Kiểm soát thủ tục hành chính", "b) Cơ chế một cửa, một cửa liên thông"]
    assert plan.meta.date == D(2026, 1, 20) and plan.meta.year == 2026
    assert [s.code for s in plan.sections] == ["I", "II", "III", "IV", "V"]
    assert plan.sections[0].is_direction and plan.sections[2].title == "Cải cách thủ tục hành chính"
    assert _spans(items["I.3.1"]) [0][0] == D(2026, 3, 1) and items["I.3.1"].timeframe.end == D(2026, 6, 30)
    assert items["I.3.2"].task == items["I.3.1"].task and items["I.3.2"].lead == ("vp-hdnd-ubnd",)
    assert items["III.1"].timeframe.kind == TimeframeKind.RECURRING                  # "Thường\xa0xuyên"
    assert items["III.2"].timeframe.spans == ((D(2026, 6, 1), D(2026, 6, 30)),)      # "Tháng Sáu năm 2026"
    assert set(items["II.1"].coordinators) == {"cong-an-xa", "ban-chqs"}
    kinds = {a.code: a.kind for a in plan.agencies}
    assert kinds["cong-an-xa"] == AgencyKind.PARTNER and kinds["ban-chqs"] == AgencyKind.OWN
    assert max(len(a.code) for a in plan.agencies) <= 16


def hoa_binh_docx(result):
    hoa_binh(result)
    assert result.skipped_headers == 4          # the two header rows, repeated after each page break


def hoa_binh_xlsx(result):
    hoa_binh(result)
    (problem,) = result.problems                 # the closing sentence typed under the table
    assert "dòng 31" in problem.message and "Trên đây là danh mục" in problem.message


def an_phu(result):
    plan, items = result.plan, _items(result)
    assert plan.meta.date == D(2026, 1, 8)          # the caption, not the province's plan cited above it
    assert result.tables_read[-1].endswith("(nối tiếp)")
    assert items["II.1"].lead == ("vp-hdnd-ubnd",)                # "Văn phòng HĐND, UBND"
    assert items["I.2.1"].lead == ("vp-hdnd-ubnd",)               # "VP HĐND-UBND"
    assert set(items["I.2.1"].coordinators) == {"ub-mttq-vn", "cac-doan-the"}      # "… xã và các đoàn thể"
    assert set(items["II.1"].coordinators) == {"cong-an-xa", "ban-chqs"}          # ";" and a line break
    assert items["I.2.2"].coordinators == ("truong-thcs-ap",)
    assert {a.code: a.kind for a in plan.agencies}["tram-y-te-xa"] == AgencyKind.PARTNER
    assert items["VI.1"].timeframe.kind == TimeframeKind.CONDITIONAL              # "Theo quy định"


def tan_lap(result):
    items = _items(result)
    assert result.plan.meta.date == D(2026, 1, 15)       # "ngày 15 tháng 01 năm 2026", not the province's plan
    assert items["I.1"].product == "Kế hoạch kiểm tra" and items["I.1"].lead == ("phong-vhxh",)
    assert items["II.1.2"].product == "Niêm yết tại Trung tâm"
    assert items["II.1.2"].timeframe.text == "Thường xuyên"                       # inherited
    assert items["III.1"].timeframe.end == D(2026, 12, 31)


def phu_my(result):
    assert [s.title for s in result.plan.sections] == ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ",
                                                       "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"]
    assert result.tables_read == ["bảng 1", "bảng 2", "bảng 3"]
    assert [i.id for i in result.plan.items] == ["I.1", "I.2", "II.1", "II.2", "III.1"]


def binh_minh(result):
    rows = [p.message for p in result.problems]
    assert "dòng 5" in rows[0] and "Phòng Kinh tế | Quý II/2026" in rows[0]
    assert "dòng 8" in rows[1] and "Báo cáo rà soát văn bản" in rows[1]
    assert "dòng 10" in rows[2] and "các nhiệm vụ phát sinh" in rows[2]
    assert all(p.fix for p in result.problems)
    assert _items(result)["II.2"].timeframe.kind == TimeframeKind.UNKNOWN       # "Sớm nhất có thể"


def dong_tien(result):
    plan, items = result.plan, _items(result)
    assert plan.meta.issuer == "UBND phường Đông Tiến" and plan.meta.date == D(2026, 1, 16)
    assert items["I.1"].timeframe.end == D(2026, 1, 30)        # "Trước ngày 30 tháng 01 năm 2026"
    assert items["I.2"].coordinators == ("phong-vhxh",)          # "Phòng Văn hoá -" + line break + "Xã hội"
    assert items["II.1"].timeframe.spans == ((D(2026, 5, 1), D(2026, 5, 31)),)          # "Tháng Năm năm 2026"
    assert [s[0].month for s in items["II.2.1"].timeframe.spans] == [3, 9]
    assert items["II.2.2"].timeframe.spans == ((D(2026, 7, 1), D(2026, 12, 31)),)
    assert items["III.1"].timeframe.spans == ((D(2026, 12, 1), D(2026, 12, 31)),)       # "Tháng Mười Hai"
    assert items["I.1"].task == "Ban hành kế hoạch"                                    # NBSP folded


def thanh_son(result):
    items = _items(result)
    assert list(items) == ["I.1", "I.2", "II.1", "III.1", "III.2"]                  # "1.1", "1.2" … "3.2"
    assert len(items["III.1"].timeframe.spans) == 2                                  # "Quý I, quý II/2026"


def long_hai(result):
    items = _items(result)
    assert items["I.1"].product == "Kế hoạch" and items["I.1"].coordinators == ()
    assert items["I.1"].timeframe.end == D(2026, 6, 30)                              # "Quý 1, Quý 2 năm 2026"
    assert items["I.2"].timeframe.spans == ((D(2026, 7, 1), D(2026, 12, 31)),)
    assert items["II.1"].timeframe.spans == ((D(2026, 7, 1), D(2026, 9, 30)),)


def vinh_an(result):
    plan = result.plan
    assert report_places(plan.sections) == {"V": "mục I", "I": "mục II.1", "II": "mục II.2", "III": "mục II.3",
                                           "IV": "mục II.4"}


def hoa_thanh(result):
    assert result.skipped_headers == 2


CORPUS = {
    "hoa-binh-arabic.docx": (P.HOA_BINH, Expected(5, 11, 12, 9, "45/KH-UBND", "Hòa Bình", 0, [hoa_binh_docx])),
    "hoa-binh-arabic.xlsx": (P.HOA_BINH, Expected(5, 11, 12, 9, "45/KH-UBND", "Hòa Bình", 1, [hoa_binh_xlsx])),
    "an-phu-roman.docx": (P.AN_PHU, Expected(7, 9, 10, 11, "12/KH-UBND", "An Phú", 0, [an_phu])),
    "an-phu-roman.doc": (None, Expected(7, 9, 10, 11, "12/KH-UBND", "An Phú", 0, [an_phu])),
    "tan-lap-reordered.docx": (P.TAN_LAP, Expected(3, 5, 6, 3, "07/KH-UBND", "Tân Lập", 0, [tan_lap])),
    "phu-my-several-tables.docx": (P.PHU_MY, Expected(3, 5, 5, 3, "05/KH-UBND", "Phú Mỹ", 0, [phu_my])),
    "binh-minh-broken.docx": (P.BINH_MINH, Expected(2, 4, 4, 2, "09/KH-UBND", "Bình Minh", 3, [binh_minh])),
    "dong-tien-ward.xlsx": (P.DONG_TIEN, Expected(3, 5, 6, 5, "15/KH-UBND", "Đông Tiến", 0, [dong_tien])),
    "dong-tien-ward.xls": (None, Expected(3, 5, 6, 5, "15/KH-UBND", "Đông Tiến", 0, [dong_tien])),
    "thanh-son-dotted.txt": (P.THANH_SON, Expected(3, 5, 5, 3, "03/KH-UBND", "Thanh Sơn", 0, [thanh_son])),
    "long-hai-one-agency-column.xlsx": (P.LONG_HAI, Expected(2, 3, 3, 2, "11/KH-UBND", "Long Hải", 0,
                                                             [long_hai])),
    "vinh-an-direction-last.docx": (P.VINH_AN, Expected(5, 5, 5, 4, "21/KH-UBND", "Vĩnh An", 0, [vinh_an])),
    "hoa-thanh-repeated-headers.xlsx": (P.HOA_THANH, Expected(3, 6, 6, 3, "30/KH-UBND", "Hòa Thành", 0,
                                                              [hoa_thanh])),
}


def corpus_file(name: str, folder: Path) -> Path:
    spec, _ = CORPUS[name]
    if spec is None:
        path = PLANS / name
        _needs_office(path)
        return path
    return build(spec, folder, Path(name).suffix)


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_plan_imports_to_its_expected_shape(name, tmp_path):
    expected = CORPUS[name][1]
    result = import_plan_file(corpus_file(name, tmp_path))
    plan = result.plan
    shape = (len(plan.sections), len(plan.tasks), len(plan.items), len(plan.agencies), len(result.problems))
    assert shape == (expected.sections, expected.tasks, expected.products, expected.agencies, expected.problems), \
        [p.message for p in result.problems]
    assert (plan.meta.number, plan.meta.commune) == (expected.number, expected.commune)
    assert len({i.id for i in plan.items}) == len(plan.items)
    for check in expected.checks:
        check(result)


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_plan_runs_forms_check_and_compile(name, tmp_path):
    """init --plan, then forms, check and compile --draft, through the CLI."""
    source = corpus_file(name, tmp_path)
    work = tmp_path / "ws"
    result = invoke("init", work, "--plan", source)
    assert result.exit_code == 0, result.output
    assert "Phần (" in result.output and f"sản phẩm ({CORPUS[name][1].products})" in result.output
    forms = invoke("forms", "-p", "2026Q1", "--dir", work)
    assert forms.exit_code == 0, forms.output
    assert list((work / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx"))
    check = invoke("check", "-p", "2026Q1", "--dir", work, "--today", "20/03/2026")
    assert check.exit_code in (0, 1), check.output
    compiled = invoke("compile", "-p", "2026Q1", "--dir", work, "--today", "20/03/2026", "--draft")
    assert compiled.exit_code in (0, 1) and "Đã lập báo cáo" in compiled.output, compiled.output   # 1: items unanswered
    report = next((work / "output" / "2026Q1").glob("*.docx"))
    text = document_text(report)
    plan = import_plan_file(source).plan
    assert f"Kế hoạch số {plan.meta.number}" in text
    areas = [s for s in plan.sections if not s.is_direction]
    assert all(f"{n}. " in text for n in range(1, len(areas) + 1))
    if name.startswith("vinh-an"):         # «chỉ đạo, điều hành» is the last section: still part I
        assert "4. Chuyển đổi số" in text and "5. Công tác chỉ đạo" not in text
