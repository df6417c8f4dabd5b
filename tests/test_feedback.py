"""`cchc-excel check` end to end: console, JSON, findings workbook, feedback copies."""

import datetime as dt
import io
import json
import random
import shutil
import zipfile

import openpyxl
from conftest import invoke
from formtools import COL, consistent_figures, done, fill, item_rows
from test_checks import PLAN, _complete_answers

from cchc_excel import feedback


def _workspace(tmp_path, q1_forms, skip=(), tweak=None):
    inbox = tmp_path / "input" / "2026Q1"
    for form in sorted(q1_forms.iterdir()):
        if form.stem in skip:
            continue
        answers = _complete_answers(form)
        if "I.1" in answers:
            answers["I.1"] = done(day=dt.datetime(2026, 1, 14))
        if tweak:
            tweak(form.stem, answers)
        fill(form, inbox / f"bao cao {form.stem}.xlsx", answers, text_keys=("result", "proposals"),
             figures=consistent_figures(PLAN, form.stem))
    return tmp_path


def test_incomplete_period_exits_1_with_located_problems_and_feedback(tmp_path, q1_forms):
    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn", "result": "=SUM(A1) là chữ, không phải công thức"}

    root = _workspace(tmp_path, q1_forms, skip=("buu-dien-xa",), tweak=tweak)
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert result.exit_code == 1, result.output
    assert "Bưu điện xã" in result.stdout and "Chưa nộp" in result.stdout
    assert "VI.1.1: trạng thái «Hoàn thàn» không có trong danh sách" in result.stdout
    assert "ô H5" in result.stdout and "Đã nộp 4/5 cơ quan" in result.stdout

    data = json.loads(invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--json",
                             "--today", "20/03/2026").stdout)
    states = {a["code"]: a["status"] for a in data["agencies"]}
    assert states == {"phong-vhxh": "sent", "vp-hdnd-ubnd": "sent",
                      "tt-pvhcc": "sent", "phong-kinh-te": "sent", "buu-dien-xa": "missing"}
    finding = next(f for f in data["findings"] if f["code"] == "STATUS_UNKNOWN")
    assert set(finding) >= {"code", "severity", "agency", "item", "file", "sheet", "cell", "message"}
    assert (finding["agency"], finding["item"], finding["sheet"], finding["cell"]) == (
        "phong-kinh-te", "VI.1.1", "VI. Tài chính công", "H5")

    listing = openpyxl.load_workbook(root / "output" / "2026Q1" / "kiem-tra-2026Q1.xlsx")
    rows = list(listing["Vấn đề"].iter_rows(min_row=2, values_only=True))
    assert any(r[1] == "STATUS_UNKNOWN" and r[3] == "VI.1.1" and r[6] == "H5" for r in rows)
    assert listing["Vấn đề"].auto_filter.ref
    summary = {r[0]: r[1] for r in listing["Tình hình nộp"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert summary["Bưu điện xã"] == "Chưa nộp" and summary["Phòng Kinh tế"] == "Đã nộp"

    feedback_dir = root / "output" / "2026Q1" / "phan-hoi"
    copy = openpyxl.load_workbook(feedback_dir / "phong-kinh-te.xlsx")
    sheet = copy["VI. Tài chính công"]
    row = dict(item_rows(sheet))["VI.1.1"]
    status = sheet.cell(row, COL["status"])
    assert status.value == "Hoàn thàn"                                   # their own text, kept
    assert status.fill.fgColor.rgb.endswith("FFC7CE") and "Có phải «Đã hoàn thành»" in status.comment.text
    result_cell = sheet.cell(row, COL["result"])
    assert result_cell.value == "=SUM(A1) là chữ, không phải công thức" and result_cell.data_type == "s"
    other = dict(item_rows(sheet))["VI.4.1"]
    assert sheet.cell(other, COL["result"]).value.startswith("Đã triển khai nội dung VI.4.1")
    guide = "\n".join(str(c.value) for r in copy["Hướng dẫn"].iter_rows() for c in r if c.value)
    assert "CẦN SỬA LẠI" in guide and "Hoàn thàn" in guide
    assert not (feedback_dir / "buu-dien-xa.xlsx").exists()


def test_check_with_an_empty_inbox_says_where_to_put_the_files(tmp_path):
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", tmp_path, "--today", "20/03/2026")
    assert result.exit_code == 1
    assert f"Chưa có tệp nào trong {tmp_path / 'input' / '2026Q1'}/" in result.stdout
    assert "Đã nộp 0/5 cơ quan" in result.stdout


def test_complete_period_exits_0_and_clears_old_feedback(tmp_path, q1_forms):
    root = _workspace(tmp_path, q1_forms)
    stale = root / "output" / "2026Q1" / "phan-hoi" / "buu-dien-xa.xlsx"   # no problems left
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert result.exit_code == 0, result.output
    assert "Đã nộp 5/5 cơ quan; 0 lỗi phải sửa" in result.stdout
    assert not stale.exists()


def test_the_feedback_copy_is_a_form_the_agency_can_send_back(tmp_path, q1_forms):
    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn", "result": "Đã công khai dự toán năm 2026"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    assert invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026").exit_code == 1
    copy = root / "output" / "2026Q1" / "phan-hoi" / "phong-kinh-te.xlsx"
    corrected = root / "input" / "2026Q1" / "kt-sua-lai.xlsx"
    fill(copy, corrected, {"VI.1.1": done(result="Đã công khai dự toán năm 2026")})
    (root / "input" / "2026Q1" / "bao cao phong-kinh-te.xlsx").unlink()
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert result.exit_code == 0, result.output


def test_many_returns_show_progress_and_still_check(tmp_path, q1_forms):
    root = _workspace(tmp_path, q1_forms)
    inbox = root / "input" / "2026Q1"
    source = next(inbox.glob("*phong-kinh-te*"))
    for n in range(25):
        shutil.copyfile(source, inbox / f"gui lai lan {n}.xlsx")
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    superseded = [f for f in data["findings"] if f["code"] == "RETURN_SUPERSEDED"]
    assert len(superseded) == 25


def test_fixing_a_typo_in_the_plan_does_not_turn_away_forms_already_sent(tmp_path):
    import openpyxl

    assert invoke("init", tmp_path).exit_code == 0
    assert invoke("forms", "-p", "2026Q1", "--agency", "phong-vhxh", "--dir", tmp_path).exit_code == 0
    form = tmp_path / "output" / "2026Q1" / "bieu-mau" / "phong-vhxh.xlsx"
    fill(form, tmp_path / "input" / "2026Q1" / "vhxh.xlsx", {"I.1": done()})
    book = tmp_path / "ke-hoach-cchc.xlsx"
    workbook = openpyxl.load_workbook(book)
    for row in workbook["Nhiệm vụ"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "Chi số" in cell.value:
                cell.value = cell.value.replace("Chi số", "Chỉ số")        # as plan check suggests
    workbook.save(book)
    data = json.loads(invoke("check", "-p", "2026Q1", "--dir", tmp_path, "--json", "--today", "20/03/2026").stdout)
    assert not [f for f in data["findings"] if f["code"] == "RETURN_OTHER_PLAN"]
    assert next(a for a in data["agencies"] if a["code"] == "phong-vhxh")["status"] == "sent"


def test_check_shows_the_return_date_and_the_feedback_copies_repeat_it(tmp_path, q1_forms):
    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    # No report day in the settings: the 20th (a Friday) minus 3 working days.
    assert "Hạn các cơ quan gửi lại biểu mẫu: 17/03/2026 (3 ngày làm việc trước ngày gửi báo cáo lên tỉnh, " \
           "20/03/2026)" in result.stdout
    guide = openpyxl.load_workbook(root / "output" / "2026Q1" / "phan-hoi" / "phong-kinh-te.xlsx")["Hướng dẫn"]
    shown = {r[0]: r[1] for r in guide.iter_rows(min_row=3, max_row=12, max_col=2, values_only=True)}
    assert shown["Hạn gửi lại biểu mẫu"].startswith("17/03/2026 (3 ngày làm việc")

    again = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026",
                   "--deadline", "12/03/2026",
                   "--json")
    data = json.loads(again.stdout)
    assert data["deadline"] == {"due": "2026-03-12", "report": None, "working_days": 3, "overridden": True,
                                "before_data_end": True}
    guide = openpyxl.load_workbook(root / "output" / "2026Q1" / "phan-hoi" / "phong-kinh-te.xlsx")["Hướng dẫn"]
    shown = {r[0]: r[1] for r in guide.iter_rows(min_row=3, max_row=12, max_col=2, values_only=True)}
    assert shown["Hạn gửi lại biểu mẫu"]== ("12/03/2026. Lưu ý: hạn gửi lại trước ngày cuối kỳ số liệu (14/03/2026): "
                                            "số liệu từ sau ngày gửi đến hết ngày 14/03/2026 là số ước tính.")


def test_the_findings_workbook_is_rewritten_only_when_the_findings_change(tmp_path, q1_forms):
    # Seen: with a thousand agencies a check with nothing new spent a second rewriting the
    # same list (and failed if the officer had it open in Excel on Windows).
    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    listing = root / "output" / "2026Q1" / "kiem-tra-2026Q1.xlsx"

    def run():
        result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
        stat = listing.stat()
        return result, (stat.st_ino, stat.st_mtime_ns)

    first, stamp = run()
    again, same = run()
    assert first.exit_code == again.exit_code == 1 and same == stamp and first.stdout == again.stdout
    kt = next((root / "input" / "2026Q1").glob("*phong-kinh-te*"))
    fill(kt, kt, {"VI.1.1": done()})
    fixed, changed = run()
    assert changed != stamp
    rows = list(openpyxl.load_workbook(listing)["Vấn đề"].iter_rows(min_row=2, values_only=True))
    assert not any(r[1] == "STATUS_UNKNOWN" for r in rows)


# --- the stored digest of a copy (read for every copy of a check run) ----------------------


def _zipfile_digest(data: bytes) -> str:
    """The digest as zipfile alone reads it: what the quick reader must always agree with."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            custom = archive.read("docProps/custom.xml")
    except Exception:  # noqa: BLE001 - any failure means "no digest"
        return ""
    found = feedback._DIGEST.search(custom)
    return found.group(1).decode() if found else ""


def _mutations(data: bytes, rng: random.Random):
    """Byte flips (anywhere, and in the digest's part and the directories), truncations,
    bytes appended, an archive comment and a rewrite by another zip writer."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        custom = archive.getinfo("docProps/custom.xml")
        names = [(info, archive.read(info)) for info in archive.infolist()]
    directory = data.rindex(b"PK\x01\x02")
    hot = [(custom.header_offset, custom.header_offset + 30 + len(custom.filename) + custom.compress_size),
           (directory - 2000, len(data)), (0, len(data))]
    for _ in range(150):
        low, high = rng.choice(hot)
        at = rng.randrange(max(low, 0), high)
        yield data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]
    for _ in range(30):
        yield data[:rng.randrange(len(data))]
    yield data + b"\0" * 7
    commented = io.BytesIO(data)
    with zipfile.ZipFile(commented, "a") as archive:
        archive.comment = b"a zip tool's comment"
    yield commented.getvalue()
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_STORED) as archive:    # stored, another order
        for info, content in reversed(names):
            archive.writestr(info.filename, content)
    yield rewritten.getvalue()


