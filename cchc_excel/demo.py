"""`cchc-excel demo`: the whole workflow on the embedded plan in one command.

init → forms → every agency's workbook filled the way officers fill them
(varied statuses and evidence, one agency late, a few realistic mistakes) →
check → compile (a draft, since one agency is late). The answers are made up
but plausible, and deterministic: the same demo gives the same files.

The demo writes invented returns and a report built on them, so it only ever
works in a folder of its own: a new or empty one, which it marks, or (asked
with ``force``) one it marked before. A folder holding anything else — a
working folder above all — is refused untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import openpyxl

from . import formspec as spec
from . import pipeline, planbook
from .files import save_workbook_atomic, write_bytes_atomic
from .lint import next_year_documents
from .messages import CchcError, phrase
from .models import Item, Period, Plan, PlanMeta, Status, TimeframeKind
from .plan import ends_before_plan
from .textnorm import fold
from .timeframe import due_state, parse_timeframe

LATE_AGENCY = "phong-kinh-te"   # does not send its form in time
MARKER = ".cchc-demo"           # in the root of every folder the demo made

# What the demo's officers type: invented answers (data, not messages to the user).
_RESULTS_DONE = (
    "Đã ban hành và triển khai đến các cơ quan, đơn vị; tổ chức quán triệt tại giao ban tháng.",
    "Đã hoàn thành, kết quả được công khai trên Trang thông tin điện tử xã.",
    "Đã tổ chức thực hiện đầy đủ, đúng thời hạn theo Kế hoạch.",
)
_RESULTS_PROGRESS = (   # [1::2]: a recurring product's result, whatever the product is
    "Đang triển khai; đã hoàn thành khoảng 60% khối lượng công việc.",
    "Thực hiện thường xuyên theo Kế hoạch; kết quả được tổng hợp trong báo cáo định kỳ.",
    "Đã xây dựng dự thảo, đang lấy ý kiến các cơ quan, đơn vị liên quan.",
    "Duy trì thực hiện thường xuyên, đúng quy định; không phát sinh vướng mắc.",
)
_EVIDENCE = (
    "Kế hoạch số {n:02d}/KH-UBND ngày {day}",
    "Quyết định số {n}/QĐ-UBND ngày {day}",
    "Báo cáo số {n}/BC-UBND ngày {day}",
    "Thông báo số {n:02d}/TB-UBND ngày {day}",
)
_PLAN_EVIDENCE = "Kế hoạch số {number} ngày {day:%d/%m/%Y}"     # the plan itself, as its product's evidence
_DIFFICULTIES = (
    "Công chức kiêm nhiệm nhiều việc, thời gian dành cho công tác CCHC còn hạn chế",
    "Hạ tầng công nghệ thông tin ở Bộ phận Một cửa đã xuống cấp, đường truyền chập chờn",
)
_PROPOSALS = (
    "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ CCHC cho công chức cấp xã",
    "Đề nghị UBND tỉnh hỗ trợ kinh phí nâng cấp trang thiết bị Bộ phận Một cửa",
)
_COORDINATION = "Đã phối hợp cung cấp thông tin, số liệu theo đề nghị của cơ quan chủ trì."
_TYPED_DONE = "hoàn thành"                     # a status variant the check understands
_TYPED_UNKNOWN = "Đang thực hiên xong"         # a status the list does not know: flagged with a suggestion

# Figures a commune of this size reports in a quarter. Two are typed as text
# the Vietnamese way ("1.234", "12,5"); VB_KY_SO exceeds VB_DIEN_TU on
# purpose: a part larger than its total, for check to catch.
_FIGURES = {
    "VB_CHI_DAO": 6, "CQ_TONG": 8, "CQ_KIEM_TRA": 2, "TIN_BAI": 14, "SANG_KIEN": 1,
    "VBQPPL_BAN_HANH": 2, "VBQPPL_RA_SOAT": 5,
    "TTHC_CONG_KHAI": 187, "HS_TIEP_NHAN": "1.234", "HS_TRUC_TIEP": 700, "HS_TRUC_TUYEN": 456,
    "HS_BUU_CHINH": 78, "HS_GIAI_QUYET": 1180, "HS_TRUOC_HAN": 950, "HS_DUNG_HAN": 210, "HS_QUA_HAN": 20,
    "HS_SO_HOA": 980, "PAKN_TIEP_NHAN": 3, "PAKN_DA_XU_LY": 3, "CBCC_DAO_TAO": 12, "KINH_PHI_CCHC": "12,5",
    "VB_DIEN_TU": 412, "VB_KY_SO": 415,
    "CHI_SO_CCHC": "82,35", "HANG_CCHC": 15, "SIPAS": "86,2",
    "TTHC_TOAN_TRINH": 62, "TTHC_MOT_PHAN": 98, "HS_KY_TRUOC": 41, "HS_XIN_LOI": 18, "HS_DANG_GIAI_QUYET": 95,
    "HS_TT_TOAN_TRINH": 402, "HS_TT_MOT_PHAN": 38, "HS_CO_PHI": 310, "HS_THANH_TOAN_TT": 164, "KQ_SO_HOA": 1003,
    "PAKN_DEN_HAN": 3, "PAKN_DUNG_HAN": 3, "HAI_LONG_766": "98,7", "DIEM_766": "86,4", "HANG_766": 21,
}


# The demo's answers were drawn with the agencies' long codes as seeds; keep them.
_LONG_CODES = {"phong-vhxh": "phong-van-hoa-xa-hoi", "vp-hdnd-ubnd": "van-phong-hdnd-ubnd",
               "tt-pvhcc": "trung-tam-phuc-vu-hanh-chinh-cong"}


def _pick(options: tuple[str, ...], key: str) -> str:
    digest = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    return options[digest % len(options)]


def _is_the_plan(item: Item, meta: PlanMeta | None) -> bool:
    """Whether the product is the commune's CCHC plan itself («Kế hoạch CCHC xã Xuân Trường năm 2026»)."""
    words = fold(item.product)
    return bool(meta and meta.number and meta.date and meta.year) \
        and words.startswith(("ke hoach cchc", "ke hoach cai cach hanh chinh")) and str(meta.year) in words


