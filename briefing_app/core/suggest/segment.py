"""Cutting an article into the units a suggestion can cover: paragraphs, sentences and clauses.

Sentence ends are found with one regular expression and then vetted: a full stop after an
abbreviation ("Gen.", "Dec.", "U.S.", "Mr.") or an initial ("J. Smith") ends nothing, and a quote
or bracket closing after the stop stays with its sentence. Clauses are cut where English joins two
statements ("; ", ", but ", ", while ") or where a reporting frame starts mid-sentence
(", experts suggest that ...").
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from ..article import paragraph_spans

# Abbreviations whose full stop does not end a sentence (compared case-sensitively, without the stop).
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Mx Dr Drs Messrs Profs Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Gov Sen Rep Rev Hon Pres Supt Insp "
    "St Ste Mt Ft Jr Sr No Nos Vol Fig Inc Corp Co Ltd Bros Dept Univ Assn Est approx vs v etc al cf Rs "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun "
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
    "Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo p pp para ch sec art hon".split()  # hon: "the hon. Member"
)
# Abbreviations only before a number: otherwise the word ("No.", "art.") ends a sentence.
_BEFORE_NUMBERS = frozenset("No Nos Vol Fig p pp para ch sec art".split())
# Words that, after a dotted abbreviation such as "U.S.", show that a new sentence did start.
_SENTENCE_OPENERS = frozenset(
    "The A An This That These Those It He She They We I In On At But And So Yet However Meanwhile "
    "Still Now Then There Its Their His Her Our".split()
)
# A run of stops is tried once, from its first character (the look-behind), and never given back (++, *+):
# a sentence end can only follow the whole run, and retrying every shorter run made "......" quadratic.
_END = regex.compile(
    r"(?<![.!?…])[.!?…]++[”’\"')\]]*+(?=\s+[“‘\"'(\[]?[\p{Lu}\p{N}])|(?<![.!?…])[.!?…]++[”’\"')\]]*+(?=\s*$)"
)
_NON_SPACE = regex.compile(r"[^\s\x1c-\x1f]+")  # a word as str.split() finds one
_COLON = regex.compile(r":(?=[ \u00a0]+\p{Lu}\p{Ll})")
# what a colon leaves to the sentence's end when it is a journal's or a book's subtitle: "… in Kappa: Heart Imaging."
_TITLE_WORD_BEFORE = regex.compile(r"\b\p{Lu}[\p{L}\-’']*$", regex.V1)
_SUBTITLE = regex.compile(
    r"(?:[ \u00a0]+(?:\p{Lu}[\p{L}\-’']*|of|and|the|in|on|for|&)){1,6}[.!?]?[”\"’')]*[ \u00a0]*", regex.V1
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")
_FIRST_WORD = regex.compile(r"[“‘\"'(\[]?(\p{L}+)")
# "said that": a reporting verb and its that-clause, where a sentence is cut in two ("…, analysts say that …"); cut
# right after the subject's apposition ("Tom Hale, for the Harbour Board, said that …"), the clause is weighed
# alone but suggested with its subject (see decide.verdicts): cutting there suits the models better (out of fold on
# the tuning half, not cutting: 11 facts and 17 assessments fewer right)
REPORTING_THAT = r"(?:suggest|suggests|say|says|said|argue|argues|believe|believes|warn|warns)\s+that\b"
# Where one sentence holds two statements. The cut goes before the joining word, so it stays with
# the second clause ("…, but success is achievable").
_CLAUSE_JOIN = regex.compile(
    r";\s+|,\s+(?=(?:but|while|whereas|yet)\s)"
    rf"|,\s+(?=(?:\p{{Ll}}+\s+){{0,2}}{REPORTING_THAT})"
)
# "Yellen told the Economic Club of New York the low rate ...": the frame names an audience, the
# rest is what was said.
_TOLD_AUDIENCE = regex.compile(
    r"\b(?:told|addressed|testified before|in a speech to)\s+(?:the\s+)?"
    r"(?:\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of|and|for|on)(?:\s+the)?\s+|\s+))+(?=\p{Ll})"
)
_PEER_TITLES = "Lord|Lady|Baroness|Baron|Earl|Countess|Viscount|Viscountess|Marquess|Duke|Duchess"
# a word of a name in title case: "Hale", "O’Brien", "McDonald", "MacLeod"
_NAME_WORD = r"\p{Lu}(?:[’']\p{Lu})?[\p{Ll}’'\-]+(?:\p{Lu}\p{Ll}+)?"
# a surname's particles in lower case: "von der Leyen", "Dr van Dijk"
PARTICLES = frozenset("de del della der den di da du van von bin ibn al el le la dos das".split())
PARTICLE = f"(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})"  # the longest first: "della" before "del"
# (initials may stand for the first name: "Mr J.B. Jeyaretnam", as Singapore's Hansard prints it)
# (with Canada's "Right Hon." and Ireland's "Deputy" before it, and a middle initial: "Hon. Sam J. Osei")
_FULL_NAME = (
    rf"(?:(?:(?:Right|Rt\.?)\s+Hon|Mr|Mrs|Ms|Dr|Hon|Deputy|Senator)\.?\s)?(?:\p{{Lu}}\p{{Ll}}+|(?:\p{{Lu}}\.){{1,3}})"
    rf"(?:\s\p{{Lu}}\.){{0,2}}(?:[\s\-]{_NAME_WORD}){{1,3}}"
)
_FULL_NAME_LABEL = regex.compile(_FULL_NAME, regex.V1)  # "Ana Ruiz", "Mr Tom Hale": a debate member's label
# A member of a parliament with their seat and party, as Hansard labels them: "Ana Ruiz (Kappa North) (Lab)"
# or as Canada's does, in one pair of brackets, with a minister's office for the seat: "Hon. Ana Ruiz (Minister of
# Transport, Lib.)" (the party abbreviated, so that no journalist's "(Reuters, London)" is taken for one)
MEMBER = regex.compile(
    rf"(?P<name>{_FULL_NAME})\s\((?P<seat>[^()\n]{{1,40}})\)\s\((?P<party>[^()\n]{{1,20}})\)"
    rf"|(?P<name>{_FULL_NAME})\s\((?P<seat>[^()\n]{{1,60}}),\s(?P<party>\p{{Lu}}\p{{Ll}}{{1,4}}\.|\p{{Lu}}{{2,4}})\)",
    regex.V1,
)
# and as Australia's Hansard does, the surname in capitals, the seat and any office, and the time:
# "Ms RUIZ (Kappa—Minister for Transport) (14:03)"; later turns give the name alone ("Ms RUIZ")
# (South Africa's Hansard gives the initials: "Mr T J HALE")
# (with a stop, as US hearings give it: "Mr. HALE:", "Chairman HALE:")
_COURTESY_CAPS = (
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?|Miss|Senator|Chairman|Chairwoman|Chair)\s(?:\p{Lu}\.?\s){0,3}\p{Lu}[\p{Lu}’'\-]+"
    r"(?:\s\p{Lu}[\p{Lu}’'\-]+)?"
)
SEAT_MEMBER = regex.compile(
    rf"(?P<name>{_COURTESY_CAPS})\s\((?P<seat>[^()\n—–]{{1,40}})(?:[—–](?P<office>[^()\n]{{1,80}}))?\)"
    r"(?:\s\(\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?\))?",  # the time: "(14:03)", "(9.30 am)"
    regex.V1,
)
COURTESY_CAPS = regex.compile(_COURTESY_CAPS, regex.V1)
# a member with a seat or an office in brackets, as Singapore's and New Zealand's Hansards print them: "Mr J.B.
# Jeyaretnam (Anson)", "Rt Hon ANA RUIZ (Prime Minister)" (elsewhere, a name with an outlet: "Sam Lee (Reuters)")
NAME_SEAT = regex.compile(
    rf"(?P<name>{_FULL_NAME}|(?:(?:Rt\.?\s+)?Hon\.?\s+)?\p{{Lu}}{{2,}}(?:\s+\p{{Lu}}[\p{{Lu}}’'\-]+){{1,3}})"
    r"\s\((?P<seat>[^()\n]{1,60})\)",
    regex.V1,
)
# A parliament's minister, the office and then the name: "The Secretary of State for Health (Ana Ruiz)"
# (or, as Ireland's Dáil prints it, without "The" before an office of something: "Minister for Social Protection
# (Deputy Leo Varadkar)")
_OFFICE_WORDS = r"(?:,?\s+(?:\p{Lu}[\p{L}’'\-]*|of|for|and|the|on|to|at))*"  # "Minister of State at the Department …"
OFFICE_HOLDER = regex.compile(
    rf"(?:The\s+(?P<office>\p{{Lu}}[\p{{L}}\-]*{_OFFICE_WORDS})|(?P<office>\p{{Lu}}\p{{Ll}}+\s+(?:for|of)\s+\p{{Lu}}[\p{{L}}\-]*"
    rf"{_OFFICE_WORDS}))\s\((?P<name>{_FULL_NAME})\)",
    regex.V1,
)
OFFICE_INITIALS = ("PM", "DPM", "SM", "VP", "FM")  # an office's initials before a name in a label: "PM Lee:"
_TIME_STAMP = r"\(\d{1,2}:\d{2}(?::\d{2})?\)"
_STAMP = regex.compile(_TIME_STAMP)
_STAMP_FIRST = regex.compile(rf"{_TIME_STAMP}[ \u00a0]*\n?[ \u00a0]*(?=\S)")
_LABEL = regex.compile(
    # a parliament's numbered question opens with its number: "4. Ana Ruiz: If he will …", and a committee's oral
    # evidence with the question's: "Q14  Chair: …"
    r"(?:\d{1,3}\.[ \u00a0]+|Q\d{1,4}[ \u00a0]+)?(?:"
    r"(?P<label>[QA])(?:[ \u00a0]{2,}|[:.][ \u00a0]+)|(?P<label>J):[ \u00a0]+"  # "J:", a journalist
    # "Q Mr. President, …", as the White House prints it: one space (a question only among other labels)
    r"|(?P<label>Q)(?P<one_space>[ \u00a0])(?=\p{Lu})"
    # "Question - …", "Answer – …": the words with a dash
    r"|(?P<label>Q|A|Question|Answer|QUESTION|ANSWER)[ \u00a0]+[-–—][ \u00a0]+"
    # the press with its outlet: "Q (Reuters):"
    r"|(?P<label>Q[ \u00a0]\([^()\n]{1,40}\)):[ \u00a0]+"
    # a name in capitals, or in title case with a journalist's outlet after it: "Ana Ruiz (Reuters):"
    # (or an office and a name: "TREASURER, THE HON. ANA RUIZ MP")
    # (an office in capitals may be long: "The MINISTER OF PORTS AND MARINE AFFAIRS AND HARBOURS")
    # (a Westminster honorific may come first: "Rt Hon JOHN KEY (Prime Minister):", as New Zealand's Hansard prints it)
    r"|(?P<label>(?:T(?:HE|he)\s+|(?:Rt\.?\s+)?Hon\.?\s+(?=\p{Lu}{2}))?\p{Lu}[\p{Lu}.’'\-]+"
    r"(?:\s+(?:(?:OF|AND|FOR|THE|ON|TO)\s+)*\p{Lu}[\p{Lu}.’'\-]*){0,5}"
    r"(?:,\s+(?:THE\s+)?\p{Lu}[\p{Lu}.’'\-]*(?:\s+\p{Lu}[\p{Lu}.’'\-]*){0,5}|\s\((?!\d)[^()\n]{1,40}\))?"
    # (New Zealand's question to a minister: "ANA RUIZ (Leader of the Opposition) to the Minister of Ports:")
    r"(?:\s+to\s+the\s+(?:\p{Lu}[\p{L}\-]*|of|for|and)(?:\s+(?:\p{Lu}[\p{L}\-]*|of|for|and|the)){0,8})?"
    # (an office's initials may come first, as Singapore's transcripts give them: "PM Lee:", "DPM Wong:"; and a
    # middle initial: "Mr David M. Rubenstein (Moderator):")
    # (a surname's particle after a courtesy title: "Dr van Dijk:")
    rf"|(?:(?:Mr|Mrs|Ms|Dr|Hon|{'|'.join(OFFICE_INITIALS)})\.?\s(?:{PARTICLE}\s){{0,2}})?(?:\p{{Lu}}\p{{Ll}}+|(?:\p{{Lu}}\.){{1,3}})"
    rf"(?:[\s\-](?:{_NAME_WORD}|\p{{Lu}}\.)){{0,3}}"
    rf"(?:\s\((?!\d)[^()\n]{{1,40}}\))?"
    # a transcription service's unnamed voice: "Speaker 1"
    r"|Speaker[ \u00a0]\d{1,2}"
    # a parliament's "Lord Smith of Cardiff:", "The Earl of Kent:", "Baroness O'Neill:"
    rf"|(?:The\s+)?(?:{_PEER_TITLES})(?:\s+(?:(?:of|and)\s+)?\p{{Lu}}[\p{{L}}’'\-]+){{1,4}}"  # "Bishop of X and Y"
    rf"|{OFFICE_HOLDER.pattern}|{MEMBER.pattern}|{SEAT_MEMBER.pattern}|{_COURTESY_CAPS})"
    # the turn after it on the same line or on the next, or (a label alone on its line) in the paragraphs below;
    # a transcription service's time stamp may stand between ("Ana Ruiz: (04:25)", "Ana Ruiz (04:25):")
    # (a scan may set a space before the colon, or read it as a semicolon: "Question :", "MR. HALE;")
    rf"(?:[ \u00a0]*{_TIME_STAMP})?[ \u00a0]?[:;](?:[ \u00a0]*{_TIME_STAMP})?"
    r"(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*(?=\S)|[ \u00a0]*$|(?=…|\.\.\.))"
    # a transcript's "GOVERNOR SILVA.  Good morning …", "MS. SILVA.  …": two words or more in capitals, a stop and
    # two spaces
    r"|(?P<label>\p{Lu}[\p{Lu}.’'\-]+(?:\s+\p{Lu}[\p{Lu}.’'\-]*){1,3})\.(?:[ \u00a0]{2,}|\u00a0)"
    # (or one space, as a transcript copied from a page gives it, before a capital: "CHAIR HALE. Good afternoon.",
    # "The PRESIDING OFFICER. The Senator's time …"; labels only where two paragraphs or more open so)
    r"|(?P<label>(?:The\s)?\p{Lu}[\p{Lu}’'\-]+(?:\s\p{Lu}[\p{Lu}’'\-]+){0,3})(?<=\S\s\S+|The\s\S+)"
    r"\.(?P<one_stop>[ \u00a0])(?=\p{Lu}[\p{Ll}\s’'])"
    # or a title and a surname in capitals, a stop and a space, as the US Congress prints hearings: "Mr. HALE. I …"
    rf"|(?P<label>{_COURTESY_CAPS})(?P<courtesy_stop>\.)[ \u00a0]+(?=\S)"
    # or a dash, as Australia's Senate Hansard ends a member's label, with the time: "Senator HALE (Kappa—Minister
    # for Ports) (9.30 am)—The government …", "Senator HALE—I expect …"
    rf"|(?P<label>{SEAT_MEMBER.pattern}|{_COURTESY_CAPS})(?P<dash_end>[—–])(?=\p{{Lu}})"
    # a name in capitals in square brackets on its own line, as the World Bank's transcripts give them: "[ANA RUIZ]"
    # (a name: two words or more, so no stage direction, "[LAUGHTER]")
    r"|\[(?P<label>\p{Lu}[\p{Lu}.’'\-]+(?:[ \u00a0]+\p{Lu}[\p{Lu}.’'\-]*){1,3})\][ \u00a0]*\n[ \u00a0]*(?=\S)"
    # a speaker's initials set off by a run of spaces or a tab, as WHO's transcripts give them: "TAG        Thank you."
    r"|(?P<initials>\p{Lu}{2,4})(?:[ \u00a0]{3,}|\t))",
    regex.V1,
)
MIN_INITIALS_TURNS = 2  # initials set off by spaces are labels once one of them opens this many paragraphs
PEERAGE = regex.compile(rf"^(?:The\s+)?(?:{_PEER_TITLES})\s")
# Labels of whoever runs a script or an interview: their lines are read as the reporter's prose.
NARRATOR_LABELS = regex.compile(
    # (and an official the transcript does not name, "SENIOR ADMINISTRATION OFFICIAL #2": nobody's view to brief)
    # (after a name, as NPR's labels give the role: "TOM HALE, HOST:", "ANA RUIZ, BYLINE:")
    r"^(?:.*,\s*)?(?:REPORTER|ANNOUNCER|NARRATOR|HOST|PRESENTER|BYLINE|INTERVIEWER|STAFF|.*\bAIDE|"
    r".*\bOFFICIALS?(?:\s*#?\d+|\s+(?:ONE|TWO|THREE|FOUR|FIVE|[A-C]))?)$",  # "… OFFICIAL ONE", "… OFFICIAL B"
    regex.V1,
)
# Labels of the press and the audience at a briefing: their questions are nobody's statement to brief; a
# name with an outlet in brackets ("Ana Ruiz (Reuters)") is a journalist.
QUESTIONER_LABELS = regex.compile(
    r"^(?:Q|J|QUESTION|AUDIENCE|PARTICIPANT|PRESS|JOURNALIST|.*\bMEMBER|CROWD|VOICE|UNIDENTIFIED.*|[^()]*\([^()]*\)"
    # and whoever only runs the floor, whose words are procedure: a parliament's presiding officer ("The SPEAKER:",
    # "Mr Deputy Speaker:"), a press call's moderator or operator ("… under embargo until 6:00 a.m.")
    r"|(?:THE\s+|MR\.?\s+|MADAM\s+)?(?:LORD\s+|DEPUTY\s+)?SPEAKER|(?:THE\s+)?(?:MODERATOR|OPERATOR|PRESIDING\s+OFFICER)"
    r"|SPEAKER\s\d{1,2})$",  # a transcription service's unnamed voice: "Speaker 1"
    regex.V1,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Sentence:
    """A sentence of a paragraph, with its clauses (one clause when nothing joins two statements)."""

    start: int
    end: int
    paragraph: int
    clauses: list[Span]


@dataclass
class Block:
    """A paragraph: its span, an optional speaker label (``"SECRETARY MAYORKAS"``) and its sentences."""

    index: int
    start: int
    end: int
    label: str | None
    body_start: int
    text: str = field(repr=False, compare=False)

    @property
    def sentences(self) -> list[Sentence]:
        # cut when asked, not kept: a 10 MB article's sentences and clauses, all alive at once, made
        # the garbage collector a tenth of the engine's time
        return sentences_in(self.text, self.body_start, self.end, self.index)


def _is_false_end(text: str, para_start: int, stop: int, nxt: int) -> bool:
    """Whether the full stop at ``stop`` belongs to an abbreviation or an initial, not a sentence end."""
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(para_start, stop - 12), stop + 1)
    if not m:
        return False
    word = m[1]
    if "." in word.strip("."):  # U.S., U.N., a.m.
        following = _FIRST_WORD.match(text, nxt, nxt + 20)
        return not (following and following[1] in _SENTENCE_OPENERS)
    if word in _BEFORE_NUMBERS:  # "No. 5", "p. 12"; but "No. If the senate …" ends a sentence
        return text[nxt : nxt + 1].isdigit()
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "J. Smith"


def sentences_in(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    found = []
    pos = start
    for m in _END.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end and _is_false_end(text, start, m.start(), nxt):
            continue
        found.append((pos, m.end()))
        pos = nxt
    if pos < end:
        found.append((pos, end))
    out = []
    for s, e in found:
        # "You've heard me say many times: Most people ..." holds two sentences
        pieces, p = [], s
        words = quotes = None  # made at the first colon: most sentences have none
        for c in _COLON.finditer(text, s, e):
            words, quotes = words or _WordCount(text, s, e), quotes or _QuoteCount(text, s)
            if (
                words.between(p, c.start()) >= 3
                and quotes.balanced_at(c.start())
                and not (
                    _TITLE_WORD_BEFORE.search(text, max(s, c.start() - 40), c.start())  # (bounded: one word)
                    and _SUBTITLE.fullmatch(text, c.end(), e)
                )
            ):
                pieces.append((p, c.end()))
                p = c.end()
                while p < e and text[p].isspace():
                    p += 1
        pieces.append((p, e))
        for ps, pe in pieces:
            ps, pe = _trim(text, ps, pe)
            if pe > ps:
                out.append(Sentence(ps, pe, paragraph, clauses_in(text, ps, pe)))
    return out


def clauses_in(text: str, start: int, end: int) -> list[Span]:
    cuts = [start]
    quotes = None
    for m in _CLAUSE_JOIN.finditer(text, start, end):
        quotes = quotes or _QuoteCount(text, start)
        if quotes.balanced_at(m.start()):
            cuts.append(m.end())
    told = _TOLD_AUDIENCE.search(text, start, end)
    if told and told.end() - start < 0.6 * (end - start):
        cuts.append(told.end())
    cuts = sorted(set(cuts)) + [end]
    spans = []
    for a, b in itertools.pairwise(cuts):
        a, b = _trim(text, a, b)
        if b > a:
            spans.append(Span(a, b))
    return spans


class _QuoteCount:
    """Whether no double quotation is open at a place (a clause is never cut inside a quotation), counting
    from ``start``. Places are asked in increasing order and each character is counted once: counting
    from the start at every "; " made a long sentence of them quadratic."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start, self.pos = text, start, start
        self.opening = self.closing = self.straight = 0

    def balanced_at(self, end: int) -> bool:
        if end < self.pos:  # not in order: count afresh
            self.pos, self.opening, self.closing, self.straight = self.start, 0, 0, 0
        if end > self.pos:
            chunk = self.text[self.pos : end]
            self.opening += chunk.count("“")
            self.closing += chunk.count("”")
            self.straight += chunk.count('"')
            self.pos = end
        return self.opening <= self.closing and self.straight % 2 == 0


