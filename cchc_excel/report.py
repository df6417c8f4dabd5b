"""The report's content as a plain context dict for the Word template.

Written the way a capable officer writes a CCHC report: per plan section what
was done (lead agencies' results, coordinators' contributions, evidence) and
where it stands; figures the Vietnamese way; weaknesses from the reported
difficulties; next-period tasks from the plan; proposals de-duplicated; an
annex of every item. A gap is a line with ``missing=True`` (the renderer
highlights it) — nothing missing can pass unnoticed.

Lines are dicts ``{"text": str, "missing": bool}``; nothing here knows docx.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from .answers import Answer, Intake
from .assessment import completion_sentence, shortfalls, strengths
from .assignments import agencies_with_forms
from .indicators import in_locality, index_results, schedule_periods
from .models import Finding, Period, Plan, Settings, Status
from .narrative import define_abbreviations, lower_first, product_words, section_points, sentence_case, tidied, tidy
from .outcomes import Figures, Outcome, agency_figures, figures, outcomes
from .outlook import next_tasks
from .periods import format_window, make_period, next_period
from .plan_meta import default_recipients, localized
from .statistics import figure_sentences, period_stats, stat_rows, target_sources
from .textnorm import fold
from .vnformat import date_line, day_month, keep_together, short_date

STATUS_PHRASES = {
    Status.DONE: "đã hoàn thành",
    Status.CARRIED_OUT: "đã thực hiện trong kỳ",
    Status.IN_PROGRESS: "đang thực hiện",
    Status.NOT_STARTED: "chưa thực hiện",
    Status.NOT_ARISEN: "trong kỳ chưa phát sinh",
}


def line(text: str, missing: bool = False) -> dict:
    return {"text": text, "missing": missing}


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?;:…" else text + "."


def _missing_text(plan: Plan, codes: tuple[str, ...]) -> str:
    names = ", ".join(plan.agency(c).name for c in codes)
    return f"[{names} chưa gửi báo cáo]"


def _section_summary(title: str, figs: Figures) -> str:
    if not figs.due and not figs.done_earlier:
        return f"Trong kỳ, lĩnh vực {title.lower()} không có sản phẩm đến hạn."
    return completion_sentence(figs)


def build_context(
    plan: Plan,
    settings: Settings,
    period: Period,
    intake: Intake,
    findings: list[Finding],
    report_date: dt.date | None,
    draft: bool,
    intakes: dict[str, Intake] | None = None,
) -> dict:
    """The report's content. ``intakes``: the returns of every report of the
    year so far by period id (for year-to-date figures); the current one is
    ``intake``."""
    # The program's own words (default recipients, default indicator names) in the locality's:
    # a ward's workbook made when its issuer was a «xã» prints «phường» (plan check names them).
    plan = replace(tidied(plan), indicators=in_locality(plan.indicators, settings.locality))
    settings = replace(settings, recipients=tuple(localized(r, settings.locality, default_recipients())
                                                  for r in settings.recipients))
    results = outcomes(plan, period, intake)
    intakes = {**(intakes or {}), period.id: intake}
    stats = period_stats(plan, settings, period, intakes)
    sources = target_sources(plan)
    by_section = {s.code: [o for o in results if o.item.section == s.code] for s in plan.sections}
    following = next_period(period)
    meta = plan.meta
    settings = replace(settings, commune=settings.commune or meta.commune)
    commune = settings.commune
    year = period.year

    sections = []
    areas_seen = 0
    for number, section in enumerate(plan.sections):
        items = by_section[section.code]
        figs = figures(items)
        if not section.is_direction:
            areas_seen += 1
        prefix = "" if section.is_direction else f"{areas_seen}."
        reported = tuple(s.indicator.name for s in stats if s.indicator.section == section.code and s.this)
        lines = section_points(plan, section, items, prefix, draft, themed=section.is_direction, reported=reported,
                               since=period.start)
        heading = sentence_case(section.title)
        sections.append({
            "code": section.code,
            "title": section.title,
            "heading": heading,
            "number": number,          # 0 for section I, 1.. for II–VII
            "summary": _section_summary(heading, figs),   # kept for edited templates; the annex tells it
            "figure_lines": figure_sentences(stats, section.code, period, sources, draft, settings.leading_zero,
                                             said=" ".join(ln["text"] for ln in lines)),
            "lines": lines or [line("Trong kỳ chưa có kết quả được báo cáo.")],
            "figures": figs.as_dict(),
        })
    # Part I is the plan's «chỉ đạo, điều hành» section wherever it stands; the
    # other sections are the numbered fields of part II, in plan order.
    direction = next((s for s, sec in zip(sections, plan.sections) if sec.is_direction), None)
    areas = [s for s in sections if s is not direction]
    if direction is None:
        heading = "Công tác chỉ đạo, điều hành"
        direction = {"code": "", "title": heading.upper(), "heading": heading, "number": 0,
                     "summary": _section_summary(heading, figures([])), "figure_lines": [],
                     "lines": [line("Kế hoạch không có phần chỉ đạo, điều hành riêng.")],
                     "figures": figures([]).as_dict()}
    for index, area in enumerate(areas, start=1):
        area["number"] = index
        area["heading"] = f"{index}. {area['heading']}"

    total = figures(results)
    title = f"Kết quả thực hiện công tác cải cách hành chính {period.title}"
    if period.kind in ("S1", "Y", "M9"):
        title += f" và phương hướng, nhiệm vụ {following.title}"
    plan_ref = f"Kế hoạch số {meta.number}" + (f" ngày {short_date(meta.date)}" if meta.date else "")
    if meta.issuer:
        plan_ref += f" của {meta.issuer}"
    weaknesses, reasons = shortfalls(plan, results, stats, period, sources, intake.answers, settings.leading_zero)
    context = {
        "draft": draft,
        "draft_note": line("BẢN NHÁP: còn thiếu số liệu (các chỗ tô vàng); chưa dùng để ký ban hành.", True),
        "issuer_upper": settings.issuer_upper or "ỦY BAN NHÂN DÂN",
        "issuer_name_upper": f"{settings.locality} {commune}".upper(),
        "commune": commune,
        "locality": settings.locality,   # xã, phường, đặc khu: «UBND {{ locality }}» in the template's prose
        "body": settings.body,           # «UBND phường Bến Thành»
        "number_line": "Số:        /BC-UBND",
        "date_line": date_line(settings.place or commune, report_date, year),
        "title": title,
        "period": {"id": period.id, "name": period.name, "title": period.title,
                   "window": format_window(period), "year": year},
        "next_period": {"title": following.title, "title_upper": keep_together(following.title.upper())},
        "plan": {"number": meta.number, "reference": plan_ref, "year": meta.year or year},
        "closing": f"Trên đây là báo cáo {lower_first(title)} của {settings.body}./.",
        "annex_reference": _annex_reference(settings.body, report_date, year, period),
        "basis": [f"Căn cứ {_sentence(settings.province_plan)[:-1]};"] if settings.province_plan else [],
        # The commune's own words after the cited plan's title: where «(CCHC)» is defined.
        "legal_basis": f"{settings.body} báo cáo {lower_first(title)} như sau:",
        "direction": direction,
        "areas": areas,
        "figures": total.as_dict(),
        "by_section": [{"code": s["code"], "heading": sentence_case(s["title"]), **_unreported_rate(s["figures"])}
                       for s in sections],
        "by_agency": [{"name": a.name, **_unreported_rate(agency_figures(plan, period, results, a.code).as_dict())}
                      for a in agencies_with_forms(plan) if any(a.code in o.item.lead for o in results)],
        "strengths": strengths(plan, results, total, stats, period, sources, settings.leading_zero),
        "weaknesses": weaknesses + _not_sent(plan, intake, results, draft),
        "causes": reasons,
        "next_tasks": next_tasks(plan, results, period, following),
        "proposals": _proposals(intake.answers),
        "annex": _annex(plan, results),
        "statistics": stat_rows(stats, period, sources),
        # Quý II, III, IV: the period's own figures beside the year to date; else they are the same.
        "statistics_split": period.start != make_period(year, "Y").start,
        # Section I's sub-point on the CCHC index, SIPAS and the 766 index (empty when no figure exists).
        "indices": index_results({s.indicator.code: s.ytd for s in stats}, settings.locality),
        "figures_note": _figures_note(plan, settings, period, intakes),
        "recipients": [f"- {r};" for r in settings.recipients[:-1]]
                      + ([f"- {settings.recipients[-1]}."] if settings.recipients else []),
        "signer": {
            "on_behalf": "TM. ỦY BAN NHÂN DÂN",
            "authority": settings.signer_authority,
            "title": settings.signer_title or "CHỦ TỊCH",
            "name": settings.signer_name,
            # The name line of the default templates: a highlighted gap in a draft when no name is set.
            "name_line": {"text": settings.signer_name or ("[Chưa có họ và tên người ký: điền «Họ và tên người "
                                                           "ký» ở trang «Thiết lập» của sổ kế hoạch]" if draft else ""),
                          "missing": draft and not settings.signer_name, "bold": True, "size": 14},
        },
        "blocking": len([f for f in findings if f.blocking]),
    }
    define_abbreviations(_reading_order(context))
    context["legal_basis"] = f"Căn cứ {plan_ref} về cải cách hành chính năm {meta.year or year}, " \
                             + context["legal_basis"]
    return context


def _reading_order(context: dict) -> list[tuple[object, object]]:
    """Every body text of the context that is the commune's own, as (holder, key), in the order
    the templates print them."""
    def each(holder: list) -> list[tuple[object, object]]:
        return [(holder, n) for n in range(len(holder))]

    texts = [(context, "legal_basis")]     # not the cited documents' titles («Căn cứ …»)
    texts += each(context["direction"]["figure_lines"]) + each(context["direction"]["lines"])
    texts += [(context, "indices")]
    for area in context["areas"]:
        texts += each(area["figure_lines"]) + each(area["lines"])
    for key in ("strengths", "weaknesses", "causes"):
        texts += each(context[key])
    for group in context["next_tasks"]:
        texts += each(group["lines"])
    return texts + each(context["proposals"])




def _unreported_rate(figures: dict) -> dict:
    """A row nobody reported has no rate («—», as the chart says «chưa báo cáo»), not 0%."""
    if figures["expected"] and figures["not_reported"] >= figures["expected"]:
        return {**figures, "done_rate": "—"}
    return figures


def _annex_reference(body: str, report_date: dt.date | None, year: int, period: Period) -> str:
    """«(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm … của UBND xã …)»: the number is the
    văn thư's to write; the date is the report's, blank when it is not given."""
    if report_date:
        d, m = day_month(report_date)
        when = f"ngày {d} tháng {m} năm {report_date.year}"
    else:
        when = f"ngày      tháng      năm {year}"
    return (f"(Kèm theo Báo cáo số        /BC-UBND {when} của {body}; "
            f"số liệu từ {format_window(period)})")


def _figures_note(plan: Plan, settings: Settings, period: Period, intakes: dict[str, Intake]) -> dict | None:
    """A highlighted line when year-to-date figures lack an earlier report of the year."""
    if not plan.indicators:
        return None
    missing = [p for p in schedule_periods(period.year, settings.schedule)
               if p.end < period.end and p.id not in intakes]
    if not missing:
        return None
    names = ", ".join(p.title for p in missing)
    return line(f"Lưu ý: số lũy kế năm chưa gồm {names} (chưa có biểu mẫu kỳ đó trong thư mục input/).", True)


def _not_sent(plan: Plan, intake: Intake, results: list[Outcome], draft: bool) -> list[dict]:
    """In a draft, under «Tồn tại»: who has not sent, and what cannot be assessed without them
    (the fields where a product this period nobody else reported is theirs to lead)."""
    missing = [a for a in agencies_with_forms(plan) if a.code not in intake.submissions]
    if not missing or not draft:
        return []
    lines = []
    for agency in missing:
        fields = []
        for section in plan.sections:
            if any(o.due and o.status is None and agency.code in o.missing and o.item.section == section.code
                   for o in results):
                fields.append(lower_first(sentence_case(section.title)))
        what = (f"chưa đánh giá được tồn tại của lĩnh vực {', '.join(fields)}" if fields
                else "chưa đánh giá được tồn tại trong phần việc cơ quan này chủ trì")
        what = what.replace("lĩnh vực công tác", "công tác")
        lines.append(line(f"[{agency.name} chưa gửi báo cáo: {what}]", missing=True))
    return lines


def _is_nothing(text: str) -> bool:
    return fold(text).strip(" .") in {"khong", "khong co", "khong co kho khan", "chua co", "-", "x", "0"}


def _proposals(answers: list[Answer]) -> list[dict]:
    """The agencies' proposals, each said once. The report is the UBND speaking: the proposals
    are its own, without the agencies' names (the summary workbook keeps who proposed what)."""
    texts: dict[str, str] = {}
    for answer in answers:
        if answer.proposals and not _is_nothing(answer.proposals):
            texts.setdefault(fold(answer.proposals).rstrip("."), answer.proposals)
    return [line(f"- {_sentence(_addressed(text))}") for text in texts.values()] or [line("- Không có.")]


