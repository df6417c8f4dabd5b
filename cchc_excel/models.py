"""The domain model as frozen dataclasses: plan, sections, tasks, items,
agencies, timeframes, reporting periods, settings, statuses and findings.

The answers agencies send (``Answer``, ``Intake``…) are in :mod:`answers`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class TimeframeKind(str, Enum):
    RECURRING = "recurring"      # Thường xuyên, Định kỳ hằng quý…
    DEADLINE = "deadline"        # Trước ngày 15/01/2026
    SCHEDULED = "scheduled"      # Tháng 01/2026, Quý I, IV/2026
    CONDITIONAL = "conditional"  # Khi có phát sinh, Theo yêu cầu…
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Timeframe:
    text: str
    kind: TimeframeKind
    # Calendar spans (inclusive) for SCHEDULED, (deadline, deadline) for DEADLINE.
    spans: tuple[tuple[dt.date, dt.date], ...] = ()
    # Years written in the text, to spot a 2025 inside a 2026 plan.
    years: tuple[int, ...] = ()

    @property
    def end(self) -> dt.date | None:
        return max(s[1] for s in self.spans) if self.spans else None


class Status(str, Enum):
    """What an agency says about a product in a period; the one status type.

    The value is a stable key (JSON, tests); the Vietnamese label the forms
    offer and the reports print lives here only (:attr:`label`), with the
    guide text the forms show (:attr:`guide`). Members are in dropdown order.
    """

    DONE = "done"                  # the product is finished
    CARRIED_OUT = "carried_out"    # a recurring / "khi phát sinh" task carried out in the period
    IN_PROGRESS = "in_progress"    # started, not finished
    NOT_STARTED = "not_started"
    NOT_ARISEN = "not_arisen"      # "khi phát sinh" task with no occasion in the period

    @property
    def label(self) -> str:
        return _STATUS_TEXT[self][0]

    @property
    def guide(self) -> str:
        return _STATUS_TEXT[self][1]


_STATUS_TEXT = {
    Status.DONE: ("Đã hoàn thành",
                  "Sản phẩm đã xong: ghi ngày hoàn thành và văn bản/sản phẩm minh chứng."),
    Status.CARRIED_OUT: ("Đã thực hiện trong kỳ",
                         "Nhiệm vụ thường xuyên, định kỳ hoặc khi phát sinh đã được thực hiện trong kỳ: "
                         "ghi kết quả đã làm trong kỳ."),
    Status.IN_PROGRESS: ("Đang thực hiện", "Đã triển khai, chưa xong: ghi phần việc đã làm."),
    Status.NOT_STARTED: ("Chưa thực hiện", "Chưa triển khai: ghi lý do ở cột «Khó khăn, vướng mắc»."),
    Status.NOT_ARISEN: ("Chưa phát sinh",
                        "Chỉ dùng cho nhiệm vụ «khi có phát sinh/theo yêu cầu» mà trong kỳ chưa có."),
}


class AgencyKind(str, Enum):
    OWN = "own"          # the commune's own body (phòng, văn phòng, trung tâm)
    PARTNER = "partner"  # outside partner (Bưu điện xã): only items naming it


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    kind: AgencyKind = AgencyKind.OWN
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """A product row of the plan: the unit of reporting."""

    id: str                       # I.1, I.5.2, VI.1.3
    section: str                  # I … VII
    task_number: str              # "5" as printed in the TT column
    task: str                     # Nội dung/Nhiệm vụ
    product: str                  # Hoạt động/Sản phẩm
    lead_text: str                # the cells as written (after inheritance)
    coordinators_text: str
    lead: tuple[str, ...]         # agency codes (group phrase expanded)
    coordinators: tuple[str, ...]
    lead_is_group: bool = False   # "Các cơ quan, đơn vị…" as lead
    optional_coordinators: bool = False  # "… có liên quan" as coordinator
    unknown_names: tuple[str, ...] = ()  # agency names not in the registry
    timeframe: Timeframe = field(default_factory=lambda: Timeframe("", TimeframeKind.UNKNOWN))
    source_row: int = 0           # row in the source table (1-based, as the user sees it)

    def role_of(self, code: str) -> str | None:
        """'lead', 'coordinator' or None for an agency code."""
        if code in self.lead:
            return "lead"
        if code in self.coordinators:
            return "coordinator"
        return None


@dataclass(frozen=True)
class Task:
    number: str
    content: str
    items: tuple[Item, ...]
    group: str = ""   # the sub-group heading the task sits under, as printed ("a) Kiểm soát TTHC")


@dataclass(frozen=True)
class Section:
    code: str         # Roman numeral without dot
    title: str        # as in the plan, e.g. "CẢI CÁCH THỂ CHẾ"
    short_name: str   # ≤ 31 characters, valid as an Excel sheet name
    tasks: tuple[Task, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for task in self.tasks for item in task.items)

    @property
    def is_direction(self) -> bool:
        """The «chỉ đạo, điều hành» section: part I of the report; every other
        section is a numbered field under part II, in plan order."""
        from .textnorm import fold

        key = fold(self.title)
        return "chi dao" in key and "dieu hanh" in key


@dataclass(frozen=True)
class PlanMeta:
    issuer: str = ""        # "UBND xã Xuân Trường"
    commune: str = ""       # "Xuân Trường"
    number: str = ""        # "03/KH-UBND"
    date: dt.date | None = None
    year: int | None = None
    title: str = ""


class IndicatorKind(str, Enum):
    COUNT = "count"      # số lượng: hồ sơ, văn bản, lượt người
    AMOUNT = "amount"    # giá trị: tiền, diện tích…
    RATE = "rate"        # tỷ lệ %: computed from two counts, never typed


class Aggregation(str, Enum):
    SUM = "sum"          # year to date = sum of the periods (hồ sơ tiếp nhận)
    LATEST = "latest"    # year to date = the latest value (số TTHC đang công khai)
    FIRST = "first"      # year to date = the earliest value (hồ sơ từ kỳ trước chuyển sang)


class PartRule(str, Enum):
    NONE = ""
    AT_MOST = "at_most"  # each part ≤ the total
    EQUAL = "equal"      # the parts add up to the total exactly


@dataclass(frozen=True)
class Indicator:
    """A figure agencies report each period ("Số liệu")."""

    code: str
    name: str
    unit: str
    section: str                     # plan section code (I … VII)
    agency: str                      # agency code that reports it ("" for rates)
    kind: IndicatorKind = IndicatorKind.COUNT
    aggregation: Aggregation = Aggregation.SUM
    part_of: str = ""                # code of the total this is a part of
    parts_rule: PartRule = PartRule.NONE   # on a total: how its parts relate to it
    numerator: tuple[str, ...] = ()  # for rates: codes added up above the line
    denominator: str = ""            # for rates: the code below the line
    target: float | None = None      # for rates: a percentage; for counts: a number
    target_note: str = ""            # where the target comes from ("đề xuất từ I.3: tối thiểu 20%")
    source: str = ""                 # where the figure is taken from / the definition it follows

    @property
    def typed(self) -> bool:
        return self.kind != IndicatorKind.RATE


@dataclass(frozen=True)
class Plan:
    meta: PlanMeta
    sections: tuple[Section, ...]
    agencies: tuple[Agency, ...]
    source: str = ""        # where it was read from, for messages
    indicators: tuple[Indicator, ...] = ()

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for s in self.sections for t in s.tasks)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def agency(self, code: str) -> Agency:
        for agency in self.agencies:
            if agency.code == code:
                return agency
        raise KeyError(code)

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def section(self, code: str) -> Section:
        for section in self.sections:
            if section.code == code:
                return section
        raise KeyError(code)


# The reports a commune sends in a year, by default (DESIGN §3).
DEFAULT_SCHEDULE = ("Q1", "S1", "Q3", "Y")


@dataclass(frozen=True)
class Settings:
    """What the officer sets once: used on forms and reports."""

    commune: str = ""             # Xuân Trường
    locality: str = "xã"          # xã, phường or đặc khu: the word before the name («UBND phường Bến Thành»)
    place: str = ""               # place name on the date line
    issuer_upper: str = ""        # ỦY BAN NHÂN DÂN
    signer_name: str = ""
    # NĐ 30/2020, Phụ lục I: the Chủ tịch signs the UBND's report «TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH»; a deputy
    # signs «TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH» (the officer sets both).
    signer_title: str = "CHỦ TỊCH"       # CHỦ TỊCH / PHÓ CHỦ TỊCH
    signer_authority: str = ""            # «KT. CHỦ TỊCH» when a deputy signs
    recipients: tuple[str, ...] = ()
    contact: str = ""             # whom agencies call with questions
    return_days: int = 3          # working days before the report day to send forms back (deadlines.py)
    report_days: tuple[tuple[str, int, int], ...] = ()   # (period kind, day, month): report sent to the province
    extra_days_off: tuple[dt.date, ...] = ()      # days off the holiday calendar does not know
    extra_working_days: tuple[dt.date, ...] = ()  # swapped Saturdays worked, or holidays the province cancels
    schedule: tuple[str, ...] = DEFAULT_SCHEDULE   # period kinds reported in a year
    province_plan: str = ""       # the province's CCHC plan the report cites («Căn cứ …»)
    leading_zero: bool = True     # counts below ten written «06 văn bản», as the commune's reports do

    @property
    def body(self) -> str:
        """«UBND xã Xuân Trường», «UBND phường Bến Thành»: how the report names its issuer."""
        return f"UBND {self.locality} {self.commune}".rstrip()


@dataclass(frozen=True)
class Period:
    id: str             # 2026Q1, 2026S1, 2026Q3, 2026 …
    kind: str           # Q1 Q2 Q3 Q4 S1 S2 M9 Y
    year: int
    name: str           # Quý I, 6 tháng, Năm
    start: dt.date      # data window, inclusive
    end: dt.date
    title: str          # "quý I năm 2026"


class Severity(str, Enum):
    ERROR = "error"      # blocks the report
    WARNING = "warning"  # shown, does not block
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """A problem found in the data, kept as data: a catalogue code (which
    fixes its severity), the parameters of its message and where it is.
    ``message`` and ``fix`` render it in Vietnamese (:func:`messages.describe`)."""

    code: str
    severity: Severity
    params: tuple[tuple[str, str], ...] = ()
    item: str = ""
    agency: str = ""
    file: str = ""
    sheet: str = ""
    cell: str = ""
    column: str = ""   # form column key (status, result…) for highlighting a feedback copy

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.ERROR

    @property
    def message(self) -> str:
        from .messages import describe

        return describe(self)[0]

    @property
    def fix(self) -> str:
        from .messages import describe

        return describe(self)[1]
