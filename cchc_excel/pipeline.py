"""The Python API: one function per use case, shared by the CLI and library
users. The CLI parses arguments, calls one of these and prints its result;
only this module joins the readers and writers (intake, forms, feedback,
docx) to the pure steps.

    loaded = load_plan(Workspace(path))          # the plan workbook, or the embedded plan
    check_plan(loaded)                           # plan check: findings on the plan
    make_forms(workspace, loaded, period, today) # forms: one workbook per agency
    run_check(workspace, loaded, period, today)  # check: read, check, feedback copies
    run_compile(workspace, loaded, period, today, draft=True)   # compile: report + summary
    export_period(workspace, loaded, period, today)             # export: the tidy tables (xlsx + CSV)
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import planbook, planimport
from .agencies import Registry
from .answers import Intake
from .assignments import agencies_with_forms, form_rows
from .carryforward import carry_forward
from .checks import check_period
from .deadlines import Deadline, return_deadline
from .evidence import Cited, Entry, cited, evidence_findings, register
from .feedback import (
    AgencyState,
    CopyDigests,
    agency_states,
    copy_digest,
    feedback_form,
    findings_digest,
    findings_workbook,
)
from .files import Outputs, os_reason
from .forms import Prefill, build_form
from .indicators import default_indicators, in_locality, previous_scheduled, schedule_periods
from .intake import find_returns
from .lint import (
    deadlines_before_plan,
    lint_agency_locality,
    lint_locality,
    lint_plan,
    lint_settings,
    report_settings,
)
from .merge import collect
from .messages import CchcError, finding, phrase, quoted
from .messages import render as render_message
from .models import Agency, Finding, Period, Plan, Settings, Severity
from .office import OfficeError, convert
from .outcomes import Figures, figures, outcomes
from .periods import earlier_periods, parse_period
from .plan import load_plan_file
from .planimport import ImportPreview
from .templatefiles import is_earlier_default

EMBEDDED_PLAN = "ke-hoach-mac-dinh.txt"


@dataclass(frozen=True)
class Workspace:
    """The officer's working folder and where each file lives in it."""

    root: Path

    @property
    def plan_workbook(self) -> Path:
        return self.root / planbook.FILENAME

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def input_dir(self, period_id: str) -> Path:
        return self.root / "input" / period_id

    def output_dir(self, period_id: str) -> Path:
        return self.root / "output" / period_id


@dataclass(frozen=True)
class LoadedPlan:
    """The plan as every output speaks it (``plan``) and as its workbook writes it (``written``:
    what `plan check` names, cell by cell)."""

    plan: Plan
    settings: Settings
    source: Path
    embedded: bool   # True when the working folder has no plan workbook
    written: Plan | None = None   # None: the same as ``plan``

    @property
    def as_written(self) -> Plan:
        return self.written or self.plan


def shipped(name: str = ""):
    """A file the package ships in its data folder (the folder itself without a name).
    importlib.resources is loaded here, when first needed: `check` never needs it."""
    import importlib.resources

    folder = importlib.resources.files("cchc_excel") / "data"
    return folder / name if name else folder


def embedded_plan_path():
    return shipped(EMBEDDED_PLAN)


def load_embedded_plan() -> Plan:
    import importlib.resources

    with importlib.resources.as_file(embedded_plan_path()) as path:
        plan = load_plan_file(path)
    return replace(plan, source=phrase("PLAN_SOURCE_EMBEDDED", file=EMBEDDED_PLAN),
                   indicators=default_indicators(plan))


def find_workspace(directory: Path | None = None, default_plan: bool = False) -> Workspace:
    """The working folder, found the way git finds its repository: the folder
    given (default: the current one) or the nearest folder above it that holds
    a plan workbook — so a command run from inside input/2026Q1/ works on the
    working folder and writes to its output/, never into input/.

    Without a plan workbook the folder is refused (a usage error naming the
    command that creates one) unless ``default_plan`` asks for the embedded
    plan; a missing folder is refused the same way, never created.
    """
    start = Path(directory) if directory is not None else Path.cwd()
    absolute = start.resolve()
    found = next((f for f in (absolute, *absolute.parents) if (f / planbook.FILENAME).is_file()), None)
    root = (start if found == absolute else found) if found else start
    for folder in root.resolve().parents:
        if folder.name == "input" and (folder.parent / planbook.FILENAME).is_file():
            raise CchcError("WORKSPACE_IN_INPUT", dir=root, workspace=folder.parent,
                            command=f"--dir {quoted(folder.parent)}")
    if found or default_plan:
        return Workspace(root)
    code = "WORKSPACE_NOT_FOUND" if absolute.is_dir() else "WORKSPACE_MISSING"
    raise CchcError(code, dir=start, file=planbook.FILENAME, command=f"cchc-excel init {quoted(start)}")


