"""LibreOffice headless: converting documents (PDF, .xlsx, .ods).

One profile directory per call (parallel runs must not share one), a timeout,
and a check that the output file exists (soffice exits 0 on many failures).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .messages import phrase


class OfficeError(RuntimeError):
    pass


_USUAL_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def find_soffice() -> str | None:
    """soffice on PATH, else where the Windows and macOS installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _USUAL_PLACES if Path(place).exists()), None)


def convert(source: Path, target_ext: str, outdir: Path, timeout: int = 180) -> Path:
    """Convert source with LibreOffice into outdir; returns the new file's path.

    target_ext: "pdf", "xlsx", "ods", "docx"…
    """
    import subprocess  # loaded by the one command that converts (compile --pdf)
    import tempfile

    soffice = find_soffice()
    if soffice is None:
        raise OfficeError(phrase("OFFICE_MISSING"))
    outdir.mkdir(parents=True, exist_ok=True)
    name = f"{source.stem}.{target_ext.split(':')[0]}"
    # Convert into a scratch folder, then move into place: never half a file in outdir.
    with tempfile.TemporaryDirectory(prefix="cchc-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix=".cchc-out-", dir=outdir) as scratch:
        command = [
            soffice, "--headless", "--norestore", "--nologo", "--nolockcheck",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to", target_ext, "--outdir", scratch, str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise OfficeError(phrase("OFFICE_TIMEOUT", seconds=timeout, file=source.name)) from None
        made = Path(scratch) / name
        if not made.exists():
            raise OfficeError(phrase("OFFICE_NO_OUTPUT", name=name, file=source.name))
        return Path(os.replace(made, outdir / name) or outdir / name)
