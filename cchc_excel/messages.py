"""The catalogue of every message a user can see, in Vietnamese, by stable code.

Core code raises :class:`CchcError` or records a finding with a code and its
parameters; the text is rendered from here, at the edge. One place for each
sentence makes the wording consistent and reviewable.
"""

from __future__ import annotations

from .models import Severity, Status

STATUS_FIELDS = {f"status_{status.value}": status.label for status in Status}
STATUS_FIELDS["status_list"] = "; ".join(status.label for status in Status)

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
        "Dùng tệp .docx, .doc, .xlsx, .xls hoặc .txt.",
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
    "PLAN_ROW_UNPLACED": (
        "Tệp {file}{where}, dòng {row}: không xếp được dòng «{text}» vào kế hoạch.",
        "{fix}",
    ),
    "PLAN_ROWS_UNPLACED": (
        "Tệp {file}: {count} dòng của bảng nhiệm vụ không xếp được vào kế hoạch:\n{rows}",
        "Sửa các dòng trên (theo gợi ý sau mỗi dòng) rồi chạy lại.",
    ),
    "PLAN_DOC_NEEDS_OFFICE": (
        "Tệp {file} là tệp Word cũ (.doc): cần LibreOffice để đọc, nhưng máy chưa cài LibreOffice.",
        "Cài LibreOffice (libreoffice.org) rồi chạy lại, hoặc mở tệp bằng Word và lưu thành .docx.",
    ),
    "PLAN_DOC_CONVERT_FAILED": (
        "Không chuyển được tệp {file} sang .docx bằng LibreOffice: {detail}",
        "Mở tệp bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập tệp .docx đó.",
    ),
    "WORKBOOK_MISSING_SHEET": (
        "Tệp {file}: thiếu trang tính «{sheet}».",
        "Tạo lại sổ kế hoạch bằng «cchc-excel init» hoặc thêm lại trang tính «{sheet}».",
    ),
    "WORKBOOK_BAD_AGENCY": (
        "Tệp {file}, trang «{sheet}», ô {cell}: {detail}.",
        "Sửa lại dòng cơ quan này: mỗi cơ quan một mã (chữ không dấu, gạch nối) và một tên.",
    ),
    "WORKBOOK_BAD_INDICATOR": (
        "Tệp {file}, trang «{sheet}», ô {cell}: {detail}.",
        "Sửa lại dòng chỉ tiêu này theo ghi chú ở đầu trang «Chỉ tiêu».",
    ),
    "WORKBOOK_INDICATOR_NO_SECTION": (
        "Tệp {file}, trang «{sheet}», ô {cell}: {detail}.",
        "Ghi ở cột «Thuộc phần» tên một phần của kế hoạch (ví dụ «III. Thủ tục hành chính»).",
    ),
    "WORKBOOK_INDICATORS_UNPLACED": (
        "Tệp {file}, trang «{sheet}»: {count} chỉ tiêu không thuộc phần nào của kế hoạch:\n{rows}",
        "Ghi ở cột «Thuộc phần» tên một phần của kế hoạch (ví dụ «III. Thủ tục hành chính») "
        "hoặc xóa dòng chỉ tiêu không còn dùng, rồi chạy lại.",
    ),
    "WORKBOOK_INDICATORS_BAD": (
        "Tệp {file}, trang «{sheet}»: {count} dòng cần sửa:\n{rows}",
        "Sửa từng ô đã nêu theo ghi chú ở đầu trang «Chỉ tiêu» (phần: tên một phần của kế hoạch; chỉ tiêu "
        "kế hoạch: một số; cơ quan: tên có trong trang «Cơ quan»), rồi chạy lại.",
    ),
    "WORKBOOK_PROBLEMS": (
        "Sổ kế hoạch {file} có {count} chỗ cần sửa:\n{rows}",
        "Sửa tất cả các chỗ trên trong sổ kế hoạch rồi chạy lại.",
    ),
    "WORKBOOK_BAD_SETTING": (
        "Tệp {file}, trang «{sheet}», ô {cell}: {detail}.",
        "Sửa lại giá trị theo hướng dẫn ở cột bên cạnh.",
    ),
    "WORKBOOK_FAR_CELL": (
        "Tệp {file}, trang «{sheet}»: ô {cell} có nội dung nhưng nằm quá xa vùng dữ liệu của trang{others}; "
        "nội dung đó không được đọc.",
        "Mở tệp, bấm Ctrl+End để tới ô cuối cùng có dữ liệu, xóa nội dung ô {cell} (hoặc chép nó vào đúng dòng "
        "của bảng), lưu lại rồi chạy lại.",
    ),
    # --- plan lint -----------------------------------------------------------
    "LINT_YEAR": (
        "{item}: thời gian «{text}» ghi năm {found} trong kế hoạch năm {year}.",
        "Kiểm tra lại năm; nếu là năm {year} thì sửa thành «{suggestion}».",
    ),
    "COMPILE_DEADLINE_BEFORE_PLAN": (
        "Kế hoạch ghi thời gian thực hiện đã kết thúc trước ngày ban hành Kế hoạch ({date}) ở {count} sản phẩm: "
        "{items}. Báo cáo không coi các sản phẩm này là chậm so với thời hạn đó (không ghi «chậm», "
        "không đưa vào tồn tại); Phương hướng ghi tiếp tục thực hiện trong kỳ sau.",
        "Nếu là năm {year}, sửa cột «Thời gian thực hiện» của các sản phẩm này ở trang «Nhiệm vụ» của sổ kế hoạch "
        "(ví dụ «{example}») rồi lập lại báo cáo; nếu đúng là việc năm trước chuyển sang thì giữ nguyên.",
    ),
    "LINT_SIGNER_AUTHORITY": (
        "Thiết lập «{title_label}» ghi «{title}» mà «{label}» ghi «{authority}»: theo Nghị định 30/2020/NĐ-CP, "
        "Chủ tịch ký «TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH», Phó Chủ tịch ký thay «TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH "
        "/ PHÓ CHỦ TỊCH».",
        "{suggestion} ở trang «Thiết lập» của sổ kế hoạch, hoặc sửa «{title_label}».",
    ),
    "LINT_LOCALITY_SETTING": (
        "Sổ kế hoạch {file}, trang «{sheet}», ô {cell}: «Cấp hành chính» ghi «{locality}», trong khi cơ quan ban "
        "hành kế hoạch là {issuer} (ô {issuer_cell}): báo cáo sẽ ghi «{body}».",
        "Sửa «Cấp hành chính» thành «{word}» ở ô {cell} của trang «{sheet}» (hoặc sửa cơ quan ban hành kế hoạch "
        "nếu ghi nhầm) rồi lập lại báo cáo.",
    ),
    "LINT_LOCALITY_RECIPIENT": (
        "Sổ kế hoạch {file}, trang «{sheet}», ô {cell}: nơi nhận «{text}» ghi «{found}», trong khi cơ quan ban hành "
        "kế hoạch là {issuer} (cấp hành chính «{locality}»).",
        "Sửa thành «{suggestion}» ở ô {cell} của trang «{sheet}» ({effect}).",
    ),
    "LINT_LOCALITY_INDICATOR": (
        "Sổ kế hoạch {file}, trang «{sheet}», ô {cell}: chỉ tiêu {indicator} «{text}» ghi «{found}», trong khi cơ quan "
        "ban hành kế hoạch là {issuer} (cấp hành chính «{locality}»).",
        "Sửa thành «{suggestion}» ở ô {cell} của trang «{sheet}» ({effect}).",
    ),
    "LINT_LOCALITY_AGENCY": (
        "Sổ kế hoạch {file}, trang «{sheet}», ô {cell}: cơ quan «{text}» ghi «{found}», trong khi cơ quan ban hành "
        "kế hoạch là {issuer} (cấp hành chính «{locality}»): biểu mẫu, báo cáo và dữ liệu xuất in tên như đã ghi.",
        "Nếu đúng là cơ quan của {locality}, sửa tên thành «{suggestion}» ở ô {cell}, ghi tên cũ «{text}» vào cột "
        "«Tên gọi khác» (để các dòng nhiệm vụ ghi tên cũ vẫn được nhận) và giữ nguyên mã.",
    ),
    "LINT_PROVINCE_UNNAMED": (
        "Thiết lập «{label}» ghi «{found}» mà không nêu tên tỉnh: dòng «Căn cứ» của báo cáo sẽ in nguyên như vậy.",
        "Ghi tên tỉnh sau «tỉnh» ở trang «Thiết lập» của sổ kế hoạch, ví dụ «{found} Ninh Bình».",
    ),
    "TEMPLATE_EARLIER_DEFAULT": (
        "Mẫu báo cáo {file} là bản mặc định của phiên bản trước, chưa được sửa: báo cáo được lập theo mẫu mới "
        "đi kèm phần mềm.",
        "Không cần làm gì. Muốn sửa mẫu: xóa tệp cũ, chép mẫu mới {default} vào thư mục templates rồi sửa.",
    ),
    "LINT_NEXT_YEAR": (
        "{item}: «{found}» lập trong «{text}»: kế hoạch, dự toán lập vào quý IV thường là của năm sau.",
        "Kiểm tra lại năm; nếu là năm {year} thì sửa thành «{suggestion}» trong kế hoạch (báo cáo in đúng như "
        "kế hoạch ghi).",
    ),
    "LINT_SLIP": (
        "{item}: «{found}» có lẽ là lỗi khi soạn kế hoạch.",
        "Sửa thành «{suggestion}» trong kế hoạch (báo cáo đã tự in «{suggestion}»).",
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
        "Có phải «{suggestion}»? Sửa tên cho đúng hoặc thêm cơ quan này vào trang «Cơ quan» của sổ kế hoạch.",
    ),
    "LINT_UNKNOWN_AGENCY_NO_GUESS": (
        "{item}: không có cơ quan «{name}» trong danh sách cơ quan.",
        "Sửa tên cho đúng hoặc thêm cơ quan này vào trang «Cơ quan» của sổ kế hoạch.",
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
    "REPORT_SETTING_BLANK": (
        "Sổ kế hoạch {file}, trang «{sheet}», ô {cell}: «{label}» đang để trống — báo cáo sẽ ghi {effect}.",
        "Điền «{label}» vào ô {cell} của trang «{sheet}» ({hint}), lưu tệp rồi chạy lại. "
        "Cần xem trước thì thêm --draft để lập bản nháp.",
    ),
    "REPORT_SIGNER_BLANK": (
        "Sổ kế hoạch {file}, trang «{sheet}», ô {cell}: «{label}» đang để trống — báo cáo có {effect}.",
        "Điền «{label}» vào ô {cell} của trang «{sheet}» ({hint}) rồi lập lại báo cáo.",
    ),
    "LINT_SETTING_BLANK": (
        "Thiết lập «{label}» đang để trống: báo cáo sẽ ghi {effect}.",
        "Điền «{label}» ở trang «Thiết lập» của sổ kế hoạch (ke-hoach-cchc.xlsx).",
    ),
    "LINT_TARGET": (
        "{item}: kế hoạch nêu chỉ tiêu «{text}».",
        "Đề xuất chỉ tiêu «{name}» ≥ {target}% (đã ghi ở trang «Chỉ tiêu»).",
    ),
    "LINT_TARGET_NOT_RECORDED": (
        "{item}: kế hoạch nêu chỉ tiêu «{text}».",
        "Đề xuất chỉ tiêu «{name}» ≥ {target}% (chưa ghi: ghi vào cột «Chỉ tiêu kế hoạch» của trang «Chỉ tiêu»).",
    ),
    "LINT_TARGET_NO_INDICATOR": (
        "{item}: kế hoạch nêu chỉ tiêu «{text}».",
        "Thêm một chỉ tiêu tỷ lệ ở trang «Chỉ tiêu» của sổ kế hoạch để theo dõi.",
    ),
    # --- returned workbooks (check) ------------------------------------------
    "RETURN_NOT_FORM": (
        "Tệp {file} không phải biểu mẫu do cchc-excel tạo (không có trang nhận diện).",
        "Đề nghị cơ quan điền vào đúng biểu mẫu đã gửi (output/{period}/bieu-mau/) rồi gửi lại; "
        "không chép nội dung sang tệp khác.",
    ),
    "RETURN_OTHER_PERIOD": (
        "Tệp {file} là biểu mẫu kỳ {found} của {agency_name}, không phải kỳ {period}.",
        "Chuyển tệp sang thư mục input/{found}/ nếu đúng, hoặc gửi cơ quan biểu mẫu kỳ {period}.",
    ),
    "RETURN_OTHER_PLAN": (
        "Tệp {file} của {agency_name} được tạo theo phiên bản kế hoạch khác (kế hoạch đã sửa sau khi gửi biểu mẫu).",
        "Tạo lại biểu mẫu bằng «cchc-excel forms --period {period} --agency {agency}» và đề nghị cơ quan "
        "chép câu trả lời sang biểu mẫu mới.",
    ),
    "RETURN_UNKNOWN_AGENCY": (
        "Tệp {file} là biểu mẫu của cơ quan mã «{agency}», không có trong danh sách cơ quan.",
        "Kiểm tra trang «Cơ quan» của sổ kế hoạch (có thể mã cơ quan đã bị đổi).",
    ),
    "RETURN_SUPERSEDED": (
        "Tệp {file} của {agency_name} cũ hơn tệp {newer}; dùng tệp mới hơn.",
        "Không cần làm gì nếu tệp mới hơn là bản đúng; nếu không, xóa tệp sai khỏi input/{period}/.",
    ),
    "RETURN_LOCK_FILE": (
        "Bỏ qua {file}: đây là tệp khóa tạm của Excel/LibreOffice, không phải biểu mẫu.",
        "Không cần làm gì; có thể xóa tệp này.",
    ),
    "RETURN_TYPE_UNSUPPORTED": (
        "Tệp {file} không phải bảng tính (.xlsx, .xls, .ods) nên không đọc được.",
        "Đề nghị cơ quan gửi lại đúng tệp Excel đã điền; tệp khác để ngoài thư mục input/.",
    ),
    "RETURN_ROWS_OF_ANOTHER": (
        "Tệp {file} ghi là biểu mẫu của {agency_name} nhưng các dòng nhiệm vụ là của biểu mẫu {other_name} "
        "({count} dòng không giao cho {agency_name}); tệp không được tổng hợp.",
        "Trang nhận diện của tệp có lẽ đã bị chép từ tệp khác hoặc hai cơ quan gửi nhầm tệp của nhau: đề nghị "
        "{agency_name} và {other_name} mỗi cơ quan điền vào đúng biểu mẫu của mình (output/{period}/bieu-mau/) "
        "rồi gửi lại.",
    ),
    "RETURN_XLSB": (
        "Tệp {file} là bảng tính Excel dạng nhị phân (.xlsb), chương trình chưa đọc được dạng này.",
        "Mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu «Excel Workbook (*.xlsx)» rồi gửi lại tệp .xlsx.",
    ),
    # --- hostile returns (issue #12): links, folders, broken identity ---------------
    "RETURN_META_ERROR": (
        "Tệp {file}: ô {cell} của trang nhận diện «{sheet}» có lỗi {text} thay cho dữ liệu nhận diện biểu mẫu, "
        "nên không biết tệp là của cơ quan nào, kỳ nào; tệp không được tổng hợp.",
        "Trang «{sheet}» (trang ẩn) không được sửa: đề nghị cơ quan điền vào đúng biểu mẫu đã gửi "
        "(output/<kỳ>/bieu-mau/) rồi gửi lại; không chép đè lên trang này.",
    ),
    "RETURN_RENAMED": (
        "Tệp {file} có đuôi không khớp với nội dung (nội dung là tệp {text}); vẫn đọc được bình thường.",
        "Không cần làm gì. Lần sau lưu tệp bằng «Lưu thành» (Save As) đúng định dạng thay vì đổi đuôi tên tệp.",
    ),
    "RETURN_LINK_BROKEN": (
        "{file} là lối tắt (liên kết) trỏ tới tệp không còn tồn tại hoặc trỏ vòng về chính nó; không đọc được.",
        "Xóa lối tắt này và chép chính tệp biểu mẫu cơ quan gửi vào thư mục input/ rồi chạy lại.",
    ),
    "RETURN_FOLDER": (
        "{file} là một thư mục rỗng mang tên giống tệp bảng tính, không phải biểu mẫu.",
        "Nếu cơ quan đã gửi biểu mẫu, chép tệp vào thư mục input/ (thay cho thư mục này) rồi chạy lại; "
        "nếu không, xóa thư mục.",
    ),
    "FILE_FAR_CELL": (
        "Tệp {file}, trang «{sheet}»: có nội dung ở ô {cell}, quá xa vùng biểu mẫu; không đọc tệp này để tránh "
        "treo máy.",
        "Mở tệp, bấm Ctrl+End để tới ô cuối cùng có dữ liệu, xóa nội dung ô {cell} (hoặc xóa các dòng, cột thừa), "
        "lưu rồi gửi lại.",
    ),
    "CELL_TOO_FAR": (
        "Trang «{sheet}»: ô {cell} có nội dung nhưng nằm quá xa vùng biểu mẫu{text}; nội dung đó không được đọc.",
        "Xóa nội dung ô {cell} (Ctrl+End để tới ô cuối cùng có dữ liệu); nếu cần báo cáo thì chép vào đúng dòng "
        "nhiệm vụ.",
    ),
    "SHEET_TOO_FAR": (
        "Trang «{sheet}» có nội dung tới ô {cell}, quá xa vùng biểu mẫu; trang này không được đọc.",
        "Xóa nội dung ô {cell} và các dòng, cột thừa (Ctrl+End để tới ô cuối cùng có dữ liệu), lưu rồi gửi lại.",
    ),
    "CELL_UNREADABLE": (
        "Trang «{sheet}», ô {cell}: giá trị «{text}» không đọc được (kiểu dữ liệu của ô bị hỏng); ô này được bỏ "
        "qua, các ô khác của trang vẫn được đọc.",
        "Mở tệp bằng Excel/LibreOffice, gõ lại nội dung ô {cell} (hoặc xóa ô rồi gõ lại), lưu rồi gửi lại.",
    ),
    "CELL_READ_AS_TEXT": (
        "Trang «{sheet}», ô {cell}: ô được lưu là số (hoặc đúng/sai) nhưng giá trị lưu kèm không phải số; đã đọc "
        "như chữ hiển thị «{text}».",
        "Kiểm tra ô {cell}: nếu là số, gõ lại bằng số (không kèm chữ), lưu rồi gửi lại.",
    ),
    "SHEET_UNREADABLE": (
        "Không đọc được trang «{sheet}»: {text}.",
        "Mở tệp bằng Excel/LibreOffice, kiểm tra trang «{sheet}», lưu lại (.xlsx) rồi gửi lại.",
    ),
    "HEADER_RETYPED": (
        "Trang «{sheet}», ô {cell}: tiêu đề cột «{label}» đã bị sửa thành «{text}»; cột này vẫn được đọc theo vị trí.",
        "Sửa lại tiêu đề ô {cell} thành «{label}»; không đổi tên các cột của biểu mẫu.",
    ),
    "HEADER_EMPTY": (
        "Trang «{sheet}», ô {cell}: tiêu đề cột «{label}» đã bị xóa; cột này vẫn được đọc theo vị trí.",
        "Ghi lại tiêu đề «{label}» vào ô {cell}; không đổi tên các cột của biểu mẫu.",
    ),
    "HEADER_MISSING": (
        "Trang «{sheet}»: không tìm thấy cột «{label}» ở dòng tiêu đề; nội dung trang này không được đọc.",
        "Khôi phục cột «{label}» như biểu mẫu gốc (hoặc điền vào biểu mẫu gốc) rồi gửi lại.",
    ),
    "ROW_MISSING": (
        "{item}: biểu mẫu gửi lại không còn dòng nhiệm vụ này.",
        "Thêm lại dòng có mã {item} (hoặc điền vào biểu mẫu gốc) rồi gửi lại.",
    ),
    "ROW_MISSING_OPTIONAL": (
        "{item}: biểu mẫu gửi lại không còn dòng nhiệm vụ này.",
        "Thêm lại dòng có mã {item} (hoặc điền vào biểu mẫu gốc) rồi gửi lại.",
    ),
    "AGENCY_NOT_SENT": (
        "{agency_name} chưa gửi biểu mẫu kỳ {period}.",
        "Nhắc {agency_name} gửi lại tệp output/{period}/bieu-mau/{agency}.xlsx đã điền.",
    ),
    "STATUS_MISSING": (
        "{item}: chưa chọn trạng thái (nhiệm vụ đến hạn trong kỳ).",
        "Chọn trạng thái ở ô {cell} trong danh sách thả xuống.",
    ),
    "STATUS_MISSING_COORDINATOR": (
        "{item}: chưa chọn trạng thái phần việc phối hợp (nhiệm vụ đến hạn trong kỳ).",
        "Chọn trạng thái ở ô {cell} trong danh sách thả xuống.",
    ),
    "STATUS_UNKNOWN": (
        "{item}: trạng thái «{text}» không có trong danh sách.",
        "Có phải «{suggestion}»? Chọn lại trong danh sách thả xuống.",
    ),
    "STATUS_UNKNOWN_NO_GUESS": (
        "{item}: trạng thái «{text}» không có trong danh sách.",
        "Chọn một trạng thái trong danh sách: {status_list}.",
    ),
    "STATUS_UNDERSTOOD": (
        "{item}: đã hiểu «{text}» là «{label}».",
        "Không cần sửa nếu đúng; lần sau chọn trạng thái trong danh sách thả xuống ở ô {cell}.",
    ),
    "DATE_UNDERSTOOD": (
        "{item}: ngày hoàn thành gõ dạng chữ «{text}», đã hiểu là ngày {date}.",
        "Kiểm tra lại ô {cell}: nếu không đúng ngày/tháng/năm thì sửa lại.",
    ),
    "FIGURE_UNDERSTOOD": (
        "{item}: số gõ dạng chữ «{text}», đã hiểu là {value}.",
        "Kiểm tra lại ô {cell}: nếu không đúng thì sửa lại (dấu chấm ngăn hàng nghìn, dấu phẩy ngăn số lẻ).",
    ),
    "DONE_NO_DATE": (
        "{item}: «{status_done}» nhưng chưa ghi ngày hoàn thành.",
        "Ghi ngày hoàn thành (ngày/tháng/năm) vào ô {cell}.",
    ),
    "DONE_NO_EVIDENCE": (
        "{item}: «{status_done}» nhưng chưa ghi văn bản/sản phẩm minh chứng.",
        "Ghi số, ký hiệu, ngày của văn bản hoặc sản phẩm vào ô {cell}.",
    ),
    "DATE_INVALID": (
        "{item}: «{text}» không phải là ngày.",
        "Ghi ngày dạng ngày/tháng/năm, ví dụ 15/03/2026, vào ô {cell}.",
    ),
    "DATE_OUTSIDE_WINDOW": (
        "{item}: ngày hoàn thành {date} nằm ngoài kỳ số liệu {window}.",
        "Kiểm tra lại ngày ở ô {cell}; việc đã xong từ kỳ trước thì vẫn giữ «{status_done}» và ghi rõ ở cột kết quả.",
    ),
    "DATE_IN_FUTURE": (
        "{item}: ngày hoàn thành {date} ở sau ngày hôm nay ({today}).",
        "Sửa ngày ở ô {cell}; nếu chưa xong thì chọn «{status_in_progress}».",
    ),
    "NOT_ARISEN_INVALID": (
        "{item}: «{status_not_arisen}» chỉ dùng cho nhiệm vụ khi có phát sinh, nhưng thời gian của nhiệm vụ này "
        "là «{timeframe}».",
        "Chọn trạng thái khác ở ô {cell} (ví dụ «{status_not_started}» kèm lý do).",
    ),
    "ITEM_OVERDUE": (
        "{item}: chưa hoàn thành dù thời hạn kế hoạch «{timeframe}» đã qua.",
        "Ghi rõ nguyên nhân ở cột «Khó khăn, vướng mắc» và thời gian dự kiến hoàn thành.",
    ),
    "ITEM_OVERDUE_EXPLAINED": (
        "{item}: chưa hoàn thành dù thời hạn kế hoạch «{timeframe}» đã qua; cơ quan đã nêu nguyên nhân: «{reason}».",
        "Không cần cơ quan sửa gì; nguyên nhân được đưa vào phần tồn tại, hạn chế của báo cáo.",
    ),
    "RESULT_THIN": (
        "{item}: nội dung «{text}» quá sơ sài để đưa vào báo cáo.",
        "Ghi cụ thể đã làm gì, số lượng, kết quả vào ô {cell}.",
    ),
    "RESULT_MISSING": (
        "{item}: đã chọn «{status}» nhưng chưa ghi kết quả thực hiện.",
        "Ghi kết quả thực hiện vào ô {cell}.",
    ),
    "LEGACY_ENCODING": (
        "{item}: chữ ở ô {cell} có vẻ gõ bằng phông cũ TCVN3/VNI («{text}»), báo cáo sẽ bị lỗi phông.",
        "Chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) hoặc gõ lại bằng bảng mã Unicode.",
    ),
    "CELL_TOO_LONG": (
        "{item}: ô {cell} dài {length} ký tự.",
        "Tóm tắt lại dưới 5.000 ký tự; chi tiết để ở văn bản minh chứng.",
    ),
    "FORMULA_NO_VALUE": (
        "Ô {cell} chứa công thức chưa được tính (không có giá trị lưu sẵn).",
        "Mở tệp bằng Excel/LibreOffice, để chương trình tính xong rồi lưu lại; hoặc gõ giá trị thay cho công thức.",
    ),
    "FORMULA_ERROR": (
        "Ô {cell} có lỗi công thức {text}; giá trị này không được tổng hợp.",
        "Sửa công thức ở ô {cell} (hoặc gõ giá trị thay cho công thức), lưu rồi gửi lại.",
    ),
    "TEXT_CLEANED": (
        "{item}: ô {cell} có {text} (không nhìn thấy trên màn hình); đã bỏ các ký tự đó khi tổng hợp.",
        "Không cần làm gì: phần chữ còn lại được giữ nguyên.",
    ),
    "VALUE_UNPLACED": (
        "Ô {cell} có nội dung «{text}» nhưng không thuộc nhiệm vụ nào (dòng không có mã nhiệm vụ).",
        "Chuyển nội dung vào đúng dòng nhiệm vụ (cột «Mã»), không thêm dòng mới.",
    ),
    "VALUE_OUTSIDE_TABLE": (
        "Ô {cell} có nội dung «{text}» nằm ngoài các cột trả lời nên không được tổng hợp.",
        "Chuyển nội dung vào đúng dòng nhiệm vụ, ở các cột từ «Trạng thái» đến «Đề xuất, kiến nghị» "
        "(trang «Số liệu»: cột số liệu hoặc «Ghi chú, giải trình»); không ghi ra ngoài bảng.",
    ),
    "ITEM_NOT_ASSIGNED": (
        "{item}: nhiệm vụ này không giao cho {agency_name}; câu trả lời ở dòng {row} không được tổng hợp.",
        "Xóa dòng này hoặc chuyển nội dung cho cơ quan chủ trì nhiệm vụ.",
    ),
    "ITEM_DUPLICATED": (
        "{item}: có hai dòng cho cùng nhiệm vụ (trang «{other_sheet}» dòng {other_row} và dòng {row}).",
        "Giữ một dòng, gộp nội dung vào dòng đó.",
    ),
    "EXTRA_SHEET": (
        "Trang «{sheet}» không thuộc biểu mẫu; nội dung trong đó không được tổng hợp.",
        "Chép nội dung cần báo cáo vào đúng dòng nhiệm vụ ở các trang của biểu mẫu.",
    ),
    "FIGURE_INVALID": (
        "{item}: «{text}» không phải là số.",
        "Ghi số vào ô {cell}, ví dụ 1234 hoặc 1.234; số lẻ dùng dấu phẩy (12,5).",
    ),
    "FIGURE_MISSING": (
        "{item} ({name}): chưa có số liệu kỳ này.",
        "Ghi số vào ô {cell}; không phát sinh thì ghi 0.",
    ),
    "FIGURE_NOT_ASSIGNED": (
        "{item}: chỉ tiêu này không do {agency_name} báo cáo; số ở ô {cell} không được tổng hợp.",
        "Xóa số này hoặc chuyển cho cơ quan báo cáo chỉ tiêu.",
    ),
    "FIGURE_NEGATIVE": (
        "{item} ({name}): số âm ({value}).",
        "Số liệu không được âm: sửa ô {cell}.",
    ),
    "FIGURE_NOT_WHOLE": (
        "{item} ({name}) = {value}: số đếm phải là số nguyên.",
        "Ghi số nguyên. Sửa ô {cell}.",
    ),
    "FIGURE_NOT_WHOLE_THOUSANDS": (
        "{item} ({name}) = {value}: số đếm phải là số nguyên.",
        "Nếu là {thousands} thì ghi {digits} (không dùng dấu chấm). Sửa ô {cell}.",
    ),
    "FIGURE_PART_EXCEEDS": (
        "{item} ({name}) = {value} lớn hơn tổng {total_code} ({total_name}) = {total}.",
        "Một phần không thể lớn hơn tổng: kiểm tra ô {cell} và ô của {total_code}.",
    ),
    "FIGURE_SUM_MISMATCH": (
        "{item} ({name}) = {value} nhưng các thành phần {parts} cộng lại = {sum}.",
        "Sửa cho tổng bằng tổng các thành phần (ô {cell} và các ô thành phần).",
    ),
    "FIGURE_RATE_RANGE": (
        "{item} ({name}) tính ra {value}, ngoài khoảng 0–100%.",
        "Kiểm tra các số {parts}: tử số không thể lớn hơn mẫu số.",
    ),
    "FIGURE_OUTLIER": (
        "{item} ({name}) = {value}, khác xa kỳ trước ({previous}, {previous_title}).",
        "Kiểm tra lại ô {cell}; nếu đúng thì ghi giải trình ở cột «Ghi chú, giải trình».",
    ),
    "FIGURE_OUTLIER_EXPLAINED": (
        "{item} ({name}) = {value}, khác xa kỳ trước ({previous}, {previous_title}); cơ quan đã giải trình: «{note}».",
        "Không cần cơ quan sửa gì; xem lại giải trình nếu cần.",
    ),
    "STATUS_READ_AS_CARRIED_OUT": (
        "{item}: «{status_in_progress}» ở nhiệm vụ thường xuyên/khi phát sinh đã ghi kết quả "
        "nên được hiểu là «{status_carried_out}».",
        "Nếu trong kỳ nhiệm vụ chưa được thực hiện, sửa trạng thái ở ô {cell}; từ nay chọn «{status_carried_out}» "
        "cho nhiệm vụ thường xuyên đã thực hiện trong kỳ.",
    ),
    "STATUS_CARRIED_OUT_ONE_OFF": (
        "{item}: «{status_carried_out}» chỉ dùng cho nhiệm vụ thường xuyên, định kỳ hoặc khi phát sinh, "
        "nhưng thời gian của sản phẩm này là «{timeframe}».",
        "Chọn «{status_done}» nếu sản phẩm đã xong (ghi ngày và văn bản minh chứng), "
        "hoặc «{status_in_progress}» nếu chưa xong (ô {cell}).",
    ),
    "STATUS_CONTRADICTION": (
        "{item}: cơ quan chủ trì báo «{lead_status}» nhưng {agency_name} (phối hợp) báo «{status}».",
        "Thống nhất với cơ quan chủ trì và sửa trạng thái cho đúng.",
    ),
    # --- evidence documents (information only: never a reason to send a form back) ---
    "EVIDENCE_PARTLY_READ": (
        "{item}: minh chứng «{text}» chỉ đọc được một phần: {problem}.",
        "Nếu là văn bản, ghi đủ theo dạng «Kế hoạch số 15/KH-UBND ngày 20/01/2026» để đưa vào danh mục tài liệu "
        "kiểm chứng; không bắt buộc sửa.",
    ),
    "EVIDENCE_FUTURE_DATE": (
        "{item}: minh chứng «{text}» ghi ngày {date}, sau ngày kiểm tra ({today}).",
        "Kiểm tra lại ngày ban hành văn bản (có thể gõ nhầm năm hoặc tháng).",
    ),
    "EVIDENCE_BEFORE_WINDOW": (
        "{item}: minh chứng «{text}» ghi ngày {date}, trước kỳ số liệu ({start} – {end}): báo cáo ghi văn bản này "
        "là căn cứ thực hiện («theo …»), không phải kết quả của kỳ.",
        "Nếu đó là văn bản của kỳ trước (còn lại từ biểu mẫu điền sẵn), ghi văn bản ban hành trong kỳ này hoặc "
        "để trống; nếu là căn cứ thực hiện thì giữ nguyên.",
    ),
    "EVIDENCE_NO_NUMBER": (
        "{item}: minh chứng «{text}» nêu văn bản nhưng không có số, ký hiệu.",
        "Nếu đã có văn bản, ghi số, ký hiệu và ngày (ví dụ «Kế hoạch số 15/KH-UBND ngày 20/01/2026»); sổ sách, "
        "hình ảnh, hồ sơ lưu thì không cần.",
    ),
    "EVIDENCE_NO_RETURNS": (
        "Năm {year} chưa có kỳ báo cáo nào có biểu mẫu các cơ quan gửi lại (trong {folder}/<kỳ>/).",
        "Chép các biểu mẫu đã nhận vào thư mục của từng kỳ (ví dụ input/{year}Q1/) rồi chạy lại.",
    ),
    "EVIDENCE_NUMBER_REUSED": (
        "{item}: «{text}» trùng số với «{other}» ({other_item}, {other_where}) của cùng cơ quan ban hành trong năm.",
        "Văn bản đi của một cơ quan được cấp số theo thứ tự trong năm: kiểm tra lại số, ký hiệu hoặc ngày ở sổ "
        "đăng ký văn bản đi (nếu cơ quan cấp số riêng cho từng loại văn bản thì bỏ qua).",
    ),
    "FEEDBACK_NOT_DELETED": (
        "Không xóa được bản phản hồi cũ {file} ({detail}); bản này đã cũ, các vấn đề trong đó đã được sửa.",
        "Đóng tệp nếu đang mở trong Excel rồi xóa tay, hoặc chạy lại lệnh; đừng gửi bản cũ này cho cơ quan.",
    ),
    # --- report templates and compile ----------------------------------------
    "TEMPLATE_UNDEFINED": (
        "Mẫu báo cáo {file}: biến «{detail}» không có trong dữ liệu báo cáo (có thể gõ sai tên).",
        "Mở mẫu bằng Word, sửa «{detail}» thành tên đúng. Các tên dùng được ở cấp ngoài cùng: {available}.",
    ),
    "TEMPLATE_SYNTAX": (
        "Mẫu báo cáo {file}: thẻ bị hỏng ({detail}) gần đoạn «{near}».",
        "Mở mẫu bằng Word, sửa thẻ cho đủ cặp {{{{ … }}}} hoặc {{% … %}} (gõ lại cả thẻ trong một lần, "
        "không định dạng riêng từng phần).",
    ),
    "PDF_UNAVAILABLE": (
        "Không tạo được bản PDF: {detail}",
        "Cài LibreOffice (gói libreoffice-writer) rồi chạy lại với --pdf; tệp .docx vẫn đã được tạo.",
    ),
    # --- periods and CLI -----------------------------------------------------
    "PERIOD_UNKNOWN": (
        "Kỳ báo cáo «{text}» không hợp lệ.",
        "Dùng một trong các mã: {examples}.",
    ),
    "WORKSPACE_MISSING": (
        "Không có thư mục {dir}.",
        "Kiểm tra lại --dir; muốn tạo thư mục làm việc mới thì chạy: {command}",
    ),
    "WORKSPACE_NOT_FOUND": (
        "Thư mục {dir} (và các thư mục chứa nó) chưa có sổ kế hoạch {file}: đây không phải thư mục làm việc.",
        "Chạy lệnh trong thư mục làm việc hoặc chỉ rõ bằng --dir; chưa có thì tạo: {command} "
        "(hoặc thêm --default-plan để dùng kế hoạch mặc định đi kèm).",
    ),
    "WORKSPACE_IN_INPUT": (
        "Thư mục {dir} nằm trong input/ của thư mục làm việc {workspace}; "
        "input/ chỉ chứa biểu mẫu các cơ quan gửi về, chương trình không ghi gì vào đó.",
        "Chạy lệnh trong thư mục làm việc, hoặc thêm {command}.",
    ),
    "WORKSPACE_NESTED": (
        "Thư mục {dir} nằm trong thư mục làm việc {workspace}.",
        "Tạo thư mục làm việc mới ở ngoài {workspace}; mỗi thư mục làm việc dùng cho một kế hoạch.",
    ),
    "DIR_NOT_EMPTY": (
        "Thư mục {dir} đã có sổ kế hoạch {file}.",
        "Chọn thư mục khác, hoặc thêm --force để tạo lại (sổ cũ sẽ bị thay thế).",
    ),
    "PERIOD_OUTSIDE_PLAN_YEAR": (
        "Kỳ {period} ({title}) không thuộc năm {year} của kế hoạch trong sổ kế hoạch.",
        "Kiểm tra lại --period (ví dụ {example}); nếu đã sang năm mới thì nhập kế hoạch của năm đó: "
        "cchc-excel plan import <tệp kế hoạch> --dir {dir}",
    ),
    "REPORT_DATE_BEFORE_DATA_END": (
        "Ngày ghi trên báo cáo {date} ở trước ngày chốt số liệu {end} của {title}: báo cáo ghi ngày khi số "
        "liệu của kỳ chưa đủ.",
        "Kiểm tra lại --date (ngày/tháng/năm); ngày báo cáo thường sau {end}.",
    ),
    "PLAN_ITEMS_UNASSIGNED": (
        "Chưa tạo biểu mẫu: {count} sản phẩm không có cơ quan chủ trì trong danh sách cơ quan nên không cơ quan "
        "nào báo cáo: {items}.",
        "Sửa cột «Cơ quan chủ trì» của các sản phẩm này ở trang «Nhiệm vụ», hoặc thêm cơ quan vào trang «Cơ quan» "
        "của sổ kế hoạch (xem chi tiết: {command}), rồi chạy lại.",
    ),
    "DEMO_DIR_IN_USE": (
        "Không chạy thử trong {dir}: đây là {kind}; lệnh demo ghi biểu mẫu bịa và báo cáo nháp nên sẽ làm hỏng "
        "số liệu thật.",
        "Chạy thử ở một thư mục mới, ví dụ: cchc-excel demo cchc-demo",
    ),
    "DEMO_DIR_EXISTS": (
        "Thư mục {dir} là thư mục chạy thử đã có từ lần trước.",
        "Thêm --force để chạy thử lại trong đó (các tệp chạy thử sẽ bị ghi đè), hoặc chọn thư mục mới.",
    ),
    "DEMO_INSIDE_WORKSPACE": (
        "Không chạy thử trong {dir}: thư mục này nằm trong thư mục làm việc {workspace}.",
        "Chạy thử ở ngoài thư mục làm việc, ví dụ trong thư mục chứa nó.",
    ),
    "AGENCY_UNKNOWN_CODE": (
        "Không có cơ quan mã «{agency}» (hoặc cơ quan này không có nhiệm vụ nào).",
        "Các mã hiện có: {codes}.",
    ),
}


