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
        stream = _Compound(data).read(("Workbook", "Book"))
        return _walk(stream) if stream else {}
    except (ValueError, IndexError, struct.error, UnicodeDecodeError):
        return {}


# --- the compound file (OLE2) ------------------------------------------------------------


def ole_streams(data: bytes) -> set[str]:
    """The names of the streams of a compound (OLE2) file; empty when it cannot be walked.
    An encrypted .xlsx/.docx holds "EncryptedPackage"; an .xls holds "Workbook" (or "Book")."""
    try:
        compound = _Compound(data)
        return {name for name, _ in compound.streams}
    except (ValueError, IndexError, struct.error):
        return set()


class _Compound:
    """Just enough of the compound file format to read one stream: bounded by the file's size
    however its sector chains are written."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512:
            raise ValueError("short")
        self.data = data
        self.sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
        if self.sector not in (512, 4096) or self.mini != 64:
            raise ValueError("sector size")
        fat_count, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, self.first_minifat, _, first_difat, difat_count = struct.unpack_from("<IIIII", data, 0x38)
        self.sectors = (len(data) - 1) // self.sector          # whole sectors after the header
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        next_difat, per = first_difat, self.sector // 4 - 1
        for _ in range(min(difat_count, self.sectors)):
            if next_difat >= self.sectors:
                break
            values = struct.unpack_from(f"<{per + 1}I", data, (next_difat + 1) * self.sector)
            difat += values[:per]
            next_difat = values[per]
        self.fat: list[int] = []
        for index in difat[:fat_count]:
            if index < self.sectors:
                self.fat += struct.unpack_from(f"<{self.sector // 4}I", data, (index + 1) * self.sector)
        directory = self._chain(first_dir)
        entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
        if not entries:
            raise ValueError("no directory")
        self.root = entries[0]
        self.streams = []
        for entry in entries:
            length = min(struct.unpack_from("<H", entry, 0x40)[0], 64)
            if entry[0x42] == 2:
                self.streams.append((entry[:max(length - 2, 0)].decode("utf-16-le", "replace"), entry))

    def _chain(self, start: int, size: int | None = None) -> bytes:
        parts, current, sector = [], start, self.sector
        for _ in range(self.sectors + 1):
            if current >= min(len(self.fat), self.sectors) or current in (_FREE, _END):
                break
            parts.append(self.data[(current + 1) * sector:(current + 2) * sector])
            current = self.fat[current]
        joined = b"".join(parts)
        return joined[:size] if size is not None else joined

    def read(self, names: tuple[str, ...]) -> bytes | None:
        entry = next((e for name, e in self.streams if name in names), None)
        if entry is None:
            return None
        start, size = struct.unpack_from("<II", entry, 0x74)
        if size >= self.cutoff:
            return self._chain(start, size)
        mini_stream = self._chain(struct.unpack_from("<I", self.root, 0x74)[0])
        minifat = self._chain(self.first_minifat)
        table = struct.unpack(f"<{len(minifat) // 4}I", minifat[:len(minifat) // 4 * 4])
        parts, current = [], start
        for _ in range(len(table) + 1):
            if current >= len(table) or current in (_FREE, _END):
                break
            parts.append(mini_stream[current * self.mini:(current + 1) * self.mini])
            current = table[current]
        return b"".join(parts)[:size]


# --- BIFF8 records -------------------------------------------------------------------------


def _records(stream: bytes):
    pos = 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        yield pos, kind, stream[pos + 4:pos + 4 + length]
        pos += 4 + length


def _walk(stream: bytes) -> dict[str, SheetFacts]:
    """One pass over the stream: the globals name each sheet and where its records start
    (so a file whose sheets all claim one place costs no more than one read)."""
    starts: dict[int, str] = {}
    found: dict[str, SheetFacts] = {}
    facts = None                             # the sheet whose records these are
    for pos, kind, body in _records(stream):
        if pos in starts:
            facts = found.setdefault(starts[pos], SheetFacts())
        if kind == _BOUNDSHEET and len(body) >= 8:
            offset, count, high = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
            raw = body[8:8 + count * (2 if high else 1)]
            starts[offset] = raw.decode("utf-16-le" if high else "latin-1")
        elif kind == _EOF:
            facts = None
        elif facts is None:
            continue
        elif kind == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
            row, col = struct.unpack_from("<HH", body)          # a cached result that is an error
            facts.errors[f"{column_letters(col + 1)}{row + 1}"] = _ERRORS.get(body[8], "#VALUE!")
        elif kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
            row, col = struct.unpack_from("<HH", body)
            facts.errors[f"{column_letters(col + 1)}{row + 1}"] = _ERRORS.get(body[6], "#VALUE!")
    return found
