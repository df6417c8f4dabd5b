"""The version of cchc-excel (written into forms and feedback copies).

The one place it is written: pyproject.toml reads it from here
(``[tool.setuptools.dynamic]``), so no package metadata is looked up at run
time (importlib.metadata costs tens of milliseconds on every command)."""

__version__ = "0.1.0"
