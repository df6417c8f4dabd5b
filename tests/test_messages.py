"""The message catalogue is the one home of what users read about problems.

Findings are data (code, parameters, where); their severity comes from the
catalogue; text is rendered at the edge. These tests fail when a catalogue
code is never used, when a code is used that the catalogue lacks, or when a
module writes Vietnamese text of its own that a user reads as a message
(findings, errors, console lines: issue #10). Every module is held to that
except the catalogues and the named homes of text that is not a message.
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

# The catalogues: where user text lives, by code.
CATALOGUES = {
    "messages.py": "the catalogue of messages: findings, errors, console lines, table titles and headers",
    # click asks for its words by their English text (gettext), not by code: its Vietnamese words
    # (usage, errors, help headings) and the names help gives values are a catalogue of their own.
    "clitext.py": "click's own words and help's value names",
}

# The homes of Vietnamese that is not a message (issue #10: "report prose and workbook labels are not
# messages and keep their own homes"), and the vocabulary the program reads or names things by. These
# may hold Vietnamese; they still raise and print no text of their own (see _error_text below).
HOMES = {
    # report prose: the context of the Word templates
    "report.py": "report prose", "narrative.py": "report prose", "assessment.py": "report prose",
    "outlook.py": "report prose", "statistics.py": "report prose (figures in sentences)",
    # workbook labels: forms, feedback copies, summary, export, registers, the plan workbook
    "forms.py": "form labels", "formspec.py": "form columns and statuses",
    "feedback.py": "feedback copy labels", "carryforward.py": "text prefilled into a form's cells",
    "summary.py": "summary workbook labels", "chart.py": "chart labels", "dataset.py": "export workbook labels",
    "evidencebook.py": "evidence register labels", "indicatorbook.py": "«Chỉ tiêu» sheet labels",
    "planbook.py": "plan workbook labels", "planbook_writer.py": "plan workbook labels",
    # vocabulary: words read in plans and returns, or the names of things
    "agencies.py": "the default agencies' names and how plans spell them",
    "indicators.py": "indicator names and the phrases a plan states them by",
    "evidence.py": "kinds of official documents", "models.py": "status labels", "periods.py": "period titles",
    "timeframe.py": "how plans write time", "vnformat.py": "dates in words", "values.py": "typed status variants",
    "plan_meta.py": "how a plan names itself", "plan_table.py": "plan table labels",
    "planwords.py": "the plan's slips and their corrections",
    "outcomes.py": "outcome labels of the report",
}

# Module-level names, in modules held to the catalogue, whose strings are data rather than messages:
# the plan's own words (column labels, area names a plan is read by), the settings' names, the
# demo's invented answers, letters. Regular expressions, docstrings and command help (help=) are not messages.
VOCABULARY = {
    "textnorm.py": {"_D_BAR"},
    "plan.py": {"COLUMN_LABELS", "_SHORT_NAMES", "DEFAULT_SECTION_TITLE"},
    "planimport.py": {"META_FIELDS", "BACKUP_NAME"},
    "demo.py": {"_RESULTS_DONE", "_RESULTS_PROGRESS", "_EVIDENCE", "_PLAN_EVIDENCE", "_DIFFICULTIES", "_PROPOSALS",
                "_COORDINATION", "_TYPED_DONE", "_TYPED_UNKNOWN"},
}
ENFORCED = sorted(set(SOURCES) - set(CATALOGUES) - set(HOMES))


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions."""
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                docs.add(id(node.body[0].value))
    return docs


def _literals(source: str, docstrings: bool = True):
    """The string constants of a module (without docstrings when asked)."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (docstrings or id(node) not in docs):
            yield node


def _own_text(source: str, vocabulary: set[str] = frozenset()) -> list[str]:
    """The Vietnamese string constants of a module that are neither docstrings, regular
    expressions (arguments of ``re.compile``), command help (``help=``) nor the module's
    named vocabulary."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "compile" and node.args:
            skip.update(id(n) for n in ast.walk(node.args[0]))
        if isinstance(node, ast.keyword) and node.arg == "help":
            skip.update(id(n) for n in ast.walk(node.value))
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
    """A message typed into a module is caught; regexes, help and named vocabulary are not messages."""
    source = 'import re\nWORDS = {"a": "Tên xã"}\n_R = re.compile(r"chi số")\n' \
             'def f():\n    """Đọc."""\n    raise ValueError("Không đọc được tệp")\n'
    assert _own_text(source, {"WORDS"}) == ["Không đọc được tệp"]
    assert _own_text(source) == ["Tên xã", "Không đọc được tệp"]
    # What issue #10 asked to catch: a console line typed into a command.
    command = ('@click.option("--dir", help="Thư mục làm việc")\n'
               'def forms(directory):\n    """Tạo biểu mẫu."""\n'
               '    console.print(f"Đã tạo {n} biểu mẫu")\n    click.echo("Xong: " + str(n) + " tệp đã ghi")\n')
    assert _own_text(command) == ["Đã tạo ", " biểu mẫu", " tệp đã ghi"]


