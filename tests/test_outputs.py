"""What a command writes is written all together or not at all; a feedback
copy is rewritten only when its agency's answers or findings changed; an old
copy that cannot be deleted is a finding, not the end of the run (issue #12)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

from conftest import invoke
from formtools import fill
from test_feedback import _workspace

from cchc_excel.files import Outputs

TODAY = "20/03/2026"


def _check(root):
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--json", "--today", TODAY)
    return result, json.loads(result.stdout)


def _broken(agency, answers):
    if agency in ("phong-kinh-te", "phong-vhxh"):
        answers["VI.1.1" if agency == "phong-kinh-te" else "I.1"] = {"status": "Hoàn thàn"}


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_an_unchanged_feedback_copy_is_not_rewritten(tmp_path, q1_forms):
    root = _workspace(tmp_path, q1_forms, tweak=_broken)
    feedback = root / "output" / "2026Q1" / "phan-hoi"
    first, _ = _check(root)
    copies = {p.name: _stamp(p) for p in feedback.iterdir()}
    assert {"phong-kinh-te.xlsx", "phong-vhxh.xlsx"} <= set(copies)

    again, data = _check(root)
    assert again.exit_code == first.exit_code
    assert {p.name: _stamp(p) for p in feedback.iterdir()} == copies          # nothing rewritten
    assert sorted(Path(p).name for p in data["outputs"]["feedback"]) == sorted(copies)

    # Phòng Kinh tế corrects its status: only its copy changes.
    kt = next((root / "input" / "2026Q1").glob("*phong-kinh-te*"))
    fill(kt, kt, {"VI.1.1": {"status": "Đang thực hiện"}})
    _check(root)
    after = {p.name: _stamp(p) for p in feedback.iterdir() if p.name in copies}
    changed = {name for name in copies if after.get(name) != copies[name]}
    assert "phong-kinh-te.xlsx" in changed and "phong-vhxh.xlsx" not in changed


def test_an_old_copy_that_cannot_be_deleted_is_a_finding(tmp_path, q1_forms, monkeypatch):
    root = _workspace(tmp_path, q1_forms)
    stale = root / "output" / "2026Q1" / "phan-hoi" / "buu-dien-xa.xlsx"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an earlier run's copy, open in Excel")
    real = Path.unlink

    def locked(self, *args, **kwargs):
        if self == stale:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", locked)
    result, data = _check(root)
    assert result.exit_code in (0, 1), result.output
    found = [f for f in data["findings"] if f["code"] == "FEEDBACK_NOT_DELETED"]
    assert len(found) == 1 and found[0]["file"] == str(stale)
    assert "không có quyền" in found[0]["message"] and "Permission" not in found[0]["message"]
    assert (root / "output" / "2026Q1" / "kiem-tra-2026Q1.xlsx").exists()


def test_compile_writes_report_and_summary_together_or_not_at_all(tmp_path, q1_forms, monkeypatch):
    root = _workspace(tmp_path, q1_forms)
    assert invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", TODAY).exit_code == 0
    out = root / "output" / "2026Q1"
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir() if p.is_file()}
    assert {"bao-cao-cchc-2026Q1.docx", "tong-hop-2026Q1.xlsx", "kiem-tra-2026Q1.xlsx"} <= set(before)

    kt = next((root / "input" / "2026Q1").glob("*phong-kinh-te*"))
    fill(kt, kt, {"VI.1.1": {"result": "Nội dung mới làm báo cáo khác đi"}})
    real = os.replace

    def summary_locked(src, dst):
        if "tong-hop-2026Q1.xlsx" in (Path(src).name, Path(dst).name):
            raise PermissionError(errno.EACCES, "Permission denied")   # the summary is open in Excel
        return real(src, dst)

    monkeypatch.setattr(os, "replace", summary_locked)
    result = invoke("compile", "--default-plan", "-p", "2026Q1", "--dir", root, "--today", TODAY)
    assert result.exit_code == 3 and "tong-hop-2026Q1.xlsx" in result.output and "không có quyền" in result.output
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir() if p.is_file()}
    assert after == before                      # the old report, summary and findings, nothing else


def test_outputs_commit_puts_old_files_back_when_a_rename_fails(tmp_path, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("old a")
    b.write_text("old b")
    staged = Outputs()
    staged.write(a, b"new a")
    staged.write(b, b"new b")
    real = os.replace

    def fail_b(src, dst):
        if Path(dst) == b and str(src).endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fail_b)
    try:
        staged.commit()
    except Exception as exc:  # noqa: BLE001 - the test looks at what was raised
        assert "hết chỗ trống" in str(exc)
    else:
        raise AssertionError("commit should fail")
    assert a.read_text() == "old a" and b.read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