def answer_for(item: Item, role: str, period: Period, agency: str, meta: PlanMeta | None = None) -> dict[str, object]:
    """A plausible answer for one item, deterministic by item and agency. The product that is the
    plan itself cites the plan ``meta`` names (number, date), done on the day it was issued."""
    key = f"{item.id}/{_LONG_CODES.get(agency, agency)}"
    if item.timeframe.kind == TimeframeKind.CONDITIONAL:
        return {"status": Status.NOT_ARISEN.label}     # nothing to coordinate either
    if role == "coordinator":
        return {"status": Status.IN_PROGRESS.label, "result": _COORDINATION}
    state = due_state(item.timeframe, period)
    if state == "later":
        return {}
    number = int(hashlib.sha256(key.encode()).hexdigest()[:4], 16) % 90 + 5
    recurring = item.timeframe.kind == TimeframeKind.RECURRING
    # A recurring product is carried out each period («Đã thực hiện trong kỳ»), never «Đã hoàn thành».
    finished = not recurring and (item.timeframe.kind == TimeframeKind.DEADLINE or state == "earlier"
                                  or number % 3 == 0)
    if finished and _is_the_plan(item, meta) and meta.date <= period.end:
        return {"status": Status.DONE.label, "completed_on": dt.datetime.combine(meta.date, dt.time()),
                "result": _RESULTS_DONE[0], "evidence": _PLAN_EVIDENCE.format(number=meta.number, day=meta.date)}
    if finished:
        end = item.timeframe.end or period.end
        day = min(end, period.end) - dt.timedelta(days=number % 20)
        return {"status": Status.DONE.label, "completed_on": dt.datetime.combine(day, dt.time()),
                "result": _pick(_RESULTS_DONE, key),
                "evidence": _pick(_EVIDENCE, key).format(n=number, day=f"{day:%d/%m/%Y}")}   # dated the day it was done
    status = Status.CARRIED_OUT if recurring else Status.IN_PROGRESS
    results = _RESULTS_PROGRESS[1::2] if recurring else _RESULTS_PROGRESS[0::2]
    answer: dict[str, object] = {"status": status.label, "result": _pick(results, key)}
    if recurring and number % 3 == 0:     # the period's document of a recurring task
        day = period.end - dt.timedelta(days=number % 20)
        answer["evidence"] = _pick(_EVIDENCE, key).format(n=number, day=f"{day:%d/%m/%Y}")
    if number % 5 == 0:
        answer["difficulties"] = _pick(_DIFFICULTIES, key)
        answer["proposals"] = _pick(_PROPOSALS, key)
    return answer


