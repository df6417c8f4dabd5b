"""`cchc-excel demo`: the newcomer's first command."""

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
    assert str(report) in out and "Hoàn thành" in out
    text = document_text(report)
    assert "[Phòng Kinh tế chưa gửi báo cáo]" in text                          # the late agency, marked
    assert "(đã hoàn thành ngày " in text and "Văn bản, sản phẩm: " in text             # results with evidence
    assert "Đề nghị" in text                                                   # proposals made it in
    # The realistic mistakes are caught: an unknown status with a suggestion, a missing evidence.
    assert "không có trong danh sách" in out and "Có phải «" in out
    assert "chưa ghi văn bản/sản phẩm minh chứng" in out
    workbook = openpyxl.load_workbook(summary)
    assert workbook["Chi tiết trả lời"].max_row > 30


def test_demo_again_in_the_same_folder_keeps_working(tmp_path):
    root = tmp_path / "demo"
    assert invoke("demo", root).exit_code == 0
    again = invoke("demo", root, "--period", "2026S1")
    assert again.exit_code == 0, again.output
    assert (root / "output" / "2026S1" / "bao-cao-cchc-2026S1.docx").exists()
    assert "6 tháng" in again.stdout


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "cchc_excel", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Cách dùng:" in result.stdout
    for command in ("init", "plan", "forms", "check", "compile", "templates", "demo"):
        assert command in result.stdout
