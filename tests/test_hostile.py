"""Returns that once stopped the whole run or lost data (issue #12): each is
built here the way it was seen, and the run must name it and go on."""

from __future__ import annotations

import errno
import hashlib
import json
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest
from formtools import cell_ref, claimed_by, done, fill, item_rows, patch_zip, section_sheets
from hostile_corpus import ods

from cchc_excel.intake import read_form
from cchc_excel.merge import collect
from cchc_excel.messages import CchcError
from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()
DATA = Path(__file__).with_name("data")
FOUR_GB = 4 << 30


def _sheet_part(path: Path, title: str) -> str:
    """The zip part of the sheet with this title."""
    workbook = openpyxl.load_workbook(path)
    return f"xl/worksheets/sheet{workbook.sheetnames.index(title) + 1}.xml"


def _first_section(path: Path) -> tuple[str, str, int]:
    """(sheet title, first item id, its row) of a form's first section sheet."""
    sheet = section_sheets(openpyxl.load_workbook(path))[0]
    item, row = item_rows(sheet)[0]
    return sheet.title, item, row


def _add_cell(path: Path, title: str, xml: bytes) -> None:
    part = _sheet_part(path, title)
    patch_zip(path, {part: (b"</sheetData>", xml + b"</sheetData>")})


def _ods(path: Path, content_body: str, manifest_extra: str = "") -> None:
    """A minimal .ods: what matters to the reader is content.xml and the manifest."""
    path.write_bytes(ods(content_body, manifest_extra))


def _far_ods(path: Path, col_repeat: int, row_repeat: int) -> None:
    _ods(path, '<table:table table:name="Trang 1"><table:table-row><table:table-cell office:value-type="string">'
               '<text:p>x</text:p></table:table-cell></table:table-row>'
               f'<table:table-row table:number-rows-repeated="{row_repeat}"><table:table-cell '
               'table:number-columns-repeated="16384"/></table:table-row><table:table-row>'
               f'<table:table-cell table:number-columns-repeated="{col_repeat}"/>'
               '<table:table-cell office:value-type="string"><text:p>xa</text:p></table:table-cell>'
               '</table:table-row></table:table>')


