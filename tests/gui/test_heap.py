"""The window keeps the cycle collector's passes short (gui/heap.py): once calm after a document and its
suggestions arrive, everything alive is frozen out of the collector's sight; cycles left before a settle
are still collected by the next one."""

import gc
import weakref

import pytest

from briefing_app.gui import heap

from helpers.window import ready

pytestmark = pytest.mark.gui


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_the_heap_is_frozen_once_the_window_is_calm_and_old_cycles_still_go(qtbot, window):
    ready(qtbot, window)  # the seed's suggestions arrived: a settle is due
    gc.unfreeze()
    cycle = Node()
    gone = weakref.ref(cycle)
    window.heap.settle_soon()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=heap.SETTLE_DELAY_MS + 5000)
    assert gone() is not None  # alive at the settle: frozen with the rest
    del cycle
    gc.collect()
    assert gone() is not None  # a frozen cycle waits: a plain collection does not see it
    window.heap.settle_soon()  # the next arrival: the frozen objects are looked at once more
    qtbot.waitUntil(lambda: gone() is None, timeout=heap.SETTLE_DELAY_MS + 5000)
    assert gc.get_freeze_count() > 0
