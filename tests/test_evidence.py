"""Evidence cells read as document references, and the information findings
they give (never a reason for a feedback copy)."""

import datetime as dt

import openpyxl
import pytest

from cchc_excel.answers import Answer
from cchc_excel.evidence import Cited, evidence_findings, parse
from cchc_excel.models import Severity
from cchc_excel.pipeline import load_embedded_plan

D = dt.date
PLAN = load_embedded_plan()

# (cell as agencies write it, [(kind, number, date, issuer), …]) — one cell may name several documents.
CASES = [
    ("Kế hoạch số 15/KH-UBND ngày 20/01/2026", [("Kế hoạch", "15/KH-UBND", D(2026, 1, 20), "UBND")]),
    ("QĐ 12/QĐ-UBND (05/3/2026)", [("Quyết định", "12/QĐ-UBND", D(2026, 3, 5), "UBND")]),
    ("Công văn số 45/UBND-VP ngày 5/3", [("Công văn", "45/UBND-VP", D(2026, 3, 5), "UBND-VP")]),
    ("Báo cáo số 07/BC-UBND ngày 10 tháng 3 năm 2026", [("Báo cáo", "07/BC-UBND", D(2026, 3, 10), "UBND")]),
    ("Thông báo 21/TB-UBND ngày 02/02/2026 kết luận kiểm tra",
     [("Thông báo", "21/TB-UBND", D(2026, 2, 2), "UBND")]),
    ("Tờ trình số 3/TTr-VHXH ngày 14/01/2026", [("Tờ trình", "03/TTr-VHXH", D(2026, 1, 14), "VHXH")]),
    ("Nghị quyết 05/NQ-HĐND ngày 25/12/2025", [("Nghị quyết", "05/NQ-HĐND", D(2025, 12, 25), "HĐND")]),
    ("kh 9/kh-ubnd ngày 8/1/2026", [("Kế hoạch", "09/KH-UBND", D(2026, 1, 8), "UBND")]),
    ("Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Xuân Trường",
     [("Kế hoạch", "15/KH-UBND", D(2026, 1, 20), "UBND xã Xuân Trường")]),
    ("Quyết định số 1234/QĐ-UBND ngày 30/6/2026 của Chủ tịch UBND tỉnh",
     [("Quyết định", "1234/QĐ-UBND", D(2026, 6, 30), "Chủ tịch UBND tỉnh")]),
    ("Thực hiện Nghị định 118/2025/NĐ-CP ngày 09/6/2025",
     [("Nghị định", "118/2025/NĐ-CP", D(2025, 6, 9), "CP")]),
    ("Hướng dẫn 581/BNV-CCHC", [("Hướng dẫn", "581/BNV-CCHC", None, "BNV-CCHC")]),
    ("CV 102/UBND-KT ngày 12/02/26", [("Công văn", "102/UBND-KT", D(2026, 2, 12), "UBND-KT")]),
    ("Biên bản số 02/BB-ĐKT ngày 15-4-2026", [("Biên bản", "02/BB-ĐKT", D(2026, 4, 15), "ĐKT")]),
    ("Giấy mời 11/GM-UBND ngày 03.3.2026", [("Giấy mời", "11/GM-UBND", D(2026, 3, 3), "UBND")]),
    ("Kế hoạch số 15 / KH - UBND ngày 20/01/2026", [("Kế hoạch", "15/KH-UBND", D(2026, 1, 20), "UBND")]),
    # several in one cell
    ("Kế hoạch số 15/KH-UBND ngày 20/01/2026; Quyết định số 12/QĐ-UBND ngày 05/3/2026",
     [("Kế hoạch", "15/KH-UBND", D(2026, 1, 20), "UBND"), ("Quyết định", "12/QĐ-UBND", D(2026, 3, 5), "UBND")]),
    ("- KH 04/KH-UBND (12/01/2026)\n- BC 33/BC-UBND (10/3/2026)\n- Sổ theo dõi",
     [("Kế hoạch", "04/KH-UBND", D(2026, 1, 12), "UBND"), ("Báo cáo", "33/BC-UBND", D(2026, 3, 10), "UBND")]),
    ("Công văn 45/UBND-VP ngày 5/3 và Thông báo 21/TB-UBND ngày 02/02/2026",
     [("Công văn", "45/UBND-VP", D(2026, 3, 5), "UBND-VP"), ("Thông báo", "21/TB-UBND", D(2026, 2, 2), "UBND")]),
    ("QĐ 01/QĐ-UBND, QĐ 02/QĐ-UBND cùng ngày 02/01/2026",
     [("Quyết định", "01/QĐ-UBND", None, "UBND"), ("Quyết định", "02/QĐ-UBND", D(2026, 1, 2), "UBND")]),
    ("Báo cáo 10/BC-UBND ngày 14/3/2026 + Báo cáo 11/BC-VHXH ngày 15/3/2026",
     [("Báo cáo", "10/BC-UBND", D(2026, 3, 14), "UBND"), ("Báo cáo", "11/BC-VHXH", D(2026, 3, 15), "VHXH")]),
    # a kind written differently from the symbol: the words win
    ("Văn bản số 88/UBND-VHXH ngày 01/4/2026 về tuyên truyền CCHC",
     [("Công văn", "88/UBND-VHXH", D(2026, 4, 1), "UBND-VHXH")]),
    ("Số 16/KH-UBND", [("Kế hoạch", "16/KH-UBND", None, "UBND")]),
]

