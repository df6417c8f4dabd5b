"""Fill a Word template (docxtpl) with a report context; check templates.

Rendering uses autoescape (an agency's "&" or "<" cannot corrupt the XML) and
StrictUndefined (a misspelled variable is an error naming it, not an empty
string). Lines marked missing become highlighted runs.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from pathlib import Path

import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText

from .chart import WIDTH_MM as CHART_WIDTH_MM
from .files import broken_detail, open_office_zip
from .messages import CchcError, jinja_detail, phrase

HIGHLIGHT = "FFFF00"


class Run(RichText):
    """One run of text for a ``{{r … }}`` tag, its properties in the order the
    schema requires (CT_RPr: b, color, sz, szCs, highlight, shd). docxtpl's
    RichText writes color and shd before b and a shd without its required
    w:val, which Word "repairs" (docxtpl/richtext.py, RichText.add)."""

    def __init__(self, text: str, missing: bool = False, size: int | None = None, bold: bool = False):
        super().__init__()
        props = ""
        if missing or bold:
            props += "<w:b/>"
        if missing:
            props += '<w:color w:val="C00000"/>'
        if size:
            props += f'<w:sz w:val="{2 * size}"/><w:szCs w:val="{2 * size}"/>'   # half-points
        if missing:
            props += f'<w:highlight w:val="yellow"/><w:shd w:val="clear" w:color="auto" w:fill="{HIGHLIGHT}"/>'
        self.xml = (f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
                    f'<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>')


def _rich(value):
    """Line dicts ({"text", "missing"[, "size" in points][, "bold"]}) -> Run,
    highlighted when missing, recursively. A Run replaces the template's
    run, so a size other than the paragraph style's (table cells) is given here."""
    if isinstance(value, dict):
        if {"text", "missing"} <= set(value) <= {"text", "missing", "size", "bold"}:
            return Run(value["text"], value["missing"], value.get("size"), value.get("bold", False))
        return {k: _rich(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rich(v) for v in value]
    return value


def _environment() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def load_template(path: Path) -> DocxTemplate:
    data = open_office_zip(path, "docx")
    try:
        return DocxTemplate(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on broken parts
        raise CchcError("FILE_UNREADABLE", file=path, detail=broken_detail(exc)) from None


_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_TAG_PARTS = re.compile(r"\{\{|\}\}|\{%|%\}")


def tag_problems(path: Path) -> list[str]:
    """Paragraphs whose template tags do not pair up, as «text» excerpts.

    docxtpl does not report these: its paragraph-tag handling ({%p … %}) can
    then match across paragraphs and silently drop content (see
    elapouya/python-docx-template#161 on how {%p} removes its paragraph). So
    every tag must open and close within one paragraph.
    """
    data = open_office_zip(path, "docx")
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [n for n in archive.namelist()
                 if n == "word/document.xml" or re.match(r"word/(header|footer)\d*\.xml$", n)]
        for name in parts:
            xml = archive.read(name).decode("utf-8", "ignore")
            for paragraph in _PARAGRAPH.findall(xml):
                text = html.unescape("".join(_TEXT.findall(paragraph)))
                if ("{" in text or "}" in text) and not _balanced(text):
                    problems.append(text.strip()[:100])
    return problems


def _balanced(text: str) -> bool:
    expected = None
    for token in _TAG_PARTS.findall(text):
        if token in ("{{", "{%"):
            if expected:
                return False
            expected = "}}" if token == "{{" else "%}"
        elif token != expected:
            return False
        else:
            expected = None
    stray = _TAG_PARTS.sub("", text)
    return expected is None and not re.search(r"\{\s*\{|\}\s*\}|\{\s*%|%\s*\}", stray)


def render(path: Path, context: dict, chart_png: bytes | None) -> bytes:
    broken = tag_problems(path)
    if broken:
        raise CchcError("TEMPLATE_SYNTAX", file=path, detail=phrase("TEMPLATE_TAGS_UNPAIRED"), near=broken[0])
    template = load_template(path)
    data = _rich(context)
    data["chart"] = InlineImage(template, io.BytesIO(chart_png), width=Mm(CHART_WIDTH_MM)) if chart_png else ""
    try:
        template.render(data, _environment(), autoescape=True)
    except jinja2.UndefinedError as exc:
        raise CchcError("TEMPLATE_UNDEFINED", file=path, detail=_undefined_name(exc),
                        available=", ".join(sorted(k for k in context if not k.startswith("_")))) from None
    except jinja2.TemplateSyntaxError as exc:
        raise CchcError("TEMPLATE_SYNTAX", file=path, detail=jinja_detail(exc.message or ""), near=_near(exc)) from None
    buffer = io.BytesIO()
    template.save(buffer)
    return _with_properties(buffer.getvalue(), context)


_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{title}</dc:subject><dc:creator>{body}</dc:creator>"
    "<cp:lastModifiedBy>{body}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>vi-VN</dc:language>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
)


def _with_properties(document: bytes, context: dict) -> bytes:
    """File › Properties of the report: its own title and issuer, today, Vietnamese — not the
    template's («python-docx», «generated by python-docx», 2013). Written as a whole part:
    setting them through python-docx after docxtpl has rendered puts «lastModifiedBy» and the
    like in the custom-properties namespace with docxtpl ≤ 0.16 (elapouya/python-docx-template#471),
    which Word repairs."""
    core = _CORE.format(title=html.escape(str(context.get("title", ""))[:250]),
                        body=html.escape(str(context.get("body", ""))[:250]),
                        now=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = core.encode("utf-8") if info.filename == "docProps/core.xml" else source.read(info.filename)
            target.writestr(info, data)
    return out.getvalue()


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    """The misspelled name: from "'foo' is undefined" or "… has no attribute 'bar'"."""
    text = str(exc.message or exc)
    match = re.search(r"has no attribute '([^']+)'", text) or re.search(r"'([^']+)' is undefined", text)
    return match.group(1) if match else text


def _near(exc) -> str:
    context = getattr(exc, "docx_context", None)
    if not context:
        return ""
    text = " ".join(part.strip() for part in context if part.strip())
    return text[:120]
