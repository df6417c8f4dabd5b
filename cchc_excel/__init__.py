"""cchc-excel: Excel forms and official CCHC reports for a Vietnamese commune."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cchc-excel")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"


def main() -> None:
    """The `cchc-excel` command. Loading the program takes a moment: Ctrl-C
    then is a clean stop (exit 130), not a traceback."""
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    run()
