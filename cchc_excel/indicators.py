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
from .plan_meta import locality_of, localized
from .textnorm import fold
from .vnformat import decimal_text, percent, percent_text

C, A, R = IndicatorKind.COUNT, IndicatorKind.AMOUNT, IndicatorKind.RATE
SUM, LATEST, FIRST = Aggregation.SUM, Aggregation.LATEST, Aggregation.FIRST
EQ, LE = PartRule.EQUAL, PartRule.AT_MOST

# Where figures come from. TTHC figures are what the Hệ thống thông tin giải quyết TTHC records for every
# dossier (NĐ 118/2025/NĐ-CP, one-stop shop and the national portal:
# https://www.hethongphapluat.vn/nghi-dinh-118-2025-nd-cp-thuc-hien-thu-tuc-hanh-chinh-theo-co-che-mot-cua-mot-cua-lien-thong-tai-bo-phan-mot-cua-va-cong-dich-vu-cong-quoc-gia.html):
# the agency copies them from the system, it does not count them again. The "766" index (QĐ 766/QĐ-TTg,
# 23/6/2022) scores five groups — công khai minh bạch; tiến độ, kết quả giải quyết; số hóa hồ sơ; cung cấp
# dịch vụ trực tuyến; mức độ hài lòng — out of 100, monthly on the national portal
# (https://vietjack.me/phap-luat/quyet-dinh-766-qd-ttg-2271.html, https://www.lamdong.dcs.vn/tin-tuc-su-kien/
# thong-tin-tong-hop/task/148/type/detail/id/33503 for the PAKN and satisfaction formulas). Online rates are
# over dossiers resolved, as the 766 index and the issue (#15) read them; the text of TT 03/2025/TT-VPCP was
# not found in our search and is not relied on here. docs/chi-tieu-tinh-mau.md lists each definition.
SYSTEM = "Hệ thống thông tin giải quyết TTHC / Cổng DVC (chép số của hệ thống, không đếm lại)"
PORTAL_766 = "Cổng Dịch vụ công quốc gia, Bộ chỉ số 766 (QĐ 766/QĐ-TTg), số công bố mới nhất"
DOCUMENTS = "Hệ thống quản lý văn bản và điều hành"
OVER_RESOLVED = "QĐ 766/QĐ-TTg: trên tổng số hồ sơ đã giải quyết (không phải hồ sơ tiếp nhận)"