# Pieces of text that fill a field of a catalogue message (a detail, a fix, an effect) or stand
# in a finding's parameter, by stable code. Rendered with :func:`phrase`.
PHRASES: dict[str, str] = {
    # --- LibreOffice (office.py): the detail of PLAN_DOC_CONVERT_FAILED / PDF_UNAVAILABLE ---
    "OFFICE_MISSING": "Không tìm thấy LibreOffice (lệnh soffice). Cài gói libreoffice rồi chạy lại.",
    "OFFICE_TIMEOUT": "LibreOffice chạy quá {seconds} giây khi chuyển {file}.",
    "OFFICE_NO_OUTPUT": "LibreOffice không tạo được {name} từ {file}.",
    # --- reading a return (intake.py): the detail of FILE_UNREADABLE / SHEET_UNREADABLE ---
    "READ_NOT_XLS": "nội dung không phải tệp Excel 97-2003",
    "READ_BROKEN": "tệp hỏng hoặc không đúng định dạng",
    "READ_XLS_BROKEN": "tệp .xls hỏng hoặc có mật khẩu",
    "READ_NO_MEMORY": "tệp cần quá nhiều bộ nhớ để đọc",
    "READ_ZIP_BROKEN": "dữ liệu nén bên trong tệp bị hỏng",
    "READ_XML_BROKEN": "nội dung bên trong tệp sai cấu trúc",
    "READ_PART_MISSING": "tệp thiếu một phần bên trong (trang tính hoặc dữ liệu dùng chung)",
    "READ_UNSUPPORTED": "tệp dùng một tính năng chưa được hỗ trợ",
    "READ_TECHNICAL": "{reason} (lỗi kỹ thuật: {name})",
    "READ_ENCODING": "trang được lưu bằng bảng mã {encoding} (không phải UTF-8 như Excel, LibreOffice lưu) nên "
                     "không đọc được ô nào",
    "CELLS_FAR_OTHERS": " (và {count} ô khác ở xa)",
    # --- report templates (docx_render.py): the detail of TEMPLATE_SYNTAX ---
    "TEMPLATE_TAGS_UNPAIRED": "thẻ mở và thẻ đóng không khớp",
    # --- plan import (plan.py): the fix of PLAN_ROW_UNPLACED ---
    "PLAN_FIX_DELETE_ROW": "Xóa dòng này khỏi bảng nhiệm vụ hoặc ghi nó thành một nhiệm vụ.",
    "PLAN_FIX_PROSE_ROW": "Lời văn nằm trong bảng nhiệm vụ: nếu là nhiệm vụ, ghi nội dung vào cột «Nội dung/Nhiệm vụ».",
    "PLAN_FIX_MERGE_UP": "Dòng chỉ có cơ quan hoặc thời gian: ghép nội dung vào dòng nhiệm vụ phía trên.",
    # --- plan lint (lint.py): the effect of LINT_SETTING_BLANK, an empty text ---
    "BLANK_COMMUNE_EFFECT": "«XÃ » ở đầu báo cáo và «UBND xã  báo cáo…»",
    "BLANK_PLAN_NUMBER_EFFECT": "«Thực hiện Kế hoạch số  về…»",
    "BLANK_PLAN_DATE_EFFECT": "câu căn cứ không có ngày của kế hoạch",
    "BLANK_SIGNER_EFFECT": "khối chữ ký không có tên người ký",
    # --- plan lint (lint.py): what the report makes of a text said for another locality ---
    # --- plan lint (lint.py): how to set the signature block right (LINT_SIGNER_AUTHORITY) ---
    "SIGNER_FIX_DEPUTY": "Ghi «KT. CHỦ TỊCH» vào «{label}»",
    "SIGNER_FIX_CHAIRMAN": "Để trống «{label}»",
    "LOCALITY_SAID_BY_REPORT": "báo cáo đã tự in «{suggestion}»",
    "LOCALITY_AS_WRITTEN": "cho đến khi sửa, báo cáo in nguyên như đã ghi",
    "TEXT_BLANK": "(trống)",
    # --- the command line (cli.py): problem lines on the console ---
    "WITH_FIX": "{message}\n→ Cách khắc phục: {fix}",
    "CLI_ERROR": "Lỗi: {text}",
    "CLI_WARNING": "Cảnh báo: {text}",
    "CLI_WORKSPACE": "Thư mục làm việc: {dir}",
    "CLI_DEFAULT_PLAN": (
        "Thư mục «{dir}» chưa có sổ kế hoạch ke-hoach-cchc.xlsx: dùng kế hoạch mặc định đi kèm "
        "(Kế hoạch số {number} ngày {date} của {issuer}). Tạo sổ kế hoạch riêng: {command}"),
    "CLI_INTERRUPTED_IN_COMMAND": (
        "Đã dừng theo yêu cầu (Ctrl-C); các tệp đã ghi xong vẫn giữ nguyên, tệp đang ghi dở không được lưu."),
    "CLI_INTERRUPTED": "Đã dừng theo yêu cầu (Ctrl-C).",
    "CLI_INTERNAL_ERROR": (
        "Lỗi không mong đợi trong chương trình ({name}: {detail}). "
        "Vui lòng gửi lệnh đã chạy và tệp liên quan cho nhóm phát triển; "
        "đặt biến môi trường CCHC_DEBUG=1 để xem chi tiết."),
    "CLI_BAD_DATE": "«{text}» không phải ngày dạng ngày/tháng/năm (ví dụ 17/03/2026).",
    "CLI_BAD_YEAR": "«{text}» không phải năm (ví dụ 2026).",
    "CLI_REPORT_MADE": "Đã lập báo cáo {title}: {file}",
    "CLI_SUMMARY_MADE": "Bảng tổng hợp: {file}",
    "CLI_PDF_MADE": "Bản PDF: {file}",
    "CLI_EXPORTED": (
        "Đã xuất dữ liệu {title} ({sent}/{expected} cơ quan đã nộp): {answers} dòng trả lời, {figures} dòng số liệu."),
    "CLI_EXPORT_WORKBOOK": "Bảng tính: {file}",
    "CLI_REPORT_BLOCKED": (
        "[red]Chưa lập báo cáo:[/red] còn {count} lỗi phải sửa (xem trên). "
        "Sửa xong chạy lại, hoặc thêm --draft để lập bản nháp có đánh dấu chỗ thiếu."),
    "CLI_REPORT_DRAFT": (
        "[yellow]BẢN NHÁP:[/yellow] còn {count} lỗi; các chỗ thiếu được tô vàng trong báo cáo. Danh sách: {file}"),
    "CLI_EXPORT_BLOCKING": (
        "[yellow]Lưu ý:[/yellow] biểu mẫu còn {count} lỗi phải sửa; giá trị lỗi chỉ "
        "có ở cột «như đã ghi». Chạy «cchc-excel check» để xem và sửa, rồi xuất lại."),
    # --- the check's console lines (console.py) ---
    "CHECK_INBOX_EMPTY": (
        "[yellow]Chưa có tệp nào trong {dir}/.[/yellow] Chép các biểu mẫu các cơ quan gửi về "
        "vào thư mục này (tên tệp tùy ý) rồi chạy lại."),
    "CHECK_SUPERSEDED": "{count} tệp gửi trước đã được thay bằng bản gửi sau (không dùng):",
    "CHECK_MORE_FILES": "  … và {count} tệp khác.",
    "CHECK_MORE_FINDINGS": "… và {count} vấn đề khác.",
    "WHERE_FILE": "tệp {file}",
    "WHERE_SHEET": "trang «{sheet}»",
    "WHERE_CELL": "ô {cell}",
    "CONSOLE_NOTE": "[yellow]Lưu ý:[/yellow] {text}",
    # --- console lines of every command (cli.py, console.py): what was done and what to do next ---
    "CLI_INIT_MADE": "Đã tạo sổ kế hoạch: {file}",
    "CLI_INIT_OPEN": (
        "Mở tệp này bằng Excel để sửa thiết lập (người ký, nơi nhận…), danh sách cơ quan, nhiệm vụ và chỉ tiêu."),
    "CLI_INIT_NEXT": (
        "Tiếp theo: cchc-excel plan check --dir {dir}   rồi   "
        "cchc-excel forms --period <kỳ, ví dụ 2026Q1> --dir {dir}"),
    "CLI_PLAN_CHECKED": "Kết quả soát kế hoạch: {errors} lỗi, {warnings} cảnh báo, {infos} gợi ý ({items} sản phẩm).",
    "PLAN_COUNTS": "{sections} phần, {tasks} nhiệm vụ, {items} sản phẩm, {agencies} cơ quan",
    "CLI_IMPORT_PREVIEWED": "Xem trước ({counts}): chưa ghi gì. Chạy lại không có --preview để nhập.",
    "CLI_IMPORT_CREATED": "Đã tạo sổ kế hoạch {file}: {counts}.",
    "CLI_IMPORT_UPDATED": "Đã cập nhật sổ kế hoạch {file}: {counts}.",
    "CLI_IMPORT_BACKUP": "Bản cũ được lưu ở: {file}",
    "CLI_IMPORT_ROWS_LEFT": (
        "Còn {count} dòng chưa nhập (xem ở trên): sửa trong tệp kế hoạch rồi nhập lại, "
        "hoặc thêm trực tiếp vào trang «Nhiệm vụ» của sổ kế hoạch."),
    "CLI_FORMS_CARRIED": (
        "Biểu mẫu của {agencies} được điền sẵn từ {title} (ô nền xanh): sản phẩm đã hoàn thành giữ nguyên; "
        "sản phẩm chưa xong có gợi ý để cơ quan cập nhật và chọn trạng thái kỳ này."),
    "CLI_FORMS_MADE": (
        "Đã tạo {count} biểu mẫu; hạn các cơ quan gửi lại: {deadline}. "
        "Gửi mỗi cơ quan tệp của mình; nhận lại thì chép vào {inbox}/ (tên tệp tùy ý)."),
    "CLI_FIGURES_NOTE": "[yellow]{text}[/yellow]",
    "CLI_EXPORT_CSV": "CSV: {file}",
    "CLI_EVIDENCE_MADE": (
        "Danh mục tài liệu kiểm chứng năm {year}: {entries} dòng, trong đó {documents} văn bản "
        "có số, ký hiệu (từ các kỳ: {periods})."),
    "CLI_EVIDENCE_WORKBOOK": "Bảng Excel: {file}",
    "CLI_EVIDENCE_ANNEX": "Phụ lục Word: {file}",
    "CLI_TEMPLATE_BAD": "[red]LỖI[/red] {problem}",
    "CLI_TEMPLATE_DEFAULT_OK": "[green]Đạt[/green] {name} (mẫu mặc định đi kèm)",
    "CLI_TEMPLATE_OWN_OK": "[green]Đạt[/green] {name} (bản trong templates/)",
    "DEMO_TITLE": "[bold]Chạy thử cchc-excel — {title}[/bold] (thư mục {dir})",
    "DEMO_PLAN": "1. Sổ kế hoạch: {file}",
    "DEMO_FORMS": "2. Biểu mẫu: {count} tệp trong {dir}/",
    "DEMO_RETURNED": "3. Các cơ quan gửi lại {count} tệp vào {dir}/ ({late} chưa gửi)",
    "DEMO_REPORT": "4. Báo cáo (bản nháp, chỗ thiếu tô vàng): {file}",
    "DEMO_SUMMARY": "   Bảng tổng hợp: {file}",
    "DEMO_EVIDENCE": "5. Danh mục tài liệu kiểm chứng năm {year}: {workbook} và {annex}",
    "DEMO_NEXT": "Tiếp theo: mở báo cáo bằng Word; xem README để chạy với số liệu thật.",
    "PLAN_SOURCE_LINE": "Kế hoạch số {number} ngày {date} của {issuer} — nguồn: {source}",
    "PLAN_SOURCE_ONLY": "Nguồn: {source}",
    "PLAN_TOTALS": "Tổng cộng: {sections} phần, {tasks} nhiệm vụ, {items} sản phẩm, {indicators} chỉ tiêu số liệu.",
    "FINDING_LINE": "{severity} {message}",
    "FINDING_LINE_AT": "{severity} {message} [dim]({where})[/dim]",
    "FINDING_FIX": "    → {fix}",
    "SEVERITY_ERROR": "[red]LỖI[/red]",
    "SEVERITY_WARNING": "[yellow]Cảnh báo[/yellow]",
    "SEVERITY_INFO": "[cyan]Gợi ý[/cyan]",
    "STATE_SENT": "[green]Đã nộp[/green]",
    "STATE_MISSING": "[red]Chưa nộp[/red]",
    "STATE_REJECTED": "[red]Bị từ chối[/red]",
    "CHECK_SUPERSEDED_FILE": "  [dim]{message}[/dim]",
    "CHECK_PRODUCTS": "Theo các biểu mẫu đã nhận — {products}",
    "CHECK_TOTALS": (
        "Đã nộp {sent}/{agencies} cơ quan; {errors} lỗi phải sửa, {warnings} cảnh báo ({files} tệp đã đọc)."),
    "CHECK_DEADLINE": "Hạn các cơ quan gửi lại biểu mẫu: {deadline}.",
    "CHECK_FULL_LIST": "Danh sách đầy đủ: {file}",
    "CHECK_FEEDBACK": "Bản phản hồi cho {count} cơ quan (ô cần sửa tô đỏ): {dir}/",
    "PRODUCTS_LINE": (
        "Sản phẩm đến hạn: {due}; hoàn thành {done}, đã thực hiện trong kỳ {carried_out} (đạt {done_rate} của "
        "{expected} sản phẩm phải thực hiện); đang thực hiện {in_progress}; chưa thực hiện {not_started}; "
        "chưa phát sinh {not_arisen}; chưa báo cáo {not_reported}; quá hạn {overdue}."),
    "PRODUCTS_DONE_EARLIER": " Ngoài ra {count} sản phẩm đã hoàn thành từ kỳ trước (không tính vào kỳ này).",
    "PROGRESS_READING": "Đang đọc biểu mẫu",
    "PROGRESS_PDF": "Đang chuyển báo cáo sang PDF (LibreOffice)",
    # --- console tables (console.py, cli.py): titles and column headers ---
    "TABLE_FORMS": "Biểu mẫu {title}",
    "TABLE_SUBMISSIONS": "Tình hình nộp biểu mẫu {title}",
    "TABLE_AGENCIES": "Cơ quan",
    "TABLE_INDICATORS": "Chỉ tiêu số liệu",
    "COLUMN_CODE": "Mã",
    "COLUMN_PRODUCT": "Hoạt động/Sản phẩm",
    "COLUMN_LEAD": "Chủ trì",
    "COLUMN_COORDINATORS": "Phối hợp",
    "COLUMN_TIMEFRAME": "Thời gian",
    "COLUMN_NAME": "Tên",
    "COLUMN_KIND": "Loại",
    "COLUMN_INDICATOR": "Chỉ tiêu",
    "COLUMN_UNIT": "Đơn vị",
    "COLUMN_SECTION": "Phần",
    "COLUMN_REPORTED_BY": "Cơ quan báo cáo",
    "COLUMN_TARGET": "Chỉ tiêu KH",
    "COLUMN_AGENCY": "Cơ quan",
    "COLUMN_STATE": "Tình trạng",
    "COLUMN_ERRORS": "Lỗi",
    "COLUMN_WARNINGS": "Cảnh báo",
    "COLUMN_PRODUCTS": "Số sản phẩm",
    "COLUMN_FILE": "Tệp",
    "AGENCY_KIND_OWN": "cơ quan của xã",
    "AGENCY_KIND_PARTNER": "đối tác",
    "INDICATOR_COMPUTED": "(tự tính)",
    # --- what the system said about a file (files.py): the detail of FILE_UNREADABLE / FILE_WRITE_FAILED ---
    "OS_NO_ACCESS": "không có quyền truy cập tệp (tệp đang mở trong chương trình khác hoặc bị chặn quyền)",
    "OS_IS_DIRECTORY": "đây là một thư mục, không phải tệp",
    "OS_DISK_FULL": "ổ đĩa đã hết chỗ trống",
    "OS_READ_ONLY": "ổ đĩa chỉ cho đọc",
    "OS_NAME_TOO_LONG": "tên hoặc đường dẫn tệp quá dài",
    "OS_BUSY": "tệp đang được chương trình khác sử dụng",
    "OS_OPEN_ELSEWHERE": "tệp đang mở trong chương trình khác (Excel/Word); đóng tệp rồi thử lại",
    "OS_ERROR_NUMBER": "lỗi hệ thống tệp (mã {number})",
    "OS_ERROR": "lỗi hệ thống tệp",
    # --- reading a plan file (plan_sources.py): details of FILE_UNREADABLE / FILE_TYPE_UNSUPPORTED ---
    "READ_TXT_BINARY": "tệp nhị phân, không phải văn bản",
    "READ_TXT_NOT_UTF8": "tệp không mã hóa UTF-8",
    "EXTENSION_NONE": "(không có)",
    "WHERE_TABLE": ", bảng {number}",
    "WHERE_IN_SHEET": ", trang «{sheet}»",
    # --- the return deadline (deadlines.py): shown by forms, check and the forms' guide ---
    "DEADLINE_BEFORE_REPORT": "{due} ({days} ngày làm việc trước ngày gửi báo cáo lên tỉnh, {report})",
    "DEADLINE_BEFORE_DATA_END": (
        "hạn gửi lại trước ngày cuối kỳ số liệu ({end}): số liệu từ sau ngày gửi đến hết ngày {end} là số ước tính."),
    "DEADLINE_REPORT_DAY_UNSET": (
        "chưa ghi «Ngày gửi báo cáo lên tỉnh» trong trang «Thiết lập» của sổ kế hoạch: tạm tính ngày 20 tháng "
        "cuối kỳ (hạn tỉnh gửi Bộ Nội vụ). Ghi ngày tỉnh quy định để hạn gửi lại biểu mẫu đúng."),
    # --- the pipeline (pipeline.py) ---
    "PLAN_SOURCE_EMBEDDED": "kế hoạch mặc định đi kèm ({file})",
    "UNASSIGNED_ITEM": "{item} (chủ trì: {lead})",
    "UNASSIGNED_NO_LEAD": "chưa ghi",
    "WARNING_WITH_FIX": "{message}\n→ {fix}",
    # --- plan import (planimport.py): how each fact of the plan was taken (preview), a new agency's note ---
    "IMPORT_FROM_DOCUMENT": "lấy từ tài liệu",
    "IMPORT_KEPT": "giữ như trong sổ kế hoạch",
    "IMPORT_KEPT_NOT_IN_DOCUMENT": "giữ như trong sổ kế hoạch (tài liệu không ghi)",
    "IMPORT_GUESSED_YEAR": "suy ra từ thời gian thực hiện",
    "IMPORT_BLANK": "chưa có: điền ở trang «Thiết lập»",
    "IMPORT_DOCUMENT_SAYS": "tài liệu ghi «{value}»",
    "IMPORT_BEFORE": "trước đây: «{value}»",
    "AGENCY_NEW_CHECK_KIND": "Mới: kiểm tra cột «Loại» (chương trình đoán {kind})",
    # --- characters removed from a text (textnorm.py): the {text} of TEXT_CLEANED ---
    "CHAR_SOFT_HYPHEN": "dấu gạch nối mềm",
    "CHAR_BOM": "dấu BOM",
    "CHAR_ZERO_WIDTH": "ký tự độ rộng bằng 0",
    "CHAR_CONTROL": "ký tự điều khiển",
    # --- the «Chỉ tiêu» sheet (indicatorbook.py): the detail of WORKBOOK_BAD_INDICATOR and its lists ---
    "INDICATOR_CODE_DUPLICATED": "mã chỉ tiêu {code} bị trùng (đã có ở ô {cell})",
    "INDICATOR_BUILT_ON_DROPPED": "chỉ tiêu {code} dựa vào chỉ tiêu đã bỏ",
    "INDICATOR_NAMES_MISSING": "chỉ tiêu {code} nhắc tới mã không có",
    "INDICATOR_NAMES_MISSING_CODE": "chỉ tiêu {code} nhắc tới mã «{ref}» không có",
    "INDICATOR_NO_SECTION": "chỉ tiêu {code} «{name}»: không có phần «{section}» trong kế hoạch",
    "INDICATOR_NO_AGENCY": "chỉ tiêu {code}: không có cơ quan «{agency}» trong trang «Cơ quan»",
    "INDICATOR_TARGET_NOT_NUMBER": "chỉ tiêu {code}: «{text}» không phải là số",
    "INDICATOR_RATE_NEEDS_PARTS": "tỷ lệ {code} cần tử số và mẫu số (mã các chỉ tiêu số lượng)",
    "THIS_PERIOD": "kỳ này",
    # --- the demo (demo.py) ---
    "DEMO_DIR_WORKSPACE": "thư mục làm việc có sổ kế hoạch",
    "DEMO_DIR_NOT_EMPTY": "thư mục đã có nội dung",
    "DEMO_MARKER": "Thư mục chạy thử của cchc-excel (lệnh demo): số liệu trong đây là số liệu bịa.",
    # --- plan workbook (planbook.py): the detail of WORKBOOK_BAD_SETTING / WORKBOOK_BAD_AGENCY ---
    "SETTING_BAD_DATE": "ngày «{text}» không đúng dạng ngày/tháng/năm",
    "SETTING_BAD_PERIOD": "kỳ «{text}» không hợp lệ; dùng: {periods}",
    "SETTING_BAD_YES_NO": "«{text}» không hợp lệ; ghi «Có» hoặc «Không»",
    "SETTING_BAD_LOCALITY": "«{text}» không hợp lệ; ghi «xã», «phường» hoặc «đặc khu»",
    "SETTING_NOT_A_NUMBER": "«{text}» không phải là số",
    "SETTING_BAD_YEAR": "năm {year} không hợp lệ",
    "SETTING_REPORT_DAYS_BY_PERIOD": (
        "ghi theo từng kỳ, ví dụ «Quý I: 16/03; 6 tháng: 16/06; Quý III: 16/09; Năm: 16/12»"),
    "SETTING_BAD_DAY": "ngày {day} không hợp lệ (ghi từ 1 đến 28, hoặc ghi ngày cho từng kỳ)",
    "SETTING_BAD_PERIOD_DAY": "«{text}» không đúng dạng «Kỳ: ngày/tháng» (kỳ là một trong: {periods})",
    "SETTING_BAD_DAY_MONTH": "ngày «{text}» của kỳ {period} không đúng dạng ngày/tháng",
    "SETTING_BAD_DATE_IN_LIST": "ngày «{text}» không đúng dạng ngày/tháng/năm (ví dụ 22/08/2026)",
    "AGENCY_NO_NAME": "cơ quan mã «{agency}» chưa có tên",
    "AGENCY_CODE_DUPLICATED": "mã «{agency}» bị trùng",
    # --- plan import preview (planpreview.py): console lines ---
    "PREVIEW_FILE": "Tệp: {file}",
    "PREVIEW_TASK_TABLE": "bảng nhiệm vụ",
    "PREVIEW_READ": "Đã đọc: {tables}; cột: {columns}",
    "PREVIEW_HEADERS_SKIPPED": "Bỏ qua {count} dòng tiêu đề bảng lặp lại (sang trang).",
    "PREVIEW_META": "Thông tin kế hoạch:",
    "PREVIEW_COUNTS": "Phần ({sections}), nhiệm vụ ({tasks}), sản phẩm ({items}):",
    "PREVIEW_SECTION": "  {code}. {title}: {tasks} nhiệm vụ, {items} sản phẩm → báo cáo {place}",
    "PREVIEW_PLACE_DIRECTION": "mục I",
    "PREVIEW_PLACE_OTHER": "mục II.{number}",
    "PREVIEW_NO_DIRECTION": "  (Kế hoạch không có phần «chỉ đạo, điều hành»: mục I của báo cáo sẽ để trống.)",
    "PREVIEW_GROUPS": "  Nhóm nhiệm vụ trong phần: {groups}",
    "PREVIEW_INDICATORS_UNPLACED": (
        "Chỉ tiêu không xếp được vào phần nào của kế hoạch mới ({count}), "
        "đã bỏ khỏi trang «Chỉ tiêu» (bản cũ vẫn ở tệp sao lưu):"),
    "PREVIEW_INDICATOR_UNPLACED": "  - {code} «{name}» (ô {cell}): {detail}",
    "PREVIEW_ROWS_UNPLACED": "Dòng không nhập được ({count}); phần còn lại đã nhập:",
    "PREVIEW_ALL_ROWS_IMPORTED": "Mọi dòng của bảng nhiệm vụ đều đã nhập.",
    "PREVIEW_AGENCIES": "Cơ quan ({count}): {agencies}",
    "PREVIEW_NEW_AGENCIES": (
        "  Cơ quan mới ({count}), loại do chương trình đoán — xác nhận ở trang «Cơ quan» (cột «Loại»):"),
    "PREVIEW_KIND_OWN": "cơ quan của xã",
    "PREVIEW_KIND_PARTNER": "đối tác bên ngoài",
    "PREVIEW_TIMEFRAMES": "Thời gian thực hiện ({count} cách ghi):",
    "PREVIEW_TIMEFRAME": "  - «{text}»: {kind}{when} ({count} sản phẩm)",
    "PREVIEW_DUE_IN": " → báo cáo trong kỳ: {periods}",
    "PREVIEW_DUE_EVERY": " → báo cáo mọi kỳ",
    "PREVIEW_DUE_OUTSIDE": " → ngoài các kỳ báo cáo của năm",
    "PREVIEW_TIMEFRAMES_MORE": "  … và {count} cách ghi khác đã hiểu.",
    "PREVIEW_TIMEFRAMES_UNKNOWN": "  Chưa hiểu ({count} cách ghi; «cchc-excel plan check» liệt kê từng sản phẩm):",
}


