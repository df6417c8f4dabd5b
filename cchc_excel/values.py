"""Normalise what agencies typed: statuses in their common variants, dates in
any form a spreadsheet or a person gives them, and text (NFC, legacy
TCVN3/VNI encodings, answers too thin to report)."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from .models import Status
from .textnorm import clean, fold

# Folded variants people type -> status.
_STATUS_VARIANTS = {
    Status.DONE: ("da hoan thanh", "hoan thanh", "xong", "da xong", "ht", "da ht", "da thuc hien xong",
                  "hoan thanh dung han", "da hoan thien", "done", "dat"),
    Status.CARRIED_OUT: ("da thuc hien trong ky", "da thuc hien", "thuong xuyen", "da trien khai trong ky",
                         "thuc hien thuong xuyen", "da thuc hien thuong xuyen"),
    Status.IN_PROGRESS: ("dang thuc hien", "dang trien khai", "dang tien hanh", "dang lam", "dang th", "dth",
                         "dang hoan thien", "tiep tuc thuc hien"),
    Status.NOT_STARTED: ("chua thuc hien", "chua trien khai", "chua lam", "chua th", "cth", "chua bat dau"),
    Status.NOT_ARISEN: ("chua phat sinh", "khong phat sinh", "cps", "khong co phat sinh", "chua co phat sinh"),
}
_STATUS_BY_KEY = {variant: status for status, variants in _STATUS_VARIANTS.items() for variant in variants}
_STATUS_BY_KEY.update({fold(status.label): status for status in Status})

_DATE_TEXT = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_TEXT = re.compile(r"^[3-6]\d{4}$")      # 30000-69999: 1982-2091 as Excel counts days

# Latin-1 characters Vietnamese Unicode never uses; TCVN3 (.VnTime) and VNI
# text read as Unicode is full of them ("Phßng V¨n hãa", "Phoøng Vaên hoùa").
_LEGACY = set("¸µ¶·¹¨©ª®¬¦§¤¥¢£¡¾¼½ßÜÞÑÖØ×ÏÎËÇÆåæçëîïñö÷øûüþðä")
# Characters that are legacy code points only by their place in a word:
# guillemets are quotes at a word's edge but TCVN3's ô/ằ between letters
# ("c«ng" = công); the Latin-1 capitals Vietnamese uses (Ý as in «Ý kiến»)
# are TCVN3 lower-case letters when they sit inside a lower-case word
# ("chÝnh" = chính, "kiÕn" = kiến, "LÊy" = lấy).
_QUOTES = set("«»")
_CAPITALS = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Text with none of those characters cannot be legacy text: most cells, told in one scan.
_SUSPECT = re.compile("[" + re.escape("".join(sorted(_LEGACY | _QUOTES | _CAPITALS))) + "]")
_THIN = re.compile(r"^[\W_xX]*$|^(ok|có|co|không|khong|k|x+|\.+|-+|đã|da|rồi|roi)$", re.IGNORECASE)


def parse_status(value: object) -> tuple[Status | None, str | None]:
    """(status, None) when recognised; (None, suggested label) otherwise."""
    key = fold(value).strip(" .;:!")
    if not key:
        return None, None
    if key in _STATUS_BY_KEY:
        return _STATUS_BY_KEY[key], None
    candidates = {variant: status.label for variant, status in _STATUS_BY_KEY.items()}
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.7)
    return None, candidates[close[0]] if close else None


def parse_date(value: object) -> tuple[dt.date | None, bool]:
    """(date, True) for a date cell, serial number or day-first text;
    (None, True) for empty; (None, False) for something that is not a date."""
    if value is None or value == "":
        return None, True
    if isinstance(value, dt.datetime):
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, (int, float)):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), True
        return None, False
    text = clean(value)
    if not text:
        return None, True
    match = _DATE_TEXT.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000
        try:
            return dt.date(year, month, day), True
        except ValueError:
            return None, False
    if _SERIAL_TEXT.match(text):
        # A date pasted as values from a cell formatted as text shows its serial number ("46063"):
        # read as that date (the caller notes how it was understood, so the officer can check it).
        return _EXCEL_EPOCH + dt.timedelta(days=int(text)), True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text), True
        except ValueError:
            return None, False
    return None, False


def text_value(value: object) -> str:
    """A cell as text: numbers without a spurious '.0', dates day-first."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return clean(value)


def is_legacy_encoded(text: str) -> bool:
    """True for TCVN3/VNI text shown as Unicode mojibake."""
    return _SUSPECT.search(text) is not None and _mostly_legacy(text)


def _mostly_legacy(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    odd = sum(1 for w in words if _looks_legacy(w))
    return odd >= 2 or odd / len(words) >= 0.2


def _looks_legacy(word: str) -> bool:
    word = word.strip("«»\"'()[]“”‘’,.;:!?…")
    for index, ch in enumerate(word):
        if ch in _LEGACY:
            return True
        before = word[index - 1] if index else ""
        after = word[index + 1] if index + 1 < len(word) else ""
        if ch in _QUOTES and before.isalpha() and after.isalpha():
            return True
        if ch in _CAPITALS and index and (before.islower() or after.islower()):
            return True
    return False


def is_thin(text: str) -> bool:
    """Too little to put in a report: 'x', '.', 'ok', 'đã'…"""
    stripped = clean(text)
    return bool(stripped) and (len(stripped) < 4 or bool(_THIN.match(stripped)))


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")        # 1.234 / 1.234.567: thousands
_SPACED = re.compile(r"^\d{1,3}( \d{3})+$")          # 1 234


def parse_number(value: object) -> tuple[float | None, bool]:
    """A figure typed as a number or as text the Vietnamese way.

    "1.234" and "1 234" are 1234 (dot and space group thousands); "12,5" is
    12.5 (comma is the decimal mark); "1.234,5" is 1234.5. Returns
    (number, True), (None, True) for empty, (None, False) for not a number.
    """
    if value is None or value == "":
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, (int, float)):
        return float(value), True
    text = clean(value).replace("\u00a0", " ").strip()
    if not text:
        return None, True
    negative = text.startswith(("-", "−"))
    body = text.lstrip("-−").strip()
    if _GROUPED.match(body):
        body = body.replace(".", "")
    elif _SPACED.match(body):
        body = body.replace(" ", "")
    elif "," in body:
        body = body.replace(".", "").replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", body):
        return None, False
    number = float(body)
    return (-number if negative else number), True
