"""Indicators: the default set, targets the plan states, the Chỉ tiêu sheet,
and how a year's figures add up."""

import datetime as dt

import openpyxl
import pytest
from conftest import invoke

from cchc_excel import planbook
from cchc_excel.indicators import Increment, aggregate, increment_window, rate, target_meanings
from cchc_excel.models import Aggregation, IndicatorKind
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()


def test_default_indicators_are_in_the_plan_workbook_with_the_plans_targets(tmp_path):
    assert invoke("init", tmp_path).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "ke-hoach-cchc.xlsx")["Chỉ tiêu"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}
    for code in ("VB_CHI_DAO", "CQ_KIEM_TRA", "TIN_BAI", "SANG_KIEN", "VBQPPL_BAN_HANH", "VBQPPL_RA_SOAT",
                 "TTHC_CONG_KHAI", "HS_TIEP_NHAN", "HS_TRUC_TUYEN", "HS_BUU_CHINH", "HS_TRUOC_HAN",
                 "HS_DUNG_HAN", "HS_QUA_HAN", "HS_SO_HOA", "PAKN_TIEP_NHAN", "PAKN_DA_XU_LY", "VB_KY_SO",
                 "CBCC_DAO_TAO"):
        assert code in rows, code
    assert rows["TL_KIEM_TRA"][11] == 20 and "I.3" in rows["TL_KIEM_TRA"][12]
    assert rows["TL_KY_SO"][11] == 100 and "VII.3" in rows["TL_KY_SO"][12]
    assert rows["HS_TIEP_NHAN"][4] == "Trung tâm Phục vụ hành chính công"
    assert rows["TL_TRUC_TUYEN"][5] == "Tỷ lệ (tự tính)"
    check = invoke("plan", "check", "--dir", tmp_path)
    # Seen: the quote began at the percentage («tối thiểu 20% các cơ quan, đơn vị»: 20% of agencies doing
    # what?). It carries the words before it in its clause, and a long one is cut between phrases.
    assert "I.3: kế hoạch nêu chỉ tiêu «…Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị»" in check.stdout
    assert ("VII.3: kế hoạch nêu chỉ tiêu «100% văn bản trao đổi giữa các cơ quan nhà nước được thực hiện dưới "
            "dạng điện tử…»") in check.stdout
    assert "«Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC» ≥ 20%" in check.stdout
    assert "«Tỷ lệ văn bản điện tử được ký số» ≥ 100%" in check.stdout


def test_edited_indicators_are_read_back_and_bad_rows_named(tmp_path):
    invoke("init", tmp_path)
    path = tmp_path / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Chỉ tiêu"]
    sheet.append(["DIEM_PAR", "Điểm chỉ số PAR INDEX của xã", "điểm", "I", "Phòng Văn hóa - Xã hội",
                  "Giá trị", "Số mới nhất", None, None, None, None, 85, "Kế hoạch của xã"])
    workbook.save(path)
    plan, _ = planbook.read_workbook(path)
    par = plan.indicator("DIEM_PAR")
    assert (par.kind, par.aggregation, par.target, par.agency) == (
        IndicatorKind.AMOUNT, Aggregation.LATEST, 85, "phong-vhxh")
    sheet.append(["SAI", "Chỉ tiêu lỗi", "cái", "I", "Phòng Không Có", "Số lượng"])
    workbook.save(path)
    bad = invoke("plan", "show", "--dir", tmp_path)
    assert bad.exit_code == 3 and "Chỉ tiêu" in bad.stderr and "Phòng Không Có" in bad.stderr
    assert f"ô E{sheet.max_row}" in bad.stderr


def test_increment_windows_follow_the_schedule():
    assert increment_window(parse_period("2026Q1")) == (dt.date(2025, 12, 15), dt.date(2026, 3, 14))
    assert increment_window(parse_period("2026S1")) == (dt.date(2026, 3, 15), dt.date(2026, 6, 14))
    assert increment_window(parse_period("2026Q3")) == (dt.date(2026, 6, 15), dt.date(2026, 9, 14))
    assert increment_window(parse_period("2026")) == (dt.date(2026, 9, 15), dt.date(2026, 12, 14))
    assert increment_window(parse_period("2026S1"), ("S1", "Y")) == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))