def load_plan(workspace: Workspace) -> LoadedPlan:
    """The plan workbook of the folder, or the embedded plan when there is none."""
    if workspace.plan_workbook.exists():
        plan, settings = planbook.read_workbook(workspace.plan_workbook)
        return LoadedPlan(_spoken(plan, settings), settings, workspace.plan_workbook, embedded=False, written=plan)
    plan = load_embedded_plan()
    return LoadedPlan(plan, planbook.default_settings(plan.meta), Path(plan.source), embedded=True)


def _spoken(plan: Plan, settings: Settings) -> Plan:
    """The plan with the program's own indicator names in the locality's words (a ward's workbook
    made when its issuer was a «xã» gets «… của phường» on its forms, feedback copies, exported
    tables and summary, as in its report): said once per run, not per cell written. Names the
    officer wrote are kept as written (indicators.in_locality); a commune's plan is the same object."""
    indicators = in_locality(plan.indicators, settings.locality)
    return plan if indicators == plan.indicators else replace(plan, indicators=indicators)


def init_workspace(workspace: Workspace, plan_file: Path | None = None, overwrite: bool = False,
                   on_preview: Callable[[ImportPreview], None] | None = None) -> Path:
    """Create the folder layout and the plan workbook (from plan_file or the
    embedded plan). Returns the workbook path; ``on_preview`` receives what
    was understood of plan_file."""
    if workspace.plan_workbook.exists() and not overwrite:
        raise CchcError("DIR_NOT_EMPTY", dir=workspace.root, file=planbook.FILENAME)
    for folder in workspace.root.resolve().parents:
        if (folder / planbook.FILENAME).is_file():
            raise CchcError("WORKSPACE_NESTED", dir=workspace.root, workspace=folder)
    preview = planimport.prepare(Path(plan_file), None) if plan_file else None
    for folder in (workspace.root / "input", workspace.root / "output", workspace.templates):
        folder.mkdir(parents=True, exist_ok=True)
    copy_default_templates(workspace.templates)
    if preview is not None:
        planimport.write(preview, workspace.plan_workbook)
        if on_preview:
            on_preview(preview)
        return workspace.plan_workbook
    plan = load_embedded_plan()
    return planbook.write_workbook(plan, planbook.default_settings(plan.meta), workspace.plan_workbook)


def copy_default_templates(target: Path) -> list[Path]:
    """Copy the shipped report templates that the folder does not have yet."""
    import importlib.resources

    source = shipped()
    copied = []
    for entry in source.iterdir():
        if entry.name.endswith(".docx") and not (target / entry.name).exists():
            with importlib.resources.as_file(entry) as path:
                shutil.copyfile(path, target / entry.name)
            copied.append(target / entry.name)
    return copied


def import_plan(workspace: Workspace, plan_file: Path, preview_only: bool = False) -> ImportPreview:
    """Write or update the plan workbook from a plan document (.docx, .doc,
    .xlsx, .xls, .txt), keeping the officer's settings and agencies and
    reconciling the «Chỉ tiêu» sheet (see :mod:`planimport`). With
    ``preview_only`` nothing is written."""
    preview = planimport.prepare(Path(plan_file), workspace.plan_workbook)
    if not preview_only:
        planimport.write(preview, workspace.plan_workbook)
    return preview


@dataclass(frozen=True)
class PlanCheck:
    """What `plan check` found in the plan."""

    findings: list[Finding]
    items: int

    def count(self, severity: Severity) -> int:
        return sum(f.severity == severity for f in self.findings)

    @property
    def blocking(self) -> bool:
        return any(f.blocking for f in self.findings)


def check_plan(loaded: LoadedPlan) -> PlanCheck:
    """Lint the plan: wrong years, misspellings, unknown agencies…"""
    plan = loaded.as_written
    found = lint_settings(plan, loaded.settings) + lint_plan(plan) + _locality(loaded)
    if not loaded.embedded:
        found += lint_agency_locality(plan, loaded.settings, str(loaded.source),
                                      lambda: planbook.agency_cells(loaded.source))
    return PlanCheck(found, len(plan.items))


