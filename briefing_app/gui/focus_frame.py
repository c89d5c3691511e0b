"""A plain-to-see frame round the current row of a list that has keyboard focus.

Fusion and most desktop styles mark the current row with a faint dotted line, nearly invisible; a
keyboard user must see which row Enter and Del act on. The frame is painted over the row's edges after
the style has drawn it, so the row keeps its size and wrapped text (a style-sheet rule on the rows
would make Qt lay them out itself)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyledItemDelegate

FRAME_WIDTH = 2


class FocusFrameDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        from PySide6.QtWidgets import QStyle  # its Python enums cost ~10 ms to build: not before a row is drawn

        if not option.state & QStyle.State_HasFocus:
            return
        selected = bool(option.state & QStyle.State_Selected)
        # on a selected row (highlight background) the frame takes the text colour, elsewhere the highlight
        colour = option.palette.color(QPalette.Text if selected else QPalette.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, False)
        pen = QPen(colour, FRAME_WIDTH)
        pen.setJoinStyle(Qt.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        half = FRAME_WIDTH // 2
        painter.drawRect(option.rect.adjusted(half, half, -half, -half))
        painter.restore()
