"""Who said a passage, and who they are: speaker and affiliation from the words around it.

Reads the sentence holding the passage (and the sentences before it, for a surname, a title like "the
researcher" or a pronoun) for the forms news writing uses: "according to X", "X said", "said X",
"cautions X, research director at Y", "X, a researcher at Y, ...", "— X", "Y's X", "Deputy Minister X".
A surname alone is widened to the full name mentioned earlier in the article.
"""

from __future__ import annotations

import regex

# A name: two to four capitalised words (particles allowed inside), e.g. "Jean-Marc Sorel",
# "Barthélémy Courmont", "Ludwig van Beethoven", "Kim Jong-un".
_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’\-]*\p{Ll}[\p{Ll}'’\-]*\.?|\p{Lu}\."
_PARTICLE = r"(?:de|del|della|der|di|da|du|van|von|bin|ibn|al|el|le|la|dos|das)"
NAME = rf"(?:{_CAP})(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?(?:{_CAP})){{1,3}}"
SURNAME = rf"(?:{_CAP})"
SPEECH_VERBS = (
    "said|says|say|told|tells|warned|warns|cautioned|cautions|added|adds|noted|notes|explained|explains|"
    "argued|argues|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|believes|believed|thinks|predicted|"
    "predicts|estimated|suggested|suggests|insisted|insists|acknowledged|acknowledges|observed|"
    "observes|wrote|writes|stated|commented|highlighted|highlights|pointed out|points out|"
    "concluded|concludes|expects|expected|contends|contended|maintains|maintained|"
    "asserted|asserts|declared|declares|claimed|remarked|continued|replied|replies|"
    "responded|responds|testified|testifies|urged|urges|agreed|agrees|worried|worries|spoke|speaks"
)
TITLES = (
    "President|Vice President|Prime Minister|Deputy Minister|Minister|Secretary|Deputy Secretary|"
    "Undersecretary|Senator|Sen\\.|Representative|Rep\\.|Governor|Gov\\.|Mayor|Ambassador|General|Gen\\.|"
    "Admiral|Adm\\.|Colonel|Col\\.|Lieutenant|Lt\\.|Major|Maj\\.|Captain|Capt\\.|Dr\\.|Doctor|Professor|Prof\\.|"
    "Chairman|Chairwoman|Chair|Director|Commissioner|Chancellor|Judge|Justice|Spokesman|Spokeswoman|"
    "Spokesperson|Press Secretary|Mr\\.|Mrs\\.|Ms\\.|Chief"
)
_ROLE_NOUNS = (
    "researcher|professor|director|analyst|expert|economist|scientist|fellow|head|chief|chair|chairman|"
    "chairwoman|president|minister|secretary|spokesman|spokeswoman|spokesperson|official|adviser|advisor|"
    "commander|general|lecturer|dean|author|editor|correspondent|founder|ceo|executive|officer|manager|"
    "specialist|strategist|historian|physician|doctor|epidemiologist|lawyer|ambassador|diplomat|senator|"
    "representative|governor|mayor|member|partner|leader|coordinator|investigator|associate|consultant"
)
_APPOSITION = rf"(?:(?:a|an|the)\s+)?(?:[\w\-’']+\s+){{0,3}}(?:{_ROLE_NOUNS})\b[^,.;:!?“”\"]*"
_ADVERB = r"(?:(?:further|also|later|then|again|once|\w+ly)\s+)?"
_NOT_NAMES = {
    "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "But", "And", "Or", "So",
    "While", "However", "Later", "Earlier", "Then", "Also", "Still", "Yet", "Now", "Today", "Yesterday", "Meanwhile",
    "Moreover", "Furthermore", "Instead", "Last", "Next", "On", "In", "At", "As", "When", "After", "Before",
}  # fmt: skip
_PRONOUNS = r"\b(?:he|she|they)\b"

_PATTERNS = [
    # "…,” according to Jean-Marc Sorel, the director of …
    regex.compile(
        rf"\b(?:according to|as per|in the words of|in the view of)\s+(?:(?P<title>{TITLES})\s+)?"
        rf"(?P<name>{NAME}|{SURNAME})(?:,\s+(?P<aff>{_APPOSITION}))?",
        regex.V1,
    ),
    # "…,” cautions Barthélémy Courmont, research director at …
    regex.compile(
        rf"\b(?:{SPEECH_VERBS})\s+(?:(?P<title>{TITLES})\s+)?(?P<name>{NAME}|{SURNAME})(?:,\s+(?P<aff>{_APPOSITION}))?",
        regex.V1,
    ),
    # Dimitri Minic, a researcher at Ifri, further emphasizes …
    regex.compile(
        rf"(?:(?P<title>{TITLES})\s+)?(?P<name>{NAME}|{SURNAME})(?:,\s+(?P<aff>{_APPOSITION}),)?\s+{_ADVERB}(?:{SPEECH_VERBS})\b",
        regex.V1,
    ),
    # Barthélémy Courmont from IRIS highlighted …
    regex.compile(
        rf"(?P<name>{NAME})\s+(?:from|of|at)\s+(?P<aff>[\p{{Lu}}][^,.;:!?“”\"]*?)\s+{_ADVERB}(?:{SPEECH_VERBS})\b",
        regex.V1,
    ),
    # “…” — Jane Doe, economist at …
    regex.compile(rf"[—–]\s*(?P<name>{NAME})(?:,\s+(?P<aff>[^.\n]+))?", regex.V1),
]
_SENTENCE_END = regex.compile(r"(?<=[.!?…][”\"’)]?)\s+(?=[“\"‘(]?\p{Lu})|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding ``[start, end)``, extended to the surrounding sentence ends."""
    left = max(text.rfind("\n", 0, start), -1) + 1
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    m = _SENTENCE_END.search(text, end, stop)
    return left, m.start() if m else stop


def _clean_affiliation(aff: str | None, title: str | None) -> str:
    aff = (aff or "").strip(" ,;—–-")
    aff = regex.sub(r"^(?:a|an|the)\s+", "", aff, flags=regex.I)
    if not aff and title and title.rstrip(".") not in {"Mr", "Mrs", "Ms", "Dr"}:
        aff = title
    return aff


def full_name(text: str, name: str, before: int) -> str:
    """``name`` widened to the fullest earlier mention of it in ``text`` (a surname to "First Surname")."""
    if " " in name:
        return name
    best = name
    for m in regex.finditer(rf"(?P<name>{NAME})", text[:before], regex.V1):
        words = [w for w in m["name"].split() if w not in _NOT_NAMES and not regex.fullmatch(TITLES, w)]
        # the family name last ("Jean-Marc Sorel") or first ("Lee Min-ho")
        if words and name in (words[0], words[-1]) and len(" ".join(words)) > len(best):
            best = " ".join(words)
    return best


def attribution_in(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """(speaker, affiliation, position of the attribution) found in ``text[start:end]``, or None."""
    window = text[start:end]
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(window):
            words = m["name"].split()
            while words and words[0] in _NOT_NAMES:  # "Later Lee said": the sentence's first word is no name
                words.pop(0)
            if not words:
                continue
            name = " ".join(words)
            if name.endswith(".") and len(words[-1]) > 2:  # a sentence's full stop, not an initial
                name = name[:-1]
            title = m.groupdict().get("title")
            found.append((m.start(), name, _clean_affiliation(m.groupdict().get("aff"), title)))
    if not found:
        return None
    position, name, affiliation = min(found)
    return name, affiliation, start + position


def guess_attribution(text: str, start: int, end: int) -> tuple[str, str]:
    """Best guess of (speaker, affiliation) for the passage ``text[start:end]``; empty strings if none."""
    left, right = sentence_bounds(text, start, end)
    found = attribution_in(text, left, right)
    if found is None:
        # a pronoun or "the researcher": the last attributed speaker in the paragraph before
        if not regex.search(_PRONOUNS + r"|\bthe\s+(?:" + _ROLE_NOUNS + r")\b", text[left:right], regex.I):
            return "", ""
        paragraph_start = max(text.rfind("\n", 0, left - 1), -1) + 1
        found = attribution_in(text, max(0, paragraph_start - 2000), left)
        if found is None:
            return "", ""
    name, affiliation, position = found
    name = full_name(text, name, position)
    if not affiliation:
        affiliation = _earlier_affiliation(text, name, position)
    return name, affiliation


def _earlier_affiliation(text: str, name: str, before: int) -> str:
    """The affiliation given with an earlier mention of ``name`` ("Sorel, the director of …")."""
    surname = regex.escape(name.split()[-1])
    for m in regex.finditer(rf"{surname},\s+(?P<aff>{_APPOSITION})", text[:before], regex.V1):
        return _clean_affiliation(m["aff"], None)
    return ""