# code, name, unit, area (the section it belongs to, by what the section is about), kind, aggregation,
# part_of, parts_rule, numerator, denominator, source
DEFAULTS: tuple[tuple, ...] = (
    ("VB_CHI_DAO", "Văn bản chỉ đạo, điều hành CCHC ban hành", "văn bản", "I", C, SUM, "", None, (), "", ""),
    ("CQ_TONG", "Cơ quan, đơn vị thuộc UBND xã", "cơ quan", "I", C, LATEST, "", LE, (), "", ""),
    ("CQ_KIEM_TRA", "Cơ quan, đơn vị được kiểm tra CCHC", "cơ quan", "I", C, SUM, "CQ_TONG", None, (), "", ""),
    ("TL_KIEM_TRA", "Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC", "%", "I", R, SUM, "", None,
     ("CQ_KIEM_TRA",), "CQ_TONG", ""),
    ("TIN_BAI", "Tin, bài tuyên truyền về CCHC", "tin, bài", "I", C, SUM, "", None, (), "", ""),
    ("SANG_KIEN", "Sáng kiến, giải pháp CCHC được công nhận", "sáng kiến", "I", C, SUM, "", None, (), "", ""),
    ("CHI_SO_CCHC", "Điểm Chỉ số CCHC của xã (kết quả tỉnh công bố gần nhất)", "điểm", "I", A, LATEST, "", None,
     (), "", "Quyết định công bố Chỉ số CCHC hằng năm của UBND tỉnh"),
    ("HANG_CCHC", "Xếp hạng Chỉ số CCHC của xã trong tỉnh", "hạng", "I", C, LATEST, "", None, (), "",
     "Quyết định công bố Chỉ số CCHC hằng năm của UBND tỉnh"),
    ("SIPAS", "Chỉ số hài lòng của người dân, tổ chức (SIPAS) đối với xã", "%", "I", A, LATEST, "", None, (), "",
     "Kết quả đo lường sự hài lòng (SIPAS) do tỉnh công bố"),
    ("VBQPPL_BAN_HANH", "Văn bản quy phạm pháp luật được ban hành", "văn bản", "II", C, SUM, "", None, (), "", ""),
    ("VBQPPL_RA_SOAT", "Văn bản quy phạm pháp luật được rà soát", "văn bản", "II", C, SUM, "", None, (), "", ""),
    ("TTHC_CONG_KHAI", "Thủ tục hành chính được công bố, công khai", "thủ tục", "III", C, LATEST, "", LE,
     (), "", SYSTEM),
    ("TTHC_TOAN_TRINH", "Thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "thủ tục", "III", C,
     LATEST, "TTHC_CONG_KHAI", None, (), "", SYSTEM),
    ("TTHC_MOT_PHAN", "Thủ tục hành chính cung cấp dịch vụ công trực tuyến một phần", "thủ tục", "III", C,
     LATEST, "TTHC_CONG_KHAI", None, (), "", SYSTEM),
    ("TL_TTHC_TOAN_TRINH", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "%", "III", R,
     SUM, "", None, ("TTHC_TOAN_TRINH",), "TTHC_CONG_KHAI", "Trên tổng số thủ tục hành chính công khai"),
    ("TL_TTHC_MOT_PHAN", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến một phần", "%", "III", R,
     SUM, "", None, ("TTHC_MOT_PHAN",), "TTHC_CONG_KHAI", "Trên tổng số thủ tục hành chính công khai"),
    ("HS_KY_TRUOC", "Hồ sơ từ kỳ trước chuyển sang", "hồ sơ", "III", C, FIRST, "", None, (), "", SYSTEM),
    ("HS_TIEP_NHAN", "Hồ sơ TTHC tiếp nhận", "hồ sơ", "III", C, SUM, "", EQ, (), "", SYSTEM),
    ("HS_TRUC_TIEP", "Hồ sơ tiếp nhận trực tiếp", "hồ sơ", "III", C, SUM, "HS_TIEP_NHAN", None, (), "", SYSTEM),
    ("HS_TRUC_TUYEN", "Hồ sơ tiếp nhận trực tuyến", "hồ sơ", "III", C, SUM, "HS_TIEP_NHAN", None, (), "", SYSTEM),
    ("HS_BUU_CHINH", "Hồ sơ tiếp nhận qua dịch vụ bưu chính công ích", "hồ sơ", "III", C, SUM, "HS_TIEP_NHAN",
     None, (), "", SYSTEM),
    ("HS_GIAI_QUYET", "Hồ sơ TTHC đã giải quyết", "hồ sơ", "III", C, SUM, "", EQ, (), "", SYSTEM),
    ("HS_TRUOC_HAN", "Hồ sơ giải quyết trước hạn", "hồ sơ", "III", C, SUM, "HS_GIAI_QUYET", None, (), "", SYSTEM),
    ("HS_DUNG_HAN", "Hồ sơ giải quyết đúng hạn", "hồ sơ", "III", C, SUM, "HS_GIAI_QUYET", None, (), "", SYSTEM),
    ("HS_QUA_HAN", "Hồ sơ giải quyết quá hạn", "hồ sơ", "III", C, SUM, "HS_GIAI_QUYET", LE, (), "", SYSTEM),
    ("HS_XIN_LOI", "Hồ sơ quá hạn có văn bản xin lỗi", "hồ sơ", "III", C, SUM, "HS_QUA_HAN", None, (), "", SYSTEM),
    ("HS_DANG_GIAI_QUYET", "Hồ sơ đang giải quyết tại thời điểm cuối kỳ", "hồ sơ", "III", C, LATEST, "", None,
     (), "", SYSTEM),
    ("HS_TT_TOAN_TRINH", "Hồ sơ trực tuyến toàn trình đã giải quyết", "hồ sơ", "III", C, SUM, "", None, (), "",
     SYSTEM),
    ("HS_TT_MOT_PHAN", "Hồ sơ trực tuyến một phần đã giải quyết", "hồ sơ", "III", C, SUM, "", None, (), "", SYSTEM),
    ("HS_CO_PHI", "Hồ sơ có nghĩa vụ tài chính (phí, lệ phí)", "hồ sơ", "III", C, SUM, "", LE, (), "", SYSTEM),
    ("HS_THANH_TOAN_TT", "Hồ sơ thanh toán trực tuyến", "hồ sơ", "III", C, SUM, "HS_CO_PHI", None, (), "", SYSTEM),
    ("HS_SO_HOA", "Hồ sơ TTHC được số hóa", "hồ sơ", "III", C, SUM, "", None, (), "", SYSTEM),
    ("KQ_SO_HOA", "Kết quả giải quyết TTHC được số hóa", "kết quả", "III", C, SUM, "", None, (), "", SYSTEM),
    ("TL_TRUC_TUYEN", "Tỷ lệ hồ sơ trực tuyến (toàn trình và một phần)", "%", "III", R, SUM, "", None,
     ("HS_TT_TOAN_TRINH", "HS_TT_MOT_PHAN"), "HS_GIAI_QUYET", OVER_RESOLVED),
    ("TL_TOAN_TRINH", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "III", R, SUM, "", None,
     ("HS_TT_TOAN_TRINH",), "HS_GIAI_QUYET", OVER_RESOLVED),
    ("TL_MOT_PHAN", "Tỷ lệ hồ sơ trực tuyến một phần", "%", "III", R, SUM, "", None,
     ("HS_TT_MOT_PHAN",), "HS_GIAI_QUYET", OVER_RESOLVED),
    ("TL_THANH_TOAN", "Tỷ lệ hồ sơ thanh toán trực tuyến", "%", "III", R, SUM, "", None,
     ("HS_THANH_TOAN_TT",), "HS_CO_PHI", "QĐ 766/QĐ-TTg: trên hồ sơ có nghĩa vụ tài chính"),
    ("TL_DUNG_HAN", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "III", R, SUM, "", None,
     ("HS_TRUOC_HAN", "HS_DUNG_HAN"), "HS_GIAI_QUYET", "QĐ 766/QĐ-TTg: trên tổng số hồ sơ đã giải quyết"),
    ("TL_SO_HOA", "Tỷ lệ hồ sơ TTHC được số hóa", "%", "III", R, SUM, "", None, ("HS_SO_HOA",), "HS_TIEP_NHAN",
     "QĐ 766/QĐ-TTg, nhóm số hóa: trên hồ sơ tiếp nhận"),
    ("TL_SO_HOA_KQ", "Tỷ lệ kết quả giải quyết TTHC được số hóa", "%", "III", R, SUM, "", None, ("KQ_SO_HOA",),
     "HS_GIAI_QUYET", "QĐ 766/QĐ-TTg, nhóm số hóa: trên hồ sơ đã giải quyết (tính riêng với số hóa hồ sơ)"),
    ("TL_XIN_LOI", "Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi", "%", "III", R, SUM, "", None, ("HS_XIN_LOI",),
     "HS_QUA_HAN", "Trên hồ sơ giải quyết quá hạn"),
    ("PAKN_TIEP_NHAN", "Phản ánh, kiến nghị về quy định hành chính tiếp nhận", "phản ánh, kiến nghị", "III",
     C, SUM, "", LE, (), "", SYSTEM),
    ("PAKN_DA_XU_LY", "Phản ánh, kiến nghị đã xử lý", "phản ánh, kiến nghị", "III", C, SUM, "PAKN_TIEP_NHAN",
     None, (), "", SYSTEM),
    ("PAKN_DEN_HAN", "Phản ánh, kiến nghị đến hạn xử lý", "phản ánh, kiến nghị", "III", C, SUM, "", LE, (), "",
     SYSTEM),
    ("PAKN_DUNG_HAN", "Phản ánh, kiến nghị xử lý đúng hạn", "phản ánh, kiến nghị", "III", C, SUM, "PAKN_DEN_HAN",
     None, (), "", SYSTEM),
    ("TL_PAKN_DUNG_HAN", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "%", "III", R, SUM, "", None,
     ("PAKN_DUNG_HAN",), "PAKN_DEN_HAN", "QĐ 766/QĐ-TTg: xử lý đúng hoặc trước hạn trên số đến hạn xử lý"),
    ("HAI_LONG_766", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "%", "III", A, LATEST, "", None, (), "",
     PORTAL_766),
    ("DIEM_766", "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (766) của xã", "điểm", "III", A, LATEST, "", None,
     (), "", PORTAL_766),
    ("HANG_766", "Xếp hạng Bộ chỉ số 766 của xã trong tỉnh", "hạng", "III", C, LATEST, "", None, (), "",
     PORTAL_766),
    ("CBCC_DAO_TAO", "Lượt cán bộ, công chức được đào tạo, bồi dưỡng", "lượt người", "V", C, SUM, "", None, (), "",
     ""),
    ("KINH_PHI_CCHC", "Kinh phí thực hiện nhiệm vụ CCHC", "triệu đồng", "VI", A, SUM, "", None, (), "", ""),
    ("VB_DIEN_TU", "Văn bản đi được gửi dưới dạng điện tử", "văn bản", "VII", C, SUM, "", LE, (), "", DOCUMENTS),
    ("VB_KY_SO", "Văn bản điện tử được ký số", "văn bản", "VII", C, SUM, "VB_DIEN_TU", None, (), "", DOCUMENTS),
    ("TL_KY_SO", "Tỷ lệ văn bản điện tử được ký số", "%", "VII", R, SUM, "", None, ("VB_KY_SO",), "VB_DIEN_TU",
     "Trên văn bản đi gửi dưới dạng điện tử"),
)

