"""A year of complete, plausible returns on the seed plan (not a test module).

What careful officers of Xuân Trường would send for 2026Q1, 2026S1, 2026Q3
and 2026, typed into the real forms: each product's own story over the year
(finished once and then carried on the later forms, carried out every period,
arisen or not), several agencies answering the same product in their own
words, a few difficulties and proposals, and figures that add up. The reports
compiled from it are what the leader reads (tests of report.py assert on them).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from conftest import invoke
from formtools import COL, consistent_figures, fill, item_rows, section_sheets

from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()
ITEMS = {i.id: i for i in PLAN.items}
PERIODS = ("2026Q1", "2026S1", "2026Q3", "2026")
TODAY = {"2026Q1": "20/03/2026", "2026S1": "20/06/2026", "2026Q3": "20/09/2026", "2026": "20/12/2026"}
ORDER = {p: n for n, p in enumerate(PERIODS)}
# The quarter in which a date falls, as the periods see it (data windows end on the 14th).
_QUARTER_ENDS = ((dt.date(2026, 3, 14), "2026Q1"), (dt.date(2026, 6, 14), "2026S1"),
                 (dt.date(2026, 9, 14), "2026Q3"), (dt.date(2026, 12, 14), "2026"))


def _label(name: str, fallback: str) -> str:
    """A status label of the forms (the period model may add «Đã thực hiện trong kỳ»)."""
    try:
        from cchc_excel.models import Status
        return Status[name].label
    except (ImportError, KeyError, AttributeError):
        return fallback


DONE = "Đã hoàn thành"
IN_PROGRESS = "Đang thực hiện"
NOT_STARTED = "Chưa thực hiện"
NOT_ARISEN = "Chưa phát sinh"
CARRIED = _label("CARRIED_OUT", IN_PROGRESS)


def _quarter_of(day: dt.date) -> str:
    return next(p for end, p in _QUARTER_ENDS if day <= end)


def _once(day, result, evidence, progress=None, start="2026Q1"):
    """A product finished once on ``day``: in progress (``progress``) from
    ``start`` until then, done with its date and evidence from then on."""
    return {"kind": "once", "day": day, "result": result, "evidence": evidence, "progress": progress or {},
            "start": start}


def _every(texts, evidence=None):
    """A recurring product carried out each period; texts by period (a str: the same every time)."""
    return {"kind": "every", "texts": texts, "evidence": evidence or {}}


def _arises(events):
    """A conditional product: {period: answer} where it arose, «Chưa phát sinh» elsewhere."""
    return {"kind": "arises", "events": events}


D = dt.date
# Each product's year, by item id; several lead agencies: {agency: story}.
STORIES: dict[str, object] = {
    "I.1": _once(D(2026, 1, 10), "Ban hành Kế hoạch CCHC năm 2026 và triển khai đến các cơ quan, đơn vị",
                 "Kế hoạch số 03/KH-UBND ngày 10/01/2026"),
    "I.2": _every({
        "2026Q1": "Xây dựng, gửi đúng hạn Báo cáo CCHC năm 2025 và Báo cáo CCHC quý I năm 2026",
        "2026S1": "Gửi đúng hạn Báo cáo CCHC quý I và 6 tháng đầu năm 2026 cho Sở Nội vụ",
        "2026Q3": "Gửi đúng hạn Báo cáo CCHC quý III năm 2026",
        "2026": "Gửi đúng hạn 04 báo cáo CCHC định kỳ và 01 báo cáo đột xuất theo yêu cầu của Sở Nội vụ",
    }, {"2026Q1": "Báo cáo số 21/BC-UBND ngày 05/01/2026"}),
    "I.3": _once(D(2026, 11, 20), "Kiểm tra CCHC 03/08 cơ quan, đơn vị; ban hành thông báo kết luận kiểm tra; "
                 "các cơ quan được kiểm tra đã có báo cáo khắc phục",
                 "Thông báo kết luận số 112/TB-UBND ngày 20/11/2026",
                 {"2026S1": "Ban hành Kế hoạch kiểm tra CCHC năm 2026; đã kiểm tra 01 cơ quan (Trung tâm Phục vụ "
                            "hành chính công)",
                  "2026Q3": "Kiểm tra CCHC tại Phòng Kinh tế; tiếp tục kiểm tra các cơ quan còn lại trong quý IV"},
                 start="2026S1"),
    "I.4.1": _every({
        "2026Q1": "Đăng tải 14 tin, bài về CCHC trên Trang thông tin điện tử xã; phát 300 tờ rơi hướng dẫn "
                  "nộp hồ sơ trực tuyến",
        "2026S1": "Đăng tải 31 tin, bài về CCHC trên Trang thông tin điện tử xã; phát 600 tờ rơi",
        "2026Q3": "Đăng tải 15 tin, bài về CCHC; phát thanh 12 lần trên hệ thống truyền thanh xã",
        "2026": "Đăng tải 62 tin, bài về CCHC; phát 900 tờ rơi; phát thanh 40 lần trên hệ thống truyền thanh xã",
    }),
    "I.4.2": _every("Lồng ghép kết quả thông tin, tuyên truyền CCHC trong báo cáo CCHC định kỳ"),
    "I.5.1": _arises({"2026": (DONE, D(2026, 12, 5), ("Hoàn thành tự đánh giá, chấm điểm Chỉ số CCHC năm 2026 "
                               "và gửi Sở Nội vụ kèm tài liệu kiểm chứng"), "Báo cáo số 150/BC-UBND ngày 05/12/2026")}),
    "I.5.2": _arises({"2026Q3": (DONE, D(2026, 8, 20), ("Phối hợp Sở Nội vụ khảo sát sự hài lòng của người dân "
                                 "(SIPAS) với 120 phiếu khảo sát"), "Báo cáo số 98/BC-UBND ngày 25/08/2026")}),
    "I.6": {
        "phong-vhxh": _once(D(2026, 8, 25), "Hội đồng sáng kiến xã công nhận 02 sáng kiến CCHC",
                                      "Quyết định số 175/QĐ-UBND ngày 25/08/2026",
                                      {"2026Q1": "Ban hành Hướng dẫn đăng ký sáng kiến CCHC năm 2026",
                                       "2026S1": "Tổng hợp 03 sáng kiến đăng ký, trình Hội đồng sáng kiến xã"}),
        "vp-hdnd-ubnd": _once(D(2026, 8, 25), "Sáng kiến «Số hóa sổ hộ tịch» được công nhận",
                                     "Quyết định số 175/QĐ-UBND ngày 25/08/2026",
                                     {"2026Q1": "Đăng ký 01 sáng kiến «Số hóa sổ hộ tịch»"}),
        "tt-pvhcc": _once(
            D(2026, 8, 25), "Giải pháp «Hướng dẫn dịch vụ công trực tuyến qua Zalo» được công nhận",
            "Quyết định số 175/QĐ-UBND ngày 25/08/2026",
            {"2026Q1": "Đăng ký 01 giải pháp «Hướng dẫn dịch vụ công trực tuyến qua Zalo»"}),
        "phong-kinh-te": _once(D(2026, 8, 25), "Tham gia góp ý, thẩm định các sáng kiến được đăng ký",
                               "Quyết định số 175/QĐ-UBND ngày 25/08/2026",
                               {"2026Q1": (NOT_STARTED, ("Công chức kiêm nhiệm nhiều việc, chưa có ý tưởng sáng kiến "
                                                        "phù hợp"))}),
    },
    "II.1": _once(D(2026, 1, 20), "Ban hành Danh mục văn bản quy phạm pháp luật năm 2026; HĐND xã ban hành "
                  "02 nghị quyết theo danh mục", "Quyết định số 15/QĐ-UBND ngày 20/01/2026"),
    "II.2": _every({
        "2026Q1": "Rà soát 06 văn bản quy phạm pháp luật, không phát hiện văn bản trái pháp luật",
        "2026S1": "Rà soát 10 văn bản quy phạm pháp luật, không phát hiện văn bản trái pháp luật",
        "2026Q3": "Rà soát 05 văn bản quy phạm pháp luật, đề nghị bãi bỏ 01 văn bản hết hiệu lực",
        "2026": "Rà soát 22 văn bản quy phạm pháp luật, bãi bỏ 01 văn bản hết hiệu lực",
    }),
    "II.3": _every({
        "2026Q1": "Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2026",
        "2026S1": "Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2026; theo dõi thi hành pháp "
                  "luật trong lĩnh vực đất đai",
        "2026Q3": "Theo dõi tình hình thi hành pháp luật trong lĩnh vực đất đai, hộ tịch",
        "2026": "Theo dõi tình hình thi hành pháp luật trong lĩnh vực đất đai, hộ tịch; báo cáo kết quả năm",
    }, {"2026Q1": "Kế hoạch số 14/KH-UBND ngày 25/01/2026"}),
    "II.4": _every("Cập nhật đầy đủ các văn bản quy phạm pháp luật của HĐND, UBND xã lên Trang thông tin "
                   "điện tử xã"),
    "II.5": _every({
        "2026Q1": "Tổ chức 02 hội nghị tuyên truyền pháp luật với 180 lượt người tham dự",
        "2026S1": "Tổ chức 04 hội nghị tuyên truyền pháp luật với 350 lượt người tham dự",
        "2026Q3": "Tổ chức 02 hội nghị tuyên truyền pháp luật; hưởng ứng Ngày pháp luật tại 08 thôn",
        "2026": "Tổ chức 08 hội nghị tuyên truyền pháp luật với 720 lượt người tham dự",
    }),
    "III.1": _once(D(2026, 11, 28), "Hoàn thành rà soát 15 TTHC, đề xuất phương án đơn giản hóa 03 TTHC",
                   "Báo cáo số 140/BC-UBND ngày 28/11/2026",
                   {"2026Q1": "Ban hành Kế hoạch rà soát TTHC năm 2026; đang rà soát 05 TTHC lĩnh vực hộ tịch",
                    "2026S1": "Rà soát 10 TTHC lĩnh vực hộ tịch, đất đai",
                    "2026Q3": "Tiếp tục rà soát 05 TTHC lĩnh vực chứng thực"}),
    "III.2": _arises({"2026Q1": (CARRIED, None, ("Niêm yết công khai 12 TTHC mới, sửa đổi theo các quyết định công "
                                 "bố của UBND tỉnh"), ""),
                      "2026Q3": (CARRIED, None, "Niêm yết công khai 05 TTHC sửa đổi lĩnh vực đất đai", "")}),
    "III.3": _every("Công khai đầy đủ các TTHC trên Trang thông tin điện tử xã, đồng bộ với Hệ thống thông tin "
                    "giải quyết TTHC"),
    "III.4": _every("Công khai hằng tháng kết quả đánh giá chất lượng giải quyết TTHC theo Bộ chỉ số 766 trên "
                    "Trang thông tin điện tử xã"),
    "III.5": _every({
        "2026Q1": "Ban hành Quy chế hoạt động của Trung tâm Phục vụ hành chính công; bố trí 06 công chức làm "
                  "việc tại Trung tâm",
        "2026S1": "Ban hành Quy chế hoạt động của Trung tâm; lập kế hoạch sửa chữa khu vực tiếp nhận hồ sơ",
        "2026Q3": "Sửa chữa khu vực tiếp nhận hồ sơ, bổ sung 02 máy tính tra cứu cho người dân",
        "2026": "Duy trì hoạt động ổn định; sửa chữa khu vực tiếp nhận, bổ sung 02 máy tính tra cứu",
    }, {"2026Q1": "Quyết định số 22/QĐ-UBND ngày 15/01/2026"}),
    "III.6": _every("Phát hành video hướng dẫn nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt; hỗ trợ "
                    "trực tiếp người dân tại Trung tâm"),
    "III.7": _every("Số hóa hồ sơ, kết quả giải quyết TTHC ngay khi tiếp nhận và trả kết quả"),
    "III.8.1": _every({
        "2026Q1": "Tự kiểm tra công tác tiếp nhận, giải quyết TTHC tại Trung tâm, không phát hiện sai phạm",
        "2026S1": "Tự kiểm tra 02 đợt công tác tiếp nhận, giải quyết TTHC, không phát hiện sai phạm",
        "2026Q3": "Tự kiểm tra công tác tiếp nhận, giải quyết TTHC tại Trung tâm",
        "2026": "Tự kiểm tra 04 đợt công tác tiếp nhận, giải quyết TTHC, không phát hiện sai phạm",
    }, {"2026Q1": "Biên bản kiểm tra ngày 25/02/2026"}),
    "III.8.2": _every({
        "2026Q1": "Nhắc nhở công chức trả kết quả đúng hẹn, xin lỗi người dân khi trễ hẹn",
        "2026S1": "Ban hành Công văn chấn chỉnh việc trả kết quả giải quyết TTHC đúng hẹn",
        "2026Q3": "Nhắc nhở công chức trả kết quả đúng hẹn",
        "2026": "Ban hành Công văn chấn chỉnh việc trả kết quả giải quyết TTHC đúng hẹn",
    }, {"2026S1": "Công văn số 310/UBND-VP ngày 10/04/2026", "2026": "Công văn số 310/UBND-VP ngày 10/04/2026"}),
    "III.9": _every("Tiếp nhận, xử lý đúng hạn các phản ánh, kiến nghị của người dân về quy định hành chính"),
    "IV.1": _once(D(2026, 10, 15), "Ban hành Quyết định kiện toàn tổ chức bộ máy 02 cơ quan chuyên môn",
                  "Quyết định số 210/QĐ-UBND ngày 15/10/2026",
                  {"2026Q3": "Rà soát, xây dựng dự thảo Quyết định kiện toàn tổ chức bộ máy"}, start="2026Q3"),
    "IV.2": {code: _arises({}) for code in ITEMS["IV.2"].lead},
    "IV.3": _arises({"2026S1": (DONE, D(2026, 4, 20), ("HĐND xã ban hành Nghị quyết quyết định biên chế công chức "
                                "năm 2026"), "Nghị quyết số 05/NQ-HĐND ngày 20/04/2026")}),
    "IV.4": {
        "phong-vhxh": _every("Thực hiện đầy đủ các nhiệm vụ được phân cấp trong lĩnh vực nội vụ, văn "
                                       "hóa, xã hội"),
        "vp-hdnd-ubnd": _every("Thực hiện các nhiệm vụ được phân cấp về tư pháp, hộ tịch, chứng thực"),
        "tt-pvhcc": _every("Giải quyết các TTHC được phân cấp đúng quy trình, thời hạn"),
        "phong-kinh-te": _every("Thực hiện các nhiệm vụ được phân cấp về đất đai, xây dựng, tài chính"),
    },
    "V.1": _arises({"2026S1": (IN_PROGRESS, None, ("Rà soát, xây dựng dự thảo Đề án vị trí việc làm theo hướng dẫn "
                               "của Sở Nội vụ"), ""),
                    "2026Q3": (DONE, D(2026, 8, 10), ("Hoàn thành Đề án vị trí việc làm, trình cấp có thẩm quyền "
                               "phê duyệt"), "Tờ trình số 60/TTr-UBND ngày 10/08/2026"),
                    "2026": (DONE, D(2026, 8, 10), ("Hoàn thành Đề án vị trí việc làm, trình cấp có thẩm quyền "
                             "phê duyệt"), "Tờ trình số 60/TTr-UBND ngày 10/08/2026")}),
    "V.2": _once(D(2026, 2, 5), "Ban hành Kế hoạch đào tạo, bồi dưỡng CBCC năm 2026; cử 12 lượt công chức "
                 "tham gia bồi dưỡng", "Kế hoạch số 12/KH-UBND ngày 05/02/2026"),
    "V.3": _once(D(2026, 1, 8), "Hoàn thành đánh giá, xếp loại 28 cán bộ, công chức năm 2025",
                 "Quyết định số 05/QĐ-UBND ngày 08/01/2026"),
    "V.4": _every("Cập nhật, bổ sung thông tin hồ sơ cán bộ, công chức trên cơ sở dữ liệu quốc gia"),
    "V.5": _every({
        "2026Q1": "Kiểm tra đột xuất 02 lượt việc chấp hành kỷ luật, kỷ cương hành chính, không phát hiện vi phạm",
        "2026S1": "Kiểm tra đột xuất 03 lượt, nhắc nhở 01 công chức đi muộn",
        "2026Q3": "Kiểm tra đột xuất 01 lượt, không phát hiện vi phạm",
        "2026": "Kiểm tra đột xuất 06 lượt, nhắc nhở 01 công chức",
    }),
    "VI.1.1": _once(D(2026, 11, 25), "Ban hành Quyết định công bố công khai dự toán năm 2026 và quyết toán "
                    "ngân sách năm 2025", "Quyết định số 230/QĐ-UBND ngày 25/11/2026",
                    {"2026Q1": "Ban hành Quyết định công bố công khai dự toán ngân sách năm 2026",
                     "2026S1": "Đã công khai dự toán năm 2026; chuẩn bị hồ sơ công khai quyết toán năm 2025",
                     "2026Q3": "Hoàn thiện hồ sơ công khai quyết toán ngân sách năm 2025"}),
    "VI.1.2": _once(D(2026, 12, 10), "HĐND xã ban hành Nghị quyết phê chuẩn quyết toán ngân sách năm 2025",
                    "Nghị quyết số 18/NQ-HĐND ngày 10/12/2026", start="2026"),
    "VI.1.3": _once(D(2026, 12, 10), "HĐND xã ban hành Nghị quyết dự toán và phân bổ dự toán ngân sách năm 2027",
                    "Nghị quyết số 19/NQ-HĐND ngày 10/12/2026", start="2026"),
    "VI.1.4": _once(D(2026, 12, 10), "HĐND xã ban hành Nghị quyết kế hoạch phát triển kinh tế - xã hội năm 2027",
                    "Nghị quyết số 20/NQ-HĐND ngày 10/12/2026", start="2026"),
    "VI.2": _arises({"2026Q3": (CARRIED, None, ("Triển khai chi trả tiền lương theo mức lương cơ sở mới cho cán bộ, "
                                "công chức"), "")}),
    "VI.3": _arises({}),
    "VI.4.1": _once(D(2026, 5, 15), "Báo cáo thực hiện chế độ tự chủ về kinh phí quản lý hành chính năm 2025",
                    "Báo cáo số 70/BC-UBND ngày 15/05/2026",
                    {"2026Q1": "Tổng hợp số liệu thực hiện chế độ tự chủ năm 2025"}),
    "VI.4.2": _once(D(2026, 8, 30), "Kiểm tra quy chế chi tiêu nội bộ của 03 đơn vị; các đơn vị công khai dự "
                    "toán, quyết toán đúng quy định", "Báo cáo số 101/BC-UBND ngày 30/08/2026",
                    {"2026Q1": "Xây dựng kế hoạch kiểm tra quy chế chi tiêu nội bộ",
                     "2026S1": "Đang kiểm tra quy chế chi tiêu nội bộ của các đơn vị"}),
    "VII.1": _every({
        "2026Q1": "Ban hành Kế hoạch chuyển đổi số năm 2026",
        "2026S1": "Ban hành Kế hoạch chuyển đổi số năm 2026 và 02 văn bản đôn đốc thực hiện",
        "2026Q3": "Ban hành 01 văn bản đôn đốc thực hiện chuyển đổi số",
        "2026": "Ban hành Kế hoạch chuyển đổi số năm 2026 và 04 văn bản đôn đốc thực hiện",
    }, {"2026Q1": "Kế hoạch số 08/KH-UBND ngày 20/01/2026", "2026S1": "Kế hoạch số 08/KH-UBND ngày 20/01/2026",
        "2026": "Kế hoạch số 08/KH-UBND ngày 20/01/2026"}),
    "VII.2": _every("Duy trì các phần mềm dùng chung hoạt động ổn định"),
    "VII.3": _every("Ban hành văn bản đôn đốc sử dụng chữ ký số chuyên dùng; văn bản mật gửi dạng giấy theo quy "
                    "định"),
    "VII.4": _every("Hướng dẫn người dân nộp hồ sơ trực tuyến tại Trung tâm"),
    "VII.5": {
        "phong-vhxh": _every("Duy trì kết nối Hệ thống quản lý văn bản và điều hành với tỉnh"),
        "vp-hdnd-ubnd": _every("Kết nối cơ sở dữ liệu hộ tịch điện tử"),
        "tt-pvhcc": _every("Đồng bộ hồ sơ TTHC với Cổng Dịch vụ công quốc gia"),
        "phong-kinh-te": _every("Kết nối phần mềm kế toán ngân sách với Kho bạc Nhà nước"),
    },
    "VII.6": _once(D(2026, 2, 20), "Tổ chức hưởng ứng Ngày chuyển đổi số quốc gia với 300 người dân tham gia",
                   "Kế hoạch số 10/KH-UBND ngày 15/01/2026"),
}

# What agencies found hard and what they asked for, by (period, item, agency).
DIFFICULTIES = {
    ("2026S1", "III.5", "tt-pvhcc"):
        ("Trang thiết bị tại Trung tâm Phục vụ hành chính công đã xuống cấp, đường truyền chưa ổn định",
         "Đề nghị UBND tỉnh hỗ trợ kinh phí nâng cấp trang thiết bị Trung tâm Phục vụ hành chính công"),
    ("2026Q3", "III.5", "tt-pvhcc"):
        ("Đường truyền internet tại Trung tâm chưa ổn định vào giờ cao điểm",
         "Đề nghị UBND tỉnh hỗ trợ kinh phí nâng cấp trang thiết bị Trung tâm Phục vụ hành chính công"),
    ("2026S1", "I.6", "phong-vhxh"):
        ("Công chức kiêm nhiệm nhiều việc, thời gian dành cho công tác CCHC còn hạn chế",
         "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ CCHC cho công chức cấp xã"),
    ("2026Q3", "I.3", "phong-vhxh"):
        ("Công chức kiêm nhiệm nhiều việc, thời gian dành cho công tác CCHC còn hạn chế", ""),
    ("2026", "III.5", "tt-pvhcc"):
        ("Một bộ phận người dân cao tuổi chưa sử dụng được dịch vụ công trực tuyến", ""),
}
COORDINATION = {
    ("III.4", "phong-vhxh"): "Phối hợp đăng tải kết quả đánh giá lên Trang thông tin điện tử xã",
    ("I.5.2", "buu-dien-xa"): "Phát và thu hồi 120 phiếu khảo sát sự hài lòng tại các thôn",
}

# Figures per period (what arose since the previous report; stocks at the period's end).
FIGURES = {
    "2026Q1": {"VB_CHI_DAO": 5, "CQ_TONG": 8, "CQ_KIEM_TRA": 0, "TIN_BAI": 14, "SANG_KIEN": 0,
               "VBQPPL_BAN_HANH": 1, "VBQPPL_RA_SOAT": 6, "TTHC_CONG_KHAI": 187, "HS_TRUC_TIEP": 640,
               "HS_TRUC_TUYEN": 520, "HS_BUU_CHINH": 74, "HS_TRUOC_HAN": 950, "HS_DUNG_HAN": 222,
               "HS_QUA_HAN": 8, "HS_XIN_LOI": 8,
               "HS_SO_HOA": 1050, "PAKN_TIEP_NHAN": 3, "PAKN_DA_XU_LY": 3, "CBCC_DAO_TAO": 12,
               "KINH_PHI_CCHC": 12.5, "VB_DIEN_TU": 436, "VB_KY_SO": 431},
    "2026S1": {"VB_CHI_DAO": 4, "CQ_TONG": 8, "CQ_KIEM_TRA": 1, "TIN_BAI": 17, "SANG_KIEN": 0,
               "VBQPPL_BAN_HANH": 1, "VBQPPL_RA_SOAT": 4, "TTHC_CONG_KHAI": 192, "HS_TRUC_TIEP": 610,
               "HS_TRUC_TUYEN": 585, "HS_BUU_CHINH": 70, "HS_TRUOC_HAN": 1010, "HS_DUNG_HAN": 226,
               "HS_QUA_HAN": 4, "HS_XIN_LOI": 4,
               "HS_SO_HOA": 1120, "PAKN_TIEP_NHAN": 2, "PAKN_DA_XU_LY": 2, "CBCC_DAO_TAO": 8,
               "KINH_PHI_CCHC": 20, "VB_DIEN_TU": 452, "VB_KY_SO": 450},
    "2026Q3": {"VB_CHI_DAO": 3, "CQ_TONG": 8, "CQ_KIEM_TRA": 1, "TIN_BAI": 15, "SANG_KIEN": 2,
               "VBQPPL_BAN_HANH": 0, "VBQPPL_RA_SOAT": 5, "TTHC_CONG_KHAI": 195, "HS_TRUC_TIEP": 580,
               "HS_TRUC_TUYEN": 640, "HS_BUU_CHINH": 60, "HS_TRUOC_HAN": 1050, "HS_DUNG_HAN": 207,
               "HS_QUA_HAN": 3, "HS_XIN_LOI": 3,
               "HS_SO_HOA": 1180, "PAKN_TIEP_NHAN": 1, "PAKN_DA_XU_LY": 1, "CBCC_DAO_TAO": 6,
               "KINH_PHI_CCHC": 15, "VB_DIEN_TU": 470, "VB_KY_SO": 470},
    "2026": {"VB_CHI_DAO": 6, "CQ_TONG": 8, "CQ_KIEM_TRA": 1, "TIN_BAI": 16, "SANG_KIEN": 0,
             "VBQPPL_BAN_HANH": 2, "VBQPPL_RA_SOAT": 7, "TTHC_CONG_KHAI": 198, "HS_TRUC_TIEP": 560,
             "HS_TRUC_TUYEN": 700, "HS_BUU_CHINH": 55, "HS_TRUOC_HAN": 1100, "HS_DUNG_HAN": 198,
               "HS_QUA_HAN": 2, "HS_XIN_LOI": 2,
             "HS_SO_HOA": 1250, "PAKN_TIEP_NHAN": 2, "PAKN_DA_XU_LY": 2, "CBCC_DAO_TAO": 10,
             "KINH_PHI_CCHC": 25.3, "VB_DIEN_TU": 505, "VB_KY_SO": 503},
}


# The 766 index, online service and payment figures (what the TTHC system shows), by period.
_SERVICE = {
    "2026Q1": {"TTHC_TOAN_TRINH": 102, "TTHC_MOT_PHAN": 61, "HS_KY_TRUOC": 35, "HS_DANG_GIAI_QUYET": 54,
               "HS_TT_TOAN_TRINH": 310, "HS_TT_MOT_PHAN": 150, "HS_CO_PHI": 420, "HS_THANH_TOAN_TT": 260,
               "KQ_SO_HOA": 990, "PAKN_DEN_HAN": 3, "PAKN_DUNG_HAN": 3, "HAI_LONG_766": 96.5, "DIEM_766": 86.4,
               "HANG_766": 12, "CHI_SO_CCHC": 84.6, "HANG_CCHC": 15, "SIPAS": 86.2},
    "2026S1": {"TTHC_TOAN_TRINH": 108, "TTHC_MOT_PHAN": 60, "HS_KY_TRUOC": 54, "HS_DANG_GIAI_QUYET": 60,
               "HS_TT_TOAN_TRINH": 360, "HS_TT_MOT_PHAN": 160, "HS_CO_PHI": 430, "HS_THANH_TOAN_TT": 290,
               "KQ_SO_HOA": 1100, "PAKN_DEN_HAN": 2, "PAKN_DUNG_HAN": 2, "HAI_LONG_766": 97.1, "DIEM_766": 87.9,
               "HANG_766": 10, "CHI_SO_CCHC": 84.6, "HANG_CCHC": 15, "SIPAS": 86.2},
    "2026Q3": {"TTHC_TOAN_TRINH": 115, "TTHC_MOT_PHAN": 58, "HS_KY_TRUOC": 60, "HS_DANG_GIAI_QUYET": 48,
               "HS_TT_TOAN_TRINH": 420, "HS_TT_MOT_PHAN": 170, "HS_CO_PHI": 415, "HS_THANH_TOAN_TT": 300,
               "KQ_SO_HOA": 1160, "PAKN_DEN_HAN": 1, "PAKN_DUNG_HAN": 1, "HAI_LONG_766": 97.8, "DIEM_766": 89.2,
               "HANG_766": 8, "CHI_SO_CCHC": 84.6, "HANG_CCHC": 15, "SIPAS": 88.0},
    "2026": {"TTHC_TOAN_TRINH": 120, "TTHC_MOT_PHAN": 56, "HS_KY_TRUOC": 48, "HS_DANG_GIAI_QUYET": 41,
             "HS_TT_TOAN_TRINH": 470, "HS_TT_MOT_PHAN": 180, "HS_CO_PHI": 440, "HS_THANH_TOAN_TT": 330,
             "KQ_SO_HOA": 1230, "PAKN_DEN_HAN": 2, "PAKN_DUNG_HAN": 2, "HAI_LONG_766": 98.0, "DIEM_766": 90.1,
             "HANG_766": 7, "CHI_SO_CCHC": 87.3, "HANG_CCHC": 9, "SIPAS": 88.0},
}
for _period, _values in _SERVICE.items():
    FIGURES[_period].update(_values)


def _story(item_id: str, agency: str):
    story = STORIES[item_id]
    return story.get(agency) if "kind" not in story else story


def answer(item_id: str, agency: str, role: str, period: str) -> dict:
    """What ``agency`` writes on its ``period`` form for one product."""
    if role != "Chủ trì":
        text = COORDINATION.get((item_id, agency))
        story = STORIES[item_id]
        arisen = "kind" not in story or story["kind"] != "arises" or any(
            ORDER[p] <= ORDER[period] for p in story["events"])
        if not arisen:
            return {"status": NOT_ARISEN}
        return {"status": CARRIED, "result": text} if text else {}
    story = _story(item_id, agency)
    if story is None:
        return {}
    out: dict = {}
    if story["kind"] == "once":
        day = story["day"]
        if ORDER[_quarter_of(day)] <= ORDER[period]:
            out = {"status": DONE, "completed_on": dt.datetime.combine(day, dt.time()),
                   "result": story["result"], "evidence": story["evidence"]}
        elif ORDER[story["start"]] <= ORDER[period]:
            progress = [story["progress"][p] for p in PERIODS if ORDER[p] <= ORDER[period] and p in story["progress"]]
            latest = progress[-1] if progress else "Đang triển khai theo Kế hoạch"
            if isinstance(latest, tuple):
                out = {"status": latest[0], "difficulties": latest[1]}
            else:
                out = {"status": IN_PROGRESS, "result": latest}
    elif story["kind"] == "every":
        texts = story["texts"]
        out = {"status": CARRIED, "result": texts if isinstance(texts, str) else texts[period]}
        if story["evidence"].get(period):
            out["evidence"] = story["evidence"][period]
    else:
        happened = [p for p in PERIODS if p in story["events"] and _inside(p, period)]
        if not happened:
            out = {"status": NOT_ARISEN}
        else:
            status, day, result, evidence = story["events"][happened[-1]]
            out = {"status": status, "result": result}
            if day:
                out["completed_on"] = dt.datetime.combine(day, dt.time())
            if evidence:
                out["evidence"] = evidence
    extra = DIFFICULTIES.get((period, item_id, agency))
    if extra and out:
        out["difficulties"], proposal = extra
        if proposal:
            out["proposals"] = proposal
    return out


def _inside(event_period: str, period: str) -> bool:
    """Whether something that happened in ``event_period``'s quarter is inside ``period``'s window."""
    if period in ("2026S1", "2026"):   # year to date
        return ORDER[event_period] <= ORDER[period]
    return event_period == period


def figures(period: str, agency: str, changes: dict | None = None) -> dict:
    """The figures ``agency`` types for ``period`` (``changes``: {code: value} typed instead)."""
    values = consistent_figures(PLAN, agency)
    known = {**FIGURES[period], **(changes or {})}
    values.update({k: v for k, v in known.items() if k in values})
    totals = {"HS_TIEP_NHAN": ("HS_TRUC_TIEP", "HS_TRUC_TUYEN", "HS_BUU_CHINH"),
              "HS_GIAI_QUYET": ("HS_TRUOC_HAN", "HS_DUNG_HAN", "HS_QUA_HAN")}
    for total, parts in totals.items():
        if total in values and all(p in known for p in parts):
            values[total] = sum(known[p] for p in parts)
    return values


def fill_period(root: Path, period: str, changes: dict | None = None) -> None:
    assert invoke("forms", "--default-plan", "-p", period, "--dir", root).exit_code == 0
    forms = root / "output" / period / "bieu-mau"
    for form in sorted(forms.iterdir()):
        workbook = openpyxl.load_workbook(form)
        answers = {}
        for sheet in section_sheets(workbook):
            for item_id, row in item_rows(sheet):
                given = answer(item_id, form.stem, sheet.cell(row, COL["role"]).value, period)
                if given:
                    answers[item_id] = given
        fill(form, root / "input" / period / f"{form.stem} - {period}.xlsx", answers,
             text_keys=("result", "evidence", "difficulties", "proposals"),
             figures=figures(period, form.stem, changes))


def year_of_reports(root: Path, periods=PERIODS, changes: dict | None = None) -> dict[str, Path]:
    """Fill every period's forms and compile its report; period -> .docx.
    ``changes``: {period: {code: value}} figures typed instead of the usual ones."""
    if not (root / "ke-hoach-cchc.xlsx").exists():
        assert invoke("init", root).exit_code == 0
    reports = {}
    for period in periods:
        fill_period(root, period, (changes or {}).get(period))
        result = invoke("compile", "-p", period, "--dir", root, "--today", TODAY[period], "--date", TODAY[period])
        assert result.exit_code == 0, result.output
        reports[period] = root / "output" / period / f"bao-cao-cchc-{period}.docx"
    return reports


def body(report: Path) -> list[str]:
    """The report's paragraphs from the title to «Trên đây…» (what the leader signs; the annex apart)."""
    import docx

    # no-break spaces (headings keep their terms together) read as spaces
    paragraphs = [p.text.replace("\u00a0", " ") for p in docx.Document(report).paragraphs]
    end = next(n for n, text in enumerate(paragraphs) if text.startswith("Trên đây"))
    return [text for text in paragraphs[:end] if text.strip()]


def part(report: Path, start: str, stop: str) -> list[str]:
    """Body paragraphs from the heading starting with ``start`` up to the one starting with ``stop``."""
    paragraphs = body(report)
    first = next(n for n, text in enumerate(paragraphs) if text.startswith(start))
    last = next((n for n, text in enumerate(paragraphs) if n > first and text.startswith(stop)), len(paragraphs))
    return paragraphs[first + 1:last]


def finished_in(period: str) -> dict[str, str]:
    """item id -> result text, for products finished (once) inside ``period``'s quarter."""
    out = {}
    for item_id, story in STORIES.items():
        stories = [story] if "kind" in story else list(story.values())
        for one in stories:
            if one["kind"] == "once" and _quarter_of(one["day"]) == period:
                out[item_id] = one["result"]
    return out
