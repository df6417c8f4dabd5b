"""Build docs/chi-tieu-mau-tinh.xlsx: an example of the indicator set a
province asks its communes for, as a «Chỉ tiêu» sheet the officer copies into
the plan workbook (ke-hoach-cchc.xlsx). Illustrative, not any province's
official list: the TTHC figures follow the 766 index groups (QĐ 766/QĐ-TTg),
and the province adds the share of online services that received dossiers.

    python scripts/make_indicator_example.py
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook

from cchc_excel import indicatorbook, planbook_writer
from cchc_excel import openpyxlkit as kit
from cchc_excel.models import Aggregation, Indicator, IndicatorKind
from cchc_excel.pipeline import load_embedded_plan

OUT = Path(__file__).resolve().parent.parent / "docs" / "chi-tieu-mau-tinh.xlsx"
KEEP = ("VB_CHI_DAO", "CQ_TONG", "CQ_KIEM_TRA", "TL_KIEM_TRA", "CHI_SO_CCHC", "HANG_CCHC", "SIPAS",
        "TTHC_CONG_KHAI", "TTHC_TOAN_TRINH", "TTHC_MOT_PHAN", "TL_TTHC_TOAN_TRINH", "HS_KY_TRUOC", "HS_TIEP_NHAN",
        "HS_TRUC_TIEP", "HS_TRUC_TUYEN", "HS_BUU_CHINH", "HS_GIAI_QUYET", "HS_TRUOC_HAN", "HS_DUNG_HAN",
        "HS_QUA_HAN", "HS_XIN_LOI", "HS_DANG_GIAI_QUYET", "HS_TT_TOAN_TRINH", "HS_TT_MOT_PHAN", "HS_CO_PHI",
        "HS_THANH_TOAN_TT", "HS_SO_HOA", "KQ_SO_HOA", "TL_TRUC_TUYEN", "TL_TOAN_TRINH", "TL_THANH_TOAN",
        "TL_DUNG_HAN", "TL_SO_HOA", "TL_SO_HOA_KQ", "TL_XIN_LOI", "PAKN_DEN_HAN", "PAKN_DUNG_HAN",
        "TL_PAKN_DUNG_HAN", "HAI_LONG_766", "DIEM_766", "HANG_766", "VB_DIEN_TU", "VB_KY_SO", "TL_KY_SO")
# Example targets a province might set (illustrative values, marked as such in the sheet).
TARGETS = {"TL_TOAN_TRINH": 40, "TL_TRUC_TUYEN": 80, "TL_DUNG_HAN": 98, "TL_SO_HOA": 100, "TL_SO_HOA_KQ": 100,
           "TL_THANH_TOAN": 50, "TL_XIN_LOI": 100, "TL_PAKN_DUNG_HAN": 100, "TL_KY_SO": 100, "TL_KIEM_TRA": 20,
           "TL_DVC_PHAT_SINH": 80}


def main() -> int:
    plan = load_embedded_plan()
    by_code = {i.code: i for i in plan.indicators}
    centre = by_code["HS_TIEP_NHAN"].agency
    extra = (
        Indicator("DVC_PHAT_SINH", "Dịch vụ công trực tuyến có phát sinh hồ sơ", "thủ tục", "III", centre,
                  IndicatorKind.COUNT, Aggregation.LATEST, "TTHC_CONG_KHAI",
                  source="Hệ thống thông tin giải quyết TTHC / Cổng DVC (chỉ tiêu tỉnh bổ sung, ví dụ)"),
        Indicator("TL_DVC_PHAT_SINH", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", "%", "III", "",
                  IndicatorKind.RATE, numerator=("DVC_PHAT_SINH",), denominator="TTHC_CONG_KHAI",
                  source="Trên tổng số thủ tục hành chính công khai (chỉ tiêu tỉnh bổ sung, ví dụ)"),
    )
    chosen = [by_code[code] for code in KEEP] + list(extra)
    chosen = [replace(i, target=TARGETS[i.code], target_note="Chỉ tiêu tỉnh giao (giá trị minh họa)")
              if i.code in TARGETS else replace(i, target=None, target_note="") for i in chosen]
    example = replace(plan, indicators=tuple(chosen))
    book = Workbook()
    sheet = book.active
    sheet.title = indicatorbook.SHEET
    planbook_writer.write_indicator_sheet(sheet, example)
    notes = book.create_sheet("Cách dùng")
    for row, text in enumerate((
        "BỘ CHỈ TIÊU MẪU CỦA MỘT TỈNH (ví dụ minh họa, không phải văn bản của tỉnh nào)",
        "1. Mở sổ kế hoạch ke-hoach-cchc.xlsx, trang «Chỉ tiêu»; xóa các dòng cũ (giữ dòng tiêu đề).",
        "2. Chép các dòng của trang «Chỉ tiêu» ở đây sang; sửa cột «Cơ quan báo cáo» theo tên trong trang «Cơ quan».",
        "3. Ghi chỉ tiêu tỉnh giao vào cột «Chỉ tiêu kế hoạch»; chạy «cchc-excel plan check» để kiểm tra.",
        "Tỷ lệ do chương trình tự tính từ tử số và mẫu số; các số có nguồn «Hệ thống thông tin giải quyết TTHC / "
        "Cổng DVC» thì chép từ hệ thống, không đếm lại.",
        "Định nghĩa từng chỉ tiêu và nguồn: docs/chi-tieu.md.",
    ), start=1):
        kit.put_text(notes.cell(row, 1), text, kit.FONT_BOLD if row == 1 else kit.FONT,
                     kit.Alignment(wrap_text=False))
    notes.column_dimensions["A"].width = 120
    book.properties.creator = "cchc-excel"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    book.save(OUT)
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
