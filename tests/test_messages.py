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
from cchc_excel.messages import CATALOG, INFOS, PHRASES, WARNINGS, describe, finding, phrase, severity_of
from cchc_excel.models import Finding, Severity

PACKAGE = Path(cchc_excel.__file__).parent
SOURCES = {p.name: p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py")}
CODE = re.compile(r"^[A-Z][A-Z0-9_]+$")
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)

# Modules that find problems or tell of them: everything they say to a user comes from the catalogue.
# (Report prose, workbook labels and the plan's own words live elsewhere and are not messages.)
FINDERS = ("checks.py", "figurerules.py", "merge.py", "answers.py", "assignments.py", "office.py",
           "intake.py", "docx_render.py", "plan.py", "lint.py", "planpreview.py")

# Module-level names whose strings are the plan's own words (column labels, area names a plan
# is read by), not messages; regular expressions are not messages either.
VOCABULARY = {"plan.py": {"COLUMN_LABELS", "_SHORT_NAMES", "DEFAULT_SECTION_TITLE"}}


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


def _own_text(source: str, vocabulary: set[str] = frozenset()) -> list[str]:
    """The Vietnamese string constants of a module that are neither docstrings, regular
    expressions (arguments of ``re.compile``) nor the module's named vocabulary."""
    tree = ast.parse(source)
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                skip.add(id(node.body[0].value))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "compile" and node.args:
            skip.update(id(n) for n in ast.walk(node.args[0]))
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id in vocabulary for t in targets):
            skip.update(id(n) for n in ast.walk(statement.value))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and VIETNAMESE.search(node.value)]


def test_every_catalogue_code_is_used_somewhere():
    used = {node.value for name, source in SOURCES.items() if name != "messages.py"
            for node in _literals(source) if CODE.match(node.value)}
    unused = sorted((set(CATALOG) | set(PHRASES)) - used)
    assert unused == [], f"catalogue codes no module uses: {unused}"


def test_every_code_a_module_raises_or_finds_is_in_the_catalogue():
    called = re.compile(r"""\b(?:finding|_finding|_problem|CchcError|RawIssue)\(\s*"([A-Z0-9_]+)\"""")
    missing = sorted({code for source in SOURCES.values() for code in called.findall(source)} - set(CATALOG))
    assert missing == []
    phrased = re.compile(r"""\bphrase\(\s*"([A-Z0-9_]+)\"""")
    missing = sorted({code for source in SOURCES.values() for code in phrased.findall(source)} - set(PHRASES))
    assert missing == []
    assert not set(CATALOG) & set(PHRASES), "a code names one text"


def test_a_phrase_is_rendered_from_the_catalogue_with_its_fields():
    assert phrase("READ_TECHNICAL", reason=phrase("READ_ZIP_BROKEN"), name="BadZipFile") == (
        "dữ liệu nén bên trong tệp bị hỏng (lỗi kỹ thuật: BadZipFile)")
    with pytest.raises(KeyError):
        phrase("NO_SUCH_PHRASE")


def test_the_inline_text_check_can_fail():
    """A message typed into a module is caught; regexes and named vocabulary are not messages."""
    source = 'import re\nWORDS = {"a": "Tên xã"}\n_R = re.compile(r"chi số")\n' \
             'def f():\n    """Đọc."""\n    raise ValueError("Không đọc được tệp")\n'
    assert _own_text(source, {"WORDS"}) == ["Không đọc được tệp"]
    assert _own_text(source) == ["Tên xã", "Không đọc được tệp"]


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
    own = _own_text(SOURCES[module], VOCABULARY.get(module, set()))
    assert own == [], f"{module} builds user text outside the catalogue: {own[:3]}"


# Modules whose text is mostly workbook labels or command help (their own homes): the problems they
# raise or print on stderr still carry no text of their own — every error line comes from the catalogue.
LABEL_MODULES = ("planbook.py", "cli.py")
_RAISERS = {"bad", "CchcError", "OfficeError", "finding", "_finding", "_problem", "RawIssue", "err", "BadParameter"}


def _error_text(source: str) -> list[str]:
    """Vietnamese constants inside the arguments of the calls that make errors and findings."""
    own = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in _RAISERS:
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                own += [n.value for n in ast.walk(argument) if isinstance(n, ast.Constant)
                        and isinstance(n.value, str) and VIETNAMESE.search(n.value)]
    return own


@pytest.mark.parametrize("module", LABEL_MODULES)
def test_modules_of_workbook_labels_build_no_error_text(module):
    own = _error_text(SOURCES[module])
    assert own == [], f"{module} builds error text outside the catalogue: {own[:3]}"


def test_the_error_text_check_can_fail():
    source = 'def f(bad):\n    x = ["Mã", "Tên"]\n    raise bad(f"ngày «{x}» không hợp lệ")\n'
    assert _error_text(source) == ["ngày «", "» không hợp lệ"]      # the labels are not errors
