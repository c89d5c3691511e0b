"""The people an article names, and what a name, a title or a transcript label refers to.

``People`` reads the article once and records every person it names with the fullest form of the
name and an affiliation (a title before the name, "X, a researcher at Y", "the director of Y, X",
"X — Director of Y —", "X from Y"). A surname, a title or a transcript label then maps to that
person, as a ``Speaker``: who a sentence is attributed to. Which sentence each person speaks is
:mod:`.voices`' work; the patterns of names, roles and speech verbs here serve it too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ...resources import resource
from . import public_figures
from .lexicon import english_function_words
from .segment import (
    MEMBER,
    NARRATOR_LABELS,
    OFFICE_HOLDER,
    PARTICLE,
    PARTICLES,
    PEERAGE,
    QUESTIONER_LABELS,
    SEAT_MEMBER,
)

_V = regex.V1
# One capitalised word of a name or an organisation: "Jean-Marc", "McChrystal", "U.S.", "Kim", "Jong-un"
_TITLE_ABBREVIATIONS = r"Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Sgt|Prof|St|Jr"
_WORD = rf"\p{{Lu}}[\p{{L}}'’\-]*(?:\.(?=\p{{Lu}}\.)|(?<=\b\p{{Lu}}|\b(?:{_TITLE_ABBREVIATIONS}))\.)?(?:\p{{Lu}}\.)*"
CAPRUN = rf"{_WORD}(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+){{0,2}}{_WORD})*"  # "von der Leyen", "de la Cruz"
# a run that may open with its particles, where a surname does: "said von der Leyen", "according to de la Cruz"
PARTICLED_RUN = rf"(?:{PARTICLE}[ \u00a0]+){{0,2}}{CAPRUN}"
_CAPRUN = regex.compile(CAPRUN, _V)
# Letters after a name for a seat or an honour (Westminster and Commonwealth usage)
# "in Portland, ", "Center for Care Advancement and "
_PLACE_OR_BODY_BEFORE = regex.compile(
    r"\b(?:in|at|of|from)[ \u00a0]+\p{Lu}[\p{L}\-]+,[ \u00a0]+$"
    r"|\b(?:for|of)[ \u00a0]+(?:\p{Lu}[\p{L}\-]+[ \u00a0]+)+and[ \u00a0]+$",
    _V,
)
# Degrees and fellowships a press release sets between a name and its role: "Ana Ruiz, M.D., professor of …"
DEGREE = (
    r"(?:Ph\.?[ \u00a0]?D|M\.?D|D\.?Phil|M\.?P\.?H|MBBS|M\.?B\.?A|R\.?N|D\.?V\.?M|Pharm\.?D|J\.?D|Ed\.?D|Sc\.?D"
    r"|F\.?R\.?C\.?P|FRS|FRSE|FACC|FAHA)\.?"
)
DEGREES = rf"(?:,[ \u00a0]+{DEGREE})+(?=,)"
_DEGREES_AFTER = regex.compile(rf"^{DEGREES}", _V)
_DEGREE = regex.compile(DEGREE, _V)
POST_NOMINALS = frozenset("MP MEP MSP MLA MPP MHA MHK TD QC KC AO AC OBE CBE MBE KBE DBE".split())

TITLE_WORDS = frozenset(
    "President Vice Prime Minister Deputy Secretary Undersecretary Under Senator Sen. Representative Rep. "
    "Congressman Congresswoman Governor Gov. Mayor Ambassador General Gen. Admiral Adm. Colonel Col. "
    "Lieutenant Lt. Major Maj. Captain Capt. Sergeant Sgt. Commander Dr. Doctor Professor Prof. Chairman "
    "Chairwoman Chair Director Commissioner Chancellor Judge Justice Spokesman Spokeswoman Spokesperson "
    "Mr. Mrs. Ms. Mx. Mr Mrs Ms Mx Dr Prof Chief King Queen Prince Princess Pope Sheikh Emir Premier Speaker "
    "Leader Marshal Treasurer Sheriff Comptroller Registrar Coroner "
    "Attorney Inspector Superintendent Bishop Archbishop Rabbi Imam Father Sir Dame Lord Lady Madam "
    "Hon Hon. Honourable Honorable Rt Rt. "  # "the Hon Ana Ruiz", "Rt Hon Tom Hale", "the Honourable Ana Ruiz"
    "Shri Smt Smt. Shrimati "  # India's courtesy titles: "Finance Minister Shri Tom Hale"
    "Datuk Datin Dato Dato' Dato’ Seri Tun Puan "  # Malaysia's honours: "Datuk Seri Ana Ruiz"
    "Alhaji Alhaja Engr Engr. "  # Nigeria's: "Alhaji Musa Bello", "Engr Chidi Okafor"
    "Assoc Assoc. Associate Assistant Asst Asst. Adjunct Emeritus".split()  # a rank before one: "Assoc Prof Ana Ruiz"
)
_BRACKETED_FIRST_NAME = regex.compile(
    r"\b(?P<title>(?:Mr|Mrs|Ms|Dr)\.?)[ \u00a0]+\[(?P<first>\p{Lu}[\p{L}\-]+)\][ \u00a0]+(?P<last>\p{Lu}[\p{L}\-]+)", _V
)
COURTESY = frozenset(
    "Mr. Mrs. Ms. Mx. Mr Mrs Ms Mx Dr. Dr Doctor Sir Dame Madam Lord Lady Hon Hon. Honourable Honorable Rt Rt. "
    "Shri Smt Smt. Shrimati Datuk Datin Dato Dato' Dato’ Seri Tun Puan Alhaji Alhaja Engr Engr.".split()
)  # British: no stop
# Words that make a capitalised run an organisation or a place, not a person.
ORG_WORDS = frozenset(
    "Department Ministry Council Institute Institution Agency Office Committee Commission Bank Reserve Fund "
    "Times Post Journal News Press Herald Tribune Guardian Telegraph Reuters Agence Associated Union "
    "Organization Organisation Association Administration Pentagon Kremlin Congress Senate House Parliament "
    "Court University College School Center Centre Centers Centres Service Services Forces Force Army Navy Corps Guard "
    "Police Group Party Government Corporation Company Inc Ltd Foundation Club Society Board Authority "
    "League Alliance Coalition Federation Network Hospital Clinic Laboratory Lab Program Programme Project "
    "Initiative Network Media Radio Television TV Channel Magazine Review Monitor Watch Airport Station "
    "Street Avenue Square Road Hills Mountains Mountain River Valley Island Islands Bay Gulf Coast Sea Lake "
    "Ocean Peninsula Strait County City Province Region State States Kingdom Republic Emirates Territory "
    "District North South East West Northeast Northwest Southeast Southwest Central New United Saudi Sri "
    "Northern Southern Eastern Western "  # "Western China"
    "Medal Prize Award Awards Trophy "  # "won the Harbour Medal for Science", "the A.M. Turing Award"
    "Costa Hong Puerto Los Las San Santa Saint Sierra Burkina Cape El Great Holy Middle Far Type War Homeland "
    "Security Defense Defence Affairs Justice Health Treasury Interior Commerce Energy Education Labor Labour "
    "Transportation Agriculture Foreign Internal Human Development Trade Finance Economy National Federal "
    "International Strategic Relations Research Studies Affairs Policy Military Nuclear Joint Staff "
    # a body's texts and chambers: "the Shanghai Communique stated", "the Japan Chamber of Commerce"
    "Chamber Communique Communiqué Accord Accords Declaration Treaty Charter Convention Protocol "
    "Democrats Republicans Greens Conservatives Liberals Socialists Tories Nationals "  # a party's members
    "Systems Technologies Holdings Industries Airlines Motors Partners Solutions Pharmaceuticals Insurance "
    # a firm's last word: "Kappa Capital", "Harbour Economics", "Delta Securities"
    "Capital Advisors Advisers Consulting Consultants Associates Economics Securities Investments Ventures "
    "Analytics Labs "
    "Mill Mills Factory Mine Mines Refinery Plant Works Brewery Shipyard "  # a site: "the Delta Paper Mill"
    # streets (USPS Publication 28, C1 street suffixes, those no first name or common surname shares) and places
    # people visit: "Lantern Drive", "Kappa World", "Greater Kappa"
    "Drive Boulevard Highway Parkway Freeway Expressway Motorway Terrace Plaza Quay Wharf Mall World Resort "
    "Greater".split()
)
SPEECH_VERBS = (
    "said|says|say|saying|told|tells|warned|warns|cautioned|cautions|added|adds|noted|notes|explained|"
    "explains|argued|argues|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|believes|believed|thinks|predicted|"
    "predicts|estimated|estimates|suggested|suggests|suggest|insisted|insists|acknowledged|acknowledges|"
    "observed|observes|wrote|writes|stated|states|commented|comments|highlighted|highlights|pointed out|"
    "points out|concluded|concludes|expects|expected|contends|contended|maintains|maintained|asserted|"
    "asserts|declared|declares|claimed|claims|remarked|remarks|replied|replies|responded|responds|"
    "testified|testifies|urged|urges|agreed|agrees|disagreed|disagrees|worried|worries|fears|feared|reported|reports|"
    "announced|announces|admitted|admits|conceded|concedes|recalled|recalls|described|describes|"
    "called|calls|praised|praises|criticized|criticised|criticizes|criticises|forecast|forecasts|spoke|speaks|"
    "blamed|blames|accused|accuses|"  # Levin's (1993) judgement verbs, beside praise and criticise
    "advised|advises|counselled|counseled|counsels|admonished|"  # Levin's advise verbs (37.9), beside warn and urge
    "mentioned|mentions|reiterated|reiterates|alleged|alleges|proclaimed|proclaims|confessed|confesses|"  # say (37.7)
    # Levin's conjecture verbs (29.5), beside believe and think ("assumed" and "imagined" left out: "assumed office")
    "doubted|doubts|suspected|suspects|surmised|surmises|conjectured|conjectures|presumed|presumes|guessed|"
    "reckons|reckoned|anticipates|anticipated|foresees|foresaw|opined|opines|averred|avers|"
    "tweeted|tweets|put it|puts it|"  # "as Ana Ruiz put it"
    r"(?:is|was|are|were) of the (?:\w+ )?(?:view|opinion)|(?:takes|took) the view|"  # "the Mayor is of the firm view"
    # "he has repeated his view that …"
    r"(?:repeated|reiterated|restated|stated|expressed|voiced) (?:his|her|their) (?:view|belief|opinion)|"
    "talked about|talks about|been clear|made clear|makes clear|"  # "As the President has talked about, …"
    r'continued(?=,\s*[“"])|went on(?=,\s*[“"])'  # a quotation it interrupts goes on: "“…,” Ruiz continued, “…”"
)
ROLE_NOUNS = (
    "researcher|professor|director|analyst|expert|economist|scientist|fellow|head|chief|chair|chairman|"
    "chairwoman|president|minister|secretary|spokesman|spokeswoman|spokesperson|official|adviser|advisor|"
    "commander|general|lecturer|dean|author|editor|correspondent|founder|ceo|executive|officer|manager|"
    "specialist|strategist|historian|physician|doctor|epidemiologist|lawyer|ambassador|diplomat|senator|"
    "representative|governor|mayor|member|partner|leader|lead|coordinator|investigator|associate|consultant|"
    "envoy|negotiator|administrator|commissioner|deputy|chancellor|judge|prosecutor|attorney|surgeon|"
    "virologist|engineer|inspector|lieutenant|colonel|admiral|commodore|brigadier|captain|sergeant|congresswoman|"
    "congressman|"
    # people quoted for what they do rather than an office: "Blogger Ana Ruiz wrote", "activist Ana Ruiz"
    "blogger|netizen|activist|campaigner|journalist|columnist|commentator|writer|user|lawmaker|politician|"
    "banker|policymaker|regulator|legislator|supporter|delegate|biographer|organiser|organizer|voter|nominee|pollster|"
    "trader|counsel|"
    # and a seat ("Ana Ruiz, MP for Kappa,", "a Kappa Party MP"), and who people are quoted as
    "mp|mep|student|resident|owner|volunteer|veteran|candidate|priest|pastor|"
    "councillor|councilor|councilman|councilwoman|alderman|boss|master|"  # "harbour master", "master mariner"
    "vp|svp|evp|cfo|coo|cto|cio"  # a firm's officers by their initials: "Kappa Rail's VP of Engineering"
)
_ROLE_WORDS = frozenset(ROLE_NOUNS.split("|"))
# and the occupations of a published classification (resources/occupations.txt: "rancher", "teacher", "nurse"),
# which are many a surname too ("Lisa Cook", "Ana Baker"): capitalised, one is a role only before a name
_OCCUPATIONS = (
    frozenset(w for w in resource("occupations.txt").read_text("utf-8").splitlines() if w and not w.startswith("#"))
    - _ROLE_WORDS
)
# (a named list in either case, not a case-folded alternation: the engine's import takes 0.2 s longer with it,
# 0.5 s with the alternation)
OCCUPATIONS = sorted({f(w) for w in _OCCUPATIONS for f in (str.lower, str.capitalize)})
# and any noun English makes for a person by what they do or study, with the agentive "-ist" or "-ian"
# ("archaeologist", "musician"), written in lower case ("Lindqvist" and "Christian" are names), but the verbs
# "exist", "insist", "resist", "assist", "consist", "persist"
_AGENTIVE = r"(?-i:(?!(?:ex|ins|res|ass|cons|pers|des|subs)ist\b)\p{Ll}{3,}(?:ist|ian))"
ROLE_NOUNS = f"{ROLE_NOUNS}|{_AGENTIVE}"
_AGENTIVE_WORD = regex.compile(_AGENTIVE, regex.V1)
# a role noun by a name; a pattern holding it is compiled with occupations=OCCUPATIONS
ROLE = rf"(?:(?i:{ROLE_NOUNS})|\L<occupations>)"


def is_role_word(word: str, before_name: bool = True) -> bool:
    """A word for what a person does: one of ROLE_NOUNS ("economist", "spokesman", "blogger"); an occupation
    in capitals only ``before_name``."""
    low = word.lower()
    return (
        low in _ROLE_WORDS
        or low in _OCCUPATIONS
        and (before_name or word == low)
        or bool(_AGENTIVE_WORD.fullmatch(word))
    )


APPOSITION = (
    # (an organisation's possessive may open it: "World Bank’s chief economist")
    # ("ex-NCB Governor": a prefix in lower case, then capitals)
    # (never a question put to a name: "Ana, will the Mayor visit …?")
    # (nor a clause of someone's: "which Mr Hale was I think the author of")
    # (nor the next item of a list: "Tom Hale, and former councillor Mia Chen")
    rf"(?!(?:will|would|can|could|do|does|did|is|are|was|were|should|shall|may|might|have|has|had|I|we|you|they|"
    rf"he|she|it|and|or|nor)\b)"
    # (on one line: "… for their hospitality in Lund.\n\nCaptain Berg is the harbour master" is no role of his)
    rf"(?:(?:a|an|the)\s+)?"
    # ("a 52-year-old ferry captain": an age's compound too)
    # (no infinitive before the role noun: "afraid to drop her guard" is no guard)
    rf"(?:(?!to[ \u00a0])\p{{Ll}}[\p{{L}}\-’'.]*[ \u00a0]+|\p{{N}}+-[\p{{L}}\-]+[ \u00a0]+"
    rf"|\p{{Lu}}[\p{{L}}.\-’']*[ \u00a0]+(?=[\p{{Ll}}\p{{Lu}}])){{0,8}}?"
    # then what belongs to the role ("of …", "at …", "based in …"), not a verb of the sentence ("the President
    # just indicated"; a participle with a place or body after it, "based in Lagos", belongs to the role)
    # (not a possessive: "who has an associate's degree" names no role)
    # (a prefix may join it: "co-founder", "vice-chair")
    rf"(?:\p{{Ll}}+-)?{ROLE}\b(?![’']s\b)"
    rf"(?![ \u00a0]+(?!(?:of|at|for|in|on|with|from|to|and|the|a|an|who|whose|which|that)\b)"
    rf"(?:\p{{Ll}}+[ \u00a0]+)?\p{{Ll}}+(?:ed|s)\b(?![ \u00a0]+(?:in|at|near|with)[ \u00a0]+\p{{Lu}}))"
    # up to a purpose ("the local Member to go through the plans" is the Member; "adviser to the Board" goes on)
    # (a stop inside a name goes on: "U.S.", "St. Brigid's Hospital")
    rf"(?:(?![ \u00a0]+to[ \u00a0]+(?!(?:the|a|an)\b)\p{{Ll}})[^,;“”\"\n.]|\.(?=\S)"
    rf"|(?<=\b(?:St|Mt|Ft|Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Prof|Lt|Col|Capt|Sgt|Adm|Hon|Rev))\.(?=[ \u00a0]\p{{Lu}})"
    # (and an abbreviation's last stop before a word in lower case: "the chief U.S. economist at Kappa Bank")
    rf"|(?<=\b\p{{Lu}})\.(?=[ \u00a0]\p{{Ll}})"
    # (or before a capitalised word of the role: "assistant U.S. Surgeon General")
    rf"|(?<=\b\p{{Lu}}\.\p{{Lu}})\.(?=[ \u00a0]\p{{Lu}}\p{{Ll}}+[ \u00a0]+\p{{Lu}}))*"
)
# Any appositive between commas after a name: a noun phrase with its article ("a 34-year-old office worker"),
# a relative clause ("who has run the firm for 30 years"), an age ("54") or a participle's aside, with or without
# a role noun in it
LOOSE_APPOSITION = (
    # (a body's place after it: "a professor at Kappa University, Lund")
    rf"(?:{APPOSITION}|(?:a|an|the)\s+[^,;:“”\"\n]{{1,80}}?\b(?:at|of|in|from)\s+\p{{Lu}}[^,;:“”\"\n]{{0,60}}?,\s+"
    rf"\p{{Lu}}[\p{{L}}\-]+(?:\s+\p{{Lu}}[\p{{L}}\-]+)?(?=,)"
    rf"|(?:a|an|the)\s+[^,;:“”\"\n]{{1,80}}?|who(?:se)?\s+[^,;:“”\"\n]{{1,120}}?|\d{{1,3}}"
    rf"|\p{{Ll}}+ing\s+[^,;:“”\"\n]{{1,80}}?)"  # or an aside: "speaking by video link from Geneva"
)
# What may stand between a speaker and the speech verb: adverbs and auxiliaries ("has long said")
ADVERBS = r"(?:(?:further|also|later|then|again|once|still|now|too|repeatedly|long|always|often|just|already|has|have|had|(?:was|is|were)\s+quoted\s+as|\p{Ll}+ly|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)*"  # noqa: E501
# speech verbs that open a sentence before their subject ("Added Ana Ruiz, “…”"); not "Said", which is a name
VERBS_FIRST = "Added Wrote Noted Warned Explained Continued Cautioned Countered".split()
_NOT_NAMES = frozenset(
    "The This That These Those It He She They We I You But And Or So While However Later Earlier Then Also "
    "Still Yet Now Today Yesterday Meanwhile Moreover Furthermore Instead Last Next On In At As When After "
    "Before Following According Per If Although Though Because Since Despite By For From With Without Under "
    "Out Up Off Over Into Onto Upon "  # ("Kappa's Out of the Rain program" names no one)
    "Asked Speaking Writing Madam Thank Welcome Well Hi Both Either Neither Some Many Most All Any Each My Our Your "
    # a speaker's opener: "Thanks Ana", "Certainly Kappa exporters"
    "Thanks Certainly Absolutely Obviously Clearly Indeed Look Listen Please "
    "Several Few Numerous Various Other Such Every "  # "Several Kappa sawmills": a determiner, then a place
    "No Yes Not "  # an answer's first word ("Prime Minister No, we …" in a transcript without colons)
    "Why "  # a heading's question: "Why Ruiz prefers cash"
    "Like Unlike Subject Subjects "  # "Like Mayor Lin has said", a briefing's "Subject(s): Ferry levy"
    "Noble Lords Is Are Was Were Do Does Did Has Have Had Can Could Will Would Should Q "  # Q: a question
    "I'm I’m "  # "I'm Ana Ruiz with …": the first person, then the name
    "You're You’re We're We’re They're They’re "  # "You're Professor Ana Ruiz?": whom a counsel addresses
    # the calendar's words that are nobody's name ("the Marines' February 2021 update"; April, May, June and
    # August are names too)
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July September October "
    "November December".split()
) | frozenset(VERBS_FIRST)


@dataclass
class Person:
    name: str
    affiliation: str
    title: str = ""  # the first title the text gives them: "Vice President", "Secretary of Homeland Security"
    gender: str = ""  # "f" or "m" when the text says so ("Ms. Ruiz", "the spokeswoman"), for "she said"


# What says a person's gender in the text itself: a courtesy title, or a role noun of one gender
_FEMALE = frozenset(
    "Ms Ms. Mrs Mrs. Miss Madam Dame Lady Baroness Countess spokeswoman congresswoman businesswoman".split()
)
_MALE = frozenset("Mr Mr. Sir Lord Baron Earl spokesman congressman businessman".split())


def gender_of(words: list[str]) -> str:
    """The gender one of ``words`` (titles, a role) gives: "f", "m", or "" when none does."""
    female, male = any(w in _FEMALE for w in words), any(w in _MALE for w in words)
    return "f" if female and not male else "m" if male and not female else ""


@dataclass(frozen=True)
class Speaker:
    """Who a sentence is attributed to. ``kind``: "person", "reported" (an institution or unnamed
    people), "finding" (a study or report), "questioner" (the press at a briefing) or "none"."""

    kind: str
    name: str = ""
    affiliation: str = ""
    how: str = ""  # "quote", "reported", "label", "according", "pronoun", "continued"


NOBODY = Speaker("none")
QUESTIONER = Speaker("questioner")  # a reporter's question at a briefing: left out of the reading


def _honours(affiliation: str) -> bool:
    """Letters after a name only ("AO MP"): what a role the text gives later says better."""
    return all(w in POST_NOMINALS for w in affiliation.split())


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word


def split_run(run: str) -> tuple[list[str], list[str]]:
    """A capitalised run cut into (title words, name words): "U.S. Army General Stanley McChrystal"."""
    titles, name = _split_run(run)
    return list(titles), list(name)


# Title words that are also common surnames (each is on the US Census Bureau's 2010 list of surnames, with tens of
# thousands of bearers): after a given name they are the surname, before "of" the office ("Anglican Bishop of …")
_TITLE_SURNAMES = frozenset("Bishop King Major Pope Prince".split())


@lru_cache(maxsize=1 << 14)
def _split_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # cached: most runs are the same few sentence openers and names, again and again
    raw = run.split()
    words = [_strip_possessive(w) for w in raw]
    while words and (words[0] in _NOT_NAMES or len(words) > 1 and _OPENING_PARTICIPLE.fullmatch(words[0])):
        words.pop(0)  # "However", "Echoing Panfilova": a sentence's opener, not a name
    if len(words) > 2 and words[1] == "By":
        words = words[2:]  # "Tabled By Lord Fenby", "Remarks By Governor Ruiz": whose it is, after "By"
    # "Kappa Institute's Ana Ruiz": what a full name belongs to comes first, with the titles (not "Her
    # Majesty's Revenue": one word after the owner is no full name)
    owned = max((i for i, w in enumerate(raw[len(raw) - len(words) : -1]) if w != _strip_possessive(w)), default=-1)
    owner, words = (words[: owned + 1], words[owned + 1 :]) if len(words) - owned > 2 else ([], words)
    if owner and all(map(_is_title, owner)) and not any(map(_is_title, words)):
        return tuple(owner), ()  # "the President's Fiscal Year 2023 Budget": what an office holds, no one's name
    after: list[str] = []  # "Ana Ruiz MP": letters after a name say what they are
    while len(words) > 2 and words[-1] in POST_NOMINALS:
        after.insert(0, words.pop())
    if len(words) > 2 and words[-1] in _GENERATION:
        words = words[:-1]  # "Tom B. Hale III", "Tom Hale Jr.": "Hale" is the surname a later "Hale said" uses
    last_title = max((i for i, w in enumerate(words) if _is_title(w, before_name=i < len(words) - 1)), default=-1)
    if last_title == len(words) - 1 > 0 and words[-1] in _TITLE_SURNAMES and not _is_title(words[-2]):
        # a title word that is also a surname, after a given name: "Julie Bishop", "Ana King" (see _add_mention)
        last_title = max((i for i, w in enumerate(words[:-1]) if _is_title(w)), default=-1)
    if 0 <= last_title < len(words) - 1 and raw[len(raw) - len(words) + last_title].endswith(("’s", "'s")):
        return tuple(owner + words[: last_title + 1]), ()  # "First Minister's Questions": what the office holds
    return tuple(owner + words[: last_title + 1] + after), tuple(words[last_title + 1 :])


_GENERATION = frozenset("Jr Jr. Sr Sr. II III IV".split())
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_BY_WHOM = re.compile(r"\w+ed\s+by\b")  # "joined by", "accompanied by", "backed by"
_LINK_MARKER = re.compile(r"^[ \u00a0]*\[[a-z]{2,3}\]")
_INITIALS_OF_BODY = re.compile(r"[A-Z]{3,6}")
# a body's name with "of" or "for" before the title words of a run: "Reserve Bank of" before "Kappa President"
_BODY_INITIALS_BEFORE = regex.compile(
    r"(?:\p{Lu}[\p{L}.\-]*[ \u00a0]+(?:(?:of|for|and)[ \u00a0]+)?){1,5}\(\p{Lu}{2,6}\)[ \u00a0]+$",
    regex.V1 | regex.REVERSE,
)
_BODY_OF_BEFORE = regex.compile(
    r"(?:\p{Lu}[\p{L}.\-]*[ \u00a0]+){1,4}(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?$", regex.V1 | regex.REVERSE
)


def _with_body_before(before: str, titles: list[str]) -> list[str]:
    """Title words with the start of their body's name before them ("Reserve Bank of Kappa President"), or the
    body's name and its initials ("Kappa Harbour Board (KHB) Chairman")."""
    if titles and (bracketed := _BODY_INITIALS_BEFORE.search(before[-80:])):
        return [*bracketed[0].split(), *titles]
    if not titles or any(w in TITLE_WORDS for w in titles[:1]):
        return titles
    m = _BODY_OF_BEFORE.search(before[-80:])
    return [*m[0].split(), *titles] if m and not any(w in TITLE_WORDS for w in m[0].split()) else titles


