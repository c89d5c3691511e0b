"""The rules on what one clause is: a key fact, an expert assessment, rhetoric, or nothing to brief.

A clause is weighed on two scales. Fact weight comes from what can be checked: figures in digits,
dates, counts in words, event verbs ("signed", "confirmed", "rejected"), and a study or report with
what it found. Judgement weight comes from evaluations, forecasts, hedges and beliefs ("serious",
"expected", "likely", "must", "believes"). Who speaks decides how the two are read:

- a named person: a judgement is an expert assessment; a figure stated flatly is a fact;
- an institution or unnamed people ("officials said", "the ministry says"): only their figures and
  findings are facts; their views are never assessments;
- nobody (the reporter's own prose): a clause with enough fact weight and little judgement is a fact.

Rhetoric (exclamations, questions, similes, asides to the reader) is opinion whoever speaks.

These are the rules alone; the learned stages (:mod:`.stance`, :mod:`.facts`) take their verdict and weights
among their features, and :mod:`.decide` combines the two into each clause's verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ..kinds import SuggestionKind
from . import lexicon as lx
from .people import Speaker


@dataclass(frozen=True)
class Weights:
    fact: float
    judgement: float
    digits: int
    noise: int
    finding: bool
    participation: bool
    forecast: bool  # a conditional forecast: "if …, … could"


def weigh(clause: str, speaker: Speaker) -> Weights:
    words = lx.scan(clause)  # every word list's hits, from one pass over the clause's tokens
    digits = len(lx.DIGITS.findall(clause))
    fact = 2.5 * min(digits, 2)
    # (the date of the saying is no date of what is said: "…, said Tom Hale at a forum on Monday.")
    fact += 1.5 * min(len(lx.DATE.findall(clause, 0, _frame_start(clause))), 1)
    fact += 0.75 * min(len(words[lx.NUMBER_WORDS]), 2)
    fact += min(len(words[lx.EVENT_VERBS]), 2)
    fact += 0.5 * min(len(words[lx.EVENT_NOUNS]), 2)
    finding = speaker.kind == "finding" or bool(words[lx.FINDING])
    if finding:
        fact += 2.0
    # each judgement word counts once: saying "challenges" twice is no stronger a judgement
    judgement = float(len(set(words[lx.JUDGEMENT])))
    judgement += 0.5 * min(len(words[lx.WEAK_JUDGEMENT]), 2)
    forecast = bool(words[lx.CONDITIONAL])
    judgement += forecast
    participation = bool(lx.PARTICIPATION.search(clause))
    if participation:
        fact += 2.0
    return Weights(fact, judgement, digits, len(words[lx.NOISE]), finding, participation, forecast)


# where a closing attribution starts: after a comma or a quotation's close, a speech verb and its named or pronoun
# subject, either way round, and no "that" of reported content after them ("…, said Tom Hale, chief economist at
# Kappa Bank, at a forum on Monday.", "…,” she told the council on Tuesday.")
_SAYING = r"(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|warned|warns|argued|argues|explained|stated)"
_NAMED = r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){0,3}"
_FRAME = regex.compile(
    rf"(?:,[”’\"]?|[”\"])\s+(?:(?:he|she|they|{_NAMED})\s+(?:\p{{Ll}}+ly\s+)?{_SAYING}|{_SAYING}\s+{_NAMED})\b"
    r"(?![^“”\"]*\bthat\b)[^“”\"]*$",
    regex.V1,
)


def _frame_start(clause: str) -> int:
    m = _FRAME.search(clause) if "," in clause or "”" in clause or '"' in clause else None
    return m.start() if m else len(clause)


def said(clause: str, speaker: Speaker) -> str:
    """The clause without its speaker's description, in apposition or before the name ("…, said Tom Hale, chair of
    the 2004 review", "according to Kappa Bank senior economist Ana Ruiz"): who speaks is no part of what they
    say, and a year or a risk in their title makes it no fact or judgement."""
    role, name = speaker.affiliation, speaker.name.split()
    if len(role) < 8 or not name or role not in clause:
        return clause
    role, first, last = re.escape(role), re.escape(name[0]), re.escape(name[-1])
    clause = re.sub(rf"(\b{last}),\s+(?:(?:a|an|the)\s+)?{role}", r"\1", clause)  # "Tom Hale, chair of …"
    return re.sub(rf"\b{role}\s+({first}\b)", r"\1", clause)  # "Kappa Bank senior economist Ana Ruiz"


# a question quoted, then its attribution: "“… by 17 March?” he said." is rhetoric as much as one ending the sentence
_QUOTED_QUESTION = re.compile(r"\?[”\"’']\s+[^.!?“”\"]{1,60}\b(?:said|says|asked|asks|added|adds|wondered)\.?$")


_TAG = re.compile(r"[,—–-]\s*(?:you know|right|yeah|okay|OK|eh)\?$")


def rhetoric(sentence: str, spoken: bool = False) -> float:
    """How plainly a sentence is rhetoric rather than statement; 2 or more is opinion. ``spoken``: a transcript's,
    where "well", "let's" and "you see" are how people talk, not a writer's asides to the reader."""
    s = sentence.rstrip("”’\"') ")
    score = 0.0
    if s.endswith("!"):
        score += 2
    if spoken and _TAG.search(s):
        s = s[:-1]  # "…, you know?", "…, right?": a speaker's tag asks nothing
    if s.endswith("?") or _QUOTED_QUESTION.search(s):
        score += 2
    words = lx.scan(sentence)
    score += 2 * len(words[lx.SIMILE])
    if spoken:
        return score
    if lx.INTERJECTION.search(sentence):
        score += 1
    score += len(words[lx.READER])
    return score


