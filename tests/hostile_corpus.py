"""A corpus of hostile returns (issue #12), built by code (not a test module).

Each KIND is one way a return reaches the officer broken or odd, made the way
the program that produces it would make it (Excel, LibreOffice, a streaming
writer, a mail client, a careless copy…). A kind writes its file(s) into the
inbox of a working folder that also holds a good return of another agency;
tests/test_hostile_corpus.py runs the real ``cchc-excel check`` on it. A new
kind is one entry in KINDS.

The bad return is Phòng Kinh tế's: VI.1.1 «Đã hoàn thành» without evidence, so
a return that is still read shows DONE_NO_EVIDENCE on VI.1.1 (the marker).
"""

from __future__ import annotations

import html
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from cchc_excel.sheetxml import column_number

KT_SHEET = "VI. Tài chính công"
MARK_ITEM = "VI.1.1"
MARK_ROW = 5                                  # VI.1.1's row on KT_SHEET
STATUS, DONE_ON, RESULT = "H", "I", "J"       # columns of the form
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@dataclass
class Sources:
    """What kinds are made from: the blank forms and two filled returns (bytes)."""

    forms: Path
    kt: bytes                 # Phòng Kinh tế's return with the marker answer
    vp: bytes                 # Văn phòng's return (always good)
    scratch: Path             # where a kind may build intermediate files
    lo: dict[str, bytes] = field(default_factory=dict)    # files LibreOffice saved (LIBREOFFICE_JOBS), by name

    def kt_with(self, transform) -> bytes:
        """Phòng Kinh tế's return re-saved through openpyxl after transform(workbook)."""
        workbook = openpyxl.load_workbook(io.BytesIO(self.kt))
        for sheet in workbook.worksheets:
            sheet.protection.sheet = False
        workbook.security = None
        transform(workbook)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()


@dataclass(frozen=True)
class Kind:
    id: str
    build: Callable[[Sources, Path], Path]    # writes the input into the inbox; returns the path to be named
    codes: tuple[str, ...] = ()               # one of these findings must name that path
    reads: bool = False                       # still read: Phòng Kinh tế counted and the marker found
    located: bool = False                     # the finding names a sheet and a cell
    also: tuple[tuple[str, str], ...] = ()    # (code, item) findings Phòng Kinh tế's return must also get
    absent: tuple[str, ...] = ()              # codes that must not name the file


# --- zip and XML helpers ---------------------------------------------------------------


def rezip(data: bytes, change=None, add: dict[str, bytes] | None = None, method=zipfile.ZIP_DEFLATED) -> bytes:
    """The workbook with parts changed (change(name, part) -> bytes, or None to drop) and added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", method) as dst:
        for info in src.infolist():
            part = src.read(info)
            part = change(info.filename, part) if change else part
            if part is not None:
                dst.writestr(info.filename, part)
        for name, part in (add or {}).items():
            dst.writestr(name, part)
    return out.getvalue()


def part_of(data: bytes, title: str) -> str:
    """The zip part of the sheet with this title."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook):
        if html.unescape(name) == title:
            target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
            path = target.group(1) or target.group(2)
            return path.lstrip("/") if path.startswith("/") else "xl/" + path
    raise KeyError(title)


def edit_sheet(data: bytes, title: str, edit) -> bytes:
    part = part_of(data, title)
    return rezip(data, lambda name, xml: edit(xml) if name == part else xml)


def set_cell(xml: bytes, ref: str, cell: bytes) -> bytes:
    """Replace cell ref (or add it to its row) with the given <c …> element."""
    found = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', xml, flags=re.S)
    if found:
        return xml[:found.start()] + cell + xml[found.end():]
    row = re.sub(r"^[A-Z]+", "", ref).encode()
    opened = re.search(rb'<row r="' + row + rb'"[^>]*>', xml)
    assert opened, ref
    return xml[:opened.end()] + cell + xml[opened.end():]


def inline(ref: str, text: str) -> bytes:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'.encode()


def write(inbox: Path, name: str, data: bytes) -> Path:
    path = inbox / name
    path.write_bytes(data)
    return path


