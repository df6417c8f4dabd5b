"""Plan lint: the quirks of real plans, reported (never silently fixed) with the
item id and a suggested fix (DESIGN §2)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from .agencies import Registry
from .indicators import in_locality, proposed_targets
from .messages import finding, phrase, render
from .models import Finding, Item, Plan, Settings, TimeframeKind
from .plan import ends_before_plan, plan_start
from .plan_meta import default_recipients, locality_of, localized, other_localities, said_for
from .planwords import corrected, slips_in
from .textnorm import fold
from .vnformat import number


def _finding(code: str, item: str, **fields: object) -> Finding:
    return finding(code, item=item, **fields)


def lint_plan(plan: Plan) -> list[Finding]:
    registry = Registry(plan.agencies)
    year = plan.meta.year
    findings: list[Finding] = []
    for item in plan.items:
        tf = item.timeframe
        if year and any(y != year for y in tf.years) and tf.kind != TimeframeKind.UNKNOWN:
            found = next(y for y in tf.years if y != year)
            findings.append(_finding(
                "LINT_YEAR", item.id, text=tf.text, found=found, year=year,
                suggestion=tf.text.replace(str(found), str(year)),
            ))
        if tf.kind == TimeframeKind.UNKNOWN:
            findings.append(_finding("LINT_TIMEFRAME_UNKNOWN", item.id,
                                     text=tf.text or phrase("TEXT_BLANK"), year=year or 2026))
        first_of_task = item.id.count(".") == 1 or item.id.endswith(".1")
        for text in ((item.task, item.product) if first_of_task else (item.product,)):
            for name, found in slips_in(text):
                if name == "chi_so":
                    findings.append(_finding("LINT_CHI_SO", item.id, found=found))
                else:
                    findings.append(_finding("LINT_SLIP", item.id, found=found, suggestion=corrected(found)))
        lead = registry.resolve(item.lead_text)
        coordinators = registry.resolve(item.coordinators_text)
        for code in lead.codes:
            if code in coordinators.codes:
                findings.append(_finding("LINT_LEAD_IS_COORDINATOR", item.id,
                                         agency=plan.agency(code).name))
        for name in item.unknown_names:
            suggestion = registry.suggest(name)
            code = "LINT_UNKNOWN_AGENCY" if suggestion else "LINT_UNKNOWN_AGENCY_NO_GUESS"
            findings.append(_finding(code, item.id, name=name, suggestion=suggestion or ""))
        if not item.lead and not item.unknown_names:
            findings.append(_finding("LINT_NO_LEAD", item.id))
    for item, found, suggestion in next_year_documents(plan):
        findings.append(_finding("LINT_NEXT_YEAR", item.id, found=found, text=item.timeframe.text,
                                 year=year + 1, suggestion=suggestion))
    indicators = {i.code: i for i in plan.indicators}
    for proposal in proposed_targets(plan, plan.indicators):
        indicator = indicators.get(proposal.code)
        if indicator is None:
            findings.append(_finding("LINT_TARGET_NO_INDICATOR", proposal.item, text=proposal.phrase))
            continue
        code = "LINT_TARGET" if indicator.target == proposal.target else "LINT_TARGET_NOT_RECORDED"
        findings.append(_finding(code, proposal.item, text=proposal.phrase, name=indicator.name,
                                 target=number(proposal.target, 0)))
    return findings


# A plan or an estimate drawn up (not made public, not settled) for a year: «Kế hoạch phát triển kinh tế - xã
# hội và dự toán ngân sách nhà nước năm 2026».
_FORWARD = re.compile(r"\b(?:[Kk]ế hoạch|[Dd]ự toán)\b[^;.]*?\bnăm (\d{4})\b")
_SETTLED = re.compile(r"công khai|quyết toán|công bố", re.IGNORECASE)   # this year's, made public or settled


def next_year_documents(plan: Plan) -> list[tuple[Item, str, str]]:
    """(product, the words, the words with next year) for a plan or budget estimate named with the plan's
    own year but drawn up in its quarter IV only: that work is for the year after (VI.1.4 «… dự toán ngân
    sách nhà nước năm 2026» in «Quý IV/2026», beside VI.1.3 «… năm 2027»). Never fixed silently."""
    year = plan.meta.year
    found = []
    for item in plan.items:
        spans = item.timeframe.spans
        if not year or not spans or not all(start >= dt.date(year, 10, 1) and end.year == year
                                            for start, end in spans):
            continue
        for match in _FORWARD.finditer(item.product):
            words = match.group(0)
            if int(match.group(1)) == year and not _SETTLED.search(words):
                found.append((item, words, words[: match.start(1) - match.start()] + str(year + 1)))
    return found


def deadlines_before_plan(plan: Plan) -> tuple[str, str] | None:
    """(message, fix) naming the products whose planned time ended before the plan was issued
    (plan.ends_before_plan: «Quý IV/2025» in a plan of 10/01/2026), for ``compile`` to say what
    the report makes of them; None when there is none."""
    slipped = [item for item in plan.items if ends_before_plan(item, plan)]
    if not slipped:
        return None
    year = plan.meta.year or plan_start(plan).year
    first = slipped[0].timeframe
    found = next((y for y in first.years if y != year), None)
    example = first.text.replace(str(found), str(year)) if found else first.text
    items = ", ".join(f"{item.id} («{item.timeframe.text}»)" for item in slipped)
    return render("COMPILE_DEADLINE_BEFORE_PLAN", date=f"{plan_start(plan):%d/%m/%Y}", count=len(slipped),
                  items=items, year=year, example=example)


# The settings a report cannot do without (planbook's setting keys) and, by catalogue phrase,
# what a blank one makes the report say.
_BLANK_SETTINGS = (
    ("commune", "BLANK_COMMUNE_EFFECT"),
    ("plan_number", "BLANK_PLAN_NUMBER_EFFECT"),
    ("plan_date", "BLANK_PLAN_DATE_EFFECT"),
    ("signer_name", "BLANK_SIGNER_EFFECT"),
)


def lint_settings(plan: Plan, settings: Settings) -> list[Finding]:
    """Warn about the settings a report cannot do without."""
    from .planbook import SETTING_ROWS  # the labels live on the settings sheet's rows

    labels = {key: label for key, label, _ in SETTING_ROWS}
    values = {"commune": settings.commune or plan.meta.commune, "plan_number": plan.meta.number,
              "plan_date": plan.meta.date, "signer_name": settings.signer_name}
    found = [finding("LINT_SETTING_BLANK", label=labels[key], effect=phrase(effect))
             for key, effect in _BLANK_SETTINGS if not values[key]]
    # NĐ 30/2020, Phụ lục I: a deputy signs «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH», the Chủ tịch «CHỦ TỊCH» alone.
    deputy = fold(settings.signer_title).startswith("pho chu tich")
    on_behalf = fold(settings.signer_authority).startswith("kt")
    if deputy != on_behalf:
        found.append(finding("LINT_SIGNER_AUTHORITY", title=settings.signer_title,
                             authority=settings.signer_authority or phrase("TEXT_BLANK"),
                             title_label=labels["signer_title"], label=labels["signer_authority"],
                             suggestion=phrase("SIGNER_FIX_DEPUTY" if deputy else "SIGNER_FIX_CHAIRMAN",
                                               label=labels["signer_authority"])))
    unnamed = province_unnamed(settings.province_plan)
    if unnamed:
        found.append(finding("LINT_PROVINCE_UNNAMED", label=labels["province_plan"], found=unnamed))
    return found


_PROVINCE = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh\b(?:\s+(\w+))?", re.IGNORECASE)


def province_unnamed(text: str) -> str:
    """«của UBND tỉnh» when the province's plan is cited without the province's name («… của UBND
    tỉnh về cải cách hành chính …»); '' when it is named («UBND tỉnh Ninh Bình») or not cited."""
    for match in _PROVINCE.finditer(text or ""):
        following = match.group(1)
        if not following or not following[0].isupper():
            return text[match.start():match.start() + len(match.group(0)) - len(following or "")].strip()
    return ""


# The settings a final report cannot do without (an error) or should not (a warning):
# setting key, finding code.
_FOR_REPORT = (
    ("commune", "REPORT_SETTING_BLANK"),
    ("plan_number", "REPORT_SETTING_BLANK"),
    ("signer_name", "REPORT_SIGNER_BLANK"),
)


def report_settings(plan: Plan, settings: Settings, file: str,
                    cells: Callable[[], Mapping[str, str]]) -> list[Finding]:
    """What a final report needs from the «Thiết lập» sheet: a blank commune or
    plan number refuses it, a blank signer is warned about. ``cells`` gives the
    cell of each setting (asked only when one is blank)."""
    from .planbook import SETTING_ROWS, SHEET_SETTINGS  # labels and hints live on the settings sheet's rows

    values = {"commune": settings.commune or plan.meta.commune, "plan_number": plan.meta.number,
              "signer_name": settings.signer_name}
    blank = [entry for entry in _FOR_REPORT if not values[entry[0]]]
    if not blank:
        return []
    where = cells()
    rows = {key: (label, note) for key, label, note in SETTING_ROWS}
    effects = dict(_BLANK_SETTINGS)
    return [finding(code, file=file, sheet=SHEET_SETTINGS, cell=where.get(key, ""), label=rows[key][0],
                    effect=phrase(effects[key]), hint=rows[key][1])
            for key, code in blank]


def lint_locality(plan: Plan, settings: Settings, file: str,
                  cells: Callable[[], tuple[Mapping[str, str], Mapping[str, str]]],
                  as_written_only: bool = False) -> list[Finding]:
    """Recipients and indicator names that say another commune-level word than the issuer's
    («Thường trực Đảng ủy xã» in a ward's workbook, written at `init` before the issuer was
    changed, or by an older version), each with its sheet and cell, and a «Cấp hành chính» that is not
    the issuer's (left as `init` wrote it: the report follows the setting). The program's own wording the
    report already prints in the locality's words; the officer's own is printed as written
    (``as_written_only``: only those, for `compile` to repeat). ``cells``: (setting key -> cell,
    indicator code -> cell of its name), asked only when something is found."""
    from .indicatorbook import SHEET as INDICATORS  # the sheets' names live with their readers
    from .planbook import SHEET_SETTINGS

    locality = settings.locality
    recipients = [(r, localized(r, locality, default_recipients())) for r in settings.recipients
                  if other_localities(r, locality)]
    shown = {i.code: i.name for i in in_locality(plan.indicators, locality)}
    names = [(i, shown[i.code]) for i in plan.indicators if other_localities(i.name, locality)]
    if as_written_only:
        recipients = [(text, said) for text, said in recipients if said == text]
        names = [(indicator, said) for indicator, said in names if said == indicator.name]
    named = locality_of(plan.meta.issuer)     # the «Cấp hành chính» row left as `init` wrote it
    if not recipients and not names and named in ("", locality):
        return []
    setting_cells, indicator_cells = cells()
    issuer = plan.meta.issuer or settings.body
    found = []
    if named not in ("", locality):
        found.append(finding("LINT_LOCALITY_SETTING", file=file, sheet=SHEET_SETTINGS,
                             cell=setting_cells.get("locality", ""), issuer_cell=setting_cells.get("issuer", ""),
                             locality=locality, issuer=issuer, word=named, body=settings.body))

    def effect(text: str, said: str) -> str:
        return phrase("LOCALITY_AS_WRITTEN") if said == text else phrase("LOCALITY_SAID_BY_REPORT", suggestion=said)

    found += [finding("LINT_LOCALITY_RECIPIENT", file=file, sheet=SHEET_SETTINGS,
                      cell=setting_cells.get("recipients", ""), text=text,
                      found=", ".join(other_localities(text, locality)), issuer=issuer, locality=locality,
                      suggestion=said_for(text, locality), effect=effect(text, said))
              for text, said in recipients]
    found += [finding("LINT_LOCALITY_INDICATOR", file=file, sheet=INDICATORS, cell=indicator_cells.get(i.code, ""),
                      indicator=i.code, text=i.name, found=", ".join(other_localities(i.name, locality)), issuer=issuer,
                      locality=locality, suggestion=said_for(i.name, locality), effect=effect(i.name, said))
              for i, said in names]
    return found


def lint_agency_locality(plan: Plan, settings: Settings, file: str,
                         cells: Callable[[], Mapping[str, str]]) -> list[Finding]:
    """Agency names that say another commune-level word than the issuer's («Bưu điện xã» in a ward's
    workbook made from a commune's plan): the plan's own names, printed as written everywhere, so
    each is named with its cell. ``cells``: agency name -> cell of its name, asked only when needed."""
    from .planbook import SHEET_AGENCIES

    locality = settings.locality
    names = [a.name for a in plan.agencies if other_localities(a.name, locality)]
    if not names:
        return []
    where = cells()
    issuer = plan.meta.issuer or settings.body
    return [finding("LINT_LOCALITY_AGENCY", file=file, sheet=SHEET_AGENCIES, cell=where.get(name, ""), text=name,
                    found=", ".join(other_localities(name, locality)), issuer=issuer, locality=locality,
                    suggestion=said_for(name, locality))
            for name in names]
