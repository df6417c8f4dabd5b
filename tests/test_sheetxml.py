"""The quick test for small plain sheets never lets a large or odd sheet through unmeasured."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_excel.sheetxml import (
    MAX_AREA,
    _cell_region,
    _small_plain,
    column_letters,
    ods_as_text,
    ods_tables,
    unreadable_cells,
    without_cells,
    xlsx_extent,
    xlsx_sheet_facts,
)

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><dimension ref="A1:N5"/><sheetData>')
TAIL = b"</sheetData></worksheet>"


def _sheet(cells: list[tuple[int, int]], formula: bool = False, style: str = "plain") -> bytes:
    rows: dict[int, list[int]] = {}
    for row, col in cells:
        rows.setdefault(row, []).append(col)
    body = []
    for row in sorted(rows):
        tag = {"plain": f'<row r="{row}">', "spaced": f'<row\nr="{row}">', "loose": "<row>"}[style]
        body.append(tag)
        for col in sorted(rows[row]):
            ref = f"{column_letters(col)}{row}"
            if style == "loose":
                body.append('<c s="1"><v>1</v></c>')
            elif formula:
                body.append(f'<c r="{ref}"><f>1+1</f><v>2</v></c>')
            else:
                body.append(f'<c r="{ref}" s="3" t="s"><v>0</v></c>')
        body.append("</row>")
    return HEAD + "".join(body).encode() + TAIL


cells = st.lists(st.tuples(st.integers(1, 20_000), st.integers(1, 2_000)), min_size=1, max_size=30)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(cells, st.booleans(), st.sampled_from(["plain", "spaced", "loose"]))
def test_the_quick_test_is_an_upper_bound(found, formula, style):
    xml = _sheet(found, formula, style)
    quick = _small_plain(_cell_region(xml))
    if quick is not None:
        rows, cols = xlsx_extent(xml)
        assert rows < 1000 and cols < 703 and rows * cols <= MAX_AREA
        assert quick == formula
    if style == "plain" and max(r for r, _ in found) < 1000 and max(c for _, c in found) < 703:
        assert quick is not None            # the forms' own sheets take the quick way


def test_far_cells_are_still_cut_back():
    xml = _sheet([(1, 1), (1_048_576, 16_384)])
    assert _small_plain(_cell_region(xml)) is None
    facts, trimmed = xlsx_sheet_facts(xml)
    assert facts.far == ["XFD1048576"] and trimmed is not None and b"XFD1048576" not in trimmed


def test_cells_outside_the_data_element_are_not_read_by_the_reader_nor_scanned(tmp_path):
    """The scan looks at the sheet's data element only, because python-calamine reads cells there
    only: a cell written after it (here in an extension list) is neither measured nor read."""
    import io
    import zipfile

    import openpyxl
    import python_calamine

    book = openpyxl.Workbook()
    book.active["B2"] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b'</sheetData><extLst><c r="Z2000"><v>1</v></c></extLst>')
                assert _small_plain(_cell_region(data)) is False          # small, no formula
                assert xlsx_extent(data) == (2000, 26)                     # what the whole part says
            copy.writestr(info, data)
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue())).get_sheet_by_name("Sheet")
    assert sheet.end == (1, 1)                                             # B2: the reader read no Z2000


def test_prefixed_and_quoted_references_take_the_measured_way():
    prefixed = HEAD.replace(b"<sheetData>", b"<x:sheetData>") + b'<x:row r="1"><x:c r="XFD9"><x:v>1</x:v></x:c>' \
        b"</x:row></x:sheetData></worksheet>"
    quoted = HEAD + b"<row r='1'><c r='XFD9'><v>1</v></c></row>" + TAIL
    for xml in (prefixed, quoted):
        assert _small_plain(_cell_region(xml)) is None
        assert xlsx_extent(xml)[1] == 16_384


def test_the_cells_the_reader_refuses_are_found_and_only_they():
    cells = (b'<row r="5"><c r="A5" t="s"><v>3</v></c><c r="B5" t="s"><v>7</v></c><c r="C5"><v>1e5</v></c>'
             b'<c r="D5"><v>inf</v></c><c r="E5" t="n"><v>1,5</v></c><c r="F5" t="b"><v>true</v></c>'
             b'<c r="G5" t="b"><v>2</v></c><c r="H5" t="zz"><v>1</v></c><c r="5L" t="str"><v>x</v></c>'
             b'<c r="J5" s="3"/><c t="n"><v>abc</v></c></row>')
    xml = HEAD + cells + TAIL
    bad = unreadable_cells(xml, strings=5)
    assert [(c.ref, c.text) for c in bad] == [("B5", "7"), ("E5", "1,5"), ("G5", "2"), ("H5", "1"), ("5L", "x"),
                                              ("", "abc")]
    fixed = without_cells(xml, bad)
    assert unreadable_cells(fixed, strings=5) == []
    for kept in (b'<c r="A5" t="s"><v>3</v></c>', b'<c r="C5"><v>1e5</v></c>', b'<c r="J5" s="3"/>'):
        assert kept in fixed
    assert b'<c r="B5"/>' in fixed and b"5L" not in fixed and b"<c/>" in fixed


def test_ods_cells_the_reader_refuses_are_read_as_the_text_they_show():
    cells = ('<table:table-cell office:value-type="float" office:value="abc"><text:p>1,5 tỷ</text:p></table:table-cell>'
             '<table:table-cell office:value-type="boolean" office:boolean-value="maybe"><text:p>có</text:p>'
             '</table:table-cell><table:table-cell office:value-type="float" office:value="1E3"><text:p>1000</text:p>'
             '</table:table-cell><table:table-cell office:value-type="percentage" office:value="0.5"/>')
    content = ('<office:body><office:spreadsheet><table:table table:name="S"><table:table-row>' + cells
               + "</table:table-row></table:table></office:spreadsheet></office:body>").encode()
    found = ods_tables(content)[0].as_text
    assert [(ref, text) for ref, text, _ in found] == [("A1", "1,5 tỷ"), ("B1", "có")]
    fixed = ods_as_text(content, [span for _, _, span in found])
    assert ods_tables(fixed)[0].as_text == []
    assert b'office:value="1E3"' in fixed and b'office:value="0.5"' in fixed and b"abc" not in fixed
    assert fixed.count(b'office:value-type="string"') == 2 and "1,5 tỷ".encode() in fixed
