"""The main window: the article pane with its heading, the File menu, and error reporting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from ..core.article import Article
from ..core.brief_file import SUFFIX as BRIEF_SUFFIX
from ..core.document import Document
from ..core.errors import BriefingError
from ..core.loaders import load_article
from .article_view import ArticleView

APP_NAME = "briefing-app"
ARTICLE_FILTER = "Articles (*.txt *.md *.text);;All files (*)"


class MainWindow(QMainWindow):
    """One window per brief. ``error_reported`` carries every message shown to the user."""

    error_reported = Signal(str)

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
        self.show_article(None)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_article_action = QAction("&Open article…", self)
        self.open_article_action.setShortcut(QKeySequence.Open)
        self.open_article_action.setStatusTip("Open a text article to read and brief")
        self.open_article_action.triggered.connect(self.choose_article)
        file_menu.addAction(self.open_article_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.setMenuRole(QAction.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

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
        path, _ = QFileDialog.getOpenFileName(self, "Open article", "", ARTICLE_FILTER)
        if path:
            self.open_article(path)

    def open_article(self, path: str | Path) -> bool:
        """Load and show the article at ``path``; on failure report it and keep what is shown."""
        try:
            article = load_article(path)
        except BriefingError as e:
            self.report_error("Could not open the article", str(e))
            return False
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
        self.meta_label.setText(f"{Path(article.origin).name} · {count} paragraphs · {len(article.text):,} characters")
        self.statusBar().showMessage(f"Opened {article.origin}", 5000)

    # --- messages
    def report_error(self, title: str, message: str) -> None:
        """Show ``message`` without blocking (tests and the event loop go on) and announce it."""
        box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_reported.emit(message)