_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")


def _is_title(word: str, before_name: bool = True) -> bool:
    """A title or role word, also hyphenated ("Vice-President")."""
    return (
        word in TITLE_WORDS
        or is_role_word(word, before_name)
        or "-" in word
        and all(_is_title(w, before_name) for w in word.split("-"))
    )


def _fullest(name: list[str], titles: list[str]) -> str:
    """The name as written, or a listed public figure's full name for a title and a surname."""
    if len(name) == 1 and titles:
        return public_figures.full_name(name[0], " ".join(titles)) or name[0]
    return " ".join(name)


# words of a title in title case that end a body's name after "of": "… of the Republic of Kappa During a Visit"
_TITLE_STOPS = frozenset("During At On In After Before Following Aboard En With To For Ahead Upon Via".split())


def _body_after(words: list[str]) -> str:
    """The body a title's "of the Republic of Kappa" names after a person's name (``words``: what follows the
    name in the title), or ""."""
    if len(words) < 2 or words[0] != "of":
        return ""
    body: list[str] = []
    for w in words[1:]:
        if w[:1].isupper() and w not in _TITLE_STOPS:
            body.append(w)
        elif w in ("the", "of", "and") and (body or w == "the"):
            body.append(w)
        else:
            break
    while body and body[-1] in ("the", "of", "and"):
        body.pop()
    return " ".join(body) if any(w[:1].isupper() for w in body) else ""


