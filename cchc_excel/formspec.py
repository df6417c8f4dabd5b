"""The contract of an agency workbook, shared by the writer (:mod:`forms`) and
the reader (:mod:`intake`): columns, metadata keys. (The status vocabulary is
:class:`models.Status`.)"""

from __future__ import annotations

from dataclasses import dataclass

FORM_VERSION = "1"
META_SHEET = "_meta"
LISTS_SHEET = "_DanhMuc"
GUIDE_SHEET = "Hướng dẫn"
META_MARKER = "cchc-excel"          # cell A1 of the metadata sheet
STATUS_NAME = "DS_TrangThai"        # defined name of the status list
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float
    input: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", "Mã", 7),
    Column("tt", "TT", 4),
    Column("task", "Nội dung/Nhiệm vụ", 24),
    Column("product", "Hoạt động/Sản phẩm", 28),
    Column("role", "Vai trò", 9),
    Column("timeframe", "Thời gian thực hiện", 13),
    Column("due", "Đến hạn trong kỳ", 12),
    Column("status", "Trạng thái", 15, True),
    Column("completed_on", "Ngày hoàn thành", 12, True),
    Column("result", "Kết quả thực hiện", 34, True),
    Column("evidence", "Văn bản/sản phẩm minh chứng (số, ký hiệu, ngày)", 24, True),
    Column("difficulties", "Khó khăn, vướng mắc", 20, True),
    Column("proposals", "Đề xuất, kiến nghị", 20, True),
    Column("note", "Ghi chú", 16),
)
COLUMN_INDEX = {c.key: i + 1 for i, c in enumerate(COLUMNS)}   # 1-based
INPUT_KEYS = tuple(c.key for c in COLUMNS if c.input)
TEXT_KEYS = ("result", "evidence", "difficulties", "proposals")

ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}

# Metadata rows: key -> Vietnamese label (the sheet is for the tool, but readable).
META_KEYS = {
    "form_version": "Phiên bản biểu mẫu",
    "tool_version": "Phiên bản cchc-excel",
    "agency_code": "Mã cơ quan",
    "agency_name": "Tên cơ quan",
    "period": "Kỳ báo cáo",
    "plan_fingerprint": "Dấu vân tay kế hoạch",
    "plan_number": "Số kế hoạch",
    "generated_on": "Ngày tạo biểu mẫu",
    "carried_from": "Điền sẵn từ kỳ",
}

# The "Số liệu" sheet: one row per indicator the agency reports.
FIGURES_SHEET = "Số liệu"
FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã chỉ tiêu", 17),
    Column("name", "Chỉ tiêu", 50),
    Column("unit", "Đơn vị tính", 14),
    Column("section", "Thuộc phần", 10),
    Column("how", "Cách tính", 24),
    Column("previous", "Kỳ trước", 14),
    Column("value", "Số liệu kỳ này", 16, True),
    Column("note", "Ghi chú, giải trình", 40, True),
)
FIGURE_INDEX = {c.key: i + 1 for i, c in enumerate(FIGURE_COLUMNS)}