def _addressed(text: str) -> str:
    """«Đề nghị tỉnh …» as the UBND writes to the province: «Đề nghị UBND tỉnh …» (an agency's
    shorthand; «Đề nghị tỉnh Nam Định …», naming the province, is left as it is)."""
    match = re.match(r"(Đề nghị|Kiến nghị) (tỉnh|huyện) (\w)", text.strip())
    if not match or match.group(3).isupper():
        return text.strip()
    return f"{match.group(1)} UBND {match.group(2)} {text.strip()[match.start(3):]}"


def _lead_words(leads: tuple[Answer, ...], names: dict[str, str]) -> str:
    """Each lead agency's own words with its own documents; with several leads, each under its
    name and identical answers said once («Phòng A, Phòng B: …»)."""
    said: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    order = list(names)       # the plan's order of agencies
    for answer in sorted(leads, key=lambda a: order.index(a.agency) if a.agency in order else len(order)):
        if answer.result or answer.evidence:
            key = (fold(answer.result).rstrip(". "), fold(answer.evidence).rstrip(". "))
            said.setdefault(key, (answer.result, answer.evidence, []))[2].append(names[answer.agency])
    parts = []
    for result, evidence, agencies in said.values():
        text = " ".join(p for p in (_sentence(result) if result else "",
                                    f"Văn bản, sản phẩm: {_sentence(evidence)}" if evidence else "") if p)
        parts.append(f"{', '.join(agencies)}: {text}" if len(leads) > 1 else text)
    return " ".join(parts)


