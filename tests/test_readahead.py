"""Returns read ahead by two threads come back as one thread reads them, in order, and
only a few files ahead of the merge."""

from __future__ import annotations

import threading

import pytest
from formtools import done, fill

from cchc_excel import readahead
from cchc_excel.intake import ReturnedForm
from cchc_excel.messages import CchcError

needs_two = pytest.mark.skipif(readahead._processors() < 2, reason="one processor: files are read in turn")


def _inbox(q1_forms, tmp_path):
    inbox = tmp_path / "input"
    inbox.mkdir()
    for i, agency in enumerate(["phong-vhxh", "vp-hdnd-ubnd", "buu-dien-xa"] * 6):
        fill(q1_forms / f"{agency}.xlsx", inbox / f"{i:02d}-{agency}.xlsx", {"I.1": done(result=f"Lần gửi {i}")})
    (inbox / "05-broken.xlsx").write_bytes(b"not a workbook")
    (inbox / "~$07-lock.xlsx").write_bytes(b"lock")
    (inbox / "09-notes.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "11-empty.xlsx").write_bytes(b"")
    return sorted(inbox.iterdir())


def _comparable(result):
    if isinstance(result, CchcError):
        return ("error", result.code, result.fields)
    return result


@needs_two
def test_threads_give_what_one_reader_gives_in_the_files_order(q1_forms, tmp_path, monkeypatch):
    paths = _inbox(q1_forms, tmp_path)
    one_by_one = [(path, _comparable(readahead._read(path))) for path in paths]
    names = set()
    real = readahead.read_form

    def recorded(path):
        names.add(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(readahead, "read_form", recorded)
    ahead = [(path, _comparable(result)) for path, result in readahead.read_each(paths)]
    assert ahead == one_by_one
    assert any(name.startswith("cchc-read") for name in names)       # read by the worker threads
    kinds = [type(result).__name__ for _, result in ahead]
    assert kinds.count("ReturnedForm") == 18 and kinds.count("tuple") == 3 and kinds.count("NoneType") == 1
    sent = [path.name for path, r in ahead if isinstance(r, ReturnedForm) and "Lần gửi" in str(r.answers)]
    assert sent == [f"{i:02d}-phong-vhxh.xlsx" for i in range(0, 18, 3)]    # the lead of I.1, each its own answer


@needs_two
def test_only_a_few_files_are_read_ahead(q1_forms, tmp_path, monkeypatch):
    paths = _inbox(q1_forms, tmp_path)
    started = []
    real = readahead.read_form

    def counted(path):
        started.append(path)
        return real(path)

    monkeypatch.setattr(readahead, "read_form", counted)
    results = readahead.read_each(paths)
    next(results)
    threading.Event().wait(0.5)          # time for the threads to run ahead as far as they may
    assert len(started) <= readahead.AHEAD + readahead.THREADS
    assert len(list(results)) == len(paths) - 1
