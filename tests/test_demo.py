"""`cchc-excel demo`: the newcomer's first command."""

import re
import subprocess
import sys

import openpyxl
from conftest import invoke
from reporttools import document_text


def test_demo_makes_a_report_and_a_summary_from_nothing(tmp_path):
    root = tmp_path / "cchc-demo"
    result = invoke("demo", root)
    assert result.exit_code == 0, result.output
    report = root / "output" / "2026Q1" / "bao-cao-cchc-2026Q1.docx"
    summary = root / "output" / "2026Q1" / "tong-hop-2026Q1.xlsx"
    assert report.exists() and summary.exists()
    assert (root / "ke-hoach-cchc.xlsx").exists()
    assert len(list((root / "output" / "2026Q1" / "bieu-mau").glob("*.xlsx"))) == 5
    assert len(list((root / "input" / "2026Q1").glob("*.xlsx"))) == 4          # one agency is late
    out = result.stdout
    assert "Phòng Kinh tế chưa gửi" in out and "Đã nộp 4/5 cơ quan" in out
    assert str(report) in out and "Sản phẩm đến hạn: " in out and "chưa phát sinh " in out
    text = document_text(report)
    assert "[Phòng Kinh tế chưa gửi báo cáo]" in text                          # the late agency, marked
    assert "Văn bản, sản phẩm: " in text                                       # the annex: results with evidence
    assert re.search(r"\n\d\.\d\. [^\n]+: [^\n]+\((Kế hoạch|Quyết định|Báo cáo|Thông báo) số", text)  # the body too
    assert "Đề nghị" in text                                                   # proposals made it in
    # The realistic mistakes are caught: an unknown status with a suggestion, a missing evidence.
    assert "không có trong danh sách" in out and "Có phải «" in out
    assert "chưa ghi văn bản/sản phẩm minh chứng" in out
    workbook = openpyxl.load_workbook(summary)
    assert workbook["Chi tiết trả lời"].max_row > 30


def test_demo_again_in_its_own_folder_needs_force(tmp_path):
    root = tmp_path / "demo"
    assert invoke("demo", root).exit_code == 0
    assert (root / ".cchc-demo").is_file()
    again = invoke("demo", root, "--period", "2026S1")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert not (root / "output" / "2026S1").exists()
    forced = invoke("demo", root, "--period", "2026S1", "--force")
    assert forced.exit_code == 0, forced.output
    assert (root / "output" / "2026S1" / "bao-cao-cchc-2026S1.docx").exists()
    assert "6 tháng" in forced.stdout


def _tree(root):
    """Every file under root with its content hash: what must not change."""
    import hashlib

    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_demo_never_touches_a_working_folder(tmp_path):
    # Seen: `demo cchc-2026` on a real working folder added four invented returns to
    # input/2026Q1/, regenerated the forms and overwrote the report.
    root = tmp_path / "cchc-2026"
    assert invoke("init", root).exit_code == 0
    assert invoke("forms", "-p", "2026Q1", "--dir", root).exit_code == 0
    real = root / "input" / "2026Q1" / "that.xlsx"
    real.parent.mkdir(parents=True)
    real.write_bytes((root / "output" / "2026Q1" / "bieu-mau" / "phong-kinh-te.xlsx").read_bytes())
    before = _tree(root)
    for extra in ((), ("--force",)):
        result = invoke("demo", root, *extra)
        assert result.exit_code == 2, result.output
        assert "thư mục làm việc" in result.stderr and "cchc-excel demo cchc-demo" in result.stderr
        assert _tree(root) == before


def test_demo_refuses_a_folder_with_anything_in_it_and_a_folder_inside_a_working_folder(tmp_path):
    other = tmp_path / "tai-lieu"
    other.mkdir()
    (other / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    result = invoke("demo", other, "--force")
    assert result.exit_code == 2 and "đã có nội dung" in result.stderr
    assert sorted(p.name for p in other.iterdir()) == ["ghi-chu.txt"]

    root = tmp_path / "cchc-2026"
    assert invoke("init", root).exit_code == 0
    inside = invoke("demo", root / "input" / "2026Q1" / "cchc-demo")
    assert inside.exit_code == 2 and "nằm trong thư mục làm việc" in inside.stderr
    assert not (root / "input" / "2026Q1").exists()

    empty = tmp_path / "trong"
    empty.mkdir()
    assert invoke("demo", empty).exit_code == 0                 # an empty folder is fine


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "cchc_excel", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Cách dùng:" in result.stdout
    for command in ("init", "plan", "forms", "check", "compile", "templates", "demo"):
        assert command in result.stdout


def test_the_demo_cites_its_own_plan_as_the_plan_it_issued(tmp_path):
    # Seen: I.1 «Kế hoạch CCHC xã Xuân Trường năm 2026» done with «Kế hoạch số 52/KH-UBND ngày 03/01/2026»,
    # in a report that opens «Căn cứ Kế hoạch số 03/KH-UBND ngày 10/01/2026 …».
    from reporttools import annex_rows

    root = tmp_path / "demo"
    assert invoke("demo", "-p", "2026S1", root).exit_code == 0
    report = root / "output" / "2026S1" / "bao-cao-cchc-2026S1.docx"
    text = document_text(report)
    assert "Căn cứ Kế hoạch số 03/KH-UBND ngày 10/01/2026" in text
    row = annex_rows(report)["I.1"]
    assert row[4] == "Đã hoàn thành" and "Kế hoạch số 03/KH-UBND ngày 10/01/2026" in row[5], row
    assert "52/KH-UBND" not in text
