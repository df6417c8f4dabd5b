"""The plan's number, date, issuer, commune, year and title, read from the lines
above its task table: the caption ("Kèm theo Kế hoạch số 45/KH-UBND ngày
20/01/2026 của UBND xã Hòa Bình"), the heading block ("ỦY BAN NHÂN DÂN XÃ HÒA
BÌNH") and the title ("… NĂM 2026"). What a document does not state stays blank."""

from __future__ import annotations

import datetime as dt
import re

from .models import PlanMeta
from .textnorm import clean

_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_PLAN_REF = re.compile(
    r"kế\s*hoạch\s+số\s*:?\s*([0-9A-Za-zĐđ/.\-]+?)\s*,?\s*ngày\s*(?:" + _DATE + "|" + _DATE_WORDS + ")"
    r"(?:\s*của\s*([^)\n]+))?",
    re.IGNORECASE,
)
_ISSUER = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(xã|phường|thị trấn|đặc khu)\s+(.+)$", re.IGNORECASE)
_OWN_PLAN = re.compile(r"kèm theo|ban hành kế hoạch", re.IGNORECASE)
_CITED = re.compile(r"^(căn cứ|thực hiện|triển khai)\b", re.IGNORECASE)
_HIGHER = re.compile(r"\b(tỉnh|huyện|thành phố|bộ|chính phủ|trung ương|thủ tướng)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!tháng )(?<!\d )\bnăm\s+(20\d\d)\b", re.IGNORECASE)


def _commune(text: str) -> tuple[str, str] | None:
    """('xã', 'Hòa Bình') from "UBND xã Hòa Bình" or "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"."""
    match = _ISSUER.match(clean(text).rstrip(".;,)"))
    if not match:
        return None
    name = clean(match.group(2))
    if name == name.upper():
        name = name.title()
    return match.group(1).lower(), name


def locality_of(issuer: str) -> str:
    """«phường» from "UBND phường Bến Thành"; empty when the issuer names no commune-level body."""
    found = _commune(issuer or "")
    return found[0] if found else ""


LOCALITY_WORDS = ("xã", "phường", "đặc khu", "thị trấn")
# A commune-level word standing alone («Đảng ủy xã», «UBND phường»), not «xã hội».
_LOCALITY_WORD = re.compile(r"(?<!\w)(xã|phường|đặc khu|thị trấn)(?!\w)(?! hội)")


def default_recipients(locality: str = "xã") -> tuple[str, ...]:
    """The «Nơi nhận» lines `init` writes for a commune-level UBND."""
    return (
        "Sở Nội vụ tỉnh",
        f"Thường trực Đảng ủy {locality}",
        f"Thường trực HĐND {locality}",
        f"Chủ tịch, các Phó Chủ tịch UBND {locality}",
        f"Các cơ quan, đơn vị thuộc UBND {locality}",
        "Lưu: VT, VHXH",
    )


def other_localities(text: str, locality: str) -> list[str]:
    """The commune-level words of ``text`` that are not ``locality`` (["xã"] for «Thường trực Đảng ủy
    xã» in a ward's workbook)."""
    return sorted({m.group(1) for m in _LOCALITY_WORD.finditer(text or "")} - {locality})


def said_for(text: str, locality: str) -> str:
    """``text`` with every commune-level word made ``locality``: «Thường trực Đảng ủy phường»."""
    return _LOCALITY_WORD.sub(locality, text)


def localized(text: str, locality: str, defaults) -> str:
    """``text`` in ``locality``'s words when it is one of ``defaults`` (the program's own wording,
    written for any locality: a workbook made before its issuer became a ward); the officer's own
    words are left as they are."""
    for default in defaults:
        if other_localities(text, locality) and said_for(text, "xã") == said_for(default, "xã"):
            return said_for(default, locality)
    return text


def _date(groups: tuple) -> dt.date | None:
    day, month, year = next(
        (groups[i:i + 3] for i in (0, 3) if groups[i] is not None), (None, None, None))
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def parse_meta(lines: list[str]) -> PlanMeta:
    number = issuer = commune = ""
    kind = "xã"
    date = year = None
    refs = []
    for line in (clean(x) for x in lines):
        for ref in _PLAN_REF.finditer(line):
            if _OWN_PLAN.search(line) and _OWN_PLAN.search(line).start() < ref.start() or \
                    not (_HIGHER.search(ref.group(8) or "") or _CITED.match(line)):
                refs.append(ref)
    for line in (clean(x) for x in lines):
        if not commune and (found := _commune(line)):
            kind, commune = found
        if year is None and (match := _YEAR.search(line)) and "ngày" not in line[: match.start()].lower():
            year = int(match.group(1))
    # The caption ("kèm theo Kế hoạch số …") names the plan itself; a cited plan
    # of the province ("Căn cứ/Thực hiện Kế hoạch số … của UBND tỉnh") does not.
    refs.sort(key=lambda r: not _OWN_PLAN.search(r.string[: r.start()]))
    if refs:
        ref = refs[0]
        number = ref.group(1).rstrip(".,")
        date = _date(ref.groups()[1:7])
        issuer = clean(ref.group(8) or "").rstrip(".;,")
    if issuer and (found := _commune(issuer)):
        commune = found[1]
        issuer = f"UBND {found[0]} {found[1]}"
    elif commune and not issuer:
        issuer = f"UBND {kind} {commune}"
    if year is None and date:
        year = date.year
    titles = [clean(line) for line in lines if ("nhiệm vụ" in line.lower() or "kế hoạch" in line.lower())
              and not line.startswith("(") and len(line) > 12]
    title = next((t for t in titles if t == t.upper()), titles[0] if titles else "")
    return PlanMeta(issuer=issuer, commune=commune, number=number, date=date, year=year, title=title)
