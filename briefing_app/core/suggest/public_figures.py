"""Full names of public figures that an article names by title and surname only.

A White House transcript says "Vice President Harris" and "SECRETARY MAYORKAS:" and never spells a
first name; a wire story says "Foreign Minister Lavrov". ``resources/public_figures.tsv`` lists
office holders with the offices they held. A surname gets a full name from it only when the text's
title names an office (a courtesy title such as "Mr." or "Dr." never does) and exactly one person
listed has that surname and held that office: "Speaker Johnson" and "Prime Minister Johnson" are
two people, and "President Bush" stays "Bush".
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

# Words of a title and the office they name, the longer phrases first ("vice president" before
# "president", "attorney general" before "general").
_OFFICES = [
    ("deputy prime minister", "deputy prime minister"),
    ("prime minister", "prime minister"),
    ("premier", "prime minister"),
    ("vice president", "vice president"),
    ("press secretary", "press secretary"),
    ("secretary general", "secretary general"),
    ("secretary-general", "secretary general"),
    ("attorney general", "attorney general"),
    ("surgeon general", "surgeon general"),
    ("director general", "director general"),
    ("director-general", "director general"),
    ("managing director", "managing director"),
    ("high representative", "high representative"),
    ("high commissioner", "high commissioner"),
    ("trade representative", "trade representative"),
    ("security adviser", "adviser"),
    ("security advisor", "adviser"),
    ("chief of staff", "chief of staff"),
    ("supreme leader", "supreme leader"),
    ("crown prince", "crown prince"),
    ("field marshal", "field marshal"),
    ("minister", "minister"),
    ("chancellor", "chancellor"),
    ("president", "president"),
    ("speaker", "speaker"),
    ("leader", "leader"),
    ("whip", "whip"),
    ("senator", "senator"),
    ("sen.", "senator"),
    ("representative", "representative"),
    ("rep.", "representative"),
    ("congressman", "representative"),
    ("congresswoman", "representative"),
    ("governor", "governor"),
    ("gov.", "governor"),
    ("mayor", "mayor"),
    ("secretary", "secretary"),
    ("ambassador", "ambassador"),
    ("chairman", "chairman"),
    ("chairwoman", "chairman"),
    ("chair", "chairman"),
    ("director", "director"),
    ("administrator", "administrator"),
    ("commissioner", "commissioner"),
    ("general", "general"),
    ("gen.", "general"),
    ("admiral", "admiral"),
    ("commander", "commander"),
    ("adm.", "admiral"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("prosecutor", "prosecutor"),
    ("emir", "emir"),
    ("king", "king"),
    ("queen", "queen"),
    ("envoy", "envoy"),
    ("negotiator", "negotiator"),
    ("coordinator", "coordinator"),
    ("judge", "judge"),
]
OFFICES = frozenset(office for _, office in _OFFICES)
_OFFICE = regex.compile(r"(?<![\w.-])(" + "|".join(regex.escape(words) for words, _ in _OFFICES) + r")(?![\w-])")
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def office_of(title: str) -> str | None:
    """The office a title names ("Secretary of Homeland Security" → "secretary"), or None."""
    found = _OFFICE.findall(title.lower())
    if not found:
        return None
    # the phrase listed first wins: "Vice President" is not "President"
    rank = {words: i for i, (words, _) in enumerate(_OFFICES)}
    best = min(found, key=rank.__getitem__)
    return dict(_OFFICES)[best]


def fold(word: str) -> str:
    """A surname as compared: lower case, accents off ("Erdoğan" and "Erdogan" are one key)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


@cache
def _index() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Surname key → [(full name, offices)], read once from the shipped list."""
    from ...resources import resource

    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for line in resource("public_figures.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        name, offices = fields[0].strip(), frozenset(o.strip() for o in fields[1].split(","))
        words = [w for w in name.split() if w.lower() not in _SUFFIXES]
        keys = {fold(words[-1])}
        if len(fields) > 3:
            keys.update(fold(alias.strip()) for alias in fields[3].split(",") if alias.strip())
        for key in keys:
            index.setdefault(key, []).append((name, offices))
    return index


def full_name(surname: str, title: str) -> str | None:
    """The one listed person with this surname who held the office ``title`` names, or None."""
    office = office_of(title)
    if office is None:
        return None
    names = {name for name, offices in _index().get(fold(surname), ()) if office in offices}
    return names.pop() if len(names) == 1 else None
