"""Start the window: the QApplication, the first file to show, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..resources import resource
from ..seeds import seed_article
from .main_window import APP_NAME, MainWindow


def application() -> QApplication:
    """The running QApplication, created once with the names QSettings and the desktop use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons/briefing-app.svg"))))
    return app


def open_main_window(path: str | Path | None = None) -> MainWindow:
    """A shown main window on ``path``, or on the bundled seed article when ``path`` is None."""
    application()
    window = MainWindow()
    window.open_path(path if path is not None else str(seed_article()))
    window.show()
    window.offer_recovery()  # a brief left unsaved by a crash is offered back over the window
    return window


def run(path: str | None = None) -> int:
    app = application()
    window = open_main_window(path)  # noqa: F841 -- kept alive for the event loop
    return app.exec()
