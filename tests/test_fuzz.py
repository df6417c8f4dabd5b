"""Whole-file fuzz of returned workbooks (issue #12): byte flips, truncation,
XML mutations and far cells, of .xlsx and (saved by LibreOffice) .ods and .xls.
Whatever a file holds, `check` names it or reads it, never crashes, never
changes an input byte, and still counts every other agency. Fixed seed
(derandomize) and a small budget so CI stays fast."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from formtools import done, fill
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_excel.periods import parse_period
from cchc_excel.pipeline import LoadedPlan, Workspace, load_embedded_plan, run_check
from cchc_excel.planbook import default_settings

PLAN = load_embedded_plan()
LOADED = LoadedPlan(PLAN, default_settings(PLAN.meta), Path("plan"), embedded=True)
PERIOD = parse_period("2026Q1")


@pytest.fixture(scope="module")
def returns(q1_forms, tmp_path_factory) -> dict[str, bytes]:
    """A filled return of Phòng Kinh tế (mutated) and of Văn phòng (kept good)."""
    folder = tmp_path_factory.mktemp("fuzz-src")
    fill(q1_forms / "phong-kinh-te.xlsx", folder / "kt.xlsx", {"VI.1.1": done(), "VI.2": {"status": "Đang thực hiện"}})
    fill(q1_forms / "vp-hdnd-ubnd.xlsx", folder / "vp.xlsx", {"II.1": done()})
    return {name: (folder / name).read_bytes() for name in ("kt.xlsx", "vp.xlsx")}


def _rezip(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))
    return out.getvalue()


FAR_REFS = ["XFD1048576", "J1048576", "A1048576", "ZZ9999", "AAAA1", "A99999999999", "IV65536", "a5"]
SNIPPETS = [b"<f>1/0</f>", b' t="e"', b"<v>#N/A</v>", b"</c>", b"<c>", b"<row>", b"_x000B_", b"&#11;", b"\x00",
            b'<c r="H5" t="s"><v>999999</v></c>', b"<is><t>&amp; &lt; &gt;</t></is>", b"<!--", b"]]>"]


@st.composite
def mutations(draw):
    kind = draw(st.sampled_from(["flip", "truncate", "xml", "far", "far-xml"]))
    if kind == "flip":
        return kind, draw(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
                                   min_size=1, max_size=8))
    if kind == "truncate":
        return kind, draw(st.floats(0, 1, exclude_max=True))
    if kind == "far":
        return kind, (draw(st.sampled_from(FAR_REFS)), draw(st.sampled_from(["<v>1</v>", '<is><t>x</t></is>', ""])),
                      draw(st.sampled_from([' t="inlineStr"', "", " s='1'", ' r = "Z1"'])))
    ops = draw(st.lists(st.tuples(st.sampled_from(["cut", "dup", "insert"]), st.floats(0, 1, exclude_max=True),
                                  st.floats(0, 0.05), st.sampled_from(SNIPPETS)), min_size=1, max_size=4))
    return kind, ops


def _apply(data: bytes, mutation) -> bytes:
    kind, args = mutation
    if kind == "flip":
        raw = bytearray(data)
        for where, xor in args:
            raw[int(where * len(raw))] ^= xor
        return bytes(raw)
    if kind == "truncate":
        return data[: int(args * len(data))]
    if kind == "far":
        ref, body, attrs = args
        row = re.sub(r"^[A-Za-z]+", "", ref) or "1"
        cell = f'<row r="{row}"><c r="{ref}"{attrs}>{body}</c></row>'.encode()
        return _rezip(data, lambda name, part: part.replace(b"</sheetData>", cell + b"</sheetData>")
                      if name.startswith("xl/worksheets/") else part)

    def mutate(name, part):
        if not name.startswith("xl/worksheets/") and name not in ("xl/workbook.xml", "content.xml"):
            return part
        for op, where, size, snippet in args:
            at, length = int(where * len(part)), int(size * len(part))
            if op == "cut":
                part = part[:at] + part[at + length:]
            elif op == "dup":
                part = part[:at] + part[at:at + length] * 2 + part[at + length:]
            else:
                part = part[:at] + snippet + part[at:]
        return part

    return _rezip(data, mutate)


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=mutations(), resent=st.booleans())
def test_no_return_crashes_the_run_changes_an_input_or_hides_another_agency(returns, tmp_path_factory, mutation,
                                                                          resent):
    root = tmp_path_factory.mktemp("fuzz")
    inbox = Workspace(root).input_dir("2026Q1")
    inbox.mkdir(parents=True)
    (inbox / "kt.xlsx").write_bytes(_apply(returns["kt.xlsx"], mutation))
    (inbox / "vp.xlsx").write_bytes(returns["vp.xlsx"])
    if resent:      # the agency sent its return again later: the damaged one is read after it, as an older version
        (inbox / "kt-gui-lai.xlsx").write_bytes(returns["kt.xlsx"])
        os.utime(inbox / "kt.xlsx", (1_700_000_000, 1_700_000_000))
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}

    result = run_check(Workspace(root), LOADED, PERIOD, dt.date(2026, 3, 20))   # any exception fails the test

    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()} == before
    assert result.intake.submissions["vp-hdnd-ubnd"].used.name == "vp.xlsx"
    assert result.intake.answers_of("vp-hdnd-ubnd")["II.1"].status == "done"
    sent = "phong-kinh-te" in result.intake.submissions
    named = any(Path(f.file).name == "kt.xlsx" for f in result.findings)
    assert sent or named                        # the mutated file is read or named, never silently dropped
    assert sent or not resent                   # a good later version is always taken
    for f in result.findings:
        assert f.message and f.fix and "Traceback" not in f.message
    shutil.rmtree(root)


# --- the same return saved by LibreOffice as .ods and .xls ------------------------------------

ODS_FAR = [b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
           b'table:number-columns-repeated="1024"/></table:table-row>',
           b'<table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell '
           b'office:value-type="string"><text:p>xa</text:p></table:table-cell></table:table-row>',
           b'<table:table-row><table:table-cell table:number-columns-spanned="99999999" '
           b'table:number-rows-spanned="99999999" office:value-type="string"><text:p>x</text:p></table:table-cell>'
           b"</table:table-row>",
           b'<table:table-row><table:table-cell table:formula="of:=1/0"/></table:table-row>']


@pytest.fixture(scope="module")
def office_returns(returns, uno_python, tmp_path_factory) -> dict[str, bytes]:
    from conftest import lo_fill

    folder = tmp_path_factory.mktemp("fuzz-lo")
    (folder / "kt.xlsx").write_bytes(returns["kt.xlsx"])
    jobs = [{"input": str(folder / "kt.xlsx"), "output": str(folder / name), "filter": filt, "cells": []}
            for name, filt in (("kt.ods", "calc8"), ("kt.xls", "MS Excel 97"))]
    lo_fill(uno_python, jobs, folder)
    return {name: (folder / name).read_bytes() for name in ("kt.ods", "kt.xls")}


def _apply_office(data: bytes, suffix: str, mutation) -> bytes:
    kind, args = mutation
    if suffix == ".xls" and kind in ("xml", "far", "far-xml"):          # no XML inside: flip the bytes instead
        return _apply(data, ("flip", [(x, 0x5A) for x in (0.3, 0.5, 0.7)]))
    if suffix == ".ods" and kind == "far":
        row = ODS_FAR[sum(args[0].encode()) % len(ODS_FAR)]      # deterministic (str hashes are salted)
        return _rezip(data, lambda name, part: part.replace(b"</table:table>", row + b"</table:table>", 1)
                      if name == "content.xml" else part)
    return _apply(data, mutation)


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=mutations(), suffix=st.sampled_from([".ods", ".xls"]))
def test_no_ods_or_xls_return_crashes_the_run(returns, office_returns, tmp_path_factory, mutation, suffix):
    root = tmp_path_factory.mktemp("fuzz-office")
    inbox = Workspace(root).input_dir("2026Q1")
    inbox.mkdir(parents=True)
    (inbox / f"kt{suffix}").write_bytes(_apply_office(office_returns[f"kt{suffix}"], suffix, mutation))
    (inbox / "vp.xlsx").write_bytes(returns["vp.xlsx"])
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}

    result = run_check(Workspace(root), LOADED, PERIOD, dt.date(2026, 3, 20))

    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()} == before
    assert result.intake.answers_of("vp-hdnd-ubnd")["II.1"].status == "done"
    assert "phong-kinh-te" in result.intake.submissions or any(
        Path(f.file).name == f"kt{suffix}" for f in result.findings)
    for f in result.findings:
        assert f.message and f.fix and "Traceback" not in f.message
    shutil.rmtree(root)
