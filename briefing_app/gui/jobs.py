"""Slow work off the GUI thread (exporting, loading a big article, suggesting), so the window never freezes.

Two kinds of job with one shape (``name``, ``then``, ``percent``, ``result``, ``error``, ``cancelled``,
``done``, ``start()``, ``wait()``, ``cancel()``), both run by a :class:`JobRunner`, which polls them from
a timer on the GUI thread and emits ``progressed(percent)`` and then ``finished(job)``:

- :class:`Job` runs ``work(progress=...)`` in a plain Python thread. Cheap to start, but the work shares
  the GIL with the GUI thread: ReportLab or pypdf working for seconds starves it (exporting 1,500 facts or
  loading 200 pages, the window's longest gap between two ticks of a 10 ms timer: 43-116 ms, against
  14-30 ms with a process). It cannot be cancelled. For short work, and work that cannot be pickled.
- :class:`ProcessJob` runs it in a worker process (:mod:`briefing_app.core.worker`: forked from a clean
  fork server that preloaded ReportLab, pypdf and the fonts; never a fork of this Qt process). Progress
  comes back through a pipe as fractions, the result pickled. The GUI thread only pickles the inputs and
  reads the answers. ``cancel()`` terminates the worker (SIGTERM, then SIGKILL after
  :data:`CANCEL_GRACE_S`); a file it was writing through ``write_atomically`` is left as it was, with no
  temporary file beside it. A job that does nothing takes ~50 ms once the fork server runs (its first
  start, about 1.3 s, happens in the server's own process; the app starts it 3 s after its window).

Either way ``error`` is one line for the user: a BriefingError's message as it is, anything else
"Unexpected error while <name>: …", whose traceback (the thread's, or the worker's, sent back as text) is
logged (:mod:`briefing_app.core.logs`). A cancelled job has ``cancelled`` True and ``error`` set to
"<Name> was cancelled", so a caller that only looks at ``error`` never uses a missing result.

How a caller asks for a process (exports always do, see ``outputs.py``)::

    from .jobs import load_in_process, make_job

    work = functools.partial(load_article, path, encoding=encoding)   # picklable: see below
    job = make_job("loading the article", work, then, process=load_in_process(path), subject=path)
    self.loads.start(job)

and in the runner's ``finished`` handler, before looking at ``job.error``::

    if job.cancelled:
        self.statusBar().showMessage("Not opened: loading was cancelled", 5000)
        return

``work`` must pickle: a module-level function, a ``functools.partial`` of one (``partial(Document.open,
path)`` too), or an instance of a module-level class with a ``__call__`` (like ``ExportWork``); never a
lambda or a closure. It must live in a module that does not import Qt (core, export, or a Qt-free helper):
the worker imports that module. ProcessJob refuses work from ``briefing_app.gui``. ``then`` stays in the
window and may be anything. The runner's ``cancel_button`` (a "Cancel" button shown while a job that can
be cancelled runs) goes into the status bar beside the job's progress bar.

Which loads go to a process: :func:`load_in_process` (articles and briefs of :data:`PROCESS_LOAD_BYTES` or
more). Smaller ones load in a fraction of a second, where a thread's longest gap is already short (a 10-page PDF
0.10-0.20 s, gap 16-20 ms; a 1 MB text 0.05-0.11 s, 16-24 ms) and a worker adds ~50 ms, or 0.7-1.3 s if
the fork server has not started yet (a file given on the command line). A brief is all pure-Python checking:
a 1,500-item one (1.7 MB) in a thread leaves gaps of 31-70 ms (worst 134 ms), in a process 22-32 ms; the
Document comes back pickled (unpickling it costs the GUI thread 8-10 ms, as much as rebuilding it from
plain parts would). Measured in the window by ``tests/bench/bench_job_gaps.py``.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QToolButton

from ..core import worker
from ..core.logs import file_name, short
from ..core.worker import CANCELLED_EXIT, context, failure, run_in_child, unexpected

log = logging.getLogger(__name__)

PROCESS_LOAD_BYTES = 1_000_000
CANCEL_GRACE_S = 2.0  # a worker that has not stopped this long after SIGTERM is killed
PIPE_GRACE_S = 2.0  # an ended worker's pipe not closed this long after is judged to have said all it will
PRELOAD = ("briefing_app.export.preload",)  # what the workers' fork server imports once: ReportLab, fonts, pypdf


def warm_up() -> None:
    """Start the workers' fork server now (it preloads in its own process), so a first job need not wait."""
    worker.warm_up(PRELOAD)


def load_in_process(path: str | Path) -> bool:
    """Whether loading the file at ``path`` is worth a worker process: :data:`PROCESS_LOAD_BYTES` or more."""
    try:
        return os.stat(path).st_size >= PROCESS_LOAD_BYTES
    except OSError:  # the load itself says what is wrong
        return False


