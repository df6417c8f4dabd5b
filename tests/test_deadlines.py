import datetime as dt

import openpyxl
import pytest
from conftest import invoke

from cchc_excel.deadlines import Calendar, report_day, return_deadline
from cchc_excel.models import Settings
from cchc_excel.periods import make_period

D = dt.date


@pytest.mark.parametrize("day", [
    D(2026, 1, 1),                                              # Tết Dương lịch
    D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20),   # Tết Bính Ngọ
    D(2026, 4, 27),                                             # Giỗ Tổ (26/4 is a Sunday)
    D(2026, 4, 30), D(2026, 5, 1),
    D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 2),              # Quốc khánh + the swapped Monday
    D(2026, 2, 14), D(2026, 2, 21),                             # weekends
])
def test_days_off_in_2026(day):
    assert not Calendar().is_working_day(day)


@pytest.mark.parametrize("day", [D(2026, 2, 13), D(2026, 2, 23), D(2026, 9, 3), D(2026, 8, 28),
                                 D(2026, 8, 22)])   # 22/08/2026 is a Saturday worked in exchange for 31/08
def test_working_days_in_2026(day):
    assert Calendar().is_working_day(day)


def test_counting_back_across_tet_2026():
    calendar = Calendar()
    # Monday 23/02 minus 1 working day skips the whole break (16–20/02) and the weekends around it.
    assert calendar.working_days_before(D(2026, 2, 23), 1) == D(2026, 2, 13)
    assert calendar.working_days_before(D(2026, 2, 24), 3) == D(2026, 2, 12)
    # A report day inside the break moves back to the last working day before it.
    assert calendar.working_days_before(D(2026, 2, 18), 0) == D(2026, 2, 13)


def test_counting_back_across_national_day_2026():
    calendar = Calendar()
    # Thursday 03/09: 31/08, 01/09 and 02/09 are off, Saturday 22/08 is not reached.
    assert calendar.working_days_before(D(2026, 9, 3), 1) == D(2026, 8, 28)
    assert calendar.working_days_before(D(2026, 9, 3), 3) == D(2026, 8, 26)
    # Saturday 22/08 counts as a working day.
    assert calendar.working_days_before(D(2026, 8, 24), 1) == D(2026, 8, 22)


def test_officers_lists_override_the_package():
    calendar = Calendar(extra_days_off=frozenset({D(2026, 9, 3)}), extra_working_days=frozenset({D(2026, 9, 1)}))
    assert not calendar.is_working_day(D(2026, 9, 3))
    assert calendar.is_working_day(D(2026, 9, 1))
    assert calendar.working_days_before(D(2026, 9, 4), 1) == D(2026, 9, 1)


def test_default_report_day_is_the_20th_moved_back():
    settings = Settings()
    assert report_day(make_period(2026, "Q1"), settings) == (D(2026, 3, 20), False)   # a Friday
    assert report_day(make_period(2026, "S1"), settings) == (D(2026, 6, 19), False)   # 20/06 is a Saturday
    assert report_day(make_period(2026, "Q3"), settings) == (D(2026, 9, 18), False)   # 20/09 is a Sunday


def test_return_date_is_n_working_days_before_the_report_day():
    settings = Settings(report_days=(("Q1", 16, 3), ("Q3", 4, 9)), return_days=3)
    q1 = return_deadline(make_period(2026, "Q1"), settings)
    assert (q1.report, q1.due, q1.report_set) == (D(2026, 3, 16), D(2026, 3, 11), True)
    assert q1.before_data_end          # 11/03 < 14/03: the last days' figures are estimates
    q3 = return_deadline(make_period(2026, "Q3"), settings)
    # 04/09 (Friday) back 3 working days: 03/09, 28/08 (31/08–02/09 off), 27/08.
    assert q3.due == D(2026, 8, 27)
    year = return_deadline(make_period(2026, "Y"), settings)
    assert (year.report, year.due, year.report_set, year.before_data_end) == (
        D(2026, 12, 18), D(2026, 12, 15), False, False)


def test_override_for_one_run():
    deadline = return_deadline(make_period(2026, "Q1"), Settings(), override=D(2026, 3, 12))
    assert deadline.due == D(2026, 3, 12) and deadline.overridden and deadline.before_data_end
    assert deadline.report is None


def _settings_row(workbook, key):
    for row in workbook["Thiết lập"].iter_rows(min_row=4):
        if row[0].value == key:
            return row
    raise KeyError(key)


