"""The feedback loop closes: `check` sends back only what an agency has to fix,
says what it understood, reports text typed outside the table, and the next
period's forms carry what stays true. Every test runs the real CLI on files."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from conftest import invoke
from formtools import COL, consistent_figures, done, fill, item_rows
from test_checks import PLAN, _complete_answers
from test_feedback import _workspace

TODAY = "20/03/2026"
REASON = "Chờ hướng dẫn của tỉnh, dự kiến hoàn thành trong quý II"


def _check(root):
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--json", "--today", TODAY)
    return result, json.loads(result.stdout)


def _explain_everything(agency, answers):
    for answer in answers.values():
        if answer.get("status") == "Đang thực hiện":
            answer["difficulties"] = REASON


def test_an_overdue_item_with_its_reason_written_is_not_sent_back(tmp_path, q1_forms):
    # Seen: «Ghi rõ nguyên nhân ở cột Khó khăn, vướng mắc» stayed after the agency wrote the reason
    # there, so every agency got a feedback copy asking for what it already did.
    def tweak(agency, answers):
        _explain_everything(agency, answers)
        if agency == "phong-vhxh":
            answers["I.1"] = {"status": "Đang thực hiện", "result": "Đang xây dựng dự thảo kế hoạch"}  # no reason

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    result, data = _check(root)
    assert result.exit_code == 0, result.output
    overdue = [(f["agency"], f["item"], f["severity"]) for f in data["findings"] if f["code"] == "ITEM_OVERDUE"]
    assert overdue == [("phong-vhxh", "I.1", "warning")]
    explained = [f for f in data["findings"] if f["code"] == "ITEM_OVERDUE_EXPLAINED"]
    assert explained and {f["severity"] for f in explained} == {"info"}
    assert REASON in explained[0]["message"]
    # Feedback copies only for agencies with something to fix.
    feedback = root / "output" / "2026Q1" / "phan-hoi"
    assert sorted(p.name for p in feedback.iterdir()) == ["phong-vhxh.xlsx"]
    assert data["outputs"]["feedback"] == [str(feedback / "phong-vhxh.xlsx")]
    # The officer still sees the explained delays in the findings workbook, as information.
    listing = openpyxl.load_workbook(root / "output" / "2026Q1" / "kiem-tra-2026Q1.xlsx")["Vấn đề"]
    rows = [r for r in listing.iter_rows(min_row=2, values_only=True) if r[1] == "ITEM_OVERDUE_EXPLAINED"]
    assert rows and rows[0][0] == "Thông tin"


def test_an_explained_outlier_figure_is_not_sent_back(tmp_path, q1_forms):
    agency = "tt-pvhcc"
    root = _workspace(tmp_path, q1_forms, tweak=_explain_everything)
    form = q1_forms / f"{agency}.xlsx"
    answers = {}
    _explain_everything(agency, answers)
    figures = {**consistent_figures(PLAN, agency), "TTHC_CONG_KHAI": 900}
    previous = {**consistent_figures(PLAN, agency), "TTHC_CONG_KHAI": 180}
    # The previous quarter is 2026Q1; check 2026Q2 against it.
    assert invoke("forms", "--default-plan", "-p", "2026Q2", "--agency", agency, "--dir", root).exit_code == 0
    q2_form = root / "output" / "2026Q2" / "bieu-mau" / f"{agency}.xlsx"
    fill(form, root / "input" / "2026Q1" / f"bao cao {agency}.xlsx", {}, figures=previous)
    fill(q2_form, root / "input" / "2026Q2" / "tt.xlsx", answers, figures=figures,
         figure_notes={"TTHC_CONG_KHAI": "Tỉnh công bố bổ sung 720 thủ tục trong quý"})
    data = json.loads(invoke("check", "--default-plan", "-p", "2026Q2", "--dir", root, "--json",
                             "--today", "20/06/2026").stdout)
    codes = {f["code"]: f["severity"] for f in data["findings"] if f["agency"] == agency and "OUTLIER" in f["code"]}
    assert codes == {"FIGURE_OUTLIER_EXPLAINED": "info"}


def test_what_the_tool_understood_is_shown_on_the_feedback_copy(tmp_path, q1_forms):
    # Seen: statuses typed without diacritics and dates typed as text were corrected
    # silently; the agency never learned what was read.
    def tweak(agency, answers):
        _explain_everything(agency, answers)
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "dang thuc hien", "result": "Đang công khai dự toán", "difficulties": REASON}
            answers["VI.1.2"] = {**done(), "completed_on": "5/2/2026"}
            answers["VI.2"] = {"status": "Hoàn thàn", "result": "Đã rà soát"}        # a real problem

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    result, data = _check(root)
    understood = {(f["item"], f["code"]): f for f in data["findings"] if f["code"].endswith("_UNDERSTOOD")}
    assert understood[("VI.1.1", "STATUS_UNDERSTOOD")]["message"] == \
        "VI.1.1: đã hiểu «dang thuc hien» là «Đang thực hiện»."
    assert "«5/2/2026», đã hiểu là ngày 05/02/2026" in understood[("VI.1.2", "DATE_UNDERSTOOD")]["message"]
    assert {f["severity"] for f in understood.values()} == {"info"}

    copy = openpyxl.load_workbook(root / "output" / "2026Q1" / "phan-hoi" / "phong-kinh-te.xlsx")
    sheet = copy["VI. Tài chính công"]
    rows = dict(item_rows(sheet))
    status = sheet.cell(rows["VI.1.1"], COL["status"])
    assert status.value == "Đang thực hiện"
    assert "đã hiểu «dang thuc hien» là «Đang thực hiện»" in status.comment.text
    assert not status.fill.fgColor.rgb.endswith("FFC7CE")                  # a note, not a problem
    date = sheet.cell(rows["VI.1.2"], COL["completed_on"])
    assert date.value.date() == dt.date(2026, 2, 5) and "05/02/2026" in date.comment.text
    guide = "\n".join(str(c.value) for r in copy["Hướng dẫn"].iter_rows() for c in r if c.value)
    assert "ĐÃ TỰ HIỂU" in guide and "«dang thuc hien» là «Đang thực hiện»" in guide
    assert "CẦN SỬA LẠI" in guide and "Hoàn thàn" in guide


def test_text_typed_outside_the_answer_columns_is_a_finding(tmp_path, q1_forms):
    # Seen: text typed at A20 (below the table) and O6 (right of it) was dropped without a word.
    agency = "phong-vhxh"
    root = _workspace(tmp_path, q1_forms, tweak=_explain_everything)
    inbox = root / "input" / "2026Q1"
    returned = inbox / f"bao cao {agency}.xlsx"

    def scribble(workbook):
        sheet = workbook["I. Chỉ đạo, điều hành"]
        sheet["A20"] = "Bổ sung: đã tổ chức hội nghị CCHC ngày 20/02"
        sheet["O6"] = "Đã gửi kèm báo cáo giấy"
        sheet["C2"] = "ghi chú riêng"
        workbook["Số liệu"]["J5"] = "số liệu tạm tính"

    answers = _complete_answers(q1_forms / f"{agency}.xlsx")
    _explain_everything(agency, answers)
    answers["I.1"] = done(day=dt.datetime(2026, 1, 14))
    fill(q1_forms / f"{agency}.xlsx", returned, answers, transform=scribble,
         figures=consistent_figures(PLAN, agency))
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", TODAY)
    out = result.stdout
    for cell, text in (("A20", "Bổ sung: đã tổ chức hội nghị CCHC"), ("O6", "Đã gửi kèm báo cáo giấy"),
                       ("C2", "ghi chú riêng"), ("J5", "số liệu tạm tính")):
        assert f"Ô {cell} có nội dung «{text}" in out, (cell, out)
    assert "nằm ngoài các cột trả lời" in out
    copy = openpyxl.load_workbook(root / "output" / "2026Q1" / "phan-hoi" / f"{agency}.xlsx")
    guide = "\n".join(str(c.value) for r in copy["Hướng dẫn"].iter_rows() for c in r if c.value)
    assert "[I. Chỉ đạo, điều hành A20]" in guide and "[I. Chỉ đạo, điều hành O6]" in guide


def test_a_reply_beginning_with_y_kien_is_not_legacy_text(tmp_path, q1_forms):
    # Seen: «Ý kiến…» was taken for legacy TCVN3 text, an error that blocks compile.
    def tweak(agency, answers):
        _explain_everything(agency, answers)
        if agency == "vp-hdnd-ubnd":
            item = next(i for i, a in answers.items() if a.get("status") == "Đang thực hiện")
            answers[item]["result"] = "Ý kiến cử tri đã trả lời"
            answers[item]["proposals"] = "Ý kiến: không có"

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    result, data = _check(root)
    assert result.exit_code == 0, result.output
    assert not [f for f in data["findings"] if f["code"] == "LEGACY_ENCODING"]
    compiled = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", TODAY)
    assert compiled.exit_code == 0, compiled.output


def test_carry_forward_keeps_what_stays_true_and_suggests_the_rest(tmp_path):
    # Seen: carry-forward skipped «Khó khăn, vướng mắc» and «Đề xuất» and copied per-period statuses.
    agency = "phong-kinh-te"
    assert invoke("forms", "--default-plan", "-p", "2026Q1", "--agency", agency, "--dir", tmp_path).exit_code == 0
    form = tmp_path / "output" / "2026Q1" / "bieu-mau" / f"{agency}.xlsx"
    fill(form, tmp_path / "input" / "2026Q1" / "KT.xlsx", {
        "VI.1.1": {**done(result="Đã công khai dự toán 2026"), "completed_on": dt.datetime(2026, 2, 3),
                   "evidence": "Quyết định số 12/QĐ-UBND ngày 03/02/2026", "difficulties": "Không"},
        "VI.1.2": {"status": "Đang thực hiện", "result": "Đã công khai 2/4 nội dung",
                   "difficulties": "Thiếu nhân lực", "proposals": "Bổ sung 01 công chức"},
        "VI.2": {"status": "Chưa thực hiện", "difficulties": "Chưa có hướng dẫn của tỉnh"},
        "VII.5": {"status": "Chưa phát sinh"},
    })
    result = invoke("forms", "--default-plan", "-p", "2026S1", "--agency", agency, "--dir", tmp_path)
    assert result.exit_code == 0 and "điền sẵn từ quý I năm 2026" in result.stdout
    s1 = openpyxl.load_workbook(tmp_path / "output" / "2026S1" / "bieu-mau" / f"{agency}.xlsx")
    rows = {item: (sheet, row) for sheet in s1.worksheets for item, row in item_rows(sheet)
            if sheet.title not in ("Hướng dẫn", "_meta", "_DanhMuc", "Số liệu")}

    def values(item):
        sheet, row = rows[item]
        return {key: sheet.cell(row, COL[key]).value for key in
                ("status", "completed_on", "result", "evidence", "difficulties", "proposals", "note")}

    finished = values("VI.1.1")                                   # stays true: kept as it was
    assert finished["status"] == "Đã hoàn thành" and finished["completed_on"].date() == dt.date(2026, 2, 3)
    assert finished["evidence"] == "Quyết định số 12/QĐ-UBND ngày 03/02/2026"
    assert finished["difficulties"] is None and "Đã hoàn thành" in finished["note"]
    ongoing = values("VI.1.2")                                    # a suggestion to update, no status
    assert ongoing["status"] is None
    assert (ongoing["result"], ongoing["difficulties"], ongoing["proposals"]) == (
        "Đã công khai 2/4 nội dung", "Thiếu nhân lực", "Bổ sung 01 công chức")
    assert "Gợi ý từ báo cáo quý I năm 2026" in ongoing["note"] and "chọn trạng thái" in ongoing["note"]
    sheet, row = rows["VI.1.2"]
    assert sheet.cell(row, COL["result"]).fill.fgColor.rgb.endswith("DDEBF7")
    not_started = values("VI.2")
    assert not_started["status"] is None and not_started["difficulties"] == "Chưa có hướng dẫn của tỉnh"
    assert values("VII.5")["status"] is None and not values("VII.5")["note"]    # not arisen: per period


def test_the_console_tells_the_whole_state(tmp_path, q1_forms):
    # Seen: a superseded return and the «Chưa phát sinh» count were not on the console.
    import os
    import shutil

    root = _workspace(tmp_path, q1_forms, tweak=_explain_everything)
    inbox = root / "input" / "2026Q1"
    newer = inbox / "bao cao phong-kinh-te.xlsx"
    older = inbox / "ban dau phong-kinh-te.xlsx"
    shutil.copyfile(newer, older)
    os.utime(older, (1_700_000_000, 1_700_000_000))
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", TODAY)
    out = result.stdout
    assert "1 tệp gửi trước đã được thay bằng bản gửi sau (không dùng):" in out
    assert "ban dau phong-kinh-te.xlsx" in out
    line = next(x for x in out.splitlines() if x.startswith("Theo các biểu mẫu đã nhận"))
    assert "Sản phẩm đến hạn: " in line and "chưa phát sinh " in line and "sản phẩm phải thực hiện" in line
    assert "nhiệm vụ" not in line
