"""Start the window: the QApplication, the log, the first file to show, the event loop.

The log (:mod:`briefing_app.core.logs`) gets what the window does with files, from its signals: a brief
shown (by its file name, or its first source's), saved, exported, and every error the user is shown (what
it quotes left out); the jobs log their own start, end and faults (see :mod:`.jobs`)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..core.logs import file_name, scrub, setup_logging
from ..resources import resource
from ..seeds import seed_article
from .main_window import APP_NAME, MainWindow

log = logging.getLogger(__name__)
WARM_UP_MS = 3000  # the worker processes' fork server starts this long after the window, before a first export
# How long the GUI thread may wait for Python's lock while a worker thread (the review) holds it. Each call from
# Qt into Python (a paint, an input-method query, a list row's data) waited up to Python's default 5 ms, and a
# repaint makes dozens: 50 ms paints during a 3,000-item review. Shorter turns cost the worker little.
SWITCH_INTERVAL_S = 0.001


def application() -> QApplication:
    """The running QApplication, created once with the names QSettings and the desktop use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons/briefing-app.svg"))))
    return app


def log_window(window: MainWindow) -> None:
    """Log what ``window`` does with files, by their names only, and the errors it shows."""

    def shown() -> None:
        document = window.document
        if document is None:
            return
        if document.path is not None:
            log.info("Opened the brief %s", file_name(document.path))
        else:
            sources = document.brief.sources
            log.info(
                "New brief on %s", file_name(sources[0].origin) if sources and sources[0].origin else "pasted text"
            )

    window.document_changed.connect(shown)
    window.saved.connect(lambda path: log.info("Saved %s", file_name(path)))
    window.error_reported.connect(lambda message: log.warning("Told the user: %s", scrub(message)))


def open_main_window(path: str | Path | None = None) -> MainWindow:
    """A shown main window on ``path``, or on the bundled seed article when ``path`` is None."""
    application()
    if setup_logging() is not None:
        log.info("%s %s started (%s)", APP_NAME, __version__, _platform())
    window = MainWindow()
    log_window(window)
    window.open_path(path if path is not None else str(seed_article()))
    window.show()
    window.offer_recovery()  # a brief left unsaved by a crash is offered back over the window
    return window


def _platform() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}, {sys.platform}"


def run(path: str | None = None) -> int:
    app = application()
    window = open_main_window(path)  # noqa: F841 -- kept alive for the event loop
    from .jobs import warm_up

    QTimer.singleShot(WARM_UP_MS, warm_up)  # the first export then starts at once, not a second later
    status = app.exec()
    log.info("%s closed", APP_NAME)
    return status
