"""Render a workbook or document to PNG pages to look at it as a user would.

    python scripts/render.py output/2026Q1/bieu-mau/phong-kinh-te.xlsx --first 1 --last 3 --out /tmp/xem

LibreOffice converts to PDF (cchc_excel.office), then pdftoppm makes one PNG per page.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from cchc_excel.office import OfficeError, convert


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--out", type=Path, default=Path("render"))
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--last", type=int, default=2)
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    try:
        pdf = convert(args.file, "pdf", args.out)
    except OfficeError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not shutil.which("pdftoppm"):
        print(f"PDF: {pdf} (cài poppler-utils để có ảnh PNG)")
        return 0
    prefix = args.out / args.file.stem
    subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(args.first), "-l", str(args.last),
                    str(pdf), str(prefix)], check=True)
    for png in sorted(args.out.glob(f"{args.file.stem}*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
