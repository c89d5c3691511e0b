"""The suggestion engine: candidate key facts, expert assessments and rhetoric in an article.

``suggest(text)`` reads the article once, in order: paragraphs and speaker labels, sentences and
clauses (``segment``), who speaks in each sentence (``people``), what each clause is
(``classify``), and which candidates restate each other (``restatements``). Everything is rules
over regular expressions: no model, no network, linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import regex

from ..brief import EXPERT_ASSESSMENTS, KEY_FACTS, BriefError
from . import facts, stance
from . import lexicon as lx
from .classify import classify, rhetoric, unbriefable, weigh
from .model import Model
from .people import NOBODY, QUESTIONER, People, Speaker, attribution, narrator_labels, self_description
from .restatements import group, wording
from .segment import Block, Sentence, blocks

# the brief section an accepted suggestion of each kind goes to
SECTION = {"key_fact": KEY_FACTS, "expert_assessment": EXPERT_ASSESSMENTS}


@dataclass(frozen=True)
class Suggestion:
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    affiliation: str | None
    confidence: float
    group: str | None = None
    paragraph: int = 0

    def as_json(self) -> dict:
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "speaker": self.speaker, "affiliation": self.affiliation,
            "confidence": self.confidence, "group": self.group,
        }  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """One sentence as the engine reads it: where it is, who says it, and the context it needs."""

    block: Block
    sentence: Sentence
    said: Speaker
    last: Speaker  # the last named speaker so far, for "she said" in a later clause
    in_transcript: bool


def read(text: str, people: People | None = None, title_line: bool = False) -> Iterator[Reading]:
    """The article's sentences in reading order, each with its speaker (headings left out).

    ``title_line``: the first line is the article's title, never a suggestion; when it names the
    speaker of a speech ("Remarks by …"), every paragraph without a label of its own is that
    speaker's, as in a transcript of one voice."""
    people = people or People(text, title_line)
    paras = blocks(text)
    speech = people.for_title(text[paras[0].start : paras[0].end]) if title_line and paras else None
    speakers = _label_speakers(text, paras, people, speech)
    if not speakers and title_line:
        speech = speech or _byline_speaker(text, paras[1:3], people)
        if speech is not None:
            speakers = {b.index: speech for b in paras[1:]}
    if not speakers:
        speakers = _interviewee(text, paras, people) or _quoted_blocks(text, paras, people)
    # labels and bylines give only the office: spelled out where the text does ("Chair" → "Chair of …")
    # (the questioner stays the one object it is compared with)
    full = {id(sp): replace(sp, affiliation=people.office_in_full(sp.affiliation)) if sp.kind == "person" else sp
            for sp in speakers.values()}  # fmt: skip
    speakers = {i: full[id(sp)] for i, sp in speakers.items()}
    last: Speaker = NOBODY
    for block in paras:
        if title_line and block.index == 0:
            continue
        label_speaker = speakers.get(block.index)
        if _is_heading(text, block) or _is_stage_direction(text, block) or label_speaker is QUESTIONER:
            continue
        previous: Speaker = NOBODY
        for sentence in block.sentences:
            said = _sentence_speaker(people, text, sentence, label_speaker, last, previous)
            if said.kind == "person" and said.name:
                last = said
            elif label_speaker is None and (subject := people.subject_of(sentence.start, sentence.end)):
                last = Speaker("person", subject.name, subject.affiliation, "subject")
            previous = said
            yield Reading(block, sentence, said, last, label_speaker is not None)


# How much text before a passage ``speaker_at`` reads: enough for the earlier mention of a name, a
# transcript label or "she said", without reading a 10 MB article for one passage.
CONTEXT_CHARS = 20_000


def speaker_at(text: str, start: int, end: int) -> Speaker:
    """Who says the passage ``text[start:end]``: the speaker of the sentence holding its start."""
    lo = text.find("\n", max(0, start - CONTEXT_CHARS), start) + 1 if start > CONTEXT_CHARS else 0
    hi = text.find("\n", end)
    window = text[lo : hi if hi >= 0 else len(text)]
    for r in read(window):
        if r.sentence.end > start - lo and r.sentence.start < max(end, start + 1) - lo:
            return r.said
    return NOBODY


