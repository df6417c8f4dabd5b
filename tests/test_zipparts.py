"""zipparts reads what zipfile reads, and fails where zipfile fails."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from cchc_excel.zipparts import ZipParts, _central_directory

TEXT = "<sheetData>Tiếng Việt có dấu</sheetData>".encode() * 50


def _zip(*, method=zipfile.ZIP_DEFLATED, comment=b"", zip64=False, names=("xl/workbook.xml", "a.xml")) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for index, name in enumerate(names):
            if zip64:
                with archive.open(name, "w", force_zip64=True) as handle:
                    handle.write(TEXT + bytes([index]))
            else:
                archive.writestr(name, TEXT + bytes([index]))
        archive.comment = comment
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["deflated", "stored", "comment", "zip64", "unicode names"])
def test_reads_what_zipfile_reads(kind):
    data = {
        "deflated": lambda: _zip(),
        "stored": lambda: _zip(method=zipfile.ZIP_STORED),
        "comment": lambda: _zip(comment=b"saved by a script"),
        "zip64": lambda: _zip(zip64=True),
        "unicode names": lambda: _zip(names=("xl/worksheets/Bảng 1.xml", "b.xml")),
    }[kind]()
    reference = zipfile.ZipFile(io.BytesIO(data))
    parts = ZipParts(data)
    assert parts.namelist() == reference.namelist()
    for info in reference.infolist():
        assert parts.read(info.filename) == reference.read(info)
        assert parts.read(info.filename, limit=7) == reference.read(info)[:7]
        assert info.filename in parts
    sizes = [(m.filename, m.file_size, m.compress_size) for m in parts.infos]
    assert sizes == [(i.filename, i.file_size, i.compress_size) for i in reference.infolist()]


@pytest.mark.parametrize("kind", ["deflated", "stored", "comment", "zip64", "unicode names", "a longer name ends so",
                                  "the name in the comment", "missing"])
def test_one_part_read_alone_reads_what_zipfile_reads(kind):
    """ZipParts(data, only=name) looks the one entry up by its name (the digest of each feedback
    copy); whatever that does not find simply, the whole directory says."""
    name = "docProps/custom.xml"
    data = {
        "deflated": lambda: _zip(names=("a.xml", name, "b.xml")),
        "stored": lambda: _zip(method=zipfile.ZIP_STORED, names=(name, "a.xml")),
        "comment": lambda: _zip(comment=b"saved by a script", names=("a.xml", name)),
        "zip64": lambda: _zip(zip64=True, names=("a.xml", name)),
        "unicode names": lambda: _zip(names=("xl/Bảng 1.xml", "docProps/Bảng 1.xml")),
        "a longer name ends so": lambda: _zip(names=("x" + name, name)),
        "the name in the comment": lambda: _zip(comment=name.encode(), names=("a.xml", name)),
        "missing": lambda: _zip(names=("a.xml", "x" + name)),
    }[kind]()
    if kind == "unicode names":
        name = "docProps/Bảng 1.xml"
    reference = zipfile.ZipFile(io.BytesIO(data))
    parts = ZipParts(data, only=name)
    if name not in reference.namelist():
        with pytest.raises(KeyError):
            parts.read(name)
    else:
        assert parts.read(name) == reference.read(name)


def test_plain_zips_skip_zipfile():
    """The fast way is the one taken for the zips Excel, LibreOffice and xlsxwriter write."""
    assert _central_directory(_zip()) is not None
    assert _central_directory(_zip(method=zipfile.ZIP_STORED)) is not None


def test_a_damaged_part_fails_as_in_zipfile():
    data = bytearray(_zip(method=zipfile.ZIP_STORED))
    at = bytes(data).index(TEXT)
    data[at + 3] ^= 0x20                      # one letter's case: the CRC no longer matches
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(bytes(data))).read("xl/workbook.xml")
    with pytest.raises(zipfile.BadZipFile):
        ZipParts(bytes(data)).read("xl/workbook.xml")


def test_a_broken_deflate_stream_raises_a_zip_error():
    data = bytearray(_zip())
    local = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0].header_offset
    start = local + 30 + len("xl/workbook.xml")
    data[start:start + 8] = b"\xff" * 8
    with pytest.raises((zipfile.BadZipFile, zlib.error)):
        ZipParts(bytes(data)).read("xl/workbook.xml")


def test_cut_short_and_not_a_zip():
    data = _zip()
    for broken in (data[: len(data) // 2], data[:-30], b"PK\x03\x04 nothing else", b"plain text"):
        with pytest.raises((zipfile.BadZipFile, EOFError)):
            parts = ZipParts(broken)
            for name in parts.namelist():
                parts.read(name)


def test_a_missing_part_is_a_key_error():
    with pytest.raises(KeyError):
        ZipParts(_zip()).read("xl/styles.xml")


def test_a_local_header_that_names_another_part_fails_as_in_zipfile():
    data = bytearray(_zip())
    local = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0].header_offset
    data[local + 30] = ord("X")                # «xl/workbook.xml» spelt «Xl/workbook.xml» in its own header
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(bytes(data))).read("xl/workbook.xml")
    with pytest.raises(zipfile.BadZipFile):
        ZipParts(bytes(data)).read("xl/workbook.xml")


def test_a_compressed_size_running_past_the_end_reads_as_in_zipfile():
    """Seen in the copy-digest fuzz: one flipped bit made a part's compressed size run past the file's
    end; zipfile reads the part (its stream ends first), and so must zipparts."""
    data = bytearray(_zip())
    entry = bytes(data).rindex(b"PK\x01\x02")            # the last part's directory entry
    struct.pack_into("<I", data, entry + 20, len(data) * 2)
    name = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[-1].filename
    assert ZipParts(bytes(data)).read(name) == zipfile.ZipFile(io.BytesIO(bytes(data))).read(name)