def test_every_module_is_a_catalogue_a_named_home_or_held_to_the_catalogue():
    """A new module is held to the catalogue unless it is named a home here, with its reason."""
    assert set(CATALOGUES) | set(HOMES) <= set(SOURCES), "a listed module no longer exists"
    assert not set(CATALOGUES) & set(HOMES)
    for module in ("cli.py", "console.py", "files.py", "pipeline.py", "demo.py", "__main__.py", "deadlines.py",
                   "planimport.py", "planpreview.py", "textnorm.py", "checks.py", "intake.py"):
        assert module in ENFORCED, module


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


def test_every_catalogue_text_is_nfc_vietnamese():
    """What a user reads is stored composed (NFC), as the returns are compared: a decomposed «ệ» would
    look the same and match nothing. click's words count too."""
    import unicodedata

    from cchc_excel import clitext

    texts = {**PHRASES, **{code: message + fix for code, (message, fix) in CATALOG.items()},
             **clitext._TEXT, **clitext._PLURAL, **clitext.METAVARS,
             "metavars": clitext.OPTIONS_METAVAR + clitext.COMMAND_METAVAR + clitext.VALUE_METAVAR}
    assert [code for code, text in texts.items() if not unicodedata.is_normalized("NFC", text)] == []


def test_every_catalogue_text_renders_with_status_labels():
    """{status_done} and friends are the enum's labels, never typed out in a message."""
    for code, (message, fix) in CATALOG.items():
        for label in ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa phát sinh", "Đã thực hiện trong kỳ"):
            assert f"«{label}»" not in message + fix, (code, label)


@pytest.mark.parametrize("module", ENFORCED)
def test_modules_write_no_user_text_of_their_own(module):
    own = _own_text(SOURCES[module], VOCABULARY.get(module, set()))
    assert own == [], f"{module} builds user text outside the catalogue: {own[:3]}"


# The homes of prose, labels and vocabulary: the problems they raise or the lines they print still
# carry no text of their own — every error and console line comes from the catalogue.
_RAISERS = {"bad", "CchcError", "OfficeError", "finding", "_finding", "_problem", "RawIssue", "err", "BadParameter",
            "print", "echo", "secho", "warn"}


def _error_text(source: str) -> list[str]:
    """Vietnamese constants inside the arguments of the calls that make errors and findings."""
    own = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in _RAISERS:
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                own += [n.value for n in ast.walk(argument) if isinstance(n, ast.Constant)
                        and isinstance(n.value, str) and VIETNAMESE.search(n.value)]
    return own


@pytest.mark.parametrize("module", sorted(HOMES))
def test_homes_of_labels_and_prose_build_no_error_or_console_text(module):
    own = _error_text(SOURCES[module])
    assert own == [], f"{module} builds error text outside the catalogue: {own[:3]}"


def test_the_error_text_check_can_fail():
    source = 'def f(bad):\n    x = ["Mã", "Tên"]\n    raise bad(f"ngày «{x}» không hợp lệ")\n'
    assert _error_text(source) == ["ngày «", "» không hợp lệ"]      # the labels are not errors
    assert _error_text('def g(console):\n    console.print("Đã ghi tệp")\n') == ["Đã ghi tệp"]


# What a command prints is a catalogue phrase (or data: a table, JSON, a path): no line typed in place,
# in any language — an English "Done: 3 files" is caught as well as a Vietnamese one.
_PRINTERS = {"print", "echo", "secho", "err", "add_column", "add_task", "Table"}
_MARKUP = re.compile(r"\[/?[a-z ]*\]")
_PRINT_OPTIONS = {"left", "right", "fold"}      # rich's column options: words, not text


def _printed_text(source: str) -> list[str]:
    """Words in string constants handed to what prints (outside the codes given to ``phrase``)."""
    tree = ast.parse(source)
    codes = {id(n) for node in ast.walk(tree) if isinstance(node, ast.Call)
             and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("phrase", "render")
             for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in _PRINTERS:
            for argument in [*node.args, *(k.value for k in node.keywords if k.arg != "help")]:
                found += [n.value for n in ast.walk(argument) if isinstance(n, ast.Constant) and id(n) not in codes
                          and isinstance(n.value, str) and re.search(r"[^\W\d_]{2,}", _MARKUP.sub("", n.value))]
    return found


@pytest.mark.parametrize("module", ENFORCED)
def test_what_is_printed_comes_from_the_catalogue_in_any_language(module):
    printed = [text for text in _printed_text(SOURCES[module]) if text not in _PRINT_OPTIONS]
    assert printed == [], f"{module} prints text of its own: {printed[:3]}"


def test_the_printed_text_check_can_fail():
    source = ('def f(console, n, t):\n    console.print(f"Done: {n} files")\n    console.print(phrase("CODE", n=n))\n'
              '    click.echo(f"[bold]{t}[/bold]")\n    t.add_column("Tệp", justify="right")\n')
    assert _printed_text(source) == ["Done: ", " files", "Tệp", "right"]