def _locality(loaded: LoadedPlan, as_written_only: bool = False) -> list[Finding]:
    """The workbook's texts said for another locality than the issuer's (lint.lint_locality)."""
    if loaded.embedded:
        return []
    return lint_locality(loaded.as_written, loaded.settings, str(loaded.source),
                         lambda: (planbook.setting_cells(loaded.source), planbook.indicator_cells(loaded.source)),
                         as_written_only)


# --- forms ---------------------------------------------------------------------


@dataclass(frozen=True)
class WrittenForm:
    agency: Agency
    path: Path
    rows: int
    carried_from: Period | None


@dataclass(frozen=True)
class MadeForms:
    forms: list[WrittenForm]
    deadline: Deadline    # the day agencies send them back, and how it was reached
    inbox: Path           # where the officer puts the returned files
    warnings: tuple[str, ...] = ()   # sanity warnings (a period outside the plan year), rendered


def make_forms(
    workspace: Workspace,
    loaded: LoadedPlan,
    period: Period,
    today: dt.date,
    agency_code: str | None = None,
    deadline: dt.date | None = None,
) -> MadeForms:
    """Write one workbook per agency to output/<period>/bieu-mau/<code>.xlsx,
    pre-filled from the newest earlier period of the year that was returned."""
    plan = loaded.plan
    _refuse_unassigned(plan, workspace)
    agencies = agencies_with_forms(plan)
    if agency_code:
        agency_code = Registry(plan.agencies).lookup(agency_code) or agency_code   # old long codes too
        agencies = [a for a in agencies if a.code == agency_code]
        if not agencies:
            codes = ", ".join(a.code for a in agencies_with_forms(plan))
            raise CchcError("AGENCY_UNKNOWN_CODE", agency=agency_code, codes=codes)
    folder = workspace.output_dir(period.id) / "bieu-mau"
    # Earlier returns of the year, read once: newest period first.
    earlier = [(p, previous_intake(workspace, plan, p)) for p in earlier_periods(period)]
    earlier = [(p, intake) for p, intake in earlier if intake is not None]
    before = previous_scheduled(period, loaded.settings.schedule)
    previous = next((intake for p, intake in earlier if before and p.id == before.id), None)
    due = return_deadline(period, loaded.settings, deadline)
    written = []
    staged = Outputs()
    last_figures = defaultdict(dict)
    for f in previous.figures if previous else ():
        if f.value is not None:
            last_figures[f.agency][f.code] = f.value
    try:
        for agency in agencies:
            carried, source = carry_forward(earlier, agency.code)
            prefill = Prefill(values=carried, source=source, previous_figures=last_figures[agency.code],
                              previous_title=before.title if previous else "")
            path = staged.write(folder / f"{agency.code}.xlsx",
                                build_form(plan, loaded.settings, period, agency, today, due, prefill))
            written.append(WrittenForm(agency, path, len(form_rows(plan, agency.code)), source))
        staged.commit()            # every form or none
    finally:
        staged.discard()
    return MadeForms(written, due, workspace.input_dir(period.id), sanity_warnings(workspace, loaded, period))


def sanity_warnings(workspace: Workspace, loaded: LoadedPlan, period: Period,
                    report_date: dt.date | None = None) -> tuple[str, ...]:
    """What is allowed but most likely a slip: a period outside the plan's
    year, a report dated before the period's data are in. Rendered text
    (message → fix), for the CLI to show; the run goes on."""
    found = []
    year = loaded.plan.meta.year
    if year and period.year != year:
        found.append(render_message("PERIOD_OUTSIDE_PLAN_YEAR", period=period.id, title=period.title, year=year,
                                    example=f"{year}Q1", dir=quoted(workspace.root)))
    if report_date and report_date < period.end:
        found.append(render_message("REPORT_DATE_BEFORE_DATA_END", date=f"{report_date:%d/%m/%Y}",
                                    end=f"{period.end:%d/%m/%Y}", title=period.title))
    own = workspace.templates / TEMPLATE_BY_KIND[period.kind]
    if own.exists() and is_earlier_default(own):
        found.append(render_message("TEMPLATE_EARLIER_DEFAULT", file=quoted(own),
                                    default=quoted(template_for(workspace, period)[0])))
    return tuple(phrase("WARNING_WITH_FIX", message=message, fix=fix) for message, fix in found)


