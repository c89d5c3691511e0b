"""Finding the same fact stated twice, so that a brief holds it once: the last stage of the engine.

Two suggestions restate each other when they share most of their content words (and no two different
figures set them apart). Suggestions are taken best-sourced first; each later one that
restates a kept one joins its group instead of being proposed again. Taking them in that order
(never merging groups through a third sentence) keeps two distinct facts that a loose summary
sentence mentions together apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..kinds import SuggestionKind
from . import lexicon as lx
from .spans import Suggestion

_TOKEN = regex.compile(r"\p{Nd}[\p{Nd},.]*\p{Nd}|\p{Nd}|\p{L}[\p{L}\-’']*", regex.V1)
_STOP = frozenset(
    "a an the of to in on at for and or but by with from as is are was were be been being has have had it its "
    "this that these those their there they them he she his her we our you your i not no so than then which "
    "who whom what when where while will would could can may might must should do does did also just only "
    "now already still into over about after before between against during under more most very such "
    "s let’s let's it’s it's".split()
)


def tokens(text: str) -> list[str]:
    """Lower-case word and number tokens, plurals folded ("millions" and "million"), commas out of numbers."""
    return [_fold(t) for t in _TOKEN.findall(text.lower())]


@lru_cache(maxsize=1 << 16)
def _fold(t: str) -> str:
    t = t.replace(",", "").rstrip(".")
    if len(t) > 3 and t.endswith("s") and not t.endswith("ss") and not t[0].isdigit():
        t = t[:-1]
    return t


@dataclass(frozen=True)
class Wording:
    """What two statements are compared on: their content words."""

    words: frozenset[str]


def wording(text: str) -> Wording:
    return Wording(frozenset(t for t in tokens(text) if t not in _STOP and (len(t) > 1 or t.isdigit())))


# The share of the shorter statement's content words the other must hold, unless they share this many
# figures (a day, a year and an amount). One figure and a few words, or a run of five words, was enough
# before: it folded different facts that share a target ("2 per cent") or a set phrase (the tuning half's
# engine had folded away 75 right facts of the 117 it folded; with these rules, facts F1 0.71 -> 0.74,
# assessments 0.64 -> 0.65).
MOST = 2 / 3
FIGURES = 3


def restates(a: Wording, b: Wording) -> bool:
    """Whether two statements say the same: four or more content words in common, and most of the
    shorter one's or three of the same figures. Two statements that both give figures, none of them the
    same, are two facts however alike their wording ("admissions are about 12,000 a day" a week after
    "admissions are about 9,000 a day")."""
    figures_a, figures_b = _figures(a.words), _figures(b.words)
    if figures_a and figures_b and not figures_a & figures_b:
        return False
    shared = len(a.words & b.words)
    return shared >= 4 and (len(figures_a & figures_b) >= FIGURES or shared >= MOST * min(len(a.words), len(b.words)))


def _figures(words: frozenset[str]) -> set[str]:
    return {w for w in words if w[0].isdigit()}


# How far apart (in paragraphs) two restatements may be; bounds the work on very long texts.
WINDOW = 40


def group(candidates: list, wording_of, quality, paragraph_of) -> dict[int, int]:
    """Map each position in ``candidates`` that restates a better-sourced one to that one's position.

    ``wording_of(c)`` gives a candidate's ``Wording``, ``quality(c)`` how well sourced it is and
    ``paragraph_of(c)`` its paragraph. A paragraph does not restate itself; candidates more than
    ``WINDOW`` paragraphs apart are not compared, which keeps the work linear in the text's length.
    """
    order = sorted(range(len(candidates)), key=lambda i: -quality(candidates[i]))
    words = [wording_of(c) for c in candidates]
    paras = [paragraph_of(c) for c in candidates]
    # kept positions by stretch of WINDOW paragraphs: a candidate looks in its own stretch and the
    # two beside it, never at the whole text
    kept: dict[int, list[int]] = {}
    folded: dict[int, int] = {}
    for i in order:
        best, best_shared = None, 0
        stretch = paras[i] // WINDOW
        for near in (stretch - 1, stretch, stretch + 1):
            for k in kept.get(near, ()):
                if paras[k] == paras[i] or abs(paras[k] - paras[i]) > WINDOW:
                    continue
                if restates(words[i], words[k]):
                    shared = len(words[i].words & words[k].words)
                    if shared > best_shared:
                        best, best_shared = k, shared
        if best is None:
            kept.setdefault(stretch, []).append(i)
        else:
            folded[i] = best
    return folded


def fold(found: list[Suggestion], tone: dict[int, float]) -> list[Suggestion]:
    """Keep one suggestion per restated fact (and per assessment a speaker makes twice): the best-sourced,
    marked with its group; the others are dropped. ``tone``: each paragraph's (a paragraph of jokes is the
    worst source)."""

    def quality(i: int) -> float:
        # named sources and specifics first; a paragraph of jokes last
        s = found[i]
        sourced = 1.0 if lx.SOURCED.search(s.text) else 0.0
        specific = len(lx.DIGITS.findall(s.text)) + 0.2 * sum(w[:1].isupper() for w in s.text.split()[1:])
        return s.confidence + sourced + 0.3 * specific - 2.0 * tone[s.paragraph]

    wordings = {i: wording(s.text) for i, s in enumerate(found) if s.kind != SuggestionKind.OPINION}

    groups: dict[int, str] = {}
    drop: set[int] = set()
    for kind in (SuggestionKind.KEY_FACT, SuggestionKind.EXPERT_ASSESSMENT):
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
