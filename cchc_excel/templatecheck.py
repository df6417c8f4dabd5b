"""Check report templates an officer edited in Word: each one is rendered
with a sample context built from the plan (no answers), so a broken tag or a
misspelled variable is reported with its name, before a real compile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import pipeline
from .answers import Intake
from .docx_render import render
from .messages import CchcError
from .periods import make_period
from .report import build_context


@dataclass(frozen=True)
class TemplateResult:
    path: Path
    default: bool
    problem: str = ""


def check_templates(workspace: pipeline.Workspace, loaded: pipeline.LoadedPlan) -> list[TemplateResult]:
    year = loaded.plan.meta.year or dt.date.today().year
    empty = Intake({}, [], [], [], 0)
    seen: set[Path] = set()
    results = []
    for kind in ("Q1", "S1", "Y"):
        period = make_period(year, kind)
        path, default = pipeline.template_for(workspace, period)
        if path in seen:
            continue
        seen.add(path)
        context = build_context(loaded.plan, loaded.settings, period, empty, [], None, draft=True)
        try:
            render(path, context, None)
        except CchcError as exc:
            results.append(TemplateResult(path, default, str(exc)))
            continue
        results.append(TemplateResult(path, default))
    return results
