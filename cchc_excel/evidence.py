"""Evidence documents ("Văn bản/sản phẩm minh chứng") read as structured
references, for the year-long register ("Danh mục tài liệu kiểm chứng") the
commune attaches to its annual CCHC-index self-assessment.

A reference is what NĐ 30/2020/NĐ-CP prescribes for an administrative
document's identity: its kind (Kế hoạch, Quyết định, Công văn …), its number
and symbol ("15/KH-UBND": number / type-issuer; a công văn has no type code:
"45/UBND-VP" is issuer-unit), its date and its issuer. Agencies write them in
many ways ("Kế hoạch số 15/KH-UBND ngày 20/01/2026", "QĐ 12/QĐ-UBND
(05/3/2026)", "CV 45/UBND-VP ngày 5/3", several in one cell); what has no
number — «Sổ theo dõi», «Hình ảnh hoạt động» — is a normal answer, kept as
written. Findings here are information only: never a reason to send a form
back.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .answers import Answer
from .messages import finding, phrase
from .models import Finding, Plan, Status
from .textnorm import clean, fold

# Type codes of NĐ 30/2020/NĐ-CP (Phụ lục III) and their names.
TYPE_CODES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TB": "Thông báo", "TTR": "Tờ trình",
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "HD": "Hướng dẫn", "BB": "Biên bản", "GM": "Giấy mời",
    "CTR": "Chương trình", "QC": "Quy chế", "QYĐ": "Quy định", "PA": "Phương án", "ĐA": "Đề án",
    "GUQ": "Giấy ủy quyền", "HĐ": "Hợp đồng", "CĐ": "Công điện", "TT": "Thông tư", "NĐ": "Nghị định",
    "VBHN": "Văn bản hợp nhất",
}
# Words agencies write before a number, folded -> kind.
KIND_WORDS = {
    "ke hoach": "Kế hoạch", "kh": "Kế hoạch", "quyet dinh": "Quyết định", "qd": "Quyết định",
    "cong van": "Công văn", "cv": "Công văn", "van ban": "Công văn", "bao cao": "Báo cáo", "bc": "Báo cáo",
    "thong bao": "Thông báo", "tb": "Thông báo", "to trinh": "Tờ trình", "nghi quyet": "Nghị quyết",
    "nq": "Nghị quyết", "chi thi": "Chỉ thị", "huong dan": "Hướng dẫn", "hd": "Hướng dẫn",
    "bien ban": "Biên bản", "giay moi": "Giấy mời", "chuong trinh": "Chương trình", "quy che": "Quy chế",
    "quy dinh": "Quy định", "thong tu": "Thông tư", "nghi dinh": "Nghị định", "cong dien": "Công điện",
    "phuong an": "Phương án", "de an": "Đề án",
}
_LETTER = r"A-ZĐa-zđÀ-ỹ"
# number / [year /] symbol: 15/KH-UBND, 118/2025/NĐ-CP, 45/UBND-VP, 03/2025/TT-VPCP
_NUMBER = re.compile(
    rf"(?<![\d/])(\d{{1,5}})\s*/\s*(?:(\d{{4}})\s*/\s*)?([{_LETTER}][{_LETTER}0-9&.]*(?:\s*[-–]\s*[{_LETTER}0-9&.]+)*)"
)
# a number written without its symbol: "Kế hoạch số 15 ngày …", "QĐ số 12"
_BARE_NUMBER = re.compile(r"\bs[ốo]\s*:?\s*(\d{1,5})\b(?!\s*/)", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?(?![\d/])")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
_KIND_BEFORE = re.compile(
    r"\b(?:kế hoạch|kh|quyết định|qđ|công văn|cv|văn bản|báo cáo|bc|thông báo|tb|tờ trình|nghị quyết|nq|"
    r"chỉ thị|hướng dẫn|hd|biên bản|giấy mời|chương trình|quy chế|quy định|thông tư|nghị định|công điện|"
    r"phương án|đề án)\b", re.IGNORECASE)
_A_LETTER = re.compile(rf"[{_LETTER}]")
_SEPARATOR = re.compile(r";|\n|\s[-+•]\s|^[-+•]\s|,\s")     # between references in one cell
_LINE_END = re.compile(r";|\n")
_SPACED_DASH = re.compile(r"\s*[-–]\s*")
_FOLDED_WORD = re.compile(r"[0-9a-zđ]+")
_ISSUER_TEXT = re.compile(r"\bcủa\s+([^;,()\n]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """One document named in an evidence cell."""

    kind: str                # Kế hoạch, Quyết định, Công văn … ("" when neither said nor in the symbol)
    number: str              # "15/KH-UBND" as normalised ("" when the text had no symbol)
    date: dt.date | None
    issuer: str              # from the symbol ("UBND") or the text ("UBND xã Xuân Trường")
    text: str                # the piece of the cell it was read from
    problem: str = ""        # why it is only partly read ("ngày 32/13/2026 không có thật", "thiếu ký hiệu")
    year_assumed: bool = False   # the date had no year: the report year was used

    @property
    def digits(self) -> str:
        return self.number.split("/", 1)[0] if self.number else ""

    @property
    def label(self) -> str:
        """«Kế hoạch số 15/KH-UBND ngày 20/01/2026» as a register shows it."""
        parts = [self.kind or "Văn bản"]
        if self.number:
            parts.append(f"số {self.number}")
        if self.date:
            parts.append(f"ngày {self.date:%d/%m/%Y}")
        return " ".join(parts)


@dataclass(frozen=True)
class Parsed:
    references: tuple[Reference, ...]
    other: str               # what the cell says besides references («Sổ theo dõi»), as written


def parse(text: str, year: int) -> Parsed:
    """Every document reference in one evidence cell. ``year``: the report
    year, used when a date has no year ("ngày 5/3")."""
    return _parse(text, year)


# Agencies copy the same evidence line to many rows and many units write the same one:
# each distinct text is read once (a Parsed is immutable, so sharing it is safe); the cache
# is bounded so that a thousand agencies' distinct lines do not stay in memory.
@functools.lru_cache(maxsize=1024)
def _parse(text: str, year: int) -> Parsed:
    text = clean(text)
    if not text:
        return Parsed((), "")
    matches = [m for m in _NUMBER.finditer(text) if _looks_like_symbol(m)]
    references = []
    covered: list[tuple[int, int]] = []
    starts = [_piece_start(text, m.start(), covered_end=(matches[i - 1].end() if i else 0))
              for i, m in enumerate(matches)]
    for i, match in enumerate(matches):
        end = starts[i + 1] if i + 1 < len(matches) else _piece_end(text, match.end())
        piece = text[starts[i]:end].strip(" ;,.-+•\n")
        references.append(_reference(piece, match, text[starts[i]:match.start()], text[match.end():end], year))
        covered.append((starts[i], end))
    rest = _without(text, covered)
    for piece in _pieces(rest):
        bare = _BARE_NUMBER.search(piece)
        kind = _kind_before(piece[:bare.start()]) if bare else ""
        if bare and kind:
            date, problem, assumed = _date_in(piece[bare.end():], year)
            problems = "; ".join(filter(None, ("thiếu ký hiệu văn bản (ví dụ 15/KH-UBND)", problem)))
            references.append(Reference(kind, "", date, _issuer_text(piece), piece, problems, assumed))
            covered.append((text.find(piece), text.find(piece) + len(piece)))
    other = "; ".join(p for p in _pieces(_without(text, covered)) if _A_LETTER.search(p))
    return Parsed(tuple(references), other)


def _looks_like_symbol(match: re.Match) -> bool:
    """15/KH-UBND yes; 20/01/2026 (a date) and 3/5 (a fraction) no."""
    symbol = match.group(3)
    return bool(_A_LETTER.match(symbol)) and (
        "-" in symbol or "–" in symbol or symbol.upper() in TYPE_CODES or symbol.isupper())


def _piece_start(text: str, at: int, covered_end: int) -> int:
    """Where the reference whose number starts at ``at`` begins: at the kind
    word naming it ("… và Thông báo 21/TB-UBND"), else after the previous
    separator (; a new line, a list dash), never before the previous reference."""
    region = text[covered_end:at]
    kinds = list(_KIND_BEFORE.finditer(region))
    if covered_end and kinds:
        return covered_end + kinds[-1].start()
    seps = [m.end() for m in _SEPARATOR.finditer(region)]
    return covered_end + (seps[-1] if seps else 0)


def _piece_end(text: str, at: int) -> int:
    found = _LINE_END.search(text, at)
    return found.start() if found else len(text)


def _reference(piece: str, match: re.Match, before: str, after: str, year: int) -> Reference:
    digits, year_part, symbol = match.group(1), match.group(2), _SPACED_DASH.sub("-", match.group(3))
    type_code, _, issuer = symbol.partition("-")
    type_name = TYPE_CODES.get(_upper(type_code))
    kind = _kind_before(before)
    if type_name is None:                     # "45/UBND-VP": a công văn, issuer first
        issuer = symbol
        kind = kind or "Công văn"
    else:
        kind = kind or type_name
        issuer = issuer or type_code
    number = f"{int(digits):02d}/" + (f"{year_part}/" if year_part else "") + _upper_symbol(symbol)
    date, problem, assumed = _date_in(after, year)
    issuer = _issuer_text(after) or _upper_symbol(issuer)
    return Reference(kind, number, date, issuer, piece, problem, assumed)


def _upper(code: str) -> str:
    return code.upper()


def _upper_symbol(symbol: str) -> str:
    # Keep "TTr" as written by NĐ 30; otherwise upper case ("kh-ubnd" -> "KH-UBND").
    return "-".join(p if p in ("TTr", "CTr") else p.upper() for p in symbol.split("-"))


def _kind_before(before: str) -> str:
    """The kind named just before a number ("Kế hoạch số", "QĐ", "Công văn số")."""
    words = _FOLDED_WORD.findall(fold(before))[-4:]
    for size in (2, 1):
        for start in range(len(words) - size, -1, -1):
            kind = KIND_WORDS.get(" ".join(words[start:start + size]))
            if kind:
                return kind
    return ""


def _date_in(text: str, year: int) -> tuple[dt.date | None, str, bool]:
    """(date, problem, year assumed) of the first date in the text."""
    found = _DATE_WORDS.search(text) or _DATE_NUMERIC.search(text)
    if not found:
        return None, "", False
    day, month, year_text = found.group(1), found.group(2), found.group(3)
    assumed = year_text is None
    full_year = year if assumed else int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        return dt.date(full_year, int(month), int(day)), "", assumed
    except ValueError:
        written = found.group(0).replace("ngày", "").strip()
        return None, f"ngày «{written}» không có thật", False


def _issuer_text(text: str) -> str:
    found = _ISSUER_TEXT.search(text)
    return clean(found.group(1)).rstrip(" .") if found else ""


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for begin, end in spans:
        begin, end = max(begin, 0), min(end, len(text))
        if end > begin:
            text = text[:begin] + " " * (end - begin) + text[end:]
    return text


def _pieces(text: str) -> list[str]:
    return [p.strip(" ;,.-+•\n") for p in _LINE_END.split(text) if p.strip(" ;,.-+•\n")]


# --- findings (information only) -------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """A reference with the answer that named it."""

    reference: Reference
    answer: Answer
    period: str = ""


def cited(answers, year: int, period: str = "") -> list[Cited]:
    return [Cited(ref, answer, period) for answer in answers if answer.evidence
            for ref in parse(answer.evidence, year).references]


def evidence_findings(plan: Plan, answers, year: int, today: dt.date, earlier: list[Cited] | None = None,
                      window: tuple[dt.date, dt.date] | None = None) -> list[Finding]:
    """Information for the officer about the evidence cells of a period:
    text with no document number, dates in the future, one number used for
    two documents (in this period's answers or against ``earlier`` periods'),
    and (``window``: the period's data window) a document dated before the
    window cited for work carried out in it — often left from the form
    prefilled from an earlier period; the report cites it as the basis
    («theo …»), not as the period's product."""
    findings: list[Finding] = []
    mine = []
    for answer in answers:
        if not answer.evidence:
            continue
        parsed = parse(answer.evidence, year)
        where = {"item": answer.item, "agency": answer.agency, "file": answer.file, "sheet": answer.sheet,
                 "cell": answer.cell("evidence"), "column": "evidence"}
        for ref in parsed.references:
            mine.append(Cited(ref, answer))
            if ref.problem:
                findings.append(finding("EVIDENCE_PARTLY_READ", text=ref.text, problem=ref.problem, **where))
            if window and ref.date and ref.date < window[0] and answer.status in (Status.CARRIED_OUT,
                                                                                  Status.IN_PROGRESS):
                findings.append(finding("EVIDENCE_BEFORE_WINDOW", text=ref.text, date=f"{ref.date:%d/%m/%Y}",
                                        start=f"{window[0]:%d/%m/%Y}", end=f"{window[1]:%d/%m/%Y}", **where))
            if ref.date and ref.date > today:
                findings.append(finding("EVIDENCE_FUTURE_DATE", text=ref.text, date=f"{ref.date:%d/%m/%Y}",
                                        today=f"{today:%d/%m/%Y}", **where))
        for piece in filter(_mentions_a_document, parsed.other.split("; ") if parsed.other else ()):
            findings.append(finding("EVIDENCE_NO_NUMBER", text=piece, **where))
    seen: dict[tuple[str, int, str], Cited] = {}
    this_period = {id(entry) for entry in mine}      # identity, not equality: linear in the answers
    for entry in [*(earlier or []), *mine]:
        ref = entry.reference
        if not ref.digits:
            continue
        key = (str(int(ref.digits)), ref.date.year if ref.date else year, _issuer_key(ref))
        first = seen.setdefault(key, entry)
        if first is entry or id(entry) not in this_period:
            continue
        if _same_document(first.reference, ref):
            continue
        answer = entry.answer
        findings.append(finding(
            "EVIDENCE_NUMBER_REUSED", text=ref.label, other=first.reference.label,
            other_item=first.answer.item, other_where=first.period or phrase("THIS_PERIOD"), item=answer.item,
            agency=answer.agency, file=answer.file, sheet=answer.sheet, cell=answer.cell("evidence"),
            column="evidence"))
    return findings


def _issuer_key(ref: Reference) -> str:
    """The issuer of a number: the symbol's last part for a typed document
    (KH-UBND -> UBND), its first part for a công văn (UBND-VP -> UBND)."""
    symbol = ref.number.split("/")[-1] if ref.number else ""
    parts = symbol.split("-")
    if parts and _upper(parts[0]) in TYPE_CODES:
        return "-".join(parts[1:]) or parts[0]
    return parts[0] if parts else fold(ref.issuer)


def _same_document(a: Reference, b: Reference) -> bool:
    if a.number != b.number:
        return False
    return a.date is None or b.date is None or a.date == b.date


def _mentions_a_document(text: str) -> bool:
    """Text that names a document kind but gives no number (worth a note);
    «Sổ theo dõi», «Hình ảnh» are normal answers and say nothing."""
    words = f" {' '.join(_FOLDED_WORD.findall(fold(text)))} "
    return any(f" {word} " in words for word in KIND_WORDS if len(word) > 3)


# --- the year-long register ------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of «Danh mục tài liệu kiểm chứng»: a document (or, when no
    document was named, what the agency wrote), with the plan item it proves."""

    section: str             # plan section code
    task: str                # the task's number and content
    item: str                # product id (I.5.2)
    product: str
    agency: str              # agency name
    period: str              # the report that first named it ("quý I năm 2026")
    reference: Reference | None
    text: str                # as written, when no reference was read

    @property
    def label(self) -> str:
        return self.reference.label if self.reference else self.text


def register(plan: Plan, answers_by_period: list[tuple[str, list[Answer]]], year: int) -> list[Entry]:
    """Every evidence document named in the year's returns, once per plan item,
    in plan order; the earliest report naming it is kept. ``answers_by_period``:
    (period title, its answers), oldest first."""
    items = {i.id: i for i in plan.items}
    names = {a.code: a.name for a in plan.agencies}
    order = {i.id: n for n, i in enumerate(plan.items)}
    seen: set[tuple[str, str]] = set()
    entries = []
    for title, answers in answers_by_period:
        for answer in sorted(answers, key=lambda a: (order.get(a.item, 10**6), a.agency)):
            item = items.get(answer.item)
            if item is None or not answer.evidence:
                continue
            task_text = f"{item.task_number}. {item.task}" if item.task_number else item.task
            parsed = parse(answer.evidence, year)
            lines = [(ref, "") for ref in parsed.references] + ([(None, parsed.other)] if parsed.other else [])
            for ref, text in lines:
                key = (item.id, _document_key(ref) if ref else fold(text))
                if key in seen:
                    continue
                seen.add(key)
                entries.append(Entry(item.section, task_text, item.id, item.product,
                                     names.get(answer.agency, answer.agency), title, ref, text))
    return sorted(entries, key=lambda e: (order.get(e.item, 10**6), e.reference is None,
                                          e.reference.date or dt.date.max if e.reference else dt.date.max))


def _document_key(ref: Reference) -> str:
    return f"{ref.number}|{ref.date}" if ref.number else fold(ref.text)
