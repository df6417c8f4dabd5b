"""Defects a fresh reader found in the reports, as the Chủ tịch who signs them
would: each built as the reader saw it, through the real forms and `compile`."""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from conftest import invoke
from reporttools import annex_rows, document_text, filled_period
from yeartools import part

from cchc_excel.models import Status

EVIDENCE = {
    "phong-vhxh": ("Đã rà soát, đề xuất phân cấp 03 nhiệm vụ trong lĩnh vực văn hóa",
                   "Quyết định số 87/QĐ-UBND ngày 20/02/2026"),
    "vp-hdnd-ubnd": ("Thực hiện các nhiệm vụ được phân cấp về tư pháp, hộ tịch", ""),
    "tt-pvhcc": ("Giải quyết các TTHC được phân cấp đúng quy trình", "Thông báo số 45/TB-UBND ngày 02/03/2026"),
    "phong-kinh-te": ("Kết nối phần mềm kế toán với Kho bạc Nhà nước", "Quyết định số 90/QĐ-UBND ngày 05/03/2026"),
}


STOCK = "Duy trì thực hiện thường xuyên; trong kỳ không có phản ánh, kiến nghị quá hạn"


def _tweak(agency: str, answers: dict) -> None:
    if agency == "vp-hdnd-ubnd":       # one stock sentence for two recurring tasks
        for item_id in ("II.2", "II.3"):
            answers[item_id] = {"status": Status.CARRIED_OUT.label, "result": STOCK}
    if agency in EVIDENCE:
        result, evidence = EVIDENCE[agency]
        answers["IV.4"] = {"status": Status.CARRIED_OUT.label, "result": result, "evidence": evidence}
        answers["VII.5"] = {"status": Status.IN_PROGRESS.label, "result": "Đang triển khai VII.5"}
    if "VII.6" in answers:              # «Tháng 01/2026»: past its time in quý I
        answers["VII.6"] = {"status": Status.IN_PROGRESS.label, "result": "Đang chuẩn bị chương trình"}
    if agency in ("phong-vhxh", "tt-pvhcc"):
        answers["I.1"] = {**answers.get("I.1", {}), "proposals": "Tăng cường tập huấn nghiệp vụ cho công chức một cửa"}


@pytest.fixture(scope="module")
def q1(tmp_path_factory):
    root = filled_period(tmp_path_factory.mktemp("q1"), "2026Q1", tweak=_tweak)
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    assert "Traceback" not in result.output, result.output
    return next((root / "output" / "2026Q1").glob("*.docx"))


def test_each_agencys_evidence_follows_its_own_words(q1):
    # Seen: «…; Phòng Kinh tế kết nối phần mềm kế toán với Kho bạc Nhà nước (Quyết định số 87/QĐ-UBND …)»,
    # the document of Phòng Văn hóa - Xã hội shown after another agency's words.
    organisation = " ".join(part(q1, "3. Cải cách tổ chức bộ máy", "4. Cải cách chế độ công vụ"))
    for agency, (result, evidence) in EVIDENCE.items():
        said = result[:1].lower() + result[1:]
        at = organisation.find(said)
        assert at >= 0, (agency, organisation)
        following = organisation[at + len(said):].split(";")[0]
        if evidence:
            assert following.startswith(f" ({evidence})"), (agency, following)
        else:
            assert "(" not in following, (agency, following)
        assert organisation.count(evidence or "\0") <= 1


def test_tasks_that_did_not_arise_say_what_they_wait_for(q1):
    # Seen: «Trong kỳ chưa phát sinh việc công bố, công khai các TTHC; Quy trình nội bộ giải quyết TTHC
    # (nhiệm vụ thực hiện khi có phát sinh hoặc theo yêu cầu)» beside «187 TTHC được công bố, công khai».
    # (Here III.3 publishes every TTHC and 20 are reported published: III.2 is left to the annex, never
    # said «chưa phát sinh» beside that; when nothing on it is done, it is said with its condition:
    # test_report_not_arisen.py.)
    procedures = " ".join(part(q1, "2. Cải cách thủ tục hành chính", "3. Cải cách tổ chức bộ máy"))
    assert "chưa phát sinh việc công bố, công khai các TTHC" not in procedures, procedures
    assert "nhiệm vụ thực hiện khi có phát sinh hoặc theo yêu cầu" not in procedures
    staff = " ".join(part(q1, "4. Cải cách chế độ công vụ", "5. Cải cách tài chính công"))
    assert "Đề án vị trí việc làm (thực hiện sau khi có hướng dẫn của tỉnh)" in staff, staff


