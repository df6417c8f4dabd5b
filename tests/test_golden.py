"""Golden test: the report context of the seed plan's demo (quý I), as a
readable JSON file (tests/data/golden/report-context-2026Q1.json).

Any change to what the report says shows here as a diff of that file. When the
change is wanted, update the file on purpose and review its diff:

    CCHC_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

import json
import os
from pathlib import Path

from cchc_excel.demo import run_demo
from cchc_excel.periods import parse_period

GOLDEN = Path(__file__).parent / "data" / "golden" / "report-context-2026Q1.json"


def context_json(root: Path) -> str:
    result = run_demo(root / "cchc-demo", parse_period("2026Q1"))
    text = json.dumps(result.compiled.context, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    return text.replace(str(root), "<thư mục>") + "\n"


def test_report_context_of_the_demo_is_the_reviewed_one(tmp_path):
    got = context_json(tmp_path)
    if os.environ.get("CCHC_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert json.loads(got) == json.loads(expected), (
        "The report context changed. If that is intended, run "
        "`CCHC_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review the diff of " + GOLDEN.name)
