"""The plan's own words as the report prints them (REVIEW.md of the second reading, N7): a slip
`plan check` names in the plan («cơ chế cơ chế», «đơn giản hoá», «Các tin, bài, trên …», «sở Nội
vụ») is corrected wherever the report prints plan text — the body, the draft's brackets, every
annex cell, the «Thời gian» column included — while the agencies' own words stay as written."""

from __future__ import annotations

import datetime as dt
import re

from conftest import invoke
from reporttools import annex_rows, document_text, filled_period

from cchc_excel.models import Status

SLIPS = ("cơ chế cơ chế", "tin, bài, trên", "sở Nội vụ", "Chi số", "hoá", "uỷ")


def _tweak(agency: str, answers: dict) -> None:
    # The agencies' words never repeat the plan's (theirs are printed as written).
    for answer in answers.values():
        if answer.get("result"):
            answer["result"] = "Đã thực hiện theo Kế hoạch"
    if agency == "tt-pvhcc":   # done, without a result: the body names the product itself
        answers["III.1"] = {"status": Status.DONE.label, "completed_on": dt.datetime(2026, 3, 2),
                            "evidence": "Báo cáo số 21/BC-UBND ngày 02/03/2026"}
    if agency == "phong-kinh-te":   # a status the tool cannot read: the draft's bracket names the product
        answers["VI.4.2"] = {"status": "xong rồi", "result": "Đã kiểm tra 03 đơn vị"}


def test_the_plans_slips_are_corrected_wherever_the_report_prints_plan_text(tmp_path):
    root = filled_period(tmp_path, "2026Q1", tweak=_tweak)
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    assert result.exit_code == 1, result.output
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    text = document_text(report)
    for slip in SLIPS:
        assert not re.search(rf"(?<!\w){slip}(?!\w)", text), (slip, [ln for ln in text.split("\n") if slip in ln])
    assert "Hoàn thành báo cáo rà soát; các quyết định phê duyệt phương án đơn giản hóa (Báo cáo số 21/BC-UBND" \
        in text
    assert "chưa chọn trạng thái hợp lệ về «Báo cáo kiểm tra việc xây dựng quy chế chi tiêu nội bộ và tình hình " \
           "thực hiện công khai dự toán, quyết toán và tài sản công của các đơn vị thực hiện cơ chế tự chủ" in text
    rows = annex_rows(report)
    assert rows["I.4.1"][1].endswith("Các tin, bài trên Trang TTĐT các cơ quan, đơn vị, tờ rơi...")
    assert rows["IV.3"][3] == "Sau khi có Quyết định giao biên chế của Sở Nội vụ"
    assert "Triển khai xác định Chỉ số CCHC năm 2026" in rows["I.5.1"][1]
    # plan check names the new slip in the plan itself.
    check = " ".join(invoke("plan", "check", "--default-plan", "--dir", root).output.split())
    assert "I.4.1: «tin, bài, trên» có lẽ là lỗi khi soạn kế hoạch." in check
    assert "Sửa thành «tin, bài trên» trong kế hoạch (báo cáo đã tự in «tin, bài trên»)." in check