def test_the_annex_gives_each_lead_agency_its_own_words_and_documents(q1):
    # Seen: I.6's «Kết quả» cell «Đang triển khai; … 60% … Đã hoàn thành … Đang triển khai; … 60% …»:
    # several agencies' answers glued together without their names, the same words twice.
    details = annex_rows(q1)["IV.4"][5]
    assert ("Phòng Kinh tế: Kết nối phần mềm kế toán với Kho bạc Nhà nước. Văn bản, sản phẩm: Quyết định số "
            "90/QĐ-UBND ngày 05/03/2026.") in details, details
    assert "Văn phòng HĐND-UBND: Thực hiện các nhiệm vụ được phân cấp về tư pháp, hộ tịch." in details
    for result, _ in EVIDENCE.values():
        assert details.count(result) == 1
    # Identical answers of several leads are said once, naming them all.
    same = annex_rows(q1)["VII.5"][5]
    assert same.count("Đang triển khai VII.5") == 1 and same.startswith("Phòng Văn hóa - Xã hội, "), same


def test_proposals_are_the_ubnds_own_without_agency_names(q1):
    # Seen: «- Đề nghị tỉnh … (Phòng Văn hóa - Xã hội, Trung tâm …, Văn phòng HĐND-UBND).»
    text = document_text(q1)
    proposals = text[text.index("V. KIẾN NGHỊ, ĐỀ XUẤT"):]
    proposals = proposals[: proposals.index("Trên đây")]
    assert "Tăng cường tập huấn nghiệp vụ cho công chức một cửa." in proposals, proposals
    assert proposals.count("Tăng cường tập huấn nghiệp vụ cho công chức một cửa") == 1
    assert "(Phòng" not in proposals and "(Trung tâm" not in proposals and "(Văn phòng" not in proposals


def test_the_annex_counts_what_is_overdue_as_the_body_says_it(q1):
    # Seen: «Chậm 0» in every row of the annex tables while the body said «Việc thực hiện còn chậm…»
    # four times: «Chậm» counted products finished late, and nothing counted those past due.
    table = next(t for t in docx.Document(q1).tables if t.rows[0].cells[0].text == "Lĩnh vực")
    header = [c.text for c in table.rows[0].cells]
    assert header[-1] == "Quá hạn" and "Phải thực hiện" in header and "Hoàn thành chậm" in header
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "Tổng cộng"
    late_rows = [cells for cells in annex_rows(q1).values() if cells[4].endswith("(chậm)")]
    assert len(late_rows) >= 1 and total[-1] == str(len(late_rows))
    body = document_text(q1)
    assert body.count("Việc thực hiện còn chậm so với thời hạn của Kế hoạch") <= len(late_rows)
    # Had to be done = due − not arisen, as the body's sentence counts it.
    due, not_arisen, expected = (int(total[header.index(k)]) for k in ("Đến hạn", "Chưa phát sinh",
                                                                       "Phải thực hiện"))
    assert expected == due - not_arisen


def test_the_heading_and_the_file_properties_name_the_issuer(q1):
    document = docx.Document(q1)
    left = document.tables[0].rows[0].cells[0].paragraphs
    assert [p.text for p in left[:2]] == ["ỦY BAN NHÂN DÂN", "XÃ XUÂN TRƯỜNG"]
    assert all(run.bold for p in left[:2] for run in p.runs if run.text.strip())   # one name, both lines bold
    properties = document.core_properties
    assert properties.author == "UBND xã Xuân Trường" and properties.language == "vi-VN"
    assert properties.title.startswith("Kết quả thực hiện công tác cải cách hành chính quý I năm 2026")
    assert "python-docx" not in (properties.comments + properties.last_modified_by + properties.author)
    assert properties.created.year >= 2026


def test_the_chart_says_not_reported_where_nobody_reported(tmp_path, monkeypatch):
    # Seen: «Cải cách tài chính công 0,0% (0/5)» drawn in a draft where the only lead had sent nothing,
    # and the axis caption cut off inside the picture («… như cột «Tỷ lệ›»).
    import matplotlib.axes

    import cchc_excel.chart as chart
    from cchc_excel.vnformat import percent

    texts = []

    real_text = matplotlib.axes.Axes.text

    def record(self, x, y, s, *args, **kwargs):
        texts.append(s)
        return real_text(self, x, y, s, *args, **kwargs)

    monkeypatch.setattr(matplotlib.axes.Axes, "text", record)
    png = chart.completion_chart(["Cải cách tài chính công", "Cải cách thể chế"], [0, 3], [5, 4], [5, 1])
    assert png.startswith(b"\x89PNG")
    assert texts == ["chưa báo cáo (5 sản phẩm)", f"{percent(3, 4)} (3/4; 1 chưa báo cáo)"], texts