@dataclass(frozen=True)
class Models:
    """The learned stages of classification; either may be None (the rules then decide alone)."""

    stance: Model | None  # is a named person's clause an expert assessment?
    facts: Model | None  # is a clause that is no assessment a key fact?


def shipped_models() -> Models:
    return Models(stance.model(), facts.model())


def suggest(text: str, title_line: bool = False, models: Models | None = None) -> list[Suggestion]:
    """Suggestions for ``text`` in reading order, restatements folded into the best-sourced one.
    ``title_line``: the first line is the title (as an article loaded from a file has it). ``models``:
    the shipped ones unless given (a trainer gives the ones it is making)."""
    found, tone = _candidates(text, title_line, models or shipped_models())
    return _fold_restatements(text, found, tone)


def weighed_clauses(
    text: str, title_line: bool = False, models: Models | None = None
) -> dict[str, list[tuple[Suggestion, list[float]]]]:
    """What the learned stages weigh, with the features they weigh it by: every clause a named person says
    (under "expert_assessment", before the stance model's threshold) and every clause that is then no
    assessment (under "key_fact", before the fact model's). What the models are trained on
    (tests/corpus/train_models.py); ``models``: those deciding the earlier stages (the stance model, to
    train the fact model on what it leaves)."""
    weighed: dict[str, list] = {"expert_assessment": [], "key_fact": []}
    _candidates(text, title_line, models or Models(None, None), weighed)
    return weighed


def _candidates(text: str, title_line: bool, models: Models, weighed: dict | None = None):
    people = People(text, title_line)
    tone: dict[int, float] = {}
    found: list[Suggestion] = []
    for paragraph in _by_paragraph(read(text, people, title_line)):
        # a paragraph at a time: its tone needs all its sentences, and the word-list scans of its
        # sentences are still cached when the clauses are weighed
        scores = [rhetoric(text[r.sentence.start : r.sentence.end]) for r in paragraph]
        # tone: the share of rhetoric in the paragraph; satire and commentary score high
        tone[paragraph[0].block.index] = sum(score >= 2 for score in scores) / len(scores)
        for r, score in zip(paragraph, scores, strict=True):
            found.extend(_suggest_sentence(people, text, r, tone, score, models, weighed))
    return found, tone


def _by_paragraph(readings: Iterator[Reading]) -> Iterator[list[Reading]]:
    paragraph: list[Reading] = []
    for r in readings:
        if paragraph and r.block.index != paragraph[0].block.index:
            yield paragraph
            paragraph = []
        paragraph.append(r)
    if paragraph:
        yield paragraph


def _is_stage_direction(text: str, block: Block) -> bool:
    """A transcript's note in brackets: "(Laughter.)", "(The briefing was concluded at 2:53 p.m.)"."""
    body = text[block.body_start : block.end].strip()
    return len(body) > 2 and body[0] in "([" and body[-1] in ")]" and body.count(body[0]) == 1


def _is_heading(text: str, block: Block) -> bool:
    """A title, a section heading or a dateline: short, and unpunctuated or in title case."""
    words = text[block.body_start : block.end].split()
    if len(words) >= 16:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    unpunctuated = not any(mark in w for w in words for mark in ".!?…")
    return capitalised > 0.6 * len(words) or unpunctuated


def _byline_speaker(text: str, candidates: list[Block], people: People) -> Speaker | None:
    """A speech's byline under its title: a paragraph that is only a title and a full name ("Governor
    Ana M. Ruiz"). A reporter's byline ("By Ana Ruiz") has no office, so it is never taken."""
    for b in candidates:
        line = text[b.start : b.end].strip()
        if len(line.split()) <= 6 and not any(mark in line for mark in ",;:!?"):
            person = people.title_person(line.split())
            if person is not None and person.title:
                return Speaker("person", person.name, person.affiliation or person.title, "label")
    return None


_FIRST_PERSON = regex.compile(r"\b(?:I|I[’']m|I[’']ve|me|my|we|our|us)\b")
_CARD_FIELD = regex.compile(r"^(Title|Position|Role|Organi[sz]ation|Affiliation)\s*:\s*(.+)$", regex.M)
MIN_QUESTIONS = 3  # a written interview asks at least this many questions