def test_the_stored_digest_is_read_as_zipfile_reads_it_whatever_the_bytes(tmp_path, q1_forms):
    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    copy = root / "output" / "2026Q1" / "phan-hoi" / "phong-kinh-te.xlsx"
    data = copy.read_bytes()
    assert len(feedback.copy_digest(copy)) == 64 and feedback.copy_digest(copy) == _zipfile_digest(data)
    probe = tmp_path / "probe.xlsx"
    read, unread = 0, 0
    for mutated in _mutations(data, random.Random(12)):
        probe.write_bytes(mutated)
        expected = _zipfile_digest(mutated)
        assert feedback.copy_digest(probe) == expected
        read, unread = read + bool(expected), unread + (not expected)
    assert read > 20 and unread > 20          # both answers were met
    assert feedback.copy_digest(tmp_path / "none.xlsx") == "" and feedback.copy_digest(tmp_path) == ""


def test_a_copy_whose_digest_cannot_be_read_or_differs_is_rewritten(tmp_path, q1_forms):
    def tweak(agency, answers):
        if agency in ("phong-kinh-te", "phong-vhxh"):
            answers["VI.1.1" if agency == "phong-kinh-te" else "I.1"] = {"status": "Hoàn thàn"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    check = ("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    invoke(*check)
    folder = root / "output" / "2026Q1" / "phan-hoi"
    made = {p.name: p.read_bytes() for p in folder.iterdir()}
    kt, vhxh = folder / "phong-kinh-te.xlsx", folder / "phong-vhxh.xlsx"
    with zipfile.ZipFile(io.BytesIO(made[kt.name])) as archive:
        info = archive.getinfo("docProps/custom.xml")
    at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    kt.write_bytes(made[kt.name][:at] + bytes([made[kt.name][at] ^ 0xFF]) + made[kt.name][at + 1:])  # damaged
    vhxh.write_bytes(_with_digest(made[vhxh.name], "0" * 64))                                      # another digest
    assert feedback.copy_digest(kt) == "" and feedback.copy_digest(vhxh) == "0" * 64
    invoke(*check)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == made       # both made again, as they were


def _with_digest(data: bytes, digest: str) -> bytes:
    """The workbook with its digest property changed (as another run or an edit would leave it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/custom.xml":
                content = feedback._DIGEST.sub(lambda m: m.group(0).replace(m.group(1), digest.encode()), content)
            target.writestr(info, content)
    return out.getvalue()


def test_a_copy_digest_changes_with_any_field_of_its_agency_and_only_of_its_agency():
    from dataclasses import fields, replace

    from cchc_excel.answers import Answer, FigureAnswer
    from cchc_excel.deadlines import return_deadline
    from cchc_excel.models import Finding, Severity, Status
    from cchc_excel.periods import parse_period
    from cchc_excel.pipeline import load_embedded_plan
    from cchc_excel.planbook import default_settings

    plan = load_embedded_plan()
    settings, period = default_settings(plan.meta), parse_period("2026Q1")
    answer = Answer("VI.1.1", "phong-kinh-te", "lead", Status.DONE, "Đã hoàn thành", dt.date(2026, 2, 3), "",
                    "Đã xong", "KH 12/KH-UBND", "", "", "a.xlsx", "VI", 5, {"status": "H5"})
    figure = FigureAnswer("KINH_PHI_CCHC", "phong-kinh-te", 12.0, "12", "", "a.xlsx", "Số liệu", 5, {"value": "G5"})
    problem = Finding("STATUS_UNKNOWN", Severity.ERROR, (("text", "Hoàn thàn"),), "VI.1.1", "phong-kinh-te",
                      "a.xlsx", "VI", "H5", "status")
    digests = feedback.CopyDigests(plan, settings, period, return_deadline(period, settings, None))
    base = digests.of("phong-kinh-te", [answer], [figure], [problem])
    other = {"item": "VI.2", "agency": "phong-vhxh", "role": "coordinator", "status": Status.IN_PROGRESS,
             "completed_on": dt.date(2026, 2, 4), "row": 6, "cells": {"status": "H6"}, "code": "X",
             "value": 13.0, "severity": Severity.WARNING, "params": (("text", "khác"),)}
    seen = {base}
    for record, index in ((answer, 0), (figure, 1), (problem, 2)):
        for f in fields(record):
            changed = replace(record, **{f.name: other.get(f.name, "khác")})
            groups = [[answer], [figure], [problem]]
            groups[index] = [changed]
            digest = digests.of("phong-kinh-te", *groups)
            if f.name != "agency":
                assert digest not in seen, (type(record).__name__, f.name)
            seen.add(digest)
    stranger = replace(answer, agency="phong-vhxh", result="của cơ quan khác")
    assert digests.of("phong-kinh-te", [stranger, answer], [figure], [problem]) == base      # not its agency's
    twice = replace(answer, item="VI.2", row=6)
    assert (digests.of("phong-kinh-te", [answer, twice], [figure], [problem])
            == digests.of("phong-kinh-te", [twice, answer], [figure], [problem]))            # in any order
    assert feedback.CopyDigests(plan, settings, parse_period("2026Q2"), None).of(
        "phong-kinh-te", [answer], [figure], [problem]) != base                              # another period
