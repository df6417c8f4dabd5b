"""cchc-excel: Excel forms and official CCHC reports for a Vietnamese commune."""

from .version import __version__

__all__ = ["__version__", "main"]


def main() -> None:
    """The `cchc-excel` command. Loading the program takes a moment: Ctrl-C
    then is a clean stop (exit 130), not a traceback."""
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    run()