def ods(content_body: str, manifest_extra: str = "") -> bytes:
    """A minimal .ods as a script (odfpy, a web export) writes it."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               f'<office:body><office:spreadsheet>{content_body}</office:spreadsheet></office:body>'
               '</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                f'{manifest_extra}</manifest:file-entry></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- how programs write a workbook ------------------------------------------------------


def to_shared_strings(data: bytes) -> bytes:
    """Inline strings moved to a shared-string table, as Excel saves a workbook."""
    strings: list[bytes] = []
    index: dict[bytes, int] = {}

    def share(match):
        text = match.group(2)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return match.group(1) + b' t="s"><v>' + str(index[text]).encode() + b"</v></c>"

    def change(name, part):
        if name.startswith("xl/worksheets/sheet"):
            return re.sub(rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>',
                          share, part, flags=re.S)
        if name == "[Content_Types].xml":
            return part.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return part.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats'
                                b'.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                b"</Relationships>")
        return part

    first = rezip(data, change)
    items = b"".join(b'<si><t xml:space="preserve">' + s + b"</t></si>" for s in strings)
    sst = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings)) + items + b"</sst>")
    return rezip(first, add={"xl/sharedStrings.xml": sst})


def without_refs(xml: bytes) -> bytes:
    """Rows and cells without r= (each empty cell and row written instead), as some writers save them."""
    out, last_row, pos = [], 0, 0
    for row in re.finditer(rb'<row r="(\d+)"([^>]*?)(/>|>(.*?)</row>)', xml, flags=re.S):
        number = int(row.group(1))
        out.append(xml[pos:row.start()])
        out.append(b"<row/>" * (number - last_row - 1))
        last_row, pos = number, row.end()
        if row.group(3) == b"/>":
            out.append(b"<row" + row.group(2) + b"/>")
            continue
        column = 0
        pieces = re.split(rb'(<c r="[A-Z]+\d+")', row.group(4))
        cells = [pieces[0]]
        for marker, rest in zip(pieces[1::2], pieces[2::2]):
            letters = re.match(rb'<c r="([A-Z]+)', marker).group(1).decode()
            target = column_number(letters)
            cells.append(b"<c/>" * (target - column - 1))
            column = target
            cells.append(b"<c" + rest)
        out.append(b"<row" + row.group(2) + b">" + b"".join(cells) + b"</row>")
    out.append(xml[pos:])
    return b"".join(out)


def _meta(data: bytes, key: str, cell: bytes | None = None, value: str = "") -> bytes:
    """The «_meta» value of key replaced (by a text, or by a whole <c> element)."""
    part = part_of(data, "_meta")

    def edit(xml):
        row = re.search(rb'<row r="(\d+)"><c r="A\d+"[^>]*><is><t>' + key.encode() + rb"</t>", xml)
        ref = f"B{row.group(1).decode()}"
        return set_cell(xml, ref, cell.replace(b"@REF@", ref.encode()) if cell else inline(ref, value))

    return rezip(data, lambda name, xml: edit(xml) if name == part else xml)


# --- the kinds ------------------------------------------------------------------------------


def _k(id: str, codes=(), reads=False, located=False, absent=()):
    def register(build):
        KINDS.append(Kind(id, build, tuple(codes), reads, located, absent=tuple(absent)))
        return build
    return register


KINDS: list[Kind] = []


@_k("excel_shared_strings", reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", to_shared_strings(s.kt))


@_k("cells_and_rows_without_refs", reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", rezip(s.kt, lambda n, x: without_refs(x) if n.startswith("xl/worksheets/s") else x))


@_k("shared_formula_child_without_value", codes=["FORMULA_NO_VALUE"], reads=True, located=True)
def _(s, inbox):
    def edit(xml):
        xml = set_cell(xml, f"L{MARK_ROW}", b'<c r="L5" t="str"><f t="shared" ref="L5:L7" si="0">"Thi&#7871;u "&amp;'
                       b'"kinh ph&#237;"</f><v>Thi&#7871;u kinh ph&#237;</v></c>')
        xml = set_cell(xml, "L6", b'<c r="L6" t="str"><f t="shared" si="0"/><v>Thi&#7871;u kinh ph&#237;</v></c>')
        return set_cell(xml, "L7", b'<c r="L7" t="str"><f t="shared" si="0"/></c>')
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, edit))


@_k("dates_in_1904_system", reads=True)
def _(s, inbox):
    # A Mac Excel workbook: serial 44601 is 10/02/2026 (44601 + 1462 = 46063 in the 1900 system).
    data = rezip(s.kt, lambda n, x: x.replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')
                 if n == "xl/workbook.xml" else x)
    ref = f"{DONE_ON}{MARK_ROW}".encode()
    return write(inbox, "kt.xlsx", edit_sheet(data, KT_SHEET, lambda xml: re.sub(
        rb'(<c r="' + ref + rb'"[^>]*><v>)\d+(</v>)', rb"\g<1>44601\g<2>", xml)))


@_k("sheets_renamed_reordered_hidden", reads=True)
def _(s, inbox):
    def mess(workbook):
        sheet = workbook[KT_SHEET]
        sheet.title = "Tai chinh (sua)"
        workbook.move_sheet(sheet, offset=-workbook.index(sheet))
        workbook["IV. Tổ chức bộ máy"].sheet_state = "hidden"
    return write(inbox, "kt.xlsx", s.kt_with(mess))


@_k("sheet_name_with_xml_special_characters", codes=["FORMULA_ERROR"], reads=True, located=True)
def _(s, inbox):
    def rename(workbook):
        workbook[KT_SHEET].title = "VI. Tài chính & <công> 'quý I'"
        workbook["VI. Tài chính & <công> 'quý I'"]["L5"] = "=1/0"
    data = s.kt_with(rename)
    return write(inbox, "kt.xlsx", edit_sheet(data, "VI. Tài chính & <công> 'quý I'", lambda xml: re.sub(
        rb'<c r="L5"([^>]*)><f>1/0</f><v>[^<]*</v></c>', b'<c r="L5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', xml)))


@_k("sheet_saved_in_utf16", codes=["SHEET_UNREADABLE"])
def _(s, inbox):
    # A tool that re-encodes the parts: the reader then sees an empty sheet and its answers vanished.
    def utf16(xml):
        body = re.sub(rb"^<\?xml[^>]*\?>", b"", xml).decode("utf-8")
        return '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + body.encode("utf-16-le")
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, utf16))


@_k("status_pasted_with_nbsp_and_spaces", reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{STATUS}{MARK_ROW}", inline(f"{STATUS}{MARK_ROW}", "  Đã hoàn thành\u00a0\u00a0 "))))


@_k("item_row_deleted", codes=["ROW_MISSING", "ROW_MISSING_OPTIONAL"], reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", s.kt_with(lambda wb: wb[KT_SHEET].delete_rows(MARK_ROW + 1)))


@_k("row_inserted_with_a_note", codes=["VALUE_UNPLACED"], reads=True, located=True)
def _(s, inbox):
    def insert(workbook):
        workbook[KT_SHEET].insert_rows(MARK_ROW + 1)
        workbook[KT_SHEET][f"{RESULT}{MARK_ROW + 1}"] = "Ghi thêm: đã họp giao ban 3 lần"
    return write(inbox, "kt.xlsx", s.kt_with(insert))


@_k("item_row_moved_to_the_bottom", reads=True)
def _(s, inbox):
    def move(workbook):
        sheet = workbook[KT_SHEET]
        sheet.move_range(f"A{MARK_ROW}:N{MARK_ROW}", rows=sheet.max_row + 2 - MARK_ROW)
    return write(inbox, "kt.xlsx", s.kt_with(move))


@_k("item_id_duplicated", codes=["ITEM_DUPLICATED"], reads=True)
def _(s, inbox):
    def duplicate(workbook):
        sheet = workbook[KT_SHEET]
        row = sheet.max_row + 1
        for col in range(1, 15):
            sheet.cell(row, col).value = sheet.cell(MARK_ROW, col).value
        sheet.cell(row, 8).value = "Đang thực hiện"
    return write(inbox, "kt.xlsx", s.kt_with(duplicate))


@_k("older_plan_fingerprint", codes=["RETURN_OTHER_PLAN"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", _meta(s.kt, "plan_fingerprint", value="0123456789ab"))


@_k("other_period", codes=["RETURN_OTHER_PERIOD"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", _meta(s.kt, "period", value="2025Q4"))


@_k("unknown_agency_code", codes=["RETURN_UNKNOWN_AGENCY"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", _meta(s.kt, "agency_code", value="phong-tai-nguyen"))


@_k("metadata_of_another_agency", codes=["RETURN_ROWS_OF_ANOTHER"])
def _(s, inbox):
    data = _meta(_meta(s.kt, "agency_code", value="phong-vhxh"), "agency_name", value="Phòng Văn hóa - Xã hội")
    return write(inbox, "kt.xlsx", data)


@_k("excel_error_in_metadata", codes=["RETURN_META_ERROR"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", _meta(s.kt, "agency_code", cell=b'<c r="@REF@" t="e"><v>#REF!</v></c>'))


@_k("metadata_sheet_deleted", codes=["RETURN_NOT_FORM"])
def _(s, inbox):
    def delete(workbook):
        del workbook["_meta"]
    return write(inbox, "kt.xlsx", s.kt_with(delete))


@_k("answer_of_30000_characters", codes=["CELL_TOO_LONG"], reads=True, located=True)
def _(s, inbox):
    text = ("Đã tổ chức hội nghị triển khai & <kiểm tra> công khai ngân sách. " * 500)[:30000]
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{RESULT}{MARK_ROW}", inline(f"{RESULT}{MARK_ROW}", text))))


@_k("date_typed_as_serial_text", codes=["DATE_UNDERSTOOD"], reads=True, located=True)
def _(s, inbox):
    # "46063" typed into a cell formatted as text: the serial number of 10/02/2026.
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{DONE_ON}{MARK_ROW}", inline(f"{DONE_ON}{MARK_ROW}", "46063"))))


@_k("csv_named_xlsx", codes=["FILE_NOT_ZIP"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", "Mã,Trạng thái\nVI.1.1,Đã hoàn thành\n".encode("utf-8-sig"))


@_k("web_page_named_xls", codes=["FILE_UNREADABLE"])
def _(s, inbox):
    # What "Save as Web Page" and many administrative systems export under a .xls name.
    html = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>'
            "<table><tr><td>Mã</td><td>Trạng thái</td></tr><tr><td>VI.1.1</td><td>Đã hoàn thành</td></tr></table>"
            "</body></html>")
    return write(inbox, "kt.xls", html.encode())


@_k("xlsm_with_macros", reads=True)
def _(s, inbox):
    data = rezip(s.kt, lambda n, x: x.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
                 .replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                          b"</Types>") if n == "[Content_Types].xml" else x,
                 add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2040)})
    return write(inbox, "kt.xlsm", data)


@_k("xlsb_binary_workbook", codes=["RETURN_XLSB"])
def _(s, inbox):
    return write(inbox, "kt.xlsb", rezip(s.kt, add={"xl/workbook.bin": b"\x83\x01\x00"}))


@_k("word_document_named_xlsx", codes=["FILE_WRONG_KIND"])
def _(s, inbox):
    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Báo cáo CCHC quý I của Phòng Kinh tế")
    document.save(out)
    return write(inbox, "kt.xlsx", out.getvalue())


@_k("ods_named_xlsx", codes=["RETURN_NOT_FORM"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", ods('<table:table table:name="A"/>'))


@_k("xlsx_renamed_xls", codes=["RETURN_RENAMED"], reads=True)
def _(s, inbox):
    return write(inbox, "kt.xls", s.kt)


@_k("password_protected_xlsx", codes=["FILE_ENCRYPTED"])
def _(s, inbox):
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(s.kt)).encrypt("matkhau", out)
    return write(inbox, "kt.xlsx", out.getvalue())


@_k("password_protected_ods", codes=["FILE_ENCRYPTED"])
def _(s, inbox):
    encrypted = '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
    return write(inbox, "kt.ods", ods('<table:table table:name="A"/>', encrypted))


@_k("empty_file", codes=["FILE_EMPTY"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", b"")


@_k("download_cut_short", codes=["FILE_NOT_ZIP", "FILE_UNREADABLE"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", s.kt[: len(s.kt) * 3 // 5])


@_k("corrupt_deflate_stream", codes=["FILE_UNREADABLE", "SHEET_UNREADABLE"])
def _(s, inbox):
    data = bytearray(s.kt)
    with zipfile.ZipFile(io.BytesIO(s.kt)) as archive:
        info = archive.getinfo(part_of(s.kt, KT_SHEET))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0x5A
    return write(inbox, "kt.xlsx", bytes(data))


# One cell the reader refuses used to lose its whole sheet: now that cell alone is emptied and named.
@_k("shared_string_index_out_of_range", codes=["CELL_UNREADABLE"], reads=True, located=True)
def _(s, inbox):
    data = to_shared_strings(s.kt)
    return write(inbox, "kt.xlsx", edit_sheet(data, KT_SHEET, lambda xml: set_cell(
        xml, f"L{MARK_ROW}", b'<c r="L5" t="s"><v>99999</v></c>')))


# An index that is no number the reader took, without a word, for the table's first string.
@_k("shared_string_index_not_a_number", codes=["CELL_UNREADABLE"], reads=True, located=True)
def _(s, inbox):
    data = to_shared_strings(s.kt)
    return write(inbox, "kt.xlsx", edit_sheet(data, KT_SHEET, lambda xml: set_cell(
        xml, f"{RESULT}{MARK_ROW}", f'<c r="{RESULT}{MARK_ROW}" t="s"><v>0x</v></c>'.encode())))


@_k("number_cell_holding_text", codes=["CELL_UNREADABLE"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"L{MARK_ROW}", b'<c r="L5" t="n"><v>1,5 t\xe1\xbb\xb7</v></c>')))


@_k("cell_of_unknown_type", codes=["CELL_UNREADABLE"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"L{MARK_ROW}", b'<c r="L5" t="zz"><v>1</v></c>')))


@_k("cell_reference_reversed", codes=["CELL_UNREADABLE"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"L{MARK_ROW}", b'<c r="5L" t="inlineStr"><is><t>ghi ch\xc3\xba</t></is></c>')))


@_k("shared_strings_count_absurd", reads=True)
def _(s, inbox):
    # A count the reader trusted to reserve memory: 2,000,000,000 strings aborted the run (exit 134).
    data = to_shared_strings(s.kt)
    return write(inbox, "kt.xlsx", rezip(data, lambda n, x: re.sub(
        rb'(uniqueCount|count)="\d+"', rb'\1="2000000000"', x) if n == "xl/sharedStrings.xml" else x))


@_k("shared_strings_count_absurd_after_a_long_comment", reads=True)
def _(s, inbox):
    # The same count, behind 8 KB of comment: found where it is, not only in the first bytes of the part.
    data = to_shared_strings(s.kt)
    return write(inbox, "kt.xlsx", rezip(data, lambda n, x: re.sub(
        rb'(uniqueCount|count)="\d+"', rb'\1="2000000000"', x).replace(
        b"?>", b"?><!--" + b" " * 8192 + b"-->", 1) if n == "xl/sharedStrings.xml" else x))


@_k("sheet_part_missing", codes=["FILE_UNREADABLE", "SHEET_UNREADABLE"])
def _(s, inbox):
    part = part_of(s.kt, KT_SHEET)
    return write(inbox, "kt.xlsx", rezip(s.kt, lambda n, x: None if n == part else x))


@_k("sheet_xml_of_0_bytes", codes=["FILE_UNREADABLE", "SHEET_UNREADABLE"])
def _(s, inbox):
    part = part_of(s.kt, KT_SHEET)
    return write(inbox, "kt.xlsx", rezip(s.kt, lambda n, x: b"" if n == part else x))


@_k("zip_entry_with_directory_traversal", reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", rezip(s.kt, add={"../../../evil.txt": b"pwned", "/etc/evil.txt": b"pwned"}))


@_k("zip_with_duplicated_entries", codes=["FILE_NOT_ZIP"])
def _(s, inbox):
    part = part_of(s.kt, KT_SHEET)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                 # "Duplicate name": the point of this kind
        data = rezip(s.kt, add={part: b"<worksheet/>"})
    return write(inbox, "kt.xlsx", data)


@_k("zip_bomb", codes=["FILE_TOO_LARGE"])
def _(s, inbox):
    return write(inbox, "kt.xlsx", rezip(s.kt, add={"xl/media/image1.png": bytes(300 * 1024 * 1024)}))


@_k("value_in_the_last_cell_xfd1048576", codes=["CELL_TOO_FAR"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1048576">' + inline("XFD1048576", "xa") + b"</row></sheetData>")))


@_k("far_cell_in_tags_split_over_lines", codes=["CELL_TOO_FAR"], reads=True, located=True)
def _(s, inbox):
    # As an XML pretty-printer writes tags (a line break after the name): the run once aborted (exit 134).
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: xml.replace(
        b"</sheetData>", b'<row\nr="1048576"><c\n r="XFD1048576"\tt="inlineStr"><is><t>xa</t></is></c></row>'
        b"</sheetData>")))


@_k("ods_with_a_far_cell", codes=["FILE_FAR_CELL"], located=True)
def _(s, inbox):
    return write(inbox, "kt.ods", ods(
        '<table:table table:name="Trang 1"><table:table-row><table:table-cell office:value-type="string">'
        '<text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated='
        '"1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row>'
        '<table:table-cell table:number-columns-repeated="16383"/><table:table-cell office:value-type="string">'
        "<text:p>xa</text:p></table:table-cell></table:table-row></table:table>"))


@_k("cached_error_in_status", codes=["FORMULA_ERROR"], located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{STATUS}{MARK_ROW}", b'<c r="H5" t="e"><f>1/0</f><v>#DIV/0!</v></c>')))


@_k("excel365_spill_error_in_an_answer", codes=["FORMULA_ERROR"], reads=True, located=True)
def _(s, inbox):
    # A dynamic-array formula of Excel 365 that cannot spill: its reader refused the whole sheet.
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"L{MARK_ROW}", b'<c r="L5" t="e"><f>SEQUENCE(3)</f><v>#SPILL!</v></c>')))


@_k("figure_that_is_no_number_inf_nan", codes=["FIGURE_INVALID"], reads=True, located=True)
def _(s, inbox):
    # What a script writing float("inf") / float("nan") saves: the run once ended with exit 4.
    data = edit_sheet(s.kt, "Số liệu", lambda xml: set_cell(xml, "G5", b'<c r="G5"><v>inf</v></c>'))
    return write(inbox, "kt.xlsx", edit_sheet(data, KT_SHEET, lambda xml: set_cell(
        xml, "L5", b'<c r="L5"><v>NaN</v></c>')))


@_k("boolean_cell_holding_2", codes=["CELL_UNREADABLE"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, "L5", b'<c r="L5" t="b"><v>2</v></c>')))


@_k("date_cell_in_iso_form", reads=True)
def _(s, inbox):
    # Excel 2010+ may save a date as t="d" with an ISO 8601 value.
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{DONE_ON}{MARK_ROW}", b'<c r="I5" t="d"><v>2026-02-10T00:00:00</v></c>')))


@_k("formula_without_cached_value", codes=["FORMULA_NO_VALUE"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"L{MARK_ROW}", b'<c r="L5"><f>CONCATENATE("Thi&#7871;u ","kinh ph&#237;")</f></c>')))


@_k("control_characters_in_an_answer", codes=["TEXT_CLEANED"], reads=True, located=True)
def _(s, inbox):
    text = "Dòng một_x000B_Dòng hai & <ba>_x0001_\u200b\ufeff\u00ad"
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{RESULT}{MARK_ROW}", inline(f"{RESULT}{MARK_ROW}", text))))


@_k("zero_width_space_in_item_id", reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"A{MARK_ROW}", inline(f"A{MARK_ROW}", f"\u200b{MARK_ITEM}\ufeff"))))


@_k("header_retyped", codes=["HEADER_RETYPED"], reads=True, located=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: set_cell(
        xml, f"{STATUS}4", inline(f"{STATUS}4", "Tình trạng"))))


@_k("data_in_a_sheet_the_tool_does_not_know", codes=["EXTRA_SHEET"], reads=True)
def _(s, inbox):
    def add(workbook):
        workbook.create_sheet("Ghi chép riêng")["B3"] = "Nháp của chị Lan: kinh phí 12 triệu"
    return write(inbox, "kt.xlsx", s.kt_with(add))


@_k("excel_lock_file", codes=["RETURN_LOCK_FILE"])
def _(s, inbox):
    return write(inbox, "~$kt.xlsx", b"\x0bNguyen Van A" + bytes(150))


@_k("file_without_read_permission", codes=() if ROOT else ["FILE_UNREADABLE"], reads=ROOT)
def _(s, inbox):
    path = write(inbox, "kt.xlsx", s.kt)
    path.chmod(0)
    return path


@_k("symlink_loop", codes=["RETURN_LINK_BROKEN"])
def _(s, inbox):
    (inbox / "kt-b.xlsx").symlink_to("kt.xlsx")
    (inbox / "kt.xlsx").symlink_to("kt-b.xlsx")
    return inbox / "kt.xlsx"


@_k("link_to_a_missing_file", codes=["RETURN_LINK_BROKEN"])
def _(s, inbox):
    (inbox / "kt.xlsx").symlink_to(s.scratch / "deleted.xlsx")
    return inbox / "kt.xlsx"


@_k("link_to_a_folder_of_returns", reads=True)
def _(s, inbox):
    # Returns kept elsewhere (a shared folder) and linked into input/: read, never skipped unnamed.
    elsewhere = s.scratch / "zalo-thang-3"
    elsewhere.mkdir(exist_ok=True)
    write(elsewhere, "kt.xlsx", s.kt)
    (inbox / "zalo").symlink_to(elsewhere, target_is_directory=True)
    return inbox / "zalo" / "kt.xlsx"


@_k("link_to_the_folder_above", reads=True)
def _(s, inbox):
    # A link that leads back up: the folders are walked once, the run ends.
    path = write(inbox, "kt.xlsx", s.kt)
    (inbox / "ca-thu-muc").symlink_to(inbox.parent, target_is_directory=True)
    return path


@_k("empty_folder_named_like_a_return", codes=["RETURN_FOLDER"])
def _(s, inbox):
    (inbox / "kt.xlsx").mkdir()
    return inbox / "kt.xlsx"


@_k("file_name_in_nfd", reads=True)
def _(s, inbox):
    return write(inbox, unicodedata.normalize("NFD", "Phòng Kinh tế gửi lại.xlsx"), s.kt)


@_k("upper_case_extension", reads=True)
def _(s, inbox):
    return write(inbox, "KT.XLSX", s.kt)


@_k("not_a_spreadsheet", codes=["RETURN_TYPE_UNSUPPORTED"])
def _(s, inbox):
    return write(inbox, "kt.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


@_k("xml_entity_expansion_in_a_sheet", codes=["FILE_UNREADABLE", "SHEET_UNREADABLE"])
def _(s, inbox):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                       for i in range(1, 10)) + b"]>")

    def edit(xml):
        xml = re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
        return bomb + set_cell(xml, f"{RESULT}{MARK_ROW}", b'<c r="J5" t="inlineStr"><is><t>&lol9;</t></is></c>')
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, edit))


@_k("borders_on_thousands_of_empty_rows", reads=True)
def _(s, inbox):
    rows = b"".join(b'<row r="%d">' % r + b"".join(b'<c r="%s%d" s="1"/>' % (c.encode(), r) for c in "ABCDEFGHIJKLMN")
                    + b"</row>" for r in range(100, 3100))
    return write(inbox, "kt.xlsx", edit_sheet(s.kt, KT_SHEET, lambda xml: xml.replace(
        b"</sheetData>", rows + b"</sheetData>")))


@_k("status_cell_merged_over_two_items", reads=True)
def _(s, inbox):
    return write(inbox, "kt.xlsx", s.kt_with(lambda wb: wb[KT_SHEET].merge_cells(
        f"{STATUS}{MARK_ROW}:{STATUS}{MARK_ROW + 1}")))


@_k("title_and_status_merged_across_rows_and_columns", reads=True, absent=["VALUE_UNPLACED", "VALUE_OUTSIDE_TABLE"])
def _(s, inbox):
    # The title merged across the table, a status merged over an item and the task row below it.
    def merge(workbook):
        workbook[KT_SHEET].merge_cells("A1:N1")
        sheet = workbook["I. Chỉ đạo, điều hành"]
        sheet["H5"] = "Đang thực hiện"
        sheet.merge_cells("H5:H6")
    return write(inbox, "kt.xlsx", s.kt_with(merge))


@_k("two_copies_of_one_return", codes=["RETURN_SUPERSEDED"], reads=True)
def _(s, inbox):
    older = write(inbox, "kt (1).xlsx", s.kt)
    os.utime(older, (1_700_000_000, 1_700_000_000))
    data = rezip(s.kt, lambda n, x: re.sub(rb"(<dcterms:modified[^>]*>)[^<]+", rb"\g<1>2020-01-01T00:00:00Z", x)
                 if n == "docProps/core.xml" else x)
    write(inbox, "kt.xlsx", s.kt)
    older.write_bytes(data)
    return older




# --- made by LibreOffice (tests that use them need it: the `libreoffice` marker) ------------


def libreoffice_jobs(kt: Path, out: Path) -> list[dict]:
    """Jobs for tests/lo_fill.py: Phòng Kinh tế's return opened in LibreOffice, edited as a person
    would, and saved as .ods or .xls."""
    def job(name, filt, cells):
        return {"input": str(kt), "output": str(out / name), "filter": filt,
                "cells": [{"sheet": KT_SHEET, **c} for c in cells]}
    merge = [{"merge": f"{STATUS}{MARK_ROW}:{STATUS}{MARK_ROW + 1}"}]
    return [job("merged.ods", "calc8", merge), job("merged.xls", "MS Excel 97", merge),
            job("error.xls", "MS Excel 97", [{"cell": f"{STATUS}{MARK_ROW + 1}", "formula": "=1/0"}]),
            job("error.ods", "calc8", [{"cell": f"{STATUS}{MARK_ROW + 1}", "formula": "=NA()"}]),
            job("formula.ods", "calc8", [{"cell": f"L{MARK_ROW}", "formula": '="Thiếu "&"kinh phí"'}])]


LO_KINDS: list[Kind] = []


def _lo(id: str, codes=(), reads=False, located=False, also=()):
    def register(build):
        LO_KINDS.append(Kind(id, build, tuple(codes), reads, located, tuple(also)))
        return build
    return register


@_lo("libreoffice_ods_status_merged_over_two_items", reads=True, also=[("DONE_NO_EVIDENCE", "VI.1.2")])
def _(s, inbox):
    return write(inbox, "kt.ods", s.lo["merged.ods"])


@_lo("libreoffice_xls_status_merged_over_two_items", reads=True, also=[("DONE_NO_EVIDENCE", "VI.1.2")])
def _(s, inbox):
    return write(inbox, "kt.xls", s.lo["merged.xls"])


@_lo("libreoffice_xls_cached_error_in_status", codes=["FORMULA_ERROR"], reads=True, located=True,
     also=[("FORMULA_ERROR", "VI.1.2")])
def _(s, inbox):
    return write(inbox, "kt.xls", s.lo["error.xls"])


@_lo("libreoffice_ods_cached_error_in_status", codes=["FORMULA_ERROR"], reads=True, located=True,
     also=[("FORMULA_ERROR", "VI.1.2")])
def _(s, inbox):
    return write(inbox, "kt.ods", s.lo["error.ods"])


@_lo("script_ods_formula_without_value", codes=["FORMULA_NO_VALUE"], reads=True, located=True,
     also=[("FORMULA_NO_VALUE", "VI.1.1")])
def _(s, inbox):
    # What a script writing .ods (odfpy and the like) saves: the formula, and no computed value.
    def strip(name, xml):
        if name != "content.xml":
            return xml
        found = re.search(rb'<table:table-cell ([^>]*table:formula="of:=[^"]*kinh[^"]*"[^>]*)>.*?</table:table-cell>',
                          xml, flags=re.S)
        assert found, "the formula LibreOffice saved"
        attrs = re.sub(rb'\s(?:office|calcext):(?:value-type|string-value|value)="[^"]*"', b"", found.group(1))
        return xml[:found.start()] + b"<table:table-cell " + attrs + b"/>" + xml[found.end():]
    return write(inbox, "kt.ods", rezip(s.lo["formula.ods"], strip, method=zipfile.ZIP_DEFLATED))


@_lo("script_ods_number_cell_holding_text", codes=["CELL_READ_AS_TEXT"], reads=True, located=True)
def _(s, inbox):
    # A number cell whose stored value is no number: python-calamine refused the whole file for it
    # («Cannot detect file format»); the cell is read as the text it shows, and named.
    def spoil(name, xml):
        if name != "content.xml":
            return xml
        found = re.search(rb'<table:table-cell [^>]*table:formula="of:=[^"]*kinh[^"]*"[^>]*>.*?</table:table-cell>',
                          xml, flags=re.S)
        assert found, "the cell LibreOffice saved"
        cell = ('<table:table-cell office:value-type="float" office:value="1,5 tỷ">'
                '<text:p>1,5 tỷ</text:p></table:table-cell>').encode()
        return xml[:found.start()] + cell + xml[found.end():]
    return write(inbox, "kt.ods", rezip(s.lo["formula.ods"], spoil, method=zipfile.ZIP_DEFLATED))


@_lo("libreoffice_xls_renamed_xlsx", codes=["RETURN_RENAMED"], reads=True, also=[("DONE_NO_EVIDENCE", "VI.1.2")])
def _(s, inbox):
    # Seen as «đang được đặt mật khẩu»: an .xls is a compound file, like a password-protected .xlsx.
    return write(inbox, "kt.xlsx", s.lo["merged.xls"])


@_lo("libreoffice_ods_renamed_xls", codes=["RETURN_RENAMED"], reads=True, also=[("DONE_NO_EVIDENCE", "VI.1.2")])
def _(s, inbox):
    return write(inbox, "kt.xls", s.lo["merged.ods"])
