"""The suggestions behind the Suggestions tab: worked out once per source text in a worker thread,
listed for the source shown, rejections remembered per text, accepted as one undoable step.

The controller drives its :class:`~.suggestions_pane.SuggestionsPane` and pushes its commands on the
window's undo stack; it tells the window the rest by signals (the spans to mark in the article, errors and
status messages) and never imports it. Accepting goes through :func:`briefing_app.core.workbench.plan_acceptance`,
the same plan ``briefing-app new --accept-suggestions`` applies.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core.brief import Brief
from ..core.errors import BriefingError
from ..core.kinds import SuggestionKind
from ..core.rejections import Rejections
from .jobs import Job, JobRunner
from .suggestions_pane import SuggestionsPane
from .undo_commands import AddItem
from .wording import counted, sentence

SUGGEST_DELAY_MS = 300


def suggestions_for(sha: str, text: str, title_line: bool, progress=None) -> tuple[str, list]:
    """The engine's suggestions for one source; runs in a worker thread, which also pays for its
    import (the word lists compile then), so the first paint never waits for it."""
    from ..core.suggest import suggest

    return sha, suggest(text, title_line)


class SuggestionsController(QObject):
    """``marks_changed(spans)``: the (start, end) offsets of the open suggestions of the shown source (no
    rhetoric), to mark in the article; ``accepted()`` after suggestions became items; ``error(title, message)``
    and ``status(message, ms)`` for the user."""

    marks_changed = Signal(list)
    accepted = Signal()
    error = Signal(str, str)
    status = Signal(str, int)

    def __init__(self, pane: SuggestionsPane, undo_stack: QUndoStack, rejections: Rejections, parent=None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.undo_stack = undo_stack
        self.rejections = rejections
        self.suggestions: dict[str, list] = {}  # by source text (SHA-256): worked out once per text
        self.brief: Brief | None = None
        self.number: int | None = None  # the source shown
        self.suggesting = JobRunner(self)
        self.suggesting.finished.connect(self._done)
        pane.accept_requested.connect(self.accept)
        pane.rejections_changed.connect(self._remember_rejections)

    def show(self, brief: Brief | None, number: int | None) -> None:
        """List and mark the suggestions for source ``number`` of ``brief``, working them out first if needed
        (once the pane's window is on screen: the worker holds the GIL much of the time and must never
        delay the article's first paint)."""
        self.brief, self.number = brief, number if brief is not None else None
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
        if self.pane.window().isVisible():
            QTimer.singleShot(SUGGEST_DELAY_MS, self.start)
        # else the window starts it once it is shown (see start)

    def start(self) -> None:
        """Work out the shown source's suggestions in a worker thread, unless known or under way."""
        if self.suggesting.busy or self.brief is None or not self.number:
            return
        source = self.brief.source(self.number)
        if source.sha256 not in self.suggestions:
            work = partial(suggestions_for, source.sha256, source.text, source.title_line)
            self.suggesting.start(Job("suggesting", work))

    def _done(self, job: Job) -> None:
        if job.error is not None:
            self.pane.set_busy(f"No suggestions. {sentence(job.error)}")
            return
        sha, found = job.result
        self.suggestions[sha] = found
        self.show(self.brief, self.number)  # the source shown now, which may be another one by now

    def brief_changed(self) -> None:
        """Items were added, moved or removed: list only the suggestions no item overlaps."""
        self.pane.set_taken(self.brief)
        self.mark()

    def mark(self) -> None:
        spans = [(s.start, s.end) for s in self.pane.open_suggestions() if s.kind != SuggestionKind.OPINION]
        self.marks_changed.emit(spans)

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
        """Each chosen suggestion becomes an item (with its speaker), all in one undoable step."""
        from ..core.workbench import plan_acceptance

        number = self.pane.source_number
        if self.brief is None or not number:
            return
        planned, refused = plan_acceptance(self.brief, number, chosen)
        commands = [AddItem.planned(self.brief, p) for p in planned]
        if not commands:
            self.error.emit("Not added", "Those passages are already in the brief.")
            return
        if len(commands) == 1:
            self.undo_stack.push(commands[0])
        else:
            self.undo_stack.beginMacro(f"Accept {len(commands)} suggestions")
            for command in commands:
                self.undo_stack.push(command)
            self.undo_stack.endMacro()
        self.brief_changed()  # the accepted ones leave the list at once, not on the next redraw
        self.accepted.emit()
        note = f" ({refused} already in the brief)" if refused else ""
        self.status.emit(f"Added {counted(len(commands), 'suggestion')}{note}", 4000)
