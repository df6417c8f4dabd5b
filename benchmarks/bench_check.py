"""Benchmark: `cchc-excel check` over N filled workbooks versus a naive
pandas.read_excel(engine="openpyxl") loop.

    python benchmarks/bench_check.py            # N = 1000
    python benchmarks/bench_check.py --n 200 --naive 50

The workbooks are made by the project's own form generator, filled with
plausible answers, then copied under N file names (as if re-sent many times).
Prints wall time of the whole `check` process, files per second, peak memory
(RSS) of that process, and the naive loop's time per file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cchc_excel.assignments import agencies_with_forms, form_rows
from cchc_excel.files import save_workbook_atomic
from cchc_excel.forms import Prefill, build_form
from cchc_excel.models import Status
from cchc_excel.periods import parse_period
from cchc_excel.pipeline import load_embedded_plan
from cchc_excel.planbook import default_settings


def make_inputs(folder: Path, n: int) -> list[Path]:
    plan = load_embedded_plan()
    period = parse_period("2026Q1")
    originals = []
    for agency in agencies_with_forms(plan):
        answers = {
            row.item.id: {"status": Status.IN_PROGRESS.label, "result": f"Đã triển khai {row.item.id} theo kế hoạch",
                          "evidence": "Văn bản số 12/UBND ngày 05/02/2026"}
            for row in form_rows(plan, agency.code)
        }
        workbook = build_form(plan, default_settings(plan.meta), period, agency, dt.date(2026, 3, 1),
                              prefill=Prefill(values=answers))
        originals.append(save_workbook_atomic(workbook, folder / "mau" / f"{agency.code}.xlsx"))
    inbox = folder / "input" / "2026Q1"
    inbox.mkdir(parents=True)
    paths = []
    for i in range(n):
        source = originals[i % len(originals)]
        target = inbox / f"{i:05d}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


def time_check(root: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cchc_excel", "check", "-p", "2026Q1", "--dir", str(root),
                           "--json", "--today", "20/03/2026"], capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def time_naive(paths: list[Path]) -> float:
    import pandas as pd

    start = time.perf_counter()
    for path in paths:
        pd.read_excel(path, sheet_name=None, engine="openpyxl")
    return (time.perf_counter() - start) / len(paths)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=100, help="files timed in the naive loop")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        root = Path(tmp)
        paths = make_inputs(root, args.n)
        elapsed, peak_mb = time_check(root)
        naive = time_naive(paths[: args.naive])
    print(f"check:  {args.n} workbooks in {elapsed:.2f} s (whole process) = {args.n / elapsed:.0f} files/s, "
          f"{1000 * elapsed / args.n:.1f} ms/file, peak RSS {peak_mb:.0f} MB")
    print(f"naive:  pandas.read_excel(engine='openpyxl') {1000 * naive:.1f} ms/file "
          f"-> {naive * args.n:.1f} s for {args.n} (measured on {min(args.naive, args.n)})")
    print(f"speed-up: {naive * args.n / elapsed:.1f}x")


if __name__ == "__main__":
    main()
