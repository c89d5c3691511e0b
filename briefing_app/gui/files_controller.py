"""The window's files: opening briefs and articles (a file dialog, the recent files, a drop, pasted text,
another encoding), adding a source, saving, offering back what a crash left unsaved, and asking before
unsaved changes are lost.

The controller holds the open :class:`~briefing_app.core.document.Document` and the recovery copy's
autosaver, and pushes its commands on the window's undo stack (whose clean state is the "modified" mark).
It tells the window everything else by signals and never imports it: ``document_opened(document,
modified)`` when another brief is to be shown, ``source_added(number)``, ``error(title, message)``,
``status(message, ms)``, ``saved(path)``, ``prompt_changed(box)`` for the question on screen, and
``flush_requested()`` before it saves or asks, so the views commit what is being typed. Its dialogs are
window-modal on ``parent`` and answer through callbacks, so the event loop and the tests go on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMessageBox, QProgressBar, QWidget

from ..core.article import Article
from ..core.brief import BriefError, Source
from ..core.brief_file import SUFFIX as BRIEF_SUFFIX
from ..core.brief_file import ChangedOnDisk, pdf_has_brief
from ..core.document import Document
from ..core.errors import BriefingError
from ..core.loaders import FILE_FILTER, article_from_paste, load_article
from ..core.loaders.work import article_is_slow, brief_is_slow
from ..core.recovery import discard_orphan, restore_recovery
from .autosave import Autosaver, pending_recoveries
from .dialogs import ask_broken_recovery, ask_restore, ask_unsaved, plain_box, plain_tooltip
from .jobs import Job, JobRunner, load_in_process, make_job
from .recent_files import forget_file, recent_files, remember_file
from .source_files import remembering, source_file
from .undo_commands import AddSource
from .wording import local_time

BRIEF_FILTER = f"Briefs (*{BRIEF_SUFFIX})"
OPEN_FILTER = (
    f"Briefs and articles (*{BRIEF_SUFFIX} *.txt *.md *.text *.html *.htm *.pdf *.docx);;{BRIEF_FILTER};;{FILE_FILTER}"
)
COMMON_ENCODINGS = ["utf-8", "cp1252", "iso-8859-1", "cp1251", "koi8-r", "iso-8859-2", "cp1250", "utf-16",
                    "shift_jis", "euc-kr", "gb18030", "big5", "mac_roman"]  # fmt: skip
OPENING_BRIEF = "opening the brief"  # the job's name; its failure is "Could not open the brief"


def default_folder() -> Path:
    """Where a first save or export is offered: the user's documents folder if it exists, else home.
    (Qt names ~/Documents even on a profile without one, and a dialog on a missing folder shows home with
    the name field holding "Documents/<title>.brief", which then fails to save.)"""
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class FilesController(QObject):
    document_opened = Signal(object, bool)  # the Document now open (None: nothing), whether it is unsaved
    source_added = Signal(int)  # the new source's number
    error = Signal(str, str)  # title, message
    status = Signal(str, int)  # a status-bar message and how long it stays (ms; 0: until the next one)
    saved = Signal(str)
    prompt_changed = Signal(object)  # the question on screen (a QMessageBox), or None once answered
    flush_requested = Signal()  # commit what is being typed: a save or a question about changes follows

    def __init__(self, undo_stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.document: Document | None = None
        self.autosaver = Autosaver(undo_stack, self)
        self.prompt: QMessageBox | None = None
        self.open_dialog: QFileDialog | None = None
        self.save_dialog: QFileDialog | None = None
        self._closing = False
        self.loads = JobRunner(self)
        self.loads.finished.connect(self._load_done)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setFormat("Loading %p%")
        self.progress.hide()
        self.loads.progressed.connect(self.progress.setValue)

    @property
    def modified(self) -> bool:
        return self.document is not None and not self.undo_stack.isClean()

    def set_document(self, document: Document | None, modified: bool = False) -> None:
        """Make ``document`` (None: nothing) the open one, with a fresh undo history, and announce it.
        Replacing a brief with unsaved changes means the user let them go (only :meth:`confirm_discard`
        leads here then), so the old brief's recovery copy goes now: not when they answered, since the
        load that follows may fail or be cancelled and leave that brief open."""
        if self.modified:
            self.autosaver.discard()
        self.autosaver.document = None  # the old document's copy stays until it is saved or discarded
        self.undo_stack.clear()
        self.document = document
        if modified:
            self.undo_stack.resetClean()  # e.g. a restored recovery copy: not saved yet
        self.autosaver.document = document
        self.document_opened.emit(document, modified)

    def _ask(self, box: QMessageBox | None) -> None:
        self.prompt = box
        self.prompt_changed.emit(box)

    # --- asking before losing changes
    def confirm_discard(self, then: Callable[[], None]) -> None:
        """Run ``then`` once unsaved changes are saved or let go; ask first if there are any."""
        if not self.modified:
            then()
            return
        self.flush_requested.emit()

        def answer(choice: str) -> None:
            self._ask(None)
            if choice == "save":
                self.save(then=then)
            elif choice == "discard":
                then()  # the recovery copy stays until the brief is really replaced (or the window closes)

        self._ask(ask_unsaved(self.parent(), self.document.brief.title or "Untitled brief", answer))

    def may_close(self, close: Callable[[], None]) -> bool:
        """Whether the window may close now; if not, it asks about the unsaved changes, then calls ``close``."""
        if not self.modified or self._closing:
            return True

        def now() -> None:
            self._closing = True
            self.autosaver.discard()  # changes saved or let go: no copy to offer at the next start
            close()

        self.confirm_discard(now)
        return False

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
        """Open the brief at ``path``. A big one (checking its items takes a while) opens in the background,
        in a worker process from :data:`~.jobs.PROCESS_LOAD_BYTES` on, with progress and Cancel
        (``document_opened`` follows; cancelled, the open brief stays as it was); False if it failed at once.
        A brief read ``from_pdf`` is not bound to that PDF: saving it asks where to keep it as a .brief."""

        def show(document: Document) -> None:
            self.set_document(document)
            remember_file(path)
            self.status.emit(f"Opened the brief in {path}" if from_pdf else f"Opened {path}", 5000)

        read = partial(Document.open, path, bind=not from_pdf)  # picklable, for a worker process
        if brief_is_slow(path):
            return self._in_background(OPENING_BRIEF, Path(path), read, show, True, load_in_process(path))
        try:
            document = read()
        except BriefingError as e:
            self.error.emit("Could not open the brief", str(e))
            return False
        show(document)
        return True

    def open_article(self, path: str | Path, encoding: str | None = None) -> bool:
        """Start a new brief on the article at ``path``. PDFs, Word documents, web pages and big files load
        in the background (progress shows, ``document_opened`` follows); False if it failed at once."""

        def new_brief(article: Article) -> None:
            self.set_document(Document.from_article(article))
            remember_file(path)
            self.status.emit(f"Opened {path}", 5000)

        return self._load(path, encoding, new_brief, replaces=True)

    def add_source_file(self, path: str | Path) -> bool:
        """Add the article at ``path`` to the open brief as its next source (``source_added`` follows)."""
        if self.document is None:
            return self.open_article(path)

        def add(article: Article) -> None:
            brief = self.document.brief
            same = next((n for n, s in enumerate(brief.sources, 1) if s.sha256 == article.sha256), None)
            if same is not None:
                self.error.emit("Already a source", f"That text is already source {same} of the brief.")
                return
            try:
                command = AddSource(brief, Source.from_article(article))
            except BriefError as e:
                self.error.emit("Not changed", str(e))
                return
            self.undo_stack.push(command)
            self.source_added.emit(len(brief.sources))
            remember_file(path)

        return self._load(path, None, add)

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
                self.error.emit("Could not open the article", str(e))
                return False
            then(article)
            return True
        work = partial(load_article, path, encoding=encoding)  # picklable: a big file loads in a worker process
        return self._in_background("loading the article", path, work, then, replaces, load_in_process(path))

    def _in_background(
        self, name: str, path: Path, work: Callable, then: Callable, replaces: bool, process: bool = False
    ) -> bool:
        """Run ``work`` (loading ``path``) in a thread, or a worker ``process`` (see :mod:`.jobs`), with a
        progress bar, then ``then`` with its result. If ``then`` ``replaces`` the document and it is edited
        meanwhile, ask again first."""
        if self.loads.busy:
            self.status.emit("Another file is still loading…", 3000)
            return False
        self.progress.setValue(0)
        self.progress.show()
        self.status.emit(f"Loading {path}…", 0)
        job = make_job(name, work, then, process=process, subject=path)
        job.replaces = (self.document, self.undo_stack.index()) if replaces else None  # what it would replace
        self.loads.start(job)
        return True

    def _load_done(self, job: Job) -> None:
        self.progress.hide()
        self.status.emit("", 0)
        if job.cancelled:
            self.status.emit("Not opened: loading was cancelled", 5000)
        elif job.error is not None:
            title = "Could not open the brief" if job.name == OPENING_BRIEF else "Could not open the article"
            self.error.emit(title, job.error)
        elif job.replaces is not None and job.replaces != (self.document, self.undo_stack.index()):
            self.confirm_discard(lambda: job.then(job.result))  # edited while it loaded: ask again
        else:
            # shown on the next turn of the event loop: reading a worker's answer (unpickling a 1,500-item brief)
            # and showing it take tens of milliseconds each, and the window answers between the two
            QTimer.singleShot(0, self, partial(job.then, job.result))

    def choose_new_article(self) -> None:
        self._ask_path("New brief from article", FILE_FILTER, self.request_open)

    def choose_file(self) -> None:
        self._ask_path("Open", OPEN_FILTER, self.request_open)

    def choose_source(self) -> None:
        self._ask_path("Add source", FILE_FILTER, self.add_source_file)

    def _ask_path(self, title: str, filters: str, then: Callable[[str], None]) -> None:
        folder = str(self.document.path.parent) if self.document and self.document.path else ""
        dialog = QFileDialog(self.parent(), title, folder, filters)
        dialog.setFileMode(QFileDialog.ExistingFile)
        dialog.fileSelected.connect(then)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()

    def paste_article(self) -> None:
        """Ctrl+Shift+V: a new brief on the text in the clipboard."""
        try:
            article = article_from_paste(QApplication.clipboard().text())
        except BriefingError as e:
            self.error.emit("Nothing to paste", str(e))
            return
        self.confirm_discard(lambda: self.set_document(Document.from_article(article)))

    def choose_encoding(self, article: Article | None) -> None:
        """Read the file ``article`` (the one shown) came from again, in an encoding the user chooses."""
        path = source_file(article.sha256) if article is not None else None
        if path is None:
            self.error.emit("Nothing to reopen", "This text was not opened from a file on this computer. "
                            "Open the article's file first.")  # fmt: skip
            return
        choice, ok = QInputDialog.getItem(
            self.parent(), "Reopen with encoding", "Text encoding:", COMMON_ENCODINGS, 0, True
        )
        if ok and choice.strip():
            self.confirm_discard(lambda: self.open_article(path, encoding=choice.strip()))

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = recent_files()
        for path in files:
            action = menu.addAction(Path(path).name.replace("&", "&&"))  # no mnemonic from a name
            action.setToolTip(plain_tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(partial(self.open_recent, path))
        if not files:
            menu.addAction("No recent files").setEnabled(False)

    def open_recent(self, path: str) -> None:
        if not Path(path).exists():
            forget_file(path)
            self.error.emit("File not found", f"{path} is no longer there; it was removed from the recent files.")
            return
        self.request_open(path)

    def watch_drops(self, widget: QWidget) -> None:
        """Open the first local file dropped on ``widget``."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.DragEnter, QEvent.Drop):
            return False
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            if event.type() == QEvent.Drop:
                self.request_open(files[0])
        return True

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
            self._ask(None)
            if choice == "restore":
                self.confirm_discard(lambda: self.restore(copy))
            elif choice == "discard":
                if not discard_orphan(copy.path.parent, copy.key):
                    self.status.emit("Another window has that brief open now; its copy was kept", 8000)
                self.offer_recovery(passed | {copy.path})
            elif choice == "keep":
                self.offer_recovery(passed | {copy.path})

        if copy.problem is not None:
            self._ask(ask_broken_recovery(self.parent(), str(copy.path), copy.problem, answer))
        else:
            self._ask(ask_restore(self.parent(), copy.title, local_time(copy.saved_at), answer))

    def restore(self, copy) -> None:
        try:
            brief, original = restore_recovery(copy.path)
        except BriefingError as e:
            self.error.emit("Could not restore the brief", str(e))
            return
        if not self.autosaver.claim(copy.key):  # another window restored it since it was offered
            self.error.emit("Could not restore the brief", "Another window has restored that brief already.")
            return
        document = Document(brief, original)
        document.recovery_key = copy.key  # the next autosave or save replaces this very copy
        self.set_document(document, modified=True)
        self.status.emit(f"Restored “{brief.title}”; save it to keep it", 10_000)

    # --- saving
    def save(self, then: Callable[[], None] | None = None) -> None:
        """Ctrl+S: save to the brief's file, or ask where the first time; then run ``then``."""
        if self.document is None:
            return
        self.flush_requested.emit()
        if self.document.path is None:
            self.save_as(then)
        else:
            self.save_to(self.document.path, then=then)

    def save_as(self, then: Callable[[], None] | None = None) -> None:
        if self.document is None:
            return
        self.flush_requested.emit()
        default = self.document.path or self.document.suggested_path(default_folder())
        dialog = QFileDialog(self.parent(), "Save brief", str(default.parent), BRIEF_FILTER)
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
            self.error.emit("The brief was not saved", f"{e}\nYour brief is still open; try another place.")
            return False
        self.undo_stack.setClean()
        remember_file(path)
        self.status.emit(f"Saved to {path}", 5000)
        self.saved.emit(str(path))
        if then is not None:
            then()
        return True

    def _ask_overwrite(self, path: Path, then: Callable[[], None] | None) -> None:
        box = QMessageBox(QMessageBox.Warning, "File changed on disk",
                          f"{path.name} was changed by someone else since you opened it.",
                          QMessageBox.Save | QMessageBox.Cancel, self.parent())  # fmt: skip
        box.setInformativeText("Overwrite it with your brief? (Cancel, then Save As, keeps both.)")
        box.button(QMessageBox.Save).setText("Overwrite")
        box.setAttribute(Qt.WA_DeleteOnClose)
        plain_box(box)  # the file's name is shown as written
        box.accepted.connect(lambda: self.save_to(path, force=True, then=then))
        self._ask(box)
        box.open()
