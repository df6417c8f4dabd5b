"""Identifying, de-duplicating and normalising returned files; bad input never
crashes the run, never stops the other files and is never modified."""

import datetime as dt
import hashlib
import io
import os
import unicodedata
import zipfile

import docx
import openpyxl
import pytest
from conftest import invoke
from formtools import claimed_by, done, fill, patch_zip, set_saved_time
from msoffcrypto.format.ooxml import OOXMLFile

from cchc_excel.answers import item_status
from cchc_excel.merge import collect
from cchc_excel.models import Status
from cchc_excel.pipeline import load_embedded_plan

PLAN = load_embedded_plan()


def _collect(paths):
    return collect(PLAN, "2026Q1", paths)


def _codes(intake):
    return {(f.code, os.path.basename(f.file)) for f in intake.findings}


def _bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))


def _entity_expansion(q1_forms, path):
    """A real form whose shared strings carry a 'billion laughs' DTD (its own
    strings kept, one more string made of the entity)."""
    source = q1_forms / "buu-dien-xa.xlsx"
    dtd = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                     for i in range(1, 10)) + ']>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                text = data.decode("utf-8")
                text = text[text.index("<sst"):].replace("</sst>", "<si><t>&lol9;</t></si></sst>")
                data = ('<?xml version="1.0"?>' + dtd + text).encode("utf-8")
            dst.writestr(info, data)


def _encrypted(q1_forms, path):
    plain = io.BytesIO((q1_forms / "phong-kinh-te.xlsx").read_bytes())
    with open(path, "wb") as out:
        OOXMLFile(plain).encrypt("matkhau", out)


def _docx(path):
    document = docx.Document()
    document.add_paragraph("Báo cáo")
    document.save(path)


def test_bad_files_are_each_reported_and_never_stop_the_others(q1_forms, tmp_path):
    inbox = tmp_path / "input"
    inbox.mkdir()
    good = inbox / "vhxh.xlsx"
    fill(q1_forms / "phong-vhxh.xlsx", good, {"I.1": done()})
    (inbox / "not-a-zip.xlsx").write_bytes(b"hello, this is not a workbook")
    truncated = (q1_forms / "vp-hdnd-ubnd.xlsx").read_bytes()
    (inbox / "truncated.xlsx").write_bytes(truncated[: len(truncated) // 2])
    _docx(inbox / "renamed.xlsx")
    _encrypted(q1_forms, inbox / "encrypted.xlsx")
    (inbox / "empty.xlsx").write_bytes(b"")
    foreign = openpyxl.Workbook()
    foreign.active["A1"] = "Bảng tự làm"
    foreign.save(inbox / "foreign.xlsx")
    _bomb(inbox / "bomb.xlsx")
    _entity_expansion(q1_forms, inbox / "laughs.xlsx")
    (inbox / "~$vhxh.xlsx").write_bytes(b"lock")
    (inbox / "notes.pdf").write_bytes(b"%PDF-1.4")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}

    intake = _collect(sorted(inbox.iterdir()))
    codes = _codes(intake)
    assert ("FILE_NOT_ZIP", "not-a-zip.xlsx") in codes
    assert ("FILE_NOT_ZIP", "truncated.xlsx") in codes
    assert ("FILE_WRONG_KIND", "renamed.xlsx") in codes
    assert ("FILE_ENCRYPTED", "encrypted.xlsx") in codes
    assert ("FILE_EMPTY", "empty.xlsx") in codes
    assert ("RETURN_NOT_FORM", "foreign.xlsx") in codes
    assert ("FILE_TOO_LARGE", "bomb.xlsx") in codes
    assert ("RETURN_LOCK_FILE", "~$vhxh.xlsx") in codes
    assert ("RETURN_TYPE_UNSUPPORTED", "notes.pdf") in codes
    # The entity bomb is never expanded (nor the run hung): the reader refuses the undeclared
    # entity, and the file is named as unreadable.
    assert ("FILE_UNREADABLE", "laughs.xlsx") in codes and "buu-dien-xa" not in intake.submissions
    assert all(len(a.result) < 100 and "lollol" not in a.status_text for a in intake.answers)
    # The good file is still read.
    assert intake.submissions["phong-vhxh"].used == good
    assert intake.answers_of("phong-vhxh")["I.1"].status == "done"
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}
    assert after == before                                   # inputs never modified
    for f in intake.findings:
        assert f.message and f.fix and os.path.basename(f.file) in f.message or f.code == "RETURN_SUPERSEDED"


