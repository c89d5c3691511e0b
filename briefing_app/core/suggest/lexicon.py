"""The word lists behind the suggestion rules, kept apart from the rules so both stay readable.

Each list is a regular-expression alternation matched case-insensitively on word boundaries.
The lists are about kinds of words (dates, judgements, hedges, rhetoric), never about one article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

_TOKENS = regex.compile(r"\p{L}[\p{L}\-’']*", regex.V1)
_PLAIN = regex.compile(r"[\w\-’']+")
_STEM = regex.compile(r"([\w\-]+)\\w\*")
_OPTIONAL_END = regex.compile(r"([\w\-]+)(?:\(\?:(\w+)\)\?|(\w)\?)")


@lru_cache(maxsize=16)
def scan(text: str) -> Hits:
    """Cached because a sentence is asked about by several lists and rules in turn."""
    return Hits(text)


class WordList:
    """A case-insensitive list of words, stems (``expect\\w*``) and phrases, counted in a text.

    Single words and stems are looked up in the text's tokens; only the phrases go to a regular
    expression, and only when a word each of them must contain (an anchor) is in one of the tokens.
    Which lists a token belongs to is worked out once per distinct token and shared by every list,
    so one pass over a clause's tokens serves them all (``scan``). One big alternation run at every
    position of every clause was most of the engine's time.
    """

    def __init__(self, alternatives: str, anchors: tuple[str, ...] | None = None):
        self.exact: set[str] = set()
        stems: list[str] = []
        rest: list[str] = []
        for alt in _top_level(alternatives):
            if _PLAIN.fullmatch(alt):
                self.exact.add(alt.lower())
            elif m := _STEM.fullmatch(alt):
                stems.append(m[1].lower())
            elif m := _OPTIONAL_END.fullmatch(alt):
                self.exact.update({m[1].lower(), (m[1] + (m[2] or m[3])).lower()})
            else:
                rest.append(alt)
        self.stems = tuple(stems)
        # the standard library's engine, case-sensitive on lower-cased text, is several times faster here
        # than a case-insensitive match
        self.pattern = re.compile(r"\b(?:" + "|".join(rest).lower() + r")\b") if rest else None
        if anchors is None:
            found = [_anchor(alt) for alt in rest]
            anchors = None if "" in found else tuple(set(found))
        self.anchors = anchors  # None: the phrases run on every text
        self.index = len(_ALL)
        _ALL.append(self)
        _lists_of.cache_clear()  # a token's lists now include this one
        scan.cache_clear()  # and a text scanned before knew nothing of it (the stance lexicon loads late)

    def findall(self, text: str) -> list[str]:
        return scan(text)[self]

    def search(self, text: str) -> bool:
        return bool(scan(text)[self])

    def _holds(self, token: str) -> bool:
        return token in self.exact or bool(self.stems and token.startswith(self.stems))

    def _anchored_by(self, token: str) -> bool:
        return self.anchors is not None and any(a in token for a in self.anchors)


_ALL: list[WordList] = []


class Hits:
    """What one text holds of every word list, from one pass over its tokens."""

    def __init__(self, text: str):
        self.low = text.lower()
        self.words: dict[int, list[str]] = {}
        phrase_lists: set[int] = set()
        for token in _TOKENS.findall(self.low):
            holding, anchoring = _lists_of(token)
            for i in holding:
                self.words.setdefault(i, []).append(token)
            phrase_lists.update(anchoring)
        self.phrase_lists = phrase_lists

    def __getitem__(self, wl: WordList) -> list[str]:
        found = self.words.get(wl.index, [])
        if wl.pattern is not None and (wl.anchors is None or wl.index in self.phrase_lists):
            found = found + wl.pattern.findall(self.low)
        return found


@lru_cache(maxsize=1 << 16)
def _lists_of(token: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(lists holding the token as a word or stem, lists whose phrases it is an anchor of)."""
    return (
        tuple(w.index for w in _ALL if w._holds(token)),
        tuple(w.index for w in _ALL if w._anchored_by(token)),
    )


