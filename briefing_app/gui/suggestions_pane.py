"""The Suggestions tab: the engine's candidates for the shown source, to accept or reject.

The pane shows and filters; it changes nothing itself. Accepting asks the window
(``accept_requested``), which turns each suggestion into an undoable AddItem. Rejecting hides a
suggestion; the window remembers rejections per article text (``rejections_changed``), and "Restore
rejected" shows them again. Suggestions that overlap an item in the brief are not listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.brief import Brief

if TYPE_CHECKING:  # the engine itself loads on the first suggestion run, not at start-up
    from ..core.suggest import Suggestion

KIND_LABEL = {"key_fact": "Key fact", "expert_assessment": "Assessment", "opinion": "Rhetoric"}
FILTERS = [("All suggestions", None), ("Key facts", "key_fact"), ("Expert assessments", "expert_assessment"),
           ("Rhetoric (not facts)", "opinion")]  # fmt: skip


class SuggestionList(QListWidget):
    """The list: Enter accepts the selected suggestions, Del rejects them."""

    accept_pressed = Signal()
    reject_pressed = Signal()

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
        self._taken: list[tuple[int, int]] = []

        self.status = QLabel("No article")
        self.filter = QComboBox()
        for label, kind in FILTERS:
            self.filter.addItem(label, kind)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.list = SuggestionList()
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.accept_pressed.connect(self.accept_selected)
        self.list.reject_pressed.connect(self.reject_selected)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemSelectionChanged.connect(self._update_buttons)

        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip("Add the selected suggestions to the brief (Enter)")
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton("&Reject")
        self.reject_button.setToolTip("Hide the selected suggestions (Del)")
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_facts_button = QPushButton("Accept all key &facts")
        self.accept_facts_button.clicked.connect(lambda: self.accept_all("key_fact"))
        self.accept_assessments_button = QPushButton("Accept all assess&ments")
        self.accept_assessments_button.clicked.connect(lambda: self.accept_all("expert_assessment"))
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
        self, source_number: int | None, suggestions: list[Suggestion], rejected: set[tuple[int, int]] | None = None
    ) -> None:
        """Show ``suggestions`` for a source, less those ``rejected`` earlier."""
        self.source_number = source_number
        self.suggestions = suggestions
        self.rejected = set(rejected or ())
        self.refresh()

    def set_busy(self, message: str) -> None:
        self.suggestions = []
        self.list.clear()
        self.status.setText(message)
        self._update_buttons()

    def set_taken(self, brief: Brief | None) -> None:
        """Leave out suggestions overlapping an item of the shown source."""
        self._taken = sorted(
            (item.start, item.end)
            for _, item in (brief.all_items() if brief else [])
            if item.source == self.source_number
        )
        self.refresh()

    def open_suggestions(self) -> list[Suggestion]:
        """Those neither rejected nor overlapping an item, whatever the filter."""
        return [s for s in self.suggestions if (s.start, s.end) not in self.rejected and not self._is_taken(s)]

    def shown(self) -> list[Suggestion]:
        """Facts and assessments in reading order, then the rhetoric flagged."""
        kind = self.filter.currentData()
        found = [s for s in self.open_suggestions() if kind is None or s.kind == kind]
        return sorted(found, key=lambda s: (s.kind == "opinion", s.start))

    def _is_taken(self, s: Suggestion) -> bool:
        return any(start < s.end and s.start < end for start, end in self._taken)

    def refresh(self) -> None:
        current = self.list.currentItem()
        keep = current.data(Qt.UserRole) if current else None
        self.list.clear()
        for s in self.shown():
            item = QListWidgetItem(_describe(s))
            item.setData(Qt.UserRole, s)
            item.setToolTip(s.text)
            if s.kind == "opinion":
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if keep is not None and (s.start, s.end) == (keep.start, keep.end):
                self.list.setCurrentItem(item)
        counts = {k: sum(s.kind == k for s in self.open_suggestions()) for k in KIND_LABEL}
        self.status.setText(
            f"{counts['key_fact']} key facts, {counts['expert_assessment']} assessments, "
            f"{counts['opinion']} rhetoric flagged"
        )
        self._update_buttons()

    # --- actions
    def selected(self) -> list[Suggestion]:
        return [item.data(Qt.UserRole) for item in self.list.selectedItems()]

    def accept_selected(self) -> None:
        chosen = [s for s in self.selected() if s.kind != "opinion"]
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

    def accept_all(self, kind: str) -> None:
        chosen = [s for s in self.open_suggestions() if s.kind == kind]
        if chosen:
            self.accept_requested.emit(chosen)

    def _current_changed(self, item, _previous) -> None:
        if item is not None:
            self.suggestion_chosen.emit(item.data(Qt.UserRole))

    def _update_buttons(self) -> None:
        selected = self.selected()
        self.accept_button.setEnabled(any(s.kind != "opinion" for s in selected))
        self.reject_button.setEnabled(bool(selected))
        open_kinds = {s.kind for s in self.open_suggestions()}
        self.accept_facts_button.setEnabled("key_fact" in open_kinds)
        self.accept_assessments_button.setEnabled("expert_assessment" in open_kinds)
        hidden = sum((s.start, s.end) in self.rejected for s in self.suggestions)
        self.restore_button.setEnabled(bool(hidden))
        self.restore_button.setText(f"Restore re&jected ({hidden})" if hidden else "Restore re&jected")


def _describe(s: Suggestion) -> str:
    who = f"\n— {s.speaker}" + (f", {s.affiliation}" if s.affiliation else "") if s.speaker else ""
    again = "  (also stated elsewhere)" if s.group else ""
    return f"{KIND_LABEL[s.kind]} · {s.confidence:.0%}{again}\n{s.text}{who}"
