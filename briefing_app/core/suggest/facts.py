"""Weighing whether a clause is a key fact: features of what can be checked, and a small model.

The rules (:mod:`.classify`) weigh a clause's figures, dates, counts, events and findings against its
judgement words; who speaks decides how the two are read. The fact model takes the rules' verdict and
weights as features beside the clause's structure (who speaks and how, first person, modals, a question,
quotation, hedges and boosters from the stance lexicon, its place in the article, its length) and its
words (see :func:`.model.words`), and gives the probability that the clause is a key fact. It is trained
on the corpus's tuning half only (``tests/corpus/train_models.py``) and ships in ``resources/fact_model.json``;
the probability is the suggestion's confidence.
"""

from __future__ import annotations

import math
import re
from functools import cache

from ..kinds import SuggestionKind
from . import lexicon as lx
from . import stance
from .classify import Weights
from .model import Model, load
from .people import Speaker

KINDS = ("person", "reported", "finding", "none")
FEATURES = (
    "rule_fact", "rule_confidence", "fact", "judgement", "digits", "dates", "finding", "participation", "forecast",
    *(f"n_{c}" for c in stance.CATEGORIES), "modals", "negation", "first_person", "you", "quotation", "question",
    "log_words", "tone", "transcript", "after_fact", "paragraph", "title_case", *(f"speaker_{k}" for k in KINDS),
)  # fmt: skip
_TITLE_CASE = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def features(
    clause: str, speaker: Speaker, in_transcript: bool, rule: tuple[str, float] | None, tone: float, w: Weights,
    after_fact: bool, paragraph: int,
) -> list[float]:  # fmt: skip
    """The clause's feature vector, in the order of ``FEATURES``."""
    hits = lx.scan(clause)
    lists = stance.lexicon_lists()
    row = [float(rule is not None and rule[0] == SuggestionKind.KEY_FACT), rule[1] if rule else 0.0, min(w.fact, 8.0),
           min(w.judgement, 4.0), float(min(w.digits, 4)), float(min(len(lx.DATE.findall(clause)), 2)),
           float(w.finding), float(w.participation), float(w.forecast)]  # fmt: skip
    row += [float(min(len(hits[wl]), 3)) for wl in lists.values()]
    row += [
        float(min(len(stance.MODAL.findall(clause)), 3)),
        float(min(len(stance.NEGATION.findall(clause)), 2)),
        float(bool(stance.FIRST.search(clause))),
        float(bool(stance.YOU.search(clause))),
        float(bool(lx.QUOTATION.search(clause))),
        float(clause.rstrip("”’\"') ").endswith("?")),
        math.log1p(len(clause.split())),
        tone,
        float(in_transcript),
        float(after_fact),
        math.log1p(paragraph),
        float(min(len(_TITLE_CASE.findall(clause)), 4)),
    ]
    row += [float(speaker.kind == k or (k == "none" and speaker.kind not in KINDS)) for k in KINDS]
    return row


@cache
def model() -> Model | None:
    """The shipped fact model, or None when none is shipped or it was trained on other features."""
    return load("fact_model.json", FEATURES)