def _only_questions(text: str, block: Block) -> bool:
    if not text[block.start : block.end].rstrip("”’\"') ").endswith("?"):
        return False  # cheap: most paragraphs end otherwise, and their sentences are not cut for this
    sentences = block.sentences
    return bool(sentences) and all(text[s.start : s.end].rstrip("”’\"') ").endswith("?") for s in sentences)


def _interviewee(text: str, paras: list[Block], people: People) -> dict[int, Speaker]:
    """A written interview with one person, without labels: paragraphs that are only questions, each
    followed by an answer in the first person. The answers are the one person the introduction (before
    the first question) names; the questions are the interviewer's. A profile card in the introduction
    ("Title: …", "Organization: …") gives the affiliation at its fullest."""
    questions = [b for b in paras[1:] if _only_questions(text, b)]
    if len(questions) < MIN_QUESTIONS:
        return {}
    asked = {b.index for b in questions}
    answers = [b for b in paras if b.index > questions[0].index and b.index not in asked]
    if not answers or 2 * sum(bool(_FIRST_PERSON.search(text, b.start, b.end)) for b in answers) < len(answers):
        return {}
    intro = (paras[0].start, questions[0].start)
    named = people.named_in(*intro)
    if len(named) != 1:  # nobody, or several people who may all answer: the answers stay unattributed
        return {}
    person = named[0]
    card = ", ".join(m[2].strip() for m in _CARD_FIELD.finditer(text, *intro))
    voice = Speaker("person", person.name, card or person.affiliation, "label")
    return {b.index: QUESTIONER if b.index in asked else voice for b in paras if b.index >= questions[0].index}


# A paragraph that only introduces a quotation: "Ana Ruiz, head of the Harbour Board, said:"
_QUOTE_INTRO = regex.compile(r"\b(?:said|says|added|adds|commented|explained|warned|noted|stated)\s*:\s*$", regex.V1)
QUOTED_BLOCKS = 4  # how many paragraphs after such an introduction are the quotation, at most


def _quoted_blocks(text: str, paras: list[Block], people: People) -> dict[int, Speaker]:
    """The paragraphs of a quotation set as a block after its introduction (a press release's "X, Y,
    said:" then the quotation without quotation marks): the speaker of each, up to the next introduction."""
    out: dict[int, Speaker] = {}
    for i, b in enumerate(paras):
        if not _QUOTE_INTRO.search(text, b.start, b.end):
            continue
        said = attribution(people, text, b.start, b.end)
        if said.kind != "person" or not said.name:
            continue
        for follower in paras[i + 1 : i + 1 + QUOTED_BLOCKS]:
            if _QUOTE_INTRO.search(text, follower.start, follower.end) or _is_heading(text, follower):
                break
            out[follower.index] = said
    return out


def _label_speakers(text: str, paras: list[Block], people: People, speech: Speaker | None) -> dict[int, Speaker]:
    """In a transcript (two or more labelled paragraphs), the speaker of each paragraph; a paragraph
    without a label continues the last label's speaker. The reporter of a script speaks as prose.
    ``speech``: whom the title names; a label the text resolves to no one ("THE GOVERNOR:") is that
    person when it is their title or surname."""
    labelled: dict[str, list[tuple[int, int]]] = {}
    for b in paras:
        if b.label:
            labelled.setdefault(b.label, []).append((b.start, b.end))
    if sum(len(v) for v in labelled.values()) < 2:
        return {}
    narrators = narrator_labels(text, labelled)
    resolved = {label: (NOBODY if label in narrators else people.for_label(label)) for label in labelled}
    if speech is not None:
        for label, said in resolved.items():
            if not said.name and label not in narrators and _names(label, speech):
                resolved[label] = speech
    label_of: dict[int, str] = {}  # paragraph -> its label, or the last label before it
    turns: dict[str, list[Block]] = {}  # label -> its paragraphs, those without a label included
    current = None
    for b in paras:
        current = b.label or current
        if current is not None:
            label_of[b.index] = current
            turns.setdefault(current, []).append(b)
    for label, said in resolved.items():
        own = (
            next(filter(None, (self_description(text, b.start, b.end) for b in turns[label])), "") if said.name else ""
        )
        if own and said.affiliation.lower() in own.lower():  # "Chairman" → "Chairman of the Senate …"
            resolved[label] = replace(said, affiliation=own)
    return {i: resolved[label] for i, label in label_of.items()}