def test_formula_like_long_and_nfd_text_is_kept_as_typed(q1_forms, tmp_path):
    long_text = "Kết quả chi tiết. " * 2300 + "Hết."   # 41,404 characters: more than Excel allows
    nfd = unicodedata.normalize("NFD", "Đã tổ chức hội nghị triển khai")
    answers = {"VI.1.1": {"status": Status.IN_PROGRESS.label, "result": "=1+1 không phải công thức",
                          "evidence": "+84 912 345 678", "difficulties": "-", "proposals": "@ban lãnh đạo"},
               "VI.4.1": {"status": Status.IN_PROGRESS.label, "result": "LONG_TEXT_MARKER"},
               "VI.4.2": {"status": Status.IN_PROGRESS.label, "result": nfd}}
    out = tmp_path / "kt.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", out, answers, text_keys=("result", "evidence", "proposals"))
    patch_zip(out, pattern=lambda name, data: data.replace(b"LONG_TEXT_MARKER", long_text.encode()))
    intake = _collect([out])
    got = intake.answers_of("phong-kinh-te")
    assert got["VI.1.1"].result == "=1+1 không phải công thức"
    assert got["VI.1.1"].evidence == "+84 912 345 678" and got["VI.1.1"].proposals == "@ban lãnh đạo"
    assert got["VI.4.1"].result == long_text
    assert got["VI.4.2"].result == unicodedata.normalize("NFC", nfd)
    too_long = [f for f in intake.findings if f.code == "CELL_TOO_LONG"]
    assert too_long and too_long[0].item == "VI.4.1" and too_long[0].cell.startswith("J")


def test_two_files_from_one_agency_newest_wins_and_older_is_listed(q1_forms, tmp_path):
    older, newer = tmp_path / "kt-lan-1.xlsx", tmp_path / "kt-lan-2.xlsx"

    fill(q1_forms / "phong-kinh-te.xlsx", older, {"VI.1.1": {"status": Status.IN_PROGRESS.label}})
    fill(q1_forms / "phong-kinh-te.xlsx", newer, {"VI.1.1": done()})
    set_saved_time(older, dt.datetime(2026, 3, 10, 8, 0))
    set_saved_time(newer, dt.datetime(2026, 3, 12, 8, 0))
    os.utime(newer, (1, 1))          # the file time alone would pick the wrong one
    intake = _collect([newer, older])
    submission = intake.submissions["phong-kinh-te"]
    assert submission.used == newer and submission.superseded == [older]
    assert intake.answers_of("phong-kinh-te")["VI.1.1"].status == "done"
    assert ("RETURN_SUPERSEDED", "kt-lan-1.xlsx") in _codes(intake)


def test_form_of_another_period_or_plan_is_rejected(q1_forms, tmp_path):
    s1 = tmp_path / "s1"
    invoke("forms", "--default-plan", "-p", "2026S1", "--agency", "phong-kinh-te", "--dir", s1)
    other_period = s1 / "output" / "2026S1" / "bieu-mau" / "phong-kinh-te.xlsx"
    changed_plan = tmp_path / "changed.xlsx"

    def tamper(workbook):
        meta = workbook["_meta"]
        for row in meta.iter_rows():
            if row[0].value == "plan_fingerprint":
                row[1].value = "000000000000"
    fill(q1_forms / "phong-kinh-te.xlsx", changed_plan, {}, transform=tamper)
    intake = _collect([other_period, changed_plan])
    codes = {f.code for f in intake.findings}
    assert {"RETURN_OTHER_PERIOD", "RETURN_OTHER_PLAN"} <= codes
    assert "phong-kinh-te" not in intake.submissions
    message = next(f.message for f in intake.findings if f.code == "RETURN_OTHER_PERIOD")
    assert "2026S1" in message and "Phòng Kinh tế" in message


@pytest.mark.libreoffice
def test_xls_and_ods_saved_by_other_suites_are_read(q1_forms, tmp_path):
    import os

    from cchc_excel.office import convert, find_soffice

    if not find_soffice():
        if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required here (CCHC_REQUIRE_LIBREOFFICE is set)")
        pytest.skip("LibreOffice not installed")
    source = tmp_path / "kt.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", source, {"VI.1.1": done()})
    ods = convert(source, "ods", tmp_path / "ods")
    xls = convert(source, "xls", tmp_path / "xls")
    for path in (ods, xls):
        intake = _collect([path])
        assert intake.answers_of("phong-kinh-te")["VI.1.1"].status == "done", path
        assert intake.answers_of("phong-kinh-te")["VI.1.1"].completed_on == dt.date(2026, 2, 10)


def test_item_status_from_leads():
    from cchc_excel.answers import Answer

    def a(status):
        return Answer("I.6", "x", "lead", status, "", None, "", "", "", "", "", "f", "s", 5)

    assert item_status([a("done"), a("done")]) == "done"
    assert item_status([a("done"), a(None)]) == "in_progress"
    assert item_status([a("not_arisen")]) == "not_arisen"
    assert item_status([a("not_started"), a("in_progress")]) == "in_progress"
    assert item_status([a("not_started")]) == "not_started"
    assert item_status([a(None)]) is None


