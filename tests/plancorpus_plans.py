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


HEADER_BLOCK = (("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
                ("Số: 12/KH-UBND", "An Phú, ngày 08 tháng 01 năm 2026"))
SIGNATURE = (("Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình"),)

# 2. Roman numerals without a dot in merged rows, a "(1) (2) …" row, the table
#    continued in a second table after a page break; agency cells with commas,
#    "và", semicolons and line breaks; one agency spelled three ways; agencies in
#    no list; the heading block and the signature as tables of their own.
AN_PHU = PlanSpec(
    "an-phu-roman",
    Layout(
        columns=STD_COLUMNS,
        header=("TT", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                "Thời gian thực hiện"),
        number_row=("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
        split_after=(8,),
        extra_tables_before=(HEADER_BLOCK,),
        title_lines=(
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026 của UBND xã An Phú",
            "Căn cứ Kế hoạch số 20/KH-UBND ngày 25/12/2025 của UBND tỉnh về cải cách hành chính năm 2026;",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.",
            "II. NHIỆM VỤ CỤ THỂ (có phụ lục kèm theo)",
            "PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
            "(Kèm theo Kế hoạch số 12/KH-UBND ngày 08/01/2026 của UBND xã An Phú)",
        ),
        extra_tables_after=(SIGNATURE,),
    ),
    [
        ("section", "I CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "Ban hành Kế hoạch CCHC năm 2026", "Kế hoạch CCHC", "Văn phòng HĐND và UBND",
         "Các cơ quan, đơn vị có liên quan", "Quý I/2026"),
        ("task", "2", "Tuyên truyền CCHC", "Tin, bài tuyên truyền", "VP HĐND-UBND",
         "UBMTTQ xã và các đoàn thể", "Thường xuyên"),
        ("product", "Cuộc thi tìm hiểu CCHC", "", "Trường THCS An Phú", "Quý III/2026"),
        ("section", "II CẢI CÁCH THỂ CHẾ"),
        ("task", "1", "Rà soát văn bản QPPL", "Báo cáo rà soát", "Văn phòng HĐND, UBND",
         "Công an xã;\nBan Chỉ huy Quân sự xã", "Quý II, III/2026"),
        ("section", "III CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "1", "Số hóa hồ sơ, kết quả giải quyết TTHC", "Hồ sơ được số hóa",
         "Trung tâm PVHCC", "Bưu điện xã, Trạm Y tế xã", "Hằng tháng"),
        ("task", "2", "Tiếp nhận hồ sơ trực tuyến", "Hồ sơ trực tuyến", "Trung tâm PVHCC", "",
         "Định kỳ hằng quý"),
        ("section", "IV CẢI CÁCH TỔ CHỨC BỘ MÁY"),
        ("task", "1", "Rà soát vị trí việc làm", "Đề án vị trí việc làm", "Phòng Văn hoá - Xã hội", "",
         "Sau khi có hướng dẫn của tỉnh"),
        ("section", "V CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
        ("task", "1", "Đào tạo, bồi dưỡng công chức", "Lớp bồi dưỡng", "Phòng Văn hoá - Xã hội",
         "Văn phòng HĐND và UBND", "Quý II/2026"),
        ("section", "VI CẢI CÁCH TÀI CHÍNH CÔNG"),
        ("task", "1", "Công khai ngân sách xã", "Báo cáo công khai", "Phòng Kinh tế", "", "Theo quy định"),
        ("section", "VII XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"),
        ("task", "1", "Chuyển đổi số", "Nền tảng số được dùng", "Phòng Kinh tế",
         "Các cơ quan, đơn vị", "Năm 2026"),
    ],
)

# 3. Columns in another order with an extra «Kinh phí», Roman numerals with a dot,
#    the task table among pages of prose.
TAN_LAP = PlanSpec(
    "tan-lap-reordered",
    Layout(
        columns=("tt", "task", "lead", "coord", "time", "product", "extra:Kinh phí"),
        header=("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện",
                "Sản phẩm", "Kinh phí"),
        title_lines=(
            "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
            "KẾ HOẠCH Cải cách hành chính năm 2026",
            "Thực hiện Kế hoạch số 88/KH-UBND ngày 30 tháng 12 năm 2025 của UBND tỉnh;",
            "UBND xã ban hành Kế hoạch số 07/KH-UBND ngày 15 tháng 01 năm 2026 như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích: nâng cao hiệu quả cải cách hành chính.",
            "II. NHIỆM VỤ TRỌNG TÂM",
        ),
        after_lines=("III. TỔ CHỨC THỰC HIỆN", "Các cơ quan, đơn vị căn cứ kế hoạch triển khai thực hiện."),
    ),
    [
        ("section", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
        ("task", "1", "Kiểm tra CCHC", "Kế hoạch kiểm tra", "Phòng Văn hóa - Xã hội", "", "Quý II/2026"),
        ("task", "2", "Báo cáo CCHC", "Báo cáo định kỳ", "Phòng Văn hóa - Xã hội", "", "Định kỳ hằng quý"),
        ("section", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "1", "Công khai TTHC", "TTHC công khai", "Trung tâm Phục vụ hành chính công", "",
         "Thường xuyên"),
        ("product", "Niêm yết tại Trung tâm", "", "", ""),
        ("task", "2", "Đánh giá chất lượng giải quyết TTHC", "Báo cáo đánh giá",
         "Trung tâm Phục vụ hành chính công", "Phòng Văn hóa - Xã hội", "Hàng tháng"),
        ("section", "III. XÂY DỰNG CHÍNH QUYỀN SỐ"),
        ("task", "1", "Ký số văn bản", "Văn bản ký số", "Văn phòng HĐND-UBND", "", "Trước 31/12/2026"),
    ],
)

# 4. One table per section, each with its header; sections without numbers
#    (upper-case titles merged across); tasks numbered with dashes.
PHU_MY = PlanSpec(
    "phu-my-several-tables",
    Layout(
        columns=STD_COLUMNS,
        header=("STT", "Nội dung", "Kết quả dự kiến", "Bộ phận chủ trì", "Bộ phận phối hợp", "Tiến độ"),
        split_after=(3, 6),
        split_with_header=True,
        title_lines=("UBND XÃ PHÚ MỸ", "Nhiệm vụ CCHC năm 2026",
                     "(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 12/01/2026 của UBND xã Phú Mỹ)"),
    ),
    [
        ("section", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "-", "Xây dựng kế hoạch CCHC", "Kế hoạch", "Văn phòng HĐND-UBND", "", "Tháng 01/2026"),
        ("task", "-", "Kiểm tra CCHC", "Thông báo kết luận", "Văn phòng HĐND-UBND", "", "Quý III/2026"),
        ("section", "CẢI CÁCH THỂ CHẾ"),
        ("task", "-", "Rà soát văn bản", "Báo cáo", "Văn phòng HĐND-UBND", "Công an xã", "Quý IV/2026"),
        ("task", "-", "Theo dõi thi hành pháp luật", "Báo cáo", "Văn phòng HĐND-UBND", "", "Thường xuyên"),
        ("section", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "-", "Một cửa liên thông", "Hồ sơ giải quyết đúng hạn", "Trung tâm Phục vụ hành chính công", "",
         "Thường xuyên"),
    ],
)

# 5. A plan with broken rows: a row with only agency and time, a product before
#    any task of its section, a sentence typed across the table.
BINH_MINH = PlanSpec(
    "binh-minh-broken",
    Layout(columns=STD_COLUMNS,
           header=("TT", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                   "Thời gian thực hiện"),
           number_row=("1", "2", "3", "4", "5", "6"),
           title_lines=("(Kèm theo Kế hoạch số 09/KH-UBND ngày 14/01/2026 của UBND xã Bình Minh)",)),
    [
        ("section", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "Kế hoạch CCHC", "Kế hoạch", "Phòng Văn hóa - Xã hội", "", "Tháng 01/2026"),
        ("raw", ("", "", "", "Phòng Kinh tế", "", "Quý II/2026")),
        ("task", "2", "Báo cáo CCHC", "Báo cáo", "Phòng Văn hóa - Xã hội", "", "Hằng quý"),
        ("section", "II. CẢI CÁCH THỂ CHẾ"),
        ("product", "Báo cáo rà soát văn bản", "Văn phòng HĐND-UBND", "", "Quý II/2026"),
        ("task", "1", "Rà soát văn bản QPPL", "Danh mục văn bản", "Văn phòng HĐND-UBND", "", "Quý III/2026"),
        ("section", "ghi chú: các nhiệm vụ phát sinh sẽ bổ sung sau"),
        ("task", "2", "Phổ biến pháp luật", "Hội nghị", "Văn phòng HĐND-UBND", "", "Sớm nhất có thể"),
    ],
)

# 6. A ward's plan in Excel: two header rows with merged cells, NBSP, old tone
#    marks, line breaks inside cells, named months, ranges, dates in words.
DONG_TIEN = PlanSpec(
    "dong-tien-ward",
    Layout(
        columns=STD_COLUMNS + ("extra:Ghi chú",),
        header=("STT", "Nội dung công việc", "Sản phẩm đầu ra", "Cơ quan thực hiện", "",
                "Thời gian hoàn thành", "Ghi chú"),
        header2=("", "", "", "Chủ trì", "Phối hợp", "", ""),
        span=(3, 2),
        title_lines=("ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG TIẾN",
                     "PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
                     "(Kèm theo Kế hoạch số 15/KH-UBND ngày 16 tháng 01 năm 2026 của UBND phường Đông Tiến)"),
    ),
    [
        ("section", "1. Công tác chỉ đạo, điều hành"),
        ("task", "1", f"Ban hành{NBSP}kế hoạch", "Kế hoạch", "Văn phòng HĐND và UBND", "",
         "Trước ngày 30 tháng 01 năm 2026"),
        ("task", "2", "Kiểm tra công vụ", "Thông báo kết quả", "Văn phòng HĐND và UBND",
         "Phòng Văn hoá -\nXã hội", "Từ tháng 3 đến tháng 6/2026"),
        ("section", "2. Cải cách thủ tục hành chính"),
        ("task", "1", "Tiếp nhận hồ sơ qua bưu chính", "Hồ sơ qua bưu chính", "Trung tâm PV hành chính công",
         "Bưu điện phường", "Tháng Năm năm 2026"),
        ("task", "2", "Thanh toán trực tuyến", "Hồ sơ thanh toán trực tuyến", "Trung tâm PV hành chính công",
         "Uỷ ban MTTQ phường", "Tháng 3 và tháng 9/2026"),
        ("product", "Báo cáo kết quả", "", "", "6 tháng cuối năm 2026"),
        ("section", "3. Cải cách chế độ công vụ"),
        ("task", "1", "Đánh giá, xếp loại công chức", "Kết quả đánh giá", "Phòng Văn hoá - Xã hội", "",
         "Tháng Mười Hai năm 2026"),
    ],
)

# 7. Tab-separated text: Arabic sections with "1.1" tasks and an extra column.
THANH_SON = PlanSpec(
    "thanh-son-dotted",
    Layout(columns=STD_COLUMNS + ("extra:Ghi chú",),
           header=("Số TT", "Nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Ghi chú"),
           title_lines=("NHIỆM VỤ CCHC NĂM 2026 CỦA UBND XÃ THANH SƠN",
                        "(Kèm theo Kế hoạch số 03/KH-UBND ngày 05/01/2026 của UBND xã Thanh Sơn)")),
    [
        ("section", "1. Chỉ đạo, điều hành"),
        ("task", "1.1", "Kế hoạch CCHC", "Kế hoạch", "Văn phòng HĐND-UBND", "", "Tháng 1/2026"),
        ("task", "1.2", "Báo cáo CCHC", "Báo cáo", "Văn phòng HĐND-UBND", "", "Hằng quý"),
        ("section", "2. Cải cách thể chế"),
        ("task", "2.1", "Rà soát văn bản", "Báo cáo", "Văn phòng HĐND-UBND", "Công an xã", "Quý II/2026"),
        ("section", "3. Xây dựng chính quyền điện tử"),
        ("task", "3.1", "Hội nghị truyền hình", "Hệ thống vận hành", "Phòng Kinh tế", "", "Quý I, quý II/2026"),
        ("task", "3.2", "Chữ ký số", "Văn bản ký số", "Phòng Kinh tế", "Văn phòng HĐND-UBND", "Năm 2026"),
    ],
)

# 8. One agency column («Đơn vị thực hiện»), «Hình thức văn bản» as the product,
#    quarter wordings with Arabic numbers.
LONG_HAI = PlanSpec(
    "long-hai-one-agency-column",
    Layout(columns=("tt", "task", "lead", "product", "time"),
           header=("STT", "Nội dung", "Đơn vị thực hiện", "Hình thức văn bản", "Thời gian thực hiện"),
           title_lines=("KẾ HOẠCH Cải cách hành chính xã Long Hải năm 2026",
                        "(Kèm theo Kế hoạch số 11/KH-UBND ngày 09/01/2026 của UBND xã Long Hải)")),
    [
        ("section", "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"),
        ("task", "1", "Kế hoạch CCHC", "Kế hoạch", "Phòng Văn hóa - Xã hội", "", "Quý 1, Quý 2 năm 2026"),
        ("task", "2", "Tự đánh giá chỉ số CCHC", "Báo cáo", "Phòng Văn hóa - Xã hội", "", "6 tháng cuối năm 2026"),
        ("section", "II. CẢI CÁCH TÀI CHÍNH CÔNG"),
        ("task", "1", "Quyết toán ngân sách", "Báo cáo quyết toán", "Phòng Kinh tế", "", "Trong quý III/2026"),
    ],
)

# 9. The «chỉ đạo, điều hành» section comes last; four other fields.
VINH_AN = PlanSpec(
    "vinh-an-direction-last",
    Layout(columns=STD_COLUMNS,
           header=("TT", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                   "Thời gian thực hiện"),
           title_lines=("(Kèm theo Kế hoạch số 21/KH-UBND ngày 19/01/2026 của UBND xã Vĩnh An)",)),
    [
        ("section", "I. CẢI CÁCH THỂ CHẾ"),
        ("task", "1", "Rà soát văn bản", "Báo cáo", "Văn phòng HĐND-UBND", "", "Quý II/2026"),
        ("section", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "1", "Công khai TTHC", "Danh mục", "Trung tâm Phục vụ hành chính công", "", "Thường xuyên"),
        ("section", "III. CẢI CÁCH TÀI CHÍNH CÔNG"),
        ("task", "1", "Công khai ngân sách", "Báo cáo", "Phòng Kinh tế", "", "Theo quy định"),
        ("section", "IV. CHUYỂN ĐỔI SỐ"),
        ("task", "1", "Dịch vụ công trực tuyến", "Hồ sơ trực tuyến", "Trung tâm Phục vụ hành chính công", "",
         "Hằng tháng"),
        ("section", "V. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "Báo cáo CCHC", "Báo cáo", "Phòng Văn hóa - Xã hội", "", "Định kỳ hằng quý, 6 tháng, năm"),
    ],
)

# 10. Headers repeated on every page, each with its column-number row.
HOA_THANH = PlanSpec(
    "hoa-thanh-repeated-headers",
    Layout(columns=STD_COLUMNS,
           header=("TT", "Nội dung/Nhiệm vụ", "Hoạt động/Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                   "Thời gian thực hiện"),
           number_row=("1", "2", "3", "4", "5", "6"),
           repeat_header_every=3,
           title_lines=("(Kèm theo Kế hoạch số 30/KH-UBND ngày 22/01/2026 của UBND xã Hòa Thành)",)),
    [
        ("section", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "Kế hoạch CCHC", "Kế hoạch", "Phòng Văn hóa - Xã hội", "", "Tháng 01/2026"),
        ("task", "2", "Tuyên truyền", "Tin bài", "Phòng Văn hóa - Xã hội", "", "Thường xuyên"),
        ("section", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "1", "Một cửa", "Hồ sơ", "Trung tâm Phục vụ hành chính công", "", "Thường xuyên"),
        ("task", "2", "Số hóa", "Hồ sơ số hóa", "Trung tâm Phục vụ hành chính công", "", "Hằng tháng"),
        ("section", "III. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
        ("task", "1", "Đào tạo công chức", "Lớp học", "Phòng Văn hóa - Xã hội", "", "Quý III/2026"),
        ("task", "2", "Kỷ luật, kỷ cương", "Kiểm tra công vụ", "Văn phòng HĐND-UBND", "", "Khi có phát sinh"),
    ],
)