def _names(label: str, speaker: Speaker) -> bool:
    """Whether a label ("THE GOVERNOR", "MINISTER HALE") fits a speaker by title or surname."""
    words = [w for w in label.lower().split() if w != "the"]
    known = set(speaker.affiliation.lower().split()) | {speaker.name.lower().split()[-1]}
    return bool(words) and all(w in known for w in words)


def _sentence_speaker(
    people: People, text: str, s: Sentence, label: Speaker | None, last: Speaker, previous: Speaker
) -> Speaker:
    said = attribution(people, text, s.start, s.end)
    if label is not None and label.kind == "person":
        # in a transcript, each speaker's own words, unless they report another named person's view
        # ("the Governor believes that …")
        return said if said.kind == "person" and said.name and said.name != label.name else label
    if said.kind == "person" and not said.name:
        # "she said", "the researcher concludes": the last named speaker
        return replace(last, how=said.how) if last.name else NOBODY
    if said is NOBODY and previous.kind == "person" and _continues_quote(text, s):
        return replace(previous, how="continued")
    return said


def _continues_quote(text: str, s: Sentence) -> bool:
    """A sentence opening with a quotation mark and naming nobody goes on with the last quotation."""
    return text[s.start] in '“"‘'


def _suggest_sentence(
    people: People, text: str, r: Reading, tone: dict, rhetoric_score: float, models: Models, weighed: dict | None
) -> list[Suggestion]:
    s = r.sentence
    sentence = text[s.start : s.end]
    if rhetoric_score >= 2:
        confidence = round(min(0.95, 0.4 + 0.1 * rhetoric_score), 2)
        return [Suggestion("opinion", s.start, s.end, sentence, None, None, confidence, None, s.paragraph)]
    pieces = []
    for c in s.clauses:
        own = attribution(people, text, c.start, c.end) if len(s.clauses) > 1 else NOBODY
        if own.kind == "person" and not own.name:
            own = replace(r.last, how=own.how) if r.last.name else NOBODY
        speaker = own if own is not NOBODY and own.kind != "none" else r.said
        after_fact = bool(pieces) and pieces[-1][2] is not None and pieces[-1][2][0] == "key_fact"
        clause = text[c.start : c.end]
        weights = weigh(clause, speaker)  # once, for the rules and both models alike
        rules = classify(clause, speaker, r.in_transcript, after_fact, weights)
        verdict = _assessment_verdict(clause, c, s, speaker, r, rules, tone, weights, models.stance, weighed)
        if verdict is None or verdict[0] == "key_fact":
            verdict = _fact_verdict(clause, c, s, speaker, r, rules, tone, weights, after_fact, models.facts, weighed)
        pieces.append((c, speaker, verdict))
    out: list[Suggestion] = []
    for c, speaker, verdict in pieces:
        if verdict is None:
            continue
        kind, confidence = verdict
        if models.facts is None and kind == "key_fact":  # the rules alone: their score, less in a joking tone
            if tone[s.paragraph] >= 0.5 and confidence < 0.5:
                continue  # a loose figure in a paragraph of jokes is no fact to brief
            confidence = round(max(0.05, confidence - 0.3 * tone[s.paragraph]), 2)
        who = speaker.name if kind == "expert_assessment" else None
        aff = (speaker.affiliation or None) if kind == "expert_assessment" else None
        prev = out[-1] if out else None
        if prev and prev.kind == kind and prev.speaker == who:
            merged = text[prev.start : c.end]
            out[-1] = replace(prev, end=c.end, text=merged, confidence=max(prev.confidence, confidence))
        else:
            out.append(Suggestion(kind, c.start, c.end, text[c.start : c.end], who, aff, confidence, None, s.paragraph))
    return out


