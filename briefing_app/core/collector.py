"""Python's cycle collector, paused while worker threads build many objects (the review's word n-grams, the
suggestion engine's results): its full passes walk every object alive and hold the interpreter lock, and so
the window, for 20-100 ms each. The pause is shared: the collector runs again only when the last worker is
done (one thread re-enabling it under another let it walk the other's growing results)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # workers inside collector_paused()
_was_enabled = False  # whether the collector ran before the first of them paused it


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """No automatic collection inside; ``freeze``: on leaving, move every object alive out of the collector's
    sight (``gc.freeze``), so that what the work built is not walked once the collector runs again."""
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if freeze:
                gc.freeze()
            if _paused == 0 and _was_enabled:
                gc.enable()