# Targets the law sets whatever the plan says: every dossier resolved late must carry a letter of apology
# to the citizen with a new date for the result (NĐ 61/2018/NĐ-CP, Mẫu số 04 «Phiếu xin lỗi và hẹn lại ngày
# trả kết quả»; the one-stop rules now in NĐ 118/2025/NĐ-CP keep the duty). A target the plan states wins.
DEFAULT_TARGETS: dict[str, tuple[float, str]] = {
    "TL_XIN_LOI": (100.0, "Theo quy định: mọi hồ sơ giải quyết quá hạn phải có văn bản xin lỗi, hẹn lại ngày trả "
                          "kết quả (NĐ 61/2018/NĐ-CP, nay NĐ 118/2025/NĐ-CP)"),
}

KIND_LABELS = {C: "Số lượng", A: "Giá trị", R: "Tỷ lệ (tự tính)"}
AGGREGATION_LABELS = {SUM: "Cộng dồn các kỳ", LATEST: "Số mới nhất", FIRST: "Số đầu kỳ"}
PART_RULE_LABELS = {EQ: "Bằng tổng các thành phần", LE: "Không nhỏ hơn từng thành phần", PartRule.NONE: ""}

_PERCENT = re.compile(r"(tối thiểu|ít nhất|trên|đạt|tăng)?\s*(\d+(?:[,.]\d+)?)\s*%", re.IGNORECASE)