def _mistakes(agency: str, answers: dict[str, dict[str, object]]) -> None:
    """What real returns contain: a typed status variant, a date typed as text,
    a completed item without its evidence, a status the list does not know."""
    done = [item for item, a in answers.items() if a.get("status") == Status.DONE.label]
    if agency == "phong-vhxh" and done:
        answers[done[0]]["status"] = _TYPED_DONE
        answers[done[-1]].pop("evidence", None)            # a warning: no evidence
    if agency == "vp-hdnd-ubnd" and done:
        day = answers[done[0]]["completed_on"]
        answers[done[0]]["completed_on"] = f"{day.day}/{day.month}/{day.year}"   # typed as text: understood
    if agency == "tt-pvhcc":
        progress = [item for item, a in answers.items() if a.get("status") == Status.IN_PROGRESS.label]
        if progress:
            answers[progress[0]]["status"] = _TYPED_UNKNOWN


@dataclass(frozen=True)
class DemoResult:
    workspace: pipeline.Workspace
    forms: list[pipeline.WrittenForm]
    returned: list[Path]
    compiled: pipeline.CompileResult
    evidence: pipeline.EvidenceRegister | None = None


Answers = dict[str, dict[str, object]]          # item id -> form column key -> value


def fill_form(form: Path, target: Path, answers: Answers | Callable[[dict[str, str]], Answers],
              figures: dict[str, object] | None = None, notes: dict[str, str] | None = None,
              text_keys: tuple[str, ...] | None = None, transform: Callable | None = None) -> None:
    """Fill a generated form as an agency officer does in Excel, and save it as target.

    The one filler of the demo and the tests. ``answers``: by item id, or a
    function of the form's rows ({item id: "lead"/"coordinator"}) giving them.
    ``figures``/``notes``: the «Số liệu» sheet by indicator code. ``text_keys``:
    the columns typed as text even when they start with "=" (None: every text,
    as a cell formatted as text takes it). ``transform(workbook)`` may then
    sort, insert or rename, as people do.
    """
    workbook = openpyxl.load_workbook(form)
    if spec.FIGURES_SHEET in workbook.sheetnames:
        sheet = workbook[spec.FIGURES_SHEET]
        for row in range(spec.FIRST_ROW, sheet.max_row + 1):
            code = sheet.cell(row, spec.FIGURE_INDEX["code"]).value
            if figures and code in figures:
                cell = sheet.cell(row, spec.FIGURE_INDEX["value"])
                cell.value = figures[code]
                if isinstance(cell.value, str):
                    cell.data_type = "s"
            if notes and code in notes:
                sheet.cell(row, spec.FIGURE_INDEX["note"]).value = notes[code]
    rows: dict[str, tuple] = {}
    for sheet in workbook.worksheets:
        if sheet.title in (spec.GUIDE_SHEET, spec.META_SHEET, spec.LISTS_SHEET, spec.FIGURES_SHEET):
            continue
        for row in range(spec.FIRST_ROW, sheet.max_row + 1):
            item_id = sheet.cell(row, spec.COLUMN_INDEX["id"]).value
            if item_id:
                lead = sheet.cell(row, spec.COLUMN_INDEX["role"]).value == spec.ROLE_LABELS["lead"]
                role = "lead" if lead else "coordinator"
                rows[str(item_id)] = (sheet, row, role)
    if callable(answers):
        answers = answers({item_id: role for item_id, (_, _, role) in rows.items()})
    for item_id, values in answers.items():
        if item_id not in rows:
            continue
        sheet, row, _ = rows[item_id]
        for key, value in values.items():
            cell = sheet.cell(row, spec.COLUMN_INDEX[key])
            cell.value = value
            if isinstance(value, str) and (text_keys is None or key in text_keys):
                cell.data_type = "s"
    if transform:
        transform(workbook)
    save_workbook_atomic(workbook, target)


def fill_like_an_officer(form: Path, target: Path, period: Period, agency: str, items: dict[str, Item],
                         meta: PlanMeta | None = None) -> None:
    """A plausible return for the demo: answers by item, with the mistakes real returns contain."""

    def decide(roles: dict[str, str]) -> Answers:
        answers = {item_id: answer_for(items[item_id], role, period, agency, meta)
                   for item_id, role in roles.items() if item_id in items}
        _mistakes(agency, answers)
        return answers

    fill_form(form, target, decide, figures=_figures_for(form, period))