def _run_check_capped(root: Path) -> tuple[int, dict]:
    """`check` as a separate process under a 4 GB address-space cap (an office PC)."""
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({FOUR_GB}, {FOUR_GB}))
        from cchc_excel.cli import cli
        sys.argv = ["cchc-excel", "check", "--default-plan", "-p", "2026Q1", "--dir", {str(root)!r}, "--json",
                    "--today", "20/03/2026"]
        cli()
    """)
    done_ = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done_.stderr and "panicked" not in done_.stderr, done_.stderr[-2000:]
    return done_.returncode, json.loads(done_.stdout)


def test_far_cells_in_every_format_are_named_and_never_stop_the_run(q1_forms, tmp_path):
    inbox = tmp_path / "ws" / "input" / "2026Q1"
    inbox.mkdir(parents=True)
    kt, vh, vp = inbox / "kt.xlsx", inbox / "vh.xlsx", inbox / "vp.xlsx"
    kt_sheet, kt_item, _ = _first_section(q1_forms / "phong-kinh-te.xlsx")
    vh_sheet, vh_item, _ = _first_section(q1_forms / "phong-vhxh.xlsx")
    vp_item = _first_section(q1_forms / "vp-hdnd-ubnd.xlsx")[1]
    fill(q1_forms / "phong-kinh-te.xlsx", kt, {kt_item: done()})
    fill(q1_forms / "phong-vhxh.xlsx", vh, {vh_item: done()})
    fill(q1_forms / "vp-hdnd-ubnd.xlsx", vp, {vp_item: done()})
    # A value at the last cell of a sheet made the reader ask for 17 billion cells and abort (exit 134).
    _add_cell(kt, kt_sheet, b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>xa</t></is></c></row>')
    # At J1048576 one file cost 15 s and 710 MB.
    _add_cell(vh, vh_sheet, b'<row r="1048576"><c r="J1048576"><v>1</v></c></row>')
    _far_ods(inbox / "xa.ods", 16383, 1048574)
    _far_ods(inbox / "xa-j.ods", 9, 1048574)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}

    code, out = _run_check_capped(tmp_path / "ws")

    assert code in (0, 1)
    states = {a["code"]: a["status"] for a in out["agencies"]}
    assert states["phong-kinh-te"] == states["phong-vhxh"] == states["vp-hdnd-ubnd"] == "sent"
    found = {(f["code"], Path(f["file"]).name, f["cell"]) for f in out["findings"]}
    assert ("CELL_TOO_FAR", "kt.xlsx", "XFD1048576") in found
    assert ("CELL_TOO_FAR", "vh.xlsx", "J1048576") in found
    assert ("FILE_FAR_CELL", "xa.ods", "XFD1048576") in found
    assert ("FILE_FAR_CELL", "xa-j.ods", "J1048576") in found
    assert not any(f["code"] == "STATUS_MISSING" and (f["item"], Path(f["file"]).name) in ((kt_item, "kt.xlsx"),
                   (vh_item, "vh.xlsx")) for f in out["findings"])
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}


def test_a_far_cell_in_an_xls_return_is_named_and_its_sheet_skipped():
    # Made by LibreOffice from a Bưu điện xã form with a note typed at IV65536 (the last cell of .xls).
    form = read_form(DATA / "form-far-cell-IV65536.xls")
    assert [(i.code, i.cell) for i in form.issues] == [("SHEET_TOO_FAR", "IV65536")]


def _styled_blank_rows(path: Path, title: str, rows: int) -> None:
    """Borders drawn on empty rows, as Excel saves them, and one formula with no cached value."""
    blank = b"".join(b'<row r="%d">' % r + b"".join(b'<c r="%s%d" s="1"/>' % (c.encode(), r) for c in "ABCDEFGHIJKLMN")
                     + b"</row>" for r in range(100, 100 + rows))
    _add_cell(path, title, blank + b'<row r="3000"><c r="H3000"><f>SUM(A1:A2)</f></c></row>')


def _read_in_child(path: Path, timeout: int = 60) -> str:
    """read_form in a child process: a scan that is not linear never finishes in time."""
    code = f"from cchc_excel.intake import read_form; from pathlib import Path; f = read_form(Path({str(path)!r}))\n" \
           "print(sorted((i.code, i.cell) for i in f.issues) if f else None)"
    done_ = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    assert done_.returncode == 0, done_.stderr[-2000:]
    return done_.stdout.strip()


def test_styled_blank_cells_and_a_formula_are_scanned_in_linear_time(q1_forms, tmp_path):
    # 2,000 such rows took 180 s with the old formula regex.
    path = tmp_path / "kt.xlsx"
    shutil.copyfile(q1_forms / "phong-kinh-te.xlsx", path)
    title = _first_section(path)[0]
    _styled_blank_rows(path, title, 2000)
    assert _read_in_child(path) == "[('FORMULA_NO_VALUE', 'H3000')]"


def test_calamine_issue_553_file_is_read_quickly():
    # tests/data/calamine-issue_553.xlsx is tests/issue_553.xlsx of tafia/calamine (MIT): 75 s before.
    assert _read_in_child(DATA / "calamine-issue_553.xlsx") == "None"


def test_reader_errors_become_findings_for_that_file_only(q1_forms, tmp_path):
    good = tmp_path / "vp.xlsx"
    vp_item = _first_section(q1_forms / "vp-hdnd-ubnd.xlsx")[1]
    fill(q1_forms / "vp-hdnd-ubnd.xlsx", good, {vp_item: done()})
    # A corrupted deflate stream inside a part.
    deflate = tmp_path / "deflate.xlsx"
    shutil.copyfile(q1_forms / "phong-kinh-te.xlsx", deflate)
    data = bytearray(deflate.read_bytes())
    with zipfile.ZipFile(deflate) as archive:
        info = archive.getinfo(_sheet_part(deflate, _first_section(deflate)[0]))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0x5A
    deflate.write_bytes(bytes(data))
    # A shared-string index that points nowhere.
    bad_index = tmp_path / "sst.xlsx"
    shutil.copyfile(q1_forms / "phong-vhxh.xlsx", bad_index)
    title, _, row = _first_section(bad_index)
    _add_cell(bad_index, title, b'<row r="%d"><c r="H%d" t="s"><v>99999</v></c></row>' % (row + 200, row + 200))
    # A sheet the workbook lists but the zip does not hold.
    missing = tmp_path / "missing.xlsx"
    shutil.copyfile(q1_forms / "tt-pvhcc.xlsx", missing)
    part = _sheet_part(missing, _first_section(missing)[0])
    patch_zip(missing, pattern=lambda name, data: data.replace(part.split("/", 1)[1].encode(), b"worksheets/nope.xml")
              if name == "xl/_rels/workbook.xml.rels" else data)

    intake = collect(PLAN, "2026Q1", [deflate, bad_index, missing, good])

    assert intake.answers_of("vp-hdnd-ubnd")[vp_item].status == "done"
    by_file = {}
    for f in intake.findings:
        by_file.setdefault(Path(f.file).name, []).append(f)
    for name in ("deflate.xlsx", "sst.xlsx", "missing.xlsx"):
        assert name in by_file, name
        for f in by_file[name]:
            assert name in f.file and f.message and f.fix
            assert "Traceback" not in f.message
    assert any(f.code in ("FILE_UNREADABLE", "SHEET_UNREADABLE") and "bị hỏng" in f.message
               for f in by_file["deflate.xlsx"])


def test_cached_formula_errors_are_reported_as_errors(q1_forms, tmp_path):
    path = tmp_path / "kt.xlsx"
    title, item, row = _first_section(q1_forms / "phong-kinh-te.xlsx")
    fill(q1_forms / "phong-kinh-te.xlsx", path, {item: {"status": "MARK"}})
    status = cell_ref("status", row).encode()
    part = _sheet_part(path, title)

    def to_error(name, data):
        if name != part:
            return data
        import re
        return re.sub(rb'<c r="' + status + rb'"[^>]*>.*?</c>',
                      b'<c r="' + status + b'" t="e"><f>1/0</f><v>#DIV/0!</v></c>', data, count=1, flags=re.S)

    patch_zip(path, pattern=to_error)
    intake = collect(PLAN, "2026Q1", [path])
    errors = [f for f in intake.findings if f.code == "FORMULA_ERROR"]
    assert len(errors) == 1 and errors[0].item == item and errors[0].cell == status.decode()
    assert "lỗi công thức #DIV/0!" in errors[0].message


def test_a_saved_time_with_an_offset_decides_which_return_is_newer(q1_forms, tmp_path):
    older, newer = tmp_path / "kt-1.xlsx", tmp_path / "kt-2.xlsx"
    item = _first_section(q1_forms / "phong-kinh-te.xlsx")[1]
    fill(q1_forms / "phong-kinh-te.xlsx", older, {item: {"status": "Đang thực hiện"}})
    fill(q1_forms / "phong-kinh-te.xlsx", newer, {item: done()})

    def stamp(path, text):
        import re
        patch_zip(path, pattern=lambda name, data: re.sub(rb"(<dcterms:modified[^>]*>)[^<]+", rb"\g<1>" + text, data)
                  if name == "docProps/core.xml" else data)

    stamp(older, b"2026-03-12T07:00:00Z")
    stamp(newer, b"2026-03-12T15:00:00.123+07:00")      # 08:00 UTC: one hour later
    import os
    os.utime(newer, (1, 1))
    intake = collect(PLAN, "2026Q1", [newer, older])
    assert intake.submissions["phong-kinh-te"].used == newer
    assert intake.answers_of("phong-kinh-te")[item].status == "done"


def test_a_merged_status_cell_reads_as_excel_shows_it(q1_forms, tmp_path):
    source = q1_forms / "vp-hdnd-ubnd.xlsx"
    sheet = max(section_sheets(openpyxl.load_workbook(source)), key=lambda s: len(item_rows(s)))
    (first, row1), (second, row2) = item_rows(sheet)[:2]
    path = tmp_path / "vp.xlsx"

    def merge(workbook):
        ws = workbook[sheet.title]
        ws.protection.sheet = False
        ws.merge_cells(f"{cell_ref('status', row1)}:{cell_ref('status', row2)}")

    fill(source, path, {first: {"status": "Đang thực hiện"}}, transform=merge)
    answers = collect(PLAN, "2026Q1", [path]).answers_of("vp-hdnd-ubnd")
    assert answers[first].status == answers[second].status == "in_progress"


def test_a_retyped_header_is_named_and_the_column_still_read(q1_forms, tmp_path):
    path = tmp_path / "kt.xlsx"
    title, item, _ = _first_section(q1_forms / "phong-kinh-te.xlsx")

    def retype(workbook):
        workbook[title][cell_ref("status", 4)] = "Tình trạng"

    fill(q1_forms / "phong-kinh-te.xlsx", path, {item: done()}, transform=retype)
    intake = collect(PLAN, "2026Q1", [path])
    assert intake.answers_of("phong-kinh-te")[item].status == "done"
    retyped = [f for f in intake.findings if f.code == "HEADER_RETYPED"]
    assert len(retyped) == 1 and retyped[0].cell == cell_ref("status", 4) and retyped[0].sheet == title
    assert "«Trạng thái»" in retyped[0].message and "«Tình trạng»" in retyped[0].message
    assert not any(f.code == "EXTRA_SHEET" for f in intake.findings)


def test_password_ods_xlsb_and_permission_errors_have_vietnamese_messages(tmp_path, monkeypatch):
    locked = tmp_path / "khoa.ods"
    _ods(locked, '<table:table table:name="A"/>',
         '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>')
    xlsb = tmp_path / "bieu-mau.xlsb"
    xlsb.write_bytes(b"PK\x03\x04 binary workbook")
    denied = tmp_path / "khong-quyen.xlsx"
    denied.write_bytes(b"PK")
    from cchc_excel import files

    def refuse(path, *args, **kwargs):         # the tests run as root: a refusal is made up
        if Path(path).name == denied.name:
            raise PermissionError(errno.EACCES, "Permission denied")
        return open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", refuse, raising=False)
    codes = {}
    for path in (locked, xlsb, denied):
        with pytest.raises(CchcError) as caught:
            read_form(path)
        codes[path.name] = caught.value
    assert codes["khoa.ods"].code == "FILE_ENCRYPTED"
    assert codes["bieu-mau.xlsb"].code == "RETURN_XLSB" and ".xlsx" in codes["bieu-mau.xlsb"].fix
    assert codes["khong-quyen.xlsx"].code == "FILE_UNREADABLE"
    assert "không có quyền" in codes["khong-quyen.xlsx"].message
    assert "Permission" not in codes["khong-quyen.xlsx"].message


def test_every_reader_exception_is_caught_per_file(q1_forms, tmp_path, monkeypatch):
    """Whatever a reader raises (even what is not an Exception, like a Rust panic) is that file's finding."""
    import python_calamine

    good = tmp_path / "vp.xlsx"
    shutil.copyfile(q1_forms / "vp-hdnd-ubnd.xlsx", good)
    bad = tmp_path / "kt.xlsx"
    shutil.copyfile(q1_forms / "phong-kinh-te.xlsx", bad)

    class Panic(BaseException):
        pass

    real = python_calamine.CalamineWorkbook.from_filelike

    def explode(handle, *args, **kwargs):
        if len(handle.getvalue()) == bad.stat().st_size:
            raise Panic("called `Option::unwrap()` on a `None` value")
        return real(handle, *args, **kwargs)

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", staticmethod(explode))
    for step in ("_open_form", "_read_rows"):      # the identity, then the rows
        for exc in (MemoryError(), NotImplementedError(), EOFError(), KeyError("x")):
            monkeypatch.setattr(f"cchc_excel.intake.{step}", lambda *args, exc=exc: (_ for _ in ()).throw(exc))
            with pytest.raises(CchcError) as caught:
                read_form(good)
            assert caught.value.code == "FILE_UNREADABLE" and str(good) in caught.value.message
        monkeypatch.undo()
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", staticmethod(explode))
    intake = collect(PLAN, "2026Q1", [bad, good])
    assert "vp-hdnd-ubnd" in intake.submissions
    assert any(f.code == "FILE_UNREADABLE" and f.file == str(bad) for f in intake.findings)