def test_forms_show_the_working_day_deadline_from_the_settings(tmp_path):
    target = tmp_path / "cchc"
    assert invoke("init", target).exit_code == 0
    path = target / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    _settings_row(workbook, "report_days")[2].value = "Quý I: 19/03; 6 tháng: 16/06; Quý III: 16/09; Năm: 16/12"
    _settings_row(workbook, "extra_days_off")[2].value = "16/03/2026"     # a local holiday on Monday
    workbook.save(path)

    result = invoke("forms", "-p", "2026Q1", "--dir", target)
    assert result.exit_code == 0, result.output
    # 19/03 (Thursday) back 3 working days, Monday 16/03 being off: 18, 17, 13/03 — before the data end.
    assert "13/03/2026 (3 ngày làm việc trước ngày gửi báo cáo lên tỉnh, 19/03/2026)" in result.output
    assert "số liệu từ sau ngày gửi đến hết ngày 14/03/2026 là số ước tính" in result.output
    form = next((target / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx"))
    guide = openpyxl.load_workbook(form)["Hướng dẫn"]
    shown = {row[0].value: row[1].value for row in guide.iter_rows(min_row=3, max_row=12, max_col=2)}
    assert shown["Hạn gửi lại biểu mẫu"].startswith("13/03/2026 (3 ngày làm việc")
    assert "ước tính" in shown["Hạn gửi lại biểu mẫu"]

    again = invoke("forms", "-p", "2026Q1", "--dir", target, "--deadline", "20/03/2026")
    assert again.exit_code == 0 and "hạn các cơ quan gửi lại: 20/03/2026." in again.output
    assert "ước tính" not in again.output


def test_forms_without_a_report_day_say_the_20th_is_assumed(tmp_path):
    target = tmp_path / "cchc"
    assert invoke("init", target).exit_code == 0
    result = invoke("forms", "-p", "2026Q3", "--dir", target)
    assert result.exit_code == 0, result.output
    # 20/09/2026 is a Sunday: report day 18/09, back 3 working days: 15/09.
    assert "15/09/2026 (3 ngày làm việc trước ngày gửi báo cáo lên tỉnh, 18/09/2026)" in result.output
    assert "tạm tính ngày 20 tháng cuối kỳ" in result.output


def test_a_bad_report_day_names_the_cell(tmp_path):
    target = tmp_path / "cchc"
    assert invoke("init", target).exit_code == 0
    path = target / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(path)
    cell = _settings_row(workbook, "report_days")[2]
    cell.value = "Quý I: 31/02"
    workbook.save(path)
    result = invoke("forms", "-p", "2026Q1", "--dir", target)
    assert result.exit_code == 3
    assert cell.coordinate in result.output and "31/02" in result.output and "Thiết lập" in result.output


def test_vietnams_rules_alone_give_the_packages_days():
    """Vietnam's module is loaded alone (not the 251 countries of holidays.countries):
    the same days off as the package's own route, every year around the plan's."""
    import holidays

    from cchc_excel import deadlines

    rules = deadlines._vietnam_rules()
    assert rules.__name__ == "cchc_excel._vietnam_holidays"
    for year in range(2015, 2036):
        assert set(rules.Vietnam(years=year)) == set(holidays.country_holidays("VN", years=year)), year


def test_deadlines_do_not_load_every_country():
    import subprocess
    import sys

    code = ("import sys, datetime as d; from cchc_excel.deadlines import Calendar;"
            "assert not Calendar().is_working_day(d.date(2026, 2, 16));"
            "assert Calendar().is_working_day(d.date(2026, 8, 22));"
            "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_an_unknown_layout_of_the_package_takes_its_own_route(monkeypatch):
    import importlib.util

    from cchc_excel import deadlines

    def moved(*args, **kwargs):
        raise FileNotFoundError("vietnam.py")

    monkeypatch.setattr(importlib.util, "spec_from_file_location", moved)
    monkeypatch.setenv(deadlines.CACHE_FOLDER_VARIABLE, "")      # the package asked, not the cache
    deadlines._vietnam_rules.cache_clear()
    deadlines._official.cache_clear()
    try:
        assert deadlines._vietnam_rules().__name__ == "holidays.countries.vietnam"
        assert not Calendar().is_working_day(D(2026, 8, 31))      # the swapped Monday still off
        assert Calendar().is_working_day(D(2026, 8, 22))          # and the Saturday still worked
    finally:
        deadlines._vietnam_rules.cache_clear()
        deadlines._official.cache_clear()


def _days_in_a_child(cache: str) -> tuple[str, str]:
    """(the days of 2026 as a new process gets them, whether it loaded `holidays`)."""
    import os
    import subprocess
    import sys

    code = ("import sys; from cchc_excel import deadlines; off, worked = deadlines._official(2026);"
            "print(sorted(map(str, off)), sorted(map(str, worked))); print('holidays' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "CCHC_CACHE_DIR": cache})
    assert result.returncode == 0, result.stderr
    days, loaded = result.stdout.strip().splitlines()
    return days, loaded


def test_the_days_of_the_holidays_package_are_kept_between_runs(tmp_path):
    from cchc_excel import deadlines

    off, worked = deadlines._from_package(2026)
    expected = f"{sorted(map(str, off))} {sorted(map(str, worked))}"
    assert D(2026, 2, 17) in off and D(2026, 8, 22) in worked
    first = _days_in_a_child(str(tmp_path))
    assert first == (expected, "True")                   # asked of the package, and kept
    kept = list(tmp_path.glob("holidays-vn-*.json"))
    assert len(kept) == 1 and deadlines._package_version() in kept[0].name
    assert _days_in_a_child(str(tmp_path)) == (expected, "False")     # the package not even loaded
    kept[0].write_text("{not json", encoding="utf-8")                # a damaged cache: asked again
    assert _days_in_a_child(str(tmp_path)) == (expected, "True")
    assert _days_in_a_child(str(tmp_path)) == (expected, "False")
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")                         # no folder can be made there
    assert _days_in_a_child(str(blocked / "cache")) == (expected, "True")
    assert _days_in_a_child("")[0] == expected                         # no cache at all
