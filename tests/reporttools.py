"""Helpers for tests of compiled reports (not a test module)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from conftest import invoke
from formtools import consistent_figures, fill, item_rows, section_sheets

from cchc_excel.models import Status
from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()
ITEMS = {i.id: i for i in PLAN.items}


def plausible_answers(agency: str, form: Path, done_every: int = 3) -> dict:
    """Answers a careful officer would give: every third lead item done (with
    date and evidence), conditional items not arisen, others in progress."""
    import openpyxl

    answers = {}
    workbook = openpyxl.load_workbook(form)
    n = 0
    for sheet in section_sheets(workbook):
        for item_id, row in item_rows(sheet):
            item = ITEMS[item_id]
            role = sheet.cell(row, 5).value
            if item.timeframe.kind.value == "conditional":
                answers[item_id] = {"status": Status.NOT_ARISEN.label}
            elif role == "Chủ trì" and n % done_every == 0:
                answers[item_id] = {"status": Status.DONE.label, "completed_on": dt.datetime(2026, 1, 12),
                                    "result": f"Hoàn thành {item.product[:40]}",
                                    "evidence": f"Văn bản số {n + 1}/UBND ngày 12/01/2026"}
            else:
                answers[item_id] = {"status": Status.IN_PROGRESS.label, "result": f"Đang triển khai {item_id}"}
            if role == "Chủ trì":
                n += 1
    return answers


def filled_period(root: Path, period: str, skip=(), tweak=None) -> Path:
    """Forms for the period, filled by every agency (but skip) into input/<period>/."""
    assert invoke("forms", "--default-plan", "-p", period, "--dir", root).exit_code == 0
    forms = root / "output" / period / "bieu-mau"
    for form in sorted(forms.iterdir()):
        if form.stem in skip:
            continue
        answers = plausible_answers(form.stem, form)
        if tweak:
            tweak(form.stem, answers)
        fill(form, root / "input" / period / f"{form.stem} gui lai.xlsx", answers,
             text_keys=("result", "evidence", "difficulties", "proposals"),
             figures=consistent_figures(PLAN, form.stem))
    return root


def document_text(path: Path) -> str:
    document = docx.Document(path)
    parts = [p.text.replace("\u00a0", " ") for p in document.paragraphs]   # no-break spaces read as spaces
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def annex_rows(path: Path) -> dict[str, list[str]]:
    """Item id -> cells of the annex table row."""
    document = docx.Document(path)
    rows = {}
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if cells and cells[0] in ITEMS:
                rows[cells[0]] = cells
    return rows


def statistics_rows(path: Path) -> dict[str, list[str]]:
    """Statistics annex: name -> [unit, this period, year to date, target, verdict]. A report whose
    period is the year to date (quý I, 6 tháng, năm) prints one column of figures: both read from it."""
    table = next(t for t in docx.Document(path).tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    rows = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if len(cells) == 5:
            cells.insert(3, cells[2])
        rows[cells[0]] = cells[1:]
    return rows


def year_behind(root: Path) -> Path:
    """Quý III and the year compiled as drafts from returns where every third product is done and the
    rest in progress, Phòng Kinh tế sending nothing (so the draft's exit code is 1): the folder."""
    for period, today in (("2026Q3", "20/09/2026"), ("2026", "20/12/2026")):
        filled_period(root, period, skip=("phong-kinh-te",))
        result = invoke("compile", "--default-plan", "-p", period, "--dir", root, "--today", today, "--draft")
        assert result.exit_code == 1, result.output          # a draft: the missing return is an error
        assert (root / "output" / period / f"bao-cao-cchc-{period}.docx").exists()
    return root
