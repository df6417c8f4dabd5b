"""The installed version of cchc-excel (written into forms and feedback copies)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cchc-excel")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
