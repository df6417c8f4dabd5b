import datetime as dt

import pytest

from cchc_excel.values import is_legacy_encoded, is_thin, parse_date, parse_status, text_value


@pytest.mark.parametrize("typed, key", [
    ("Đã hoàn thành", "done"), ("hoàn thành", "done"), ("Hoan thanh", "done"), ("xong", "done"),
    ("HT", "done"), ("  ĐÃ HOÀN THÀNH  ", "done"), ("Đã hoàn thành.", "done"),
    ("đang thực hiện", "in_progress"), ("Dang trien khai", "in_progress"),
    ("Chưa thực hiện", "not_started"), ("chua trien khai", "not_started"),
    ("Chưa phát sinh", "not_arisen"), ("không phát sinh", "not_arisen"),
])
def test_status_variants(typed, key):
    assert parse_status(typed) == (key, None)


def test_unknown_status_gets_a_suggestion():
    assert parse_status("Đã hoàn thàn") == (None, "Đã hoàn thành")
    assert parse_status("Đang thực hiên") == ("in_progress", None)   # a wrong tone mark is forgiven
    assert parse_status("Đang thục hiệnn") == (None, "Đang thực hiện")
    assert parse_status("trời mưa") == (None, None)
    assert parse_status("") == (None, None)


@pytest.mark.parametrize("value, expected", [
    (dt.datetime(2026, 3, 15, 0, 0), dt.date(2026, 3, 15)),
    (dt.date(2026, 3, 15), dt.date(2026, 3, 15)),
    (46096.0, dt.date(2026, 3, 15)),
    ("15/3/2026", dt.date(2026, 3, 15)),
    ("15-03-2026", dt.date(2026, 3, 15)),
    ("15.03.2026", dt.date(2026, 3, 15)),
    ("05/01/26", dt.date(2026, 1, 5)),
    ("2026-03-15", dt.date(2026, 3, 15)),
])
def test_dates_in_every_form(value, expected):
    assert parse_date(value) == (expected, True)


@pytest.mark.parametrize("value", ["31/02/2026", "mười lăm tháng ba", "15/2026", True, -3])
def test_not_dates(value):
    assert parse_date(value) == (None, False)


def test_empty_date_is_fine():
    assert parse_date("") == (None, True) and parse_date(None) == (None, True)


def test_legacy_encodings_are_detected():
    assert is_legacy_encoded("Phßng V¨n hãa - X· héi ®· hoµn thµnh")       # TCVN3
    assert is_legacy_encoded("Phoøng Vaên hoùa - Xaõ hoäi ñaõ hoaøn thaønh")  # VNI
    assert not is_legacy_encoded("Phòng Văn hóa - Xã hội đã hoàn thành «đúng hạn»")


def test_thin_text():
    for thin in ("x", ".", "ok", "Có", "-", "xx"):
        assert is_thin(thin), thin
    assert not is_thin("Đã ban hành kế hoạch")


def test_text_value():
    assert text_value(12.0) == "12" and text_value(1.5) == "1.5"
    assert text_value(dt.datetime(2026, 1, 5)) == "05/01/2026"