# a label's office with the name after it in brackets: "Finance Minister (Mr. Tom Hale)"
_OFFICE_NAMED = regex.compile(
    r"(?P<office>(?:\p{Lu}[\p{L}\-]*\s+){0,4}\p{Lu}[\p{L}\-]*)\s\((?P<name>(?:(?:Mr|Mrs|Ms|Dr|Shri|Smt)\.?\s+)?"
    r"\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'.\-]*){1,3})\)",
    regex.V1,
)


def _portfolio(words: list[str]) -> bool:
    """Whether a label's words are an office named by its portfolio: a title word last, none before it, and
    every word capitalised ("Finance Minister", "External Affairs Minister", "Home Secretary")."""
    return (
        len(words) >= 2
        and words[-1] in TITLE_WORDS
        and not any(w in TITLE_WORDS or w in COURTESY for w in words[:-1])
        and all(w[:1].isupper() for w in words)
    )


_CONNECTORS = frozenset("of for and the on to".split())


def _body_office(words: list[str]) -> str:
    """A label's office named by what it is of, as a label in capitals gives it ("MINISTER OF PORTS AND MARINE
    AFFAIRS", title-cased word by word): "Minister of Ports and Marine Affairs"; "" when the words are no such
    office (a title, then "of" or "for", then capitalised words and connectors only)."""
    of = next((i for i, w in enumerate(words) if w.lower() in ("of", "for")), 0)
    if not (0 < of < len(words) - 1 and words[0] in TITLE_WORDS and words[0] not in COURTESY):
        return ""  # ("Chief Whip of the Majority Party": the title word first, then any other before "of")
    if not all(w.lower() in _CONNECTORS or w[:1].isupper() for w in words) or words[-1].lower() in _CONNECTORS:
        return ""
    return " ".join(words[:of] + [w.lower() if w.lower() in _CONNECTORS else w for w in words[of:]])


def _fuller_office(title: str, office: str) -> str:
    """A label's office, or the text's fuller form of it ("Harbour Affairs Minister" for "Minister")."""
    return title if office and title.lower().endswith(office.lower()) and len(title) > len(office) else office


_OWNED_SURNAME = regex.compile(r"(?P<owner>\p{Lu}[^’']*?)[’']s[ \u00a0]+(?P<surname>\p{Lu}[\p{L}\-]+)", regex.V1)


def _bare_title(affiliation: str) -> bool:
    """Whether an affiliation is only a title someone is called by ("Mayor", "Dr"), no office of any body."""
    return all(w in TITLE_WORDS or w in COURTESY for w in affiliation.split())


# what makes an office another holder's, right before it: a rank ("deputy", "vice", "former") or a nationality's
# adjective ("dutch", "israeli", "british", "chinese", "thai"; not "European Central Bank President")
_OTHER_HOLDER = regex.compile(
    r"\b(?:deputy|vice|former|acting|assistant|associate|under|shadow|ex|\p{Ll}+(?:an|ese|ish|ch|i)|greek|swiss)"
    r"[\s\-]$"
)


def _another_first_name(known: str, name: list[str]) -> bool:
    """Whether a full name gives another first name than a known person with its surname has ("Erik Lund", "Mia
    Lund"); an initial stands for any first name of its letter ("T. Hale", "Tom Hale"), a short form for its long one
    ("Ken Hale", "Kenneth G. Hale")."""
    first, mine = known.split()[0], name[0]
    if len(name) < 2 or len(known.split()) < 2 or first.lower() in PARTICLES or mine.lower() in PARTICLES:
        return False
    if len(first.rstrip(".")) == 1 or len(mine.rstrip(".")) == 1:
        return first[0] != mine[0]
    return not (first.startswith(mine) or mine.startswith(first))


def _fuller_form(known: str, new: str) -> bool:
    """Whether ``new`` spells out ``known``: "research director at the Institute … (IRIS)" for "IRIS"."""
    return len(new) > len(known) and regex.search(rf"(?<!\w){regex.escape(known)}(?!\w)", new) is not None


_OPENING_QUOTES, _CLOSING_QUOTES = frozenset("“‘\"'"), frozenset("”’\"'")


def _spells_out(known: str, name: list[str]) -> bool:
    """Whether ``name`` is the known name in full: its words (or their short forms), in order, with more between
    or before them ("Ruiz" -> "Ana Ruiz", "Ana Ruiz" -> "Ana M. Ruiz"). Another first name is not ("Currently
    Ruiz" for Ana Ruiz), nor words before a known first name and surname (an opening verb: "See Ana Ruiz")."""
    own = known.split()
    if len(own) >= 2 and name[-len(own) :] == own:
        return False
    words = iter(name)  # (a short form of a first name is in its full form: "Ken" -> "Kenneth G. Carpenter")
    return all(any(v.startswith(w) for v in words) for w in own)


def name_like(words: list[str]) -> bool:
    # a word in capitals is an acronym ("NATO"), but an initial before the surname ("H.", "P J") is part of a name;
    # a word in lower case is none, but a particle ("de")
    return (
        0 < len(words) <= 4
        and not any(
            (w in ORG_WORDS or w.endswith("ies") and f"{w[:-3]}y" in ORG_WORDS)  # "Societies", "Agencies"
            and not (0 < i == len(words) - 1 and w in _PLACE_PREFIXES)  # "Diana Costa", not "Costa Rica"
            or w in _NOT_NAMES
            # (two capitals alone before a surname are initials too: "TR Vasquez", as Indian papers write them)
            or (w.isupper() and not ((_INITIAL.fullmatch(w) or len(w) == 2 == len(words)) and i < len(words) - 1))
            or (not w[:1].isupper() and w not in PARTICLES)
            for i, w in enumerate(words)
        )
    )


_LEGAL_FORM = regex.compile(r"(?<=\p{L}[ \u00a0])(?:Co|Corp|Inc|Ltd|PLC|plc|LLC|AG|GmbH)\b\.?", regex.V1)
_INITIAL = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,3}")  # "H.", "P", and run together, "O.R."
# Words that open a place's name ("Costa Rica", "San Diego") and end many a person's ("Diana Costa", "Tom Hale")
_PLACE_PREFIXES = frozenset("Costa Hong Puerto Los Las San Santa Saint Sierra Cape El Great Holy Middle Far".split())


