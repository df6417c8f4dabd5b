"""The officer's plan workbook (ke-hoach-cchc.xlsx): settings, agencies, tasks.

It is the one place the officer edits: every command reads the plan from it.
The "Nhiệm vụ" sheet has the shape of the plan's own appendix table, so it is
read by the same importer as any .xlsx plan.

Read with python-calamine (:mod:`xlsxread`); written with openpyxl by
:mod:`planbook_writer`, which only the commands that write it import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import indicatorbook
from .agencies import short_code, unique_code
from .indicators import default_indicators
from .messages import CchcError, phrase
from .models import DEFAULT_SCHEDULE, Agency, AgencyKind, Plan, PlanMeta, Settings
from .plan import build_plan
from .plan_meta import LOCALITY_WORDS, default_recipients, locality_of
from .plan_sources import sheet_table
from .textnorm import clean, fold, slug
from .xlsxread import Book as Workbook
from .xlsxread import open_xlsx

FILENAME = "ke-hoach-cchc.xlsx"
SHEET_SETTINGS = "Thiết lập"
SHEET_AGENCIES = "Cơ quan"
SHEET_TASKS = "Nhiệm vụ"
KIND_LABELS = {AgencyKind.OWN: "Cơ quan của xã", AgencyKind.PARTNER: "Đối tác bên ngoài"}

# key, label, note — the rows of the settings sheet.
SETTING_ROWS = (
    ("issuer", "Cơ quan ban hành kế hoạch", "Ví dụ: UBND xã Xuân Trường"),
    ("commune", "Tên xã, phường", "Không ghi chữ «xã», «phường». Ví dụ: Xuân Trường"),
    ("locality", "Cấp hành chính", "xã, phường hoặc đặc khu: ghi ở đầu báo cáo («XÃ XUÂN TRƯỜNG») và trong "
                                   "câu «UBND xã Xuân Trường báo cáo…»"),
    ("plan_number", "Số kế hoạch", "Ví dụ: 03/KH-UBND"),
    ("plan_date", "Ngày ban hành kế hoạch", "Ngày/tháng/năm, ví dụ 10/01/2026"),
    ("year", "Năm kế hoạch", "Ví dụ: 2026"),
    ("plan_title", "Tên phụ lục nhiệm vụ", "Dòng tiêu đề của bảng nhiệm vụ"),
    ("place", "Địa danh ghi ngày tháng", "Dùng ở dòng «…, ngày … tháng … năm …» của báo cáo"),
    ("signer_authority", "Thẩm quyền ký", "«KT. CHỦ TỊCH» khi Phó Chủ tịch ký; để trống khi Chủ tịch ký"),
    ("signer_title", "Chức vụ người ký", "PHÓ CHỦ TỊCH hoặc CHỦ TỊCH"),
    ("signer_name", "Họ và tên người ký", "Ví dụ: Nguyễn Văn A"),
    ("recipients", "Nơi nhận", "Mỗi nơi nhận một dòng (Alt+Enter để xuống dòng)"),
    ("contact", "Đầu mối hướng dẫn các cơ quan", "Ghi trên trang Hướng dẫn của biểu mẫu"),
    ("report_days", "Ngày gửi báo cáo lên tỉnh",
     ("Theo văn bản của tỉnh, ví dụ: Quý I: 16/03; 6 tháng: 16/06; Quý III: 16/09; Năm: 16/12 "
      "(hoặc một số, ví dụ 16: ngày 16 tháng cuối kỳ). Để trống: tạm tính ngày 20 tháng cuối kỳ")),
    ("return_days", "Số ngày làm việc gửi lại biểu mẫu",
     "Các cơ quan gửi lại biểu mẫu trước ngày gửi báo cáo lên tỉnh bấy nhiêu ngày làm việc; ví dụ 3"),
    ("extra_days_off", "Ngày nghỉ thêm", "Ngày nghỉ lễ, nghỉ bù chưa có trong lịch; cách nhau bằng dấu ;"),
    ("extra_working_days", "Ngày làm việc bù",
     "Thứ Bảy làm bù, hoặc ngày nghỉ được đổi thành ngày làm việc; cách nhau bằng dấu ;"),
    ("province_plan", "Kế hoạch CCHC của tỉnh (căn cứ)",
     "Ghi vào dòng «Căn cứ» của báo cáo, ví dụ: Kế hoạch số 245/KH-UBND ngày 25/12/2025 của UBND tỉnh Ninh Bình về "
     "cải cách hành chính năm 2026"),
    ("leading_zero", "Viết số 0 trước số nhỏ hơn 10", "Có: «06 văn bản» (như văn bản của xã); Không: «6 văn bản»"),
    ("schedule", "Các kỳ báo cáo trong năm", "Cách nhau bằng dấu ;  ví dụ: Quý I; 6 tháng; Quý III; Năm. "
                                              "Số liệu mỗi kỳ tính từ sau kỳ báo cáo trước"),
)
SCHEDULE_LABELS = {"Q1": "Quý I", "Q2": "Quý II", "S1": "6 tháng", "Q3": "Quý III", "M9": "9 tháng",
                   "Q4": "Quý IV", "Y": "Năm"}


def default_settings(meta: PlanMeta) -> Settings:
    commune = meta.commune
    locality = locality_of(meta.issuer) or "xã"
    return Settings(
        commune=commune,
        locality=locality,
        place=commune,
        issuer_upper="ỦY BAN NHÂN DÂN",
        recipients=default_recipients(locality),
        contact="Phòng Văn hóa - Xã hội (đầu mối CCHC)",
    )


def write_workbook(plan: Plan, settings: Settings, path: Path, flagged: dict[str, str] | None = None) -> Path:
    """Write the workbook (openpyxl): ``flagged``, agency code -> a note for the officer to confirm."""
    from .planbook_writer import write_workbook as write  # openpyxl only where the workbook is written

    return write(plan, settings, path, flagged)


# --- reading ---------------------------------------------------------------


@dataclass
class Book:
    """The parts of a plan workbook that do not depend on its task table."""

    path: Path
    workbook: Workbook
    meta: PlanMeta
    settings: Settings
    agencies: tuple[Agency, ...]
    problems: list[CchcError] = field(default_factory=list)   # bad settings and agency rows, far cells

    @property
    def flags(self) -> dict[str, str]:
        """Agency code -> the «Cần xác nhận» note the officer has not cleared yet."""
        sheet = self.workbook[SHEET_AGENCIES]
        return {clean(row[0].value): clean(row[4].value) for row in sheet.iter_rows(min_row=2, max_col=5)
                if len(row) > 4 and clean(row[0].value) and clean(row[4].value)}

    @property
    def indicator_sheet(self):
        return self.workbook[indicatorbook.SHEET] if indicatorbook.SHEET in self.workbook.sheetnames else None

    def tasks_table(self):
        return [sheet_table(self.workbook[SHEET_TASKS])]      # the workbook already read, not a second time


def open_book(path: Path) -> Book:
    """Settings, agencies and the plan's metadata of a workbook."""
    path = Path(path)
    workbook = open_xlsx(path)
    for name in (SHEET_SETTINGS, SHEET_AGENCIES, SHEET_TASKS):
        if name not in workbook.sheetnames:
            raise CchcError("WORKBOOK_MISSING_SHEET", file=path, sheet=name)
    # Content too far away to be read, in a sheet the tool reads: named, never dropped silently.
    problems = workbook.far_cells([SHEET_SETTINGS, SHEET_AGENCIES, SHEET_TASKS, indicatorbook.SHEET])
    values = _read_settings(workbook[SHEET_SETTINGS], path, problems)
    agencies = _read_agencies(workbook[SHEET_AGENCIES], path, problems)
    meta = PlanMeta(
        issuer=values.get("issuer", ""),
        commune=values.get("commune", ""),
        number=values.get("plan_number", ""),
        date=values.get("plan_date"),
        year=values.get("year"),
        title=values.get("plan_title", ""),
    )
    defaults = default_settings(meta)
    recipients = tuple(
        line.strip(" -;.") for line in str(values.get("recipients", "")).split("\n") if line.strip(" -;.")
    )
    settings = Settings(
        commune=meta.commune,
        locality=values.get("locality") or defaults.locality,
        place=values.get("place") or meta.commune,
        issuer_upper=defaults.issuer_upper,
        signer_name=values.get("signer_name", ""),
        signer_title=values.get("signer_title", "") or "CHỦ TỊCH",
        signer_authority=values.get("signer_authority", ""),
        recipients=recipients,
        contact=values.get("contact", ""),
        return_days=values.get("return_days", 3),
        report_days=values.get("report_days") or (),
        extra_days_off=values.get("extra_days_off") or (),
        extra_working_days=values.get("extra_working_days") or (),
        schedule=values.get("schedule") or DEFAULT_SCHEDULE,
        province_plan=values.get("province_plan", ""),
        leading_zero=values.get("leading_zero", True),
    )
    return Book(path, workbook, meta, settings, agencies, problems)