def section_reporter(plan: Plan, section: str) -> str:
    """The agency that most often leads this section's items alone."""
    leads = Counter(i.lead[0] for i in plan.items if i.section == section and len(i.lead) == 1)
    return leads.most_common(1)[0][0] if leads else (plan.agencies[0].code if plan.agencies else "")


_LOCALITY_WORD = re.compile(r"\bxã\b")


def default_indicators(plan: Plan) -> tuple[Indicator, ...]:
    """The default set, each assigned to the agency that leads its section,
    with the targets the law sets (DEFAULT_TARGETS) and those the plan states proposed."""
    # Sections attach by what they are about, not by their numeral; a ward's set says «phường».
    locality = locality_of(plan.meta.issuer) or "xã"
    result = []
    for code, name, unit, area, kind, aggregation, part_of, rule, numerator, denominator, source in DEFAULTS:
        name = _LOCALITY_WORD.sub(locality, name)
        section = section_for_area(plan, area)
        if section is None:
            continue
        agency = "" if kind == R else section_reporter(plan, section)
        target, note = DEFAULT_TARGETS.get(code, (None, ""))
        result.append(Indicator(code, name, unit, section, agency, kind, aggregation, part_of,
                                rule or PartRule.NONE, tuple(numerator), denominator, target, note, source))
    indicators = tuple(result)
    taken: set[str] = set()
    for proposal in proposed_targets(plan, indicators):
        if not proposal.code or proposal.code in taken:
            continue   # the plan's first statement of a target wins; later ones are listed by `plan check`
        taken.add(proposal.code)
        indicators = tuple(
            replace(i, target=proposal.target, target_note=proposal.note) if i.code == proposal.code else i
            for i in indicators
        )
    return indicators


def in_locality(indicators: tuple[Indicator, ...], locality: str) -> tuple[Indicator, ...]:
    """The default set's names in the locality's words («… của phường») where the workbook has them
    as written for another one (made before its issuer became a ward); names the officer wrote
    are kept (`plan check` names them)."""
    defaults = {code: name for code, name, *_ in DEFAULTS}
    return tuple(replace(i, name=said) if i.code in defaults
                 and (said := localized(i.name, locality, (defaults[i.code],))) != i.name else i
                 for i in indicators)