def make_job(
    name: str,
    work: Callable[..., object],
    then: Callable[[object], None] | None = None,
    *,
    process: bool = False,
    subject: str | Path | None = None,
) -> Job:
    """A :class:`ProcessJob` if ``process``, else a thread :class:`Job` (see the module's docstring)."""
    return (ProcessJob if process else Job)(name, work, then, subject=subject)


class Job:
    """Run ``work(progress=...)`` in a thread; ``progress`` takes a fraction from 0 to 1. ``subject``: the
    file it is about, named in the log (by its name only)."""

    cancellable = False
    where = "a thread"

    def __init__(
        self,
        name: str,
        work: Callable[..., object],
        then: Callable[[object], None] | None = None,
        *,
        subject: str | Path | None = None,
    ) -> None:
        self.name = name
        self.then = then  # what the window does with the result, on the GUI thread
        self.subject = file_name(subject) if subject else ""
        self.percent = 0
        self.result = None
        self.error: str | None = None  # one line for the user, if it failed
        self.cancelled = False
        self.started_at = 0.0
        self._work = work
        self._finished = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    @property
    def title(self) -> str:
        """What the log calls it, e.g. "exporting brief.pdf"."""
        return f"{self.name} {self.subject}" if self.subject else self.name

    def start(self) -> None:
        self.started_at = time.monotonic()
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._finished and not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()

    def poll(self) -> None:
        """Take in what the worker said since the last call (nothing to do for a thread)."""

    def cancel(self) -> bool:
        """Stop the work if it can be stopped; whether it was (a thread cannot be)."""
        return False

    def _run(self) -> None:
        try:
            self.result = self._work(progress=self._progress)
        except Exception as e:  # never lose the window to an unexpected failure in a worker
            self.error, trace = failure(self.name, e)
            if trace is not None:
                log.error("Unexpected error while %s:\n%s", self.title, trace)
        finally:
            self._finished = True

    def _progress(self, fraction: float) -> None:
        self.percent = round(fraction * 100)


def _module_of(work: Callable[..., object]) -> str:
    while isinstance(work, partial):
        work = work.func
    owner = getattr(work, "__self__", None)  # a bound method: its class's module
    if owner is not None:
        work = owner if isinstance(owner, type) else type(owner)
    module = getattr(work, "__module__", None)
    return module if module is not None else type(work).__module__


