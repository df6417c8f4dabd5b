"""Exit codes as the README's table says, and help in Vietnamese throughout.

Seen: a mistyped period exited 3, an unknown agency code 3, Ctrl-C 2, the bare
command 2; help showed TEXT, [required], PLAN_FILE; `templates check` printed
Jinja's English message."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import invoke

from cchc_excel import pipeline

COMMANDS = (("init",), ("plan",), ("plan", "show"), ("plan", "check"), ("plan", "import"), ("forms",), ("check",),
            ("compile",), ("templates",), ("templates", "check"), ("demo",), ("evidence",))


def test_the_bare_command_prints_help_and_exits_0():
    for args in ((), ("plan",), ("templates",)):
        result = invoke(*args)
        assert result.exit_code == 0, args
        assert "Cách dùng:" in result.stdout
    done = subprocess.run([sys.executable, "-m", "cchc_excel"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "Lệnh:" in done.stdout


@pytest.mark.parametrize("args", [
    ("forms", "-p", "2026Q9"),                                        # bad period
    ("forms", "-p", "Q1-2026"),
    ("forms", "-p", "2026Q1", "--agency", "khong-co"),                 # unknown agency code
    ("compile", "-p", "2026Q1", "--date", "31/02/2026"),               # bad date
    ("check", "-p", "2026Q1", "--today", "hôm nay"),
    ("check",),                                                        # missing option
    ("forms", "--khong-co"),                                           # unknown option
    ("evidence", "--year", "20"),
])
def test_usage_errors_exit_2(tmp_path, args):
    result = invoke(*args, "--dir", tmp_path, "--default-plan")
    assert result.exit_code == 2, result.output
    assert "Lỗi:" in result.stderr and "Traceback" not in result.output


def test_a_missing_folder_exits_2(tmp_path):
    assert invoke("check", "-p", "2026Q1", "--dir", tmp_path / "khong-co").exit_code == 2


def test_problems_for_the_officer_exit_1(tmp_path):
    result = invoke("check", "-p", "2026Q1", "--dir", tmp_path, "--default-plan", "--today", "20/03/2026")
    assert result.exit_code == 1                                       # nobody has sent yet


def test_unusable_input_exits_3_with_the_file_named(tmp_path):
    bad = tmp_path / "ke hoach.docx"
    bad.write_bytes(b"not a document")
    result = invoke("init", tmp_path / "w", "--plan", bad)
    assert result.exit_code == 3 and str(bad) in result.stderr


@pytest.mark.parametrize("name, part", [("ke hoach.docx", "word/document.xml"), ("ke-hoach.xlsx", "xl/workbook.xml")])
def test_a_broken_plan_file_is_named_with_a_reason_not_an_exception_name(tmp_path, name, part):
    """Seen: «Không đọc được tệp ke hoach.docx: AttributeError.» — a library's exception name alone."""
    broken = tmp_path / name
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document><body>cut off here")
    result = invoke("plan", "import", broken, "--dir", tmp_path / "w", "--preview")
    assert result.exit_code == 3, result.output
    assert f"Không đọc được tệp {broken}: tệp hỏng hoặc không đúng định dạng (lỗi kỹ thuật: " in result.stderr
    assert not re.search(r": \w+(Error|Exception)\.", result.stderr)


def test_an_output_that_cannot_be_written_exits_3_with_the_file_named(tmp_path, monkeypatch):
    # What Windows does when the officer has the workbook open in Excel: the rename onto it fails.
    import os

    from cchc_excel import files

    real = os.replace

    def locked(src, dst, *args, **kwargs):
        if str(dst).endswith("phong-kinh-te.xlsx"):
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real(src, dst, *args, **kwargs)

    assert invoke("init", tmp_path).exit_code == 0
    monkeypatch.setattr(files.os, "replace", locked)
    result = invoke("forms", "-p", "2026Q1", "--dir", tmp_path)
    assert result.exit_code == 3, result.output
    assert "phong-kinh-te.xlsx" in result.stderr and "Đóng tệp" in result.stderr


def test_ctrl_c_exits_130(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "make_forms", interrupted)
    result = invoke("forms", "-p", "2026Q1", "--dir", tmp_path, "--default-plan")
    assert result.exit_code == 130 and "Ctrl-C" in result.stderr


# How the command starts, as pip's console script and `python -m cchc_excel` start it. -X importtime
# writes a line to stderr as each import finishes: the test waits for the line of the entry module
# (run as __main__ by `-m`, it has none: there, for click, the first library the command loads), so
# that the Ctrl-C lands in the program's loading, not in CPython's own start-up (site, the standard
# streams) or runpy's few lines before the entry module runs, which no program can take over.
_CONSOLE_SCRIPT = "import sys; from cchc_excel.__main__ import main; sys.argv[0] = 'cchc-excel'; sys.exit(main())"
_STARTS = {"console script": (("-c", _CONSOLE_SCRIPT), "cchc_excel.__main__"),
           "python -m": (("-m", "cchc_excel"), "click")}


