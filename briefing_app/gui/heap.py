"""Short pauses for Python's cycle collector while the user works.

A big article brings tens of thousands of long-lived objects (its paragraphs, its suggestions). Each full pass
of the cycle collector walks all of them: 30-100 ms on the GUI thread for an 8 MB article, at a moment
nobody chooses, such as in the middle of "Accept all". So once the window has been calm for a moment after
such objects arrive, it collects once, then moves everything alive out of the collector's sight
(``gc.freeze``); later passes walk only what came since. Each settle first gives the frozen objects back,
so cycles left by an earlier document are still found (frozen objects are freed by their reference counts
as ever: only cycles wait for the next settle).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

SETTLE_DELAY_MS = 300  # calm for this long after the last big arrival


class HeapKeeper(QObject):
    """Settles the heap (collect, then freeze) once the window is calm after :meth:`settle_soon`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_DELAY_MS)
        self._timer.timeout.connect(settle)

    def settle_soon(self, *_args) -> None:
        self._timer.start()  # a later call starts the wait again


def settle() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
