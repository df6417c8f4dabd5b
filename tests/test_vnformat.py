import datetime as dt

from cchc_excel.vnformat import date_line, day_month, number, percent


def test_numbers_and_percentages_the_vietnamese_way():
    assert number(1234) == "1.234" and number(1234567) == "1.234.567"
    assert number(12.5, 1) == "12,5" and number(1234.5, 1) == "1.234,5"
    assert percent(2, 3) == "66,7%" and percent(0, 0) == "—" and percent(1, 1) == "100,0%"


def test_dates_pad_days_below_10_and_months_1_and_2_only():
    assert day_month(dt.date(2026, 1, 5)) == ("05", "01")
    assert day_month(dt.date(2026, 2, 15)) == ("15", "02")
    assert day_month(dt.date(2026, 3, 9)) == ("09", "3")
    assert day_month(dt.date(2026, 12, 25)) == ("25", "12")
    assert date_line("Xuân Trường", dt.date(2026, 1, 5), 2026) == "Xuân Trường, ngày 05 tháng 01 năm 2026"
    assert date_line("Xuân Trường", None, 2026).endswith("năm 2026") and "ngày      tháng" in date_line(
        "Xuân Trường", None, 2026)
