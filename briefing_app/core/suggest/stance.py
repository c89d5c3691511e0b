"""Weighing whether a named person's clause is an expert assessment: stance features and a small model.

The features are kinds of words from published lexicons (``resources/stance_lexicon.tsv``: Hyland's
hedges, boosters and attitude markers, the ICD 203 estimative and confidence terms, the Penn Discourse
Treebank's causal connectives) and the clause's structure: who speaks and how, first-person cognition,
modals, negation, a question, intent and pleasantries, figures, length; and the clause's words (``words``),
each with a learned weight when the tuning half used it in three articles or more. A logistic regression over them,
trained on the corpus's tuning half only (``tests/corpus/train_models.py``), gives the probability that
the clause is an assessment; its weights ship in ``resources/stance_model.json``. The probability is the
suggestion's confidence, so a confidence means what it says.
"""

from __future__ import annotations

import math
import re
from functools import cache

from ...resources import resource
from ..kinds import SuggestionKind
from . import lexicon as lx
from .classify import Weights, weigh
from .model import Model, load
from .people import Speaker

CATEGORIES = ("hedge", "booster", "attitude", "estimative", "confidence", "cause")
_COGNITION = re.compile(
    r"\b(?:I|we)(?:[’']m| am| are|[’']re)?\s+(?:\w+\s+)?(?:think|believe|expect|see|feel|know|suspect|doubt|hope|"
    r"worry|fear|anticipate|estimate|judge|assess|forecast|predict|project|expecting|seeing|concerned|"
    # or the adjectives of certainty that control a that-clause ("I am confident that …"; Biber et al., Longman
    # Grammar of Spoken and Written English, 1999, stance adjectives of certainty)
    r"confident|convinced|certain)\b"
    # or how it seems to the speaker: "it seems to me that …", "it appears to us" (Biber et al.'s verbs of likelihood)
    r"|\b(?:seems?|seemed|appears?|appeared)\s+to\s+(?:me|us)\b"
    # or the same said as a noun: "my assessment of the economy is …", "our expectation is that …"
    r"|\b(?:my|our)\s+(?:own\s+)?(?:view|opinion|assessment|judge?ment|expectation|sense|guess|belief|estimate|"
    r"forecast|projection|prediction)s?\b",
    re.I,
)
MODAL = re.compile(r"\b(?:will|would|could|may|might|should|must|can|won[’']t|wouldn[’']t|can[’']t|cannot)\b", re.I)
NEGATION = re.compile(r"\b(?:not|never|no|none|nothing|nobody)\b|n[’']t\b", re.I)
YOU = re.compile(r"\byou\b", re.I)
_OPENER = re.compile(r"^(?:[Ss]o|[Aa]nd|[Bu]ut|[Ww]ell|[Nn]ow|[Ll]ook|[Oo]kay|OK|[Yy]eah|[Yy]es|[Nn]o)\b")
FIRST = re.compile(r"\b(?:I|we|our|my|us)\b")
HOWS = ("label", "reported", "according", "quote", "continued", "subject")

_STRUCTURE = (
    "judgement fact digits cognition modals negation question noise you opener first_person quotation log_words "
    "tone affiliated transcript forecast"
).split()
FEATURES = ("rule_assessment", "rule_fact", *(f"n_{c}" for c in CATEGORIES), *_STRUCTURE, *(f"how_{h}" for h in HOWS))


