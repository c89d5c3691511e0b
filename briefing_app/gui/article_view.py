"""The article pane: the text exactly as loaded, read-only but selectable, paragraph numbers in the margin.

Built on QPlainTextEdit, which shows a 10 MB text several times faster and in a fraction of the memory
of QTextEdit; the margin paints only the visible lines.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..core.article import Article


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
        self._margin = _NumberMargin(self)
        self.blockCountChanged.connect(self._update_margin_width)
        self.updateRequest.connect(self._scroll_margin)
        self._update_margin_width()

    @property
    def article(self) -> Article | None:
        return self._article

    def set_article(self, article: Article | None) -> None:
        self._article = article
        self._labels = _block_labels(article) if article else {}
        self.setPlainText(article.text if article else "")
        self._update_margin_width()

    def paragraph_label(self, block_number: int) -> str:
        return self._labels.get(block_number, "")

    # --- the margin, after Qt's code-editor example
    def margin_width(self) -> int:
        widest = max((len(s) for s in self._labels.values()), default=1)
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(widest, 2)

    def _update_margin_width(self, *_: object) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._margin.setGeometry(QRect(cr.left(), cr.top(), self.margin_width(), cr.height()))

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