def _anchor(alternative: str) -> str:
    """The longest run of letters outside brackets in one alternative ("" when there is none): every
    match holds it, inside one token."""
    depth, outside = 0, []
    for ch in alternative:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            outside.append(" ")
        elif depth == 0:
            outside.append(ch)
        else:
            outside.append(" ")
    text = "".join(outside)
    # a letter before ? or * is optional; a backslash starts a class such as \w or \s
    text = regex.sub(r"\\.|.[?*]", " ", text)
    runs = regex.findall(r"[a-z]{2,}", text.lower())
    return max(runs, key=len) if runs else ""


def _top_level(alternatives: str) -> list[str]:
    """The alternatives of ``a|b(?:c|d)|e``, split only where no bracket is open."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(alternatives):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(alternatives[start:i])
            start = i + 1
    out.append(alternatives[start:])
    return out


def words(*alternatives: str) -> WordList:
    return WordList("|".join(alternatives))


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The Glasgow IR group's English stop word list (``resources/english_function_words.txt``)."""
    from ...resources import resource

    lines = resource("english_function_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


MONTHS = (
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
# Checkable anchors: a figure written in digits is the strongest sign of a fact.
DIGITS = regex.compile(r"(?<![\p{L}])\p{Nd}[\p{Nd},.]*")
DATE = regex.compile(
    rf"\b(?:(?:{MONTHS})(?!\w)|May\s+\d|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?:last|earlier this|this|next|later this)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b"
    r"|(?:yesterday|since the \w+ of))",
    regex.V1,
)
NUMBER_WORDS = words(
    "millions?|billions?|trillions?|thousands?|hundreds?|dozens?|percent|per cent|half|quarter|"
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred"
)
EVENT_VERBS = words(
    "confirmed|signed|announced|approved|rejected|released|launched|completed|delivered|dispatched|"
    "deployed|supplied|sent|killed|wounded|injured|arrested|detained|elected|appointed|nominated|passed|"
    "failed to pass|adopted|ratified|vetoed|invaded|attacked|struck|seized|captured|funded|financed|"
    "(?:co-)?chaired|headed|met with|visited|called for|ordered|imposed|lifted|banned|published|fell|"
    "rose|increased|decreased|declined|dropped|grew|recruited|recruiting|resigned|fired|sued|charged|"
    "convicted|sentenced|acquired|merged|closed|opened|built|joined by|agreed to|voted|withdrew|"
    "evacuated|hit|shot|bombed|fired on|raised|cut|slated for|supplied|supplying|sending|held talks|"
    "took office|came into force|went into effect|has been added|have been added|were added|lost"
)
EVENT_NOUNS = words(
    "agreement|treaty|accord|deal|deployment|sanctions|election|ceasefire|truce|summit|law|bill|"
    "resolution|decree|ban|embargo|invasion|offensive|attack|strike|contract|budget|tariffs?|census|"
    "visit|trip|speech|hearing|vote|merger|acquisition|lawsuit|indictment|verdict"
)
# A study, report or survey and what it found is an event, even in reported speech.
FINDING = WordList(
    r"\b(?:according to (?:a |the |new |recent )*(?:study|report|research|survey|data|analysis|poll)"
    r"|(?:study|report|research|survey|data|analysis|poll|trial|census|review|assessment)\b[^.;:!?]{0,110}?"
    r"\b(?:says|said|found|finds|shows|showed|shown|indicated|indicates|concluded|concludes|estimates|"
    r"estimated|revealed|reveals|suggests|suggested|does not|did not)\b"
    r"|\b(?:agreement|treaty|accord|law|act|resolution|clause|constitution|charter|contract|decree)\s+"
    r"(?:ensures|provides|stipulates|requires|commits|guarantees|states|obliges|bans|allows)\b)",
    anchors=tuple(
        "study report research survey data analysis poll trial census review assessment agreement treaty "
        "accord law act resolution clause constitution charter contract decree".split()
    ),
)
# Judgement: evaluations, forecasts, hedges, beliefs. Each hit adds one to a clause's judgement weight.
JUDGEMENT = words(
    r"serious|seriously|critical|crucial|vital|essential|significant(?:ly)?|important|extraordinary|"
    r"unprecedented|positive|negative|good|bad|better|worse|best|worst|greatest|broken|dangerous|"
    r"risky|risks?|threat|threatens?|achievable|possible|impossible|difficult|easy|effective|ineffective|"
    r"insufficient|sufficient|adequate|inadequate|severe|grave|strong|weak|weakness|fragile|stable|"
    r"steady|deteriorat\w*|improv\w*|worsen\w*|escalat\w*|progress|success|successful|failure|"
    r"failing|mistake|wrong|struggl\w*|bottleneck|erod\w*|undermin\w*|weaken\w*|strengthen\w*|concern\w*|worr\w*|fear\w*|hope\w*|doubt\w*|problem\w*|challenge\w*|"
    r"likely|unlikely|likelihood|probabl\w*|possibl\w*|perhaps|potential(?:ly)?|expect\w*|forecast\w*|"
    r"predict\w*|anticipat\w*|project(?:ed|s|ion)|estimat\w*|must|should|ought|need to|needs to|"
    r"have to|has to|had better|up to (?:Congress|us|them|you|the)|appears?|appeared|seems?|seemed|"
    r"believes?|believed|thinks?|thought|considers?|usually|generally|typically|"
    r"almost always|often|rarely|tends? to|in (?:practical|real) terms|strategically|effectively|"
    r"determinant|major|higher|lower|greater|lesser|more likely|less likely|"
    r"only a|just a|merely|too|enough|far from|long way|reality|truth|clearly|obviously|"
    r"undoubtedly|certainly|closely|poorly|badly|low|high|"
    r"cautions?|cautioned|warns?|warned|emphasi[sz]\w*|stress(?:es|ed)|argu\w*|insist\w*|conclud\w*|"
    r"recommend\w*|urge[sd]?|could result|would (?:be|lead|mean|result)|"
    # a view framed as the speaker's own (Hyland's "in my view"; Biber et al.'s certainty adjectives)
    r"in (?:my|our) (?:own )?(?:view|opinion)|confident|convinced"
)
# A condition and what would follow from it is a forecast, not a statement of intent, even with
# "we will" in it: "If Congress fails to act, Ukraine could …", "Unless we close the gaps, we will see …"
CONDITIONAL = WordList(
    r"(?:if|unless) [^,;]{3,80}, [^;]{0,80}?\b(?:could|would|will|may|might)", anchors=("if", "unless")
)
# A time still to come: with a modal of possibility and a figure, a clause is a forecast ("could fall to 2%
# next year"), which ANNOTATION.md counts as a named person's assessment, not a fact. Adverbials of future time
# position as English grammars list them (Quirk et al., A Comprehensive Grammar of the English Language, 1985).
FUTURE_TIME = words(
    r"next (?:year|month|week|quarter|decade|spring|summer|autumn|fall|winter|few (?:years|months|weeks))|"
    r"(?:in|within|over|during) the (?:next|coming) (?:\w+ )?(?:years?|months?|weeks?|quarters?|decades?|days)|"
    r"in (?:\w+|a|a few|\d+) (?:years?|months?|weeks?|decades?)(?:[’'] time)?|later this (?:year|month|decade)|"
    r"by (?:the end of )?(?:next year|the end of the (?:year|decade))|by (?:19|20)\d\d|from now|"
    r"in the (?:medium|long|short|near) (?:term|run)|in the (?:years|months|decades) (?:ahead|to come)"
)
# what makes it a forecast: a modal of possibility, or a verb of forecasting in the passive ("is expected to rise")
FORECASTING = words(r"could|may|might|would|should|(?:is|are|was|were) (?:expected|projected|forecast|predicted) to")
# Weak judgement: alone it does not make an assessment ("could discuss the issue later").
WEAK_JUDGEMENT = words("could|may|might|would|can|will")
# Pleasantries, procedure and statements of intent: nothing to brief.
NOISE = words(
    r"thank(?:s| you)?|welcome|good (?:morning|afternoon|evening)|happy|glad|pleased|delighted|honou?red to|"
    r"proud|grateful|gratitude|pleasure|look(?:ing)? forward|we will|I will|I'll|we'll|let me|"
    r"I want to|we want to|(?:am|is|are|'m|’m|'re|’re) going to|plans? to|no plans|intends?|intended to|hold off|"
    r"take (?:that|this|the) responsibility|I(?:'m|’m| am) here|we(?:'re|’re| are) here|"
    r"hi,? everyone|nice to|it(?:'s|’s) good to be|good to be (?:on|with)|(?:a |very |really )?good question|"
    r"no better place to|(?:we can|let[’']s|let us) (?:start|begin|get started)|please (?:come in|go ahead)|"
    r"(?:an?|this|today) (?:\w+ )?(?:important|great|good|historic|big|"
    r"productive|special|wonderful) day|"
    # deflections: what a briefer will not say ("I'm not going to get ahead of the President", "I'd refer you to …"),
    # also as a summary reports them ("she said they could not yet confirm …"); and timing put off ("in due course")
    r"(?:not going to|won[’']t|will not|can[’']t|cannot|wouldn[’']t|would not|could not|couldn[’']t|unable to|"
    r"not able to)(?: yet)? (?:get ahead|speculate|comment|go (?:beyond|into)|confirm|disclose)|in due course|"
    r"(?:I[’']d|I would|I[’']ll|let me) refer you|I[’']ll leave (?:it|that)|on mute|"
    # commitment: the first person's commissives as J. L. Austin lists them (How to Do Things with Words, 1962,
    # Lecture XII: "promise, undertake, … am determined to, intend, … mean to, plan, purpose, propose to, …
    # guarantee, pledge myself, vow, … dedicate myself to"), "committed", the word for them all, and the nouns of
    # intending ("our intention is")
    r"(?:I|we)(?:[’']m|[’']re| am| are)?(?: \w+)? (?:determined|dedicated|committed) (?:to|that)|"
    r"(?:I|we)(?: \w+ly)? (?:promise|undertake|intend|mean to|propose to|guarantee|pledge|vow)\b|"
    r"(?:our|my|the) (?:\w+ )?(?:intention|plan|purpose) (?:here )?is"
)
# Rhetoric: similes, interjections, imperatives to the reader, colloquial asides.
SIMILE = words(
    # (not "it is like we are …", "it's like wages have peaked": a clause after "like" makes it an evidential hedge,
    # no simile; after "looks", "sounds" or "feels" only a thing is a simile, "looks like a war zone", while "it
    # looks like the plan pays for it" or "we'll see what that looks like" is how something seems)
    r"(?:is|it(?:'s|’s)|are|was)\s+(?:a bit\s+|just\s+|kind of\s+|much\s+)?like"
    r"(?!\s+(?:we|they|he|she|i|you|there)\b)"
    r"(?!(?:\s+[\w’'\-]+){1,3}\s+(?:has|have|had|is|are|was|were|will|would|could|may|might|can|should|did|does)\b)",
    r"(?:sounds|feels|looks)\s+(?:a bit\s+|just\s+|kind of\s+|much\s+)?like\s+(?:a|an)\s",
    # ("it's not as if we are …" denies, no simile)
    r"think of (?:it|(?:the |this |that |a |an )?\w+(?: \w+)?) as|(?<!\bnot )(?:as if|as though)|so to speak|"
    r"if you will",
)
INTERJECTION = regex.compile(
    r"^(?:[“\"‘]?)(?:Ah|Oh|Well|So|Hey|Wow|Alas|Look|Hold on|Let[’']s|Imagine|Picture this|Spoiler|Sure|"
    r"Exciting|Absolutely|Probably not|Buckle up|Grab|Brace)\b",
    regex.V1,
)
READER = words(r"let[’']s|you see|folks|buckle up|grab the|sit back|mind you|believe it or not|here[’']s the")
# Words that show a statement has a source: the better-sourced of two restatements is proposed.
SOURCED = regex.compile(r"\b(?:[Cc]onfirmed|[Aa]ccording to \p{Lu}|[Aa]nnounced|[Ss]tated|[Rr]eported(?:ly)?)\b")
# Speaking to a named body is an event: "Yellen told the Economic Club of New York".
AUDIENCE = regex.compile(
    r"\b(?:told|addressed|testified before|briefed|in a speech (?:to|at|before))\s+(?:the\s+)?\p{Lu}[\p{L}.’'\-]*"
    r"(?:\s+(?:(?:of|and|for|on|the)\s+)*\p{Lu}[\p{L}.’'\-]*)*$",
    regex.V1,
)
# Hearsay is not a checkable fact, whatever figures it holds.
HEARSAY = words(r"rumou?rs?(?: has it)?|allegedly|supposedly|it is said|speculat\w*|gossip")
# Nor is the page's word to its reader: a link, a call to follow, visit or subscribe ("Follow
# @KappaNews for the latest news", "View a video at https://…", "For more information, please visit …")
TO_THE_READER = regex.compile(
    r"https?://|\bwww\.|^(?:For more (?:information|details), )?(?:please )?(?:[Ff]ollow|[Vv]isit|[Vv]iew|"
    r"[Ww]atch|[Ss]ubscribe|[Ss]ign up|[Dd]ownload|[Cc]lick|[Rr]ead more)\b",
    regex.V1,
)
# Nor is a briefing's or a record's word on itself: its chair, its embargo, its room, who joins it, its printing
# ("… chaired the hybrid briefing", "this briefing is embargoed until 11 a.m.", "Ordered … to be published on …")
BRIEFING_ITSELF = words(
    r"(?:chaired|chairs|moderated|moderates|opened) (?:the|this|today[’']s) (?:\w+ )?(?:briefing|press conference)|"
    r"(?:this|today[’']s) briefing|background briefing|embargoed|in this room|(?:we will|we[’']ll) be joined by|"
    r"to be (?:printed|published) on|these are the minutes|members present|witnesses(?=:)|"  # a record's header
    r"the house (?:met|rose|adjourned)|took the chair|"  # and a chamber's sitting
    # or a text's word on itself, as Hyland's frame markers give it (Metadiscourse, 2005, appendix: "in this paper",
    # "I now turn to"): "This post reviews …", "Before turning to dredging, …" (not "as noted above, 12 ports
    # closed": a fact said again)
    r"(?:this|the present) (?:post|blog|article|piece|paper|essay|column|issue|brief|commentary|analysis|section) "
    r"(?:\w+ )?(?:reviews|examines|looks at|explores|discusses|considers|sets out|outlines|summari[sz]es|describes)|"
    r"in this (?:post|blog|article|piece|paper|essay|column|issue|brief|section|chapter)|"
    r"(?:before|now) turning to|(?:let us|let[’']s|I will|I shall|we will|we now|I now) (?:now )?turn to|"
    # or a programme's on itself: "you're listening to Harbour Hour", "this is episode 2 of …", "today on the show"
    r"(?:you[’']re|you are|you[’']ve been|you have been|you were) listening to|this is (?:episode|part) \w+ of|"
    r"here[’']s the (?:show|programme|program|episode)|on (?:the|this|today[’']s) (?:show|programme|program|podcast)"
)
# A question put to a minister, as a parliament prints it ("Mr Tom Hale asked the Minister for Ports (a) what …"):
# what is asked is no fact
QUESTION_PUT = regex.compile(
    r"\basked\s+the\s+(?:\p{Lu}[\p{L}\-]*\s+)*(?:Minister|Secretary|Chancellor|Attorney|Premier|Treasurer|Leader)"
    r"\b[^.;?!]{0,120}?(?:\([a-z]\)\s+)?\b(?:whether|what|how|if|why|when|which|who)\b",
    regex.V1,
)
# A quotation of some length: a named person's own words.
QUOTATION = regex.compile(r"[“\"][^”\"]{20,}[”\"]")
# Who took part: "joined by Secretary Mayorkas", "accompanied by the foreign minister".
PARTICIPATION = regex.compile(
    r"\b(?:joined|accompanied|flanked|met) (?:by|with) (?:the\s+)?(?:\p{Lu}\p{Ll}+\.?\s+)+\p{Lu}", regex.V1
)
