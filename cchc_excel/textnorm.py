"""Text normalisation: NFC cleaning, folded comparison keys and ASCII slugs.

Everything read from a user's file passes through :func:`clean` so the rest of
the code only ever sees NFC text. :func:`fold` gives the key used to compare
names ("Phòng Văn hoá - Xã hội" and "phong van hoa-xa hoi" fold alike).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .messages import phrase

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# A manual line break pasted from Word arrives as a vertical tab (written "_x000B_" in
# the file); page breaks, NEL and the Unicode line/paragraph separators are breaks too.
_BREAKS = re.compile(r"_x000[bBcC]_|[\x0b\x0c\x85\u2028\u2029]")
# Characters no report may carry: other controls (an XML part cannot even hold them: docxtpl
# then falls into lxml's recovering parser and drops "&", "<", ">" of the text around,
# python-docx-template issue #634), zero-width and direction marks, BOM, soft hyphen, and
# Excel's escapes of controls ("_x0001_") when a reader left them undecoded.
_HIDDEN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
                     r"\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]|_x00[01][0-9a-fA-F]_")
_HIDDEN_NAMES = {"\u00ad": "CHAR_SOFT_HYPHEN", "\ufeff": "CHAR_BOM"}     # catalogue phrases
_D_BAR = str.maketrans({"đ": "d", "Đ": "D"})      # the one Vietnamese letter NFD does not decompose
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def clean(value: object) -> str:
    """NFC text with runs of spaces collapsed and the ends stripped.

    Line breaks inside the text are kept (an agency may write several lines);
    a vertical tab becomes one; invisible and control characters are removed.
    """
    if value is None:
        return ""
    text = str(value)
    if (text.isprintable() and "  " not in text and "_x" not in text and text[:1] != " " and text[-1:] != " "
            and unicodedata.is_normalized("NFC", text)):
        return text                      # nothing to change: most cells (fast path)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HIDDEN.sub("", _BREAKS.sub("\n", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def hidden_characters(value: object) -> str:
    """What :func:`clean` removes from this text, named for the officer ("" when nothing)."""
    if not isinstance(value, str):
        return ""
    found = {m.group(0) for m in _HIDDEN.finditer(value)}
    if not found:
        return ""
    names = sorted({phrase(_HIDDEN_NAMES.get(ch, "CHAR_ZERO_WIDTH" if "\u200b" <= ch <= "\u2069" and len(ch) == 1
                                             else "CHAR_CONTROL")) for ch in found})
    return ", ".join(names)


def strip_marks(text: str) -> str:
    """Remove Vietnamese diacritics: 'Văn hóa' -> 'Van hoa', 'Đ' -> 'D'."""
    if text.isascii():
        return text                      # nothing to remove (an agency's code, a file name)
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_D_BAR)


def fold(value: object) -> str:
    """Comparison key: no diacritics (so old/new tone placement agree), lower
    case, one kind of dash, single spaces."""
    if isinstance(value, str) and len(value) <= 200:
        return _fold_cached(value)
    return _fold(value)


@functools.lru_cache(maxsize=8192)
def _fold_cached(value: str) -> str:
    return _fold(value)


def _fold(value: object) -> str:
    text = strip_marks(clean(value)).lower()
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


def slug(value: object) -> str:
    """ASCII, lower case, hyphen separated: a readable file name or code."""
    return _NON_ALNUM.sub("-", strip_marks(clean(value)).lower()).strip("-")
