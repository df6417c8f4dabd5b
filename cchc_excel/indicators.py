"""Figures ("Số liệu"): the default indicator set of a commune, targets the
plan states in its own words, and how a period's figures add up.

Agencies report, on each form, what arose since the previous report of the
year ("phát sinh trong kỳ"), or the value at the period's end for indicators
that are a stock ("tại thời điểm cuối kỳ"). A report's "this period" and
"year to date" figures are then sums of those increments (or the latest
value); rates are always computed from their counts, never typed or summed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from .models import DEFAULT_SCHEDULE, Aggregation, Indicator, IndicatorKind, PartRule, Period, Plan
from .periods import make_period
from .plan import section_for_area
from .textnorm import fold
from .vnformat import number, percent

C, A, R = IndicatorKind.COUNT, IndicatorKind.AMOUNT, IndicatorKind.RATE
SUM, LATEST = Aggregation.SUM, Aggregation.LATEST
EQ, LE = PartRule.EQUAL, PartRule.AT_MOST

# code, name, unit, section, kind, aggregation, part_of, parts_rule, numerator, denominator
DEFAULTS: tuple[tuple, ...] = (
    ("VB_CHI_DAO", "Văn bản chỉ đạo, điều hành CCHC ban hành", "văn bản", "I", C, SUM, "", None, (), ""),
    ("CQ_TONG", "Cơ quan, đơn vị thuộc UBND xã", "cơ quan", "I", C, LATEST, "", LE, (), ""),
    ("CQ_KIEM_TRA", "Cơ quan, đơn vị được kiểm tra CCHC", "cơ quan", "I", C, SUM, "CQ_TONG", None, (), ""),
    ("TL_KIEM_TRA", "Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC", "%", "I", R, SUM, "", None,
     ("CQ_KIEM_TRA",), "CQ_TONG"),
    ("TIN_BAI", "Tin, bài tuyên truyền về CCHC", "tin, bài", "I", C, SUM, "", None, (), ""),
    ("SANG_KIEN", "Sáng kiến, giải pháp CCHC được công nhận", "sáng kiến", "I", C, SUM, "", None, (), ""),
    ("VBQPPL_BAN_HANH", "Văn bản quy phạm pháp luật được ban hành", "văn bản", "II", C, SUM, "", None, (), ""),
    ("VBQPPL_RA_SOAT", "Văn bản quy phạm pháp luật được rà soát", "văn bản", "II", C, SUM, "", None, (), ""),
    ("TTHC_CONG_KHAI", "Thủ tục hành chính được công bố, công khai", "thủ tục", "III", C, LATEST, "", None,
     (), ""),
    ("HS_TIEP_NHAN", "Hồ sơ TTHC tiếp nhận", "hồ sơ", "III", C, SUM, "", EQ, (), ""),
    ("HS_TRUC_TIEP", "Hồ sơ tiếp nhận trực tiếp", "hồ sơ", "III", C, SUM, "HS_TIEP_NHAN", None, (), ""),
    ("HS_TRUC_TUYEN", "Hồ sơ tiếp nhận trực tuyến", "hồ sơ", "III", C, SUM, "HS_TIEP_NHAN", None, (), ""),
    ("HS_BUU_CHINH", "Hồ sơ tiếp nhận qua dịch vụ bưu chính công ích", "hồ sơ", "III", C, SUM, "HS_TIEP_NHAN",
     None, (), ""),
    ("HS_GIAI_QUYET", "Hồ sơ TTHC đã giải quyết", "hồ sơ", "III", C, SUM, "", EQ, (), ""),
    ("HS_TRUOC_HAN", "Hồ sơ giải quyết trước hạn", "hồ sơ", "III", C, SUM, "HS_GIAI_QUYET", None, (), ""),
    ("HS_DUNG_HAN", "Hồ sơ giải quyết đúng hạn", "hồ sơ", "III", C, SUM, "HS_GIAI_QUYET", None, (), ""),
    ("HS_QUA_HAN", "Hồ sơ giải quyết quá hạn", "hồ sơ", "III", C, SUM, "HS_GIAI_QUYET", None, (), ""),
    ("TL_TRUC_TUYEN", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "III", R, SUM, "", None,
     ("HS_TRUC_TUYEN",), "HS_TIEP_NHAN"),
    ("TL_DUNG_HAN", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "III", R, SUM, "", None,
     ("HS_TRUOC_HAN", "HS_DUNG_HAN"), "HS_GIAI_QUYET"),
    ("HS_SO_HOA", "Hồ sơ TTHC được số hóa", "hồ sơ", "III", C, SUM, "", None, (), ""),
    ("TL_SO_HOA", "Tỷ lệ hồ sơ TTHC được số hóa", "%", "III", R, SUM, "", None, ("HS_SO_HOA",), "HS_TIEP_NHAN"),
    ("PAKN_TIEP_NHAN", "Phản ánh, kiến nghị về quy định hành chính tiếp nhận", "phản ánh, kiến nghị", "III",
     C, SUM, "", LE, (), ""),
    ("PAKN_DA_XU_LY", "Phản ánh, kiến nghị đã xử lý", "phản ánh, kiến nghị", "III", C, SUM, "PAKN_TIEP_NHAN",
     None, (), ""),
    ("CBCC_DAO_TAO", "Lượt cán bộ, công chức được đào tạo, bồi dưỡng", "lượt người", "V", C, SUM, "", None, (), ""),
    ("KINH_PHI_CCHC", "Kinh phí thực hiện nhiệm vụ CCHC", "triệu đồng", "VI", A, SUM, "", None, (), ""),
    ("VB_DIEN_TU", "Văn bản đi được gửi dưới dạng điện tử", "văn bản", "VII", C, SUM, "", LE, (), ""),
    ("VB_KY_SO", "Văn bản điện tử được ký số", "văn bản", "VII", C, SUM, "VB_DIEN_TU", None, (), ""),
    ("TL_KY_SO", "Tỷ lệ văn bản điện tử được ký số", "%", "VII", R, SUM, "", None, ("VB_KY_SO",), "VB_DIEN_TU"),
)

KIND_LABELS = {C: "Số lượng", A: "Giá trị", R: "Tỷ lệ (tự tính)"}
AGGREGATION_LABELS = {SUM: "Cộng dồn các kỳ", LATEST: "Số mới nhất"}
PART_RULE_LABELS = {EQ: "Bằng tổng các thành phần", LE: "Không nhỏ hơn từng thành phần", PartRule.NONE: ""}

_PERCENT = re.compile(r"(tối thiểu|ít nhất|trên|đạt|tăng)?\s*(\d+(?:[,.]\d+)?)\s*%", re.IGNORECASE)


def section_reporter(plan: Plan, section: str) -> str:
    """The agency that most often leads this section's items alone."""
    leads = Counter(i.lead[0] for i in plan.items if i.section == section and len(i.lead) == 1)
    return leads.most_common(1)[0][0] if leads else (plan.agencies[0].code if plan.agencies else "")