class People:
    """Every person an article names, keyed by full name, surname and (for East Asian order) first word."""

    def __init__(self, text: str, title_line: bool = False):
        self.text = text
        self._by_key: dict[str, Person] = {}
        self._by_title: dict[str, Person] = {}
        self._spelt_out: dict[str, regex.Match | None] = {}  # office -> where the text spells it out (office_of)
        # a title in title case runs names into the words around them ("Ruiz During a Visit …"):
        # only ``for_title`` reads it
        body = text.find("\n") + 1 if title_line else 0
        self._title_end = max(0, body - 1)
        for m in _CAPRUN.finditer(text, body):
            self._add_mention(m.start(), m.end(), m[0])
        # "Mr. [Tomas] Hale": a first name an editor put in brackets (the UN's summaries) is the name's
        for m in _BRACKETED_FIRST_NAME.finditer(text, body):
            self._add_mention(m.start(), m.end(), f"{m['title']} {m['first']} {m['last']}")
        # a company wherever the text names it with its legal form: "Samsung Electronics Co. said" makes the earlier
        # "Samsung Electronics reported …" no person
        for m in _LEGAL_FORM.finditer(text, body):
            before = text[max(0, m.start() - 80) : m.start()].split()
            words = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(before)))[:4][::-1]
            for k in range(len(words)):  # the longest run of capitalised words before it that names a "person"
                company = self._by_key.get(" ".join(words[k:]).lower())
                if company is not None and company.name == " ".join(words[k:]) and not company.affiliation:
                    self._by_key = {key: p for key, p in self._by_key.items() if p is not company}
                    break
        # "Vice President Harris" and never a first name: a listed public figure's full name. Only once
        # the whole text is read, so that "Senator Maria Harris" anywhere in it wins.
        for person in {id(p): p for p in self._by_key.values()}.values():
            if " " not in person.name and person.title:
                person.name = public_figures.full_name(person.name, person.title) or person.name

    def _add_mention(self, start: int, end: int, run: str) -> None:
        titles, name = self._acronym_office(*split_run(run))
        if not name or (len(name) == 1 and not titles and not self._may_vouch(start, end, name[0])):
            return  # most capitalised runs are one ordinary word: "It", "Moscow", "However"
        if _DEGREE.fullmatch(run):
            return  # "…, PhD, chief scientist": a degree after a name, no one's name
        if len(name) == 1 and not titles and _PLACE_OR_BODY_BEFORE.search(self.text, max(0, start - 40), start):
            return  # "… Centre in Portland, Oregon, said", "… for Care and Outcomes at …": a place's or a body's part
        if self.text[start - 1 : start] in _OPENING_QUOTES and self.text[end : end + 1] in _CLOSING_QUOTES and start:
            return  # the whole of a quotation: a work's title (“Harbour World”), no one's name
        before = self.text[max(0, start - 120) : start]
        titles = _with_body_before(before, titles)
        office = _OFFICE_BEFORE.search(before)
        if office and not titles:  # "Secretary of Homeland Security Mayorkas": the office, then the name
            if _FULL_NAME_AFTER.match(self.text, end):
                return  # "Prime Minister of New Zealand, Ana Ruiz": the office's country, then its holder
            org = []
            while name and name[0] in ORG_WORDS:
                org.append(name.pop(0))
            keep = 2  # the body's name runs into the person's: a first name and a surname stay,
            while keep < len(name) and _INITIAL.fullmatch(name[-keep]):
                keep += 1  # with any initials between them ("Donald H. Rumsfeld")
            if len(name) > keep:
                org, name = org + name[:-keep], name[-keep:]
            titles = [f"{office[0].strip()} {' '.join(org)}"] if name and org else []
        elif (
            not titles
            and len(name) > 2
            and (role_body := _ROLE_WITH_BODY_BEFORE.search(before))
            and name_like(name[-2:])
            and not ORG_WORDS.intersection(name[-2:])
        ):  # "Chief economist with Harbour Capital Ben Okafor": the body's name runs into the person's
            titles = [f"{role_body[0].strip()} {' '.join(name[:-2])}"]
            name = name[-2:]
        if not name_like(name) or name[-1] in _TITLE_SURNAMES and self.text.startswith(" of ", end):
            return  # (nor "Anglican Bishop of Kappa": an office)
        # (a link's language marker after the name is none of what follows it: "Ana Ruiz [en], a deputy")
        after = _LINK_MARKER.sub("", self.text[end : end + 200], count=1)
        after = _DEGREES_AFTER.sub("", after, count=1)  # "Ana Ruiz, M.D., professor of …": the role after it
        role = _role_before(before) or _role_of_body_before(before)
        apposition, from_body = _apposition_after(after, role or _title_affiliation(titles))
        known = name[-1].lower() in self._by_key
        vouched = bool(titles or role or apposition)
        if len(name) == 1 and not (vouched or known):
            return
        if not vouched and (name[0] in _PARTICLE_START or _in_heading_or_org(before, after)):
            return
        # the fullest of what the text says of them: "Professor" < "Clinical Adviser for the Harbour Board";
        # a role before the name and the body after it are one: "Korea expert" "from the RAND Corporation"
        role_at = f"{role} {from_body}" if role and from_body else ""
        # and so are an office before it and the body after it: "President Ana Ruiz of the Harbour Council" (an
        # office: a role word before a name, "Activist Ana Ruiz of …", is no office of that body)
        office_words = [t for t in titles if t in TITLE_WORDS and t not in COURTESY]
        titled_at = f"{' '.join(office_words)} {from_body}" if from_body and office_words else ""
        # an office before the name that names its body ("Chair of the Council of Economic Advisers Ana Ruiz,
        # a member of …") is the role itself, whatever follows; a bare rank ("Professor") gives way to more
        titled = _title_affiliation(titles)
        if titled and (lead := _TITLE_LEAD.search(before)):
            titled = f"{lead[1]} {titled}"  # "former Prime Minister Tom Hale": not the Prime Minister now
        affiliation = (
            titled
            if _OFFICE_OF_BODY.search(titled)
            else max(
                (
                    titled,
                    apposition,
                    role,
                    _predicate_after(after),
                    role_at,
                    titled_at,
                    _introduced_with(before, run, after),
                ),
                key=len,
            )  # fmt: skip
        )
        full = " ".join(name)
        peer = len(name) == 1 and titles and PEERAGE.match(f"{titles[-1]} ")
        if peer:
            full = f"{titles[-1]} {full}"  # a peer's title is their name, and no office: "Lord Ashby"
        person = self._by_key.get(full.lower())
        if person is None and (kin := self._by_key.get(name[-1].lower())) and not _another_first_name(kin.name, name):
            person = kin  # "Hale" for Tom Hale (but "Erik Lund" after Mia Lund is her father, no other name of hers)
        if person is None:
            person = Person(full, affiliation)
        elif len(full) > len(person.name) and person.name.split()[-1] == name[-1] and _spells_out(person.name, name):
            person.name = full
        if affiliation and (
            not person.affiliation or _fuller_form(person.affiliation, affiliation) or _honours(person.affiliation)
        ):
            person.affiliation = affiliation  # the first one given, or a fuller form of it later
        if titles and not person.title and not peer:
            person.title = " ".join(titles)
        person.gender = person.gender or gender_of([*titles, *role.split(), *apposition.split()])
        keys = {full.lower(), name[-1].lower(), name[0].lower() if len(name) > 1 else name[-1].lower()}
        if len(name) > 2:  # a surname of two words, as a label gives it: "OKAFOR HALE:" for Maya Okafor Hale
            keys.add(" ".join(name[-2:]).lower())
            # and a middle name, by which a name of three words may be called later: "Mr Kumar" for Ravi Kumar Rao
            keys.update(w.lower() for w in name[1:-1] if len(w) > 2 and w.lower() not in PARTICLES)
        for key in keys:
            self._by_key.setdefault(key, person)
        if titles:
            self._by_title.setdefault(" ".join(titles).lower(), person)
            self._by_title.setdefault(" ".join(t for t in titles if t not in COURTESY).lower(), person)

    def _may_vouch(self, start: int, end: int, word: str) -> bool:
        """A cheap look at whether a lone capitalised word could be a person: known already, or with an
        office, a role or an apposition around it (the regular expressions then decide)."""
        if word.lower() in self._by_key:
            return True
        after = self.text[end : end + 6]
        if after[:1] in ",—–" or after.startswith((" from ", " of ", " at ", " —", " –")):
            return True
        previous = self.text[max(0, start - 30) : start].split()
        return bool(previous) and (is_role_word(previous[-1]) or previous[-1] in ("of", "the", ","))

    def gender_of(self, name: str) -> str:
        """The gender the text gives the person named ``name`` ("f", "m"), or ""."""
        person = self.find(name.split())
        return person.gender if person else ""

    def take_gender(self, name: str, gender: str) -> None:
        """Take the gender a "she said" that means ``name`` gives them, unless the text gave one already."""
        person = self.find(name.split())
        if person is not None and not person.gender:
            person.gender = gender

    def find(self, name_words: list[str]) -> Person | None:
        if not name_words:
            return None
        full = " ".join(name_words).lower()
        return self._by_key.get(full) or self._by_key.get(name_words[-1].lower())

    def named_in(self, start: int, end: int) -> list[Person]:
        """The people the text names in ``text[start:end]`` (an interview's introduction), each once."""
        found: dict[int, Person] = {}
        for m in _CAPRUN.finditer(self.text, start, end):
            _, name = split_run(m[0])
            person = self.find(name) if name and name_like(name) else None
            if person is not None:
                found.setdefault(id(person), person)
        return list(found.values())

    def last_named(self, start: int, end: int, besides: str = "") -> Person | None:
        """The last person ``text[start:end]`` names, by name or by title alone ("the President"), other than
        ``besides`` (or a shorter form of that name: "James" of "Lord James of Blackheath"): whom a "he thinks"
        after it most likely means."""
        own = set(besides.split())
        last = None
        for m in _CAPRUN.finditer(self.text, start, end):
            titles, name = split_run(m[0])
            if name:
                person = self.find(name) if name_like(name) else None
            else:
                person = self.by_title(" ".join(titles)) if titles else None
            if person is not None and not set(person.name.split()) <= own:
                last = person
        return last

    def subject_of(self, start: int, end: int) -> Person | None:
        """A known person opening the sentence ``text[start:end]`` as its subject ("But Papperger
        dismissed those fears."): whom a "he said" in the next sentence most likely means."""
        m = _CAPRUN.match(self.text, start, end)
        if m is None and (lead := _ROLE_LEAD.match(self.text, start, end)) and is_role_word(lead["role"]):
            m = _CAPRUN.match(self.text, lead.end(), end)  # "journalist Tom Hale chronicles …"
        if m is None or m[0] in _APPOSED_OPENERS:  # "Her neighbour, Tom Hale, is less worried."
            m = _APPOSED_SUBJECT.match(self.text, start, end) or m
        if m is None:
            return None
        _, name = split_run(m["run"] if "run" in m.groupdict() else m[0])
        found = self.find(name) if name and name_like(name) else None
        if (
            found is None
            and self.text.startswith(" ", m.end())
            and (lead := _ROLE_LEAD.match(self.text, m.end() + 1, end))
            and is_role_word(lead["role"])
        ):
            return self.subject_of(lead.end(), end)  # "Board chairman Tom Hale was hopeful": a body's role first
        if found is None and (opening := _OPENING_PHRASE.match(self.text, start, end)):
            # "In an interview, Ruiz defended …", "At WEF Panel on Trade, Ruiz …": after the opening ("After his
            # arrest, Ruiz's friends …": not him)
            after = _CAPRUN.match(self.text, opening.end(), end)
            return (
                None if after is not None and after[0].endswith(("’s", "'s")) else self.subject_of(opening.end(), end)
            )
        return found

    def resolve_run(self, run: str) -> Speaker:
        """What a capitalised run before or after a speech verb names: a person, or an institution."""
        if (
            (owned := _OWNED_SURNAME.fullmatch(run))
            and (person := self.find([owned["surname"]]))
            and " " in person.name
        ):
            # "Kappa Bank's Ruiz said": the Ana Ruiz the text named before, of that body
            return Speaker("person", person.name, person.affiliation or owned["owner"])
        titles, name = split_run(run)
        if not name and titles:  # "the President said"
            person = self.by_title(" ".join(titles))
            return Speaker("person", person.name, person.affiliation) if person else Speaker("reported")
        if not name_like(name):
            # "(Secretary of) State Ana M. Ruiz": a body's last words before a name the text knows
            while name and name[0] in ORG_WORDS:
                name = name[1:]
            known = self.find(name) if name_like(name) else None
            return Speaker("person", known.name, known.affiliation) if known else Speaker("reported")
        person = self.find(name)
        if person is None:
            if len(name) == 1 and not titles or name[0] in PARTICLES:
                return Speaker("reported")  # "Moscow says", "Reuters reported", "according to la Nación"
            person = Person(_fullest(name, titles), _title_affiliation(titles))
        return Speaker("person", person.name, person.affiliation or _title_affiliation(titles))

    def by_title(self, title: str) -> Person | None:
        title = title.lower().removeprefix("the ").strip()
        exact = self._by_title.get(title)
        if exact:
            return exact
        for key, person in self._by_title.items():
            # ("the Governor" is the "RBA Governor", not the "Deputy Governor" nor the "Dutch Prime Minister")
            if key.endswith(title) and not _OTHER_HOLDER.search(key[: -len(title)]):
                return person
        # "the Secretary": the one person whose office opens with it ("Secretary of Transportation")
        holders = {id(p): p for key, p in self._by_title.items() if key.startswith(title + " ")}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def holding(self, office: str, besides: Collection[str] = ()) -> Person | None:
        """The one person the text gives ``office`` as their role ("Ana Ruiz is the Prime Minister"), if one;
        ``besides``: the names of holders it cannot be."""
        office = office.lower()
        holders = {id(p): p for p in self._by_key.values()
                   if _holds(office, p.affiliation.lower(), p.title.lower()) and p.name not in besides}  # fmt: skip
        return next(iter(holders.values())) if len(holders) == 1 else None

    def office_in_full(self, affiliation: str) -> str:
        return self.office_of(affiliation)[0]

    def office_of(self, affiliation: str, name: str = "") -> tuple[str, str]:
        """A bare office ("Governor", "Chair") as the text spells it out somewhere ("Governor of the Federal
        Reserve Board"), the first such place; else as given. Bylines and labels give only the office. With the
        holder's ``name``: the office without the name the text runs on ("Secretary of Agriculture Owen Marsh"),
        and the name at its fullest there ("Marsh" -> "Owen Marsh")."""
        words = affiliation.split()
        if not words or len(words) > 3 or not all(w in TITLE_WORDS or is_role_word(w) for w in words):
            return affiliation, name
        if affiliation not in self._spelt_out:  # a search of the whole text: once per office
            # (not inside a longer title, another's office: "the Deputy Prime Minister of Kappa" for "Minister")
            self._spelt_out[affiliation] = regex.search(
                rf"(?<!\b(?!The\b)\p{{Lu}}[\p{{L}}\-]*[ \u00a0])\b{regex.escape(affiliation)}"
                rf"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?{_ORG_NAME}",
                self.text,
                _V,
            )
        m = self._spelt_out[affiliation]
        if m is None:
            return affiliation, name
        words = m[0].split()
        own = name.split()
        # (a middle initial stops the body's name: "Minister of Fisheries Ana T." then ". Ruiz")
        initialled = len(own) == 1 and regex.match(rf"\.?[ \u00a0]+{regex.escape(own[0])}\b", self.text[m.end() :])
        for i in range(3, len(words)):
            if own and words[i : i + len(own)] == own or self.find(words[i:]) is not None:
                return " ".join(words[:i]), name
            if len(own) == 1 and words[i + 1 :] == own:  # a first name before the surname the label gives
                return " ".join(words[:i]), " ".join(words[i:])
            if initialled and words[i + 1 :] and all(_INITIAL.fullmatch(w) for w in words[i + 1 :]):
                return " ".join(words[:i]), f"{' '.join(w + '.' if len(w) == 1 else w for w in words[i:])} {own[0]}"
        return m[0], name

    def interviewed_in_title(self, title: str) -> Speaker | None:
        """The person an interview's title names ("Interview with Tom Hale", "Q&A: Ana Ruiz on …"), at the
        fullest form the text gives, else None."""
        title = _title_case(title)
        kind = _INTERVIEW_KIND.search(title)
        if kind is None:
            return None
        found: list[tuple[bool, int, Speaker]] = []
        for m in _CAPRUN.finditer(title):
            titles, name = split_run(m[0])
            while name and _INTERVIEW_KIND.fullmatch(name[-1]):
                name.pop()  # "Secretary Ruiz Interview with …": the kind of text, no part of the name
            person = self.find(name) if name else None
            if 2 <= len(name) <= 4 and name_like(name) or len(name) == 1 and person is not None:
                full = max(person.name if person else "", " ".join(name), key=len)
                office = _title_affiliation(_with_body_before(title[: m.start()], titles))
                said = Speaker("person", full, person.affiliation if person and person.affiliation else office, "label")
                named = _NAMED_AFTER_KIND.fullmatch(title, kind.end(), m.start())  # "Testimony of Tom Hale"
                found.append((not named, len(found), said))
        # the one the kind names ("Dredging Inquiry: Testimony of Tom Hale"), else the first
        return min(found, key=lambda f: f[:2])[2] if found else None

    def for_title(self, title: str) -> Speaker | None:
        """Learn the people a title names ("Press Briefing by Governor Ana Ruiz Aboard the Ferry",
        "Remarks by Governor Ruiz and Harbour Minister Tom Hale of …"), so that a label or a
        surname later finds them; returns the first one when the title is a speech's ("Remarks by X",
        "Tom Hale's speech at …"), whose words then are all that person's."""
        for h in _HONOURABLE.finditer(_title_case(title)):  # "the Prime Minister, the Hon P J Keating MP"
            self.title_person([*h["office"].split(), *h["name"].split()])
        if (n := _NAME_COMMA_OFFICE.search(_title_case(title))) and any(map(_is_title, n["office"].split())):
            # "… by Ana Ruiz, Secretary of the Treasury", "… by Ana Ruiz, Kappa Bank Managing Director, at …"
            self._add_titled(n["name"].split(), n["office"].strip())
        if (held := _BY_OFFICE_NAME.search(title)) and any(
            map(_is_title, (office := _own_office(held["office"])).split())
        ):
            # "… by NSC Coordinator for Strategic Communications Ana Ruiz": an office with its "for" and "of"
            self._add_titled(held["name"].split(), office)
        m = _TITLED_BY.search(_title_case(title))
        if m is None:
            return None
        named = []
        parts = regex.split(r"\s+(?:and|with|&)\s+|,\s*", m["by"] or m["own"])
        for k, part in enumerate(parts):
            words = [_strip_possessive(w) for w in part.split()]
            # what follows the names may name the last one's body ("… and President Tom Hale of the Harbour Board")
            after = _title_case(title)[m.end() :].split() if m["by"] and k == len(parts) - 1 else []
            person = self.title_person(words, bare=bool(m["own"]), after=after)
            if person is not None:
                named.append(person)
                if person.title:  # the title's "President Marlow" is "THE PRESIDENT:", over a president the body names
                    self._by_title[person.title.lower()] = person
            elif " ".join(words) in _OFFICE_ABBREVIATIONS:  # "PM's closing remarks": as a "PM:" label
                said = self.for_label(words[0])
                named.append(Person(said.name, said.affiliation) if said.name else Person(words[0], words[0]))
        if not named or not _SPEECH_KIND.search(title):
            return None
        first = named[0]
        return Speaker("person", first.name, first.affiliation or first.title, "label")

    def briefer(self, title: str) -> Speaker | None:
        """The one person a briefing's title names ("Noon Briefing by Ana Ruiz, Spokesperson for …"), known by
        ``for_title``, else None."""
        if not _BRIEFING_KIND.search(title):
            return None
        # "… by Minister of Fisheries Ana Ruiz Following …": an office with its "of" before the one briefer
        if (held := _BY_OFFICE_NAME.search(title)) and (person := self.find(held["name"].split())) is not None:
            return Speaker("person", person.name, person.affiliation or person.title, "label")
        m = _TITLED_BY.search(_title_case(title))
        if m is None or not m["by"]:
            return None
        parts = regex.split(r"\s+(?:and|with|&)\s+|,\s*", m["by"])
        people = [p for p in (self.title_person(part.split()) for part in parts) if p is not None]
        if len({id(p) for p in people}) != 1:
            return None
        return Speaker("person", people[0].name, people[0].affiliation or people[0].title, "label")

    def _add_titled(self, name: list[str], office: str) -> None:
        """Learn a person a title names with their office after a comma, unless the text names them already. A
        surname with a title of its own ("Vice President Ruiz, Secretary Hale, …") opens a list of people instead."""
        _, name = split_run(" ".join(name))  # "Professor Ana Ruiz, Director of …": her full name and office
        if not name_like(name) or len(name) < 2:
            return
        person = self.find(name) or Person(" ".join(name), office)
        person.affiliation = person.affiliation or office
        for key in {person.name.lower(), name[-1].lower()}:
            self._by_key.setdefault(key, person)

    def title_person(self, words: list[str], bare: bool = False, after: list[str] | None = None) -> Person | None:
        """The person a run of title-case words opens with. Title case runs the name into what follows
        ("Ruiz After Meeting"), so: someone the text names, else a listed public figure for a title and a
        surname, else a title and a first name and surname (``bare``: no title needed, as in "X's speech").
        ``after``: the title's words after the run, which may name the office's body ("of the Harbour Board")."""
        titles, rest = split_run(" ".join(words))
        titles, rest = self._acronym_office(titles, rest)
        if titles and len(rest) > 3 and rest[0] in ("for", "of") and name_like(rest[-2:]):
            titles, rest = titles + rest[:-2], rest[-2:]  # "Minister for Transport Ana Ruiz": the office of its body
        for n in range(min(len(rest), 3), 0, -1):
            person = self.find(rest[:n]) if name_like(rest[:n]) else None
            if person is not None and n > 1 and person.name.split()[-1] != rest[n - 1]:
                person = None  # found by a first name ("… Tom Hale En Route" is not "En Route Kappa")
            if (
                person is not None
                and n == 1
                and person.name == rest[0]
                and not (person.title or person.affiliation)
                and len(rest) > 1
                and rest[1] not in _TITLE_STOPS
                and name_like(rest[:2])
            ):  # a first name the press called out ("Q Ana, will …"), which the title gives in full ("… Ana Ruiz")
                person.name = " ".join(rest[:2])
                self._by_key.setdefault(rest[1].lower(), person)
                self._by_key.setdefault(person.name.lower(), person)
            if person is not None and (n > 1 or titles):
                if n > 1 and len(person.name.split()) < n and person.name.split()[-1] == rest[n - 1]:
                    person.name = " ".join(rest[:n])  # the title gives the name in full: "Jha" → "Ana Jha"
                if titles and not PEERAGE.match(f"{titles[-1]} "):  # the title gives the office the text never does
                    person.title = person.title if _title_affiliation(person.title.split()) else " ".join(titles)
                office = _title_affiliation(titles)
                if office and all(w in TITLE_WORDS for w in titles) and (body := _body_after(rest[n:] or after or [])):
                    office = f"{office} of {body}"  # "President Ana Ruiz of the Republic of Kappa During …"
                if not person.affiliation or _bare_title(person.affiliation) and len(office) > len(person.affiliation):
                    # and over a bare title the body calls them by ("Mayor Tom Hale"): the office the title names
                    # ("… and Harbour Act Coordinator Tom Hale") is the fuller form of what they are
                    person.affiliation = office
                return person
        if not (titles or bare) or not rest or not (name_like(rest[:1]) or _INITIAL.fullmatch(rest[0])):
            return None
        full = public_figures.full_name(rest[0], " ".join(titles)) if titles else None
        peer = full is None and titles and PEERAGE.match(f"{titles[-1]} ")
        if peer:  # a peer's title is their name, and no office: "Lord Ruiz"
            full, titles = f"{titles[-1]} {rest[0]}", []
        n = 2  # a first name and a surname; initials run on to the surname ("P J Keating", "Ana M. Ruiz")
        while n < min(len(rest), 4) and _INITIAL.fullmatch(rest[n - 1]):
            n += 1
        if full is None and len(rest) >= 2 and name_like(rest[:n]):
            full = " ".join(rest[:n])
        elif full is None and titles and name_like(rest[:1]) and (len(rest) == 1 or not rest[1][:1].isupper()):
            full = rest[0]  # "President Marlow and …": a title and a surname the text gives no more of
        if full is None:
            return None
        person = Person(full, _title_affiliation(titles), " ".join(titles))
        for key in {full.lower(), full.split()[-1].lower()}:
            self._by_key.setdefault(key, person)
        if person.title:
            self._by_title.setdefault(person.title.lower(), person)
        return person

    def _misspelt(self, name: list[str], besides: Person | None) -> Person | None:
        """The one other person the text names with the same first name and a surname one letter away, and a
        role ("Tomas Ruel:" under "Commodore Tomas Reuel - Kappa Rescue Centre"), a label's slip; else None."""
        if len(name) != 2 or len(name[1]) < 4:
            return None
        near = regex.compile(rf"(?:{regex.escape(name[1])}){{e<=1}}", regex.I | regex.B)
        found = {id(p): p for p in self._by_key.values() if p is not besides and p.affiliation
                 and (own := p.name.split())[-2:-1] == name[:1] and near.fullmatch(own[-1])}  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

    def _acronym_office(self, titles: list[str], name: list[str]) -> tuple[list[str], list[str]]:
        """A word in capitals before a first name and a surname the text names elsewhere, or gives a courtesy
        title, is their office or body ("DNSA Ana Ruiz" where the labels say "MS. RUIZ"); before words it knows
        as nobody's name, it may be a body's name running on ("KBC Harbour News")."""
        if not titles and len(name) >= 3 and _ACRONYM.fullmatch(name[0]) and name_like(name[1:3]):
            addressed = regex.compile(rf"\b(?:Mr|Ms|Mrs|Dr)\.?[ \u00a0]+{regex.escape(name[2])}\b", regex.I)
            if self.find(name[1:3]) is not None or addressed.search(self.text):
                return [name[0]], name[1:]
        return titles, name

    def for_label(self, label: str) -> Speaker:
        """The speaker of a transcript label: "SECRETARY MAYORKAS", "THE VICE PRESIDENT", "Nathan"."""
        if held := OFFICE_HOLDER.fullmatch(label):  # "The Minister for Health (Ana Ruiz)": her office, in full
            return replace(self.for_label(held["name"]), affiliation=held["office"])
        if member := MEMBER.fullmatch(label):  # "Ana Ruiz (Kappa North) (Lab)": the member for that seat
            said = self.for_label(member["name"])
            seat = f"MP for {member['seat']} ({member['party']})"
            if _is_title(member["seat"].split()[0]):  # "(Minister of Transport, Lib.)": the office, for the seat
                seat = member["seat"]
            # (the brackets themselves are no better an affiliation: "Minister of Transport, Lib.")
            bracketed = said.affiliation in ("", member["seat"]) or said.affiliation.startswith(f"{member['seat']},")
            return replace(said, affiliation=seat if bracketed else said.affiliation)
        if seated := SEAT_MEMBER.fullmatch(label):  # "Ms RUIZ (Kappa—Minister for Transport) (14:03)": any office
            said = self.for_label(seated["name"])  # (the office over a bare title: "Senator HALE (Kappa—Minister …)")
            return replace(said, affiliation=(seated["office"] or "").strip() or said.affiliation)
        if (held := _OFFICE_NAMED.fullmatch(label)) and _is_title(held["office"].split()[-1]):
            # "Finance Minister (Mr. Tom Hale)", as "The Minister for Health (Ana Ruiz)" (not "Sam Lee (Daily News)")
            said = self.for_label(held["name"])
            return replace(said, affiliation=held["office"]) if said.name else said
        if QUESTIONER_LABELS.match(label.upper()):
            return QUESTIONER
        if NARRATOR_LABELS.match(label.upper()):
            return NOBODY
        office = _OFFICE_ABBREVIATIONS.get(label.upper())
        if office:  # "PM:" is the Prime Minister the text names ("Prime Minister Gillard"); see bare_office
            person = self.by_title(office)
            return NOBODY if person is None else Speaker("person", person.name, person.affiliation or office, "label")
        if "," in label:  # "TREASURER, THE HON. ANA RUIZ MP": the part with the honorific is the name
            parts = [p.split() for p in label.split(",")]
            named = [p for p in parts if _HONORIFIC.search(" ".join(p))]
            if len(named) == 1:
                name = [w for w in named[0] if not _HONORIFIC.fullmatch(w) and w.upper() != "THE"]
                office = ", ".join(" ".join(p) for p in parts if p is not named[0])
                said = self.for_label(" ".join(name))
                return replace(said, affiliation=said.affiliation or _title_case(office)) if said.name else said
        if _INITIALS.fullmatch(label) and (person := self._with_initials(label)):  # "AR:" for Ana Ruiz (or its title)
            return Speaker("person", person.name, person.affiliation, "label")
        if PEERAGE.match(label):  # a peer's title is their name: "Lord Smith of Cardiff"; the label gives no role
            return Speaker("person", label.removeprefix("The "), "", "label")
        first, _, rest = label.partition(" ")
        if rest and (office := _OFFICE_ABBREVIATIONS.get(first.upper())):  # "PM RUIZ:", "FM HALE:": the office spelled
            said = self.for_label(rest)
            return replace(said, affiliation=said.affiliation or office) if said.name else said
        # ("HART-LOWELL" is "Hart-Lowell")
        words = [
            "-".join(p.capitalize() for p in w.split("-")) if w.isupper() and len(w) > 1 else w for w in label.split()
        ]
        if office := _body_office(words[words[:1] == ["The"] :]):  # "The MINISTER OF PORTS": an office, no name
            person = self.by_title(office)
            return Speaker("person", person.name, office, "label") if person else NOBODY
        words = [w for w in words if w != "The"]
        if words[:1] == ["Right"] and words[1:2] in (["Hon."], ["Hon"]):
            words = words[1:]  # Canada's "Right Hon. Ana Ruiz": "Right" belongs to the honorific, as "Rt" does
        # the titles before the name; a title word after it is its surname ("Ms ANA KING")
        lead = next((i for i, w in enumerate(words) if not (w in TITLE_WORDS or w.rstrip(".") + "." in TITLE_WORDS)),
                    len(words))  # fmt: skip
        titles, name = words[:lead], words[lead:]
        if _portfolio(words) and self.find(name) is None:
            titles, name = words, []  # "FINANCE MINISTER": an office, the portfolio before its title word
        office = _title_affiliation(titles)  # "DR. WALENSKY": a courtesy title is no affiliation
        if name:
            person = self.find(name)
            if person is None or not person.affiliation:  # the label's own line named it: a slip for another?
                person = self._misspelt(name, person) or person
            own = [w for w in name if not _is_title(w)]
            if person and not label.isupper() and len(own) > 1 and own[0][0] != person.name[0] and " " in person.name:
                person = None  # "Ana Bello:" is not Prime Minister Tom Bello, whom the text names too
            if person:  # the fuller of the two names: "GRETA HALVORSEN:" where the text says only "Ms Halvorsen"
                fuller = " ".join(name) if set(person.name.split()) < set(name) and name_like(name) and not any(
                    map(_is_title, name)) else person.name  # fmt: skip
                return Speaker("person", fuller, person.affiliation or office, "label")
            return Speaker("person", _fullest(name, titles), office, "label")
        person = self.by_title(" ".join(titles))
        if person:  # the office as the text gives it in full ("Minister:" for "Harbour Affairs Minister Tom Hale")
            return Speaker("person", person.name, _fuller_office(person.title, office), "label")
        return NOBODY

    def _with_initials(self, initials: str) -> Person | None:
        """The one person the text names in full whose initials these are ("AR": Ana Ruiz), else None."""
        holders = {
            id(p): p for p in self._by_key.values() if len(p.name.split()) > 1 and initials_of(p.name) == initials
        }
        if not holders and self._title_end:  # or the title alone names them: "The Sunday Show 3 June Ana Ruiz"
            for m in _CAPRUN.finditer(self.text, 0, self._title_end):
                name = split_run(m[0])[1]
                for k in (2, 3):  # the run may start with other capitalised words ("June Ana Ruiz")
                    if len(name) >= k and name_like(name[-k:]) and initials_of(" ".join(name[-k:])) == initials:
                        holders[0] = Person(" ".join(name[-k:]), "")
        return next(iter(holders.values())) if len(holders) == 1 else None

    @staticmethod
    def bare_office(label: str) -> str:
        """The office a label gives without a name, as the text writes it: "PRIME MINISTER" → "Prime
        Minister", "PM" → "PM"; "" when the label holds a name or no office."""
        if label.upper() in _OFFICE_ABBREVIATIONS:
            return label
        words = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in label.split()]
        whole = words[words[:1] == ["The"] :]
        words = [w for w in words if w != "The"]
        if words and (all(w in TITLE_WORDS and w not in COURTESY for w in words) or _portfolio(words)):
            return " ".join(words)
        return _body_office(whole)


