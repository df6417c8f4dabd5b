import os
import zipfile

import pytest

from cchc_excel.files import open_office_zip, write_bytes_atomic
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