def read_workbook(path: Path) -> tuple[Plan, Settings]:
    """The plan and settings of a workbook; every problem found in its sheets
    is named in one message (settings, agencies, task rows, indicators)."""
    book = open_book(path)
    problems = list(book.problems)
    plan = None
    try:
        plan = build_plan(book.tasks_table(), book.path, agencies=book.agencies, meta=book.meta)
        sheet = book.indicator_sheet
        if sheet is not None:
            plan = replace(plan, indicators=indicatorbook.read_sheet(sheet, book.path, plan))
        else:
            plan = replace(plan, indicators=default_indicators(plan))
    except CchcError as exc:
        problems.append(exc)
    raise_all(book.path, problems)
    return plan, book.settings


def setting_cells(path: Path) -> dict[str, str]:
    """The cell holding each setting's value, as the officer's sheet has it
    (rows may have been moved), else where the workbook was written."""
    cells = {key: f"C{row}" for row, (key, _, _) in enumerate(SETTING_ROWS, start=4)}
    labels = {fold(label): key for key, label, _ in SETTING_ROWS}
    try:
        for row in open_xlsx(Path(path))[SHEET_SETTINGS].iter_rows(max_col=3):
            key = clean(row[0].value)
            if key not in cells:
                key = labels.get(fold(row[1].value), "")
            if key:
                cells[key] = row[2].coordinate
    except (CchcError, KeyError, OSError, ValueError):     # the layout's cells are still right for most
        pass
    return cells


