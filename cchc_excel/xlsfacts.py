"""What an .xls (Excel 97-2003, BIFF8) workbook says that the cell reader does
not: cached formula errors.

python-calamine reads a cached error (#DIV/0!, #N/A…) as an empty cell
(python-calamine issue #105), so "ô có lỗi công thức" would read as "chưa
chọn trạng thái". This walks the records of the workbook stream once: sheet
names from BOUNDSHEET8, then each sheet's FORMULA records whose cached result
is an error, and BOOLERR error cells. Anything malformed ends the walk
quietly: the reader decides whether the file can be read at all.
"""

from __future__ import annotations

import struct

from .sheetxml import SheetFacts, column_letters

_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_EOF, _BOUNDSHEET, _FORMULA, _BOOLERR = 0x000A, 0x0085, 0x0006, 0x0205


def xls_facts(data: bytes) -> dict[str, SheetFacts]:
    """Sheet name -> its cached errors by ref; {} when the file cannot be walked."""
    try:
        stream = _workbook_stream(data)
        return _walk(stream) if stream else {}
    except (ValueError, IndexError, struct.error, UnicodeDecodeError):
        return {}


# --- the compound file (OLE2) ------------------------------------------------------------


def _workbook_stream(data: bytes) -> bytes | None:
    if len(data) < 512:
        return None
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if sector not in (512, 4096) or mini != 64:
        return None
    fat_count, first_dir = struct.unpack_from("<II", data, 0x2C)
    cutoff, first_minifat, _, first_difat, difat_count = struct.unpack_from("<IIIII", data, 0x38)
    sectors = (len(data) - 1) // sector            # whole sectors after the header
    difat = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat, per = first_difat, sector // 4 - 1
    for _ in range(min(difat_count, sectors)):
        if next_difat >= sectors:
            break
        values = struct.unpack_from(f"<{per + 1}I", data, (next_difat + 1) * sector)
        difat += values[:per]
        next_difat = values[per]
    fat: list[int] = []
    for index in difat[:fat_count]:
        if index < sectors:
            fat += struct.unpack_from(f"<{sector // 4}I", data, (index + 1) * sector)

    def chain(start: int, size: int | None = None) -> bytes:
        parts, current = [], start
        for _ in range(sectors + 1):
            if current >= min(len(fat), sectors) or current in (_FREE, _END):
                break
            parts.append(data[(current + 1) * sector:(current + 2) * sector])
            current = fat[current]
        joined = b"".join(parts)
        return joined[:size] if size is not None else joined

    directory = chain(first_dir)
    entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        return None
    root = entries[0]
    for entry in entries:
        length = struct.unpack_from("<H", entry, 0x40)[0]
        name = entry[:max(length - 2, 0)].decode("utf-16-le", "replace")
        if entry[0x42] != 2 or name not in ("Workbook", "Book"):
            continue
        start, size = struct.unpack_from("<II", entry, 0x74)
        if size >= cutoff:
            return chain(start, size)
        mini_stream = chain(struct.unpack_from("<I", root, 0x74)[0])
        minifat = chain(first_minifat)
        table = struct.unpack(f"<{len(minifat) // 4}I", minifat[:len(minifat) // 4 * 4])
        parts, current = [], start
        for _ in range(len(table) + 1):
            if current >= len(table) or current in (_FREE, _END):
                break
            parts.append(mini_stream[current * mini:(current + 1) * mini])
            current = table[current]
        return b"".join(parts)[:size]
    return None


# --- BIFF8 records -------------------------------------------------------------------------


def _records(stream: bytes, pos: int):
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        yield kind, stream[pos + 4:pos + 4 + length]
        pos += 4 + length


def _walk(stream: bytes) -> dict[str, SheetFacts]:
    sheets: list[tuple[int, str]] = []
    for kind, body in _records(stream, 0):
        if kind == _BOUNDSHEET and len(body) >= 8:
            offset, count, high = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
            raw = body[8:8 + count * (2 if high else 1)]
            sheets.append((offset, raw.decode("utf-16-le" if high else "latin-1")))
        elif kind == _EOF:
            break
    found: dict[str, SheetFacts] = {}
    for offset, name in sheets:
        facts = SheetFacts()
        for kind, body in _records(stream, offset):
            if kind == _EOF:
                break
            if kind == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
                row, col = struct.unpack_from("<HH", body)          # a cached result that is an error
                facts.errors[f"{column_letters(col + 1)}{row + 1}"] = _ERRORS.get(body[8], "#VALUE!")
            elif kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
                row, col = struct.unpack_from("<HH", body)
                facts.errors[f"{column_letters(col + 1)}{row + 1}"] = _ERRORS.get(body[6], "#VALUE!")
        found[name] = facts
    return found
