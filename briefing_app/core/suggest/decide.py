"""What each clause is: a key fact, an expert assessment, opinion or nothing, the rules and the models combined.

A sentence that is plainly rhetoric (:func:`.classify.rhetoric`) is opinion, whole. Otherwise each of its
clauses gets its speaker (:func:`.voices.clause_speakers`), its weights and the rules' verdict
(:mod:`.classify`); a named person's clause then goes to the stance model (:mod:`.stance`), and every clause
to the fact model (:mod:`.facts`), which turns a named person's assessment into a key fact when it finds that
likelier by FACT_MARGIN; each model's probability is the confidence. A stage
without a model leaves the rules' verdict standing, and a fact the rules alone decide counts for less in a
paragraph of jokes. The models are the only learned part of the engine; everything before them is rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..kinds import SuggestionKind
from . import facts, stance
from . import lexicon as lx
from .classify import Weights, classify, said, unbriefable, weigh
from .model import Model
from .people import NOBODY, People, Speaker
from .segment import REPORTING_THAT, Span
from .voices import Reading, clause_speakers

# How much likelier a fact than an assessment a named person's clause must be to be one; chosen out of fold
# on the tuning half from 0, 0.05, 0.1, 0.2, 0.3 (tests/corpus/train_models.py): facts F1 0.620 -> 0.645,
# assessments 0.582 -> 0.585.
FACT_MARGIN = 0.1
OPINION = 2  # the rhetoric score (classify.rhetoric) from which a sentence is opinion

# A verdict before it is a Verdict: (kind, confidence), or None for nothing to suggest.
Call = tuple[SuggestionKind, float] | None


@dataclass(frozen=True)
class Models:
    """The learned stages of classification; either may be None (the rules then decide alone)."""

    stance: Model | None  # is a named person's clause an expert assessment?
    facts: Model | None  # is a clause that is no assessment a key fact?


def shipped_models() -> Models:
    return Models(stance.model(), facts.model())


@dataclass(frozen=True)
class Verdict:
    """What a clause (or a rhetorical sentence, whole) is to be suggested as, and who says it."""

    kind: SuggestionKind
    start: int
    end: int
    speaker: Speaker
    confidence: float
    paragraph: int


def paragraph_tone(scores: list[float]) -> float:
    """A paragraph's tone from its sentences' rhetoric scores: the share of rhetoric in it. Satire and
    commentary score high."""
    return sum(score >= OPINION for score in scores) / len(scores)


_REPORTING_THAT = regex.compile(REPORTING_THAT, regex.V1)


def verdicts(
    people: People, text: str, r: Reading, tone: float, rhetoric_score: float, models: Models,
    weighed: dict[str, list] | None = None,
) -> list[Verdict]:  # fmt: skip
    """The verdicts on the sentence ``r`` reads, its clauses in order (a clause with nothing to suggest has
    none). ``tone``: its paragraph's; ``weighed``: where to record what the models weigh, with the features
    they weigh it by (see ``weighed_clauses``)."""
    s = r.sentence
    if rhetoric_score >= OPINION:
        confidence = round(min(0.95, 0.4 + 0.1 * rhetoric_score), 2)
        return [Verdict(SuggestionKind.OPINION, s.start, s.end, NOBODY, confidence, s.paragraph)]
    out: list[Verdict] = []
    after_fact = False  # the clause before is a fact
    previous, opened = None, False  # the clause before, and whether it has a verdict
    for c, speaker in zip(s.clauses, clause_speakers(people, text, r), strict=True):
        clause = said(text[c.start : c.end], speaker)  # what is said, as the rules and the models weigh it
        weights = weigh(clause, speaker)  # once, for the rules and both models alike
        rules = classify(clause, speaker, r.in_transcript, after_fact, weights)
        call = _assessment(clause, c, speaker, r, rules, tone, weights, models.stance, weighed)
        if call is None or call[0] == SuggestionKind.KEY_FACT:
            call = _fact(clause, c, speaker, r, rules, tone, weights, after_fact, models.facts, weighed)
        elif models.facts is not None or weighed is not None:
            # an assessment, which the fact model weighs too: a figure an official states flatly is a fact
            fact = _fact(clause, c, speaker, r, rules, tone, weights, after_fact, models.facts, weighed)
            if models.facts is not None and _likelier_fact(fact, call, clause):
                call = fact
        after_fact = call is not None and call[0] == SuggestionKind.KEY_FACT
        if call is not None and after_fact and models.facts is None:
            call = _rules_fact_in_tone(call[1], tone)
        if call is not None:
            # "said that …" after a subject with nothing to suggest: the suggestion names its subject too
            start = previous.start if previous and _REPORTING_THAT.match(text, c.start) and not opened else c.start
            out.append(Verdict(call[0], start, c.end, speaker, call[1], s.paragraph))
        previous, opened = c, call is not None
    return out


def _assessment(
    clause: str, c: Span, speaker: Speaker, r: Reading, rules: Call, tone: float, weights: Weights,
    stance_model: Model | None, weighed: dict | None,
) -> Call:  # fmt: skip
    """A named person's clause: the stance model decides whether it is an assessment; if not, the rules'
    fact stays a candidate fact (every assessment names its speaker: nobody's clause never gets here)."""
    if not (speaker.kind == "person" and speaker.name):
        return rules if rules is None or rules[0] != SuggestionKind.EXPERT_ASSESSMENT else None
    rule = rules and rules[0]
    row = stance.features(clause, speaker, r.in_transcript, rule, tone, weights)
    if weighed is not None:
        weighed[SuggestionKind.EXPERT_ASSESSMENT].append(
            (Verdict(SuggestionKind.EXPERT_ASSESSMENT, c.start, c.end, speaker, 0.0, r.sentence.paragraph), row)
        )
    if stance_model is None:
        return rules
    p = stance.decide(stance_model, rule, row, clause)
    if p is not None:
        return (SuggestionKind.EXPERT_ASSESSMENT, round(p, 2))
    return None if rule == SuggestionKind.EXPERT_ASSESSMENT else rules


def _fact(
    clause: str, c: Span, speaker: Speaker, r: Reading, rules: Call, tone: float, weights: Weights,
    after_fact: bool, fact_model: Model | None, weighed: dict | None,
) -> Call:  # fmt: skip
    """A clause that is no assessment: the fact model decides whether it is a key fact (the rules' verdict
    and weights among its features); without one, the rules' verdict stands."""
    if rules is None and speaker.kind != "person" and unbriefable(clause, r.in_transcript, weights):
        return None  # the rules' vetoes stand: hearsay is no fact, however many figures it holds
    if rules is None and len(clause.split(maxsplit=1)) < 2:
        return None  # one word states nothing to check (none of the tuning half's 50 such clauses was a fact)
    paragraph = r.sentence.paragraph
    row = facts.features(clause, speaker, r.in_transcript, rules, tone, weights, after_fact, paragraph)
    if weighed is not None:
        weighed[SuggestionKind.KEY_FACT].append(
            (Verdict(SuggestionKind.KEY_FACT, c.start, c.end, speaker, 0.0, paragraph), row)
        )
    if fact_model is None or lx.AUDIENCE.search(clause):
        return rules  # (and the frame of a speech, "Ana Ruiz told the National Assembly": the rules' event)
    p = fact_model.probability(row, clause)
    return (SuggestionKind.KEY_FACT, round(p, 2)) if p >= fact_model.threshold else None


def _likelier_fact(fact: Call, assessment: tuple[SuggestionKind, float], clause: str) -> bool:
    """Whether a named person's clause the stance model takes is rather a key fact: the fact model finds it
    likelier one by FACT_MARGIN, and it holds no ICD 203 expression of likelihood (an estimate stays one).
    ANNOTATION.md: "Numbers an official states flatly are facts, even inside a quote"; the stance model
    alone, which decides first, kept them as assessments."""
    return (
        fact is not None
        and fact[1] >= assessment[1] + FACT_MARGIN
        and not (stance.estimative(clause) or stance.forecast(clause) or stance.opinion(clause))
        and _figure_said(clause)
    )


def _figure_said(clause: str) -> bool:
    """Whether the figure is in what the speaker says: inside their quotation, when the clause quotes them ("“…,”
    Ana Ruiz told councillors at Tuesday's meeting": the date is the frame's, not hers)."""
    quoted = [m[0] for m in lx.QUOTATION.finditer(clause)]
    return not quoted or any(lx.DIGITS.search(q) or lx.DATE.search(q) or lx.scan(q)[lx.NUMBER_WORDS] for q in quoted)


def _rules_fact_in_tone(confidence: float, tone: float) -> Call:
    """A fact the rules alone decide: their score, less in a joking tone."""
    if tone >= 0.5 and confidence < 0.5:
        return None  # a loose figure in a paragraph of jokes is no fact to brief
    return SuggestionKind.KEY_FACT, round(max(0.05, confidence - 0.3 * tone), 2)