def test_every_abbreviation_is_spelled_out_before_its_first_use(q1):
    # Seen: «CCHC» from page 1, explained only on page 5 inside a quoted plan title; TTHC, VBQPPL never.
    from cchc_excel.narrative import ABBREVIATIONS

    text = document_text(q1)
    body = text[text.index("Căn cứ"): text.index("PHỤ LỤC")]
    assert "báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) quý I năm 2026 như sau:" in body
    for short, words in ABBREVIATIONS.items():
        uses = [m.start() for m in re.finditer(rf"(?<![\w(]){short}(?![\w)])", body)]
        if uses:
            defined = body.find(f"{words} ({short})")
            assert 0 <= defined < uses[0], (short, body[max(0, uses[0] - 80): uses[0] + 20])


def test_a_draft_without_a_signer_shows_the_gap_where_the_name_goes(q1):
    # Seen: «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH» above nothing: the missing name was easy to overlook.
    document = docx.Document(q1)
    signature = next(t for t in document.tables if "TM. ỦY BAN NHÂN DÂN" in t.rows[0].cells[-1].text)
    name = [p for p in signature.rows[0].cells[-1].paragraphs if p.text.strip()][-1]
    assert name.text == "[Chưa có họ và tên người ký: điền «Họ và tên người ký» ở trang «Thiết lập» của sổ kế hoạch]"
    run = next(r for r in name.runs if r.text)
    assert run.bold and run.font.highlight_color is not None


def test_the_annex_names_each_task_above_its_products(q1):
    # Seen: II.2 and II.3 both read «Báo cáo kết quả thực hiện.»: the product alone, without its task.
    from reporttools import ITEMS

    rows = annex_rows(q1)
    for item_id in ("II.2", "II.3"):
        task = ITEMS[item_id].task
        assert rows[item_id][1].startswith(task.split(".")[0]), rows[item_id][1]
        assert rows[item_id][1].endswith(ITEMS[item_id].product)
    assert rows["II.2"][1] != rows["II.3"][1]
    # A task's second product does not repeat it.
    assert rows["I.4.2"][1] == ITEMS["I.4.2"].product and ITEMS["I.4.1"].task.split(",")[0] in rows["I.4.1"][1]
    italic = [run.italic for table in docx.Document(q1).tables for row in table.rows[1:2]
              for run in row.cells[1].paragraphs[0].runs if table.rows[0].cells[0].text == "Mã"]
    assert italic and all(italic)
    assert "Mã: số thứ tự của sản phẩm trong phụ lục Kế hoạch số 03/KH-UBND" in document_text(q1)


def test_a_draft_tells_an_unreadable_status_from_a_return_not_sent(tmp_path):
    # Seen: «[Trung tâm Phục vụ hành chính công chưa gửi báo cáo về …]» although the centre had sent
    # its return: its status «Đang thực hiên xong» could not be read.
    def tweak(agency, answers):
        if agency == "tt-pvhcc":
            answers["III.1"] = {"status": "Đang thực hiên xong", "result": "Đang triển khai rà soát"}

    root = filled_period(tmp_path, "2026Q1", tweak=tweak)
    invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    text = document_text(next((root / "output" / "2026Q1").glob("*.docx")))
    assert "[Trung tâm Phục vụ hành chính công chưa chọn trạng thái hợp lệ về «" in text
    assert "[Trung tâm Phục vụ hành chính công chưa gửi báo cáo" not in text


def test_a_task_whose_result_repeats_another_is_not_dropped(q1):
    # Seen: II.3 «… theo dõi tình hình thi hành pháp luật» (annex: «Đã thực hiện trong kỳ») missing
    # from the body: its sentence repeated II.2's and the task was dropped without a word.
    from reporttools import ITEMS

    from cchc_excel.narrative import lower_first, topic

    institutions = " ".join(part(q1, "1. Cải cách thể chế", "2. Cải cách thủ tục"))
    assert lower_first(topic(ITEMS["II.3"].task)) in institutions, institutions
    assert topic(ITEMS["II.2"].task) in institutions
    assert institutions.count(STOCK) == 1