def test_summed_and_latest_indicators_and_rates():
    received, online, public = (PLAN.indicator(c) for c in ("HS_TIEP_NHAN", "HS_TRUC_TUYEN", "TTHC_CONG_KHAI"))
    q1, s1, q3 = parse_period("2026Q1"), parse_period("2026S1"), parse_period("2026Q3")
    increments = [Increment(q1, *increment_window(q1), 100), Increment(s1, *increment_window(s1), 150),
                  Increment(q3, *increment_window(q3), 120)]
    year_start = dt.date(2025, 12, 15)
    assert aggregate(received, increments, s1.start, s1.end) == 250          # 6 months = Q1 + the rest
    assert aggregate(received, increments, q3.start, q3.end) == 120
    assert aggregate(received, increments, year_start, q3.end) == 370
    assert aggregate(public, increments, year_start, q3.end) == 120          # latest, not a sum
    assert aggregate(received, [], year_start, q3.end) is None
    carried = PLAN.indicator("HS_KY_TRUOC")
    assert aggregate(carried, increments, year_start, q3.end) == 100         # carried into the year
    assert aggregate(carried, increments, q3.start, q3.end) == 120           # carried into the quarter
    assert online.part_of == "HS_TIEP_NHAN"


def test_rates_use_the_official_denominators():
    values = {"HS_TIEP_NHAN": 400, "HS_TRUC_TUYEN": 300, "HS_GIAI_QUYET": 200, "HS_TT_TOAN_TRINH": 90,
              "HS_TT_MOT_PHAN": 30, "HS_SO_HOA": 380, "KQ_SO_HOA": 150, "HS_QUA_HAN": 4, "HS_XIN_LOI": 3,
              "HS_CO_PHI": 50, "HS_THANH_TOAN_TT": 20, "PAKN_DEN_HAN": 8, "PAKN_DUNG_HAN": 6,
              "TTHC_CONG_KHAI": 120, "TTHC_TOAN_TRINH": 30, "TTHC_MOT_PHAN": 60, "HS_TRUOC_HAN": 150,
              "HS_DUNG_HAN": 46}

    def rate_of(code):
        return rate(PLAN.indicator(code), values)

    # Online rates over dossiers RESOLVED (200), not received (400).
    assert rate_of("TL_TOAN_TRINH") == pytest.approx(45)
    assert rate_of("TL_MOT_PHAN") == pytest.approx(15)
    assert rate_of("TL_TRUC_TUYEN") == pytest.approx(60)
    # Digitised dossiers over received, digitised results over resolved: apart.
    assert rate_of("TL_SO_HOA") == pytest.approx(95)
    assert rate_of("TL_SO_HOA_KQ") == pytest.approx(75)
    assert rate_of("TL_XIN_LOI") == pytest.approx(75)              # apology letters over late dossiers
    assert rate_of("TL_THANH_TOAN") == pytest.approx(40)           # online payment over dossiers with fees
    assert rate_of("TL_PAKN_DUNG_HAN") == pytest.approx(75)        # on time over due
    assert rate_of("TL_TTHC_TOAN_TRINH") == pytest.approx(25)      # by procedures
    assert rate_of("TL_TTHC_MOT_PHAN") == pytest.approx(50)
    assert rate_of("TL_DUNG_HAN") == pytest.approx(98)
    assert rate(PLAN.indicator("TL_TOAN_TRINH"), {**values, "HS_GIAI_QUYET": 0}) is None
    # The figures systems hold say where to copy them from.
    assert "Hệ thống thông tin giải quyết TTHC / Cổng DVC" in PLAN.indicator("HS_TT_TOAN_TRINH").source
    for code in ("DIEM_766", "HANG_766", "HAI_LONG_766"):
        assert "766" in PLAN.indicator(code).source and PLAN.indicator(code).aggregation == Aggregation.LATEST
    assert PLAN.indicator("HS_XIN_LOI").part_of == "HS_QUA_HAN"