def _refuse_unassigned(plan: Plan, workspace: Workspace) -> None:
    """No product may silently fall out of every form: one whose lead agency is
    not in the agency list (or not written) would never be reported."""
    orphans = [item for item in plan.items if not item.lead]
    if orphans:
        listed = "; ".join(phrase("UNASSIGNED_ITEM", item=item.id, lead=", ".join(f"«{n}»" for n in item.unknown_names)
                                  or phrase("UNASSIGNED_NO_LEAD")) for item in orphans)
        raise CchcError("PLAN_ITEMS_UNASSIGNED", count=len(orphans), items=listed,
                        command=f"cchc-excel plan check --dir {quoted(workspace.root)}")


# --- check -------------------------------------------------------------------------


class Returns:
    """Each earlier period's returns read once per command: one use case
    (check, compile…) makes one and every step that needs a period's
    returns asks it, so a period is never read twice in a run."""

    def __init__(self, workspace: Workspace, plan: Plan) -> None:
        self.workspace, self.plan = workspace, plan
        self._read: dict[str, Intake | None] = {}
        self.reads = 0            # periods actually read (for tests)

    def of(self, period: Period) -> Intake | None:
        """The period's returns as ``check`` reads them, or None when there are none."""
        if period.id not in self._read:
            files = find_returns(self.workspace.input_dir(period.id))
            self._read[period.id] = collect(self.plan, period.id, files) if files else None
            self.reads += 1
        return self._read[period.id]


def previous_intake(workspace: Workspace, plan: Plan, period: Period,
                    returns: Returns | None = None) -> Intake | None:
    """The returns of an earlier period (for carried answers and figures), or None."""
    return (returns or Returns(workspace, plan)).of(period)


@dataclass(frozen=True)
class CheckResult:
    intake: Intake
    findings: list[Finding]
    states: list[AgencyState]
    findings_path: Path
    feedback: list[Path]
    deadline: Deadline | None = None   # the agencies' return date the feedback copies repeat
    products: Figures | None = None    # the period's counts of products, as the report will count them

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]


Progress = Callable[[int, int], None]   # (files read, files in all), after each file


def _counting(progress: Progress | None, total: int) -> Callable[[Path], None] | None:
    if progress is None:
        return None
    read = 0

    def step(path: Path) -> None:
        nonlocal read
        read += 1
        progress(read, total)

    return step


def _read_and_check(workspace: Workspace, loaded: LoadedPlan, period: Period, today: dt.date,
                    progress: Progress | None, returns: Returns | None = None) -> tuple[Intake, list[Finding]]:
    """The period's returns, read, and the findings on them (nothing written)."""
    plan = loaded.plan
    returns = returns or Returns(workspace, plan)
    files = find_returns(workspace.input_dir(period.id))
    intake = collect(plan, period.id, files, _counting(progress, len(files)))
    before = previous_scheduled(period, loaded.settings.schedule)
    previous = returns.of(before) if before else None
    findings = check_period(plan, period, intake, today, loaded.settings, previous, before)
    findings += evidence_findings(plan, intake.answers, period.year, today,
                                  _cited_earlier(loaded, year_intakes(workspace, loaded, period, returns)),
                                  (period.start, period.end))
    return intake, findings


def run_check(workspace: Workspace, loaded: LoadedPlan, period: Period, today: dt.date,
              progress: Progress | None = None, deadline: dt.date | None = None,
              outputs: Outputs | None = None, returns: Returns | None = None) -> CheckResult:
    """Read every return of the period, check it, and write the findings
    workbook and the agencies' feedback copies. ``deadline`` overrides the
    return date for this run. With ``outputs`` the files are only staged there
    (the caller commits them with its own); otherwise they are committed here."""
    plan = loaded.plan
    returns = returns or Returns(workspace, plan)
    due = return_deadline(period, loaded.settings, deadline)
    intake, findings = _read_and_check(workspace, loaded, period, today, progress, returns)
    states = agency_states(plan, intake, findings)
    out = workspace.output_dir(period.id)
    staged = outputs if outputs is not None else Outputs()
    try:
        written, findings = _feedback_copies(loaded, period, today, due, intake, findings, states,
                                             out / "phan-hoi", staged)
        findings_path = out / f"kiem-tra-{period.id}.xlsx"
        digest = findings_digest(plan, period, states, findings)
        if copy_digest(findings_path) != digest:       # nothing changed since the last check: kept as it is
            staged.write(findings_path, findings_workbook(plan, period, states, findings, digest))
        if outputs is None:
            staged.commit()
    finally:
        if outputs is None:
            staged.discard()
    return CheckResult(intake, findings, states, findings_path, written, due, figures(outcomes(plan, period, intake)))