def test_rows_nobody_reported_have_no_rate_and_annex_cells_read_clean(tmp_path):
    # Seen in a draft: «Cải cách tài chính công … 0%» in table 1 while the chart said «chưa báo cáo»;
    # «VI.1.2 | 1.2. Tờ trình…»; «… của sở Nội vụ» in the Thời gian column.
    root = filled_period(tmp_path, "2026Q1", skip=("phong-kinh-te",))
    invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    report = next((root / "output" / "2026Q1").glob("*.docx"))
    table = next(t for t in docx.Document(report).tables if t.rows[0].cells[0].text == "Lĩnh vực")
    header = [c.text for c in table.rows[0].cells]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    finance = rows["Cải cách tài chính công"]
    assert finance[header.index("Chưa báo cáo")] == finance[header.index("Phải thực hiện")] != "0"
    assert finance[header.index("Tỷ lệ")] == "—"
    annex = annex_rows(report)
    assert annex["VI.1.2"][1].startswith("Tờ trình"), annex["VI.1.2"][1]
    assert "sở Nội vụ" not in " ".join(" ".join(cells) for cells in annex.values())


def test_an_unedited_copy_of_an_older_template_follows_the_upgrade(tmp_path):
    # Seen: a folder made before the annex was mended kept «Đúng hạn | Chậm 0» and no «Quá hạn»:
    # `init` had copied the templates of its day, and compile and `templates check` said nothing.
    from pathlib import Path

    import cchc_excel
    from cchc_excel.templatefiles import content_digest, earlier_defaults

    root = filled_period(tmp_path / "xa", "2026Q1")
    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    old = Path(__file__).parent / "data" / "mau-bao-cao-quy-0.1-session2.docx"     # shipped in session 2
    (templates / "mau-bao-cao-quy.docx").write_bytes(old.read_bytes())
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    shown = " ".join(result.output.split())
    assert "là bản mặc định của phiên bản trước, chưa được sửa: báo cáo được lập theo mẫu mới" in shown, shown
    report = next((root / "output" / "2026Q1").glob("*.docx"))
    assert "Quá hạn" in [c.text for t in docx.Document(report).tables for c in t.rows[0].cells]
    assert (templates / "mau-bao-cao-quy.docx").read_bytes() == old.read_bytes()     # the officer's file untouched

    # An edited copy is the officer's own: used as it is, without a word about versions.
    edited = docx.Document(old)
    edited.paragraphs[-1].add_run(" ")
    edited.save(templates / "mau-bao-cao-quy.docx")
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    assert "phiên bản trước" not in result.output
    report = next((root / "output" / "2026Q1").glob("*.docx"))
    assert "Quá hạn" not in [c.text for t in docx.Document(report).tables for c in t.rows[0].cells]
    # The list of earlier templates is kept: today's are not in it, the session-2 one is.
    shipped = Path(cchc_excel.__file__).parent / "data"
    assert content_digest(old) in earlier_defaults()
    assert not {content_digest(p) for p in shipped.glob("mau-bao-cao-*.docx")} & earlier_defaults()


def test_on_time_is_said_only_of_products_that_had_a_time_to_meet(tmp_path):
    # Seen: «Hoàn thành đúng thời hạn 09 sản phẩm theo Kế hoạch» where 8 of the 9 were «Thường xuyên».
    from reporttools import ITEMS

    def tweak(agency, answers):
        for item_id, answer in answers.items():
            if ITEMS[item_id].timeframe.kind.value == "recurring" and answer.get("status"):
                answers[item_id] = {**answer, "status": Status.DONE.label,
                                   "completed_on": dt.datetime(2026, 2, 10), "result": f"Hoàn thành {item_id}"}

    root = filled_period(tmp_path, "2026Q1", tweak=tweak)
    invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--draft", "--today", "18/03/2026")
    strengths = " ".join(part(next((root / "output" / "2026Q1").glob("*.docx")), "1. Ưu điểm", "2. Tồn tại"))
    assert "- Hoàn thành " in strengths and "đúng thời hạn" not in strengths, strengths
    # Nor does the summary count them «Hoàn thành đúng hạn» (defect 7 of the second reading).
    import openpyxl

    sheet = openpyxl.load_workbook(root / "output" / "2026Q1" / "tong-hop-2026Q1.xlsx")["Theo lĩnh vực"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if "Hoàn thành đúng hạn" in r)
    total = next(r for r in rows if r[0] == "Tổng cộng")
    done, on_time = total[header.index("Đã hoàn thành")], total[header.index("Hoàn thành đúng hạn")]
    with_time = sum(1 for item in ITEMS.values() if item.timeframe.kind.value != "recurring"
                    and item.timeframe.end and item.timeframe.end <= dt.date(2026, 3, 14))
    assert done > on_time and on_time <= with_time, (done, on_time)