def classify(
    clause: str, speaker: Speaker, in_transcript: bool, continues_fact: bool = False, w: Weights | None = None
) -> tuple[SuggestionKind, float] | None:
    """(key fact or expert assessment, confidence) for one clause, or None for nothing to brief.

    ``continues_fact``: the clause before it in the sentence is a fact; a figure of its own then
    carries it even against some judgement ("…; however, this figure remains insufficient …").
    ``w``: the clause's weights, when the caller has them already (the stance model uses them too).
    """
    w = w or weigh(clause, speaker)
    strong_judgement = w.judgement >= 1
    if lx.AUDIENCE.search(clause):
        return SuggestionKind.KEY_FACT, _confidence(0.5, w.fact)  # the frame of a speech: who addressed whom
    if w.finding and not (speaker.kind == "person" and speaker.name):
        return SuggestionKind.KEY_FACT, _confidence(0.5, w.fact)  # a study and what it found
    if speaker.kind == "person" and speaker.name:
        if w.noise and not (w.digits or w.participation or w.forecast):
            return None
        if (w.digits or w.finding) and w.fact > w.judgement:
            return SuggestionKind.KEY_FACT, _confidence(0.55, w.fact - w.judgement)
        if strong_judgement or lx.QUOTATION.search(clause):
            explicit = speaker.how in {"reported", "according", "quote"}
            return SuggestionKind.EXPERT_ASSESSMENT, _confidence(0.5 + 0.1 * explicit, w.judgement)
        if w.fact >= 1:
            return SuggestionKind.KEY_FACT, _confidence(0.45, w.fact)
        return None
    if speaker.kind in {"reported", "finding"}:
        if (w.finding or w.digits) and w.fact >= w.judgement:
            return SuggestionKind.KEY_FACT, _confidence(0.5, w.fact - w.judgement)
        return None
    if unbriefable(clause, in_transcript, w):
        return None
    if w.fact >= 1 and w.fact >= w.judgement + (0 if continues_fact and w.digits else 0.5):
        return SuggestionKind.KEY_FACT, _confidence(0.35 + (0.1 if w.digits else 0), w.fact - w.judgement)
    return None


def unbriefable(clause: str, in_transcript: bool, w: Weights) -> bool:
    """Nobody's clause that is never a fact, whatever it holds: hearsay ("rumor has it"), a briefing's word on
    itself ("this briefing is embargoed"), the page's to its reader ("Follow @…"), and a transcript's procedure
    and pleasantries."""
    return bool(
        in_transcript
        and w.noise
        or lx.HEARSAY.search(clause)
        or lx.BRIEFING_ITSELF.search(clause)
        or lx.TO_THE_READER.search(clause)
    )


def _confidence(base: float, margin: float) -> float:
    return round(min(0.97, max(0.05, base + 0.08 * margin)), 2)
