"""Benchmark: `cchc-excel check` and `cchc-excel forms` side by side with their floors.

    python benchmarks/bench_check.py                 # N = 1000, both shapes, and forms
    python benchmarks/bench_check.py --n 200 --shapes few
    python benchmarks/bench_check.py --work /tmp/bench   # keep (and reuse) the generated inputs

Shapes of `check` (whole process, one run each, measured in this run):
  few   N returns from the commune's 5 agencies (each re-sent many times);
  many  N returns from N agencies (a ward with many units, a province collecting
        from its communes): first run writes every feedback copy, second run
        with nothing changed rewrites none.
The check floor is a process that opens each return with python-calamine and
reads every sheet's values. The forms floor is the least work that writes the
same sheets with xlsxwriter: the same cells with a few shared formats, the same
validations (one per kind of item and column range, as the forms have, and
with the forms' shortcut past xlsxwriter's future-function expansion), the
comments on conditional items, protection, hidden sheets and the defined name.
Each line prints wall time and CPU time (of the process and its threads), each
with its ratio to the floor's, and the process's peak memory (RSS); the
load average is printed at the start and the end (on a loaded machine compare
the ratios of one run, not the seconds). Processes run with their bytecode
cached, as an installed package does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from cchc_excel import planbook
from cchc_excel.assignments import agencies_with_forms, form_rows
from cchc_excel.files import write_bytes_atomic
from cchc_excel.forms import Prefill, build_form
from cchc_excel.indicators import default_indicators
from cchc_excel.models import Agency
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import embedded_plan_path, load_embedded_plan
from cchc_excel.plan import build_plan
from cchc_excel.plan_sources import read_tables

PERIOD = parse_period("2026Q1")
TODAY = dt.date(2026, 3, 1)

# A process that runs python code and reports its own peak RSS (MB) on the last stderr line.
# Linux keeps ru_maxrss across exec, so a child would report at least this script's own
# size: its VmHWM (reset by exec) is read instead where there is one.
_PEAK = ("import resource, sys\ntry:\n{body}\nfinally:\n"
         "    try:\n"
         "        peak = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
         "    except (OSError, StopIteration):\n"
         "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
         "    print('PEAK', peak // 1024, file=sys.stderr)\n")

FLOOR_CHECK = """
    import python_calamine as c
    from pathlib import Path
    for path in sorted(p for p in Path({folder!r}).rglob('*') if p.is_file()):
        book = c.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)
"""

RUN_CLI = """
    sys.argv = ['cchc-excel'] + {args!r}
    from cchc_excel.__main__ import main
    try:
        main()
    except SystemExit as exc:
        if exc.code not in (0, 1, None):
            raise
"""


# Each process runs as an installed package does: with its compiled bytecode cached
# (a shell with PYTHONDONTWRITEBYTECODE set would recompile every module of every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(body: str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its threads, peak MB) of one run."""
    code = _PEAK.format(body=body)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    peak = int(done.stderr.strip().splitlines()[-1].split()[1])
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, peak


def _answers(plan, code: str) -> dict:
    """Every row answered; the first one «Đã hoàn thành» without its date, as officers often leave
    it: a warning, so that every agency gets a feedback copy (the runs measure writing them, and
    then comparing each with what it was made from)."""
    answers = {row.item.id: {"status": "Đang thực hiện", "result": f"Đã triển khai {row.item.id} theo kế hoạch",
                             "evidence": "Văn bản số 12/UBND ngày 05/02/2026"} for row in form_rows(plan, code)}
    for answer in list(answers.values())[:1]:
        answer["status"] = "Đã hoàn thành"
    return answers


def _filled(plan, settings, agency) -> Prefill:
    return Prefill(values=_answers(plan, agency.code))