class ProcessJob(Job):
    """Run ``work(progress=...)`` in a worker process (see the module's docstring); ``cancel()`` stops it."""

    cancellable = True
    where = "a worker process"

    def __init__(self, name, work, then=None, *, subject=None) -> None:
        module = _module_of(work)
        if module.startswith(("briefing_app.gui", "PySide6")):
            raise TypeError(f"{name}: work from {module} would load Qt in the worker; move it out of the GUI")
        super().__init__(name, work, then, subject=subject)
        self._process = None  # set by the helper thread once the worker runs
        self._inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()  # the worker's messages; None: no more
        self._starter = threading.Thread(target=self._launch, name=f"starting {name}", daemon=True)
        self._launch_failed = False
        self._pipe_ended = False  # the reader has passed on everything the worker wrote
        self._ended_at: float | None = None  # when the worker was first seen ended
        self._stop_at: float | None = None  # cancelled: when to send SIGTERM (now, or once the worker runs)
        self._kill_at: float | None = None

    def start(self) -> None:
        """Start the worker from a helper thread: pickling the work and handing it over (which waits for the
        fork server, and for the worker to read a big brief) never holds up the caller. The same thread then
        reads what the worker says (see :meth:`_read`)."""
        self.started_at = time.monotonic()
        self._starter.start()

    def _launch(self) -> None:
        try:
            ctx = context(PRELOAD)
            conn, child_end = ctx.Pipe(duplex=False)
            args = (self.name, self._work, child_end, dict(os.environ))
            process = ctx.Process(target=run_in_child, args=args, daemon=True)
            try:
                process.start()
            finally:
                child_end.close()  # the worker has its own copy: the pipe ends when the worker does
        except Exception as e:  # work that cannot be pickled, no fork server: a fault, said and logged
            self.error, trace = failure(self.name, e)
            log.error("Could not start a worker for %s:\n%s", self.title, trace or self.error)
            self._launch_failed = True
            return
        finally:
            self._work = None  # the worker has its copy (a signing password goes no further)
        self._process = process
        if self._stop_at is not None:
            process.terminate()  # cancelled while it started: stop it now, before it can finish (poll still reaps it)
        self._read(conn)

    def _read(self, conn) -> None:
        """Take each message off the pipe as the worker writes it, here, off the GUI thread: a long answer
        (3,600 suggestions) arrives in pieces as the worker gets the CPU to write them, and reading it on the
        GUI thread held the window up to 160 ms. :meth:`poll` unpickles them."""
        try:
            while True:
                self._inbox.put(conn.recv_bytes())
        except (EOFError, OSError):  # the worker ended (or was stopped); what it did not say is judged in poll
            pass
        finally:
            conn.close()
            self._inbox.put(None)

    @property
    def done(self) -> bool:
        if self._launch_failed:
            return not self._starter.is_alive()
        return self._finished and self._process is not None and self._process.exitcode is not None

    def poll(self) -> None:
        process = self._process
        if process is None:  # still starting, or it could not start (``done`` says so)
            return
        if self._stop_at is not None:  # cancelled while it started
            self._stop_at = None
            self._kill_at = time.monotonic() + CANCEL_GRACE_S
            process.terminate()
        from multiprocessing.reduction import ForkingPickler  # loaded by then: the worker was started with it

        try:
            while not self._finished and not self._pipe_ended:
                data = self._inbox.get_nowait()
                if data is None:
                    self._pipe_ended = True
                else:
                    self._take(ForkingPickler.loads(data))
        except queue.Empty:
            pass
        # a worker that has ended may still have its answer in the pipe: judge once the reader has it all
        # (or, should something else hold the pipe open, a moment after the worker ended)
        if not self._finished and not process.is_alive() and self._ended_at is None:
            self._ended_at = time.monotonic()
        drained = self._pipe_ended or (self._ended_at is not None and time.monotonic() - self._ended_at > PIPE_GRACE_S)
        if self._finished or process.is_alive() or not drained:
            if self._kill_at is not None and process.is_alive() and time.monotonic() > self._kill_at:
                log.warning("%s: the worker did not stop when asked; killed", self.title)
                process.kill()
                self._kill_at = None
            return
        self._finished = True
        if not self.cancelled:
            why = f"the worker process ended with no answer (exit code {process.exitcode})"
            self.error = unexpected(self.name, RuntimeError(why))
            log.error("%s: %s", self.title, why)
        elif process.exitcode not in (CANCELLED_EXIT, -9, -15):
            log.info("%s: the cancelled worker ended with exit code %s", self.title, process.exitcode)

    def _take(self, message: tuple) -> None:
        kind = message[0]
        if kind == "progress":
            self.percent = round(message[1] * 100)
            return
        self._finished = True
        self.cancelled = False  # it finished before the cancel reached it: its answer stands
        if kind == "done":
            self.error, self.result = None, message[1]
        else:
            self.error, trace = message[1], message[2]
            if trace is not None:
                log.error("Unexpected error while %s (worker process %s):\n%s", self.title, self._process.pid, trace)

    def wait(self) -> None:
        """Block until the worker has ended (e.g. the window closes while it writes a file)."""
        while not self.done:
            self.poll()
            if self._process is None or not self._finished:
                self._starter.join(0.05)  # it reads until the worker's pipe ends
            elif self._process.exitcode is None:
                self._process.join(0.05)

    def cancel(self) -> bool:
        self.poll()
        if self._finished or self._launch_failed or self.cancelled:
            return False
        self.cancelled = True
        self.error = f"{self.name[:1].upper()}{self.name[1:]} was cancelled"
        self._stop_at = time.monotonic()  # SIGTERM at the next poll, or as soon as the worker runs
        self.poll()
        return True


class JobRunner(QObject):
    """Runs one job at a time for the window and reports on the GUI thread: ``progressed(percent)``
    while it runs, then ``finished(job)``. Logs each job's start and end (how long, how it ended)."""

    progressed = Signal(int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, interval_ms: int = 50) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self._button: QToolButton | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self.job is not None

    @property
    def cancel_button(self) -> QToolButton:
        """A "Cancel" button for the status bar, shown while a job that can be cancelled runs."""
        if self._button is None:
            self._button = QToolButton()
            self._button.setText("Cancel")
            self._button.setToolTip("Stop it; a file being written is left as it was")
            self._button.clicked.connect(self.cancel)
            self._button.hide()
        return self._button

    def start(self, job: Job) -> None:
        if self.job is not None:
            raise RuntimeError(f"already {self.job.name}")
        job.start()
        self.job = job
        log.info("%s: started in %s", job.title, job.where)
        if self._button is not None and job.cancellable:
            self._button.setEnabled(True)
            self._button.show()
        self._timer.start()

    def cancel(self) -> bool:
        """Stop the running job if it can be stopped; ``finished`` follows once it has."""
        job = self.job
        if job is None or not job.cancel():
            return False
        log.info("%s: cancelled after %.2f s", job.title, time.monotonic() - job.started_at)
        if self._button is not None:
            self._button.setEnabled(False)
        return True

    def wait(self) -> None:
        if self.job is not None:
            self.job.wait()

    def _poll(self) -> None:
        job = self.job
        if job is None:
            self._timer.stop()
            return
        job.poll()
        self.progressed.emit(job.percent)
        if job.done:
            self._timer.stop()
            self.job = None
            if self._button is not None:
                self._button.hide()
            seconds = time.monotonic() - job.started_at
            if job.cancelled:
                pass  # logged when asked
            elif job.error is not None:
                log.warning("%s failed after %.2f s: %s", job.title, seconds, short(job.error))
            else:
                log.info("%s: done in %.2f s", job.title, seconds)
            self.finished.emit(job)
