"""The review before sending: a brief checked against the analytic standards it is written to (ICD 203, ICD 206).

Plain Python, no Qt. :func:`review` returns :class:`Finding`\\ s, each naming its rule, its part of the brief and
one reason. Findings are advice, never a lock: a brief with findings still saves and exports. :data:`RULES`
lists every rule with the sentence the README quotes; each rule is one function below.

A finding's ``item`` says where it is, so that the window can select it and a script can find it in the
.brief file: an item's ``id``; ``"bluf"`` or ``"comment"``; ``"key_facts"``, ``"expert_assessments"`` or
``"sources"`` for a section as a whole; ``"source N"`` for the source cited [N]; None for the whole brief.

The analyst's own prose is the BLUF, the comment and the items' notes: the rules on wording read only
that, never an item's text, which is a verbatim quotation the analyst cannot reword.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from .brief import EXPERT_ASSESSMENTS, KEY_FACTS, RELIABILITY_GRADES, SECTIONS, Brief, Item, snippet
from .collector import collector_paused
from .tradecraft import SCALES, Band, confidence_words, estimative_words, scale_named
from .words import PERSONAL_PRONOUNS, PRONOUNS, first_word

DEFAULT_STALE_DAYS = 30
# two sources are copies of one another when this share of the shorter one's word 5-grams (runs of five words,
# case and punctuation ignored) are in the other: the same wire story, lightly edited, shares most of them;
# two reports of the same event written apart share a few names and phrases (a few per cent)
COPY_SHARE = 0.5
COPY_GRAM = 5
# another source holds a key fact when this share of the fact's word 3-grams are in its text
HOLD_SHARE = 0.5
HOLD_GRAM = 3
# two items overlap when this share of the shorter one's word 3-grams are in the other
DUPLICATE_SHARE = 0.8
DUPLICATE_GRAM = 3
# a 3-gram in more items than this ("the ministry said") is no sign that two of them are one: pairs are sought
# through their rarer 3-grams (and identical items by their words), which keeps the review linear in the items
COMMON_GRAM_ITEMS = 32
WEAK_GRADES = ("D", "E")  # "D or worse": F means the reliability was not judged, not that it is low


class RuleName(StrEnum):
    """The name of a review rule, as findings, ``check --review`` and the README spell it."""

    NO_BLUF = "no-bluf"
    MIXED_SCALES = "mixed-scales"
    LIKELIHOOD_AND_CONFIDENCE = "likelihood-and-confidence"
    UNSUPPORTED_BLUF = "unsupported-bluf"
    UNRESOLVED_PRONOUN = "unresolved-pronoun"
    NO_SPEAKER = "no-speaker"
    DUPLICATE_ITEM = "duplicate-item"
    TEXT_MISMATCH = "text-mismatch"
    WEAK_SINGLE_SOURCE = "weak-single-source"
    COPIED_SOURCES = "copied-sources"
    STALE_SOURCE = "stale-source"
    SOURCE_NO_PUBLISHER = "source-no-publisher"
    SOURCE_NO_DATE = "source-no-date"
    EMPTY_SECTION = "empty-section"


@dataclass(frozen=True)
class Finding:
    """One piece of advice: the rule, where (see the module's docstring), and the reason in one line."""

    rule: RuleName
    item: str | None
    message: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "item": self.item, "message": self.message}


@dataclass(frozen=True)
class Rule:
    name: RuleName
    summary: str  # what it finds, as the README says it