def make_few(root: Path, n: int) -> None:
    """N returns of the embedded plan's agencies, each agency re-sending its form."""
    seed = load_embedded_plan()
    root.mkdir(parents=True, exist_ok=True)
    planbook.write_workbook(seed, planbook.default_settings(seed.meta), root / planbook.FILENAME)
    plan, settings = planbook.read_workbook(root / planbook.FILENAME)
    originals = []
    for agency in agencies_with_forms(plan):
        data = build_form(plan, settings, PERIOD, agency, TODAY, prefill=_filled(plan, settings, agency))
        originals.append(write_bytes_atomic(root / "mau" / f"{agency.code}.xlsx", data))
    inbox = root / "input" / "2026Q1"
    inbox.mkdir(parents=True)
    for i in range(n):
        source = originals[i % len(originals)]
        shutil.copyfile(source, inbox / f"{i:05d}-{source.name}")


def make_many(root: Path, n: int) -> None:
    """A plan workbook with n more commune bodies (each reports the items led by
    «Các cơ quan, đơn vị»), and one return from each of n agencies."""
    seed = load_embedded_plan()
    extra = tuple(Agency(f"dv-{i:04d}", f"Đơn vị số {i:04d}") for i in range(1, n + 1))
    path = Path(str(embedded_plan_path()))
    plan = build_plan(read_tables(path), path, agencies=seed.agencies + extra)
    plan = replace(plan, meta=seed.meta, indicators=default_indicators(plan))
    root.mkdir(parents=True, exist_ok=True)
    planbook.write_workbook(plan, planbook.default_settings(plan.meta), root / planbook.FILENAME)
    plan, settings = planbook.read_workbook(root / planbook.FILENAME)
    inbox = root / "input" / "2026Q1"
    inbox.mkdir(parents=True)
    for agency in agencies_with_forms(plan)[-n:]:
        data = build_form(plan, settings, PERIOD, agency, TODAY, prefill=_filled(plan, settings, agency))
        write_bytes_atomic(inbox / f"{agency.code}.xlsx", data)


def check_args(root: Path) -> list[str]:
    return ["check", "-p", "2026Q1", "--dir", str(root), "--json", "--today", "20/03/2026"]


def line(label: str, run: tuple[float, float, int], floor: tuple[float, float, int] | None = None) -> None:
    """Wall and CPU time, each with its ratio to the floor's, and the peak memory."""
    elapsed, cpu, peak = run
    wall_ratio = f"{elapsed / floor[0]:5.2f}x" if floor else "floor"
    cpu_ratio = f"{cpu / floor[1]:5.2f}x" if floor else "floor"
    print(f"{label:<50} wall {elapsed:6.2f} s {wall_ratio:>6}   cpu {cpu:6.2f} s {cpu_ratio:>6}   "
          f"peak {peak:4d} MB", flush=True)


def bench_check(work: Path, n: int, shapes: list[str]) -> None:
    for shape in shapes:
        root = work / f"{shape}-{n}"
        if not (root / "input").exists() or not (root / planbook.FILENAME).exists():
            shutil.rmtree(root, ignore_errors=True)
            print(f"(making {n} returns, shape {shape}…)", flush=True)
            (make_few if shape == "few" else make_many)(root, n)
        shutil.rmtree(root / "output", ignore_errors=True)
        sent = json.loads(subprocess.run([sys.executable, "-m", "cchc_excel"] + check_args(root), capture_output=True,
                                         text=True, env=ENV).stdout)["agencies"]
        shutil.rmtree(root / "output", ignore_errors=True)
        assert sum(a["status"] == "sent" for a in sent) == (5 if shape == "few" else n), "returns not all read"
        assert all(a["warnings"] for a in sent if a["status"] == "sent"), "an agency without a feedback copy"
        floor = timed(FLOOR_CHECK.format(folder=str(root / "input")))
        print(f"check, {n} returns from {'5' if shape == 'few' else n} agencies:")
        line("  floor: python-calamine reads every sheet of each", floor)
        line("  check (first run: feedback copies written)", timed(RUN_CLI.format(args=check_args(root))), floor)
        line("  check (second run: nothing changed)", timed(RUN_CLI.format(args=check_args(root))), floor)


