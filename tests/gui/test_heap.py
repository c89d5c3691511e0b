"""The window keeps the cycle collector's passes short (gui/heap.py): when suggestions arrive, everything
alive is frozen out of the collector's sight; cycles left among frozen objects are collected once another
document is opened."""

import gc
import weakref

import pytest

from briefing_app.gui import heap

from helpers.briefs import seed_brief
from helpers.window import ready, show

pytestmark = pytest.mark.gui


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_the_heap_is_frozen_when_suggestions_arrive_and_old_cycles_go_with_the_next_document(qtbot, window):
    ready(qtbot, window)
    gc.unfreeze()
    cycle = Node()
    gone = weakref.ref(cycle)
    window.suggest.mark()  # the suggestions shown again, as when they arrive
    assert gc.get_freeze_count() > 0
    del cycle
    gc.collect()
    assert gone() is not None  # a frozen cycle waits: the collector's passes no longer see it
    show(qtbot, window, seed_brief())  # another document
    qtbot.waitUntil(lambda: gone() is None, timeout=heap.COLLECT_DELAY_MS + 5000)
    assert gc.get_freeze_count() > 0


def test_a_closed_window_collects_nothing_later(qtbot, window):
    show(qtbot, window, seed_brief())  # a collection is due 300 ms after a document opens
    assert window.heap.collection_due
    window.close()  # e.g. the app quits, or a test ends: no full collection afterwards, in whatever runs then
    assert not window.heap.collection_due