def _assessment_verdict(clause, c, s, speaker, r, rules, tone, weights, stance_model, weighed):
    """A named person's clause: the stance model decides whether it is an assessment; if not, the rules'
    fact stays a candidate fact (every assessment names its speaker: nobody's clause never gets here)."""
    if not (speaker.kind == "person" and speaker.name):
        return rules if rules is None or rules[0] != "expert_assessment" else None
    rule = rules and rules[0]
    row = stance.features(clause, speaker, r.in_transcript, rule, tone[s.paragraph], weights)
    if weighed is not None:
        candidate = Suggestion("expert_assessment", c.start, c.end, clause, speaker.name, speaker.affiliation or None,
                               0.0, None, s.paragraph)  # fmt: skip
        weighed["expert_assessment"].append((candidate, row))
    if stance_model is None:
        return rules
    p = stance.decide(stance_model, rule, row, clause)
    if p is not None:
        return ("expert_assessment", round(p, 2))
    return None if rule == "expert_assessment" else rules


def _fact_verdict(clause, c, s, speaker, r, rules, tone, weights, after_fact, fact_model, weighed):
    """A clause that is no assessment: the fact model decides whether it is a key fact (the rules' verdict
    and weights among its features); without one, the rules' verdict stands."""
    if rules is None and speaker.kind != "person" and unbriefable(clause, r.in_transcript, weights):
        return None  # the rules' vetoes stand: hearsay is no fact, however many figures it holds
    row = facts.features(clause, speaker, r.in_transcript, rules, tone[s.paragraph], weights, after_fact, s.paragraph)
    if weighed is not None:
        weighed["key_fact"].append((Suggestion("key_fact", c.start, c.end, clause, None, None, 0.0, None,
                                               s.paragraph), row))  # fmt: skip
    if fact_model is None:
        return rules
    p = fact_model.probability(row, clause)
    return ("key_fact", round(p, 2)) if p >= fact_model.threshold else None


def _fold_restatements(text: str, found: list[Suggestion], tone: dict) -> list[Suggestion]:
    """Keep one suggestion per restated fact (and per assessment a speaker makes twice)."""

    def quality(i: int) -> float:
        # named sources and specifics first; a paragraph of jokes last
        s = found[i]
        sourced = 1.0 if lx.SOURCED.search(s.text) else 0.0
        specific = len(lx.DIGITS.findall(s.text)) + 0.2 * sum(w[:1].isupper() for w in s.text.split()[1:])
        return s.confidence + sourced + 0.3 * specific - 2.0 * tone[s.paragraph]

    wordings = {i: wording(s.text) for i, s in enumerate(found) if s.kind != "opinion"}

    groups: dict[int, str] = {}
    drop: set[int] = set()
    for kind in ("key_fact", "expert_assessment"):
        by_speaker: dict[str | None, list[int]] = {}
        for i, s in enumerate(found):
            if s.kind == kind:
                by_speaker.setdefault(s.speaker, []).append(i)
        for candidates in by_speaker.values():
            for member, keeper in group(
                candidates, wordings.__getitem__, quality, lambda i: found[i].paragraph
            ).items():
                groups.setdefault(candidates[keeper], f"g{len(groups) + 1}")
                drop.add(candidates[member])
    return [replace(s, group=groups.get(i)) for i, s in enumerate(found) if i not in drop]


def accept_all(brief, source: int) -> tuple[int, int]:
    """Add every suggested key fact and expert assessment of ``source`` to ``brief``, in reading order;
    returns how many of each. Suggestions that overlap an item already there are skipped."""
    counts = {"key_fact": 0, "expert_assessment": 0}
    src = brief.source(source)
    for s in suggest(src.text, src.title_line):
        if s.kind not in counts:
            continue
        details = {"speaker": s.speaker or "", "affiliation": s.affiliation or ""} if s.speaker else {}
        try:
            brief.add_item(SECTION[s.kind], source, s.start, s.end, expect_text=s.text, **details)
        except BriefError:
            continue
        counts[s.kind] += 1
    return counts["key_fact"], counts["expert_assessment"]