def _feedback_copies(loaded: LoadedPlan, period: Period, today: dt.date, due: Deadline, intake: Intake,
                     findings: list[Finding], states: list[AgencyState], folder: Path,
                     staged: Outputs) -> tuple[list[Path], list[Finding]]:
    """Stage the feedback copy of each agency that has something to fix; a copy
    whose agency's answers and findings did not change since the last run is
    kept as it is (the copy carries the digest of what it was made from). An earlier run's
    copy that is no longer needed is deleted; if that fails, it is a finding."""
    answers, figures, mine = defaultdict(list), defaultdict(list), defaultdict(list)
    for answer in intake.answers:
        answers[answer.agency].append(answer)
    for figure in intake.figures:
        figures[figure.agency].append(figure)
    for f in findings:
        mine[f.agency].append(f)
    written: list[Path] = []
    problems: list[Finding] = []
    digests = CopyDigests(loaded.plan, loaded.settings, period, due)
    for state in states:
        target = folder / f"{state.code}.xlsx"
        if state.state == "sent" and (state.errors or state.warnings):
            code = state.code
            digest = digests.of(code, answers[code], figures[code], mine[code])
            if copy_digest(target) != digest:
                own = replace(intake, answers=answers[code], figures=figures[code])
                staged.write(target, feedback_form(loaded.plan, loaded.settings, period, code, own,
                                                   mine[code], today, due, digest))
            written.append(target)
        elif target.exists():
            try:
                target.unlink()   # an earlier run's copy: its problems are fixed now
            except OSError as exc:
                problems.append(finding("FEEDBACK_NOT_DELETED", file=str(target),
                                        detail=os_reason(exc)))
    return written, findings + problems


# --- compile -----------------------------------------------------------------------

TEMPLATE_BY_KIND = {
    "Q1": "mau-bao-cao-quy.docx", "Q2": "mau-bao-cao-quy.docx", "Q3": "mau-bao-cao-quy.docx",
    "Q4": "mau-bao-cao-quy.docx", "S1": "mau-bao-cao-6-thang.docx", "M9": "mau-bao-cao-6-thang.docx",
    "S2": "mau-bao-cao-6-thang.docx", "Y": "mau-bao-cao-nam.docx",
}


def template_for(workspace: Workspace, period: Period) -> tuple[Path, bool]:
    """The working folder's template for the period, else the shipped one.
    Returns (path, is_default)."""
    name = TEMPLATE_BY_KIND[period.kind]
    own = workspace.templates / name
    if own.exists() and not is_earlier_default(own):
        return own, False
    return Path(str(shipped(name))), True


def year_intakes(workspace: Workspace, loaded: LoadedPlan, period: Period,
                 returns: Returns | None = None) -> dict[str, Intake]:
    """The returns of the year's earlier scheduled reports, by period id."""
    returns = returns or Returns(workspace, loaded.plan)
    found = {}
    for earlier in schedule_periods(period.year, loaded.settings.schedule):
        if earlier.end < period.end:
            intake = returns.of(earlier)
            if intake is not None:
                found[earlier.id] = intake
    return found


@dataclass(frozen=True)
class CompileResult:
    check: CheckResult
    blocked: bool
    report: Path | None = None
    summary: Path | None = None
    pdf: Path | None = None
    pdf_problem: str = ""
    template: Path | None = None
    context: dict | None = None
    figures: Figures | None = None   # the period's counts of products
    figures_note: str = ""           # year-to-date figures lack an earlier report
    warnings: tuple[str, ...] = ()   # sanity warnings (see sanity_warnings)
    settings: list[Finding] = field(default_factory=list)   # blank settings the report needs

    @property
    def refused_settings(self) -> list[Finding]:
        return [f for f in self.settings if f.blocking]


