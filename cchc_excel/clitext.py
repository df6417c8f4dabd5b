"""Vietnamese for click's own words (usage, errors, help headings).

click marks its strings for gettext; we give it a small catalogue instead of
shipping .mo files, by rebinding the ``_``/``ngettext`` it imported.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

_TEXT = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ ở {param_hint}: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Missing command.": "Thiếu tên lệnh.",
    "Aborted!": "Đã dừng.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "required": "bắt buộc",
    "(dynamic)": "(tùy lúc chạy)",
    "env var: {var}": "biến môi trường: {var}",
    "deprecated": "không dùng nữa",
    "Invalid value for {param_hint}": "Giá trị không hợp lệ ở {param_hint}",
}

# How help names what a command takes: its options, a group's command, any other value.
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMAND_METAVAR = "LỆNH [THAM SỐ]..."
VALUE_METAVAR = "GIÁ_TRỊ"
# How help names the value of each option and argument, by parameter name.
METAVARS = {
    "period": "KỲ", "agency_code": "MÃ_CƠ_QUAN", "deadline": "NGÀY", "today": "NGÀY", "report_date": "NGÀY",
    "directory": "THƯ_MỤC", "plan_file": "TỆP_KẾ_HOẠCH", "year": "NĂM",
}
_PLURAL = {
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
}


def _gettext(message: str) -> str:
    return _TEXT.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in _PLURAL:
        return _PLURAL[singular]
    return singular if n == 1 else plural


def install() -> None:
    for module in (click.core, click.exceptions, click.formatting, click.parser, click.types, click.decorators):
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