# Malformed or partly readable: (cell, [(kind, number, date, problem contains)], other text kept)
MALFORMED = [
    ("QĐ 12/QĐ-UBND (32/13/2026)", [("Quyết định", "12/QĐ-UBND", None, "32/13/2026")], ""),
    ("Kế hoạch số 15 ngày 20/01/2026", [("Kế hoạch", "", D(2026, 1, 20), "thiếu ký hiệu")], ""),
    ("Quyết định số 7, ngày 30/02/2026", [("Quyết định", "", None, "thiếu ký hiệu")], ""),
    ("Báo cáo số 05/BC-UBND ngày 31/4/2026", [("Báo cáo", "05/BC-UBND", None, "31/4/2026")], ""),
]

NOT_DOCUMENTS = [
    ("Sổ theo dõi", "Sổ theo dõi"),
    ("Hình ảnh hoạt động tuyên truyền", "Hình ảnh hoạt động tuyên truyền"),
    ("Báo cáo kết quả (đang trình ký)", "Báo cáo kết quả (đang trình ký)"),
    ("Tỷ lệ 3/5 cơ quan", "Tỷ lệ 3/5 cơ quan"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_references_are_read_as_written(text, expected):
    got = parse(text, 2026).references
    assert [(r.kind, r.number, r.date, r.issuer) for r in got] == expected
    assert all(not r.problem for r in got)


@pytest.mark.parametrize(("text", "expected", "other"), MALFORMED)
def test_malformed_references_are_kept_with_what_is_wrong(text, expected, other):
    parsed = parse(text, 2026)
    got = [(r.kind, r.number, r.date) for r in parsed.references]
    assert got == [e[:3] for e in expected]
    for ref, (*_, problem) in zip(parsed.references, expected):
        assert problem in ref.problem
    assert parsed.other == other


@pytest.mark.parametrize(("text", "other"), NOT_DOCUMENTS)
def test_text_without_a_document_is_kept_as_written(text, other):
    parsed = parse(text, 2026)
    assert parsed.references == () and parsed.other == other


def test_there_are_at_least_thirty_real_style_references():
    total = sum(len(e) for _, e in CASES) + sum(len(e) for _, e, _ in MALFORMED)
    assert total >= 30


def test_a_date_without_a_year_takes_the_report_year():
    ref = parse("Công văn số 45/UBND-VP ngày 5/3", 2027).references[0]
    assert ref.date == D(2027, 3, 5) and ref.year_assumed
    assert ref.label == "Công văn số 45/UBND-VP ngày 05/03/2027"


def _answer(item, agency, evidence, row=5):
    return Answer(item=item, agency=agency, role="lead", status=None, status_text="", completed_on=None,
                  completed_text="", result="", evidence=evidence, difficulties="", proposals="",
                  file=f"{agency}.xlsx", sheet="I. Chỉ đạo, điều hành", row=row)


def test_findings_are_information_only():
    answers = [
        _answer("I.1", "vhxh", "Kế hoạch số 03/KH-UBND ngày 10/01/2026"),
        _answer("I.2", "vhxh", "Sổ theo dõi"),                                        # normal: nothing said
        _answer("I.3", "vhxh", "Kế hoạch kiểm tra CCHC"),                             # a document without number
        _answer("I.4", "vp", "Quyết định số 12/QĐ-UBND ngày 05/04/2026"),             # after "today"
        _answer("I.5", "vp", "Quyết định số 03/QĐ-UBND ngày 02/02/2026"),             # 03 again, another document
        _answer("I.6", "vp", "Kế hoạch số 03/KH-UBND ngày 10/01/2026"),               # the same document again: fine
        _answer("I.7", "vp", "QĐ 12/QĐ-UBND (32/13/2026)"),
    ]
    findings = evidence_findings(PLAN, answers, 2026, D(2026, 3, 20))
    assert {f.severity for f in findings} == {Severity.INFO}
    got = {(f.code, f.item) for f in findings}
    assert got == {("EVIDENCE_NO_NUMBER", "I.3"), ("EVIDENCE_FUTURE_DATE", "I.4"),
                   ("EVIDENCE_NUMBER_REUSED", "I.5"), ("EVIDENCE_PARTLY_READ", "I.7")}
    reused = next(f for f in findings if f.code == "EVIDENCE_NUMBER_REUSED")
    assert "Kế hoạch số 03/KH-UBND ngày 10/01/2026" in reused.message and "I.1" in reused.message


def test_a_number_reused_across_periods_is_noted():
    earlier = [Cited(parse("Kế hoạch số 15/KH-UBND ngày 20/01/2026", 2026).references[0],
                     _answer("I.1", "vhxh", "Kế hoạch số 15/KH-UBND ngày 20/01/2026"), "quý I năm 2026")]
    now = [_answer("I.3", "vhxh", "Thông báo số 15/TB-UBND ngày 10/5/2026")]
    findings = evidence_findings(PLAN, now, 2026, D(2026, 6, 20), earlier)
    assert [(f.code, f.item) for f in findings] == [("EVIDENCE_NUMBER_REUSED", "I.3")]
    assert "quý I năm 2026" in findings[0].message
    # A different issuer, or another year, is another sequence of numbers.
    other = [_answer("I.3", "vhxh", "Thông báo số 15/TB-ĐU ngày 10/5/2026; Kế hoạch 15/KH-UBND ngày 05/01/2025")]
    assert evidence_findings(PLAN, other, 2026, D(2026, 6, 20), earlier) == []


# --- end to end: check, compile, `evidence --year`, the demo ------------------------------


def _docx_text(path):
    import docx

    document = docx.Document(path)
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def test_evidence_command_writes_the_years_register_from_every_period(tmp_path):
    from conftest import invoke
    from yeartools import fill_period

    assert invoke("init", tmp_path).exit_code == 0
    for period in ("2026Q1", "2026S1", "2026Q3"):
        fill_period(tmp_path, period)
    result = invoke("evidence", "--year", "2026", "--dir", tmp_path)
    assert result.exit_code == 0, result.output
    assert "quý I năm 2026, 6 tháng đầu năm 2026, quý III năm 2026" in result.stdout
    xlsx = tmp_path / "output" / "2026" / "danh-muc-tai-lieu-kiem-chung-2026.xlsx"
    annex = tmp_path / "output" / "2026" / "danh-muc-tai-lieu-kiem-chung-2026.docx"
    sheet = openpyxl.load_workbook(xlsx)["Tài liệu kiểm chứng"]
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True)]
    sections = [r[0] for r in rows if r[0] and isinstance(r[0], str)]
    assert sections[0].startswith("I. ") and len(sections) == len(set(sections))      # grouped by section
    documents = [r for r in rows if isinstance(r[0], int)]
    labels = [r[2] for r in documents]
    # Named in Q1 and again in later reports: listed once, with the report that first named it.
    plan_doc = [r for r in documents if r[2] == "Kế hoạch số 03/KH-UBND ngày 10/01/2026"]
    assert len(plan_doc) == 1 and plan_doc[0][8] == "quý I năm 2026"
    assert plan_doc[0][3:7] == ("Kế hoạch", "03/KH-UBND", dt.datetime(2026, 1, 10), "UBND")
    assert "Quyết định số 175/QĐ-UBND ngày 25/08/2026" in labels                      # a Q3 document
    assert [r[0] for r in documents] == list(range(1, len(documents) + 1))
    text = _docx_text(annex)
    assert "DANH MỤC TÀI LIỆU KIỂM CHỨNG" in text and "Chỉ số cải cách hành chính năm 2026" in text
    assert "Kế hoạch số 03/KH-UBND ngày 10/01/2026" in text

    nothing = invoke("evidence", "--year", "2027", "--dir", tmp_path)
    assert nothing.exit_code == 3 and "2027" in nothing.output