# Codes that mean the command was asked wrongly (exit 2), not that an input is unusable (exit 3).
USAGE_ERRORS = frozenset({
    "PERIOD_UNKNOWN", "AGENCY_UNKNOWN_CODE", "DEMO_DIR_IN_USE", "DEMO_DIR_EXISTS", "DEMO_INSIDE_WORKSPACE",
    "WORKSPACE_MISSING", "WORKSPACE_NOT_FOUND", "WORKSPACE_IN_INPUT", "WORKSPACE_NESTED", "DIR_NOT_EMPTY",
})

# Codes that stop a command because the officer has something to fix first (exit 1).
PROBLEM_ERRORS = frozenset({"PLAN_ITEMS_UNASSIGNED"})


def quoted(path: object) -> str:
    """A path as it can be pasted into a command: in double quotes when it
    holds a space or a character the shell would read (cmd.exe and POSIX
    shells both take double quotes)."""
    text = str(path)
    if text and all(ch.isalnum() or ch in "-_./\\:~+,=@" for ch in text):
        return text
    return '"' + text.replace('"', '\\"') + '"'


# The severity of each code used as a finding: one per code (a code that is an error in one
# place and a warning in another is two codes). Codes not listed are errors.
WARNINGS = frozenset({
    "ROW_MISSING_OPTIONAL", "STATUS_MISSING_COORDINATOR", "DONE_NO_DATE", "DONE_NO_EVIDENCE",
    "DATE_OUTSIDE_WINDOW", "NOT_ARISEN_INVALID", "STATUS_CARRIED_OUT_ONE_OFF", "ITEM_OVERDUE", "RESULT_THIN",
    "RESULT_MISSING", "STATUS_CONTRADICTION", "CELL_TOO_LONG", "ITEM_NOT_ASSIGNED", "ITEM_DUPLICATED",
    "FIGURE_NOT_ASSIGNED", "FIGURE_OUTLIER", "VALUE_UNPLACED", "VALUE_OUTSIDE_TABLE", "EXTRA_SHEET",
    "CELL_TOO_FAR", "CELL_UNREADABLE", "CELL_READ_AS_TEXT", "HEADER_RETYPED", "HEADER_EMPTY",
    "FEEDBACK_NOT_DELETED", "RETURN_FOLDER",
    "LINT_YEAR", "LINT_TIMEFRAME_UNKNOWN", "LINT_CHI_SO", "LINT_SLIP", "LINT_LEAD_IS_COORDINATOR", "LINT_SETTING_BLANK",
    "REPORT_SIGNER_BLANK", "LINT_PROVINCE_UNNAMED", "LINT_LOCALITY_RECIPIENT", "LINT_LOCALITY_INDICATOR",
    "LINT_LOCALITY_AGENCY",
    "LINT_LOCALITY_SETTING",
    "LINT_SIGNER_AUTHORITY", "LINT_NEXT_YEAR",
    "PLAN_ROW_UNPLACED", "PLAN_ROW_BEFORE_SECTION", "PLAN_ORPHAN_PRODUCT",
})
INFOS = frozenset({
    "RETURN_LOCK_FILE", "RETURN_SUPERSEDED", "STATUS_UNDERSTOOD", "DATE_UNDERSTOOD", "FIGURE_UNDERSTOOD",
    "STATUS_READ_AS_CARRIED_OUT", "TEXT_CLEANED", "RETURN_RENAMED", "EVIDENCE_PARTLY_READ", "EVIDENCE_FUTURE_DATE",
    "EVIDENCE_BEFORE_WINDOW",
    "EVIDENCE_NO_NUMBER", "EVIDENCE_NUMBER_REUSED", "ITEM_OVERDUE_EXPLAINED", "FIGURE_OUTLIER_EXPLAINED",
    "LINT_TARGET", "LINT_TARGET_NOT_RECORDED", "LINT_TARGET_NO_INDICATOR",
})