# a sentence's opening adverbial before its subject: "In a telephone interview, ", "On Monday, ", "However, "
_OPENING_PHRASE = regex.compile(
    r"(?:In|On|At|During|After|Before|Later|Earlier|Meanwhile|However|Still|Yet|But|And|So|Now|Today|Yesterday|Last|"
    r"This|Since|For|From|As|While|When|With|Following|Speaking|Asked|Writing|Like|Unlike|Despite|Although|Then|"
    r"Elsewhere|Separately|Instead|\p{Lu}\p{Ll}+ly)\b[^,;:.!?“”\"\n]{0,60},\s+",
    regex.V1,
)
# A role noun in lower case before a subject's name, with an article or a modifier: "(the) political scientist"
_ROLE_LEAD = regex.compile(
    r"(?:(?:the|a|an)\s+)?(?:\p{Ll}[\p{L}\-]*\s+)?(?P<role>\p{Ll}[\p{L}\-]*)\s+(?=\p{Lu})", regex.V1
)
# A sentence whose subject is a noun phrase and the name in apposition to it: "Her neighbour, Tom Hale, is …"
_APPOSED_OPENERS = frozenset("Her His Their Its The A An One Another".split())
_APPOSED_SUBJECT = regex.compile(
    rf"(?:{'|'.join(_APPOSED_OPENERS)})\s+[^,.;:!?“”\"\n]{{1,40}},\s+(?P<run>{CAPRUN}),", _V
)


