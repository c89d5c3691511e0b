"""The main window: the article pane with its heading, the File menu, and error reporting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.article import Article
from ..core.brief_file import SUFFIX as BRIEF_SUFFIX
from ..core.document import Document
from ..core.errors import BriefingError
from ..core.loaders import FILE_FILTER, load_article
from .article_view import ArticleView
from .export_job import ExportJob

APP_NAME = "briefing-app"
PAGE_SIZE_KEY = "export/page_size"
COMMON_ENCODINGS = ["utf-8", "cp1252", "iso-8859-1", "cp1251", "koi8-r", "iso-8859-2", "cp1250", "utf-16",
                    "shift_jis", "euc-kr", "gb18030", "big5", "mac_roman"]  # fmt: skip


class MainWindow(QMainWindow):
    """One window per brief. ``error_reported`` carries every message shown to the user."""

    error_reported = Signal(str)
    export_finished = Signal(object)  # ExportResult, after the status bar says where the PDF went

    def __init__(self) -> None:
        super().__init__()
        self.resize(1100, 760)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.PlainText)  # article text is never interpreted as markup
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel()
        self.meta_label.setTextFormat(Qt.PlainText)
        self.meta_label.setEnabled(False)  # the palette's muted text colour, light or dark
        self.article_view = ArticleView()
        self.document: Document | None = None

        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.article_view, 1)
        self.setCentralWidget(pane)
        self._make_menus()
        self._make_status_bar()
        self._export_job: ExportJob | None = None
        self._export_timer = QTimer(self)  # reads the worker's progress on the GUI thread
        self._export_timer.setInterval(50)
        self._export_timer.timeout.connect(self._poll_export)
        self.export_dialog: QFileDialog | None = None
        self.show_article(None)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_article_action = QAction("&Open article…", self)
        self.open_article_action.setShortcut(QKeySequence.Open)
        self.open_article_action.setStatusTip("Open an article (text, web page, PDF or Word) to read and brief")
        self.open_article_action.triggered.connect(self.choose_article)
        file_menu.addAction(self.open_article_action)
        self.reopen_encoding_action = QAction("Reopen with &encoding…", self)
        self.reopen_encoding_action.setStatusTip("Read the article again in an encoding you choose")
        self.reopen_encoding_action.triggered.connect(self.choose_encoding)
        file_menu.addAction(self.reopen_encoding_action)
        file_menu.addSeparator()
        self.export_action = QAction("&Export PDF", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip("Export the brief to PDF (Ctrl+E): asks where the first time, then re-exports")
        self.export_action.triggered.connect(self.export_brief)
        file_menu.addAction(self.export_action)
        size_menu = file_menu.addMenu("PDF page &size")
        self.page_size_actions = QActionGroup(self)
        current = self.page_size()
        for key, label in (("a4", "A4"), ("letter", "US Letter")):
            action = size_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setData(key)
            self.page_size_actions.addAction(action)
        self.page_size_actions.triggered.connect(lambda action: QSettings().setValue(PAGE_SIZE_KEY, action.data()))
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.setMenuRole(QAction.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

    def _make_status_bar(self) -> None:
        self.export_progress = QProgressBar()
        self.export_progress.setRange(0, 100)
        self.export_progress.setMaximumWidth(180)
        self.export_progress.hide()
        self.open_pdf_button = QPushButton("Open PDF")
        self.open_pdf_button.setFlat(True)
        self.open_pdf_button.setToolTip("Open the exported PDF in the system's viewer")
        self.open_pdf_button.clicked.connect(self.open_exported_pdf)
        self.open_pdf_button.hide()
        self.statusBar().addPermanentWidget(self.export_progress)
        self.statusBar().addPermanentWidget(self.open_pdf_button)

    # --- files
    def open_path(self, path: str | Path) -> bool:
        """Open an article, or a .brief file (shown through its first source)."""
        return self.open_brief(path) if str(path).endswith(BRIEF_SUFFIX) else self.open_article(path)

    def open_brief(self, path: str | Path) -> bool:
        try:
            document = Document.open(path)
        except BriefingError as e:
            self.report_error("Could not open the brief", str(e))
            return False
        self.document = document
        sources = document.brief.sources
        self.show_article(sources[0].to_article() if sources else None)
        return True

    def choose_article(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open article", "", FILE_FILTER)
        if path:
            self.open_article(path)

    def choose_encoding(self) -> None:
        article = self.article_view.article
        if article is None or not Path(article.origin).is_file():
            self.report_error("Nothing to reopen", "Open an article from a file first.")
            return
        choice, ok = QInputDialog.getItem(self, "Reopen with encoding", "Text encoding:", COMMON_ENCODINGS, 0, True)
        if ok and choice.strip():
            self.open_article(article.origin, encoding=choice.strip())

    def open_article(self, path: str | Path, encoding: str | None = None) -> bool:
        """Load and show the article at ``path`` (in ``encoding`` if given); on failure report it and keep
        what is shown."""
        try:
            article = load_article(path, encoding=encoding)
        except BriefingError as e:
            self.report_error("Could not open the article", str(e))
            return False
        self.document = Document.from_article(article)
        self.show_article(article)
        return True

    def show_article(self, article: Article | None) -> None:
        self.article_view.set_article(article)
        if article is None:
            self.setWindowTitle(APP_NAME)
            self.title_label.setText("No article open")
            self.meta_label.setText("")
            return
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        self.title_label.setText(article.title)
        count = sum(1 for p in article.paragraphs if p.number)
        details = [Path(article.origin).name, *(x for x in (article.author, article.publisher, article.published) if x),
                   f"{count} paragraphs", f"{len(article.text):,} characters", article.encoding]  # fmt: skip
        self.meta_label.setText(" · ".join(details))
        self.statusBar().showMessage(f"Opened {article.origin}", 5000)

    # --- export
    def export_brief(self) -> None:
        """Ctrl+E: export to the PDF last exported to; the first time, ask where (next to the brief)."""
        if self.document is None:
            self.report_error("Nothing to export", "Open an article or a brief first.")
            return
        if self._export_job is not None:
            self.statusBar().showMessage("An export is already running…", 3000)
            return
        if self.document.export_path is None:
            self._ask_export_path()
        else:
            self.export_to(self.document.export_path)

    def page_size(self) -> str:
        """The paper size of exported PDFs ("a4" or "letter"), kept in the user's settings."""
        value = str(QSettings().value(PAGE_SIZE_KEY, "a4"))
        return value if value in ("a4", "letter") else "a4"

    def _default_export_path(self) -> Path:
        if self.document.path is not None:
            return self.document.path.with_suffix(".pdf")
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        return self.document.suggested_path(folder).with_suffix(".pdf")

    def _ask_export_path(self) -> None:
        default = self._default_export_path()
        dialog = QFileDialog(self, "Export PDF", str(default.parent), "PDF documents (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(str(default))
        dialog.fileSelected.connect(lambda chosen: self.export_to(Path(chosen)))
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.export_dialog = dialog
        dialog.open()  # window-modal, not a blocking loop

    def export_to(self, path: Path) -> None:
        """Export the brief to ``path`` in a worker thread; the window stays responsive."""
        self.document.export_path = path
        self._export_job = ExportJob(self.document.brief, path, self.page_size())
        self.export_action.setEnabled(False)
        self.open_pdf_button.hide()
        self.export_progress.setValue(0)
        self.export_progress.show()
        self.statusBar().showMessage(f"Exporting to {path}…")
        self._export_job.start()
        self._export_timer.start()

    def _poll_export(self) -> None:
        job = self._export_job
        if job is None:
            self._export_timer.stop()
            return
        self.export_progress.setValue(job.percent)
        if not job.done:
            return
        self._export_timer.stop()
        self._export_job = None
        self.export_progress.hide()
        self.export_action.setEnabled(True)
        if job.error is not None:
            self.report_error("Export failed", job.error)
            return
        result = job.result
        pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
        self.statusBar().showMessage(f"Exported {pages} to {result.path}")
        self.open_pdf_button.show()
        self.export_finished.emit(result)

    def open_exported_pdf(self) -> None:
        if self.document is not None and self.document.export_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.document.export_path)))

    def closeEvent(self, event) -> None:
        if self._export_job is not None:
            self._export_job.wait()  # let a running export finish writing its file
        super().closeEvent(event)

    # --- messages
    def report_error(self, title: str, message: str) -> None:
        """Show ``message`` without blocking (tests and the event loop go on) and announce it."""
        box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_reported.emit(message)
