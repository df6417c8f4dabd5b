"""Fill workbooks through LibreOffice's own API (UNO), as a person typing would.

Run with the system Python that has python3-uno (/usr/bin/python3), not the
project's venv:

    /usr/bin/python3 tests/lo_fill.py spec.json

spec.json: [{"input": "a.xlsx", "output": "b.ods", "filter": "calc8",
             "cells": [{"sheet": "VI. Tài chính công", "cell": "H5", "text": "Đã hoàn thành"},
                       {"sheet": "…", "cell": "I5", "date": "2026-03-10"},
                       {"sheet": "Số liệu", "cell": "G5", "number": 1234},
                       {"sheet": "…", "cell": "J6", "formula": "=1/0"}, {"sheet": "…", "merge": "H5:H6"}]}]
Filters: "Calc MS Excel 2007 XML" (.xlsx), "calc8" (.ods), "MS Excel 97" (.xls).
"""

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe_name, process, timeout=60):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.time() > deadline or process.poll() is not None:
                raise
            time.sleep(0.5)


def main(spec_path):
    jobs = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    pipe_name = f"cchc_test_{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="cchc-uno-") as profile:
        process = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nolockcheck",
             f"-env:UserInstallation={Path(profile).as_uri()}",
             f"--accept=pipe,name={pipe_name};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            desktop = connect(pipe_name, process)
            for job in jobs:
                url = uno.systemPathToFileUrl(str(Path(job["input"]).resolve()))
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                sheets = doc.getSheets()
                for entry in job["cells"]:
                    if "merge" in entry:                 # {"sheet": …, "merge": "H5:H6"}
                        sheet = sheets.getByName(entry["sheet"])
                        sheet.unprotect("")
                        sheet.getCellRangeByName(entry["merge"]).merge(True)
                        continue
                    cell = sheets.getByName(entry["sheet"]).getCellRangeByName(entry["cell"])
                    if "formula" in entry:               # {"sheet": …, "cell": "H5", "formula": "=1/0"}
                        cell.setFormula(entry["formula"])
                    elif "number" in entry:
                        cell.setValue(float(entry["number"]))
                    elif "date" in entry:
                        day = dt.date.fromisoformat(entry["date"])
                        cell.setValue((day - dt.date(1899, 12, 30)).days)
                    else:
                        cell.setString(entry["text"])
                out = uno.systemPathToFileUrl(str(Path(job["output"]).resolve()))
                doc.storeToURL(out, (prop("FilterName", job["filter"]),))
                doc.close(True)
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main(sys.argv[1])