class _WordCount:
    """How many words (runs of non-space, as ``str.split`` finds them) text[a:b] touches, by bisection
    over the words of one sentence found once, instead of splitting a growing slice at every colon."""

    def __init__(self, text: str, start: int, end: int) -> None:
        spans = [m.span() for m in _NON_SPACE.finditer(text, start, end)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def between(self, a: int, b: int) -> int:
        # the words that start before b and end after a (words never overlap)
        return bisect.bisect_left(self.starts, b) - bisect.bisect_right(self.ends, a) if a < b else 0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def blocks(text: str) -> list[Block]:
    """The paragraphs of ``text`` with their speaker labels (transcripts) and sentences."""
    spans = paragraph_spans(text)
    candidates = [_LABEL.match(text, start, end) for start, end in spans]
    # a heading set as "Word: Title Case Words" ("Harlow: Appellate Decision") is no speaker's turn, unless the
    # same label opens a turn of sentences elsewhere ("RUIZ: Good Morning" beside "RUIZ: I think …")
    headed = [m is not None and _HEADING_AFTER.fullmatch(text, m.end(), end) is not None for m, (_, end) in
              zip(candidates, spans, strict=True)]  # fmt: skip
    spoken = {m["label"] for m, h in zip(candidates, headed, strict=True) if m is not None and not h}
    candidates = [None if m is None or h and m["label"] not in spoken else m
                  for m, h in zip(candidates, headed, strict=True)]  # fmt: skip
    candidates, sure = _chance_forms(candidates)
    labels = _real_labels(text, [m["label"] for m in candidates if m and m["label"]]) | sure
    heads = set(labels) if _run_in_heads(text, candidates, spans, labels) else set()  # paragraphs' heads
    labels -= heads
    initials = Counter(m["initials"] for m in candidates if m and m["initials"])
    if any(n >= MIN_INITIALS_TURNS for n in initials.values()):  # then whoever speaks once too
        labels |= set(initials)
    numbered = _numbered(text, spans)
    bare = _bare_labels(text, spans) if not labels else _unmarked(text, spans, candidates, labels)
    out = []
    for i, ((start, end), m) in enumerate(zip(spans, candidates, strict=True)):
        label, body = None, numbered.get(start, start)
        if (stamp := _STAMP_FIRST.match(text, start, end)) is not None:
            body = stamp.end()  # "(00:21)" over a turn's next paragraph: the transcription service's, no one's words
        if m and m["label"] in heads:
            body = m.end()
        elif start in bare:
            label, body = bare[start]
        elif m and (m["label"] or m["initials"]) in labels:
            label, body = m["label"] or m["initials"], m.end()
        elif text[start:end] in labels and text[start:end].isupper():
            label, body = text[start:end], end  # a label alone on its line without its colon: the turn is below
        out.append(Block(i, start, end, label, body, text))
    return out


def _chance_forms(candidates: list) -> tuple[list, set[str]]:
    """The candidates without the label forms a text holds by chance where it holds too few of them ("Q " with one
    space and no other label: "Q Street was closed"; a stop and one space after capitals opening one paragraph:
    "NEW YORK. Stocks …"), and the labels sure by their form: a dash after a member's label where two paragraphs
    or more open so, a transcription service's time stamp however few turns it opens."""

    def count(*forms: str) -> int:
        return sum(1 for m in candidates if m and any(m[f] for f in forms))

    dropped = {"one_space"} if not any(m and m["label"] and not m["one_space"] for m in candidates) else set()
    if count("one_stop", "courtesy_stop") < 2:
        dropped.add("one_stop")
    kept = [None if m and any(m[f] for f in dropped) else m for m in candidates]
    sure = {m["label"] for m in kept if m and m["dash_end"]} if count("dash_end") > 1 else set()
    return kept, sure | {m["label"] for m in kept if m and m["label"] and _STAMP.search(m[0])}


MIN_RUN_IN_HEADS = 3
_FIRST_PERSON = regex.compile(r"\b(?:I|I[’']m|I[’']ve|we|We|my|My|our|Our|me|us)\b", regex.V1)


def _run_in_heads(text: str, candidates: list, spans: list[tuple[int, int]], labels: set[str]) -> bool:
    """Whether the labels are a wire story's run-in heads in capitals ("KEEPING SCORE:", "RATE TALK:"), not
    speakers: MIN_RUN_IN_HEADS or more, each opening one paragraph, none of which says "I" or "we" outside a
    quotation."""
    turns = [(m, end) for m, (_, end) in zip(candidates, spans, strict=True) if m and m["label"] in labels]
    if len(turns) < MIN_RUN_IN_HEADS or len({m["label"] for m, _ in turns}) < len(turns):
        return False
    return all(  # (a head runs into its paragraph; a label alone on its line has its turn below)
        m["label"].isupper()
        and text[m.end() : end].strip()
        and not _FIRST_PERSON.search(_QUOTED.sub("", text[m.end() : end]))
        for m, end in turns
    )


_QUOTED = regex.compile(r"[“\"][^”\"\n]*[”\"]", regex.V1)  # a quotation's own "we" is the one quoted


_HEADING_AFTER = regex.compile(
    # (a digest's headline may be long: "The Kappa Times: Harbour Fees Likely To Climb Again As Board Weighs …")
    r"\p{Lu}[\p{L}\-’']*(?:[ \u00a0]+(?:\p{Lu}[\p{L}\-’']*|of|and|the|for|in|on|to|a|an|as|at|by|with)){0,15}"
    r"[ \u00a0]*",
    regex.V1,
)
_QUESTION_WORD = regex.compile(r"(?:Question|QUESTION|Q)[ \u00a0]+(?=\S)", regex.V1)
_OPENING_WORDS = regex.compile(r"\p{Lu}[\p{L}.’'\-]*(?:[ \u00a0]+\p{Lu}[\p{L}.’'\-]*){0,2}", regex.V1)
MIN_BARE_TURNS = 3  # questions, each answered by a paragraph that opens with the same words


def _bare_labels(text: str, spans: list[tuple[int, int]]) -> dict[int, tuple[str, int]]:
    """Labels without a colon, as scanned transcripts print them ("Question So this …", "Prime Minister No, we
    …"): paragraphs opening with "Question", each answered by a paragraph opening with the same one to three
    capitalised words, MIN_BARE_TURNS times or more. {paragraph start: (label, where its turn starts)}."""
    asked = [i for i, (start, _) in enumerate(spans) if _QUESTION_WORD.match(text, start)]
    if len(asked) < MIN_BARE_TURNS:
        return {}
    openings: Counter[str] = Counter()
    for i in asked:
        if i + 1 < len(spans) and (m := _OPENING_WORDS.match(text, spans[i + 1][0])):
            words = m[0].split()
            openings.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    found = [w for w, n in openings.items() if n >= max(MIN_BARE_TURNS, len(asked) // 2)]
    if not found:
        return {}
    answerer = max(found, key=len)  # "Prime Minister", not "Prime"
    # after a question, the label as a scan may misprint it: a stray mark, space or letter, or one letter in the
    # wrong case ("Prime Minis-ter", "Prime MinistE~ r"), its last letter in place; whatever it is, the question's
    # turn has ended
    misprinted = regex.compile(
        rf"(?:{regex.escape(answerer[:-1])}){{e<=2}}{regex.escape(answerer[-1])}[ \u00a0]+(?=\S)",
        regex.V1 | regex.I | regex.E,
    )
    out = {}
    asking = False
    for start, _ in spans:
        if m := _QUESTION_WORD.match(text, start):
            out[start] = (m[0].strip(), m.end())
        elif text.startswith(answerer + " ", start):
            out[start] = (answerer, start + len(answerer) + 1)
        elif asking and (m := misprinted.match(text, start)) and m[0][:1] == answerer[0]:
            out[start] = (answerer, m.end())
        asking = start in out and out[start][0] != answerer
    return out


def _unmarked(
    text: str, spans: list[tuple[int, int]], candidates: list, labels: set[str]
) -> dict[int, tuple[str, int]]:
    """In a transcript with labels, the turns a scan printed without their colon: a label of the text in capitals
    with no colon, a space before it or a semicolon ("MR. HALE I think …", "MR. HALE; …"), and the press's bare
    "Q …" or "Question …" when MIN_BARE_TURNS paragraphs open so."""
    known = sorted((label for label in labels if len(label) > 2 and label.isupper()), key=len, reverse=True)
    inline = (
        regex.compile(rf"(?P<label>{'|'.join(map(regex.escape, known))})[ \u00a0]*[;:]?[ \u00a0]+(?=\S)")
        if known
        else None
    )
    out: dict[int, tuple[str, int]] = {}
    asked = []
    for (start, _), m in zip(spans, candidates, strict=True):
        if m and (m["label"] or m["initials"]) in labels:
            continue
        if inline is not None and (found := inline.match(text, start)):
            out[start] = (found["label"], found.end())
        elif q := _QUESTION_WORD.match(text, start):
            asked.append((start, q))
    if len(asked) >= MIN_BARE_TURNS:
        out.update((start, (q[0].strip(), q.end())) for start, q in asked)
    return out


_NUMBER = regex.compile(r"(\d{1,3})\.?[ \u00a0]+(?=\p{Lu})", regex.V1)
NUMBERED_RUN = 3  # paragraphs numbered 1, 2, 3 … in a row: a government's numbered remarks


def _numbered(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Where the body of each numbered paragraph starts, past its number ("3 We expect …", "4. It is safe …"),
    for runs of NUMBERED_RUN or more paragraphs numbered one after the other; a lone "20 Ministers met" keeps
    its figure."""
    found = [(start, int(m[1]), m.end()) for start, _ in spans if (m := _NUMBER.match(text, start))]
    out: dict[int, int] = {}
    run: list[tuple[int, int, int]] = []
    for item in [*found, (-1, -1, -1)]:
        if run and item[1] != run[-1][1] + 1:
            if len(run) >= NUMBERED_RUN:
                out.update((start, body) for start, _, body in run)
            run = []
        run.append(item)
    return out


_CHAMBER_OFFICE = regex.compile(
    r"The(?:\s\p{Lu}\p{Ll}+)*\s(?:Minister|Secretary|Chancellor|Leader|Speaker|Solicitor|Attorney)"
    r"(?:(?:\s(?:of|for|and|the|to)|\s\p{Lu}[\p{L}\-]*)+)?",
    regex.V1,
)


def _real_labels(text: str, candidates: list[str]) -> set[str]:
    """Which paragraph openings ending in a colon are speaker labels: "Q", a name or role in capitals
    ("MS. PSAKI", "THE VICE PRESIDENT"), or a surname ("Thornton:") that the text uses more than once
    as a label or gives in full somewhere ("Matt Thornton")."""
    counts = Counter(candidates)
    real = {c for c in counts if c == "Q" or _in_capitals(c) and c != "A" or counts[c] > 1 and _may_be_surname(c)}
    # a hearing's "Mr. HALE:", "Chairman RUIZ:": a title and a surname in capitals, once one of them is repeated
    if any(counts[c] > 1 for c in counts if COURTESY_CAPS.fullmatch(c)):
        real |= {c for c in counts if COURTESY_CAPS.fullmatch(c)}
    if "Q" in counts and "A" in counts:  # "Q:" and "A:", an interview's questions and answers
        real.add("A")
    # a dialogue labelled in title case ("Ana Ruiz:", "Journalist:"): names that open two paragraphs or more,
    # and the press's and narrators' roles, once another label shows the text is a transcript
    repeated = {c for c in counts if counts[c] > 1 and c.split()[0] not in _SENTENCE_OPENERS}
    # a minister's name line ("The Minister for Trade (Ana Ruiz):") is a debate's, even where everyone speaks once
    real |= {c for c in counts if OFFICE_HOLDER.fullmatch(c)}
    if any(OFFICE_HOLDER.fullmatch(c) for c in counts):  # a parliament: a member with their seat, once too
        real |= {c for c in counts if NAME_SEAT.fullmatch(c)}
    members = {c for c in counts if MEMBER.fullmatch(c) or SEAT_MEMBER.fullmatch(c)}
    if sum(counts[c] for c in members) > 1:  # a debate in Hansard's style: "Ana Ruiz (Kappa North) (Lab):"
        real |= members
        real |= {c for c in counts if COURTESY_CAPS.fullmatch(c)}  # and the names alone of later turns
    # and a minister by the office alone, as Hansard prints the answers: "The Prime Minister:", where members are
    # labelled with their seat and party, or with their seat among labels that recur ("Mr. Tom Hale (Kappa North):")
    if members or repeated and any(NAME_SEAT.fullmatch(c) for c in counts):
        real |= {c for c in counts if _CHAMBER_OFFICE.fullmatch(c)}
    if repeated or real:
        real |= repeated
        real |= {c for c in counts if QUESTIONER_LABELS.match(c.upper()) or NARRATOR_LABELS.match(c.upper())}
        # and, in a debate, whoever speaks once: a full name ("Ana Ruiz:"), a minister ("The Secretary … (Ana Ruiz):")
        real |= {c for c in counts if c.split()[0] not in _SENTENCE_OPENERS and _FULL_NAME_LABEL.fullmatch(c)}
        # and an office's initials before a full name, once: "DPM Ana Ruiz:" before her later "DPM Ruiz:"
        real |= {
            c for c in counts if c.split()[0] in OFFICE_INITIALS and _FULL_NAME_LABEL.fullmatch(c[c.find(" ") + 1 :])
        }
        real |= {c for c in counts if OFFICE_HOLDER.fullmatch(c) or MEMBER.fullmatch(c)}
    peers = {c for c in counts if PEERAGE.match(c)}
    if len(peers) > 1:  # a debate: several members speak
        real |= peers
    if any(_in_capitals(c) for c in real):  # in a debate labelled in capitals, "Mr T J HALE" speaking once too
        real |= {c for c in counts if COURTESY_CAPS.fullmatch(c)}
    if real:  # "The Prime Minister:" after "The Prime Minister (Tom Hale):", the office that label gave
        offices = {f"The {h['office']}" for c in counts if (h := OFFICE_HOLDER.fullmatch(c))}
        real |= offices & set(counts)
    once = sorted(c for c in counts if counts[c] == 1 and c not in real and _may_be_surname(c))
    if once:  # one pass over the text for all of them, not one per candidate
        # a first name before it on the same line (across a paragraph break, it would be the heading's last word)
        in_full = regex.compile(rf"\p{{Lu}}\p{{Ll}}+[ \u00a0]+({'|'.join(map(regex.escape, once))})\b", regex.V1)
        real.update(m[1] for m in in_full.finditer(text))
    return real


def _in_capitals(label: str) -> bool:
    """A label in capitals, perhaps after "The" or an honorific, with an office in brackets after it: "MS. PSAKI",
    "The MINISTER OF PORTS", "Rt Hon ANA RUIZ (Prime Minister)"."""
    return _HONOURED.sub("", label.removeprefix("The ")).split(" (", 1)[0].isupper()


_HONOURED = regex.compile(r"^(?:Rt\.?\s+)?Hon\.?\s+")


def _may_be_surname(label: str) -> bool:
    *particles, last = label.split() or [""]
    return len(particles) <= 2 and PARTICLES.issuperset(particles) and last not in _SENTENCE_OPENERS
