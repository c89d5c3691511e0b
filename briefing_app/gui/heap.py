"""Short pauses for Python's cycle collector while the user works.

A big article brings tens of thousands of long-lived objects (its paragraphs, its suggestions). Each full pass
of the cycle collector walks all of them: 30-100 ms on the GUI thread for an 8 MB article, at a moment
nobody chooses, such as in the middle of "Accept all". So when such objects arrive, everything alive is moved
out of the collector's sight (``gc.freeze``, which costs nothing); later passes walk only what came since.
Frozen objects are still freed by their reference counts; only cycles among them wait, until the next
document is opened: then, once the window is calm, the frozen objects are given back and collected once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_DELAY_MS = 300  # after a document is opened, once the event loop is free again


class HeapKeeper(QObject):
    """Freezes the heap when long-lived objects arrive (:meth:`freeze`); after another document is opened
    (:meth:`collect_soon`), collects what the earlier one left in cycles, then freezes again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COLLECT_DELAY_MS)
        self._timer.timeout.connect(self.collect)

    def freeze(self, *_args) -> None:
        gc.freeze()

    def collect_soon(self, *_args) -> None:
        if not self._timer.isActive():  # not put off by each new arrival: it runs once, soon
            self._timer.start()

    @property
    def collection_due(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """The window closes: no collection is due for it any more."""
        self._timer.stop()

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
