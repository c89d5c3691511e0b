"""Marks in the article pane: spans already in the brief (one colour per section), and suggestions.

Items of one section that follow each other with only white space between them alternate between two
tones of the section's colour, so that two adjacent key facts read as two items, not one block. Only a
run of such neighbours is ever re-toned, so adding an item never redraws the whole article.

A QSyntaxHighlighter colours only the blocks Qt lays out, and after a change only the blocks the
changed spans touch are redone, so adding an item to an article with hundreds of them stays cheap.
(ExtraSelections would redo every mark on every change: measured about five times slower at 500.)
They are redone a slice at a time, on a timer, so the window's other timers run between two slices.
Spans are in Qt positions; they never overlap within one kind.
"""

from __future__ import annotations

import heapq
import time
from bisect import bisect_right

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ..core.brief import EXPERT_ASSESSMENTS, KEY_FACTS

SUGGESTION = "suggestion"
# Blocks redone per turn of the event loop, at most: CHUNK, or as many as fit in SLICE_S (a block of an
# 8 MB article with dozens of marks takes up to half a millisecond)
CHUNK = 150
SLICE_S = 0.012

# (light palette, dark palette) background colours: the section's tone, then the tone of an item that
# directly follows another of its section
_COLOURS = {
    KEY_FACTS: (("#ffe08a", "#6b5310"), ("#ffc44d", "#8f6d14")),
    EXPERT_ASSESSMENTS: (("#bcdcff", "#1f4f80"), ("#86bdfa", "#2f6cab")),
}


def section_colour(kind: str, palette: QPalette, tone: int = 0) -> QColor:
    dark = palette.color(QPalette.Base).lightness() < 128
    return QColor(_COLOURS[kind][tone][1 if dark else 0])


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._spans: dict[str, list[tuple[int, int, int]]] = {}  # kind -> sorted (start, end, tone)
        self._ends: dict[str, list[int]] = {}
        self._pending: dict[int, object] = {}  # block number -> block still to redo
        self._unplaced: list[tuple[int, int]] = []  # changed spans whose blocks are not found yet, last first
        # a timer, not a posted call: a chain of posted calls runs before the window's timers get a turn
        self._next_slice = QTimer(self)  # never fires once the highlighter is gone
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._redo_some)
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        self._formats: dict[tuple[str, int], QTextCharFormat] = {}
        for kind in _COLOURS:
            for tone in (0, 1):
                fmt = QTextCharFormat()
                fmt.setBackground(section_colour(kind, palette, tone))
                self._formats[kind, tone] = fmt
        suggestion = QTextCharFormat()
        suggestion.setUnderlineStyle(QTextCharFormat.DashUnderline)
        suggestion.setUnderlineColor(palette.color(QPalette.Link))
        self._formats[SUGGESTION, 0] = suggestion
        self.rehighlight()

    def spans(self, kind: str) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _ in self._spans.get(kind, ())]

    def tones(self, kind: str) -> list[int]:
        """Each span's tone: 1 for an item directly after another of its kind, alternating along a run."""
        return [tone for _, _, tone in self._spans.get(kind, ())]

    def set_spans(self, kind: str, spans: list[tuple[int, int]]) -> None:
        """Show ``spans`` ([start, end) Qt positions) as ``kind``; redo only the blocks whose marks changed."""
        old = set(self._spans.get(kind, ()))
        new = self._toned(kind, sorted(set(spans)))
        self._keep(kind, new, old.symmetric_difference(new))

    def change_spans(self, kind: str, removed: list[tuple[int, int]], added: list[tuple[int, int]]) -> None:
        """Stop showing ``removed`` and show ``added`` as ``kind``, not toned (suggestions): no comparison of
        every span before and after, only the blocks these touch are redone."""
        gone = set(removed)
        kept = [span for span in self._spans.get(kind, ()) if span[:2] not in gone]
        new = list(heapq.merge(kept, sorted((start, end, 0) for start, end in set(added))))
        self._keep(kind, new, [(start, end, 0) for start, end in (*gone, *added)])

    def _keep(self, kind: str, spans: list[tuple[int, int, int]], changed) -> None:
        """Hold ``spans`` for ``kind``; the blocks the ``changed`` ones touch are found and redone in slices
        (finding the blocks of 6,000 spans alone takes 20 ms)."""
        self._spans[kind] = spans
        self._ends[kind] = [end for _, end, _ in spans]
        self._unplaced = sorted({(start, end) for start, end, _ in changed}.union(self._unplaced), reverse=True)
        self._next_slice.start()  # the first slice too: whoever changed the spans has done their share of work

    def _toned(self, kind: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        if kind == SUGGESTION:
            return [(start, end, 0) for start, end in spans]
        document = self.document()
        toned: list[tuple[int, int, int]] = []
        for start, end in spans:
            tone = 0
            if toned:
                _, before_end, before_tone = toned[-1]
                gap = range(before_end, start)
                if len(gap) <= 8 and all(document.characterAt(i).isspace() for i in gap):
                    tone = 1 - before_tone  # a neighbour: the other tone, so the boundary shows
            toned.append((start, end, tone))
        return toned

    def _redo_some(self) -> None:
        """Redo a slice of the touched blocks (see CHUNK), one per turn of the event loop: the thousands of
        suggestions of a 10 MB article are marked without freezing the window."""
        deadline = time.perf_counter() + SLICE_S
        while self._unplaced and (not self._pending or time.perf_counter() < deadline):
            self._touched_blocks(*self._unplaced.pop(), self._pending)  # the top of the article first
        for number in heapq.nsmallest(CHUNK, self._pending):  # the top of the article first, no full sort
            block = self._pending.pop(number)
            if block.isValid() and block.document() is self.document():
                self.rehighlightBlock(block)
            if time.perf_counter() > deadline:
                break
        if self.busy:
            self._next_slice.start()

    @property
    def busy(self) -> bool:
        """Whether marks are still to be redrawn (on later turns of the event loop)."""
        return bool(self._pending or self._unplaced)

    def settle(self) -> None:
        """Redo every touched block now (for a test, or before a screenshot)."""
        while self.busy:
            self._redo_some()

    def clear(self, redraw: bool = True) -> None:
        """No marks. ``redraw``: take the old ones off the text now (not needed when the text is replaced)."""
        self._spans.clear()
        self._ends.clear()
        self._pending.clear()
        self._unplaced.clear()
        if redraw:
            self.rehighlight()

    def _touched_blocks(self, start: int, end: int, blocks: dict) -> None:
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < max(end, start + 1):
            blocks.setdefault(block.blockNumber(), block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        if not self._spans:  # a new text is laid out before it has marks: every block comes through here
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        for kind, spans in self._spans.items():
            i = bisect_right(self._ends[kind], block_start)  # the first span ending after the block starts
            while i < len(spans) and spans[i][0] < block_end:
                start, end, tone = spans[i]
                first = max(start, block_start) - block_start
                self.setFormat(first, min(end, block_end) - block_start - first, self._formats[kind, tone])
                i += 1