def run_compile(workspace: Workspace, loaded: LoadedPlan, period: Period, today: dt.date, draft: bool = False,
                report_date: dt.date | None = None, pdf: bool = False,
                progress: Progress | None = None, stage: Callable[[str], None] | None = None) -> CompileResult:
    """Check the period, then write the report (.docx, optionally .pdf) and the
    summary workbook. Blocking findings stop it unless draft is asked for, and
    so does a blank commune or plan number in the settings (a blank signer is
    a warning). ``stage("pdf")`` is called before the (slow) PDF conversion."""
    settings = [] if loaded.embedded else report_settings(
        loaded.plan, loaded.settings, str(loaded.source), lambda: planbook.setting_cells(loaded.source))
    staged = Outputs()
    returns = Returns(workspace, loaded.plan)
    try:
        checked = run_check(workspace, loaded, period, today, progress, outputs=staged, returns=returns)
        if (checked.blocking or any(f.blocking for f in settings)) and not draft:
            staged.commit()
            warnings = sanity_warnings(workspace, loaded, period, report_date)
            return CompileResult(checked, blocked=True, warnings=warnings, settings=settings)
        return replace(_compile_checked(workspace, loaded, period, checked, staged, draft, report_date, pdf,
                                        returns, stage), settings=settings)
    finally:
        staged.discard()          # nothing left behind when something failed before the commit


def _compile_checked(workspace: Workspace, loaded: LoadedPlan, period: Period, checked: CheckResult,
                     staged: Outputs, draft: bool, report_date: dt.date | None, pdf: bool,
                     returns: Returns, stage: Callable[[str], None] | None = None) -> CompileResult:
    # Imported here: the report's libraries (docxtpl, matplotlib, python-docx) take longer to load than
    # `check` takes to read a few hundred returns, and only `compile` needs them.
    from . import evidencebook
    from .chart import completion_chart
    from .docx_render import render as render_docx
    from .report import build_context
    from .summary import summary_workbook

    plan = loaded.plan
    intakes = year_intakes(workspace, loaded, period, returns)
    context = build_context(plan, loaded.settings, period, checked.intake, checked.findings, report_date,
                            draft=bool(checked.blocking) or draft, intakes=intakes)
    rows = context["by_section"]
    chart = completion_chart([r["heading"] for r in rows], [r["completed"] for r in rows],
                             [r["expected"] for r in rows], [r["not_reported"] for r in rows])
    template, _ = template_for(workspace, period)
    document = render_docx(template, context, chart)
    out = workspace.output_dir(period.id)
    report = staged.write(out / f"bao-cao-cchc-{period.id}.docx", document)
    from . import dataset  # pandas, imported only by the commands that need it

    year = {**intakes, period.id: checked.intake}
    # The plan as loaded names the indicators as the report does (a ward's «… của phường»: _spoken).
    book = summary_workbook(dataset.summary_data(plan, loaded.settings, period, checked.intake, year))
    evidencebook.write_sheet(book.create_sheet(evidencebook.SHEET), plan, _register(loaded, year, period.year),
                             period.year)
    summary = staged.save(book, out / f"tong-hop-{period.id}.xlsx")
    staged.commit()            # check's files, report and summary: all or nothing
    pdf_path, problem = None, ""
    if pdf:
        if stage:
            stage("pdf")
        try:
            pdf_path = convert(report, "pdf", out)
        except OfficeError as exc:
            problem = str(exc)
    note = (context.get("figures_note") or {}).get("text", "")
    counts = figures(outcomes(plan, period, checked.intake))
    slipped = deadlines_before_plan(plan)   # the report does not call them late: say so
    extra = (phrase("WARNING_WITH_FIX", message=slipped[0], fix=slipped[1]),) if slipped else ()
    # A text said for another locality that the report prints as written (a ward's «… xã»): never silent.
    extra += tuple(phrase("WARNING_WITH_FIX", message=f.message, fix=f.fix) for f in _locality(loaded, True))
    return CompileResult(checked, False, report, summary, pdf_path, problem, template, context, counts, note,
                         sanity_warnings(workspace, loaded, period, report_date) + extra)


# --- evidence register ------------------------------------------------------------------


def _titles(loaded: LoadedPlan, year: int) -> dict[str, str]:
    return {p.id: p.title for p in schedule_periods(year, loaded.settings.schedule)}