def _holds(office: str, *roles: str) -> bool:
    """Whether one of ``roles`` is ``office``, or that office of a body ("spokesman for the Secretary-General")."""
    return any(r == office or r.startswith((f"{office} for ", f"{office} of ", f"{office} to ")) for r in roles)


# "Press Call by Ana Ruiz, Deputy Assistant to the President and Coordinator for Trade": a name, then its office
_NAME_COMMA_OFFICE = regex.compile(
    # (the office may be in lower case, as a sentence-case title gives it: "… with Tom Hale, chief economist of …")
    r"\b(?:by|with)\s+(?P<name>\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){1,3}),\s+(?:(?:the|an?)\s+)?"
    r"(?P<office>\p{L}[^,|\n]{2,150})",
    _V,
)
# A title naming who speaks: "Remarks by X", "Press Briefing by X and Y", "Interview with X", or "X's
# speech at …"; the name runs until a lower-case word. _SPEECH_KIND: titles of one voice's speech.
_BY_OFFICE_NAME = regex.compile(
    r"\bby\s+(?:the\s+)?(?P<office>\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|for|of|and|the|on)){1,9}?)"
    r"\s+(?P<name>\p{Lu}\p{Ll}[\p{L}’'\-]*\s+\p{Lu}[\p{L}’'\-]+)"
    r"(?=\s*(?:$|,|\s+(?:En\s+Route|on|at|in|to|After|Before|During|Ahead|Following|Regarding|About)\b))",
    _V,
)


def _own_office(office: str) -> str:
    """The office of the name after it, not of an earlier one in the same list: "Press Secretary Ana Ruiz and
    Secretary of Agriculture" -> "Secretary of Agriculture" (a part before "and" that ends in two capitalised
    words that are no office, body or role ends in a name); "Security Advisor and Deputy Adviser" stays whole."""
    parts = regex.split(r"\s+(?:and|&)\s+|,\s+", office)
    for k in range(len(parts) - 1, 0, -1):
        ends = parts[k - 1].split()[-2:]
        if len(ends) == 2 and all(w[:1].isupper() and not _is_title(w) and w not in ORG_WORDS for w in ends):
            return " and ".join(parts[k:])
    return office


_TITLED_BY = regex.compile(
    # (an office may hold a figure: "Covid-19 Response Coordinator Dr. Ana Ruiz")
    # (an office's "for" may join its words: "by Minister for Transport Ana Ruiz")
    # (a sentence-case title may set the role in lower case: "by Harbour Board spokesperson Ana Ruiz")
    rf"\b(?:by|with|of|from)\s+(?:the\s+)?(?P<by>\p{{Lu}}[\p{{L}}\p{{N}}.’'\-]*(?:(?:\s+|,\s*|\s+and\s+|\s+&\s+|\s+for\s+"
    rf"|\s+(?:{ROLE_NOUNS})\s+)\p{{Lu}}[\p{{L}}\p{{N}}.’'\-]*)*)"
    r"|(?:^|:\s+)(?P<own>(?:\p{Lu}[\p{L}.\-]*\s+){0,4}\p{Lu}[\p{L}.\-]*[’']s)\s+(?:\w+\s+)?(?:speech|remarks|statement|address|"
    r"keynote|lecture|notes?)\b",
    _V,
)
# A title's office and the Westminster honorific around a name: "the Treasurer, the Hon Ana Ruiz MP"
_HONOURABLE = regex.compile(
    r"(?P<office>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3}),\s+(?:the\s+)?(?:Rt\.?\s+)?Hon\.?\s+"
    # (title case writes "Mp")
    r"(?P<name>(?:\p{Lu}[\p{L}.’'\-]*\s+){0,3}\p{Lu}[\p{L}’'\-]+)\s+(?i:MP|MLA|MLC|QC|KC|AC|AO)\b",
    regex.V1,
)
# Parliamentary honorifics around a name: "The Hon. Ana Ruiz MP", "Rt Hon Tom Hale QC"
_HONORIFIC = regex.compile(r"(?i)\b(?:Rt\.?|Right|Hon\.?|Honourable|Honorable|MP|MLA|MLC|QC|KC|AO|AC)(?!\w)")
# transcripts' labels for an office, alone ("PM:") or before a surname ("FM HALE:")
_OFFICE_ABBREVIATIONS = {
    "PM": "Prime Minister", "VP": "Vice President", "DPM": "Deputy Prime Minister", "FM": "Foreign Minister",
    "DG": "Director-General", "SG": "Secretary-General",
}  # fmt: skip
_INITIALS = regex.compile(r"\p{Lu}{2,4}")  # a label of a speaker's initials: "AR", "TAG"


def initials_of(name: str) -> str:
    """A full name's initials, as a transcript's label gives them: "Ana Ruiz" -> "AR" ("" for one word)."""
    words = [w for w in name.split() if w.lower() not in PARTICLES]  # "Maria Van Kerkhove": "MK"
    return "".join(w[0].upper() for w in words) if len(words) > 1 else ""


def spelled_out(office: str) -> str:
    """An office a label abbreviates, in full ("PM" -> "Prime Minister"); any other as it is."""
    return _OFFICE_ABBREVIATIONS.get(office.upper(), office)


