"""The agency registry: names, aliases, folded matching and group phrases.

A plan cell such as "Phòng Văn hóa - Xã hội; Bưu điện xã" or "Các cơ quan, đơn vị
có liên quan" is split into names and group phrases (DESIGN §2):

* as lead, "Các cơ quan, đơn vị (trên địa bàn xã)" means every commune body;
* as coordinator, "… có liên quan" / "Các cơ quan liên quan" means optional
  contributions, not a row in everybody's form.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .models import Agency, AgencyKind
from .textnorm import clean, fold, slug

# Known alternative spellings of common commune bodies (official name first).
KNOWN_ALIASES: dict[str, tuple[str, ...]] = {
    "Trung tâm Phục vụ hành chính công": (
        "Trung tâm PV hành chính công", "Trung tâm PVHCC", "TTPVHCC", "Trung tâm HCC",
    ),
    "Văn phòng HĐND-UBND": ("Văn phòng HĐND và UBND", "VP HĐND-UBND", "Văn phòng HĐND, UBND"),
    "Phòng Văn hóa - Xã hội": ("Phòng VH-XH", "Phòng VHXH"),
    "Phòng Kinh tế": ("Phòng KT",),
    # Outside partners most plans name, each spelled several ways.
    "Ủy ban MTTQ Việt Nam xã": ("UBMTTQ xã", "Ủy ban MTTQ xã", "UBMTTQVN xã", "MTTQ xã", "Mặt trận Tổ quốc xã",
                                "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ủy ban Mặt trận Tổ quốc xã"),
    "Ban Chỉ huy Quân sự xã": ("Ban CHQS xã", "BCH Quân sự xã", "BCHQS xã"),
    "Công an xã": ("CA xã",),
    "Đoàn Thanh niên xã": ("Đoàn TN xã", "Đoàn TNCS Hồ Chí Minh xã", "Xã đoàn"),
    "Hội Liên hiệp Phụ nữ xã": ("Hội LHPN xã", "Hội Phụ nữ xã"),
    "Hội Cựu chiến binh xã": ("Hội CCB xã",),
    "Trạm Y tế xã": ("TYT xã",),
}
# The local level's words: a ward (phường) or a special zone (đặc khu) names its bodies like a commune.
LOCALITIES = ("xã", "phường", "đặc khu")
# The bodies of the embedded plan, whose codes were their long slugs before codes were shortened.
_HAD_LONG_CODES = ("Trung tâm Phục vụ hành chính công", "Văn phòng HĐND-UBND", "Phòng Văn hóa - Xã hội")
_OWN_PREFIXES = ("phong ", "van phong ", "trung tam ", "ban ", "vp ")

# Group phrases, matched on folded text.
_OPTIONAL_GROUP = re.compile(r"^cac (co quan|don vi|phong)\b.*\blien quan$")
_ALL_GROUP = re.compile(r"^(cac|tat ca cac) (co quan|don vi|phong)\b")


# "… và <name>" splits two agencies only when the second part starts like an agency.
_AND_SPLIT = re.compile(
    r"\s+và\s+(?=(?:các\s+|Các\s+)?(?:[Pp]hòng|[Vv]ăn phòng|[Tt]rung tâm|[Bb]an|[Hh]ội|[Đđ]oàn|[Cc]ông an|"
    r"[Bb]ưu điện|[Tt]rạm|[Tt]rường|[ỦủUu][yỷ] ban|UBMTTQ|MTTQ|[Mm]ặt trận|đoàn thể|[Cc]ơ quan|[Đđ]ơn vị))")
_ACRONYMS = re.compile(r"^[A-ZĐ]{2,}(?:[- ][A-ZĐ]{2,})*$")


def split_names(cell: str) -> list[str]:
    """Split a cell into names on ';', line breaks, ',' and "và" outside group
    phrases and names that contain them ("Văn phòng HĐND, UBND")."""
    parts: list[str] = []
    # A name broken over two lines ("Phòng Văn hoá -" / "Xã hội") is one name.
    text = re.sub(r"\s*-\n\s*", " - ", clean(cell))
    text = re.sub(r"\n(?=[a-zà-ỹđ])", " ", text)
    for chunk in re.split(r"[;\n]+", text):
        tokens = [t.strip() for piece in _AND_SPLIT.split(chunk) for t in piece.split(",")]
        merged: list[str] = []
        for token in tokens:
            if not token:
                continue
            # "Các cơ quan" + "đơn vị có liên quan" belong together.
            if merged and _ALL_GROUP.match(fold(merged[-1])) and fold(token).startswith(("don vi", "to chuc")):
                merged[-1] = f"{merged[-1]}, {token}"
            elif merged and _ACRONYMS.match(token) and _ACRONYMS.match(merged[-1].split()[-1]):
                merged[-1] = f"{merged[-1]}, {token}"          # "Văn phòng HĐND, UBND"
            else:
                merged.append(token)
        parts.extend(merged)
    return parts


def group_kind(name: str) -> str | None:
    """'optional' for "… có liên quan", 'all' for "Các cơ quan, đơn vị…", else None."""
    key = fold(name)
    if _OPTIONAL_GROUP.match(key):
        return "optional"
    if _ALL_GROUP.match(key):
        return "all"
    return None


def guess_kind(name: str) -> AgencyKind:
    return AgencyKind.OWN if fold(name).startswith(_OWN_PREFIXES) else AgencyKind.PARTNER


@dataclass(frozen=True)
class Resolved:
    codes: tuple[str, ...]
    all_own: bool
    optional: bool
    unknown: tuple[str, ...]


class Registry:
    """Look agencies up by any folded name or alias."""

    def __init__(self, agencies: tuple[Agency, ...]):
        self.agencies = agencies
        self._by_key: dict[str, str] = {}
        for agency in agencies:
            for name in (agency.name, agency.code, *agency.aliases):
                self._by_key.setdefault(fold(name), agency.code)

    def lookup(self, name: str) -> str | None:
        return self._by_key.get(fold(name))

    def suggest(self, name: str) -> str | None:
        """The closest known official name, for a "did you mean"."""
        names = {fold(a.name): a.name for a in self.agencies}
        names.update({fold(alias): a.name for a in self.agencies for alias in a.aliases})
        close = difflib.get_close_matches(fold(name), list(names), n=1, cutoff=0.6)
        return names[close[0]] if close else None

    @property
    def own_codes(self) -> tuple[str, ...]:
        return tuple(a.code for a in self.agencies if a.kind == AgencyKind.OWN)

    def resolve(self, cell: str) -> Resolved:
        codes: list[str] = []
        unknown: list[str] = []
        all_own = optional = False
        for name in split_names(cell):
            group = group_kind(name)
            if group == "all":
                all_own = True
            elif group == "optional":
                optional = True
            elif (code := self.lookup(name)) is not None:
                if code not in codes:
                    codes.append(code)
            else:
                unknown.append(name)
        return Resolved(tuple(codes), all_own, optional, tuple(unknown))


def _local(name: str) -> tuple[str, str]:
    """(the folded name without its locality word, that word) — ("cong an", "phường")
    for "Công an phường" — or (the folded name, "") when it names none."""
    key = fold(name)
    for word in LOCALITIES:
        ending = " " + fold(word)
        if key.endswith(ending):
            return key[: -len(ending)], word
    return key, ""


def _in_locality(name: str, word: str) -> str:
    """A commune body's name ("Công an xã") as the body of another locality ("Công an phường")."""
    return name[: -len("xã")] + word if word != "xã" and fold(name).endswith(" xa") else name


