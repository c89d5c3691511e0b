"""Work for the worker-process tests: module-level, picklable and Qt-free, as a ProcessJob needs (the
worker imports this module). Each does real work on real files; none stands in for the app's own code."""

import os
import time
from pathlib import Path

from briefing_app.core.files import write_atomically
from briefing_app.export.job import ExportWork


def write_then_hang(path: Path, size: int, progress=None) -> None:
    """Write ``size`` bytes to ``path`` through write_atomically, and hang just before the replace, with the
    temporary file whole on disk (the moment a cancel could leave it behind); says 50% then."""

    def hang(target: Path) -> None:
        progress(0.5)
        time.sleep(60)

    write_atomically(path, b"x" * size, before_replace=hang)


def report_in_steps(steps: int, progress=None) -> int:
    for n in range(1, steps + 1):
        time.sleep(0.02)
        progress(n / steps)
    return os.getpid()


def _parse_ledger(rows: list[str]) -> dict[str, int]:
    return {row.split("=")[0]: int(row.split("=")[1]) for row in rows}


def fail_unexpectedly(progress=None) -> None:
    """A fault deep in the work: a KeyError two calls down."""
    _parse_ledger(["a=1", "b=2"])["missing ledger row"]


def die(code: int, progress=None) -> None:
    """The worker ends without a word (as a crash or the out-of-memory killer would end it)."""
    progress(0.1)
    os._exit(code)


class FaultyExport(ExportWork):
    """An export that meets a fault the app does not expect before it writes anything."""

    def __call__(self, progress=None):
        progress(0.2)
        return fail_unexpectedly()
