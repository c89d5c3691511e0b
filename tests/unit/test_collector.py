"""The cycle collector's shared pause (core/collector.py): it runs again only once the last worker is done,
whichever finishes first, and a worker may freeze what it built on leaving."""

import gc
import threading

from briefing_app.core.collector import collector_paused


def test_the_collector_runs_again_only_when_the_last_of_two_overlapping_workers_is_done():
    assert gc.isenabled()
    first_in, second_in, first_may_leave = threading.Event(), threading.Event(), threading.Event()
    seen = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
            first_may_leave.wait(5)
        seen.append(gc.isenabled())  # the second still works: still paused

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_may_leave.set()
            worker.join(5)  # the first left meanwhile
            seen.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    second()
    assert seen == [False, False] and gc.isenabled()


def test_a_paused_collector_stays_off_if_it_was_off_and_freezing_moves_what_is_alive():
    gc.unfreeze()
    gc.disable()
    try:
        with collector_paused(freeze=True):
            kept = [[i] for i in range(1000)]
        assert not gc.isenabled()  # off before: left off
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()
        gc.enable()
