"""A «chưa phát sinh» sentence never contradicts what the same report says was done
(REVIEW.md of the second reading, defect 3): «Trong kỳ chưa phát sinh việc công bố, công khai các
TTHC …» beside «2.2. Công bố, công khai kịp thời, đầy đủ các TTHC: …» carried out and «187 thủ tục
hành chính được công bố, công khai». The plan's III.2 (publishing on the centre's and province's
decisions) did not arise while III.3 (publishing every procedure) was carried out: the body tells
the work done and leaves the not-arisen task to the annex."""

from __future__ import annotations

from conftest import invoke
from formtools import consistent_figures, fill
from reporttools import PLAN, annex_rows, plausible_answers
from yeartools import part

from cchc_excel.models import Status

NOT_ARISEN = "chưa phát sinh việc công bố, công khai các TTHC"


def _compiled(root, iii3: dict, figures: dict) -> tuple[list[str], dict]:
    assert invoke("forms", "--default-plan", "-p", "2026Q1", "--dir", root).exit_code == 0
    for form in sorted((root / "output" / "2026Q1" / "bieu-mau").iterdir()):
        answers = plausible_answers(form.stem, form)
        if "III.3" in answers and form.stem == "vp-hdnd-ubnd":
            answers["III.3"] = iii3
        fill(form, root / "input" / "2026Q1" / f"{form.stem}.xlsx", answers,
             text_keys=("result", "evidence", "difficulties", "proposals"),
             figures={**consistent_figures(PLAN, form.stem), **figures})
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    assert "Traceback" not in result.output
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    return part(report, "2. Cải cách thủ tục hành chính", "3. Cải cách tổ chức bộ máy"), annex_rows(report)


def test_not_arisen_is_not_said_beside_the_same_work_done(tmp_path):
    procedures, rows = _compiled(tmp_path, {"status": Status.CARRIED_OUT.label,
                                            "result": "Cập nhật, công khai đầy đủ các TTHC trên Cổng Dịch vụ công"},
                                 {"TTHC_CONG_KHAI": 187, "TTHC_TOAN_TRINH": 62, "TTHC_MOT_PHAN": 98})
    text = " ".join(procedures)
    assert "Công bố, công khai kịp thời, đầy đủ các TTHC" in text and "187 thủ tục" in text
    assert NOT_ARISEN not in text, text
    assert rows["III.2"][4] == Status.NOT_ARISEN.label          # the annex keeps it


def test_a_reported_figure_alone_is_enough(tmp_path):
    procedures, _ = _compiled(tmp_path, {"status": Status.NOT_STARTED.label, "difficulties": "Chờ hướng dẫn"},
                              {"TTHC_CONG_KHAI": 187, "TTHC_TOAN_TRINH": 62, "TTHC_MOT_PHAN": 98})
    assert NOT_ARISEN not in " ".join(procedures)


def test_not_arisen_is_said_when_nothing_on_the_subject_was_done(tmp_path):
    procedures, _ = _compiled(tmp_path, {"status": Status.NOT_STARTED.label, "difficulties": "Chờ hướng dẫn"},
                              {"TTHC_CONG_KHAI": 0, "TTHC_TOAN_TRINH": 0, "TTHC_MOT_PHAN": 0})
    assert ("Trong kỳ chưa phát sinh việc công bố, công khai các TTHC và quy trình nội bộ giải quyết TTHC "
            "(thực hiện theo các quyết định công bố của Trung ương, của tỉnh)") in " ".join(procedures), procedures



def test_a_document_from_before_the_quarter_is_cited_as_the_basis_not_as_the_quarters_work(tmp_path):
    # Seen (Q3 p3): «(Kế hoạch số 48/KH-UBND ngày 12/01/2026)» and «(Báo cáo số 42/BC-UBND ngày 10/03/2026)»
    # printed as quý III results (left from the form prefilled from quý I), and `check` said nothing.
    import json

    from reporttools import filled_period

    def tweak(agency: str, answers: dict) -> None:
        if agency == "tt-pvhcc":
            answers["III.5"] = {"status": Status.CARRIED_OUT.label, "result": "Vận hành Trung tâm ổn định",
                                "evidence": "Báo cáo số 42/BC-UBND ngày 10/03/2026"}
            answers["III.6"] = {"status": Status.CARRIED_OUT.label, "result": "Phát 500 tờ rơi hướng dẫn",
                                "evidence": "Kế hoạch số 77/KH-UBND ngày 02/07/2026"}

    root = filled_period(tmp_path, "2026Q3", tweak=tweak)
    checked = invoke("check", "--default-plan", "-p", "2026Q3", "--dir", root, "--today", "20/09/2026", "--json")
    found = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "EVIDENCE_BEFORE_WINDOW"]
    assert [f["item"] for f in found] == ["III.5"], found
    assert "«Báo cáo số 42/BC-UBND ngày 10/03/2026» ghi ngày 10/03/2026, trước kỳ số liệu" in found[0]["message"]
    result = invoke("compile", "--default-plan", "-p", "2026Q3", "--dir", root, "--today", "20/09/2026")
    assert result.exit_code == 0, result.output
    text = " ".join(part(root / "output" / "2026Q3" / "bao-cao-cchc-2026Q3.docx", "2. Cải cách thủ tục",
                         "3. Cải cách tổ chức"))
    assert "Vận hành Trung tâm ổn định (theo Báo cáo số 42/BC-UBND ngày 10/03/2026)" in text, text
    assert "Phát 500 tờ rơi hướng dẫn (Kế hoạch số 77/KH-UBND ngày 02/07/2026)" in text


def test_a_task_done_only_when_something_arises_says_that_nothing_arose_to_act_on(tmp_path):
    # Seen (FQ1N p4): «Trong kỳ chưa phát sinh việc tổ chức thực hiện các chính sách về tiền lương, tiền công
    # và an sinh xã hội»: read as if the commune did not carry out the salary policy at all.
    from reporttools import filled_period

    root = filled_period(tmp_path, "2026Q1")
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "18/03/2026")
    assert result.exit_code == 0, result.output
    finance = " ".join(part(root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx", "5. Cải cách tài chính công",
                            "6. Xây dựng"))
    assert "Trong kỳ chưa phát sinh việc cần triển khai về tổ chức thực hiện các chính sách về tiền lương, tiền " \
           "công và an sinh xã hội; việc cần triển khai về thực hiện các kiến nghị của thanh tra, kiểm tra, kiểm " \
           "toán nhà nước về tài chính, ngân sách." in finance, finance
    # A task that waits for something named says what it waits for.
    staff = " ".join(part(root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx", "4. Cải cách chế độ công vụ",
                          "5. Cải cách tài chính công"))
    assert "Trong kỳ chưa phát sinh việc rà soát, xây dựng Đề án vị trí việc làm (thực hiện sau khi có hướng dẫn " \
           "của tỉnh)." in staff
