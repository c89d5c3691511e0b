"""Slow work off the GUI thread (exporting, loading a big article, suggesting), so the window never freezes.

A job runs one function in a plain Python thread and only writes plain attributes (percent, result,
error); the window reads them from a timer on the GUI thread. No Qt object crosses the thread boundary,
so there is no signal queueing or object lifetime across threads to get wrong. The function is given
the inputs it needs up front (an export gets a snapshot of the brief, so editing may go on).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.errors import BriefingError


class Job:
    """Run ``work(progress=...)`` in a thread; ``progress`` takes a fraction from 0 to 1."""

    def __init__(self, name: str, work: Callable[..., object], then: Callable[[object], None] | None = None) -> None:
        self.name = name
        self.then = then  # what the window does with the result, on the GUI thread
        self.percent = 0
        self.result = None
        self.error: str | None = None  # one line for the user, if it failed
        self._work = work
        self._finished = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._finished and not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()

    def _run(self) -> None:
        try:
            self.result = self._work(progress=self._progress)
        except BriefingError as e:
            self.error = str(e)
        except Exception as e:  # never lose the window to an unexpected failure in a worker
            self.error = f"Unexpected error while {self.name}: {type(e).__name__}: {e}"
        finally:
            self._finished = True

    def _progress(self, fraction: float) -> None:
        self.percent = round(fraction * 100)


class JobRunner(QObject):
    """Runs one job at a time for the window and reports on the GUI thread: ``progressed(percent)``
    while it runs, then ``finished(job)``."""

    progressed = Signal(int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, interval_ms: int = 50) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, job: Job) -> None:
        if self.job is not None:
            raise RuntimeError(f"already {self.job.name}")
        self.job = job
        job.start()
        self._timer.start()

    def wait(self) -> None:
        if self.job is not None:
            self.job.wait()

    def _poll(self) -> None:
        job = self.job
        if job is None:
            self._timer.stop()
            return
        self.progressed.emit(job.percent)
        if job.done:
            self._timer.stop()
            self.job = None
            self.finished.emit(job)