# The folded name, without «xã», of every known commune body and alias -> its official name.
_KNOWN_STEMS: dict[str, str] = {}
for _official, _aliases in KNOWN_ALIASES.items():
    for _name in (_official, *_aliases):
        _stem, _word = _local(_name)
        if _word == "xã":
            _KNOWN_STEMS.setdefault(_stem, _official)


def known_official(name: str) -> str | None:
    """The official name of a known body for any of its spellings, in the
    locality the name gives: a ward's «UBMTTQ phường» is «Ủy ban MTTQ Việt Nam
    phường», as a commune's «UBMTTQ xã» is «Ủy ban MTTQ Việt Nam xã»."""
    key = fold(name)
    for official, aliases in KNOWN_ALIASES.items():
        if key == fold(official) or key in {fold(a) for a in aliases}:
            return official
    stem, word = _local(name)
    if word and stem in _KNOWN_STEMS:
        return _in_locality(_KNOWN_STEMS[stem], word)
    return None


def known_aliases(official: str) -> tuple[str, ...]:
    """The other spellings of a known body, in its locality."""
    if official in KNOWN_ALIASES:
        return KNOWN_ALIASES[official]
    stem, word = _local(official)
    commune = _KNOWN_STEMS.get(stem) if word else None
    if commune is None:
        return ()
    return tuple(_in_locality(a, word) for a in KNOWN_ALIASES[commune] if fold(a).endswith(" xa"))


