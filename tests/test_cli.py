import json
import subprocess
import sys

from conftest import invoke


def test_plan_show_works_without_a_workbook_and_says_so(tmp_path):
    result = invoke("plan", "show", "--default-plan", "--dir", tmp_path)
    assert result.exit_code == 0
    assert "kế hoạch mặc định" in result.stderr
    assert "Tổng cộng: 7 phần, 39 nhiệm vụ, 46 sản phẩm" in result.stdout
    assert "I.5.2" in result.stdout


def test_plan_show_json_has_the_documented_shape(tmp_path):
    data = json.loads(invoke("plan", "show", "--default-plan", "--json", "--dir", tmp_path).stdout)
    assert set(data) == {"plan", "sections", "agencies", "indicators"}
    assert {"code": "HS_TIEP_NHAN", "unit": "hồ sơ"}.items() <= next(
        i for i in data["indicators"] if i["code"] == "HS_TIEP_NHAN").items()
    item = data["sections"][0]["tasks"][4]["items"][1]
    assert item["id"] == "I.5.2"
    assert set(item) >= {"id", "product", "lead", "coordinators", "timeframe"}
    assert item["coordinators"] == ["buu-dien-xa"]
    assert {"code": "buu-dien-xa", "name": "Bưu điện xã"}.items() <= data["agencies"][-1].items()


def test_plan_check_exits_zero_with_only_warnings(tmp_path):
    result = invoke("plan", "check", "--default-plan", "--dir", tmp_path)
    assert result.exit_code == 0
    # 6 in the plan, 4 slips the report corrects («sở Nội vụ» twice, «cơ chế cơ chế», «tin, bài, trên»),
    # next year's estimate named with this year (VI.1.4), and no signer
    assert "0 lỗi, 12 cảnh báo" in result.stdout
    assert "«Họ và tên người ký» đang để trống" in result.stdout


def test_garbage_plan_import_is_a_clear_message_not_a_traceback(tmp_path):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_bytes(b"\x00\x01garbage")
    result = invoke("plan", "import", bad, "--dir", tmp_path / "w")
    assert result.exit_code == 3
    assert "ke-hoach.docx" in result.stderr and "Cách khắc phục" in result.stderr
    missing = invoke("plan", "import", tmp_path / "khong-co.txt", "--dir", tmp_path / "w")
    assert missing.exit_code == 3 and "Không tìm thấy tệp" in missing.stderr


def test_help_is_vietnamese():
    result = invoke("--help")
    assert "Cách dùng:" in result.output and "Lệnh:" in result.output and "Tùy chọn:" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    plan_help = invoke("plan", "check", "--default-plan", "--help").output
    assert "Soát lỗi kế hoạch" in plan_help and "Ví dụ:" in plan_help


def test_bad_period_and_module_entry_point(tmp_path):
    from importlib.metadata import version

    result = subprocess.run([sys.executable, "-m", "cchc_excel", "--version"], capture_output=True, text=True)
    # The version is written once (cchc_excel/version.py); the installed package's metadata reads it from there.
    assert result.returncode == 0 and result.stdout.strip() == f"cchc-excel {version('cchc-excel')}"


def test_output_is_utf8_even_where_the_locale_is_not(tmp_path):
    import os

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "cchc_excel", "plan", "check", "--default-plan", "--dir", str(tmp_path)]
    result = subprocess.run(command,
                            capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Cảnh báo I.6" in result.stdout.decode("utf-8")
    assert "kế hoạch mặc định" in result.stderr.decode("utf-8")
