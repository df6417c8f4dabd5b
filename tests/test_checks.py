"""Completeness and plausibility findings, each located and explained."""

import datetime as dt

from formtools import all_items, consistent_figures, done, fill

from cchc_excel.checks import check_period
from cchc_excel.merge import collect
from cchc_excel.models import Severity, Status
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()
Q1 = parse_period("2026Q1")
TODAY = dt.date(2026, 3, 20)


def _run(files, today=TODAY):
    intake = collect(PLAN, "2026Q1", files)
    return intake, check_period(PLAN, Q1, intake, today)


def _complete_answers(form):
    """Every item answered plausibly (what a careful agency sends)."""
    answers = {}
    for item in all_items(form):
        tf = next(i for i in PLAN.items if i.id == item).timeframe
        if tf.kind.value == "conditional":
            answers[item] = {"status": Status.NOT_ARISEN.label}
        else:
            status = Status.CARRIED_OUT if tf.kind.value == "recurring" else Status.IN_PROGRESS
            answers[item] = {"status": status.label, "result": f"Đã triển khai nội dung {item} trong quý"}
    return answers


def test_a_complete_return_has_no_blocking_findings(q1_forms, tmp_path):
    files = []
    for form in sorted(q1_forms.iterdir()):
        out = tmp_path / form.name
        answers = _complete_answers(form)
        if "I.1" in answers:
            answers["I.1"] = done(day=dt.datetime(2026, 1, 14))
        fill(form, out, answers, figures=consistent_figures(PLAN, form.stem))
        files.append(out)
    intake, findings = _run(files)
    assert [f for f in findings if f.blocking] == []
    assert {f.code for f in findings} <= {"ITEM_OVERDUE", "STATUS_CONTRADICTION"}


def test_each_problem_is_found_where_it_is(q1_forms, tmp_path):
    form = q1_forms / "phong-kinh-te.xlsx"
    answers = _complete_answers(form)
    answers.update({
        "VI.1.1": {"status": Status.DONE.label, "result": "Đã công khai dự toán"},          # no date, no evidence
        "VI.4.1": {"status": "xong", "completed_on": dt.datetime(2026, 5, 2), "result": "x",
                   "evidence": "QĐ 1"},                                               # future date, thin
        "VI.4.2": {"status": "Đang thực hiên", "completed_on": "mười lăm", "result": "Đang kiểm tra"},
        "VI.2": {"status": "Hoàn thàn", "result": "Phßng Kinh tÕ ®· ban hµnh v¨n b¶n"},   # unknown status, TCVN3
        "VII.5": {"status": Status.NOT_ARISEN.label},                                           # not event-triggered
        "IV.4": {"status": None},                                                       # due, no status
        "VI.3": {"status": Status.DONE.label, "completed_on": dt.datetime(2025, 11, 30),
                 "result": "Đã thực hiện kiến nghị",
                 "evidence": "Báo cáo số 7/BC-KT"},                                     # before the window
    })
    out = tmp_path / "kt.xlsx"
    fill(form, out, answers)
    intake, findings = _run([out])
    got = {(f.code, f.item): f for f in findings if f.agency == "phong-kinh-te"}
    sheet = "VI. Tài chính công"
    expect = {
        ("DONE_NO_DATE", "VI.1.1"): "I5", ("DONE_NO_EVIDENCE", "VI.1.1"): "K5",
        ("DATE_IN_FUTURE", "VI.4.1"): "I11", ("RESULT_THIN", "VI.4.1"): "J11",
        ("DATE_INVALID", "VI.4.2"): "I12", ("STATUS_UNKNOWN", "VI.2"): "H9",
        ("LEGACY_ENCODING", "VI.2"): "J9", ("DATE_OUTSIDE_WINDOW", "VI.3"): "I10",
    }
    for key, cell in expect.items():
        assert key in got, key
        assert (got[key].sheet, got[key].cell) == (sheet, cell), key
        assert got[key].file == str(out) and got[key].message and got[key].fix
    assert "Có phải «Đã hoàn thành»" in got[("STATUS_UNKNOWN", "VI.2")].fix
    assert got[("NOT_ARISEN_INVALID", "VII.5")].sheet == "VII. Chính quyền điện tử, số"
    assert got[("STATUS_MISSING", "IV.4")].severity == Severity.ERROR
    assert intake.answers_of("phong-kinh-te")["VI.4.1"].status == "done"        # "xong" understood
    assert intake.answers_of("phong-kinh-te")["VI.4.2"].status == "in_progress"
    blocking_codes = {f.code for f in findings if f.blocking}
    assert {"AGENCY_NOT_SENT", "STATUS_MISSING", "STATUS_UNKNOWN", "DATE_INVALID", "DATE_IN_FUTURE",
            "LEGACY_ENCODING"} <= blocking_codes
    assert "DONE_NO_EVIDENCE" not in blocking_codes
    not_sent = {f.agency for f in findings if f.code == "AGENCY_NOT_SENT"}
    assert not_sent == {"phong-vhxh", "vp-hdnd-ubnd", "tt-pvhcc",
                        "buu-dien-xa"}