@pytest.mark.parametrize(("text", "codes"), [
    # Xuân Trường (the embedded plan), VII.3 and I.3
    ("100% văn bản trao đổi giữa các cơ quan nhà nước được thực hiện dưới dạng điện tử, được ký số chuyên dùng "
     "(trừ văn bản mật theo quy định)", ["TL_KY_SO"]),
    ("Xây dựng và triển khai Kế hoạch kiểm tra CCHC tối thiểu 20% các cơ quan, đơn vị", ["TL_KIEM_TRA"]),
    # wordings of other communes' plans
    ("100% hồ sơ công việc được xử lý trên môi trường mạng và ký số", ["TL_KY_SO"]),
    ("Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 40% tổng số hồ sơ", ["TL_TOAN_TRINH"]),
    ("Tỷ lệ hồ sơ trực tuyến (toàn trình và một phần) đạt trên 80%", ["TL_TOAN_TRINH", "TL_MOT_PHAN"]),
    ("Tỷ lệ hồ sơ trực tuyến đạt trên 60%", ["TL_TRUC_TUYEN"]),
    ("100% TTHC đủ điều kiện được cung cấp DVC trực tuyến toàn trình", ["TL_TTHC_TOAN_TRINH"]),
    ("Số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%", ["TL_SO_HOA", "TL_SO_HOA_KQ"]),
    ("100% kết quả giải quyết TTHC được số hóa", ["TL_SO_HOA_KQ"]),
    ("Tỷ lệ thanh toán trực tuyến đạt 50% trên tổng số hồ sơ có nghĩa vụ tài chính", ["TL_THANH_TOAN"]),
    ("Trên 98% hồ sơ được giải quyết trước và đúng hạn", ["TL_DUNG_HAN"]),
    ("100% hồ sơ quá hạn có văn bản xin lỗi người dân", ["TL_XIN_LOI"]),
    ("100% phản ánh, kiến nghị được xử lý đúng hạn", ["TL_PAKN_DUNG_HAN"]),
    ("Tăng 10% số tin bài tuyên truyền", []),
])
def test_plan_targets_match_indicators_by_meaning(text, codes):
    rates = {i.code for i in PLAN.indicators if i.kind == IndicatorKind.RATE}
    assert target_meanings(text, rates) == codes


def test_a_signing_target_never_lands_on_an_online_dossier_rate(tmp_path, seed_path):
    """Two targets in one plan; the old word-overlap matcher put both on one rate
    ("hồ sơ" and "ký số" both fold to "... so")."""
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("3\tĐẩy mạnh việc sử dụng chữ ký số"))
    lines.insert(at + 1, "\t\tTỷ lệ hồ sơ trực tuyến toàn trình đạt 45% trên tổng số hồ sơ đã giải quyết\t"
                         "Phòng Văn hóa - Xã hội\t\tThường xuyên")
    plan_file = tmp_path / "ke-hoach.txt"
    plan_file.write_text("\n".join(lines), encoding="utf-8")
    target = tmp_path / "cchc"
    assert invoke("init", target, "--plan", plan_file).exit_code == 0
    rows = {r[0]: r for r in openpyxl.load_workbook(target / "ke-hoach-cchc.xlsx")["Chỉ tiêu"]
            .iter_rows(min_row=2, values_only=True) if r[0]}
    assert rows["TL_KY_SO"][11] == 100 and "VII.3" in rows["TL_KY_SO"][12]
    assert rows["TL_TOAN_TRINH"][11] == 45
    assert rows["TL_TRUC_TUYEN"][11] is None
    assert "Cổng DVC" in rows["HS_TT_TOAN_TRINH"][13]


def test_index_results_say_only_what_was_reported():
    from cchc_excel.indicators import index_results

    assert index_results({}) == ""
    assert index_results({"DIEM_766": None, "SIPAS": None}) == ""
    text = index_results({"CHI_SO_CCHC": 82.35, "HANG_CCHC": 15, "DIEM_766": 86.4, "HANG_766": None,
                          "HAI_LONG_766": 98.7})
    assert text.startswith("Về kết quả các chỉ số đánh giá: Chỉ số cải cách hành chính của xã")
    assert "82,35 điểm, xếp thứ 15 trong tỉnh" in text
    assert "(Bộ chỉ số 766, số liệu công bố mới nhất trên Cổng Dịch vụ công quốc gia) đạt 86,4/100 điểm; " \
           "tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính đạt 98,7%." in text
    assert "SIPAS" not in text and "xếp thứ None" not in text


