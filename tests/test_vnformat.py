import datetime as dt

from cchc_excel.vnformat import date_line, day_month, decimal_text, number, percent, percent_text


def test_numbers_and_percentages_the_vietnamese_way():
    assert number(1234) == "1.234" and number(1234567) == "1.234.567"
    assert number(12.5, 1) == "12,5" and number(1234.5, 1) == "1.234,5"
    assert percent(2, 3) == "66,7%" and percent(0, 0) == "—" and percent(1, 1) == "100%"



def test_a_percentage_drops_a_zero_decimal_but_never_reaches_a_round_figure_it_has_not():
    assert percent_text(25.0) == "25%" and percent_text(100) == "100%" and percent_text(0) == "0%"
    assert percent_text(98.853) == "98,9%" and percent_text(37.3) == "37,3%" and percent(20, 1192) == "1,7%"
    assert percent_text(99.96) == "99,96%"          # not «100%» when it is not all
    assert percent_text(0.04) == "0,04%"            # not «0%» when it is not none
    # Two decimals only beside a target the figure is judged against; elsewhere one, or none.
    assert percent_text(19.96, judged=True) == "19,96%" and percent_text(19.96) == "20%"
    assert percent_text(36.95) == "37%" and percent(456, 1234) == "37%"


def test_a_typed_value_keeps_the_decimals_it_was_entered_with():
    assert decimal_text(82.35) == "82,35" and decimal_text(86.2) == "86,2" and decimal_text(15) == "15"
    assert decimal_text(12.5) == "12,5" and decimal_text(1234.5) == "1.234,5"


def test_dates_pad_days_below_10_and_months_1_and_2_only():
    assert day_month(dt.date(2026, 1, 5)) == ("05", "01")
    assert day_month(dt.date(2026, 2, 15)) == ("15", "02")
    assert day_month(dt.date(2026, 3, 9)) == ("09", "3")
    assert day_month(dt.date(2026, 12, 25)) == ("25", "12")
    assert date_line("Xuân Trường", dt.date(2026, 1, 5), 2026) == "Xuân Trường, ngày 05 tháng 01 năm 2026"
    assert date_line("Xuân Trường", None, 2026).endswith("năm 2026") and "ngày      tháng" in date_line(
        "Xuân Trường", None, 2026)