def test_overdue_items_and_deleted_rows(q1_forms, tmp_path):
    form = q1_forms / "phong-vhxh.xlsx"
    answers = _complete_answers(form)
    answers["I.1"] = {"status": Status.IN_PROGRESS.label, "result": "Đang xây dựng dự thảo kế hoạch"}   # due 15/01

    def delete_row(workbook):
        sheet = workbook["V. Chế độ công vụ"]
        sheet.protection.sheet = False
        sheet.delete_rows(6)       # V.2's row

    out = tmp_path / "vhxh.xlsx"
    fill(form, out, answers, transform=delete_row)
    _, findings = _run([out])
    overdue = [f for f in findings if f.code == "ITEM_OVERDUE" and f.item == "I.1"]
    assert overdue and overdue[0].agency == "phong-vhxh"
    missing = [f for f in findings if f.code == "ROW_MISSING"]
    assert [(f.item, f.severity) for f in missing] == [("V.2", Severity.ERROR)]


def test_coordinator_contradicting_the_lead(q1_forms, tmp_path):
    lead = q1_forms / "tt-pvhcc.xlsx"
    coordinator = q1_forms / "phong-vhxh.xlsx"
    lead_answers = _complete_answers(lead)
    lead_answers["III.4"] = {"status": Status.NOT_STARTED.label, "difficulties": "Chưa có hướng dẫn"}
    coord_answers = _complete_answers(coordinator)
    coord_answers["III.4"] = done()
    files = [tmp_path / "tt.xlsx", tmp_path / "vh.xlsx"]
    fill(lead, files[0], lead_answers)
    fill(coordinator, files[1], coord_answers)
    _, findings = _run(files)
    clash = [f for f in findings if f.code == "STATUS_CONTRADICTION"]
    assert len(clash) == 1 and clash[0].item == "III.4" and clash[0].agency == "phong-vhxh"
    assert Status.NOT_STARTED.label in clash[0].message and Status.DONE.label in clash[0].message


def test_a_task_finished_earlier_in_the_year_is_not_flagged_later(q1_forms, tmp_path):
    import datetime as dt

    from cchc_excel.periods import parse_period

    form = q1_forms / "phong-vhxh.xlsx"
    answers = _complete_answers(form)
    answers["I.1"] = done(day=dt.datetime(2026, 1, 14))       # finished in Q1, reported again in Q3
    out = tmp_path / "vhxh.xlsx"
    fill(form, out, answers, figures=consistent_figures(PLAN, "phong-vhxh"))
    intake = collect(PLAN, "2026Q1", [out])
    findings = check_period(PLAN, parse_period("2026Q3"), intake, dt.date(2026, 9, 20))
    assert not [f for f in findings if f.code == "DATE_OUTSIDE_WINDOW" and f.item == "I.1"]