def test_forms_normalised_early_to_spare_memory_give_the_same_intake(q1_forms, tmp_path, monkeypatch):
    """With many agencies the longest-held forms are normalised while reading (their cells let go);
    a form normalised so and then superseded is dropped: the intake is the same as reading all first."""
    from cchc_excel import merge

    paths = []
    for form in sorted(q1_forms.iterdir()):
        path = tmp_path / f"{form.stem}.xlsx"
        fill(form, path, {"VI.1.1": {"status": "Hoàn thàn", "result": "x"}, "I.1": {"completed_on": "32/1"}})
        paths.append(path)
    older, newer = tmp_path / "kt-lan-1.xlsx", tmp_path / "kt-lan-3.xlsx"
    fill(q1_forms / "phong-kinh-te.xlsx", older, {"VI.1.1": {"status": Status.IN_PROGRESS.label}})
    fill(q1_forms / "phong-kinh-te.xlsx", newer, {"VI.1.1": done()})
    late = tmp_path / "zz-vhxh-cu.xlsx"                  # read last, older than the one read first
    fill(q1_forms / "phong-vhxh.xlsx", late, {"I.1": done()})
    for path, day in ((older, 10), (newer, 12), (late, 1)):
        set_saved_time(path, dt.datetime(2026, 3, day, 8, 0))
    for path in paths:
        set_saved_time(path, dt.datetime(2026, 3, 11, 8, 0))
    order = [older, *paths, newer, late]
    for rank, path in enumerate(order):           # files are read newest first by file time: in this order
        os.utime(path, (1_800_000_000 - rank, 1_800_000_000 - rank))

    normalised = []
    real = merge.normalise
    monkeypatch.setattr(merge, "normalise", lambda *args: normalised.append(args[1].path) or real(*args))
    whole = _collect(order)
    assert len(normalised) == 5
    normalised.clear()
    monkeypatch.setattr(merge, "HELD_FORMS", 1)
    early = _collect(order)
    assert older in normalised and len(normalised) > 5            # normalised early, then superseded
    assert early.answers == whole.answers and early.figures == whole.figures
    assert [a.cells for a in early.answers] == [a.cells for a in whole.answers]
    assert early.findings == whole.findings and early.submissions == whole.submissions
    assert early.submissions["phong-kinh-te"].used == newer
    assert early.submissions["phong-vhxh"].superseded == [late]
    assert {"DATE_INVALID", "RETURN_SUPERSEDED"} <= {f.code for f in early.findings}


def test_cells_read_as_text_once_per_value_keep_their_types():
    from cchc_excel.merge import _as_text
    from cchc_excel.values import text_value

    values = [1, 1.0, True, 1.5, "1", " Đang  thực hiện ", dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 8, 0),
              None, "", "x" * 300, "a\x0bb"]
    for _ in range(2):                              # the second time from the cache
        assert [_as_text(v) for v in values] == [text_value(v) for v in values]   # True is not 1


def test_older_versions_are_read_for_their_rows_only_and_the_intake_is_the_same(q1_forms, tmp_path, monkeypatch):
    """Files are read newest first (by file time): a version older than its agency's newest is read
    only for its item rows, which still tell whose rows it holds; the intake is the same whatever the
    file times say."""
    from cchc_excel import intake as reader

    files = []
    for version, day in ((1, 5), (2, 8), (3, 12)):
        path = tmp_path / f"kt-lan-{version}.xlsx"
        fill(q1_forms / "phong-kinh-te.xlsx", path,
             {"VI.1.1": {"status": "Đang thực hiện", "result": f"Lần {version}"}})
        files.append((path, day))
    for version, day in ((1, 3), (2, 9)):
        path = tmp_path / f"vh-lan-{version}.xlsx"
        fill(q1_forms / "phong-vhxh.xlsx", path, {"I.1": {"status": "Đang thực hiện", "result": f"Lần {version}"}})
        files.append((path, day))
    swapped = tmp_path / "vh-lan-0.xlsx"          # older than the newest of the agency it names
    fill(q1_forms / "phong-kinh-te.xlsx", swapped, {"VI.1.1": done()},
         transform=claimed_by("phong-vhxh", "Phòng Văn hóa - Xã hội"))
    files.append((swapped, 1))
    for path, day in files:
        set_saved_time(path, dt.datetime(2026, 3, day, 8, 0))
    paths = sorted(path for path, _ in files)

    def read(file_times):
        for path, day in files:
            os.utime(path, (file_times(day), file_times(day)))
        full = []
        real = reader._read_items
        monkeypatch.setattr(reader, "_read_items", lambda form, *args: full.append(form.path) or real(form, *args))
        result = collect(PLAN, "2026Q1", paths)
        monkeypatch.undo()
        return result, set(full)

    in_order, read_in_full = read(lambda day: 1_780_000_000 + day * 3600)     # file times as saved
    backwards, _ = read(lambda day: 1_780_000_000 - day * 3600)               # file times the other way round
    assert read_in_full == {tmp_path / "kt-lan-3.xlsx", tmp_path / "vh-lan-2.xlsx"}
    assert in_order.submissions["phong-kinh-te"].used == tmp_path / "kt-lan-3.xlsx"
    assert in_order.submissions["phong-vhxh"].used == tmp_path / "vh-lan-2.xlsx"
    assert in_order.answers_of("phong-kinh-te")["VI.1.1"].result == "Lần 3"
    caught = [f for f in in_order.findings if f.code == "RETURN_ROWS_OF_ANOTHER"]
    assert [(f.file, f.agency) for f in caught] == [(str(swapped), "phong-vhxh")]
    assert in_order.findings == backwards.findings and in_order.answers == backwards.answers
    assert in_order.submissions == backwards.submissions and in_order.rejected == backwards.rejected
