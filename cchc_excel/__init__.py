"""cchc-excel: Excel forms and official CCHC reports for a Vietnamese commune."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cchc-excel")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
