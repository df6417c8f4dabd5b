"""All filesystem access: safe opening of user files and atomic writes.

Inputs are never modified. Outputs are written to a temporary file in the same
folder and renamed into place, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from .messages import CchcError

MAX_UNCOMPRESSED = 200 * 1024 * 1024   # a real form is a few hundred KB
MAX_RATIO = 200                        # per member, for members over 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Office Open XML kinds by the part that identifies them.
_OOXML_MAIN = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}
_KIND_NAMES = {"xlsx": "Excel (.xlsx)", "docx": "Word (.docx)"}
_UMASK = os.umask(0)
os.umask(_UMASK)


def read_bytes(path: Path) -> bytes:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise CchcError("FILE_NOT_FOUND", file=path) from None
    except OSError as exc:
        raise CchcError("FILE_UNREADABLE", file=path, detail=exc.strerror or exc) from None
    if not data:
        raise CchcError("FILE_EMPTY", file=path)
    return data


def open_office_zip(path: Path, kind: str) -> bytes:
    """The bytes of an .xlsx/.docx after checks that it is safe to parse.

    Refuses before parsing: empty files, non-zip content, password-protected
    (OLE-wrapped) files, the other OOXML kind, and zip bombs.
    """
    data = read_bytes(path)
    if data.startswith(OLE_MAGIC):
        raise CchcError("FILE_ENCRYPTED", file=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise CchcError("FILE_NOT_ZIP", file=path, kind=_KIND_NAMES[kind]) from None
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
    return data


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB".replace(",", ".")


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write data to path through a temporary file and a rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
        raise CchcError("FILE_WRITE_FAILED", file=path, detail=exc.strerror or exc) from None
    return path


def save_workbook_atomic(workbook, path: Path) -> Path:
    """Save an openpyxl workbook atomically."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_bytes_atomic(path, buffer.getvalue())
