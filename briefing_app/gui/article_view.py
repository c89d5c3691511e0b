"""The article pane: the text exactly as loaded, read-only but selectable, paragraph numbers in the margin.

Built on QPlainTextEdit, which shows a 10 MB text several times faster and in a fraction of the memory
of QTextEdit; the margin paints only the visible lines.

Lines never grow longer than a readable measure (:data:`MAX_LINE_CHARS`): in a wide window the text
stands in the middle, its paragraph numbers beside it, with blank space on either side. The view also
never gets narrower than :data:`MIN_LINE_CHARS` a line, so the window's side pane gives way first.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QResizeEvent, QTextOption
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from ..core.article import Article

MAX_LINE_CHARS = 90  # a long but still readable line (typographers allow 45-90 characters)
MIN_LINE_CHARS = 40  # narrower, and every other line breaks mid-phrase


class _NumberMargin(QWidget):
    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.margin_width(), 0)

    def paintEvent(self, event) -> None:
        self._view.paint_margin(event)


class ArticleView(QPlainTextEdit):
    """Shows one article; ``paragraph_label(block_number)`` is what the margin prints beside a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Read-only still lets the analyst select with mouse and keyboard (Shift+arrows) and copy.
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setPlaceholderText("Open an article with File > Open article (Ctrl+O).")
        self.setAccessibleName("Article text")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self._article: Article | None = None
        self._labels: dict[int, str] = {}  # block number -> margin label
        self._widest = 1  # the longest label's length
        self._margin = _NumberMargin(self)
        self._gap = 0  # blank space left of the numbers when the window is wider than a line needs
        self._margins = (-1, 0, 0, 0)
        # the blank space on either side of a capped line is the page's colour, not the window's
        self.setBackgroundRole(QPalette.Base)
        self.setAutoFillBackground(True)
        self.blockCountChanged.connect(self._update_margin_width)
        self.updateRequest.connect(self._scroll_margin)
        self._update_margin_width()

    @property
    def article(self) -> Article | None:
        return self._article

    def set_article(self, article: Article | None) -> None:
        self._article = article
        self._labels = _block_labels(article) if article else {}
        self._widest = max((len(s) for s in self._labels.values()), default=1)  # asked for at every resize
        self.setPlainText(article.text if article else "")
        self._update_margin_width()

    def paragraph_label(self, block_number: int) -> str:
        return self._labels.get(block_number, "")

    # --- the margin, after Qt's code-editor example
    def margin_width(self) -> int:
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(self._widest, 2)

    def line_width(self, chars: int) -> int:
        """The width of a line of ``chars`` average characters, with the document's own margins."""
        return chars * self.fontMetrics().averageCharWidth() + 2 * round(self.document().documentMargin())

    def minimumSizeHint(self) -> QSize:
        frame = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(self.margin_width() + self.line_width(MIN_LINE_CHARS) + frame, super().minimumSizeHint().height())

    def _update_margin_width(self, *_: object) -> None:
        """Numbers in the margin, the text beside them, and when the view is wider than a readable line,
        the spare width split evenly on both sides."""
        scrollbar = self.verticalScrollBar().sizeHint().width()
        room = self.width() - 2 * self.frameWidth() - scrollbar - self.margin_width()
        spare = max(0, room - self.line_width(MAX_LINE_CHARS))
        self._gap = spare // 2
        margins = (self._gap + self.margin_width(), 0, spare - self._gap, 0)
        if margins != self._margins:
            self._margins = margins
            self.setViewportMargins(*margins)
            # QPlainTextEdit re-wraps its text when it is told its viewport changed width, which a hidden
            # window's viewport never tells it: the text would keep the old width and run under the
            # scroll bar. Telling it costs one re-wrap, as any change of width does.
            QApplication.sendEvent(self.viewport(), QResizeEvent(self.viewport().size(), QSize(-1, -1)))
        cr = self.contentsRect()
        self._margin.setGeometry(QRect(cr.left() + self._gap, cr.top(), self.margin_width(), cr.height()))

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_margin_width()

    def paint_margin(self, event) -> None:
        painter = QPainter(self._margin)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.AlternateBase))
        muted = QColor(palette.color(QPalette.Text))
        muted.setAlphaF(0.55)
        painter.setPen(muted)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        painter.setFont(small)
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        width = self._margin.width() - 6
        line_height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            label = self._labels.get(block.blockNumber())
            if label and block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, width, line_height, Qt.AlignRight | Qt.AlignVCenter, label)
            block = block.next()
            top = bottom
        painter.end()


def _block_labels(article: Article) -> dict[int, str]:
    """Margin labels by text block (one block per line): each paragraph's number on its first line."""
    labels = {}
    text = article.text
    block = 0
    pos = 0
    for p in article.paragraphs:
        block += text.count("\n", pos, p.start)
        pos = p.start
        labels[block] = str(p.number) if p.number else ""
    return labels
