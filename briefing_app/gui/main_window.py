"""The main window: the article on the left, the brief on the right, the actions that join them.

The window is a shell: it builds the panes, menus, toolbar and status bar and wires them to the controllers
that do the work, which report back by signals and never import it: files (:mod:`.files_controller`:
opening, saving, recovery), suggestions (:mod:`.suggestions_controller`), picking passages
(:mod:`.picking`) and what is made for others (:mod:`.outputs`). Every change to the brief is a command on
the window's undo stack, and the "modified" mark is the stack's clean state.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QToolBar

from ..core.brief import EXPERT_ASSESSMENTS, KEY_FACTS
from ..core.document import Document
from ..core.kinds import ChangeKind
from ..core.rejections import Rejections
from ..resources import resource
from .actions import make_action
from .article_pane import ArticlePane
from .autosave import app_data_folder
from .brief_pane import BriefPane
from .dialogs import plain_box, plain_tooltip
from .files_controller import FilesController
from .heap import HeapKeeper
from .outputs import Outputs
from .picking import Picking
from .review_pane import ReviewPane
from .suggestions_controller import SUGGEST_DELAY_MS, SuggestionsController
from .suggestions_pane import SuggestionsPane
from .wording import sentence

APP_NAME = "briefing-app"
GEOMETRY_KEY, SPLITTER_KEY = "window/geometry", "window/splitter"


def unique_keys(bindings: list[QKeySequence], *extra: str) -> list[QKeySequence]:
    """``bindings`` then ``extra``, each key sequence once."""
    keys: list[QKeySequence] = []
    for key in [*bindings, *(QKeySequence(e) for e in extra)]:
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


class MainWindow(QMainWindow):
    """One window, one brief. ``error_reported`` carries every message shown to the user."""

    error_reported = Signal(str)
    export_finished = Signal(object)  # ExportResult, after the status bar says where the file went
    document_changed = Signal()  # another brief is now shown (opened, new, restored)
    saved = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.resize(1280, 760)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self._unsubscribe = None
        self.export_dialog: QFileDialog | None = None
        self.prompt: QMessageBox | None = None  # the question on screen, if any

        self.article_pane = ArticlePane()
        self.article_view = self.article_pane.view
        self.title_label, self.meta_label = self.article_pane.title_label, self.article_pane.meta_label
        self.brief_pane = BriefPane(self.undo_stack)
        self.suggestions_pane = SuggestionsPane()
        self.brief_pane.addTab(self.suggestions_pane, "Su&ggestions")
        self.review_pane = ReviewPane(self)  # the Review tab, live (see review_pane.py)
        # the focus frames of the lists: on the lists alone (a style sheet on the whole pane, or the app,
        # would restyle every child and dialog, and cost 0.15 s at start-up)
        style = resource("window.qss").read_text(encoding="utf-8")
        for view in (*self.brief_pane.lists.values(), self.suggestions_pane.list, self.review_pane.list):
            view.setStyleSheet(style)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.article_pane)
        self.splitter.addWidget(self.brief_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.article_pane.source_picked.connect(self.show_source)
        self.brief_pane.error.connect(lambda message: self.report_error("Not changed", message))
        self.brief_pane.cut.connect(lambda message: self.report_error("Text cut to fit", message))
        self.brief_pane.item_chosen.connect(self.show_item)
        self.brief_pane.source_chosen.connect(self.show_source)
        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(0)
        self._marks_timer.timeout.connect(self._mark_items)  # the suggestions follow by themselves

        # the controllers; each tells the window what to show by signals
        self.files = FilesController(self.undo_stack, self)
        self.suggest = SuggestionsController(self.suggestions_pane, self.undo_stack,
                                             Rejections(app_data_folder() / "rejected"), self,
                                             settling=self.brief_pane.laying_out)  # fmt: skip
        self.picking = Picking(self.article_pane, self.brief_pane, self.undo_stack, self)
        for controller in (self.files, self.suggest, self.picking):
            controller.error.connect(self.report_error)
            controller.status.connect(self.statusBar().showMessage)
        self.files.watch_drops(self)
        self.files.document_opened.connect(self._show_document)
        self.files.source_added.connect(self.show_source)
        self.files.saved.connect(self.saved)
        self.files.prompt_changed.connect(partial(setattr, self, "prompt"))
        self.files.flush_requested.connect(self.brief_pane.commit_pending)
        self.autosaver, self.load_progress = self.files.autosaver, self.files.progress
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(sentence(message), 10_000))
        self.suggest.marks_changed.connect(self.article_pane.mark_suggestions)
        self.suggest.marks_updated.connect(self.article_pane.remark_suggestions)
        self.suggestions_pane.suggestion_chosen.connect(lambda s: self.article_pane.select_span(s.start, s.end))
        self.heap = HeapKeeper(self)  # a new document's objects and its suggestions: out of the collector's way
        self.files.document_opened.connect(self.heap.collect_soon)
        self.suggest.marks_changed.connect(self.heap.freeze)
        # what app.py, the benchmarks and the tests reach through the window
        f, g = self.files, self.suggest
        self.set_document, self.open_path, self.open_article, self.open_brief = (
            f.set_document, f.open_path, f.open_article, f.open_brief)  # fmt: skip
        self.add_source_file, self.offer_recovery, self.save_to = f.add_source_file, f.offer_recovery, f.save_to
        self.suggestions, self.suggesting, self.rejections = g.suggestions, g.suggesting, g.rejections
        # exports in every format, the signing certificate, Copy brief (see outputs.py)
        self.outputs = Outputs(self)
        self.export_action, self.copy_action = self.outputs.export_action, self.outputs.copy_action
        self.export_progress, self.open_pdf_button = self.outputs.progress, self.outputs.open_button
        self.page_size = self.outputs.page_size
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._restore_layout()
        self.set_document(None)

    # --- building
    def _make_actions(self) -> None:
        a, f, picking = partial(make_action, self), self.files, self.picking
        self.new_action = a("&New brief from article…", f.choose_new_article, QKeySequence.New,
                            "Start a new brief on an article")  # fmt: skip
        self.open_action = a("&Open…", f.choose_file, QKeySequence.Open, "Open a brief, or an article for a new brief")
        self.add_source_action = a("Add &source…", f.choose_source, None, "Add another article to this brief")
        self.paste_action = a("New brief from &pasted text", f.paste_article, "Ctrl+Shift+V",
                              "Start a new brief on the text in the clipboard")  # fmt: skip
        self.save_action = a("&Save", f.save, QKeySequence.Save, "Save the brief")
        self.save_as_action = a("Save &As…", f.save_as, QKeySequence.SaveAs, "Save the brief to another file")
        self.reopen_encoding_action = a("Reopen with &encoding…", lambda: f.choose_encoding(self.article_view.article),
                                        None, "Read the article again in an encoding you choose")  # fmt: skip
        self.quit_action = a("&Quit", self.close, QKeySequence.Quit)
        self.quit_action.setMenuRole(QAction.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        # the platform's Redo keys plus the two every user tries; a key listed twice makes Qt call the
        # shortcut ambiguous and do nothing (xcb's Redo already holds Ctrl+Shift+Z)
        redo_keys = unique_keys(QKeySequence.keyBindings(QKeySequence.Redo), "Ctrl+Shift+Z", "Ctrl+Y")
        self.redo_action.setShortcuts(redo_keys)
        # the toolbar shows a fixed label (its buttons would jump sideways as "Undo Add key fact …" changes);
        # what would be undone is in the menu entry and the tooltip
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        self.undo_stack.undoTextChanged.connect(self._update_undo_tips)
        self.undo_stack.redoTextChanged.connect(self._update_undo_tips)
        self._update_undo_tips()
        self.add_fact_action = a("Add as &key fact", lambda: picking.add_selection(KEY_FACTS), "Ctrl+1",
                                 "Add the selected passage as a key fact")  # fmt: skip
        self.add_assessment_action = a("Add as expert &assessment", lambda: picking.add_selection(EXPERT_ASSESSMENTS),
                                       "Ctrl+2", "Add the selected passage as an expert assessment")  # fmt: skip
        self.find_action = a("&Find…", self.article_pane.find_bar.open_bar, QKeySequence.Find, "Find in the article")
        self.delete_action = a("&Delete item", picking.delete_selected, QKeySequence.Delete,
                               "Delete the selected items")  # fmt: skip
        self.move_up_action = a("Move item &up", lambda: self.brief_pane.move_current(-1), "Alt+Up")
        self.move_down_action = a("Move item do&wn", lambda: self.brief_pane.move_current(1), "Alt+Down")
        self.move_section_action = a("Move to the &other section", self.brief_pane.move_to_other_section, "Ctrl+M",
                                     "Move the selected items between key facts and expert assessments")  # fmt: skip
        self.sort_action = a("&Sort by place in the article", picking.sort_current_section, None,
                             "Order the section as its passages come in the sources")  # fmt: skip
        # item actions act on the lists only, so Del and Alt+arrows keep their meaning in text fields
        for action in (self.delete_action, self.move_up_action, self.move_down_action, self.move_section_action):
            action.setShortcutContext(Qt.WidgetShortcut)
            for item_list in self.brief_pane.lists.values():
                item_list.addAction(action)
        for item_list in self.brief_pane.lists.values():
            item_list.setContextMenuPolicy(Qt.ActionsContextMenu)
            item_list.addAction(self.sort_action)
        picking.set_menu_actions([self.add_fact_action, self.add_assessment_action], [self.find_action])

    def _update_undo_tips(self, *_: object) -> None:
        for action, verb, text in ((self.undo_action, "Undo", self.undo_stack.undoText()),
                                   (self.redo_action, "Redo", self.undo_stack.redoText())):  # fmt: skip
            keys = action.shortcut().toString(QKeySequence.NativeText)
            tip = f"{verb} {text}" if text else f"Nothing to {verb.lower()}"
            action.setToolTip(plain_tooltip(f"{tip} ({keys})" if keys else tip))  # it quotes the item's text

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        file_menu.addActions([self.paste_action, self.add_source_action, self.reopen_encoding_action])
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        self.outputs.add_to_file_menu(file_menu)
        self.page_size_actions = self.outputs.page_size_actions
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_fact_action, self.add_assessment_action, self.find_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.move_up_action, self.move_down_action,
                              self.move_section_action, self.sort_action])  # fmt: skip
        self.about_action = make_action(self, f"&About {APP_NAME}", self._show_about, None,
                                        "The version, and where the log file is")  # fmt: skip
        self.about_action.setMenuRole(QAction.AboutRole)
        self.menuBar().addMenu("&Help").addAction(self.about_action)

    def _show_about(self) -> None:
        from .about import show_about  # loaded when asked for, not at start-up (it imports platform ...)

        show_about(self)

    def _make_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.addActions([self.add_fact_action, self.add_assessment_action])
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action])
        bar.addSeparator()
        bar.addActions([self.save_action, self.export_action])
        self.addToolBar(bar)
        self.toolbar = bar

    def _make_status_bar(self) -> None:
        for widget in (self.load_progress, self.files.loads.cancel_button, self.export_progress,
                       self.outputs.exports.cancel_button, self.open_pdf_button):  # fmt: skip
            self.statusBar().addPermanentWidget(widget)  # a Cancel button shows while its job can be cancelled

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value(GEOMETRY_KEY), settings.value(SPLITTER_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([740, 540])

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    # --- the document shown
    @property
    def document(self) -> Document | None:
        """The open brief and its file (the files controller's; ``set_document`` shows another)."""
        return self.files.document

    @property
    def modified(self) -> bool:
        return self.files.modified

    def _show_document(self, document: Document | None, _modified: bool = False) -> None:
        """Show the document the files controller opened (None: nothing open); its undo history is fresh."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if document is not None:
            self._unsubscribe = document.brief.subscribe(self._brief_changed)
        self.brief_pane.set_brief(document.brief if document else None)
        self.article_pane.source_number = None  # the new brief's source 1 is another text
        self.show_source(1 if document and document.brief.sources else None)
        for action in (self.save_action, self.save_as_action, self.add_source_action, self.add_fact_action,
                       self.add_assessment_action):  # fmt: skip
            action.setEnabled(document is not None)
        self._update_title()
        self.document_changed.emit()

    def _brief_changed(self, change) -> None:
        if change.what == ChangeKind.SOURCES:
            self._update_source_picker()
            self._reshow_source()
            number = self.article_pane.source_number
            if number and self.article_view.article is not None:  # a source's title, publisher or date edited
                self.article_pane.describe_source(self.document.brief.source(number), self.article_view.article)
        if change.what in (ChangeKind.ITEMS, ChangeKind.ITEM, ChangeKind.SOURCES):
            self._marks_timer.start()  # once per burst of changes
        if change.what == ChangeKind.FIELD and change.name == "title":
            self._update_title()

    def update_marks(self) -> None:
        """Mark the brief's passages in the article now (otherwise done once the event loop runs), and
        list only the suggestions no item overlaps."""
        self._mark_items()
        self.suggest.brief_changed()

    def _mark_items(self) -> None:
        self._marks_timer.stop()
        if self.document is not None:
            self.article_pane.show_marks(self.document.brief)

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_NAME)
            return
        try:
            mark = "*" if self.modified else ""
        except RuntimeError:  # the stack clears itself while the window is destroyed
            return
        self.setWindowTitle(f"{mark}{self.document.brief.title or 'Untitled brief'} — {APP_NAME}")

    def _update_source_picker(self) -> None:
        sources = self.document.brief.sources if self.document else ()
        self.article_pane.set_sources([s.title for s in sources])

    def show_source(self, number: int | None) -> None:
        """Show source ``number`` of the brief in the article pane."""
        brief = self.document.brief if self.document else None
        if brief is None or not number or number > len(brief.sources):
            self.article_pane.show_article(None, None)
            self._update_source_picker()
            self.suggest.show(brief, None)
            return
        if number == self.article_pane.source_number and self.article_view.article is not None:
            return
        source = brief.source(number)
        self.article_pane.source_number = number
        self._update_source_picker()
        self.article_pane.show_article(source, number, source.encoding)  # a source is the article as it was read
        self.article_pane.describe_source(source, source)
        self.article_pane.show_marks(brief)
        self.brief_pane.show_source(number)
        self.suggest.show(brief, number)

    def _reshow_source(self) -> None:
        """After sources were added or removed: keep showing the same text, or the nearest source left."""
        sources = self.document.brief.sources
        shown = self.article_view.article
        number = self.article_pane.source_number
        if shown is not None and number and number <= len(sources) and sources[number - 1].text == shown.text:
            return
        same = next((n for n, s in enumerate(sources, 1) if shown is not None and s.text == shown.text), None)
        self.article_pane.source_number = None
        self.show_source(same or min(number or 1, len(sources)))

    def show_item(self, item) -> None:
        """Scroll the article to ``item``'s passage (switching source if needed) and select it."""
        self.show_source(item.source)
        self.article_pane.select_span(item.start, item.end)

    # --- closing
    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(SUGGEST_DELAY_MS, self.suggest.start)  # once the window is up (see suggest.show)

    def closeEvent(self, event) -> None:
        if not self.files.may_close(self.close):  # it asks about unsaved changes, then closes
            event.ignore()
            return
        self.outputs.exports.wait()  # let a running export finish writing its file
        for runner in (self.files.loads, self.review_pane.runner, self.suggesting):
            if runner.busy and runner.job.cancellable:  # a worker process: its answer would go nowhere now, and
                runner.cancel()  # one still being handed its work would die with a traceback as the app exits
                runner.wait()
        self._save_layout()
        self.heap.stop()
        self.autosaver.release()  # a copy still on disk is an orphan now, offered at the next start
        super().closeEvent(event)

    # --- messages
    def report_error(self, title: str, message: str) -> None:
        """Show ``message`` without blocking (tests and the event loop go on) and announce it."""
        message = sentence(message)  # the model's messages ("that passage is …") start lower-case
        box = plain_box(QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self))  # a file's words
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_reported.emit(message)
