"""The command line: thin click commands around :mod:`pipeline`, one error
boundary, Vietnamese help and messages.

Exit codes: 0 done; 1 problems found that need the officer (plan errors,
blocking findings); 2 wrong command usage; 3 an input that cannot be used
(file missing, unreadable, not a plan); 4 an unexpected internal error.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from . import __version__, clitext, pipeline
from .console import (
    check_to_json,
    json_pieces,
    out,
    plan_to_json,
    print_check,
    print_findings,
    products_line,
    progress_reader,
    show_plan,
)
from .deadlines import describe as describe_deadline
from .deadlines import notes as deadline_notes
from .messages import CchcError, phrase, quoted
from .messages import render as render_message
from .models import Severity
from .periods import parse_period
from .planpreview import preview_lines

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report Ctrl-C

clitext.install()
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def err(text: str) -> None:
    click.echo(text, err=True)


def _open(directory: str | None, default_plan: bool) -> tuple[pipeline.Workspace, pipeline.LoadedPlan]:
    """The working folder (found like git finds its repository) and its plan."""
    workspace = pipeline.find_workspace(Path(directory) if directory else None, default_plan)
    given = Path(directory) if directory else Path.cwd()
    if workspace.root.resolve() != given.resolve():
        err(phrase("CLI_WORKSPACE", dir=workspace.root))
    loaded = pipeline.load_plan(workspace)
    if loaded.embedded:
        meta = loaded.plan.meta
        err(phrase("CLI_DEFAULT_PLAN", dir=workspace.root, number=meta.number, date=f"{meta.date:%d/%m/%Y}",
                   issuer=meta.issuer, command=f"cchc-excel init {quoted(workspace.root)}"))
    return workspace, loaded


def _warn(warnings) -> None:
    """Sanity warnings, on stderr (the run goes on; --json output stays clean)."""
    for warning in warnings:
        err(phrase("CLI_WARNING", text=warning))


def dir_option(command):
    """--dir and --default-plan, on every command that works in a working folder."""
    command = click.option(
        "--default-plan", is_flag=True,
        help="Thư mục chưa có sổ kế hoạch thì dùng kế hoạch mặc định đi kèm (kế hoạch mẫu của xã Xuân Trường).",
    )(command)
    return click.option(
        "--dir", "directory", type=click.Path(file_okay=False),
        help="Thư mục làm việc (có sổ kế hoạch ke-hoach-cchc.xlsx); mặc định: thư mục hiện tại "
             "hoặc thư mục làm việc chứa nó.",
    )(command)


def _vietnamese_metavars(params) -> None:
    """Name every value in help in Vietnamese (click would print TEXT, INTEGER, DIRECTORY…)."""
    for param in params:
        if param.metavar is None and not getattr(param, "is_flag", False):
            param.metavar = clitext.METAVARS.get(param.name or "", clitext.VALUE_METAVAR)


class CchcCommand(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", clitext.OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        _vietnamese_metavars(self.params)


class CchcGroup(click.Group):
    """The one error boundary: no traceback ever reaches the user."""

    command_class = CchcCommand
    group_class = type

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", clitext.OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", clitext.COMMAND_METAVAR)
        super().__init__(*args, **kwargs)
        _vietnamese_metavars(self.params)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:     # the bare command: its help, and that is not an error
            click.echo(ctx.get_help())
            ctx.exit(EXIT_OK)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except CchcError as exc:
            err(phrase("CLI_ERROR", text=exc))
            ctx.exit(EXIT_USAGE if exc.usage else EXIT_PROBLEMS if exc.problem else EXIT_INPUT)
        except KeyboardInterrupt:
            err(phrase("CLI_INTERRUPTED_IN_COMMAND"))
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:  # a bug: a message, not a traceback
            if os.environ.get("CCHC_DEBUG"):
                raise
            err(phrase("CLI_INTERNAL_ERROR", name=type(exc).__name__, detail=exc))
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=CchcGroup, context_settings=CONTEXT,
             help="cchc-excel: biểu mẫu Excel và báo cáo cải cách hành chính cấp xã.")
@click.version_option(__version__, "-V", "--version", message="cchc-excel %(version)s")
def cli() -> None:
    pass


# --- init --------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--plan", "plan_file", type=click.Path(dir_okay=False),
              help="Tệp kế hoạch (.docx, .doc, .xlsx, .xls, .txt) để nhập; bỏ trống thì dùng kế hoạch mặc định.")
@click.option("--force", is_flag=True, help="Ghi đè sổ kế hoạch đã có.")
def init(directory: str, plan_file: str | None, force: bool) -> None:
    """Tạo thư mục làm việc: sổ kế hoạch ke-hoach-cchc.xlsx, templates/, input/, output/.

    Ví dụ: cchc-excel init cchc-2026
    """
    workbook = pipeline.init_workspace(pipeline.Workspace(Path(directory)), Path(plan_file) if plan_file else None,
                                       force, on_preview=_print_preview)
    click.echo(phrase("CLI_INIT_MADE", file=workbook))
    click.echo(phrase("CLI_INIT_OPEN"))
    click.echo(phrase("CLI_INIT_NEXT", dir=quoted(directory)))


# --- plan ----------------------------------------------------------------------


@cli.group(context_settings=CONTEXT)
def plan() -> None:
    """Xem, kiểm tra và nhập kế hoạch CCHC."""


@plan.command("show", context_settings=CONTEXT)
@dir_option
@click.option("--json", "as_json", is_flag=True, help="In ra dạng JSON (cho máy đọc).")
def plan_show(directory: str | None, default_plan: bool, as_json: bool) -> None:
    """Hiện bảng nhiệm vụ của kế hoạch.

    Ví dụ: cchc-excel plan show --dir cchc-2026
    """
    _, loaded = _open(directory, default_plan)
    if as_json:
        click.echo(json.dumps(plan_to_json(loaded.plan), ensure_ascii=False, indent=2))
        return
    show_plan(loaded.plan)


@plan.command("check", context_settings=CONTEXT)
@dir_option
def plan_check(directory: str | None, default_plan: bool) -> None:
    """Soát lỗi kế hoạch: năm ghi nhầm, lỗi chính tả, cơ quan không có trong danh sách…

    Thoát với mã 0 khi chỉ có cảnh báo, 1 khi có lỗi phải sửa.

    Ví dụ: cchc-excel plan check --dir cchc-2026
    """
    checked = pipeline.check_plan(_open(directory, default_plan)[1])
    console = out()
    print_findings(checked.findings, console)
    console.print(phrase("CLI_PLAN_CHECKED", errors=checked.count(Severity.ERROR),
                         warnings=checked.count(Severity.WARNING), infos=checked.count(Severity.INFO),
                         items=checked.items))
    if checked.blocking:
        sys.exit(EXIT_PROBLEMS)


@plan.command("import", context_settings=CONTEXT)
@click.argument("plan_file", type=click.Path(dir_okay=False))
@click.option("--dir", "directory", type=click.Path(file_okay=False),
              help="Thư mục làm việc; mặc định: thư mục hiện tại hoặc thư mục làm việc chứa nó.")
@click.option("--preview", is_flag=True, help="Chỉ xem chương trình hiểu kế hoạch thế nào; không ghi gì.")
def plan_import(plan_file: str, directory: str | None, preview: bool) -> None:
    """Nhập kế hoạch từ tệp .docx, .doc, .xlsx, .xls hoặc .txt vào sổ kế hoạch.

    Sổ kế hoạch đã có thì giữ nguyên thiết lập (số, ngày, năm kế hoạch lấy từ tài liệu mới khi tài liệu
    có ghi), danh sách cơ quan và các chỉ tiêu (gắn lại theo tên phần); bản cũ được lưu thành tệp sao lưu.

    Ví dụ: cchc-excel plan import KH-03-2026.docx --dir cchc-2026 --preview
    """
    # No plan workbook yet: importing creates one in the folder given (or the current one).
    workspace = pipeline.find_workspace(Path(directory) if directory else None, default_plan=True)
    result = pipeline.import_plan(workspace, Path(plan_file), preview_only=preview)
    _print_preview(result)
    plan_ = result.plan
    counts = phrase("PLAN_COUNTS", sections=len(plan_.sections), tasks=len(plan_.tasks), items=len(plan_.items),
                    agencies=len(plan_.agencies))
    if preview:
        click.echo(phrase("CLI_IMPORT_PREVIEWED", counts=counts))
        return
    click.echo(phrase("CLI_IMPORT_UPDATED" if result.updated else "CLI_IMPORT_CREATED",
                      file=workspace.plan_workbook, counts=counts))
    if result.backup:
        click.echo(phrase("CLI_IMPORT_BACKUP", file=result.backup))
    if result.problems:
        click.echo(phrase("CLI_IMPORT_ROWS_LEFT", count=len(result.problems)))


def _print_preview(preview) -> None:
    for line in preview_lines(preview):
        click.echo(line)


# --- forms ------------------------------------------------------------------------


def _period(ctx, param, value):
    return parse_period(value) if value is not None else None


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value.strip().replace("-", "/").replace(".", "/"), "%d/%m/%Y").date()
    except ValueError:
        raise click.BadParameter(phrase("CLI_BAD_DATE", text=value)) from None


def _year(ctx, param, value):
    if value is None:
        return None
    if not (value.isdigit() and 2000 <= int(value) <= 2100):
        raise click.BadParameter(phrase("CLI_BAD_YEAR", text=value))
    return int(value)


period_option = click.option(
    "--period", "-p", required=True, callback=_period,
    help="Kỳ báo cáo: 2026Q1 (quý I), 2026S1 (6 tháng), 2026Q3 (quý III), 2026 (năm); "
         "thêm 2026Q2, 2026M9 (9 tháng), 2026Q4.",
)


@cli.command(context_settings=CONTEXT)
@period_option
@click.option("--agency", "-a", "agency_code", help="Chỉ tạo biểu mẫu cho một cơ quan (mã cơ quan).")
@click.option("--deadline", callback=_date, help="Hạn gửi lại biểu mẫu (ngày/tháng/năm); mặc định theo thiết lập.")
@dir_option
def forms(period, agency_code: str | None, deadline, directory: str | None, default_plan: bool) -> None:
    """Tạo biểu mẫu Excel cho từng cơ quan: output/<kỳ>/bieu-mau/<mã cơ quan>.xlsx.

    Biểu mẫu đã có số liệu kỳ trước (trong input/<kỳ trước>/) thì được điền sẵn để cập nhật.

    Ví dụ: cchc-excel forms --period 2026Q1 --dir cchc-2026
    """
    workspace, loaded = _open(directory, default_plan)
    made = pipeline.make_forms(workspace, loaded, period, dt.date.today(), agency_code, deadline)
    from rich.table import Table

    table = Table(title=phrase("TABLE_FORMS", title=period.title), title_justify="left")
    table.add_column(phrase("COLUMN_AGENCY"))
    table.add_column(phrase("COLUMN_PRODUCTS"), justify="right")
    table.add_column(phrase("COLUMN_FILE"), overflow="fold")
    for form in made.forms:
        table.add_row(form.agency.name, str(form.rows), str(form.path))
    console = out()
    console.print(table)
    carried: dict[str, list[str]] = {}
    for form in made.forms:
        if form.carried_from:
            carried.setdefault(form.carried_from.title, []).append(form.agency.name)
    for title, names in carried.items():
        console.print(phrase("CLI_FORMS_CARRIED", agencies=", ".join(names), title=title))
    console.print(phrase("CLI_FORMS_MADE", count=len(made.forms), deadline=describe_deadline(made.deadline),
                         inbox=made.inbox))
    for note in deadline_notes(made.deadline):
        console.print(phrase("CONSOLE_NOTE", text=note))
    _warn(made.warnings)


# --- check ---------------------------------------------------------------------------

today_option = click.option(
    "--today", callback=_date,
    help="Ngày dùng làm «hôm nay» khi kiểm tra (ngày/tháng/năm); mặc định là ngày hiện tại.",
)
def run_check_command(workspace, loaded, period, today, deadline=None) -> pipeline.CheckResult:
    with progress_reader() as progress:
        return pipeline.run_check(workspace, loaded, period, today or dt.date.today(), progress, deadline)


def _echo_json(data: dict) -> None:
    """``data`` as indented JSON, printed a few hundred pieces at a time: the findings
    of a thousand agencies are never held whole as one text."""
    pieces: list[str] = []
    for piece in json_pieces(data):
        pieces.append(piece)
        if len(pieces) >= 512:
            click.echo("".join(pieces), nl=False)
            pieces.clear()
    click.echo("".join(pieces))


@cli.command(context_settings=CONTEXT)
@period_option
@dir_option
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc).")
@today_option
@click.option("--deadline", callback=_date,
              help="Hạn gửi lại biểu mẫu ghi trên bản phản hồi (ngày/tháng/năm); mặc định theo thiết lập.")
def check(period, directory: str | None, default_plan: bool, as_json: bool, today, deadline) -> None:
    """Đọc và kiểm tra các biểu mẫu các cơ quan gửi lại (trong input/<kỳ>/).

    Cho biết cơ quan nào đã nộp, chưa nộp; mọi vấn đề theo tệp, trang, ô; ghi
    output/<kỳ>/kiem-tra-<kỳ>.xlsx và bản phản hồi output/<kỳ>/phan-hoi/<mã cơ quan>.xlsx.

    Mã thoát: 0 đủ điều kiện lập báo cáo; 1 còn lỗi phải sửa (hoặc cơ quan chưa nộp); 3 lỗi đầu vào.

    Ví dụ: cchc-excel check --period 2026Q1 --dir cchc-2026
    """
    workspace, loaded = _open(directory, default_plan)
    result = run_check_command(workspace, loaded, period, today, deadline)
    if as_json:
        _echo_json(check_to_json(result))
    else:
        print_check(result, period, workspace.input_dir(period.id))
    if result.blocking:
        sys.exit(EXIT_PROBLEMS)


# --- compile --------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@period_option
@dir_option
@click.option("--draft", is_flag=True, help="Vẫn lập báo cáo khi còn thiếu số liệu: chỗ thiếu được tô vàng.")
@click.option("--pdf", is_flag=True, help="Tạo thêm bản PDF (cần LibreOffice).")
@click.option("--date", "report_date", callback=_date,
              help="Ngày ghi trên báo cáo (ngày/tháng/năm); bỏ trống để văn thư điền khi ký.")
@today_option
def compile(period, directory: str | None, default_plan: bool, draft: bool, pdf: bool, report_date,  # noqa: A001
            today) -> None:
    """Lập báo cáo CCHC (.docx) và bảng tổng hợp (.xlsx) của kỳ từ các biểu mẫu đã nhận.

    Chạy kiểm tra trước; còn lỗi (cơ quan chưa nộp, thiếu trạng thái…) thì dừng và liệt kê,
    trừ khi dùng --draft. Ghi output/<kỳ>/bao-cao-cchc-<kỳ>.docx và output/<kỳ>/tong-hop-<kỳ>.xlsx.

    Mã thoát: 0 đã lập báo cáo; 1 còn lỗi nên chưa lập (hoặc đã lập bản nháp); 3 lỗi đầu vào hoặc mẫu báo cáo.

    Ví dụ: cchc-excel compile --period 2026Q1 --dir cchc-2026 --pdf
    """
    workspace, loaded = _open(directory, default_plan)
    with progress_reader() as progress:
        result = pipeline.run_compile(workspace, loaded, period, today or dt.date.today(), draft, report_date,
                                      pdf, progress, progress.stage)
    console = out()
    _warn(result.warnings)
    errors = len(result.check.blocking) + len(result.refused_settings)
    if result.blocked:
        if result.check.blocking:
            print_check(result.check, period, workspace.input_dir(period.id))
        print_findings(result.settings)
        console.print(phrase("CLI_REPORT_BLOCKED", count=errors))
        sys.exit(EXIT_PROBLEMS)
    print_findings(result.settings)
    figures = result.figures
    console.print(phrase("CLI_REPORT_MADE", title=period.title, file=result.report))
    console.print(phrase("CLI_SUMMARY_MADE", file=result.summary))
    if result.figures_note:
        console.print(phrase("CLI_FIGURES_NOTE", text=result.figures_note))
    if result.pdf:
        console.print(phrase("CLI_PDF_MADE", file=result.pdf))
    elif pdf:
        message, fix = render_message("PDF_UNAVAILABLE", detail=result.pdf_problem)
        err(phrase("CLI_ERROR", text=phrase("WITH_FIX", message=message, fix=fix)))
    console.print(products_line(figures))
    if errors:
        console.print(phrase("CLI_REPORT_DRAFT", count=errors, file=result.check.findings_path))
        sys.exit(EXIT_PROBLEMS)


# --- export ---------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@period_option
@dir_option
@today_option
def export(period, directory: str | None, default_plan: bool, today) -> None:
    """Xuất dữ liệu của kỳ thành bảng để tỉnh tổng hợp nhiều xã.

    Mỗi dòng một cơ quan × một sản phẩm (trả lời) hoặc một cơ quan × một chỉ tiêu (số liệu).
    Ghi output/<kỳ>/du-lieu-<kỳ>.xlsx (cho người đọc) và hai tệp CSV cho máy
    (UTF-8, dấu phẩy phân cách cột, dấu chấm thập phân, ngày dạng năm-tháng-ngày):
    du-lieu-<kỳ>-tra-loi.csv và du-lieu-<kỳ>-so-lieu.csv.

    Mã thoát: 0 đã xuất; 1 đã xuất nhưng biểu mẫu còn lỗi phải sửa; 3 lỗi đầu vào.

    Ví dụ: cchc-excel export --period 2026Q1 --dir cchc-2026
    """
    workspace, loaded = _open(directory, default_plan)
    with progress_reader() as progress:
        result = pipeline.export_period(workspace, loaded, period, today or dt.date.today(), progress)
    console = out()
    console.print(phrase("CLI_EXPORTED", title=period.title, sent=result.sent, expected=result.expected,
                         answers=result.answers, figures=result.figures))
    console.print(phrase("CLI_EXPORT_WORKBOOK", file=result.workbook))
    console.print(phrase("CLI_EXPORT_CSV", file=result.answers_csv))
    console.print(phrase("CLI_EXPORT_CSV", file=result.figures_csv))
    if result.blocking:
        console.print(phrase("CLI_EXPORT_BLOCKING", count=len(result.blocking)))
        sys.exit(EXIT_PROBLEMS)


# --- templates ------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@click.option("--year", "-y", callback=_year, required=True, help="Năm báo cáo, ví dụ 2026.")
@dir_option
def evidence(year: int, directory: str | None, default_plan: bool) -> None:
    """Lập danh mục tài liệu kiểm chứng của năm từ các biểu mẫu đã nhận của mọi kỳ.

    Ghi output/<năm>/danh-muc-tai-lieu-kiem-chung-<năm>.xlsx và .docx (phụ lục đính kèm hồ sơ tự
    đánh giá Chỉ số CCHC), xếp theo phần và nhiệm vụ của kế hoạch.

    Ví dụ: cchc-excel evidence --year 2026 --dir cchc-2026
    """
    made = pipeline.make_evidence_register(*_open(directory, default_plan), year)
    console = out()
    console.print(phrase("CLI_EVIDENCE_MADE", year=year, entries=made.entries, documents=made.documents,
                         periods=", ".join(made.periods)))
    console.print(phrase("CLI_EVIDENCE_WORKBOOK", file=made.workbook))
    console.print(phrase("CLI_EVIDENCE_ANNEX", file=made.annex))


@cli.group(context_settings=CONTEXT)
def templates() -> None:
    """Mẫu báo cáo Word (templates/)."""


@templates.command("check", context_settings=CONTEXT)
@dir_option
def templates_check(directory: str | None, default_plan: bool) -> None:
    """Kiểm tra các mẫu báo cáo trong templates/ sau khi sửa bằng Word: thẻ hỏng, biến sai tên.

    Ví dụ: cchc-excel templates check --dir cchc-2026
    """
    from .templatecheck import check_templates  # the report's libraries: loaded only by the commands using them

    workspace, loaded = _open(directory, default_plan)
    problems = 0
    console = out()
    for result in check_templates(workspace, loaded):
        if result.problem:
            problems += 1
            console.print(phrase("CLI_TEMPLATE_BAD", problem=result.problem))
        else:
            console.print(phrase("CLI_TEMPLATE_DEFAULT_OK" if result.default else "CLI_TEMPLATE_OWN_OK",
                                 name=result.path.name))
    if problems:
        sys.exit(EXIT_PROBLEMS)


# --- demo --------------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@click.argument("directory", default="cchc-demo", type=click.Path(file_okay=False))
@click.option("--period", "-p", default="2026Q1", show_default=True, callback=_period,
              help="Kỳ báo cáo của bản chạy thử.")
@click.option("--force", is_flag=True, help="Chạy thử lại trong thư mục chạy thử đã có (chỉ thư mục do lệnh demo tạo).")
def demo(directory: str, period, force: bool) -> None:
    """Chạy thử toàn bộ quy trình trên kế hoạch mặc định, trong một lệnh.

    Tạo thư mục làm việc, biểu mẫu cho từng cơ quan, điền thử như cán bộ các cơ quan
    (có cơ quan nộp muộn, có vài lỗi thường gặp), kiểm tra rồi lập báo cáo (bản nháp).
    Chỉ chạy trong thư mục mới hoặc trống: không bao giờ động vào thư mục làm việc thật.

    Ví dụ: cchc-excel demo cchc-demo
    """
    from .demo import LATE_AGENCY, run_demo

    result = run_demo(Path(directory), period, force)
    compiled = result.compiled
    console = out()
    console.print(phrase("DEMO_TITLE", title=period.title, dir=result.workspace.root))
    console.print(phrase("DEMO_PLAN", file=result.workspace.plan_workbook))
    console.print(phrase("DEMO_FORMS", count=len(result.forms), dir=result.forms[0].path.parent))
    late = next(f.agency.name for f in result.forms if f.agency.code == LATE_AGENCY)
    console.print(phrase("DEMO_RETURNED", count=len(result.returned), dir=result.returned[0].parent, late=late))
    print_check(compiled.check, period)
    console.print(phrase("DEMO_REPORT", file=compiled.report))
    console.print(phrase("DEMO_SUMMARY", file=compiled.summary))
    if result.evidence:
        console.print(phrase("DEMO_EVIDENCE", year=period.year, workbook=result.evidence.workbook,
                             annex=result.evidence.annex.name))
    console.print(phrase("DEMO_NEXT"))


# --- entry point -----------------------------------------------------------------


def _utf8_streams() -> None:
    """Vietnamese needs UTF-8: a pipe or file on a Windows machine would
    otherwise get the locale's code page and fail on the first «ệ»."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> None:
    _utf8_streams()
    try:
        code = cli.main(args=argv, prog_name="cchc-excel", standalone_mode=False)
    except click.exceptions.Abort:            # Ctrl-C outside a command (click turns it into Abort)
        err(phrase("CLI_INTERRUPTED"))
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:      # usage errors: click's own message, in Vietnamese
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    # Without standalone mode click returns ctx.exit()'s code instead of exiting with it.
    sys.exit(code if isinstance(code, int) else EXIT_OK)
