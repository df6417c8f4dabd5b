"""Returns read a few files ahead, by two threads.

python-calamine lets go of the interpreter lock while it unzips and parses a
workbook or a sheet (it has since 0.2.0), and zlib does while it inflates a
part: so while one thread runs the Python side of a return (the XML facts,
the rows), the other can be inside the reader. With hundreds of returns this
takes a check's wall time down on any machine with two processors or more;
the work done (CPU time) stays the same.

The results come back in the files' order, and only a few files are read
ahead of the one being merged, so memory does not grow with the number of
files. A worker thread never raises: what stops a file is its result.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from .intake import ReturnedForm, is_lock_file, read_form
from .messages import CchcError

THREADS = 2              # one in the reader while one runs Python: more only contend for the lock
AHEAD = 8                # files read ahead of the one being merged
Result = ReturnedForm | None | CchcError


def read_each(paths: list[Path]) -> Iterator[tuple[Path, Result]]:
    """Each path with what reading it gave: its form, None (not a form; lock files are
    not read), or the CchcError that stops it; in the paths' order."""
    threads = min(THREADS, _processors())
    if threads < 2 or len(paths) < 2:
        for path in paths:
            yield path, _read(path)
        return
    pool = ThreadPoolExecutor(threads, thread_name_prefix="cchc-read")
    pending: deque[tuple[Path, Future]] = deque()
    try:
        for path in paths:
            pending.append((path, pool.submit(_read, path)))
            if len(pending) >= AHEAD:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _processors() -> int:
    try:
        return len(os.sched_getaffinity(0))       # what this process may use (containers, taskset)
    except AttributeError:
        return os.cpu_count() or 1


def _read(path: Path) -> Result:
    if is_lock_file(path):
        return None
    try:
        return read_form(path)
    except CchcError as exc:
        return exc
