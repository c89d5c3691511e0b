"""Finding the same fact stated twice, so that a brief holds it once.

Two suggestions restate each other when they share a figure and several content words, or share
most of their content words. Suggestions are taken best-sourced first; each later one that
restates a kept one joins its group instead of being proposed again. Taking them in that order
(never merging groups through a third sentence) keeps two distinct facts that a loose summary
sentence mentions together apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

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
    """What two statements are compared on: their content words and their runs of five tokens."""

    words: frozenset[str]
    runs: frozenset[tuple[str, ...]]


def wording(text: str) -> Wording:
    toks = tokens(text)
    words = frozenset(t for t in toks if t not in _STOP and (len(t) > 1 or t.isdigit()))
    # a run of five counts when at least three of its words carry content
    content = [t not in _STOP for t in toks]
    runs = frozenset(tuple(toks[i : i + 5]) for i in range(len(toks) - 4) if sum(content[i : i + 5]) >= 3)
    return Wording(words, runs)


def restates(a: Wording, b: Wording) -> bool:
    """Whether two statements say the same: a run of five words in common, the same figure and
    three more words, or most of their content words."""
    if a.runs & b.runs:
        return True
    shared = a.words & b.words
    if any(w[0].isdigit() for w in shared) and len(shared) >= 4:
        return True
    return len(shared) >= 4 and len(shared) >= 0.5 * min(len(a.words), len(b.words))


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
