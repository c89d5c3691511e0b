"""The reading side of the window: which source is shown, its title and details, a find bar, and the
article view with the brief's spans marked.

Positions going in and out of this pane are the brief's: code-point indices into the source text.
The conversion to and from Qt's UTF-16 positions happens here and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ..core.article import Article
from ..core.brief import SECTIONS, Brief, Source
from .article_view import ArticleView
from .highlighter import SUGGESTION, SpanHighlighter
from .positions import PositionMap
from .wording import counted


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
        self.status.setTextFormat(Qt.PlainText)
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
        self._mute_meta_label()
        self.view = ArticleView()
        self.view.setAcceptDrops(False)  # a dropped file goes to the window, which opens it
        self.find_bar = FindBar(self.view)
        self.highlighter = SpanHighlighter(self.view.document(), self.palette())
        self.positions = PositionMap("")
        self.source_number: int | None = None
        self._encoding = ""
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
        self.highlighter.clear(redraw=False)  # the text is replaced: its marks go with it
        self.positions = PositionMap(article.text if article else "")
        # the new text puts the cursor at its start: no click of the analyst's, so no item is picked for it
        self.view.cursorPositionChanged.disconnect(self._cursor_moved)
        try:
            self.view.set_article(article)
        finally:
            self.view.cursorPositionChanged.connect(self._cursor_moved)
        if number:
            self.source_picker.setCurrentIndex(number - 1)
        if article is None:
            self.title_label.setText("No article open")
            self.meta_label.setText("")
            return
        self.title_label.setText(article.title)
        self._encoding = encoding
        self.meta_label.setText(_details(article, article.author, article.publisher, article.published, encoding))

    def describe_source(self, source: Source, article: Article) -> None:
        """Title and details line from the brief's ``source`` (as the analyst may have edited it, or as a
        restored brief has it), with the counts of the ``article`` shown."""
        self.title_label.setText(source.title)
        author = getattr(source, "author", None)
        author = article.author if author is None else author
        self.meta_label.setText(_details(article, author, source.publisher, source.published, self._encoding))

    def _mute_meta_label(self) -> None:
        """The details line in a muted colour that still reads (WCAG AA, 4.5:1 against the window), light
        palette or dark; a disabled label's grey is about 1.6:1."""
        palette = self.meta_label.palette()
        background = self.palette().color(QPalette.Window)
        palette.setColor(QPalette.WindowText, readable_muted(self.palette().color(QPalette.WindowText), background))
        self.meta_label.setPalette(palette)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange:  # e.g. the desktop switched to a dark theme
            self._mute_meta_label()

    def show_marks(self, brief: Brief) -> None:
        """Mark the spans of the shown source that are in the brief, one colour per section."""
        number = self.source_number
        spans: dict[str, list[tuple[int, int]]] = {}
        for section, item in brief.all_items():
            if item.source == number:
                spans.setdefault(section, []).append((self.positions.to_qt(item.start), self.positions.to_qt(item.end)))
        for section in SECTIONS:
            self.highlighter.set_spans(section, spans.get(section, []))

    def mark_suggestions(self, spans: list[tuple[int, int]]) -> None:
        """Mark the open suggestions' ``(start, end)`` spans (code points) in the shown source."""
        to_qt = self.positions.to_qt
        self.highlighter.set_spans(SUGGESTION, [(to_qt(start), to_qt(end)) for start, end in spans])

    def remark_suggestions(self, unmarked: list[tuple[int, int]], marked: list[tuple[int, int]]) -> None:
        """Stop marking the suggestions at ``unmarked`` and mark those at ``marked`` (code points), leaving the
        others as they are."""
        to_qt = self.positions.to_qt
        self.highlighter.change_spans(
            SUGGESTION, *([(to_qt(a), to_qt(b)) for a, b in spans] for spans in (unmarked, marked))
        )

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


def _details(article: Article, author: str, publisher: str, published: str, encoding: str) -> str:
    count = sum(1 for p in article.paragraphs if p.number)
    details = [Path(article.origin).name if article.origin else "pasted text", author, publisher, published,
               counted(count, "paragraph"), counted(len(article.text), "character"), encoding]  # fmt: skip
    return " · ".join(x for x in details if x)


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        channels = [x / 255 for x in (c.red(), c.green(), c.blue())]
        r, g, b = (x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_muted(text: QColor, background: QColor, ratio: float = 4.5) -> QColor:
    """The palest mix of ``text`` into ``background`` that keeps ``ratio`` against it (the text itself
    if even that does not)."""
    for step in range(55, 101, 5):
        t = step / 100
        mixed = QColor(
            round(text.red() * t + background.red() * (1 - t)),
            round(text.green() * t + background.green() * (1 - t)),
            round(text.blue() * t + background.blue() * (1 - t)),
        )
        if contrast(mixed, background) >= ratio:
            return mixed
    return QColor(text)