def default_indicators(plan: Plan) -> tuple[Indicator, ...]:
    """The default set, each assigned to the agency that leads its section,
    with the targets the plan states proposed."""
    # Sections attach by what they are about, not by their numeral.
    result = []
    for code, name, unit, area, kind, aggregation, part_of, rule, numerator, denominator in DEFAULTS:
        section = section_for_area(plan, area)
        if section is None:
            continue
        agency = "" if kind == R else section_reporter(plan, section)
        result.append(Indicator(code, name, unit, section, agency, kind, aggregation, part_of,
                                rule or PartRule.NONE, tuple(numerator), denominator))
    indicators = tuple(result)
    for proposal in proposed_targets(plan, indicators):
        indicators = tuple(
            replace(i, target=proposal.target, target_note=proposal.note) if i.code == proposal.code else i
            for i in indicators
        )
    return indicators


@dataclass(frozen=True)
class Proposal:
    item: str
    phrase: str
    code: str       # the rate indicator it fits, "" when none does
    target: float

    @property
    def note(self) -> str:
        return f"Đề xuất từ {self.item}: «{self.phrase}»"


def proposed_targets(plan: Plan, indicators: tuple[Indicator, ...]) -> list[Proposal]:
    """Percentages the plan states ("tối thiểu 20% …", "100% văn bản …"),
    each matched to the rate indicator of its section that shares most words."""
    proposals = []
    for item in plan.items:
        first_product = item.id.count(".") == 1 or item.id.endswith(".1")
        for text in ((item.task, item.product) if first_product else (item.product,)):
            for match in _PERCENT.finditer(text):
                value = float(match.group(2).replace(",", "."))
                phrase = text[match.start():].split(";")[0].strip()
                if len(phrase) > 60:
                    phrase = phrase[:60].rsplit(" ", 1)[0] + "…"
                words = set(fold(text).split())
                rates = [i for i in indicators if i.kind == R and i.section == item.section]
                scored = sorted(((len(words & set(fold(i.name).split()) - {"ty", "le", "cac"}), i.code)
                                 for i in rates), reverse=True)
                code = scored[0][1] if scored and scored[0][0] > 0 else ""
                proposals.append(Proposal(item.id, phrase, code, value))
    return proposals


