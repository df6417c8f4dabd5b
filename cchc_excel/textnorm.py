"""Text normalisation: NFC cleaning, folded comparison keys and ASCII slugs.

Everything read from a user's file passes through :func:`clean` so the rest of
the code only ever sees NFC text. :func:`fold` gives the key used to compare
names ("Phòng Văn hoá - Xã hội" and "phong van hoa-xa hoi" fold alike).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def clean(value: object) -> str:
    """NFC text with runs of spaces collapsed and the ends stripped.

    Line breaks inside the text are kept (an agency may write several lines).
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def strip_marks(text: str) -> str:
    """Remove Vietnamese diacritics: 'Văn hóa' -> 'Van hoa', 'Đ' -> 'D'."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


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