def _cited_earlier(loaded: LoadedPlan, intakes: dict[str, Intake]) -> list[Cited]:
    found = []
    for period_id, intake in intakes.items():
        period = parse_period(period_id)
        found += cited(intake.answers, period.year, period.title)
    return found


def _register(loaded: LoadedPlan, intakes: dict[str, Intake], year: int) -> list[Entry]:
    order = {p.id: n for n, p in enumerate(schedule_periods(year, loaded.settings.schedule))}
    periods = sorted(intakes, key=lambda pid: order.get(pid, len(order)))
    titles = _titles(loaded, year)
    return register(loaded.plan, [(titles.get(pid, pid), intakes[pid].answers) for pid in periods], year)


@dataclass(frozen=True)
class EvidenceRegister:
    workbook: Path
    annex: Path
    entries: int          # lines of the register
    documents: int        # of which documents with a number
    periods: list[str]    # the reports read, by title


def make_evidence_register(workspace: Workspace, loaded: LoadedPlan, year: int) -> EvidenceRegister:
    """«Danh mục tài liệu kiểm chứng» of the year from every scheduled report's
    returns: output/<year>/danh-muc-tai-lieu-kiem-chung-<year>.xlsx and .docx."""
    from . import evidencebook

    intakes = {}
    for period in schedule_periods(year, loaded.settings.schedule):
        intake = previous_intake(workspace, loaded.plan, period)
        if intake is not None:
            intakes[period.id] = intake
    if not intakes:
        raise CchcError("EVIDENCE_NO_RETURNS", year=year, folder=workspace.input_dir(f"{year}Q1").parent)
    entries = _register(loaded, intakes, year)
    out = workspace.output_dir(str(year))
    name = f"danh-muc-tai-lieu-kiem-chung-{year}"
    staged = Outputs()
    try:
        book = staged.save(evidencebook.workbook(loaded.plan, entries, year), out / f"{name}.xlsx")
        annex = staged.write(out / f"{name}.docx", evidencebook.annex(loaded.plan, loaded.settings, entries, year))
        staged.commit()            # both or neither
    finally:
        staged.discard()
    titles = _titles(loaded, year)
    return EvidenceRegister(book, annex, len(entries), sum(e.reference is not None for e in entries),
                            [titles[pid] for pid in intakes])


# --- export -------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    workbook: Path          # du-lieu-<period>.xlsx, for people
    answers_csv: Path       # for machines: UTF-8, comma separators, dot decimals
    figures_csv: Path
    answers: int            # rows written: agency × product
    figures: int            # rows written: agency × indicator
    sent: int               # agencies whose return was read
    expected: int           # agencies with a form
    blocking: list[Finding]  # errors still in the returns (the table holds what could be read)


def export_period(workspace: Workspace, loaded: LoadedPlan, period: Period, today: dt.date,
                  progress: Progress | None = None) -> ExportResult:
    """Write the period's tidy tables for the province to combine: one row per
    agency × product (answers) and per agency × indicator (figures), as
    output/<period>/du-lieu-<period>.xlsx and two CSV files beside it."""
    from . import dataset  # pandas, imported only by the commands that need it

    plan = loaded.plan
    intake, findings = _read_and_check(workspace, loaded, period, today, progress)
    commune, locality = dataset.commune_of(plan, loaded.settings), loaded.settings.locality
    answers = dataset.answers_table(plan, period, commune, locality, intake, outcomes(plan, period, intake))
    figures_table = dataset.figures_table(plan, period, commune, locality, intake)
    out = workspace.output_dir(period.id)
    stem = f"du-lieu-{period.id}"
    workbook = dataset.export_workbook(period, f"{locality} {commune}", answers, figures_table)
    staged = Outputs()
    try:
        paths = (staged.save(workbook, out / f"{stem}.xlsx"),
                 staged.write(out / f"{stem}-tra-loi.csv", dataset.to_csv(answers)),
                 staged.write(out / f"{stem}-so-lieu.csv", dataset.to_csv(figures_table)))
        staged.commit()            # the three files: all or nothing
    finally:
        staged.discard()
    return ExportResult(
        *paths, answers=len(answers), figures=len(figures_table),
        sent=sum(1 for s in intake.submissions.values() if s.used), expected=len(agencies_with_forms(plan)),
        blocking=[f for f in findings if f.blocking],
    )