def test_evidence_notes_never_make_a_feedback_copy(tmp_path, q1_forms):
    import json

    from conftest import invoke
    from formtools import consistent_figures, fill
    from test_checks import PLAN as CHECK_PLAN
    from test_checks import _complete_answers

    def run(root, evidence):
        inbox = root / "input" / "2026Q1"
        for form in sorted(q1_forms.iterdir()):
            answers = _complete_answers(form)
            for values in answers.values():
                if evidence and values.get("result"):     # evidence is optional here, and written oddly
                    values["evidence"] = evidence
            fill(form, inbox / form.name, answers, text_keys=("result", "evidence"),
                 figures=consistent_figures(CHECK_PLAN, form.stem))
        return json.loads(invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026",
                                 "--json").stdout)

    plain = run(tmp_path / "plain", "")
    odd = run(tmp_path / "odd", "Kế hoạch kiểm tra (chưa có số); QĐ 12/QĐ-UBND (32/13/2026)")
    notes = [f for f in odd["findings"] if f["code"].startswith("EVIDENCE_")]
    assert notes and {f["severity"] for f in notes} == {"info"}
    assert any("32/13/2026" in f["message"] and f["cell"] for f in notes)
    assert any(f["code"] == "EVIDENCE_NO_NUMBER" for f in notes)
    # The same agencies get the same feedback copies as without those notes, and no mark mentions them.
    names = [p.rsplit("/", 1)[-1] for p in odd["outputs"]["feedback"]]
    assert names == [p.rsplit("/", 1)[-1] for p in plain["outputs"]["feedback"]]
    assert [a["warnings"] for a in odd["agencies"]] == [a["warnings"] for a in plain["agencies"]]
    for path in odd["outputs"]["feedback"]:
        book = openpyxl.load_workbook(path)
        comments = [c.comment.text for s in book.worksheets for r in s.iter_rows() for c in r if c.comment]
        assert not any("minh chứng" in text for text in comments)