def _figures_for(form: Path, period: Period | None = None) -> dict[str, object]:
    """Every indicator of the form gets its demo figure (10 when the demo has none)."""
    workbook = openpyxl.load_workbook(form, read_only=True)
    if spec.FIGURES_SHEET not in workbook.sheetnames:
        return {}
    sheet = workbook[spec.FIGURES_SHEET]
    codes = [row[spec.FIGURE_INDEX["code"] - 1] for row in sheet.iter_rows(min_row=spec.FIRST_ROW, values_only=True)]
    workbook.close()
    figures = {code: _FIGURES.get(code, 10) for code in codes if code}
    if period is not None and period.kind == "Q1" and "CQ_KIEM_TRA" in figures:
        figures["CQ_KIEM_TRA"] = 0     # the plan schedules the inspections from quý II (I.3)
    return figures


def claim_folder(root: Path, force: bool = False) -> None:
    """Make sure the demo may write in root, and mark it as the demo's.

    Refused (nothing written): a folder inside a working folder; a folder
    that holds anything and is not the demo's; the demo's own folder unless
    ``force`` asks to run it again.
    """
    absolute = root.resolve()
    for parent in absolute.parents:
        if (parent / planbook.FILENAME).is_file():
            raise CchcError("DEMO_INSIDE_WORKSPACE", dir=root, workspace=parent)
    if absolute.is_dir() and any(absolute.iterdir()):
        if not (absolute / MARKER).is_file():
            has_plan = (absolute / planbook.FILENAME).exists()
            raise CchcError("DEMO_DIR_IN_USE", dir=root,
                            kind=phrase("DEMO_DIR_WORKSPACE" if has_plan else "DEMO_DIR_NOT_EMPTY"))
        if not force:
            raise CchcError("DEMO_DIR_EXISTS", dir=root)
    write_bytes_atomic(absolute / MARKER, (phrase("DEMO_MARKER") + "\n").encode("utf-8"))


def corrected_years(plan: Plan) -> Plan:
    """The plan with the slips of the embedded plan put right: a planned time ending before the
    plan was issued («Quý III, IV/2025» in a plan of 10/01/2026) moved to the plan's year, and next
    year's plan or estimate drawn up in quarter IV given next year (lint.next_year_documents), as its
    officer would correct them once ``plan check`` named them. The demo shows a signable report."""
    year = plan.meta.year
    forward = {item.id: (words, right) for item, words, right in next_year_documents(plan)}

    def fixed(item: Item) -> Item:
        if item.id in forward:    # «… dự toán ngân sách nhà nước năm 2026» drawn up in Quý IV/2026: 2027
            item = replace(item, product=item.product.replace(*forward[item.id]))
        if not year or not ends_before_plan(item, plan):
            return item
        text = item.timeframe.text
        for found in set(item.timeframe.years) - {year}:
            text = text.replace(str(found), str(year))
        return replace(item, timeframe=parse_timeframe(text, year))

    sections = tuple(replace(s, tasks=tuple(replace(t, items=tuple(fixed(i) for i in t.items)) for t in s.tasks))
                     for s in plan.sections)
    return replace(plan, sections=sections)


def run_demo(root: Path, period: Period, force: bool = False) -> DemoResult:
    claim_folder(root, force)
    workspace = pipeline.Workspace(root)
    if not workspace.plan_workbook.exists():
        pipeline.init_workspace(workspace)
        first = pipeline.load_plan(workspace)
        planbook.write_workbook(corrected_years(first.plan), first.settings, workspace.plan_workbook)
    loaded = pipeline.load_plan(workspace)
    today = period.end + dt.timedelta(days=3)
    forms = pipeline.make_forms(workspace, loaded, period, today).forms
    items = {i.id: i for i in loaded.plan.items}
    inbox = workspace.input_dir(period.id)
    returned = []
    for form in forms:
        if form.agency.code == LATE_AGENCY:
            continue
        # Officers rename files freely: the tool identifies forms by content.
        target = inbox / f"Bao cao CCHC {period.name} - {form.agency.name}.xlsx"
        fill_like_an_officer(form.path, target, period, form.agency.code, items, loaded.plan.meta)
        returned.append(target)
    compiled = pipeline.run_compile(workspace, loaded, period, today, draft=True)
    evidence = pipeline.make_evidence_register(workspace, loaded, period.year)
    return DemoResult(workspace, forms, returned, compiled, evidence)
