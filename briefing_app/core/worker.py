"""Slow work in a worker process: the child's side (no Qt), and the one-line messages a failed job gives.

A worker process runs one picklable callable, ``work(progress=...)``, and sends back over a pipe:
``("progress", fraction)`` whenever the percentage moves, then ``("done", result)`` or
``("error", line, traceback)``: ``line`` is what the user reads (a :class:`BriefingError`'s message as it
is, anything else "Unexpected error while …"), ``traceback`` the text the parent logs (None for a
BriefingError, which is a message, not a fault). The parent (``gui/jobs.py``) owns the process; it
cancels it with SIGTERM, which here raises SystemExit, so ``finally`` blocks run and a file being written
(:func:`~briefing_app.core.files.write_atomically`) leaves no temporary file behind.

Workers are forked from a fork server (a clean process that never ran Qt, started once, see
:func:`context`) with the export's modules already imported, so a job that does nothing takes ~50 ms
instead of the 0.2-0.5 s of a freshly spawned interpreter. Forking the window's own process is never done:
Qt's threads would be copied in whatever state they were in.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import multiprocessing.context

from .errors import BriefingError
from .logs import short, traceback_text

CANCELLED_EXIT = 75  # the exit status of a worker stopped by SIGTERM (cancel): not a crash


def unexpected(name: str, error: BaseException) -> str:
    """The one line a user reads for a fault that is no BriefingError, e.g. "Unexpected error while
    exporting: KeyError: 'x' (details in the log, see Help > About)"."""
    return f"Unexpected error while {name}: {type(error).__name__}: {short(error)} (details in the log: Help > About)"


def failure(name: str, error: Exception) -> tuple[str, str | None]:
    """(the user's line, the traceback to log or None) for ``error`` raised by the job ``name``."""
    if isinstance(error, BriefingError):
        return str(error), None
    return unexpected(name, error), traceback_text(error)


def context(preload: Sequence[str] = ()) -> multiprocessing.context.BaseContext:
    """Where workers come from: a fork server where the platform has one (Linux, macOS), else spawn
    (Windows). The server starts on first use and imports the main module, this one and ``preload`` (each
    worker then starts with them); it ends with the app. (A main module that imports Qt would cost every
    worker a fifth of a second: keep Qt imports inside functions in scripts that start workers.)
    multiprocessing is imported here, when a worker is first wanted: the window opens without it (10 ms)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["__main__", __name__, *preload])
        return ctx
    return multiprocessing.get_context("spawn")


def _stop(signum, frame) -> None:
    raise SystemExit(CANCELLED_EXIT)


def run_in_child(name: str, work: Callable[..., object], conn, environ: dict[str, str] | None = None) -> None:
    """The worker process's body: run ``work`` and send what happened through ``conn`` (see above), in the
    caller's ``environ`` (the fork server's own is the one it started with: SOURCE_DATE_EPOCH set since, say,
    would not reach the export otherwise)."""
    signal.signal(signal.SIGTERM, _stop)
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)
    last = [-1]

    def progress(fraction: float) -> None:
        percent = round(fraction * 100)
        if percent != last[0]:  # at most a hundred messages, whatever the work reports
            last[0] = percent
            conn.send(("progress", fraction))

    try:
        try:
            result = work(progress=progress)
        except Exception as e:
            conn.send(("error", *failure(name, e)))
            return
        try:
            conn.send(("done", result))
        except Exception as e:  # a result that cannot be pickled is a fault of the caller
            conn.send(("error", *failure(name, e)))
    except (BrokenPipeError, ConnectionResetError):  # the window is gone: nobody to tell
        sys.exit(1)
    finally:
        conn.close()


def warm_up(preload: Sequence[str] = ()) -> None:
    """Start the fork server now (it preloads in its own process), so the first job does not wait for it."""
    if context(preload).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
