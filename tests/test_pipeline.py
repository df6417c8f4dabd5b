"""The Python API (pipeline.py): what one command reads."""

import datetime as dt
import shutil
from collections import Counter

from conftest import invoke

from cchc_excel import pipeline
from cchc_excel.periods import parse_period


def test_each_period_is_read_once_per_command(tmp_path, monkeypatch):
    """compile of the annual report needs the earlier reports of the year for
    the previous figures, year-to-date sums and the evidence already cited:
    each earlier period's returns are read once, not once per step."""
    for period in ("2026Q1", "2026S1", "2026Q3", "2026"):
        assert invoke("forms", "-p", period, "--dir", tmp_path, "--default-plan").exit_code == 0
        shutil.copytree(tmp_path / "output" / period / "bieu-mau", tmp_path / "input" / period)
    read = Counter()
    collect = pipeline.collect

    def counting(plan, period_id, *args, **kwargs):
        read[period_id] += 1
        return collect(plan, period_id, *args, **kwargs)

    monkeypatch.setattr(pipeline, "collect", counting)
    workspace = pipeline.Workspace(tmp_path)
    loaded = pipeline.load_plan(workspace)
    result = pipeline.run_compile(workspace, loaded, parse_period("2026"), dt.date(2026, 12, 20), draft=True)
    assert result.report and result.report.exists()
    assert read == {"2026Q1": 1, "2026S1": 1, "2026Q3": 1, "2026": 1}
