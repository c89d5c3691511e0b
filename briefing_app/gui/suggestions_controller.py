"""The suggestions behind the Suggestions tab: worked out once per source text in a worker thread,
listed for the source shown, rejections remembered per text, accepted as one undoable step.

The controller drives its :class:`~.suggestions_pane.SuggestionsPane` and pushes its commands on the
window's undo stack; it tells the window the rest by signals (the spans to mark in the article, errors and
status messages) and never imports it. Accepting goes through :func:`briefing_app.core.workbench.plan_acceptance`,
the same plan ``briefing-app new --accept-suggestions`` applies, and is one command (``AddItems``): one model
call, one change told to every listener. The controller listens to the brief itself and, after items came or
went, looks again only at the suggestions they touch, and re-marks only those (``marks_updated``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core.brief import Brief, BriefError, Change, Item
from ..core.errors import BriefingError
from ..core.kinds import ChangeKind, SuggestionKind
from ..core.rejections import Rejections
from .jobs import Job, JobRunner
from .suggestions_pane import SuggestionsPane
from .undo_commands import AddItem, AddItems
from .wording import counted, sentence

SUGGEST_DELAY_MS = 300
SETTLE_RETRY_MS = 50
SETTLE_MAX_S = 5.0  # a 1,500-item brief's lists lay out in about a second
# Accepting up to this many suggestions plans, adds and updates the list in the same event; more (Accept all on
# an 8 MB article: 3,000) are planned PLAN_STEP at a time (about 8 ms each), then added and listed in events of
# their own, so that no event keeps the window waiting 100 ms.
AT_ONCE = 100
PLAN_STEP = 500


RETAKE_DELAY_MS = 15  # see SuggestionsController.__init__


class SuggestionsController(QObject):
    """``marks_changed(spans)``: the (start, end) offsets of the open suggestions of the shown source (no
    rhetoric), to mark in the article; ``marks_updated(unmarked, marked)`` the spans that stopped and started
    being open since (items came or went); ``accepted()`` after suggestions became items;
    ``error(title, message)`` and ``status(message, ms)`` for the user."""

    marks_changed = Signal(list)
    marks_updated = Signal(list, list)
    accepted = Signal()
    error = Signal(str, str)
    status = Signal(str, int)

    def __init__(
        self,
        pane: SuggestionsPane,
        undo_stack: QUndoStack,
        rejections: Rejections,
        parent=None,
        settling: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.pane = pane
        self.settling = settling  # whether the window is still laying out what it just showed
        self._settle_timer = QTimer(self)  # one wait however many calls to start come in meanwhile
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_RETRY_MS)
        self._settle_timer.timeout.connect(self.start)
        self._settle_until = 0.0  # (time.monotonic) the latest the engine waits for the lists, per source shown
        self.undo_stack = undo_stack
        self.rejections = rejections
        self.suggestions: dict[str, list] = {}  # by source text (SHA-256): worked out once per text
        self.brief: Brief | None = None
        self.number: int | None = None  # the source shown
        self._unsubscribe = None
        # items added or removed (an edit: before and after) since the list was last brought up to date; None:
        # look at every suggestion again (sources changed)
        self._touched: list[Item] | None = []
        self._adding = False  # a big acceptance is being planned, or waits for its turn to be added
        self._retake_timer = QTimer(self)  # once per burst of changes, after the event loop ran
        self._retake_timer.setSingleShot(True)
        # not 0: the window's item marks also wait on a zero timer, and timers due together run in one pass of
        # the event loop; a few ms later, each has a pass of its own and the window answers between them
        self._retake_timer.setInterval(RETAKE_DELAY_MS)
        self._retake_timer.timeout.connect(self.brief_changed)
        self.suggesting = JobRunner(self)
        self.suggesting.finished.connect(self._done)
        pane.accept_requested.connect(self.accept)
        pane.rejections_changed.connect(self._remember_rejections)

    def show(self, brief: Brief | None, number: int | None) -> None:
        """List and mark the suggestions for source ``number`` of ``brief``, working them out first if needed
        (once the pane's window is on screen: the worker holds the GIL much of the time and must never
        delay the article's first paint)."""
        if brief is not self.brief:
            if self._unsubscribe is not None:
                self._unsubscribe()
            self._unsubscribe = brief.subscribe(self._heard) if brief is not None else None
        self.brief, self.number = brief, number if brief is not None else None
        self._retake_timer.stop()
        self._touched = []  # the list is made afresh below
        if not self.number:
            self.pane.set_suggestions(None, [])
            self.mark()
            return
        source = brief.source(self.number)
        found = self.suggestions.get(source.sha256)
        if found is not None:
            self.pane.set_suggestions(self.number, found, self.rejections.load(source.sha256), brief)
            self.mark()
            return
        self.pane.source_number = self.number
        self.pane.set_busy("Reading the article for suggestions…")
        self.mark()
        self._settle_until = time.monotonic() + SETTLE_MAX_S
        if self.pane.window().isVisible():
            QTimer.singleShot(SUGGEST_DELAY_MS, self.start)
        # else the window starts it once it is shown (see start)

    def start(self) -> None:
        """Work out the shown source's suggestions in a worker thread, unless known or under way. The thread
        pays for the engine's import (its word lists compile then), so the first paint never waits for it."""
        if self.suggesting.busy or self.brief is None or not self.number:
            return
        if self.settling() and time.monotonic() < self._settle_until:
            # the engine's thread would hold the interpreter while the window lays out a big brief's rows, each
            # batch waiting its turn (gaps over 100 ms): it starts once they are laid out, or after SETTLE_MAX_S
            # whatever the lists are doing
            self._settle_timer.start()
            return
        source = self.brief.source(self.number)
        if source.sha256 not in self.suggestions:
            from ..core.workbench import suggestions_for

            # a thread, not a worker process: 36,000 suggestions (10 MB) took 150-300 ms to unpickle on the
            # GUI thread, twice the longest gap the thread leaves (tests/bench/bench_suggest_window.py)
            work = partial(suggestions_for, source.sha256, source.text, source.title_line, freeze=True)
            self.suggesting.start(Job("suggesting", work))

    def _done(self, job: Job) -> None:
        if job.error is not None:
            self.pane.set_busy(f"No suggestions. {sentence(job.error)}")
            return
        sha, found = job.result
        self.suggestions[sha] = found
        self.show(self.brief, self.number)  # the source shown now, which may be another one by now

    def _heard(self, change: Change) -> None:
        if change.what == ChangeKind.SOURCES:
            self._touched = None
        elif change.what in (ChangeKind.ITEMS, ChangeKind.ITEM) and change.items:
            if self._touched is not None:
                self._touched.extend(change.items)
        else:  # a field, a new order, a likelihood: no item came or went
            return
        self._retake_timer.start()

    def brief_changed(self) -> None:
        """List (and mark) only the suggestions no item overlaps, now: after items came or went, asking again
        only about the suggestions those items' spans touch."""
        self._retake_timer.stop()
        touched, self._touched = self._touched, []
        number = self.pane.source_number
        if touched is None or self.brief is None or not number:
            self.pane.set_taken(self.brief)
            self.mark()
            return
        spans = [(item.start, item.end) for item in touched if item.source == number]
        if spans:
            closed, opened = self.pane.retake(spans)
            if closed or opened:
                self.marks_updated.emit(*(_marked(found) for found in (closed, opened)))

    def mark(self) -> None:
        self.marks_changed.emit(_marked(self.pane.open_suggestions()))

    def _remember_rejections(self, spans: set) -> None:
        self.mark()
        number = self.pane.source_number
        if self.brief is None or not number:
            return
        try:
            self.rejections.save(self.brief.source(number).sha256, spans)
        except BriefingError as e:  # the list still hides them for this session
            self.status.emit(sentence(str(e)), 8000)

    def accept(self, chosen: list) -> None:
        """Each chosen suggestion becomes an item (with its speaker), all in one undoable step. Thousands
        (Accept all on a big article) are planned a step at a time and added on a turn of the event loop of
        their own, so that the window answers in between (planning 3,000 takes about 50 ms, adding them
        and showing the change as much again)."""
        from ..core.workbench import plan_acceptance, planning_acceptance

        number = self.pane.source_number
        if self.brief is None or not number or self._adding:
            return
        if len(chosen) <= AT_ONCE:  # they leave the list at once: a quick second Enter takes the next suggestion
            planned, refused = plan_acceptance(self.brief, number, chosen)
            self._add(self.brief, planned, refused, retake=True)
            return
        # (they leave the list on a later turn of the event loop, as the brief tells the controller: see _heard)
        self._adding = True
        self._plan_step(self.brief, planning_acceptance(self.brief, number, chosen, PLAN_STEP))

    def _plan_step(self, brief: Brief, steps) -> None:
        if brief is not self.brief:  # another brief was opened in between
            self._adding = False
            return
        step = next(steps)
        if step is None:
            QTimer.singleShot(0, self, partial(self._plan_step, brief, steps))  # dropped if the window goes
        else:
            QTimer.singleShot(0, self, partial(self._add, brief, *step))

    def _add(self, brief: Brief, planned: list, refused: int, retake: bool = False) -> None:
        self._adding = False
        if brief is not self.brief:
            return  # another brief was opened in between
        if not planned:
            self.error.emit("Not added", "Those passages are already in the brief.")
            return
        try:  # one item keeps its own wording in the Edit menu ("Add key fact “…”"); more: "Accept N suggestions"
            self.undo_stack.push(AddItem.planned(brief, planned[0]) if len(planned) == 1 else AddItems(brief, planned))
        except BriefError as e:  # the brief changed in between and one of them is taken now: none is added
            self.error.emit("Not added", str(e))
            return
        if retake:
            self.brief_changed()
        self.accepted.emit()
        note = f" ({refused} already in the brief)" if refused else ""
        self.status.emit(f"Added {counted(len(planned), 'suggestion')}{note}", 4000)


def _marked(suggestions) -> list[tuple[int, int]]:
    """The (start, end) spans to mark in the article: facts and assessments, never rhetoric."""
    return [(s.start, s.end) for s in suggestions if s.kind != SuggestionKind.OPINION]
