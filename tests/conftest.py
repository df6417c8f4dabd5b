"""Shared fixtures: the embedded seed plan, CLI runner, plan files built in tests."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_excel.cli import cli

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