def severity_of(code: str) -> Severity:
    """The one severity of a finding code, from the catalogue."""
    if code in WARNINGS:
        return Severity.WARNING
    if code in INFOS:
        return Severity.INFO
    return Severity.ERROR


# Jinja's syntax messages (English) in the officer's words: (pattern, Vietnamese).
_TAG_NAMES = {"end of print statement": "«}}»", "end of statement block": "«%}»", "in": "«in»"}
_JINJA = (
    (r"Unexpected end of template\. Jinja was looking for the following tags: (?P<tags>.+?)\. "
     r"The innermost block that needs to be closed is '(?P<block>\w+)'",
     "thẻ «{{% {block} %}}» chưa được đóng (cần thêm {tags})"),
    (r"Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for the following tags: (?P<tags>.+?)\. "
     r"The innermost block that needs to be closed is '(?P<block>\w+)'",
     "gặp thẻ «{{% {tag} %}}» trong khi thẻ «{{% {block} %}}» chưa được đóng (cần {tags})"),
    (r"Encountered unknown tag '(?P<tag>\w+)'",
     "thẻ «{{% {tag} %}}» không hợp lệ: gõ sai tên thẻ, hoặc thiếu thẻ mở tương ứng"),
    (r"unexpected end of template, expected '(?P<expected>[^']+)'", "thẻ chưa được đóng (thiếu {expected})"),
    (r"expected token '(?P<expected>[^']+)', got '(?P<got>[^']+)'", "trong thẻ có chữ thừa «{got}» (cần {expected})"),
    (r"unexpected char (?P<char>\S+) at \d+", "ký tự {char} không đúng chỗ (thường là dấu nháy thiếu cặp)"),
    (r"unexpected '(?P<char>[^']+)'", "ký tự «{char}» không đúng chỗ"),
    (r"No filter named '(?P<name>[^']+)'", "không có bộ lọc «{name}»"),
    (r"No test named '(?P<name>[^']+)'", "không có phép thử «{name}»"),
    (r"expected name or number", "thiếu tên biến sau dấu chấm"),
)


