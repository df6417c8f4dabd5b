"""The message catalogue is the one home of what users read about problems.

Findings are data (code, parameters, where); their severity comes from the
catalogue; text is rendered at the edge. These tests fail when a catalogue
code is never used, when a code is used that the catalogue lacks, or when a
module that finds problems writes Vietnamese text of its own.
"""

import ast
import re
from pathlib import Path

import pytest

import cchc_excel
from cchc_excel.messages import CATALOG, INFOS, WARNINGS, describe, finding, severity_of
from cchc_excel.models import Finding, Severity

PACKAGE = Path(cchc_excel.__file__).parent
SOURCES = {p.name: p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py")}
CODE = re.compile(r"^[A-Z][A-Z0-9_]+$")
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)

# Modules that find problems: everything they say to a user comes from the catalogue.
# (Report prose, workbook labels and the plan's own words live elsewhere and are not messages.)
FINDERS = ("checks.py", "figurerules.py", "merge.py", "answers.py", "assignments.py")


def _literals(source: str, docstrings: bool = True):
    """The string constants of a module (without docstrings when asked)."""
    tree = ast.parse(source)
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                docs.add(id(node.body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (docstrings or id(node) not in docs):
            yield node


def test_every_catalogue_code_is_used_somewhere():
    used = {node.value for name, source in SOURCES.items() if name != "messages.py"
            for node in _literals(source) if CODE.match(node.value)}
    unused = sorted(set(CATALOG) - used)
    assert unused == [], f"catalogue codes no module uses: {unused}"


def test_every_code_a_module_raises_or_finds_is_in_the_catalogue():
    called = re.compile(r"""\b(?:finding|_finding|_problem|CchcError|RawIssue)\(\s*"([A-Z0-9_]+)\"""")
    missing = sorted({code for source in SOURCES.values() for code in called.findall(source)} - set(CATALOG))
    assert missing == []


def test_severities_name_catalogue_codes_and_each_code_has_one():
    assert WARNINGS <= set(CATALOG) and INFOS <= set(CATALOG)
    assert not WARNINGS & INFOS
    assert severity_of("ROW_MISSING") == Severity.ERROR and severity_of("ROW_MISSING_OPTIONAL") == Severity.WARNING
    # The severity is not the caller's to choose.
    with pytest.raises(TypeError):
        finding("ROW_MISSING", Severity.WARNING, item="I.1")


def test_a_finding_is_data_and_its_text_is_rendered_from_the_catalogue():
    made = finding("DATE_IN_FUTURE", item="I.1", file="a.xlsx", sheet="I", cell="I5", date="20/03/2026",
                   today="15/03/2026")
    assert isinstance(made, Finding) and made.severity == Severity.ERROR
    assert dict(made.params) == {"date": "20/03/2026", "today": "15/03/2026"}
    message, fix = describe(made)
    assert message == made.message and fix == made.fix
    assert message.startswith("I.1: ngày hoàn thành 20/03/2026") and "I5" in fix
    with pytest.raises(KeyError):
        finding("NO_SUCH_CODE")


def test_every_catalogue_text_renders_with_status_labels():
    """{status_done} and friends are the enum's labels, never typed out in a message."""
    for code, (message, fix) in CATALOG.items():
        for label in ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa phát sinh", "Đã thực hiện trong kỳ"):
            assert f"«{label}»" not in message + fix, (code, label)


@pytest.mark.parametrize("module", FINDERS)
def test_modules_that_find_problems_write_no_text_of_their_own(module):
    own = [node.value for node in _literals(SOURCES[module], docstrings=False) if VIETNAMESE.search(node.value)]
    assert own == [], f"{module} builds user text outside the catalogue: {own[:3]}"