@dataclass(frozen=True)
class Proposal:
    item: str
    phrase: str
    code: str       # the rate indicator it fits, "" when none does
    target: float

    @property
    def note(self) -> str:
        return f"Đề xuất từ {self.item}: «{self.phrase}»"


# What a target statement must say to be about a rate: (all of, any of, none of), in folded words and
# matched as whole phrases — never single syllables: "hồ sơ" and "ký số" both fold to "... so", and a
# word-overlap match once put "100% văn bản … ký số" on the online-dossier rate.
_UNIT = ("thu tuc", "tthc", "dich vu cong", "dvc")
_NOT_DOSSIER_RATE = ("ky so", "thanh toan", "so hoa")
MEANINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "TL_KIEM_TRA": (("kiem tra",), (), ()),
    "TL_KY_SO": (("ky so",), (), ()),
    "TL_TRUC_TUYEN": (("ho so", "truc tuyen"), (), ("toan trinh", "mot phan", *_NOT_DOSSIER_RATE)),
    "TL_TOAN_TRINH": (("ho so", "toan trinh"), (), _NOT_DOSSIER_RATE),
    "TL_MOT_PHAN": (("ho so", "mot phan"), (), _NOT_DOSSIER_RATE),
    "TL_TTHC_TOAN_TRINH": (("toan trinh",), _UNIT, ("ho so",)),
    "TL_TTHC_MOT_PHAN": (("mot phan",), _UNIT, ("ho so",)),
    "TL_THANH_TOAN": (("thanh toan",), (), ("ky so",)),
    "TL_SO_HOA": (("so hoa", "ho so"), (), ("ky so",)),
    "TL_SO_HOA_KQ": (("so hoa", "ket qua"), (), ("ky so",)),
    "TL_DUNG_HAN": (("ho so",), ("dung han", "truoc han"), ("phan anh", "kien nghi", "ky so")),
    "TL_XIN_LOI": (("xin loi",), (), ()),
    "TL_PAKN_DUNG_HAN": ((), ("phan anh", "kien nghi"), ()),
}
_CLAUSES = re.compile(r";|\n|\.\s|:\s")


def target_meanings(text: str, codes: set[str] | None = None) -> list[str]:
    """The rate indicators a target statement is about, by what it says
    (a statement may name two, e.g. "số hóa hồ sơ, kết quả … 100%")."""
    words = f" {' '.join(re.findall(r'[0-9a-zđ]+', fold(text)))} "

    def has(phrase: str) -> bool:
        return f" {phrase} " in words

    found = []
    for code, (all_of, any_of, none_of) in MEANINGS.items():
        if codes is not None and code not in codes:
            continue
        if all(map(has, all_of)) and (not any_of or any(map(has, any_of))) and not any(map(has, none_of)):
            found.append(code)
    return found


def proposed_targets(plan: Plan, indicators: tuple[Indicator, ...]) -> list[Proposal]:
    """Percentages the plan states ("tối thiểu 20% …", "100% văn bản …"),
    each matched by meaning to the rate indicators it is about."""
    rates = {i.code for i in indicators if i.kind == R}
    proposals = []
    for item in plan.items:
        first_product = item.id.count(".") == 1 or item.id.endswith(".1")
        for text in ((item.task, item.product) if first_product else (item.product,)):
            for match in _PERCENT.finditer(text):
                value = float(match.group(2).replace(",", "."))
                clause = _clause(text, match.start())
                codes = target_meanings(clause, rates) or [""]
                proposals.extend(Proposal(item.id, _quote(text, match.start()), code, value) for code in codes)
    return proposals


