"""The officer's plan workbook (ke-hoach-cchc.xlsx): settings, agencies, tasks.

It is the one place the officer edits: every command reads the plan from it.
The "Nhiệm vụ" sheet has the shape of the plan's own appendix table, so it is
read by the same importer as any .xlsx plan.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

from . import indicatorbook
from . import openpyxlkit as kit
from .agencies import short_code, unique_code
from .files import broken_detail, open_office_zip, save_workbook_atomic
from .indicators import default_indicators
from .messages import CchcError, phrase
from .models import DEFAULT_SCHEDULE, Agency, AgencyKind, Plan, PlanMeta, Settings
from .plan import COLUMN_LABELS, COLUMNS, build_plan
from .plan_meta import locality_of
from .plan_sources import sheet_table
from .textnorm import clean, fold, slug

FILENAME = "ke-hoach-cchc.xlsx"
SHEET_SETTINGS = "Thiết lập"
SHEET_AGENCIES = "Cơ quan"
SHEET_TASKS = "Nhiệm vụ"
_GROUP_FONT = kit.Font(name=kit.FONT_NAME, size=12, bold=True, italic=True)   # a sub-group heading row
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
LOCALITY_WORDS = ("xã", "phường", "đặc khu", "thị trấn")


def default_recipients(locality: str = "xã") -> tuple[str, ...]:
    return (
        "Sở Nội vụ tỉnh",
        f"Thường trực Đảng ủy {locality}",
        f"Thường trực HĐND {locality}",
        f"Chủ tịch, các Phó Chủ tịch UBND {locality}",
        f"Các cơ quan, đơn vị thuộc UBND {locality}",
        "Lưu: VT, VHXH",
    )


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


def _setting_values(plan: Plan, settings: Settings) -> dict[str, object]:
    meta = plan.meta
    return {
        "issuer": meta.issuer,
        "commune": settings.commune or meta.commune,
        "locality": settings.locality,
        "plan_number": meta.number,
        "plan_date": meta.date,
        "year": meta.year,
        "plan_title": meta.title,
        "place": settings.place,
        "signer_authority": settings.signer_authority,
        "signer_title": settings.signer_title,
        "signer_name": settings.signer_name,
        "recipients": "\n".join(settings.recipients),
        "contact": settings.contact,
        "report_days": "; ".join(f"{SCHEDULE_LABELS[kind]}: {day:02d}/{month:02d}"
                                 for kind, day, month in settings.report_days),
        "return_days": settings.return_days,
        "extra_days_off": "; ".join(f"{d:%d/%m/%Y}" for d in settings.extra_days_off),
        "extra_working_days": "; ".join(f"{d:%d/%m/%Y}" for d in settings.extra_working_days),
        "schedule": "; ".join(SCHEDULE_LABELS[k] for k in settings.schedule),
        "province_plan": settings.province_plan,
        "leading_zero": "Có" if settings.leading_zero else "Không",
    }


def build_workbook(plan: Plan, settings: Settings, flagged: dict[str, str] | None = None) -> openpyxl.Workbook:
    """``flagged``: agency code -> a note for the officer to confirm (new agencies of an import)."""
    workbook = openpyxl.Workbook()
    _settings_sheet(workbook.active, plan, settings)
    _agencies_sheet(workbook.create_sheet(SHEET_AGENCIES), plan, flagged or {})
    _tasks_sheet(workbook.create_sheet(SHEET_TASKS), plan)
    indicatorbook.write_sheet(workbook.create_sheet(indicatorbook.SHEET), plan)
    return workbook


def _settings_sheet(sheet, plan: Plan, settings: Settings) -> None:
    sheet.title = SHEET_SETTINGS
    kit.put_text(sheet["B1"], "THIẾT LẬP CHUNG CỦA SỔ KẾ HOẠCH CCHC", kit.FONT_TITLE)
    kit.header_row(sheet, 3, ["Mã", "Mục", "Giá trị", "Ghi chú"], [12, 34, 50, 60])
    values = _setting_values(plan, settings)
    for row, (key, label, note) in enumerate(SETTING_ROWS, start=4):
        kit.put_text(sheet.cell(row, 1), key, kit.FONT_SMALL_ITALIC)
        kit.put_text(sheet.cell(row, 2), label, kit.FONT_BOLD)
        value_cell = sheet.cell(row, 3)
        value = values[key]
        if isinstance(value, dt.date):
            value_cell.value = value
            value_cell.number_format = "dd/mm/yyyy"
            value_cell.font = kit.FONT
        elif isinstance(value, int):
            value_cell.value = value
            value_cell.font = kit.FONT
        else:
            kit.put_text(value_cell, value)
        value_cell.fill = kit.INPUT_FILL
        kit.put_text(sheet.cell(row, 4), note, kit.FONT_SMALL_ITALIC)
    sheet.column_dimensions["A"].hidden = True
    sheet.freeze_panes = "A4"


def _agencies_sheet(sheet, plan: Plan, flagged: dict[str, str]) -> None:
    kit.header_row(
        sheet, 1,
        ["Mã (không dấu)", "Tên cơ quan", "Tên gọi khác (cách nhau bằng dấu ;)", "Loại", "Cần xác nhận"],
        [18, 40, 60, 22, 44],
    )
    kinds = DataValidation(type="list", formula1=f'"{",".join(KIND_LABELS.values())}"', allow_blank=False)
    kinds.error = "Chọn «Cơ quan của xã» hoặc «Đối tác bên ngoài»."
    kinds.errorTitle = "Loại cơ quan"
    sheet.add_data_validation(kinds)
    for row, agency in enumerate(plan.agencies, start=2):
        kit.put_text(sheet.cell(row, 1), agency.code)
        kit.put_text(sheet.cell(row, 2), agency.name)
        kit.put_text(sheet.cell(row, 3), "; ".join(agency.aliases))
        kit.put_text(sheet.cell(row, 4), KIND_LABELS[agency.kind])
        if agency.code in flagged:
            kit.put_text(sheet.cell(row, 5), flagged[agency.code], kit.FONT_SMALL_ITALIC)
            for col in range(1, 6):
                sheet.cell(row, col).fill = kit.INPUT_FILL
    kinds.add("D2:D200")
    sheet.freeze_panes = "A2"
    kit.put_text(
        sheet["G1"],
        "Cơ quan của xã nhận mọi nhiệm vụ giao cho «Các cơ quan, đơn vị»; đối tác bên ngoài "
        "(ví dụ Bưu điện xã) chỉ nhận nhiệm vụ có ghi tên mình. Đổi tên cơ quan: sửa cột «Tên cơ quan», "
        "ghi tên cũ vào cột «Tên gọi khác» và giữ nguyên mã.",
        kit.FONT_SMALL_ITALIC,
    )


def _tasks_sheet(sheet, plan: Plan) -> None:
    meta = plan.meta
    kit.put_text(sheet["A1"], meta.title or "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", kit.FONT_TITLE)
    if meta.number:
        date = f" ngày {meta.date:%d/%m/%Y}" if meta.date else ""
        issuer = f" của {meta.issuer}" if meta.issuer else ""
        kit.put_text(sheet["A2"], f"(Ban hành kèm theo Kế hoạch số {meta.number}{date}{issuer})", kit.FONT_ITALIC)
    kit.put_text(
        sheet["A3"],
        "Thêm nhiệm vụ: chèn một dòng, ghi số TT, nội dung và các cột còn lại. Thêm sản phẩm cho nhiệm vụ "
        "ở trên: để trống TT và Nội dung/Nhiệm vụ. Dòng phần: số La Mã ở cột TT, tên phần ở cột bên cạnh. "
        "Dòng nhóm trong phần («a) …», «1.1. …»): để trống TT, ghi cả số và tên nhóm ở cột Nội dung/Nhiệm vụ.",
        kit.FONT_SMALL_ITALIC, kit.Alignment(wrap_text=False),
    )
    header = 4
    kit.header_row(sheet, header, [COLUMN_LABELS[c] for c in COLUMNS], [7, 45, 50, 26, 26, 22])
    for col in range(1, 7):
        kit.put_text(sheet.cell(header + 1, col), str(col), kit.FONT_ITALIC, kit.WRAP_CENTER)
    row = header + 2
    for section in plan.sections:
        kit.put_text(sheet.cell(row, 1), section.code, kit.FONT_BOLD)
        kit.put_text(sheet.cell(row, 2), section.title, kit.FONT_BOLD)
        for col in range(1, 7):
            sheet.cell(row, col).fill = kit.SECTION_FILL
        row += 1
        group = ""
        for task in section.tasks:
            if task.group and task.group != group:      # the plan's sub-group heading, above its tasks
                kit.put_text(sheet.cell(row, 2), task.group, _GROUP_FONT)
                row += 1
            group = task.group
            for position, item in enumerate(task.items):
                first = position == 0
                values = [
                    task.number if first else "",
                    task.content if first else "",
                    item.product,
                    item.lead_text,
                    item.coordinators_text,
                    item.timeframe.text,
                ]
                for col, value in enumerate(values, start=1):
                    kit.put_text(sheet.cell(row, col), value)
                row += 1
    sheet.freeze_panes = sheet.cell(header + 1, 1)
    kit.print_setup(sheet, landscape=True, title_rows=f"{header}:{header}")


def write_workbook(plan: Plan, settings: Settings, path: Path, flagged: dict[str, str] | None = None) -> Path:
    return save_workbook_atomic(build_workbook(plan, settings, flagged), path)


# --- reading ---------------------------------------------------------------


@dataclass
class Book:
    """The parts of a plan workbook that do not depend on its task table."""

    path: Path
    workbook: openpyxl.Workbook
    meta: PlanMeta
    settings: Settings
    agencies: tuple[Agency, ...]
    problems: list[CchcError] = field(default_factory=list)   # bad settings and agency rows

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
    data = open_office_zip(path, "xlsx")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken parts
        raise CchcError("FILE_UNREADABLE", file=path, detail=broken_detail(exc)) from None
    for name in (SHEET_SETTINGS, SHEET_AGENCIES, SHEET_TASKS):
        if name not in workbook.sheetnames:
            raise CchcError("WORKBOOK_MISSING_SHEET", file=path, sheet=name)
    problems: list[CchcError] = []
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
        workbook = openpyxl.load_workbook(io.BytesIO(open_office_zip(Path(path), "xlsx")), read_only=True)
        for number, values in enumerate(workbook[SHEET_SETTINGS].iter_rows(max_col=3, values_only=True), 1):
            if len(values) < 3:
                continue
            key = clean(values[0])
            if key not in cells:
                key = labels.get(fold(values[1]), "")
            if key:
                cells[key] = f"C{number}"
    except (CchcError, KeyError, OSError, ValueError):     # the layout's cells are still right for most
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