def official_name(name: str) -> str:
    """The official spelling for a known alias, else the name as written."""
    return known_official(name) or clean(name)


def registry_from_names(names: list[str]) -> tuple[Agency, ...]:
    """Build agencies from the names in a plan's agency columns, in order of
    first appearance; group phrases are not agencies."""
    agencies: dict[str, Agency] = {}
    seen_keys: set[str] = set()
    for cell in names:
        for name in split_names(cell):
            if group_kind(name):
                continue
            official = official_name(name)
            official = official[:1].upper() + official[1:]     # "các đoàn thể" as a name: "Các đoàn thể"
            key = fold(official)
            if key in seen_keys:
                continue
            seen_keys.add(key)
            aliases = known_aliases(official)
            if fold(name) != key and name not in aliases:
                aliases = (name, *aliases)
            code = unique_code(short_code(official), agencies)
            if code != slug(official) and official in _HAD_LONG_CODES:
                # The long code earlier versions gave: returns already sent still carry it.
                aliases = (*aliases, slug(official))
            agencies[code] = Agency(code, official, guess_kind(official), aliases)
    # The commune's own bodies first, then outside partners; stable otherwise.
    return tuple(sorted(agencies.values(), key=lambda a: a.kind != AgencyKind.OWN))


# Kind words that start an agency's name -> the start of its short code.
_CODE_PREFIXES = (
    ("van phong", "vp"), ("trung tam", "tt"), ("uy ban", "ub"), ("phong", "phong"), ("ban", "ban"),
    ("hoi", "hoi"), ("doan", "doan"), ("tram", "tram"), ("truong", "truong"), ("cong an", "ca"),
)
_SHORT_ENOUGH = 16


def short_code(name: str) -> str:
    """A readable code for an agency: its slug when short ("buu-dien-xa",
    "phong-kinh-te"), else the kind word and initials ("phong-vhxh",
    "tt-pvhcc", "vp-hdnd-ubnd", "ban-chqs"); acronyms are kept whole."""
    full = slug(name)
    if len(full) <= _SHORT_ENOUGH:
        return full or "co-quan"
    words = [w for w in re.split(r"[^\w]+", clean(name)) if w]
    folded = [slug(w) for w in words]
    prefix, rest = "", list(zip(words, folded))
    for fragment, code in _CODE_PREFIXES:
        size = len(fragment.split())
        if " ".join(folded[:size]) == fragment:
            prefix, rest = code, rest[size:]
            break
    if len(rest) > 2 and [key for _, key in rest[-2:]] == ["dac", "khu"]:
        rest = rest[:-2]
    elif len(rest) > 1 and rest[-1][1] in ("xa", "phuong", "thi-tran"):
        rest = rest[:-1]
    parts: list[str] = [prefix] if prefix else []
    initials = ""
    for word, key in rest:
        if len(word) > 1 and word.isupper():
            if initials:
                parts.append(initials)
                initials = ""
            parts.append(key)
        else:
            initials += key[:1]
    if initials:
        parts.append(initials)
    return "-".join(p for p in parts if p) or full[:_SHORT_ENOUGH]


def unique_code(base: str, taken: dict[str, Agency] | set[str]) -> str:
    code, n = base or "co-quan", 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code