def _quote(text: str, at: int, before: int = 5, after: int = 90) -> str:
    """The target as the plan states it, for quoting: the few words of its clause
    before the percentage (what it is about: «…kiểm tra CCHC tối thiểu 20% các
    cơ quan», not «tối thiểu 20% các cơ quan») and the clause after it, cut at a word."""
    start = max((m.end() for m in _CLAUSES.finditer(text, 0, at)), default=0)
    head = text[start:at].split()
    lead = ("…" if len(head) > before else "") + " ".join(head[-before:])
    tail = _CLAUSES.split(text[at:], maxsplit=1)[0].strip()
    if len(tail) > after:
        cut = tail[:after]
        comma = cut.rfind(", ")            # a comma cuts between phrases; a space may split a word
        tail = (cut[:comma] if comma > after // 2 else cut.rsplit(" ", 1)[0].rstrip(",")) + "…"
    return f"{lead} {tail}".strip()


def _clause(text: str, at: int) -> str:
    """The part of the text the percentage belongs to (between ; . : or line breaks)."""
    cuts = [0, *(m.end() for m in _CLAUSES.finditer(text)), len(text) + 1]
    for begin, end in zip(cuts, cuts[1:]):
        if begin <= at < end:
            return text[begin:end]
    return text


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
    """The value over [start, end]: the sum of the increments inside it, the
    latest one for a stock at the end, the earliest for a stock at the start
    (dossiers carried over). None when nothing was reported."""
    inside = sorted((i for i in increments if i.start >= start and i.end <= end), key=lambda i: i.end)
    if not inside:
        return None
    if indicator.aggregation == LATEST:
        return inside[-1].value
    if indicator.aggregation == FIRST:
        return inside[0].value
    return sum(i.value for i in inside)


def rate(indicator: Indicator, values: dict[str, float | None]) -> float | None:
    """A rate in percent from its counts; None when a count is missing or the
    denominator is zero."""
    top = [values.get(code) for code in indicator.numerator]
    bottom = values.get(indicator.denominator)
    if any(v is None for v in top) or not bottom:
        return None
    return 100 * sum(top) / bottom


# The scores the commune is judged by, told once in section I's sub-point (report.py "indices"), not among
# the figures of their sections.
INDEX_CODES = ("CHI_SO_CCHC", "HANG_CCHC", "SIPAS", "DIEM_766", "HANG_766", "HAI_LONG_766")


def index_results(values: dict[str, float | None], locality: str = "xã") -> str:
    """One paragraph on the CCHC index, SIPAS and the 766 index from the
    figures that exist; "" when none was reported."""
    def has(code: str) -> bool:
        return values.get(code) is not None

    def rank(code: str, where: str) -> str:
        return f", xếp thứ {decimal_text(values[code])}{where}" if has(code) else ""

    parts = []
    if has("CHI_SO_CCHC"):
        parts.append(f"Chỉ số cải cách hành chính của {locality} (kết quả tỉnh công bố gần nhất) đạt "
                     f"{decimal_text(values['CHI_SO_CCHC'])} điểm{rank('HANG_CCHC', ' trong tỉnh')}")
    elif has("HANG_CCHC"):
        parts.append(f"Chỉ số cải cách hành chính của {locality} (kết quả tỉnh công bố gần nhất) xếp thứ "
                     f"{decimal_text(values['HANG_CCHC'])} trong tỉnh")
    if has("SIPAS"):
        parts.append(f"Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS) "
                     f"đạt {decimal_text(values['SIPAS'])}%")
    service = []
    if has("DIEM_766"):
        service.append(f"đạt {decimal_text(values['DIEM_766'])}/100 điểm{rank('HANG_766', ' trong tỉnh')}")
    elif has("HANG_766"):
        service.append(f"xếp thứ {decimal_text(values['HANG_766'])} trong tỉnh")
    if has("HAI_LONG_766"):
        service.append(f"tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính đạt "
                       f"{decimal_text(values['HAI_LONG_766'])}%")
    if service:
        parts.append("Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công "
                     "(Bộ chỉ số 766, số liệu công bố mới nhất trên Cổng Dịch vụ công quốc gia) "
                     + "; ".join(service))
    return f"Về kết quả các chỉ số đánh giá: {'; '.join(parts)}." if parts else ""


def format_value(indicator: Indicator, value: float | None) -> str:
    """A figure as the report prints it, the same in the body and the annex: a rate with one
    decimal and none when zero ('98,9%', '25%'); a value typed with its own decimals ('82,35'),
    with '%' when its unit is a percentage (SIPAS '86,2%')."""
    if value is None:
        return "—"
    if indicator.kind == R:
        return percent_text(value, judged=indicator.target is not None)
    return decimal_text(value) + ("%" if indicator.unit.strip() == "%" else "")


def reached(indicator: Indicator, value: float | None) -> bool | None:
    """Whether the value meets the indicator's target; None when either is missing."""
    if indicator.target is None or value is None:
        return None
    return value >= indicator.target


def met(indicator: Indicator, value: float | None) -> str:
    verdict = reached(indicator, value)
    return "" if verdict is None else "Đạt" if verdict else "Chưa đạt"


def target_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return ""
    shown = decimal_text(indicator.target)
    return f"≥ {shown}%" if indicator.kind == R else f"≥ {shown}"


def share(part: float | None, total: float | None) -> str:
    return percent(part, total) if part is not None and total else "—"
