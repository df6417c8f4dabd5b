import os
import zipfile

import pytest

from cchc_excel import files
from cchc_excel.files import Outputs, open_office_zip, write_bytes_atomic
from cchc_excel.messages import CchcError


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "a.xlsx"
    write_bytes_atomic(target, b"first")
    write_bytes_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["a.xlsx"]
    assert oct(target.stat().st_mode & 0o777) != "0o600"          # usual permissions, not mkstemp's


def test_write_failure_is_a_vietnamese_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CchcError) as info:
        write_bytes_atomic(blocker / "under-a-file.xlsx", b"x")
    assert "Không ghi được tệp" in str(info.value)


def test_a_high_ratio_member_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert os.path.getsize(bomb) < 100_000
    with pytest.raises(CchcError) as info:
        open_office_zip(bomb, "xlsx")
    assert info.value.code == "FILE_TOO_LARGE" and "bomb.xlsx" in str(info.value)


@pytest.mark.parametrize("system_flush", [True, False])
def test_staged_files_reach_the_disk_before_any_is_renamed_into_place(tmp_path, monkeypatch, system_flush):
    """Many files: one system-wide flush (where the system has one) instead of one fsync each;
    either way nothing is renamed into place before every new file's data is flushed."""
    flushed = []

    def sync():
        assert not any((tmp_path / f"{n}.xlsx").exists() for n in range(3))
        flushed.append("all")

    def fsync(fd):
        assert not any((tmp_path / f"{n}.xlsx").exists() for n in range(3))
        flushed.append(fd)

    if system_flush:
        monkeypatch.setattr(os, "sync", sync, raising=False)
    else:
        monkeypatch.delattr(os, "sync", raising=False)
    monkeypatch.setattr(files.os, "fsync", fsync)
    outputs = Outputs()
    for n in range(3):
        outputs.write(tmp_path / f"{n}.xlsx", b"data %d" % n)
    assert not flushed                                   # nothing flushed while staging
    outputs.commit()
    assert len(flushed) == (1 if system_flush else 3)
    assert [(tmp_path / f"{n}.xlsx").read_bytes() for n in range(3)] == [b"data 0", b"data 1", b"data 2"]
