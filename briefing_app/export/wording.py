"""How the brief's words are set in print: dates for people, and each item's verbatim text as a reader meets it.

The brief keeps every item exactly as its source has it (the citation points there). Only the printed
form changes here: a passage cut from mid-sentence starts with a capital, a direct quotation (text
wholly inside quotation marks) is told from reported speech (the writer's account of what someone
said), and an item that does not say who speaks, or starts with "he", "they", "it" ..., is led by the
speaker's name. Plain strings in, plain strings out: markup is added by the renderer.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..core.words import opens_with_pronoun  # in core: the review flags such items too

# opening mark -> the marks that may close it
QUOTE_PAIRS = {
    "“": "”",
    '"': '"',
    "«": "»",
    "„": "“”",
    "‘": "’",
    "‚": "‘’",
    "'": "'",
    "‹": "›",
    "「": "」",
    "『": "』",
}
_TRAILING = ".,;:!?…"
# words of an affiliation that say what someone is rather than where: not evidence that the text names the place
_ROLE_WORDS = frozenset(
    "director deputy head chief senior junior research researcher professor fellow former associate assistant "
    "analyst expert member chair chairman chairwoman president vice minister secretary spokesman spokeswoman "
    "spokesperson executive officer general manager lecturer economist adviser advisor with from".split()
)  # fmt: skip


def long_date(value: str) -> str:
    """An ISO date as people write it: 2024-10-29 -> 29 October 2024, 2024-10 -> October 2024, 2024 -> 2024.
    Anything else is returned unchanged."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return value
    year, month, day = m.groups()
    if not month or not 1 <= int(month) <= 12:
        return year
    name = calendar.month_name[int(month)]  # English, whatever the machine's locale: the brief is in English
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def capitalised(text: str) -> str:
    """``text`` with its first word capitalised when that word is all lower case ("experts say" ->
    "Experts say", "“this is" -> "“This is"); a mixed-case word ("iPhone") stays as written."""
    m = re.search(r"\w+", text)
    if not m or not m.group().islower() or not m.group()[0].isalpha():
        return text
    first = m.group()[0].upper()
    if len(first) != 1:  # "ß".upper() is "SS"
        return text
    return text[: m.start()] + first + text[m.start() + 1 :]


def wholly_quoted(text: str) -> bool:
    """Whether ``text`` is one direct quotation: it opens with a quotation mark, whose closing mark ends
    it (before any final punctuation), and no closing mark ends the quotation earlier."""
    t = text.strip()
    if len(t) < 2 or t[0] not in QUOTE_PAIRS:
        return False
    closers = QUOTE_PAIRS[t[0]]
    body = t.rstrip(_TRAILING)
    if len(body) < 2 or body[-1] not in closers:
        return False
    inner = body[1:-1]
    if t[0] in "\"'":  # straight marks open and close alike: any one followed by a gap ends the quotation
        return not re.search(f"{re.escape(t[0])}[{re.escape(_TRAILING)}]*(\\s|$)", inner)
    # a closing mark followed by a gap ends the quotation; one followed by a letter is an apostrophe (Korea’s)
    return not re.search(f"[{re.escape(closers)}][{re.escape(_TRAILING)}]*(\\s|$)", inner)


def as_quotation(text: str) -> str:
    """A direct quotation as printed: capitalised, and a comma or semicolon left by the cut becomes a full stop
    (“… not being strategically essential,” -> “… not being strategically essential.”)."""
    t = capitalised(text.strip())
    return re.sub(r"[,;:]([”\"»“’'›」』]?)$", r".\1", t)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def names_speaker(text: str, speaker: str) -> bool:
    """Whether ``text`` names ``speaker``: their name as written, or their last name as a word ("Sorel")."""
    name = " ".join(speaker.split())
    flat = " ".join(text.split())
    if not name:
        return False
    if name in flat:
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    if not words or len(words[-1]) < 3:
        return False
    return re.search(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", flat) is not None


def names_affiliation(text: str, affiliation: str) -> bool:
    """Whether ``text`` already says where the speaker is from: the affiliation itself, its acronym, or
    most of its distinctive words ("the director of the Sorbonne Institute ... (IREDIES)")."""
    words = _words(text)
    haystack = f" {words} "
    whole = _words(affiliation)
    if not whole or f" {whole} " in haystack:
        return True
    # the text's runs of up to six words (an acronym of at most 12 characters has no more), looked up
    # instead of searching the text once per acronym or word: long fields made that their product
    runs: set[str] = set()
    acronyms = {_words(a) for a in re.findall(r"\(([^()]{2,12})\)", affiliation)}
    if acronyms:
        if "" in acronyms and not words:
            return True  # as searching "  " in a text without words found it
        tokens = words.split()
        runs = {" ".join(tokens[i : i + n]) for n in range(1, 7) for i in range(len(tokens) - n + 1)}
        if acronyms & runs:
            return True
    distinctive = [w for w in whole.split() if len(w) > 3 and w not in _ROLE_WORDS]
    if not distinctive:
        return False
    present = runs or set(words.split())
    found = sum(1 for w in distinctive if w in present)
    return found * 3 >= len(distinctive) * 2


@dataclass(frozen=True)
class Assessment:
    """How one expert assessment is printed.

    ``quotation``: True for a direct quotation (set in quotation marks, with "— speaker, affiliation"
    beneath), False for reported speech (set upright). ``lead``: the speaker and affiliation to put in
    front of reported speech, or "" when the text itself already says who speaks and where they are from.
    ``attribution``: the line beneath ("" for none).
    """

    text: str
    quotation: bool
    lead: tuple[str, str] | None
    attribution: str


def within_quotation_marks(text: str, before: str, after: str) -> str:
    """``text`` with the quotation marks around it in its source (``before`` and ``after`` it), when the analyst
    picked the words inside a quotation without its marks; else ``text`` unchanged."""
    if not before or before[-1] not in QUOTE_PAIRS:
        return text
    closers = QUOTE_PAIRS[before[-1]]
    m = re.match(f"([{re.escape(_TRAILING)}]?)([{re.escape(closers)}])", after)
    if not m:
        return text
    quoted = before[-1] + text + m.group(1) + m.group(2)
    return quoted if wholly_quoted(quoted) else text


def assessment(text: str, speaker: str, affiliation: str, before: str = "", after: str = "") -> Assessment:
    """How to print an assessment whose verbatim ``text`` stands between ``before`` and ``after`` in its source."""
    speaker, affiliation = speaker.strip(), affiliation.strip()
    who = ", ".join(x for x in (speaker, affiliation) if x)
    text = within_quotation_marks(text, before, after)
    if wholly_quoted(text):
        return Assessment(as_quotation(text), True, None, who or "Unattributed")
    body = capitalised(text.strip())
    if not who:
        return Assessment(body, False, None, "Unattributed")
    said_in_text = (
        speaker
        and not opens_with_pronoun(text)
        and names_speaker(text, speaker)
        and (not affiliation or names_affiliation(text, affiliation))
    )
    if said_in_text:  # "… according to Jean-Marc Sorel, the director of …": the attribution is there once
        return Assessment(body, False, None, "")
    return Assessment(body, False, (speaker, affiliation), "")
