"""Report templates as files: an officer's copy in templates/ is used as it is,
unless it is an unedited copy of an older shipped version (init copies the
shipped templates into every new folder): then the report follows the upgrade
and uses the shipped template, and the officer is told.

A template is known by the digest of its parts' content (not of the zip, whose
dates change each time the file is written); the digests of every earlier
shipped version are listed in data/mau-bao-cao-cu.txt, which
scripts/make_templates.py keeps.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

HISTORY = "mau-bao-cao-cu.txt"


def content_digest(path: Path) -> str:
    """sha256 over the names and bytes of the file's zip parts, in name order; "" for a file
    that is not a readable zip."""
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return ""
    return digest.hexdigest()


def earlier_defaults() -> set[str]:
    import importlib.resources  # loaded when asked: `check` never asks

    text = (importlib.resources.files("cchc_excel") / "data" / HISTORY).read_text(encoding="utf-8")
    return {line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")}


def is_earlier_default(path: Path) -> bool:
    """Whether the file is an unedited copy of an earlier shipped template."""
    digest = content_digest(path)
    return bool(digest) and digest in earlier_defaults()
