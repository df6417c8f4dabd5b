"""The plans of the corpus (see tests/plancorpus.py for the row shapes)."""

from __future__ import annotations

from plancorpus import NBSP, Layout, PlanSpec

HOA_BINH_HEADER = ("STT", "Nội dung công việc", "Kết quả/Sản phẩm đầu ra", "Đơn vị chủ trì",
                   "Đơn vị phối hợp", "Thời gian hoàn thành", "Ghi chú")
STD_COLUMNS = ("tt", "task", "product", "lead", "coord", "time")
STD7 = STD_COLUMNS + ("extra:Ghi chú",)

# 1. Arabic-numbered sections, sub-groups "a)", two-row header with a merged
#    «Đơn vị thực hiện», a header repeated after a page break, prose around.
HOA_BINH = PlanSpec(
    "hoa-binh-arabic",
    Layout(
        columns=STD7,
        header=("STT", "Nội dung công việc", "Kết quả/Sản phẩm đầu ra", "Đơn vị thực hiện", "",
                "Thời gian hoàn thành", "Ghi chú"),
        header2=("", "", "", "Chủ trì", "Phối hợp", "", ""),
        span=(3, 2),
        repeat_header_every=9,
        title_lines=(
            "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
            "Phụ lục",
            "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
            "(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND xã Hòa Bình)",
        ),
        after_lines=("Trên đây là danh mục nhiệm vụ cải cách hành chính năm 2026 của UBND xã Hòa Bình.",),
    ),
    [
        ("section", "1. Công tác chỉ đạo, điều hành"),
        ("task", "1", "Xây dựng Kế hoạch CCHC năm 2026", "Kế hoạch CCHC năm 2026",
         "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Trước 30/01/2026"),
        ("task", "2", "Báo cáo CCHC định kỳ", "Báo cáo quý, 6 tháng, năm", "Văn phòng HĐND và UBND",
         "", "Hằng quý"),
        ("task", "3", "Kiểm tra công tác CCHC tại các cơ quan", "Kế hoạch kiểm tra",
         "Văn phòng HĐND và UBND", "Phòng Văn hoá - Xã hội", "Từ tháng 3 đến tháng 6/2026"),
        ("product", "Thông báo kết luận kiểm tra", "", "", "Tháng 7/2026"),
        ("section", "2. Cải cách thể chế"),
        ("task", "1", "Rà soát văn bản quy phạm pháp luật", "Báo cáo kết quả rà soát",
         "Văn phòng HĐND và UBND", "Công an xã, Ban Chỉ huy Quân sự xã", "Quý II và Quý IV/2026"),
        ("task", "2", "Phổ biến, giáo dục pháp luật", "Hội nghị tuyên truyền",
         "Phòng Văn hoá - Xã hội", "Hội Nông dân xã; Đoàn Thanh niên xã", "Theo kế hoạch của UBND xã"),
        ("section", "3. Cải cách thủ tục hành chính"),
        ("group", "a) Kiểm soát thủ tục hành chính"),
        ("task", "1", "Công khai TTHC tại Trung tâm", "Danh mục TTHC được công khai",
         "Trung tâm Phục vụ hành chính công", "", f"Thường{NBSP}xuyên"),
        ("task", "2", "Rà soát, đơn giản hoá TTHC", "Phương án đơn giản hoá", "Trung tâm Phục vụ hành chính công",
         "Văn phòng HĐND và UBND", "Tháng Sáu năm 2026"),
        ("group", "b) Cơ chế một cửa, một cửa liên thông"),
        ("task", "1", "Tiếp nhận, trả kết quả TTHC qua dịch vụ bưu chính công ích",
         "Hồ sơ tiếp nhận qua bưu chính", "Trung tâm Phục vụ hành chính công", "Bưu điện xã",
         "Thường xuyên"),
        ("section", "4. Cải cách tổ chức bộ máy"),
        ("task", "1", "Sắp xếp tổ chức bộ máy các cơ quan chuyên môn", "Quyết định kiện toàn",
         "Phòng Nội vụ", "", "Khi có hướng dẫn của tỉnh"),
        ("section", "5. Xây dựng chính quyền điện tử, chính quyền số"),
        ("task", "1", "Sử dụng chữ ký số trong xử lý văn bản", "Văn bản được ký số",
         "Văn phòng HĐND và UBND", "Các cơ quan, đơn vị có liên quan", "Cả năm 2026"),
        ("task", "2", "Cập nhật Trang thông tin điện tử xã", "Tin, bài được đăng",
         "Phòng Văn hoá - Xã hội", "", "Hằng tháng"),
    ],
)

PLANS = [HOA_BINH]
