"""Marks in the article pane: spans already in the brief (one colour per section), and suggestions.

A QSyntaxHighlighter colours only the blocks Qt lays out, and after a change only the blocks the
changed spans touch are redone, so adding an item to an article with hundreds of them stays cheap.
(ExtraSelections would redo every mark on every change: measured about five times slower at 500.)
Spans are in Qt positions; they never overlap within one kind.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ..core.brief import EXPERT_ASSESSMENTS, KEY_FACTS

SUGGESTION = "suggestion"
# Blocks redone per turn of the event loop (about 20 ms of work on long paragraphs).
CHUNK = 150

# (light palette, dark palette) background colours
_COLOURS = {
    KEY_FACTS: ("#ffe08a", "#6b5310"),
    EXPERT_ASSESSMENTS: ("#bcdcff", "#1f4f80"),
}


def section_colour(kind: str, palette: QPalette) -> QColor:
    dark = palette.color(QPalette.Base).lightness() < 128
    return QColor(_COLOURS[kind][1 if dark else 0])


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._ends: dict[str, list[int]] = {}
        self._pending: dict[int, object] = {}  # block number -> block still to redo
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        self._formats = {}
        for kind in _COLOURS:
            fmt = QTextCharFormat()
            fmt.setBackground(section_colour(kind, palette))
            self._formats[kind] = fmt
        suggestion = QTextCharFormat()
        suggestion.setUnderlineStyle(QTextCharFormat.DashUnderline)
        suggestion.setUnderlineColor(palette.color(QPalette.Link))
        self._formats[SUGGESTION] = suggestion
        self.rehighlight()

    def spans(self, kind: str) -> list[tuple[int, int]]:
        return list(self._spans.get(kind, ()))

    def set_spans(self, kind: str, spans: list[tuple[int, int]]) -> None:
        """Show ``spans`` ([start, end) Qt positions) as ``kind``; redo only the blocks whose marks changed."""
        old = set(self._spans.get(kind, ()))
        new = sorted(set(spans))
        self._spans[kind] = new
        self._ends[kind] = [end for _, end in new]
        blocks: dict[int, object] = {}  # each touched block once, however many of its marks changed
        for start, end in old.symmetric_difference(new):
            self._touched_blocks(start, end, blocks)
        self._pending.update(blocks)
        self._redo_some()

    def _redo_some(self) -> None:
        """Redo up to CHUNK touched blocks now and the rest on later turns of the event loop: the
        thousands of suggestions of a 10 MB article are marked without freezing the window."""
        for number in heapq.nsmallest(CHUNK, self._pending):  # the top of the article first, no full sort
            block = self._pending.pop(number)
            if block.isValid() and block.document() is self.document():
                self.rehighlightBlock(block)
        if self._pending:
            QTimer.singleShot(0, self, self._redo_some)  # not called once the highlighter is gone

    def settle(self) -> None:
        """Redo every touched block now (for a test, or before a screenshot)."""
        while self._pending:
            self._redo_some()

    def clear(self) -> None:
        self._spans.clear()
        self._ends.clear()
        self._pending.clear()
        self.rehighlight()

    def _touched_blocks(self, start: int, end: int, blocks: dict) -> None:
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < max(end, start + 1):
            blocks.setdefault(block.blockNumber(), block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        for kind, spans in self._spans.items():
            fmt = self._formats[kind]
            i = bisect_right(self._ends[kind], block_start)  # the first span ending after the block starts
            while i < len(spans) and spans[i][0] < block_end:
                start, end = spans[i]
                first = max(start, block_start) - block_start
                self.setFormat(first, min(end, block_end) - block_start - first, fmt)
                i += 1
