"""The parts of an Office zip (.xlsx, .docx, .ods) read from its bytes in memory.

Returns are small zips read by the thousand. :mod:`zipfile` builds a ZipInfo
per member and a file object per read: about 0.4 ms to read the few parts of
a return, which is half of what python-calamine needs for the whole file.
This reads the central directory once with :mod:`struct` and inflates a part
straight from the bytes, checking its CRC as zipfile does (0.17 ms).

Only the common layout is read this way: one disk, no zip64, no encryption,
the central directory where the end record says. Any other zip (a zip64 one,
a comment that hides the end record…) is read through :mod:`zipfile`, which
knows the rest. Either way a broken part raises what zipfile raises
(``zipfile.BadZipFile``, ``zlib.error``, ``NotImplementedError`` for an
unknown compression), so callers treat both alike.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import NamedTuple

_END = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_END_SIZE = 22
_CENTRAL_SIZE = 46
_LOCAL_SIZE = 30
_UTF8_NAMES = 0x800
_ENCRYPTED = 0x1
_NO_ZIP64 = 0xFFFF_FFFF


class Member(NamedTuple):
    """A part as the central directory describes it (zipfile's names for the sizes)."""

    filename: str
    file_size: int
    compress_size: int
    method: int
    crc: int
    offset: int           # of its local header
    raw_name: bytes = b""     # as the directory spells it, to be found again in the local header


class ZipParts:
    """The members of a zip held in memory, read by name."""

    def __init__(self, data: bytes, only: str | None = None) -> None:
        """``only``: the one part the caller will read (the digest of each of a thousand feedback
        copies): the directory is checked whole as always, but only that part's entry is kept,
        and ``infos`` lists no other."""
        self._data = data
        self._zip: zipfile.ZipFile | None = None
        members = _central_directory(data, only.encode("utf-8") if only else None)
        if members is None:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            members = [Member(i.filename, i.file_size, i.compress_size, i.compress_type, i.CRC, i.header_offset)
                       for i in self._zip.infolist()]
        self.infos: list[Member] = members
        self._by_name = {m.filename: m for m in members}

    def namelist(self) -> list[str]:
        return [m.filename for m in self.infos]

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def read(self, name: str, limit: int | None = None) -> bytes:
        """A part's bytes (KeyError when there is none); with ``limit``, only its first bytes."""
        member = self._by_name[name]
        if self._zip is not None:
            if limit is None:
                return self._zip.read(name)
            with self._zip.open(name) as handle:
                return handle.read(limit)
        raw = self._stored(name, member)
        if member.method == zipfile.ZIP_STORED:
            if len(raw) != member.compress_size:
                raise EOFError(name)
            content = raw
        elif member.method == zipfile.ZIP_DEFLATED:
            inflater = zlib.decompressobj(-15)
            if limit is not None:
                return inflater.decompress(raw, limit)
            content = inflater.decompress(raw, member.file_size + 1)
            # As zipfile: a compressed size that runs past the file's end matters only when the
            # stream is cut short by it (the size and CRC below still decide the rest).
            if not inflater.eof and len(raw) < member.compress_size:
                raise EOFError(name)
        else:
            raise NotImplementedError(f"compression method {member.method}")
        if limit is not None:
            return content[:limit]
        if len(content) != member.file_size or zlib.crc32(content) != member.crc:
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {name!r}")
        return content

    def stored(self, name: str) -> tuple[int, int, bytes] | None:
        """(method, size, the bytes as stored) of a part, not inflated: equal stored bytes make
        equal parts, so what is worked out from a part can be kept by them (KeyError when there
        is no such part; None for a zip read through zipfile)."""
        member = self._by_name[name]
        if self._zip is not None:
            return None
        return member.method, member.file_size, self._stored(name, member)

    def _stored(self, name: str, member: Member) -> bytes:
        data = self._data
        start = member.offset
        if not data.startswith(_LOCAL, start) or len(data) < start + _LOCAL_SIZE:
            raise zipfile.BadZipFile(f"Bad magic number for file header: {name}")
        name_size, extra_size = _LOCAL_NAMES.unpack_from(data, start + 26)
        if data[start + _LOCAL_SIZE:start + _LOCAL_SIZE + name_size] != member.raw_name:
            raise zipfile.BadZipFile(f"File name in directory {name!r} and header differ")   # as zipfile
        start += _LOCAL_SIZE + name_size + extra_size
        return data[start:start + member.compress_size]

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> ZipParts:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _central_directory(data: bytes, only: bytes | None = None) -> list[Member] | None:
    """The members of a plain zip (with ``only``, those of that name); None when the zip is of
    another layout (zipfile reads it)."""
    try:
        return _plain_members(data, only)
    except struct.error:              # cut short: zipfile says how
        return None


_ENTRY = struct.Struct("<4xHH4xIIIHHH8xI")      # a central directory entry after its signature
_LOCAL_NAMES = struct.Struct("<HH")              # a local header's name and extra field lengths
_member = tuple.__new__         # a Member made from its fields at C speed (a return has a score of parts)


def _directory(data: bytes) -> tuple[int, int, int] | None:
    """(entries, where the central directory starts, where the end record starts) of a plain zip."""
    end = data.rfind(_END, max(0, len(data) - _END_SIZE - 0xFFFF))
    if end < 0 or len(data) < end + _END_SIZE:
        return None
    disk, central_disk, _, count, size, offset, comment = struct.unpack_from("<HHHHIIH", data, end + 4)
    if disk or central_disk or end + _END_SIZE + comment != len(data) or offset + size > end or \
            _NO_ZIP64 in (size, offset) or count == 0xFFFF:
        return None
    return count, offset, end


def _plain_members(data: bytes, only: bytes | None = None) -> list[Member] | None:
    found = _directory(data)
    if found is None:
        return None
    count, offset, end = found
    members = []
    pos = offset
    entry = _ENTRY.unpack_from
    for _ in range(count):
        if not data.startswith(_CENTRAL, pos):
            return None
        (flags, method, crc, compressed, size, name_size, extra_size, comment_size,
         local) = entry(data, pos + 4)
        if flags & _ENCRYPTED or _NO_ZIP64 in (compressed, size, local):
            return None
        raw = data[pos + _CENTRAL_SIZE:pos + _CENTRAL_SIZE + name_size]
        if only is None or raw == only:
            name = raw.decode("utf-8" if flags & _UTF8_NAMES else "cp437", "replace")
            members.append(_member(Member, (name, size, compressed, method, crc, local, raw)))
        pos += _CENTRAL_SIZE + name_size + extra_size + comment_size
    return members if pos <= end else None
