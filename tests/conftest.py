"""Shared fixtures: the embedded seed plan, CLI runner, plan files built in tests."""

from __future__ import annotations

import importlib.resources
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_excel.cli import cli
from cchc_excel.deadlines import CACHE_FOLDER_VARIABLE

# The days of the `holidays` package are cached between runs in the user's cache folder:
# the tests (and the commands they start) keep theirs in a folder of their own.
os.environ.setdefault(CACHE_FOLDER_VARIABLE, tempfile.mkdtemp(prefix="cchc-test-cache-"))

SEED = Path(str(importlib.resources.files("cchc_excel") / "data" / "ke-hoach-mac-dinh.txt"))


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def seed_rows() -> tuple[list[str], list[list[str]]]:
    """(title lines, table rows) of the seed, markup removed."""
    titles, rows = [], []
    for line in seed_lines():
        clean = line.replace("<b>", "").replace("</b>", "").replace("**", "")
        if "\t" in line:
            rows.append(clean.split("\t"))
        elif clean.strip():
            titles.append(clean.strip().strip("*"))
    return titles, rows


def invoke(*args: str, input: str | None = None):
    """Run the real CLI in-process; never a traceback on the user's screen."""
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def seed_path() -> Path:
    return SEED


def _uno_python() -> str | None:
    import shutil
    import subprocess

    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


@pytest.fixture(scope="session")
def uno_python() -> str:
    """A Python that can drive LibreOffice through UNO; CI requires it."""
    import os
    import shutil

    python = _uno_python()
    if python and shutil.which("soffice"):
        return python
    if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice with python3-uno is required here (CCHC_REQUIRE_LIBREOFFICE is set)")
    pytest.skip("LibreOffice/python3-uno not installed")


def lo_fill(uno_python: str, jobs: list[dict], tmp_path: Path) -> None:
    """Type values into workbooks through LibreOffice and save them (see lo_fill.py)."""
    import json
    import subprocess

    spec = tmp_path / "lo-jobs.json"
    spec.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    script = Path(__file__).with_name("lo_fill.py")
    done = subprocess.run([uno_python, str(script), str(spec)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for job in jobs:
        assert Path(job["output"]).exists(), job["output"]


@pytest.fixture(scope="session")
def q1_forms(tmp_path_factory) -> Path:
    """The 2026Q1 forms of the embedded plan, generated once by the real CLI."""
    root = tmp_path_factory.mktemp("q1")
    result = invoke("forms", "--default-plan", "--period", "2026Q1", "--dir", root)
    assert result.exit_code == 0, result.output
    return root / "output" / "2026Q1" / "bieu-mau"


def pytest_collection_modifyitems(items):
    """Tests that drive LibreOffice carry the `libreoffice` marker (select or
    leave them out with -m): those using the uno_python fixture, and those
    marked by hand."""
    for item in items:
        if "uno_python" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.libreoffice)