def _annex(plan: Plan, results: list[Outcome]) -> list[dict]:
    names = {a.code: a.name for a in plan.agencies}
    rows = []
    shown_task = None
    for o in results:
        item = o.item
        # The task above its first product (italic in the table), unless the product says the same.
        task = (item.section, item.task_number, item.task)
        heading = tidy(item.task) if task != shown_task and fold(item.task) != fold(item.product) else ""
        shown_task = task
        contributions = " ".join(f"{names[a.agency]}: {_sentence(a.result)}" for a in o.coordinators if a.result)
        details = " ".join(part for part in (
            _lead_words(o.leads, names),
            f"Phối hợp: {contributions}" if contributions else "",
        ) if part)
        rows.append({
            "id": item.id,
            "task": tidy(item.task),
            "task_heading": heading,
            "product": product_words(item),    # «1.2. Tờ trình…» beside «VI.1.2»: «Tờ trình…»
            "lead": item.lead_text if item.lead_is_group else ", ".join(names[c] for c in item.lead),
            "timeframe": tidy(item.timeframe.text),
            "status": {**line(o.status_label + (" (chậm)" if o.overdue else ""), missing=o.status is None and o.due),
                       "size": 11},
            "details": details,
            "sources": "; ".join(f"{Path(a.file).name} › {a.sheet} › dòng {a.row}"
                                 for a in (*o.leads, *o.coordinators)),
        })
    return rows
