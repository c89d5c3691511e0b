"""Use cases the command line and the window share, written once: accepting suggestions into a brief.

The window turns a plan into one undoable command (``AddItems``); the command line applies it at once. Either
way the same items are made, checked against the brief and against each other, in reading order, and go
into the brief in one call, :meth:`~.brief.Brief.add_items`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Planned, Wanted
from .collector import collector_paused
from .kinds import SuggestionKind

if TYPE_CHECKING:  # the engine itself is imported only where it runs: a worker, or the command line
    from .suggest import Suggestion

# Planned is the model's; callers may take it from here
__all__ = ["Planned", "accept_all", "plan_acceptance", "planning_acceptance", "suggestions_for"]


def plan_acceptance(brief: Brief, source: int, suggestions: Iterable[Suggestion]) -> tuple[list[Planned], int]:
    """Items for ``suggestions`` of ``source`` (key facts and assessments, with their speakers), in reading
    order, each after the items of its section; and how many were refused: already in the brief, or
    overlapping an accepted one before them. Nothing is changed (see :meth:`~.brief.Brief.plan_adds`)."""
    return brief.plan_adds(_wanted(source, suggestions))


def planning_acceptance(
    brief: Brief, source: int, suggestions: Iterable[Suggestion], every: int
) -> Iterator[tuple[list[Planned], int] | None]:
    """:func:`plan_acceptance` in steps of ``every`` suggestions (see :meth:`~.brief.Brief.planning`): None
    after each step, then the plan and the count refused."""
    return brief.planning(_wanted(source, suggestions), every)


def _wanted(source: int, suggestions: Iterable[Suggestion]) -> Iterator[Wanted]:
    # opinions are not briefed; SuggestionKind() also takes a suggestion made by hand with a plain string
    briefed = [(s, section) for s in suggestions if (section := SuggestionKind(s.kind).section) is not None]
    return (
        (section, source, s.start, s.end,
         {"expect_text": s.text, **({"speaker": s.speaker, "affiliation": s.affiliation or ""} if s.speaker else {})})
        for s, section in sorted(briefed, key=lambda pair: pair[0].start)
    )  # fmt: skip


def accept_all(brief: Brief, source: int) -> tuple[int, int]:
    """Add every suggested key fact and expert assessment of ``source`` to ``brief``, in reading order;
    returns how many of each. Suggestions that overlap an item already there are skipped."""
    from .suggest import suggest

    src = brief.source(source)
    planned, _ = plan_acceptance(brief, source, suggest(src.text, src.title_line))
    brief.add_items(planned)
    return sum(p.section == KEY_FACTS for p in planned), sum(p.section == EXPERT_ASSESSMENTS for p in planned)


def suggestions_for(
    sha: str, text: str, title_line: bool, progress=None, *, freeze: bool = False
) -> tuple[str, list[Suggestion]]:
    """The engine's suggestions for a source (known by its SHA-256), as the window's worker thread or process
    works them out, with the cycle collector paused meanwhile (see :mod:`.collector`). ``freeze``: what the
    engine made then leaves the collector's sight (a worker thread in the window's long-lived process)."""
    from .suggest import suggest  # here, in the worker: its import compiles the word lists (0.2 s)

    with collector_paused(freeze=freeze):
        return sha, suggest(text, title_line)
