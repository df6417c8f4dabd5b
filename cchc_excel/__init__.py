"""cchc-excel: Excel forms and official CCHC reports for a Vietnamese commune.

Importing the package loads nothing else (the command's entry point,
:mod:`cchc_excel.__main__`, relies on that to handle an early Ctrl-C)."""

__all__ = ["__version__", "main"]


def __getattr__(name: str):
    if name == "__version__":        # the package itself loads nothing until asked
        from .version import __version__

        return __version__
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The `cchc-excel` command (see :mod:`cchc_excel.__main__`)."""
    from .__main__ import main as run

    run()
