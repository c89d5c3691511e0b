"""The Suggestions tab: the engine's candidates for the shown source, to accept or reject.

The pane shows and filters; it changes nothing itself. Accepting asks the window
(``accept_requested``), which turns each suggestion into an undoable AddItem. Rejecting hides a
suggestion; the window remembers rejections per article text (``rejections_changed``), and "Restore
rejected" shows them again. Suggestions that overlap an item in the brief are not listed (the brief's span
index says which, :meth:`~briefing_app.core.brief.Brief.is_taken`; the pane keeps no copy of it). After items
come or go, :meth:`SuggestionsPane.retake` asks again only for the suggestions their spans touch: accepting
3,000 of the 29,000 suggestions of an 8 MB article looks at those 3,000, not at all 29,000.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.brief import Brief
from ..core.kinds import SuggestionKind
from . import roles
from .dialogs import plain_tooltip
from .focus_frame import FocusFrameDelegate
from .wording import counted

if TYPE_CHECKING:  # the engine itself loads on the first suggestion run, not at start-up
    from ..core.suggest import Suggestion

KIND_LABEL = {SuggestionKind.KEY_FACT: "Key fact", SuggestionKind.EXPERT_ASSESSMENT: "Assessment",
              SuggestionKind.OPINION: "Rhetoric"}  # fmt: skip
FILTERS = [("All suggestions", None), ("Key facts", SuggestionKind.KEY_FACT),
           ("Expert assessments", SuggestionKind.EXPERT_ASSESSMENT),
           ("Rhetoric (not facts)", SuggestionKind.OPINION)]  # fmt: skip


class SuggestionModel(QAbstractListModel):
    """The listed suggestions. A model, not a QListWidget: a 10 MB article has tens of thousands of
    them, and a view paints only the rows on screen."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Suggestion] = []
        self.muted = None  # the brush rhetoric is drawn with

    def set_rows(self, rows: list[Suggestion]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=roles.DISPLAY):
        s = self.rows[index.row()]
        if role == roles.DISPLAY:
            return _describe(s)
        if role == roles.TOOLTIP:
            return plain_tooltip(s.text)
        if role == roles.FOREGROUND and s.kind == SuggestionKind.OPINION:
            return self.muted
        if role == roles.USER:
            return s
        return None


class SuggestionList(QListView):
    """The list: Enter accepts the selected suggestions (none selected: the current one), Del rejects them."""

    accept_pressed = Signal()
    reject_pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setModel(SuggestionModel(self))
        self.model().muted = self.palette().placeholderText()
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setLayoutMode(QListView.Batched)  # rows are measured a batch at a time, between events
        self.setBatchSize(200)
        self.setItemDelegate(FocusFrameDelegate(self))

    def count(self) -> int:
        return self.model().rowCount()

    def suggestion_at(self, row: int) -> Suggestion:
        return self.model().rows[row]

    def currentRow(self) -> int:
        return self.currentIndex().row()

    def setCurrentRow(self, row: int) -> None:
        if 0 <= row < self.count():
            self.selectionModel().setCurrentIndex(self.model().index(row), QItemSelectionModel.ClearAndSelect)

    def selected(self) -> list[Suggestion]:
        """The selected rows; with none selected, the current row (the one Tab or the arrows landed on,
        framed), so Enter and Del act on what the keyboard user sees."""
        rows = self.model().rows
        chosen = [rows[i.row()] for i in sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())]
        if not chosen and 0 <= self.currentRow() < len(rows):
            chosen = [rows[self.currentRow()]]
        return chosen

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.accept_pressed.emit()
        elif event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            self.reject_pressed.emit()
        else:
            super().keyPressEvent(event)