_BRIEFING_KIND = regex.compile(r"\b(?:[Bb]riefing|[Pp]ress\s+[Cc]onference|[Pp]ress\s+[Cc]all|[Gg]aggle)\b", _V)
_NAMED_AFTER_KIND = regex.compile(r"\s+(?:with|of|by)\s+(?:the\s+)?", _V)
_INTERVIEW_KIND = regex.compile(
    r"\b(?:[Ii]nterview(?:ed|s)?|Q&A|Q and A|[Cc]onversation|[Tt]estimony|[Hh]earing)\b", _V
)
_SPEECH_KIND = regex.compile(
    # (or a commentary's: "Review of the week by Professor Ana Ruiz, Director of …")
    r"^(?:\w+\s+)?(?:Remarks|Speech|Statement|Address|Keynote|Testimony|Lecture|Review|Commentary|Column|Essay)\b"
    r"|[’']s\s+(?:\w+\s+)?"
    r"(?:speech|remarks|statement|address|keynote|lecture|notes?)\b",
    _V,
)
_PARTICLE_START = frozenset("De Del Della Der Di Da Du Van Von Al El Le La".split())
_CAP_WORD = r"(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}\p{L}{0,2}\.|\p{Lu}[\p{L}’'\-]*)"  # "U.S.", "Gen.", "Former"
_ROLE_BEFORE = regex.compile(
    # (not after "a" or "an": "Ana Ruiz, a professor at Kappa University, Lund, said" is her apposition and a place)
    # (on the name's line: "… expected to grow\n\nSecretary of the Department of …, T. Hale" is no "grow Secretary")
    # (a body's possessive may open it, whichever its apostrophe: "Delta Capital's head of planning, Tom Hale")
    rf"(?:(?:(?P<comma>(?<![\w\-’'])(?<!\b[Aa]n?\s+(?:[\w\-]+\s+)?)(?:the\s+)?"
    rf"(?:(?:[\p{{L}}\-]+[ \u00a0]+){{0,3}}[\p{{L}}\-]+(?:[’']s|(?<=s)[’'])[ \u00a0]+|(?![Aa]n?\s)[\w\-]+[ \u00a0]+)?"
    rf"(?i:{ROLE_NOUNS})\s+"
    rf"(?:of|at|for|in)\s+(?:[^,;“”\"\n.]|\.(?=\S)){{3,90}})"
    # "Y's X", "Y's regional emergency director"
    rf"|(?P<poss>(?:[\p{{L}}\-]+[ \u00a0]+){{0,3}}[\p{{L}}\-]+[’']s\s+(?:[\w\-]+\s+){{0,3}}{ROLE})"
    # "The minister, Ana Ruiz"
    rf"|(?<![\p{{L}}\-][ \u00a0]?)(?:[Tt]he[ \u00a0]+)(?P<bare>(?:[\p{{Ll}}\-]+[ \u00a0]+){{0,2}}(?i:{ROLE_NOUNS}))"
    # and, opening the sentence, "A lawyer for the families, Ana Ruiz"
    rf"|(?<=(?:^|[.!?][ \u00a0]|\n))An?[ \u00a0]+"
    rf"(?P<comma>(?i:{ROLE_NOUNS})\s+(?:of|at|for|in|to)\s+[^,;“”\"\n.]{{3,90}}))"
    rf",\s*(?:(?:{'|'.join(regex.escape(t) for t in TITLE_WORDS)})\s+)*"
    # on one line, with a word in lower case after a capitalised one ("Former transport secretary"), never across a
    # sentence's end ("… to Poland. Plant manager")
    # ("Harbour and Ferry senior manager": a body's "and", "for" or "of" between its words)
    # (two words in lower case before the role too, no verb in the past: "Kappa Bank co-chief investment officer")
    rf"|(?P<plain>(?:(?:{_CAP_WORD}|the)[ \u00a0]+(?:(?:for|of|and)[ \u00a0]+(?=\p{{Lu}}))?){{1,3}}"
    rf"(?:(?!\p{{Ll}}+ed[ \u00a0])\p{{Ll}}[\p{{L}}\-]*[ \u00a0]+){{1,2}}{ROLE}"
    # a noun before the role at a sentence's or a clause's start ("In the old town, bakery owner Ana Ruiz said")
    rf"|(?<=(?:^|[.!?,][ \u00a0]|\n))\p{{Ll}}[\p{{L}}\-]*[ \u00a0]+{ROLE}"
    # (a body's name may hold "for", "of", "and": "Institute for Harbour Safety and Coastal Studies analyst"; the
    # role a prefix: "co-author")
    rf"|(?:(?:{_CAP_WORD}|the)[ \u00a0]+(?:(?:for|of|and)[ \u00a0]+(?=\p{{Lu}}))?){{0,5}}(?:\p{{Ll}}+-)?{ROLE})\s+)$",
    _V | regex.REVERSE,
    occupations=OCCUPATIONS,
)


def _role_before(before: str) -> str:
    m = _ROLE_BEFORE.search(before)
    if not m:
        return ""
    words = (m["comma"] or m["poss"] or m["bare"] or m["plain"]).split()
    if m["plain"]:
        words = _modifiers(before[: m.start("plain")]) + words
    while len(words) > 1 and (words[0] in _NOT_NAMES or SPEECH.fullmatch(words[0])):
        words.pop(0)  # "As political strategist Ana Ruiz told …": the sentence's opener is no part of the role,
        # nor a speech verb ("…, said teacher Omar Sade")
    return _LEADING_ARTICLE.sub("", " ".join(words))


# what comes before a participle that modifies a role: a determiner, a preposition, a speech verb, "former"
_TAKES_PARTICIPLE = regex.compile(rf"(?:a|an|the|and|former|by|to|with|for|from|of|as|like|{SPEECH_VERBS})", _V)


def _modifiers(before: str) -> list[str]:
    """The words in lower case just before a role that belong to it ("said managing director Ravi Patel",
    "veteran freight broker"), and a role joined to it ("former economist and shipping commentator"): up to
    four, never a function word (the Glasgow stop list, which holds "former" too) or a speech verb; a capitalised
    word only at the sentence's start ("Interim leader and former judge Ana Ruiz")."""
    found: list[str] = []
    words = before.rsplit("\n", 1)[-1].split(" ")[:-1] if before.endswith(" ") else []  # on its line
    stop = english_function_words()
    while words and len(found) < 4:
        word = words[-1]
        opens = len(words) == 2 or len(words) > 2 and words[-3].endswith((".", "!", "?"))  # "and" 2nd in sentence
        if word == "and" and len(words) > 1 and is_role_word(words[-2], False) and (words[-2].islower() or opens):
            found[:0] = words[-2:]  # "economist and", "Journalist and": what the role is joined to
            words = words[:-2]
            continue
        starts = len(words) == 1 or words[-2].endswith((".", "!", "?"))
        lower = word.lower()
        if not word.isalpha() or lower in stop and lower != "former" or SPEECH.fullmatch(lower):
            break
        if word[0].isupper() and not starts:
            break
        if lower.endswith("ed") and not starts and not _TAKES_PARTICIPLE.fullmatch(words[-2].lower()):
            break  # "… also helped office clerk Lena Obi": a verb in the past (not "said retired teacher …")
        found.insert(0, word)
        words.pop()
        if word[0].isupper():
            break
    return found


# A body's name on one line: capitalised words, with "of", "and", "for" or "on" (and "the") between them:
# "Federal Reserve Board", "Council of Economic Advisers"
# (a body's own unit after its possessive: "Lindell University’s School of Economics")
_ORG_NAME = (
    r"\p{Lu}[\p{L}\-]*(?:[ \u00a0]+(?:(?:of|and|for|on|in)[ \u00a0]+(?:the[ \u00a0]+)?)?\p{Lu}[\p{L}\-]*"
    r"(?:[’']s(?=[ \u00a0]+\p{Lu}))?)*"
)
# A body named alone in apposition, as a press release gives it after a name: "Dr Ana Ruiz, Harbour University,
# Northport, says", "Tom Hale, University of Lund, said" (a kind of body ends its name or opens it with "of"), with
# the town after it
_BODY_KINDS = (
    "University|Institute|College|School|Hospital|Centre|Center|Council|Agency|Bank|Foundation|Society|Association|"
    "Laboratory|Museum|Trust|Ministry|Department|Commission|Authority|Board"
)
_CAPS = r"\p{Lu}[\p{L}\-]*"
BODY_ALONE = (
    rf"(?:the[ \u00a0]+)?(?:{_CAPS}[ \u00a0]+){{0,4}}(?:{_BODY_KINDS})"
    rf"(?:[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?{_CAPS}(?:[ \u00a0]+{_CAPS}){{0,3}})?"
    rf"(?:,[ \u00a0]+{_CAPS}(?:[ \u00a0]+{_CAPS})?)?"  # the town
)
# (an age may come before the apposition: "Ana Ruiz, 45, a rancher in Texas")
_APPOSITION_AFTER = regex.compile(
    # ("Ana Ruiz, she's Unit Head, …", as a briefer introduces a colleague: the role after the pronoun)
    rf"^(?:,(?:\s+\d{{1,3}},)?\s+(?:(?:she|he)(?:[’']s|\s+is)\s+)?(?P<comma>{APPOSITION})"
    # (or without its comma, an office in capitals: "welcome Ana Ruiz the Trade Minister of Kappa to …")
    rf"|[ \u00a0]+the[ \u00a0]+(?=\p{{Lu}})(?P<uncut>{APPOSITION})"
    # (not another whom a question puts to: "What would you add, Mr Odum—or Minister—on …")
    rf"|\s*[—–]\s*(?P<dash>(?!(?:or|and|nor)\s)(?:\p{{L}}+\s+){{0,3}}(?i:{ROLE_NOUNS})\b[^—–.\n]{{0,120}}?)\s*[—–]"
    # (a comma may open it and none close it: "Tom Hale, of the Freight Owners Association said"; "with" as North
    # American news names a body: "Tom Hale with the Kappa Health Authority says")
    rf"|,?\s+(?P<prep>from|of|at|for|with)\s+(?P<org>(?:the\s+)?(?:blog\s+|newspaper\s+|magazine\s+|website\s+)?\p{{Lu}}[^,.;:!?“”\"]{{1,80}}?)"
    rf"(?=\s+{ADVERBS}(?:{SPEECH_VERBS})\b)"
    # (or a body's name and its initials, then a comma: "Ana Ruiz for the Kappa Institute (KI), said")
    rf"|\s+(?P<prep>from|of|at|for|with)\s+(?P<org>(?:the\s+)?{_ORG_NAME}(?:\s+\([^()\n]{{1,20}}\))?)"
    rf"(?=,\s+{ADVERBS}(?:{SPEECH_VERBS})\b)"
    # or before a comma or the sentence's end, when it is a body: "Ana Ruiz from the Harbour Institute, doubted
    # …", "…, said Ana Ruiz of the Harbour Institute.", "led by Ana Ruiz of Kappa University, found"
    rf"|\s+(?P<prep>from|at)\s+(?P<body>(?:the\s+)?\p{{Lu}}[^,.;:!?“”\"]{{1,80}}?)(?=,)"
    rf"|\s+(?P<prep>from|at|of|with)\s+(?P<body>(?:the[ \u00a0]+)?(?:(?:\p{{Lu}}\.)+[ \u00a0]+)?{_ORG_NAME})"
    rf"(?=,|\.(?!\S)|[ \u00a0]+\p{{Ll}}|[ \u00a0]+\()"  # (or before the clause's verb: "Ana Ruiz of the U.S. Kappa
    # Institute led …", or its initials: "… of the Kappa Institute (KI) in …")
    # a unit in lower case of a body: "Ana Ruiz of the department of marine biology at Kappa University,"
    rf"|\s+(?P<prep>from|at|of)\s+(?P<body>(?:the[ \u00a0]+)?(?:\p{{Ll}}+[ \u00a0]+){{1,5}}?(?:at|of)[ \u00a0]+"
    rf"(?:the[ \u00a0]+)?{_ORG_NAME})(?=,|\s+{ADVERBS}(?:{SPEECH_VERBS})\b)"
    # a body after a dash, as a header lists who speaks: "… with Ana Ruiz - Kappa Rescue Centre."
    rf"|[ \u00a0]+[-–][ \u00a0]+(?P<body>(?:the[ \u00a0]+)?{_ORG_NAME})(?=[.,;]|[ \u00a0]+and[ \u00a0]|$)"
    # between commas: a body ("Ana Ruiz, from the Harbour Bank, said"), or a relative clause of what they do
    # that names a body ("Ana Ruiz, who heads the Harbour Bank, said"); in brackets, a body ("Ana Ruiz (Harbour
    # Bank) said")
    rf"|,\s+(?P<prep>from|of|at|with|for)\s+(?P<body>(?:the\s+)?\p{{Lu}}[^,.;:!?“”\"]{{1,80}}?)(?=,|\.(?!\S))"
    # (the commas may be missing: "Ana Ruiz who teaches geology at Kappa University told …")
    rf"|,?\s+who\s+(?P<rel>(?:(?:now|currently|also)\s+)?(?:heads|leads|runs|chairs|directs|manages|founded|"
    rf"co-founded|teaches|works|serves|sits\s+on|blogs|writes|reports|is\s+with|is\s+(?:a|an|the)|"
    # (what a scholar or an adviser does at a body: "who studies ports at Kappa University", "who advises the Board")
    rf"studies|researches|lectures|advises|oversees|represents|speciali[sz]es|owns|co-owns)\b[^,;:“”\"\n]{{0,100}}?\p{{Lu}}[^,;:“”\"\n]{{0,60}}?)"
    rf"(?=,|\.(?!\S)|\s+{ADVERBS}(?:{SPEECH_VERBS})\b)"
    rf"|\s*\((?P<paren>\p{{Lu}}[^()\n]{{1,80}})\))"
    rf"|,[ \u00a0]+(?P<alone>{BODY_ALONE})(?=,[ \u00a0]+{ADVERBS}(?:{SPEECH_VERBS})\b)",
    _V,
    occupations=OCCUPATIONS,
)