def test_control_and_invisible_characters_never_cost_the_report_a_character(tmp_path):
    # Seen: a vertical tab (a line break pasted from Word, "_x000B_" in the file) sent docxtpl into its
    # recovering parser, which dropped "&", "<", ">" from that text and from later agencies' texts.
    from conftest import invoke
    from reporttools import document_text, filled_period

    controls = "".join(f"_x{c:04X}_" for c in range(32) if c not in (9, 10, 11, 12, 13))
    invisible = "\u200b\ufeff\u00ad\u200e\u2060"

    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {**done(), "result": "A&B <tập huấn> CTRL_MARKER"}
        if agency == "vp-hdnd-ubnd":
            item = next(i for i, a in answers.items() if a.get("status") == "Đang thực hiện")
            answers[item]["difficulties"] = "Thiếu & <kinh phí> > dự kiến"

    root = filled_period(tmp_path, "2026Q1", tweak=tweak)
    kt = next((root / "input" / "2026Q1").glob("phong-kinh-te*"))
    marker = f"_x000B_Dòng hai &amp; &lt;y&gt;{controls}{invisible}Dòng ba &gt; z".encode()   # as XML holds it
    patch_zip(kt, pattern=lambda name, data: data.replace(b"CTRL_MARKER", marker))

    checked = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026", "--json")
    notes = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "TEXT_CLEANED"]
    assert [(n["item"], n["severity"]) for n in notes] == [("VI.1.1", "info")]
    assert "ký tự điều khiển" in notes[0]["message"] and "độ rộng bằng 0" in notes[0]["message"]
    compiled = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", "20/03/2026")
    assert compiled.exit_code == 0, compiled.output
    text = document_text(root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx")
    assert "A&B <tập huấn>\nDòng hai & <y>Dòng ba > z" in text
    assert "Thiếu & <kinh phí> > dự kiến" in text


def test_a_return_whose_metadata_names_another_agency_is_caught(q1_forms, tmp_path):
    # Seen: swapped «_meta» sheets moved the rows both forms share between the two agencies, silently.
    kt, vh, vp = tmp_path / "kt.xlsx", tmp_path / "vh.xlsx", tmp_path / "vp.xlsx"
    shared = {"status": "Đang thực hiện", "result": "Đã quán triệt kế hoạch CCHC đến công chức"}
    fill(q1_forms / "phong-kinh-te.xlsx", kt, {"VI.1.1": done()},
         transform=claimed_by("phong-vhxh", "Phòng Văn hóa - Xã hội"))
    fill(q1_forms / "phong-vhxh.xlsx", vh, {"I.1": done()}, transform=claimed_by("phong-kinh-te", "Phòng Kinh tế"))
    # Identical answers to an item every body reports (led by «Các cơ quan, đơn vị») are normal.
    group_item = next(i.id for i in PLAN.items if i.lead_is_group and "vp-hdnd-ubnd" in i.lead)
    fill(q1_forms / "vp-hdnd-ubnd.xlsx", vp, {group_item: shared})
    intake = collect(PLAN, "2026Q1", [kt, vh, vp])
    caught = {(Path(f.file).name, f.agency) for f in intake.findings if f.code == "RETURN_ROWS_OF_ANOTHER"}
    assert caught == {("kt.xlsx", "phong-vhxh"), ("vh.xlsx", "phong-kinh-te")}
    message = next(f.message for f in intake.findings if f.code == "RETURN_ROWS_OF_ANOTHER" and f.file == str(kt))
    assert "Phòng Văn hóa - Xã hội" in message and "Phòng Kinh tế" in message
    assert set(intake.submissions) == {"vp-hdnd-ubnd"}
    assert intake.answers_of("vp-hdnd-ubnd")[group_item].result == shared["result"]


def test_a_far_cell_on_a_sheet_read_only_to_find_the_form_is_cut_back_too(q1_forms, tmp_path):
    # The guide and list sheets are scanned only when something reads them: here the identifying
    # sheet is gone, so every sheet is looked at, the guide (with a cell at XFD1048576) too.
    path = tmp_path / "kt.xlsx"

    def unform(workbook):
        del workbook["_meta"]

    fill(q1_forms / "phong-kinh-te.xlsx", path, {}, transform=unform)
    _add_cell(path, "Hướng dẫn", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>xa</t></is></c></row>')
    assert _read_in_child(path) == "None"          # not a form: said so, without reading 17 billion cells


def test_the_xls_walk_is_linear_and_never_raises():
    import struct
    import time

    from cchc_excel.xlsfacts import _walk, xls_facts

    def record(kind, body=b""):
        return struct.pack("<HH", kind, len(body)) + body

    # 5,000 sheets that all claim the same records, and 20,000 cells with a cached #DIV/0!.
    start = 5000 * (4 + 10) + 4                                # where the cells begin, after the globals' EOF
    names = b"".join(record(0x0085, struct.pack("<I", start) + b"\x00\x00" + bytes([2, 0]) + b"S%d" % (i % 10))
                     for i in range(5000))
    cells = b"".join(record(0x0006, struct.pack("<HHH", r, 7, 0) + b"\x02\x00\x07\x00\x00\x00\xff\xff" + bytes(6))
                     for r in range(20000))
    started = time.perf_counter()
    found = _walk(names + record(0x000A) + cells)
    assert time.perf_counter() - started < 5
    assert list(found) == ["S9"] and found["S9"].errors["H1"] == "#DIV/0!" and len(found["S9"].errors) == 20000
    # A compound file whose sector chains loop or point outside it: nothing, quietly.
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    struct.pack_into("<HH", header, 0x1E, 9, 6)
    struct.pack_into("<II", header, 0x2C, 1, 0)
    struct.pack_into("<I", header, 0x4C, 0)
    fat = struct.pack("<128I", *([0] * 128))                   # sector 0 follows itself for ever
    assert xls_facts(bytes(header) + fat) == {}
    assert xls_facts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)) == {}
