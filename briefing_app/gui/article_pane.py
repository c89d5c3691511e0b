"""The reading side of the window: which source is shown, its title and details, a find bar, and the
article view with the brief's spans marked.

Positions going in and out of this pane are the brief's: code-point indices into the source text.
The conversion to and from Qt's UTF-16 positions happens here and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ..core.article import Article
from ..core.brief import Brief
from .article_view import ArticleView
from .highlighter import SpanHighlighter
from .positions import PositionMap


class FindBar(QWidget):
    """Ctrl+F: type to find in the article; Enter for the next match, Shift+Enter the previous, Esc closes."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__()
        self.view = view
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the article")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.find_next)
        self.field.textEdited.connect(lambda _: self.find_next(from_start=True))
        self.status = QLabel()
        self.status.setEnabled(False)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close the find bar (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ShiftModifier:
            self.find_next(backward=True)
        else:
            super().keyPressEvent(event)

    def find_next(self, backward: bool = False, from_start: bool = False) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.setText("")
            return False
        flags = QTextDocument.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self.view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.view.setTextCursor(cursor)
        found = self.view.find(needle, flags)
        if not found:  # wrap around
            self.view.moveCursor(QTextCursor.End if backward else QTextCursor.Start)
            found = self.view.find(needle, flags)
        self.status.setText("" if found else "No match")
        return found


class ArticlePane(QWidget):
    """``source_picked(number)`` when the analyst picks another source; ``position_clicked(offset)`` when
    the cursor is put (a click, no selection) at a place in the text."""

    source_picked = Signal(int)
    position_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.source_picker = QComboBox()
        self.source_picker.setAccessibleName("Source shown")
        self.source_picker.setToolTip("The source shown in the article pane")
        self.source_picker.activated.connect(lambda row: self.source_picked.emit(row + 1))
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.PlainText)  # article text is never interpreted as markup
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel()
        self.meta_label.setTextFormat(Qt.PlainText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setEnabled(False)  # the palette's muted text colour, light or dark
        self.view = ArticleView()
        self.view.setAcceptDrops(False)  # a dropped file goes to the window, which opens it
        self.find_bar = FindBar(self.view)
        self.highlighter = SpanHighlighter(self.view.document(), self.palette())
        self.positions = PositionMap("")
        self.source_number: int | None = None
        self.view.cursorPositionChanged.connect(self._cursor_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 4, 4)
        layout.addWidget(self.source_picker)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)

    def set_sources(self, titles: list[str]) -> None:
        self.source_picker.blockSignals(True)
        self.source_picker.clear()
        for number, title in enumerate(titles, 1):
            self.source_picker.addItem(f"[{number}] {title}")
        if self.source_number:
            self.source_picker.setCurrentIndex(self.source_number - 1)
        self.source_picker.blockSignals(False)
        self.source_picker.setVisible(len(titles) > 1)

    def show_article(self, article: Article | None, number: int | None, encoding: str = "") -> None:
        """Show ``article`` as source ``number`` of the brief (None: nothing open)."""
        self.source_number = number
        self.highlighter.clear()
        self.positions = PositionMap(article.text if article else "")
        self.view.set_article(article)
        if number:
            self.source_picker.setCurrentIndex(number - 1)
        if article is None:
            self.title_label.setText("No article open")
            self.meta_label.setText("")
            return
        self.title_label.setText(article.title)
        count = sum(1 for p in article.paragraphs if p.number)
        details = [Path(article.origin).name if article.origin else "pasted text",
                   *(x for x in (article.author, article.publisher, article.published) if x),
                   f"{count} paragraphs", f"{len(article.text):,} characters", encoding]  # fmt: skip
        self.meta_label.setText(" · ".join(x for x in details if x))

    def show_marks(self, brief: Brief) -> None:
        """Mark the spans of the shown source that are in the brief, one colour per section."""
        number = self.source_number
        spans: dict[str, list[tuple[int, int]]] = {}
        for section, item in brief.all_items():
            if item.source == number:
                spans.setdefault(section, []).append((self.positions.to_qt(item.start), self.positions.to_qt(item.end)))
        for section in ("key_facts", "expert_assessments"):
            self.highlighter.set_spans(section, spans.get(section, []))

    # --- selection, in code points
    def selection(self) -> tuple[int, int]:
        cursor = self.view.textCursor()
        return self.positions.from_qt(cursor.selectionStart()), self.positions.from_qt(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and scroll it into the middle of the view."""
        cursor = self.view.textCursor()
        cursor.setPosition(self.positions.to_qt(end))
        cursor.setPosition(self.positions.to_qt(start), QTextCursor.KeepAnchor)
        self.view.blockSignals(True)
        self.view.setTextCursor(cursor)
        self.view.blockSignals(False)
        self.view.centerCursor()
        self.view.viewport().update()

    def _cursor_moved(self) -> None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection() and self.source_number:
            self.position_clicked.emit(self.positions.from_qt(cursor.position()))