def indicator_cells(path: Path) -> dict[str, str]:
    """The cell holding each indicator's name in the «Chỉ tiêu» sheet, by indicator code."""
    columns = {key: n for n, (key, _, _) in enumerate(indicatorbook.COLUMNS)}
    labels = {fold(label): key for key, label, _ in indicatorbook.COLUMNS}
    cells: dict[str, str] = {}
    try:
        rows = open_xlsx(Path(path))[indicatorbook.SHEET].iter_rows()
        header = [labels.get(fold(c.value), "") for c in next(rows)]
        code = header.index("code") if "code" in header else columns["code"]
        name = header.index("name") if "name" in header else columns["name"]
        for row in rows:
            if len(row) > max(code, name) and clean(row[code].value):
                cells.setdefault(clean(row[code].value), row[name].coordinate)
    except (CchcError, KeyError, OSError, ValueError, StopIteration):   # named without a cell, still named
        pass
    return cells


def agency_cells(path: Path) -> dict[str, str]:
    """The cell holding each agency's name in the «Cơ quan» sheet, by name (as _read_agencies reads it)."""
    cells: dict[str, str] = {}
    try:
        for row in open_xlsx(Path(path))[SHEET_AGENCIES].iter_rows(min_row=2, max_col=2):
            if len(row) > 1 and clean(row[1].value):
                cells.setdefault(clean(row[1].value), row[1].coordinate)
    except (CchcError, KeyError, OSError, ValueError):   # named without a cell, still named
        pass
    return cells


