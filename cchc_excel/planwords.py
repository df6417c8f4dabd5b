"""The plan's slips a leader would not sign, in one list: the report prints the
plan's words corrected (narrative.tidy), `plan check` names each slip in the
plan so that the officer can fix the plan itself (lint.py).

Also the old tone-mark placement («hoá», «uỷ») written the current way («hóa»,
«ủy», as the commune's own names are), so one report does not mix the two.
"""

from __future__ import annotations

import re
import unicodedata

# (name, pattern, replacement): «Chi số» for «Chỉ số», «sở Nội vụ», a two-word phrase written twice, a stray comma.
SLIPS = (
    ("chi_so", re.compile(r"\b[Cc]hi số\b"), "Chỉ số"),
    ("department", re.compile(r"\bsở (Nội vụ|Tài chính|Tư pháp|Y tế|Xây dựng|Công Thương|Nông nghiệp|"
                              r"Giáo dục|Khoa học|Văn hóa|Văn hoá)\b"), r"Sở \1"),
    ("twice", re.compile(r"\b(\w+ \w+) \1\b"), r"\1"),
    # «Các tin, bài, trên Trang TTĐT»: a comma between the pair «tin, bài» and where they are published.
    ("comma", re.compile(r"\b(tin, bài), (trên)\b"), r"\1 \2"),
)

# An old-style tone mark on the second vowel of «oa, oe, uy» ending a syllable (not after «q»:
# «quý» is right), in decomposed form: vowel, vowel, mark — and no other mark after it («luật»:
# a, dot below, circumflex).
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])")


def slips_in(text: str) -> list[tuple[str, str]]:
    """(slip name, the words as written) for each slip in a plan text."""
    return [(name, match.group(0)) for name, pattern, _ in SLIPS for match in pattern.finditer(text)]


def corrected(text: str) -> str:
    """The text with its slips corrected and tone marks placed the current way."""
    for _, pattern, replacement in SLIPS:
        text = pattern.sub(replacement, text)
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed))