FLOOR_FORMS = """
    import io, xlsxwriter
    from cchc_excel import formspec as spec, planbook
    from cchc_excel.assignments import agencies_with_forms, agency_indicators, form_rows
    from cchc_excel.models import TimeframeKind
    from pathlib import Path
    plan, settings = planbook.read_workbook(Path({root!r}) / planbook.FILENAME)
    out = Path({out!r}); out.mkdir(parents=True, exist_ok=True)
    font = {{'font_name': 'Times New Roman', 'font_size': 12, 'text_wrap': True, 'valign': 'top'}}
    border = {{'border': 1, 'border_color': '#999999'}}
    dv = {{'input_title': 'Tiêu đề', 'input_message': 'Lời nhắc khi chọn ô', 'error_title': 'Lỗi',
           'error_message': 'Nội dung thông báo lỗi'}}
    bare = lambda formula, expand=False: formula.lstrip('=')
    statuses = ['Đã hoàn thành', 'Đã thực hiện trong kỳ', 'Đang thực hiện', 'Chưa thực hiện', 'Chưa phát sinh']
    for agency in agencies_with_forms(plan):
        rows = form_rows(plan, agency.code)
        indicators = agency_indicators(plan, agency.code)
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {{'in_memory': True}})
        text = book.add_format(font)
        bold = book.add_format({{**font, 'bold': True}})
        plain = book.add_format({{**font, **border}})
        head = book.add_format({{**font, **border, 'bold': True, 'bg_color': '#D9E2F3', 'align': 'center'}})
        cell_in = book.add_format({{**font, **border, 'bg_color': '#FFF9E5', 'locked': False, 'num_format': '@'}})
        day_in = book.add_format({{**font, **border, 'bg_color': '#FFF9E5', 'locked': False,
                                   'num_format': 'dd/mm/yyyy'}})
        guide = book.add_worksheet(spec.GUIDE_SHEET)
        guide.set_column(0, 0, 28); guide.set_column(1, 1, 90)
        for r in range(36):                  # the guide's lines: labels in A, texts in B
            guide.write_string(r, 0, 'Mục %d' % r, bold)
            guide.write_string(r, 1, 'Hướng dẫn điền biểu mẫu dòng %d: nội dung hướng dẫn cho cơ quan' % r, text)
            guide.set_row(r, 18)
        guide.protect(); guide.fit_to_pages(1, 0); guide.set_paper(9)
        for section in plan.sections:
            mine = [r for r in rows if r.item.section == section.code]
            if not mine:
                continue
            ws = book.add_worksheet(section.short_name)
            ws._prepare_formula = bare           # as the forms do: no future-function regexes
            for r in range(3):
                ws.write_string(r, 0, section.title, bold)
            for c, column in enumerate(spec.COLUMNS):
                ws.write_string(spec.HEADER_ROW - 1, c, column.label, head)
                ws.set_column(c, c, column.width)
            kinds = {{}}
            for i, row in enumerate(mine):
                r = spec.FIRST_ROW - 1 + i
                item = row.item
                for c, value in enumerate((item.id, item.task_number, item.task, item.product, row.role,
                                           item.timeframe.text, 'Có')):
                    ws.write_string(r, c, str(value), plain)
                ws.write_string(r, 7, 'Đang thực hiện', cell_in)
                ws.write_blank(r, 8, None, day_in)
                ws.write_string(r, 9, 'Đã triển khai theo kế hoạch', cell_in)
                ws.write_string(r, 10, 'Văn bản số 12/UBND ngày 05/02/2026', cell_in)
                ws.write_blank(r, 11, None, cell_in)
                ws.write_blank(r, 12, None, cell_in)
                ws.write_blank(r, 13, None, plain)
                kinds.setdefault(item.timeframe.kind, []).append('H%d' % (r + 1))
                if item.timeframe.kind == TimeframeKind.CONDITIONAL:
                    ws.write_comment(r, 6, 'Nhiệm vụ chỉ thực hiện khi có phát sinh', {{'author': 'cchc-excel'}})
                ws.set_row(r, 50)
            for cells in kinds.values():      # one list validation per kind of item, over all its rows
                ws.data_validation(cells[0], {{**dv, 'validate': 'list', 'source': '=' + spec.STATUS_NAME,
                                              'multi_range': ' '.join(cells)}})
            last = spec.FIRST_ROW - 1 + len(mine) - 1
            ws.data_validation(spec.FIRST_ROW - 1, 8, last, 8, {{**dv, 'validate': 'date', 'criteria': 'between',
                                                               'minimum': '=DATE(2025,1,1)',
                                                               'maximum': '=DATE(2027,12,31)'}})
            ws.data_validation(spec.FIRST_ROW - 1, 9, last, 12, {{**dv, 'validate': 'length', 'criteria': '<=',
                                                                'value': 5000}})
            ws.autofilter(spec.HEADER_ROW - 1, 0, last, 13)
            ws.freeze_panes(spec.FIRST_ROW - 1, 2)
            ws.protect(); ws.fit_to_pages(1, 0); ws.set_paper(9); ws.set_landscape(); ws.repeat_rows(3)
        if indicators:
            ws = book.add_worksheet(spec.FIGURES_SHEET)
            ws._prepare_formula = bare
            for c, column in enumerate(spec.FIGURE_COLUMNS):
                ws.write_string(spec.HEADER_ROW - 1, c, column.label, head)
                ws.set_column(c, c, column.width)
            for i, indicator in enumerate(indicators):
                r = spec.FIRST_ROW - 1 + i
                for c, value in enumerate((indicator.code, indicator.name, indicator.unit, indicator.section,
                                           'Phát sinh trong kỳ')):
                    ws.write_string(r, c, str(value), plain)
                ws.write_blank(r, 5, None, plain)
                ws.write_blank(r, 6, None, cell_in)
                ws.write_blank(r, 7, None, cell_in)
                ws.set_row(r, 33)
            ws.data_validation(spec.FIRST_ROW - 1, 6, spec.FIRST_ROW - 2 + len(indicators), 6,
                               {{**dv, 'validate': 'decimal', 'criteria': '>=', 'value': 0}})
            ws.protect(); ws.fit_to_pages(1, 0); ws.set_paper(9); ws.repeat_rows(3)
        meta = book.add_worksheet(spec.META_SHEET)
        for r in range(10):
            meta.write_string(r, 0, 'key%d' % r); meta.write_string(r, 1, agency.code); meta.write_string(r, 2, 'Nhãn')
        meta.very_hidden(); meta.protect()
        lists = book.add_worksheet(spec.LISTS_SHEET)
        for r, label in enumerate(statuses):
            lists.write_string(r, 0, label)
        book.define_name(spec.STATUS_NAME, "='" + spec.LISTS_SHEET + "'!$A$1:$A$5")
        lists.hide(); lists.protect()
        book.close()
        (out / (agency.code + '.xlsx')).write_bytes(buffer.getvalue())
"""


def bench_forms(work: Path, n: int) -> None:
    root = work / f"many-{n}"
    if not (root / planbook.FILENAME).exists():
        print(f"(making a plan with {n} more agencies…)", flush=True)
        make_many(root, n)
    floor = timed(FLOOR_FORMS.format(root=str(root), out=str(work / "floor-forms")))
    shutil.rmtree(root / "output" / "2026Q1" / "bieu-mau", ignore_errors=True)
    forms = timed(RUN_CLI.format(args=["forms", "-p", "2026Q1", "--dir", str(root)]))
    print(f"forms for {n + 5} agencies:")
    line("  floor: xlsxwriter writes the same sheets", floor)
    line("  forms", forms, floor)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--shapes", default="few,many")
    parser.add_argument("--no-forms", action="store_true")
    parser.add_argument("--work", type=Path, help="folder for the generated inputs (kept and reused)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    try:
        bench_check(work, args.n, [s for s in args.shapes.split(",") if s])
        if not args.no_forms:
            bench_forms(work, args.n)
        print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
