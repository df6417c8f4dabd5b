"""Figures through the real path: typed the Vietnamese way, checked by rules."""

import datetime as dt

from formtools import consistent_figures, fill

from cchc_excel.checks import check_period
from cchc_excel.merge import collect
from cchc_excel.models import Settings, Severity
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()
TT = "tt-pvhcc"


def _figures(q1_forms, tmp_path, agency, figures, period="2026Q1", previous=None):
    out = tmp_path / f"{agency}-{period}.xlsx"
    fill(q1_forms / f"{agency}.xlsx", out, {}, figures=figures)
    intake = collect(PLAN, period, [out])
    findings = check_period(PLAN, parse_period(period), intake, dt.date(2026, 3, 20), Settings(), *previous or ())
    return intake, [f for f in findings if f.code.startswith("FIGURE")]


def test_numbers_typed_as_text_are_read_the_vietnamese_way(q1_forms, tmp_path):
    figures = consistent_figures(PLAN, TT)
    figures.update({"HS_TIEP_NHAN": "1.234", "HS_TRUC_TIEP": "700", "HS_TRUC_TUYEN": "456", "HS_BUU_CHINH": "78"})
    intake, findings = _figures(q1_forms, tmp_path, TT, figures)
    values = {f.code: f.value for f in intake.figures}
    assert values["HS_TIEP_NHAN"] == 1234 and values["HS_TRUC_TUYEN"] == 456
    # Understood, and said so (a note for the agency's feedback copy), never an error.
    assert [(f.code, f.severity.value, f.message) for f in findings] == [
        ("FIGURE_UNDERSTOOD", "info", "HS_TIEP_NHAN: số gõ dạng chữ «1.234», đã hiểu là 1234.")]
    kt = consistent_figures(PLAN, "phong-kinh-te")
    intake, findings = _figures(q1_forms, tmp_path, "phong-kinh-te", {**kt, "KINH_PHI_CCHC": "12,5"})
    assert intake.figures_of("phong-kinh-te")["KINH_PHI_CCHC"].value == 12.5
    assert [(f.code, f.message) for f in findings] == [
        ("FIGURE_UNDERSTOOD", "KINH_PHI_CCHC: số gõ dạng chữ «12,5», đã hiểu là 12,5.")]


def test_each_rule_gives_a_located_finding(q1_forms, tmp_path):
    figures = consistent_figures(PLAN, TT)
    figures.update({"HS_TRUC_TUYEN": 50, "HS_TIEP_NHAN": 30,      # a part larger than its total
                    "HS_GIAI_QUYET": 100, "HS_TRUOC_HAN": 50, "HS_DUNG_HAN": 40, "HS_QUA_HAN": 5,  # 95 ≠ 100
                    "PAKN_TIEP_NHAN": -2,                         # negative
                    "HS_SO_HOA": "nhiều",                         # not a number
                    "TTHC_CONG_KHAI": None})                      # missing
    _, findings = _figures(q1_forms, tmp_path, TT, figures)
    got = {(f.code, f.item): f for f in findings}
    exceeds = got[("FIGURE_PART_EXCEEDS", "HS_TRUC_TUYEN")]
    assert exceeds.sheet == "Số liệu" and exceeds.cell.startswith("G") and "HS_TIEP_NHAN" in exceeds.message
    key = ("FIGURE_SUM_MISMATCH", "HS_GIAI_QUYET")
    assert key in got and "= 95" in got[key].message
    assert got[("FIGURE_NEGATIVE", "PAKN_TIEP_NHAN")].severity == Severity.ERROR
    assert ("FIGURE_INVALID", "HS_SO_HOA") in got
    assert ("FIGURE_MISSING", "TTHC_CONG_KHAI") in got
    assert all(f.file and f.cell and f.fix for f in findings)


def test_a_rate_over_100_is_flagged(q1_forms, tmp_path):
    vh = consistent_figures(PLAN, "phong-vhxh")
    vh.update({"CQ_TONG": 4, "CQ_KIEM_TRA": 4})   # fine: 100%
    _, findings = _figures(q1_forms, tmp_path, "phong-vhxh", vh)
    assert findings == []
    tt = consistent_figures(PLAN, TT)
    tt.update({"HS_SO_HOA": 5000})                  # 5000 digitised of 30 received
    _, findings = _figures(q1_forms, tmp_path, TT, tt)
    rates = [f for f in findings if f.code == "FIGURE_RATE_RANGE"]
    assert rates and rates[0].item == "TL_SO_HOA" and "%" in rates[0].message and rates[0].cell.startswith("G")


def test_a_figure_far_from_the_previous_period_asks_for_confirmation(q1_forms, tmp_path):
    previous, _ = _figures(q1_forms, tmp_path, TT, consistent_figures(PLAN, TT, base=100))
    now = consistent_figures(PLAN, TT, base=100)
    now.update({"HS_SO_HOA": 2000})
    _, findings = _figures(q1_forms, tmp_path, TT, now, previous=(previous, parse_period("2026Q1")))
    outliers = [f for f in findings if f.code == "FIGURE_OUTLIER"]
    assert [f.item for f in outliers] == ["HS_SO_HOA"] and outliers[0].severity == Severity.WARNING
    assert "quý I năm 2026" in outliers[0].message


def test_a_count_read_as_a_decimal_is_caught(q1_forms, tmp_path):
    figures = consistent_figures(PLAN, TT)
    figures.update({"HS_SO_HOA": 1.234})      # what "1.234" becomes on a US-English Excel
    _, findings = _figures(q1_forms, tmp_path, TT, figures)
    whole = [f for f in findings if f.code == "FIGURE_NOT_WHOLE_THOUSANDS"]
    assert [f.item for f in whole] == ["HS_SO_HOA"] and "ghi 1234" in whole[0].fix