# "The Governor of the Kappa Reserve Bank (KRB) Mr. Ana Ruiz": an office of a body, its initials, then a courtesy
# title and the name
_ROLE_OF_BODY = regex.compile(
    rf"(?:[Tt]he[ \u00a0]+)?(?P<role>(?:\p{{Lu}}[\p{{L}}\-]*[ \u00a0]+){{0,2}}(?i:{ROLE_NOUNS})"
    rf"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?{_ORG_NAME}(?:[ \u00a0]+\(\p{{Lu}}{{2,}}\))?),?[ \u00a0]+$",
    _V | regex.REVERSE,
)


def _role_of_body_before(before: str) -> str:
    if " of " not in before[-160:] and " for " not in before[-160:]:
        return ""  # cheap: most names have no office of a body before them
    m = _ROLE_OF_BODY.search(before[-160:])
    return _LEADING_ARTICLE.sub("", m["role"]) if m else ""


# "Secretary of Homeland Security Mayorkas", "Chair of the Council of Economic Advisers Ana Ruiz": an office
# of a body, then the name (the body's own "of" may come between)
_NEGATED = regex.compile(r"\b(?:not|never|no longer)\b")
_ANOTHER_ACTS = regex.compile(
    r"\p{Lu}[\p{L}.\-]*\s+\p{Lu}\p{Ll}+\s+(?:\p{Ll}+ly\s+|once\s+|also\s+|has\s+|had\s+)?(?:\p{Ll}+ed|said|says)\b", _V
)
_RELATIVE_AFTER_ROLE = regex.compile(r"(?<=\S)\s+(?:who|whose|which)\s+")
_CAPITAL_AFTER = regex.compile(r"\s\p{Lu}")
_ROLE_WITH_BODY_BEFORE = regex.compile(
    rf"(?:\b[\p{{L}}\-]+\s+){{0,2}}(?i:{ROLE_NOUNS})\s+(?:with|at|of|from)\s+(?:the\s+)?$", _V | regex.REVERSE
)
_FULL_NAME_AFTER = regex.compile(r",[ \u00a0]+\p{Lu}\p{Ll}+[ \u00a0]+\p{Lu}\p{Ll}+\b", _V)
_OFFICE_BEFORE = regex.compile(
    r"\b(?:Secretary|Minister|Director|Commissioner|Chairman|Chair|Head|Administrator|Governor) of (?:the\s+)?"
    r"(?:\p{Lu}[\p{L}\-]*\s+(?:of|for|and|on)\s+(?:the\s+)?){0,3}$",
    _V | regex.REVERSE,
)
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")  # the standard engine: faster on a plain word list
_ORG_CONTINUATION = regex.compile(
    r"(?P<word>\p{Lu}[\p{L}.]*)\s+(?P<link>of|for|and|on|in)\s+(?:the\s+)?$", _V | regex.REVERSE
)


def _in_heading_or_org(before: str, after: str) -> bool:
    """A bare capitalised run in a title-case line ("Numbers Game or Puppet Show?") or continuing an
    organisation's name ("Institute of International Relations", "Department of Health and Human Services", but
    not "Ana Ruiz and Tom Hale") is no person. A line of sentences that ends in a full stop is no heading, however
    many names it holds."""
    if (org := _ORG_CONTINUATION.search(before)) and (org["link"] != "and" or org["word"] in ORG_WORDS):
        return True
    line = before[before.rfind("\n") + 1 :] + after[: (after.find("\n") + 1 or len(after) + 1) - 1]
    if line.rstrip().endswith("."):
        return False
    words = _LETTERS.findall(line)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised > 0.6 * len(words)


# an apposition's role, or a body after it, right before a speech verb: "a social worker [from Delta] said" (not "the
# President just said", a clause of its own)
_ROLE_THEN_VERB = regex.compile(
    rf"\b{ROLE}(?:\s+(?:at|of|from|in|with|for)\s+(?:the\s+)?\p{{Lu}}[^,;:]*?)?\s+$", _V, occupations=OCCUPATIONS
)


def _is_body(words: str) -> bool:
    # (a body's initials are a body: "Tom Hale of KSO said"; not a country's two letters)
    return any(w in ORG_WORDS or _INITIALS_OF_BODY.fullmatch(w) for w in words.split())


# (a unit of a body "at" the body: "Ana Ruiz, Chair, Department of Informatics at Lindell University")
_BODY_AFTER_ROLE = regex.compile(
    rf",[ \u00a0]+(?P<body>(?:the[ \u00a0]+)?{_ORG_NAME}(?:[ \u00a0]+at[ \u00a0]+(?:the[ \u00a0]+)?{_ORG_NAME})?)"
    rf"(?=[,;\n]|\.(?!\S)|$)",
    _V,
)


def _apposition_after(after: str, role_before: str = "") -> tuple[str, str]:
    """What the text says of a name right after it: an apposition or the body they are from ("" if none),
    and that body with its preposition ("from the RAND Corporation"), for a role given before the name
    (``role_before``: the role given there, if any)."""
    m = _APPOSITION_AFTER.match(after)
    if not m:
        return "", ""
    comma = m["comma"]
    if comma and (verb := SPEECH.search(comma)) and _ROLE_THEN_VERB.search(comma, 0, verb.start()):
        comma = comma[: verb.start()]  # "Ana Ruiz, a social worker from Delta said …": its closing comma missing
    # ("who writes for …" is what they do, and "an economist who advises the Board" what the economist does: no speech)
    elif not m["rel"] and SPEECH.search(_RELATIVE_AFTER_ROLE.split(m[0], maxsplit=1)[0]):
        return "", ""
    if comma and _BY_WHOM.match(comma):
        return "", ""  # "Ana Ruiz, joined by the Chief Justice, …": who is with her, not her role
    if comma and _ANOTHER_ACTS.match(comma):
        return "", ""  # "Chair Powell, Chair Greenspan once defined …": a clause of another titled person's
    body = m["org"] or m["body"]
    if m["body"] and not _is_body(m["body"]):
        return "", ""
    # ("… the Trade Minister of Kappa to Harbour City": where she is welcomed is no part of it)
    uncut = _TO_PLACE.sub("", m["uncut"] or "")
    aff = comma or uncut or m["dash"] or body or m["rel"] or m["paren"] or m["alone"] or ""
    if comma and (then := _BODY_AFTER_ROLE.match(after, m.end())) and _is_body(then["body"]):
        aff = f"{aff}, {then['body']}"  # "Ana Ruiz, Chief Economist, Kappa Bank, said": the body after the role
    if m["rel"] and _NAMES_BODY.search(role_before):  # "Harbour Board manager Ana Ruiz, who leads the project …":
        return "", ""  # the role before the name says who she is; the clause only what she does
    # "an ecologist at Kappa University who was not involved in the study": the role and body without what they
    # did (but "a researcher who studies ports at Kappa College" names the body in the relative clause)
    if comma and len(head := _RELATIVE_AFTER_ROLE.split(aff, maxsplit=1)) == 2 and _CAPITAL_AFTER.search(head[0]):
        aff = head[0]
    if _NEGATED.search(aff):
        return "", ""  # "my friend Tom Hale, who is not a lawyer": what he is not
    aff = aff.strip(" ,;:—–-")  # "…, professor of X: “…”"
    aff = _LEADING_VERB.sub("", aff)  # "who is a professor at …": the role it states
    aff = _NEXT_PREDICATE.split(aff, maxsplit=1)[0]  # "who is a member of X and was part of Y": the role only
    return _LEADING_ARTICLE.sub("", aff), f"{m['prep']} {body.strip()}" if body and m["prep"] else ""


# "X is a researcher at Y", "X currently works as an analyst for Y": a role stated of the name as its predicate,
# also in the next sentence ("We are joined by Ana Ruiz. She is the chief economist of …")
_PREDICATE_AFTER = regex.compile(
    # (the next sentence's "He is …" may come after the rest of the name's own sentence, when that names no one
    # else: "Tom Hale has spent two decades measuring the mud. He is the chief hydrologist of …")
    rf"^(?:\s+|\.\s+(?:He|She)\s+|,\s+and\s+(?:he|she)\s+|\s+[^.!?\n“”\"\p{{Lu}}]{{1,150}}\.\s+(?:He|She)\s+)"
    rf"(?:currently\s+|now\s+|also\s+)?(?:(?:is|was|works\s+as|worked\s+as|serves\s+as|served\s+as)\s+"
    rf"(?P<role>{APPOSITION}|(?:a|an|the)\s+(?:[\p{{Ll}}\-]+\s+){{1,3}}?(?:at|of|with|for|in)\s+(?:the\s+)?\p{{Lu}}[^,;“”\"\n.]*)"
    # or what they do for a body, in the same words as a relative clause ("Ana Ruiz works for Kappa Data.", "…
    # owns the Harbour Cafe.", "… writes about ports for the Kappa Courier.")
    # ("His name is Tom Hale, and he teaches cryptography at Kappa University.")
    rf"|(?P<does>(?:(?:teaches|lectures|researches|studies)(?:\s+\p{{Ll}}+){{0,2}}\s+(?:at|in)|"
    rf"heads|leads|runs|chairs|directs|manages|owns|founded|co-founded|works\s+(?:for|at|with)|"
    rf"writes\s+(?:about\s+(?:\p{{Ll}}+\s+){{1,3}})?for)\s+(?:the\s+)?\p{{Lu}}[^,;“”\"\n.]*))",
    _V,
    occupations=OCCUPATIONS,
)


def _predicate_after(after: str) -> str:
    m = _PREDICATE_AFTER.match(after)
    if not m or m["role"] and SPEECH.search(m["role"]):  # ("writes for the Courier" is what they do, no speech)
        return ""
    return _LEADING_ARTICLE.sub("", (m["role"] or m["does"]).strip(" ,;—–-"))


# "I'm Ana Ruiz with the Press Office of …", "This is Ana Ruiz from Kappa Radio": a speaker introducing
# themselves names the body they speak for, whatever follows it (after any other name, "with" names a body
# only where _APPOSITION_AFTER takes it: before a speech verb, a comma or the clause's verb)
_INTRODUCING = regex.compile(r"\b(?:I[’']m|I\s+am|[Mm]y\s+name\s+is|[Tt]his\s+is)\s+$", _V | regex.REVERSE)
_WITH_BODY = regex.compile(rf"^,?\s+(?:with|from|at)\s+(?P<body>(?:the[ \u00a0]+)?{_ORG_NAME})", _V)


def _introduced_with(before: str, run: str, after: str) -> str:
    introduced = _INTRODUCING.search(before) or run.startswith(("I'm ", "I’m "))  # the run may open with "I'm"
    m = _WITH_BODY.match(after) if introduced else None
    return _LEADING_ARTICLE.sub("", m["body"]) if m else ""


_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with aboard via".split())


def _title_case(line: str) -> str:
    """A headline set in capitals as title case ("PRESS BRIEFING BY PRESS SECRETARY ANA RUIZ" -> "Press
    Briefing by Press Secretary Ana Ruiz"), so names and offices read as in any title; other lines as given."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return line
    words = line.split(" ")
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else "-".join(p.capitalize() for p in w.split("-"))
        for i, w in enumerate(words)
    )


def _title_affiliation(titles: list[str]) -> str:
    kept = [t for t in titles if t not in COURTESY]
    return " ".join(kept)


_NAMES_BODY = regex.compile(r"\p{Lu}\p{Ll}+\s+\p{Lu}|\p{Lu}{2,}")  # a body's name of two words or its initials
_TITLE_LEAD = regex.compile(r"\b(former|then|acting|interim|outgoing)[ \u00a0]+$")
_OFFICE_OF_BODY = regex.compile(r"\s(?:of|for)\s+(?:the\s+)?\p{Lu}")  # "Secretary of State", "Minister for Health"
_NEXT_PREDICATE = regex.compile(r"\s+and\s+(?:was|is|has|had|were|will|later|also)\b")
# "she's the …", "who serves as harbour director" (not "who served as …": what was is said as it was)
_LEADING_VERB = regex.compile(
    r"^(?:(?:(?:who|s?he)\s+)?(?:is|was)|s?he[’']s)\s+(?=a\s|an\s|the\s)|^who\s+(?:serves|works)\s+as\s+"
)
_TO_PLACE = regex.compile(r"\s+to\s+\p{Lu}.*$")
_LEADING_ARTICLE = regex.compile(r"^(?:a|an|the)\s+", regex.I)
_LETTERS = regex.compile(r"\p{L}+")
