"""Indicators: the default set, targets the plan states, the Chỉ tiêu sheet,
and how a year's figures add up."""

import datetime as dt

import openpyxl
import pytest
from conftest import invoke

from cchc_excel import planbook
from cchc_excel.indicators import Increment, aggregate, increment_window, rate
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
    assert "I.3: kế hoạch nêu chỉ tiêu «tối thiểu 20% các cơ quan, đơn vị»" in check.stdout
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
    assert rate(PLAN.indicator("TL_TRUC_TUYEN"), {"HS_TRUC_TUYEN": 37, "HS_TIEP_NHAN": 100}) == pytest.approx(37)
    assert rate(PLAN.indicator("TL_TRUC_TUYEN"), {"HS_TRUC_TUYEN": 5, "HS_TIEP_NHAN": 0}) is None
    assert online.part_of == "HS_TIEP_NHAN"
