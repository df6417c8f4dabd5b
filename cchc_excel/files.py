"""All filesystem access: safe opening of user files and atomic writes.

Inputs are never modified. Outputs are written to a temporary file in the same
folder and renamed into place, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import errno
import io
import os
import zipfile
from pathlib import Path

from .messages import CchcError, phrase
from .zipparts import ZipParts

MAX_UNCOMPRESSED = 200 * 1024 * 1024   # a real form is a few hundred KB
MAX_RATIO = 200                        # per member, for members over 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Office Open XML kinds by the part that identifies them.
_OOXML_MAIN = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml", "ods": "content.xml"}
_KIND_NAMES = {"xlsx": "Excel (.xlsx)", "docx": "Word (.docx)", "ods": "LibreOffice Calc (.ods)"}
# What the system says when a file cannot be opened: the catalogue phrase the officer reads.
_OS_REASONS = {
    errno.EACCES: "OS_NO_ACCESS", errno.EPERM: "OS_NO_ACCESS", errno.EISDIR: "OS_IS_DIRECTORY",
    errno.ENOSPC: "OS_DISK_FULL", errno.EROFS: "OS_READ_ONLY", errno.ENAMETOOLONG: "OS_NAME_TOO_LONG",
    errno.EBUSY: "OS_BUSY",
}
_UMASK = os.umask(0)
os.umask(_UMASK)


def read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise CchcError("FILE_NOT_FOUND", file=path) from None
    except OSError as exc:
        raise CchcError("FILE_UNREADABLE", file=path, detail=os_reason(exc)) from None
    if not data:
        raise CchcError("FILE_EMPTY", file=path)
    return data


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Vietnamese (Windows reports a file open in
    Excel as a permission error)."""
    if getattr(exc, "winerror", None) in (32, 33):
        return phrase("OS_OPEN_ELSEWHERE")
    if exc.errno in _OS_REASONS:
        return phrase(_OS_REASONS[exc.errno])
    return phrase("OS_ERROR_NUMBER", number=exc.errno) if exc.errno else phrase("OS_ERROR")


def broken_detail(exc: BaseException) -> str:
    """Why a library (python-docx, openpyxl, calamine) could not read a file
    whose bytes were read fine, for the officer: the exception's name only in
    parentheses, never alone ("…: AttributeError.")."""
    reason = phrase("READ_NO_MEMORY" if isinstance(exc, MemoryError) else "READ_BROKEN")
    return phrase("READ_TECHNICAL", reason=reason, name=type(exc).__name__)


def open_office_zip(path: Path, kind: str) -> bytes:
    """The bytes of an .xlsx/.docx after checks that it is safe to parse (see office_zip)."""
    data, archive = office_zip(path, kind)
    archive.close()
    return data


def office_zip(path: Path, kind: str, data: bytes | None = None) -> tuple[bytes, ZipParts]:
    """The bytes of an .xlsx/.docx/.ods and its parts (the zip read once),
    after checks that it is safe to parse.

    Refuses before parsing: empty files, non-zip content, password-protected
    (OLE-wrapped) files, the other kind, and zip bombs. ``data``: the file's
    bytes when the caller has read them already.
    """
    if data is None:
        data = read_bytes(path)
    if data.startswith(OLE_MAGIC):
        raise CchcError("FILE_ENCRYPTED", file=path)
    try:
        archive = ZipParts(data)
        infos = archive.infos
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, IndexError, KeyError, NotImplementedError):
        raise CchcError("FILE_NOT_ZIP", file=path, kind=_KIND_NAMES[kind]) from None
    if len({info.filename for info in infos}) != len(infos):
        # Two parts with one name: readers may disagree on which one counts.
        raise CchcError("FILE_NOT_ZIP", file=path, kind=_KIND_NAMES[kind])
    total = sum(info.file_size for info in infos)
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CchcError("FILE_TOO_LARGE", file=path, size=_human(total))
    if total > MAX_UNCOMPRESSED:
        raise CchcError("FILE_TOO_LARGE", file=path, size=_human(total))
    names = {info.filename for info in infos}
    if _OOXML_MAIN[kind] not in names:
        other = next((k for k, part in _OOXML_MAIN.items() if part in names), None)
        if other:
            raise CchcError("FILE_WRONG_KIND", file=path, ext=f".{kind}", actual=_KIND_NAMES[other])
        raise CchcError("FILE_NOT_ZIP", file=path, kind=_KIND_NAMES[kind])
    return data, archive


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB".replace(",", ".")


def _tempfile():
    """tempfile, loaded when something is first written (it loads random and hashlib: a run
    of `check` that finds nothing changed writes nothing)."""
    import tempfile

    return tempfile


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write data to path through a temporary file and a rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _tempfile().mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o666 & ~_UMASK)   # mkstemp makes 0600; give the usual permissions
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CchcError("FILE_WRITE_FAILED", file=path, detail=os_reason(exc)) from None
    return path


def save_workbook_atomic(workbook, path: Path) -> Path:
    """Save an openpyxl workbook atomically."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_bytes_atomic(path, buffer.getvalue())


class Outputs:
    """Every file one command writes, committed together: all or nothing.

    Each file is written to a temporary file beside its target as it comes
    (memory stays flat); :meth:`commit` then makes them all durable at once,
    moves the old files aside, renames the new ones into place and, if any
    step fails (a file open in Excel on Windows, a full disk), puts every old
    file back and raises. So a failed ``compile`` never leaves a new report
    beside an old summary.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []      # (temporary file, target)

    def write(self, path: Path, data: bytes) -> Path:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _tempfile().mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            self._staged.append((Path(tmp), path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o666 & ~_UMASK)
        except OSError as exc:
            self.discard()
            raise CchcError("FILE_WRITE_FAILED", file=path, detail=os_reason(exc)) from None
        return path

    def save(self, workbook, path: Path) -> Path:
        """Stage an openpyxl workbook (or anything with save(file))."""
        buffer = io.BytesIO()
        workbook.save(buffer)
        return self.write(path, buffer.getvalue())

    def discard(self) -> None:
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged = []

    def commit(self) -> list[Path]:
        moved: list[tuple[Path, Path | None]] = []      # (target, its old version set aside)
        current = self._staged[0][1] if self._staged else None
        try:
            _durable([tmp for tmp, _ in self._staged])
            for tmp, target in self._staged:
                current = target
                old = None
                if target.exists():
                    old = target.with_name(f".{target.name}.{os.getpid()}.old")
                    os.replace(target, old)
                moved.append((target, old))
                os.replace(tmp, target)
        except OSError as exc:
            for target, old in reversed(moved):
                try:
                    if old is not None:
                        os.replace(old, target)
                    else:
                        target.unlink(missing_ok=True)
                except OSError:
                    pass
            self.discard()
            raise CchcError("FILE_WRITE_FAILED", file=current, detail=os_reason(exc)) from None
        for _, old in moved:
            if old is not None:
                try:
                    old.unlink()
                except OSError:
                    pass
        targets = [target for _, target in self._staged]
        self._staged = []
        return targets


def _durable(paths: list[Path]) -> None:
    """Every file's data on disk before any rename makes it visible. One
    system-wide flush costs about what a single fsync does, so with more than
    one file (a thousand feedback copies) it replaces one fsync per file;
    where there is none (Windows), each file is flushed."""
    if len(paths) > 1 and hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
