"""Every kind of hostile return (tests/hostile_corpus.py) through the real
`cchc-excel check`: no crash, no exit 4, no traceback, no input byte changed,
the good agency still counted, and the bad file named in Vietnamese with
where it is and how to fix it (issue #12)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import invoke, lo_fill
from formtools import fill
from hostile_corpus import KINDS, LO_KINDS, MARK_ITEM, Sources, libreoffice_jobs

VP_ITEM = "II.1"
_VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.I)
_DATE_TROUBLE = {"DATE_IN_FUTURE", "DATE_OUTSIDE_WINDOW", "DATE_INVALID", "DONE_NO_DATE", "STATUS_MISSING"}


@pytest.fixture(scope="module")
def sources(q1_forms, tmp_path_factory) -> Sources:
    folder = tmp_path_factory.mktemp("corpus-src")
    answer = {"status": "Đã hoàn thành", "completed_on": dt.datetime(2026, 2, 10),
              "result": "Đã công khai dự toán ngân sách quý I"}
    fill(q1_forms / "phong-kinh-te.xlsx", folder / "kt.xlsx", {MARK_ITEM: answer})
    fill(q1_forms / "vp-hdnd-ubnd.xlsx", folder / "vp.xlsx", {VP_ITEM: answer})
    return Sources(q1_forms, (folder / "kt.xlsx").read_bytes(), (folder / "vp.xlsx").read_bytes(), folder)


def _snapshot(top: Path, skip: Path) -> dict[str, object]:
    """Every entry under top (links not followed) with its content's digest."""
    seen: dict[str, object] = {}
    for folder, dirs, files in os.walk(top):
        base = Path(folder)
        if base == skip or skip in base.parents:
            continue
        for name in dirs + files:
            path = base / name
            if path == skip:
                continue
            key = str(path.relative_to(top))
            if path.is_symlink():
                seen[key] = ("link", os.readlink(path))
            elif path.is_dir():
                seen[key] = "dir"
            else:
                try:
                    seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
                except PermissionError:
                    stat = path.stat()
                    seen[key] = ("unreadable", stat.st_size, stat.st_mtime_ns)
    return seen


def test_the_corpus_has_at_least_40_distinct_kinds():
    ids = [k.id for k in KINDS + LO_KINDS]
    assert len(ids) == len(set(ids)) and len(KINDS) >= 40, len(ids)
    assert all(k.codes or k.reads for k in KINDS + LO_KINDS)      # each kind says what the officer must see


@pytest.mark.parametrize("kind", KINDS, ids=[k.id for k in KINDS])
def test_a_hostile_return_is_named_and_never_stops_the_run(kind, sources, tmp_path):
    _check(kind, sources, tmp_path)


@pytest.fixture(scope="module")
def lo_sources(sources, uno_python, tmp_path_factory) -> Sources:
    """The same returns, with the files LibreOffice saved (one LibreOffice session for all)."""
    folder = tmp_path_factory.mktemp("corpus-lo")
    (folder / "kt.xlsx").write_bytes(sources.kt)
    jobs = libreoffice_jobs(folder / "kt.xlsx", folder)
    lo_fill(uno_python, jobs, folder)
    return replace(sources, lo={Path(job["output"]).name: Path(job["output"]).read_bytes() for job in jobs})


@pytest.mark.parametrize("kind", LO_KINDS, ids=[k.id for k in LO_KINDS])
def test_a_return_made_by_libreoffice_reads_as_libreoffice_shows_it(kind, lo_sources, tmp_path):
    _check(kind, lo_sources, tmp_path)


def _check(kind, sources: Sources, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    inbox = root / "input" / "2026Q1"
    inbox.mkdir(parents=True)
    (inbox / "vp.xlsx").write_bytes(sources.vp)
    bad = kind.build(sources, inbox)
    before = _snapshot(tmp_path, root / "output")
    try:
        result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--json", "--today", "20/03/2026")
    finally:
        if bad.exists() and not bad.is_symlink() and bad.is_file():
            bad.chmod(0o644)
    assert result.exit_code in (0, 1), result.output[-3000:]
    assert "panicked" not in result.output
    out = json.loads(result.stdout)

    assert _snapshot(tmp_path, root / "output") == before           # no input changed, nothing written outside
    states = {a["code"]: a["status"] for a in out["agencies"]}
    assert states["vp-hdnd-ubnd"] == "sent"
    findings = out["findings"]
    assert any(f["code"] == "DONE_NO_EVIDENCE" and f["item"] == VP_ITEM and f["agency"] == "vp-hdnd-ubnd"
               for f in findings)
    for f in findings:
        assert f["message"] and f["fix"] and unicodedata.is_normalized("NFC", f["message"] + f["fix"])
        assert not re.search(r"Traceback|Errno|panicked|denied|No such file", f["message"]), f["message"]

    if kind.codes:
        named = [f for f in findings if f["code"] in kind.codes and Path(f["file"]).name == bad.name]
        assert named, (kind.id, [(f["code"], Path(f["file"]).name) for f in findings if f["file"]][:20])
        for f in named:
            assert _VIETNAMESE.search(f["message"]) and _VIETNAMESE.search(f["fix"]), f
            if f["code"] == "FORMULA_ERROR":
                assert re.search(r"#[A-Z0-9/]+[!?A]", f["message"]), f        # the error as Excel shows it
            if kind.located:
                assert f["sheet"] and f["cell"], f
                assert f["cell"] in f["message"] + f["fix"] or f["sheet"] in f["message"], f
    if kind.reads:
        assert states["phong-kinh-te"] == "sent", kind.id
        mine = [f for f in findings if f["agency"] == "phong-kinh-te" and f["item"] == MARK_ITEM]
        assert "DONE_NO_EVIDENCE" in {f["code"] for f in mine}, (kind.id, mine)
        assert not _DATE_TROUBLE & {f["code"] for f in mine}, (kind.id, mine)
    assert not [f for f in findings if f["code"] in kind.absent and Path(f["file"]).name == bad.name], kind.id
    for code, item in kind.also:
        assert any(f["code"] == code and f["item"] == item and f["agency"] == "phong-kinh-te"
                   and Path(f["file"]).name == bad.name for f in findings), (kind.id, code, item)


def test_a_shared_string_index_that_is_no_number_is_not_read_as_the_first_string(sources, tmp_path):
    """python-calamine reads «<v>0x</v>» in a shared-string cell as the table's first string: the
    agency's cell would say what another cell says. It is emptied and named instead."""
    from hostile_corpus import KINDS, MARK_ROW, RESULT

    from cchc_excel.intake import read_form

    kind = next(k for k in KINDS if k.id == "shared_string_index_not_a_number")
    path = kind.build(sources, tmp_path)
    form = read_form(path)
    answer = next(a for a in form.answers if a.item == MARK_ITEM)
    assert answer.values["result"] == ""
    assert [(i.code, i.cell, i.text) for i in form.issues if i.code == "CELL_UNREADABLE"] == [
        ("CELL_UNREADABLE", f"{RESULT}{MARK_ROW}", "0x")]