def jinja_detail(message: str) -> str:
    """A Jinja TemplateSyntaxError message in Vietnamese (never the English text)."""
    import re

    def tags(text: str) -> str:
        names = re.findall(r"'(\w+)'", text)
        return " hoặc ".join(f"«{{% {name} %}}»" for name in names)

    for pattern, vietnamese in _JINJA:
        match = re.search(pattern, message or "")
        if match:
            fields = {k: (tags(v) if k == "tags" else _TAG_NAMES.get(v, v)) for k, v in match.groupdict().items()}
            return vietnamese.format(**fields)
    return "cú pháp thẻ không đúng"


def finding(code: str, *, item: str = "", agency: str = "", file: str = "", sheet: str = "",
            cell: str = "", column: str = "", **fields: object):
    """A Finding as data: its code (severity from the catalogue), where it is
    and the parameters of its message. The text is rendered at the edge
    (:func:`describe`), when someone reads it."""
    from .models import Finding

    CATALOG[code]   # an unknown code fails here, where it is made, not where it is shown
    params = tuple(sorted((k, v if isinstance(v, str) else str(v)) for k, v in fields.items()))
    return Finding(code=code, severity=severity_of(code), params=params, item=item, agency=agency,
                   file=file, sheet=sheet, cell=cell, column=column)


