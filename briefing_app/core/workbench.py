"""Use cases the command line and the window share, written once: accepting suggestions into a brief.

The window turns a plan into undoable commands; the command line applies it at once. Either way the
same items are made, checked against the brief and against each other, in reading order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .brief import EXPERT_ASSESSMENTS, KEY_FACTS, SECTIONS, Brief, BriefError, Item, SpanIndex
from .kinds import Section, SuggestionKind
from .suggest import Suggestion, suggest


@dataclass(frozen=True)
class Planned:
    """An item to add: its section, the item (checked, not yet in the brief) and its place there."""

    section: Section
    item: Item
    index: int


def plan_acceptance(brief: Brief, source: int, suggestions: Iterable[Suggestion]) -> tuple[list[Planned], int]:
    """Items for ``suggestions`` of ``source`` (key facts and assessments, with their speakers), in reading
    order, each after the items of its section; and how many were refused: already in the brief, or
    overlapping an accepted one before them. Nothing is changed."""
    planned: list[Planned] = []
    refused = 0
    accepted = SpanIndex()  # make_item checks the brief; this, the items planned before
    next_index = {section: len(brief.items(section)) for section in SECTIONS}
    # opinions are not briefed; SuggestionKind() also takes a suggestion made by hand with a plain string
    briefed = [(s, section) for s in suggestions if (section := SuggestionKind(s.kind).section) is not None]
    for s, section in sorted(briefed, key=lambda pair: pair[0].start):
        details = {"speaker": s.speaker or "", "affiliation": s.affiliation or ""} if s.speaker else {}
        try:
            item = brief.make_item(source, s.start, s.end, expect_text=s.text, **details)
        except BriefError:
            refused += 1
            continue
        if accepted.overlapping(source, item.start, item.end):
            refused += 1
            continue
        accepted.add(item)
        planned.append(Planned(section, item, next_index[section]))
        next_index[section] += 1
    return planned, refused


def accept_all(brief: Brief, source: int) -> tuple[int, int]:
    """Add every suggested key fact and expert assessment of ``source`` to ``brief``, in reading order;
    returns how many of each. Suggestions that overlap an item already there are skipped."""
    src = brief.source(source)
    planned, _ = plan_acceptance(brief, source, suggest(src.text, src.title_line))
    for p in planned:
        brief.insert_item(p.section, p.index, p.item)
    return sum(p.section == KEY_FACTS for p in planned), sum(p.section == EXPERT_ASSESSMENTS for p in planned)
