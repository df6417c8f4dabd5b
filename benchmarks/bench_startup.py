"""Benchmark: the fixed cost of a command, side by side with its floor.

    python benchmarks/bench_startup.py                  # 11 runs of each, interleaved
    python benchmarks/bench_startup.py --runs 21 --work /tmp/startup   # keep (and reuse) the inputs

What every run pays before and besides reading returns: Python's start-up, the
imports, reading the plan workbook, the deadline's calendar. Measured on
`cchc-excel check` of a folder with 5 returns (one per agency of the embedded
plan) and on `cchc-excel plan show`; the floor is a process that imports
python-calamine and nothing else. The commands run in turn (floor, check,
plan show, floor, …) and each line prints the median wall time, its ratio to
the floor's median and the process's peak memory (RSS). Processes run with
their bytecode cached, as an installed package does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from bench_check import RUN_CLI, make_few, timed

FLOOR = "    import python_calamine\n"
def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--work", type=Path, help="folder for the generated inputs (kept and reused)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="cchc-startup-"))
    root = work / "few-5"
    try:
        if not (root / "input").exists():
            shutil.rmtree(root, ignore_errors=True)
            make_few(root, 5)
        check = ["check", "-p", "2026Q1", "--dir", str(root), "--today", "20/03/2026"]
        commands = {
            "floor: a process that imports python-calamine": FLOOR,
            "check, 5 returns from 5 agencies": RUN_CLI.format(args=check),
            "plan show": RUN_CLI.format(args=["plan", "show", "--dir", str(root)]),
        }
        print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
        for body in commands.values():          # warm-up: bytecode written, files in the page cache
            timed(body)
        times: dict[str, list[float]] = {label: [] for label in commands}
        peaks: dict[str, int] = {}
        for _ in range(args.runs):
            for label, body in commands.items():
                elapsed, _, peaks[label] = timed(body)
                times[label].append(elapsed)
        floor = statistics.median(next(iter(times.values())))
        for i, (label, found) in enumerate(times.items()):
            median = statistics.median(found)
            ratio = "(floor)" if i == 0 else f"{median / floor:5.1f}x floor"
            print(f"  {label:<48} {median:6.3f} s  {ratio:>12}  peak {peaks[label]:5d} MB   "
                  f"(min {min(found):.3f}, max {max(found):.3f}, {len(found)} runs)")
        print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
