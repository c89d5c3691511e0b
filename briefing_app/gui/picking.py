"""Picking passages into the brief: the article's selection added as a key fact (Ctrl+1) or an expert
assessment (Ctrl+2, asking who said it), items deleted or sorted, a click in a marked passage selecting its
item, and the article's context menu.

It works on the panes and the window's undo stack, and tells the window the rest by signals
(``error(title, message)``, ``status(message, ms)``); it never imports the window.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack

from ..core.attribution import guess_attribution
from ..core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, SECTIONS, BriefError
from ..core.kinds import Section
from ..core.spans import snap_to_words
from .article_pane import ArticlePane
from .brief_pane import BriefPane
from .dialogs import AssessmentDialog
from .undo_commands import AddItem, RemoveItems, SortItems
from .wording import sentence


class Picking(QObject):
    error = Signal(str, str)
    status = Signal(str, int)

    def __init__(self, article_pane: ArticlePane, brief_pane: BriefPane, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.article_pane, self.brief_pane, self.undo_stack = article_pane, brief_pane, undo_stack
        self.assessment_dialog: AssessmentDialog | None = None
        self.menu_actions: list[QAction] = []  # put before the article's own context menu entries
        self.menu_tail: list[QAction] = []  # and after them
        article_pane.position_clicked.connect(self.article_clicked)
        view = article_pane.view
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self.article_menu)

    def picked_span(self) -> tuple[int, int] | None:
        """The article selection snapped to whole words, in the shown source; None if nothing is selected."""
        start, end = self.article_pane.selection()
        number = self.article_pane.source_number
        if number is None or start == end or self.brief_pane.brief is None:
            return None
        start, end = snap_to_words(self.brief_pane.brief.source(number).text, start, end)
        return (start, end) if start < end else None

    def add_selection(self, section: str) -> None:
        """Ctrl+1 / Ctrl+2: add the selected passage as a key fact or an expert assessment."""
        brief = self.brief_pane.brief
        if brief is None:
            return
        span = self.picked_span()
        if span is None:
            self.error.emit(
                "No passage selected", f"Select a passage in the article, then add it as a {Section(section).noun}."
            )
            return
        number = self.article_pane.source_number
        try:
            brief.make_item(number, *span)  # refuse a taken span before asking anything
        except BriefError as e:
            self.error.emit("Already in the brief", sentence(str(e)))
            return
        if section == KEY_FACTS:
            self._push_item(section, number, span)
            return
        speaker, affiliation = guess_attribution(brief.source(number).text, *span)
        text = brief.source(number).text[span[0] : span[1]]
        dialog = AssessmentDialog(self.article_pane.window(), text, speaker, affiliation)
        dialog.accepted.connect(lambda: self._push_item(section, number, span, *dialog.values()))
        dialog.finished.connect(lambda _: setattr(self, "assessment_dialog", None))
        self.assessment_dialog = dialog
        dialog.open()

    def _push_item(self, section: str, source: int, span: tuple[int, int], speaker: str = "", affiliation: str = ""):
        brief = self.brief_pane.brief
        details = {"speaker": speaker, "affiliation": affiliation} if section == EXPERT_ASSESSMENTS else {}
        try:
            command = AddItem(brief, section, source, *span, **details)
        except BriefError as e:
            self.error.emit("Not added", sentence(str(e)))
            return
        self.undo_stack.push(command)
        self.brief_pane.select_item(command.item.id)
        self.status.emit(f"Added {brief.label(command.item.id)}", 4000)

    def delete_selected(self) -> None:
        ids = self.brief_pane.selected_ids()
        if ids:
            self.brief_pane.push(lambda: RemoveItems(self.brief_pane.brief, ids))

    def sort_current_section(self) -> None:
        """Order the focused list's section (none focused: both) as the passages come in the sources."""
        if self.brief_pane.brief is None:
            return
        focus = self.brief_pane.focused_list()
        sections = [focus.section] if focus else SECTIONS
        self.undo_stack.beginMacro("Sort by place in the article")
        for section in sections:
            self.undo_stack.push(SortItems(self.brief_pane.brief, section))
        self.undo_stack.endMacro()

    def article_clicked(self, offset: int) -> None:
        """A click in a marked passage selects its item in the brief pane."""
        if self.brief_pane.brief is None:
            return
        item = self.brief_pane.brief.item_at(self.article_pane.source_number, offset)
        if item is not None:
            self.brief_pane.select_item(item.id)

    def set_menu_actions(self, first: Iterable[QAction], last: Iterable[QAction]) -> None:
        """The article's context menu: ``first``, a separator, the view's own entries, then ``last``."""
        self.menu_actions, self.menu_tail = list(first), list(last)

    def article_menu(self, pos) -> None:
        view = self.article_pane.view
        menu = view.createStandardContextMenu()
        own = menu.actions()
        menu.insertActions(own[0] if own else None, self.menu_actions)
        if own:
            menu.insertSeparator(own[0])
        menu.addActions(self.menu_tail)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(pos))