# --- how figures add up over the year ------------------------------------------------


def schedule_periods(year: int, schedule: tuple[str, ...] = DEFAULT_SCHEDULE) -> list[Period]:
    return sorted((make_period(year, kind) for kind in schedule), key=lambda p: (p.end, p.start))


def increment_window(period: Period, schedule: tuple[str, ...] = DEFAULT_SCHEDULE) -> tuple[dt.date, dt.date]:
    """What a form of this period asks for: from the day after the previous
    scheduled report of the year to the period's end."""
    previous = [p.end for p in schedule_periods(period.year, schedule) if p.end < period.end]
    start = max(previous) + dt.timedelta(days=1) if previous else make_period(period.year, "Y").start
    return start, period.end


def previous_scheduled(period: Period, schedule: tuple[str, ...] = DEFAULT_SCHEDULE) -> Period | None:
    earlier = [p for p in schedule_periods(period.year, schedule) if p.end < period.end]
    return earlier[-1] if earlier else None


@dataclass(frozen=True)
class Increment:
    """One period's reported value of one indicator, for its increment window."""

    period: Period
    start: dt.date
    end: dt.date
    value: float


def aggregate(indicator: Indicator, increments: list[Increment], start: dt.date, end: dt.date) -> float | None:
    """The value over [start, end]: the sum of the increments inside it, or the
    latest one for a stock. None when nothing was reported."""
    inside = sorted((i for i in increments if i.start >= start and i.end <= end), key=lambda i: i.end)
    if not inside:
        return None
    if indicator.aggregation == LATEST:
        return inside[-1].value
    return sum(i.value for i in inside)


def rate(indicator: Indicator, values: dict[str, float | None]) -> float | None:
    """A rate in percent from its counts; None when a count is missing or the
    denominator is zero."""
    top = [values.get(code) for code in indicator.numerator]
    bottom = values.get(indicator.denominator)
    if any(v is None for v in top) or not bottom:
        return None
    return 100 * sum(top) / bottom


def format_value(indicator: Indicator, value: float | None) -> str:
    if value is None:
        return "—"
    if indicator.kind == R:
        return f"{number(value, 1)}%"
    decimals = 0 if float(value).is_integer() else 1
    return number(value, decimals)


def met(indicator: Indicator, value: float | None) -> str:
    if indicator.target is None or value is None:
        return ""
    return "Đạt" if value >= indicator.target else "Chưa đạt"


def target_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return ""
    shown = f"{number(indicator.target, 0 if float(indicator.target).is_integer() else 1)}"
    return f"≥ {shown}%" if indicator.kind == R else f"≥ {shown}"


def share(part: float | None, total: float | None) -> str:
    return percent(part, total) if part is not None and total else "—"