def _interrupt_while_starting(start: str, delay: float, folder: Path) -> tuple[int, str]:
    """Start `check` on an empty folder, press Ctrl-C `delay` seconds after the entry point is loaded;
    (exit code, stderr without the import-time lines)."""
    import signal
    import time

    launch, loaded = _STARTS[start]
    # As from a terminal: Ctrl-C not ignored (a test run in the background inherits it ignored).
    child = subprocess.Popen([sys.executable, "-X", "importtime", *launch, "check", "-p", "2026Q1",
                              "--default-plan", "--dir", str(folder)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    for line in child.stderr:
        lines.append(line)
        if line.startswith("import time:") and line.rsplit("|", 1)[-1].strip() == loaded:
            break
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    rest = child.stderr.read()
    code = child.wait(timeout=60)
    text = "".join(line for line in [*lines, *rest.splitlines(keepends=True)] if not line.startswith("import time:"))
    return code, text


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is sent to a process group on Windows")
@pytest.mark.parametrize("start", sorted(_STARTS))
@pytest.mark.parametrize("delay", [0.01, 0.03, 0.05, 0.08])     # within loading: `check` starts in about 0.25 s
def test_ctrl_c_while_the_program_loads_exits_130_without_a_traceback(tmp_path, start, delay):
    """Seen: Ctrl-C in the first ~0.3 s (click, rich, openpyxl being imported) printed a traceback."""
    code, stderr = _interrupt_while_starting(start, delay, tmp_path)
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert code == 130, (code, stderr)
    assert "Đã dừng theo yêu cầu (Ctrl-C)" in stderr
    # Stopped while loading, or (the program now starts in about 0.25 s) while the command ran: either
    # way no half-written file is left, only what the command had finished, if anything.
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_the_console_script_goes_through_the_entry_point_and_the_package_loads_nothing():
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'cchc-excel = "cchc_excel.__main__:main"' in pyproject
    # Importing the package (the Python API) neither takes Ctrl-C over nor loads the command.
    probe = ("import signal, sys; before = signal.getsignal(signal.SIGINT); import cchc_excel; "
             "assert signal.getsignal(signal.SIGINT) is before; "
             "assert not {'click', 'rich', 'openpyxl', 'cchc_excel.cli'} & set(sys.modules), sys.modules; "
             "print(cchc_excel.__version__)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert re.match(r"\d+\.\d+", done.stdout)
    # Started with Ctrl-C ignored (`cchc-excel … &` in a script): the entry point keeps it ignored.
    probe = ("import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); import cchc_excel.__main__; "
             "assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_help_is_vietnamese_throughout_metavars_included():
    english = re.compile(r"\b(TEXT|INTEGER|FLOAT|PATH|FILE|DIRECTORY|PLAN_FILE|RANGE|BOOLEAN|required|default|"
                         r"Usage|Options|Commands|Show this)\b|\d+<=x<=\d+")
    for args in ((), *COMMANDS):
        text = invoke(*args, "--help").stdout
        assert "Cách dùng:" in text, args
        text = re.sub(r"--[\w-]+", "", text)                                # option names are not prose
        assert not english.findall(text), (args, english.findall(text))
    forms_help = invoke("forms", "--help").stdout
    assert "--period KỲ" in forms_help and "--agency MÃ_CƠ_QUAN" in forms_help and "[bắt buộc]" in forms_help
    assert "TỆP_KẾ_HOẠCH" in invoke("plan", "import", "--help").stdout


def test_the_readme_exit_code_table_matches():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", readme, re.MULTILINE))
    assert set(table) == {"0", "1", "2", "3", "4", "130"}
    assert "kỳ" in table["2"] and "mã cơ quan" in table["2"] and "thư mục" in table["2"]
    assert "Excel" in table["3"]
    assert "Ctrl-C" in table["130"]


def _template_with(tmp_path, broken: str) -> Path:
    assert invoke("init", tmp_path).exit_code == 0
    template = tmp_path / "templates" / "mau-bao-cao-quy.docx"
    with zipfile.ZipFile(template) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    first = xml.index("{{")
    parts["word/document.xml"] = (xml[:first] + broken + xml[first:]).encode("utf-8")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return template


@pytest.mark.parametrize("broken, vietnamese", [
    ("{% for x in items %}", "chưa được đóng"),
    ("{{ commune | khong_co }}", "không có bộ lọc «khong_co»"),
    ("{{ commune commune }}", "chữ thừa"),
])
def test_templates_check_prints_no_english_jinja_message(tmp_path, broken, vietnamese):
    _template_with(tmp_path, broken)
    result = invoke("templates", "check", "--dir", tmp_path)
    assert result.exit_code == 1, result.output
    assert vietnamese in result.stdout
    for english in ("Unexpected", "Jinja", "expected token", "No filter named", "Encountered", "innermost"):
        assert english not in result.stdout, english


def test_a_period_outside_the_plan_year_is_warned(tmp_path):
    # Seen: `forms --period 2027Q1` on the 2026 plan passed without a word.
    assert invoke("init", tmp_path).exit_code == 0
    result = invoke("forms", "-p", "2027Q1", "--dir", tmp_path)
    assert result.exit_code == 0
    assert "Cảnh báo: Kỳ 2027Q1 (quý I năm 2027) không thuộc năm 2026 của kế hoạch" in result.stderr
    assert "cchc-excel plan import" in result.stderr
    same_year = invoke("forms", "-p", "2026Q1", "--dir", tmp_path)
    assert "Cảnh báo: Kỳ" not in same_year.stderr


def test_a_report_dated_before_the_data_end_is_warned(tmp_path):
    # Seen: `compile --date 05/02/2026` for a Q1 report (data to 14/03) passed without a word.
    assert invoke("init", tmp_path).exit_code == 0
    early = invoke("compile", "-p", "2026Q1", "--dir", tmp_path, "--draft", "--date", "05/02/2026",
                   "--today", "20/03/2026")
    assert early.exit_code == 1                                       # a draft: nobody has sent
    assert ("Cảnh báo: Ngày ghi trên báo cáo 05/02/2026 ở trước ngày chốt số liệu 14/03/2026 của quý I năm 2026"
            in early.stderr)
    on_time = invoke("compile", "-p", "2026Q1", "--dir", tmp_path, "--draft", "--date", "20/03/2026",
                     "--today", "20/03/2026")
    assert "Cảnh báo: Ngày ghi" not in on_time.stderr


def test_progress_shows_once_work_lasts_and_for_the_pdf(monkeypatch):
    import io

    from rich.console import Console

    from cchc_excel import console as console_module
    from cchc_excel.console import ConsoleProgress

    clock = iter([0.0, 0.5, 1.5, 1.6, 1.7])
    monkeypatch.setattr(console_module.time, "monotonic", lambda: next(clock))
    screen = io.StringIO()
    progress = ConsoleProgress(Console(file=screen, force_terminal=True, width=100))
    progress(1, 300)                     # t=0: too early for a bar
    progress(2, 300)                     # t=0.5
    assert progress._bar is None
    progress(150, 300)                   # t=1.5: reading has lasted, a bar appears
    assert progress._bar is not None
    progress.stage("pdf")
    descriptions = [task.description for task in progress._bar.tasks]
    assert descriptions == ["Đang chuyển báo cáo sang PDF (LibreOffice)"]
    progress.close()
    assert "Đang" in screen.getvalue()


def test_no_bar_is_drawn_where_no_one_sees_it(monkeypatch):
    """Output sent to a file or a pipe gets no bar (nor the thread that redraws it)."""
    import io

    from rich.console import Console

    from cchc_excel import console as console_module
    from cchc_excel.console import ConsoleProgress

    clock = iter([0.0, 1.5, 1.6, 1.7])
    monkeypatch.setattr(console_module.time, "monotonic", lambda: next(clock))
    piped = io.StringIO()
    progress = ConsoleProgress(Console(file=piped, width=100))
    progress(1, 300)
    progress(150, 300)                   # reading has lasted, but nobody watches
    progress.stage("pdf")
    assert progress._bar is None
    progress.close()
    assert piped.getvalue() == ""


def test_quick_work_shows_no_bar(monkeypatch):
    from cchc_excel import console as console_module
    from cchc_excel.console import ConsoleProgress

    monkeypatch.setattr(console_module.time, "monotonic", lambda: 0.0)
    progress = ConsoleProgress()
    for read in range(1, 6):
        progress(read, 5)
    assert progress._bar is None


def test_the_installed_command_exits_with_the_same_codes(tmp_path):
    """Through the real entry point (python -m), not only click's test runner."""
    def run(*args):
        return subprocess.run([sys.executable, "-m", "cchc_excel", *map(str, args)], capture_output=True,
                              text=True, check=False).returncode

    assert run() == 0
    assert run("forms", "-p", "2026Q9", "--dir", tmp_path, "--default-plan") == 2
    assert run("forms", "-p", "2026Q1", "--dir", tmp_path / "khong-co") == 2
    assert run("forms", "--khong-co") == 2
    assert run("check", "-p", "2026Q1", "--dir", tmp_path, "--default-plan", "--today", "20/03/2026") == 1
    bad = tmp_path / "kh.docx"
    bad.write_bytes(b"x")
    assert run("init", tmp_path / "w", "--plan", bad) == 3


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is sent to a process group on Windows")
def test_ctrl_c_just_after_the_command_ended_prints_no_traceback(tmp_path):
    """Seen: a press while Python shut down after a finished command printed
    «Exception ignored in: <module 'threading'> … KeyboardInterrupt»."""
    import signal

    probe = ("import os, signal, sys, time; from cchc_excel.__main__ import main; "
             "sys.argv = ['cchc-excel', 'check', '-p', '2026Q1', '--default-plan', '--dir', sys.argv[1]]; "
             "import atexit; atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), time.sleep(0.1))); "
             "main()")
    child = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True,
                           encoding="utf-8", preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert child.returncode in (0, 1), (child.returncode, child.stderr)
    assert "Traceback" not in child.stderr and "KeyboardInterrupt" not in child.stderr, child.stderr
