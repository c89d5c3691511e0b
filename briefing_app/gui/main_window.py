"""The main window: the article on the left, the brief on the right, the actions that join them.

The window holds a :class:`~briefing_app.core.document.Document` (the brief and its file) and an undo
stack; every change to the brief is a command on that stack, and the "modified" mark is the stack's
clean state. Files (opening, saving, recent files, drops, pasted text, recovery) live here too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
)

from ..core.article import Article
from ..core.attribution import guess_attribution
from ..core.brief import EXPERT_ASSESSMENTS, ITEM_NOUN, KEY_FACTS, BriefError, Source
from ..core.brief_file import SUFFIX as BRIEF_SUFFIX
from ..core.brief_file import ChangedOnDisk, load_brief, pdf_has_brief
from ..core.document import Document
from ..core.errors import BriefingError
from ..core.loaders import FILE_FILTER, article_from_paste, load_article
from ..core.loaders.work import article_is_slow, brief_is_slow
from ..core.recovery import discard_orphan, restore_recovery
from ..core.rejections import Rejections
from ..core.spans import snap_to_words
from ..resources import resource
from .actions import make_action
from .article_pane import ArticlePane
from .autosave import Autosaver, app_data_folder, pending_recoveries
from .brief_pane import BriefPane
from .dialogs import AssessmentDialog, ask_broken_recovery, ask_restore, ask_unsaved, plain_box, plain_tooltip
from .highlighter import SUGGESTION
from .jobs import Job, JobRunner
from .outputs import Outputs
from .recent_files import forget_file, recent_files, remember_file
from .review_pane import ReviewPane
from .source_files import remembering, source_file
from .suggestions_pane import SuggestionsPane
from .undo_commands import AddItem, AddSource, RemoveItems, SortItems
from .wording import counted, local_time, sentence

APP_NAME = "briefing-app"
GEOMETRY_KEY, SPLITTER_KEY = "window/geometry", "window/splitter"
BRIEF_FILTER = f"Briefs (*{BRIEF_SUFFIX})"
OPEN_FILTER = (
    f"Briefs and articles (*{BRIEF_SUFFIX} *.txt *.md *.text *.html *.htm *.pdf *.docx);;{BRIEF_FILTER};;{FILE_FILTER}"
)
COMMON_ENCODINGS = ["utf-8", "cp1252", "iso-8859-1", "cp1251", "koi8-r", "iso-8859-2", "cp1250", "utf-16",
                    "shift_jis", "euc-kr", "gb18030", "big5", "mac_roman"]  # fmt: skip


SUGGEST_DELAY_MS = 300


def _suggestions_for(sha: str, text: str, title_line: bool, progress=None) -> tuple[str, list]:
    """The engine's suggestions for one source; runs in a worker thread, which also pays for its
    import (the word lists compile then), so the first paint never waits for it."""
    from ..core.suggest import suggest

    return sha, suggest(text, title_line)


def default_folder() -> Path:
    """Where a first save or export is offered: the user's documents folder if it exists, else home.
    (Qt names ~/Documents even on a profile without one, and a dialog on a missing folder shows home with
    the name field holding "Documents/<title>.brief", which then fails to save.)"""
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


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
        self.setAcceptDrops(True)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.document: Document | None = None
        # articles loaded in this session by their text's SHA-256: shown as loaded (with their author and
        # encoding) instead of being rebuilt from the brief's source, which for 10 MB costs a second pass
        self.articles: dict[str, Article] = {}
        self._unsubscribe = None
        self._closing = False
        self.export_dialog: QFileDialog | None = None
        self.save_dialog: QFileDialog | None = None
        self.prompt: QMessageBox | None = None  # the question on screen, if any
        self.assessment_dialog: AssessmentDialog | None = None

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
        # suggestions by source text (SHA-256): worked out once per text, off the GUI thread
        self.suggestions: dict[str, list] = {}
        self.rejections = Rejections(app_data_folder() / "rejected")
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.article_pane)
        self.splitter.addWidget(self.brief_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.article_pane.source_picked.connect(self.show_source)
        self.article_pane.position_clicked.connect(self._article_clicked)
        self.brief_pane.error.connect(lambda message: self.report_error("Not changed", message))
        self.brief_pane.cut.connect(lambda message: self.report_error("Text cut to fit", message))
        self.brief_pane.item_chosen.connect(self.show_item)
        self.brief_pane.source_chosen.connect(self.show_source)

        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(0)
        self._marks_timer.timeout.connect(self.update_marks)
        self.autosaver = Autosaver(self.undo_stack, self)
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(sentence(message), 10_000))
        # exports in every format, the signing certificate, Copy brief (see outputs.py)
        self.outputs = Outputs(self)
        self.export_action, self.copy_action = self.outputs.export_action, self.outputs.copy_action
        self.export_progress, self.open_pdf_button = self.outputs.progress, self.outputs.open_button
        self.page_size = self.outputs.page_size
        self.loads = JobRunner(self)
        self.loads.progressed.connect(lambda percent: self.load_progress.setValue(percent))
        self.loads.finished.connect(self._load_done)
        self.suggesting = JobRunner(self)
        self.suggesting.finished.connect(self._suggestions_done)
        self.suggestions_pane.accept_requested.connect(self.accept_suggestions)
        self.suggestions_pane.rejections_changed.connect(self._remember_rejections)
        self.suggestions_pane.suggestion_chosen.connect(lambda s: self.article_pane.select_span(s.start, s.end))
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._restore_layout()
        self.set_document(None)

    # --- building
    def _make_actions(self) -> None:
        a = partial(make_action, self)
        self.new_action = a("&New brief from article…", self.choose_new_article, QKeySequence.New,
                            "Start a new brief on an article")  # fmt: skip
        self.open_action = a(
            "&Open…", self.choose_file, QKeySequence.Open, "Open a brief, or an article for a new brief"
        )
        self.add_source_action = a("Add &source…", self.choose_source, None, "Add another article to this brief")
        self.paste_action = a("New brief from &pasted text", self.paste_article, "Ctrl+Shift+V",
                              "Start a new brief on the text in the clipboard")  # fmt: skip
        self.save_action = a("&Save", self.save, QKeySequence.Save, "Save the brief")
        self.save_as_action = a("Save &As…", self.save_as, QKeySequence.SaveAs, "Save the brief to another file")
        self.reopen_encoding_action = a("Reopen with &encoding…", self.choose_encoding, None,
                                        "Read the article again in an encoding you choose")  # fmt: skip
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
        self.add_fact_action = a("Add as &key fact", lambda: self.add_selection(KEY_FACTS), "Ctrl+1",
                                 "Add the selected passage as a key fact")  # fmt: skip
        self.add_assessment_action = a("Add as expert &assessment", lambda: self.add_selection(EXPERT_ASSESSMENTS),
                                       "Ctrl+2", "Add the selected passage as an expert assessment")  # fmt: skip
        self.find_action = a("&Find…", self.article_pane.find_bar.open_bar, QKeySequence.Find, "Find in the article")
        self.delete_action = a("&Delete item", self.delete_selected, QKeySequence.Delete, "Delete the selected items")
        self.move_up_action = a("Move item &up", lambda: self.brief_pane.move_current(-1), "Alt+Up")
        self.move_down_action = a("Move item do&wn", lambda: self.brief_pane.move_current(1), "Alt+Down")
        self.move_section_action = a("Move to the &other section", self.brief_pane.move_to_other_section, "Ctrl+M",
                                     "Move the selected items between key facts and expert assessments")  # fmt: skip
        self.sort_action = a("&Sort by place in the article", self.sort_current_section, None,
                             "Order the section as its passages come in the sources")  # fmt: skip
        # item actions act on the lists only, so Del and Alt+arrows keep their meaning in text fields
        for action in (self.delete_action, self.move_up_action, self.move_down_action, self.move_section_action):
            action.setShortcutContext(Qt.WidgetShortcut)
            for item_list in self.brief_pane.lists.values():
                item_list.addAction(action)
        for item_list in self.brief_pane.lists.values():
            item_list.setContextMenuPolicy(Qt.ActionsContextMenu)
            item_list.addAction(self.sort_action)
        self.article_view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._article_menu)

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
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
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
        self.load_progress = QProgressBar()
        self.load_progress.setRange(0, 100)
        self.load_progress.setMaximumWidth(180)
        self.load_progress.setFormat("Loading %p%")
        self.load_progress.hide()
        for widget in (self.load_progress, self.export_progress, self.open_pdf_button):
            self.statusBar().addPermanentWidget(widget)

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
    def modified(self) -> bool:
        return self.document is not None and not self.undo_stack.isClean()

    def set_document(self, document: Document | None, modified: bool = False) -> None:
        """Show ``document`` (None: nothing open) with a fresh undo history."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.autosaver.document = None  # the old document's copy stays until it is saved or discarded
        self.undo_stack.clear()
        self.document = document
        if document is not None:
            self._unsubscribe = document.brief.subscribe(self._brief_changed)
        self.brief_pane.set_brief(document.brief if document else None)
        self.article_pane.source_number = None  # the new brief's source 1 is another text
        self.show_source(1 if document and document.brief.sources else None)
        if modified:
            self.undo_stack.resetClean()  # e.g. a restored recovery copy: not saved yet
        self.autosaver.document = document
        for action in (self.save_action, self.save_as_action, self.add_source_action, self.add_fact_action,
                       self.add_assessment_action):  # fmt: skip
            action.setEnabled(document is not None)
        self._update_title()
        self.document_changed.emit()

    def _brief_changed(self, change) -> None:
        if change.what == "sources":
            self._update_source_picker()
            self._reshow_source()
            number = self.article_pane.source_number
            if number and self.article_view.article is not None:  # a source's title, publisher or date edited
                self.article_pane.describe_source(self.document.brief.source(number), self.article_view.article)
        if change.what in ("items", "item", "sources"):
            self._marks_timer.start()  # once per burst of changes
        if change.what == "field" and change.name == "title":
            self._update_title()

    def update_marks(self) -> None:
        """Mark the brief's passages in the article now (otherwise done once the event loop runs)."""
        self._marks_timer.stop()
        if self.document is not None:
            self.article_pane.show_marks(self.document.brief)
        self.suggestions_pane.set_taken(self.document.brief if self.document else None)
        self._mark_suggestions()

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
            return
        if number == self.article_pane.source_number and self.article_view.article is not None:
            return
        source = brief.source(number)
        self.article_pane.source_number = number
        self._update_source_picker()
        article = self.articles.get(source.sha256)
        shown = article or source.to_article()
        self.article_pane.show_article(shown, number, article.encoding if article else "")
        self.article_pane.describe_source(source, shown)  # as the analyst may have edited it, or a restore has it
        self.article_pane.show_marks(brief)
        self.brief_pane.show_source(number)
        self.show_suggestions()

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

    # --- suggestions
    def show_suggestions(self) -> None:
        """List and mark the suggestions for the shown source, working them out first if needed."""
        number = self.article_pane.source_number
        if self.document is None or not number:
            self.suggestions_pane.set_suggestions(None, [])
            self._mark_suggestions()
            return
        source = self.document.brief.source(number)
        found = self.suggestions.get(source.sha256)
        if found is not None:
            rejected = self.rejections.load(source.sha256)
            self.suggestions_pane.set_suggestions(number, found, rejected, self.document.brief)
            self._mark_suggestions()
            return
        self.suggestions_pane.source_number = number
        self.suggestions_pane.set_busy("Reading the article for suggestions…")
        self._mark_suggestions()
        # a moment later, so the worker (which holds the GIL much of the time) never delays the article's
        # first paint; when it is done, _suggestions_done shows whichever source is current by then
        if self.isVisible():
            QTimer.singleShot(SUGGEST_DELAY_MS, self._start_suggesting)
        # else showEvent starts it, once the window is up

    def _start_suggesting(self) -> None:
        number = self.article_pane.source_number
        if self.suggesting.busy or self.document is None or not number:
            return
        source = self.document.brief.source(number)
        if source.sha256 not in self.suggestions:
            work = partial(_suggestions_for, source.sha256, source.text, source.title_line)
            self.suggesting.start(Job("suggesting", work))

    def _suggestions_done(self, job: Job) -> None:
        if job.error is not None:
            self.suggestions_pane.set_busy(f"No suggestions. {sentence(job.error)}")
            return
        sha, found = job.result
        self.suggestions[sha] = found
        self.show_suggestions()  # for the source shown now, which may be another one by now

    def _remember_rejections(self, spans: set) -> None:
        self._mark_suggestions()
        number = self.suggestions_pane.source_number
        if self.document is None or not number:
            return
        try:
            self.rejections.save(self.document.brief.source(number).sha256, spans)
        except BriefingError as e:  # the list still hides them for this session
            self.statusBar().showMessage(sentence(str(e)), 8000)

    def _mark_suggestions(self) -> None:
        to_qt = self.article_pane.positions.to_qt
        spans = [(to_qt(s.start), to_qt(s.end)) for s in self.suggestions_pane.open_suggestions()
                 if s.kind != "opinion"]  # fmt: skip
        self.article_pane.highlighter.set_spans(SUGGESTION, spans)

    def accept_suggestions(self, chosen: list) -> None:
        """Each chosen suggestion becomes an item (with its speaker), all in one undoable step."""
        from ..core.workbench import plan_acceptance

        number = self.suggestions_pane.source_number
        if self.document is None or not number:
            return
        brief = self.document.brief
        planned, refused = plan_acceptance(brief, number, chosen)
        commands = [AddItem.planned(brief, p) for p in planned]
        if not commands:
            self.report_error("Not added", "Those passages are already in the brief.")
            return
        if len(commands) == 1:
            self.undo_stack.push(commands[0])
        else:
            self.undo_stack.beginMacro(f"Accept {len(commands)} suggestions")
            for command in commands:
                self.undo_stack.push(command)
            self.undo_stack.endMacro()
        self.update_marks()  # the accepted ones leave the list at once, not on the next redraw
        note = f" ({refused} already in the brief)" if refused else ""
        self.statusBar().showMessage(f"Added {counted(len(commands), 'suggestion')}{note}", 4000)

    def show_item(self, item) -> None:
        """Scroll the article to ``item``'s passage (switching source if needed) and select it."""
        self.show_source(item.source)
        self.article_pane.select_span(item.start, item.end)

    def _article_clicked(self, offset: int) -> None:
        """A click in a marked passage selects its item in the brief pane."""
        if self.document is None:
            return
        item = self.document.brief.item_at(self.article_pane.source_number, offset)
        if item is not None:
            self.brief_pane.select_item(item.id)

    # --- picking
    def picked_span(self) -> tuple[int, int] | None:
        """The article selection snapped to whole words, in the shown source; None if nothing is selected."""
        start, end = self.article_pane.selection()
        if self.article_pane.source_number is None or start == end:
            return None
        start, end = snap_to_words(self.document.brief.source(self.article_pane.source_number).text, start, end)
        return (start, end) if start < end else None

    def add_selection(self, section: str) -> None:
        """Ctrl+1 / Ctrl+2: add the selected passage as a key fact or an expert assessment."""
        if self.document is None:
            return
        span = self.picked_span()
        if span is None:
            self.report_error(
                "No passage selected", f"Select a passage in the article, then add it as a {ITEM_NOUN[section]}."
            )
            return
        number, brief = self.article_pane.source_number, self.document.brief
        try:
            brief.make_item(number, *span)  # refuse a taken span before asking anything
        except BriefError as e:
            self.report_error("Already in the brief", sentence(str(e)))
            return
        if section == KEY_FACTS:
            self._push_item(section, number, span)
            return
        speaker, affiliation = guess_attribution(brief.source(number).text, *span)
        dialog = AssessmentDialog(self, brief.source(number).text[span[0] : span[1]], speaker, affiliation)
        dialog.accepted.connect(lambda: self._push_item(section, number, span, *dialog.values()))
        dialog.finished.connect(lambda _: setattr(self, "assessment_dialog", None))
        self.assessment_dialog = dialog
        dialog.open()

    def _push_item(self, section: str, source: int, span: tuple[int, int], speaker: str = "", affiliation: str = ""):
        details = {"speaker": speaker, "affiliation": affiliation} if section == EXPERT_ASSESSMENTS else {}
        try:
            command = AddItem(self.document.brief, section, source, *span, **details)
        except BriefError as e:
            self.report_error("Not added", sentence(str(e)))
            return
        self.undo_stack.push(command)
        self.brief_pane.select_item(command.item.id)
        self.statusBar().showMessage(f"Added {self.document.brief.label(command.item.id)}", 4000)

    def delete_selected(self) -> None:
        ids = self.brief_pane.selected_ids()
        if ids:
            self.brief_pane.push(lambda: RemoveItems(self.document.brief, ids))

    def sort_current_section(self) -> None:
        focus = self.brief_pane.focused_list()
        sections = [focus.section] if focus else [KEY_FACTS, EXPERT_ASSESSMENTS]
        self.undo_stack.beginMacro("Sort by place in the article")
        for section in sections:
            self.undo_stack.push(SortItems(self.document.brief, section))
        self.undo_stack.endMacro()

    def _article_menu(self, pos) -> None:
        menu = self.article_view.createStandardContextMenu()
        menu.insertActions(menu.actions()[0] if menu.actions() else None,
                           [self.add_fact_action, self.add_assessment_action])  # fmt: skip
        menu.insertSeparator(menu.actions()[2])
        menu.addAction(self.find_action)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.article_view.viewport().mapToGlobal(pos))

    # --- asking before losing changes
    def confirm_discard(self, then: Callable[[], None]) -> None:
        """Run ``then`` once unsaved changes are saved or let go; ask first if there are any."""
        if not self.modified:
            then()
            return
        self.brief_pane.commit_pending()

        def answer(choice: str) -> None:
            self.prompt = None
            if choice == "save":
                self.save(then=then)
            elif choice == "discard":
                self.autosaver.discard()
                then()

        self.prompt = ask_unsaved(self, self.document.brief.title or "Untitled brief", answer)

    # --- opening
    def request_open(self, path: str | Path) -> None:
        """Open ``path`` (a brief, or an article for a new brief) after asking about unsaved changes."""
        self.confirm_discard(lambda: self.open_path(path))

    def open_path(self, path: str | Path) -> bool:
        """Open a .brief file, or a PDF that carries its brief (as exported), or start a new brief on an article."""
        if str(path).endswith(BRIEF_SUFFIX):
            return self.open_brief(path)
        if str(path).lower().endswith(".pdf") and pdf_has_brief(path):
            return self.open_brief(path, from_pdf=True)
        return self.open_article(path)

    def open_brief(self, path: str | Path, from_pdf: bool = False) -> bool:
        """Open the brief at ``path``. A big one (checking its items takes a while) opens in the background
        (``document_changed`` follows); False if it failed at once. A brief read ``from_pdf`` is not bound
        to that PDF: saving it asks where to keep it as a .brief, and never writes over the PDF."""

        def show(document: Document) -> None:
            self.set_document(document)
            remember_file(path)
            self.statusBar().showMessage(f"Opened the brief in {path}" if from_pdf else f"Opened {path}", 5000)

        def read(progress=None) -> Document:
            return Document(load_brief(path)[0]) if from_pdf else Document.open(path)

        if brief_is_slow(path):
            return self._in_background("opening the brief", path, read, show, True)
        try:
            document = read()
        except BriefingError as e:
            self.report_error("Could not open the brief", str(e))
            return False
        show(document)
        return True

    def open_article(self, path: str | Path, encoding: str | None = None) -> bool:
        """Start a new brief on the article at ``path``. PDFs, Word documents, web pages and big files load
        in the background (the window shows progress and ``document_changed`` follows); False if it failed
        at once."""

        def new_brief(article: Article) -> None:
            self.articles[article.sha256] = article
            self.set_document(Document.from_article(article))
            remember_file(path)
            self.statusBar().showMessage(f"Opened {path}", 5000)

        return self._load(path, encoding, new_brief, replaces=True)

    def _load(
        self, path: str | Path, encoding: str | None, then: Callable[[Article], None], replaces: bool = False
    ) -> bool:
        path = Path(path)
        then = remembering(path, then)  # the brief keeps only the file's name; the settings keep where it is
        # PDFs, Word documents, web pages and big text files load in a thread: their work is not their size
        if not article_is_slow(path):
            try:
                article = load_article(path, encoding=encoding)
            except BriefingError as e:
                self.report_error("Could not open the article", str(e))
                return False
            then(article)
            return True
        work = partial(load_article, path, encoding=encoding)
        return self._in_background("loading the article", path, work, then, replaces)

    def _in_background(self, name: str, path: Path, work: Callable, then: Callable, replaces: bool) -> bool:
        """Run ``work`` (loading ``path``) in a thread, with a progress bar, then ``then`` with its result.
        If ``then`` ``replaces`` the document and it is edited meanwhile, the window asks again first."""
        if self.loads.busy:
            self.statusBar().showMessage("Another file is still loading…", 3000)
            return False
        self.load_progress.setRange(0, 0 if name == "opening the brief" else 100)  # a brief: busy, no percent
        self.load_progress.setValue(0)
        self.load_progress.show()
        self.statusBar().showMessage(f"Loading {path}…")
        job = Job(name, work, then)
        job.replaces = (self.document, self.undo_stack.index()) if replaces else None  # what it would replace
        self.loads.start(job)
        return True

    def _load_done(self, job: Job) -> None:
        self.load_progress.hide()
        self.load_progress.setRange(0, 100)
        self.statusBar().clearMessage()
        if job.error is not None:
            title = "Could not open the brief" if job.name == "opening the brief" else "Could not open the article"
            self.report_error(title, job.error)
        elif job.replaces is not None and job.replaces != (self.document, self.undo_stack.index()):
            self.confirm_discard(lambda: job.then(job.result))  # edited while it loaded: ask again
        else:
            job.then(job.result)

    def choose_new_article(self) -> None:
        self._ask_path("New brief from article", FILE_FILTER, self.request_open)

    def choose_file(self) -> None:
        self._ask_path("Open", OPEN_FILTER, self.request_open)

    def choose_source(self) -> None:
        self._ask_path("Add source", FILE_FILTER, self.add_source_file)

    def _ask_path(self, title: str, filters: str, then: Callable[[str], None]) -> None:
        folder = str(self.document.path.parent) if self.document and self.document.path else ""
        dialog = QFileDialog(self, title, folder, filters)
        dialog.setFileMode(QFileDialog.ExistingFile)
        dialog.fileSelected.connect(then)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()

    def add_source_file(self, path: str | Path) -> bool:
        """Add the article at ``path`` to the open brief as its next source, and show it."""
        if self.document is None:
            return self.open_article(path)

        def add(article: Article) -> None:
            brief = self.document.brief
            same = next((n for n, s in enumerate(brief.sources, 1) if s.sha256 == article.sha256), None)
            if same is not None:
                self.report_error("Already a source", f"That text is already source {same} of the brief.")
                return
            self.articles[article.sha256] = article
            if self.brief_pane.push(lambda: AddSource(brief, Source.from_article(article))):
                self.show_source(len(brief.sources))
                remember_file(path)

        return self._load(path, None, add)

    def paste_article(self) -> None:
        """Ctrl+Shift+V: a new brief on the text in the clipboard."""
        try:
            article = article_from_paste(QApplication.clipboard().text())
        except BriefingError as e:
            self.report_error("Nothing to paste", str(e))
            return
        self.confirm_discard(lambda: self.set_document(Document.from_article(article)))

    def choose_encoding(self) -> None:
        article = self.article_view.article
        path = source_file(article.sha256) if article is not None else None
        if path is None:
            self.report_error("Nothing to reopen", "This text was not opened from a file on this computer. "
                              "Open the article's file first.")  # fmt: skip
            return
        choice, ok = QInputDialog.getItem(self, "Reopen with encoding", "Text encoding:", COMMON_ENCODINGS, 0, True)
        if ok and choice.strip():
            self.confirm_discard(lambda: self.open_article(path, encoding=choice.strip()))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))  # no mnemonic from a name
            action.setToolTip(plain_tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(partial(self._open_recent, path))
        if not files:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            forget_file(path)
            self.report_error("File not found", f"{path} is no longer there; it was removed from the recent files.")
            return
        self.request_open(path)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.request_open(files[0])

    # --- recovery after a crash
    def offer_recovery(self, passed: frozenset = frozenset()) -> None:
        """Offer back, one at a time, briefs whose changes were never saved (the app was killed). Only
        orphans: a copy another running window holds is its own. A copy that cannot be restored is named
        with its problem, and kept unless the user discards it (``passed``: copies already kept)."""
        copies = [c for c in pending_recoveries() if c.path not in passed]
        if not copies:
            return
        copy = copies[0]

        def answer(choice: str) -> None:
            self.prompt = None
            if choice == "restore":
                self.confirm_discard(lambda: self.restore(copy))
            elif choice == "discard":
                if not discard_orphan(copy.path.parent, copy.key):
                    self.statusBar().showMessage("Another window has that brief open now; its copy was kept", 8000)
                self.offer_recovery(passed | {copy.path})
            elif choice == "keep":
                self.offer_recovery(passed | {copy.path})

        if copy.problem is not None:
            self.prompt = ask_broken_recovery(self, str(copy.path), copy.problem, answer)
        else:
            self.prompt = ask_restore(self, copy.title, local_time(copy.saved_at), answer)

    def restore(self, copy) -> None:
        try:
            brief, original = restore_recovery(copy.path)
        except BriefingError as e:
            self.report_error("Could not restore the brief", str(e))
            return
        if not self.autosaver.claim(copy.key):  # another window restored it since it was offered
            self.report_error("Could not restore the brief", "Another window has restored that brief already.")
            return
        document = Document(brief, original)
        document.recovery_key = copy.key  # the next autosave or save replaces this very copy
        self.set_document(document, modified=True)
        self.statusBar().showMessage(f"Restored “{brief.title}”; save it to keep it", 10_000)

    # --- saving
    def save(self, then: Callable[[], None] | None = None) -> None:
        """Ctrl+S: save to the brief's file, or ask where the first time; then run ``then``."""
        if self.document is None:
            return
        self.brief_pane.commit_pending()
        if self.document.path is None:
            self.save_as(then)
        else:
            self.save_to(self.document.path, then=then)

    def save_as(self, then: Callable[[], None] | None = None) -> None:
        if self.document is None:
            return
        self.brief_pane.commit_pending()
        documents = default_folder()
        default = self.document.path or self.document.suggested_path(documents)
        dialog = QFileDialog(self, "Save brief", str(default.parent), BRIEF_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setDefaultSuffix(BRIEF_SUFFIX.lstrip("."))
        dialog.selectFile(default.name)  # the folder is the dialog's own; a path here fills the name field
        dialog.fileSelected.connect(lambda chosen: self.save_to(Path(chosen), then=then))
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.save_dialog = dialog
        dialog.open()

    def save_to(self, path: Path, force: bool = False, then: Callable[[], None] | None = None) -> bool:
        try:
            self.document.save(path, force=force, recovery_folder=self.autosaver.folder)
        except ChangedOnDisk:
            self._ask_overwrite(path, then)
            return False
        except BriefingError as e:
            self.report_error("The brief was not saved", f"{e}\nYour brief is still open; try another place.")
            return False
        self.undo_stack.setClean()
        remember_file(path)
        self.statusBar().showMessage(f"Saved to {path}", 5000)
        self.saved.emit(str(path))
        if then is not None:
            then()
        return True

    def _ask_overwrite(self, path: Path, then: Callable[[], None] | None) -> None:
        box = QMessageBox(QMessageBox.Warning, "File changed on disk",
                          f"{path.name} was changed by someone else since you opened it.",
                          QMessageBox.Save | QMessageBox.Cancel, self)  # fmt: skip
        box.setInformativeText("Overwrite it with your brief? (Cancel, then Save As, keeps both.)")
        box.button(QMessageBox.Save).setText("Overwrite")
        box.setAttribute(Qt.WA_DeleteOnClose)
        plain_box(box)  # the file's name is shown as written
        box.accepted.connect(lambda: self.save_to(path, force=True, then=then))
        self.prompt = box
        box.open()

    # --- closing
    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(SUGGEST_DELAY_MS, self._start_suggesting)

    def closeEvent(self, event) -> None:
        if self.modified and not self._closing:
            event.ignore()
            self.confirm_discard(self._close_now)
            return
        self.outputs.exports.wait()  # let a running export finish writing its file
        self._save_layout()
        self.autosaver.release()  # a copy still on disk is an orphan now, offered at the next start
        super().closeEvent(event)

    def _close_now(self) -> None:
        self._closing = True
        self.close()

    # --- messages
    def report_error(self, title: str, message: str) -> None:
        """Show ``message`` without blocking (tests and the event loop go on) and announce it."""
        message = sentence(message)  # the model's messages ("that passage is …") start lower-case
        box = plain_box(QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self))  # a file's words
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_reported.emit(message)