_WORD = re.compile(r"\w+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _grams(words: tuple[str, ...], n: int) -> frozenset[tuple[str, ...]]:
    """The word n-grams of ``words``; the whole sequence, if it is shorter than ``n``."""
    if len(words) < n:
        return frozenset([words]) if words else frozenset()
    # (w0, w1, w2), (w1, w2, w3)... made in C; the shorter tails end it, as they should
    return frozenset(zip(*(words[i:] for i in range(n)), strict=False))


@lru_cache(maxsize=64)
def _text_grams(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """A source's n-grams, kept between reviews: a window reviews again after every edit, its sources unchanged."""
    return _grams(_words(text), n)


def _share(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


class _Review:
    """One review of one brief: the parts it reads, computed once, and a method per rule."""

    def __init__(self, brief: Brief, today: date, stale_days: int) -> None:
        self.brief, self.today, self.stale_days = brief, today, stale_days
        self.scale = scale_named(brief.likelihood_scale)
        self.labels = labels(brief)
        # by text, not by id: a brief put together without the checks may give two items one id
        self._words: dict[str, tuple[str, ...]] = {}
        self._grams: dict[tuple[str, int], frozenset[tuple[str, ...]]] = {}

    def words(self, item: Item) -> tuple[str, ...]:
        """``item``'s words, worked out once for all the rules that read them."""
        if item.text not in self._words:
            self._words[item.text] = _words(item.text)
        return self._words[item.text]

    def grams(self, item: Item, n: int) -> frozenset[tuple[str, ...]]:
        """``item``'s word ``n``-grams, worked out once for all the rules that read them."""
        if (item.text, n) not in self._grams:
            self._grams[item.text, n] = _grams(self.words(item), n)
        return self._grams[item.text, n]

    def cited(self, item: Item) -> bool:
        """Whether ``item`` cites a source the brief has (a brief built without checks may not)."""
        return 1 <= item.source <= len(self.brief.sources)

    def prose(self) -> Iterator[tuple[str, str, str]]:
        """(where, how it is named, text) of the analyst's own writing, in the order it is printed."""
        b = self.brief
        yield "bluf", "the BLUF", b.bluf
        for _, item in b.all_items():
            if item.note.strip():
                yield item.id, f"the note of {self.labels[item.id]}", item.note
        yield "comment", "the comment", b.comment

    # --- wording (ICD 203)
    def mixed_scales(self) -> Iterator[Finding]:
        first = None  # with no scale chosen: the first word of one scale only, which the others must keep to
        for where, name, text in self.prose():
            seen = set()
            for word in estimative_words(text):
                if self.scale is not None:
                    if self.scale.key in word.scales or word.words.casefold() in seen:
                        continue
                    seen.add(word.words.casefold())
                    other = SCALES[next(iter(word.scales))]
                    yield Finding(RuleName.MIXED_SCALES, where, f"“{word.words}” is a term of {other.name}, not of "
                                  f"{self.scale.name}, the scale this brief uses")  # fmt: skip
                elif len(word.scales) == 1:
                    scale = SCALES[next(iter(word.scales))]
                    if first is None:
                        first = (scale, word.words, name)
                    elif scale is not first[0] and word.words.casefold() not in seen:
                        seen.add(word.words.casefold())
                        yield Finding(RuleName.MIXED_SCALES, where, f"“{word.words}” is a term of {scale.name}, but "
                                      f"“{first[1]}” in {first[2]} is of {first[0].name}: choose one scale for "
                                      "the brief and keep to it")  # fmt: skip

    def likelihood_and_confidence(self) -> Iterator[Finding]:
        for where, _, text in self.prose():
            for sentence in _sentences(text):
                likely, sure = estimative_words(sentence), confidence_words(sentence)
                if likely and sure:
                    yield Finding(RuleName.LIKELIHOOD_AND_CONFIDENCE, where, f"one sentence states both a likelihood "
                                  f"(“{likely[0].words}”) and a confidence (“{sure[0][2]}”), which ICD 203 keeps "
                                  f"apart: “{snippet(sentence)}”")  # fmt: skip

    def unsupported_bluf(self) -> Iterator[Finding]:
        """The BLUF's likelihoods (its field, and the words of its text) against those the expert assessments
        (field, text, note) and the analyst's comment state: one of these must overlap each."""
        b = self.brief
        support = [band for _, band in self._field_band(b.comment_likelihood)]
        support += [band for word in estimative_words(b.comment) for _, band in self._bands(word)]
        for item in b.expert_assessments:
            support += [band for _, band in self._field_band(item.likelihood)]
            for text in (item.text, item.note):
                support += [band for word in estimative_words(text) for _, band in self._bands(word)]
        claims = [(f"the likelihood “{band.term}”", band) for _, band in self._field_band(b.bluf_likelihood)]
        claims += [(f"“{word.words}” in its text", band) for word in estimative_words(b.bluf)
                   for _, band in self._bands(word)]  # fmt: skip
        shown = set()
        for said, band in claims:
            if not any(band.overlaps(other) for other in support) and said.casefold() not in shown:
                shown.add(said.casefold())
                yield Finding(RuleName.UNSUPPORTED_BLUF, "bluf", f"states {said} ({band.shown_range}), but no expert "
                              "assessment, nor the comment, states a likelihood in that range")  # fmt: skip

    def _field_band(self, term: str) -> list[tuple[str, Band]]:
        band = self.scale.band(term) if self.scale is not None and term else None
        return [(self.scale.key, band)] if self.scale is not None and band else []

    def _bands(self, word) -> tuple[tuple[str, Band], ...]:
        """The bands a word in prose names: in the brief's scale if it is a term there, else in every scale
        that has it (one at most, but "likely" is in both)."""
        mine = tuple((s.key, b) for s, b in word.bands if self.scale is not None and s is self.scale)
        return mine or tuple((s.key, b) for s, b in word.bands)

    # --- items
    def no_speaker(self) -> Iterator[Finding]:
        for item in self.brief.expert_assessments:
            if not item.speaker.strip():
                yield Finding(
                    RuleName.NO_SPEAKER, item.id, "no speaker; an assessment is worth what its author is: say who"
                )

    def unresolved_pronoun(self) -> Iterator[Finding]:
        for section, item in self.brief.all_items():
            word = first_word(item.text)
            if word not in PRONOUNS:
                continue
            if section == EXPERT_ASSESSMENTS and item.speaker.strip() and word in PERSONAL_PRONOUNS:
                continue  # "he", "I", "we" in an assessment: its speaker, printed in front of it
            m = re.search(r"\w+", item.text)  # the pronoun as written (first_word casefolds it)
            opening = m.group() if m else word
            yield Finding(RuleName.UNRESOLVED_PRONOUN, item.id, f"starts with “{opening}”; cut from its article, it "
                          "leaves the reader asking who or what is meant: widen the passage to the name")  # fmt: skip

    def duplicate_items(self) -> Iterator[Finding]:
        """Each item against the earlier ones it shares a rare 3-gram with, or all its words."""
        index: dict[tuple[str, ...], list[int]] = {}
        same_words: dict[tuple[str, ...], int] = {}
        items = [item for _, item in self.brief.all_items()]
        words = [self.words(item) for item in items]
        grams = [self.grams(item, DUPLICATE_GRAM) for item in items]
        for i, mine in enumerate(grams):
            candidates: set[int] = set()
            for gram in mine:  # the earlier items that share a rare 3-gram; this item joins the postings after
                held = index.get(gram)
                if held is None:
                    index[gram] = [i]
                    continue
                if len(held) <= COMMON_GRAM_ITEMS:
                    candidates.update(held)
                held.append(i)
            if words[i] in same_words:
                candidates.add(same_words[words[i]])
            best, ratio = None, 0.0
            for j in sorted(candidates):
                share = len(mine & grams[j]) / min(len(mine), len(grams[j])) if mine and grams[j] else 0.0
                if share > ratio:
                    best, ratio = j, share
            if best is not None and ratio >= DUPLICATE_SHARE:
                other = self.labels[items[best].id]
                same = words[i] == words[best]
                reason = f"says what {other} says" if same else f"overlaps {other} ({ratio:.0%} of the shorter one)"
                yield Finding(RuleName.DUPLICATE_ITEM, items[i].id, f"{reason}: “{snippet(items[best].text)}”")
            same_words.setdefault(words[i], i)

    def text_mismatch(self) -> Iterator[Finding]:
        """Never found in a brief opened from a file (opening checks it) or edited in the window; only in one
        put together in a script without the checks (``Brief.from_checked``)."""
        sources = self.brief.sources
        for _, item in self.brief.all_items():
            if not self.cited(item):
                yield Finding(
                    RuleName.TEXT_MISMATCH, item.id, f"cites source {item.source}, which the brief does not have"
                )
                continue
            source = sources[item.source - 1]
            if source.text[item.start : item.end] != item.text:
                found = source.text[item.start : item.end]
                yield Finding(RuleName.TEXT_MISMATCH, item.id, f"its text no longer matches source {item.source} at "
                              f"{item.start}-{item.end}, which has “{snippet(found)}”")  # fmt: skip
            elif source.paragraph_at(item.start) != item.paragraph:
                yield Finding(RuleName.TEXT_MISMATCH, item.id, f"cites ¶{item.paragraph}, but its passage is in "
                              f"¶{source.paragraph_at(item.start)} of source {item.source}")  # fmt: skip

    # --- sources (ICD 206)
    def what_facts_rest_on(self) -> Iterator[Finding]:
        """A key fact rests on the sources that hold it: its own, and any other whose text has its words. It
        is weak when that is one source graded D or E, or when those are copies of one another."""
        sources = self.brief.sources
        copies: dict[tuple[int, int], float] = {}

        def copy_share(a: int, b: int) -> float:
            key = (min(a, b), max(a, b))
            if key not in copies:
                ga, gb = (_text_grams(sources[n - 1].text, COPY_GRAM) for n in key)
                shorter, longer = sorted((ga, gb), key=len)
                copies[key] = _share(shorter, longer)
            return copies[key]

        for fact in self.brief.key_facts:
            if not self.cited(fact):
                continue
            others = [n for n in range(1, len(sources) + 1) if n != fact.source]
            mine = self.grams(fact, HOLD_GRAM) if others else frozenset()  # no other source: no need
            holders = [fact.source] + [
                n for n in others if _share(mine, _text_grams(sources[n - 1].text, HOLD_GRAM)) >= HOLD_SHARE
            ]
            if len(holders) > 1 and _one_group(holders, lambda a, b: copy_share(a, b) >= COPY_SHARE):
                share = min(copy_share(a, b) for a in holders for b in holders if a < b)
                yield Finding(RuleName.COPIED_SOURCES, fact.id, f"rests on sources {_and(holders)}, which are copies "
                              f"of one another ({share:.0%} or more of the shorter one's runs of five words are in the "
                              "other): one report, not several")  # fmt: skip
            elif len(holders) == 1 and sources[fact.source - 1].reliability in WEAK_GRADES:
                grade = sources[fact.source - 1].reliability
                yield Finding(RuleName.WEAK_SINGLE_SOURCE, fact.id, f"rests on source {fact.source} alone, graded "
                              f"{grade} ({RELIABILITY_GRADES[grade]}); no other source of the brief holds "
                              "it")  # fmt: skip

    def stale_sources(self) -> Iterator[Finding]:
        brief_day = _first_day(self.brief.date) if self.brief.date else self.today
        mark = f"the brief's date, {self.brief.date}" if self.brief.date else f"today, {self.today.isoformat()}"
        for n, source in enumerate(self.brief.sources, 1):
            if not source.published:
                continue
            days = (brief_day - _last_day(source.published)).days
            if days > self.stale_days:
                yield Finding(RuleName.STALE_SOURCE, f"source {n}", f"published {source.published}, {days} days before "
                              f"{mark} (more than {self.stale_days})")  # fmt: skip

    def source_details(self) -> Iterator[Finding]:
        for n, source in enumerate(self.brief.sources, 1):
            if not source.publisher.strip():
                yield Finding(
                    RuleName.SOURCE_NO_PUBLISHER, f"source {n}", "no publisher; the reader cannot weigh who put it out"
                )
            if not source.published:
                yield Finding(RuleName.SOURCE_NO_DATE, f"source {n}", "no published date; the reader cannot tell how "
                              "current it is")  # fmt: skip

    # --- the brief as a whole
    def no_bluf(self) -> Iterator[Finding]:
        if not self.brief.bluf.strip():
            yield Finding(RuleName.NO_BLUF, "bluf", "no bottom line up front; say first what the reader must take away")

    def empty_sections(self) -> Iterator[Finding]:
        b = self.brief
        for where, empty, what in (
            (KEY_FACTS, not b.key_facts, "no key facts"),
            (EXPERT_ASSESSMENTS, not b.expert_assessments, "no expert assessments"),
            ("comment", not b.comment.strip(), "no analyst comment"),
            ("sources", not b.sources, "no sources"),
        ):
            if empty:
                yield Finding(RuleName.EMPTY_SECTION, where, f"the brief has {what}")


def _sentences(text: str) -> list[str]:
    """``text`` cut into sentences: after . ! ? or … (and any closing quotation mark), and at blank lines."""
    return [s for s in re.split(r"(?<=[.!?…])[”\"’')\]]*\s+|\n\s*\n", text) if s.strip()]


def _one_group(members: list[int], related: Callable[[int, int], bool]) -> bool:
    """Whether ``members`` are all linked to one another through ``related`` (a copy of a copy is a copy)."""
    group, rest = {members[0]}, set(members[1:])
    grew = True
    while rest and grew:
        grew = False
        for m in list(rest):
            if any(related(g, m) for g in group):
                group.add(m)
                rest.discard(m)
                grew = True
    return not rest


def _and(numbers: list[int]) -> str:
    shown = [str(n) for n in sorted(numbers)]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def _first_day(value: str) -> date:
    """The first day a (possibly partial) ISO date can mean: 2024-10 is 2024-10-01."""
    year, month, day = (value.split("-") + ["1", "1"])[:3]
    return date(int(year), int(month), int(day))


def _last_day(value: str) -> date:
    """The last day a (possibly partial) ISO date can mean: 2024-10 is 2024-10-31, 2024 is 2024-12-31."""
    parts = value.split("-")
    if len(parts) == 3:
        return date.fromisoformat(value)
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date(int(parts[0]), 12, 31)


# the rules in the order their findings are listed within one part of the brief, each with the README's sentence
RULES = (
    Rule(RuleName.NO_BLUF, "The brief has no bottom line up front."),
    Rule(
        RuleName.MIXED_SCALES,
        "The analyst's prose (BLUF, comment, notes) uses a likelihood term of the other scale than "
        "the brief's, or, with no scale chosen, terms of both ICD 203 and the PHIA yardstick (a term both share, such "
        "as “likely”, is never a mix).",
    ),
    Rule(
        RuleName.LIKELIHOOD_AND_CONFIDENCE,
        "One sentence of the analyst's prose states both a likelihood (“likely”) and a "
        "confidence (“high confidence”); ICD 203 asks that the two be expressed apart.",
    ),
    Rule(
        RuleName.UNSUPPORTED_BLUF,
        "The BLUF states a likelihood (its likelihood field, or a likelihood word in its text) "
        "whose range overlaps none stated by an expert assessment (its field, text or note) or by the comment.",
    ),
    Rule(
        RuleName.UNRESOLVED_PRONOUN,
        "A key fact or an assessment starts with he, she, they, it, we, I, his, her, their, "
        "its, him, them, this, these or those; in an assessment with a speaker, a pronoun for a person (he, she, I, "
        "we, his, her, him) is its speaker and is not flagged.",
    ),
    Rule(RuleName.NO_SPEAKER, "An expert assessment has no speaker."),
    Rule(
        RuleName.DUPLICATE_ITEM,
        f"An item says what an earlier one says: at least {DUPLICATE_SHARE:.0%} of the shorter "
        f"one's word {DUPLICATE_GRAM}-grams are in the other (across sections and sources).",
    ),
    Rule(
        RuleName.TEXT_MISMATCH,
        "An item's text no longer matches its source at its span (or its paragraph number is "
        "wrong). Opening a .brief already refuses such a file, so the review finds this only in a brief made by a "
        "script.",
    ),
    Rule(
        RuleName.WEAK_SINGLE_SOURCE,
        f"A key fact rests on one source alone, graded {' or '.join(WEAK_GRADES)}. A key fact "
        f"rests on its own source and on every other source of the brief whose text holds at least {HOLD_SHARE:.0%} "
        f"of its word {HOLD_GRAM}-grams.",
    ),
    Rule(
        RuleName.COPIED_SOURCES,
        f"A key fact rests on two or more sources that are all copies of one another: at least "
        f"{COPY_SHARE:.0%} of the shorter text's word {COPY_GRAM}-grams are in the other (a copy of a copy counts).",
    ),
    Rule(
        RuleName.STALE_SOURCE,
        "A source was published more than N days (default 30) before the brief's date (or "
        "today, if the brief has none); a partial date counts as its last day.",
    ),
    Rule(RuleName.SOURCE_NO_PUBLISHER, "A source has no publisher."),
    Rule(RuleName.SOURCE_NO_DATE, "A source has no published date."),
    Rule(
        RuleName.EMPTY_SECTION, "The brief has no key facts, no expert assessments, no analyst comment or no sources."
    ),
)
_CHECKS = (
    _Review.no_bluf, _Review.mixed_scales, _Review.likelihood_and_confidence, _Review.unsupported_bluf,
    _Review.unresolved_pronoun, _Review.no_speaker, _Review.duplicate_items, _Review.text_mismatch,
    _Review.what_facts_rest_on, _Review.stale_sources, _Review.source_details, _Review.empty_sections,
)  # fmt: skip


def review(brief: Brief, *, today: date | str | None = None, stale_days: int = DEFAULT_STALE_DAYS) -> list[Finding]:
    """Every finding of every rule on ``brief``, in the order of the printed brief (BLUF, key facts, expert
    assessments, comment, sources) and, within one part, of :data:`RULES`. ``today`` (default: the computer's
    date) stands for the brief's date when it has none; ``stale_days`` is the stale-source rule's N."""
    if isinstance(stale_days, bool) or not isinstance(stale_days, int) or stale_days < 0:
        raise ValueError(f"stale_days must be a whole number of days, 0 or more, not {stale_days!r}")
    day = date.fromisoformat(today) if isinstance(today, str) else today or date.today()
    r = _Review(brief, day, stale_days)
    found = [finding for check in _CHECKS for finding in check(r)]
    order = {rule.name: i for i, rule in enumerate(RULES)}
    rank: dict[str | None, tuple[int, int]] = {
        "bluf": (0, 0),
        KEY_FACTS: (1, -1),
        EXPERT_ASSESSMENTS: (2, -1),
        "comment": (3, 0),
        "sources": (4, -1),
    }
    rank |= {item.id: (1 if s == KEY_FACTS else 2, i) for i, (s, item) in enumerate(brief.all_items())}
    rank |= {f"source {n}": (4, n) for n in range(1, len(brief.sources) + 1)}
    return sorted(found, key=lambda f: (rank.get(f.item, (5, 0)), order[f.rule]))


def review_lines(brief: Brief, stale_days: int = DEFAULT_STALE_DAYS, progress=None) -> list[tuple[Finding, str]]:
    """Each finding of :func:`review` and the line that shows it to a person ("[rule] key fact 2: message"),
    as the window lists them; run in a worker thread or process, on a snapshot of the brief. The cycle
    collector waits meanwhile (see :mod:`.collector`): the review makes a few hundred thousand small tuples
    (word n-grams, freed as they go), whose count set off collections of the whole heap; a 1,500-item review
    took half as long without."""
    with collector_paused():
        named = labels(brief)  # one pass over the items, not one per finding
        return [(f, f"[{f.rule}] {(f.item and named.get(f.item)) or place(brief, f.item)}: {f.message}")
                for f in review(brief, stale_days=stale_days)]  # fmt: skip


def labels(brief: Brief) -> dict[str, str]:
    """Each item's id and how it is named to a person ("key fact 2"), in one pass over the brief."""
    out: dict[str, str] = {}
    for section in SECTIONS:
        out |= {item.id: f"{section.noun} {i}" for i, item in enumerate(brief.items(section), 1)}
    return out


def place(brief: Brief, where: str | None) -> str:
    """How a finding's ``item`` is named to a person: "key fact 2", "the BLUF", "source 1", "the brief"."""
    if where is None:
        return "the brief"
    names = {"bluf": "the BLUF", "comment": "the comment", "sources": "the sources"}
    names |= {section: f"the {section.plural}" for section in SECTIONS}
    if where in names:
        return names[where]
    if where.startswith("source "):
        return where
    for section in SECTIONS:
        for i, item in enumerate(brief.items(section), 1):
            if item.id == where:
                return f"{section.noun} {i}"
    return where
