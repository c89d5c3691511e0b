"""A logistic model over a clause's features and its words, as the stance and fact models ship in JSON.

``resources/<name>.json`` holds the feature names it was trained on, a weight per feature, a weight per
word (see :func:`words`), the intercept and the threshold above which a clause is suggested. A model
trained on other features than the engine computes is not used (the rules alone decide).
"""

from __future__ import annotations

import json
import math
import operator
import re
from dataclasses import dataclass, field

from ...resources import resource

_WORD = re.compile(r"\w[\w’']*")


def words(clause: str) -> frozenset[str]:
    """The clause's words as the model's word weights know them: lower case, any word with a digit as
    "<num>", a capitalised word after the first as "<name>", so that the weights learn how people say
    things, not who the tuning half's people were or which figures they gave; with each pair of words in a
    row ("i_think", "we_will") and the first two marked as openers ("^so"). The pairs and openers improved
    the tuning half's out-of-fold log loss for both models and its assessments F1 by 0.01."""
    tokens = [
        "<num>" if _DIGIT.search(w) else "<name>" if i and w[0].isupper() and not _I.match(w) else w.lower()
        for i, w in enumerate(_WORD.findall(clause))
    ]
    pairs = map("_".join, zip(tokens, tokens[1:], strict=False))  # each word with the next
    return frozenset([*tokens, *pairs, *("^" + t for t in tokens[:2])])


_DIGIT = re.compile(r"\d")
_I = re.compile(r"I(?:[’'].*)?$")  # "I", "I’m", "I've": the first person, no name


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Model:
    coef: tuple[float, ...]
    intercept: float
    threshold: float  # the probability above which a clause is suggested
    # the weight of each word (see ``words``) the tuning half used often enough to learn from; none: no words
    word_weights: dict[str, float] = field(default_factory=dict, compare=False)

    def probability(self, row: list[float], clause: str = "") -> float:
        if len(row) != len(self.coef):
            raise ValueError(f"{len(row)} features for a model of {len(self.coef)}")
        z = self.intercept + sum(map(operator.mul, self.coef, row))  # map: the engine's hot path
        if self.word_weights:
            z += sum(filter(None, map(self.word_weights.get, words(clause))))
        return sigmoid(z)


def load(name: str, features: tuple[str, ...]) -> Model | None:
    """The model shipped as ``resources/name``, or None when there is none or it has other features."""
    try:
        data = json.loads(resource(name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(data["features"]) != features:
        return None
    return Model(tuple(data["coef"]), data["intercept"], data["threshold"], data.get("word_weights", {}))


def to_json(features: tuple[str, ...], model: Model, trained_on: list[str]) -> dict:
    """What ``load`` reads back, as the trainer writes it."""
    return {"trained_on": trained_on, "features": list(features), "coef": list(model.coef),
            "intercept": model.intercept, "threshold": model.threshold, "word_weights": model.word_weights}  # fmt: skip