def raise_all(path: Path, problems: list[CchcError]) -> None:
    """Stop with every problem named, in one message."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise CchcError("WORKBOOK_PROBLEMS", file=path, count=len(problems),
                        rows="\n".join(f"  - {p.message}\n    → {p.fix}" for p in problems))


def _read_settings(sheet, path: Path, problems: list[CchcError]) -> dict:
    keys = {key for key, _, _ in SETTING_ROWS}
    labels = {fold(label): key for key, label, _ in SETTING_ROWS}
    values: dict = {}
    for row in sheet.iter_rows(min_row=1):
        if len(row) < 3:
            continue
        key = clean(row[0].value)
        if key not in keys:
            key = labels.get(fold(row[1].value), "")
        if not key:
            continue
        cell = row[2]
        try:
            values[key] = _setting_value(key, cell.value, path, cell.coordinate)
        except CchcError as exc:     # every bad setting is named in one run
            problems.append(exc)
    return values


def _setting_value(key: str, raw, path: Path, coordinate: str):
    def bad(detail: str):
        return CchcError("WORKBOOK_BAD_SETTING", file=path, sheet=SHEET_SETTINGS, cell=coordinate, detail=detail)

    if key == "plan_date":
        if raw in (None, ""):
            return None
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.datetime.strptime(clean(raw).replace("-", "/").replace(".", "/"), "%d/%m/%Y").date()
        except ValueError:
            raise bad(phrase("SETTING_BAD_DATE", text=clean(raw))) from None
    if key == "report_days":
        return _report_days(raw, bad)
    if key in ("extra_days_off", "extra_working_days"):
        return _date_list(raw, bad)
    if key == "schedule":
        labels = {fold(label): kind for kind, label in SCHEDULE_LABELS.items()}
        kinds = []
        for part in clean(raw).replace(",", ";").split(";"):
            if not part.strip():
                continue
            kind = labels.get(fold(part))
            if kind is None:
                raise bad(phrase("SETTING_BAD_PERIOD", text=part.strip(), periods="; ".join(SCHEDULE_LABELS.values())))
            kinds.append(kind)
        return tuple(kinds)
    if key == "locality":
        words = {fold(word): word for word in LOCALITY_WORDS}
        if clean(raw) and fold(clean(raw)) not in words:
            raise bad(phrase("SETTING_BAD_LOCALITY", text=clean(raw)))
        return words.get(fold(clean(raw)), "")
    if key == "leading_zero":
        answer = fold(clean(raw))
        if answer in ("", "co", "x", "1", "true"):
            return True
        if answer in ("khong", "0", "false"):
            return False
        raise bad(phrase("SETTING_BAD_YES_NO", text=clean(raw)))
    if key in ("year", "return_days"):
        if raw in (None, ""):
            return None if key == "year" else 3
        try:
            number = int(float(str(raw).strip()))
        except ValueError:
            raise bad(phrase("SETTING_NOT_A_NUMBER", text=clean(raw))) from None
        if key == "year" and not 2000 <= number <= 2100:
            raise bad(phrase("SETTING_BAD_YEAR", year=number))
        return number
    return clean(raw)


def _report_days(raw, bad) -> tuple[tuple[str, int, int], ...]:
    """«Quý I: 16/03; 6 tháng: 16/06; …», or one day of the month for every period."""
    if raw in (None, ""):
        return ()
    if isinstance(raw, dt.date):
        raise bad(phrase("SETTING_REPORT_DAYS_BY_PERIOD"))
    text = clean(raw)
    if text.replace(".0", "").isdigit():
        day = int(float(text))
        if not 1 <= day <= 28:
            raise bad(phrase("SETTING_BAD_DAY", day=day))
        last_month = {"Q1": 3, "Q2": 6, "S1": 6, "Q3": 9, "M9": 9, "Q4": 12, "Y": 12}
        return tuple((kind, day, month) for kind, month in last_month.items())
    labels = {fold(label): kind for kind, label in SCHEDULE_LABELS.items()}
    days = []
    for part in text.replace("\n", ";").split(";"):
        if not part.strip():
            continue
        label, _, date_text = part.partition(":")
        kind = labels.get(fold(label))
        if kind is None or not date_text.strip():
            raise bad(phrase("SETTING_BAD_PERIOD_DAY", text=part.strip(),
                             periods="; ".join(SCHEDULE_LABELS.values())))
        pieces = date_text.strip().replace("-", "/").replace(".", "/").split("/")
        try:
            day, month = int(pieces[0]), int(pieces[1])
            dt.date(2024, month, day)
        except (ValueError, IndexError):
            raise bad(phrase("SETTING_BAD_DAY_MONTH", text=date_text.strip(), period=label.strip())) from None
        days.append((kind, day, month))
    return tuple(days)


def _date_list(raw, bad) -> tuple[dt.date, ...]:
    if raw in (None, ""):
        return ()
    if isinstance(raw, dt.datetime):
        return (raw.date(),)
    if isinstance(raw, dt.date):
        return (raw,)
    days = []
    for part in clean(raw).replace("\n", ";").replace(",", ";").split(";"):
        if not part.strip():
            continue
        try:
            days.append(dt.datetime.strptime(part.strip().replace("-", "/").replace(".", "/"), "%d/%m/%Y").date())
        except ValueError:
            raise bad(phrase("SETTING_BAD_DATE_IN_LIST", text=part.strip())) from None
    return tuple(days)


def _read_agencies(sheet, path: Path, problems: list[CchcError]) -> tuple[Agency, ...]:
    kinds = {fold(label): kind for kind, label in KIND_LABELS.items()}
    agencies: dict[str, Agency] = {}
    for row in sheet.iter_rows(min_row=2, max_col=4):
        if len(row) < 2:
            continue
        code, name = clean(row[0].value), clean(row[1].value)
        if not name:
            if code:
                problems.append(CchcError("WORKBOOK_BAD_AGENCY", file=path, sheet=SHEET_AGENCIES,
                                          cell=row[1].coordinate, detail=phrase("AGENCY_NO_NAME", agency=code)))
            continue
        code = slug(code) or unique_code(short_code(name), agencies)
        if code in agencies:
            problems.append(CchcError("WORKBOOK_BAD_AGENCY", file=path, sheet=SHEET_AGENCIES,
                                      cell=row[0].coordinate, detail=phrase("AGENCY_CODE_DUPLICATED", agency=code)))
            continue
        aliases = tuple(a.strip() for a in clean(row[2].value if len(row) > 2 else "").split(";") if a.strip())
        kind_text = fold(row[3].value) if len(row) > 3 else ""
        kind = kinds.get(kind_text, AgencyKind.PARTNER if "doi tac" in kind_text else AgencyKind.OWN)
        agencies[code] = Agency(code, name, kind, aliases)
    return tuple(agencies.values())
