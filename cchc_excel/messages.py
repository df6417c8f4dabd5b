"""The catalogue of every message a user can see, in Vietnamese, by stable code.

Core code raises :class:`CchcError` or records a finding with a code and its
parameters; the text is rendered from here, at the edge. One place for each
sentence makes the wording consistent and reviewable.
"""

from __future__ import annotations

# code -> (what is wrong, how to fix it). Fields are str.format placeholders.
CATALOG: dict[str, tuple[str, str]] = {
    # --- reading files -------------------------------------------------------
    "FILE_NOT_FOUND": ("Không tìm thấy tệp {file}.", "Kiểm tra lại đường dẫn và tên tệp."),
    "FILE_EMPTY": ("Tệp {file} rỗng (0 byte).", "Lưu lại tệp từ Excel/Word rồi gửi lại."),
    "FILE_UNREADABLE": (
        "Không đọc được tệp {file}: {detail}.",
        "Mở tệp bằng Excel/Word, lưu lại đúng định dạng (.xlsx, .docx hoặc .txt) rồi thử lại.",
    ),
    "FILE_TYPE_UNSUPPORTED": (
        "Tệp {file} có phần mở rộng «{ext}» không được hỗ trợ.",
        "Dùng tệp .txt, .docx hoặc .xlsx.",
    ),
    "FILE_NOT_ZIP": (
        "Tệp {file} không phải tệp {kind} hợp lệ (nội dung không đúng định dạng Office Open XML).",
        "Mở tệp bằng Excel/Word và lưu lại dưới dạng {kind}.",
    ),
    "FILE_ENCRYPTED": (
        "Tệp {file} đang được đặt mật khẩu nên không đọc được.",
        "Mở tệp, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ) rồi lưu và gửi lại.",
    ),
    "FILE_TOO_LARGE": (
        "Tệp {file} khi giải nén quá lớn ({size}) hoặc tỉ lệ nén bất thường; đã từ chối để an toàn.",
        "Kiểm tra lại tệp; một biểu mẫu bình thường chỉ vài trăm KB.",
    ),
    "FILE_WRONG_KIND": (
        "Tệp {file} có đuôi {ext} nhưng nội dung là tệp {actual}.",
        "Đổi lại đúng đuôi tệp hoặc lưu lại tệp dưới dạng {ext}.",
    ),
    "FILE_WRITE_FAILED": (
        "Không ghi được tệp {file}: {detail}.",
        "Đóng tệp nếu đang mở trong Excel/Word, kiểm tra quyền ghi thư mục rồi chạy lại.",
    ),
    # --- plan import ---------------------------------------------------------
    "PLAN_NO_TABLE": (
        "Tệp {file}: không tìm thấy bảng nhiệm vụ (cần các cột {columns}).",
        "Kiểm tra dòng tiêu đề bảng: TT | Nội dung/Nhiệm vụ | Hoạt động/Sản phẩm | "
        "Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện.",
    ),
    "PLAN_MISSING_COLUMNS": (
        "Tệp {file}{where}: bảng nhiệm vụ thiếu cột {columns}.",
        "Thêm cột còn thiếu vào dòng tiêu đề bảng (ví dụ «Cơ quan chủ trì»).",
    ),
    "PLAN_NO_SECTIONS": (
        "Tệp {file}{where}: bảng nhiệm vụ không có dòng phần nào (I, II, III…).",
        "Mỗi nhóm nhiệm vụ cần một dòng phần: số La Mã ở cột TT và tên phần, ví dụ «I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH».",
    ),
    "PLAN_NO_TASKS": (
        "Tệp {file}{where}: bảng nhiệm vụ không có nhiệm vụ nào.",
        "Nhập các nhiệm vụ dưới dòng tiêu đề bảng.",
    ),
    "PLAN_ROW_BEFORE_SECTION": (
        "Tệp {file}{where}, dòng {row}: nhiệm vụ «{text}» nằm trước dòng phần đầu tiên.",
        "Thêm dòng phần (ví dụ «I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH») phía trên nhiệm vụ này.",
    ),
    "PLAN_ORPHAN_PRODUCT": (
        "Tệp {file}{where}, dòng {row}: sản phẩm «{text}» không thuộc nhiệm vụ nào.",
        "Ghi số TT và nội dung nhiệm vụ vào dòng này, hoặc chuyển nó xuống dưới một nhiệm vụ.",
    ),
    "PLAN_DUPLICATE_ID": (
        "Tệp {file}{where}: mã {item} bị trùng.",
        "Kiểm tra số TT của các nhiệm vụ trong phần {section}: mỗi nhiệm vụ một số khác nhau.",
    ),
    "WORKBOOK_MISSING_SHEET": (
        "Tệp {file}: thiếu trang tính «{sheet}».",
        "Tạo lại sổ kế hoạch bằng «cchc-excel init» hoặc thêm lại trang tính «{sheet}».",
    ),
    "WORKBOOK_BAD_AGENCY": (
        "Tệp {file}, trang «{sheet}», ô {cell}: {detail}.",
        "Sửa lại dòng cơ quan này: mỗi cơ quan một mã (chữ không dấu, gạch nối) và một tên.",
    ),
    "WORKBOOK_BAD_SETTING": (
        "Tệp {file}, trang «{sheet}», ô {cell}: {detail}.",
        "Sửa lại giá trị theo hướng dẫn ở cột bên cạnh.",
    ),
    # --- plan lint -----------------------------------------------------------
    "LINT_YEAR": (
        "{item}: thời gian «{text}» ghi năm {found} trong kế hoạch năm {year}.",
        "Kiểm tra lại năm; nếu là năm {year} thì sửa thành «{suggestion}».",
    ),
    "LINT_CHI_SO": (
        "{item}: «{found}» có lẽ là lỗi chính tả của «Chỉ số».",
        "Sửa «{found}» thành «Chỉ số».",
    ),
    "LINT_LEAD_IS_COORDINATOR": (
        "{item}: {agency} vừa là cơ quan chủ trì vừa là cơ quan phối hợp.",
        "Bỏ {agency} khỏi cột «Cơ quan phối hợp» hoặc ghi đúng cơ quan phối hợp.",
    ),
    "LINT_UNKNOWN_AGENCY": (
        "{item}: không có cơ quan «{name}» trong danh sách cơ quan.",
        "{hint}",
    ),
    "LINT_TIMEFRAME_UNKNOWN": (
        "{item}: không hiểu thời gian thực hiện «{text}».",
        "Ghi theo một mẫu quen thuộc: «Thường xuyên», «Quý I, II/{year}», «Tháng 01/{year}», "
        "«Trước ngày 15/01/{year}», «Khi có phát sinh».",
    ),
    "LINT_NO_LEAD": (
        "{item}: chưa có cơ quan chủ trì.",
        "Ghi cơ quan chủ trì vào cột «Cơ quan chủ trì».",
    ),
    "LINT_TARGET": (
        "{item}: kế hoạch nêu chỉ tiêu «{text}».",
        "Đề xuất đưa thành chỉ tiêu số liệu theo dõi.",
    ),
    # --- periods and CLI -----------------------------------------------------
    "PERIOD_UNKNOWN": (
        "Kỳ báo cáo «{text}» không hợp lệ.",
        "Dùng một trong các mã: {examples}.",
    ),
    "DIR_NOT_EMPTY": (
        "Thư mục {dir} đã có sổ kế hoạch {file}.",
        "Chọn thư mục khác, hoặc thêm --force để tạo lại (sổ cũ sẽ bị thay thế).",
    ),
    "AGENCY_UNKNOWN_CODE": (
        "Không có cơ quan mã «{agency}» (hoặc cơ quan này không có nhiệm vụ nào).",
        "Các mã hiện có: {codes}.",
    ),
}


def render(code: str, **fields: object) -> tuple[str, str]:
    """(message, fix) for a catalogue code with its fields filled in."""
    message, fix = CATALOG[code]
    return message.format(**fields), fix.format(**fields)


class CchcError(Exception):
    """A problem that stops the run; shown to the user as Vietnamese text."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message, self.fix = render(code, **fields)
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message}\n→ Cách khắc phục: {self.fix}"
