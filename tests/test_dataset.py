"""The tidy tables of a period and `cchc-excel export` (CSV for machines, .xlsx for people)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest
from conftest import invoke
from formtools import consistent_figures, fill
from reporttools import PLAN, plausible_answers

from cchc_excel.assignments import agencies_with_forms, agency_indicators, form_rows
from cchc_excel.dataset import ANSWER_COLUMNS, FIGURE_COLUMNS

PERIOD = "2026Q1"
FORMULA = "=HYPERLINK(\"http://x\") vẫn là chữ"


def _amount_agency() -> str:
    return next(i.agency for i in PLAN.indicators if i.code == "KINH_PHI_CCHC")


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    """Every agency but one returned its form, filled the way an officer does."""
    root = tmp_path_factory.mktemp("export")
    assert invoke("forms", "--default-plan", "-p", PERIOD, "--dir", root).exit_code == 0
    forms = root / "output" / PERIOD / "bieu-mau"
    for form in sorted(forms.iterdir()):
        if form.stem == "buu-dien-xa":
            continue
        answers = plausible_answers(form.stem, form)
        first = next(iter(answers))
        answers[first]["result"] = FORMULA
        figures = consistent_figures(PLAN, form.stem)
        if form.stem == _amount_agency():
            figures["KINH_PHI_CCHC"] = 12.5
        fill(form, root / "input" / PERIOD / f"{form.stem} gửi lại.xlsx", answers,
             text_keys=("result", "evidence", "difficulties", "proposals"), figures=figures)
    return root


def test_export_writes_one_row_per_agency_and_product(returned):
    result = invoke("export", "--default-plan", "-p", PERIOD, "--dir", returned, "--today", "20/03/2026")
    assert result.exit_code == 1, result.output           # written, but one agency has not sent
    assert "Đã xuất dữ liệu quý I năm 2026 (4/5 cơ quan đã nộp)" in result.stdout
    assert "cchc-excel check" in result.stdout
    out = returned / "output" / PERIOD
    raw = (out / f"du-lieu-{PERIOD}-tra-loi.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")            # UTF-8 without a byte-order mark
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == ",".join(c.key for c in ANSWER_COLUMNS)
    table = pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)
    expected = sum(len(form_rows(PLAN, a.code)) for a in agencies_with_forms(PLAN))
    assert len(table) == expected
    assert set(table["period"]) == {PERIOD} and set(table["commune"]) == {"Xuân Trường"}
    missing = table[table["agency"] == "buu-dien-xa"]
    assert len(missing) and set(missing["status"]) == {""} and set(missing["file"]) == {""}
    done = table[table["status"] == "done"]
    assert len(done) and all(d == "2026-01-12" for d in done["completed_on"])   # ISO dates
    assert set(done["status_label"]) == {"Đã hoàn thành"}
    assert set(table["item_standing"]) <= {"due", "done_earlier", "not_due"} and "due" in set(table["item_standing"])
    assert FORMULA in set(table["result"])                # kept exactly as written
    assert (table["file"].str.endswith("gửi lại.xlsx") | (table["file"] == "")).all()


def test_export_figures_use_dot_decimals(returned):
    invoke("export", "--default-plan", "-p", PERIOD, "--dir", returned, "--today", "20/03/2026")
    text = (returned / "output" / PERIOD / f"du-lieu-{PERIOD}-so-lieu.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(c.key for c in FIGURE_COLUMNS)
    table = pd.read_csv(io.StringIO(text))
    expected = sum(len(agency_indicators(PLAN, a.code)) for a in agencies_with_forms(PLAN))
    assert len(table) == expected
    amount = table[table["indicator"] == "KINH_PHI_CCHC"].iloc[0]
    assert amount["value"] == 12.5 and ",12.5," in text.replace('"', "")
    counts = table[(table["indicator"] == "HS_TIEP_NHAN")]
    assert counts["value"].tolist() == [30.0]


def test_export_workbook_is_for_people(returned):
    invoke("export", "--default-plan", "-p", PERIOD, "--dir", returned, "--today", "20/03/2026")
    workbook = openpyxl.load_workbook(returned / "output" / PERIOD / f"du-lieu-{PERIOD}.xlsx")
    assert workbook.sheetnames == ["Trả lời", "Số liệu"]
    answers = workbook["Trả lời"]
    assert [c.value for c in answers[1]] == [c.label for c in ANSWER_COLUMNS]
    cells = [c for row in answers.iter_rows(min_row=2) for c in row]
    formula = [c for c in cells if c.value == FORMULA]
    assert formula and all(c.data_type == "s" for c in formula)       # text, never a formula
    dates = [c.value for c in cells if isinstance(c.value, dt.datetime)]
    assert dates and all(d.date() == dt.date(2026, 1, 12) for d in dates)
    figures = workbook["Số liệu"]
    values = {r[3]: r[8] for r in figures.iter_rows(min_row=2, values_only=True)}
    assert values["KINH_PHI_CCHC"] == 12.5 and values["HS_TIEP_NHAN"] == 30
    assert answers.auto_filter.ref and answers.print_title_rows


def test_check_does_not_import_pandas(returned):
    script = ("import sys\nfrom cchc_excel.cli import main\n"
              f"try:\n    main(['check', '--default-plan', '-p', '{PERIOD}', '--dir', {str(returned)!r},"
              " '--today', '20/03/2026'])\n"
              "except SystemExit:\n    pass\n"
              "sys.stderr.write('PANDAS=' + str('pandas' in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert "PANDAS=False" in done.stderr, done.stderr[-2000:]
