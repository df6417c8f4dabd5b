"""The rendered report prints whole and is valid OOXML: what Word and the
leader's printer see, checked on the reports of a year of complete returns."""

import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from openxml_audit import OpenXmlValidator
from yeartools import PERIODS, year_of_reports

from cchc_excel.docx_render import Run


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return year_of_reports(tmp_path_factory.mktemp("year"))


@pytest.mark.parametrize("period", PERIODS)
def test_every_report_is_valid_ooxml(reports, period):
    """ISO/IEC 29500-4 transitional schema: no element out of order, no missing
    required attribute — Word opens it without offering a repair."""
    result = OpenXmlValidator(max_errors=0).validate(str(reports[period]))
    assert [(e.description, e.part_uri, e.path) for e in result.errors] == []


def test_draft_highlights_are_valid_too(tmp_path):
    from conftest import invoke

    assert invoke("demo", tmp_path / "demo").exit_code == 0     # a draft: one agency late, gaps highlighted
    report = tmp_path / "demo" / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    with zipfile.ZipFile(report) as archive:
        assert b'w:fill="FFFF00"' in archive.read("word/document.xml")
    result = OpenXmlValidator(max_errors=0).validate(str(report))
    assert [(e.description, e.path) for e in result.errors] == []


def test_run_properties_in_schema_order():
    xml = Run("Thiếu <số liệu> & ghi chú", missing=True, size=11).xml
    order = [tag for tag in ("<w:b/>", "<w:color", "<w:sz ", "<w:szCs", "<w:highlight", "<w:shd")]
    positions = [xml.index(tag) for tag in order]
    assert positions == sorted(positions)
    assert 'w:shd w:val="clear"' in xml and "Thiếu &lt;số liệu&gt; &amp; ghi chú" in xml


def _language(document) -> str:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val"))


@pytest.mark.parametrize("period", PERIODS)
def test_signature_block_prints_whole_with_the_closing_sentence(reports, period):
    document = docx.Document(reports[period])
    assert _language(document) == "vi-VN"
    body = document.element.body
    closing = next(t for t in document.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    assert len(closing.rows) == 1
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None      # the row never splits
    before = closing._tbl.getprevious()
    sentence = docx.text.paragraph.Paragraph(before, document.part)
    assert sentence.text.startswith("Trên đây là báo cáo kết quả") and sentence.text.endswith("./.")
    assert sentence.paragraph_format.keep_with_next                          # …and stays with it
    assert body.index(before) + 1 == body.index(closing._tbl)


@pytest.mark.parametrize("period", PERIODS)
def test_headings_keep_with_their_text_and_annex_rows_never_split(reports, period):
    document = docx.Document(reports[period])
    headings = [p for p in document.paragraphs
                if p.text.startswith(("I. ", "II. ", "III. ", "IV. ", "V. ", "1. ", "2. ", "3. ", "4. ", "5. "))
                and p.runs and p.runs[0].bold]
    assert len(headings) >= 10
    for heading in headings:
        assert heading.paragraph_format.keep_with_next, heading.text
    for table in document.tables[1:]:
        if "Nơi nhận:" in table.rows[0].cells[0].text:
            continue
        for number, row in enumerate(table.rows):
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert (row._tr.trPr.find(qn("w:tblHeader")) is not None) == (number == 0)
    annex = next(p.text for p in document.paragraphs if p.text.startswith("(Kèm theo Báo cáo số"))
    assert "/BC-UBND ngày 20 tháng" in annex and "năm 2026 của UBND xã Xuân Trường" in annex


def test_chart_shows_the_tables_rate(tmp_path, monkeypatch):
    """The bars are the «Tỷ lệ» column of the table beside them: (done + carried out) / expected."""
    import cchc_excel.chart as chart
    from cchc_excel.vnformat import percent

    drawn = {}
    real = chart.completion_chart

    def spy(labels, done, expected, unreported=None):
        drawn.update(zip(labels, zip(done, expected)))
        return real(labels, done, expected, unreported)

    monkeypatch.setattr(chart, "completion_chart", spy)     # pipeline imports it when compiling
    report = year_of_reports(tmp_path / "xa", periods=("2026Q1",))["2026Q1"]
    table = docx.Document(report).tables[2]
    header = [c.text for c in table.rows[0].cells]
    rate = header.index("Tỷ lệ")
    rows = {r.cells[0].text: r.cells[rate].text for r in table.rows[1:] if r.cells[0].text != "Tổng cộng"}
    assert set(rows) == set(drawn)
    for label, (done, expected) in drawn.items():
        assert percent(done, expected) == rows[label], label