def describe(finding) -> tuple[str, str]:
    """(message, fix) of a finding in Vietnamese: the one place findings become text."""
    return render(finding.code, item=finding.item, agency=finding.agency, file=finding.file,
                  sheet=finding.sheet, cell=finding.cell, **dict(finding.params))


def render(code: str, **fields: object) -> tuple[str, str]:
    """(message, fix) for a catalogue code with its fields filled in.

    Every message may name a status by ``{status_<value>}`` (``{status_done}``
    -> «Đã hoàn thành»): the labels live on :class:`models.Status` only."""
    message, fix = CATALOG[code]
    fields = {**STATUS_FIELDS, **fields}
    return message.format(**fields), fix.format(**fields)


def phrase(code: str, /, **fields: object) -> str:
    """A catalogue phrase (a piece of another message) with its fields filled in."""
    return PHRASES[code].format(**{**STATUS_FIELDS, **fields})


class CchcError(Exception):
    """A problem that stops the run; shown to the user as Vietnamese text."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message, self.fix = render(code, **fields)
        super().__init__(self.message)

    @property
    def problem(self) -> bool:
        """True when the officer must fix something first (the run found it, the command was right)."""
        return self.code in PROBLEM_ERRORS

    @property
    def usage(self) -> bool:
        """True when the command was asked wrongly (a bad period, an unknown code, a wrong folder)."""
        return self.code in USAGE_ERRORS

    def __str__(self) -> str:
        return phrase("WITH_FIX", message=self.message, fix=self.fix)