@cache
def lexicon_lists() -> dict[str, lx.WordList]:
    """The stance lexicon's word lists, by category (see the module docstring for their sources)."""
    entries: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for line in resource("stance_lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            category, phrase = line.split("\t")
            entries[category].append(r"\s+".join(re.escape(w) for w in phrase.split()))
    return {c: lx.words(*alts) for c, alts in entries.items()}


def features(
    clause: str, speaker: Speaker, in_transcript: bool, rule: str | None, tone: float, w: Weights | None = None
) -> list[float]:
    """The clause's feature vector, in the order of ``FEATURES``."""
    lists = lexicon_lists()  # made before the clause is scanned: a scan knows only the lists made before it
    hits = lx.scan(clause)
    w = w or weigh(clause, speaker)
    n_words = len(clause.split())
    row = [float(rule == SuggestionKind.EXPERT_ASSESSMENT), float(rule == SuggestionKind.KEY_FACT)]
    row += [float(min(len(hits[wl]), 3)) for wl in lists.values()]
    row += [
        min(w.judgement, 4.0),
        min(w.fact, 6.0),
        float(min(w.digits, 3)),
        float(bool(_COGNITION.search(clause))),
        float(min(len(MODAL.findall(clause)), 3)),
        float(min(len(NEGATION.findall(clause)), 2)),
        float(clause.rstrip("”’\"') ").endswith("?")),
        float(min(w.noise, 2)),
        float(min(len(YOU.findall(clause)), 2)),
        float(bool(_OPENER.match(clause))),
        float(bool(FIRST.search(clause))),
        float(bool(lx.QUOTATION.search(clause))),
        math.log1p(n_words),
        tone,
        float(bool(speaker.affiliation)),
        float(in_transcript),
        float(forecast(clause)),
    ]
    row += [float(speaker.how == h) for h in HOWS]
    return row


_ESTIMATIVE = FEATURES.index("n_estimative")
_COGNITION_AT = FEATURES.index("cognition")
_FORECAST = FEATURES.index("forecast")


def estimative(clause: str) -> bool:
    """Whether the clause holds an ICD 203 expression of likelihood ("likely", "probably"): an estimate,
    which ANNOTATION.md calls an assessment."""
    lists = lexicon_lists()
    return bool(lx.scan(clause)[lists["estimative"]])


def forecast(clause: str) -> bool:
    """Whether the clause forecasts a figure: a modal of possibility or "is expected to", and a time still to
    come ("could fall to 2% next year"). ANNOTATION.md: a named person's hedged forecast is an assessment, not
    a fact."""
    hits = lx.scan(clause)
    if not (lx.DIGITS.search(clause) or hits[lx.NUMBER_WORDS]):  # "$4 million", "four million dollars"
        return False
    if _FORECAST_VERB.search(clause):
        return True  # a verb that forecasts, whatever the time: "she expects imports to average 40,000 tonnes"
    if hits[lx.FUTURE_TIME] and (hits[lx.FORECASTING] or _EXPECT_TO.search(clause)):
        return True  # (and "we expect to have 900 more by the end of the year": "expect to" with a time to come)
    return _OWN_FORECAST.search(clause) is not None


# the speaker's own forecast of a figure: "we are expecting 2.8 percent", "we estimate growth of 3 percent"
# (ANNOTATION.md: in a transcript, the named speaker's "we're forecasting" is their assessment)
_OWN_FORECAST = re.compile(
    r"\b(?:I|we)(?:[’']re|[’']m|\s+are|\s+am)?\s+(?:now\s+|still\s+)?(?:forecast(?:ing)?|project(?:ing)?|"
    r"estimat(?:e|ing)|expect(?:ing)?|predict(?:ing)?)\b(?!\s+to\b)",
    re.I,
)


_EXPECT_TO = re.compile(r"\b(?:I|we)\s+(?:now\s+|still\s+)?expect\s+to\b", re.I)
# a verb of forecasting in the third person ("Ruiz expects the port to handle …", "she predicts that …"); not its
# passive, which cites a published forecast ("inflation is projected to …"), nor "projects" and "forecasts", nouns too
_FORECAST_VERB = re.compile(r"\b(?:expects|predicts|anticipates)\b", re.I)


# A speaker framing the clause as their own opinion: Hyland's first-person hedges ("in my view", "I think",
# "I believe") and "my view is that"; ANNOTATION.md: a named speaker's "we believe" is their assessment. Narrower
# than _COGNITION, whose "we know", "we see" and "we expect" also frame flat facts and plans.
_OPINION_FRAME = re.compile(
    r"\b(?:in|from)\s+my\s+(?:own\s+)?(?:view|opinion|judge?ment)\b|\bmy\s+(?:own\s+)?(?:view|opinion|judge?ment)\s+is\b"
    r"|\b(?:I|we)\s+(?:(?:do|still|also|really|strongly)\s+)?(?:think|believe|suspect|reckon|doubt)\b",
    re.I,
)


def opinion(clause: str) -> bool:
    """Whether the speaker frames the clause as their own opinion ("in my view", "my view is that", "I think")."""
    return _OPINION_FRAME.search(clause) is not None


# How much of the model's threshold a clause the rules call an assessment needs: the rules' word lists catch
# intent, small talk and events too ("we are determined that …", "the deal has been concluded"). Out of fold on
# the tuning half (train_models.py), assessments F1 0.579 at a half, 0.584 at three quarters, 0.581 at the whole.
RULES_SHARE = 0.75


def chosen(rule: str | None, p: float, row: list[float], threshold: float) -> bool:
    """The model and the rules together: the rules' assessment stays unless the model finds it unlikely
    (below RULES_SHARE of the threshold); a clause the rules leave out needs the threshold (and no sign of stance
    of its own: requiring a stance word, a modal, a negation or cognition kept out clauses the model was sure of;
    out of fold, assessments 1,290/2,359 -> 1,332/2,442 right/suggested, F1 0.596 -> 0.605); a clause the rules
    call a fact needs an even chance or better (the threshold, when the speaker says they think or expect it).
    Whatever the model says, a named person's clause with an ICD 203 expression of likelihood ("likely",
    "probably") is an estimate, which ANNOTATION.md calls an assessment, also when it gives a figure ("likely to
    rise to about 5 per cent")."""
    if rule in (SuggestionKind.EXPERT_ASSESSMENT, SuggestionKind.KEY_FACT) and (row[_ESTIMATIVE] or row[_FORECAST]):
        return True
    if rule == SuggestionKind.EXPERT_ASSESSMENT:
        return p >= threshold * RULES_SHARE
    if rule == SuggestionKind.KEY_FACT:
        # a figure the speaker says they expect or believe ("we expect growth of about 2 percent") is their
        # forecast: the threshold, as any view (out of fold: assessments 828 -> 833 right for 6 more suggested)
        return p >= (threshold if row[_COGNITION_AT] > 0 else 0.5)
    return p >= threshold


def rule_of(row: list[float]) -> SuggestionKind | None:
    """The rules' verdict a feature row records."""
    return SuggestionKind.EXPERT_ASSESSMENT if row[0] else SuggestionKind.KEY_FACT if row[1] else None


def decide(m: Model, rule: str | None, row: list[float], clause: str = "") -> float | None:
    """The clause's probability of being an assessment when it is suggested as one, else None."""
    p = m.probability(row, clause)
    return p if chosen(rule, p, row, m.threshold) else None


@cache
def model() -> Model | None:
    """The shipped stance model, or None when none is shipped or it was trained on other features."""
    return load("stance_model.json", FEATURES)