def test_report_section_one_tells_the_indices_once(tmp_path):
    import docx

    result = invoke("demo", tmp_path / "demo")
    assert result.exit_code in (0, 1), result.output
    paragraphs = [p.text.replace("\u00a0", " ") for p in docx.Document(tmp_path / "demo" / "output" / "2026Q1" /
                                                 "bao-cao-cchc-2026Q1.docx").paragraphs]
    start = paragraphs.index("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")
    end = paragraphs.index("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
    section_one = paragraphs[start:end]
    sub_point = [p for p in section_one if p.startswith("Về kết quả các chỉ số đánh giá:")]
    assert sub_point == [
        "Về kết quả các chỉ số đánh giá: Chỉ số cải cách hành chính của xã (kết quả tỉnh công bố gần nhất) đạt "
        "82,35 điểm, xếp thứ 15 trong tỉnh; Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
        "hành chính (SIPAS) đạt 86,2%; Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành "
        "chính (TTHC), dịch vụ công (Bộ chỉ số 766, số liệu công bố mới nhất trên Cổng Dịch vụ công quốc gia) đạt "
        "86,4/100 điểm, xếp thứ 21 trong tỉnh; tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính "
        "đạt 98,7%."]
    body = "\n".join(paragraphs)
    assert body.count("86,4") == 1 and "Điểm Bộ chỉ số phục vụ" not in body   # not repeated among the figures


def test_the_example_province_set_loads_into_a_plan_workbook(tmp_path):
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "docs" / "chi-tieu-mau-tinh.xlsx"
    rows = [r for r in openpyxl.load_workbook(example)["Chỉ tiêu"].iter_rows(values_only=True)]
    assert invoke("init", tmp_path).exit_code == 0
    path = tmp_path / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    del workbook["Chỉ tiêu"]
    sheet = workbook.create_sheet("Chỉ tiêu")
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    plan, _ = planbook.read_workbook(path)
    codes = {i.code for i in plan.indicators}
    assert {"DVC_PHAT_SINH", "TL_DVC_PHAT_SINH", "DIEM_766", "TL_TOAN_TRINH"} <= codes
    assert "PAKN_TIEP_NHAN" not in codes                       # the province's set, not the default one
    assert plan.indicator("TL_TOAN_TRINH").target == 40
    assert plan.indicator("TL_TOAN_TRINH").denominator == "HS_GIAI_QUYET"
    assert "Cổng DVC" in plan.indicator("DVC_PHAT_SINH").source
    assert invoke("forms", "-p", "2026Q1", "--dir", tmp_path).exit_code == 0
    centre = plan.indicator("DVC_PHAT_SINH").agency
    figures = openpyxl.load_workbook(tmp_path / "output" / "2026Q1" / "bieu-mau" / f"{centre}.xlsx")["Số liệu"]
    how = {r[0]: r[4] for r in figures.iter_rows(min_row=5, values_only=True) if r[0]}
    assert "Nguồn: Hệ thống thông tin giải quyết TTHC / Cổng DVC" in how["DVC_PHAT_SINH"]


def test_figure_rules_hold_with_the_official_definitions(q1_forms, tmp_path):
    """More dossiers resolved fully online than resolved at all, more apology letters than late dossiers:
    caught by the existing rules (rate range, part exceeding its total) on the new definitions."""
    from formtools import consistent_figures, fill

    from cchc_excel.checks import check_period
    from cchc_excel.merge import collect
    from cchc_excel.models import Settings

    centre = PLAN.indicator("HS_TIEP_NHAN").agency
    figures = consistent_figures(PLAN, centre)
    figures.update({"HS_TRUOC_HAN": 40, "HS_DUNG_HAN": 10, "HS_QUA_HAN": 2, "HS_GIAI_QUYET": 52,
                    "HS_TT_TOAN_TRINH": 60, "HS_XIN_LOI": 3})
    out = tmp_path / "tt.xlsx"
    fill(q1_forms / f"{centre}.xlsx", out, {}, figures=figures)
    findings = check_period(PLAN, parse_period("2026Q1"), collect(PLAN, "2026Q1", [out]), dt.date(2026, 3, 20),
                            Settings())
    got = {(f.code, f.item) for f in findings if f.code.startswith("FIGURE")}
    assert ("FIGURE_RATE_RANGE", "TL_TOAN_TRINH") in got           # 60 of 52 resolved
    assert ("FIGURE_PART_EXCEEDS", "HS_XIN_LOI") in got             # 3 letters for 2 late dossiers