class SuggestionsPane(QWidget):
    accept_requested = Signal(list)  # of Suggestion
    suggestion_chosen = Signal(object)  # a Suggestion, to show in the article
    rejections_changed = Signal(object)  # the set of rejected (start, end) spans of the shown source

    def __init__(self) -> None:
        super().__init__()
        self.source_number: int | None = None
        self.suggestions: list[Suggestion] = []
        self.rejected: set[tuple[int, int]] = set()
        self._brief: Brief | None = None  # asked which suggestions an item overlaps
        self._quiet = False  # True while the list is rebuilt: no suggestion_chosen then

        self.status = QLabel("No article")
        self.status.setTextFormat(Qt.PlainText)  # it may quote an error about the article
        self.status.setWordWrap(True)  # the counts never hold the side pane wide in a small window
        self.filter = QComboBox()
        for label, kind in FILTERS:
            self.filter.addItem(label, kind)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.list = SuggestionList()
        self.list.accept_pressed.connect(self.accept_selected)
        self.list.reject_pressed.connect(self.reject_selected)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self._open: list[Suggestion] = []  # neither rejected nor taken, in the engine's order
        self._is_open: list[bool] = []  # for each of self.suggestions
        self._open_counts: Counter = Counter()  # of self._open, by kind
        self._by_start: list[int] = []  # indexes of self.suggestions, in the order of their starts
        self._starts: list[int] = []  # their starts, in that order
        self._longest = 0  # the longest suggestion: how far before a span one that overlaps it may start

        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip("Add the selected suggestions to the brief (Enter)")
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton("&Reject")
        self.reject_button.setToolTip("Hide the selected suggestions (Del)")
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_facts_button = QPushButton("Accept all key &facts")
        self.accept_facts_button.clicked.connect(lambda: self.accept_all(SuggestionKind.KEY_FACT))
        self.accept_assessments_button = QPushButton("Accept all assess&ments")
        self.accept_assessments_button.clicked.connect(lambda: self.accept_all(SuggestionKind.EXPERT_ASSESSMENT))
        self.restore_button = QPushButton("Restore re&jected")
        self.restore_button.setToolTip("List the suggestions rejected in this article again")
        self.restore_button.clicked.connect(self.restore_rejected)

        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.status, 1)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        all_row = QHBoxLayout()
        all_row.addWidget(self.accept_facts_button)
        all_row.addWidget(self.accept_assessments_button)
        all_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addLayout(all_row)
        self._update_buttons()

    # --- content
    def set_suggestions(
        self,
        source_number: int | None,
        suggestions: list[Suggestion],
        rejected: set[tuple[int, int]] | None = None,
        brief: Brief | None = None,
    ) -> None:
        """Show ``suggestions`` for a source, less those ``rejected`` earlier and those overlapping an
        item of ``brief``."""
        self.source_number = source_number
        self.suggestions = suggestions
        self.rejected = set(rejected or ())
        self._brief = brief
        self._by_start = sorted(range(len(suggestions)), key=lambda i: suggestions[i].start)
        self._starts = [suggestions[i].start for i in self._by_start]
        self._longest = max((s.end - s.start for s in suggestions), default=0)
        self.refresh()

    def set_busy(self, message: str) -> None:
        self.set_suggestions(self.source_number, [], self.rejected, self._brief)
        self.status.setText(message)
        self._update_buttons()

    def set_taken(self, brief: Brief | None) -> None:
        """Leave out suggestions overlapping an item of the shown source."""
        self._brief = brief
        self.refresh()

    def open_suggestions(self) -> list[Suggestion]:
        """Those neither rejected nor overlapping an item, whatever the filter."""
        return list(self._open)

    def shown(self) -> list[Suggestion]:
        """Facts and assessments in reading order, then the rhetoric flagged."""
        return list(self.list.model().rows)

    def _is_taken(self, s: Suggestion) -> bool:
        brief, number = self._brief, self.source_number
        return brief is not None and number is not None and brief.is_taken(number, s.start, s.end)

    def refresh(self) -> None:
        """Work out again, for every suggestion, whether it is open (neither rejected nor taken), and list them."""
        self._is_open = [(s.start, s.end) not in self.rejected and not self._is_taken(s) for s in self.suggestions]
        self._open = [s for s, is_open in zip(self.suggestions, self._is_open, strict=True) if is_open]
        kind = self.filter.currentData()
        self._show_rows(sorted((s for s in self._open if kind is None or s.kind == kind), key=_row_order))

    def retake(self, spans: Iterable[tuple[int, int]]) -> tuple[list[Suggestion], list[Suggestion]]:
        """Items of the shown source came or went at ``spans`` (start, end): ask again whether the suggestions
        those spans overlap are taken, and only those. Returns the suggestions no longer open and those open
        again."""
        touched: set[int] = set()
        for start, end in spans:
            i = bisect.bisect_left(self._starts, start - self._longest)
            while i < len(self._starts) and self._starts[i] < end:
                s = self.suggestions[self._by_start[i]]
                if s.end > start:
                    touched.add(self._by_start[i])
                i += 1
        closed, opened = [], []
        for i in sorted(touched):
            s = self.suggestions[i]
            is_open = (s.start, s.end) not in self.rejected and not self._is_taken(s)
            if is_open != self._is_open[i]:
                self._is_open[i] = is_open
                (opened if is_open else closed).append(s)
        if closed or opened:
            self._open = [s for s, is_open in zip(self.suggestions, self._is_open, strict=True) if is_open]
            kind = self.filter.currentData()
            gone = {id(s) for s in closed}
            rows = [s for s in self.list.model().rows if id(s) not in gone]
            back = sorted((s for s in opened if kind is None or s.kind == kind), key=_row_order)
            self._show_rows(list(heapq.merge(rows, back, key=_row_order)) if back else rows)
        return closed, opened

    def _show_rows(self, rows: list[Suggestion]) -> None:
        row = self.list.currentRow()
        keep = self.list.suggestion_at(row) if row >= 0 else None
        # the list is rebuilt after every change to the brief: keeping its current row must not move the
        # article's selection, which belongs to the user (the next Ctrl+1 adds what they selected)
        self._quiet = True
        try:
            self.list.model().set_rows(rows)
            if keep is not None:  # the same suggestion; if it went (accepted), the one now in its place
                found = next((i for i, s in enumerate(rows) if (s.start, s.end) == (keep.start, keep.end)), None)
                self.list.setCurrentRow(min(row, len(rows) - 1) if found is None else found)
        finally:
            self._quiet = False
        self._open_counts = counts = Counter(s.kind for s in self._open)
        self.status.setText(
            f"{counted(counts[SuggestionKind.KEY_FACT], 'key fact')}, "
            f"{counted(counts[SuggestionKind.EXPERT_ASSESSMENT], 'assessment')}, "
            f"{counts[SuggestionKind.OPINION]:,} flagged as rhetoric"
        )
        self._update_buttons()

    # --- actions
    def selected(self) -> list[Suggestion]:
        return self.list.selected()

    def accept_selected(self) -> None:
        chosen = [s for s in self.selected() if s.kind != SuggestionKind.OPINION]
        if chosen:
            row = self.list.currentRow()
            self.accept_requested.emit(chosen)
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def reject_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        row = self.list.currentRow()
        self.rejected.update((s.start, s.end) for s in chosen)
        self.refresh()
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.rejections_changed.emit(set(self.rejected))

    def restore_rejected(self) -> None:
        if self.rejected:
            self.rejected.clear()
            self.refresh()
            self.rejections_changed.emit(set())

    def accept_all(self, kind: SuggestionKind) -> None:
        chosen = [s for s in self.open_suggestions() if s.kind == kind]
        if chosen:
            self.accept_requested.emit(chosen)

    def _current_changed(self, index, _previous) -> None:
        if index.isValid() and not self._quiet:
            self.suggestion_chosen.emit(self.list.suggestion_at(index.row()))

    def _update_buttons(self) -> None:
        selected = self.selected()
        self.accept_button.setEnabled(any(s.kind != SuggestionKind.OPINION for s in selected))
        self.reject_button.setEnabled(bool(selected))
        self.accept_facts_button.setEnabled(self._open_counts[SuggestionKind.KEY_FACT] > 0)
        self.accept_assessments_button.setEnabled(self._open_counts[SuggestionKind.EXPERT_ASSESSMENT] > 0)
        hidden = sum((s.start, s.end) in self.rejected for s in self.suggestions) if self.rejected else 0
        self.restore_button.setEnabled(bool(hidden))
        self.restore_button.setText(f"Restore re&jected ({hidden})" if hidden else "Restore re&jected")


def _row_order(s: Suggestion) -> tuple[bool, int]:
    """Facts and assessments in reading order, then the rhetoric flagged."""
    return s.kind == SuggestionKind.OPINION, s.start


def _describe(s: Suggestion) -> str:
    who = f"\n— {s.speaker}" + (f", {s.affiliation}" if s.affiliation else "") if s.speaker else ""
    again = "  (also stated elsewhere)" if s.group else ""
    return f"{KIND_LABEL[s.kind]} · {s.confidence:.0%}{again}\n{s.text}{who}"