def test_the_demo_produces_the_register_and_the_summary_holds_it(tmp_path):
    from conftest import invoke

    result = invoke("demo", tmp_path / "demo")
    assert result.exit_code in (0, 1), result.output
    assert "Danh mục tài liệu kiểm chứng năm 2026" in result.stdout
    register = tmp_path / "demo" / "output" / "2026" / "danh-muc-tai-lieu-kiem-chung-2026.xlsx"
    assert register.exists() and register.with_suffix(".docx").exists()
    summary = openpyxl.load_workbook(tmp_path / "demo" / "output" / "2026Q1" / "tong-hop-2026Q1.xlsx")
    sheet = summary["Tài liệu kiểm chứng"]
    assert any(isinstance(r[0], int) and "/KH-UBND" in (r[4] or "") for r in sheet.iter_rows(values_only=True))


def test_any_text_is_read_without_failing_and_nothing_is_invented():
    """Fixed seed, small budget: whatever an agency types, the parser returns
    references whose numbers and dates it really found, and never raises."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cchc_excel.textnorm import clean

    pieces = st.sampled_from(["Kế hoạch", "số", "QĐ", "15", "/", "KH-UBND", "UBND-VP", "ngày", "20/01/2026",
                              "5/3", "(", ")", ";", "\n", "của UBND xã", "Sổ theo dõi", "32/13/2026", "-", " ",
                              "tháng", "năm", "2026", "Đ", "ư", "9999", "0"])

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.lists(pieces, max_size=25).map(" ".join))
    def check(text):
        parsed = parse(text, 2026)
        cleaned = clean(text)
        for ref in parsed.references:
            assert ref.text and ref.text in cleaned                      # a piece of what was written
            if ref.number:
                assert str(int(ref.digits)) in cleaned                    # a number that was there
            if ref.date:
                assert str(ref.date.day) in cleaned and str(ref.date.month) in cleaned

    check()
