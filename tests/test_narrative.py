"""The report's body written by task, read from the reports of a year of
complete returns (the real forms, four periods): this period's work only,
numbered sub-points in the tasks' words, agencies merged, nothing twice."""

import re
from collections import Counter

import pytest
from reporttools import annex_rows
from yeartools import PERIODS, body, finished_in, part, year_of_reports

from cchc_excel.narrative import tidy, topic


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return year_of_reports(tmp_path_factory.mktemp("year"))


def test_work_finished_in_an_earlier_quarter_is_not_this_quarters(reports):
    q3 = "\n".join(body(reports["2026Q3"]))
    earlier = {**finished_in("2026Q1"), **finished_in("2026S1")}
    assert len(earlier) >= 6
    for item_id, result in earlier.items():
        assert result not in q3, item_id
    # …but the 6-month report tells the year to date, quý I included.
    s1 = "\n".join(body(reports["2026S1"]))
    assert finished_in("2026Q1")["V.2"] in s1 and finished_in("2026S1")["VI.4.1"] in s1
    q1_annex = annex_rows(reports["2026Q3"])
    assert q1_annex["V.2"][4] == "Đã hoàn thành từ kỳ trước"                # the annex still lists it


@pytest.mark.parametrize("period", PERIODS)
def test_no_bullet_twice_and_no_zero_spelled_out(reports, period):
    paragraphs = body(reports[period])
    repeated = [text for text, n in Counter(paragraphs).items() if n > 1]
    assert repeated == []
    text = "\n".join(paragraphs)
    assert not re.search(r"\b0 (nhiệm vụ|sản phẩm)|chưa thực hiện 0|đạt 0%|\(trong kỳ chưa phát sinh\)", text)
    assert "Chi số" not in text and "cơ chế cơ chế" not in text            # the plan's slips stay in the plan
    assert text.count("Trong kỳ chưa phát sinh việc") <= 7                 # once per section at most


def test_sub_points_follow_the_tasks_and_section_one_its_themes(reports):
    q1 = body(reports["2026Q1"])
    direction = part(reports["2026Q1"], "I. CÔNG TÁC CHỈ ĐẠO", "II. KẾT QUẢ")
    assert [p.split(":")[0] for p in direction if re.match(r"\d\. ", p)] == [
        "1. Ban hành kế hoạch, chỉ đạo, điều hành và chế độ báo cáo",
        "2. Công tác thông tin, tuyên truyền cải cách hành chính",
        "3. Sáng kiến, mô hình, giải pháp cải cách hành chính"]
    institutions = part(reports["2026Q1"], "1. Cải cách thể chế", "2. Cải cách thủ tục")
    numbered = [p for p in institutions if re.match(r"1\.\d\. ", p)]
    assert numbered[0].startswith("1.1. Xây dựng và ban hành văn bản quy phạm pháp luật của HĐND, UBND xã: ")
    assert numbered[1] == ("1.2. Tiếp tục triển khai Kế hoạch kiểm tra, rà soát văn bản quy phạm pháp luật trên địa "
                           "bàn xã: Rà soát 06 văn bản quy phạm pháp luật, không phát hiện văn bản trái pháp luật.")
    assert not any("Báo cáo kết quả thực hiện (" in p for p in q1)      # product names are not the story
    # Evidence folded into the sentence, once.
    assert any("(Kế hoạch số 03/KH-UBND ngày 10/01/2026)" in p for p in direction)
    assert sum(p.count("Kế hoạch số 03/KH-UBND ngày 10/01/2026") for p in direction) == 1


def test_several_agencies_merged_naming_who_did_what(reports):
    organisation = part(reports["2026Q1"], "3. Cải cách tổ chức bộ máy", "4. Cải cách chế độ công vụ")
    merged = next(p for p in organisation if "nhiệm vụ được phân cấp" in p)
    for said in ("Phòng Văn hóa - Xã hội thực hiện đầy đủ các nhiệm vụ được phân cấp",
                 "Văn phòng HĐND-UBND thực hiện các nhiệm vụ được phân cấp về tư pháp",
                 "Trung tâm Phục vụ hành chính công giải quyết các TTHC được phân cấp",
                 "Phòng Kinh tế thực hiện các nhiệm vụ được phân cấp về đất đai"):
        assert said in merged
    # The annex keeps each agency's own words, capital letters and all.
    assert "Thực hiện các nhiệm vụ được phân cấp về đất đai, xây dựng, tài chính" in annex_rows(
        reports["2026Q1"])["IV.4"][5]
    # Tasks that did not arise: one sentence per section, not a line each.
    quiet = [p for p in organisation if p.startswith("Trong kỳ chưa phát sinh việc")]
    assert len(quiet) == 1 and "rà soát, ban hành chức năng, nhiệm vụ, quyền hạn" in quiet[0]


def test_quarterly_body_fits_in_six_pages(reports, uno_python, tmp_path):
    import subprocess

    from cchc_excel.office import convert

    pdf = convert(reports["2026Q1"], "pdf", tmp_path)
    pages = []
    for page in range(1, 12):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        pages.append(text)
        if "PHỤ LỤC" in text:
            break
    signed = next(n for n, text in enumerate(pages, start=1) if "TM. ỦY BAN NHÂN DÂN" in text)
    assert signed <= 6


def test_topic_keeps_the_tasks_subject():
    got = topic("Triển khai đánh giá, phân loại cán bộ, công chức, viên chức theo đúng quy định tại Nghị định số "
                "90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ.")
    assert got == "Triển khai đánh giá, phân loại cán bộ, công chức, viên chức"
    assert topic("Thực hiện chế độ báo cáo CCHC định kỳ.") == "Thực hiện chế độ báo cáo CCHC định kỳ"
    assert tidy("Triển khai xác định Chi số CCHC do sở Nội vụ đánh giá; cơ chế cơ chế tự chủ") == \
        "Triển khai xác định Chỉ số CCHC do Sở Nội vụ đánh giá; cơ chế tự chủ"
    # One tone-mark style in the report (seen: «văn hoá», «đơn giản hoá», «uỷ quyền» beside «Văn hóa»).
    assert tidy("Văn hoá, đơn giản hoá, uỷ quyền, hoà giải, khoẻ; quý I, hoàn thành, thuyết phục, Thuỷ") == \
        "Văn hóa, đơn giản hóa, ủy quyền, hòa giải, khỏe; quý I, hoàn thành, thuyết phục, Thủy"
    untouched = "pháp luật, kỹ thuật, quyết định, khuyến khích, hoạt động, toàn trình, quý, quá, quyền"
    assert tidy(untouched) == untouched
